"""The body of a Word resolution: units of text turned into WordprocessingML paragraphs.

A :class:`Unit` is one paragraph (or a split/merged group) as a list of ``(op, text)`` hunks, the
old and the new paragraphs it stands for, and whether its changes are shown. Inside a group the
paragraphs are joined with "\\n", so a "\\n" in an ``insert`` hunk is an inserted paragraph mark
(a split) and one in a ``delete`` hunk a deleted mark (a merge). A clean document is the same
thing with every hunk ``equal``. The writer sets the lead phrase in italics, writes footnote
references and comment anchors, and gives every paragraph its style and auto-numbering level.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from drafting.model import Address, Flag, FlagKind, Paragraph
from drafting.render.documents import ooxml

Side = tuple[Address, Paragraph]


@dataclass
class Unit:
    """One paragraph or group of the output, with the hunks that rebuild its old and new text."""

    hunks: list[tuple[str, str]]
    old: list[Side] = field(default_factory=list)
    new: list[Side] = field(default_factory=list)
    plain: bool = False  # no revision marks: clean render, or a routine change applied silently
    track_notes: bool = False  # an unchanged text whose footnote may still have changed


def italic_lead(address: Address, paragraph: Paragraph) -> str:
    """The words set in italics: the lead phrase of a paragraph, the ``lead`` override of an item."""
    if address.depth == 0:
        lead = paragraph.lead_phrase(address.part)
    else:
        lead = paragraph.lead or ""
    return lead if paragraph.text.startswith(lead) else ""


@dataclass
class _Par:
    """One Word paragraph before it is written out (its mark may still change, see ``write``)."""

    style: str
    mark: str
    old_style: str | None
    content: str
    last_op: str  # the op of its last run of text: "equal", "insert" or "delete"
    whole: str = ""  # "insert"/"delete" when the paragraph is wholly inserted or deleted
    note: str | None = None  # the op of its footnote reference, if it has one
    notes: tuple[int, ...] = ()  # the footnotes it references
    num: tuple[int, int] | None = None  # (numId, level): a section restarting, or roman items
    old_num: tuple[int, int] | None = None  # the same in the old text (with ``old_style``)


# What a Word comment opens with, in bold: the kind of check in a drafting officer's words (the
# machine-readable kind stays in the JSON log).
COMMENT_HEADINGS = {
    FlagKind.STALE: "Still about last time:", FlagKind.MISSING_FACT: "Fact needed:",
    FlagKind.AMBIGUOUS: "Check each place:", FlagKind.NULL_FACT: "None this time:",
    FlagKind.UNCONFIRMED: "Not confirmed:", FlagKind.OLD_CITATION: "Older citation:",
    FlagKind.UNKNOWN_FACT: "Unknown fact:", FlagKind.ADDED: "Check the place:",
}


@dataclass
class BodyWriter:
    """Writes units as ``w:p`` elements; collects footnotes and comments for their parts."""

    revs: ooxml.Revisions
    comments: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # address -> (head, msg)
    notes: list[tuple[int, str | list[tuple[str, str]]]] = field(default_factory=list)  # text or hunks
    comment_list: list[tuple[int, str, str]] = field(default_factory=list)
    pars: list[_Par] = field(default_factory=list)
    next_note: int = 1
    lone: tuple[bool, bool] = (False, False)  # (new, old): one operative paragraph, unnumbered
    # Sections (see sections_docx): (side "new"/"old", address) -> (numId, level) where the
    # numbering restarts, and how many heading paragraphs stand above the organ line.
    numbers: dict[tuple[str, str], tuple[int, int]] = field(default_factory=dict)
    romans: dict[int, tuple[int, int]] = field(default_factory=dict)  # numId -> (abstract, level) in roman
    above_organ: int = 0

    @classmethod
    def with_flags(cls, revs: ooxml.Revisions, flags: Sequence[Flag]) -> "BodyWriter":
        writer = cls(revs)
        for flag in flags:
            key = str(flag.paragraph) if flag.paragraph is not None else ""
            writer.comments.setdefault(key, []).append((COMMENT_HEADINGS[flag.kind], flag.message))
        return writer

    def organ(self, runs: str) -> None:
        """The organ line opens the body; comments on no paragraph in particular go on it."""
        self.pars.append(_Par("UNOrgan", "equal", None, self._anchor("", runs), "equal"))

    @property
    def last_mark(self) -> str:
        return self.pars[-1].mark if self.pars else "equal"

    def paragraphs(self, closed: bool = False) -> list[str]:
        """The ``w:p`` elements, in order. ``closed``: an unchanged line (the adoption line)
        follows the body, so a revised mark ending the body can move up onto the paragraph before
        it instead of needing an empty paragraph after it."""
        self._raise_noted_marks()
        self._shift_marks(closed)
        self._close_notes()
        return [ooxml.paragraph(ooxml.ppr(p.style, self.revs, mark=p.mark, old_style=p.old_style, num=p.num,
                                          old_num=p.old_num), p.content) for p in self.pars]

    def heading(self, content: str, op: str = "equal", above_organ: bool = False) -> None:
        """A section heading ("A", "II") as a paragraph of its own; ``op`` insert/delete when only
        one text has it (a whole paragraph, its mark revised with it)."""
        par = _Par("UNSection", op, None, content, op, whole="" if op == "equal" else op)
        if above_organ:
            self.pars.insert(self.above_organ, par)
            self.above_organ += 1
        else:
            self.pars.append(par)

    def _raise_noted_marks(self) -> None:
        """A wholly deleted paragraph D holding a footnote reference inside its words, followed by
        a revised mark, gives its deleted mark to the paragraph before it (of the same style, its
        mark unrevised) and keeps an unrevised one: Accept All joins that paragraph with D's
        deleted words, Reject All gives both back. The same documents in Word and pandoc; in
        LibreOffice, whose import loses D's own deleted mark there (Accept All left an empty
        paragraph, measured on 68/128 with OP10 noted and then replaced or deleted with OP11)."""
        for prev, par, after in zip(self.pars, self.pars[1:], self.pars[2:]):
            inside = par.notes and not _ENDS_IN_NOTE.search(par.content)
            if (inside and par.whole == par.mark == "delete" and (after.whole or after.mark != "equal")
                    and prev.style == par.style and _can_shift(prev)):
                prev.mark, par.mark = "delete", "equal"

    def _close_notes(self) -> None:
        """A paragraph whose mark is a revision and whose last run is a footnote reference gets an
        empty run after it, revised like the mark. LibreOffice's import loses a revised paragraph
        mark that directly follows a footnote reference: Accept All (a deleted mark) or Reject All
        (an inserted one) then leaves an empty paragraph (measured on UNIFIL 426/434, 450/459,
        488/498, 498/511, each a wholly deleted paragraph ending in its footnote). With the empty
        run the mark follows a run of text, as after any other paragraph; Word and pandoc read the
        same document either way. So a wholly deleted paragraph keeps its footnote references,
        deleted with its words, and Reject All gives the footnotes back in every reader (a
        reference inside its words: see ``_raise_noted_marks``)."""
        for par in self.pars:
            if par.mark != "equal" and _ENDS_IN_NOTE.search(par.content):
                par.content += ooxml.empty_run(self.revs, par.mark)

    def _shift_marks(self, closed: bool = False) -> None:
        """Move the revised marks of a block of whole paragraphs up one paragraph where needed.

        Word puts the revised mark of an inserted (deleted) paragraph at its end, and so do we
        by default: a deleted paragraph just before an inserted one keeps its deleted mark, the
        inserted one its inserted mark (two paragraphs, as Word's Compare writes them).
        LibreOffice keeps paragraph revisions on the break before and converts on import. On the
        UNDOF and UNIFIL series the conversion fails where a block of whole paragraphs follows a
        paragraph P ending in a revision of the same kind (Reject All glues two paragraphs), where
        an inserted block holds a footnote and where a block of deleted and inserted paragraphs
        ends in an inserted one holding a footnote (an empty paragraph is left). There P's mark
        takes the block's first revision, each mark the next one's, and the block's last mark
        stays: the same text on Accept All and Reject All, and still one Word paragraph per
        deleted or inserted paragraph. Not when P holds a footnote reference that is not itself
        inserted (LibreOffice mishandles a revised mark there). Known cost: Word styles a joined
        paragraph by the mark that stays, so where P's style differs from the paragraph whose
        mark stays (an operative paragraph followed by inserted sub-paragraphs), Word may show P
        in that style after Accept or Reject All.
        """
        i = 0
        while i < len(self.pars):
            j = i
            while j < len(self.pars) and self.pars[j].whole and self.pars[j].mark == self.pars[j].whole:
                j += 1
            at_end = closed and j == len(self.pars) and _can_shift(self.pars[i - 1]) if j > i > 0 else False
            if j > i and i > 0 and (at_end or _needs_shift(self.pars[i - 1], self.pars[i:j])):
                block = self.pars[i - 1:j]
                marks = [p.mark for p in block[1:]] + ["equal"]
                for par, mark in zip(block, marks):
                    par.mark = mark
            i = max(j, i + 1)

    def write(self, unit: Unit) -> None:
        """The Word paragraphs of one unit; a "\\n" in a hunk ends one with a mark of the hunk's op."""
        state = _State(unit, self._note_ref)
        whole = "" if unit.plain else ("insert" if not unit.old else "delete" if not unit.new else "")
        group = len(unit.old) > 1 or len(unit.new) > 1
        start = len(self.pars)
        for op, text in unit.hunks:
            if unit.plain:  # the new text only, without marks
                if op == "delete":
                    continue
                op = "equal"
            pieces = text.split("\n") if group else [text]  # a lone paragraph's "\n" is a line break
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
        style = ooxml.paragraph_style(address.part.value, address.depth, self.lone[0 if new_side else 1])
        old_style, old_num = None, None
        if mark == "equal" and state.old_i < len(unit.old):
            old_addr = unit.old[state.old_i][0]
            old_num = self.numbers.get(("old", str(old_addr)))
            new_num = self.numbers.get(("new", str(address)))
            if self._shown(old_num) == self._shown(new_num):
                old_num = new_num  # the same labels: no change of numbering to record
            if not unit.plain or old_num != new_num:
                # an unchanged text keeps its properties, unless its items' numbering changed
                old_style = ooxml.paragraph_style(old_addr.part.value, old_addr.depth, self.lone[1])
        notes, note_op = self._notes(state, mark, para if new_side else None)
        content = "".join(state.runs) + notes
        if new_side:
            content = self._anchor(str(address), content)
        self.pars.append(_Par(style, mark, old_style, content, state.last_op, note=note_op,
                              notes=tuple(int(n) for n in _NOTE_ID.findall(content)),
                              num=self.numbers.get(("new" if new_side else "old", str(address))),
                              old_num=old_num))
        state.next_paragraph(mark)

    def _shown(self, num: tuple[int, int] | None) -> tuple[int, int] | tuple[str, int] | None:
        """How a numbering prints: a list of roman items by its level alone (each paragraph's
        items have a list of their own, named by its address, which may differ between the
        texts), a restarting section by its list."""
        return ("roman", num[1]) if num is not None and num[0] in self.romans else num

    def _notes(self, state: "_State", mark: str, new: Paragraph | None) -> tuple[str, str | None]:
        """The footnote references ending a paragraph (its notes anchored at the end) and the op of
        the last one written in it; a changed note is a revision inside the footnote."""
        unit = state.unit
        old = unit.old[state.old_i][1] if mark != "insert" and state.old_i < len(unit.old) else None
        olds, news = _end_notes(old), _end_notes(new)
        if unit.plain and not unit.track_notes:
            olds = news
        refs = state.refs(olds, news)
        return refs, state.note_ops[-1] if state.note_ops else None

    def _note_ref(self, content: str | list[tuple[str, str]], op: str) -> str:
        """Number the footnote ``content`` (text, or hunks of a changed note) and write its reference."""
        self.notes.append((self.next_note, content))
        self.next_note += 1
        return ooxml.footnote_reference(self.next_note - 1, self.revs, op)

    def anchor_leftovers(self) -> None:
        """Flags on paragraphs the new text does not have go on the organ line."""
        if self.comments and self.pars:
            self.comments = {"": [c for key in sorted(self.comments) for c in self.comments[key]]}
            organ = self.pars[self.above_organ]
            organ.content = self._anchor("", organ.content)

    def _anchor(self, key: str, content: str) -> str:
        """Wrap a paragraph's content in the ranges of the comments made on it."""
        for head, message in self.comments.pop(key, []):
            cid = len(self.comment_list)
            self.comment_list.append((cid, head, message))
            content = (f'<w:commentRangeStart w:id="{cid}"/>{content}<w:commentRangeEnd w:id="{cid}"/>'
                       f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                       f'<w:commentReference w:id="{cid}"/></w:r>')
        return content


_NOTE_ID = re.compile(r'<w:footnoteReference w:id="(\d+)"/>')
_ENDS_IN_NOTE = re.compile(r'<w:footnoteReference w:id="\d+"/></w:r>(?:</w:(?:ins|del)>)?$')


def _end_notes(paragraph: Paragraph | None) -> list[str]:
    """The notes of ``paragraph`` whose markers stand at the end of its text."""
    if paragraph is None:
        return []
    return [line for line, at in paragraph.footnote_offsets if at >= len(paragraph.text)]


def _mid_notes(paragraph: Paragraph | None) -> list[tuple[int, str]]:
    """(offset, note) of the notes of ``paragraph`` whose markers stand inside its text."""
    if paragraph is None:
        return []
    return [(at, line) for line, at in paragraph.footnote_offsets if at < len(paragraph.text)]


def note_change(old: str | None, new: str | None) -> tuple[str | list[tuple[str, str]], str]:
    """A footnote's content and the op of its reference: one reference when both texts have the
    note (a change shows as hunks inside the footnote), else an inserted or deleted one."""
    if old is not None and new is not None:
        from drafting.comparison.diff import word_diff

        return (new if old == new else [(h.op.value, h.text) for h in word_diff(old, new)]), "equal"
    return (new, "insert") if new is not None else (old or "", "delete")


def _can_shift(prev: _Par) -> bool:
    """Whether ``prev``'s mark may take a revision (see BodyWriter._shift_marks)."""
    return prev.mark == "equal" and prev.note in (None, "insert")


def _needs_shift(prev: _Par, block: list[_Par]) -> bool:
    """Whether the block after ``prev`` needs its marks moved up (see BodyWriter._shift_marks)."""
    kind = block[0].mark
    if prev.mark != "equal" or prev.note not in (None, "insert") or (prev.note and kind != "insert"):
        return False
    if prev.last_op == kind:
        return True
    if prev.note == kind == "insert":
        # An inserted footnote reference ending P, then inserted paragraphs: LibreOffice's Reject
        # All joins P with the paragraph after the block unless P's mark takes the insertion
        # (UNIFIL 538/549: old OP2 and OP3 joined).
        return True
    if all(p.whole == kind for p in block):
        return any(p.note for p in block)
    # Deleted and inserted paragraphs meeting keep their own marks, as Word writes them, unless
    # the block ends in an inserted paragraph with a footnote (measured on UNIFIL 434/444,
    # 450/459, 523/529: LibreOffice leaves an empty paragraph on Reject All; an inserted footnote
    # followed by a deleted or inserted paragraph of the block is fine: 444/450, 488/498).
    return block[-1].whole == "insert" and block[-1].note is not None


NoteRef = Callable[[str | list[tuple[str, str]], str], str]


class _State:
    """Where the writer stands inside a unit: which old/new paragraph, how far into its text, and
    which of the footnotes anchored inside its text are still to be written."""

    def __init__(self, unit: Unit, note_ref: NoteRef):
        self.unit = unit
        self.note_ref = note_ref
        self.old_i = self.new_i = 0
        self.runs: list[str] = []
        self.last_op = "equal"
        self.note_ops: list[str] = []
        self._leads()

    def _leads(self, old: bool = True, new: bool = True) -> None:
        """Start counting afresh in the old and/or new paragraph (the side that moved on)."""
        u = self.unit
        if old:
            self.old_pos = 0
            self.old_lead = len(italic_lead(*u.old[self.old_i])) if self.old_i < len(u.old) else 0
            para = u.old[self.old_i][1] if self.old_i < len(u.old) else None
            # a clean render, or notes applied silently: only the new side's notes are written
            silent = u.plain and not u.track_notes
            self.old_notes = [] if silent else _mid_notes(para)
        if new:
            self.new_pos = 0
            self.new_lead = len(italic_lead(*u.new[self.new_i])) if self.new_i < len(u.new) else 0
            self.new_notes = _mid_notes(u.new[self.new_i][1] if self.new_i < len(u.new) else None)

    def add(self, text: str, op: str, revs: ooxml.Revisions) -> None:
        """Runs for ``text``, cut where the lead phrase ends so that only the lead is italic, and
        where a footnote marker stands (written inside the hunk, with its op)."""
        if not text:
            return
        start = 0
        for cut in self._note_cuts(len(text), op):
            self._text(text[start:cut], op, revs)
            start = cut
            self.runs.append(self.refs(self._take("old", op), self._take("new", op)))
        self._text(text[start:], op, revs)
        self.last_op = op

    def _note_cuts(self, length: int, op: str) -> list[int]:
        """Where in the next ``length`` characters of a hunk of ``op`` a footnote marker stands."""
        cuts = set()
        if op != "insert":
            cuts |= {at - self.old_pos for at, _ in self.old_notes if 0 <= at - self.old_pos <= length}
        if op != "delete":
            cuts |= {at - self.new_pos for at, _ in self.new_notes if 0 <= at - self.new_pos <= length}
        return sorted(cuts)

    def _take(self, side: str, op: str) -> list[str]:
        """The notes of one side whose marker stands where the writer is now; they are written."""
        if (side == "old" and op == "insert") or (side == "new" and op == "delete"):
            return []
        notes, pos = (self.old_notes, self.old_pos) if side == "old" else (self.new_notes, self.new_pos)
        here = [line for at, line in notes if at == pos]
        notes[:] = [(at, line) for at, line in notes if at != pos]
        return here

    def refs(self, olds: list[str], news: list[str]) -> str:
        """Footnote references at one place: old and new notes paired in order (unchanged, or
        changed inside the footnote), the rest deleted or inserted."""
        out = []
        for k in range(max(len(olds), len(news))):
            content, op = note_change(olds[k] if k < len(olds) else None, news[k] if k < len(news) else None)
            if op == "insert" and self.unit.plain and not self.unit.track_notes:
                op = "equal"
            self.note_ops.append(op)
            out.append(self.note_ref(content, op))
        return "".join(out)

    def _text(self, text: str, op: str, revs: ooxml.Revisions) -> None:
        if not text:
            return
        if op == "equal":
            self._equal(text, revs)
        else:
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

    def _equal(self, text: str, revs: ooxml.Revisions) -> None:
        """Unchanged text: italic where it is in both versions; where only one version sets it in
        italics (a lead that grew or shrank, a merge, a split), the words are written as deleted
        in the old face and inserted in the new, so that neither Accept nor Reject All leaves
        stray italics (readers differ on rejecting a change of formatting alone)."""
        old_cut = max(0, min(len(text), self.old_lead - self.old_pos))
        new_cut = max(0, min(len(text), self.new_lead - self.new_pos))
        if self.unit.plain:
            old_cut = new_cut
        cuts = sorted({0, old_cut, new_cut, len(text)})
        for a, b in zip(cuts, cuts[1:]):
            old_italic, new_italic = a < old_cut, a < new_cut
            if old_italic == new_italic:
                self.runs.append(ooxml.run(text[a:b], revs, italic=new_italic))
            else:
                self.runs.append(ooxml.run(text[a:b], revs, italic=old_italic, op="delete"))
                self.runs.append(ooxml.run(text[a:b], revs, italic=new_italic, op="insert"))

    def next_paragraph(self, mark: str) -> None:
        if mark != "insert":
            self.old_i += 1
        if mark != "delete":
            self.new_i += 1
        self.runs = []
        self.last_op = "equal"
        self.note_ops = []
        # A deleted mark (a merge) ends an old paragraph only: the new one goes on, and its
        # italics with it; an inserted mark (a split) the reverse.
        self._leads(old=mark != "insert", new=mark != "delete")
