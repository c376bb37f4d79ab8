"""Read a Word resolution back into a :class:`~drafting.model.Resolution`.

Reads the documents :mod:`drafting.render.documents.docx` writes, and UN-layout documents in general: one
paragraph per Word paragraph, sub-paragraphs by their numbering level, style or "(a)"/"(i)" label,
operative numbers stripped, footnotes back into ``note``, the lead phrase from the italic words
that open a paragraph, metadata from the heading. Tracked changes are read as accepted (inserted
text kept, deleted text and deleted paragraph marks dropped). The tool's own documents also carry
their metadata and facts in ``docProps/custom.xml``, so that render then read is exact.

Only the standard library and lxml (a python-docx dependency) are used: a .docx is a zip of XML.
"""
from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafting.errors import DraftingError
from drafting.model.leads import detect_lead
from drafting.model import Part, Resolution, is_roman, parse_date, parse_ordinal

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
from drafting.store import EXTRAS_PROPERTY, METADATA_PROPERTY

_ORGAN = re.compile(r"^The (General Assembly|Security Council),$")
_NUMBER = re.compile(r"^(\d+)\.\s+")
_LABEL = re.compile(r"^\(([a-z]+)\)\s+")


@dataclass
class WordParagraph:
    """A Word paragraph as read: text, the italic words that open it, its style and level."""

    text: str = ""
    italic: str = ""  # the leading italic text
    style: str = ""
    level: int | None = None  # numbering level (w:ilvl) when numbered
    num_id: str | None = None
    notes: list[str] = field(default_factory=list)
    italic_open: bool = True  # still inside the leading italic runs


def read_docx(path: str | os.PathLike[str]) -> Resolution:
    """The resolution in a Word file; DraftingError naming the file when it is not a .docx."""
    parts = _open(Path(path))
    from lxml import etree

    def xml(name: str):
        data = parts.get(name)
        return etree.fromstring(data) if data else None

    try:
        document = xml("word/document.xml")
        footnotes = _footnotes(xml("word/footnotes.xml"))
        custom = _custom(xml("docProps/custom.xml"))
    except etree.XMLSyntaxError as exc:
        raise DraftingError(f"{path}: expected a Word .docx file, found broken XML inside ({exc.msg})") from None
    heading, paragraphs = _paragraphs(document, footnotes)
    organ = next((i for i, p in enumerate(paragraphs) if _ORGAN.match(p.text.strip())), None)
    if organ is None:
        raise DraftingError(f'{path}: expected a resolution with an organ line ("The General Assembly," '
                            'or "The Security Council,"), found none; is this a UN resolution?')
    heading += [(p.text.strip(), p.style) for p in paragraphs[:organ]]
    body, adoption = _split_adoption(paragraphs[organ + 1:])
    meta = parse_heading(heading, paragraphs[organ].text.strip(), adoption)
    own = METADATA_PROPERTY in custom
    if own:
        meta = _yaml(custom[METADATA_PROPERTY])
    data: dict[str, Any] = dict(meta)
    data["preamble"], data["operative"] = _structure(body, own)
    if EXTRAS_PROPERTY in custom:
        _apply_extras(data, _yaml(custom[EXTRAS_PROPERTY]))
    return Resolution.from_dict(data)


# ---------------------------------------------------------------------------- the package


def _open(path: Path) -> dict[str, bytes]:
    def bad(found: str) -> DraftingError:
        return DraftingError(f"{path}: expected a Word .docx file, found {found}")

    if not path.exists():
        raise DraftingError(f"{path}: no such file")
    if path.is_dir():
        raise bad("a directory")
    if path.stat().st_size == 0:
        raise bad("an empty file")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "word/document.xml" not in names:
                raise bad("a zip archive without word/document.xml (not a Word document)")
            wanted = ("word/document.xml", "word/footnotes.xml", "docProps/custom.xml")
            return {name: archive.read(name) for name in wanted if name in names}
    except zipfile.BadZipFile:
        head = path.read_bytes()[:8]
        kind = "an old binary Word .doc file" if head.startswith(b"\xd0\xcf\x11\xe0") else "a file that is not a zip archive"
        raise bad(kind) from None


def _footnotes(root) -> dict[str, str]:
    if root is None:
        return {}
    out = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = "\n".join(_plain_text(p) for p in note.iter(f"{W}p"))
        out[note.get(f"{W}id")] = text[1:] if text.startswith(" ") else text
    return out


def _plain_text(p) -> str:
    """A paragraph's text as accepted: w:t, tabs and breaks, nothing from deleted runs."""
    out = []
    for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if any(a.tag in (f"{W}del", f"{W}moveFrom") for a in el.iterancestors()):
            continue
        out.append(el.text or "" if el.tag == f"{W}t" else "\t" if el.tag == f"{W}tab" else "\n")
    return "".join(out)


def _custom(root) -> dict[str, str]:
    if root is None:
        return {}
    return {prop.get("name"): "".join(prop.itertext()) for prop in root.iter(f"{_CUSTOM}property")}


def _yaml(text: str) -> Any:
    import yaml

    return yaml.safe_load(text) or {}


# ---------------------------------------------------------------------------- paragraphs


def _paragraphs(document, footnotes: dict[str, str]) -> tuple[list[tuple[str, str]], list[WordParagraph]]:
    """Heading lines found in tables, and the body's paragraphs as accepted (deleted marks joined)."""
    body = document.find(f"{W}body")
    heading: list[tuple[str, str]] = []  # (text, style)
    out: list[WordParagraph] = []
    joining = False
    for child in body:
        if child.tag == f"{W}tbl":
            heading += [(_plain_text(p).strip(), "") for p in child.iter(f"{W}p")]
            continue
        if child.tag != f"{W}p":
            continue
        par = out[-1] if joining else WordParagraph()
        if not joining:
            _properties(child, par)
            out.append(par)
        _runs(child, par, footnotes)
        ppr = child.find(f"{W}pPr")
        mark = ppr.find(f"{W}rPr") if ppr is not None else None
        joining = mark is not None and mark.find(f"{W}del") is not None
        if joining and par.text == "" and not par.notes:  # a deleted paragraph: take the next one's properties
            out.pop()
            joining = False
    return [h for h in heading if h[0]], out


def _properties(p, par: WordParagraph) -> None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        return
    style = ppr.find(f"{W}pStyle")
    par.style = style.get(f"{W}val") if style is not None else ""
    numpr = ppr.find(f"{W}numPr")
    if numpr is not None:
        ilvl, num = numpr.find(f"{W}ilvl"), numpr.find(f"{W}numId")
        par.level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
        par.num_id = num.get(f"{W}val") if num is not None else None


def _runs(element, par: WordParagraph, footnotes: dict[str, str]) -> None:
    for child in element:
        tag = child.tag
        if tag in (f"{W}del", f"{W}moveFrom", f"{W}pPr"):
            continue
        if tag == f"{W}r":
            _run(child, par, footnotes)
        elif tag in (f"{W}ins", f"{W}moveTo", f"{W}hyperlink", f"{W}smartTag", f"{W}sdt", f"{W}sdtContent"):
            _runs(child, par, footnotes)


def _run(r, par: WordParagraph, footnotes: dict[str, str]) -> None:
    mark = r.find(f"{W}rPr/{W}i")
    italic = mark is not None and mark.get(f"{W}val") not in ("0", "false", "off")
    text = []
    for child in r:
        if child.tag == f"{W}t":
            text.append(child.text or "")
        elif child.tag == f"{W}tab":
            text.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            text.append("\n")
        elif child.tag == f"{W}footnoteReference":
            note = footnotes.get(child.get(f"{W}id"))
            if note is not None:
                par.notes.append(note)
    chunk = "".join(text)
    if not chunk:
        return
    if par.italic_open and italic:
        par.italic += chunk
    else:
        par.italic_open = False
    par.text += chunk


def _split_adoption(paragraphs: list[WordParagraph]) -> tuple[list[WordParagraph], list[str]]:
    """The body, and the adoption lines at its end ('69th plenary meeting', 'Adopted at ...')."""
    end = len(paragraphs)
    while end and (not paragraphs[end - 1].text.strip() or paragraphs[end - 1].style == "UNAdoption"
                   or _is_adoption(paragraphs[end - 1].text.strip())):
        end -= 1
    return paragraphs[:end], [p.text.strip() for p in paragraphs[end:] if p.text.strip()]


def _is_adoption(text: str) -> bool:
    return bool(re.match(r"^(\d+\w\w plenary meeting|Adopted (at|by|unanimously) .*meeting.*)$", text)
                or re.match(r"^\d{1,2} [A-Z][a-z]+ \d{4}$", text))


def _structure(body: list[WordParagraph], own: bool) -> tuple[list[Any], list[Any]]:
    """Preamble and operative lists (YAML-shaped data) from the body's paragraphs."""
    parts: dict[Part, list[dict[str, Any]]] = {Part.PREAMBLE: [], Part.OPERATIVE: []}
    stack: list[dict[str, Any]] = []  # the open paragraph at each depth
    part = Part.PREAMBLE
    last_label: dict[int, str] = {}
    for par in body:
        depth, text, part = _place(par, part, last_label)
        if not text.strip() and not par.notes:
            continue
        node: dict[str, Any] = {"text": text}
        lead = par.italic if text.startswith(par.italic) else ""
        if depth == 0:
            found = detect_lead(text, part)
            if own and lead != found:
                node["lead"] = lead
            elif not own and lead and lead != found:
                node["lead"] = lead
        elif lead:
            node["lead"] = lead
        if par.notes:
            node["note"] = " ".join(par.notes)
        if depth == 0 or not stack:
            parts[part].append(node)
            stack = [node]
        else:
            depth = min(depth, len(stack))
            stack[depth - 1].setdefault("items", []).append(node)
            stack = stack[:depth] + [node]
    return [_plain(n) for n in parts[Part.PREAMBLE]], [_plain(n) for n in parts[Part.OPERATIVE]]


def _place(par: WordParagraph, part: Part, last_label: dict[int, str]) -> tuple[int, str, Part]:
    """(depth, text without a typed number or label, part) of one body paragraph."""
    text = par.text
    style = par.style
    if style == "UNPreamble":
        return 0, text, Part.PREAMBLE
    if style == "UNOperative":
        return 0, text, Part.OPERATIVE
    if style.startswith("UNItem"):
        return int(style[len("UNItem"):] or 1), text, Part.OPERATIVE
    if style.startswith("UNPreambleItem"):
        return int(style[len("UNPreambleItem"):] or 1), text, Part.PREAMBLE
    stripped = text.strip()
    if (m := _NUMBER.match(stripped)):
        return 0, stripped[m.end():], Part.OPERATIVE
    if (m := _LABEL.match(stripped)):
        label = m.group(1)
        roman = is_roman(label) and not (label == "i" and last_label.get(1) == "h") and 1 in last_label
        depth = 2 if roman else 1
        last_label[depth] = label
        return depth, stripped[m.end():], part
    if par.level:
        return par.level, stripped, part
    if par.level == 0 and detect_lead(stripped, Part.OPERATIVE):  # auto-numbered "1." in Word
        return 0, stripped, Part.OPERATIVE
    return 0, stripped, part


def _plain(node: dict[str, Any]) -> Any:
    if "items" in node:
        node["items"] = [_plain(n) for n in node["items"]]
    return node["text"] if set(node) == {"text"} else node


def _apply_extras(data: dict[str, Any], extras: dict[str, dict[str, Any]]) -> None:
    from drafting.model import Address

    for key, values in extras.items():
        address = Address.parse(key)
        items = data["preamble" if address.part is Part.PREAMBLE else "operative"]
        path = [address.number] + list(address.sub)
        holder, index = items, path[0] - 1
        for n in path[1:]:
            node = holder[index]
            holder, index = node["items"], n - 1
        node = holder[index]
        if isinstance(node, str):
            node = holder[index] = {"text": node}
        node.update(values)


# ---------------------------------------------------------------------------- heading


def parse_heading(lines: list[tuple[str, str]], organ_line: str, adoption: list[str]) -> dict[str, Any]:
    """Metadata from the heading lines ((text, style) pairs) and adoption lines of a resolution."""
    body = "Security Council" if "Security Council" in organ_line else "General Assembly"
    meta: dict[str, Any] = {"body": body}
    for line, style in lines:
        if re.match(r"^(A/RES/\S+|S/RES/\d+ \(\d{4}\))$", line):
            meta["symbol"] = line
        elif (m := re.match(r"^([a-z -]+) session$", line.lower())) and parse_ordinal(m.group(1)):
            meta["session"] = parse_ordinal(m.group(1))
        elif (m := re.match(r"^Agenda item (.+)$", line)):
            meta["agenda_item"] = m.group(1)
        elif (m := re.match(r"^Resolution adopted by the General Assembly on (.+)$", line)):
            meta["adopted"] = parse_date(m.group(1))
        elif (m := re.match(r"^Resolution \d+ \((\d{4})\)(?: of (.+))?$", line)):
            meta["year"] = int(m.group(1))
            if m.group(2):
                meta["adopted"] = parse_date(m.group(2))
        elif (m := re.match(r"^\[(?:draft resolution (.+)|without reference to a Main Committee \((.+)\))\]$", line)):
            meta["draft"] = m.group(1) or m.group(2)
        elif (m := re.match(r"^Sponsors: (.+)$", line)):
            meta["sponsors"] = m.group(1).split(", ")
        elif (m := re.match(r"^\d+/\d+\.\t(.+)$", line, re.S)):
            meta["title"] = m.group(1)
        elif style in ("UNTitle", "UNDraftTitle"):
            meta["title"] = line
    for line in adoption:
        if (m := re.match(r"^(\d+)\w\w plenary meeting$", line)):
            meta["meeting"] = int(m.group(1))
        elif (m := re.match(r"^Adopted at the (\d+)\w\w meeting(?: (.+?))?\.$", line)):
            meta["meeting"] = int(m.group(1))
            if m.group(2):
                meta["vote"] = m.group(2)
        elif parse_date(line) and "adopted" not in meta:
            meta["adopted"] = parse_date(line)
    if "year" not in meta and meta.get("adopted"):
        meta["year"] = meta["adopted"].year
    return {k: v for k, v in meta.items() if v is not None}
