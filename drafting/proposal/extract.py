"""The facts a renewal's text states, named by their role in the text, each with where it was read.

A date is named by what it does in its sentence, never by its position among the dates:

- after "until", "ending (on)", "terminating (on)" or "expiring on": ``mandate_end`` ("for a further
  period ending 15 June 1990", "for an interim period terminating on 5 November 1993");
- after "by", "before" or "not later than" in a request for a report: ``report_due``;
- otherwise by the document it belongs to, the nearest document noun before it: ``report_date``,
  ``letter_date``, ``statement_date``... The latest such document is the one this period cites
  anew; one cited before it is ``earlier_<noun>_date`` (history that may stay).

Several dates of one document ("the reports of 31 May and 13 June 1990") are one fact, a list of
dates, so it is rewritten whole. Document symbols are named the same way (``report_symbol``),
"for a period of six months" is ``mandate_period``, and ``previous_resolution`` is set when the text
cites the series' previous resolution. Dates of references ("resolution 338 (1973) of 22 October
1973") and dates more than about a year from the adoption are history, not facts.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from drafting.model import SYMBOL_RE, Address, Resolution
from drafting.model.grammar import DATE_LIST_RE, parse_date_list
from drafting.proposal.facts import noun_before

_REFERENCE_DATE = re.compile(r"(?:\d+/\d+|\d+ ?\(\d{4}\))\s+of\s+$")
# "until", "ending (on)", "terminating (on)", "expiring on", "through": the end of a period.
_END_WORDS = re.compile(r"\b(?:until|(?:ending|terminating|expiring|to expire|to end|to terminate)(?: on)?|expire on|through)"
                        r"\W?\s+$", re.IGNORECASE)
_DUE_WORDS = re.compile(r"\b(?:by|before|not later than|no later than)\s+$")
_PERIOD = re.compile(r"period of ((?:[a-z-]+ )?(?:months?|years?)(?: and (?:[a-z-]+ )?days?)?)\b")
_MEETING = re.compile(r"\b(\d+)(?:st|nd|rd|th) meeting\b")
_NEAR_DAYS = 400  # about a year either side of the adoption: further off is history


_ROLE_WORDS = {"mandate_end": _END_WORDS, "report_due": _DUE_WORDS}


def role_fits(key: str, text: str, start: int) -> bool:
    """Whether the words before ``start`` give a value the role ``key`` names ('until' for ``mandate_end``)."""
    words = _ROLE_WORDS.get(key)
    return words is None or bool(words.search(text[:start]))


@dataclass(frozen=True)
class Origin:
    """Where a fact was read: the paragraph and the words that state it."""

    paragraph: Address
    words: str


@dataclass
class _Reader:
    facts: dict[str, Any]
    origins: dict[str, Origin]

    def add(self, key: str, value: Any, origin: Origin, latest: bool = False) -> None:
        """Record a fact; a second document of one role keeps the latest and calls the other earlier."""
        if key not in self.facts:
            self.facts[key], self.origins[key] = value, origin
            return
        if self.facts[key] == value or not latest:
            return
        old, old_origin = self.facts[key], self.origins[key]
        if _later(value, old):
            self.facts[key], self.origins[key] = value, origin
            value, origin = old, old_origin
        self.facts.setdefault(f"earlier_{key}", value)
        self.origins.setdefault(f"earlier_{key}", origin)


def _later(a: Any, b: Any) -> bool:
    def last(v: Any) -> Any:
        if isinstance(v, list):
            return v[-1]
        if isinstance(v, str):  # a symbol: the higher number is the later document
            return tuple(int(n) for n in re.findall(r"\d+", v))
        return v
    try:
        return bool(last(a) > last(b))
    except TypeError:
        return False


def extract_with_origins(resolution: Resolution, previous: str | None = None) -> tuple[dict[str, Any], dict[str, Origin]]:
    """The facts ``resolution`` states and, for each, the paragraph and words it was read from."""
    reader = _Reader({}, {})
    adopted = resolution.adopted or (dt.date(resolution.year, 7, 1) if resolution.year else None)
    for address, paragraph in resolution.walk():
        text = paragraph.text
        for m in _PERIOD.finditer(text):
            reader.add("mandate_period", m.group(1), Origin(address, m.group()))
        _dates(reader, address, text, adopted)
        for m in SYMBOL_RE.finditer(text):
            if "/RES/" not in m.group():
                key = f"{noun_before(text, m.start()) or 'document'}_symbol"
                reader.add(key, m.group(), Origin(address, _words(text, m.start(), m.end())), latest=True)
        for m in _MEETING.finditer(text):
            reader.add("meeting_cited", m.group(0).rsplit(" ", 1)[0], Origin(address, m.group()))
        if previous and re.search(rf"(?<![\d/]){re.escape(previous).replace(chr(92) + ' ', ' ?')}(?![\d/])", text):
            reader.add("previous_resolution", previous, Origin(address, previous))
    return reader.facts, reader.origins


def extract(resolution: Resolution, previous: str | None = None) -> dict[str, Any]:
    """The facts a renewal's text states, named by role (see the module's docstring)."""
    return extract_with_origins(resolution, previous)[0]


def _dates(reader: _Reader, address: Address, text: str, adopted: dt.date | None) -> None:
    for m in re.finditer(DATE_LIST_RE, text):
        days = parse_date_list(m.group())
        before = text[:m.start()]
        if not days or _REFERENCE_DATE.search(before) or re.search(r"\bparagraphs?\s+$", before):
            continue
        if adopted and abs((days[-1] - adopted).days) > _NEAR_DAYS:
            continue
        value: Any = days[0] if len(days) == 1 else days
        origin = Origin(address, _words(text, m.start(), m.end()))
        if _END_WORDS.search(before):
            reader.add("mandate_end", value, origin)
        elif _DUE_WORDS.search(before) and re.search(r"\breport", before, re.IGNORECASE):
            reader.add("report_due", value, origin)
        else:
            noun = noun_before(text, m.start())
            reader.add(f"{noun}_date" if noun else "event_date", value, origin, latest=noun is not None)


def _words(text: str, start: int, end: int, before: int = 6) -> str:
    """The value with a few words before it: what a drafter recognises in the paragraph."""
    head = re.findall(r"\S+\s*", text[:start])[-before:]
    tail = ")" if text[end:end + 1] == ")" and "(" in text[max(0, start - 2):start] else ""
    return ("".join(head) + text[start:end] + tail).strip()
