"""Apply a list of UN-style amendments to a base text.

Every address in an amendment names a paragraph of the base text, whatever the amendments before
it did: the base paragraphs keep their identity while paragraphs are inserted, deleted and moved
around them, and a deleted paragraph still marks its place until the end. Quoted words are looked
for in the paragraph as it stands when the amendment applies. An amendment that cannot be placed
is a :class:`AmendmentError` naming it (number and first words) and the paragraph.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Sequence

from drafting.comparison.amendments import (Amendment, AmendmentError, AmendWords, Anchor, CheckText, DeleteParagraphs,
                                            EditError, InsertParagraphs, MoveParagraph, Numbered, Place,
                                            ReplaceParagraphs, ReplaceText, WordEdit, apply_edit)
from drafting.comparison.amendment_words import fold as _fold
from drafting.comparison.amendments_read import read_amendments
from drafting.errors import DraftingError
from drafting.model import Address, Paragraph, Part, Resolution

__all__ = ["AmendmentError", "Numbered", "amend", "amend_file", "apply_amendments", "read_amendments"]


@dataclass(eq=False)
class _Node:
    """A paragraph being amended: its text, its sub-paragraphs, and the base paragraph it was."""

    text: str
    items: list["_Node"] = field(default_factory=list)
    base: Paragraph | None = None
    deleted: bool = False

    @classmethod
    def of(cls, paragraph: Paragraph, base: bool) -> "_Node":
        return cls(paragraph.text, [cls.of(p, base) for p in paragraph.items], paragraph if base else None)

    def paragraph(self) -> Paragraph:
        items = tuple(n.paragraph() for n in self.items if not n.deleted)
        if self.base is None:
            return Paragraph(self.text, items)
        return replace(self.base, text=self.text, items=items)


class _Tree:
    """The text being amended, with every base paragraph findable by its base address."""

    def __init__(self, base: Resolution):
        self.parts = {part: [_Node.of(p, True) for p in base.part(part)] for part in Part}
        self.nodes: dict[Address, _Node] = {}
        self.parent_of: dict[int, list[_Node]] = {}
        self.after: dict[tuple[str, object], _Node] = {}  # the last node placed at each anchor
        self.placed: dict[int, _Node] = {}  # amendment number -> the last node it placed
        for part, nodes in self.parts.items():
            self._index(nodes, lambda n: Address(part, n))

    def _index(self, nodes: list[_Node], address: Callable[[int], Address]) -> None:
        for n, node in enumerate(nodes, start=1):
            here = address(n)
            self.nodes[here] = node
            self.parent_of[id(node)] = nodes
            self._index(node.items, here.child)

    def node(self, address: Address) -> _Node:
        node = self.nodes.get(address)
        if node is None:
            raise EditError(f"the base text has no {describe(address)}")
        return node

    def siblings(self, node: _Node) -> list[_Node]:
        return self.parent_of[id(node)]

    def put(self, nodes: list[_Node], anchor: Anchor) -> None:
        """Place ``nodes`` at ``anchor`` (after earlier amendments that used the same anchor)."""
        if anchor.amendment is not None:
            last = self.placed.get(anchor.amendment)
            if last is None:
                raise EditError(f"amendment {anchor.amendment} placed no paragraph to follow")
            target, at = self.siblings(last), self.siblings(last).index(last) + 1
        elif anchor.place in (Place.START, Place.END):
            target = self.node(anchor.address).items if anchor.address else self.parts[anchor.part]
            key: tuple[str, object] = (anchor.place.value, anchor.address or anchor.part)
            last = self.after.get(key)
            at = (self.siblings(last).index(last) + 1 if last is not None and last in target
                  else 0 if anchor.place is Place.START else len(target))
            self.after[key] = nodes[-1]
        else:
            base = self.node(anchor.address)  # type: ignore[arg-type]
            target = self.siblings(base)
            key = ("after", anchor.address)
            last = self.after.get(key) if anchor.place is Place.AFTER else None
            ref = last if last is not None and last in target else base
            at = target.index(ref) + (anchor.place is Place.AFTER)
            if anchor.place is Place.AFTER:
                self.after[key] = nodes[-1]
        target[at:at] = nodes
        for node in nodes:
            self.parent_of[id(node)] = target

    def detach(self, node: _Node) -> None:
        siblings = self.siblings(node)
        del siblings[next(k for k, n in enumerate(siblings) if n is node)]

    def resolution(self, base: Resolution) -> Resolution:
        parts = {part: tuple(n.paragraph() for n in nodes if not n.deleted) for part, nodes in self.parts.items()}
        return replace(base, preamble=parts[Part.PREAMBLE], operative=parts[Part.OPERATIVE])


def describe(address: Address) -> str:
    """'operative paragraph 5 (b)' or 'preambular paragraph 3', for messages."""
    from drafting.comparison.amendments_text import paragraph_name

    return paragraph_name(address)


def _apply_one(tree: _Tree, number: int, amendment: Amendment) -> None:
    if isinstance(amendment, AmendWords):
        node = tree.node(amendment.target)
        node.text = _edited(node, amendment.target, amendment.edits)
    elif isinstance(amendment, ReplaceText):
        tree.node(amendment.target).text = amendment.text
    elif isinstance(amendment, CheckText):
        _check(tree.node(amendment.target), amendment)
    elif isinstance(amendment, DeleteParagraphs):
        for target in amendment.targets:
            node = tree.node(target)
            if node.deleted:
                raise EditError(f"{describe(target)} is already deleted")
            node.deleted = True
    elif isinstance(amendment, (InsertParagraphs, ReplaceParagraphs)):
        nodes = [_Node.of(p, False) for p in amendment.paragraphs]
        if isinstance(amendment, InsertParagraphs):
            tree.put(nodes, amendment.anchor)
        else:
            _apply_one(tree, number, DeleteParagraphs(amendment.targets))
            tree.put(nodes, Anchor(Place.BEFORE, amendment.targets[0]))
        tree.placed[number] = nodes[-1]
    else:
        _move(tree, number, amendment)


def _edited(node: _Node, target: Address, edits: tuple[WordEdit, ...]) -> str:
    """The node's text with ``edits`` made; an EditError names the paragraph."""
    if node.deleted:
        raise EditError(f"{describe(target)} is deleted by an earlier amendment")
    text = node.text
    for edit in edits:
        try:
            text = apply_edit(text, edit)
        except EditError as exc:
            raise EditError(f"in {describe(target)}, {exc}") from None
    return text


def _check(node: _Node, check: CheckText) -> None:
    """The text quoted after 'so that the paragraph will read' must be what the edits made."""
    if node.text != check.text and _fold(node.text) != _fold(check.text):
        raise EditError(f"{describe(check.target)} now reads “{node.text}”, not the text quoted after "
                        f"'so that the paragraph will read' (“{check.text}”)")


def _move(tree: _Tree, number: int, amendment: MoveParagraph) -> None:
    node = tree.node(amendment.target)
    if node.deleted:
        raise EditError(f"{describe(amendment.target)} is deleted by an earlier amendment")
    if amendment.anchor.address is not None and tree.node(amendment.anchor.address) is node:
        raise EditError("a paragraph cannot be moved next to itself")
    node.text = _edited(node, amendment.target, amendment.edits)
    tree.detach(node)
    tree.put([node], amendment.anchor)
    tree.placed[number] = node


def apply_amendments(base: Resolution, amendments: Sequence[Amendment | Numbered]) -> Resolution:
    """``base`` with every amendment applied in order; AmendmentError names one that cannot be."""
    tree = _Tree(base)
    for k, item in enumerate(amendments, start=1):
        numbered = item if isinstance(item, Numbered) else Numbered(k, f"amendment {k}", item)
        try:
            _apply_one(tree, numbered.number, numbered.amendment)
        except EditError as exc:
            raise AmendmentError(f"{numbered.name}: {exc}") from None
    return tree.resolution(base)


def amend(base: Resolution, amendments: str | Sequence[Amendment | Numbered]) -> Resolution:
    """``base`` amended by a list of amendments (their text, or operations)."""
    if isinstance(amendments, str):
        amendments = read_amendments(amendments)
    return apply_amendments(base, amendments)


def amend_file(base: str | os.PathLike[str], amendments: str | os.PathLike[str]) -> Resolution:
    """Load a resolution file and amend it by the list in a text file."""
    from drafting.store import load

    path = Path(amendments)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftingError(f"{path}: cannot read the amendments: {getattr(exc, 'strerror', None) or exc}") from None
    return apply_amendments(load(base), read_amendments(text, str(path)))
