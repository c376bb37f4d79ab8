"""The JSON report: the contract other tools read (its key names never change).

``{"old": {"symbol", "year"}, "new": {...}, "config": {...}, "summary": {...},
"changes": [{"kind", "old", "new", "routine", "hunks": [{"op", "text", "class"}]}],
"metadata": [{"field", "kind", "routine", "hunks"}], "footnotes": [{"kind", "old", "new", "routine",
"hunks"}]}``: ``metadata`` holds the title, heading and adoption-line fields that changed,
``footnotes`` the footnotes added, removed or changed (``old``/``new``: their paragraphs). A
section heading change is a ``metadata`` entry with ``"field": "section"`` and ``old``/``new``, a
change of how a paragraph's items are numbered ("(a), (b)" to "(i), (ii)") one with ``"field":
"numbering"``."""
from __future__ import annotations

import json
from typing import Any

from drafting.model import Change, Comparison, FieldChange, Hunk, Resolution
from drafting.render.reports.changes import shown, shown_fields


def _version(resolution: Resolution) -> dict[str, Any]:
    return {"symbol": resolution.symbol, "year": resolution.year}


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "old": [str(a) for a in change.old],
        "new": [str(a) for a in change.new],
        "routine": change.routine,
        "hunks": _hunks(change.hunks),
    }


def _hunks(hunks: tuple[Hunk, ...]) -> list[dict[str, Any]]:
    return [{"op": h.op.value, "text": h.text, "class": h.cls.value if h.cls else None} for h in hunks]


def _field(change: FieldChange) -> dict[str, Any]:
    out: dict[str, Any] = {"field": change.field, "kind": change.kind.value}
    if change.field == "footnote":
        del out["field"]
    if change.old or change.new:  # a footnote, a section heading, an item numbering: its paragraphs
        out.update(old=[str(a) for a in change.old], new=[str(a) for a in change.new])
    out.update(routine=change.routine, hunks=_hunks(change.hunks))
    return out


def to_dict(comparison: Comparison, substantive_only: bool = False) -> dict[str, Any]:
    """The report as plain data; the summary always counts every change."""
    return {
        "old": _version(comparison.old),
        "new": _version(comparison.new),
        "config": dict(comparison.config),
        "summary": comparison.summary(),
        "changes": [_change(c) for c in shown(comparison, substantive_only)],
        "metadata": [_field(f) for f in shown_fields(comparison, substantive_only)],
        "footnotes": [_field(f) for f in shown_fields(comparison, substantive_only, footnotes=True)],
    }


def render(comparison: Comparison, substantive_only: bool = False) -> str:
    """Indented UTF-8 JSON, keys in the contract's order, ending with a newline."""
    return json.dumps(to_dict(comparison, substantive_only), ensure_ascii=False, indent=2) + "\n"
