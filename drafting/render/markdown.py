"""The Markdown report, for e-mail and wikis: a summary table, then each changed paragraph with
deletions as ~~strike-through~~ and insertions in **bold**, under its PP/OP addresses.
"""
from __future__ import annotations

import re

from ..model import ChangeKind, Comparison, HunkOp
from .changes import KIND_ORDER, shown, title, verdict, where

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~!])")


def escape(text: str) -> str:
    """Backslash every character Markdown could read as markup."""
    return _SPECIAL.sub(r"\\\1", text)


def _mark(op: HunkOp, text: str) -> str:
    """Wrap a changed run, keeping its outer spaces outside the markers (Markdown needs that)."""
    core = text.strip()
    if not core:
        return text if op is HunkOp.INSERT else ""
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    marker = "~~" if op is HunkOp.DELETE else "**"
    return f"{lead}{marker}{escape(core)}{marker}{trail}"


def render(comparison: Comparison, substantive_only: bool = False) -> str:
    """The whole report as Markdown text."""
    counts = comparison.summary()
    lines = [f"# {escape(title(comparison))}", "", "| kind | paragraphs |", "|---|---:|"]
    lines += [f"| {kind} | {counts[kind]} |" for kind in KIND_ORDER]
    lines += [f"| *routine* | {counts['routine']} |", f"| *substantive* | {counts['substantive']} |", ""]
    changes = shown(comparison, substantive_only, with_unchanged=False)
    if substantive_only:
        lines += ["Routine changes are left out of the list below (the table counts them).", ""]
    if not changes:
        lines += ["No changes." if comparison.identical else "No substantive changes.", ""]
    for change in changes:
        lines += [f"## {escape(where(change))} · {change.kind.value} · {verdict(change)}", ""]
        parts = []
        for hunk in change.hunks:
            text = hunk.text.replace("\n", " ¶ ")
            parts.append(escape(text) if hunk.op is HunkOp.EQUAL else _mark(hunk.op, text))
        body = "".join(parts).strip()
        if change.kind is ChangeKind.DELETED:
            body = f"~~{escape(change.old_text.strip())}~~"
        lines += [body, ""]
    return "\n".join(lines)
