"""Word documents in UN layout: a clean resolution, and a version with real tracked changes.

The look lives in the docxtpl templates (templates/ga.docx, templates/sc.docx, built by
templates/build_templates.py): masthead, heading lines, styles and the auto-numbering of operative
paragraphs and sub-paragraphs. This module fills their fields with runs (autoescape on, every
value escaped by :mod:`.ooxml`), writes the organ line and each body paragraph whole into the
template's ``{{p ...}}`` slots, then adds footnotes, comments and the resolution's metadata (``docProps/custom.xml``, so
that :func:`drafting.importers.docx.read_docx` gives back exactly what was rendered).

Determinism: no timestamp is written unless a revision ``date`` is given, and zip entries carry a
fixed time, so the same input gives the same bytes.
"""
from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path
from typing import Any, Sequence

from drafting.errors import RenderError
from drafting.model import Body, Comparison, Flag, Resolution
from drafting.render.documents import ooxml
from drafting.render.documents.body import BodyWriter, note_change
from drafting.render.documents.heading import heading_fields, heading_runs, mark_whole_lines
from drafting.render.documents.sections_docx import add_restarts, in_printed_order, write_clean, write_tracked

__all__ = ["RenderWarning", "heading_fields", "render_document", "render_file", "render_tracked",
           "template_bytes"]

from drafting.store import EXTRAS_PROPERTY, METADATA_PROPERTY

BUILT_IN = ("ga", "sc")


class RenderWarning(UserWarning):
    """Something in the input could not go into the document as it was (e.g. a control character)."""


def template_bytes(template: str | Path | None, body: Body) -> tuple[str, bytes]:
    """(name, content) of the template: ``ga``/``sc`` by name, a path, or the one for ``body``.

    The built-in templates are package data (``drafting.templates``, the top-level templates/
    folder mapped into the package by setup.py), read through importlib.resources, so that a
    wheel and an editable install read the same files.
    """
    if template is None:
        template = "ga" if body is Body.GA else "sc"
    if str(template) in BUILT_IN:
        from importlib.resources import files

        return f"{template}.docx", files("drafting.templates").joinpath(f"{template}.docx").read_bytes()
    path = Path(template)
    if not path.is_file():
        raise RenderError(f"{template}: no such template; expected {' or '.join(BUILT_IN)}, or the "
                          "path of a .docx template")
    return str(path), path.read_bytes()


def render_document(resolution: Resolution, path: str | Path, template: str | Path | None = None) -> None:
    """Write ``resolution`` as a clean Word document in UN layout.

    Characters XML forbids are dropped with a :class:`RenderWarning` (python ``warnings``).
    """
    revs = ooxml.Revisions()
    writer = BodyWriter(revs)
    writer.lone = (_lone(resolution), _lone(resolution))
    writer.organ(ooxml.run(f"The {resolution.body.value},", revs))
    write_clean(writer, resolution)
    _save(resolution, writer, path, template)


def render_file(source: str | Path, output: str | Path, template: str | Path | None = None) -> None:
    """Load a resolution file (YAML) and write it with :func:`render_document`."""
    from drafting.store import load

    render_document(load(source), output, template)


def render_tracked(comparison: Comparison, path: str | Path, *, author: str = "drafting",
                   date: dt.datetime | dt.date | str | None = None, substantive_only: bool = False,
                   comments: Sequence[Flag] = ()) -> None:
    """Write the new version with every change of ``comparison`` as a Word revision.

    Accept All gives the new text, Reject All the old. ``date`` (None: revisions carry no date,
    so output stays deterministic) is written as ISO 8601. ``substantive_only`` applies routine
    changes without marks. ``comments`` become Word comments on the paragraphs they name.
    """
    from drafting.render.documents.tracked import tracked_units

    comparison = in_printed_order(comparison)
    revs = ooxml.Revisions(author=author, date=_iso(date))
    writer = BodyWriter.with_flags(revs, comments)
    writer.lone = (_lone(comparison.new), _lone(comparison.old))
    writer.organ(ooxml.run(f"The {comparison.new.body.value},", revs))
    write_tracked(writer, comparison, tracked_units(comparison, substantive_only=substantive_only))
    writer.anchor_leftovers()
    _save(comparison.new, writer, path, None, old=comparison.old)


def _lone(res: Resolution) -> bool:
    """One operative paragraph: the UN prints it without a number."""
    return len(res.operative) == 1


def _iso(date: dt.datetime | dt.date | str | None) -> str | None:
    if date is None:
        return None
    if isinstance(date, str):  # w:date is an xsd:dateTime: a bare date gets midnight UTC
        try:
            date = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
        except ValueError:
            raise RenderError(f"{date}: expected a date of the tracked changes as ISO 8601, "
                              "e.g. 2014-06-01 or 2014-06-01T09:30:00Z") from None
        if date.tzinfo is not None:
            date = date.astimezone(dt.timezone.utc).replace(tzinfo=None)
    if not isinstance(date, dt.datetime):
        date = dt.datetime(date.year, date.month, date.day)
    return date.strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------- the package


def _save(res: Resolution, writer: BodyWriter, path: str | Path, template: str | Path | None,
          old: Resolution | None = None) -> None:
    """Fill the template, add the footnotes, comments and metadata parts, write atomically."""
    from drafting.store import write_atomic

    source, content = template_bytes(template, res.body)
    esc = writer.revs.sanitizer
    tpl = _fill(source, content, res, old, writer)
    _add_footnotes(tpl, writer, esc)
    if writer.comment_list:
        _set_part(tpl.docx.part, "/word/comments.xml", ooxml.CT_COMMENTS, ooxml.RT_COMMENTS,
                  ooxml.comments_xml(writer.comment_list, writer.revs.author, writer.revs.date, esc))
    _set_part(tpl.docx.part.package, "/docProps/custom.xml", ooxml.CT_CUSTOM, ooxml.RT_CUSTOM,
              ooxml.custom_properties_xml(_properties(res), esc))
    title = " ".join(x for x in (res.symbol or res.draft, res.title) if x) or "Draft resolution"
    _core_properties(tpl.docx.core_properties, title, writer.revs.date)
    # The General Assembly's layout prints no vote: the Subject carries it, and PDF printers
    # keep the Subject, so a PDF of this file gives the vote back on import.
    tpl.docx.core_properties.subject = f"Adopted {res.vote}" if res.vote else ""
    if esc.dropped:
        warnings.warn(RenderWarning(
            f"{path}: dropped {len(esc.dropped)} character(s) that XML forbids "
            f"({', '.join(sorted(set(esc.dropped)))})"), stacklevel=3)
    buffer = io.BytesIO()
    tpl.save(buffer)
    write_atomic(path, ooxml.fixed_zip(buffer.getvalue()))


def _fill(source: str, content: bytes, res: Resolution, old: Resolution | None, writer: BodyWriter) -> Any:
    """The docxtpl template rendered with autoescape on; every value is escaped run XML already."""
    from docxtpl import DocxTemplate
    from jinja2 import TemplateError
    from markupsafe import Markup

    try:
        tpl = DocxTemplate(io.BytesIO(content))
        tpl.init_docx()
    except Exception as exc:  # python-docx raises several kinds on a file that is not a .docx
        raise RenderError(f"{source}: expected a Word .docx template, found a file python-docx "
                          f"cannot open ({type(exc).__name__})") from None

    if "body" not in _fields(tpl):
        raise RenderError(f"{source}: expected a template with the body slot ({{%p for paragraph in "
                          "body %}), found a Word file without it (a rendered resolution?); use ga, "
                          "sc or a template built by templates/build_templates.py")

    def safe(value: Any) -> Any:  # run XML, escaped by ooxml already: autoescape must leave it alone
        return [Markup(v) for v in value] if isinstance(value, list) else value and Markup(value)

    context = {key: safe(value) for key, value in heading_runs(res, old, writer.revs).items()}
    if context["adoption"]:
        _adoption_note(context["adoption"], res, old, writer)
    # The body's last paragraph keeps its own revised mark, as Word writes it, right before the
    # adoption line: Accept All (Reject All) removes a deleted (inserted) last paragraph whole.
    # (An empty paragraph closing the body stayed after both; moving the mark up onto the
    # paragraph before made Word style the joined paragraph by the wrong mark.) Only a body that
    # ends the document (a draft: no adoption line) needs that closing paragraph: the document's
    # last paragraph mark cannot be a revision.
    pars = writer.paragraphs()  # headings above the organ line go in its slot with it
    organ, body = "".join(pars[:writer.above_organ + 1]), pars[writer.above_organ + 1:]
    if writer.last_mark != "equal" and not any(context["adoption"] or ()):
        body.append('<w:p><w:pPr><w:pStyle w:val="UNBody"/></w:pPr></w:p>')
    context["organ_line"] = Markup(organ)
    context["body"] = [Markup(p) for p in body]
    try:
        tpl.render(context, autoescape=True)
    except TemplateError as exc:
        lineno = getattr(exc, "lineno", None)
        line = f" line {lineno}" if lineno else ""
        raise RenderError(f"{source}:{line}: template error: {exc.message}; fix the template "
                          "(templates/build_templates.py rebuilds the built-in ones)") from None
    mark_whole_lines(tpl.docx.element.body, writer.revs)
    if writer.numbers:
        add_restarts(tpl.docx.part.numbering_part.element, writer)
    return tpl


def _adoption_note(lines: list[Any], res: Resolution, old: Resolution | None, writer: BodyWriter) -> None:
    """The note on the adoption line ("Two members ... did not participate in the voting.") is a
    footnote like any other, numbered after the paragraphs' own; a changed, added or dropped
    note is tracked."""
    from markupsafe import Markup

    before = old.adoption_note if old is not None else res.adoption_note
    after = res.adoption_note
    if not before and not after:
        return
    content, op = note_change(before or None, after or None)
    writer.notes.append((writer.next_note, content))
    last = max(i for i, line in enumerate(lines) if line)
    lines[last] += Markup(ooxml.footnote_reference(writer.next_note, writer.revs, op))
    writer.next_note += 1


def _core_properties(core: Any, title: str, date: str | None) -> None:
    """Title from the resolution; created/modified only when a date is given (deterministic)."""
    core.title = "".join(
        c for c in title if c in "\t\n" or ord(c) >= 32)
    if date:
        when = dt.datetime.strptime(date[:19], "%Y-%m-%dT%H:%M:%S") if "T" in date else \
            dt.datetime.strptime(date[:10], "%Y-%m-%d")
        core.created = core.modified = when


def _fields(tpl: Any) -> set[str]:
    try:
        return set(tpl.get_undeclared_template_variables())
    except Exception:  # a Jinja syntax error: render() reports it with its line
        return {"body"}


def _add_footnotes(tpl: Any, writer: BodyWriter, esc: ooxml.Sanitizer) -> None:
    if not writer.notes:
        return
    for part in tpl.docx.part.package.iter_parts():
        if part.content_type == ooxml.CT_FOOTNOTES:
            part._blob = ooxml.footnotes_xml(part.blob, writer.notes, writer.revs)
            return
    raise RenderError("the template has no footnotes part (word/footnotes.xml); rebuild it with "
                      "templates/build_templates.py")


def _set_part(owner: Any, name: str, content_type: str, reltype: str, blob: bytes) -> None:
    """Add the part, or replace the template's own (a template saved from one of our documents
    has custom properties already: a second entry of the same name makes a broken zip)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    package = owner if hasattr(owner, "iter_parts") else owner.package
    for existing in package.iter_parts():
        if existing.partname == name:
            existing._blob = blob
            return
    part = Part(PackURI(name), content_type, blob, package)
    owner.relate_to(part, reltype)


def _lead_unseen(address: Any, paragraph: Any) -> bool:
    """True when the italics cannot tell a reader that the paragraph has its own ``lead``."""
    from drafting.model.leads import detect_lead

    lead = paragraph.lead
    if not paragraph.text.startswith(lead):
        return True  # not set in italics at all
    if address.depth:
        return bool(lead == "")  # an item's italics read back as its lead; none reads as no lead
    return bool(lead == detect_lead(paragraph.text, address.part))  # reads back as "the lexicon's"


def _properties(res: Resolution) -> dict[str, str]:
    """Metadata, facts and the paragraph details Word cannot show, as YAML in custom properties."""
    from drafting.store import dump_data

    meta = res.to_dict()
    meta.pop("preamble", None)
    meta.pop("operative", None)
    extras = {}
    for address, paragraph in res.walk():
        extra = {}
        if paragraph.id is not None:
            extra["id"] = paragraph.id
        if paragraph.lead is not None and _lead_unseen(address, paragraph):
            extra["lead"] = paragraph.lead
        if extra:
            extras[str(address)] = extra
    props = {METADATA_PROPERTY: dump_data(meta)}
    if extras:
        props[EXTRAS_PROPERTY] = dump_data(extras)
    return props
