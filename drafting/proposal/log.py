"""The change log of a proposal: every edit in plain words, every warning as its sentence; JSON keeps the kinds."""
from __future__ import annotations

import re
from typing import Any

from drafting.model import Proposal
from drafting.proposal.vocabulary import label
from drafting.model.grammar import counted


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w'’/.-]*\w|[^\w\s]|\s+", text)


def change_summary(before: str, after: str, context: int = 3) -> str:
    """The changed words of one edit in Markdown: '…hosted in ~~Johannesburg~~ **Guangzhou** by…'."""
    import difflib

    a, b = _tokens(before), _tokens(after)
    snippets = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for group in matcher.get_grouped_opcodes(2 * context):  # words and the spaces between them
        out = []
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.append("".join(a[i1:i2]))
                continue
            old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
            lead = " " if (old[:1].isspace() or new[:1].isspace()) and not out[-1].endswith(" ") else ""
            out.append(lead + (f"~~{old.strip()}~~" if old.strip() else "") + (" " if old.strip() and new.strip() else "")
                       + (f"**{new.strip()}**" if new.strip() else ""))
            if (old.endswith(" ") or new.endswith(" ")) and not out[-1].endswith(" "):
                out[-1] += " "
        snippets.append("…" + "".join(out).strip() + "…")
    return " ".join(snippets)


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


def log_markdown(proposal: Proposal) -> str:
    """The change log for a person: each edit's changed words, then each warning."""
    lines = [f"# Proposed draft from {proposal.precedent.label}", "",
             f"{counted(len(proposal.edits), 'edit')}, {counted(len(proposal.flags), 'warning')}.", "", "## Edits", ""]
    for e in proposal.edits:
        lines.append(f"- **{e.paragraph}** {describe(e.rule)}: {change_summary(e.before, e.after)}")
    lines += [] if proposal.edits else ["- none"]
    lines += ["", "## Warnings", ""]
    for f in proposal.flags:
        lines.append(f"- {f.message}")
    lines += [] if proposal.flags else ["- none"]
    return "\n".join(lines) + "\n"
