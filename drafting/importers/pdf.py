"""PDF import: the printed lines of a UN-layout PDF, with their place, size and fonts.

A PDF holds no paragraphs, only glyphs at positions. pdfminer.six gives each character's font,
size and position, and that is what tells the parts of a printed resolution apart:

* a **superscript** (a digit much smaller than its line) is a footnote marker, never text;
* the **footnotes** stand below the short rule at the foot of a page, each opening with its
  superscript number;
* **page furniture** (the running head "S/RES/1234 (2014)  2" on the pages after the first, the
  job number "14-12345 (E)", the barcode "*1412345*", a bare page number) stands in the top or
  bottom margin and is recognised by :mod:`drafting.importers.pages`;
* a **paragraph** opens with an indented line (UN layout indents every first line; the lines
  that follow start at the margin), so a page break inside a paragraph is no boundary;
* the **lead phrase** is set in italics.

This module reads the rows and joins printed lines (:func:`join_printed`: a line-end hyphen is
dropped only where the joined word is a word); :mod:`drafting.importers.pdf_layout` turns the rows
into a resolution through the same structure builder as the Word reader, and
:mod:`drafting.importers.pdf_notes` reads the footnotes and places their markers.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from drafting.errors import DraftingError
from drafting.importers.ledger import repaired
from drafting.importers.text import known_words

__all__ = ["Page", "Row", "Segment", "join_printed", "read_pages"]

_SUPERSCRIPT = 0.75  # a glyph below this share of its line's size is a superscript
_HYPHEN_PREFIXES = frozenset("co self non cease above ex anti well post cross long short full large small "
                             "high low half semi multi mid quasi vice peace so".split())
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": ""})


@dataclass(frozen=True)
class Segment:
    """A run of text on one printed line: its left edge, words, markers and leading italics.

    ``marks`` are (offset in ``text``, footnote number) for each superscript number; ``italic``
    the italic text that opens the segment after any number or label ("26. Acknowledges")."""

    x0: float
    x1: float
    text: str
    marks: tuple[tuple[int, int], ...] = ()
    italic: str = ""
    size: float = 0.0

    def spliced(self, mark: Callable[[int], str]) -> str:
        """The text with ``mark(number)`` put where each superscript number stood."""
        text, last = "", 0
        for offset, number in self.marks:
            text += self.text[last:offset] + mark(number)
            last = offset
        return text + self.text[last:]


@dataclass(frozen=True)
class Row:
    """One printed line: its segments left to right and its vertical place (PDF points, from the
    bottom of the page)."""

    page: int
    top: float
    bottom: float
    segments: tuple[Segment, ...]

    @property
    def x0(self) -> float:
        return self.segments[0].x0

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.segments if s.text)

    @property
    def size(self) -> float:
        return max(s.size for s in self.segments)

    def source(self) -> str:
        """The row as printed, superscripts as plain digits: what the ledger accounts for."""
        return " ".join(" ".join(s.spliced(lambda number: f" {number} ") for s in self.segments).split())


@dataclass(frozen=True)
class Page:
    """A page's rows top to bottom, its height, and where its footnote rule stands (or None)."""

    number: int
    height: float
    rows: tuple[Row, ...]
    rule: float | None


def read_pages(path: str | os.PathLike[str]) -> list[Page]:
    """Every page of the PDF at ``path`` as rows; DraftingError for a file that is no readable
    PDF, is encrypted, or has no text layer (a scan)."""
    p = Path(path)
    try:
        pages = list(_layout(p))
    except DraftingError:
        raise
    except Exception as exc:  # pdfminer raises many kinds for broken files
        raise DraftingError(_unreadable(p, exc)) from None
    if not any(page.rows for page in pages):
        raise DraftingError(f"{p}: the PDF has no text layer (a scanned image?): found {len(pages)} "
                            "page(s) and no words; run OCR on it first (e.g. ocrmypdf) and import the result")
    return pages


def read_subject(path: str | os.PathLike[str]) -> str:
    """The PDF's Subject property ('' when it has none or it cannot be read)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import resolve1

    try:
        with open(path, "rb") as handle:
            info = PDFDocument(PDFParser(handle)).info
            value = resolve1(info[0].get("Subject")) if info else None
    except Exception:  # the pages were readable; a damaged info dictionary only loses the Subject
        return ""
    if isinstance(value, bytes):
        value = value[2:].decode("utf-16-be", "replace") if value.startswith(b"\xfe\xff") else value.decode("latin-1")
    return value.strip() if isinstance(value, str) else ""


def _unreadable(path: Path, exc: Exception) -> str:
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name:
        return (f"{path}: the PDF is encrypted ({name}): expected an open PDF; save an unprotected "
                "copy (print to PDF) and import that")
    return (f"{path}: expected a readable PDF, found a damaged or unsupported file ({name}: "
            f"{' '.join(str(exc).split())[:80]}); open and save it again, or import the Word or text version")


def _layout(path: Path) -> Iterator[Page]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams

    for number, page in enumerate(extract_pages(path, laparams=LAParams()), start=1):
        lines, rules = [], []
        for item in _flatten(page):
            kind = type(item).__name__
            if kind == "LTTextLineHorizontal":
                segment = _segment(item)
                if segment is not None:
                    lines.append((item.y0, item.y1, segment))
            elif kind in ("LTLine", "LTRect") and item.height <= 2 and 20 < item.width < page.width / 2:
                rules.append(item.y1)
        rule = max((y for y in rules if y < page.height / 2), default=None)
        yield Page(number, page.height, _rows(number, lines), rule)


def _flatten(item: Any) -> Iterator[Any]:
    for child in item:
        if type(child).__name__ in ("LTTextBoxHorizontal", "LTFigure"):
            yield from _flatten(child)
        else:
            yield child


def _rows(page: int, lines: list[tuple[float, float, Segment]]) -> tuple[Row, ...]:
    """Lines whose heights overlap by half are one printed row (a footnote's number and its
    text, the masthead's two sides, a running head and its page number)."""
    rows: list[tuple[float, float, list[Segment]]] = []
    for y0, y1, segment in sorted(lines, key=lambda line: (-line[1], line[2].x0)):
        for n, (b0, b1, segments) in enumerate(rows):
            overlap = min(y1, b1) - max(y0, b0)
            if overlap > 0.5 * min(y1 - y0, b1 - b0):
                rows[n] = (min(y0, b0), max(y1, b1), segments + [segment])
                break
        else:
            rows.append((y0, y1, [segment]))
    out = [Row(page, y1, y0, tuple(_merge(sorted(segs, key=lambda s: s.x0)))) for y0, y1, segs in rows]
    return tuple(sorted(out, key=lambda row: -row.top))


def _merge(segments: list[Segment]) -> list[Segment]:
    """A lone superscript number beside text goes into that text's marks: before it, a
    footnote's number; after it, a marker set apart from its line."""
    out: list[Segment] = []
    for s in segments:
        if out and not out[-1].text and out[-1].marks:
            lone = out.pop()
            s = Segment(lone.x0, s.x1, s.text, tuple((0, n) for _, n in lone.marks) + s.marks, s.italic, s.size)
        elif out and out[-1].text and not s.text and s.marks:
            last = out.pop()
            s = Segment(last.x0, s.x1, last.text, last.marks + tuple((len(last.text), n) for _, n in s.marks),
                        last.italic, last.size)
        out.append(s)
    return out


def _segment(line: Any) -> Segment | None:
    """The text, superscript markers and leading italics of one pdfminer line."""
    chars = [c for c in line if type(c).__name__ == "LTChar"]
    if not chars:
        return None
    sizes = sorted(round(c.size, 1) for c in chars if c.get_text().strip())
    size = max(set(sizes), key=sizes.count) if sizes else chars[0].size
    text, marks, italic, digits = "", [], [0, 0], ""
    for item in line:
        glyph = item.get_text().translate(_LIGATURES)
        small = type(item).__name__ == "LTChar" and item.size < _SUPERSCRIPT * size and glyph.isdigit()
        if small and not _all_small(chars, size):
            digits += glyph
            continue
        if digits:
            marks.append((len(text.rstrip()), int(digits)))
            digits = ""
        if glyph.strip() and italic[1] == 0 and "Italic" in getattr(item, "fontname", ""):
            italic[0] = len(text)
        if glyph.strip() and "Italic" in getattr(item, "fontname", "") and italic[1] in (0, len(text)):
            italic[1] = len(text) + len(glyph)
        elif glyph == " " and italic[1] == len(text):
            italic[1] += 1
        text += glyph
    if digits:
        marks.append((len(text.rstrip()), int(digits)))
    if _all_small(chars, size) and text.strip().isdigit():
        return Segment(chars[0].x0, chars[-1].x1, "", ((0, int(text.strip())),), "", size)
    return _clean(chars[0].x0, chars[-1].x1, text, marks, text[italic[0]:italic[1]], size)


def _all_small(chars: list[Any], size: float) -> bool:
    """A line of digits only, set small: a footnote's number printed apart from its text."""
    return all(c.get_text().isdigit() for c in chars) and size < 7


def _clean(x0: float, x1: float, text: str, marks: list[tuple[int, int]], italic: str,
           size: float) -> Segment:
    """Single spaces (justified lines print several), the marks' offsets moved to match."""
    out, shift = "", []
    for ch in text.rstrip("\n"):
        shift.append(len(out))
        if ch.isspace() and (not out or out.endswith(" ")):
            continue
        out += " " if ch.isspace() else ch
    shift.append(len(out))
    lead = len(out) - len(out.lstrip())
    stripped = out.strip()
    fixed = tuple((min(max(shift[min(o, len(shift) - 1)] - lead, 0), len(stripped)), n) for o, n in marks)
    return Segment(x0, x1, stripped, fixed, " ".join(italic.split()), size)


# ---------------------------------------------------------------------------- printed lines joined

def join_printed(lines: list[str], words: Counter[str] | None = None) -> str:
    """Printed lines as one text: single spaces, a line-end hyphen dropped only where the joined
    word is a word (``words``: the text's own, lower case, with their counts; then the corpus)."""
    out = ""
    for line in lines:
        out = _join(out, line, words if words is not None else Counter())
    return out


def _join(text: str, line: str, words: Counter[str]) -> str:
    """``line`` after ``text``: with a space, or across a line-end hyphen as the words decide."""
    first = re.search(r"([^\W\d_]+)-$", text)
    second = re.match(r"[^\W\d_]+", line)
    if not (first and second):
        return f"{text} {line}" if text else line
    whole = _hyphen(first[1], second[0], words)
    if "-" in whole:
        return text + line
    return text[:first.start()] + repaired("line-end hyphen joined (the joined word is a word)",
                                           f"{first[1]}-{second[0]}", whole) + line[second.end():]


def _hyphen(first: str, second: str, words: Counter[str]) -> str:
    """The word a line-end "first-" "second" stands for. The text's own words decide first
    ("particular" or "self-regulation" seen elsewhere); then a capital ("Secretary-General") or a
    prefix UN style hyphenates keeps the hyphen; the pieces are joined only when the joined word
    is a word of the corpus, else the hyphen stays (a compound the text spells once)."""
    joined, hyphened = first + second, f"{first}-{second}"
    seen_joined, seen_hyphened = words[joined.lower()], words[hyphened.lower()]
    if seen_joined != seen_hyphened:
        return joined if seen_joined > seen_hyphened else hyphened
    if second[:1].isupper() or first.lower() in _HYPHEN_PREFIXES:
        return hyphened
    return joined if known_words()[joined.lower()] >= 3 else hyphened
