"""Word-level rules: country names, UN spelling, typography, dates and "per cent".

The name and spelling lists are data (drafting/data/*.yaml, each with its source), loaded once.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterator

from drafting.checks.base import Context, Hit, quoted
from drafting.model import MONTH_RE

DATA = files("drafting") / "data"  # package data: found the same in a wheel and a checkout
_MONTH = MONTH_RE


@lru_cache(maxsize=None)
def _data(name: str) -> dict[str, Any]:
    import yaml

    with (DATA / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


def short_names() -> tuple[str, ...]:
    """The UN short names of countries (drafting/data/country-names.yaml, with its source)."""
    return tuple(_data("country-names.yaml")["short_names"])


def _year(ctx: Context) -> int | None:
    r = ctx.resolution
    return r.year or (r.adopted.year if r.adopted else None)


def _context_ok(text: str, start: int, end: int, before: list[str], after: list[str]) -> bool:
    """True when the match is part of a longer accepted name."""
    head = text[:start].rstrip()
    rest = text[end:]
    return (any(head.endswith(b) for b in after)
            or any(rest.lstrip(" ").startswith(a.lstrip()) and (a.startswith("-") or rest[:1] == " ")
                   for a in before))


# ---------------------------------------------------------------------------- country names

@dataclass(frozen=True)
class _Variant:
    pattern: re.Pattern[str]
    flag: str
    use: str
    since: int
    unless_after: tuple[str, ...]
    unless_before: tuple[str, ...]


@lru_cache(maxsize=None)
def _variants() -> tuple[_Variant, ...]:
    out = []
    for v in _data("country-names.yaml")["variants"]:
        pattern = re.compile(rf"(?<![\w.-]){re.escape(v['flag'])}(?![\w-])")
        out.append(_Variant(pattern, v["flag"], v["use"], int(v["since"]),
                            tuple(v.get("unless_after", ())), tuple(v.get("unless_before", ()))))
    return tuple(out)


@lru_cache(maxsize=None)
def _any_variant() -> re.Pattern[str]:
    """One pattern matching wherever any variant's name occurs (boundaries aside)."""
    flags = sorted({v.flag for v in _variants()}, key=lambda f: (-len(f), f))
    return re.compile("|".join(re.escape(f) for f in flags))


def country_name(ctx: Context) -> Iterator[Hit]:
    """Countries by their UN short names ("Viet Nam", not "Vietnam")."""
    year = _year(ctx)
    sponsors = [(None, name) for name in ctx.resolution.sponsors]  # the metadata's names too
    for address, text in [*sponsors, *ctx.texts()]:
        if not _any_variant().search(text):
            continue  # one pass clears most texts; only the rest are tried name by name
        for v in _variants():
            if year is not None and year < v.since:
                continue
            for m in v.pattern.finditer(text):
                if _context_ok(text, m.start(), m.end(), list(v.unless_before), list(v.unless_after)):
                    continue
                where = "" if address else " (in the sponsors)"
                yield Hit(address, f'"{v.flag}" is not the UN short name{where}', f'write "{v.use}"')


# ---------------------------------------------------------------------------- spelling

_TOKEN = re.compile(r"[A-Za-z]+")


def spelling(ctx: Context) -> Iterator[Hit]:
    """UN (Oxford) spelling: "programme", "centre", "labour", "defence", "fuelling"."""
    words = _data("spelling.yaml")["words"]
    for address, text in ctx.texts():
        for m in _TOKEN.finditer(text):
            word = m.group(0)
            entry = words.get(word.lower())
            if entry is None or word.isupper() and len(word) > 1:
                continue
            if word[0].isupper() and not _sentence_start(text, m.start()):
                continue  # a proper name: "Carter Center", "Israel Defense Forces"
            before = text[:m.start()].split()[-1:] or [""]
            if before[0].lower() in entry.get("unless_after", ()):
                continue
            use = entry["use"]
            use = use[0].upper() + use[1:] if word[0].isupper() else use
            kind = "-ise spelling" if "iz" in use and "is" in word.lower() else "US spelling"
            yield Hit(address, f'{kind} "{word}"', f'write "{use}"')


def _sentence_start(text: str, start: int) -> bool:
    head = text[:start].rstrip(" (\"“‘'")
    return not head or head[-1] in ".;:!?)"


# ---------------------------------------------------------------------------- typography

_APOS_STRAIGHT = re.compile(r"(?<=\w)'(?=\w)|(?<=s)'(?=\s)")
_APOS_CURLY = re.compile(r"(?<=\w)’(?=\w)|(?<=s)’(?=\s)")


def quote_style(ctx: Context) -> Iterator[Hit]:
    """One kind of apostrophe and one kind of quotation mark throughout the text."""
    kinds = (("apostrophe", _APOS_STRAIGHT, _APOS_CURLY, "'", "’"),
             ("quotation mark", re.compile('"'), re.compile("[“”]"), '"', "“ ”"))
    texts = list(ctx.texts())
    for name, straight, curly, s_sign, c_sign in kinds:
        counts = [(len(straight.findall(t)), len(curly.findall(t))) for _, t in texts]
        n_straight = sum(c[0] for c in counts)
        n_curly = sum(c[1] for c in counts)
        if not n_straight or not n_curly:
            continue
        # The text's own usage is the norm; on a tie, the typographic form of UN documents.
        minority_straight = n_straight <= n_curly
        sign, other = (s_sign, c_sign) if minority_straight else (c_sign, s_sign)
        for (address, _), (s, c) in zip(texts, counts):
            if (s if minority_straight else c):
                yield Hit(address, f"{name} {sign} where the rest of the text uses {other}",
                          f"write {other}")


# A straight mark opens after a space, a bracket or a dash (or at the start), else it closes.
_QUOTE_MARK = re.compile(r'[“”"]')
_OPENS_AFTER = " \t([—–-/"


def _quote_marks(text: str) -> Iterator[tuple[int, bool]]:
    """(offset, opens) of each double quotation mark of ``text``."""
    for m in _QUOTE_MARK.finditer(text):
        mark, before = m.group(), text[m.start() - 1:m.start()]
        yield m.start(), mark == "“" or (mark == '"' and (not before or before in _OPENS_AFTER))


def quote_pair(ctx: Context) -> Iterator[Hit]:
    """Every quotation is closed, and every closing mark closes one (a quotation may run on over paragraphs).

    A closing mark no quotation opened is most often a footnote marker or a stray speck that OCR
    read as a quotation mark ("1990,”4 and taking note"): the words are quoted so the officer
    finds it in the printed text.
    """
    texts = list(ctx.texts())
    opened: str | None = None  # the words where a quotation still open was opened
    for i, (address, text) in enumerate(texts):
        for offset, opens in _quote_marks(text):
            # A quotation of several paragraphs opens each anew and closes once, also when they
            # were printed in one ("“Rule 60 “The Security Council ...”"): no slip.
            if opens:
                opened = _around(text, offset)
            elif opened is None:
                yield Hit(address, f"closing quotation mark that no quotation opened: {_around(text, offset)}",
                          "remove it, or restore the opening mark or footnote marker the printed text has")
            else:
                opened = None
        runs_on = i + 1 < len(texts) and texts[i + 1][1][:1] in ("“", '"')
        if opened is not None and not runs_on:
            yield Hit(address, f"quotation opened and never closed: {opened}", "close the quotation")
            opened = None


def _around(text: str, offset: int, width: int = 30) -> str:
    """The words either side of ``offset``, as a quotation for a message."""
    start = text.rfind(" ", 0, max(0, offset - width)) + 1
    end = text.find(" ", min(len(text), offset + width))
    end = len(text) if end < 0 else end
    return f"“{'…' if start else ''}{text[start:end]}{'…' if end < len(text) else ''}”"


def double_space(ctx: Context) -> Iterator[Hit]:
    """No double spaces, and no space at the start or end of a paragraph."""
    for address, text in ctx.texts():
        if not text.strip():
            continue
        m = re.search(r"\S[ \t]{2,}\S", text)
        if m:
            yield Hit(address, f"double space after {quoted(text[:m.start() + 1], 30)}", "use one space")
        elif text != text.strip():
            yield Hit(address, "space at the start or end of the paragraph", "remove it")


_US_DATE = re.compile(rf"(?<!\d )\b({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?(,?)\s+(\d{{4}})\b")
_ORDINAL_DATE = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)\s+(?:of\s+)?({_MONTH})\b(?:,?\s+(\d{{4}}))?")
_COMMA_DATE = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH}),\s+(\d{{4}})\b")
_NUMERIC_DATE = re.compile(r"(?<![/\w])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![/\w])")


def date_style(ctx: Context) -> Iterator[Hit]:
    """Dates in UN style: "18 December 2013" (day, month, year; no comma, no ordinal)."""
    for address, text in ctx.texts():
        for m in _US_DATE.finditer(text):
            yield Hit(address, f'date "{m.group(0)}" in US order', f'write "{int(m.group(2))} {m.group(1)} {m.group(4)}"')
        for m in _ORDINAL_DATE.finditer(text):
            year = f" {m.group(3)}" if m.group(3) else ""
            yield Hit(address, f'date "{m.group(0)}" with an ordinal', f'write "{int(m.group(1))} {m.group(2)}{year}"')
        for m in _COMMA_DATE.finditer(text):
            yield Hit(address, f'comma in the date "{m.group(0)}"', f'write "{m.group(1)} {m.group(2)} {m.group(3)}"')
        for m in _NUMERIC_DATE.finditer(text):
            yield Hit(address, f'date "{m.group(0)}" in figures', 'write the month in words: "18 December 2013"')


_PERCENT_WORD = re.compile(r"\bpercent\b", re.IGNORECASE)
_PERCENT_SIGN = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s?%")


def per_cent(ctx: Context) -> Iterator[Hit]:
    """'per cent' in running text, not 'percent' or '%'."""
    for address, text in ctx.texts():
        for m in _PERCENT_WORD.finditer(text):
            yield Hit(address, f'"{m.group(0)}"', 'write "per cent"')
        for m in _PERCENT_SIGN.finditer(text):
            if _is_year_marker(text, m):
                continue
            yield Hit(address, f'"{m.group(0)}" in running text', f'write "{m.group(1)} per cent"')


def _is_year_marker(text: str, m: re.Match[str]) -> bool:
    """'10 July 1992%': an OCR slip for a footnote mark after a date, not a percentage."""
    return len(m.group(1)) == 4 and re.search(rf"{_MONTH}\s*$", text[:m.start()]) is not None


__all__ = ["country_name", "spelling", "quote_style", "quote_pair", "double_space", "date_style", "per_cent",
           "short_names"]
