"""Read the draft back: every new fact where it was written, no old value left half-rewritten.

Part of :mod:`drafting.proposal.engine`, run on its working texts once the rules are done:

- each fact edit is confirmed: the paragraph now states the new value and no longer the old one;
  otherwise it is flagged ``unconfirmed`` rather than silently kept;
- a list of dates that now mixes new and old dates ("of 30 November and 11 December and of 31 May
  and 11 and 12 June 1986") is flagged: part of a citation was rewritten;
- a renewal's draft is read again by :func:`drafting.proposal.extract.extract`, and each fact it
  reads that differs from the new facts is flagged where it was read;
- a document of the precedent's year that the draft still cites and no rule updated is flagged
  ("cites Security Council resolution 2101 (2013): check for a later one").
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any

from drafting.model import SYMBOL_RE, Body, Flag, FlagKind
from drafting.model.grammar import DATE_LIST_RE, DATE_RE, parse_date, parse_date_list
from drafting.proposal import facts as F
from drafting.proposal.vocabulary import label

if TYPE_CHECKING:  # pragma: no cover
    from drafting.proposal.work import Work


def quote(words: str, limit: int = 90) -> str:
    """Words of a paragraph as a warning quotes them."""
    words = " ".join(words.split())
    return f"“{words if len(words) <= limit else words[:limit - 1] + '…'}”"


def _new_dates(work: Work) -> set[dt.date]:
    out: set[dt.date] = set()
    for value in F.leaves(work.new_facts).values():
        if isinstance(value, dt.date):
            out.add(value)
        elif F.is_date_list(value):
            out.update(value)
    return out


def _fact_key(rule: str) -> str:
    """The fact an edit's rule wrote ("fact:report_date" -> "report_date"), or "" for other rules."""
    return rule.split(":", 1)[1] if rule.startswith("fact:") else ""


def confirm_edits(work: Work) -> None:
    """Each fact edit: the new value is in the paragraph, the old value is gone from it."""
    old = F.leaves(work.precedent.facts)
    current = {F.render(v) for v in F.leaves(work.new_facts).values() if v is not None}
    for edit in work.edits:
        key = _fact_key(edit.rule)
        if not key:
            continue
        if F.missing(work.new_facts, key) or F.lookup(work.new_facts, key) is None:
            continue  # a placeholder stands there, flagged where it was written
        text = work.texts[edit.paragraph]
        new = F.lookup(work.new_facts, key)
        if new is not None and not F.find(new, text):
            work.flags.append(Flag(edit.paragraph, FlagKind.UNCONFIRMED,
                                   f"{edit.paragraph} was edited for {label(key)} but, read back, does not state "
                                   f"{F.render(new)}: check the paragraph"))
        before = old.get(key)
        written = [(f.start, f.end) for f in F.find(new, text)] if new is not None else []
        left_over = [f for f in F.find(before, text) if not any(s <= f.start and f.end <= e for s, e in written)] \
            if before is not None else []
        if before is not None and F.render(before) not in current and left_over:
            left = left_over[0].text
            work.flags.append(Flag(edit.paragraph, FlagKind.UNCONFIRMED,
                                   f"{edit.paragraph} still says {quote(left)} ({label(key)} of the precedent) "
                                   "after the edit: update or delete it"))


def mixed_dates(work: Work) -> None:
    """A citation of several dates of which the rules rewrote only some."""
    new = _new_dates(work)
    if not new:
        return
    edited = {e.paragraph for e in work.edits}
    for address in sorted(edited):
        for m in re.finditer(DATE_LIST_RE, work.texts[address]):
            if not re.search(r",| and ", m.group()):
                continue  # one date
            # "30 November and 12 June 1986" is no list of one year (the days go back): a new year
            # written over the end of an old citation
            days = parse_date_list(m.group()) or []
            last = parse_date(re.search(rf"{DATE_RE}$", m.group()).group())  # type: ignore[union-attr]
            if (not days and last in new) or (any(d in new for d in days) and not all(d in new for d in days)):
                work.flags.append(Flag(address, FlagKind.UNCONFIRMED,
                                       f"{address} now cites {quote(m.group())}, part new and part old: "
                                       "write the dates of the documents this text cites"))


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekdays(work: Work) -> None:
    """'held on Monday, 19 March 1981': a day of the week an edit left beside a new date must be its day."""
    pattern = re.compile(rf"\b({'|'.join(_WEEKDAYS)}),? ({DATE_RE})")
    for address in sorted({e.paragraph for e in work.edits}):
        for m in pattern.finditer(work.texts[address]):
            day = parse_date(m.group(2))
            if day is not None and _WEEKDAYS[day.weekday()] != m.group(1):
                work.flags.append(Flag(address, FlagKind.UNCONFIRMED,
                                       f"{address} says {quote(m.group())}, but {m.group(2)} is a "
                                       f"{_WEEKDAYS[day.weekday()]}: correct the day or the date"))


def read_back(work: Work, previous: str | None) -> None:
    """A renewal's draft read as a new text: each fact read that the facts contradict is flagged."""
    from drafting.proposal.extract import extract_with_origins

    if work.precedent.body is not Body.SC:
        return
    draft = work.precedent
    for address, paragraph in work.precedent.walk():
        if work.texts[address] != paragraph.text:
            draft = draft.replace_paragraph(address, paragraph.with_text(work.texts[address]))
    read, origins = extract_with_origins(draft, previous)  # the precedent's adoption bounds what is history
    flagged = {f.paragraph for f in work.flags}
    for key, value in read.items():
        if key not in work.new_facts or key == "previous_resolution":
            continue
        wanted = work.new_facts[key]
        if wanted is None or _same(value, wanted):
            continue
        where = origins[key].paragraph
        if where in flagged:
            continue  # a person already looks at it, for the reason given
        work.flags.append(Flag(where, FlagKind.UNCONFIRMED,
                               f"{where} reads {quote(origins[key].words)}, but the facts give {label(key)} as "
                               f"{F.render(wanted)}: check which is right"))


def _same(read: Any, wanted: Any) -> bool:
    if isinstance(wanted, dt.date) and F.is_date_list(read):
        return False
    return F.render(read) == F.render(wanted) or str(read).lower() == str(wanted).lower()


def _citations(work: Work, text: str) -> list[str]:
    """Documents of the precedent's year that ``text`` cites (its own symbol apart)."""
    year, session = work.precedent.year, work.precedent.session
    own = F.short_symbol(work.precedent.symbol)
    found: list[str] = []
    if year:
        for m in re.finditer(rf"\b(?:Security Council )?resolutions? (\d+ ?\({year}\))", text):
            found.append(f"Security Council resolution {m.group(1)}")
        for m in SYMBOL_RE.finditer(text):
            if re.fullmatch(rf"S/{year}/\d+.*", m.group()):
                found.append(m.group())
    if session:
        for m in SYMBOL_RE.finditer(text):
            if re.fullmatch(rf"A/{session}/.+", m.group()):
                found.append(m.group())
        for m in re.finditer(rf"\bresolutions? ({session}/\d+)(?![\d/])", text):
            found.append(f"General Assembly resolution {m.group(1)}")
    return [c for c in dict.fromkeys(found) if own is None or own not in c]


def old_citations(work: Work, chain: re.Pattern[str]) -> None:
    """Flag each document of the precedent's year still cited where no rule touched the citation.

    A recall chain ("Recalling its resolutions ...") is history and is left out. A document cited
    in several paragraphs gets one warning, on the first, naming them all.
    """
    where: dict[str, list[str]] = {}
    first: dict[str, Any] = {}
    for address, paragraph in work.precedent.walk():
        text = chain.sub(" ", work.texts[address])
        for cited in _citations(work, text):
            if cited in _citations(work, chain.sub(" ", paragraph.text)):
                where.setdefault(cited, []).append(str(address))
                first.setdefault(cited, address)
    for cited, places in where.items():
        of = "" if str(work.precedent.year) in cited else f", a document of {work.precedent.year}"
        verb = "cites" if len(places) == 1 else "cite"
        work.flags.append(Flag(first[cited], FlagKind.OLD_CITATION,
                               f"{F.format_list(places)} {verb} {cited}{of}: check for a later one"))


# "issued in Moscow on", "held at Cairo from": a place named with an event's date.
_PLACE = re.compile(r"\b(?:in|at) ((?:[A-Z][\w'’-]+)(?: (?:[A-Z][\w'’-]+|de|of|and|the))*?)(?= (?:on|from|of|in|dated)\b)")


def event_places(work: Work) -> None:
    """A date of an event moved on by the facts where the clause still names the old event's place.

    "the joint statement issued in Moscow on 8 July 1993" dated anew "10 September 1993": the new
    statement may have been issued elsewhere (S/RES/864 (1993): Lisbon), so the place is flagged
    unless the new facts name it.
    """
    named = {str(v) for v in F.leaves(work.new_facts).values() if isinstance(v, str)}
    for edit in work.edits:
        key = _fact_key(edit.rule)
        if not key.endswith("_date"):
            continue
        at = next((i for i, (a, b) in enumerate(zip(edit.before, edit.after)) if a != b), len(edit.before))
        clause = re.split(r"[,;:]", edit.after[max(0, at - 80):at])[-1]
        place = _PLACE.search(clause)
        if place and place.group(1) not in named:
            work.flags.append(Flag(edit.paragraph, FlagKind.UNCONFIRMED,
                                   f"{edit.paragraph} now gives {label(key)} as {F.render(F.lookup(work.new_facts, key))} "
                                   f"but still places it {quote(place.group())}: check where this one took place"))


# What follows a symbol as the rest of that document's reference: "and Corr.1 and 2", "and Add.2".
_PARTS_AFTER = re.compile(r"^,? and (?:Corr|Add)\.\d+(?:(?:,| and) (?:(?:Corr|Add)\.)?\d+)*")


def symbol_parts(work: Work) -> None:
    """A document's symbol replaced where the old one's corrigenda or addenda still follow it.

    "(S/11670 and Corr.1 and 2)" with the new report S/11758 becomes "(S/11758 and Corr.1 and 2)":
    the corrigenda were the old report's, so the words are flagged, quoted, for a person to cut
    or confirm.
    """
    for edit in work.edits:
        key = _fact_key(edit.rule)
        new = F.lookup(work.new_facts, key) if key.endswith("_symbol") and not F.missing(work.new_facts, key) else None
        if not isinstance(new, str) or not new:
            continue
        text = work.texts[edit.paragraph]
        for at in (m.end() for m in re.finditer(re.escape(new), text)):
            parts = _PARTS_AFTER.match(text[at:])
            if parts and parts.group() not in new:
                old = work.precedent.facts.get(key)
                work.flags.append(Flag(edit.paragraph, FlagKind.UNCONFIRMED,
                                       f"{edit.paragraph} now cites {new} followed by {quote(parts.group().lstrip(', '))}, "
                                       f"the corrigenda or addenda of the old document ({old}): cut them unless the "
                                       "new one has them too"))
                break
