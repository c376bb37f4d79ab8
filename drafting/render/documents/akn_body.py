"""Akoma Ntoso paragraphs: each paragraph as a node, then as ``recital`` or ``paragraph`` XML.

Footnotes are ``authorialNote`` elements where their markers stand; operative paragraphs under a
section heading ("A", "II") go into an ``hcontainer name="section"`` with the heading as ``num``.
Used by :mod:`.akn` (a resolution) and :mod:`.akn_diff` (a comparison).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from drafting.model import Address, Paragraph, Part, Resolution, label, printed_number

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DNS = "urn:x-drafting:akn:1"  # our namespace: proprietary metadata and attributes
A_TAG = f"{{{NS}}}"
D_TAG = f"{{{DNS}}}"
_A, _D = A_TAG, D_TAG
PHRASE = {Part.PREAMBLE: "preambularPhrase", Part.OPERATIVE: "operativePhrase"}

Run = tuple[str, str]  # (kind, text): kind is "text", "lead", "ins" or "del" (+ " class")


@dataclass
class Node:
    """One paragraph or sub-paragraph as it is written: number, runs of text, note, children."""

    part: Part
    eid: str
    num: str | None
    runs: list[Run]
    note: list[Run] | None = None
    attrs: dict[str, str] = field(default_factory=dict)
    children: list["Node"] = field(default_factory=list)
    # Footnotes placed in the text: (offset in the new text, note); ``note`` is then None.
    anchored: list[tuple[int, str]] = field(default_factory=list)
    section: str | None = None  # the heading printed before this operative paragraph


# ---------------------------------------------------------------------------- paragraphs -> nodes


def text_runs(address: Address, paragraph: Paragraph) -> list[Run]:
    lead = paragraph.italic_lead(address)
    return [("lead", lead), ("text", paragraph.text[len(lead):])] if lead else [("text", paragraph.text)]


def eid_of(address: Address) -> str:
    """AKN naming convention: para_3__list_1__point_b, recs_1__rec_2__blist_1__item_a."""
    top = f"recs_1__rec_{address.number}" if address.part is Part.PREAMBLE else f"para_{address.number}"
    kind = "blist_1__item" if address.part is Part.PREAMBLE else "list_1__point"
    return top + "".join(f"__{kind}_{label(d, n)}" for d, n in enumerate(address.sub, start=1))


def num_of(resolution: Resolution, address: Address) -> str | None:
    """The number printed before a paragraph of ``resolution``: "3." (counted in its section where
    the numbering restarts), "(b)", "(ii)" (items numbered in roman); none in the preamble."""
    parent = address.parent
    if parent is not None:
        return f"({resolution.get(parent).item_label(address.sub[-1], parent.depth)})"
    return f"{printed_number(resolution, address)}." if address.part is Part.OPERATIVE else None


def own_attrs(paragraph: Paragraph) -> dict[str, str]:
    """Our attributes on a paragraph element: its stable id and its lead override."""
    out = {}
    if paragraph.id is not None:
        out[_D + "id"] = paragraph.id
    if paragraph.lead is not None:
        out[_D + "lead"] = paragraph.lead
    if paragraph.numbering is not None:  # how its sub-paragraphs are numbered: "roman"
        out[_D + "numbering"] = paragraph.numbering
    if paragraph.section is not None:  # a recital has no section container in AKN: kept here
        out[_D + "section"] = paragraph.section
    return out


def note_fields(paragraph: Paragraph) -> tuple[list[Run] | None, list[tuple[int, str]]]:
    """A node's ``note`` (one note at the end) or ``anchored`` notes (placed in the text)."""
    if paragraph.note_at:
        return None, [(offset, line) for line, offset in paragraph.footnote_offsets]
    return ([("text", paragraph.note)] if paragraph.note is not None else None), []


def node_of(resolution: Resolution, address: Address, paragraph: Paragraph) -> Node:
    note, anchored = note_fields(paragraph)
    node = Node(address.part, eid_of(address), num_of(resolution, address), text_runs(address, paragraph),
                note, own_attrs(paragraph), anchored=anchored, section=paragraph.section)
    node.children = [node_of(resolution, address.child(n), item) for n, item in enumerate(paragraph.items, 1)]
    return node


def tree_of(resolution: Resolution) -> tuple[list[Node], list[Node]]:
    """The preambular and operative nodes of a resolution (numbers as printed, per section)."""
    pre = [node_of(resolution, a, p) for a, p in resolution.top() if a.part is Part.PREAMBLE]
    ops = [node_of(resolution, a, p) for a, p in resolution.top() if a.part is Part.OPERATIVE]
    return pre, ops


# ---------------------------------------------------------------------------- XML helpers


def el(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    """A child element in the AKN namespace (``tag`` may carry its own ``{ns}``)."""
    node = etree.SubElement(parent, tag if tag[0] == "{" else _A + tag,
                            {key.rstrip("_"): value for key, value in attrs.items()})
    if text is not None:
        node.text = text
    return node


def append_text(parent: Any, text: str) -> None:
    """Add text at the end of mixed content."""
    if not text:
        return
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def fill(p: Any, runs: Iterable[Run], part: Part) -> None:
    """Write runs into a ``p``: plain text, the lead phrase, insertions and deletions."""
    for kind, text in runs:
        if not text:
            continue
        name, _, cls = kind.partition(" ")
        if name == "text":
            append_text(p, text)
        elif name == "lead":
            el(p, "inline", text, name=PHRASE[part], refersTo="#" + PHRASE[part], class_="italic")
        else:
            el(p, name, text, **({"class_": cls} if cls else {}))


def fill_anchored(p: Any, runs: Iterable[Run], part: Part, notes: list[tuple[int, str]],
                  owner: str, writer: "Writer") -> None:
    """Runs with each footnote's ``authorialNote`` where its marker stands: ``notes`` give the
    offset in the new text (deleted runs take no room there)."""
    pending = sorted(enumerate(notes, start=1), key=lambda e: e[1][0])
    at = 0
    for kind, text in runs:
        if kind.startswith("del"):
            fill(p, [(kind, text)], part)
            continue
        while pending and pending[0][1][0] <= at + len(text):
            k, (offset, line) = pending.pop(0)
            fill(p, [(kind, text[:offset - at])], part)
            text, at = text[offset - at:], offset
            writer.marker += 1
            note(p, owner, [("text", line)], writer.marker, k)
        fill(p, [(kind, text)], part)
        at += len(text)
    for k, (_, line) in pending:
        writer.marker += 1
        note(p, owner, [("text", line)], writer.marker, k)


def note(p: Any, owner: str, runs: list[Run], marker: int, k: int = 1) -> None:
    """A footnote at the end of ``p`` (the ``k``-th of its paragraph)."""
    n = el(p, "authorialNote", marker=str(marker), placement="bottom", eId=f"{owner}__fnt_{k}")
    if all(kind.startswith("del") for kind, _ in runs):
        n.set("status", "removed")  # a footnote the new text no longer has (a comparison)
    fill(el(n, "p"), runs, Part.PREAMBLE)


# ---------------------------------------------------------------------------- body


class Writer:
    """Writes nodes into the preamble and main body, numbering footnotes in reading order."""

    def __init__(self) -> None:
        self.marker = 0

    def p(self, parent: Any, node: Node, tag: str = "p") -> Any:
        p = el(parent, tag)
        if node.anchored:
            fill_anchored(p, node.runs, node.part, node.anchored, node.eid, self)
            return p
        fill(p, node.runs, node.part)
        if node.note is not None:
            self.marker += 1
            note(p, node.eid, node.note, self.marker)
        return p

    def recital(self, parent: Any, node: Node) -> None:
        rec = el(parent, "recital", eId=node.eid, **node.attrs)
        self.block(rec, node)

    def block(self, parent: Any, node: Node) -> None:
        """A preambular paragraph's text, its sub-paragraphs as ``blockList``/``item``."""
        if not node.children:
            self.p(parent, node)
            return
        blist = el(parent, "blockList", eId=f"{node.eid}__blist_1")
        self.p(blist, node, "listIntroduction")
        for child in node.children:
            item = el(blist, "item", eId=child.eid, **child.attrs)
            if child.num:
                el(item, "num", child.num)
            self.block(item, child)

    def hier(self, parent: Any, node: Node, tag: str) -> None:
        """An operative paragraph or point: ``num``, then ``content`` or ``list``/``intro``/``point``."""
        elem = el(parent, tag, eId=node.eid, **node.attrs)
        if node.num:
            el(elem, "num", node.num)
        if not node.children:
            self.p(el(elem, "content", eId=f"{node.eid}__content"), node)
            return
        lst = el(elem, "list", eId=f"{node.eid}__list_1")
        self.p(el(lst, "intro", eId=f"{node.eid}__list_1__intro"), node)
        for child in node.children:
            self.hier(lst, child, "point")


def body(statement: Any, resolution: Resolution, pre: list[Node], ops: list[Node],
         writer: Writer) -> None:
    preamble = el(statement, "preamble")
    formula = el(preamble, "formula", name="enactingFormula", eId="formula_1")
    el(formula, "p", f"The {resolution.body.value},")
    if pre:
        recitals = el(preamble, "recitals", eId="recs_1")
        for node in pre:
            writer.recital(recitals, node)
    main = el(statement, "mainBody")
    host, sections = main, 0
    for node in ops:
        if node.section is not None:  # a section heading opens here: "A", "II"
            sections += 1
            host = el(main, "hcontainer", name="section", eId=f"hcontainer_{sections}")
            el(host, "num", node.section)
        writer.hier(host, node, "paragraph")
    if not ops:
        el(main, "p")  # the schema wants a main body; an empty one stands for no operative part
