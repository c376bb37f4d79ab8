"""Paragraphs of official texts that arrive as hard-wrapped lines: where each one starts and ends.

Blank lines are neither always present nor always a boundary in scanned texts, so a paragraph
is found by its shape: a line opening with an operative number ("1."), a sub-paragraph label
("(a)") or a lead phrase, after a line that closed a clause (",", ";", ":", "."). The builder
then decides preamble and operative part (numbering, then the lexicon: participles and
adjectives open preambular paragraphs, verbs operative ones), nests lettered and roman
sub-paragraphs, and takes inline footnote numbers out into each paragraph's note.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from ..leads import detect_lead
from ..model import Paragraph, Part
from .footnotes import strip_markers
from .text import join_lines, mend_split_words, squeeze

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_OP_NUMBER = re.compile(r"^(\d{1,2})\s?[.,]\s+(?=\S)")
_ITEM_LABEL = re.compile(r"^\(([a-z]{1,4}|\d{1,2})\)\s+(?=\S)")
_QUOTE_OPEN = ("\"", "“", "”", "'", "‘")
_ROMAN = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}


@dataclass
class Block:
    kind: str  # "op" (numbered), "item" (lettered), "quote", "text"
    label: str | None
    lines: list[str] = field(default_factory=list)


def _opener(line: str) -> tuple[str, str | None, str] | None:
    """(kind, label, line without the number/label) when ``line`` can open a paragraph."""
    stripped = line.strip()
    if stripped[:1] in _QUOTE_OPEN:
        return ("quote", None, stripped)
    m = _OP_NUMBER.match(stripped)
    if m:
        return ("op", m[1], stripped[m.end():])
    m = _ITEM_LABEL.match(stripped)
    if m:
        return ("item", m[1], stripped[m.end():])
    if stripped[:1].isupper() and detect_lead(stripped):
        return ("text", None, stripped)
    repaired = _misread_capital(stripped)
    if repaired:
        return ("text", None, repaired)
    return None


# Capitals that OCR reads as another glyph ("faking note", "Lakes note", "Kecalling").
_MISREAD = {"T": "fLlIJ7[", "R": "KkB", "N": "HMh", "H": "NKh", "D": "O0", "C": "G(c", "E": "F",
            "B": "8R", "S": "5$s", "A": "4", "W": "V", "U": "V", "P": "F", "O": "0D"}


@lru_cache(maxsize=1)
def _leads_by_tail() -> dict[str, list[str]]:
    """Multi-word leads by their first word less its capital: "aking" -> ["Taking note", ...]."""
    from ..leads import OPERATIVE_BASES, PREAMBULAR_BASES

    out: dict[str, list[str]] = {}
    for lead in PREAMBULAR_BASES + OPERATIVE_BASES:
        if " " in lead:
            out.setdefault(lead.split(" ", 1)[0][1:], []).append(lead)
    return out


def _misread_capital(line: str) -> str | None:
    """A multi-word lead whose capital the OCR misread ("faking note", "Lakes note"), repaired.

    Only the first letter may differ, by a glyph OCR confuses with that capital, and every other
    letter of a lead of two words or more must match.
    """
    first = line.split(" ", 1)[0]
    for lead in sorted(_leads_by_tail().get(first[1:], ()), key=len, reverse=True):
        if line[0] in _MISREAD.get(lead[0], "") and line[1:].startswith(lead[1:]) \
                and line[len(lead):len(lead) + 1] in (" ", ",", ""):
            repaired = lead + line[len(lead):]
            if detect_lead(repaired):
                return repaired
    return None
    for tail, lead in _lead_tails().items():
        if line[1:].startswith(tail) and line[0] in _MISREAD.get(lead[0], "") \
                and line[len(lead):len(lead) + 1] in (" ", ",", ""):
            if detect_lead(lead + line[len(lead):]) == lead:
                return lead + line[len(lead):]
    return None


# A footnote mark closing a paragraph: a number or asterisks after its final punctuation. A
# paragraph never ends ", 22" in its own words, so the mark goes even when its note was lost.
_TRAILING_MARK = re.compile(r"([,;:.])\s*(?:\d{1,3}/?|\*+)$")


def _closes(line: str, numbers: set[int]) -> bool:
    """True when ``line`` ends a clause (a footnote marker after the punctuation is ignored)."""
    line = _TRAILING_MARK.sub(r"\1", line.rstrip())  # "Force, 22" whose note was lost
    m = re.search(r"\s?(\d{1,3})/?$", line)
    if m and int(m[1]) in numbers and not line[:m.start()].rstrip()[-1:].isdigit():
        line = line[:m.start()].rstrip()
    return line[-1:] in ",;:." or line.endswith((",”", ";”", ".”", ",\"", ".\"", ":”", ":\""))


def split_blocks(lines: list[str], numbers: set[int]) -> list[Block]:
    """Split the body lines into paragraph blocks."""
    blocks: list[Block] = []
    blank = True
    for raw in lines:
        line = raw.strip()
        if not line:
            blank = True
            continue
        prev = blocks[-1].lines[-1] if blocks else ""
        closed = not blocks or _closes(prev, numbers)
        opener = _opener(line)
        # "... in which it\n(a) Calls for ...": a first sub-paragraph may follow an open clause.
        first_item = opener is not None and opener[0] == "item" and opener[1] in ("a", "i") \
            and opener[2][:1].isupper()
        if opener and (closed or first_item):
            kind, label, rest = opener
            blocks.append(Block(kind, label, [rest]))
        elif blank and closed and line[:1].isupper():
            blocks.append(Block("text", None, [line]))
        elif blocks:
            blocks[-1].lines.append(line)
        else:
            blocks.append(Block("text", None, [line]))
        blank = False
    return blocks


# OCR slips that can only be one thing in a Security Council text. Each rule is general: it
# names the shape of the slip, never a word of a particular resolution.
_OCR = (
    (re.compile(r"\bS\$/"), "S/"),  # "S$/12611"
    (re.compile(r"(?<=\s)_+(?=\w)|(?<=\w)_+(?=\s)"), ""),  # "Calls _on"
    (re.compile(r"(?<=[A-Za-z])~(?=[A-Z])"), "-"),  # "Secretary~General"
    (re.compile(r"\b(19\d)\](?=\W|$)"), r"\g<1>1"),  # "30 November 198]"
    # A mark glued to the year of a date: "19 March 19788 and" is 1978 with footnote 8.
    (re.compile(r"\b(" + "|".join(MONTHS) + r") ((?:19|20)\d\d)\d{1,2}\b"), r"\1 \2"),
    (re.compile(r"(?<=[A-Za-z])\](?=\s)"), ""),  # "territorial] integrity" (no bracket opened)
    # Footnote marks read as punctuation: "1978*? on", "Lebanon*! and", "1984,?7 and", "1978.8 approved"
    (re.compile(r"(?<=\b\d{4})[.,][*?'’°]*\d{0,2}[*?°]*(?=\s+[a-z])"), ","),
    (re.compile(r"(?<=[A-Za-z0-9)])[*?!°]+\d{0,2}(?=\s)"), ""),
)


def _clean(text: str, words: Counter[str]) -> str:
    for pattern, repl in _OCR:
        text = pattern.sub(repl, text)
    text = mend_split_words(text, words)
    text = squeeze(text)
    first, _, rest = text.partition(" ")
    if len(first) in (2, 3) and first.isupper() and first.isalpha() and rest[:1].islower():
        text = first.capitalize() + " " + rest  # OCR: "TO call upon" -> "To call upon"
    return text


@dataclass
class Para:
    text: str
    notes: list[int] = field(default_factory=list)
    items: list["Para"] = field(default_factory=list)
    label: str | None = None

    def build(self, notes: dict[int, str]) -> Paragraph:
        note = "\n".join(notes[n] for n in dict.fromkeys(self.notes) if n in notes) or None
        return Paragraph(self.text, tuple(i.build(notes) for i in self.items), note=note)


def _is_operative(text: str) -> bool:
    op, pp = detect_lead(text, Part.OPERATIVE), detect_lead(text, Part.PREAMBLE)
    if op and len(op) > len(pp):
        return True
    return not pp and not op and text.rstrip()[-1:] in ";."


def _nest(parent: Para, item: Para) -> None:
    """Attach a lettered or roman sub-paragraph at the right depth."""
    last = parent.items[-1] if parent.items else None
    roman = item.label in _ROMAN
    continues_letters = last is not None and last.label is not None and len(last.label) == 1 \
        and item.label is not None and len(item.label) == 1 and ord(item.label) == ord(last.label) + 1
    if last is not None and roman and not continues_letters and (
            last.text.rstrip().endswith(":") or (last.items and last.items[-1].label in _ROMAN)):
        last.items.append(item)
    else:
        parent.items.append(item)


def build_parts(blocks: list[Block], numbers: set[int],
                words: Counter[str]) -> tuple[list[Para], list[Para]]:
    """Preamble and operative part from the blocks; ``numbers``: the footnotes the text has."""
    preamble: list[Para] = []
    operative: list[Para] = []
    in_op = False
    for block in blocks:
        raw = join_lines(block.lines)
        text, marks = strip_markers(raw, numbers)
        text = _TRAILING_MARK.sub(r"\1", text)
        text = _clean(text, words)
        para = Para(text, marks, label=block.label)
        current = operative if in_op else preamble
        if block.kind == "item" and current:
            _nest(current[-1], para)
        elif block.kind == "quote" and current:
            last = current[-1]
            target = last.items[-1] if last.items else last
            target.text += " " + text  # quoted text (a resolution recited) stays in its paragraph
            target.notes += marks
        else:
            if block.kind == "op" or (not in_op and _is_operative(text)):
                in_op = True
            (operative if in_op else preamble).append(para)
    return preamble, operative


def all_marks(p: Para) -> list[int]:
    out = list(p.notes)
    for item in p.items:
        out += all_marks(item)
    return out


# OCR reads the mark that closes a paragraph badly (":" for ";", "." for ","), and the mark is
# fixed by the paragraph's place: a comma in the preamble, a semicolon between operative
# paragraphs (a colon only before sub-paragraphs). Mended here, and each mending is recorded.
_CLOSING = re.compile(r"[.,;:]$")


def mend_closing_marks(preamble: list[Para], operative: list[Para]) -> list[str]:
    """Set the closing mark each paragraph's place requires; return what was mended ("PP2 . → ,")."""
    mended: list[str] = []

    def mend(para: Para, label: str, want: str, wrong: str) -> None:
        mark = para.text[-1:]
        if mark in wrong and _CLOSING.search(para.text):
            para.text = para.text[:-1] + want
            mended.append(f"{label} {mark} → {want}")

    if operative:  # without an operative part the "preamble" may be something else
        for n, para in enumerate(preamble, start=1):
            if not para.items:
                mend(para, f"PP{n}", ",", ".;")
    for n, para in enumerate(operative[:-1], start=1):
        if not para.items:
            mend(para, f"OP{n}", ";", ":,.")
    return mended
