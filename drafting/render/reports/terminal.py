"""The terminal report: each changed paragraph with its PP/OP addresses old → new, words struck
out and underlined in colour (a changed punctuation mark in reverse video, since a struck ";" is
invisible), and a summary line. Without colour (a file, a pipe) deletions read ``[-old-]`` and
insertions ``{+new+}``, as in ``git diff --word-diff``.
"""
from __future__ import annotations

import io

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from drafting.model import Change, ChangeKind, Comparison, FieldChange, HunkClass, HunkOp
from drafting.render.reports.changes import (field_verdict, field_where, is_mark, marked, shown, shown_fields,
                                             summary_line, title, verdict, where)

_STYLE = {HunkOp.DELETE: "red strike", HunkOp.INSERT: "green underline"}
# a struck-through ";" cannot be seen: a changed punctuation mark is shown in reverse video
_MARK_STYLE = {HunkOp.DELETE: "bold red reverse strike", HunkOp.INSERT: "bold green reverse underline"}
_MARK = {HunkOp.DELETE: ("[-", "-]"), HunkOp.INSERT: ("{+", "+}")}
# typography (a curly apostrophe, a double space) is shown, but discreetly
_TYPO_STYLE = {HunkOp.DELETE: "dim strike", HunkOp.INSERT: "dim underline"}
_KIND_STYLE = {ChangeKind.ADDED: "green", ChangeKind.DELETED: "red", ChangeKind.MOVED: "magenta",
               ChangeKind.SPLIT: "cyan", ChangeKind.MERGED: "cyan", ChangeKind.AMENDED: "yellow"}


def _heading(change: Change) -> Text:
    line = Text()
    line.append(where(change), style="bold")
    line.append("  ")
    line.append(change.kind.value, style=_KIND_STYLE.get(change.kind, ""))
    line.append("  ")
    line.append(verdict(change), style="dim" if change.routine else "bold red")
    return line


def _body(change: Change | FieldChange, color: bool) -> Text:
    body = Text()
    previous = None
    for hunk in change.hunks:
        text = hunk.text.replace("\n", " ¶ ")  # group members joined: show the paragraph break
        if hunk.op is HunkOp.EQUAL:
            body.append(text)
        elif color:
            if hunk.op is HunkOp.INSERT and previous is HunkOp.DELETE and not text[:1].isspace() \
                    and not body.plain[-1:].isspace():
                body.append(" ")  # "30 November 1990 31 May 1991", not "...199031 May..."
            styles = _TYPO_STYLE if hunk.cls is HunkClass.TYPOGRAPHY else _MARK_STYLE if is_mark(text) else _STYLE
            body.append(text, style=styles[hunk.op])
        else:
            start, end = _MARK[hunk.op]
            body.append(f"{start}{text}{end}")
        previous = hunk.op
    return body


def render(comparison: Comparison, *, substantive_only: bool = False, color: bool = False,
           width: int | None = None) -> str:
    """The report as text (ANSI colour codes when ``color``); without colour, unwrapped."""
    out = io.StringIO()
    width = width or 100
    console = Console(file=out, force_terminal=color, no_color=not color, width=width,
                      highlight=False, emoji=False, color_system="standard" if color else None)
    print_report(console, comparison, substantive_only=substantive_only, color=color)
    return out.getvalue()


def print_report(console: Console, comparison: Comparison, *, substantive_only: bool = False,
                 color: bool = True) -> None:
    """Print the report on ``console``: changed paragraphs only, then the summary line."""
    console.print(Text(title(comparison), style="bold"))
    console.print()
    _print_fields(console, "Title, heading and adoption line",
                  shown_fields(comparison, substantive_only), color)
    for change in shown(comparison, substantive_only, with_unchanged=False):
        console.print(_heading(change))
        change, notes = marked(comparison, change)
        _print_body(console, _body(change, color) + Text("".join(f"\n      {n}" for n in notes)), color)
    _print_fields(console, "Footnotes", shown_fields(comparison, substantive_only, footnotes=True), color)
    console.print(Text(summary_line(comparison), style="bold"), soft_wrap=not color)


def _print_body(console: Console, body: Text, color: bool) -> None:
    if color:  # wrapped to the terminal, indented
        console.print(Padding(body, (0, 0, 0, 4)))
    else:  # one line a paragraph, for files, pipes and grep
        console.print(Text("    ") + body, soft_wrap=True)
    console.print()


def _print_fields(console: Console, heading: str, changes: list[FieldChange], color: bool) -> None:
    """A section for the changes outside the paragraphs (nothing when there are none)."""
    if not changes:
        return
    console.print(Text(heading, style="bold underline"))
    console.print()
    for change in changes:
        line = Text()
        line.append(field_where(change), style="bold")
        line.append("  ")
        line.append(change.kind.value, style=_KIND_STYLE.get(change.kind, ""))
        line.append("  ")
        line.append(field_verdict(change), style="dim" if change.routine else "bold red")
        console.print(line)
        _print_body(console, _body(change, color), color)
