"""The rows of a UN-layout PDF as a resolution: heading, paragraphs, footnotes, adoption line.

Rows are sorted into page furniture (removed, recorded), footnotes (below the page's rule),
heading (before the organ line), body and adoption lines. Body rows are grouped into paragraphs
by their first-line indent, joined with the line-end hyphen decided by the text's own words, and
handed to the Word reader's structure builder, the one that knows numbers, labels and leads.
Each footnote marker is kept in the text as a placeholder until the text is final, so that its
place becomes ``note_at`` through :func:`drafting.model.note_anchor`.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from drafting.errors import DraftingError
from drafting.importers.docx import WordParagraph, build_structure, parse_heading
from drafting.importers.ledger import Imported, locate, reconcile, recording, removed, repaired, warn
from drafting.importers.pages import is_page_furniture
from drafting.importers.pdf import Page, Row, read_pages
from drafting.importers.sc import parse_adoption
from drafting.importers.text import known_words, rejoin_spaced, vocabulary
from drafting.model import Resolution, parse_date
from drafting.model.resolution import note_anchor

__all__ = ["import_pdf", "join_printed"]

_ORGAN = re.compile(r"^The (General Assembly|Security Council),$")
_ADOPTION = re.compile(r"^(?:\d+(?:st|nd|rd|th) plenary meeting$|Adopted\b|Approved\b)")
_TITLE = re.compile(r"^(\d+/\d+)\.\s*(.*)$")
_COUNCIL_ADOPTED = re.compile(r"^Adopted by the Security Council at its (\d+)\w\w meeting,? on (.+)$")
_NUMBER = re.compile(r"^(\d{1,3})\.\s+")
_LABEL = re.compile(r"^\((?:[a-z]{1,5}|\d{1,2})\)\s+")
_MARK = "\ue000"  # a footnote marker's place, until the paragraph's text is final
_MARGIN = 0.09  # share of the page height, top and bottom, where furniture stands
_INDENT = 4.0  # points: a line starting further right than the margin opens a paragraph
_HYPHEN_PREFIXES = frozenset("co self non cease above ex anti well post cross long short full large small "
                             "high low half semi multi mid quasi vice peace so".split())


@dataclass
class _Placed:
    """What the structure builder cannot carry, in document order: the footnote number of each
    marker placeholder and the label of each paragraph ("" when it has none)."""

    marks: list[int]
    labels: list[str]
    notes: dict[int, str]
    used: list[int] = field(default_factory=list)  # footnote numbers placed


@dataclass
class _Sorted:
    """The rows of a PDF by role, and the footnotes by number."""

    text: list[Row] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)
    right: float = 0.0  # the right margin: where a full line ends
    last: tuple[int, Row] | None = None  # the note being read and its last row


def import_pdf(path: str | os.PathLike[str]) -> Imported:
    """The resolution in a UN-layout PDF, with the ledger of what was kept, repaired and removed."""
    pages = read_pages(path)
    with recording() as ledger:
        resolution = _resolution(pages, Path(path))
    reconcile("\n".join(row.source() for page in pages for row in page.rows), resolution, ledger)
    locate(resolution, ledger)
    return Imported(resolution, ledger)


def _resolution(pages: list[Page], path: Path) -> Resolution:
    rows = _sort(pages)
    organ = next((i for i, row in enumerate(rows.text) if _ORGAN.match(row.text)), None)
    if organ is None:
        raise DraftingError(f'{path}: expected a resolution with an organ line ("The General Assembly," or '
                            '"The Security Council,") in the PDF, found none; is this a UN resolution?')
    heading, body = rows.text[:organ], rows.text[organ + 1:]
    removed("organ line", rows.text[organ].text)
    end = _adoption_start(body)
    after = _after_adoption(body[end:])
    meta, adoption_note = _metadata(heading, rows.text[organ].text, body[end:len(body) - len(after)], rows.notes)
    paragraphs, placed = _paragraphs(body[:end], rows.notes)
    preamble, operative = build_structure(paragraphs, False)
    used = placed.used
    data: dict[str, Any] = dict(meta, source=path.name)
    data["preamble"] = [_anchor(node, placed)[0] for node in preamble]
    data["operative"] = [_anchor(node, placed)[0] for node in operative]
    if adoption_note is not None:
        used.append(adoption_note)
        data["adoption_note"] = rows.notes.get(adoption_note)
    for number in sorted(set(rows.notes) - set(used)):
        removed("footnote without a marker", rows.notes[number])  # said once, by the warning
        warn("footnotes", f"footnote {number} has no marker in the text: left out "
                          f"({_short(rows.notes[number])!r})")
    try:
        return Resolution.from_dict(data)
    except (DraftingError, TypeError, ValueError, KeyError) as exc:
        raise DraftingError(f"{path}: the PDF's heading does not describe a resolution ({exc}); "
                            "import the Word or text version") from None


# ---------------------------------------------------------------------------- rows by role

def _sort(pages: list[Page]) -> _Sorted:
    """Furniture out (recorded), footnote rows into notes, the rest in reading order."""
    out = _Sorted()
    sizes = Counter(round(row.size) for page in pages for row in page.rows for _ in row.text.split())
    body_size = max(sizes, key=lambda s: (sizes[s], s)) if sizes else 10.0
    out.right = max((row.segments[-1].x1 for page in pages for row in page.rows), default=0.0)
    for page in pages:
        notes = _note_rows(page, body_size)
        for row in page.rows:
            margin = row.top > page.height * (1 - _MARGIN) or row.bottom < page.height * _MARGIN
            if margin and is_page_furniture(row.text, running_head=page.number > 1):
                removed("page furniture", row.source())
            elif row in notes:
                _add_note(out, row)
            else:
                out.text.append(row)
    out.text = _without_line_numbers(out.text)
    return out


def _without_line_numbers(rows: list[Row]) -> list[Row]:
    """Rows without the line numbers a draft prints in its left margin: a bare number standing
    apart before the text, on three rows or more, rising down each page (each removal recorded)."""
    numbered = [row for row in rows if len(row.segments) > 1 and re.fullmatch(r"\d{1,4}", row.segments[0].text)
                and not row.segments[0].marks and row.segments[0].x1 + 6 < row.segments[1].x0]
    for page in {row.page for row in numbered}:  # numbered afresh on each page, or on from the last
        numbers = [int(row.segments[0].text) for row in numbered if row.page == page]
        if numbers != sorted(set(numbers)):
            return rows
    if len(numbered) < 3:
        return rows
    column = numbered[0].segments[0].x0
    alone = {row for row in rows if len(row.segments) == 1 and re.fullmatch(r"\d{1,4}", row.text)
             and abs(row.x0 - column) < 2}  # the number of an empty line
    for row in rows:
        if row in alone or row in numbered:
            removed("line number", row.segments[0].text)
    chosen = set(numbered)
    return [replace(row, segments=row.segments[1:]) if row in chosen else row for row in rows if row not in alone]


def _note_rows(page: Page, body_size: float) -> set[Row]:
    """The rows below the footnote rule; without a rule, the small rows ending the page whose
    first opens with a footnote number."""
    if page.rule is not None:
        return {row for row in page.rows if row.top <= page.rule + 1}
    tail: list[Row] = []
    for row in reversed(page.rows):
        if row.size >= 0.9 * body_size or is_page_furniture(row.text):
            if tail:
                break
            continue
        tail.insert(0, row)
    while tail and _note_number(tail[0], None) is None:
        tail.pop(0)
    return set(tail)


def _opens_note(row: Row) -> bool:
    return bool(row.segments[0].marks) and row.segments[0].marks[0][0] == 0


def _note_number(row: Row, last: int | None) -> tuple[int, str] | None:
    """The number opening a footnote row and the note's text: a superscript, or the next number
    in sequence printed at the text's size ("2S/2002/914, annex.", "2 Ibid.")."""
    if _opens_note(row):
        return row.segments[0].marks[0][1], row.text
    m = re.match(r"^(\d{1,3})(?:\s|(?=[^\W\d]))", row.text)
    if m and (int(m[1]) == last + 1 if last is not None else int(m[1]) < 10):
        return int(m[1]), row.text[m.end():]
    return None


def _add_note(out: _Sorted, row: Row) -> None:
    """A row of the footnote area: it opens a note with its number, or continues the last one
    (on a line of its own where the last row ended short of the margin: a line break)."""
    opening = _note_number(row, max(out.notes, default=None))
    if opening is not None:
        number, text = opening
        if number in out.notes:
            warn("footnotes", f"footnote {number} is printed twice: kept the first ({_short(out.notes[number])!r})")
            out.last = None
            return
        glued = row.text[:len(row.text) - len(text)]  # "2S/2002/914,": the ledger reads one word
        removed("footnote number", row.text.split(" ")[0] if glued and not glued.endswith(" ") else str(number))
        out.notes[number] = text
        out.last = number, row
        return
    if out.last is None:
        warn("footnotes", f"a footnote line without its number: left out ({_short(row.text)!r})")
        return
    number, before = out.last
    first = row.segments[0]
    width = (first.x1 - first.x0) / max(len(first.text), 1) * (len(row.text.split(" ")[0]) + 1)
    if before.segments[-1].x1 + width < out.right - 1:
        out.notes[number] += "\n" + row.text
    else:
        out.notes[number] = _join(out.notes[number], row.text, Counter())
    out.last = number, row


# ---------------------------------------------------------------------------- heading and adoption

def _adoption_start(body: list[Row]) -> int:
    """Index of the first adoption row: the last run of rows, indented, that opens with
    "Adopted ..." or "69th plenary meeting"."""
    margin = min((row.x0 for row in body), default=0.0)
    for i, row in enumerate(body):
        if _ADOPTION.match(row.text) and row.x0 > margin + _INDENT \
                and all(not _ADOPTION.match(r.text) or r.x0 > margin for r in body[i:]):
            return i
    return len(body)


def _metadata(heading: list[Row], organ: str, adoption: list[Row],
              notes: dict[int, str]) -> tuple[dict[str, Any], int | None]:
    """The heading's and adoption lines' metadata, and the footnote number of the adoption line."""
    lines: list[tuple[str, str]] = []
    title: list[str] | None = None
    for row in heading:
        removed("heading", row.source())
        for segment in row.segments:
            m = _TITLE.match(segment.text)
            if m:
                title = [m[2]] if m[2] else []
                lines.append((f"{m[1]}.\t", "title"))
            elif title is not None:
                title.append(segment.text)
            else:
                lines.append((segment.text, ""))
    if title is not None:
        lines = [(f"{text}{join_printed(title)}", "") if style == "title" else (text, style) for text, style in lines]
    mark = next((n for row in adoption for s in row.segments for _, n in s.marks), None)
    said = _adoption_lines(adoption)
    meta = parse_heading(lines, organ, said)
    for line, _ in lines:  # the Council's heading since the 1990s names meeting and date
        if m := _COUNCIL_ADOPTED.match(line):
            meta.setdefault("meeting", int(m[1]))
            if (date := parse_date(m[2])) is not None:
                meta.setdefault("adopted", date)
                meta.setdefault("year", date.year)
    if said and said[0].startswith(("Adopted", "Approved")):
        found = parse_adoption([said[0]])
        meta.update({k: v for k, v in (("meeting", found.meeting), ("vote", found.vote)) if v is not None})
    else:
        removed("adoption lines", " ".join(said))
    for row in adoption:
        for segment in row.segments:
            for _, number in segment.marks:
                removed("footnote marker", str(number))
    return meta, mark


def _after_adoption(rows: list[Row]) -> list[Row]:
    """The rows after the adoption lines (an annex, a list): left out with a warning, since the
    model holds the resolution proper ("69th plenary meeting" and its date; "Adopted ..." to its
    full stop)."""
    stop = 0
    if rows and rows[0].text.startswith(("Adopted", "Approved")):
        stop = next((i + 1 for i, row in enumerate(rows) if row.text.endswith(".")), len(rows))
    elif rows:
        stop = 2 if len(rows) > 1 and parse_date(rows[1].text) else 1
    rest = rows[stop:]
    if rest:
        text = join_printed([row.text for row in rest])
        removed("text after the adoption lines", text)
        warn("annex", f"{len(text.split())} words after the adoption lines left out (an annex?): "
                      f"{_short(text)!r}; the resolution file holds the resolution proper")
    return rest


def _adoption_lines(rows: list[Row]) -> list[str]:
    """The adoption lines as said: a Council's "Adopted ..." sentence joined when it wraps."""
    texts = [row.text for row in rows]
    if texts and texts[0].startswith(("Adopted", "Approved")):
        return [join_printed(texts)]
    return texts


# ---------------------------------------------------------------------------- paragraphs

def _paragraphs(rows: list[Row], notes: dict[int, str]) -> tuple[list[WordParagraph], _Placed]:
    """Body rows grouped by first-line indent into Word-reader paragraphs (markers as
    placeholders), and what the builder cannot carry: marker numbers and labels."""
    margin = min((row.x0 for row in rows), default=0.0)
    groups: list[list[Row]] = []
    for row in rows:
        if not groups or row.x0 > margin + _INDENT or _opens(groups[-1][-1].text, row.text):
            groups.append([])
        groups[-1].append(row)
    words = vocabulary(" ".join(row.text for row in rows))
    depths = _depths([group[0] for group in groups if _LABEL.match(group[0].text)])
    out: list[WordParagraph] = []
    marks: list[int] = []
    labels: list[str] = []
    for group in groups:
        text = join_printed([_marked(row, marks) for row in group], words)
        par = WordParagraph(italic=_italic(group[0]))
        if not _LABEL.match(text):
            labels.append("")
        if m := _NUMBER.match(text):  # the number is derived: its place says operative
            removed("operative number", m[0])
            text, par.style = text[m.end():], "UNOperative"
        elif m := _LABEL.match(text):  # the label is derived: the indent says how deep
            removed("sub-paragraph label", m[0])
            labels.append(m[0].strip()[1:-1])
            text, par.level = text[m.end():], depths[round(group[0].x0)]
        par.text = text
        out.append(par)
    # Words cut by a space ("countri es") joined by the whole text's words: one call, one line each.
    for par, text in zip(out, rejoin_spaced("\n".join(par.text for par in out)).split("\n")):
        par.text = text
    return out, _Placed(marks, labels, notes)


def _opens(before: str, line: str) -> bool:
    """A row at the margin that still opens a paragraph: a number or label after a row that
    closed a clause (a text whose paragraphs are all one line long has no margin of its own)."""
    return bool(_NUMBER.match(line) or _LABEL.match(line)) and before.rstrip()[-1:] in (",", ";", ":", ".")


def _depths(rows: list[Row]) -> dict[int, int]:
    """Depth of a labelled paragraph by its first line's indent: the nearest indent right of
    it opens the first level, the next the second."""
    levels: list[float] = []
    for x in sorted(row.x0 for row in rows):
        if not levels or x > levels[-1] + 2:
            levels.append(x)
    return {round(row.x0): 1 + max(n for n, x in enumerate(levels) if x <= row.x0 + 2) for row in rows}


def _marked(row: Row, marks: list[int]) -> str:
    """The row's text with a placeholder where each footnote marker stood (recorded)."""
    parts = []
    for segment in row.segments:
        text, last = "", 0
        for offset, number in segment.marks:
            text += segment.text[last:offset] + _MARK
            last = offset
            marks.append(number)
            removed("footnote marker", str(number))
        parts.append(text + segment.text[last:])
    return " ".join(p for p in parts if p)


def _italic(row: Row) -> str:
    """The italic words opening the paragraph, after its number or label ("26. Acknowledges")."""
    first = row.segments[0]
    before = first.text[:first.text.find(first.italic)] if first.italic and first.italic in first.text else None
    if before is None or not re.fullmatch(r"(?:\d+\.|\([a-z]+\))?\s*", before):
        return ""
    return first.italic


def _join(text: str, line: str, words: Counter[str]) -> str:
    """``line`` after ``text``: with a space, or across a line-end hyphen as the words decide."""
    first = re.search(r"([^\W\d_]+)-$", text)
    second = re.match(r"[^\W\d_]+", line)
    if not (first and second):
        return f"{text} {line}" if text else line
    whole = _hyphen(first[1], second[0], words)
    if "-" in whole:
        return text + line
    return text[:first.start()] + repaired("line-end hyphen joined (the joined word is a word)",
                                           f"{first[1]}-{second[0]}", whole) + line[second.end():]


def _hyphen(first: str, second: str, words: Counter[str]) -> str:
    """The word a line-end "first-" "second" stands for. The text's own words decide first
    ("particular" or "self-regulation" seen elsewhere); then a capital ("Secretary-General") or a
    prefix UN style hyphenates keeps the hyphen; the pieces are joined only when the joined word
    is a word of the corpus, else the hyphen stays (a compound the text spells once)."""
    joined, hyphened = first + second, f"{first}-{second}"
    seen_joined, seen_hyphened = words[joined.lower()], words[hyphened.lower()]
    if seen_joined != seen_hyphened:
        return joined if seen_joined > seen_hyphened else hyphened
    if second[:1].isupper() or first.lower() in _HYPHEN_PREFIXES:
        return hyphened
    return joined if known_words()[joined.lower()] >= 3 else hyphened


def join_printed(lines: list[str], words: Counter[str] | None = None) -> str:
    """Printed lines as one text: single spaces, a line-end hyphen dropped only where the joined
    word is a word (``words``: the text's own, lower case, with their counts; then the corpus)."""
    out = ""
    for line in lines:
        out = _join(out, line, words if words is not None else Counter())
    return out


# ---------------------------------------------------------------------------- footnote places

def _anchor(node: Any, placed: _Placed, top: bool = True) -> tuple[Any, str]:
    """A structure node with its placeholders turned into ``note`` and ``note_at`` and roman
    first-level numbering kept; with the node's own label."""
    if isinstance(node, str):
        node = {"text": node}
    label = placed.labels.pop(0) if placed.labels else ""
    pieces = node["text"].split(_MARK)
    numbers = [placed.marks.pop(0) for _ in pieces[1:]]
    offsets = [len("".join(pieces[:n + 1])) for n in range(len(numbers))]
    clean = node["text"] = "".join(pieces)
    found = [(n, at) for n, at in zip(numbers, offsets) if n in placed.notes]
    for number, at in zip(numbers, offsets):
        if number not in placed.notes:
            warn("", f"footnote marker {number} has no footnote at the foot of the page: left out",
                 anchor=clean[:at])
    if found:
        placed.used.extend(n for n, _ in found)
        node["note"] = "\n".join(placed.notes[n] for n, _ in found)
        if len(found) > 1 or found[0][1] != len(clean):
            node["note_at"] = [note_anchor(clean, at) for _, at in found]
    if "items" in node:
        items = [_anchor(item, placed, False) for item in node["items"]]
        node["items"] = [item for item, _ in items]
        if top and items[0][1] == "i":  # (i), (ii) at the first level: the style kept, labels derived
            node["numbering"] = "roman"
    return (node["text"] if set(node) == {"text"} else node), label


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "..."
