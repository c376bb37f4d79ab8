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
from drafting.model import PLENARY_RE, Part, Resolution, is_roman
from drafting.model.resolution import note_anchor

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
from drafting.importers.word_heading import parse_heading, reconcile
from drafting.importers.word_numbering import add_item, mark_roman, read_properties as _properties
from drafting.importers.word_sections import SectionPlacer, take_headings
from drafting.store import EXTRAS_PROPERTY, METADATA_PROPERTY

__all__ = ["WordImport", "build_structure", "import_docx", "read_docx"]

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
    notes: list[tuple[str, int]] = field(default_factory=list)  # (footnote, offset of its reference)
    italic_open: bool = True  # still inside the leading italic runs
    section: str | None = None  # the section heading printed before it (see word_sections)
    roman: bool = False  # its numbering level prints (i), (ii) (see word_numbering)


@dataclass(frozen=True)
class WordImport:
    """A resolution read from Word, with what the reader could not take as it was."""

    resolution: Resolution
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class _View:
    """Which side of the tracked changes is read: accepted (the new text) or rejected (the old)."""

    drop: tuple[str, ...]  # revision elements whose content is left out
    join: str  # a paragraph mark of this revision joins the paragraph with the next
    text: tuple[str, ...]  # elements holding text
    old_properties: bool = False  # a paragraph's properties as they were before a tracked change


ACCEPTED = _View((f"{W}del", f"{W}moveFrom"), f"{W}del", (f"{W}t",))
REJECTED = _View((f"{W}ins", f"{W}moveTo"), f"{W}ins", (f"{W}t", f"{W}delText"), old_properties=True)
_REVISIONS = ("ins", "del", "moveFrom", "moveTo", "pPrChange", "rPrChange")


def read_docx(path: str | os.PathLike[str], *, reject: bool = False) -> Resolution:
    """The resolution in a Word file; DraftingError naming the file when it is not a .docx."""
    return import_docx(path, reject=reject).resolution


def import_docx(path: str | os.PathLike[str], *, reject: bool = False) -> WordImport:
    """The resolution in a Word file and the warnings about it (tracked changes taken, comments
    left out, lines joined, the visible heading disagreeing with the hidden metadata).

    Tracked changes are read as accepted, or as rejected with ``reject`` (the old side).
    """
    parts = _open(Path(path))
    view = REJECTED if reject else ACCEPTED
    warn: list[str] = []
    document, footnotes, custom = _parse(path, parts, view)
    _note_revisions(document, reject, warn)
    _note_comments(parts, warn)
    heading, paragraphs = _paragraphs(document, footnotes, view)
    organ = next((i for i, p in enumerate(paragraphs) if _ORGAN.match(p.text.strip())), None)
    if organ is None:
        raise DraftingError(f'{path}: expected a resolution with an organ line ("The General Assembly," '
                            'or "The Security Council,"), found none; is this a UN resolution?')
    paragraphs, organ = take_headings(paragraphs, organ)
    heading += [(p.text.strip(), p.style) for p in paragraphs[:organ]]
    body, adoption = _split_adoption(paragraphs[organ + 1:])
    body = _join_lines(body, warn)
    mark_roman(path, parts, body)
    meta = parse_heading(heading, paragraphs[organ].text.strip(), adoption)
    own = METADATA_PROPERTY in custom
    if own:
        meta = reconcile(_hidden(path, custom, METADATA_PROPERTY), meta, warn)
    data: dict[str, Any] = dict(meta)
    data["preamble"], data["operative"] = build_structure(body, own, placer := SectionPlacer())
    placer.finish(data, warn)
    if EXTRAS_PROPERTY in custom:
        _apply_extras(data, _hidden(path, custom, EXTRAS_PROPERTY), warn)
    try:
        resolution = Resolution.from_dict(data)
    except DraftingError as exc:
        raise DraftingError(f"{path}: {exc}") from None
    except (TypeError, ValueError, KeyError, AttributeError) as exc:
        raise DraftingError(f"{path}: the hidden metadata does not describe a resolution ({exc}); "
                            "delete the custom properties in File > Properties and import again") from None
    return WordImport(resolution, tuple(warn))


def _parse(path: str | os.PathLike[str], parts: dict[str, bytes], view: _View) -> tuple[Any, dict[str, str], dict[str, str]]:
    from lxml import etree

    def xml(name: str) -> Any:
        data = parts.get(name)
        return etree.fromstring(data) if data else None

    try:
        return xml("word/document.xml"), _footnotes(xml("word/footnotes.xml"), view), _custom(xml("docProps/custom.xml"))
    except etree.XMLSyntaxError as exc:
        raise DraftingError(f"{path}: expected a Word .docx file, found broken XML inside ({exc.msg})") from None


def _note_revisions(document: Any, reject: bool, warn: list[str]) -> None:
    count = sum(1 for el in document.iter(*(f"{W}{tag}" for tag in _REVISIONS)))
    if count:
        side = "rejected (the old text)" if reject else "accepted (the new text; --reject takes the old)"
        warn.append(f"the document has {count} tracked change(s): read them as {side}")


def _note_comments(parts: dict[str, bytes], warn: list[str]) -> None:
    data = parts.get("word/comments.xml")
    count = data.count(b"<w:comment ") + data.count(b"<w:comment>") if data else 0
    if count:
        warn.append(f"the document has {count} Word comment(s): not imported (a resolution file "
                    "has no place for them); read them in Word")


def _hidden(path: str | os.PathLike[str], custom: dict[str, str], name: str) -> Any:
    import yaml

    try:
        value = yaml.safe_load(custom[name]) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem", None) or type(exc).__name__
        raise DraftingError(f"{path}: the hidden metadata (custom property {name}) is broken YAML ({mark}), "
                            "cut short or edited by hand; delete that property in File > Properties > "
                            "Custom and import again (the heading is read instead)") from None
    if not isinstance(value, dict):
        raise DraftingError(f"{path}: the hidden metadata (custom property {name}) should be a mapping, "
                            f"found {type(value).__name__}; delete that property in File > Properties > Custom")
    return value


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
            wanted = ("word/document.xml", "word/footnotes.xml", "docProps/custom.xml", "word/comments.xml",
                      "word/numbering.xml")
            return {name: archive.read(name) for name in wanted if name in names}
    except zipfile.BadZipFile:
        head = path.read_bytes()[:8]
        kind = "an old binary Word .doc file" if head.startswith(b"\xd0\xcf\x11\xe0") else "a file that is not a zip archive"
        raise bad(kind) from None


def _footnotes(root: Any, view: _View) -> dict[str, str]:
    if root is None:
        return {}
    out = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        text = "\n".join(_plain_text(p, view) for p in note.iter(f"{W}p"))
        out[note.get(f"{W}id")] = text[1:] if text.startswith(" ") else text
    return out


def _plain_text(p: Any, view: _View) -> str:
    """A paragraph's text in the view: text, tabs and breaks, nothing from dropped revisions."""
    out = []
    for el in p.iter(*view.text, f"{W}tab", f"{W}br", f"{W}cr"):
        if any(a.tag in view.drop for a in el.iterancestors()):
            continue
        out.append(el.text or "" if el.tag in view.text else "\t" if el.tag == f"{W}tab" else "\n")
    return "".join(out)


def _custom(root: Any) -> dict[str, str]:
    if root is None:
        return {}
    return {prop.get("name"): "".join(prop.itertext()) for prop in root.iter(f"{_CUSTOM}property")}


# ---------------------------------------------------------------------------- paragraphs


def _paragraphs(document: Any, footnotes: dict[str, str], view: _View) -> tuple[list[tuple[str, str]], list[WordParagraph]]:
    """Heading lines found in tables, and the body's paragraphs in the view (its marks joined)."""
    body = document.find(f"{W}body")
    heading: list[tuple[str, str]] = []  # (text, style)
    out: list[WordParagraph] = []
    joining = False
    for child in body:
        if child.tag == f"{W}tbl":
            heading += [(_plain_text(p, view).strip(), "") for p in child.iter(f"{W}p")]
            continue
        if child.tag != f"{W}p":
            continue
        par = out[-1] if joining else WordParagraph()
        if not joining:
            _properties(child, par, view.old_properties)
            out.append(par)
        _runs(child, par, footnotes, view)
        ppr = child.find(f"{W}pPr")
        mark = ppr.find(f"{W}rPr") if ppr is not None else None
        joining = mark is not None and mark.find(view.join) is not None
        if joining and par.text == "" and not par.notes:  # a deleted paragraph: take the next one's properties
            out.pop()
            joining = False
    return [h for h in heading if h[0]], out


def _runs(element: Any, par: WordParagraph, footnotes: dict[str, str], view: _View) -> None:
    for child in element:
        tag = child.tag
        if tag in view.drop or tag == f"{W}pPr":
            continue
        if tag == f"{W}r":
            _run(child, par, footnotes, view)
        elif tag in (f"{W}ins", f"{W}del", f"{W}moveFrom", f"{W}moveTo", f"{W}hyperlink", f"{W}smartTag",
                     f"{W}sdt", f"{W}sdtContent"):
            _runs(child, par, footnotes, view)


def _run(r: Any, par: WordParagraph, footnotes: dict[str, str], view: _View) -> None:
    mark = r.find(f"{W}rPr/{W}i")
    italic = mark is not None and mark.get(f"{W}val") not in ("0", "false", "off")
    text = []
    for child in r:
        if child.tag in view.text:
            text.append(child.text or "")
        elif child.tag == f"{W}tab":
            text.append("\t")
        elif child.tag in (f"{W}br", f"{W}cr"):
            text.append("\n")
        elif child.tag == f"{W}footnoteReference":
            note = footnotes.get(child.get(f"{W}id"))
            if note is not None:
                par.notes.append((note, len(par.text) + len("".join(text))))
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
    return bool(re.match(rf"^(?:{PLENARY_RE}|Adopted (at|by|unanimously) .*meeting.*)$", text)
                or re.match(r"^\d{1,2} [A-Z][a-z]+ \d{4}$", text))


def build_structure(body: list[WordParagraph], own: bool,
                    placer: SectionPlacer | None = None) -> tuple[list[Any], list[Any]]:
    """Preamble and operative lists (YAML-shaped data) from the body's paragraphs and headings."""
    placer = placer or SectionPlacer()
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
            if lead != detect_lead(text, part) and (own or lead):  # our own file keeps an empty lead too
                node["lead"] = lead
        elif lead:
            node["lead"] = lead
        node.update(_notes(par, text))
        placer.place(node, depth, part, par)
        if depth == 0 or not stack:
            parts[part].append(node)
            stack = [node]
        else:
            depth = min(depth, len(stack))
            add_item(stack[depth - 1], node, par, depth)
            stack = stack[:depth] + [node]
    return [_plain(n) for n in parts[Part.PREAMBLE]], [_plain(n) for n in parts[Part.OPERATIVE]]


def _notes(par: WordParagraph, text: str) -> dict[str, Any]:
    """``note`` and ``note_at`` of a paragraph whose text (its typed label stripped) is ``text``.

    One note whose reference ends the text is stored bare; otherwise each line of ``note`` is one
    footnote and ``note_at`` the words its reference follows (see the model's footnote anchors).
    """
    if not par.notes:
        return {}
    shift = len(par.text) - len(text) if par.text.endswith(text) else 0
    placed = [(note, min(len(text), max(0, at - shift))) for note, at in par.notes]
    if len(placed) == 1 and placed[0][1] >= len(text.rstrip()):
        return {"note": placed[0][0]}
    # one footnote is one line of ``note``: a footnote of several paragraphs is read as one line
    return {"note": "\n".join(note.replace("\n", " ") for note, _ in placed),
            "note_at": [note_anchor(text, at) for _, at in placed]}


def _place(par: WordParagraph, part: Part, last_label: dict[int, str]) -> tuple[int, str, Part]:
    """(depth, text without a typed number or label, part) of one body paragraph."""
    text = par.text
    style = par.style
    if style == "UNPreamble":
        return 0, text, Part.PREAMBLE
    if style in ("UNOperative", "UNOperativeLone"):
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
    if part is Part.PREAMBLE and _operative_lead(stripped):  # a plain file: the lead tells
        return 0, stripped, Part.OPERATIVE
    return 0, stripped, part


def _operative_lead(text: str) -> bool:
    """Whether an unnumbered, unstyled paragraph opens like an operative one ("Decides ...")
    rather than a preambular one ("Recalling ..."): the longer lead of the lexicon wins."""
    operative, preamble = detect_lead(text, Part.OPERATIVE), detect_lead(text, Part.PREAMBLE)
    return bool(operative) and len(operative) > len(preamble)


def _plain(node: dict[str, Any]) -> Any:
    if "items" in node:
        node["items"] = [_plain(n) for n in node["items"]]
    return node["text"] if set(node) == {"text"} else node


def _apply_extras(data: dict[str, Any], extras: dict[str, Any], warn: list[str]) -> None:
    """Ids and leads Word cannot show, put back on the paragraphs whose addresses they name; an
    address the edited document no longer has (a paragraph deleted) is a warning, not a crash."""
    from drafting.model import Address

    for key, values in extras.items():
        try:
            address = Address.parse(str(key))
            node = _node(data, address)
        except (DraftingError, ValueError, IndexError, KeyError, TypeError):
            warn.append(f"{key}: the hidden metadata gives it {_describe(values)}, but the document has no "
                        f"{key} now (a paragraph deleted?); left out")
            continue
        if isinstance(values, dict):
            node.update(values)


def _describe(values: Any) -> str:
    if isinstance(values, dict):
        return " and ".join(f'{k} "{v}"' for k, v in values.items())
    return repr(values)


def _node(data: dict[str, Any], address: Any) -> dict[str, Any]:
    """The paragraph at ``address`` as a mapping (a plain string is turned into one in place)."""
    items = data["preamble" if address.part is Part.PREAMBLE else "operative"]
    path = [address.number] + list(address.sub)
    holder, index = items, path[0] - 1
    for n in path[1:]:
        node = holder[index]
        if index < 0 or not isinstance(node, dict):
            raise IndexError(n)
        holder, index = node["items"], n - 1
    if index < 0:
        raise IndexError(index)
    node = holder[index]
    if isinstance(node, str):
        node = holder[index] = {"text": node}
    return dict_node(node)


def dict_node(node: Any) -> dict[str, Any]:
    if not isinstance(node, dict):
        raise TypeError(type(node).__name__)
    return node


# ---------------------------------------------------------------------------- lines pasted from a PDF

# A paragraph of a resolution ends with one of these; a line pasted from a PDF mostly does not.
_ENDS = (",", ";", ":", ".", ".)", ";)", ",)", '."', ';"', ',"', ".\u201d", ";\u201d", ",\u201d")


def _starts_paragraph(before: str, line: str) -> bool:
    """Whether a printed line opens a paragraph: a number or label, or a capital after a line
    that ends one (after a comma only with a lead of the lexicon: "Recalling", "Noting")."""
    if re.fullmatch(r"\d+\.|\([a-z]+\)", before):
        return False  # a number or label printed on a line of its own
    if _NUMBER.match(line) or _LABEL.match(line):
        return True
    if not before.endswith(_ENDS) or not line[:1].isupper():
        return False
    return not before.endswith(",") or bool(detect_lead(line))


def _join_lines(body: list[WordParagraph], warn: list[str]) -> list[WordParagraph]:
    """Join Word paragraphs that are printed lines of one paragraph (a text pasted from a PDF,
    one Word paragraph per line): a line that does not end a paragraph takes the next one in.

    Only when most of the body is such lines, so that a real paragraph that lost its final
    mark is not glued to the next one.
    """
    if any(p.style.startswith("UN") for p in body):
        return body  # laid out with the UN styles: one Word paragraph is one paragraph
    texts = [p.text.strip() for p in body if p.text.strip()]
    open_lines = sum(1 for t in texts[:-1] if not t.endswith(_ENDS))
    if len(texts) < 4 or open_lines * 3 < len(texts):
        return body
    out: list[WordParagraph] = []
    for par in body:
        text = par.text.strip()
        if not text:
            continue
        last = out[-1] if out else None
        if last is not None and not _starts_paragraph(last.text.strip(), text):
            glue = "" if re.search(r"[A-Za-z]-$", last.text.rstrip()) else " "
            head = last.text.rstrip() + glue
            last.text = head + text
            shift = len(head) - par.text.index(text)  # par's offsets, moved to where its text now stands
            last.notes += [(note, max(0, at + shift)) for note, at in par.notes]
            last.italic_open = False
            continue
        out.append(par)
    warn.append(f"the body has one Word paragraph per printed line (pasted from a PDF?): joined "
                f"{len(texts)} lines into {len(out)} paragraphs at the lines that end with , ; : or .")
    return out
