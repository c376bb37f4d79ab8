"""OCR damage left in a text: words no text of the corpus has, one misread glyph from a frequent one.

"arca" (area), "Tbid." (Ibid.), "i993" (1993), "Add.1l" (Add.11): each is absent from the
text's own words and from the corpus vocabulary (``drafting/data/vocabulary.txt``), and one
glyph that OCR confuses ("c" for "e", "T" for "I", "i" or "l" for "1") away from a word the
corpus uses often. Only the confusions OCR makes are tried, so a proper name one letter from a
common word ("Rome", "Dili") is never flagged.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterator

from drafting.checks.base import Context, Hit

# glyph read -> what it may stand for
_CONFUSED: dict[str, tuple[str, ...]] = {
    "c": ("e",), "e": ("c",), "rn": ("m",), "m": ("rn",), "cl": ("d",), "l": ("I", "i", "t"),
    "I": ("l",), "T": ("I",), "i": ("l",), "h": ("b",), "b": ("h",), "u": ("n",), "n": ("u",),
    "f": ("t",), "t": ("f",), "[": ("I",),
}
_FREQUENT = 10  # a corpus word seen this often is "frequent"
_WORD = re.compile(r"(?<![\w/.-])\[?[A-Za-z][a-z]+(?![\w/-])|(?:Add|Corr)\.[\dilIOo]{1,4}(?![\w/])"
                   r"|(?<![\w/])[\dilIOo]{3,5}(?![\w/])")


@lru_cache(maxsize=1)
def _known() -> Counter[str]:
    data = resources.files("drafting").joinpath("data/vocabulary.txt").read_text(encoding="utf-8")
    return Counter({word: int(n) for word, n in (line.split() for line in data.splitlines())})


def _variants(word: str) -> Iterator[str]:
    """``word`` with one glyph replaced by one OCR confuses it with."""
    for glyph, meant in _CONFUSED.items():
        start = word.find(glyph)
        while start >= 0:
            for new in meant:
                yield word[:start] + new + word[start + len(glyph):]
            start = word.find(glyph, start + 1)


def _repair(word: str, own: Counter[str]) -> str | None:
    """The frequent word ``word`` is damaged from, or None when it is a word in its own right."""
    number = re.fullmatch(r"((?:Add|Corr)\.)?([\dilIOo]+)", word)
    if number and any(c.isdigit() for c in word):
        if number[2].isdigit():
            return None
        digits = number[2].translate(str.maketrans("ilIOo", "11100"))
        return (number[1] or "") + digits if digits.isdigit() else None
    if number:
        return None  # "ii", "Ill": roman numerals and words, not numbers
    lower = word.lower()
    known = _known()
    if own[lower] > 1 or known[lower] or len(word) < 3:
        return None
    for variant in _variants(word):
        if known[variant.lower()] >= _FREQUENT:
            return variant
    return None


# A glyph no word of a resolution holds, touching a letter: "Calls_on", "El} Salvador". An address
# ("www.un.org/a_b", "x@un.org") may hold one, so a token with "/" or "@" is left alone.
_STRAY = re.compile(r"(?<![^\s(])(?=\S*[A-Za-z][_{}|\\~^]|\S*[_{}|\\~^][A-Za-z])(?![^\s]*[/@])\S+")
_STRAY_GLYPH = re.compile(r"[_{}|\\~^]")


def stray_glyphs(text: str) -> Iterator[tuple[str, str | None]]:
    """(word as printed, word repaired or None) for each word of ``text`` holding a glyph no word has."""
    for m in _STRAY.finditer(text):
        word = m.group().rstrip(",;:.")
        yield word, _mend(word)


def _mend(word: str) -> str | None:
    """The word a stray glyph most likely stands in, when its place tells: None when it does not."""
    mended = re.sub(r"(?<=[A-Za-z])_(?=[A-Za-z])", " ", word)  # "Calls_on": a space
    mended = re.sub(r"~-|-~", "-", mended)  # "Secretary~-General"
    mended = re.sub(r"(?<=[A-Za-z])~(?=[A-Za-z])", "-", mended)  # "cease~fire"
    if "(" in mended and ")" not in mended:
        mended = mended.replace("}", ")")  # "(c}": the bracket misread
    mended = re.sub(r"(?<=[\w)])[_{}|\\~^]+$", "", mended)  # "El}": a speck after the word
    return None if _STRAY_GLYPH.search(mended) else mended


def ocr_damage(ctx: Context) -> Iterator[Hit]:
    """Words one misread glyph away from a frequent corpus word, absent from text and corpus.

    Also a word holding a glyph no word has ("Calls_on", "El}"): a speck read as a character.
    """
    own = Counter(w.lower() for _, text in ctx.texts() for w in re.findall(r"[A-Za-z]+", text))
    seen: dict[str, str | None] = {}  # a word recurs across paragraphs: judge it once
    # Footnotes are printed text too ("Tbid., document S/12210."): said as such.
    places = [(a, t, "") for a, t in ctx.texts()] + [(a, t, " in its footnote") for a, t in ctx.notes()]
    for address, text, where in places:
        for m in _WORD.finditer(text):
            repaired = seen[m[0]] if m[0] in seen else seen.setdefault(m[0], _repair(m[0], own))
            if repaired is not None:
                yield Hit(address, f'"{m[0]}"{where} looks like OCR damage of "{repaired}"',
                          f'write "{repaired}" if the printed text has it')
        for word, mended in stray_glyphs(text):
            if mended is None:
                yield Hit(address, f'"{word}"{where} holds a character no word has: OCR damage?',
                          "write the word the printed text has")
            else:
                yield Hit(address, f'"{word}"{where} holds a character no word has: OCR damage of "{mended}"?',
                          f'write "{mended}" if the printed text has it')
