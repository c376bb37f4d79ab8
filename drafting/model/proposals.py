"""What propose returns: the draft, each edit it made and each paragraph it flags for a look."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from drafting.model.outputs import ProposalOutput
from drafting.model.resolution import Address, Resolution


class FlagKind(str, Enum):
    STALE = "stale"
    MISSING_FACT = "missing-fact"
    AMBIGUOUS = "ambiguous"
    NULL_FACT = "null-fact"
    UNCONFIRMED = "unconfirmed"  # the read-back of the draft does not find the new fact, or finds the old
    OLD_CITATION = "old-citation"  # cites a document of the precedent's year that no rule updated
    UNKNOWN_FACT = "unknown-fact"  # a key of the facts the precedent does not know (a typo?)
    ADDED = "added"  # words the precedent did not have, placed where a rule judged: check the place


@dataclass(frozen=True)
class Edit:
    """One edit that propose made: where, by which rule, and the paragraph before and after."""

    paragraph: Address
    rule: str  # e.g. "calendar:session", "fact:next_chair"
    before: str
    after: str


@dataclass(frozen=True)
class Flag:
    """A paragraph the drafting officer must still look at, and why."""

    paragraph: Address | None
    kind: FlagKind
    message: str


@dataclass(frozen=True)
class Proposal(ProposalOutput):
    precedent: Resolution
    draft: Resolution
    edits: tuple[Edit, ...] = ()
    flags: tuple[Flag, ...] = ()
