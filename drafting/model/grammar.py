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

SYMBOL_RE = re.compile(r"\b[AS]/(?:RES/)?\d+(?:/[A-Za-z0-9]+(?:\.\d+)?)*(?: and Add\.\d+)?")
"""A UN document symbol: S/12333, A/68/L.29 and Add.1, S/RES/350 (the bracketed year apart)."""


# ---------------------------------------------------------------------------- counts in running text

def counted(n: int, noun: str, plural: str | None = None) -> str:
    """'1 text', '2 texts', '1 analysis', '3 analyses' (``plural`` when it is not noun + s)."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"
