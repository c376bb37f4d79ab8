"""Footnotes of a UN-layout PDF: the rows below the rule at the foot of a page, each note by its
number, and the place of each marker in the text of its paragraph.

A marker is kept in the paragraph's text as a placeholder (``MARK``) while the text is joined and
built; :func:`place_notes` then turns the placeholders of each paragraph into ``note`` and, when
the paragraph has several notes or one not at its end, ``note_at`` through
:func:`drafting.model.resolution.note_anchor`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from drafting.importers.ledger import removed, warn
from drafting.importers.pages import is_page_furniture
from drafting.importers.pdf import Page, Row, join_printed
from drafting.model.resolution import ROMAN, note_anchor

__all__ = ["MARK", "Footnotes", "Placed", "note_rows", "place_notes", "short"]

MARK = "\ue000"  # a footnote marker's place, until the paragraph's text is final


def note_rows(page: Page, body_size: float) -> set[Row]:
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


@dataclass
class Footnotes:
    """The notes of a PDF by number, read row by row from the foot of each page."""

    right: float  # the right margin: where a full line ends
    notes: dict[int, str] = field(default_factory=dict)
    last: tuple[int, Row] | None = None  # the note being read and its last row

    def add(self, row: Row) -> None:
        """A row of the footnote area: it opens a note with its number, or continues the last one
        (on a line of its own where the last row ended short of the margin: a line break)."""
        opening = _note_number(row, max(self.notes, default=None))
        if opening is not None:
            number, text = opening
            if number in self.notes:
                warn("footnotes", f"footnote {number} is printed twice: kept the first ({short(self.notes[number])!r})")
                self.last = None
                return
            glued = row.text[:len(row.text) - len(text)]  # "2S/2002/914,": the ledger reads one word
            removed("footnote number", row.text.split(" ")[0] if glued and not glued.endswith(" ") else str(number))
            self.notes[number] = text
            self.last = number, row
            return
        if self.last is None:
            warn("footnotes", f"a footnote line without its number: left out ({short(row.text)!r})")
            return
        number, before = self.last
        first = row.segments[0]
        width = (first.x1 - first.x0) / max(len(first.text), 1) * (len(row.text.split(" ")[0]) + 1)
        if before.segments[-1].x1 + width < self.right - 1:
            self.notes[number] += "\n" + row.text
        else:
            self.notes[number] = join_printed([self.notes[number], row.text])
        self.last = number, row


@dataclass
class Placed:
    """What the structure builder cannot carry, in document order: the footnote number of each
    marker placeholder and the label of each paragraph ("" when it has none)."""

    marks: list[int]
    labels: list[str]
    notes: dict[int, str]
    used: list[int] = field(default_factory=list)  # footnote numbers placed


def place_notes(node: Any, placed: Placed, top: bool = True) -> tuple[Any, str]:
    """A structure node with its placeholders turned into ``note`` and ``note_at`` and roman
    first-level numbering kept; with the node's own label."""
    if isinstance(node, str):
        node = {"text": node}
    label = placed.labels.pop(0) if placed.labels else ""
    pieces = node["text"].split(MARK)
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
        items = [place_notes(item, placed, False) for item in node["items"]]
        node["items"] = [item for item, _ in items]
        if top and items[0][1] == "i":  # (i), (ii) at the first level: the style kept, labels derived
            node["numbering"] = ROMAN
    return (node["text"] if set(node) == {"text"} else node), label


def short(text: str) -> str:
    """``text`` cut to 60 characters for a warning."""
    return text if len(text) <= 60 else text[:57] + "..."
