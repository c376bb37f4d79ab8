"""Facts files, and facts as a resolution's text states them.

A facts file is a YAML mapping of fact names to values: strings, numbers, dates, lists of names,
mappings (``{from: 2014-11-11, to: 2014-11-14}`` is a date range), lists of mappings, and
``null`` for "none this year". A precedent's ``facts`` block holds the same keys for its year.

This module knows how a value is written in a UN text (lists as "A, B and C" with "the" where a
name takes it, dates as "18 December 2013", ranges as "19 to 22 November 2013", ordinals as words,
numbers as digits or words) and finds a value in a paragraph in whichever of those forms the text
used, so :mod:`drafting.proposal.engine` can write the new value in the same form.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterator, Mapping

# Dates and ordinals as the UN writes them live in the model, one copy for every stage; facts
# files are read and checked by the store, one loader (and one set of messages) for every command.
from drafting.model import (MONTH_RE, MONTHS, format_date, number_word,
                            ordinal_digits, ordinal_word, parse_ordinal)
from drafting.model.grammar import DATE_LIST_RE, format_date_list, parse_date_list
from drafting.store import load_facts, loads_facts  # noqa: F401


# Names the UN writes with "the": "the Russian Federation", "the Niger", "the Netherlands".
_ARTICLE_WORDS = ("Republic", "Federation", "United", "Union", "Kingdom", "States", "Islands",
                  "Emirates", "Commission", "Council", "Organization", "Secretariat", "Community")
_ARTICLE_NAMES = ("Netherlands", "Philippines", "Gambia", "Bahamas", "Comoros", "Maldives", "Niger",
                  "Sudan", "Holy See", "Congo", "Seychelles", "Marshall Islands", "Czech Republic")


# ---------------------------------------------------------------------------- rendering


def format_range(start: dt.date, end: dt.date) -> str:
    """'19 to 22 November 2013', '30 September to 4 October 2013', or across years in full."""
    if start.year != end.year:
        return f"{format_date(start)} to {format_date(end)}"
    if start.month != end.month:
        return f"{start.day} {MONTHS[start.month - 1]} to {format_date(end)}"
    return f"{start.day} to {format_date(end)}"


def format_list(items: list[str], conj: str = "and", serial: bool = False) -> str:
    """'A, B and C' (UN style: no comma before the conjunction unless ``serial``)."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    last = f"{',' if serial and len(items) > 2 else ''} {conj} {items[-1]}"
    return ", ".join(items[:-1]) + last


def needs_article(name: str) -> bool:
    """True for names the UN writes with "the" in running text ("the Russian Federation")."""
    words = name.split()
    return any(w in _ARTICLE_WORDS for w in words) or name in _ARTICLE_NAMES


def match_case(template: str, text: str) -> str:
    """``text`` capitalised like ``template`` (for values that open a sentence)."""
    if template[:1].isupper() and text[:1].islower():
        return text[:1].upper() + text[1:]
    return text


def render(value: Any) -> str:
    """A value as running text, in the default form."""
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, Mapping) and set(value) == {"from", "to"}:
        return format_range(value["from"], value["to"])
    if is_date_list(value):
        return format_date_list(value)
    if isinstance(value, list):
        return format_list([("the " if needs_article(str(v)) else "") + render(v) for v in value])
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int) and value >= 10000:
        return f"{value:,}"
    return str(value)


# ---------------------------------------------------------------------------- finding


@dataclass(frozen=True)
class Found:
    """One place where a value is stated: the span, and how to write a new value the same way."""

    start: int
    end: int
    text: str
    write: Callable[[Any], str]


def _bounded(pattern: str) -> str:
    # Word boundaries that also work for values ending in "." or starting with "(".
    return rf"(?<![\w/]){pattern}(?![\w/])"


def _literal(value: str, text: str) -> Iterator[Found]:
    for m in re.finditer(_bounded(re.escape(value)), text):
        yield Found(m.start(), m.end(), m.group(), partial(_same_case, m.group(), render))


def is_date_list(value: Any) -> bool:
    """A list of dates: one fact of several days ('the reports of 31 May and 13 June 1990')."""
    return isinstance(value, list) and bool(value) and all(isinstance(v, dt.date) for v in value)


def write_dates(new: Any) -> str:
    """A date or a list of dates in UN style ('31 May and 13 June 1990')."""
    if isinstance(new, dt.date):
        return format_date(new)
    return format_date_list(new) if is_date_list(new) else render(new)


def _date_list(values: list[dt.date], text: str) -> Iterator[Found]:
    """The list written the UN way ('11 and 12 June 1986') or each date in full."""
    wanted = sorted(set(values))
    for m in re.finditer(DATE_LIST_RE, text):
        if parse_date_list(m.group()) == wanted:
            yield Found(m.start(), m.end(), m.group(), write_dates)


def _ordinal(value: str, text: str) -> Iterator[Found]:
    n = parse_ordinal(value)
    for m in re.finditer(_bounded(re.escape(value)), text, re.IGNORECASE):
        yield Found(m.start(), m.end(), m.group(), partial(_same_case, m.group(), _ordinal_of))
    if n is not None:
        for m in re.finditer(_bounded(ordinal_digits(n)), text):
            yield Found(m.start(), m.end(), m.group(), _ordinal_number)


def _same_case(old: str, writer: Callable[[Any], str], new: Any) -> str:
    """The new value written by ``writer``, capitalised like the words it replaces."""
    return match_case(old, writer(new))


def _number_word(new: Any) -> str:
    return number_word(new) if isinstance(new, int) else str(new)


def _ordinal_of(new: Any) -> str:
    return ordinal_word(new) if isinstance(new, int) else str(new)


def _ordinal_number(new: Any) -> str:
    n = new if isinstance(new, int) else parse_ordinal(str(new))
    return str(new) if n is None else ordinal_digits(n)


def _number(value: int | float, text: str) -> Iterator[Found]:
    digits = [str(value)] + ([f"{value:,}"] if isinstance(value, int) and value >= 1000 else [])
    for form in digits:
        # Not a day of a date, not part of a symbol or a larger number.
        pattern = rf"(?<![\w/.,]){re.escape(form)}(?![\w/]|[.,]\d| (?:{MONTH_RE})\b)"
        for m in re.finditer(pattern, text):
            if re.search(rf"\b(?:{MONTH_RE})\s*$", text[:m.start()]):
                continue
            yield Found(m.start(), m.end(), m.group(), partial(_digits_like, form))
    if isinstance(value, int) and 0 < value < 1000:
        for m in re.finditer(_bounded(re.escape(number_word(value))), text, re.IGNORECASE):
            yield Found(m.start(), m.end(), m.group(), partial(_same_case, m.group(), _number_word))


def _digits_like(old_form: str, new: Any) -> str:
    if isinstance(new, int) and "," in old_form:
        return f"{new:,}"
    return str(new)


def _list(values: list[Any], text: str) -> Iterator[Found]:
    names = [render(v) for v in values]
    item = [rf"(?:(the) )?{re.escape(n)}" for n in names]
    if len(names) == 1:
        pattern = item[0]
    else:
        pattern = ", ".join(item[:-1]) + r"(,?) (and|or) " + item[-1]
    for m in re.finditer(_bounded(pattern), text):
        groups = m.groups()
        with_article = {names[i] for i in range(len(names) - 1) if groups[i]}
        if groups[-1]:
            with_article.add(names[-1])
        serial, conj = (bool(groups[-3]), groups[-2]) if len(names) > 1 else (False, "and")
        yield Found(m.start(), m.end(), m.group(),
                    partial(_write_list, with_article=frozenset(with_article), old=frozenset(names), conj=conj,
                            serial=serial))


def _write_list(new: Any, with_article: frozenset[str], old: frozenset[str], conj: str, serial: bool) -> str:
    if not isinstance(new, list):
        return render(new)
    out = []
    for v in new:
        name = render(v)
        article = name in with_article if name in old else needs_article(name)
        out.append(("the " if article else "") + name)
    return format_list(out, conj, serial)


def find(value: Any, text: str) -> list[Found]:
    """Every place ``text`` states ``value``, in any of the forms a UN text uses, in order.

    Where forms overlap the longest wins, so "19 to 22 November 2013" is one place, not two.
    """
    if value is None or isinstance(value, bool):
        return []
    if isinstance(value, dt.date):
        found = [Found(f.start, f.end, f.text, write_dates) for f in _literal(format_date(value), text)]
    elif isinstance(value, Mapping) and set(value) == {"from", "to"}:
        found = list(_literal(format_range(value["from"], value["to"]), text))
    elif is_date_list(value):
        found = list(_date_list(value, text))
    elif isinstance(value, list):
        found = list(_list(value, text)) if value and all(isinstance(v, (str, int, float, dt.date)) for v in value) else []
    elif isinstance(value, (int, float)):
        found = list(_number(value, text))
    elif isinstance(value, str) and value.strip():
        found = list(_ordinal(value, text)) if parse_ordinal(value) else list(_literal(value, text))
    else:
        found = []
    return _longest_first(found)


def _longest_first(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for f in sorted(found, key=lambda f: (-(f.end - f.start), f.start)):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)


# ---------------------------------------------------------------------------- fact leaves


def leaves(facts: Mapping[str, Any]) -> dict[str, Any]:
    """The facts as flat paths to single statable values.

    Scalars, lists of names and date ranges are leaves; other mappings and lists of mappings are
    opened: ``chair_report.symbol``, ``admitted[0].participant``.
    """
    out: dict[str, Any] = {}

    def walk(path: str, value: Any) -> None:
        if isinstance(value, Mapping) and set(value) != {"from", "to"}:
            for k, v in value.items():
                walk(f"{path}.{k}", v)
        elif isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value):
            for i, v in enumerate(value):
                walk(f"{path}[{i}]", v)
        else:
            out[path] = value

    for key, value in facts.items():
        if key != "sources":  # where the facts come from, never stated in the text
            walk(str(key), value)
    return out


def missing(facts: Mapping[str, Any], path: str) -> bool:
    """True when the facts hold no value at all for ``path`` (null is a value: "none")."""
    return path not in leaves(facts) and not _null_parent(facts, path)


def _null_parent(facts: Mapping[str, Any], path: str) -> bool:
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    return top in facts and facts[top] is None


def lookup(facts: Mapping[str, Any], path: str) -> Any:
    """The value at ``path``; None when it (or the key above it) is null."""
    if _null_parent(facts, path):
        return None
    return leaves(facts).get(path)


# ---------------------------------------------------------------------------- facts a text states

# Nouns that name what a date or a document symbol belongs to, nearest first wins.
_NOUNS = ("report", "letter", "statement", "communication", "note", "complaint", "debate",
          "meeting", "decision", "agreement", "declaration", "communiqué")
DOCUMENT_NOUNS = _NOUNS  # what the dates and symbols of a renewal belong to


def noun_before(text: str, start: int, window: int = 25) -> str | None:
    """The document noun ('report', 'letter', ...) nearest before ``start``: what a date there belongs to."""
    words = re.findall(r"[A-Za-zé]+", text[:start])[-window:]
    for word in reversed(words):
        for noun in _NOUNS:
            if word.lower() in (noun, noun + "s"):
                return noun
    return None


def short_symbol(symbol: str | None) -> str | None:
    """'A/RES/68/128' -> '68/128'; 'S/RES/803 (1993)' -> '803 (1993)'."""
    if not symbol:
        return None
    match = re.search(r"(\d+/\d+|\d+ ?\(\d{4}\))\s*$", symbol)
    return match.group(1) if match else None
