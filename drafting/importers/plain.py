"""A whole resolution as plain text: the official layout, or the one ``drafting show`` prints.

    A/RES/68/128                              68/128. The role of diamonds in fuelling ...
    Sixty-eighth session                      (the official text: symbol and title on one line,
    Agenda item 32                             "Resolution adopted by the General Assembly on
                                               18 December 2013")
    The role of diamonds in fuelling ...

    The General Assembly,

        Recognizing ...,
        1. Reaffirms ...;
              * a footnote of that paragraph
    69th plenary meeting
    18 December 2013

Everything before the organ line is the heading (symbol, session, agenda item, draft symbol,
title); the paragraphs are cut by :mod:`.paragraphs`; the adoption lines give meeting and date.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from drafting.model import MONTH_RE, MONTHS, PLENARY_RE, Body, Part, Resolution, parse_ordinal
from drafting.model.leads import detect_lead
from drafting.model.sections import RESTART
from drafting.importers.pages import drop_page_furniture
from drafting.importers.paragraphs import build_parts, split_blocks
from drafting.importers.sc import parse_adoption
from drafting.importers.ledger import removed
from drafting.importers.text import rejoin_spaced, vocabulary

_ORGAN = re.compile(r"^\s*The (General Assembly|Security Council)\s*,\s*$", re.M)
_DATE = rf"(\d{{1,2}}) ({MONTH_RE}) (\d{{4}})"
_GA_PLENARY = re.compile(rf"^\s*{PLENARY_RE}\s*$")
_SC_ADOPTED = re.compile(r"^\s*Adopted\b")
_NOTE = re.compile(r"^\s{4,}\* (.*)$")  # a note as `drafting show` prints it
_ADDRESS_TAG = re.compile(r"^(\s*(?:\d+\.\s+|\([a-z]+\)\s+)?)\[(?:PP|OP)\d+(?:\([a-z]+\))*\]\s+")
_NOTE_BASE = 900  # note numbers given to `show`'s notes: above any real footnote of a resolution


def _heading(lines: list[str]) -> dict[str, object]:
    """Symbol, session, agenda item, draft, adoption date and title from the heading lines.

    The title is the official "68/128. Title ..." when there is one, else the last run of lines
    that is no metadata (the layout `drafting show` prints).
    """
    meta: dict[str, object] = {}
    runs: list[list[str]] = [[]]
    official: list[str] | None = None
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            runs.append([])
            continue
        if m := re.match(r"^(\d+)/(\d+)\.\s+(.*)$", line):  # "68/128. The role of ..."
            meta["symbol"] = f"A/RES/{m[1]}/{m[2]}"
            official = [m[3]]
            runs.append(official)
            continue
        if m := re.search(r"\b(A/RES/\d+/\d+|S/RES/\d+ \(\d{4}\))", line):
            meta.setdefault("symbol", m[1])
        elif m := re.fullmatch(r"(A/\d+/L\.\d+(?:/Rev\.\d+)?)", line):  # a draft: its L symbol
            meta["draft"] = m[1]
        elif m := re.match(r"^([A-Z][a-z]+(?:-[a-z]+)?) session$", line):
            meta["session"] = parse_ordinal(m[1])
        elif m := re.match(r"^Agenda items? (.+)$", line):
            meta["agenda_item"] = m[1]
        elif m := re.search(r"(?:adopted by the (?:General Assembly|Security Council) on|^of) " + _DATE + "$", line):
            meta["adopted"] = dt.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
        elif m := re.search(r"\((A/[^)]+)\)\]$", line):
            meta["draft"] = m[1]
        elif line.startswith("Sponsors:"):
            meta["sponsors"] = tuple(s.strip() for s in line[len("Sponsors:"):].split(","))
        elif not (line == "Draft resolution" or "Distr." in line or re.fullmatch(_DATE, line)
                  or re.fullmatch(r"\[.*\]", line)):
            runs[-1].append(line)
    titles = [run for run in runs if run]
    sponsored = _sponsors([" ".join(run) for run in titles])
    if sponsored is not None:
        meta["sponsors"], title = sponsored
        if title:
            meta["title"] = title
    elif official or titles:
        meta["title"] = " ".join(official or titles[-1])
    return meta


# A draft's heading: "Armenia, Barbados, ... and Zimbabwe: draft resolution", then the title
# (on the same line after the colon in some copies, else on the lines after).
_SPONSORED = re.compile(r"^(?P<names>[A-Z].*?):\s*(?:revised\s+)?draft resolution\b[\s.]*(?P<title>.*)$", re.I)


def _sponsors(runs: list[str]) -> tuple[tuple[str, ...], str] | None:
    """The sponsors and the title of a draft heading, or None when there is no sponsor line."""
    for n, run in enumerate(runs):
        m = _SPONSORED.match(run)
        if m:
            names = re.split(r",\s*(?:and\s+)?|\s+and\s+", m["names"].strip())
            title = m["title"].strip() or (" ".join(runs[n + 1:]) if n + 1 < len(runs) else "")
            removed("sponsor line", run[:m.start("title")])
            return tuple(name.strip() for name in names if name.strip()), title
    return None


_SHOWN_MARKER = re.compile(r"^\[(\d{1,2})\]\s+")  # "[2] Ibid. ...": `show`'s anchored note


def _mark_at(lines: list[str], k: str, mark: int) -> bool:
    """`show`'s "[k]" in the paragraph above, made a slash marker ("May, 901/ 30 May") where it
    stands; False when the paragraph holds no "[k]"."""
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].strip():
            return False
        if f"[{k}]" in lines[i]:
            removed("footnote marker as show prints it", f"[{k}]")
            lines[i] = lines[i].replace(f"[{k}]", f" {mark}/", 1)
            return True
    return False


def _untagged(m: re.Match[str]) -> str:
    """The line's start without the address `show --addresses` printed ("[OP2(a)]"), recorded."""
    removed("address as show prints it", m[0][len(m[1]):])
    return m[1]


def _notes_to_marks(lines: list[str]) -> tuple[list[str], dict[int, str]]:
    """`show`'s note lines ("      * text") become footnote marks on the paragraph before them."""
    out: list[str] = []
    notes: dict[int, str] = {}
    current: int | None = None
    for line in lines:
        m = _NOTE.match(line)
        if m:
            current = _NOTE_BASE + len(notes)
            place = _SHOWN_MARKER.match(m[1])
            if place:
                removed("footnote number as show prints it", place[0])
            notes[current] = m[1][place.end():].strip() if place else m[1].strip()
            if place and _mark_at(out, place[1], current):
                continue
            # The note belongs to the top-level paragraph, printed before its sub-paragraphs
            # (indented by eight spaces or more).
            last = max(i for i, prior in enumerate(out) if prior.strip() and not prior.startswith(" " * 8))
            out[last] = out[last].rstrip() + f" {current}"
        elif current is not None and line.startswith(" " * 8) and line.strip():
            notes[current] += " " + line.strip()
        else:
            current = None
            out.append(_ADDRESS_TAG.sub(_untagged, line))
    return out, notes


def _ending(lines: list[str], body: Body, notes: dict[int, str]) -> tuple[int, dict[str, object]]:
    """Where the paragraphs end, and the meeting/date/vote the adoption lines give."""
    for i, line in enumerate(lines):
        m = _GA_PLENARY.match(line)
        if m and body is Body.GA:
            rest = " ".join(lines[i + 1:i + 3])
            date = re.search(_DATE, rest)
            meta: dict[str, object] = {"meeting": int(m[1])}
            if date:
                meta["adopted"] = dt.date(int(date[3]), MONTHS.index(date[2]) + 1, int(date[1]))
            return i, meta
        if _SC_ADOPTED.match(line) and body is Body.SC:
            adoption = parse_adoption(lines[i:], None)
            note = notes.get(adoption.mark) if adoption.mark is not None else None
            return i, {"meeting": adoption.meeting, "vote": adoption.vote, "adoption_note": note}
    return len(lines), {}


_INLINE_ORGAN = re.compile(r"\s*\bThe (?:General Assembly|Security Council)\s*,\s*")
_INLINE_NUMBER = re.compile(r"(?<=[;:,.]) (\d{1,3})\. (?=[A-Z])")


# Where the heading of a one-line text breaks: after the symbol, around "Sixty-eighth session",
# after "Agenda item 32".
_HEAD_BREAKS = re.compile(r"(?<=\d)\s+(?=[A-Z][a-z]+(?:-[a-z]+)? session\b)|(?<=\bsession)\s+"
                          r"|(?<=\bAgenda item \d)\s+(?=[A-Z])|(?<=\bAgenda item \d\d)\s+(?=[A-Z])"
                          r"|(?<=\bAgenda item \d\d\d)\s+(?=[A-Z])")


def unwrap_one_line(text: str) -> str:
    """A resolution pasted as one line, given back its lines: the organ line on its own, a
    blank line before each operative number in sequence and each preambular lead after a comma.
    Texts with their lines are returned as they are."""
    if _ORGAN.search(text) or not (organ := _INLINE_ORGAN.search(text)):
        return text
    head, body = text[:organ.start()], text[organ.end():]
    expected, cuts = 1, []
    for m in _INLINE_NUMBER.finditer(body):
        if int(m[1]) == expected:
            cuts.append(m.start())
            expected += 1
    first = cuts[0] if cuts else len(body)
    cuts += [m.end() for m in re.finditer(r",\s+(?=[A-Z])", body[:first]) if detect_lead(body[m.end():], Part.PREAMBLE)]
    cuts += [m.start() for m in re.finditer(rf"(?<=[.;]) (?:{PLENARY_RE}|Adopted\b)", body)]
    cuts += [m.end() for m in re.finditer(PLENARY_RE, body)]
    pieces, last = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(body[last:cut].strip())
        last = cut
    pieces.append(body[last:].strip())
    head = _HEAD_BREAKS.sub("\n\n", head.strip())
    return head + "\n\n" + organ[0].strip() + "\n\n" + "\n\n".join(p for p in pieces if p) + "\n"


def parse_plain(text: str, file: str = "<text>", source: str | None = None) -> Resolution | None:
    """The resolution in a plain text with an organ line, or None when there is none."""
    text = rejoin_spaced(unwrap_one_line(text))
    organ = _ORGAN.search(text)
    if not organ:
        return None
    body = Body.GA if organ[1] == "General Assembly" else Body.SC
    meta = _heading(text[:organ.start()].split("\n"))
    removed("heading", text[:organ.start()])
    removed("organ line", organ[0])
    lines, notes = _notes_to_marks(drop_page_furniture(text[organ.end():].split("\n")))  # copied from a PDF
    end, adoption = _ending(lines, body, notes)
    removed("adoption lines", "\n".join(lines[end:]))
    meta.update({k: v for k, v in adoption.items() if v is not None and k not in meta})
    words = vocabulary(text)
    parts = build_parts(split_blocks(lines[:end], set(notes)), set(notes), words)
    restart = parts.place_sections()
    preamble, operative = parts.preamble, parts.operative
    symbol = meta.get("symbol")
    adopted = meta.get("adopted")
    year = adopted.year if isinstance(adopted, dt.date) else None
    if year is None and isinstance(symbol, str) and (m := re.search(r"\((\d{4})\)", symbol)):
        year = int(m[1])
    fields: dict[str, Any] = {k: v for k, v in meta.items() if k in (
        "symbol", "session", "adopted", "meeting", "agenda_item", "draft", "vote", "adoption_note", "sponsors",
        "title")}
    return Resolution(
        body=body, year=year, source=source or file, section_numbering=RESTART if restart else None,
        preamble=tuple(p.build(notes) for p in preamble),
        operative=tuple(p.build(notes) for p in operative),
        **fields,
    )
