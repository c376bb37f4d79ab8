"""Checks of the metadata an importer read: what is missing or cannot be right is a warning.

The meeting number of a Security Council resolution must fit its year. Council meetings are
numbered from the first (17 January 1946) without restarting, so each year has a range. The
table below gives the first meeting of each year, read from the 811 texts of the CR-UNSC corpus
(the lowest meeting number of each year's texts, made monotone where an OCR slip broke the
order, gaps filled by the neighbours); a meeting is plausible for year Y when it lies between
``first(Y) - 30`` and ``first(Y + 1) + 30``. Past the table the Council has held between 100 and
350 meetings a year, so the bounds widen with the distance. General Assembly plenary meetings
restart every session and stay below 200.
"""
from __future__ import annotations

import re

from drafting.importers.ledger import warn
from drafting.model import Body, Part, Resolution
from drafting.model.leads import detect_lead

_FIRST_MEETING = {
    1946: 1, 1947: 91, 1948: 229, 1949: 406, 1950: 459, 1951: 531, 1952: 571, 1953: 613,
    1954: 650, 1955: 690, 1956: 715, 1957: 765, 1958: 810, 1959: 845, 1960: 850, 1961: 930,
    1962: 990, 1963: 1030, 1964: 1090, 1965: 1180, 1966: 1270, 1967: 1340, 1968: 1387,
    1969: 1463, 1970: 1525, 1971: 1566, 1972: 1626, 1973: 1686, 1974: 1762, 1975: 1812,
    1976: 1870, 1977: 1985, 1978: 2060, 1979: 2110, 1980: 2190, 1981: 2260, 1982: 2320,
    1983: 2411, 1984: 2505, 1985: 2570, 1986: 2660, 1987: 2730, 1988: 2780, 1989: 2838,
    1990: 2900, 1991: 2973, 1992: 3026, 1993: 3157, 1994: 3325, 1995: 3490,
}
_SLACK = 30
_LAST = max(_FIRST_MEETING)


def meeting_range(year: int) -> tuple[int, int]:
    """The Security Council meeting numbers plausible for ``year``."""
    if year in _FIRST_MEETING and year + 1 in _FIRST_MEETING:
        return _FIRST_MEETING[year] - _SLACK, _FIRST_MEETING[year + 1] + _SLACK
    years = year - _LAST
    return _FIRST_MEETING[_LAST] + 100 * years - _SLACK, _FIRST_MEETING[_LAST] + 350 * (years + 1)


def plausible_meeting(body: Body, year: int | None, meeting: int) -> bool:
    if body is Body.GA:
        return 1 <= meeting <= 200
    if year is None or year < 1946:
        return year is None
    low, high = meeting_range(year)
    return low <= meeting <= high


# "... Cyprus; 2 Requests ...": a paragraph holding the number and lead of the next one.
_GLUED = re.compile(r"[;:.,]\s+(\d{1,2})\.?\s+([A-Z][a-z]+(?: [a-z]+)?)")


def check_paragraphs(resolution: Resolution) -> None:
    """Warn about paragraphs that seem to hold two: a closing mark, a number, an operative lead."""
    for address, paragraph in resolution.walk():
        for m in _GLUED.finditer(paragraph.text):
            if detect_lead(paragraph.text[m.start(1):].split(" ", 1)[-1], Part.OPERATIVE):
                quote = paragraph.text[max(0, m.start() - 25):m.end() + 10]
                warn(str(address), f"may hold two paragraphs (\"...{quote}...\"): split it by hand")
                break


# The marks printed texts use besides letters and digits; any other glyph ("El}", "Accord®",
# "XI¥", "|") is OCR damage no rule can undo for certain: kept, and warned about.
_PRINTED_MARKS = frozenset(".,;:!?'\"’‘“”()[]-–—‐/%&*+°§$£€@#=<>")


def check_glyphs(resolution: Resolution) -> None:
    """Warn, naming the paragraph and quoting the word, about each glyph no word has."""
    for address, paragraph in resolution.walk():
        odd = [w for w in paragraph.text.split()
               if any(not (c.isalnum() or c in _PRINTED_MARKS) for c in w)]
        if odd:
            shown = ", ".join(f'"{w}"' for w in dict.fromkeys(odd))
            warn(str(address), f"{shown}: a glyph no word has (OCR damage?), kept as printed; "
                               "check the printed text and correct it by hand")


def check_metadata(resolution: Resolution, adoption_line: bool) -> None:
    """Warn (into the import's ledger) about metadata missing or impossible."""
    if not adoption_line:
        warn("metadata", "no adoption line found: meeting and vote not read")
    elif resolution.meeting is None:
        warn("metadata", "the adoption line gives no meeting number that could be read")
    if resolution.adopted is None:
        warn("metadata", "no date of adoption could be read")
    meeting = resolution.meeting
    if meeting is not None and not plausible_meeting(resolution.body, resolution.year, meeting):
        warn("metadata", f"meeting {meeting} is not plausible for {resolution.year}: check the "
                         "adoption line and correct 'meeting' by hand")
