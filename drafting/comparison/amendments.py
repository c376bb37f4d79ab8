"""UN-style amendments: the typed operations, and their plan from a diff.

An amendment list says how to turn a base text (the draft) into another, in the words the UN
uses: "In operative paragraph 5, replace the words “X” with the words “Y”", "After operative
paragraph 5, insert a new paragraph reading: ...", "Delete operative paragraph 7", "Move the
fourth preambular paragraph to follow operative paragraph 2". Every address refers to the base
text's numbering, however many amendments come before; quoted words must occur once in the
paragraph as it stands when the amendment applies (amendments apply in their order).

:func:`amendments` plans the list from a :class:`~drafting.model.Comparison`; each word edit is
checked against :func:`apply_edit` while it is planned, so applying the plan gives the new text
exactly. :mod:`.amendment_words` makes and plans the edits inside a paragraph; :mod:`.amendments_text`
writes the list as text, :mod:`.amendments_read` reads it back (also one typed by a person) and
:mod:`.amend` applies it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Union

from drafting.comparison.amendment_words import (MAX_EDITS, EditError, Place, WordAction, WordEdit, apply_edit,
                                                 locate, word_edits)
from drafting.errors import DraftingError
from drafting.model import Address, Change, ChangeKind, Comparison, Paragraph, Part, Resolution

__all__ = ["EditError", "Place", "WordAction", "WordEdit", "apply_edit", "locate", "word_edits",
           "Amendment", "AmendmentError", "Anchor", "AmendWords", "ReplaceText", "CheckText", "InsertParagraphs",
           "ReplaceParagraphs", "DeleteParagraphs", "MoveParagraph", "Numbered", "amendment_dict", "amendments"]

# ---------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class Anchor:
    """Where paragraphs are put.

    AFTER/BEFORE the base paragraph ``address``, or AFTER what amendment ``amendment`` placed;
    START/END of the list of sub-paragraphs of ``address``, or of ``part`` when ``address`` is None.
    """

    place: Place
    address: Address | None = None
    amendment: int | None = None
    part: Part = Part.OPERATIVE

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"place": self.place.value}
        if self.address is not None:
            out["paragraph"] = str(self.address)
        if self.amendment is not None:
            out["amendment"] = self.amendment
        if self.address is None and self.amendment is None:
            out["part"] = self.part.name.lower()
        return out


@dataclass(frozen=True)
class AmendWords:
    """"In operative paragraph 5, replace the words ... and delete the words ..."."""

    target: Address
    edits: tuple[WordEdit, ...]


@dataclass(frozen=True)
class ReplaceText:
    """"Replace the text of operative paragraph 5 with: ..." (its sub-paragraphs stay)."""

    target: Address
    text: str


@dataclass(frozen=True)
class CheckText:
    """"... so that the paragraph will read: ...": the paragraph must now read ``text`` exactly."""

    target: Address
    text: str


@dataclass(frozen=True)
class InsertParagraphs:
    """"After operative paragraph 5, insert the following new paragraphs: ..."."""

    anchor: Anchor
    paragraphs: tuple[Paragraph, ...]
    sub: bool = False  # sub-paragraphs (the anchor is one, or START/END of a paragraph's list)
    first: Address | None = None  # the new address of the first one, for the number printed before it


@dataclass(frozen=True)
class ReplaceParagraphs:
    """"Replace operative paragraph 17 with the following paragraphs: ..." (sub-paragraphs and all)."""

    targets: tuple[Address, ...]
    paragraphs: tuple[Paragraph, ...]
    first: Address | None = None  # the new address of the first one, for the number printed before it


@dataclass(frozen=True)
class DeleteParagraphs:
    """"Delete operative paragraphs 7 and 8" (with their sub-paragraphs)."""

    targets: tuple[Address, ...]


@dataclass(frozen=True)
class MoveParagraph:
    """"Move the fourth preambular paragraph to follow operative paragraph 2 and replace ..."."""

    target: Address
    anchor: Anchor
    edits: tuple[WordEdit, ...] = ()


Amendment = Union[AmendWords, ReplaceText, CheckText, InsertParagraphs, ReplaceParagraphs, DeleteParagraphs,
                  MoveParagraph]


def amendment_dict(amendment: Amendment) -> dict[str, Any]:
    """Plain data for JSON, in a fixed key order."""
    if isinstance(amendment, AmendWords):
        return {"action": "amend", "paragraph": str(amendment.target),
                "edits": [e.to_dict() for e in amendment.edits]}
    if isinstance(amendment, ReplaceText):
        return {"action": "replace-text", "paragraph": str(amendment.target), "text": amendment.text}
    if isinstance(amendment, CheckText):
        return {"action": "check", "paragraph": str(amendment.target), "text": amendment.text}
    if isinstance(amendment, InsertParagraphs):
        out: dict[str, Any] = {"action": "insert", "anchor": amendment.anchor.to_dict(), "sub": amendment.sub}
        if amendment.first is not None:
            out["first"] = str(amendment.first)
        out["paragraphs"] = [p.to_dict() for p in amendment.paragraphs]
        return out
    if isinstance(amendment, ReplaceParagraphs):
        return {"action": "replace", "paragraphs": [str(a) for a in amendment.targets],
                "new": [p.to_dict() for p in amendment.paragraphs]}
    if isinstance(amendment, DeleteParagraphs):
        return {"action": "delete", "paragraphs": [str(a) for a in amendment.targets]}
    return {"action": "move", "paragraph": str(amendment.target), "anchor": amendment.anchor.to_dict(),
            "edits": [e.to_dict() for e in amendment.edits]}


class AmendmentError(DraftingError):
    """An amendment that cannot be read, or cannot be placed in the base text."""


@dataclass(frozen=True)
class Numbered:
    """An amendment read from a list: its number there, how messages name it, and what it does."""

    number: int
    name: str
    amendment: Amendment


# ---------------------------------------------------------------------------- planning from a diff

_PAIRED = (ChangeKind.UNCHANGED, ChangeKind.AMENDED, ChangeKind.MOVED)


def _pairs(comparison: Comparison) -> dict[Address, tuple[Address, Change]]:
    """New address -> (old address, change) for each paragraph the diff kept as one paragraph.

    A pair counts only when each side's parent is itself kept (or the paragraph is top-level):
    the paragraphs of a split, a merge, an added or a deleted paragraph go in and out whole.
    """
    candidates = [c for c in comparison.changes if c.kind in _PAIRED and len(c.old) == len(c.new) == 1]
    candidates.sort(key=lambda c: max(c.old[0].depth, c.new[0].depth))
    kept_old: set[Address] = set()
    out: dict[Address, tuple[Address, Change]] = {}
    for change in candidates:
        old, new = change.old[0], change.new[0]
        if (old.parent is None or old.parent in kept_old) and (new.parent is None or new.parent in out):
            kept_old.add(old)
            out[new] = (old, change)
    return out


def _children(resolution: Resolution, parent: Address | None, part: Part) -> list[Address]:
    if parent is None:
        return [Address(part, n) for n in range(1, len(resolution.part(part)) + 1)]
    return [parent.child(n) for n in range(1, len(resolution.get(parent).items) + 1)]


def _stable(pairs: list[tuple[int, int]]) -> set[int]:
    """The new indices of the longest chain of pairs increasing on both sides (they stay put)."""
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        tails[pos:pos + 1] = [j]
        tail_at[pos:pos + 1] = [k]
        back[k] = tail_at[pos - 1] if pos else -1
    chain: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        chain.add(pairs[k][1])
        k = back[k]
    return chain


class _Planner:
    """Walks the new text in reading order and writes the amendments that build it from the old."""

    def __init__(self, comparison: Comparison):
        self.old, self.new = comparison.old, comparison.new
        self.pairs = _pairs(comparison)
        self.kept_old = {old for old, _ in self.pairs.values()}
        self.out: list[Amendment] = []

    def run(self) -> tuple[Amendment, ...]:
        for part in Part:
            self.sequence(None, None, part)
        return tuple(self.out)

    def sequence(self, new_parent: Address | None, old_parent: Address | None, part: Part) -> None:
        """The amendments for one list of sibling paragraphs (a part, or a paragraph's items)."""
        news = _children(self.new, new_parent, part)
        olds = _children(self.old, old_parent, part)
        old_index = {a: i for i, a in enumerate(olds)}
        links = sorted((old_index[self.pairs[n][0]], j) for j, n in enumerate(news)
                       if n in self.pairs and self.pairs[n][0] in old_index)
        stable = _stable(links)
        gone = [i for i, a in enumerate(olds) if a not in self.kept_old]
        placed: int | None = None  # the amendment that placed the previous sibling, if any
        j = 0
        while j < len(news):
            address = news[j]
            if j in stable:
                old = self.pairs[address][0]
                gone = self.delete([i for i in gone if i < old_index[old]], olds, gone)
                self.amend(old, address)
                placed = None
            elif placed is None and (swap := self.replaced(news, j, stable, old_index, gone)):
                j, between = swap
                self.out.append(ReplaceParagraphs(tuple(olds[i] for i in between),
                                                  tuple(self.new.get(a) for a in news[news.index(address):j + 1]),
                                                  address))
                gone, placed = [i for i in gone if i not in between], len(self.out)
            else:
                anchor = self.anchor(news, j, stable, placed, old_parent, part)
                j, placed = self.place(news, j, anchor, new_parent is not None)
            if address in self.pairs:
                self.sequence(address, self.pairs[address][0], part)
            j += 1
        self.delete(gone, olds, gone)

    def replaced(self, news: list[Address], j: int, stable: set[int], old_index: dict[Address, int],
                 gone: list[int]) -> tuple[int, list[int]] | None:
        """When the new paragraphs from ``j`` fill a gap between kept paragraphs whose old
        paragraphs were all deleted: (last new index, old indices) for one replacement."""
        if news[j] in self.pairs or (j > 0 and j - 1 not in stable):
            return None
        end = j
        while end + 1 < len(news) and news[end + 1] not in self.pairs:
            end += 1
        if end + 1 < len(news) and end + 1 not in stable:
            return None
        lo = old_index[self.pairs[news[j - 1]][0]] if j > 0 else -1
        hi = old_index[self.pairs[news[end + 1]][0]] if end + 1 < len(news) else len(old_index)
        between = list(range(lo + 1, hi))
        if not between or any(i not in gone for i in between):
            return None
        return end, between

    def anchor(self, news: list[Address], j: int, stable: set[int], placed: int | None,
               old_parent: Address | None, part: Part) -> Anchor:
        """Where the paragraph at ``news[j]`` goes, in terms of the old text or earlier amendments."""
        if placed is not None:
            return Anchor(Place.AFTER, amendment=placed)
        if j > 0:
            return Anchor(Place.AFTER, self.pairs[news[j - 1]][0])
        after = [k for k in sorted(stable) if k > j]
        if after:
            return Anchor(Place.BEFORE, self.pairs[news[after[0]]][0])
        return Anchor(Place.START, old_parent, part=part)

    def place(self, news: list[Address], j: int, anchor: Anchor, sub: bool) -> tuple[int, int]:
        """A move, or an insertion of the run of new paragraphs from ``j``; (last index, number)."""
        if news[j] in self.pairs:
            old, change = self.pairs[news[j]]
            self.out.append(MoveParagraph(old, anchor, self.edits(old, news[j], change)))
            return j, len(self.out)
        end = j
        while end + 1 < len(news) and news[end + 1] not in self.pairs:
            end += 1
        paragraphs = tuple(self.new.get(a) for a in news[j:end + 1])
        self.out.append(InsertParagraphs(anchor, paragraphs, sub, news[j]))
        return end, len(self.out)

    def amend(self, old: Address, new: Address) -> None:
        """Word edits (or the whole text) of a paragraph that stays in place."""
        before, after = self.old.get(old).text, self.new.get(new).text
        if before == after:
            return
        edits = self.edits(old, new, self.pairs[new][1])
        if len(edits) > MAX_EDITS:
            self.out.append(ReplaceText(old, after))
        else:
            self.out.append(AmendWords(old, edits))

    def edits(self, old: Address, new: Address, change: Change) -> tuple[WordEdit, ...]:
        before, after = self.old.get(old).text, self.new.get(new).text
        edits = word_edits(before, after, change.hunks)
        if len(edits) > MAX_EDITS:
            return ((WordEdit(WordAction.REPLACE, before, after),) if before and after
                    else word_edits(before, after, ()))
        return edits

    def delete(self, indices: list[int], olds: list[Address], gone: list[int]) -> list[int]:
        """Delete the old siblings at ``indices`` (runs of neighbours together); the rest of ``gone``."""
        run: list[Address] = []
        for k, i in enumerate(indices):
            run.append(olds[i])
            if k + 1 == len(indices) or indices[k + 1] != i + 1:
                self.out.append(DeleteParagraphs(tuple(run)))
                run = []
        return [i for i in gone if i not in indices]


def amendments(comparison: Comparison) -> tuple[Amendment, ...]:
    """The amendments that turn ``comparison.old`` into ``comparison.new``, in the old numbering."""
    return _Planner(comparison).run()
