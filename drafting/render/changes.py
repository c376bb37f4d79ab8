"""What every diff report shares: addresses in negotiators' form, filters, the summary line."""
from __future__ import annotations

from typing import Iterable

from ..model import Change, ChangeKind, Comparison, HunkClass, HunkOp

KIND_ORDER = tuple(kind.value for kind in ChangeKind)


def side(addresses: Iterable[object]) -> str:
    """'PP5', 'OP5, OP6' for a group, '—' where the paragraph does not exist."""
    text = ", ".join(str(a) for a in addresses)
    return text or "—"


def where(change: Change) -> str:
    """'PP5 → PP6' (old → new)."""
    return f"{side(change.old)} → {side(change.new)}"


def shown(comparison: Comparison, substantive_only: bool = False,
          with_unchanged: bool = True) -> list[Change]:
    """The changes a report lists: routine ones dropped when asked (the summary keeps them)."""
    out = []
    for change in comparison.changes:
        if change.kind is ChangeKind.UNCHANGED and not with_unchanged:
            continue
        if substantive_only and change.routine:
            continue
        out.append(change)
    return out


def classes(change: Change) -> list[str]:
    """The classes of the changed hunks, once each, in a fixed order."""
    found = {h.cls for h in change.hunks if h.op is not HunkOp.EQUAL and h.cls is not None}
    return [c.value for c in HunkClass if c in found]


def verdict(change: Change) -> str:
    """'routine (date, symbol)', 'substantive' or '' for an unchanged paragraph."""
    if change.kind is ChangeKind.UNCHANGED:
        return ""
    if change.routine:
        found = classes(change)
        return f"routine ({', '.join(found)})" if found else "routine"
    return "substantive"


def summary_line(comparison: Comparison) -> str:
    """'40 unchanged · 3 amended · ... — 2 routine, 5 substantive'."""
    counts = comparison.summary()
    kinds = " · ".join(f"{counts[k]} {k}" for k in KIND_ORDER)
    return f"{kinds} — {counts['routine']} routine, {counts['substantive']} substantive"


def title(comparison: Comparison) -> str:
    return f"{label(comparison.old)} → {label(comparison.new)}"


def label(resolution: object) -> str:
    """The symbol (or 'draft <year>'), with the year when the symbol does not say it."""
    text = resolution.label  # type: ignore[attr-defined]
    year = getattr(resolution, "year", None)
    if year and str(year) not in text:
        text += f" ({year})"
    return text
