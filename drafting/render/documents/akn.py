"""Akoma Ntoso for the UN (AKN4UN): a resolution, or a comparison of two, as an AKN 3.0 document.

A resolution becomes ``<akomaNtoso><statement name="resolution">`` (``resolutionDraft`` while it
has no adoption date): FRBR identification, references, the vote in ``analysis/parliamentary``,
the adoption in ``workflow``; a ``preface`` with the organ, symbol, session, agenda item,
sponsors and title; a ``preamble`` with the formula ("The General Assembly,") and one
``recital`` per preambular paragraph; a ``mainBody`` of numbered ``paragraph`` elements whose
sub-paragraphs are ``list``/``point`` (nesting (a), (i)); ``conclusions`` with the meeting, date
and vote. Footnotes are ``authorialNote``, each where its marker stands. Operative paragraphs
under a section heading ("A", "II") stand in an ``hcontainer name="section"`` with the heading as
its ``num``. What AKN has no place for (the facts, the source, the year, paragraph ids, lead
overrides, a recital's section heading, numbering restarting per section) goes into ``meta/proprietary`` and attributes in our own
namespace, so that import gives back the very same resolution.

Lead phrases. AKN4UN splits markup into structural, semantic and typographical, and keeps
typographical markup for what is *residual*: characteristics not already carried by structural
or semantic markup. The italic lead ("Recognizing also", "Calls upon") is not decoration, it is
the preambular or operative phrase, so it is marked semantically:
``<inline name="preambularPhrase" refersTo="#preambularPhrase" class="italic">`` (``operativePhrase``
in the operative part), the concept declared in ``references``. ``class="italic"`` tells any
renderer how the UN prints it, without a second, purely typographical element.

Output is deterministic: the same resolution always gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterable

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from drafting.errors import DraftingError
from drafting.model import Body, Comparison, Part, Resolution, format_date, ordinal_digits, ordinal_word
from drafting.render.documents.akn_body import (A_TAG, D_TAG, DNS, NS, Node, Run, Writer, append_text, body, el,
                                              fill, note, tree_of)

_A, _D = A_TAG, D_TAG
SOURCE = "#drafting"
ACTOR = {Body.GA: "un-ga", Body.SC: "un-sc"}
ORGAN = {Body.GA: "generalAssembly", Body.SC: "securityCouncil"}
_ILLEGAL = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


# ---------------------------------------------------------------------------- public API


def to_akn(resolution: Resolution) -> bytes:
    """The resolution as an AKN4UN document (UTF-8 bytes with an XML declaration)."""
    _check_chars(resolution)
    pre, ops = tree_of(resolution)
    return serialize(document(resolution, pre, ops, resolution.title))


def comparison_to_akn(comparison: Comparison, old: Resolution, new: Resolution) -> bytes:
    """The new text with ``ins``/``del`` inline and every change in ``analysis/activeModifications``."""
    from drafting.render.documents import akn_diff

    _check_chars(old)
    _check_chars(new)
    return akn_diff.comparison_to_akn(comparison, old, new)


# ---------------------------------------------------------------------------- meta

CONCEPTS = ("preambularPhrase", "operativePhrase", "symbol", "draftResolution", "agendaItem",
            "title", "adopted", "meeting", "vote", "voteRecord", "votesFor", "votesAgainst",
            "abstentions")
_VOTE = (("votesFor", r"by (\d+) votes?"), ("votesAgainst", r"to (\d+)"),
         ("abstentions", r"(\d+) abstentions?"))


def number(r: Resolution) -> str:
    """The number in the FRBR URI: 68-128 for A/RES/68/128, 350 for S/RES/350 (1974)."""
    symbol = r.symbol or r.draft or ""
    ga = re.match(r"A/RES/(\d+)/(\d+)", symbol)
    if ga:
        return f"{ga[1]}-{ga[2]}"
    sc = re.match(r"S/RES/(\d+)", symbol)
    if sc:
        return sc[1]
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-") or "draft"


def work_date(r: Resolution) -> tuple[str, str]:
    """The Work's date and its name: the adoption, else 1 January of the year."""
    if r.adopted:
        return r.adopted.isoformat(), "adoption"
    if r.year and 1 <= r.year <= 9999:
        return f"{r.year:04d}-01-01", "year"
    return "0001-01-01", "unknown"


def work_uri(r: Resolution) -> str:
    """/akn/un/statement/deliberation/un-ga/2013-12-18/68-128"""
    return f"/akn/un/statement/deliberation/{ACTOR[r.body]}/{work_date(r)[0]}/{number(r)}"


def identification(meta: Any, r: Resolution) -> None:
    uri, (date, name), actor = work_uri(r), work_date(r), "#" + ACTOR[r.body]
    ident = el(meta, "identification", source=SOURCE)
    work = el(ident, "FRBRWork")
    el(work, "FRBRthis", value=f"{uri}/!main")
    el(work, "FRBRuri", value=uri)
    if r.symbol:
        el(work, "FRBRalias", value=r.symbol, name="symbol")
    el(work, "FRBRdate", date=date, name=name)
    el(work, "FRBRauthor", href=actor, as_="#author")
    el(work, "FRBRcountry", value="un")
    el(work, "FRBRsubtype", value="deliberation")
    el(work, "FRBRnumber", value=number(r))
    el(work, "FRBRname", value="resolution" if r.adopted else "resolutionDraft")
    expr = el(ident, "FRBRExpression")
    for tag, value in (("FRBRthis", f"{uri}/eng@/!main"), ("FRBRuri", f"{uri}/eng@")):
        el(expr, tag, value=value)
    el(expr, "FRBRdate", date=date, name=name)
    el(expr, "FRBRauthor", href=actor, as_="#author")
    el(expr, "FRBRlanguage", language="eng")
    manif = el(ident, "FRBRManifestation")
    for tag, value in (("FRBRthis", f"{uri}/eng@/!main.xml"), ("FRBRuri", f"{uri}/eng@.xml")):
        el(manif, tag, value=value)
    el(manif, "FRBRdate", date=date, name=name)
    el(manif, "FRBRauthor", href=SOURCE, as_="#editor")
    el(manif, "FRBRformat", value="application/akn+xml")


def voting(parliamentary: Any, vote: str) -> None:
    """The vote as recorded, and its figures when it gives them ("by 13 votes to none")."""
    node = el(parliamentary, "voting", eId="voting_1", outcome="#adopted", refersTo="#vote")
    el(node, "count", eId="voting_1__record", value=vote, refersTo="#voteRecord")
    for concept, pattern in _VOTE:
        found = re.search(pattern, vote)
        if found:
            el(node, "count", eId=f"voting_1__{concept}", value=found[1], refersTo="#" + concept)


def references(meta: Any, r: Resolution, concepts: Iterable[str]) -> None:
    refs = el(meta, "references", source=SOURCE)
    el(refs, "TLCOrganization", eId=ACTOR[r.body], showAs=r.body.value,
       href=f"/akn/ontology/organization/un/{ORGAN[r.body]}")
    el(refs, "TLCOrganization", eId="drafting", href="/akn/ontology/organization/drafting",
       showAs="drafting")
    for role in ("author", "editor", "sponsor"):
        el(refs, "TLCRole", eId=role, href=f"/akn/ontology/role/{role}", showAs=role)
    for concept in (*CONCEPTS, *concepts):
        el(refs, "TLCConcept", eId=concept, href=f"/akn/ontology/concept/un/{concept}",
           showAs=concept)


def put_value(parent: Any, tag: str, value: Any, **attrs: str) -> None:
    """A fact value in our namespace, typed so that it comes back exactly."""
    kinds = ((bool, "bool"), (int, "int"), (float, "float"), (dt.datetime, "datetime"),
             (dt.date, "date"), (str, "str"), (list, "list"), (dict, "map"))
    kind = next((name for t, name in kinds if isinstance(value, t)), "null")
    node = el(parent, _D + tag, type=kind, **attrs)
    if kind == "list":
        for item in value:
            put_value(node, "item", item)
    elif kind == "map":
        for key, item in value.items():
            put_value(node, "entry", item, key=str(key))
    elif kind == "bool":
        node.text = "true" if value else "false"
    elif kind in ("date", "datetime"):
        node.text = value.isoformat()
    elif kind != "null":
        node.text = repr(value) if kind == "float" else str(value)


def proprietary(meta: Any, r: Resolution) -> None:
    """What AKN has no place for: the year, the source, the facts."""
    own = el(el(meta, "proprietary", source=SOURCE), _D + "resolution")
    if r.year is not None:
        el(own, _D + "year", str(r.year))
    if r.source is not None:
        el(own, _D + "source", r.source)
    if r.section_numbering is not None:
        el(own, _D + "section_numbering", r.section_numbering)
    if r.facts:
        put_value(own, "facts", dict(r.facts))


def meta(statement: Any, r: Resolution, analysis: Any = None, concepts: Iterable[str] = ()) -> None:
    node = el(statement, "meta")
    identification(node, r)
    if r.adopted:
        step = el(el(node, "workflow", source=SOURCE), "step", date=r.adopted.isoformat(),
                  by="#" + ACTOR[r.body], outcome="#adopted")
        if r.meeting is not None:
            step.set("refersTo", "#meeting")
    if analysis is not None or r.vote is not None:
        ana = el(node, "analysis", source=SOURCE)
        if analysis is not None:
            analysis(ana)
        if r.vote is not None:
            voting(el(ana, "parliamentary"), r.vote)
    references(node, r, concepts)
    proprietary(node, r)


def preface(statement: Any, r: Resolution, title: str | list[Run] | None) -> None:
    pre = el(statement, "preface")
    el(el(pre, "p", class_="organ"), "docAuthority", r.body.value, refersTo="#" + ACTOR[r.body])
    if r.symbol is not None:
        el(el(pre, "p", class_="symbol"), "docNumber", r.symbol, refersTo="#symbol")
    if r.draft is not None:
        el(el(pre, "p", "Draft resolution ", class_="draft"), "docNumber", r.draft,
           refersTo="#draftResolution")
    if r.session is not None:
        el(el(pre, "p", class_="session"), "session", session_text(r.session),
           value=str(r.session), refersTo="#" + ACTOR[r.body])
    if r.agenda_item is not None:
        el(el(pre, "p", "Agenda item ", class_="agendaItem"), "inline", r.agenda_item,
           name="agendaItem", refersTo="#agendaItem")
    if r.sponsors:
        p = el(pre, "p", "Sponsors: ", class_="sponsors")
        for i, sponsor in enumerate(r.sponsors):
            append_text(p, ", " if i else "")
            el(p, "docProponent", sponsor, as_="#sponsor")
    if title is not None:
        doc_title = el(el(pre, "p", class_="title"), "docTitle", refersTo="#title")
        fill(doc_title, [("text", title)] if isinstance(title, str) else title, Part.PREAMBLE)


def conclusions(statement: Any, r: Resolution, writer: "Writer") -> None:
    """The adoption line: "Adopted at the 69th plenary meeting, on 18 December 2013, ..."."""
    if r.meeting is None and r.adopted is None and r.vote is None and r.adoption_note is None:
        return
    p = el(el(statement, "conclusions", eId="conclusions"), "p", "Adopted")
    if r.meeting is not None:
        append_text(p, " at the ")
        el(p, "inline", meeting_text(r), name="meeting", refersTo="#meeting")
    if r.adopted is not None:
        append_text(p, ", on " if r.meeting is not None else " on ")
        el(p, "docDate", format_date(r.adopted), date=r.adopted.isoformat(), refersTo="#adopted")
    if r.vote is not None:
        append_text(p, ", ")
        el(p, "inline", r.vote, name="vote", refersTo="#vote")
    append_text(p, ".")
    if r.adoption_note is not None:
        writer.marker += 1
        note(p, "conclusions", [("text", r.adoption_note)], writer.marker)


# ---------------------------------------------------------------------------- document


def document(r: Resolution, pre: list[Node], ops: list[Node], title: str | list[Run] | None,
             analysis: Any = None, concepts: Iterable[str] = ()) -> Any:
    """The whole ``akomaNtoso`` element; ``title`` is a string or runs; ``analysis`` a callback."""
    root = etree.Element(_A + "akomaNtoso", nsmap={None: NS, "drafting": DNS})
    statement = el(root, "statement", name="resolution" if r.adopted else "resolutionDraft")
    meta(statement, r, analysis, concepts)
    preface(statement, r, title)
    writer = Writer()
    body(statement, r, pre, ops, writer)
    conclusions(statement, r, writer)
    return root


_STRUCTURE = {"p", "num", "listIntroduction", "docTitle", "inline", "ins", "del", "authorialNote"}


def indent(elem: Any, level: int = 0) -> None:
    """Indent element-only content; mixed content (text of paragraphs) is never touched."""
    if not len(elem) or elem.tag[len(_A):] in _STRUCTURE or (elem.text or "").strip():
        return
    if elem.get("type") not in (None, "list", "map"):  # a fact value: its text is the value
        return
    pad = "\n" + "  " * (level + 1)
    elem.text = pad
    for child in elem:
        indent(child, level + 1)
        child.tail = pad
    elem[-1].tail = "\n" + "  " * level


def serialize(root: Any) -> bytes:
    indent(root)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8")) + b"\n"


# ---------------------------------------------------------------------------- checks


def _strings(value: Any, where: str) -> Iterable[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _strings(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(str(key), f"{where}.{key}")
            yield from _strings(item, f"{where}.{key}")


def _check_chars(r: Resolution) -> None:
    """Refuse, naming the place, a character XML 1.0 cannot hold (it would not come back)."""
    found = list(_strings(r.to_dict(), ""))
    for where, text in found:
        bad = _ILLEGAL.search(text)
        if bad:
            place = where.lstrip(".") or "text"
            raise DraftingError(f"{r.label}: {place}: expected characters XML can hold, found "
                                f"U+{ord(bad.group()):04X}; remove it before exporting to AKN")


def meeting_text(r: Resolution) -> str:
    assert r.meeting is not None
    plenary = " plenary" if r.body is Body.GA else ""
    return f"{ordinal_digits(r.meeting)}{plenary} meeting"


def session_text(session: int) -> str:
    return f"{ordinal_word(session).capitalize()} session" if session > 0 else f"Session {session}"
