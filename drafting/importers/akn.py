"""Akoma Ntoso import: an AKN4UN resolution (ours, or one marked up by hand) into the model.

A document we wrote carries ``meta/proprietary/drafting:resolution``: then every text is read
exactly as written and the facts, source, year, paragraph ids and lead overrides come back from
our namespace, so export then import gives the very same resolution. Any other AKN document is
read the way the AKN4UN guidelines mark a resolution up: the organ from the formula or the FRBR
author, the preambular paragraphs from ``recital``/``container``/``p`` in the ``preamble``, the
operative ones from ``paragraph``/``list``/``point`` in the ``mainBody``, white space collapsed,
the italic lead phrase (``<i>``, ``class="italic"`` or a ``preambularPhrase``/``operativePhrase``
inline) kept as an override only when the lexicon would not find it.

Parsing never resolves entities, never reads the network and refuses a DOCTYPE, so neither an
entity bomb nor an external entity can do anything; bad input is one ``DraftingError`` line.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Callable

from lxml import etree  # type: ignore[import-untyped,unused-ignore]

from drafting.errors import DraftingError
from drafting.model import Body, Paragraph, Part, Resolution
from drafting.model.resolution import note_anchor
from drafting.store import read_bytes

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
DNS = "urn:x-drafting:akn:1"
_XP = {"a": NS, "d": DNS}
_LEAD_NAMES = ("preambularPhrase", "operativePhrase", "lead")
_SKIP = ("del", "num")  # never part of the text: deletions (in a comparison), printed numbers
_CONTAINERS = ("hcontainer", "container", "section", "division", "part", "chapter")


def looks_like_xml(data: bytes) -> bool:
    """True when the bytes open like an XML document (after a BOM and white space)."""
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_akn(path: str | os.PathLike[str]) -> Resolution:
    """The resolution in an Akoma Ntoso file."""
    return parse_akn(read_bytes(path), str(path))


def parse_akn(data: bytes, file: str = "<akn>") -> Resolution:
    """The resolution in Akoma Ntoso bytes; DraftingError (one line) for anything else."""
    statement = _statement(_parse(data, file), file)
    doc = _Doc(statement, file)
    resolution = doc.resolution()
    if not resolution.preamble and not resolution.operative:
        raise DraftingError(f"{file}: expected preambular or operative paragraphs in the "
                            "<preamble> and <mainBody>, found none")
    return resolution


# ---------------------------------------------------------------------------- parsing


def _parse(data: bytes, file: str) -> Any:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             load_dtd=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc).splitlines()[0] if str(exc.msg or exc) else "empty document"
        raise DraftingError(f"{file}: expected well-formed XML (an Akoma Ntoso document), "
                            f"found an error at line {exc.lineno}: {message}") from None
    if root.getroottree().docinfo.doctype:
        raise DraftingError(f"{file}: expected an Akoma Ntoso document without a DOCTYPE, found "
                            "one (entities are never read); remove the DOCTYPE")
    return root


def _statement(root: Any, file: str) -> Any:
    qname = etree.QName(root)
    if qname.localname != "akomaNtoso" or qname.namespace != NS:
        found = f"<{qname.localname}>" + (f" in {qname.namespace}" if qname.namespace else "")
        raise DraftingError(f"{file}: expected an Akoma Ntoso document (<akomaNtoso> in {NS}), "
                            f"found {found}")
    for child in root:
        name = etree.QName(child).localname
        if name in ("statement", "doc"):
            return child
        raise DraftingError(f"{file}: expected a resolution (<statement>), found <{name}>")
    raise DraftingError(f"{file}: expected a resolution (<statement>) in <akomaNtoso>, found nothing")


def _local(elem: Any) -> str:
    return etree.QName(elem).localname if isinstance(elem.tag, str) else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def _is_lead(elem: Any) -> bool:
    name = _local(elem)
    if name in ("i", "em"):
        return True
    if name == "inline" and elem.get("name") in _LEAD_NAMES:
        return True
    return name in ("span", "inline") and "italic" in (elem.get("class") or "").split()


# ---------------------------------------------------------------------------- text


class _Text:
    """The text of a block: words, footnotes taken out, the lead phrase found at its start."""

    def __init__(self, exact: bool):
        self.exact = exact
        self.parts: list[str] = []
        self.notes: list[str] = []
        self.places: list[int] = []  # where each note's marker stood in the joined parts
        self.lead: str | None = None

    def read(self, elem: Any, top: bool = True) -> "_Text":
        self.parts.append(elem.text or "")
        for child in elem:
            name = _local(child)
            if name == "authorialNote" and child.get("status") == "removed":
                pass  # a footnote deleted in a comparison: not part of the text
            elif name == "authorialNote":
                self.notes.append(_Text(self.exact).blocks(child).text)
                self.places.append(len("".join(self.parts)))
            elif name not in _SKIP and name not in ("eol", "br"):
                start = len(self.parts)
                at_start = not "".join(self.parts).strip()
                self.read(child, top=False)
                if top and at_start and self.lead is None and _is_lead(child):
                    self.lead = self._clean("".join(self.parts[start:]))
            elif name in ("eol", "br"):
                self.parts.append(" ")
            self.parts.append(child.tail or "")
        return self

    def blocks(self, elem: Any) -> "_Text":
        """Every ``p`` (or other block) below ``elem``, joined by a space."""
        blocks = [c for c in elem if _local(c) not in _SKIP] or [elem]
        for i, block in enumerate(blocks):
            if i:
                self.parts.append(" ")
            if block is elem:
                self.parts.append(elem.text or "")
            else:
                self.read(block)
        return self

    def _clean(self, text: str) -> str:
        return text if self.exact else _squash(text)

    @property
    def text(self) -> str:
        return self._clean("".join(self.parts))

    @property
    def note(self) -> str | None:
        return "\n".join(self.notes) if self.notes else None

    @property
    def note_at(self) -> tuple[str, ...]:
        """The words each note's marker follows; () for one note at the end of the text."""
        raw = "".join(self.parts)
        rest = raw[self.places[0]:] if self.notes else ""
        if not self.notes or (len(self.notes) == 1 and not (rest if self.exact else rest.strip())):
            return ()
        text = self.text
        return tuple(note_anchor(text, len(self._clean(raw[:at].rstrip() if not self.exact else raw[:at])))
                     for at in self.places)


# ---------------------------------------------------------------------------- the document


class _Doc:
    def __init__(self, statement: Any, file: str):
        self.root = statement
        self.file = file
        found = statement.xpath("a:meta/a:proprietary/d:resolution", namespaces=_XP)
        self.own = found[0] if found else None
        self.exact = self.own is not None

    def xp(self, path: str) -> list[Any]:
        return list(self.root.xpath(path, namespaces=_XP))

    def text_of(self, path: str) -> str | None:
        found = self.xp(path)
        return _Text(self.exact).read(found[0]).text if found else None

    def body(self) -> Body:
        authority = self.text_of("a:preface//a:docAuthority") or ""
        hrefs = " ".join(self.xp("a:meta/a:identification/a:FRBRWork/a:FRBRauthor/@href"))
        formula = self.text_of("a:preamble/a:formula") or ""
        if "Security Council" in authority + formula or re.search(r"un-?sc\b|securityCouncil", hrefs):
            return Body.SC
        return Body.GA

    def resolution(self) -> Resolution:
        body = self.body()
        meta = _Meta(self, body)
        parts = _Parts(self)
        return Resolution(
            symbol=meta.symbol(), body=body, session=meta.session(), year=meta.year(),
            adopted=meta.adopted(), meeting=meta.meeting(), agenda_item=meta.agenda_item(),
            draft=self.text_of("a:preface//a:docNumber[@refersTo='#draftResolution']"),
            vote=meta.vote(), adoption_note=meta.adoption_note(), sponsors=meta.sponsors(),
            title=meta.title(), source=meta.source(), facts=meta.facts(),
            section_numbering=meta.own("section_numbering"),
            preamble=parts.preamble(), operative=parts.operative())


# ---------------------------------------------------------------------------- metadata


def _int(text: str | None) -> int | None:
    found = re.search(r"-?\d+", text or "")
    return int(found.group()) if found else None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((text or "")[:10])
    except ValueError:
        return None


class _Meta:
    def __init__(self, doc: _Doc, body: Body):
        self.doc, self.body = doc, body

    def own(self, tag: str) -> str | None:
        if self.doc.own is None:
            return None
        found = self.doc.own.find(f"{{{DNS}}}{tag}")
        return found.text or "" if found is not None else None

    def symbol(self) -> str | None:
        mine = self.doc.text_of("a:preface//a:docNumber[@refersTo='#symbol']")
        if mine is not None or self.doc.exact:
            return mine
        numbers = [_squash("".join(n.itertext())) for n in self.doc.xp(".//a:docNumber")]
        for number in numbers:
            if re.match(r"[AS]/RES/", number):
                return number
        aliases = self.doc.xp("a:meta/a:identification/a:FRBRWork/a:FRBRalias/@value")
        if aliases:
            return str(aliases[0])
        short = next((m for n in numbers if (m := re.fullmatch(r"(\d+)/(\d+)\.?", n))), None)
        return f"A/RES/{short[1]}/{short[2]}" if short and self.body is Body.GA else None

    def session(self) -> int | None:
        return _int(next(iter(self.doc.xp(".//a:session/@value")), None))

    def adopted(self) -> dt.date | None:
        found = self.doc.xp("a:conclusions//a:docDate/@date")
        if found or self.doc.exact:
            return _date(found[0]) if found else None
        work = self.doc.xp("a:meta/a:identification/a:FRBRWork/a:FRBRdate[@name='adoption']/@date")
        return _date(work[0]) if work else None

    def year(self) -> int | None:
        if self.doc.exact:
            return _int(self.own("year"))
        adopted = self.adopted()
        in_symbol = re.search(r"\((\d{4})\)", self.symbol() or "")
        return adopted.year if adopted else int(in_symbol[1]) if in_symbol else None

    def meeting(self) -> int | None:
        found = self.doc.text_of("a:conclusions//a:inline[@name='meeting']")
        if found is not None or self.doc.exact:
            return _int(found)
        line = " ".join(self.doc.root.xpath("string(a:conclusions)", namespaces=_XP).split())
        match = re.search(r"(\d+)(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting", line)
        return int(match[1]) if match else None

    def agenda_item(self) -> str | None:
        found = self.doc.text_of("a:preface//a:inline[@name='agendaItem']")
        if found is not None or self.doc.exact:
            return found
        keys = self.doc.xp("a:meta/a:classification/a:keyword[contains(@refersTo,'agenda')]/@value")
        return str(keys[0]) if keys else None

    def vote(self) -> str | None:
        found = self.doc.text_of("a:conclusions//a:inline[@name='vote']")
        if found is not None or self.doc.exact:
            return found
        outcome = " ".join(self.doc.xp("a:meta/a:analysis/a:parliamentary/a:voting/@outcome"))
        return "without a vote" if "withoutvote" in outcome.lower() else None

    def adoption_note(self) -> str | None:
        notes = self.doc.xp("a:conclusions//a:authorialNote")
        return _Text(self.doc.exact).blocks(notes[0]).text if notes else None

    def sponsors(self) -> tuple[str, ...]:
        found = self.doc.xp("a:preface//a:docProponent")
        return tuple(_Text(self.doc.exact).read(s).text for s in found)

    def title(self) -> str | None:
        return self.doc.text_of("a:preface//a:docTitle") or (
            None if self.doc.exact else self.doc.text_of("a:coverPage//a:docTitle"))

    def source(self) -> str | None:
        return self.own("source") if self.doc.exact else Path(self.doc.file).name

    def facts(self) -> dict[str, Any]:
        found = self.doc.own.find(f"{{{DNS}}}facts") if self.doc.own is not None else None
        return dict(_value(found)) if found is not None else {}


_SCALARS: dict[str, Callable[[str], Any]] = {
    "str": str, "int": int, "float": float, "bool": lambda t: t == "true",
    "date": dt.date.fromisoformat, "datetime": dt.datetime.fromisoformat}


def _value(elem: Any) -> Any:
    """A fact value written by the exporter (typed in our namespace)."""
    kind = elem.get("type")
    if kind == "list":
        return [_value(item) for item in elem]
    if kind == "map":
        return {item.get("key"): _value(item) for item in elem}
    if kind == "null":
        return None
    return _SCALARS.get(kind or "str", str)(elem.text or "")


# ---------------------------------------------------------------------------- paragraphs


class _Parts:
    """The preambular and operative paragraphs."""

    def __init__(self, doc: _Doc):
        self.doc = doc

    def preamble(self) -> tuple[Paragraph, ...]:
        out: list[Paragraph] = []
        for elem in self.doc.xp("a:preamble/*"):
            name = _local(elem) if elem.get("status") != "removed" else ""
            if name == "recitals":
                out.extend(self.pre(r, True) for r in elem
                           if _local(r) == "recital" and r.get("status") != "removed")
            elif name in ("recital", "container", "p", "citation"):
                out.append(self.pre(elem, True))
        return tuple(p for p in out if p.text)

    def operative(self) -> tuple[Paragraph, ...]:
        out: list[Paragraph] = []

        heading: list[str] = []  # a section's heading, waiting for the section's first paragraph

        def walk(parent: Any) -> None:
            for elem in parent:
                name = _local(elem) if elem.get("status") != "removed" else ""
                if name == "paragraph":
                    made = self.hier(elem, Part.OPERATIVE, True)
                elif name == "p":
                    made = self.make(elem, _Text(self.doc.exact).read(elem), Part.OPERATIVE, True, ())
                elif name in _CONTAINERS:
                    heading[:] = [_squash("".join(n.itertext())) for n in elem if _local(n) == "num"][:1]
                    walk(elem)
                    continue
                else:
                    continue
                if heading and made.text:  # the section's heading on its first paragraph
                    made = replace(made, section=heading.pop())
                out.append(made)

        for main in self.doc.xp("a:mainBody"):
            walk(main)
        return tuple(p for p in out if p.text)

    def make(self, elem: Any, text: _Text, part: Part, top: bool,
             items: tuple[Paragraph, ...]) -> Paragraph:
        if self.doc.exact:
            lead = elem.get(f"{{{DNS}}}lead")
        elif top:
            found = Paragraph(text.text).lead_phrase(part)  # what the lexicon would find
            lead = text.lead if text.lead and text.lead != found else None
        else:
            lead = text.lead
        return Paragraph(text.text, items, elem.get(f"{{{DNS}}}id"), lead, text.note, note_at=text.note_at,
                         numbering=elem.get(f"{{{DNS}}}numbering"),
                         section=elem.get(f"{{{DNS}}}section") if top else None)

    def pre(self, elem: Any, top: bool) -> Paragraph:
        """A recital, container or item: its blocks, sub-paragraphs in a ``blockList``."""
        text, items = _Text(self.doc.exact), []
        for child in elem if _local(elem) != "p" else [elem]:
            name = _local(child)
            if name == "blockList":
                for part in child:
                    if _local(part) == "listIntroduction":
                        text.read(part)
                    elif _local(part) == "item" and part.get("status") != "removed":
                        items.append(self.pre(part, False))
            elif name not in ("num", "heading", "subheading"):
                if text.parts:
                    text.parts.append(" ")
                text.read(child)
        return self.make(elem, text, Part.PREAMBLE, top, tuple(i for i in items if i.text))

    def hier(self, elem: Any, part: Part, top: bool) -> Paragraph:
        """A paragraph or point: ``content``, or ``intro`` and points (in a ``list`` or not)."""
        text, items = _Text(self.doc.exact), []

        def walk(parent: Any) -> None:
            for child in parent:
                name = _local(child) if child.get("status") != "removed" else ""
                if name in ("content", "intro"):
                    if text.parts:
                        text.parts.append(" ")
                    text.blocks(child)
                elif name == "list":
                    walk(child)
                elif name in ("point", "paragraph", "subparagraph"):
                    items.append(self.hier(child, part, False))

        walk(elem)
        return self.make(elem, text, part, top, tuple(i for i in items if i.text))
