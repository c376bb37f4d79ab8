"""Hunks as HTML: one function for every page that shows a word diff (the diff report; history
and score pages can adopt it). Deleted runs are <del>, inserted runs <ins>, each with its class
("date", "wording", "typography" ...) as CSS class and tooltip, and "mark" when the run is only a
punctuation mark or two (pages box those: a struck-through ";" cannot be seen).
"""
from __future__ import annotations

from collections.abc import Iterable
from html import escape

from drafting.model import Hunk, HunkOp
from drafting.render.reports.changes import is_mark

ALL = (HunkOp.EQUAL, HunkOp.DELETE, HunkOp.INSERT)
OLD = (HunkOp.EQUAL, HunkOp.DELETE)
NEW = (HunkOp.EQUAL, HunkOp.INSERT)


def text(value: str) -> str:
    """Escaped text; a paragraph break inside a group (split, merge) shown as a pilcrow."""
    return escape(value).replace("\n", '<span class="pilcrow"> ¶</span><br>')


def hunk(h: Hunk) -> str:
    """One hunk: plain text when equal, else <del>/<ins> with its class."""
    if h.op is HunkOp.EQUAL:
        return text(h.text)
    tag = "del" if h.op is HunkOp.DELETE else "ins"
    names = ([h.cls.value] if h.cls else []) + (["mark"] if is_mark(h.text) else [])
    cls = f' class="{" ".join(names)}"' if names else ""
    tip = f' title="{h.cls.value}"' if h.cls else ""
    return f"<{tag}{cls}{tip}>{text(h.text)}</{tag}>"


def hunks(items: Iterable[Hunk], keep: tuple[HunkOp, ...] = ALL, empty: str = "—") -> str:
    """The hunks of ``keep`` (ALL: inline view; OLD or NEW: one side), or ``empty`` if none."""
    return "".join(hunk(h) for h in items if h.op in keep) or empty
