"""The change log of a proposal: every edit in plain words, every warning as its sentence; JSON keeps the kinds."""
from __future__ import annotations

import re
from typing import Any

from drafting.model import HunkOp, Proposal
from drafting.proposal.vocabulary import label
from drafting.model.grammar import counted


def change_summary(before: str, after: str, context: int = 3) -> str:
    """The changed words of one edit in Markdown: '…hosted in ~~Johannesburg~~ **Guangzhou** by…'.

    The word diff is the comparison's own, so the log and the diff report show an edit alike.
    """
    from drafting.comparison.diff import word_diff

    pieces: list[str | tuple[str, str]] = []  # equal text, or (deleted, inserted)
    for hunk in word_diff(before, after):
        if hunk.op is HunkOp.EQUAL:
            pieces.append(hunk.text)
        elif pieces and isinstance(pieces[-1], tuple):
            old, new = pieces[-1]
            pieces[-1] = (old + hunk.text, new) if hunk.op is HunkOp.DELETE else (old, new + hunk.text)
        else:
            pieces.append((hunk.text, "") if hunk.op is HunkOp.DELETE else ("", hunk.text))
    snippets: list[list[str]] = [[]]
    for k, piece in enumerate(pieces):
        if isinstance(piece, tuple):
            snippets[-1].append(_marked(*piece))
            continue
        words = re.findall(r"\s+|[\w'’/.-]*\w|[^\w\s]", piece)  # words and marks apart
        head = _words(words, context, first=True) if k > 0 else ""
        tail = _words(words, context, first=False) if k < len(pieces) - 1 else ""
        if k > 0 and k < len(pieces) - 1 and sum(not w.isspace() for w in words) <= 2 * context:
            snippets[-1].append(piece)
            continue
        if head:
            snippets[-1].append(head)
        if k > 0 and k < len(pieces) - 1:
            snippets.append([])
        if tail:
            snippets[-1].append(tail)
    return " ".join("…" + "".join(parts).strip() + "…" for parts in snippets if parts)


def _words(tokens: list[str], n: int, first: bool) -> str:
    """The first (or last) ``n`` words of ``tokens`` with the spaces between them and beside them."""
    count, cut = 0, len(tokens) if first else 0
    order = range(len(tokens)) if first else range(len(tokens) - 1, -1, -1)
    for i in order:
        if not tokens[i].isspace():
            count += 1
            if count > n:
                cut = i
                break
    return "".join(tokens[:cut]) if first else "".join(tokens[cut + (1 if count > n else 0):])


def _marked(old: str, new: str) -> str:
    lead = " " if old[:1].isspace() or new[:1].isspace() else ""
    trail = " " if old[-1:].isspace() or new[-1:].isspace() else ""
    both = " " if old.strip() and new.strip() else ""
    return (lead + (f"~~{old.strip()}~~" if old.strip() else "") + both
            + (f"**{new.strip()}**" if new.strip() else "") + trail)


def log_data(proposal: Proposal) -> dict[str, list[dict[str, Any]]]:
    """The change log as plain data: the JSON contract of ``drafting propose --format json``."""
    return {
        "edits": [{"paragraph": str(e.paragraph), "rule": e.rule, "before": e.before, "after": e.after}
                  for e in proposal.edits],
        "warnings": [{"paragraph": str(f.paragraph) if f.paragraph else None, "kind": f.kind.value,
                      "message": f.message} for f in proposal.flags],
    }


def log_json(proposal: Proposal) -> str:
    import json

    return json.dumps(log_data(proposal), ensure_ascii=False, indent=2) + "\n"


_RULE_WORDS = {
    "calendar:session": "the session moves on",
    "calendar:recall-chain": "last year's resolution joins those recalled",
    "calendar:previous-resolution": "last year's resolution is now the one cited",
    "calendar:reporting-year": "the reporting year moves on",
    "calendar:mandate-end": "the new end of the mandate, from the old end and the period",
    "editorial:closing-mark": "a sub-paragraph ends with a semicolon",
}


def describe(rule: str) -> str:
    """A rule as a drafter reads it: 'fact:next_chair' -> 'the Chair for the coming year (from the facts)'."""
    if rule.startswith("fact:"):
        return f"{label(rule[5:])} (from the facts)"
    return _RULE_WORDS.get(rule, rule)


def warning_messages(proposal: Proposal) -> list[str]:
    """Each warning once: one that every paragraph it concerns carries (for its Word comment) is read once."""
    return list(dict.fromkeys(f.message for f in proposal.flags))


def log_markdown(proposal: Proposal) -> str:
    """The change log for a person: each edit's changed words, then each warning."""
    messages = warning_messages(proposal)
    lines = [f"# Proposed draft from {proposal.precedent.label}", "",
             f"{counted(len(proposal.edits), 'edit')}, {counted(len(messages), 'warning')}.", "", "## Edits", ""]
    for e in proposal.edits:
        lines.append(f"- **{e.paragraph}** {describe(e.rule)}: {change_summary(e.before, e.after)}")
    lines += [] if proposal.edits else ["- none"]
    lines += ["", "## Warnings", ""]
    for message in messages:
        lines.append(f"- {message}")
    lines += [] if proposal.flags else ["- none"]
    return "\n".join(lines) + "\n"
