"""UN grammar, written once for every stage: dates, ordinals, roman numerals, labels, symbols.

Importers read these forms, propose rewrites them, lint checks them and render writes them, so
each form has one reader and one writer here. Month names are spelled out rather than taken from
``%B``, which follows the C locale only until a program embedding the library calls
``locale.setlocale``.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

# ---------------------------------------------------------------------------- dates

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
MONTH_RE = "(?:" + "|".join(MONTHS) + ")"
"""A month name, as a regular-expression group that captures nothing."""
DATE_RE = rf"\d{{1,2}} {MONTH_RE} \d{{4}}"
"""A full UN date ('18 December 2013'), capturing nothing."""

_DATE = re.compile(rf"(\d{{1,2}}) ({MONTH_RE}) (\d{{4}})")


def format_date(value: dt.date) -> str:
    """UN style: 18 December 2013 (no leading zero, no comma)."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def make_date(year: int | str, month: str, day: int | str) -> dt.date | None:
    """The date of a year, month name and day; None for an impossible one (31 June, 39 May)."""
    try:
        return dt.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        return None


def parse_date(text: str, year_hint: int | str | None = None) -> dt.date | None:
    """'18 December 2013' -> date; '19 March' takes ``year_hint``; None when no real date."""
    text = text.strip()
    if year_hint is not None and len(text.split()) == 2:
        text = f"{text} {year_hint}"
    match = _DATE.fullmatch(text)
    if not match:
        return None
    day, month, year = match.groups()
    return make_date(year, month, day)


# ---------------------------------------------------------------------------- ordinals and numbers

ORDINAL_RE = (r"(?:(?:one|two) hundred )?"
              r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-)?"
              r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
              r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
              r"twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth|hundredth)")
"""An ordinal word up to 'two hundredth', lower case (match with re.IGNORECASE for capitals)."""


def ordinal_word(n: int) -> str:
    """69 -> 'sixty-ninth' (UN style: no 'and' in 'one hundred first')."""
    from num2words import num2words  # slow to import; only the writers need it

    return str(num2words(n, to="ordinal")).replace(" and ", " ")


def number_word(n: int) -> str:
    """69 -> 'sixty-nine' (no 'and', as in :func:`ordinal_word`)."""
    from num2words import num2words

    return str(num2words(n)).replace(" and ", " ")


@lru_cache(maxsize=1)
def _ordinals() -> dict[str, int]:
    return {ordinal_word(n): n for n in range(1, 201)}


def parse_ordinal(word: str) -> int | None:
    """'Sixty-ninth' -> 69; None when the word is no ordinal up to 200."""
    return _ordinals().get(word.lower().replace("hundred and ", "hundred "))


# The meeting a resolution was adopted at, as its closing lines print it: "69th plenary meeting"
# (General Assembly), "Adopted at its 1856th meeting" (Security Council). Older texts print "2d",
# "3d", "22d" for "2nd", "3rd", "22nd". Group 1 holds the number.
MEETING_ORDINAL_RE = r"(\d+)(?:st|nd|rd|th|d)"
PLENARY_RE = rf"{MEETING_ORDINAL_RE} plenary meeting"


def ordinal_digits(n: int) -> str:
    """11 -> '11th', 2266 -> '2266th', 3081 -> '3081st' (meetings: '69th plenary meeting')."""
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th") if n % 100 not in (11, 12, 13) else "th"
    return f"{n}{suffix}"


# ---------------------------------------------------------------------------- roman numerals and labels

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
          (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    """Lower-case roman numeral: 4 -> 'iv'."""
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@lru_cache(maxsize=1)
def _romans() -> dict[str, int]:
    return {roman(n): n for n in range(1, 400)}


def from_roman(text: str) -> int:
    """'iv' or 'IV' -> 4. Only the canonical form is a numeral: 'iix' or 'iiii' raise ValueError."""
    value = _romans().get(text.lower())
    if value is None:
        raise ValueError(f"expected a roman numeral such as iv or XV, found {text!r}")
    return value


def is_roman(text: str) -> bool:
    """Whether ``text`` is a canonical roman numeral (either case)."""
    return text.lower() in _romans()


def letter(n: int) -> str:
    """1 -> 'a', 26 -> 'z', 27 -> 'aa' (the UN doubles the letter past z)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def label(depth: int, n: int) -> str:
    """The printed label of the n-th sub-paragraph at ``depth`` (1: (a), 2: (i), 3: a., ...)."""
    if depth % 2 == 1:
        return letter(n)
    return roman(n)


def unlabel(depth: int, text: str) -> int:
    """The number a label stands for at ``depth``: 'b' at depth 1 -> 2, 'ii' at depth 2 -> 2."""
    if depth % 2 == 1:
        if len(set(text)) != 1 or not text.isalpha() or not text.islower():
            raise ValueError(text)
        return (ord(text[0]) - ord("a") + 1) + 26 * (len(text) - 1)
    return from_roman(text)


# ---------------------------------------------------------------------------- document symbols

# More numbers of the same part ("Add.1 and 2", "Corr.1, 2 and 3"); never a date ("Add.1 and 2 May").
_MORE_PARTS = rf"(?:(?:,| and) \d+\b(?!\s+{MONTH_RE}\b|/|\.\d))*"
_PART = rf"(?:Add|Corr|Rev)\.\d+{_MORE_PARTS}"
SYMBOL_RE = re.compile(rf"\b[AS]/(?:RES/)?\d+(?:/(?:{_PART}|[A-Za-z0-9]+(?:\.\d+)?))*(?: and {_PART})*")
"""A UN document symbol with its addenda and corrigenda: S/12333, A/68/L.29 and Add.1,
S/11670 and Corr.1 and 2, S/1994/888/Add.1 and 2, S/RES/350 (the bracketed year apart)."""


# ---------------------------------------------------------------------------- lists of dates

_DAY_MONTH = rf"\d{{1,2}}(?: {MONTH_RE})?"
DATE_LIST_RE = rf"(?:{_DAY_MONTH}(?:, |,? and )(?:{_DAY_MONTH}(?:, |,? and ))*)?{DATE_RE}"
"""One date or several sharing a year: '31 May and 13 June 1990', '11 and 12 June 1986', '3, 5 and 9 May 1990'."""

_DATE_LIST = re.compile(DATE_LIST_RE)


def parse_date_list(text: str) -> list[dt.date] | None:
    """'31 May and 13 June 1990' -> [31 May 1990, 13 June 1990]; None when not such a list.

    A day without a month takes the next month named ('11 and 12 June' are both June).
    """
    text = text.strip()
    if not _DATE_LIST.fullmatch(text):
        return None
    parts = [p.strip() for p in re.split(r",? and |, ", text)]
    year = parts[-1].rsplit(" ", 1)[1]
    month = None
    out: list[dt.date] = []
    for part in reversed(parts):
        words = part.split()
        if len(words) >= 2:
            month = words[1]
        day = make_date(year, month or "", words[0]) if month else None
        if day is None:
            return None
        out.append(day)
    out.reverse()
    return out if out == sorted(set(out)) else None


def format_date_list(days: list[dt.date]) -> str:
    """UN style for dates of one year, days of a month together: '31 May and 13 June 1990',
    '11 and 12 June 1986', '31 May and 11 and 12 June 1986'.

    Dates of several years are each written whole: '30 November 1989 and 31 May 1990'.
    """
    days = sorted(set(days))
    if len({d.year for d in days}) > 1:
        return _and([format_date(d) for d in days])
    months: list[list[dt.date]] = []
    for day in days:
        if months and months[-1][-1].month == day.month:
            months[-1].append(day)
        else:
            months.append([day])
    groups = [f"{_and([str(d.day) for d in group])} {MONTHS[group[0].month - 1]}" for group in months]
    return f"{_and(groups)} {days[0].year}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# ---------------------------------------------------------------------------- dates as other writers write them

_MONTH_ABBREVIATIONS = {m[:3]: m for m in MONTHS} | {"Sept": "September"}
_LOOSE_MONTH = rf"(?:{MONTH_RE}|(?:{'|'.join(_MONTH_ABBREVIATIONS)})\.?)"
_LOOSE_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
LOOSE_RANGE_RE = (rf"(?:{_LOOSE_DAY}(?: {_LOOSE_MONTH})?\s*(?:-|–|to)\s*{_LOOSE_DAY} {_LOOSE_MONTH},? \d{{4}}"
                  rf"|{_LOOSE_MONTH} {_LOOSE_DAY}\s*(?:-|–|to)\s*{_LOOSE_DAY},? \d{{4}})")
"""A range of days as press releases and communiqués write it: '19th to 22nd November 2013',
'27-30 November 2012', 'Nov. 16-20, 2015', '30 September to 4 October 2013'."""
LOOSE_DATE_RE = rf"(?:{_LOOSE_DAY} {_LOOSE_MONTH},? \d{{4}}|{_LOOSE_MONTH} {_LOOSE_DAY}, \d{{4}})"
"""One date as other writers write it: '22nd November 2013', '14 May 1986', 'May 14, 1986'."""


def _month(word: str) -> str:
    word = word.rstrip(".")
    return word if word in MONTHS else _MONTH_ABBREVIATIONS.get(word, "")


def parse_loose_date(text: str) -> dt.date | None:
    """'22nd November 2013', 'Nov. 20, 2015', 'May 14, 1986' -> date; None when not one."""
    words = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text.replace(",", " ")).split()
    if len(words) != 3:
        return None
    day, month, year = (words[0], words[1], words[2]) if words[0].isdigit() else (words[1], words[0], words[2])
    return make_date(year, _month(month), day) if _month(month) and year.isdigit() else None


def parse_loose_range(text: str) -> tuple[dt.date, dt.date] | None:
    """A range of :data:`LOOSE_RANGE_RE` as (first day, last day); None when not one."""
    clean = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", text).replace(",", " ")
    m = re.fullmatch(r"\s*(\d{1,2})(?: ([A-Za-z.]+))?\s*(?:-|–|to)\s*(\d{1,2}) ([A-Za-z.]+)\s+(\d{4})\s*", clean)
    if m:
        d1, m1, d2, m2, year = m.groups()
    else:
        m = re.fullmatch(r"\s*([A-Za-z.]+) (\d{1,2})\s*(?:-|–|to)\s*(\d{1,2})\s+(\d{4})\s*", clean)
        if not m:
            return None
        m1, d1, d2, year = m.groups()
        m2 = m1
    start, end = make_date(year, _month(m1 or m2), d1), make_date(year, _month(m2), d2)
    return (start, end) if start and end and start <= end else None


# ---------------------------------------------------------------------------- counts in running text

def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 text', '2 texts', '1 analysis', '3 analyses' (``plural`` when it is not noun + s)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
