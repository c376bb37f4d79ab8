"""The draft while propose builds it: texts by address, the edits and flags so far.

Every rule (calendar, facts, renewal) and every check after them (stale paragraphs, read-back)
works on one :class:`Work`; :func:`drafting.proposal.engine.propose` makes it and turns it into a
:class:`~drafting.model.Proposal`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from drafting.model import Address, Edit, Flag, Resolution


@dataclass
class Work:
    """The texts being edited, by address, with the log so far."""

    precedent: Resolution
    new_facts: Mapping[str, Any]
    texts: dict[Address, str]
    edits: list[Edit] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    stale_facts: dict[Address, list[tuple[str, str]]] = field(default_factory=dict)  # (path, words)
    handled: set[str] = field(default_factory=set)  # fact keys a renewal rule already wrote
    rules: dict[str, str] = field(default_factory=dict)  # fact key -> rule name, where not "fact:<key>"

    def set(self, address: Address, rule: str, after: str) -> None:
        """Record an edit of the paragraph at ``address`` (nothing when the text is unchanged)."""
        before = self.texts[address]
        if after != before:
            self.edits.append(Edit(address, rule, before, after))
            self.texts[address] = after
