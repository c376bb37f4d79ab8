"""What a text says outside its paragraphs: the title, the heading and adoption line, footnotes.

Each field that differs becomes a :class:`FieldChange` with a word diff, classified like a
paragraph's hunks (a new meeting number is routine, a new title wording is not). Footnotes are
read through :func:`footnotes` alone: each note with the words its marker follows, so a marker
moved is a change; section headings (:func:`headings`) are compared the same way, paragraph by
aligned paragraph.
"""
from __future__ import annotations

import datetime as dt
from difflib import SequenceMatcher
from typing import Any, Callable, Iterator

from drafting.model import (METADATA_KEYS, Address, Change, ChangeKind, FieldChange, Hunk, HunkClass,
                            HunkOp, Paragraph, Resolution, format_date)
from drafting.model.resolution import anchor_offset

# ``source`` names the file a text was imported from: provenance, not part of the text.
COMPARED_FIELDS = tuple(k for k in METADATA_KEYS if k != "source")


def footnotes(paragraph: Paragraph) -> tuple[str, ...]:
    """The footnotes of one paragraph (not of its sub-paragraphs), in reading order, each as the
    reader compares it: its text, and where its marker stands when that is not the end
    ("S/12611. (marker after “1978,”)"), so that a marker moved is a change too."""
    return tuple(line if at is None or anchor_offset(paragraph.text, at) == len(paragraph.text)
                 else f"{line} (marker after “{at}”)" for line, at in paragraph.footnotes)


def headings(paragraph: Paragraph) -> tuple[str, ...]:
    """The section heading printed before a paragraph, if any, as a field compares it."""
    return (paragraph.section,) if paragraph.section is not None else ()


def field_text(value: Any) -> str | None:
    """A metadata value as the reader sees it: a date in UN form, sponsors joined by commas."""
    if value is None or value == ():
        return None
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, tuple):
        return ", ".join(map(str, value))
    return str(getattr(value, "value", value))


Differ = Callable[[str, str], list[Hunk]]


def _field_change(name: str, old: str | None, new: str | None, differ: Differ,
                  old_at: tuple[Address, ...] = (), new_at: tuple[Address, ...] = ()) -> FieldChange | None:
    if old == new:
        return None
    if old is None:
        kind, hunks = ChangeKind.ADDED, differ("", new or "")
    elif new is None:
        kind, hunks = ChangeKind.DELETED, differ(old, "")
    else:
        kind, hunks = ChangeKind.AMENDED, differ(old, new)
    if kind is not ChangeKind.AMENDED and name in ("footnote", "section"):
        # a whole note added or removed is new content, like an added paragraph
        op = HunkOp.INSERT if kind is ChangeKind.ADDED else HunkOp.DELETE
        hunks = [Hunk(op, new if old is None else old, HunkClass.WORDING)]  # type: ignore[arg-type]
    return FieldChange(name, kind, tuple(hunks), old_at, new_at)


# Fields whose value says what it is: a meeting number of 1975 is not the year 1975.
_FIELD_CLASS = {"meeting": HunkClass.NUMBER, "session": HunkClass.SESSION, "year": HunkClass.YEAR,
                "adopted": HunkClass.DATE, "symbol": HunkClass.SYMBOL, "draft": HunkClass.SYMBOL}


def metadata_changes(old: Resolution, new: Resolution, differ: Differ) -> list[FieldChange]:
    """The title and every heading and adoption-line field that differ, in the file's key order."""
    out = []
    for name in COMPARED_FIELDS:
        change = _field_change(name, field_text(getattr(old, name)), field_text(getattr(new, name)), differ)
        if change is None:
            continue
        cls = _FIELD_CLASS.get(name)
        if cls is not None and change.kind is ChangeKind.AMENDED:
            hunks = tuple(h if h.op is HunkOp.EQUAL else Hunk(h.op, h.text, cls) for h in change.hunks)
            change = FieldChange(name, change.kind, hunks)
        out.append(change)
    return out


def _notes_of(resolution: Resolution, addresses: tuple[Address, ...],
              read: Callable[[Paragraph], tuple[str, ...]] = footnotes) -> list[str]:
    return [note for a in addresses for note in read(resolution.get(a))]


def _paragraphs(paragraphs: tuple[Paragraph, ...]) -> Iterator[Paragraph]:
    """Each paragraph and its sub-paragraphs, depth first (``walk`` without making addresses)."""
    for paragraph in paragraphs:
        yield paragraph
        if paragraph.items:
            yield from _paragraphs(paragraph.items)


def item_labels(address: Address, paragraph: Paragraph) -> str | None:
    """How a paragraph's items are printed, as a field compares it: "(a), (b), (c)" or "(i), (ii)",
    the first three labels ("..." after them); None without items."""
    shown = [f"({paragraph.item_label(n, address.depth)})" for n in range(1, min(3, len(paragraph.items)) + 1)]
    return ", ".join(shown + ["..."] * (len(paragraph.items) > 3)) or None


def numbering_changes(old: Resolution, new: Resolution, changes: tuple[Change, ...],
                      differ: Differ) -> list[FieldChange]:
    """Items numbered another way ((a), (b) become (i), (ii)), paragraph by aligned paragraph: a
    change in how they are cited, which the text of no paragraph shows (field ``numbering``)."""
    out: list[FieldChange] = []
    if not any(p.numbering for p in _paragraphs(old.operative + old.preamble + new.operative + new.preamble)):
        return out  # items numbered the level's way in both texts (almost every text)
    for change in changes:
        if len(change.old) != 1 or len(change.new) != 1:
            continue
        before, after = old.get(change.old[0]), new.get(change.new[0])
        if before.numbering == after.numbering or not (before.items and after.items):
            continue
        made = _field_change("numbering", item_labels(change.old[0], before), item_labels(change.new[0], after),
                             differ, change.old, change.new)
        if made is not None:  # the labels' style, not the text: routine, whatever the letters
            hunks = tuple(h if h.op is HunkOp.EQUAL else Hunk(h.op, h.text, HunkClass.NUMBERING) for h in made.hunks)
            out.append(FieldChange(made.field, made.kind, hunks, made.old, made.new))
    return out


def section_changes(old: Resolution, new: Resolution, changes: tuple[Change, ...],
                    differ: Differ) -> list[FieldChange]:
    """Section headings added, removed or changed (field ``section``), at the aligned paragraphs
    they stand before; the paragraphs themselves are aligned across sections as in any text."""
    return footnote_changes(old, new, changes, differ, field="section", read=headings,
                            present=lambda p: p.section is not None)


def footnote_changes(old: Resolution, new: Resolution, changes: tuple[Change, ...],
                     differ: Differ, field: str = "footnote",
                     read: Callable[[Paragraph], tuple[str, ...]] = footnotes,
                     present: Callable[[Paragraph], bool] = lambda p: p.note is not None) -> list[FieldChange]:
    """Footnotes added, removed or changed, paragraph by aligned paragraph, in new reading order.

    Notes of one paragraph pair are matched in order: equal notes first, then the rest by place.
    ``read`` gives a paragraph's notes as compared, ``present`` whether it has any (cheaply)."""
    out: list[FieldChange] = []
    if not any(map(present, _paragraphs(old.preamble + old.operative + new.preamble + new.operative))):
        return out  # none to compare (most texts have no section headings, many no footnotes)
    for change in changes:
        before, after = _notes_of(old, change.old, read), _notes_of(new, change.new, read)
        if before == after:
            continue
        blocks = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
        for tag, i1, i2, j1, j2 in blocks:
            if tag == "equal":
                continue
            for k in range(max(i2 - i1, j2 - j1)):
                a = before[i1 + k] if i1 + k < i2 else None
                b = after[j1 + k] if j1 + k < j2 else None
                made = _field_change(field, a, b, differ, change.old, change.new)
                if made is not None:
                    out.append(made)
    return out
