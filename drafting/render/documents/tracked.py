"""A Comparison as Word revision units: Accept All gives the new text, Reject All the old.

The changes of a :class:`~drafting.model.Comparison` come in the reading order of the new text.
Reject All must give the old paragraphs in their old order, so the old side of the units must
rise through the old text. The longest run of units whose old places already rise stays where it
is (amended in place); every other unit with an old side (a moved paragraph, the items that moved
with it, a paragraph that changed part or level) is shown as a deletion at its old place plus an
insertion at its new place. A deleted paragraph and an inserted one that meet stay two paragraphs,
as Word's own Compare shows them (their marks: see ``docx_body.BodyWriter._shift_marks``).

Why not ``w:moveFrom``/``w:moveTo``: a move whose text also changed needs revisions nested inside
the move ranges, and Word reports "unreadable content" when move ranges and their names do not
pair up exactly; delete + insert is what every client accepts and rejects correctly, and what the
tests check in LibreOffice. Why not ``w:pPrChange`` for a paragraph that changed part or level:
LibreOffice does not undo a change of style on Reject All (measured), so its numbering would be
wrong. The diff reports still say "moved". A change of numbering alone (items printed (i), (ii)
in one text, (a), (b) in the other) is a ``w:pPrChange`` holding the old ``w:numPr``: that one
LibreOffice and pandoc undo (measured on S/RES/242 and UNDOF 381), and the form
Word itself records a change of numbering in.
"""
from __future__ import annotations

from drafting.comparison.matching import longest_increasing
from drafting.model import Address, Change, ChangeKind, Comparison
from drafting.render.documents.body import Unit
from drafting.render.documents.sections_docx import printed_walk, restart_numbers, same_numbering


def tracked_units(comparison: Comparison, *, substantive_only: bool = False) -> list[Unit]:
    """The units of the tracked document, in document order."""
    # printed order: a section with a preamble of its own prints its recitals after operative ones
    old_order = {address: i for i, address in enumerate(printed_walk(comparison.old))}
    units = [_unit(comparison, change, substantive_only) for change in comparison.changes]
    # A paragraph that changed part or level (PP5 become OP1) is shown deleted and inserted too:
    # LibreOffice does not undo a change of style (w:pPrChange) on Reject All.
    # So is an operative paragraph that becomes (or stops being) the only one, printed unnumbered.
    lone = (len(comparison.old.operative) == 1, len(comparison.new.operative) == 1)
    # and one numbered in another list (a section restarting): items numbered (i), (ii) in one
    # text only stay in place, their old numbering a revision of their properties, which Reject
    # All undoes in Word, LibreOffice and pandoc alike (measured on S/RES/242)
    numbers = restart_numbers(comparison.new, comparison.old)
    indexed = [(i, old_order[c.old[0]]) for i, c in enumerate(comparison.changes)
               if c.old and (not c.new or _style(c.old[0], lone[0]) == _style(c.new[0], lone[1])
                             and same_numbering(numbers, c.old[0], c.new[0]))]
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
    return out


def _style(address: Address, lone: bool) -> tuple[str, int, bool]:
    return address.part.value, address.depth, lone and address.part.value == "OP" and address.depth == 0


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
