"""Which proposals cannot both be accepted: they touch the same words, place two paragraphs at
the same spot, or one deletes (or moves) a paragraph another amends."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from drafting.compilation.proposals import Action
from drafting.compilation.resolve import Resolved
from drafting.model import Address, Part


@dataclass(frozen=True)
class Conflict:
    """Two proposals that exclude each other, where, and why."""

    first: str
    second: str
    paragraph: str  # an address of the base text, or the place two paragraphs compete for
    reason: str

    def __str__(self) -> str:
        return f"{self.first} and {self.second} conflict on {self.paragraph}: {self.reason}"


def reading_order(a: Address) -> tuple[int, int, tuple[int, ...]]:
    return (0 if a.part is Part.PREAMBLE else 1, a.number, a.sub)


def under(a: Address, b: Address) -> bool:
    """True when ``a`` is ``b`` or one of its sub-paragraphs."""
    return a.part is b.part and a.number == b.number and a.sub[: len(b.sub)] == b.sub


def why_conflict(a: Resolved, b: Resolved) -> str | None:
    """Why ``a`` and ``b`` conflict, or None."""
    pa, pb = a.proposal, b.proposal
    if same_edit(a, b):
        return None  # two delegations proposing the very same words: one change, not a rivalry
    if a.span and b.span and a.target == b.target and a.span[0] < b.span[1] and b.span[0] < a.span[1]:
        return "both change the same words"
    if pa.action is Action.NOTE and pb.action is Action.NOTE and a.target == b.target:
        return "both change the footnote"
    if a.anchor and b.anchor and a.anchor == b.anchor:
        return "both place a paragraph at the same spot"
    for x, y in ((a, b), (b, a)):
        if x.proposal.action is Action.DELETE_PARAGRAPH and y.target is not None and x.target is not None \
                and under(y.target, x.target):
            return "one deletes the paragraph the other changes"
        if x.proposal.action is Action.MOVE and y.target == x.target and set(pa.by) != set(pb.by):
            return "one moves the paragraph the other changes"
    return None


def same_edit(a: Resolved, b: Resolved) -> bool:
    """True when ``a`` and ``b`` make the very same change to the same words."""
    return a.edit is not None and a.target == b.target and a.edit == b.edit


def _keys(r: Resolved) -> list[object]:
    """What a proposal can collide on: its top-level paragraph and the spot it places one at."""
    keys: list[object] = []
    if r.target is not None:
        keys.append((r.target.part, r.target.number))
    if r.anchor is not None:
        keys.append(r.anchor)
    return keys


def conflicts(resolved: Iterable[Resolved]) -> list[Conflict]:
    """Every conflicting pair, in the order the proposals were written. Only proposals on one
    paragraph or one spot are compared, so a long compilation stays fast."""
    items = list(resolved)
    buckets: dict[object, list[int]] = {}
    for i, r in enumerate(items):
        for key in _keys(r):
            buckets.setdefault(key, []).append(i)
    pairs = sorted({(i, j) for bucket in buckets.values() for n, i in enumerate(bucket) for j in bucket[n + 1:]})
    out = []
    for i, j in pairs:
        a, b = items[i], items[j]
        reason = why_conflict(a, b)
        if reason:
            targets = [t for t in (a.target, b.target) if t is not None]
            where = str(min(targets, key=reading_order)) if targets else ""  # the same whatever the order read
            out.append(Conflict(a.proposal.id, b.proposal.id, where, reason))
    return out


def groups(items: list[Resolved], found: list[Conflict]) -> list[list[Resolved]]:
    """Proposals joined by conflicts (connected components), each in written order."""
    parent = {r.proposal.id: r.proposal.id for r in items}

    def root(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for c in found:
        parent[root(c.first)] = root(c.second)
    by_root: dict[str, list[Resolved]] = {}
    for r in items:
        by_root.setdefault(root(r.proposal.id), []).append(r)
    return [g for g in by_root.values() if len(g) > 1]
