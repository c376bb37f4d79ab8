"""The Word side of the training kit: the exercise worksheet and its answer key (python-docx).

Plain UN-like layout: the organ line, preambular paragraphs with their lead in italics,
numbered operative paragraphs, lettered sub-paragraphs. Written atomically.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import warnings
from typing import TYPE_CHECKING, Any, Mapping

from drafting.checks.rules import lead_of
from drafting.model import Address, Paragraph, Part, Resolution, format_date, label
from drafting.store import write_atomic

if TYPE_CHECKING:  # pragma: no cover
    from drafting.training.score import Key

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

INSTRUCTIONS = (
    "Read last year's text below. This year's facts are in the table.",
    "Prepare this year's draft: update the session numbers, the dates, the resolutions recalled, "
    "the names and the figures so that the text states this year's facts.",
    "Find every paragraph that still speaks of last year's events, and decide whether to update "
    "it or delete it.",
    "Keep the drafting conventions: preambular paragraphs open with a participle or adjective "
    "(\"Recalling\", \"Deeply concerned\") and end with a comma; operative paragraphs open with a "
    "verb (\"Decides\", \"Calls upon\") and end with a semicolon, the last with a full stop.",
    "Check your draft with `drafting lint DRAFT.yaml --profile mun`, then compare it with the "
    "answer using `drafting score DRAFT.yaml --against KEY.yaml`.",
)


def fact_text(value: Any) -> str:
    """A fact value as a reader writes it: lists as "A, B and C", dates as "18 December 2013"."""
    if value is None:
        return "none"
    if isinstance(value, dt.date):
        return format_date(value)
    if isinstance(value, (list, tuple)):
        items = [fact_text(v) for v in value]
        return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else "none"
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {fact_text(v)}" for k, v in value.items())
    return str(value)


# What XML 1.0 cannot hold (C0 controls but tab and newline, half character pairs, U+FFFE/F):
# dropped, with a warning, as the renderer does.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TWIPS_PER_CM = 360000 / 635  # python-docx's Cm, in the twentieths of a point w:ind counts


def _run(text: str, italic: bool = False) -> str:
    """One run's XML; tabs and line breaks as Word writes them."""
    from xml.sax.saxutils import escape

    parts = []
    for k, line in enumerate(text.split("\n")):
        if k:
            parts.append("<w:br/>")
        for j, piece in enumerate(line.split("\t")):
            if j:
                parts.append("<w:tab/>")
            if piece:
                parts.append(f'<w:t xml:space="preserve">{escape(piece)}</w:t>')
    return f"<w:r>{'<w:rPr><w:i/></w:rPr>' if italic else ''}{''.join(parts)}</w:r>"


def _paragraph(out: list[str], paragraph: Paragraph, address: Address, indent: float) -> None:
    runs = []
    if address.sub:
        runs.append(_run(f"({label(address.depth, address.sub[-1])}) "))
    elif address.part is Part.OPERATIVE:
        runs.append(_run(f"{address.number}. "))
    lead = "" if address.sub else lead_of(paragraph, address.part)[0]
    if lead and paragraph.text.startswith(lead):
        runs += [_run(lead, italic=True), _run(paragraph.text[len(lead):])]
    else:
        runs.append(_run(paragraph.text))
    out.append(f'<w:p><w:pPr><w:ind w:left="{round(indent * _TWIPS_PER_CM)}"/></w:pPr>{"".join(runs)}</w:p>')
    for n, item in enumerate(paragraph.items, start=1):
        _paragraph(out, item, address.child(n), indent + 1.0)


def add_resolution(doc: Any, resolution: Resolution) -> None:
    """The text as printed: title, organ line, paragraphs.

    The paragraphs are built as XML and added at once: python-docx's add_paragraph looks for
    the section properties past every paragraph already there, quadratic in a long text."""
    from docx.oxml import parse_xml

    if resolution.title:
        doc.add_paragraph().add_run(resolution.title).bold = True
    doc.add_paragraph(f"The {resolution.body.value},")
    out: list[str] = []
    for address, paragraph in resolution.top():
        _paragraph(out, paragraph, address, 0.0)
    xml = "".join(out)
    if _FORBIDDEN.search(xml):
        dropped = sorted({f"U+{ord(c):04X}" for c in _FORBIDDEN.findall(xml)})
        warnings.warn(f"{resolution.label}: dropped character(s) that Word cannot hold: {', '.join(dropped)}",
                      stacklevel=2)
        xml = _FORBIDDEN.sub("", xml)
    body = doc.element.body
    section = body.sectPr
    if section is not None:
        body.remove(section)
    body.extend(parse_xml(f'<w:body xmlns:w="{_W}">{xml}</w:body>'))
    if section is not None:
        body.append(section)


def _adopted(resolution: Resolution) -> str:
    return f", adopted on {fact_text(resolution.adopted)}" if resolution.adopted else ""


def write_worksheet(precedent: Resolution, facts: Mapping[str, Any], path: str | os.PathLike[str]) -> None:
    """The worksheet: instructions, the facts (last year beside this year), last year's text."""
    from docx import Document

    doc = Document()
    doc.add_heading(f"Drafting exercise: {precedent.title or precedent.label}", level=1)
    doc.add_paragraph(f"Last year's text: {precedent.label}{_adopted(precedent)}.")
    doc.add_heading("Instructions", level=2)
    for n, line in enumerate(INSTRUCTIONS, start=1):
        doc.add_paragraph(f"{n}. {line}")
    doc.add_heading("This year's facts", level=2)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Fact", "Last year", "This year")):
        cell.text = text
    for key in facts:
        row = table.add_row().cells
        row[0].text = key.replace("_", " ")
        row[1].text = fact_text(precedent.facts[key]) if key in precedent.facts else "—"
        row[2].text = fact_text(facts[key])
    doc.add_heading(f"Last year's text ({precedent.label})", level=2)
    add_resolution(doc, precedent)
    write_atomic(path, lambda tmp: doc.save(str(tmp)))


def _edits(change: Any, most: int = 4) -> str:
    """': "67/135" → "68/128"; "South Africa" → "China"', the word edits of an amended paragraph."""
    pairs: list[list[str]] = []
    for hunk in change.hunks:
        if hunk.op.value == "equal":
            continue
        if not pairs or (hunk.op.value == "delete" and (pairs[-1][0] or pairs[-1][1])) or \
                (hunk.op.value == "insert" and pairs[-1][1]):
            pairs.append(["", ""])
        pairs[-1][0 if hunk.op.value == "delete" else 1] += hunk.text
    shown = [f'"{a.strip()}" → "{b.strip()}"' if a.strip() and b.strip() else
             f'+ "{b.strip()}"' if b.strip() else f'− "{a.strip()}"' for a, b in pairs[:most]]
    more = f"; … ({len(pairs) - most} more)" if len(pairs) > most else ""
    return ": " + "; ".join(shown) + more if shown else ""


def write_key(precedent: Resolution, key: "Key", path: str | os.PathLike[str]) -> None:
    """The answer key: where it comes from, which paragraphs changed, then the whole text."""
    from docx import Document

    from drafting.comparison.diff import diff

    doc = Document()
    doc.add_heading(f"Answer key: {key.resolution.label}", level=1)
    if key.source == "adopted":
        doc.add_paragraph(f"The text really adopted after {precedent.label}: "
                          f"{key.resolution.label}{_adopted(key.resolution)}.")
    else:
        doc.add_paragraph(f"The draft proposed by `drafting propose` from {precedent.label} and "
                          "this year's facts; the paragraphs it flags still need a human.")
    doc.add_heading("What changed from last year's text", level=2)
    changed = [c for c in diff(precedent, key.resolution).changes if c.kind.value != "unchanged"]
    for change in changed:
        old = "+".join(str(a) for a in change.old) or "—"
        new = "+".join(str(a) for a in change.new) or "—"
        how = "routine" if change.routine else "substantive"
        edits = _edits(change) if change.kind.value in ("amended", "moved") else ""
        doc.add_paragraph(f"{old} → {new}: {change.kind.value} ({how}){edits}")
    if not changed:
        doc.add_paragraph("Nothing: the text is the same.")
    if key.notes:
        doc.add_heading("Paragraphs to look at", level=2)
        for note in key.notes:
            doc.add_paragraph(note)
    doc.add_heading(f"The text ({key.resolution.label})", level=2)
    add_resolution(doc, key.resolution)
    write_atomic(path, lambda tmp: doc.save(str(tmp)))
