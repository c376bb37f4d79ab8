"""The compilation as a Word file.

A proposal that conflicts with none is a real tracked change (``w:ins``/``w:del``) whose author is
the delegation, so "show markup by reviewer" works and Accept All merges it. Competing proposals on
the same words are one plain bracket ``[welcomes / notes (EU) / — (G77/China: delete)]`` standing
in for those words, never sibling tracked changes: Accept All cannot concatenate alternatives.
"""
from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import TYPE_CHECKING

from drafting.compilation.conflicts import under
from drafting.compilation.proposals import Action, Proposal, Side
from drafting.compilation.resolve import Edit
from drafting.compilation.revision import options
from drafting.compilation.text import OTHER, proposal_line
from drafting.compilation.view import Section, Sheet, sheet
from drafting.model import Address

if TYPE_CHECKING:
    from docx.text.paragraph import Paragraph as WordParagraph

    from drafting.compilation.api import Compiled

# (start, end, kind, payload): kind "edit" (payload the Proposal) or "bracket" (payload the text)
_Piece = tuple[int, int, str, object]


class _Writer:
    def __init__(self, sh: Sheet, anonymous: bool):
        from docx import Document

        self.sh, self.anonymous = sh, anonymous
        self.names = sh.anonymous_names()
        self.doc = Document()
        self.next_id = 1
        self.conflicted = sh.in_conflict()
        self.deleting = {r.target: r.proposal for r in sh.resolved.values() if r.target is not None
                         and r.proposal.action is Action.DELETE_PARAGRAPH and r.proposal.id not in self.conflicted}

    def author(self, p: Proposal) -> str:
        return f"Proposal {self.names[p.id]}" if self.anonymous else ", ".join(p.by)

    def run(self, par: WordParagraph, text: str, op: str = "", author: str = "", italic: bool = False) -> None:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        r = OxmlElement("w:r")
        if italic:
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:i"))
            r.append(rpr)
        t = OxmlElement("w:delText" if op == "del" else "w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = text
        r.append(t)
        if op:
            wrap = OxmlElement(f"w:{op}")
            wrap.set(qn("w:id"), str(self.next_id))
            wrap.set(qn("w:author"), author)
            self.next_id += 1
            wrap.append(r)
            r = wrap
        par._p.append(r)

    def mark_inserted(self, par: WordParagraph, author: str, op: str = "ins") -> None:
        """Make the paragraph mark itself an insertion (or deletion), so Reject All (Accept All)
        removes the whole paragraph, not only its words."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        ppr = par._p.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        ins = OxmlElement(f"w:{op}")
        ins.set(qn("w:id"), str(self.next_id))
        ins.set(qn("w:author"), author)
        self.next_id += 1
        rpr.append(ins)
        ppr.append(rpr)

    def pieces(self, s: Section) -> list[_Piece]:
        out: list[_Piece] = []
        for p in s.proposals:
            r = self.sh.resolved[p.id]
            if r.edit is not None and p.id not in self.conflicted:
                out.append((r.edit.start, r.edit.end, "edit", p))
        for group, bracket in s.options:
            if self.anonymous and s.text is not None:
                bracket = options(s.text, group, attributed=False)
            start = min(g.span[0] for g in group if g.span)
            end = max(g.span[1] for g in group if g.span)
            out.append((start, end, "bracket", bracket))
        return sorted(out, key=lambda x: (x[0], self.rank(x), x[1]))

    def rank(self, piece: _Piece) -> int:
        """Edits at one point: inserted-after words, then replaced words, then inserted-before."""
        payload = piece[3]
        if isinstance(payload, Proposal):
            edit = self.sh.resolved[payload.id].edit
            return edit.rank if edit else 1
        return 1

    def base_paragraph(self, s: Section) -> None:
        assert s.text is not None
        par = self.doc.add_paragraph()
        deleting = self.deleted_with(s.address)
        if deleting is not None:
            self.run(par, s.text, "del", self.author(deleting))
            self.mark_inserted(par, self.author(deleting), "del")
            return
        at = 0
        for start, end, kind, payload in self.pieces(s):
            if start > at:
                self.run(par, s.text[at:start])
            if kind == "bracket":
                self.run(par, str(payload))
            else:
                assert isinstance(payload, Proposal)
                edit: Edit | None = self.sh.resolved[payload.id].edit
                assert edit is not None
                if end > start:
                    self.run(par, s.text[start:end], "del", self.author(payload))
                if edit.new:
                    self.run(par, edit.new, "ins", self.author(payload))
            at = max(at, end)
        if at < len(s.text):
            self.run(par, s.text[at:])

    def deleted_with(self, address: Address | None) -> Proposal | None:
        """The free proposal deleting this paragraph, or a paragraph it stands in."""
        while address is not None:
            if address in self.deleting:
                return self.deleting[address]
            address = address.parent
        return None

    def notes(self, s: Section) -> None:
        """Proposals no tracked change can carry: moves, footnotes, and those in conflict."""
        in_brackets = {g.proposal.id for group, _ in s.options for g in group}
        for p in s.proposals:
            tracked = p.id not in self.conflicted and p.action in (
                Action.REPLACE, Action.INSERT, Action.DELETE, Action.DELETE_PARAGRAPH) or (
                p.action is Action.ADD and self.placeable(s, p))
            if tracked or p.id in in_brackets:
                continue
            line = proposal_line(p, s.heading, self.names if self.anonymous else None)
            self.run(self.doc.add_paragraph(), line, italic=True)

    def placeable(self, s: Section, p: Proposal) -> bool:
        """An added paragraph is tracked where it goes: beside a base paragraph or first in a part
        (one placed beside another proposal's paragraph is listed instead)."""
        return p.id not in self.conflicted and (s.address is not None or s.title != OTHER)

    def additions(self, s: Section) -> None:
        """The paragraphs added first in this paragraph or part, right after its text."""
        for p in s.proposals:
            if p.action is Action.ADD and self.placeable(s, p) and p.place and p.place.side is Side.FIRST_IN:
                self.added(p)

    def added(self, p: Proposal) -> None:
        for paragraph in p.paragraphs:
            for text in _texts(paragraph):
                par = self.doc.add_paragraph()
                self.run(par, text, "ins", self.author(p))
                self.mark_inserted(par, self.author(p))

    def placed_before(self) -> dict[int, list[Proposal]]:
        """Section index -> the paragraphs added after or before a base paragraph that go just
        before that section, so Accept All gives them their place: before X goes before X's
        heading, after X after the last of X's sub-paragraphs."""
        sections = self.sh.sections
        out: dict[int, list[Proposal]] = {}
        for i, s in enumerate(sections):
            for p in s.proposals:
                if p.action is not Action.ADD or not self.placeable(s, p) or s.address is None or not p.place:
                    continue
                if p.place.side is Side.BEFORE:
                    out.setdefault(i, []).append(p)
                elif p.place.side is Side.AFTER:
                    j = i + 1
                    while j < len(sections) and sections[j].address is not None and under(
                            sections[j].address, s.address):  # type: ignore[arg-type]
                        j += 1
                    out.setdefault(j, []).append(p)
        return out

    def section(self, s: Section) -> None:
        head = self.doc.add_paragraph()
        head.add_run(s.heading or s.title).bold = True
        if s.address is not None and s.status.value != "open":
            head.add_run(f"  ({self.sh.compilation.labels[s.status]})").italic = True
        if s.text is not None:
            self.base_paragraph(s)
        self.additions(s)
        self.notes(s)
        for c in s.conflicts:
            a, b = (self.names[c.first], self.names[c.second]) if self.anonymous else (c.first, c.second)
            self.run(self.doc.add_paragraph(), f"[Conflict: {a} and {b}: {c.reason}]", italic=True)


def _texts(par: object) -> Iterator[str]:
    from drafting.model import Paragraph

    assert isinstance(par, Paragraph)
    yield par.text
    for item in par.items:
        yield from _texts(item)


def render(compiled: Compiled, view: str = "attributed") -> bytes:
    """The Word file's bytes (fixed timestamps: the same compilation gives the same bytes)."""
    if view == "clean":
        from docx import Document

        doc = Document()
        for address, paragraph in compiled.revision.text.walk():
            doc.add_paragraph(f"{address} {paragraph.text}")
        return _save(doc)
    w = _Writer(sheet(compiled.base, compiled.compilation), view == "anonymised")
    w.doc.add_paragraph().add_run(f"Compilation of proposals on {compiled.base.label}").bold = True
    before = w.placed_before()
    for i, s in enumerate(w.sh.sections):
        for p in before.get(i, ()):
            w.added(p)
        w.section(s)
    for p in before.get(len(w.sh.sections), ()):
        w.added(p)
    return _save(w.doc)


def _save(doc: object) -> bytes:
    import datetime as dt

    fixed = dt.datetime(2000, 1, 1)
    props = doc.core_properties  # type: ignore[attr-defined]
    props.created = props.modified = fixed
    props.last_modified_by = props.author = ""
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    src = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
