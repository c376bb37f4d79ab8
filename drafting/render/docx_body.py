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

from ..model import Address, Flag, Paragraph, Resolution
from . import ooxml

Side = tuple[Address, Paragraph]


@dataclass
class Unit:
    """One paragraph or group of the output, with the hunks that rebuild its old and new text."""

    hunks: list[tuple[str, str]]
    old: list[Side] = field(default_factory=list)
    new: list[Side] = field(default_factory=list)
    plain: bool = False  # no revision marks: clean render, or a routine change applied silently
    track_notes: bool = False  # an unchanged text whose footnote may still have changed


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
class _Par:
    """One Word paragraph before it is written out (its mark may still change, see ``write``)."""

    style: str
    mark: str
    old_style: str | None
    content: str
    last_op: str  # the op of its last run of text: "equal", "insert" or "delete"
    whole: str = ""  # "insert"/"delete" when the paragraph is wholly inserted or deleted
    note: bool = False  # holds a footnote reference


@dataclass
class BodyWriter:
    """Writes units as ``w:p`` elements; collects footnotes and comments for their parts."""

    revs: ooxml.Revisions
    comments: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # address -> (head, msg)
    notes: list[tuple[int, str | list[tuple[str, str]]]] = field(default_factory=list)  # text or hunks
    comment_list: list[tuple[int, str, str]] = field(default_factory=list)
    pars: list[_Par] = field(default_factory=list)
    next_note: int = 1

    @classmethod
    def with_flags(cls, revs: ooxml.Revisions, flags: tuple[Flag, ...] | list[Flag]) -> "BodyWriter":
        writer = cls(revs)
        for flag in flags:
            key = str(flag.paragraph) if flag.paragraph is not None else ""
            writer.comments.setdefault(key, []).append((f"[{flag.kind.value}]", flag.message))
        return writer

    @property
    def last_mark(self) -> str:
        return self.pars[-1].mark if self.pars else "equal"

    def paragraphs(self) -> list[str]:
        """The ``w:p`` elements, in order."""
        self._shift_marks()
        return [ooxml.paragraph(ooxml.ppr(p.style, self.revs, mark=p.mark, old_style=p.old_style), p.content)
                for p in self.pars]

    def _shift_marks(self) -> None:
        """Revise the marks of a run of whole paragraphs one paragraph up, where LibreOffice needs it.

        Word puts the revised mark of an inserted (deleted) paragraph at its end; LibreOffice's
        own model puts it before the paragraph, and converts on import. The conversion fails in
        two cases found on the UNDOF and UNIFIL series: a revision of the same kind ending the
        paragraph P before the run (Reject All then glues two paragraphs), and inserted paragraphs
        next to deleted ones (their marks overlap: an empty paragraph is left). There the marks
        move up one paragraph, P's mark carrying the first revision and the run's last mark
        staying: the same text either way. Never when P holds a footnote (LibreOffice mishandles
        a revised mark there). Word styles a joined paragraph by the mark that stays, so where P
        and the run's last paragraph differ in style (an operative paragraph ending in an
        insertion, followed by inserted sub-paragraphs), Word may show P in the run's last style
        after Reject All; the text is right.
        """
        i = 0
        while i < len(self.pars):
            j = i
            while j < len(self.pars) and self.pars[j].whole and self.pars[j].mark == self.pars[j].whole:
                j += 1
            if j == i:
                i += 1
                continue
            prev, block = (self.pars[i - 1] if i else None), self.pars[i:j]
            kinds = {p.whole for p in block}
            if prev is not None and prev.mark == "equal" and not prev.note and self._needs_shift(prev, block, kinds):
                marks = [p.mark for p in block]
                prev.mark = marks[0]
                for par, mark in zip(block, marks[1:] + ["equal"]):
                    par.mark = mark
            i = j

    @staticmethod
    def _needs_shift(prev: _Par, block: list[_Par], kinds: set[str]) -> bool:
        if len(kinds) > 1:  # inserted paragraphs next to deleted ones: LibreOffice overlaps them
            return True
        return prev.last_op == block[0].whole

    def write(self, unit: Unit) -> None:
        state = _State(unit)
        whole = "" if unit.plain else ("insert" if not unit.old else "delete" if not unit.new else "")
        start = len(self.pars)
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
        self._finish(state, whole or "equal")
        for par in self.pars[start:]:
            par.whole = whole

    def _finish(self, state: "_State", mark: str) -> None:
        unit = state.unit
        new_side = mark != "delete" and state.new_i < len(unit.new)
        address, para = unit.new[state.new_i] if new_side else unit.old[min(state.old_i, len(unit.old) - 1)]
        style = ooxml.paragraph_style(address.part.value, address.depth)
        old_style = None
        if mark == "equal" and not unit.plain and state.old_i < len(unit.old):
            old_addr = unit.old[state.old_i][0]
            old_style = ooxml.paragraph_style(old_addr.part.value, old_addr.depth)
        notes = self._notes(state, mark, para if new_side else None)
        content = "".join(state.runs) + notes
        if new_side:
            content = self._anchor(str(address), content)
        if not self.pars and "" in self.comments:
            content = self._anchor("", content)
        self.pars.append(_Par(style, mark, old_style, content, state.last_op, note=bool(notes)))
        state.next_paragraph(mark)

    def _notes(self, state: "_State", mark: str, new: Paragraph | None) -> str:
        """Footnote references at the end of a paragraph; a changed note is a revision too."""
        unit = state.unit
        old = unit.old[state.old_i][1] if mark != "insert" and state.old_i < len(unit.old) else None
        old_note = old.note if old is not None else None
        new_note = new.note if new is not None else None
        if unit.plain and not unit.track_notes:
            old_note = new_note
        if old_note is None and new_note is None:
            return ""
        if not unit.new and not unit.plain:
            # A deleted paragraph keeps no footnote reference: LibreOffice cannot accept the
            # deletion of a paragraph mark in a paragraph holding a footnote (it leaves an empty
            # paragraph or joins two). Reject All brings the text back, without its footnote.
            return ""
        if old_note is not None and new_note is not None:
            # One reference; a changed note shows its change inside the footnote. (A deleted and an
            # inserted reference side by side make LibreOffice join the paragraph with the next.)
            content: str | list[tuple[str, str]] = new_note
            if old_note != new_note:
                from ..diff import word_diff

                content = [(h.op.value, h.text) for h in word_diff(old_note, new_note)]
            op = "equal"
        else:
            content, op = (new_note, "insert") if old_note is None else (old_note, "delete")
        self.notes.append((self.next_note, content))
        self.next_note += 1
        return ooxml.footnote_reference(self.next_note - 1, self.revs, op)

    def anchor_leftovers(self) -> None:
        """Flags on paragraphs the new text does not have go on the first paragraph."""
        if self.comments and self.pars:
            self.comments = {"": [c for key in sorted(self.comments) for c in self.comments[key]]}
            self.pars[0].content = self._anchor("", self.pars[0].content)

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
        self.last_op = "equal"
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
        self.last_op = op
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
        self.last_op = "equal"
        self._leads()
