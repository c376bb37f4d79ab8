"""Section headings ("A", "B", ... or "I", "II", ...) read back from a Word file.

A heading is a paragraph in the ``UNSection`` style (what ``drafting render`` writes), or, in a
file a person typed, a paragraph holding only a capital letter or an upper-case roman numeral. It
becomes ``section`` on the paragraph after it (after the organ line, for a heading standing above
it, as S/RES/161 "A" does); a heading opening a section's preamble goes on the section's first
operative paragraph too, as the model keeps it (see drafting.model.sections). The numbering
restarts when a later section opens at a typed "1." or in a Word numbering instance of its own.
A typed section that opens with a recital ("Gravely concerned ...") after the organ line it
repeats (left out, as the model does not keep it) starts a preamble of its own.
"""
from __future__ import annotations

import re
from typing import Any, Protocol

from drafting.model import Part
from drafting.model.grammar import is_roman
from drafting.model.leads import detect_lead
from drafting.model.sections import RESTART

STYLE = "UNSection"
_TYPED_NUMBER = re.compile(r"^\s*(\d+)\.\s")  # an operative number typed, not Word's


class _Paragraph(Protocol):  # drafting.importers.docx.WordParagraph
    text: str
    style: str
    num_id: str | None
    section: str | None


def is_heading(paragraph: _Paragraph) -> bool:
    """Whether a Word paragraph is a section heading."""
    text = paragraph.text.strip()
    if paragraph.style == STYLE:
        return bool(text)
    if paragraph.style.startswith("UN"):  # laid out in our styles: its style says what it is
        return False
    return bool(re.fullmatch(r"[A-Z]", text)) or (text.isupper() and is_roman(text))


def take_headings(paragraphs: list[Any], organ: int) -> tuple[list[Any], int]:
    """The paragraphs without their headings, each heading's text on the paragraph after it;
    and the organ line's new index. A heading above the organ line counts only in the section
    style or just above it (a lone letter higher up is part of the masthead); the organ line
    repeated after a heading is left out, as the model does not keep it."""
    out: list[Any] = []
    heading: str | None = None
    new_organ = organ
    for i, paragraph in enumerate(paragraphs):
        above = i < organ and (paragraph.style == STYLE or i == organ - 1)
        if (i > organ or above) and i + 1 < len(paragraphs) and is_heading(paragraph):
            heading = paragraph.text.strip()
            new_organ -= i < organ
            continue
        if heading is not None and i > organ and paragraph.text.strip() == paragraphs[organ].text.strip():
            continue  # the organ line a section repeats (S/RES/161 "B / The Security Council,")
        if heading is not None and i != organ:
            paragraph.section, heading = heading, None
            if i > organ and _recital(paragraph):  # a typed section opening with its own preamble
                paragraph.style = "UNPreamble"
        out.append(paragraph)
    return out, new_organ


def _recital(paragraph: _Paragraph) -> bool:
    """Whether an unstyled paragraph opens like a recital ("Gravely concerned ...") rather than
    an operative paragraph: the longer lead of the lexicon wins."""
    if paragraph.style.startswith("UN") or _TYPED_NUMBER.match(paragraph.text):
        return False
    text = paragraph.text.strip()
    return len(detect_lead(text, Part.PREAMBLE)) > len(detect_lead(text, Part.OPERATIVE))


class SectionPlacer:
    """Puts the headings read on the paragraphs of the structure as it is built."""

    def __init__(self) -> None:
        self.pending: dict[str, Any] | None = None  # a section's first recital, awaiting its OP
        self.restart = False
        self._operative = 0
        self._nums: set[str | None] = set()
        self._recitals = 0  # to name the place of a heading left out
        self._place = ""

    def place(self, node: dict[str, Any], depth: int, part: Part, paragraph: Any) -> None:
        """Called for every paragraph node: carries its heading, counts the restarts."""
        if depth:
            return
        section = getattr(paragraph, "section", None)
        if part is Part.OPERATIVE:
            if section is None and self.pending is not None:
                section = self.pending["section"]
            if section is not None and self._operative:
                typed = not paragraph.style.startswith("UN") and _TYPED_NUMBER.match(paragraph.text)
                self.restart |= bool(typed and typed.group(1) == "1") or (
                    paragraph.num_id is not None and paragraph.num_id not in self._nums)
            self._operative += 1
            self._nums.add(paragraph.num_id)
            self.pending = None
        if part is Part.PREAMBLE:
            self._recitals += 1
        if section is not None:
            node["section"] = section
            if part is Part.PREAMBLE:
                self.pending, self._place = node, f"PP{self._recitals}"

    def finish(self, data: dict[str, Any], warn: list[str]) -> None:
        """The numbering restart read (unless the hidden metadata says); a heading over recitals
        with no operative paragraph after it cannot be kept: it is left out with a warning."""
        if self.restart and not data.get("section_numbering"):
            data["section_numbering"] = RESTART
        if self.pending is not None:
            heading = self.pending.pop("section")
            words = " ".join(str(self.pending["text"]).split()[:6])
            warn.append(f'{self._place}: section heading "{heading}" before "{words} ..." stands over '
                        "recitals only, with no operative paragraph after it; it was left out")
