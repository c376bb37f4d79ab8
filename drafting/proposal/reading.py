"""Facts read from the document a drafter receives, each with the sentence it came from.

Two kinds, chosen by the precedent the facts are for:

- for a Council renewal, the Secretary-General's report on the Force: its symbol and date (from
  the heading), and the period and end date it recommends ("I recommend that the Council extend
  the mandate ... for a further period of six months, until 31 May 1994");
- for an annual Assembly text on a process, the plenary's final communiqué: the plenary's
  ordinal, city, host, dates, the participants counted and admitted, the Chair and Vice-Chair
  chosen for the coming year.

Each fact read keeps the sentence it came from; each fact the precedent states that the document
does not give is listed as not found, never guessed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from drafting.errors import DraftingError
from drafting.model import ORDINAL_RE, SYMBOL_RE, Body, Resolution
from drafting.model.grammar import (LOOSE_DATE_RE, LOOSE_RANGE_RE, parse_loose_date, parse_loose_range,
                                    parse_ordinal)
from drafting.proposal import facts as F
from drafting.proposal.verify import quote
from drafting.proposal.vocabulary import label


@dataclass(frozen=True)
class Read:
    """A fact read from a document, and the sentence it came from."""

    key: str
    value: Any
    sentence: str


def sentences(text: str) -> list[str]:
    """The document's sentences and heading lines, spaces normalised."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*\d+\.\s)", text):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if len(lines) > 1 and all(len(line) < 70 for line in lines):
            out.extend(lines)  # a heading: symbol, date and title each on a line of its own
            continue
        block = " ".join(block.split())
        out.extend(s for s in re.split(r"(?<=[a-z\d)\]”\"])\.\s+(?=[A-Z(“])", block) if s)
    return out


# ---------------------------------------------------------------------------- the Secretary-General's report

_RECOMMEND = re.compile(r"\brecommend|\bextend|\brenew", re.IGNORECASE)
_PERIOD = re.compile(r"\bperiod of ((?:[a-z]+|\d+) (?:months?|years?))\b")
_UNTIL = re.compile(rf"\b(?:until|to|ending|through)\s+(?:the )?({LOOSE_DATE_RE})")


def read_report(text: str) -> list[Read]:
    """Symbol, date, recommended period and end of a report on a Force."""
    out: list[Read] = []
    lines = sentences(text)
    head = lines[:6]
    for line in head:
        m = SYMBOL_RE.search(line)
        if m and "/RES/" not in m.group():
            out.append(Read("report_symbol", m.group(), line))
            break
    for line in head:
        if re.search(r"\bfor the period\b", line, re.IGNORECASE):
            continue  # the period reported on, not the report's date
        m = re.search(LOOSE_DATE_RE, line)
        if m and parse_loose_date(m.group()):
            out.append(Read("report_date", parse_loose_date(m.group()), line))
            break
    for line in lines:
        if not (_RECOMMEND.search(line) and re.search(r"\bmandate\b", line)):
            continue
        period, until = _PERIOD.search(line), _UNTIL.search(line)
        if period and not any(r.key == "mandate_period" for r in out):
            out.append(Read("mandate_period", period.group(1), line))
        if until and parse_loose_date(until.group(1)) and not any(r.key == "mandate_end" for r in out):
            out.append(Read("mandate_end", parse_loose_date(until.group(1)), line))
    return out


# ---------------------------------------------------------------------------- the plenary's communiqué

_NAME = r"(?:[Tt]he )?[A-Z][\w'’.-]*(?:,? (?:of|and|d'|du|the|[A-Z][\w'’.-]*))*?"
_FORMAL = re.compile(r"^(?:[Tt]he )?(?:(?:Republic|Kingdom|State|Commonwealth|Federal Republic|"
                     r"Bolivarian Republic|Democratic Republic|People's Republic|Plurinational State) of )?")


def _country(name: str) -> str:
    """'The Republic of Panama' -> 'Panama'; 'the United Arab Emirates' -> 'United Arab Emirates'."""
    name = name.strip().rstrip(",.")
    short = _FORMAL.sub("", name)
    if short.startswith("Congo"):
        return name  # the two Congos differ only by their formal names
    return short or name


def _names(text: str) -> list[str]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+", text)
    return [_country(p) for p in parts if re.sub(r"^the ", "", p.strip())[:1].isupper()]


def _convened(line: str, out: list[Read]) -> None:
    ordinal = re.search(rf"\b({ORDINAL_RE})\b[^.]{{0,40}}?\bplenary", line, re.IGNORECASE)
    if ordinal and parse_ordinal(ordinal.group(1)):
        out.append(Read("plenary_ordinal", ordinal.group(1).lower(), line))
    dates = re.search(LOOSE_RANGE_RE, line)
    if dates and parse_loose_range(dates.group()):
        start, end = parse_loose_range(dates.group()) or (None, None)
        if start and end:
            out.append(Read("plenary_dates", F.format_range(start, end), line))
    place = re.search(rf"\bin ((?:[A-Z][\w'’.-]*\s?)+?(?:, D\.C\.)?),\s*({_NAME})(?=[.,;]|\s+(?:from|on|at)\b|$)", line)
    if place:
        out.append(Read("plenary_city", place.group(1).strip(), line))
        out.append(Read("plenary_host", _country(place.group(2)), line))


_CHOSEN = (
    ("next_vice_chair", rf"\b(?:selected|elected|chose|welcomed the selection of|confirmed)\s+({_NAME})\s+as\s+"
                        r"(?:the )?(?:KP )?Vice[- ]Chair"),
    ("next_chair", rf"\b({_NAME})\s+(?:will|would|is to|shall)\s+(?:assume|take over|hold)\s+the\s+(?:KP )?"
                   r"[Cc]hair(?:manship)?"),
    ("next_chair", rf"\b(?:selected|elected|chose|confirmed)\s+({_NAME})\s+as\s+(?:the )?(?:KP )?Chair\b"),
    ("chair", rf"\b(?:chairmanship of|chaired by|presided over by)\s+({_NAME})(?=[.,;:]|$)"),
)


def read_communique(text: str) -> list[Read]:
    """Ordinal, place, dates, participants, admissions and the Chairs chosen, from a final communiqué."""
    out: list[Read] = []
    for line in sentences(text):
        if re.search(r"\b(?:convened|met|took place|was held)\b", line) and not any(
                r.key == "plenary_dates" for r in out):
            _convened(line, out)
        count = re.search(r"\b(\d+) (?:KP )?Participants\b", line)
        if count and not any(r.key == "participants" for r in out):
            out.append(Read("participants", int(count.group(1)), line))
        for key, pattern in _CHOSEN:
            m = re.search(pattern, line)
            if m and not any(r.key == key for r in out):
                out.append(Read(key, _country(m.group(1)), line))
        admitted = re.search(rf"\b(?:to admit|admitted|admission of|welcomed)\s+((?:{_NAME})(?:,? (?:and )?{_NAME})*)"
                             r"\s+as (?:a )?(?:new )?(?:KP )?Participants?\b", line)
        if admitted:
            for name in _names(admitted.group(1)):
                out.append(Read("admitted", {"participant": name}, line))
    return _merge_admitted(out)


def _merge_admitted(reads: list[Read]) -> list[Read]:
    admitted = [r for r in reads if r.key == "admitted"]
    rest = [r for r in reads if r.key != "admitted"]
    if admitted:
        rest.append(Read("admitted", [r.value for r in admitted], admitted[0].sentence))
    return rest


# ---------------------------------------------------------------------------- the facts file


def read_document(text: str, precedent: Resolution) -> tuple[list[Read], list[str]]:
    """The facts read, and the precedent's fact keys the document does not give."""
    reader: Callable[[str], list[Read]] = read_report if precedent.body is Body.SC else read_communique
    reads = reader(text)
    from drafting.proposal.factsheet import stated

    wanted = [s.key for s in stated(precedent)]
    got = {r.key for r in reads}
    return reads, [k for k in wanted if k not in got]


def facts_text(reads: list[Read], missing: list[str], document: str) -> str:
    """The facts read as a facts file: each with its sentence; what was not found, said."""
    lines = [f"# Facts read from {document}; each with the sentence it came from. Check each one.\n"]
    for r in reads:
        body = yaml.safe_dump({r.key: r.value}, allow_unicode=True, sort_keys=False, default_flow_style=False)
        lines.append(f"# {label(r.key)}: {quote(r.sentence, 160)}\n{body}")
    if missing:
        lines.append("# Not found in the document (fill in, or leave out to have the paragraphs flagged):\n"
                     + "".join(f"# {k}: {label(k)}\n" for k in missing))
    return "\n".join(lines)


def read_file(path: str, precedent: Resolution) -> str:
    """``drafting facts read``: a text file (or Word file) read into a facts file."""
    text = _text_of(Path(path))
    reads, missing = read_document(text, precedent)
    return facts_text(reads, missing, Path(path).name)


def _text_of(path: Path) -> str:
    if not path.exists():
        raise DraftingError(f"{path}: no such file; expected the report or communiqué as a text or Word file")
    if path.suffix.lower() == ".docx":
        import docx

        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DraftingError(f"{path}: expected a UTF-8 text or a Word file, found other bytes; save it as "
                            "plain text (UTF-8) or .docx") from None
