"""Resolve every proposal against the BASE text: which paragraph, which characters, which place.

Resolving before applying anything is what makes a revision order-independent: every target is
found in the text all delegations saw, never in a text another proposal already changed.
"""
from __future__ import annotations

from dataclasses import dataclass

from drafting.compilation.proposals import (
    Action,
    Compilation,
    Place,
    Proposal,
    Side,
    Status,
)
from drafting.errors import DraftingError
from drafting.model import Address, Part, Resolution

# An anchor key: ("base", Address), ("prop", id) or ("first", Address | Part)
AnchorKey = tuple[str, object]


@dataclass(frozen=True)
class Edit:
    """Characters start..end of a base paragraph become ``new``; ``rank`` orders edits at one point."""

    start: int
    end: int
    new: str
    rank: int  # 0 insert after words, 1 replace/delete, 2 insert before words


@dataclass(frozen=True)
class Resolved:
    """A proposal with its targets found in the base text."""

    proposal: Proposal
    target: Address | None = None  # the base paragraph (all but ADD)
    span: tuple[int, int] | None = None  # the base words it touches (word actions)
    edit: Edit | None = None
    anchor: tuple[AnchorKey, Side] | None = None  # ADD, MOVE


def short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def paragraph_ids(base: Resolution) -> dict[str, Address]:
    """Each stable paragraph id of the base text, with its address."""
    return {p.id: a for a, p in base.walk() if p.id is not None}


def paragraph_address(base: Resolution, ref: str, who: str, ids: dict[str, Address] | None = None) -> Address:
    """The base address of ``ref`` (an address such as OP5(b), or a paragraph's stable id)."""
    found = (paragraph_ids(base) if ids is None else ids).get(ref)
    if found is not None:
        return found
    try:
        address = Address.parse(ref)
        base.get(address)
    except ValueError:
        raise DraftingError(f"{who}: expected a paragraph address (PP3, OP5(b)) or a paragraph id, "
                            f"found {ref!r}") from None
    except KeyError:
        raise DraftingError(f"{who}: the base text has no paragraph {ref}; "
                            f"name a paragraph of the base text") from None
    return address


def find_words(text: str, words: str, occurrence: int | None, who: str, where: str) -> int:
    """Where the ``occurrence``-th ``words`` starts in ``text``: refused when absent or ambiguous."""
    starts = [i for i in range(len(text)) if text.startswith(words, i)] if words else []
    if not starts:
        raise DraftingError(f"{who}: the words “{short(words)}” are not in {where} "
                            f"(“{short(text)}”); quote words of the base text exactly")
    if occurrence is None:
        if len(starts) > 1:
            raise DraftingError(f"{who}: the words “{short(words)}” occur {len(starts)} times in {where}; "
                                f"say which with occurrence: 1 to {len(starts)}")
        return starts[0]
    if not 1 <= occurrence <= len(starts):
        raise DraftingError(f"{who}: occurrence {occurrence} of “{short(words)}” asked, but {where} "
                            f"holds it {len(starts)} time(s)")
    return starts[occurrence - 1]


def _word_action(base: Resolution, p: Proposal, target: Address) -> Resolved:
    who = describe(p)
    text = base.get(target).text
    words = p.words or ""
    start = find_words(text, words, p.occurrence, who, str(target))
    end = start + len(words)
    if p.action is Action.INSERT:
        at, rank = (end, 0) if p.side is Side.AFTER else (start, 2)
        return Resolved(p, target, (start, end), Edit(at, at, p.new or "", rank))
    new = p.new or "" if p.action is Action.REPLACE else ""
    return Resolved(p, target, (start, end), Edit(start, end, new, 1))


def _anchor(base: Resolution, place: Place, ids: dict[str, Action], who: str,
            index: dict[str, Address]) -> tuple[AnchorKey, Side]:
    if place.anchor in ids:
        if place.side is Side.FIRST_IN or ids[place.anchor] is not Action.ADD:
            raise DraftingError(f"{who}: placed {place}, a proposal that adds no paragraph; place it "
                                f"after or before a paragraph of the base text or one that a proposal adds")
        return ("prop", place.anchor), place.side
    if place.side is Side.FIRST_IN and place.anchor in ("PP", "OP"):
        return ("first", Part(place.anchor)), place.side
    address = paragraph_address(base, place.anchor, who, index)
    return (("first", address) if place.side is Side.FIRST_IN else ("base", address)), place.side


def resolve(base: Resolution, compilation: Compilation) -> list[Resolved]:
    """Every proposal resolved against ``base``; all problems are reported at once."""
    out, problems = [], []
    ids = {p.id: p.action for p in compilation.proposals}
    index = paragraph_ids(base)
    for p in compilation.proposals:
        try:
            out.append(resolve_one(base, compilation, p, ids, index))
        except DraftingError as exc:
            problems.append(str(exc))
    if problems:
        raise DraftingError("\n".join(problems))
    return out


def describe(p: Proposal) -> str:
    """How a message names a proposal: where it was read, its id and its delegation."""
    return f"{p.origin + ': ' if p.origin else ''}proposal {p.id} ({p.delegation})"


def resolve_one(base: Resolution, compilation: Compilation, p: Proposal, ids: dict[str, Action],
                index: dict[str, Address]) -> Resolved:
    who = describe(p)
    target = paragraph_address(base, p.paragraph, who, index) if p.paragraph is not None else None
    if target is not None:
        _check_open(compilation, target, who)
    if p.action.on_words:
        assert target is not None
        return _word_action(base, p, target)
    if p.action in (Action.DELETE_PARAGRAPH, Action.NOTE):
        return Resolved(p, target)
    assert p.place is not None
    anchor = _anchor(base, p.place, ids, who, index)
    spot = anchor[0][1]
    if p.action is Action.MOVE and target is not None and isinstance(spot, Address) and (
            spot.part is target.part and spot.number == target.number and spot.sub[:len(target.sub)] == target.sub):
        raise DraftingError(f"{who}: moves {target} {p.place}, beside itself or inside itself; "
                            f"place it beside another paragraph")
    return Resolved(p, target, anchor=anchor)


def _check_open(compilation: Compilation, target: Address, who: str) -> None:
    key: Address | None = target
    while key is not None:  # the paragraph, and every paragraph it stands in
        status = compilation.status.get(str(key), Status.OPEN)
        if status is not Status.OPEN and str(key) not in compilation.reopened:
            label = compilation.labels.get(status, status.value)
            raise DraftingError(f"{who}: {key} is {label}; a proposal on it is refused unless the "
                                f"paragraph is reopened (list it under reopened:)")
        key = key.parent
