"""Proposals as data: who proposed what, on which paragraph of the base text.

A proposal names its paragraph by address (PP3, OP5(b)) or by the paragraph's stable ``id``; a
word operation quotes its target words (and which occurrence when they are not unique); a
paragraph operation places its paragraph after or before a base paragraph, first in a part or
paragraph, or after the paragraph another proposal adds (its id).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from drafting.model import Paragraph


class Action(str, Enum):
    REPLACE = "replace"  # words -> new words
    INSERT = "insert"  # new words after/before words
    DELETE = "delete"  # words
    ADD = "add"  # new paragraph(s), placed
    DELETE_PARAGRAPH = "delete-paragraph"
    MOVE = "move"  # the paragraph, placed
    NOTE = "note"  # the paragraph's footnote becomes ``new`` (None: no footnote), anchored at ``words``

    @property
    def on_words(self) -> bool:
        return self in (Action.REPLACE, Action.INSERT, Action.DELETE)


class Side(str, Enum):
    AFTER = "after"
    BEFORE = "before"
    FIRST_IN = "first_in"  # first paragraph of a part (PP, OP) or first sub-paragraph of one


class Status(str, Enum):
    OPEN = "open"
    AD_REF = "agreed-ad-ref"
    AGREED = "agreed"


DEFAULT_LABELS: Mapping[Status, str] = {Status.OPEN: "open", Status.AD_REF: "agreed ad ref",
                                        Status.AGREED: "agreed"}


@dataclass(frozen=True)
class Place:
    """Where an added or moved paragraph goes: ``side`` of ``anchor`` (an address, a part
    "PP"/"OP" for FIRST_IN, a paragraph id, or another proposal's id)."""

    side: Side
    anchor: str

    def __str__(self) -> str:
        return f"first in {self.anchor}" if self.side is Side.FIRST_IN else f"{self.side.value} {self.anchor}"


@dataclass(frozen=True)
class Proposal:
    """One delegation's (or group's) proposal on the base text."""

    id: str
    by: tuple[str, ...]
    action: Action
    paragraph: str | None = None  # the base paragraph (address or id); None for ADD
    words: str | None = None  # the target words (REPLACE, DELETE) or the anchor words (INSERT)
    occurrence: int | None = None  # which occurrence of ``words`` (1-based) when not unique
    new: str | None = None  # the new words (REPLACE, INSERT)
    side: Side | None = None  # INSERT: after or before ``words``
    place: Place | None = None  # ADD, MOVE
    paragraphs: tuple[Paragraph, ...] = ()  # ADD
    on_behalf_of: str | None = None
    supported_by: tuple[str, ...] = ()
    bridges: tuple[str, ...] = ()  # the proposals this bridging text stands in for
    origin: str = field(default="", compare=False)  # where it was read ("eu.yaml:12"), for messages

    @property
    def delegation(self) -> str:
        """The first proposer: the one a report files the proposal under."""
        return self.by[0]

    def attribution(self) -> str:
        """"US, supported by Japan", "Fiji, on behalf of AOSIS"."""
        out = ", ".join(self.by)
        if self.on_behalf_of:
            out += f", on behalf of {self.on_behalf_of}"
        if self.supported_by:
            out += ", supported by " + ", ".join(self.supported_by)
        if self.bridges:
            out += ", bridging " + ", ".join(self.bridges)
        return out


@dataclass(frozen=True)
class Compilation:
    """The proposals on one base text, with each paragraph's status (unlisted ones are open)."""

    proposals: tuple[Proposal, ...]
    status: Mapping[str, Status] = field(default_factory=dict)  # address -> status
    reopened: frozenset[str] = frozenset()  # agreed paragraphs opened again for proposals
    labels: Mapping[Status, str] = field(default_factory=lambda: dict(DEFAULT_LABELS))
    warnings: tuple[str, ...] = ()  # what reading the sources left out, each naming its place

    def delegations(self) -> list[str]:
        """Every delegation named as proposer, in order of first appearance."""
        seen: dict[str, None] = {}
        for p in self.proposals:
            for name in p.by:
                seen.setdefault(name, None)
        return list(seen)

    def by_id(self) -> dict[str, Proposal]:
        return {p.id: p for p in self.proposals}
