"""Footnotes of official texts: the numbered notes after the adoption line, and the markers.

A marker is a bare number standing after a word or punctuation mark ("Observer Force, 12",
"S/12611 of 19 March 1978; 23", "Lebanon 19 and") or a number and a slash ("1994, 1/"); it is
only taken for a marker when a footnote of that number exists and the number is not part of the
sentence (a date, a paragraph number, a quantity).
"""
from __future__ import annotations

import re

from drafting.importers.ledger import removed, warn

# Words after which a number belongs to the sentence, never a footnote marker.
_BEFORE = frozenset("""resolution resolutions paragraph paragraphs para para. paras No. no. of and to
from until by page pages p. pp. article articles Article Articles annex Annex chapter Chapter
item items the at its approximately some about over under than Corr. Add. Rev. Vol. vol.
section Section rule Rule document documents meeting meetings year years nos. Nos. or
protocol Protocol sub-paragraph subparagraph subparagraphs part Part number numbers per
between within after before since during first last next point points""".split())

# Words after which a number is a quantity or date, not a marker.
_AFTER = frozenset("""January February March April May June July August September October November
December votes vote members member months month weeks week days day hours hour years year per
troops men officers persons observers States countries kilometres km miles per cent percent
times o'clock a.m. p.m. (""".split())

# A footnote mark follows what it annotates, never a preposition ("on 18 and 19 May", "for 4").
_PREPOSITIONS = frozenset("for in on with as at upon into onto under over by from to of".split())

_MARKER = re.compile(
    r"(?P<space>\s?)(?P<n>\d{1,3})(?P<slash>/)?(?=(?P<after>\s+\S+|[,;:.)]|$))")


def _word_before(text: str, start: int) -> str:
    before = text[:start].rstrip()
    words = before.split()
    return words[-1] if words else ""


def find_markers(text: str, numbers: set[int]) -> list[tuple[int, int, int]]:
    """(start, end, number) of each footnote marker in ``text`` whose number is in ``numbers``."""
    found = []
    for m in _MARKER.finditer(text):
        n = int(m.group("n"))
        start = m.start("n")
        if n not in numbers:
            if _lost_marker(text, m, numbers):
                found.append((m.start(), m.end(), n))
            continue
        prev = text[start - 1] if start else ""
        if prev.isdigit() or prev in "/-–":
            continue  # part of a longer number or a symbol (S/12611, 1981-1982)
        if m.group("slash"):  # "1/" style: unambiguous once it is not inside a symbol
            if prev and not (prev.isspace() or prev in ",;."):
                continue
            found.append((m.start(), m.end(), n))
            continue
        if prev and not prev.isspace() and prev not in ",;:)”\"'":
            continue  # glued to a word or a point ("Corr.1")
        if not prev:
            continue  # a number opening the text is a paragraph number, not a marker
        word = _word_before(text, start)
        bare = word.rstrip(",;:")
        if bare in _BEFORE or (bare.isdigit() and len(bare) != 4) or not word:
            continue
        if prev.isspace() and word[-1:] in ",;" and bare.isdigit() and len(bare) != 4:
            continue
        after = text[m.end():].split(None, 1)
        nxt = after[0].strip(",;:.") if after else ""
        follows_point = text[m.end():m.end() + 1] in (",", ".") and text[m.end() + 1:m.end() + 2].isdigit()
        if nxt in _AFTER or nxt.startswith("(") or follows_point:
            continue
        found.append((m.start(), m.end(), n))
    return found


def _lost_marker(text: str, m: re.Match[str], numbers: set[int]) -> bool:
    """A marker whose note is missing from the file: only where nothing else can be meant.

    One or two digits after a word, a closing bracket or a year (not after a preposition or
    "paragraph" and the like: "on 18", "for 4"), before a lower-case word that is no unit or
    month, and not the first of two numbers joined by "and", "or", "to" ("on 18 and 19 May
    1979"): "19 March 1978, 13 approved by", "Force in Lebanon 39 and noting". The taking out
    is recorded and warned about, since no note proves it.
    """
    if m.group("slash"):
        return False
    if re.match(r"\s+(?:and|or|to)\s+\d", text[m.end():]):
        return False
    start = m.start("n")
    if len(m.group("n")) > 2 or not start or not text[start - 1].isspace():
        return False
    word = _word_before(text, start)
    bare = word.rstrip(",")
    if not bare or bare in _BEFORE or bare.lower() in _BEFORE or bare.lower() in _PREPOSITIONS:
        return False
    if bare[-1:].isdigit() and not (bare.isdigit() and len(bare) == 4):
        return False
    if not (bare[-1:].isalpha() or bare[-1:] == ")" or bare.isdigit()):
        return False
    after = text[m.end():].split(None, 1)
    nxt = after[0] if after else ""
    return nxt.isalpha() and nxt.islower() and nxt not in _AFTER


def strip_markers(text: str, numbers: set[int]) -> tuple[str, list[int]]:
    """``text`` without its footnote markers, and the marker numbers in order."""
    cleaned, marks = strip_markers_at(text, numbers)
    return cleaned, [n for n, _ in marks]




def strip_markers_at(text: str, numbers: set[int]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its footnote markers, and (number, offset in the result) of each marker
    in order: the offset is where the marker stood, after the words and mark it follows."""
    markers = find_markers(text, numbers)
    # A character the text lacks stands where each marker stood while the spaces are tidied.
    place = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    out: list[str] = []
    last, seen = 0, []
    for start, end, n in markers:
        if n in numbers:
            removed("footnote marker", text[start:end])
        else:
            removed("footnote marker whose note is not in the file", text[start:end])
            quote = " ".join(text[max(0, start - 40):end + 25].split())
            warn("", f"{n!r} taken out as a footnote marker although the file holds no note {n} "
                     f"(\"...{quote}...\"): check the printed text", anchor=text[max(0, start - 40):start])
        out.append(text[last:start])
        out.append(place)
        last = end
        seen.append(n)
    out.append(text[last:])
    cleaned = "".join(out)
    cleaned = re.sub(r"\s+([,;:.])", r"\1", cleaned)
    cleaned = " ".join(cleaned.split())
    places = []
    for n in seen:
        at = cleaned.index(place)
        cleaned = cleaned[:at] + cleaned[at + 1:]
        places.append((n, at))
    return cleaned, places


# "12 Ibid.", "12/ Ibid.", "12. Ibid.", and "33.One member" (the space lost).
_NOTE_START = re.compile(r"^\s*(\d{1,3})(?:(?:/|\.(?=\s))?\s+(?=\S)|\.(?=[A-Z][a-z]))")


def _unglue(lines: list[str]) -> list[str]:
    """Two notes printed on one line ("56 Ibid., document S/20976.57 S/20998.") become two lines."""
    out = []
    for line in lines:
        first = _NOTE_START.match(line)
        while first:
            following = int(first[1]) + 1
            glued = re.search(rf"(?<=\.)\s*{following}\s+(?=[A-Z])", line)
            if not glued:
                break
            out.append(line[:glued.start()])
            line = line[glued.start():].lstrip()
            first = _NOTE_START.match(line)
        out.append(line)
    return out


def text_before_notes(lines: list[str]) -> tuple[str, list[str]]:
    """The unnumbered text between the adoption line and the first footnote, and the rest."""
    for i, line in enumerate(lines):
        if _NOTE_START.match(line):
            return " ".join(" ".join(lines[:i]).split()), lines[i:]
    return " ".join(" ".join(lines).split()), []


def parse_notes(lines: list[str]) -> dict[int, str]:
    """Footnote number -> text, from the lines after the adoption line (numbers increase)."""
    notes: dict[int, list[str]] = {}
    current: int | None = None
    for line in _unglue(lines):
        if not line.strip():
            continue
        m = _NOTE_START.match(line)
        if m and (current is None or int(m.group(1)) > current) and not line[m.end():].startswith(("(", "of ")):
            current = int(m.group(1))
            removed("footnote number", m[0])
            notes[current] = [line[m.end():]]
        elif current is not None:
            notes[current].append(line)
    return {n: " ".join(" ".join(parts).split()) for n, parts in notes.items()}
