"""Build the PDF fixtures of tests/test_importers_pdf.py: UN-layout pages from corpus text.

    python tests/data/pdf/build.py      # needs LibreOffice (soffice) and ../shared/corpus

``un-1445.pdf`` is S/RES/1445 (2002) as the Council printed it in 2002: masthead, the heading
"Adopted by the Security Council at its 4653rd meeting, on 4 December 2002", the running head
"S/RES/1445 (2002)" with the page number on every page after the first, the job number
"02-72318 (E)" and the barcode "*0272318*" at the foot of the pages, first-line indents, lead
phrases in italics, words broken at the line end (soft hyphens), and footnotes added for the test:
two in OP1 (their places kept in ``note_at``) and one after a mid-sentence word of PP7.
``undof-0381.pdf`` and ``unifil-0450.pdf`` are those precedents rendered by ``drafting render``
and printed to PDF by LibreOffice (sub-paragraphs, an adoption footnote, a note of three lines).
``encrypted.pdf`` is a one-line document saved with an opening password.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

from drafting.importers import import_file  # noqa: E402
from drafting.model import Paragraph, detect_lead  # noqa: E402

SOURCE = ROOT.parent / "shared" / "corpus" / "unsc" / "S_RES_1445_2002_EN_GOLD.txt"
# Footnotes added for the test: (paragraph, the words the marker follows, the note).
NOTES = [("OP1", "Pretoria Agreement", "S/2002/914, annex."),
         ("OP1", "Luanda Agreement", "S/2002/1006, annex."),
         ("PP7", "special report", "S/2002/1005.")]
# Long words given a soft hyphen, so that some break at the line end as UN PDFs print them.
SOFT = {"implementation": "imple\u00admentation", "reintegration": "reinte\u00adgration",
        "international": "inter\u00adnational", "verification": "verifi\u00adcation",
        "demobilization": "demobili\u00adzation", "Secretary-General": "Secretary-General"}

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Times New Roman" svg:font-family="'Times New Roman'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="Times New Roman" fo:font-size="10pt"/></style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm" fo:text-indent="1.27cm" fo:text-align="justify" fo:margin-bottom="0.2cm"/></style:style>
 <style:style style:name="Item" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-indent="1.9cm"/></style:style>
 <style:style style:name="Right" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
 <style:style style:name="Big" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
 <style:style style:name="Bold" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm" fo:margin-top="0.4cm"/><style:text-properties fo:font-weight="bold" fo:font-size="12pt"/></style:style>
 <style:style style:name="Organ" style:family="paragraph" style:parent-style-name="Body"><style:text-properties fo:font-style="italic"/></style:style>
 <style:style style:name="Note" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="1.27cm"/><style:text-properties fo:font-size="8pt"/></style:style>
 <style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
</office:styles>
<office:automatic-styles><style:style style:name="Top" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="First"/><style:page-layout style:name="pm"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
 <style:header-style><style:header-footer-properties fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:margin-top="0.5cm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="First" style:page-layout-name="pm" style:next-style-name="Standard">
 <style:footer><text:p text:style-name="Standard">02-72318 (E)<text:tab/><text:tab/>*0272318*</text:p></style:footer>
</style:master-page><style:master-page style:name="Standard" style:page-layout-name="pm">
 <style:header><text:p text:style-name="Standard">S/RES/1445 (2002)<text:tab/><text:tab/><text:page-number text:select-page="current"/></text:p></style:header>
 <style:footer><text:p text:style-name="Standard">02-72318</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
"""


def _p(style: str, body: str) -> str:
    return f'<text:p text:style-name="{style}">{body}</text:p>\n'


def _note(n: int, text: str) -> str:
    return (f'<text:note text:id="n{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation>'
            f'<text:note-body>{_p("Note", escape(text))}</text:note-body></text:note>')


def _body(address: str, para: Paragraph, part: str, counter: list[int]) -> str:
    text = para.text
    for word, soft in SOFT.items():
        text = text.replace(word, soft)
    out = escape(text)
    for where, after, note in NOTES:
        if where == address:
            counter[0] += 1
            at = out.index(escape(after.replace("implementation", SOFT["implementation"]))) + len(after)
            out = out[:at] + _note(counter[0], note) + out[at:]
    lead = detect_lead(para.text)
    if lead and out.startswith(escape(lead)):
        out = f'<text:span text:style-name="I">{escape(lead)}</text:span>' + out[len(escape(lead)):]
    number = address[2:] + ". " if part == "OP" else ""
    return _p("Body", number + out)


def fodt() -> str:
    res = import_file(SOURCE)
    parts = [HEAD, _p("Top", "United Nations<text:tab/><text:tab/>S/RES/1445 (2002)"),
             _p("Big", "Security Council"), _p("Right", "Distr.: General"), _p("Right", "4 December 2002"),
             _p("Bold", "Resolution 1445 (2002)"),
             _p("Body", "Adopted by the Security Council at its 4653rd meeting, on 4 December 2002"),
             _p("Organ", "The Security Council,")]
    counter = [0]
    for part, paragraphs in (("PP", res.preamble), ("OP", res.operative)):
        for n, para in enumerate(paragraphs, start=1):
            parts.append(_body(f"{part}{n}", para, part, counter))
    parts.append("</office:text></office:body></office:document>\n")
    return "".join(parts)


TINY = ('<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
        '<text:p>The Security Council,</text:p></office:text></office:body></office:document>\n')
ENCRYPT = ('pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},'
           '"DocumentOpenPassword":{"type":"string","value":"secret"}}')


def _convert(src: Path, target: str = "pdf") -> None:
    subprocess.run(["soffice", "--headless", "--convert-to", target, "--outdir", str(HERE), str(src)],
                   check=True, capture_output=True)


def main() -> None:
    from drafting.render.documents.docx import render_file

    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "un-1445.fodt"
        src.write_text(fodt(), encoding="utf-8")
        _convert(src)
        src = Path(tmp) / "encrypted.fodt"
        src.write_text(TINY, encoding="utf-8")
        _convert(src, ENCRYPT)
        for name, yaml in (("undof-0381", "undof/0381.yaml"), ("unifil-0450", "unifil/0450.yaml")):
            render_file(ROOT / "precedents" / yaml, Path(tmp) / f"{name}.docx")
            _convert(Path(tmp) / f"{name}.docx")
    print("wrote", ", ".join(p.name for p in sorted(HERE.glob("*.pdf"))))


if __name__ == "__main__":
    main()
