"""Paragraphs of official texts that arrive as hard-wrapped lines: where each one starts and ends.

Blank lines are neither always present nor always a boundary in scanned texts, so a paragraph
is found by its shape: a line opening with an operative number ("1."), a sub-paragraph label
("(a)") or a lead phrase, after a line that closed a clause (",", ";", ":", "."). The builder
then decides preamble and operative part (numbering, then the lexicon: participles and
adjectives open preambular paragraphs, verbs operative ones), nests lettered and roman
sub-paragraphs, and takes inline footnote numbers out into each paragraph's note, recording
where each marker stood (``note_at``) through the OCR repairs that follow. Section headings are
blocks of their own, placed on the paragraphs they stand before (:meth:`Parts.place_sections`).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Sequence

from drafting.model.leads import detect_lead
from drafting.model import MONTHS, Paragraph, Part, is_roman, label, roman
from drafting.model.resolution import ROMAN, note_anchor
from drafting.importers.footnotes import strip_markers_at
from drafting.importers.ledger import removed, repaired
from drafting.importers.pages import SECTION, Section, place_sections
from drafting.importers.text import join_lines, mend_brackets, mend_split_words, rejoin_spaced, squeeze

_OP_NUMBER = re.compile(r"^(\d{1,3})\s?[.,]\s+(?=[^\d\s])")  # "35, 36, 52 and 103": no number
# Letters that OCR reads for a digit ("L." for "1.", "Z." for "2.", "S." for "5."); taken for an
# operative number only before an operative verb.
_MISREAD_NUMBER = re.compile(r"^[LIlZSBGT]\.\s+(?=[A-Z])")
_ITEM_LABEL = re.compile(r"^\(([a-z]{1,4}|\d{1,2})\)\s+(?=\S)")
_JUNK = re.compile(r"^[|~—–‘'_]+\s*(?=[A-Z])")
_QUOTE_OPEN = ("\"", "“", "”", "'", "‘")


@dataclass
class Block:
    kind: str  # "op" (numbered), "item" (lettered), "quote", "text", "section" (a heading)
    label: str | None
    lines: list[str] = field(default_factory=list)


def _opener(line: str) -> tuple[str, str | None, str] | None:
    """(kind, label, line without the number/label) when ``line`` can open a paragraph."""
    stripped = line.strip()
    if stripped[:1] in _QUOTE_OPEN:
        return ("quote", None, stripped)
    m = _OP_NUMBER.match(stripped)
    if m:
        rest = stripped[m.end():]
        unmarked = _JUNK.sub("", rest)  # "16. | Demands", "24. ~— Requests": OCR specks
        return ("op", m[1], unmarked if unmarked != rest and detect_lead(unmarked) else rest)
    m = _ITEM_LABEL.match(stripped)
    if m:
        return ("item", m[1], stripped[m.end():])
    m = _MISREAD_NUMBER.match(stripped)
    if m and detect_lead(stripped[m.end():], Part.OPERATIVE):
        return ("op", None, stripped[m.end():])  # "Z. Demands": a number read as a letter
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
    from drafting.model.leads import OPERATIVE_BASES, PREAMBULAR_BASES

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
            mended = lead + line[len(lead):]
            if detect_lead(mended):
                return mended
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


# The organ line inside the body: a section repeats it ("B\n\nThe Security Council,": S/RES/161),
# old texts print it after their "Whereas" clauses (S/RES/58); ";" is an OCR slip.
_ORGAN_LINE = re.compile(r"^The (?:Security Council|General Assembly)\s*[,;.]?$")


_BARE_NUMBER = re.compile(r"^(\d{1,2})\s+(?=[A-Z])")


def _number_without_point(line: str, blocks: list[Block]) -> tuple[str, str | None, str] | None:
    """"2 Requests ...": an operative number whose full stop OCR lost. Taken for one only when
    it is the next number of the sequence and an operative lead follows; recorded."""
    m = _BARE_NUMBER.match(line.strip())
    if not m:
        return None
    last = next((b.label for b in reversed(blocks) if b.kind == "op" and b.label and b.label.isdigit()), "0")
    if int(m[1]) != int(last) + 1:
        return None
    rest = line.strip()[m.end():]
    if not detect_lead(rest, Part.OPERATIVE):
        return None
    repaired("operative number without its full stop", m[0].strip(), f"{m[1]}.")
    return ("op", m[1], rest)


def _section(line: str, blocks: list[Block], blank: bool, numbers: set[int]) -> bool:
    """True when ``line`` is a section heading ("A", "II") after a closed clause or a blank line."""
    if not SECTION.match(line) or not blocks:
        return False
    last = blocks[-1]
    return last.kind != "section" and (blank or _closes(last.lines[-1], numbers))


_LONE_LABEL = re.compile(r"^\s*(?:\d{1,3}\.|\([a-z]{1,4}\))\s*$")


def _join_lone_labels(lines: list[str]) -> list[str]:
    """"2." or "(a)" on a line of its own (text extracted from a PDF), put before the first
    line of text after it, where it opens its paragraph."""
    out: list[str] = []
    pending = ""
    for line in lines:
        if _LONE_LABEL.match(line):
            pending = line.strip() + " "
        elif pending and line.strip():
            out.append(pending + line.strip())
            pending = ""
        else:
            out.append(line)
    return out + ([pending.strip()] if pending else [])


def split_blocks(lines: list[str], numbers: set[int]) -> list[Block]:
    """Split the body lines into paragraph blocks (a section heading is a block of its own)."""
    blocks: list[Block] = []
    blank = True
    for raw in _join_lone_labels(lines):
        line = raw.strip()
        if not line:
            blank = True
            continue
        if _section(line, blocks, blank, numbers):
            removed("section heading", line)
            blocks.append(Block("section", line))
            blank = True
            continue
        if _ORGAN_LINE.match(line):
            section = blocks[-1].label if blocks and blocks[-1].kind == "section" else None
            removed(f"organ line repeated by section {section}" if section else "organ line", line)
            continue  # a section's own "The Security Council,", or one after "Whereas" clauses
        prev = blocks[-1].lines[-1] if blocks and blocks[-1].lines else ""
        closed = not blocks or not blocks[-1].lines or _closes(prev, numbers)
        opener = _opener(line) or _number_without_point(line, blocks)
        # "... in which it\n(a) Calls for ...": a first sub-paragraph may follow an open clause.
        first_item = opener is not None and opener[0] == "item" and opener[1] in ("a", "i") \
            and opener[2][:1].isupper()
        # A lead after a blank line opens a paragraph even when the OCR lost the closing mark
        # ("... document S/Agenda/2185" then "Taking into account ...": S/RES/462).
        after_blank = blank and opener is not None and opener[0] == "text"
        if opener and (closed or first_item or after_blank):
            kind, label, rest = opener
            _record_opening(line, rest)
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
    (re.compile(r"(?<![\w$])\$/(?=\d)"), "S/"),  # "($/25240": no other symbol opens "$/"
    (re.compile(r"(?<=[^\W\d_])_+(?=[^\W\d_])"), " "),  # "Calls_on": a space read as "_"
    (re.compile(r"(?<=\s)_+(?=\w)|(?<=\w)_+(?=\s)|(?<=\s)_+(?=\s)"), ""),  # "Calls _on", "Calls _ upon"
    (re.compile(r"(?<=[A-Za-z])~(?=[A-Z])"), "-"),  # "Secretary~General"
    (re.compile(r"(?<=[A-Za-z])~-?(?=[A-Za-z])"), "-"),  # "cease~fire", "Secretary~-General": no word has "~"
    (re.compile(r"\b(19\d)\](?=\W|$)"), r"\g<1>1"),  # "30 November 198]"
    # A mark glued to the year of a date: "19 March 19788 and" is 1978 with footnote 8.
    (re.compile(r"\b(" + "|".join(MONTHS) + r") ((?:19|20)\d\d)\d{1,2}\b"), r"\1 \2"),
    # Footnote marks read as punctuation: "1978*? on", "Lebanon*! and", "1984,?7 and", "1978.8 approved"
    (re.compile(r"(?<=\b\d{4})[.,][*?'’°]*\d{0,2}[*?°]*(?=\s+[a-z])"), ","),
    (re.compile(r"(?<=[A-Za-z0-9)])[*?!°]+\d{0,2}(?=\s)"), ""),
    (re.compile(r"([,;:.])['’*?]*°['’°*?]*\d{0,3}$"), r"\1"),  # "1949,'°5": a mark at the end
    (re.compile(r"([,;:.])\s*[,;:.]$"), r"\1"),  # "six months; .", "in Somalia, ;": the second is a speck
)


# "for 4 further period": UN texts write numbers under ten in words, and a number counts a
# plural ("4 members"), so a bare "4" between a preposition and a word in the singular is the
# article "a" that OCR read as "4" (never before a unit: "4 per cent", "4 km").
_A_READ_AS_4 = re.compile(r"\b(for|of|in|to|with|by|as|at|on|is|be|upon|from|into|under) 4"
                          r"(?= (?!per\b|km\b)[a-z]{2,}[a-rt-z]\b)")


def _record_opening(line: str, rest: str) -> None:
    """Record what opening a paragraph took away (its number or label) or repaired (a capital)."""
    line = line.strip()
    if line.endswith(rest):
        removed("paragraph number or label", line[:len(line) - len(rest)])
    else:
        repaired("lead whose capital OCR misread", line.split(" ", 1)[0], rest.split(" ", 1)[0])


def _recorded(rule: str, m: re.Match[str], new: str) -> str:
    """Record a repair with the whole words around it ("Secretary~General" → "Secretary-General")."""
    text = m.string
    start = text.rfind(" ", 0, m.start()) + 1
    end = text.find(" ", m.end())
    end = len(text) if end < 0 else end
    repaired(rule, text[start:end], text[start:m.start()] + new + text[m.end():end])
    return new


def _clean(text: str, words: Counter[str]) -> str:
    text = mend_brackets(text, words)
    text = _A_READ_AS_4.sub(lambda m: repaired("OCR: 4 read for a (a number would count a plural)",
                                               m[0], m[1] + " a"), text)
    for pattern, repl in _OCR:
        text = pattern.sub(lambda m: _recorded(f"OCR: {pattern.pattern}", m, m.expand(repl)), text)
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
    section: str | None = None  # the heading printed before this paragraph

    at: list[int] = field(default_factory=list)  # where each marker of ``notes`` stood in ``text``

    def build(self, notes: dict[int, str]) -> Paragraph:
        """The paragraph; several notes stay separate lines of ``note``, in marker order, each
        anchored (``note_at``) unless the paragraph has one note, at its end."""
        first: dict[int, int] = {}
        for n, at in zip(self.notes, self.at):
            if n in notes:
                first.setdefault(n, at if at < len(self.text) and self.text[at:].strip(".,;:") else len(self.text))
        note = "\n".join(notes[n] for n in first) or None
        ends = [at == len(self.text) for at in first.values()]
        note_at = () if ends in ([], [True]) else tuple(note_anchor(self.text, at) for at in first.values())
        return Paragraph(self.text, tuple(i.build(notes) for i in self.items), note=note, note_at=note_at,
                         numbering=self.numbering(), section=self.section)

    def numbering(self) -> str | None:
        """"roman" when the items are numbered (i), (ii) ...: the first "i" (or "1", OCR for it),
        the others in roman sequence; a lone "(i)" is roman too (a letter list starts at "a")."""
        labels = [item.label for item in self.items]
        if not labels or labels[0] not in ("i", "1") or any(
                lab != roman(n) for n, lab in enumerate(labels[1:], start=2)):
            return None
        if labels[0] == "1":
            repaired("sub-paragraph (1) read for (i) before (ii)", "(1)", "(i)")
        return ROMAN


def _is_operative(text: str) -> bool:
    op, pp = detect_lead(text, Part.OPERATIVE), detect_lead(text, Part.PREAMBLE)
    if op and len(op) > len(pp):
        return True
    return not pp and not op and text.rstrip()[-1:] in ";."


def _nest(parent: Para, item: Para) -> None:
    """Attach a lettered or roman sub-paragraph at the right depth."""
    last = parent.items[-1] if parent.items else None
    roman = item.label is not None and is_roman(item.label)
    continues_letters = last is not None and last.label is not None and len(last.label) == 1 \
        and item.label is not None and len(item.label) == 1 and ord(item.label) == ord(last.label) + 1
    if last is not None and roman and not continues_letters and (
            last.text.rstrip().endswith(":") or (last.items and is_roman(last.items[-1].label or ""))):
        last.items.append(item)
    else:
        parent.items.append(item)


@dataclass
class Parts:
    """What the builder makes of the blocks: the two parts and the section headings met."""

    preamble: list[Para] = field(default_factory=list)
    operative: list[Para] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    sections_left: str = ""  # sections the model cannot hold, for the source line

    def place_sections(self) -> bool:
        """Put each section heading on the paragraphs it stands before; True when the printed
        operative numbers start again at 1 in each section (S/RES/101, 161)."""
        placed = place_sections(self.sections, len(self.preamble), len(self.operative))
        for n, heading in placed.preamble.items():
            self.preamble[n].section = heading
        for n, heading in placed.operative.items():
            self.operative[n].section = heading
        self.sections_left = placed.left
        starts = [n for n in placed.operative if n > 0]
        return bool(starts) and all(self.operative[n].label == "1" for n in starts)


def _continues(block: Block, text: str, target: Para | None) -> bool:
    """True when ``block`` carries on the paragraph before it rather than opening one.

    Recited text (a quotation) always does; so does text with no lead of its own after a
    paragraph that ends with a colon: the list of candidates of S/RES/857, the conditions
    "Japan will become a party ..." that S/RES/102 sets out "as follows:".
    """
    if target is None:
        return False
    if block.kind == "quote":
        return True
    # The colon must close a paragraph with a lead of its own ("Resolves:", "Recommends ... as
    # follows:"): a colon closing a "That ..." clause is more often an OCR slip for ";".
    return block.kind == "text" and target.text.endswith(":") and not target.items \
        and bool(detect_lead(target.text)) and not detect_lead(text)


def build_parts(blocks: list[Block], numbers: set[int], words: Counter[str]) -> Parts:
    """Preamble and operative part from the blocks; ``numbers``: the footnotes the text has.

    A section heading starts a new preamble: its preambular paragraphs join the preamble (the
    model has one), so operative numbers stay those printed; the section is recorded.
    """
    parts = Parts()
    # ``tentative``: the operative part was entered on a paragraph with no lead at all (its
    # closing ";" only); a preambular lead after it shows the preamble had not ended (S/RES/794:
    # "Sharing the Secretary-General's assessment ..., ;").
    in_op = tentative = False
    for block in blocks:
        if block.kind == "section":
            parts.sections.append(Section(block.label or "", len(parts.preamble), len(parts.operative)))
            in_op = False
            continue
        raw, placed = strip_markers_at(join_lines(block.lines), numbers)
        if trailing := _TRAILING_MARK.search(raw):
            removed("footnote marker closing the paragraph", trailing[0][1:])
        text = rejoin_spaced(_clean(_TRAILING_MARK.sub(r"\1", raw), words))
        marks = [n for n, _ in placed]
        para = Para(text, marks, label=block.label, at=_moved([at for _, at in placed], raw, text))
        current = parts.operative if in_op else parts.preamble
        last = current[-1] if current else None
        target = (last.items[-1] if last.items else last) if last else None
        if block.kind == "item" and last:
            _nest(last, para)
        elif target is not None and _continues(block, text, target):
            target.at += [len(target.text) + 1 + at for at in para.at]
            target.text += " " + text  # recited text stays in its paragraph
            target.notes += marks
        else:
            if tentative and block.kind == "text" and _is_preambular(text):
                parts.preamble += parts.operative  # the guess was wrong: the preamble goes on
                parts.operative, in_op = [], False
            if block.kind == "op" or (not in_op and _is_operative(text)):
                tentative = not in_op and block.kind != "op" and not detect_lead(text, Part.OPERATIVE)
                in_op = True
            elif block.kind == "op" or detect_lead(text, Part.OPERATIVE):
                tentative = False
            (parts.operative if in_op else parts.preamble).append(para)
    return parts


def _moved(offsets: list[int], before: str, after: str) -> list[int]:
    """Where each offset of ``before`` stands in ``after``, the text the OCR repairs made of it:
    the same character in an unchanged stretch, else the end of the repaired words."""
    if not offsets or before == after:
        return offsets
    blocks = SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    out = []
    for offset in offsets:
        place = len(after)
        for tag, i1, i2, j1, j2 in blocks:
            if i1 <= offset < i2:
                place = j1 + offset - i1 if tag == "equal" else (j2 if offset > i1 else j1)
                break
        out.append(place)
    return out


def _is_preambular(text: str) -> bool:
    pp, op = detect_lead(text, Part.PREAMBLE), detect_lead(text, Part.OPERATIVE)
    return bool(pp) and len(pp) >= len(op)


def all_marks(p: Para) -> list[int]:
    out = list(p.notes)
    for item in p.items:
        out += all_marks(item)
    return out


# OCR reads the mark that closes a paragraph badly (":" for ";", "." for ","), or loses it, and
# the mark is fixed by the paragraph's place: a comma in the preamble, a semicolon between
# operative paragraphs (a colon only before sub-paragraphs), a full stop at the end. Mended here,
# and each mending is recorded ("PP2 . → ,", "PP1 none → ,").
_CLOSING = re.compile(r"[.,;:]$")
_UNCLOSED = re.compile(r"[\w)]$")  # a word, a number or a bracket: the closing mark was lost
_OPEN_END = re.compile(r"[,;:]\s+(?:and|or)$")


def _mend(para: Para, label: str, want: str, wrong: str, mended: list[str]) -> None:
    mark = para.text[-1:]
    if mark in wrong and _CLOSING.search(para.text):
        para.text = para.text[:-1] + want
        mended.append(f"{label} {mark} → {want}")
    elif _UNCLOSED.search(para.text) and not _OPEN_END.search(para.text) and ": " not in para.text:
        # Not after "; and" (the clause closes with its conjunction), nor after recited text
        # ("as follows: ..."), whose end is not the paragraph's own.
        para.text += want
        mended.append(f"{label} none → {want}")


def mend_closing_marks(preamble: list[Para], operative: list[Para], sections: Sequence[Section] = ()) -> list[str]:
    """Set the closing mark each paragraph's place requires; return what was mended ("PP2 . → ,").

    The last operative paragraph before a section heading may close with "." (S/RES/161 "A",
    674 "A") as well as ";" (687): either is kept there."""
    mended: list[str] = []
    ends = {s.operative_before for s in sections}
    if operative:  # without an operative part the "preamble" may be something else
        for n, para in enumerate(preamble, start=1):
            if not para.items:
                _mend(para, f"PP{n}", ",", ".;", mended)
    for n, para in enumerate(operative[:-1], start=1):
        if not para.items:
            _mend(para, f"OP{n}", ";", ":," if n in ends else ":,.", mended)
    if operative and not operative[-1].items:
        _mend(operative[-1], f"OP{len(operative)}", ".", "", mended)
    for n, para in enumerate(operative, start=1):
        _mend_items(para, f"OP{n}", 1, mended)
    return mended


def _mend_items(para: Para, address: str, depth: int, mended: list[str]) -> None:
    """Sub-paragraphs before the last close alike: where most close with ";", a lone ",", "." or
    ":" (with nothing nested under it) is the OCR's misreading of it."""
    before_last = para.items[:-1]
    closing = [item.text.rstrip()[-1:] for item in before_last]
    if len(before_last) >= 2 and closing.count(";") * 2 > len(before_last):
        for n, item in enumerate(before_last, start=1):
            if not item.items and item.text[-1:] in ",.:":
                mark = item.text[-1:]
                item.text = item.text[:-1] + ";"
                mended.append(f"{address}({label(depth, n)}) {mark} → ;")
    for n, item in enumerate(para.items, start=1):
        _mend_items(item, f"{address}({label(depth, n)})", depth + 1, mended)
