"""What surrounds the paragraphs of a printed resolution: page furniture, annexes, sections.

None of it is a paragraph, and none of it may vanish without a trace:

* page furniture of the 2000s documents (the running head "S/RES/1445 (2002)" on each page, the
  job number "02-72318 (E)", the barcode "*0272318*", a bare page number beside them) is taken
  out of the lines, and out of a paragraph where a copy from a PDF glued it into the words
  ("... the Secretary- S/RES/2172 (2014) 2/4 14-55566 General ...");
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

from drafting.importers.ledger import removed, repaired, warn
from drafting.model import SYMBOL_RE

# The pieces of page furniture: a running head (a resolution's symbol, an SC year after it), a
# page number ("2", "2/4": page of pages), a job number ("14-55566", "14-55566 (E)", its date
# "080114" beside it), the barcode of the job number ("*1455566*"), the recycling line.
_HEAD_SYMBOL = rf"(?=[AS]/RES/)(?:{SYMBOL_RE.pattern})(?:\s*\(\d{{4}}\))?"
_PAGE = r"\d{1,3}(?:/\d{1,3})?"
_JOB = r"\d{2}-\d{5}(?:\s*\([A-Z]\))?"
_BARCODE = r"\*\d{7}\*"
_RUNNING_HEAD = re.compile(rf"^(?:{_HEAD_SYMBOL}(?:\s+{_PAGE})?|{_PAGE}\s+{_HEAD_SYMBOL})$")
_JOB_NUMBER = re.compile(rf"^(?:(?:{_JOB}|{_BARCODE}|\d{{6}}|{_PAGE}|Please recycle)(?:\s+|$))*"
                         rf"(?:{_JOB}|{_BARCODE})(?:\s+(?:{_JOB}|{_BARCODE}|\d{{6}}|{_PAGE}|Please recycle))*$")
_PAGE_NUMBER = re.compile(rf"^{_PAGE}$")
# Furniture glued inside a line: a run of pieces that proves itself (see ``_glued``; a symbol
# alone is the text citing it: "resolution S/RES/2172 (2014)").
_PIECE = rf"(?:{_HEAD_SYMBOL}|{_JOB}|{_BARCODE}|{_PAGE})"
_GLUED = re.compile(rf"(?<!\S)(?=[\dAS*])(?:{_PIECE}\s+)*{_PIECE}(?=\s|$)")
_ANNEX = re.compile(r"^(?:ANNEX|Annex)(?:\s+(?:[A-Z]|[IVX]{1,4}))?$")
# A section heading: one capital letter, or a roman numeral, alone on its line.
SECTION = re.compile(r"^(?:[A-H]|I{1,3}|IV|VI{0,3}|IX|X)$")


def _furniture(line: str) -> bool:
    stripped = " ".join(line.split())
    return bool(_RUNNING_HEAD.match(stripped) or _JOB_NUMBER.match(stripped))


def is_page_furniture(text: str, running_head: bool = True) -> bool:
    """Whether a printed line is page furniture: a job number or barcode (with the page number or
    date beside it), a bare page number, or (``running_head``) the running head."""
    line = " ".join(text.split())
    return bool(_JOB_NUMBER.match(line) or _PAGE_NUMBER.match(line) or line == "Please recycle"
                or (running_head and _RUNNING_HEAD.match(line)))


def _glued(run: str) -> bool:
    """A run proves itself furniture: a job number or barcode in it, or a running head with its
    page number, the symbol never the only piece."""
    pieces = run.split()
    job = re.search(rf"(?<!\S)(?:{_JOB}|{_BARCODE})(?!\S)", run)
    head = re.search(rf"(?<!\S){_HEAD_SYMBOL}(?!\S)", run)
    page = any(re.fullmatch(_PAGE, p) for p in pieces)
    return bool(job and (head or "(" in job[0] or "*" in job[0] or page)) or bool(head and page and "/" in run.replace(head[0], ""))


def drop_glued_furniture(line: str) -> str:
    """``line`` without the running head and job number a page break glued into its words
    ("the Secretary- S/RES/2172 (2014) 2/4 14-55566 General"); each cut recorded with the words
    on either side, so that the ledger sees the broken word rejoined ("Secretary- General")."""
    if not _GLUED.search(line):
        return line
    out, last = [], 0
    for m in _GLUED.finditer(line):
        if not _glued(m[0]):
            continue
        before = line[last:m.start()].rstrip()
        after = line[m.end():].lstrip()
        left = before.rsplit(" ", 1)[-1] if before else ""
        right = after.split(" ", 1)[0] if after else ""
        said = " ".join(w for w in (left, m[0], right) if w)
        repaired("page furniture glued into a paragraph", said, " ".join(w for w in (left, right) if w))
        for number in re.findall(r"(?<!\S)\d{1,3}(?!\S)", m[0]):  # a page number, or the text's own?
            warn("", f"took the number {number} beside the running head for its page number and left it out: "
                     f"check the source (\"{said}\")", anchor=before)
        out.append(before)
        last = m.end()
    if not out:
        return line
    return " ".join(piece for piece in [*out, line[last:].lstrip()] if piece)


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
    for i in sorted(furniture):
        removed("page furniture", lines[i])
    return ["" if i in furniture else drop_glued_furniture(line) for i, line in enumerate(lines)]


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
