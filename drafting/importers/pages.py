"""What surrounds the paragraphs of a printed resolution: page furniture, annexes, sections.

None of it is a paragraph, and none of it may vanish without a trace:

* page furniture of the 2000s documents (the running head "S/RES/1445 (2002)" on each page, the
  job number "02-72318 (E)", a bare page number beside them) is taken out of the lines;
* an annex ("ANNEX", "Annex", "Annex A": the rules of procedure revised by S/RES/263, the goods
  list of S/RES/1454) ends the resolution proper; it is left out of the paragraphs and named,
  with its title and size, in the ``source`` line;
* section headings ("A", "B", ... or "I", "II", ...: S/RES/674, 687) have no place in the model
  (operative numbers are derived, one sequence per part), so where each section starts is
  recorded in the ``source`` line: "sections: A OP1–OP11, B OP12–OP20".
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


def describe_sections(sections: list[Section], preamble: int, operative: int) -> str:
    """'A OP1–OP11, B PP14–PP17 OP12–OP20': where each section's paragraphs now stand."""
    if not sections:
        return ""
    if sections[0].label in _FIRST:  # the first heading stood before the organ line
        sections = [Section(_FIRST[sections[0].label], 0, 0), *sections]
    out = []
    for n, section in enumerate(sections):
        following = sections[n + 1] if n + 1 < len(sections) else Section("", preamble, operative)
        spans = [_span(part, start, stop) for part, start, stop in (
            ("PP", section.preamble_before, following.preamble_before),
            ("OP", section.operative_before, following.operative_before))]
        out.append(" ".join([section.label, *[s for s in spans if s]]))
    return ", ".join(out)


def _span(part: str, start: int, stop: int) -> str:
    if stop <= start:
        return ""
    return f"{part}{start + 1}" if stop == start + 1 else f"{part}{start + 1}–{part}{stop}"
