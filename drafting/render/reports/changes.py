"""What every diff report shares: addresses in negotiators' form, filters, the summary line."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from drafting.model import Change, ChangeKind, Comparison, FieldChange, Hunk, HunkClass, HunkOp, Part

KIND_ORDER = tuple(kind.value for kind in ChangeKind)
FIELD_COUNTS = ("footnotes", "metadata")  # summary keys counting changes outside the paragraphs


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


def classes(change: Change | FieldChange) -> list[str]:
    """The classes of the changed hunks, once each, in a fixed order."""
    found = {h.cls for h in change.hunks if h.op is not HunkOp.EQUAL and h.cls is not None}
    return [c.value for c in HunkClass if c in found]


_WHOLE = (ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.SPLIT, ChangeKind.MERGED)


def verdict(change: Change) -> str:
    """'routine (date, symbol)', 'substantive (wording; also year)', 'substantive' for a whole
    paragraph added, deleted, split or merged, or '' for an unchanged paragraph.

    A substantive paragraph names what made it so (its wording, or a move that made it operative
    or preambular) and the routine updates beside it, so a reader knows what to look for."""
    if change.kind is ChangeKind.UNCHANGED:
        return ""
    found = classes(change)
    if change.routine:
        return f"routine ({', '.join(found)})" if found else "routine"
    if change.kind in _WHOLE:
        return "substantive"
    reasons = ["wording"] if HunkClass.WORDING.value in found else []
    if change.old and change.new and change.old[0].part is not change.new[0].part:
        reasons.append("made operative" if change.new[0].part is Part.OPERATIVE else "made preambular")
    others = [c for c in found if c != HunkClass.WORDING.value]
    also = f"; also {', '.join(others)}" if others else ""
    return f"substantive ({', '.join(reasons)}{also})" if reasons else "substantive"


def summary_line(comparison: Comparison) -> str:
    """'40 unchanged · 3 amended · ... · 1 footnotes · 3 metadata — 2 routine, 5 substantive'."""
    counts = comparison.summary()
    kinds = " · ".join(f"{counts[k]} {k}" for k in KIND_ORDER + FIELD_COUNTS)
    return f"{kinds} — {counts['routine']} routine, {counts['substantive']} substantive"


def title(comparison: Comparison) -> str:
    return f"{label(comparison.old)} → {label(comparison.new)}"


def label(resolution: object) -> str:
    """The symbol (or 'draft <year>'), with the year when the symbol does not say it."""
    text = str(resolution.label)  # type: ignore[attr-defined]
    year = getattr(resolution, "year", None)
    if year and str(year) not in text:
        text += f" ({year})"
    return text


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def headline(comparison: Comparison) -> str:
    """The answer first: '2 substantive changes, 7 routine; 48 paragraphs unchanged.'"""
    counts = comparison.summary()
    if comparison.identical:
        return "No changes: the two texts are identical."
    changed = _count(counts["substantive"], "substantive change", "substantive changes")
    return (f"{changed}, {counts['routine']} routine; "
            f"{_count(counts['unchanged'], 'paragraph', 'paragraphs')} unchanged.")


def is_mark(text: str) -> bool:
    """A changed run that is only a punctuation mark or two (";" → ","): too small to see struck
    through, so reports box or highlight it."""
    core = text.strip()
    return 0 < len(core) <= 2 and not any(ch.isalnum() for ch in core)


# ---------------------------------------------------------------------------- outside the paragraphs

FIELD_NAMES = {"symbol": "symbol", "body": "organ", "session": "session", "year": "year",
               "adopted": "date of adoption", "meeting": "meeting", "agenda_item": "agenda item",
               "draft": "draft symbol", "vote": "vote", "adoption_note": "note on the adoption",
               "sponsors": "sponsors", "title": "title"}


def shown_fields(comparison: Comparison, substantive_only: bool = False,
                 footnotes: bool = False) -> list[FieldChange]:
    """The metadata changes (or, with ``footnotes``, the footnote changes) a report lists."""
    found = comparison.footnotes if footnotes else comparison.metadata
    return [f for f in found if not (substantive_only and f.routine)]


def field_where(change: FieldChange) -> str:
    """'title', 'date of adoption', 'footnote of OP3 → OP4' (old → new paragraph), 'item
    numbering of OP1 → OP1'."""
    if change.field == "footnote":
        return f"footnote of {side(change.old)} → {side(change.new)}"
    if change.field == "section":
        return f"section heading before {side(change.old)} → {side(change.new)}"
    if change.field == "numbering":
        return f"item numbering of {side(change.old)} → {side(change.new)}"
    return FIELD_NAMES.get(change.field, change.field.replace("_", " "))


def field_verdict(change: FieldChange) -> str:
    """'routine (date)', 'substantive (wording; also symbol)' or 'substantive' (a note added or
    removed)."""
    found = classes(change)
    if change.routine:
        return f"routine ({', '.join(found)})" if found else "routine"
    if change.kind is not ChangeKind.AMENDED:
        return "substantive"
    others = [c for c in found if c != HunkClass.WORDING.value]
    return f"substantive (wording{'; also ' + ', '.join(others) if others else ''})"


# ---------------------------------------------------------------------------- footnotes in place


def marked(comparison: Comparison, change: Change) -> tuple[Change, list[str]]:
    """The change with "[1]", "[2]" ... where each anchored footnote of its new paragraph stands
    (as unchanged text, so verdicts do not move), and those notes ("[1] Ibid. ...") to print
    below it. A paragraph whose one note stands at its end is left as it is."""
    if len(change.new) != 1 or change.kind is ChangeKind.DELETED:
        return change, []
    paragraph = comparison.new.get(change.new[0])
    if not paragraph.note_at or change.new_text != paragraph.text:
        return change, []
    places = sorted((offset, k) for k, (_, offset) in enumerate(paragraph.footnote_offsets, start=1))
    out: list[Hunk] = []
    at = 0
    for hunk in change.hunks:
        text = hunk.text
        while hunk.op is not HunkOp.DELETE and places and places[0][0] <= at + len(text):
            offset, k = places.pop(0)
            if offset > at:
                out.append(Hunk(hunk.op, text[:offset - at], hunk.cls))
            out.append(Hunk(HunkOp.EQUAL, f"[{k}]"))
            text, at = text[offset - at:], offset
        if text:
            out.append(Hunk(hunk.op, text, hunk.cls))
            at += len(text) if hunk.op is not HunkOp.DELETE else 0
    out += [Hunk(HunkOp.EQUAL, f"[{k}]") for _, k in places]
    notes = [f"[{k}] {line}" for k, (line, _) in enumerate(paragraph.footnote_offsets, start=1)]
    return replace(change, hunks=tuple(out)), notes
