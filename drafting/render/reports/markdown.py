"""The Markdown report, for e-mail and wikis: a summary table, then each changed paragraph with
deletions as ~~strike-through~~ and insertions in **bold**, under its PP/OP addresses (as
<del>/<ins> where punctuation would stop the markers from rendering; a changed punctuation mark
as code inside them, so that renderers box it).
"""
from __future__ import annotations

import re

from drafting.model import Change, ChangeKind, Comparison, FieldChange, HunkClass, HunkOp
from drafting.render.reports.changes import (FIELD_COUNTS, KIND_ORDER, field_verdict, field_where,
                                             headline, is_mark, marked, shown, shown_fields, title, verdict,
                                             where)

_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+|~!])")


def escape(text: str) -> str:
    """Backslash every character Markdown could read as markup."""
    return _SPECIAL.sub(r"\\\1", text)


_TAGS = {HunkOp.DELETE: ("~~", "<del>", "</del>"), HunkOp.INSERT: ("**", "<ins>", "</ins>")}


def _flanking(before: str, core: str, after: str) -> bool:
    """Whether ~~/** around ``core`` open and close under CommonMark's flanking rules."""
    def punct(ch: str) -> bool:
        return bool(ch) and not ch.isalnum() and not ch.isspace()

    opens = not punct(core[0]) or not before or before.isspace() or punct(before)
    closes = not punct(core[-1]) or not after or after.isspace() or punct(after)
    return opens and closes


def _mark(op: HunkOp, text: str, before: str, after: str) -> str:
    """Wrap a changed run (already escaped), keeping its outer spaces outside the markers; where
    ~~/** would not render next to punctuation, <del>/<ins> (which Markdown passes through)."""
    core = text.strip()
    if not core:
        return text if op is HunkOp.INSERT else ""
    lead = text[:len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()):]
    marker, open_tag, close_tag = _TAGS[op]
    if _flanking(lead[-1:] or before[-1:], core, trail[:1] or after[:1]):
        return f"{lead}{marker}{core}{marker}{trail}"
    return f"{lead}{open_tag}{core}{close_tag}{trail}"


def _boxed(op: HunkOp, text: str) -> str:
    """A changed punctuation mark as code inside <del>/<ins>: renderers box code, and a bare
    struck-through ";" cannot be seen."""
    core = text.strip()
    _, open_tag, close_tag = _TAGS[op]
    return f"{text[:len(text) - len(text.lstrip())]}{open_tag}`{core}`{close_tag}{text[len(text.rstrip()):]}"


def _body(change: Change | FieldChange) -> str:
    pieces = [(h.op, escape(h.text.replace("\n", " ¶ "))) for h in change.hunks]
    out: list[str] = []
    for k, (op, text) in enumerate(pieces):
        raw = change.hunks[k].text
        if op is HunkOp.EQUAL:
            out.append(text)
        elif change.hunks[k].cls is HunkClass.TYPOGRAPHY:
            # shown discreetly: only the new form, as the reader sees it (the old one in the table)
            if op is HunkOp.INSERT:
                out.append(text)
        elif is_mark(raw) and "`" not in raw:
            out.append(_boxed(op, raw))
        else:
            after = pieces[k + 1][1] if k + 1 < len(pieces) else ""
            out.append(_mark(op, text, "".join(out)[-1:], after))
    return "".join(out).strip()


def render(comparison: Comparison, substantive_only: bool = False) -> str:
    """The whole report as Markdown text."""
    counts = comparison.summary()
    lines = [f"# {escape(title(comparison))}", "", f"**{escape(headline(comparison))}**", "",
             "| kind | paragraphs |", "|---|---:|"]
    lines += [f"| {kind} | {counts[kind]} |" for kind in KIND_ORDER]
    lines += [f"| {kind} | {counts[kind]} |" for kind in FIELD_COUNTS]
    lines += [f"| *routine* | {counts['routine']} |", f"| *substantive* | {counts['substantive']} |", ""]
    changes = shown(comparison, substantive_only, with_unchanged=False)
    lines += _fields("Title, heading and adoption line", shown_fields(comparison, substantive_only))
    if changes:
        lines += ["Deleted words are ~~struck through~~, inserted words **in bold**.", ""]
    if substantive_only:
        lines += ["Routine changes are left out of the list below (the table counts them).", ""]
    if not changes:
        lines += ["No changes." if comparison.identical else "No substantive changes.", ""]
    for change in changes:
        lines += [f"### {escape(where(change))} · {change.kind.value} · {verdict(change)}", ""]
        change, notes = marked(comparison, change)
        body = _body(change)
        if change.kind is ChangeKind.DELETED:
            body = f"~~{escape(change.old_text.strip())}~~"
        lines += [body, ""] + [f"> {escape(note)}  " for note in notes] + ([""] if notes else [])
    lines += _fields("Footnotes", shown_fields(comparison, substantive_only, footnotes=True))
    return "\n".join(lines)


def _fields(heading: str, changes: list[FieldChange]) -> list[str]:
    """A section for the changes outside the paragraphs (no lines when there are none)."""
    if not changes:
        return []
    lines = [f"## {heading}", ""]
    for change in changes:
        lines += [f"### {escape(field_where(change))} · {change.kind.value} · {field_verdict(change)}", "",
                  _body(change), ""]
    return lines
