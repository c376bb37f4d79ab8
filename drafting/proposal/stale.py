"""Paragraphs still speaking of last time: old-year mentions and facts the new facts do not give.

Part of :mod:`drafting.proposal.engine` (it calls :func:`stale` on its working texts once the
rules are done; nothing here imports it).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any, Mapping

from drafting.model import DATE_RE, MONTH_RE, MONTHS, Body, Flag, FlagKind, Resolution, format_date
from drafting.proposal import facts as F
from drafting.proposal.placeholders import last_time
from drafting.proposal.verify import quote
from drafting.proposal.vocabulary import label

if TYPE_CHECKING:  # pragma: no cover
    from drafting.proposal.work import Work

# A date that belongs to a reference ("resolution 2101 (2013) of 25 April 2013") is no event.
_AFTER_REF = re.compile(r"(?:\d+/\d+|\d+ ?\(\d{4}\))\s+of\s+$")


def _old_year_mentions(text: str, year: int) -> list[str]:
    """The dates, months and bare years of ``year`` in ``text`` that are no reference's date."""
    out: list[str] = []
    taken: list[tuple[int, int]] = []
    patterns = (rf"\d{{1,2}}(?: (?:{MONTH_RE}))? to {DATE_RE}", DATE_RE, rf"(?:{MONTH_RE}) \d{{4}}",
                rf"(?<![\d/(]){year}(?![\d)])")
    for pattern in patterns:
        for m in re.finditer(pattern, text):
            if not m.group().endswith(str(year)) or any(s <= m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            if _AFTER_REF.search(text[:m.start()]):
                continue
            out.append(m.group())
    return sorted(set(out), key=text.index)


def stale(work: Work) -> None:
    """Flag each paragraph that still speaks of the old year or states facts the new facts do not give."""
    year, when = work.precedent.year, new_text(work.precedent)
    now = F.leaves(work.new_facts)
    # A date the new facts give is this period's, even in the precedent's year (six-monthly renewals).
    current = {F.render(v) for v in now.values() if v is not None}
    # Each day of a list of dates ("13 and 14 September 1993") is this period's too.
    current |= {format_date(d) for v in now.values() if F.is_date_list(v) for d in v}
    gone = _gone_months(F.leaves(work.precedent.facts), now)
    for address, text in work.texts.items():
        reasons = _stale_facts(work.stale_facts.get(address, []), when)
        said = {w for _, w in work.stale_facts.get(address, [])}
        mentions = [m for m in _old_year_mentions(last_time(text), year) if m not in current and m not in said] \
            if year else []
        if mentions:
            reasons.append(f"still speaks of {year} ({', '.join(quote(m) for m in mentions)})")
        months = [m for m in _old_months(text, gone) if m not in mentions]
        if months:
            reasons.append(f"still names {', '.join(quote(m) for m in months)}, the month one of last time's "
                           "dates fell in")
        if reasons:
            work.flags.append(Flag(address, FlagKind.STALE, f"{address} {' and '.join(reasons)}: update or delete"))


# A month not a date's day: alone ("during November") or with its year ("during January 1991").
_MONTH_NAMED = re.compile(rf"(?<!\d )\b({MONTH_RE})\b(?: (\d{{4}}))?(?! \d)")


def _months(value: Any) -> set[tuple[str, int]]:
    """The months (name, year) of the dates in one fact's value."""
    return {(MONTHS[d.month - 1], d.year) for d in (value if isinstance(value, list) else [value])
            if isinstance(d, dt.date)}


def _gone_months(was: Mapping[str, Any], now: Mapping[str, Any]) -> set[tuple[str, int]]:
    """The months (name, year) a fact's old date fell in and its new date does not (leaves both)."""
    return {m for k in was.keys() & now.keys() for m in _months(was[k]) - _months(now[k])}


def _old_months(text: str, gone: set[tuple[str, int]]) -> list[str]:
    """Months named in ``text`` without a day that are among the ``gone`` months (:func:`_gone_months`).

    "submit, during November, a report" of a mandate ending 30 November: the end moves to
    31 January, so "November" is last time's month; so is "January 1991" when the end moves
    from 31 January to 28 February 1991.
    """
    out = [m.group() for m in _MONTH_NAMED.finditer(text)
           if any(name == m.group(1) and (m.group(2) is None or int(m.group(2)) == year) for name, year in gone)]
    return list(dict.fromkeys(out))


def new_text(precedent: Resolution) -> str:
    """How warnings name the text being drafted: 'for 2014' (annual series) or 'for the new text'."""
    if precedent.body is Body.GA and precedent.year:
        return f"for {precedent.year + 1}"
    return "for the new text"


def _stale_facts(stated: list[tuple[str, str]], when: str) -> list[str]:
    """Why a paragraph states facts the new facts do not give, in words.

    A record's fields stay as they were ('still says “Mali”, “June 2013” (the participants
    admitted)'); any other fact now stands as a placeholder ('asks for the number of participants
    (last time “54”)').
    """
    by_fact: dict[str, list[str]] = {}
    for path, words in stated:
        top = re.split(r"[.\[]", path, maxsplit=1)[0]
        by_fact.setdefault(top, [])
        if words not in by_fact[top]:
            by_fact[top].append(words)
    kept = [f"{', '.join(quote(w) for w in words)} ({label(key)})" for key, words in by_fact.items()
            if _is_record(stated, key)]
    asked = [f"{label(key)} (last time {', '.join(quote(w) for w in words)})" for key, words in by_fact.items()
             if not _is_record(stated, key)]
    out = []
    if kept:
        out.append(f"still says {'; '.join(kept)}, for which the facts give nothing {when}")
    if asked:
        out.append(f"asks in brackets for {'; '.join(asked)}, which the facts do not give {when}")
    return out


def _is_record(stated: list[tuple[str, str]], key: str) -> bool:
    return any(path.startswith((key + ".", key + "[")) for path, _ in stated)
