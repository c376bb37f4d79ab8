"""WordprocessingML pieces written as text: escaped runs, revisions, paragraphs, parts.

Every text that goes into the document passes through :meth:`Sanitizer.escape`, which escapes
the five XML specials, braces (docxtpl turns "{_{" into "{{" after rendering) and carriage
returns (a parser would read a literal one as a newline), and drops the control characters XML
1.0 forbids, counting them so the caller can warn.
Revision marks (``w:ins``/``w:del``, paragraph-mark revisions in ``w:pPr/w:rPr``,
``w:pPrChange``) follow ECMA-376 Part 1, 17.13.5. ``w:date`` is optional there: it is written
only when the caller gives a date, so the same input gives the same bytes.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# XML 1.0 allows tab, newline and carriage return; every other C0 control character is forbidden,
# and so are the surrogates and U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;",
            "{": "&#123;", "}": "&#125;", "\r": "&#13;"}
_SPECIAL = re.compile("[&<>\"'{}\r]")


@dataclass
class Sanitizer:
    """Escapes text and remembers the forbidden characters it dropped."""

    dropped: list[str] = field(default_factory=list)

    def escape(self, text: str) -> str:
        if _FORBIDDEN.search(text):
            self.dropped.extend(f"U+{ord(c):04X}" for c in _FORBIDDEN.findall(text))
            text = _FORBIDDEN.sub("", text)
        return _SPECIAL.sub(lambda m: _ESCAPES[m.group(0)], text)


@dataclass
class Revisions:
    """Hands out revision ids (unique across the document) and writes the author/date attributes."""

    author: str = "drafting"
    date: str | None = None
    sanitizer: Sanitizer = field(default_factory=Sanitizer)
    next_id: int = 1

    def attrs(self) -> str:
        rid = self.next_id
        self.next_id += 1
        date = f' w:date="{self.date}"' if self.date else ""
        return f'w:id="{rid}" w:author="{self.sanitizer.escape(self.author)}"{date}'


def _text_runs(text: str, rpr: str, deleted: bool, esc: Sanitizer) -> str:
    """One run holding ``text``; tabs and line breaks become w:tab and w:br, as Word writes them."""
    tag = "w:delText" if deleted else "w:t"
    parts = []
    for chunk in re.split(r"(\t|\n)", text):
        if chunk == "\t":
            parts.append("<w:tab/>")
        elif chunk == "\n":
            parts.append("<w:br/>")
        elif chunk:
            parts.append(f'<{tag} xml:space="preserve">{esc.escape(chunk)}</{tag}>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>" if parts else ""


def run(text: str, revs: Revisions, *, italic: bool = False, op: str = "equal") -> str:
    """A run of text, plain or wrapped in a ``w:ins``/``w:del`` revision (``op`` insert/delete)."""
    rpr = "<w:rPr><w:i/><w:iCs/></w:rPr>" if italic else ""
    body = _text_runs(text, rpr, op == "delete", revs.sanitizer)
    if not body or op == "equal":
        return body
    tag = "w:ins" if op == "insert" else "w:del"
    return f"<{tag} {revs.attrs()}>{body}</{tag}>"


def footnote_reference(note_id: int, revs: Revisions, op: str = "equal") -> str:
    body = f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'
    if op == "equal":
        return body
    tag = "w:ins" if op == "insert" else "w:del"
    return f"<{tag} {revs.attrs()}>{body}</{tag}>"


def empty_run(revs: Revisions, op: str = "equal") -> str:
    """A run with no text, in a ``w:ins``/``w:del`` of ``op``: closes a paragraph that would
    otherwise end in a footnote reference (see ``BodyWriter._close_notes``)."""
    if op == "equal":
        return '<w:r><w:t xml:space="preserve"></w:t></w:r>'
    if op == "delete":
        return f'<w:del {revs.attrs()}><w:r><w:delText xml:space="preserve"></w:delText></w:r></w:del>'
    return f'<w:ins {revs.attrs()}><w:r><w:t xml:space="preserve"></w:t></w:r></w:ins>'


def paragraph_style(part: str, depth: int, lone: bool = False) -> str:
    """The style of a paragraph of ``part`` ("PP"/"OP") at sub-paragraph ``depth``; ``lone``: the
    only operative paragraph, printed unnumbered as the UN does.

    The styles carry the auto-numbering (see templates/build_templates.py), so a paragraph names
    nothing else.
    """
    if depth == 0:
        return "UNPreamble" if part == "PP" else "UNOperativeLone" if lone else "UNOperative"
    return f"{'UNPreambleItem' if part == 'PP' else 'UNItem'}{min(depth, 5)}"


def ppr(style: str, revs: Revisions, *, mark: str = "equal", old_style: str | None = None,
        num: tuple[int, int] | None = None, old_num: tuple[int, int] | None = None) -> str:
    """Paragraph properties; ``mark`` insert/delete makes the paragraph mark itself a revision,
    ``num`` (numId, level) puts the paragraph in a numbering instance of its own (a section
    restarting at 1., items numbered (i), (ii)). ``old_style`` and ``old_num``, the paragraph's
    style and numbering in the old text, record a change of either as a revision (``w:pPrChange``,
    which Reject All undoes)."""
    out = f'<w:pStyle w:val="{style}"/>' + _num_pr(num)
    if mark != "equal":
        tag = "w:ins" if mark == "insert" else "w:del"
        out += f"<w:rPr><{tag} {revs.attrs()}/></w:rPr>"
    if old_style is not None and (old_style != style or old_num != num):
        old = f'<w:pStyle w:val="{old_style}"/>' + _num_pr(old_num)
        out += f'<w:pPrChange {revs.attrs()}><w:pPr>{old}</w:pPr></w:pPrChange>'
    return f"<w:pPr>{out}</w:pPr>"


def _num_pr(num: tuple[int, int] | None) -> str:
    return "" if num is None else f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'


def paragraph(ppr_xml: str, content: str) -> str:
    return f"<w:p>{ppr_xml}{content}</w:p>"


# ---------------------------------------------------------------------------- parts


def footnotes_xml(template_xml: bytes, notes: list[tuple[int, str | list[tuple[str, str]]]],
                  revs: Revisions) -> bytes:
    """The template's footnotes part (separators) with one ``w:footnote`` per note appended.

    A note is its text, or (op, text) hunks when it changed: then the change is tracked inside.
    """
    items = []
    for note_id, note in notes:
        hunks = [("equal", note)] if isinstance(note, str) else note
        body = _text_runs(" ", "", False, revs.sanitizer) + "".join(run(text, revs, op=op) for op, text in hunks)
        items.append(
            f'<w:footnote w:id="{note_id}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
            f'{body}</w:p></w:footnote>')
    xml = template_xml.decode("utf-8")
    end = xml.rindex("</w:footnotes>")
    return (xml[:end] + "".join(items) + xml[end:]).encode("utf-8")


def comments_xml(comments: list[tuple[int, str, str]], author: str, date: str | None, esc: Sanitizer) -> bytes:
    """``word/comments.xml``: one comment per (id, heading, message)."""
    date_attr = f' w:date="{date}"' if date else ""
    initials = "".join(w[0] for w in author.split() if w)[:4].upper() or "D"
    items = []
    for cid, head, message in comments:
        items.append(
            f'<w:comment w:id="{cid}" w:author="{esc.escape(author)}"{date_attr} '
            f'w:initials="{esc.escape(initials)}"><w:p>'
            '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>'
            f'{_text_runs(head, "<w:rPr><w:b/></w:rPr>", False, esc)}'
            f'{_text_runs(" " + message, "", False, esc)}</w:p></w:comment>')
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W_NS}">'
            + "".join(items) + "</w:comments>").encode("utf-8")


CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the fmtid every custom property uses


def custom_properties_xml(props: dict[str, str], esc: Sanitizer) -> bytes:
    """``docProps/custom.xml`` with string properties (pid starts at 2, as the spec requires)."""
    items = "".join(
        f'<property fmtid="{CUSTOM_FMTID}" pid="{pid}" name="{esc.escape(name)}">'
        f"<vt:lpwstr>{esc.escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(props.items(), start=2))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{items}</Properties>').encode("utf-8")


def fixed_zip(data: bytes) -> bytes:
    """The same zip with fixed entry timestamps and modes, so equal content gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
CT_COMMENTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"
CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
RT_COMMENTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
RT_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
