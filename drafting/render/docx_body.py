"""The body of a Word resolution: units of text turned into WordprocessingML paragraphs.

A :class:`Unit` is one paragraph (or a split/merged group) as a list of ``(op, text)`` hunks, the
old and the new paragraphs it stands for, and whether its changes are shown. Inside a group the
paragraphs are joined with "\\n", so a "\\n" in an ``insert`` hunk is an inserted paragraph mark
(a split) and one in a ``delete`` hunk a deleted mark (a merge). A clean document is the same
thing with every hunk ``equal``. The writer sets the lead phrase in italics, writes footnote
references and comment anchors, and gives every paragraph its style and auto-numbering level.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Address, Flag, Paragraph, Part, Resolution
from . import ooxml

Side = tuple[Address, Paragraph]


@dataclass
class Unit:
    """One paragraph or group of the output, with the hunks that rebuild its old and new text."""

    hunks: list[tuple[str, str]]
    old: list[Side] = field(default_factory=list)
    new: list[Side] = field(default_factory=list)
    plain: bool = False  # no revision marks: clean render, or a routine change applied silently


def lead_of(address: Address, paragraph: Paragraph) -> str:
    """The words set in italics: the lead phrase of a paragraph, the ``lead`` override of an item."""
    if address.depth == 0:
        lead = paragraph.lead_phrase(address.part)
    else:
        lead = paragraph.lead or ""
    return lead if paragraph.text.startswith(lead) else ""


def clean_units(resolution: Resolution) -> list[Unit]:
    """Every paragraph and sub-paragraph of a resolution as an unchanged unit."""
    return [Unit([("equal", p.text)], [(a, p)], [(a, p)], plain=True) for a, p in resolution.walk()]


@dataclass
class BodyWriter:
    """Writes units as ``w:p`` elements; collects footnotes and comments for their parts."""

    revs: ooxml.Revisions
    comments: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # address -> (head, msg)
    notes: list[tuple[int, str]] = field(default_factory=list)
    comment_list: list[tuple[int, str, str]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    next_note: int = 1
    last_mark: str = "equal"

    @classmethod
    def with_flags(cls, revs: ooxml.Revisions, flags: tuple[Flag, ...] | list[Flag]) -> "BodyWriter":
        writer = cls(revs)
        for flag in flags:
            key = str(flag.paragraph) if flag.paragraph is not None else ""
            writer.comments.setdefault(key, []).append((f"[{flag.kind.value}]", flag.message))
        return writer

    def write(self, unit: Unit) -> None:
        state = _State(unit)
        for op, text in unit.hunks:
            if unit.plain:  # the new text only, without marks
                if op == "delete":
                    continue
                op = "equal"
            pieces = text.split("\n")
            for i, piece in enumerate(pieces):
                if i:
                    self._finish(state, op)
                state.add(piece, op, self.revs)
        final = "equal"
        if not unit.plain and not unit.old:
            final = "insert"
        elif not unit.plain and not unit.new:
            final = "delete"
        self._finish(state, final)

    def _finish(self, state: "_State", mark: str) -> None:
        unit = state.unit
        new_side = mark != "delete" and state.new_i < len(unit.new)
        address, para = unit.new[state.new_i] if new_side else unit.old[min(state.old_i, len(unit.old) - 1)]
        style = ooxml.paragraph_style(address.part.value, address.depth)
        old_style = None
        if mark == "equal" and not unit.plain and state.old_i < len(unit.old):
            old_addr = unit.old[state.old_i][0]
            old_style = ooxml.paragraph_style(old_addr.part.value, old_addr.depth)
        content = "".join(state.runs)
        if para.note and (mark != "delete" or not unit.new):
            note_op = "equal" if unit.plain or (unit.old and unit.new) else mark
            content += ooxml.footnote_reference(self.next_note, self.revs, note_op)
            self.notes.append((self.next_note, para.note))
            self.next_note += 1
        if new_side:
            content = self._anchor(str(address), content)
        if not self.paragraphs and "" in self.comments:
            content = self._anchor("", content)
        self.paragraphs.append(ooxml.paragraph(
            ooxml.ppr(*style, self.revs, mark=mark, old_style=old_style), content))
        self.last_mark = mark
        state.next_paragraph(mark)

    def _anchor(self, key: str, content: str) -> str:
        """Wrap a paragraph's content in the ranges of the comments made on it."""
        for head, message in self.comments.pop(key, []):
            cid = len(self.comment_list)
            self.comment_list.append((cid, head, message))
            content = (f'<w:commentRangeStart w:id="{cid}"/>{content}<w:commentRangeEnd w:id="{cid}"/>'
                       f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                       f'<w:commentReference w:id="{cid}"/></w:r>')
        return content


class _State:
    """Where the writer stands inside a unit: which old/new paragraph, how far into its text."""

    def __init__(self, unit: Unit):
        self.unit = unit
        self.old_i = self.new_i = 0
        self.runs: list[str] = []
        self._leads()

    def _leads(self) -> None:
        u = self.unit
        self.old_pos = self.new_pos = 0
        self.old_lead = len(lead_of(*u.old[self.old_i])) if self.old_i < len(u.old) else 0
        self.new_lead = len(lead_of(*u.new[self.new_i])) if self.new_i < len(u.new) else 0

    def add(self, text: str, op: str, revs: ooxml.Revisions) -> None:
        """Runs for ``text``, cut where the lead phrase ends so that only the lead is italic."""
        if not text:
            return
        pos, lead = (self.old_pos, self.old_lead) if op == "delete" else (self.new_pos, self.new_lead)
        cut = max(0, min(len(text), lead - pos))
        if cut:
            self.runs.append(ooxml.run(text[:cut], revs, italic=True, op=op))
        if cut < len(text):
            self.runs.append(ooxml.run(text[cut:], revs, op=op))
        if op != "insert":
            self.old_pos += len(text)
        if op != "delete":
            self.new_pos += len(text)

    def next_paragraph(self, mark: str) -> None:
        if mark != "insert":
            self.old_i += 1
        if mark != "delete":
            self.new_i += 1
        self.runs = []
        self._leads()
