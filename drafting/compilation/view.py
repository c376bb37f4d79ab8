"""What every rendering of a compilation shows: each base paragraph with its status, its
proposals and its competing options, in reading order. Text, HTML and Word read this."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from drafting.compilation.conflicts import Conflict, conflicts, groups
from drafting.compilation.proposals import Action, Compilation, Proposal, Side, Status
from drafting.compilation.resolve import (
    Resolved,
    paragraph_address,
    paragraph_ids,
    resolve,
)
from drafting.compilation.revision import options
from drafting.errors import DraftingError
from drafting.model import Address, Part, Resolution


@dataclass
class Section:
    """One heading: a base paragraph (or the start of a part, or "other") and what is proposed there."""

    heading: str | None  # "PP3", "OP5(b)"; None for a part's start or the other proposals
    title: str  # the heading line as shown
    text: str | None = None  # the base text
    address: Address | None = None
    status: Status = Status.OPEN
    proposals: list[Proposal] = field(default_factory=list)
    options: list[tuple[list[Resolved], str]] = field(default_factory=list)  # (group, attributed bracket)
    conflicts: list[Conflict] = field(default_factory=list)


@dataclass
class Sheet:
    base: Resolution
    compilation: Compilation
    sections: list[Section]
    resolved: dict[str, Resolved]
    conflicts: list[Conflict]

    def anonymous_names(self) -> dict[str, str]:
        """Proposal id -> "P1", "P2", ... in the order shown (no delegation in them)."""
        ordered = [p.id for s in self.sections for p in s.proposals]
        return {pid: f"P{n}" for n, pid in enumerate(ordered, start=1)}

    def in_conflict(self) -> set[str]:
        return {x for c in self.conflicts for x in (c.first, c.second)}


def _home(base: Resolution, p: Proposal, ids: set[str], index: dict[str, Address]) -> str:
    """The heading a proposal is listed under."""
    try:
        if p.paragraph is not None:
            return str(paragraph_address(base, p.paragraph, p.id, index))
        assert p.place is not None
        if p.place.side is Side.FIRST_IN and p.place.anchor in ("PP", "OP"):
            return p.place.anchor
        if p.place.anchor not in ids:
            return str(paragraph_address(base, p.place.anchor, p.id, index))
    except DraftingError:
        pass
    return ""


def sheet(base: Resolution, compilation: Compilation) -> Sheet:
    """Lay a compilation out; proposals that cannot be resolved are an error naming each one."""
    resolved = {r.proposal.id: r for r in resolve(base, compilation)}
    found = conflicts(resolved.values())
    ids = {p.id for p in compilation.proposals}
    index = paragraph_ids(base)
    sections: dict[str, Section] = {}
    for part in Part:
        sections[part.value] = Section(None, "Preamble" if part is Part.PREAMBLE else "Operative part")
        for address, paragraph in base.walk():
            if address.part is part:
                status = compilation.status.get(str(address), Status.OPEN)
                title = str(address) + heading_note(compilation, str(address), status)
                sections[str(address)] = Section(str(address), title, paragraph.text, address, status)
    sections[""] = Section(None, "Other proposals")
    for p in compilation.proposals:
        sections[_home(base, p, ids, index)].proposals.append(p)
    word = [r for r in resolved.values() if r.proposal.action.on_words]
    for group in groups(word, [c for c in found if resolved[c.first].span and resolved[c.second].span]):
        target = group[0].target
        assert target is not None
        sections[str(target)].options.append((group, options(base.get(target).text, group)))
    # conflicts in the order their proposals are shown, so the text reads back to the same bytes
    shown_at = {p.id: n for n, p in enumerate(p for s in sections.values() for p in s.proposals)}
    for c in sorted((_shown_first(c, shown_at) for c in found),
                    key=lambda c: (shown_at[c.first], shown_at[c.second])):
        if not (resolved[c.first].span and resolved[c.second].span):
            sections[c.paragraph if c.paragraph in sections else ""].conflicts.append(c)
    shown = [s for s in sections.values() if s.address is not None or s.proposals or s.conflicts]
    return Sheet(base, compilation, shown, resolved, found)


def _shown_first(c: Conflict, shown_at: dict[str, int]) -> Conflict:
    return c if shown_at[c.first] <= shown_at[c.second] else replace(c, first=c.second, second=c.first)


def heading_note(compilation: Compilation, address: str, status: Status) -> str:
    """" (agreed ad ref)", " (agreed, reopened)", " (reopened)" or ""."""
    marks = [compilation.labels[status]] if status is not Status.OPEN else []
    if address in compilation.reopened:
        marks.append("reopened")
    return f" ({', '.join(marks)})" if marks else ""


def is_paragraph_action(p: Proposal) -> bool:
    return not p.action.on_words and p.action is not Action.NOTE
