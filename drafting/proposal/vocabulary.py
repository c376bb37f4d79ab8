"""The typed facts of the two kinds of recurring text, with the words a drafter knows them by.

Free keys stay possible; these are the ones propose, ``drafting facts`` and the warnings know by
name. Each has a type (how a value is written), a label for warnings and placeholders, and the
kind of text it belongs to. ``docs/facts.md`` lists them for drafters.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from enum import Enum


class FactType(str, Enum):
    TEXT = "text"  # a name or phrase, written as given
    ORDINAL = "ordinal"  # 'twelfth', written as the text writes it (word or '12th')
    DATE = "date"  # one date, or a list of dates of one document
    DATES = "dates"  # a date range {from, to} or the range as written
    NUMBER = "number"
    NAMES = "names"  # a list of names: 'A, B and C'
    RECORDS = "records"  # a list of mappings (admissions, suspensions)
    SYMBOL = "symbol"  # a UN document symbol
    PERIOD = "period"  # 'six months'


@dataclass(frozen=True)
class Term:
    key: str
    type: FactType
    label: str  # what a drafter calls it, in a sentence: "the Vice-Chair for the coming year"
    series: str  # "process" (annual General Assembly text on a process) or "renewal" (Council mandate)


_TERMS = (
    Term("plenary_ordinal", FactType.ORDINAL, "the number of the plenary meeting", "process"),
    Term("plenary_city", FactType.TEXT, "the city of the plenary", "process"),
    Term("plenary_host", FactType.TEXT, "the host of the plenary", "process"),
    Term("plenary_dates", FactType.DATES, "the dates of the plenary", "process"),
    Term("chair", FactType.TEXT, "the Chair of the year", "process"),
    Term("next_chair", FactType.TEXT, "the Chair for the coming year", "process"),
    Term("next_vice_chair", FactType.TEXT, "the Vice-Chair for the coming year", "process"),
    Term("chair_report", FactType.RECORDS, "the Chair's report", "process"),
    Term("participants", FactType.NUMBER, "the number of participants", "process"),
    Term("countries", FactType.NUMBER, "the number of countries taking part", "process"),
    Term("eu_members", FactType.NUMBER, "the number of European Union member States", "process"),
    Term("admitted", FactType.RECORDS, "the participants admitted", "process"),
    Term("suspended", FactType.RECORDS, "the participants suspended", "process"),
    Term("review_visits", FactType.NAMES, "the review visits", "process"),
    Term("agenda_item", FactType.TEXT, "the agenda item", "process"),
    Term("report_symbol", FactType.SYMBOL, "the symbol of the Secretary-General's report", "renewal"),
    Term("report_date", FactType.DATE, "the date of the Secretary-General's report", "renewal"),
    Term("earlier_report_date", FactType.DATE, "the date of an earlier report cited", "renewal"),
    Term("earlier_report_symbol", FactType.SYMBOL, "the symbol of an earlier report cited", "renewal"),
    Term("report_due", FactType.DATE, "the date the next report is due", "renewal"),
    Term("mandate_period", FactType.PERIOD, "the period of the renewal", "renewal"),
    Term("mandate_end", FactType.DATE, "the end of the mandate", "renewal"),
    Term("letter_date", FactType.DATE, "the date of the letter cited", "renewal"),
    Term("letter_symbol", FactType.SYMBOL, "the symbol of the letter cited", "renewal"),
    Term("statement_date", FactType.DATE, "the date of the statement cited", "renewal"),
    Term("statement_symbol", FactType.SYMBOL, "the symbol of the statement cited", "renewal"),
    Term("meeting_cited", FactType.ORDINAL, "the meeting cited", "renewal"),
    Term("previous_resolution", FactType.TEXT, "the previous renewal", "renewal"),
)
TERMS = {t.key: t for t in _TERMS}


def label(path: str) -> str:
    """Words for a fact path: 'next_vice_chair' -> 'the Vice-Chair for the coming year'.

    A field of a record reads as both: 'admitted[0].when' -> 'the participants admitted: when'.
    """
    top = re.split(r"[.\[]", path, maxsplit=1)[0]
    term = TERMS.get(top)
    earlier = TERMS.get(top[len("earlier_"):]) if top.startswith("earlier_") else None
    words = term.label if term else f"{earlier.label} (an earlier one)" if earlier else top.replace("_", " ")
    field = path.rsplit(".", 1)[1] if "." in path else None
    return f"{words}: {field.replace('_', ' ')}" if field else words


def did_you_mean(key: str, known: list[str]) -> str | None:
    """The known key ``key`` most likely misspells ('mandate_ende' -> 'mandate_end'), if any."""
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.8)
    return close[0] if close else None
