"""Propose next year's draft from last year's text and this year's facts.

The rules run in a fixed order on the paragraph texts, and each edit is logged with its rule:

1. ``calendar:session``: ordinal session names of the current and next session move on one.
2. ``calendar:recall-chain``: the precedent joins the "Recalling its resolutions ..." chain.
3. ``calendar:previous-resolution``: references to the resolution before the precedent now name
   the precedent ("pursuant to resolution 67/135" -> "68/128").
4. ``fact:<key>``: each old fact found in the text is replaced by its new value, written in the
   form the text used.
5. ``calendar:reporting-year``: "in 2013", "during 2013", "for 2014" move on one year (annual
   series only).

Then every paragraph that still speaks of the old year is flagged ``stale``. Nothing here knows
a particular resolution: the rules read symbols, dates, ordinals and the facts' own keys.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Mapping

from drafting.proposal import facts as F
from drafting.proposal.extract import role_fits
from drafting.proposal.facts import short_symbol
from drafting.proposal.intake import check_facts, new_keys, read_unrecorded
from drafting.proposal.placeholders import placeholder
from drafting.proposal.stale import new_text, stale
# The change log lives in .log; its functions stay importable from here.
from drafting.proposal.log import change_summary as change_summary, log_data as log_data  # noqa: F401
from drafting.proposal.log import log_json as log_json, log_markdown as log_markdown  # noqa: F401
from drafting.proposal.verify import quote
from drafting.proposal.vocabulary import label
from drafting.proposal.work import Work
from drafting.model import (DATE_RE, MONTH_RE, ORDINAL_RE, Address, Body, Flag, FlagKind, Part, Proposal,
                            Resolution, format_date, ordinal_word, parse_date, parse_ordinal)

DATE = DATE_RE
# In a chain the year may be written once for several dates: "426 (1978) of 19 March, 427 (1978) of 3 May 1978".
_CHAIN_DATE = rf"\d{{1,2}} (?:{MONTH_RE})(?: \d{{4}})?"
GA_REF = rf"\d+/\d+(?: of {_CHAIN_DATE})?"
SC_REF = rf"\d+ ?\(\d{{4}}\)(?: of {_CHAIN_DATE})?"
_REF = rf"(?:{GA_REF}|{SC_REF})"
# "its resolutions 55/56 of 1 December 2000, ... and 67/135 of 18 December 2012"
CHAIN_RE = re.compile(rf"\b(?:Recalling|Reaffirming|Recalls|Reaffirms)\b[^,;]{{0,20}}?\bits (resolutions?) "
                      rf"({_REF}(?:(?:,? and |, ){_REF})*)")
REF_RE = re.compile(_REF)
SESSION_RE = re.compile(rf"\b({ORDINAL_RE})(?=(?: \(\d{{4}}\))? sessions?\b)", re.IGNORECASE)
# A reference made as the series' mandate for this text: "submitted pursuant to resolution 67/135".
_REPORTING_REF = re.compile(r"\b(?:pursuant to|requested (?:in|by)|called for in|in accordance with)"
                            r"(?: (?:the )?[A-Z][A-Za-z]*){0,3} resolution $")


def _ref_number(ref: str) -> str:
    """The resolution part of a reference, spacing normalised: '790(1992)' -> '790 (1992)'."""
    head = ref.split(" of ")[0]
    return re.sub(r"(\d+) ?\(", r"\1 (", head)


def previous_resolution(precedent: Resolution) -> str | None:
    """The resolution of the series before the precedent: from its facts, else its recall chain.

    In the chain it is the last recalled resolution of the session (GA) before the precedent's.
    """
    stated = precedent.facts.get("previous_resolution")
    if isinstance(stated, str) and stated.strip():
        return _ref_number(stated)
    if precedent.session is None:
        return _latest_recalled(precedent)
    for _, paragraph in precedent.walk():
        for chain in CHAIN_RE.finditer(paragraph.text):
            for ref in reversed(REF_RE.findall(chain.group(2))):
                if ref.startswith(f"{precedent.session - 1}/"):
                    return _ref_number(ref)
    return None


def _latest_recalled(precedent: Resolution) -> str | None:
    """A Council text's previous renewal: the latest resolution its recall chain lists with its date.

    Only a resolution dated within about a year before the precedent is taken: a chain of
    founding decisions ("Recalling its resolutions 425 (1978) and 426 (1978)") or of other texts
    on the situation, cited without dates, names no renewal.
    """
    if precedent.adopted is None:
        return None
    recent = []
    for _, paragraph in precedent.walk():
        for chain in CHAIN_RE.finditer(paragraph.text):
            for ref in REF_RE.findall(chain.group(2)):
                m = re.fullmatch(rf"(\d+) ?\((\d{{4}})\) of ({_CHAIN_DATE})", ref)
                day = parse_date(m[3], m[2]) if m else None
                if m and day and 0 < (precedent.adopted - day).days <= _RENEWAL_GAP_DAYS:
                    recent.append((day, f"{m[1]} ({m[2]})"))
    return max(recent)[1] if recent else None


_RENEWAL_GAP_DAYS = 400  # a renewal period is a year at most


# ---------------------------------------------------------------------------- calendar rules


def _sessions(work: Work) -> None:
    session = work.precedent.session
    if session is None:
        return

    def bump(m: re.Match[str]) -> str:
        n = parse_ordinal(m.group(1))
        if n not in (session, session + 1):
            return m.group(0)  # an earlier session is history, not calendar
        return F.match_case(m.group(1), ordinal_word(n + 1))

    for address, text in list(work.texts.items()):
        work.set(address, "calendar:session", SESSION_RE.sub(bump, text))


def _precedent_ref(precedent: Resolution, like: str) -> str | None:
    own = short_symbol(precedent.symbol)
    if own is None:
        return None
    if " of " in like and precedent.adopted:
        return f"{own} of {format_date(precedent.adopted)}"
    return own


def _recall_chain(work: Work, previous: str | None) -> None:
    own = short_symbol(work.precedent.symbol)
    if previous is None or own is None:
        return
    for address, text in list(work.texts.items()):
        for chain in CHAIN_RE.finditer(text):
            refs = REF_RE.findall(chain.group(2))
            numbers = [_ref_number(r) for r in refs]
            if previous not in numbers or _ref_number(own) in numbers:
                continue  # not the series' chain, or the precedent is in it already
            if re.match(r"\s+of\b|,?\s+(?:and\s+)?\d", text[chain.end():]):
                continue  # the chain goes on in a form not read here: appending would cut it
            new = _append(work.precedent, chain.group(1), chain.group(2), refs)
            work.set(address, "calendar:recall-chain", text[:chain.start(1)] + new + text[chain.end():])
            if work.precedent.body is Body.SC:  # the Council acts on a situation between renewals too
                work.flags.append(Flag(address, FlagKind.ADDED,
                                       f"{address} now recalls {own} as well: add any other resolution on the "
                                       f"subject adopted since {previous}, or cite {own} apart if the text "
                                       "singles it out"))
            break


def _append(precedent: Resolution, word: str, body: str, refs: list[str]) -> str:
    """'resolutions A, B and C' -> 'resolutions A, B, C and <precedent>', in the chain's own style."""
    new_ref = _precedent_ref(precedent, refs[-1])
    if len(refs) > 1:
        cut = body.rindex(" and ")
        body = body[:cut].rstrip(",") + ", " + body[cut + len(" and "):]
    year = precedent.adopted.year if precedent.adopted else None
    shares_years = any(re.search(rf" of \d{{1,2}} (?:{MONTH_RE})$", r) for r in refs)
    if shares_years and year and body.endswith(f" {year}") and " of " in (new_ref or ""):
        body = body[:-len(f" {year}")]  # "of 3 May 1978 and 434 (1978) of 18 September 1978" -> one year
    return f"{'resolutions' if word == 'resolution' else word} {body} and {new_ref}"


def _previous_resolution(work: Work, previous: str | None) -> None:
    own = short_symbol(work.precedent.symbol)
    if previous is None or own is None:
        return
    number = re.escape(previous).replace(r"\ ", " ?")
    pattern = re.compile(rf"(?<![\d/]){number}(?![\d/])(?: of {DATE})?")
    for address, text in list(work.texts.items()):
        chains = [(c.start(), c.end()) for c in CHAIN_RE.finditer(text)]
        out, last = [], 0
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in chains):
                continue  # the recall chain keeps its history
            if not _REPORTING_REF.search(text[:m.start()]):
                continue  # "paragraph 2 of resolution 511 (1982)" cites that text, not the series
            out.append(text[last:m.start()] + (_precedent_ref(work.precedent, m.group()) or m.group()))
            last = m.end()
        work.set(address, "calendar:previous-resolution", "".join(out) + text[last:])


def _reporting_years(work: Work) -> None:
    year = work.precedent.year
    if year is None or work.precedent.body is not Body.GA:
        return  # only annual series have a reporting year
    pattern = re.compile(rf"\b(in|during|throughout|for) ({year}|{year + 1})\b(?![/)])")

    def bump(m: re.Match[str]) -> str:
        y = int(m.group(2))
        if y == year + 1 and m.group(1) != "for":
            return m.group(0)  # "early in 2014" is a plan, not the reporting period
        return f"{m.group(1)} {y + 1}"

    for address, text in list(work.texts.items()):
        if address in work.stale_facts:
            continue  # its facts are still last year's: moving the year on would misstate them
        work.set(address, "calendar:reporting-year", pattern.sub(bump, text))


def _closing_marks(work: Work) -> None:
    """An operative sub-paragraph before the last ends with a semicolon (UN editorial rule; OCR breaks it).

    "(a) To call upon ... 338 (1973)." followed by "(b) ..." is a slip of the copy the precedent was
    taken from, not a choice of the Council: the draft states it the conventional way.
    """
    for parent, paragraph in work.precedent.walk():
        if parent.part is not Part.OPERATIVE:
            continue  # the convention is the operative part's; preambular lists vary
        for n, item in enumerate(paragraph.items[:-1], start=1):
            if item.items:
                continue  # it ends with the lead-in of its own list
            address = parent.child(n)
            text = work.texts[address]
            if re.search(r"[\w)\]’”\"][.:,]$", text):
                work.set(address, "editorial:closing-mark", text[:-1] + ";")


# ---------------------------------------------------------------------------- fact rules


@dataclass(frozen=True)
class _Place:
    address: Address
    found: F.Found
    path: str
    score: int


def _key_words(path: str) -> list[str]:
    return [w for w in re.split(r"[^a-z]+", path.lower()) if len(w) >= 3]


def _context_score(path: str, text: str, found: F.Found, old: Mapping[str, Any]) -> int:
    """How much the words around a place speak of this fact (key words, sibling values)."""
    before = re.findall(r"[A-Za-z]+", text[:found.start])[-8:]
    after = re.findall(r"[A-Za-z]+", text[found.end:])[:8]
    near = [w.lower() for w in before + after]
    score = sum(1 for k in _key_words(path) if any(w.startswith(k) or (len(w) >= 4 and k.startswith(w)) for w in near))
    # The document a date or symbol belongs to is the nearest such noun before it, however long the
    # title between ("the report of the Secretary-General on ... of 9 April 1984"): the same reading
    # that keyed the fact when it was extracted, so two facts with one value still part.
    noun = F.noun_before(text, found.start)
    if noun is not None and re.split(r"[._\[]", path, maxsplit=1)[0] == noun:
        score += 2
    entry = re.match(r"^(.*\[\d+\])\.", path)
    if entry:  # an item of a list of records: its other fields nearby count
        for sibling, value in old.items():
            if sibling != path and sibling.startswith(entry.group(1) + ".") and F.find(value, text):
                score += 1
    return score


def _places(work: Work, old: dict[str, Any]) -> dict[str, list[_Place]]:
    """Where each old fact is stated: longest spans first, shared spans to the best-fitting key."""
    candidates: list[_Place] = []
    for address, text in work.texts.items():
        for path, value in old.items():
            if path == "previous_resolution":
                continue  # a calendar rule's business
            for found in F.find(value, text):
                candidates.append(_Place(address, found, path, _context_score(path, text, found, old)))
    kept: list[_Place] = []
    for place in sorted(candidates, key=lambda p: (-(p.found.end - p.found.start), -p.score)):
        clash = [k for k in kept if k.address == place.address
                 and not (place.found.end <= k.found.start or place.found.start >= k.found.end)]
        same = all((k.found.start, k.found.end) == (place.found.start, place.found.end) for k in clash)
        if not clash or (same and all(k.score == place.score for k in clash)):
            kept.append(place)
    by_path: dict[str, list[_Place]] = {}
    for place in kept:
        by_path.setdefault(place.path, []).append(place)
    for path, places in by_path.items():
        backed = [p for p in places if p.score > 0]
        if backed and len(backed) < len(places):
            by_path[path] = backed  # the other places are the same words about something else
    return by_path


def where_stated(precedent: Resolution) -> dict[str, list[tuple[Address, int, int]]]:
    """Where the text states each of its facts (path -> (paragraph, start, end)), as propose reads it."""
    work = Work(precedent, {}, {a: p.text for a, p in precedent.walk()})
    places = _places(work, F.leaves(precedent.facts))
    return {path: [(p.address, p.found.start, p.found.end) for p in sorted(ps, key=lambda p: (p.address, p.found.start))]
            for path, ps in places.items()}


def _facts(work: Work) -> None:
    old = F.leaves(work.precedent.facts)
    places = _places(work, old)
    planned: dict[Address, list[tuple[_Place, str]]] = {}
    for path, value in old.items():
        if value is not None and path != "previous_resolution" and path not in work.handled:
            _plan(work, places, path, value, planned)
    work.flags.extend(new_keys(work.precedent, work.new_facts, work.handled))
    _apply(work, planned)


def _placeholder(work: Work, path: str, old: str | None = None) -> str:
    """What the draft says where a fact is null ('[Vice-Chair for 2015: none given]') or not known
    ('[Number of participants: not known; last time 54]')."""
    words = re.sub(r"^the ", "", label(path))
    if work.precedent.body is Body.GA and work.precedent.year:  # "the coming year" of the new text
        words = words.replace("the coming year", str(work.precedent.year + 2))
    return placeholder(words, old)


def _plan(work: Work, places: dict[str, list[_Place]], path: str, value: Any,
          planned: dict[Address, list[tuple[_Place, str]]]) -> None:
    """Plan the replacement of one fact, or say why it cannot be made."""
    found = sorted(places.get(path, []), key=lambda p: (p.address, p.found.start))
    if not found:
        work.flags.append(Flag(None, FlagKind.MISSING_FACT,
                               f"{label(path)[:1].upper()}{label(path)[1:]} ({F.render(value)}) is in the facts of "
                               f"{work.precedent.label} but not in its words: nothing to replace"))
        return
    if F.missing(work.new_facts, path):
        for p in found:
            work.stale_facts.setdefault(p.address, []).append((path, p.found.text))
            if "." not in path and "[" not in path:  # a record's fields stay: the statement is rewritten whole
                planned.setdefault(p.address, []).append((p, _placeholder(work, path, p.found.text)))
        return
    new = F.lookup(work.new_facts, path)
    if new is None:
        _null(work, path, found, planned)
        return
    if path.startswith("earlier_") and F.render(new) != F.render(value):
        for p in found:  # an earlier document is history: which one the new text cites is a person's call
            work.flags.append(Flag(p.address, FlagKind.AMBIGUOUS,
                                   f"{p.address} cites {quote(p.found.text)} ({label(path)}); the facts give "
                                   f"{F.render(new)}: left as it was; check which document the new text cites"))
        return
    if all(p.found.write(new) == p.found.text for p in found):
        return  # the same value again: nothing to do, nothing to check
    found = _in_role(work, path, found)
    if len(found) > 1:
        where = ", ".join(dict.fromkeys(str(p.address) for p in found))
        for address in dict.fromkeys(p.address for p in found):  # each paragraph carries its warning
            work.flags.append(Flag(address, FlagKind.AMBIGUOUS,
                                   f"{quote(F.render(value))} ({label(path)}) is in {len(found)} places ({where}); "
                                   f"each now says {quote(F.render(new))}: check that every one speaks of it"))
    for p in found:
        rival = _rival(work, places, p, p.found.write(new))
        if rival:
            work.flags.append(Flag(p.address, FlagKind.AMBIGUOUS,
                                   f"{p.address} says {quote(p.found.text)}, which may be {label(path)} or "
                                   f"{label(rival)}; their new values differ, so it was left as it was: choose"))
        else:
            planned.setdefault(p.address, []).append((p, p.found.write(new)))


def _in_role(work: Work, path: str, found: list[_Place]) -> list[_Place]:
    """The places where a fact named by its role stands in that role; the others are left and flagged.

    "until 15 September 1993" is the end of a mandate; "unless by 15 September 1993 the
    Secretary-General has reported" is a deadline that fell on the same day.
    """
    fitting = [p for p in found if role_fits(path, work.texts[p.address], p.found.start)]
    if not fitting or len(fitting) == len(found):
        return found
    for p in found:
        if p not in fitting:
            work.flags.append(Flag(p.address, FlagKind.AMBIGUOUS,
                                   f"{p.address} says {quote(p.found.text)}, the day of {label(path)}, but not as "
                                   f"{label(path)}: left as it was; check whether it moves too"))
    return fitting


def _null(work: Work, path: str, found: list[_Place],
          planned: dict[Address, list[tuple[_Place, str]]]) -> None:
    """A fact with no value this year: a visible placeholder where a name stood, and a flag."""
    record = "." in path or "[" in path  # a field of a record: the whole statement goes, a person rewrites it
    for address in dict.fromkeys(p.address for p in found):
        words = ", ".join(quote(p.found.text) for p in found if p.address == address)
        what = "rewrite or delete the statement" if record else "the draft has a placeholder there: rewrite the sentence"
        work.flags.append(Flag(address, FlagKind.NULL_FACT,
                               f"{address} says {words} ({label(path)}); the facts say there is none "
                               f"{new_text(work.precedent)}: {what}"))
    if not record:
        for p in found:
            planned.setdefault(p.address, []).append((p, _placeholder(work, path)))


def _rival(work: Work, places: dict[str, list[_Place]], place: _Place, written: str) -> str | None:
    """Another key claiming the same words with an equal right, and a different new value."""
    for path, ps in places.items():
        for p in ps:
            if p.path != place.path and p.address == place.address and p.found.start == place.found.start:
                if F.missing(work.new_facts, path) or F.lookup(work.new_facts, path) is None:
                    continue
                if p.found.write(F.lookup(work.new_facts, path)) != written:
                    return path
    return None


def _apply(work: Work, planned: dict[Address, list[tuple[_Place, str]]]) -> None:
    """Replace the planned spans paragraph by paragraph, one logged edit per fact key."""
    for address in sorted(planned):
        items = planned[address]
        done: list[tuple[int, int]] = []  # (original start, length change) of spans replaced so far
        paths = list(dict.fromkeys(p.path for p, _ in items))
        for path in paths:
            text = work.texts[address]
            for place, new in sorted((i for i in items if i[0].path == path), key=lambda i: -i[0].found.start):
                if any(s == place.found.start for s, _ in done):
                    continue  # a span shared by two keys is written once
                shift = sum(delta for s, delta in done if s < place.found.start)
                start, end = place.found.start + shift, place.found.end + shift
                text = text[:start] + new + text[end:]
                done.append((place.found.start, len(new) - (place.found.end - place.found.start)))
            work.set(address, work.rules.get(path, f"fact:{path}"), text)


# ---------------------------------------------------------------------------- the draft


def _draft(precedent: Resolution, texts: dict[Address, str], new_facts: Mapping[str, Any]) -> Resolution:
    draft = precedent
    for address, paragraph in precedent.walk():
        if texts[address] != paragraph.text:
            draft = draft.replace_paragraph(address, draft.get(address).with_text(texts[address]))
    annual = precedent.body is Body.GA and precedent.session is not None
    # What the secretariat assigns anew is left blank: the symbol, the draft's L. number and the
    # agenda item (each session numbers its agenda afresh), unless the new facts state it.
    return replace(
        draft, symbol=None, adopted=None, meeting=None, draft=None, vote=None, sponsors=(),
        agenda_item=str(new_facts["agenda_item"]) if new_facts.get("agenda_item") else None,
        session=precedent.session + 1 if annual and precedent.session is not None else precedent.session,
        year=precedent.year + 1 if annual and precedent.year else None,
        source=f"proposed by drafting from {precedent.label}",
        facts=dict(new_facts),
    )


def propose(precedent: Resolution, facts: Mapping[str, Any], *, source: str = "the facts") -> Proposal:
    """Next year's draft from ``precedent`` and the new ``facts``, with the edits and flags.

    The facts are checked first (:func:`drafting.proposal.intake.check_facts`; ``source`` names
    them in the message), and the draft is read back before it is returned (:mod:`.verify`).
    """
    from drafting.proposal import renewal, verify

    check_facts(precedent, facts, source)
    stated, read = read_unrecorded(precedent, facts)
    derived = renewal.derived_facts(stated.facts, facts)
    work = Work(stated, {**facts, **derived}, {a: p.text for a, p in precedent.walk()},
                 rules={k: "calendar:mandate-end" for k in derived})
    work.flags.extend(read)
    previous = previous_resolution(precedent)
    _sessions(work)
    _recall_chain(work, previous)
    _previous_resolution(work, previous)
    renewal.mandate_end_place(work)
    _closing_marks(work)
    renewal.documents(work)
    _facts(work)
    renewal.flag_derived(work, derived)
    _reporting_years(work)
    stale(work)
    verify.confirm_edits(work)
    verify.mixed_dates(work)
    verify.weekdays(work)
    verify.event_places(work)
    verify.symbol_parts(work)
    verify.read_back(work, short_symbol(precedent.symbol))
    verify.old_citations(work, CHAIN_RE)
    order = {a: i for i, (a, _) in enumerate(precedent.walk())}
    edits = sorted(work.edits, key=lambda e: order[e.paragraph])  # stable: rule order kept within a paragraph
    flags = sorted(work.flags, key=lambda f: (f.paragraph is not None, order.get(f.paragraph, -1) if f.paragraph else -1))
    return Proposal(precedent, _draft(precedent, work.texts, work.new_facts), tuple(edits), tuple(flags))
