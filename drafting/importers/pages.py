"""What surrounds the paragraphs of a printed resolution: page furniture, annexes, sections.

None of it is a paragraph, and none of it may vanish without a trace:

* page furniture of the 2000s documents (the running head "S/RES/1445 (2002)" on each page, the
  job number "02-72318 (E)", a bare page number beside them) is taken out of the lines;
* an annex ("ANNEX", "Annex", "Annex A": the rules of procedure revised by S/RES/263, the goods
  list of S/RES/1454) ends the resolution proper; it is left out of the paragraphs and named,
  with its title and size, in the ``source`` line;
* section headings ("A", "B", ... or "I", "II", ...: S/RES/674, 687) go on the paragraph they
  stand before (:mod:`drafting.model.sections`); a section the model cannot hold (a preamble
  with no operative paragraph) is named in the ``source`` line instead: "sections: C PP9–PP12".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_RUNNING_HEAD = re.compile(r"^S/RES/\d+\s*\(\d{4}\)$")
_JOB_NUMBER = re.compile(r"^\d{2}-\d{5}\s*\([A-Z]\)$")
_PAGE_NUMBER = re.compile(r"^\d{1,3}$")
_ANNEX = re.compile(r"^(?:ANNEX|Annex)(?:\s+(?:[A-Z]|[IVX]{1,4}))?$")
# A section heading: one capital letter, or a roman numeral, alone on its line.
SECTION = re.compile(r"^(?:[A-H]|I{1,3}|IV|VI{0,3}|IX|X)$")


def _furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(_RUNNING_HEAD.match(stripped) or _JOB_NUMBER.match(stripped))


def drop_page_furniture(lines: list[str]) -> list[str]:
    """``lines`` without running heads, job numbers and the page numbers standing beside them.

    A page break leaves a blank line in their place, as the printed page does; a paragraph
    cut by the break is joined again by the paragraph splitter (its line did not close).
    """
    furniture = {i for i, line in enumerate(lines) if _furniture(line)}
    for i in sorted(furniture):
        for step in (-1, 1):  # the page number printed next to the head (blank lines between)
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                j += step
            if 0 <= j < len(lines) and _PAGE_NUMBER.match(lines[j].strip()):
                furniture.add(j)
    from drafting.importers.ledger import removed

    for i in sorted(furniture):
        removed("page furniture", lines[i])
    return ["" if i in furniture else line for i, line in enumerate(lines)]


def find_annex(lines: list[str]) -> int | None:
    """Index of the first annex heading line, or None."""
    return next((i for i, line in enumerate(lines) if _ANNEX.match(line.strip())), None)


def describe_annexes(lines: list[str]) -> str:
    """How the source line names annexes left out: 'ANNEX "Revised text of rules ..." (212 words)'."""
    starts = [i for i, line in enumerate(lines) if _ANNEX.match(line.strip())]
    out = []
    for n, start in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        title = _first_paragraph(lines[start + 1:stop]).rstrip(":")
        words = sum(len(line.split()) for line in lines[start + 1:stop])
        out.append(f"{lines[start].strip()} \"{title}\" ({words} words)")
    return "; ".join(out)


def _first_paragraph(lines: list[str]) -> str:
    """The first run of non-blank lines, joined: an annex's title, wrapped or not."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.append(line.strip())
        elif out:
            break
    return " ".join(out)


@dataclass(frozen=True)
class Section:
    """A section heading and how many preambular and operative paragraphs stand before it."""

    label: str
    preamble_before: int
    operative_before: int


_FIRST = {"B": "A", "II": "I"}


@dataclass(frozen=True)
class Placed:
    """Where the headings go: preambular and operative paragraph index -> heading, and a
    description of any section the model cannot hold (a preamble with no operative paragraph)."""

    preamble: dict[int, str]
    operative: dict[int, str]
    left: str = ""


def place_sections(sections: list[Section], preamble: int, operative: int) -> Placed:
    """Each heading on the first paragraph it stands before: its first preambular paragraph
    when the section has a preamble of its own, and its first operative paragraph."""
    if sections and sections[0].label in _FIRST:  # the first heading stood before the organ line
        sections = [Section(_FIRST[sections[0].label], 0, 0), *sections]
    placed = Placed({}, {})
    left = []
    for n, section in enumerate(sections):
        following = sections[n + 1] if n + 1 < len(sections) else Section("", preamble, operative)
        if following.operative_before <= section.operative_before:
            spans = [_span("PP", section.preamble_before, following.preamble_before)]
            left.append(" ".join([section.label, *[s for s in spans if s]]))
            continue
        placed.operative[section.operative_before] = section.label
        if following.preamble_before > section.preamble_before:
            placed.preamble[section.preamble_before] = section.label
    return Placed(placed.preamble, placed.operative, ", ".join(left))


def _span(part: str, start: int, stop: int) -> str:
    if stop <= start:
        return ""
    return f"{part}{start + 1}" if stop == start + 1 else f"{part}{start + 1}–{part}{stop}"
