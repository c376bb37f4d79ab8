"""The delegation report: every proposal each delegation made and its fate, so "our amendment
was not reflected" has an answer; and the numbering table of a revision."""
from __future__ import annotations

from enum import Enum

from drafting.compilation.conflicts import Conflict, same_edit
from drafting.compilation.proposals import Compilation
from drafting.compilation.resolve import Resolved
from drafting.compilation.revision import Revision
from drafting.compilation.text import action_phrase


class Fate(str, Enum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    PENDING = "pending"
    SUPERSEDED = "superseded"  # still pending, but a proposal it conflicts with (or a bridging text) was accepted
    MERGED = "merged"  # the very same change, proposed by another delegation too, was accepted


def fates(compilation: Compilation, revision: Revision, found: list[Conflict],
          resolved: list[Resolved] | None = None) -> dict[str, tuple[Fate, str]]:
    """Proposal id -> (fate, why)."""
    accepted, rejected = set(revision.accepted), set(revision.rejected)
    bridged = {b: p.id for p in compilation.proposals if p.id in accepted for b in p.bridges}
    by_id = {r.proposal.id: r for r in resolved or ()}
    out: dict[str, tuple[Fate, str]] = {}
    for p in compilation.proposals:
        twins = sorted(i for i in accepted if i in by_id and p.id in by_id and i != p.id
                       and same_edit(by_id[i], by_id[p.id]))
        rivals = sorted({c.second if c.first == p.id else c.first for c in found
                         if p.id in (c.first, c.second)} & accepted)
        if p.id in accepted:
            out[p.id] = (Fate.ACCEPTED, "")
        elif p.id in bridged:
            out[p.id] = (Fate.SUPERSEDED, f"by the bridging text {bridged[p.id]}")
        elif p.id in rejected:
            out[p.id] = (Fate.REJECTED, "")
        elif twins:
            out[p.id] = (Fate.MERGED, "with " + ", ".join(twins))
        else:
            out[p.id] = (Fate.SUPERSEDED, "by " + ", ".join(rivals)) if rivals else (Fate.PENDING, "")
    return out


def delegation_report(compilation: Compilation, revision: Revision, found: list[Conflict],
                      resolved: list[Resolved] | None = None) -> str:
    """Per delegation (alphabetical), each proposal in the order written, with its fate."""
    fate = fates(compilation, revision, found, resolved)
    lines = []
    for name in sorted(compilation.delegations()):
        lines.append(f"{name}:")
        for p in compilation.proposals:
            if name in p.by:
                kind, why = fate[p.id]
                where = f"{p.paragraph}: " if p.paragraph else ""
                lines.append(f"  {p.id} {kind.value}{' ' + why if why else ''}: {where}{action_phrase(p)}")
    return "\n".join(lines) + "\n"


def numbering_table(revision: Revision) -> str:
    """New PP/OP -> old -> contributing delegations -> proposal ids, for the changed and new
    paragraphs; then the counts."""
    rows = [r for r in revision.table if r.ids or r.new != r.old]
    width = max([len(r.new) for r in rows] + [3])
    old_width = max([len(r.old or "(new)") for r in rows] + [3])
    lines = [f"{'new'.ljust(width)}  {'old'.ljust(old_width)}  delegations / proposals"]
    for r in rows:
        lines.append(f"{r.new.ljust(width)}  {(r.old or '(new)').ljust(old_width)}  "
                     f"{', '.join(r.delegations) or '-'} / {', '.join(r.ids) or '-'}")
    counts = ", ".join(f"{k} {v}" for k, v in revision.counts.items())
    return "\n".join(lines) + f"\n{counts}\n"
