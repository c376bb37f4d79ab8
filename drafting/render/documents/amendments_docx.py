"""A Word file in the layout of a UN amendments document.

The symbol of the draft at the top right, the organ, session and agenda item, then "Amendments to
draft resolution A/..", the draft's title, and the numbered amendments; the paragraphs to insert
stand indented below their amendment, in quotation marks, lead words in italics. The same
amendments give the same bytes (fixed document properties and zip timestamps).
"""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from drafting.comparison.amendments import Amendment
from drafting.comparison.amendments_text import INDENT, amendment_text
from drafting.model import Resolution, detect_lead, ordinal_word
from drafting.render.documents import ooxml

_FIXED = dt.datetime(2000, 1, 1)


def _heading(doc: object, base: Resolution) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    symbol = base.draft or base.symbol or base.label
    top = doc.add_paragraph()  # type: ignore[attr-defined]
    top.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    top.add_run(symbol).bold = True
    organ = doc.add_paragraph()  # type: ignore[attr-defined]
    run = organ.add_run(base.body.value)
    run.bold, run.font.size = True, Pt(16)
    lines = []
    if base.session:
        lines.append(f"{ordinal_word(base.session).capitalize()} session")
    if base.agenda_item:
        lines.append(f"Agenda item {base.agenda_item}")
    for line in lines:
        doc.add_paragraph(line)  # type: ignore[attr-defined]
    title = doc.add_paragraph()  # type: ignore[attr-defined]
    title.paragraph_format.space_before = Pt(18)
    title.add_run(f"Amendments to draft resolution {symbol}").bold = True
    if base.title:
        doc.add_paragraph().add_run(base.title).bold = True  # type: ignore[attr-defined]


def _amendment(doc: object, number: int, lines: list[str]) -> None:
    from docx.shared import Cm

    first, *block = lines
    par = doc.add_paragraph(f"{number}.\t{first}")  # type: ignore[attr-defined]
    fmt = par.paragraph_format
    fmt.left_indent, fmt.first_line_indent = Cm(1.27), Cm(-1.27)
    for line in block:
        depth = (len(line) - len(line.lstrip())) // len(INDENT) - 1  # 0: a new paragraph itself
        quoted = doc.add_paragraph()  # type: ignore[attr-defined]
        quoted.paragraph_format.left_indent = Cm(1.27 * (depth + 2))
        text = line.strip()
        prefix = re.match(r".(?:\d+\. )?", text)  # the quotation mark, and a new paragraph's number
        head = prefix.end() if prefix else 0
        lead = detect_lead(text[head:]) if depth == 0 else ""  # sub-paragraphs have no lead in italics
        quoted.add_run(text[:head])
        quoted.add_run(lead).italic = True
        quoted.add_run(text[head + len(lead):])


def amendments_document(amendments: tuple[Amendment, ...], base: Resolution) -> bytes:
    """The .docx bytes of the amendment list to ``base``."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(10)
    _heading(doc, base)
    for number, amendment in enumerate(amendments, start=1):
        _amendment(doc, number, amendment_text(amendment, amendments[:number - 1]))
    props = doc.core_properties
    props.author = props.last_modified_by = "drafting"
    props.created = props.modified = props.last_printed = _FIXED
    props.revision = 1
    buffer = io.BytesIO()
    doc.save(buffer)
    return ooxml.fixed_zip(buffer.getvalue())


def write_amendments_docx(amendments: tuple[Amendment, ...], base: Resolution, path: str | Path) -> None:
    """Write the amendments document atomically (nothing half-written on error)."""
    from drafting.store import write_atomic

    write_atomic(path, amendments_document(amendments, base))
