"""The rows of a UN-layout PDF as a resolution: heading, paragraphs, footnotes, adoption line.

Rows are sorted into page furniture (removed, recorded), footnotes (below the page's rule),
heading (before the organ line), body and adoption lines. Body rows are grouped into paragraphs
by their first-line indent, joined with the line-end hyphen decided by the text's own words, and
handed to the Word reader's structure builder, the one that knows numbers, labels and leads.
Each footnote marker is kept in the text as a placeholder until the text is final, so that its
place becomes ``note_at`` (:mod:`drafting.importers.pdf_notes`).
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from drafting.errors import DraftingError
from drafting.importers.docx import WordParagraph, build_structure
from drafting.importers.ledger import Imported, locate, reconcile, recording, removed, warn
from drafting.importers.metadata import check_glyphs
from drafting.importers.pages import is_page_furniture
from drafting.importers.pdf import Page, Row, join_printed, read_pages, read_subject
from drafting.importers.pdf_notes import MARK, Footnotes, Placed, note_rows, place_notes, short
from drafting.importers.sc import parse_adoption
from drafting.importers.text import rejoin_spaced, vocabulary
from drafting.importers.word_heading import parse_heading
from drafting.model import MEETING_ORDINAL_RE, PLENARY_RE, Resolution, parse_date

__all__ = ["import_pdf"]

_ORGAN = re.compile(r"^The (General Assembly|Security Council),$")
_ADOPTION = re.compile(rf"^(?:{PLENARY_RE}$|Adopted\b|Approved\b)")
_TITLE = re.compile(r"^(\d+/\d+)\.\s*(.*)$")
_COUNCIL_ADOPTED = re.compile(rf"^Adopted by the Security Council at its {MEETING_ORDINAL_RE} meeting,? on (.+)$")
_NUMBER = re.compile(r"^(\d{1,3})\.\s+")
_LABEL = re.compile(r"^\((?:[a-z]{1,5}|\d{1,2})\)\s+")
_MARGIN = 0.09  # share of the page height, top and bottom, where furniture stands
_INDENT = 4.0  # points: a line starting further right than the margin opens a paragraph


@dataclass
class _Sorted:
    """The rows of a PDF by role, and the footnotes by number."""

    text: list[Row]
    footnotes: Footnotes

    @property
    def notes(self) -> dict[int, str]:
        return self.footnotes.notes


# The Subject our Word files carry (render/documents/docx.py; PDF printers keep it): "Adopted
# without a vote". Only a vote's own forms are taken: another file's Subject ("Adopted by the
# General Assembly on 18 December 2013") names no vote.
_SUBJECT_VOTE = re.compile(r"Adopted (without a vote|unanimously"
                           r"|by (?:a recorded vote of )?\d+ (?:votes? )?to (?:\d+|none)\b.*)$")


def import_pdf(path: str | os.PathLike[str]) -> Imported:
    """The resolution in a UN-layout PDF, with the ledger of what was kept, repaired and removed."""
    pages = read_pages(path)
    with recording() as ledger:
        resolution = _resolution(pages, Path(path))
        check_glyphs(resolution)  # a PDF's text layer may be OCR: damage no rule undid is named
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
    meta, adoption_note = _metadata(heading, rows.text[organ].text, body[end:len(body) - len(after)])
    if "vote" not in meta and (vote := _SUBJECT_VOTE.match(read_subject(path))):
        meta["vote"] = vote[1]  # a General Assembly text prints no vote; the Subject may carry it
    paragraphs, placed = _paragraphs(body[:end], rows.notes)
    preamble, operative = build_structure(paragraphs, False)
    used = placed.used
    data: dict[str, Any] = dict(meta, source=path.name)
    data["preamble"] = [place_notes(node, placed)[0] for node in preamble]
    data["operative"] = [place_notes(node, placed)[0] for node in operative]
    if adoption_note is not None:
        used.append(adoption_note)
        data["adoption_note"] = rows.notes.get(adoption_note)
    for number in sorted(set(rows.notes) - set(used)):
        removed("footnote without a marker", rows.notes[number])  # said once, by the warning
        warn("footnotes", f"footnote {number} has no marker in the text: left out "
                          f"({short(rows.notes[number])!r})")
    try:
        return Resolution.from_dict(data)
    except (DraftingError, TypeError, ValueError, KeyError) as exc:
        raise DraftingError(f"{path}: the PDF's heading does not describe a resolution ({exc}); "
                            "import the Word or text version") from None


# ---------------------------------------------------------------------------- rows by role

def _sort(pages: list[Page]) -> _Sorted:
    """Furniture out (recorded), footnote rows into notes, the rest in reading order."""
    out = _Sorted([], Footnotes(max((row.segments[-1].x1 for page in pages for row in page.rows), default=0.0)))
    sizes = Counter(round(row.size) for page in pages for row in page.rows for _ in row.text.split())
    body_size = max(sizes, key=lambda s: (sizes[s], s)) if sizes else 10.0
    for page in pages:
        notes = note_rows(page, body_size)
        for row in page.rows:
            margin = row.top > page.height * (1 - _MARGIN) or row.bottom < page.height * _MARGIN
            if margin and is_page_furniture(row.text, running_head=page.number > 1):
                removed("page furniture", row.source())
            elif row in notes:
                out.footnotes.add(row)
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


def _metadata(heading: list[Row], organ: str, adoption: list[Row]) -> tuple[dict[str, Any], int | None]:
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
                      f"{short(text)!r}; the resolution file holds the resolution proper")
    return rest


def _adoption_lines(rows: list[Row]) -> list[str]:
    """The adoption lines as said: a Council's "Adopted ..." sentence joined when it wraps."""
    texts = [row.text for row in rows]
    if texts and texts[0].startswith(("Adopted", "Approved")):
        return [join_printed(texts)]
    return texts


# ---------------------------------------------------------------------------- paragraphs

def _paragraphs(rows: list[Row], notes: dict[int, str]) -> tuple[list[WordParagraph], Placed]:
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
    return out, Placed(marks, labels, notes)


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
    def placeholder(number: int) -> str:
        marks.append(number)
        removed("footnote marker", str(number))
        return MARK

    return " ".join(p for p in (segment.spliced(placeholder) for segment in row.segments) if p)


def _italic(row: Row) -> str:
    """The italic words opening the paragraph, after its number or label ("26. Acknowledges")."""
    first = row.segments[0]
    before = first.text[:first.text.find(first.italic)] if first.italic and first.italic in first.text else None
    if before is None or not re.fullmatch(r"(?:\d+\.|\([a-z]+\))?\s*", before):
        return ""
    return first.italic
