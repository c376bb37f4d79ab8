"""A Comparison as Word revision units: Accept All gives the new text, Reject All the old.

The changes of a :class:`~drafting.model.Comparison` come in the reading order of the new text.
Reject All must give the old paragraphs in their old order, so the old side of the units must
rise through the old text. The longest run of units whose old places already rise stays where it
is (amended in place); every other unit with an old side (a moved paragraph, the items that moved
with it, a paragraph that changed part or level) is shown as a deletion at its old place plus an
insertion at its new place. Whole deleted and inserted paragraphs that meet are then paired into
one paragraph each where their styles agree (see ``_replacements``).

Why not ``w:moveFrom``/``w:moveTo``: a move whose text also changed needs revisions nested inside
the move ranges, and Word reports "unreadable content" when move ranges and their names do not
pair up exactly; delete + insert is what every client accepts and rejects correctly, and what the
tests check in LibreOffice. Why not ``w:pPrChange`` for a paragraph that changed part or level:
LibreOffice does not undo a change of style on Reject All (measured), so its numbering would be
wrong. The diff reports still say "moved".
"""
from __future__ import annotations

from ..align import longest_increasing
from ..model import Change, ChangeKind, Comparison
from .docx_body import Unit


def tracked_units(comparison: Comparison, *, substantive_only: bool = False) -> list[Unit]:
    """The units of the tracked document, in document order."""
    old_order = {address: i for i, (address, _) in enumerate(comparison.old.walk())}
    units = [_unit(comparison, change, substantive_only) for change in comparison.changes]
    # A paragraph that changed part or level (PP5 become OP1) is shown deleted and inserted too:
    # LibreOffice does not undo a change of style (w:pPrChange) on Reject All.
    indexed = [(i, old_order[c.old[0]]) for i, c in enumerate(comparison.changes)
               if c.old and (not c.new or _style(c.old[0]) == _style(c.new[0]))]
    keep = {i for i, _ in longest_increasing(indexed)}  # the rest moved: shown deleted and inserted

    out: list[Unit] = []
    placed: dict[int, Unit] = {}  # old place -> the unit that shows it
    displaced: list[tuple[int, Unit]] = []
    for i, change in enumerate(comparison.changes):
        unit = units[i]
        if not change.old or i in keep:
            out.append(unit)
            for address in change.old:
                placed[old_order[address]] = unit
        elif substantive_only and change.routine and unit.new:  # a routine move, applied silently
            unit.plain = True
            out.append(unit)
        else:
            if unit.new:
                out.append(Unit([("insert", change.new_text)], [], unit.new))
            displaced.append((old_order[change.old[0]], Unit([("delete", change.old_text)], unit.old, [])))
    # Each deletion goes right after the unit showing the old paragraph just before it (a
    # displaced one too: they are placed in old order), so Reject All reads the old order.
    for place, deletion in sorted(displaced, key=lambda d: d[0]):
        before = max((p for p in placed if p < place), default=None)
        out.insert(0 if before is None else _index(out, placed[before]) + 1, deletion)
        for address, _ in deletion.old:
            placed[old_order[address]] = deletion
    return _replacements(out)


def _replacements(units: list[Unit]) -> list[Unit]:
    """In a run of whole deleted and whole inserted paragraphs, pair them into replacements.

    A deleted paragraph next to an inserted one becomes one paragraph holding the deleted text
    then the inserted text (its mark unrevised). Accept All and Reject All give the same text as
    before, and LibreOffice, which reads the marks of an inserted paragraph next to a deleted one
    as overlapping, no longer leaves an empty paragraph behind on Reject All.
    """
    out: list[Unit] = []
    run: list[Unit] = []
    for unit in units + [Unit([])]:
        if not unit.plain and unit.hunks and (not unit.old or not unit.new):
            run.append(unit)
            continue
        out += _paired(run)
        run = []
        out.append(unit)
    return out[:-1]


def _paired(run: list[Unit]) -> list[Unit]:
    """A run of whole units with deletions and insertions of the same style paired in order.

    Pairs never cross, so the insertions keep their order (Accept All) and the deletions theirs
    (Reject All).
    """
    gone = [u for u in run if not u.new]
    come = [u for u in run if u.new]
    pairs: dict[int, Unit] = {}  # id of the insertion -> its deletion
    start = 0
    for deletion in gone:
        if len(deletion.old) != 1:
            continue
        for k in range(start, len(come)):
            if len(come[k].new) == 1 and _style(come[k].new[0][0]) == _style(deletion.old[0][0]):
                pairs[id(come[k])] = deletion
                start = k + 1
                break
    out: list[Unit] = []
    waiting = list(gone)
    for insertion in come:
        deletion = pairs.get(id(insertion))
        if deletion is None:
            out.append(insertion)
            continue
        while waiting[0] is not deletion:  # deletions before this one go first
            out.append(waiting.pop(0))
        waiting.pop(0)
        out.append(Unit(deletion.hunks + insertion.hunks, deletion.old, insertion.new))
    return out + waiting


def _style(address) -> tuple[str, int]:
    return address.part.value, address.depth


def _index(units: list[Unit], unit: Unit) -> int:
    for i, u in enumerate(units):
        if u is unit:
            return i
    raise ValueError("unit not placed")  # pragma: no cover - every placed unit is in the list


def _unit(comparison: Comparison, change: Change, substantive_only: bool) -> Unit:
    old = [(a, comparison.old.get(a)) for a in change.old]
    new = [(a, comparison.new.get(a)) for a in change.new]
    hunks = [(h.op.value, h.text) for h in change.hunks]
    if not hunks:  # an unchanged paragraph may come without hunks
        if new and old:
            hunks = [("equal", "\n".join(p.text for _, p in new))]
        elif new:
            hunks = [("insert", "\n".join(p.text for _, p in new))]
        else:
            hunks = [("delete", "\n".join(p.text for _, p in old))]
    unchanged = change.kind is ChangeKind.UNCHANGED
    plain = unchanged or (substantive_only and change.routine and bool(new))
    return Unit(hunks, old, new, plain=plain, track_notes=unchanged and not substantive_only)
