"""Section headings ("A", "B", ... or "I", "II", ...) in Word documents, clean and tracked.

A heading is a centred paragraph of its own (style ``UNSection``) standing before its section's
first paragraph, in printed order (:meth:`Resolution.sections`: each section's recitals before its
operative paragraphs). A heading opening the text (S/RES/161 "A") stands above the organ line, as
the Council prints it. Where the numbers restart at 1. in each section
(``section_numbering: restart``) each section's operative paragraphs and their items go in a
numbering instance of their own (``w:num`` with a ``w:startOverride``), keyed by the heading so
that the old and the new paragraphs of a tracked section count together.

In a tracked document a heading both texts open at the same paragraph is plain, a heading only the
new text has is an inserted paragraph, one only the old has a deleted one (its mark revised with
it, so neither Accept nor Reject All leaves an empty paragraph), a changed heading a word diff.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from drafting.model import ROMAN, Address, Comparison, Paragraph, Resolution
from drafting.model.sections import RESTART
from drafting.render.documents import ooxml
from drafting.render.documents.body import BodyWriter, Unit
from drafting.render.documents.heading import compared

FIRST_NUM_ID = 3  # the templates' numbering uses numId 1 (operative) and 2 (preamble)


def printed(resolution: Resolution) -> list[tuple[str | None, list[tuple[Address, Paragraph]]]]:
    """(heading, top-level paragraphs) of each section, in printed order."""
    return [(s.heading, list(s.preamble) + list(s.operative)) for s in resolution.sections()]


def section_starts(resolution: Resolution) -> dict[Address, str]:
    """The paragraph each heading is printed before."""
    return {paragraphs[0][0]: heading for heading, paragraphs in printed(resolution)
            if heading is not None and paragraphs}


def restart_numbers(new: Resolution, old: Resolution | None = None) -> dict[tuple[str, str], tuple[int, int]]:
    """(side, address) -> (numId, level) of every operative paragraph and item in a section whose
    numbering restarts; one numId per heading, shared by both sides. The first section holding
    operative paragraphs keeps the styles' own numbering (it starts at 1. anyway), so a text
    whose numbering starts to restart, or stops, keeps that section's paragraphs untouched."""
    ids: dict[str, int] = {}
    out: dict[tuple[str, str], tuple[int, int]] = {}
    for side, res in (("new", new), ("old", old)):
        if res is None or res.section_numbering != RESTART:
            continue
        for section in [s for s in res.sections() if s.operative][1:]:
            num = ids.setdefault(section.heading or "", FIRST_NUM_ID + len(ids))
            for address, paragraph in section.operative:
                for a, _ in paragraph.walk(address):
                    out[(side, str(a))] = (num, min(a.depth, 5))
    return out


def list_numbers(new: Resolution, old: Resolution | None = None) -> tuple[
        dict[tuple[str, str], tuple[int, int]], dict[int, tuple[int, int]]]:
    """Every paragraph numbered in a list of its own, as the writer numbers it: restarting
    sections (:func:`restart_numbers`) and roman items (:func:`roman_numbers`); both texts'
    where ``old`` is given. (The tracked units compare the restarts alone: a change of roman
    items is written in place, see ``BodyWriter._shown``.)"""
    numbers = restart_numbers(new, old)
    return numbers, roman_numbers(numbers, new, old)


def same_numbering(numbers: dict[tuple[str, str], tuple[int, int]], old: Address, new: Address) -> bool:
    """Whether a paragraph is numbered in the same list in both texts (see :func:`list_numbers`):
    where not, the tracked file shows it deleted and inserted, since LibreOffice does not undo a
    change of numbering on Reject All."""
    return numbers.get(("old", str(old))) == numbers.get(("new", str(new)))


def write_clean(writer: BodyWriter, resolution: Resolution) -> None:
    """Every paragraph of ``resolution`` in printed order, each heading before its section."""
    writer.numbers, writer.romans = list_numbers(resolution, resolution)  # the text against itself
    for heading, paragraphs in printed(resolution):
        if heading is not None and paragraphs:
            _heading(writer, heading, heading, writer.revs)
        for address, paragraph in paragraphs:
            for a, p in paragraph.walk(address):
                writer.write(Unit([("equal", p.text)], [(a, p)], [(a, p)], plain=True))


def write_tracked(writer: BodyWriter, comparison: Comparison, units: list[Unit]) -> None:
    """The tracked units (of :func:`in_printed_order`'s comparison) with both texts' headings."""
    writer.numbers, writer.romans = list_numbers(comparison.new, comparison.old)
    new_starts, old_starts = section_starts(comparison.new), section_starts(comparison.old)
    for unit in units:
        new = next((new_starts[a] for a, _ in unit.new if a in new_starts), None)
        old = next((old_starts[a] for a, _ in unit.old if a in old_starts), None)
        if new is not None or old is not None:
            _heading(writer, old, new, writer.revs)
        writer.write(unit)


def printed_walk(resolution: Resolution) -> list[Address]:
    """Every paragraph and item, in printed order (each item after its paragraph)."""
    return [a for _, paragraphs in printed(resolution) for address, paragraph in paragraphs
            for a, _ in paragraph.walk(address)]


def in_printed_order(comparison: Comparison) -> Comparison:
    """The comparison with its changes in the new text's printed order; a change with only old
    paragraphs (a deletion) stays right after the change before it. For texts without sections
    the order is unchanged. With the old text's printed order (:func:`printed_walk`), the tracked
    units then show as moved the paragraphs whose order differs between the two printed texts (a
    section with a preamble of its own that one text has), so Reject All gives the old order."""
    position = {address: i for i, address in enumerate(printed_walk(comparison.new))}
    chains: list[list[Any]] = [[]]
    for change in comparison.changes:
        if change.new:
            chains.append([change])
        else:
            chains[-1].append(change)
    rest = sorted(chains[1:], key=lambda chain: position.get(chain[0].new[0], 0))
    changes = tuple(change for chain in [chains[0], *rest] for change in chain)
    return dataclasses.replace(comparison, changes=changes)


def _heading(writer: BodyWriter, old: str | None, new: str | None, revs: ooxml.Revisions) -> None:
    """One heading paragraph: plain, inserted, deleted, or changed word by word."""
    above = len(writer.pars) == writer.above_organ + 1  # nothing but the organ line written yet
    op = "insert" if old is None else "delete" if new is None else "equal"
    writer.heading(compared(old, new, revs) or "", op, above_organ=above)


def roman_numbers(numbers: dict[tuple[str, str], tuple[int, int]], new: Resolution,
                  old: Resolution | None = None) -> dict[int, tuple[int, int]]:
    """Put the items of every paragraph whose items are numbered (i), (ii) (``numbering: roman``,
    S/RES/242 OP1) in a numbering instance of their own, added to ``numbers``; returns numId ->
    (abstractNumId, level printed in roman). The items' styles print (a), (b) at that level. One
    numId per paragraph address, shared by both texts, so old and new items count together."""
    ids: dict[str, int] = {}
    start = max((n for n, _ in numbers.values()), default=FIRST_NUM_ID - 1) + 1
    romans: dict[int, tuple[int, int]] = {}
    for side, res in (("new", new), ("old", old)):
        if res is None:
            continue
        for address, paragraph in res.walk():  # depth first: a roman item inside one wins below
            if paragraph.numbering != ROMAN or address.depth >= 5:
                continue
            num = ids.setdefault(str(address), start + len(ids))
            romans[num] = (1 if address.part.value == "PP" else 0, address.depth + 1)
            for n, item in enumerate(paragraph.items, start=1):
                for a, _ in item.walk(address.child(n)):
                    numbers[(side, str(a))] = (num, min(a.depth, 5))
    return romans


def add_restarts(numbering: Any, writer: BodyWriter) -> None:
    """One ``w:num`` per restarting section in the numbering part (an lxml element): the
    operative list's definition, its first level starting again at 1; and one per paragraph with
    roman items (see :func:`roman_numbers`): its list's definition, the items' level in roman."""
    from lxml import etree

    for num in sorted({n for n, _ in writer.numbers.values()}):
        for old in numbering.findall(f"{{{ooxml.W_NS}}}num"):
            if old.get(f"{{{ooxml.W_NS}}}numId") == str(num):
                numbering.remove(old)
        abstract, level = writer.romans.get(num, (0, -1))
        override = (_roman_level(numbering, abstract, level) if level >= 0 else
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>')
        numbering.append(etree.fromstring(
            f'<w:num xmlns:w="{ooxml.W_NS}" w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>'
            f'{override}</w:num>'))


def _roman_level(numbering: Any, abstract: int, level: int) -> str:
    """A ``w:lvlOverride`` printing ``level`` as (i), (ii) from 1, with the abstract level's
    indents and tabs (its ``w:pPr``)."""
    from lxml import etree

    w = f"{{{ooxml.W_NS}}}"
    ppr = ""
    for lvl in numbering.iterfind(f"{w}abstractNum[@{w}abstractNumId='{abstract}']/{w}lvl[@{w}ilvl='{level}']"):
        found = lvl.find(f"{w}pPr")
        ppr = etree.tostring(found, encoding="unicode") if found is not None else ""
    return (f'<w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="1"/><w:lvl w:ilvl="{level}">'
            f'<w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%{level + 1})"/>'
            f'<w:lvlJc w:val="left"/>{ppr}</w:lvl></w:lvlOverride>')
