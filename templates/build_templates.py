"""Build the Word templates ga.docx and sc.docx with python-docx (run: python templates/build_templates.py).

The templates hold everything about the look of a UN resolution: page, fonts, paragraph styles,
the numbering definitions (operative numbers and sub-paragraph letters are Word auto-numbering, so
they stay right when a tracked change is accepted or rejected), the symbol block and heading
lines as docxtpl fields, and an empty footnotes part. The code in drafting/render/docx.py only
writes runs: the runs of each heading line into its ``{{r field}}`` (so a changed title or
session can be a tracked change), and each body paragraph whole into the ``{{p paragraph}}``
slot of the body loop. The output is deterministic: same script, same bytes (fixed zip timestamps and metadata).
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from drafting.render.documents.ooxml import fixed_zip  # the renderer's own: templates and output alike

HERE = Path(__file__).resolve().parent
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = "Times New Roman"
INDENT = 720  # twips: the UN body indent of 1.27 cm (0.5 in)
STEP = 360  # twips: one more level of sub-paragraph indent, and the gap after a label

# Numbering: abstractNum 0 numbers operative paragraphs "1." with their items "(a)", "(i)", ...
# below; abstractNum 1 gives preambular paragraphs an invisible number so that their items are
# lettered "(a)" afresh under each one. Word restarts a lower level after every higher one.
# (numId 1 -> operative, numId 2 -> preamble; drafting/render/docx.py relies on these ids.)
LEVELS = 6


def _level(ilvl: int, fmt: str, text: str, first: int) -> str:
    tab = INDENT + first + STEP
    suffix = '<w:suff w:val="nothing"/>' if fmt == "none" else ""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{suffix}'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{tab}"/></w:tabs>'
            f'<w:ind w:left="{INDENT}" w:right="{INDENT}" w:firstLine="{first}"/></w:pPr></w:lvl>')


def _sub_levels(start: int) -> str:
    """Sub-paragraph levels: (a), (i), (a), (i)... each indented one step further."""
    out = []
    for ilvl in range(start, LEVELS):
        depth = ilvl - start + 1
        fmt = "lowerLetter" if depth % 2 == 1 else "lowerRoman"
        out.append(_level(ilvl, fmt, f"(%{ilvl + 1})", INDENT + STEP * depth))
    return "".join(out)


NUMBERING = (
    f'<w:numbering xmlns:w="{W}">'
    f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>'
    f'{_level(0, "decimal", "%1.", INDENT)}{_sub_levels(1)}</w:abstractNum>'
    f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="multilevel"/>'
    f'{_level(0, "none", "", INDENT)}{_sub_levels(1)}</w:abstractNum>'
    f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
    f'<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    f'</w:numbering>'
)

# The separator footnotes Word expects before any real footnote (ids -1 and 0).
FOOTNOTES = (
    f'<w:footnotes xmlns:w="{W}">'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
    'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
    '</w:footnotes>'
)


def _style(doc, name: str, kind=WD_STYLE_TYPE.PARAGRAPH, base: str | None = "UN Body"):
    style = doc.styles.add_style(name, kind)
    if base:
        style.base_style = doc.styles[base]
    return style


def _numbered(style, num: int, ilvl: int):
    """The style with the numbering level it carries (numId 1: operative, 2: preamble)."""
    numpr = style.element.get_or_add_pPr().get_or_add_numPr()
    numpr.get_or_add_ilvl().val = ilvl
    numpr.get_or_add_numId().val = num
    return style


def _styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    fmt = normal.paragraph_format
    fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE

    body = _style(doc, "UN Body", base="Normal")
    fmt = body.paragraph_format
    fmt.left_indent = fmt.right_indent = Cm(1.27)
    fmt.space_after = Pt(6)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.widow_control = True

    # The numbering hangs on the styles, so that a paragraph names only its style, and a tracked
    # change of style (a preambular paragraph become operative) changes its numbering with it.
    # "UN Operative Lone": a resolution with one operative paragraph prints it unnumbered (the
    # preamble's invisible level 0), its sub-paragraphs still lettered.
    for name, num in (("UN Preamble", 2), ("UN Operative", 1), ("UN Operative Lone", 2)):
        _numbered(_style(doc, name), num, 0).paragraph_format.first_line_indent = Cm(1.27)
    for depth in range(1, LEVELS):
        for name, num in ((f"UN Item {depth}", 1), (f"UN Preamble Item {depth}", 2)):
            _numbered(_style(doc, name), num, depth).paragraph_format.first_line_indent = Cm(1.27 + 0.635 * depth)

    _heading_styles(doc)


def _heading_styles(doc) -> None:
    """The organ line, masthead, heading lines, title, adoption line, footnotes and comments."""
    organ = _style(doc, "UN Organ")
    organ.paragraph_format.first_line_indent = Cm(1.27)
    organ.paragraph_format.space_before = Pt(6)
    organ.font.italic = True

    heading = _style(doc, "UN Heading", base="Normal")
    heading.paragraph_format.left_indent = Cm(1.27)
    heading.paragraph_format.right_indent = Cm(1.27)
    heading.paragraph_format.space_after = Pt(0)

    strong = _style(doc, "UN Heading Bold", base="UN Heading")
    strong.font.bold = True
    strong.paragraph_format.space_before = Pt(12)

    title = _style(doc, "UN Title", base="Normal")
    title.font.bold = True
    title.font.size = Pt(13)
    fmt = title.paragraph_format
    fmt.left_indent = Cm(1.27)
    fmt.first_line_indent = Cm(-1.27)
    fmt.right_indent = Cm(1.27)
    fmt.space_before = Pt(12)
    fmt.space_after = Pt(12)
    fmt.keep_with_next = True
    fmt.tab_stops.add_tab_stop(Cm(1.27))

    # A draft's title has no "68/128." hanging before it: indented like the heading lines.
    draft_title = _style(doc, "UN Draft Title", base="UN Title")
    draft_title.paragraph_format.first_line_indent = Cm(0)

    # "UN Section": a section heading ("A", "II") centred on its own line, kept with what follows.
    section = _style(doc, "UN Section", base="Normal")
    section.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    section.paragraph_format.space_before = Pt(12)
    section.paragraph_format.keep_with_next = True

    adoption = _style(doc, "UN Adoption", base="Normal")
    adoption.font.italic = True
    adoption.paragraph_format.left_indent = Cm(9.0)
    adoption.paragraph_format.keep_with_next = True

    for name, size, bold in (("UN Masthead", 10, False), ("UN Organ Name", 16, True),
                             ("UN Symbol", 13, True)):
        style = _style(doc, name, base="Normal")
        style.font.size = Pt(size)
        style.font.bold = bold

    running = _style(doc, "UN Running Head", base="Normal")
    running.font.size = Pt(9)
    running.font.bold = True
    running.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
    _note_styles(doc)


def _note_styles(doc) -> None:
    """Footnote text and reference, comment reference; then readable style ids for all ours."""
    note = _style(doc, "Footnote Text", base="Normal")
    note.font.size = Pt(8)
    note.paragraph_format.left_indent = Cm(1.27)
    note.paragraph_format.first_line_indent = Cm(-0.5)
    ref = _style(doc, "Footnote Reference", WD_STYLE_TYPE.CHARACTER, base=None)
    ref.font.superscript = True
    _style(doc, "Comment Reference", WD_STYLE_TYPE.CHARACTER, base=None).font.size = Pt(8)
    for style in doc.styles:  # readable ids for the code to name: "UN Item 1" -> UNItem1
        if style.name.startswith(("UN ", "Footnote ", "Comment ")):
            style.element.set(qn("w:styleId"), style.name.replace(" ", ""))
        elif style.element.pPr is not None and style.element.pPr.numPr is not None:
            # python-docx's list styles name numbering definitions ours replaces: drop the link
            style.element.pPr.remove(style.element.pPr.numPr)


def _masthead(doc, organ: str) -> None:
    """The symbol block: 'United Nations | SYMBOL', 'ORGAN | Distr.: General', a rule below."""
    table = doc.add_table(rows=2, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    cells = (("United Nations", "UN Masthead"), ("{{r symbol_block }}", "UN Symbol"),
             (organ, "UN Organ Name"), ("Distr.: General", "UN Masthead"))
    for cell, (text, style) in zip((c for row in table.rows for c in row.cells), cells):
        paragraph = cell.paragraphs[0]
        paragraph.text = text
        paragraph.style = doc.styles[style]
    for row in table.rows:
        row.cells[1].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        row.cells[0].width, row.cells[1].width = Cm(9.5), Cm(7.0)
    for cell in table.rows[1].cells:  # the thick rule under the masthead
        cell._tc.get_or_add_tcPr().append(parse_xml(
            f'<w:tcBorders xmlns:w="{W}"><w:bottom w:val="single" w:sz="18" w:space="0" '
            'w:color="000000"/></w:tcBorders>'))
    doc.add_paragraph("", style="UN Heading")  # a little air below the rule


def _optional(doc, field: str, style: str) -> None:
    """A heading line that appears only when the code passes a value for it."""
    doc.add_paragraph(f"{{%p if {field} %}}")
    doc.add_paragraph(f"{{{{r {field} }}}}", style=style)
    doc.add_paragraph("{%p endif %}")


def build(organ: str, lines: list[tuple[str, str]]) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.5)
    _styles(doc)
    doc.paragraphs[0]._element.getparent().remove(doc.paragraphs[0]._element) if doc.paragraphs else None
    _masthead(doc, organ)
    for field, style in lines:
        _optional(doc, field, style)
    # The organ line ("The General Assembly,", style UN Organ) is written whole by the code, like
    # the body: a tracked change may need to revise its paragraph mark.
    doc.add_paragraph("{{p organ_line }}")
    # The body: each item of ``body`` is one whole Word paragraph, written by the code.
    doc.add_paragraph("{%p for paragraph in body %}")
    doc.add_paragraph("{{p paragraph }}")
    doc.add_paragraph("{%p endfor %}")
    doc.add_paragraph("{%p for line in adoption %}")
    doc.add_paragraph("{{r line }}", style="UN Adoption")
    doc.add_paragraph("{%p endfor %}")

    doc.part.numbering_part._element = parse_xml(NUMBERING)
    footnotes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES.encode(), doc.part.package)
    doc.part.relate_to(footnotes, RT.FOOTNOTES)
    _settings(doc)
    _running_heads(doc)
    _drop_extras(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = "drafting"
    props.title = props.subject = props.keywords = props.comments = ""
    props.revision = 1
    # No dates: the renderer writes the core properties of each document (title, and dates only
    # when asked), so a template carries none.
    for name in ("created", "modified"):
        element = props._element.find(qn(f"dcterms:{name}"))
        if element is not None:
            props._element.remove(element)
    for part in doc.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = APP.encode()
    buffer = io.BytesIO()
    doc.save(buffer)
    return fixed_zip(buffer.getvalue())


def _settings(doc) -> None:
    """Footnote separators declared in settings, as Word writes them (CT_Settings puts
    footnotePr before compat); compatibility mode 15, so Word opens it without 'Compatibility
    Mode'."""
    settings = doc.settings.element
    for old in settings.findall(qn("w:footnotePr")):
        settings.remove(old)
    compat = settings.find(qn("w:compat"))
    compat.addprevious(parse_xml(f'<w:footnotePr xmlns:w="{W}"><w:footnote w:id="-1"/>'
                                 '<w:footnote w:id="0"/></w:footnotePr>'))
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


APP = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
       '"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
       "<Application>drafting</Application><DocSecurity>0</DocSecurity></Properties>")


def _running_heads(doc) -> None:
    """From page 2: the symbol at the left and the page number at the right of the header."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    head = section.header.paragraphs[0]
    head.text = "{{r symbol_block }}"
    head.style = doc.styles["UN Running Head"]
    head._p.append(parse_xml(f'<w:r xmlns:w="{W}"><w:tab/></w:r>'))
    head._p.append(parse_xml(f'<w:fldSimple xmlns:w="{W}" w:instr=" PAGE "><w:r><w:t>2</w:t></w:r>'
                             '</w:fldSimple>'))
    section.first_page_header.paragraphs[0].text = ""


def _drop_extras(doc) -> None:
    """Drop python-docx's sample thumbnail, the duplicate 'stylesWithEffects' and customXml."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.is_external:
                continue
            name = str(rel.target_part.partname)
            if "thumbnail" in name or "stylesWithEffects" in name or name.startswith("/customXml"):
                del rels[rid]


GA_LINES = [("session_line", "UN Heading"), ("agenda_line", "UN Heading"),
            ("adopted_heading", "UN Heading Bold"), ("draft_line", "UN Heading"),
            ("draft_heading", "UN Heading Bold"), ("sponsors_line", "UN Heading"),
            ("title_line", "UN Title"), ("draft_title_line", "UN Draft Title")]
SC_LINES = [("resolution_heading", "UN Heading Bold"), ("adopted_heading", "UN Heading"),
            ("draft_heading", "UN Heading Bold"), ("sponsors_line", "UN Heading"),
            ("title_line", "UN Title"), ("draft_title_line", "UN Draft Title")]


def main(out: Path = HERE) -> None:
    for name, organ, lines in (("ga", "General Assembly", GA_LINES), ("sc", "Security Council", SC_LINES)):
        (out / f"{name}.docx").write_bytes(build(organ, lines))
        print(f"wrote {out / name}.docx")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
