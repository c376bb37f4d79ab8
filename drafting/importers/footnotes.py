"""Footnotes of official texts: the numbered notes after the adoption line, and the markers.

A marker is a bare number standing after a word or punctuation mark ("Observer Force, 12",
"S/12611 of 19 March 1978; 23", "Lebanon 19 and") or a number and a slash ("1994, 1/"); it is
taken for a marker when a footnote of that number exists and the number is not part of the
sentence (a date, a paragraph number, a quantity). A number whose note the file lacks is taken
out only where the place proves a marker (after a date, a comma, a bracket, a name, a cited
document) and it counts nothing; a number kept that may be one is warned about, by paragraph.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from drafting.importers.ledger import removed, repaired, warn
from drafting.model import MONTH_RE, MONTHS, parse_ordinal

# Words after which a number belongs to the sentence, never a footnote marker.
_BEFORE = frozenset("""resolution resolutions paragraph paragraphs para para. paras No. no. of and to
from until by page pages p. pp. article articles Article Articles annex Annex chapter Chapter
item items the at its approximately some about over under than Corr. Add. Rev. Vol. vol.
section Section rule Rule document documents meeting meetings year years nos. Nos. or
protocol Protocol sub-paragraph subparagraph subparagraphs part Part number numbers per
between within after before since during first last next point points""".split())

# Words after which a number is a quantity or date, not a marker.
_AFTER = frozenset(MONTHS) | frozenset("""votes vote members member months month weeks week days day hours hour years year per
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


# A closing quotation mark glued to a word or point and followed by digits ("1990,”4 and":
# S/RES/671): OCR read the marker's superscript as the mark and the number.
_QUOTED_MARKER = re.compile(r"(?<=[^\W_]|[,.;:)])(?P<q>[”\"])(?P<n>\d{1,3})(?=\s|[,;:.)]|$)")


def quotation_open(text: str, at: int) -> bool:
    """Whether a quotation opened before ``at`` is still open there (curly or straight marks)."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _quoted_markers(text: str) -> list[tuple[int, int, int]]:
    """Markers printed as a closing mark and digits with no quotation open: the mark goes too.
    A number without its note is taken out as a lost marker (and warned about)."""
    return [(m.start(), m.end(), int(m["n"])) for m in _QUOTED_MARKER.finditer(text)
            if not quotation_open(text, m.start())]


def _scan(text: str, numbers: set[int]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """(start, end, number) of each footnote marker in ``text`` whose number is in ``numbers``, and
    of each marker whose note is missing where the place proves it (see ``_lost_marker``); and the
    numbers kept although they stand where a lost marker could."""
    found = _quoted_markers(text)
    kept: list[tuple[int, int, int]] = []
    quoted = {end for _, end, _ in found}
    for m in _MARKER.finditer(text):
        n = int(m.group("n"))
        if m.end() in quoted:
            continue  # read above with its quotation mark
        if n not in numbers:
            verdict = _lost_marker(text, m)
            if verdict is not None:
                (found if verdict else kept).append((m.start(), m.end(), n))
        elif _noted_marker(text, m):
            found.append((m.start(), m.end(), n))
    return sorted(found), kept


def _noted_marker(text: str, m: re.Match[str]) -> bool:
    """Whether the number of ``m``, whose note the file holds, stands as a marker."""
    start = m.start("n")
    prev = text[start - 1] if start else ""
    if prev.isdigit() or prev in "/-–":
        return False  # part of a longer number or a symbol (S/12611, 1981-1982)
    if m.group("slash"):  # "1/" style: unambiguous once it is not inside a symbol
        return not prev or prev.isspace() or prev in ",;."
    if not prev or (not prev.isspace() and prev not in ",;:)”\"'"):
        return False  # a paragraph number opening the text, or glued to a word ("Corr.1")
    word = _word_before(text, start)
    bare = word.rstrip(",;:")
    if bare in _BEFORE or (bare.isdigit() and len(bare) != 4) or not word:
        return False
    after = text[m.end():].split(None, 1)
    nxt = after[0].strip(",;:.") if after else ""
    follows_point = text[m.end():m.end() + 1] in (",", ".") and text[m.end() + 1:m.end() + 2].isdigit()
    return not (nxt in _AFTER or nxt.startswith("(") or follows_point)


# Words after which a number is a quantity or a reference number, never a lost marker
# ("including 60 military trainers", "rule 28 of its provisional rules", "paragraphe 4").
_COUNTS = frozenset("""including approximately some about around nearly almost over under than
least most more less only exactly up total totalling another additional with of at to
paragraph paragraphs paragraphe paragraphes rule rules article articles chapter chapters
section sections annex annexes item items resolution resolutions decision decisions page pages
part parts point points number numbers no. nos. alinéa résolution chapitre annexe""".split())

# Words a footnote cites, after which a marker stands: "the report 70 of", "agreement 70 to".
_CITED = frozenset("""report reports letter letters statement statements agreement agreements
note notes communication communications declaration declarations message messages memorandum
telegram proposal proposals conclusions recommendations accords accord""".split())

# What a marker follows at the end of a word: a comma, a closing bracket or quotation mark.
_CLOSES = (",", ")", "”", "’", '"', "'")

@lru_cache(maxsize=1)
def _words_after_to() -> frozenset[str]:
    """Words the corpus writes after "to" and never after a number (see ``tools/after_to.py``)."""
    data = resources.files("drafting").joinpath("data/after-to.txt").read_text(encoding="utf-8")
    return frozenset(line.split()[0] for line in data.splitlines() if line.strip())


def reads_to(text: str, start: int, end: int) -> bool:
    """Whether the "10" at ``text[start:end]`` is "to" read by OCR: it follows a word and comes
    before one the corpus writes after "to" and never after a number ("in order 10 ensure")."""
    if text[start:end].strip() != "10" or not text[:start].rstrip()[-1:].isalpha():
        return False
    nxt = text[end:].split(None, 1)
    return bool(nxt) and nxt[0] in _words_after_to() and _word_before(text, start).lower() not in _COUNTS


def _joined_word_before(text: str, start: int) -> str:
    """The word before ``start``, joined across a line-end hyphen ("para- graph" is "paragraph")."""
    m = re.search(r"([^\W\d_]+)- ([^\W\d_]+)\s*$", text[:start])
    return m[1] + m[2] if m else _word_before(text, start)


# Words that open what a verb governs: a word in -s before one is a verb ("96 constitutes a
# breach"), not a plural the number counts.
_OBJECT = frozenset("a an the its his her their this that these those such".split())


def _plural(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is a plural noun: lower case, in -s, no verb before an object."""
    w = words[i] if i < len(words) else ""
    follows = words[i + 1] if i + 1 < len(words) else ""
    return (w.islower() and len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is"))
            and follows not in _OBJECT)


def _counts_plural(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts the plural noun after it, maybe past one
    adjective ("60 military trainers"; "23 and 25" is excluded by the caller)."""
    words = re.findall(r"[^\W\d_]+|\S", text[end:end + 80])[:3]
    if _plural(words, 0):
        return True
    return (bool(words) and words[0] not in _PREPOSITIONS and words[0] not in _OBJECT
            and words[0] not in ("and", "or", "which", "who") and _plural(words, 1))


def _after_day_and_month(text: str, start: int) -> bool:
    """Whether ``start`` follows a day and its month ("on 23 May 92"): UN texts put the day
    first, so a number after the month is no day of it."""
    word = _word_before(text, start)
    return word in MONTHS and _word_before(text, start - len(word) - 1).isdigit()


def _marker_place(text: str, start: int) -> bool:
    """Whether a marker can stand before ``start``: after a comma, a closing bracket or quotation
    mark, a year, a day and month, a document symbol, a word a footnote cites, an ordinal or a name
    ("1978, 13", "(S/10859) 5", "26 April 20", "report 70", "Lebanon 39"), never a code in
    capitals ("Proclamation AG 8")."""
    word = _word_before(text, start)
    bare = word.rstrip(",;:")
    if word.endswith(_CLOSES) or "/" in bare or bare.lower() in _CITED:
        return True
    if bare.isdigit():
        return len(bare) == 4
    if bare in MONTHS:
        return _after_day_and_month(text, start)
    if parse_ordinal(bare.lower()) is not None:
        return True  # "the first 23 and second 25 monthly reports": an ordinal numbers no count
    name = bare.rsplit("-", 1)[-1]  # "Secretary-General"
    return name[:1].isupper() and name[1:].islower()


def _lost_marker(text: str, m: re.Match[str]) -> bool | None:
    """A number whose note the file lacks: True when it is a marker taken out (recorded and
    warned about, since no note proves it), False when it is kept although it stands where a
    marker could (warned about), None when it belongs to the sentence beyond doubt.

    Only one or two digits after a space, before a lower-case word that is no unit or month,
    never after a preposition or a word like "paragraph", nor the first of two numbers joined by
    "and", "or", "to" ("on 18 and 19 May 1979"), nor a "to" OCR read as "10", are candidates.
    A candidate is a marker only where a marker stands (``_marker_place``) and it counts nothing.
    """
    start = m.start("n")
    if m.group("slash") or len(m.group("n")) > 2 or not start or not text[start - 1].isspace():
        return None
    if reads_to(text, m.start(), m.end()):
        return None
    if re.match(r"\s+(?:and|or|to)\s+\d", text[m.end():]) and not _after_day_and_month(text, start):
        return None  # "on 18 and 19 May"; but "on 20 March 53 and 28 March": a day precedes its month
    bare = _word_before(text, start).rstrip(",")
    ordinal = parse_ordinal(bare.lower()) is not None  # "first 23 and second 25 reports"
    if not bare or ((bare in _BEFORE or bare.lower() in _BEFORE) and not ordinal) or bare.lower() in _PREPOSITIONS:
        return None
    if bare[-1:].isdigit() and not (bare.isdigit() and len(bare) == 4):
        return None
    if not (bare[-1:].isalpha() or bare[-1:] in _CLOSES or bare.isdigit()):
        return None
    after = text[m.end():].split(None, 1)
    nxt = after[0] if after else ""
    opens_date = re.match(rf"\s+\d{{1,2}} {MONTH_RE}\b", text[m.end():])  # "18 March, 8 11 June"
    if not (nxt.isalpha() and nxt.islower() and nxt not in _AFTER) and not opens_date:
        return None
    counted = _joined_word_before(text, start).lower().rstrip(",") in _COUNTS or _counts_plural(text, m.end())
    return not counted and _marker_place(text, start)


def _ten_read_for_to(text: str) -> str:
    """``text`` with each "10" that is "to" read by OCR repaired (recorded; same length, so the
    offsets of the markers hold)."""
    def repair(m: re.Match[str]) -> str:
        if not reads_to(text, m.start(), m.end()):
            return m[0]
        words = text[max(0, text.rfind(" ", 0, m.start() - 1) + 1):m.end()] + " " + text[m.end():].split(None, 1)[0]
        repaired("OCR: 10 read for to (the corpus writes to before the word, never a number)",
                 words, words.replace(" 10 ", " to ", 1))
        return "to"
    return re.sub(r"(?<=\s)10(?=\s+[a-z])", repair, text)


def strip_markers(text: str, numbers: set[int]) -> tuple[str, list[int]]:
    """``text`` without its footnote markers, and the marker numbers in order."""
    cleaned, marks = strip_markers_at(text, numbers)
    return cleaned, [n for n, _ in marks]




def _warn_numbers(text: str, markers: list[tuple[int, int, int]], kept: list[tuple[int, int, int]],
                  numbers: set[int]) -> None:
    """Record each marker taken out; warn about each one whose note is missing and each number
    kept that may be one. The anchor that finds the paragraph is the words before, less the
    markers taken out ("first 23 and second 25": the 25's anchor is "first and second")."""
    def anchor(start: int) -> str:
        before = text[max(0, start - 60):start]
        for s, e, _ in reversed(markers):
            if max(0, start - 60) <= s and e <= start:
                before = before[:s - max(0, start - 60)] + before[e - max(0, start - 60):]
        return before[-40:]

    for start, end, n in kept:
        quote = " ".join(text[max(0, start - 40):end + 25].split())
        warn("", f"{n} kept: may be a footnote marker whose note is missing (\"...{quote}...\"): "
                 "check the printed text", anchor=anchor(start))
    for start, end, n in markers:
        if n in numbers:
            removed("footnote marker", text[start:end])
            continue
        removed("footnote marker whose note is not in the file", text[start:end])
        quote = " ".join(text[max(0, start - 40):end + 25].split())
        warn("", f"{n!r} taken out as a footnote marker although the file holds no note {n} "
                 f"(\"...{quote}...\"): check the printed text", anchor=anchor(start))


def strip_markers_at(text: str, numbers: set[int]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without its footnote markers, and (number, offset in the result) of each marker
    in order: the offset is where the marker stood, after the words and mark it follows."""
    text = _ten_read_for_to(text)
    markers, kept = _scan(text, numbers)
    _warn_numbers(text, markers, kept, numbers)
    # A character the text lacks stands where each marker stood while the spaces are tidied.
    place = next(chr(c) for c in range(0xE000, 0xF900) if chr(c) not in text)
    out: list[str] = []
    last, seen = 0, []
    for start, end, n in markers:
        out.append(text[last:start])
        out.append(place)
        last = end
        seen.append(n)
    out.append(text[last:])
    cleaned = "".join(out)
    _warn_stray_quotes(cleaned.replace(place, ""))
    cleaned = re.sub(r"\s+([,;:.])", r"\1", cleaned)
    cleaned = " ".join(cleaned.split())
    places = []
    for n in seen:
        at = cleaned.index(place)
        cleaned = cleaned[:at] + cleaned[at + 1:]
        places.append((n, at))
    return cleaned, places


# A closing mark after a point, before a lower-case word ("1991," and taking note": S/RES/685).
_STRAY_QUOTE = re.compile(r"(?<=[,.;:])[”\"](?=\s+[a-z])")


def _warn_stray_quotes(text: str) -> None:
    """Warn about a closing quotation mark no quotation opened: kept, since the opening mark
    may be the one OCR lost, but most often it is a footnote marker misread."""
    for m in _STRAY_QUOTE.finditer(text):
        if not quotation_open(text, m.start()):
            quote = " ".join(text[max(0, m.start() - 30):m.end() + 20].split())
            warn("", f"closing quotation mark {m[0]} that no quotation opened (\"...{quote}...\"): a footnote "
                     "marker misread, or a quotation whose opening mark was lost; check the printed text",
                 anchor=text[max(0, m.start() - 40):m.start()])


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
    return {n: _ibid(" ".join(" ".join(parts).split())) for n, parts in notes.items()}


# A note opening with "Ibid." as OCR reads it: "[bid.", "I[bid.", "Tbid.", "Jbid.", "fbid.", "ibid.".
_IBID = re.compile(r"^(?:I?\[|[TJfli1|])bid\.")


def _ibid(note: str) -> str:
    """The note with its opening "Ibid." repaired (recorded): no other word opens a note so."""
    m = _IBID.match(note)
    if not m:
        return note
    return repaired("OCR: Ibid. misread at the start of a note", m[0], "Ibid.") + note[m.end():]
