"""Rules every mandate renewal needs: the new end date, and the documents the text cites.

Part of :mod:`drafting.proposal.engine` (it calls these on its working texts; nothing here imports it):

- ``calendar:mandate-end``: a mandate renewed "for another period of six months, that is, until
  31 May 1980" runs next time to the old end plus the period the text states, so the new end date
  needs no facts file. A month end stays a month end (31 May -> 30 November -> 31 May).
- ``fact:mandate_end`` (template place): a text that renews "for another period of six months;"
  with no end date, given a new end date, states it where renewals state it: "..., that is, until
  31 May 1977".
- ``fact:<noun>_date`` / ``fact:<noun>_symbol`` (document identity): each period has a new report
  (letter, statement...), so the text names the new one by what the new facts give: a date the
  facts give and the text lacks is added ("the report of the Secretary-General of 19 May 1992"),
  a symbol likewise ("... Force (S/24821),"); the old document's symbol or date is removed when
  the new facts name the document the other way, because it names last period's document.

Nothing here knows a series: the rules read the facts' own keys (``<noun>_date``,
``<noun>_symbol``, ``mandate_end``, ``mandate_period``) and the text's grammar.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from drafting.proposal import facts as F
from drafting.proposal.vocabulary import label
from drafting.model import DATE_RE, SYMBOL_RE, Flag, FlagKind, format_date, number_word

if TYPE_CHECKING:  # pragma: no cover
    from drafting.proposal.work import Work

_PERIOD_WORDS = {number_word(n): n for n in range(1, 25)} | {"a": 1, "an": 1}
_PERIOD_RE = re.compile(r"^(?:(\d+|[a-z]+(?:-[a-z]+)?) )?(months?|years?)$")
DATE = DATE_RE


# ---------------------------------------------------------------------------- mandate period


def period_months(period: Any) -> int | None:
    """'six months' -> 6, 'one year' -> 12, '3 months' -> 3; None for anything else."""
    match = _PERIOD_RE.match(str(period).strip().lower()) if isinstance(period, str) else None
    if not match:
        return None
    count, unit = match.groups()
    n = 1 if count is None else int(count) if count.isdigit() else _PERIOD_WORDS.get(count)
    if n is None:
        return None
    return n * (12 if unit.startswith("year") else 1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months``; a month's last day stays the last day (31 May + 6 -> 30 November)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    at_end = day.day == calendar.monthrange(day.year, day.month)[1]
    return dt.date(year, month, last if at_end else min(day.day, last))


def next_mandate_end(old: Mapping[str, Any], new: Mapping[str, Any]) -> dt.date | None:
    """The new end: the old end plus the period (the new facts' period where given, else the old)."""
    end = old.get("mandate_end")
    months = period_months(new.get("mandate_period") or old.get("mandate_period"))
    if not isinstance(end, dt.date) or months is None:
        return None
    return add_months(end, months)


def derived_facts(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, Any]:
    """Facts the calendar gives when the new facts leave them out.

    ``mandate_end``: the old end plus the period. ``mandate_period``: the old period, when the new
    end is that far from the old one (or is itself derived), so the period is known, not assumed.
    """
    out: dict[str, Any] = {}
    end = next_mandate_end(old, new)
    if "mandate_end" not in new and end:
        out["mandate_end"] = end
    if "mandate_period" not in new and old.get("mandate_period") and end is not None \
            and new.get("mandate_end", end) == end:
        out["mandate_period"] = old["mandate_period"]
    return out


# A renewal that states its period but no end: "To renew the mandate ... for another period of six months;"
_RENEWAL_RE = re.compile(r"\b(?:renew|extend)\w*\b[^;]*?\bperiod of (?:[\w-]+ )?(?:months?|years?)(?=[;.,]?$|;)")


def mandate_end_place(work: Work) -> None:
    """State a new end date the precedent never stated, where a renewal states it."""
    new_end = work.new_facts.get("mandate_end")
    if not isinstance(new_end, dt.date) or "mandate_end" in work.precedent.facts:
        return
    places = [(a, m) for a, text in work.texts.items() for m in _RENEWAL_RE.finditer(text)]
    if len(places) != 1:
        return  # no renewal, or several: where the date goes is a person's call (the missing-fact flag says so)
    address, m = places[0]
    text = work.texts[address]
    work.set(address, "fact:mandate_end", f"{text[:m.end()]}, that is, until {format_date(new_end)}{text[m.end():]}")
    work.handled.add("mandate_end")


# ---------------------------------------------------------------------------- documents cited


def _clause_end(text: str, start: int) -> int:
    """Where the phrase naming a document ends: the first comma, semicolon, colon, full stop or 'and'."""
    m = re.compile(r"[,;:]|\.(?=\s|$)| and ").search(text, start)
    return m.start() if m else len(text)


def _places(work: Work, noun: str, without: str) -> list[tuple[Any, int, int]]:
    """(address, start, end) of each phrase 'the <noun> ...' that states no ``without`` yet."""
    out = []
    for address, text in work.texts.items():
        for m in re.finditer(rf"\bthe {noun}\b", text):
            end = _clause_end(text, m.end())
            phrase = text[m.start():end]
            if (re.search(DATE, phrase) or SYMBOL_RE.search(phrase)) and without == "date":
                continue  # dated already, or named by its symbol: a new date would not be that document's
            if SYMBOL_RE.search(phrase) and without == "symbol":
                continue
            out.append((address, m.start(), end))
    return out


def _insert(work: Work, noun: str, kind: str, value: Any) -> bool:
    """State the ``kind`` ("date" or "symbol") of the one phrase naming the ``noun``; True when written.

    A date follows the author when the phrase names one ("the report of the Secretary-General of
    19 May 1992 on ..."), else the phrase; a symbol goes in brackets after the phrase.
    """
    places = _places(work, noun, kind)
    if len(places) != 1:
        return False
    address, start, end = places[0]
    text = work.texts[address]
    shown = F.write_dates(value) if kind == "date" else str(value)
    at, words, says = end, f" ({shown})", f"gives the symbol of the {noun}"
    if kind == "date":
        author = re.compile(r"\bSecretary-General\b(?!['’])").search(text, start, end)
        at, words, says = (author.end() if author else end), f" of {shown}", f"dates the {noun}"
    work.set(address, f"fact:{noun}_{kind}", f"{text[:at]}{words}{text[at:]}")
    work.flags.append(Flag(address, FlagKind.ADDED,
                           f"{address} now {says} ({shown}), which the precedent did not: "
                           f"check that this is the {noun} the text cites and that the {kind} stands where it should"))
    return True


def _drop(work: Work, key: str, pattern: str) -> bool:
    """Remove every statement of an old document's identifier; True when one was removed."""
    noun = key.split("_")[0]
    done = False
    for address, text in list(work.texts.items()):
        cut = [m for m in re.finditer(pattern, text) if F.noun_before(text, m.start() + 1) == noun]
        for m in reversed(cut):
            text = text[:m.start()] + text[m.end():]
        if cut:
            work.set(address, f"fact:{key}", text)
            done = True
    return done


def documents(work: Work) -> None:
    """Name this period's documents as the new facts name them (see the module's docstring)."""
    old, new = work.precedent.facts, work.new_facts
    nouns = sorted({k.split("_")[0] for k in list(old) + list(new)
                    if re.fullmatch(r"[a-z]+_(?:date|symbol)", k) and k.split("_")[0] in F.DOCUMENT_NOUNS})
    for noun in nouns:
        dk, sk = f"{noun}_date", f"{noun}_symbol"
        new_date = new.get(dk) if isinstance(new.get(dk), dt.date) or F.is_date_list(new.get(dk)) else None
        new_symbol = new.get(sk) if isinstance(new.get(sk), str) and new.get(sk) else None
        # The old document's symbol (date) goes when the new facts name the document by date (symbol).
        if isinstance(old.get(sk), str) and sk not in new and new_date is not None \
                and _drop(work, sk, rf" ?\(\s*{re.escape(old[sk])}\s*\)"):
            work.handled.add(sk)
        if (isinstance(old.get(dk), dt.date) or F.is_date_list(old.get(dk))) and dk not in new \
                and new_symbol is not None and _drop(work, dk, rf" (?:of|dated) {re.escape(F.write_dates(old[dk]))}\b"):
            work.handled.add(dk)
        if new_date is not None and dk not in old and _insert(work, noun, "date", new_date):
            work.handled.add(dk)
        if new_symbol is not None and sk not in old and _insert(work, noun, "symbol", new_symbol):
            work.handled.add(sk)


def flag_derived(work: Work, derived: Mapping[str, Any]) -> None:
    """Say where the calendar worked out a new fact, so the officer checks it against the decision."""
    for key, value in derived.items():
        if value == work.precedent.facts.get(key):
            continue  # the same period again: nothing was written for it
        rule = work.rules.get(key, f"fact:{key}")
        for address in dict.fromkeys(e.paragraph for e in work.edits if e.rule == rule):
            work.flags.append(Flag(address, FlagKind.MISSING_FACT,
                                   f"{address} now says {F.render(value)} for {label(key)}, worked out from the old "
                                   "end and the period because the facts do not give it: check it against the decision"))
