"""The JSON report: the contract other tools read (its key names never change).

``{"old": {"symbol", "year"}, "new": {...}, "config": {...}, "summary": {...},
"changes": [{"kind", "old", "new", "routine", "hunks": [{"op", "text", "class"}]}]}``
"""
from __future__ import annotations

import json
from typing import Any

from drafting.model import Change, Comparison, Resolution
from drafting.render.reports.changes import shown


def _version(resolution: Resolution) -> dict[str, Any]:
    return {"symbol": resolution.symbol, "year": resolution.year}


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind.value,
        "old": [str(a) for a in change.old],
        "new": [str(a) for a in change.new],
        "routine": change.routine,
        "hunks": [{"op": h.op.value, "text": h.text, "class": h.cls.value if h.cls else None}
                  for h in change.hunks],
    }


def to_dict(comparison: Comparison, substantive_only: bool = False) -> dict[str, Any]:
    """The report as plain data; the summary always counts every change."""
    return {
        "old": _version(comparison.old),
        "new": _version(comparison.new),
        "config": dict(comparison.config),
        "summary": comparison.summary(),
        "changes": [_change(c) for c in shown(comparison, substantive_only)],
    }


def render(comparison: Comparison, substantive_only: bool = False) -> str:
    """Indented UTF-8 JSON, keys in the contract's order, ending with a newline."""
    return json.dumps(to_dict(comparison, substantive_only), ensure_ascii=False, indent=2) + "\n"
