"""Sections of a resolution ("A", "B", ... or "I", "II", ...): the text in printed order.

A section heading is stored on the paragraph it stands before (``Paragraph.section``); the
paragraphs stay in the two parts, so addresses, alignment and diffs are those of a text without
sections. The printed texts do three things, all kept:

* sections of operative paragraphs only, after one preamble (S/RES/674, 687);
* sections with a preamble of their own (S/RES/161 "A", "B"; S/RES/814 "B" opens with "Acting
  under Chapter VII ..."): the heading stands on the section's first preambular paragraph and
  again on its first operative paragraph, which is how the preambular paragraphs find their
  place between operative ones;
* numbering continuous across sections (S/RES/687: "B" opens at 5.) or restarting at 1. in each
  (S/RES/101, 161): ``Resolution.section_numbering == "restart"``. Addresses stay continuous
  (OP1 ... OP9); only the printed number follows the section.
"""
from __future__ import annotations

from dataclasses import dataclass

from drafting.model.resolution import Address, Paragraph, Part, Resolution

RESTART = "restart"


@dataclass(frozen=True)
class Section:
    """A heading (None for the paragraphs before the first one) and its paragraphs, by part."""

    heading: str | None
    preamble: tuple[tuple[Address, Paragraph], ...] = ()
    operative: tuple[tuple[Address, Paragraph], ...] = ()


def _groups(resolution: Resolution, part: Part) -> list[tuple[str | None, list[tuple[Address, Paragraph]]]]:
    """The part cut at each paragraph carrying a heading; the first group's heading is None."""
    groups: list[tuple[str | None, list[tuple[Address, Paragraph]]]] = [(None, [])]
    for n, paragraph in enumerate(resolution.part(part), start=1):
        if paragraph.section is not None:
            groups.append((paragraph.section, []))
        groups[-1][1].append((Address(part, n), paragraph))
    return groups


def sections(resolution: Resolution) -> tuple[Section, ...]:
    """Every section in printed order; a text without headings is one section headed None.

    Each section's preambular paragraphs print before its operative ones. A heading found only
    in the preamble (which :func:`section_problems` reports) closes the list, so no paragraph
    is ever lost."""
    (_, first_pp), *headed = _groups(resolution, Part.PREAMBLE)
    preamble = dict(headed)
    operative = _groups(resolution, Part.OPERATIVE)
    out = [Section(None, tuple(first_pp), tuple(operative[0][1]))] if first_pp or operative[0][1] else []
    for heading, paragraphs in operative[1:]:
        out.append(Section(heading, tuple(preamble.pop(heading or "", [])), tuple(paragraphs)))
    out += [Section(heading, tuple(paragraphs)) for heading, paragraphs in preamble.items()]
    return tuple(out) or (Section(None),)


def printed_number(resolution: Resolution, address: Address) -> int:
    """The operative number printed at ``address``: its place in the part, or in its section
    when the numbering restarts in each section."""
    if resolution.section_numbering != RESTART or address.part is not Part.OPERATIVE:
        return address.number
    number = address.number
    for n, paragraph in enumerate(resolution.operative[:address.number], start=1):
        if paragraph.section is not None:
            number = address.number - n + 1
    return number


def section_problems(resolution: Resolution) -> list[tuple[Address, str]]:
    """Where the headings contradict each other: (paragraph, what is wrong), for validation."""
    problems: list[tuple[Address, str]] = []
    op_headings = [h for h, _ in _groups(resolution, Part.OPERATIVE)[1:]]
    for part in Part:
        seen: set[str] = set()
        for heading, paragraphs in _groups(resolution, part)[1:]:
            address = paragraphs[0][0]
            if heading in seen:
                problems.append((address, f"section {heading!r} opens twice in the {_name(part)}"))
            seen.add(heading or "")
            if part is Part.PREAMBLE and heading not in op_headings:
                problems.append((address, f"section {heading!r} opens here but at no operative paragraph; "
                                          "a section's heading stands on its first preambular and its "
                                          "first operative paragraph"))
    pp_headings = [h for h, _ in _groups(resolution, Part.PREAMBLE)[1:] if h in op_headings]
    if pp_headings != [h for h in op_headings if h in pp_headings]:
        problems.append((Address(Part.PREAMBLE, 1), "the sections open in the preamble in another order "
                                                    f"({', '.join(map(str, pp_headings))}) than in the "
                                                    f"operative part ({', '.join(map(str, op_headings))})"))
    return problems


def _name(part: Part) -> str:
    return "preamble" if part is Part.PREAMBLE else "operative part"
