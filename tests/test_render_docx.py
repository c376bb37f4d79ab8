"""Clean Word documents: UN layout, escaping, footnotes, templates, and LibreOffice as the client."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import DIAMONDS, PRECEDENTS, ROOT, diamonds, golden, need_program, precedent_files
from drafting import load
from drafting.cli import main
from drafting.errors import RenderError
from drafting.model import Body, Paragraph, Part, Resolution
from drafting.importers.docx import read_docx
from drafting.render.documents.docx import RenderWarning, render_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGE_IMAGE = ROOT / "docs" / "68-128-page1.png"


def part_xml(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read(name))


def body_paragraphs(path: Path) -> list[etree._Element]:
    return list(part_xml(path, "word/document.xml").find(f"{W}body").iter(f"{W}p"))


def text_of(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def italic_prefix(p: etree._Element) -> str:
    out = ""
    for r in p.iter(f"{W}r"):
        t = "".join(x.text or "" for x in r.iter(f"{W}t"))
        if not t:
            continue
        if r.find(f"{W}rPr/{W}i") is None:
            break
        out += t
    return out


# ---------------------------------------------------------------------------- layout


def test_heading_and_adoption_lines_of_68_128(tmp_path):
    out = tmp_path / "r.docx"
    render_document(diamonds(), out)
    texts = [text_of(p) for p in body_paragraphs(out) if text_of(p)]
    organ = texts.index("The General Assembly,")
    assert texts[:4] == ["United Nations", "A/RES/68/128", "General Assembly", "Distr.: General"]
    assert texts[4:organ] == [
        "Sixty-eighth session", "Agenda item 32",
        "Resolution adopted by the General Assembly on 18 December 2013",
        "[without reference to a Main Committee (A/68/L.29 and Add.1)]",  # as the UN prints it
        "68/128.The role of diamonds in fuelling conflict: breaking the link between the illicit "
        "transaction of rough diamonds and armed conflict as a contribution to prevention and "
        "settlement of conflicts",  # the tab between number and title is a w:tab
    ]
    assert texts[-2:] == ["69th plenary meeting", "18 December 2013"]


def test_leads_in_italics_and_operative_paragraphs_auto_numbered(tmp_path):
    res = diamonds()
    out = tmp_path / "r.docx"
    render_document(res, out)
    organ = next(i for i, p in enumerate(body_paragraphs(out)) if text_of(p) == "The General Assembly,")
    paragraphs = body_paragraphs(out)[organ + 1:organ + 1 + len(list(res.walk()))]
    assert len([a for a, _ in res.walk() if not a.depth]) == 24 + 33
    styles = part_xml(out, "word/styles.xml")
    numbering = {}  # style id -> (numId, ilvl): Word numbers the paragraphs through their style
    for style in styles.iter(f"{W}style"):
        num = style.find(f"{W}pPr/{W}numPr")
        if num is not None and style.get(f"{W}styleId").startswith("UN"):
            numbering[style.get(f"{W}styleId")] = (num.find(f"{W}numId").get(f"{W}val"),
                                                   num.find(f"{W}ilvl").get(f"{W}val"))
    for p, (address, paragraph) in zip(paragraphs, res.walk()):
        assert text_of(p) == paragraph.text
        style = p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        assert numbering[style] == ("1" if address.part is Part.OPERATIVE else "2", str(address.depth)), address
        assert p.find(f"{W}pPr/{W}numPr") is None  # no literal numbers, no direct numbering
        if address.depth == 0:
            assert italic_prefix(p) == paragraph.lead_phrase(address.part), address
    # the words negotiators know, in italics:
    assert italic_prefix(paragraphs[0]) == "Recognizing"
    assert italic_prefix(paragraphs[24]) == "Reaffirms"
    assert [a.get(f"{W}val") for a in part_xml(out, "word/numbering.xml").iter(f"{W}lvlText")][:3] == \
        ["%1.", "(%2)", "(%3)"]


def test_footnotes_are_real_word_footnotes(tmp_path):
    res = Resolution(body=Body.SC, symbol="S/RES/350 (1974)", adopted=dt.date(1974, 5, 31), meeting=1774,
                     preamble=(Paragraph("Having considered the report of the Secretary-General,",
                                         note="Official Records of the Security Council, Twenty-ninth Year, "
                                              "Supplement for April, May and June 1974, document S/11302."),),
                     operative=(Paragraph("Decides to set up immediately under its authority a United "
                                          "Nations Disengagement Observer Force;"),))
    out = tmp_path / "sc.docx"
    render_document(res, out)
    notes = part_xml(out, "word/footnotes.xml").findall(f"{W}footnote")
    real = [n for n in notes if n.get(f"{W}type") is None]
    assert [text_of(n) for n in real] == [" " + res.preamble[0].note]
    refs = [r.get(f"{W}id") for r in part_xml(out, "word/document.xml").iter(f"{W}footnoteReference")]
    assert refs == [real[0].get(f"{W}id")]
    texts = [text_of(p) for p in body_paragraphs(out)]
    assert "Resolution 350 (1974) of 31 May 1974" in texts
    assert texts[-1] == "Adopted at the 1774th meeting."


def test_the_adoption_note_is_a_footnote_on_the_adoption_line(tmp_path):
    # S/RES/350 (1974): "Adopted at the 1774th meeting by 13 votes to none. 12" and footnote 12,
    # "Two members (China and Iraq) did not participate in the voting."
    out = tmp_path / "350.docx"
    render_document(load(ROOT / "precedents" / "undof" / "0350.yaml"), out)
    notes = [n for n in part_xml(out, "word/footnotes.xml").findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert [text_of(n) for n in notes] == [" Two members (China and Iraq) did not participate in the voting."]
    last = [p for p in body_paragraphs(out) if text_of(p)][-1]
    assert text_of(last) == "Adopted at the 1774th meeting by 13 votes to none."
    assert [r.get(f"{W}id") for r in last.iter(f"{W}footnoteReference")] == [notes[0].get(f"{W}id")]


def test_a_draft_gets_the_draft_heading_and_sponsors(tmp_path):
    res = dataclasses.replace(diamonds(), symbol=None, adopted=None, meeting=None, session=69,
                              sponsors=("Angola", "Botswana", "Côte d'Ivoire"))
    out = tmp_path / "draft.docx"
    render_document(res, out)
    texts = [text_of(p) for p in body_paragraphs(out)]
    assert texts[1] == "A/68/L.29 and Add.1"  # the draft symbol stands in the symbol block
    assert "Draft resolution" in texts and "Sponsors: Angola, Botswana, Côte d'Ivoire" in texts
    assert "Sixty-ninth session" in texts
    assert not any(re.match(r"^\d+\w\w plenary meeting$", t) for t in texts)


# ---------------------------------------------------------------------------- text safety


SPECIAL = ("Recognizing A/68/L.29 & Add.1, < 1% and > 2%, \"quoted\" and 'single', {{ x }} {_{ y }_} "
           "{% if %}, 19\u00a0November, Кот-д'Ивуар, كوت ديفوار, 科特迪瓦, Việt Nam,")


def test_special_characters_survive(tmp_path):
    res = Resolution(title="A & B < C", preamble=(Paragraph(SPECIAL),),
                     operative=(Paragraph("Decides to remain seized of the matter & <more>."),))
    out = tmp_path / "s.docx"
    render_document(res, out)
    texts = [text_of(p) for p in body_paragraphs(out)]
    assert SPECIAL in texts and "A & B < C" in texts
    assert "Decides to remain seized of the matter & <more>." in texts


def test_forbidden_control_characters_dropped_with_a_warning(tmp_path):
    res = Resolution(preamble=(Paragraph("Recognizing\x07 the\x0b trade\x00,"),), operative=(Paragraph("Decides;"),))
    out = tmp_path / "c.docx"
    with pytest.warns(RenderWarning, match=r"dropped 3 character\(s\) that XML forbids \(U\+0000, U\+0007, U\+000B\)"):
        render_document(res, out)
    assert "Recognizing the trade," in [text_of(p) for p in body_paragraphs(out)]


def test_same_input_same_bytes(tmp_path):
    res = diamonds()
    render_document(res, tmp_path / "a.docx")
    render_document(res, tmp_path / "b.docx")
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


# ---------------------------------------------------------------------------- templates


def test_templates_are_rebuilt_byte_for_byte(tmp_path):
    """The committed templates are what templates/build_templates.py makes."""
    subprocess.run([sys.executable, str(ROOT / "templates" / "build_templates.py"), str(tmp_path)],
                   check=True, capture_output=True)
    for name in ("ga.docx", "sc.docx"):
        assert (tmp_path / name).read_bytes() == (ROOT / "templates" / name).read_bytes(), name


def test_template_error_names_template_and_line(tmp_path):
    import docx

    bad = tmp_path / "bad.docx"
    document = docx.Document()
    document.add_paragraph("first line")
    document.add_paragraph("{{ title_line | nosuchfilter }}")
    document.save(bad)
    with pytest.raises(RenderError, match=r"bad\.docx: line \d+: template error: .*nosuchfilter"):
        render_document(Resolution(operative=(Paragraph("Decides;"),)), tmp_path / "o.docx", template=bad)
    assert not (tmp_path / "o.docx").exists()


def test_unknown_template(tmp_path):
    with pytest.raises(RenderError, match="nosuch: no such template; expected ga or sc, or the path"):
        render_document(Resolution(), tmp_path / "o.docx", template="nosuch")


def test_sc_template_for_a_ga_text(tmp_path):
    out = tmp_path / "o.docx"
    render_document(diamonds(), out, template="sc")
    texts = [text_of(p) for p in body_paragraphs(out)]
    assert texts[2] == "Security Council"  # the masthead of the template chosen
    assert "The General Assembly," in texts  # the text's own organ line


# ---------------------------------------------------------------------------- CLI


def test_cli_render(tmp_path):
    out = tmp_path / "r.docx"
    result = CliRunner().invoke(main, ["render", str(DIAMONDS),
                                       "-o", str(out)])
    assert (result.exit_code, result.output) == (0, f"wrote {out}\n")
    # the document holds the resolution: its symbol, first and last paragraphs as adopted
    texts = [text_of(p) for p in body_paragraphs(out)]
    assert "A/RES/68/128" in texts
    assert ("Recognizing that the trade in conflict diamonds continues to be a matter of serious international "
            "concern, which can be directly linked to the fuelling of armed conflict, the activities of rebel "
            "movements aimed at undermining or overthrowing legitimate Governments and the illicit traffic in "
            "and proliferation of armaments, especially small arms and light weapons,") in texts
    assert ("Decides to include in the provisional agenda of its sixty-ninth session the item entitled "
            '"The role of diamonds in fuelling conflict".') in texts  # straight quotes, as the precedent has them


def test_cli_render_bad_input(tmp_path):
    src = tmp_path / "bad.yaml"
    src.write_text("preamble: [\n")
    result = CliRunner().invoke(main, ["render", str(src), "-o", str(tmp_path / "o.docx")])
    assert result.exit_code == 2
    assert result.output.startswith(f"drafting: {src}:") and "broken YAML" in result.output
    assert not (tmp_path / "o.docx").exists()
    result = CliRunner().invoke(main, ["render", str(src), "-o", str(tmp_path / "o.docx"), "-t", "nope"])
    assert (result.exit_code, result.output) == (
        2, f"drafting: {src}:2:1: broken YAML: did not find expected node content (while parsing a flow node)\n")
    result = CliRunner().invoke(main, ["render", str(DIAMONDS), "-o", str(tmp_path / "o.docx"), "-t", "nope"])
    assert (result.exit_code, result.output) == (
        2, "drafting: nope: no such template; expected ga or sc, or the path of a .docx template\n")
    assert not (tmp_path / "o.docx").exists()


# ---------------------------------------------------------------------------- LibreOffice


def soffice_pdf(docs: list[Path], outdir: Path) -> None:
    """Convert every document in ONE LibreOffice run (a private profile, so runs never collide)."""
    soffice = need_program("soffice", "libreoffice-writer-nogui")
    profile = outdir / "lo-profile"
    result = subprocess.run([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                             "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    missing = [d.name for d in docs if not (outdir / (d.stem + ".pdf")).exists()]
    assert not missing, f"LibreOffice did not convert {missing}: {result.stderr}"


def words(text: str) -> list[str]:
    text = re.sub(r"(\w)-\n\s*(\w)", r"\1-\2", text)  # "self-" at a line end, "regulation" below
    return text.split()


def appears_in(paragraph: str, pdf_words: list[str], start: int) -> int:
    """Where the paragraph's words end in the PDF's words (in order; footnotes may interleave)."""
    want = words(paragraph)
    head = want[:6]
    for i in range(start, len(pdf_words) - len(head) + 1):
        if pdf_words[i:i + len(head)] == head:
            j, k = i, 0
            while j < len(pdf_words) and k < len(want):
                # a footnote number printed right after a word (its marker inside the paragraph)
                noted = re.fullmatch(re.escape(want[k]) + r"\d+", pdf_words[j])
                if pdf_words[j] == want[k] or noted or (k == len(want) - 1 and pdf_words[j].startswith(want[k])):
                    k += 1
                elif "".join(pdf_words[j:j + 2]) == want[k]:  # a footnote number set apart: "May, 3"
                    k, j = k + 1, j + 1
                j += 1
            if k == len(want):
                return j
    return -1


@pytest.mark.slow
def test_every_precedent_converts_to_pdf_with_its_text(tmp_path):
    need_program("pdftotext", "poppler-utils")
    files = precedent_files()
    docs = []
    for i, f in enumerate(files):
        docs.append(tmp_path / f"{i:03d}-{f.parent.name}-{f.stem}.docx")
        render_document(load(f), docs[-1])
    soffice_pdf(docs, tmp_path)
    for f, doc in zip(files, docs):
        pdf = tmp_path / (doc.stem + ".pdf")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        pdf_words = words(text)
        at, note = 0, 1
        for address, paragraph in load(f).walk():
            printed = paragraph.text  # with each footnote's number where its reference stands
            for offset in sorted((o for _, o in paragraph.footnote_offsets), reverse=True):
                printed = printed[:offset] + "\0" + printed[offset:]
            while "\0" in printed:
                printed, note = printed.replace("\0", str(note), 1), note + 1
            found = appears_in(printed, pdf_words, at)
            assert found >= 0, f"{f}: {address} not found in the PDF in order: {paragraph.text[:80]!r}"
            at = found


@pytest.mark.slow
def test_68_128_layout_page_image(tmp_path):
    """Page count and the italic words of page 1, as LibreOffice lays them out (golden).

    DRAFTING_REGENERATE=1 also rewrites docs/68-128-page1.png, the picture of page 1.
    """
    need_program("pdftohtml", "poppler-utils")
    font = subprocess.run(["fc-match", "Times New Roman"], capture_output=True, text=True).stdout
    if "Liberation Serif" not in font:  # line breaks, and so the golden layout, depend on the font
        pytest.skip("Times New Roman's metric twin is not installed: apt-get install -y fonts-liberation2")
    res = diamonds()
    doc = tmp_path / "68-128.docx"
    render_document(res, doc)
    soffice_pdf([doc], tmp_path)
    pdf = tmp_path / "68-128.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-f", "1", "-l", "1", str(pdf)],
                         capture_output=True, text=True, check=True).stdout
    italic = [" ".join(m.split()) for m in re.findall(r"<text [^>]*><i>(.*?)</i></text>", xml)]
    # Independent of the golden file: the organ line and the first preambular leads are italic.
    # A/RES/68/128 PP1-PP3 open "Recognizing", "Recognizing also", "Noting" (the Yearbook text)
    assert italic[0] == "The General Assembly,"
    assert italic[1:4] == ["Recognizing", "Recognizing also", "Noting"]
    golden("docx-68-128", "layout.txt", f"pages: {pages}\nitalic on page 1:\n" + "\n".join(italic) + "\n")
    if os.environ.get("DRAFTING_REGENERATE"):
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(PAGE_IMAGE.with_suffix(""))], check=True)


# ---------------------------------------------------------------------------- Office Open XML validity


def schema_errors(path: Path) -> list[str]:
    """Findings of openxml-audit (a port of the Open XML SDK validator: ECMA-376 schemas and the
    SDK's semantic checks) on one file."""
    from openxml_audit import OpenXmlValidator

    result = OpenXmlValidator().validate(str(path))
    return [f"{e.description} ({getattr(e, 'path', '')})" for e in result.errors]


@pytest.mark.slow  # the whole library
def test_word_files_pass_the_office_open_xml_validator(tmp_path):
    from drafting.comparison.diff import diff
    from drafting.model import Address, Flag, FlagKind, Part
    from drafting.render.documents.docx import render_tracked

    res = diamonds()
    draft = dataclasses.replace(res, symbol=None, adopted=None, meeting=None,
                                draft="A/69/L.12", sponsors=("Botswana", "Namibia"))
    sc_old, sc_new = load(PRECEDENTS / "undof" / "0350.yaml"), load(PRECEDENTS / "undof" / "0363.yaml")
    render_document(res, tmp_path / "clean.docx")
    render_document(draft, tmp_path / "draft.docx")
    render_tracked(diff(res, draft), tmp_path / "tracked.docx", date="2014-06-01",
                   comments=[Flag(Address(Part.OPERATIVE, 3), FlagKind.STALE, "Update the year.")])
    render_tracked(diff(sc_old, sc_new), tmp_path / "sc.docx")
    for name in ("clean", "draft", "tracked", "sc"):
        assert schema_errors(tmp_path / f"{name}.docx") == [], name


def test_core_and_app_properties_are_honest(tmp_path):
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    render_document(diamonds(), tmp_path / "a.docx")
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
        app = archive.read("docProps/app.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    dc = "{http://purl.org/dc/elements/1.1/}"
    assert core.find(f"{dc}title").text == (
        "A/RES/68/128 The role of diamonds in fuelling conflict: breaking the link between the illicit "
        "transaction of rough diamonds and armed conflict as a contribution to prevention and settlement of conflicts")
    assert core.find("{http://purl.org/dc/terms/}created") is None  # no date unless asked for
    assert core.find(f"{dc}subject").text == "Adopted without a vote"  # the GA layout prints no vote
    assert "<Application>drafting</Application>" in app and "Microsoft" not in app
    assert 'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"' in settings
    render_tracked(diff(diamonds(), diamonds()), tmp_path / "t.docx", date="2014-06-01")
    with zipfile.ZipFile(tmp_path / "t.docx") as archive:
        core = etree.fromstring(archive.read("docProps/core.xml"))
    assert core.find("{http://purl.org/dc/terms/}created").text == "2014-06-01T00:00:00Z"


def test_a_rendered_file_as_template_is_refused_and_a_template_with_properties_stays_one_zip(tmp_path):
    import importlib.resources

    render_document(diamonds(), tmp_path / "own.docx")
    with pytest.raises(RenderError, match=r"own\.docx: expected a template with the body slot"):
        render_document(diamonds(), tmp_path / "o.docx", template=tmp_path / "own.docx")
    assert not (tmp_path / "o.docx").exists()
    # A template saved with custom properties of its own (as Word keeps them): replaced, not doubled.
    ga = importlib.resources.files("drafting.templates").joinpath("ga.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "own.docx") as own, zipfile.ZipFile(io.BytesIO(ga)) as src, \
            zipfile.ZipFile(tmp_path / "mine.docx", "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = own.read("[Content_Types].xml")
            if info.filename == "_rels/.rels":
                data = own.read("_rels/.rels")
            dst.writestr(info, data)
        dst.writestr("docProps/custom.xml", own.read("docProps/custom.xml"))
    render_document(diamonds(), tmp_path / "o.docx", template=tmp_path / "mine.docx")
    with zipfile.ZipFile(tmp_path / "o.docx") as archive:
        names = archive.namelist()
    assert len(names) == len(set(names)) and "docProps/custom.xml" in names
    assert read_docx(tmp_path / "o.docx") == diamonds()


# ---------------------------------------------------------------------------- items numbered (i), (ii)


def _r242() -> Resolution:
    from conftest import UNSC, need_corpus
    from drafting.importers import import_file

    need_corpus()
    return import_file(UNSC / "S_RES_0242_1967_EN_GOLD.txt")


def _item_formats(path: Path) -> list[tuple[str, str]]:
    """(format of its numbering level, first words) of every sub-paragraph in a Word file: the
    paragraph's own num and level where it names one, else its style's (UNItem1: list 1, level 1)."""
    from drafting.importers.word_numbering import formats

    found = formats(part_xml(path, "word/numbering.xml"))
    out = []
    for p in body_paragraphs(path):
        style = p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
        if not style.startswith("UNItem"):
            continue
        num, lvl = p.find(f"{W}pPr/{W}numPr/{W}numId"), p.find(f"{W}pPr/{W}numPr/{W}ilvl")
        key = (num.get(f"{W}val"), int(lvl.get(f"{W}val"))) if num is not None else ("1", int(style[-1]))
        out.append((found[key], " ".join(text_of(p).split()[:2])))
    return out


def test_roman_items_of_242_are_numbered_in_roman(tmp_path):
    """S/RES/242 OP1's items print (i), (ii) (a numbering instance of their own), OP2's (a), (b), (c)."""
    render_document(_r242(), tmp_path / "r242.docx")
    assert _item_formats(tmp_path / "r242.docx") == [
        ("lowerRoman", "Withdrawal of"), ("lowerRoman", "Termination of"),
        ("lowerLetter", "For guaranteeing"), ("lowerLetter", "For achieving"), ("lowerLetter", "For guaranteeing")]
    num = part_xml(tmp_path / "r242.docx", "word/numbering.xml").find(f"{W}num[@{W}numId='3']")
    lvl = num.find(f"{W}lvlOverride/{W}lvl")
    assert (lvl.find(f"{W}numFmt").get(f"{W}val"), lvl.find(f"{W}lvlText").get(f"{W}val")) == ("lowerRoman", "(%2)")
    assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"


def test_roman_items_of_242_as_pandoc_reads_them(tmp_path):
    """pandoc numbers OP1's items i., ii. and OP2's a., b. (its plain text drops the parentheses)."""
    need_program("pandoc", "pandoc")
    render_document(_r242(), tmp_path / "r242.docx")
    text = subprocess.run(["pandoc", "-t", "plain", "--wrap=none", str(tmp_path / "r242.docx")],
                          capture_output=True, text=True, check=True).stdout
    marks = re.findall(r"^\s+([a-z]+)\.\s+(\w+)", text, re.M)
    assert marks == [("i", "Withdrawal"), ("ii", "Termination"), ("a", "For"), ("b", "For"), ("c", "For")]


def test_roman_items_tracked_and_valid(tmp_path):
    """A diff of 242 with item (ii) changed: both texts' items stay (i), (ii); Accept and Reject
    All read back roman; the clean and tracked files pass the schema validator."""
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    old = _r242()
    op1 = old.operative[0]
    item = dataclasses.replace(op1.items[1], text=op1.items[1].text.replace("boundaries", "borders"))
    new = dataclasses.replace(old, operative=(dataclasses.replace(op1, items=(op1.items[0], item)),
                                              *old.operative[1:]))
    render_document(new, tmp_path / "clean.docx")
    render_tracked(diff(old, new), tmp_path / "tracked.docx", date="1968-01-01")
    assert [f for f, _ in _item_formats(tmp_path / "tracked.docx")][:2] == ["lowerRoman", "lowerRoman"]
    assert read_docx(tmp_path / "tracked.docx").operative[0].numbering == "roman"
    assert read_docx(tmp_path / "tracked.docx", reject=True).operative[0] == op1
    for name in ("clean", "tracked"):
        assert schema_errors(tmp_path / f"{name}.docx") == [], name


@pytest.mark.parametrize("roman_side", ["old", "new"])
def test_items_numbered_another_way_reverse_exactly(tmp_path, roman_side):
    """242 OP1's items printed (i), (ii) in one text and (a), (b) in the other: the diff names the
    change (routine), and the tracked file keeps the items in place, their old numbering a
    revision of their properties, so that Accept All gives the new labels and Reject All the old."""
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked
    from drafting.render.reports.json_report import to_dict

    roman = _r242()
    lettered = dataclasses.replace(roman, operative=(dataclasses.replace(roman.operative[0], numbering=None),
                                                     *roman.operative[1:]))
    old, new = (roman, lettered) if roman_side == "old" else (lettered, roman)
    comparison = diff(old, new)
    labels = {"old": "(i), (ii)", "new": "(a), (b)"} if roman_side == "old" else {"old": "(a), (b)", "new": "(i), (ii)"}
    field = to_dict(comparison)["metadata"]
    assert [(f["field"], f["old"], f["new"], f["routine"]) for f in field] == [("numbering", ["OP1"], ["OP1"], True)]
    assert comparison.fields[0].old_text == labels["old"] and comparison.fields[0].new_text == labels["new"]
    render_tracked(comparison, tmp_path / "tracked.docx", date="1968-01-01")
    assert read_docx(tmp_path / "tracked.docx") == new
    assert read_docx(tmp_path / "tracked.docx", reject=True) == old
    document = part_xml(tmp_path / "tracked.docx", "word/document.xml")
    assert len(document.findall(f".//{W}pPrChange")) == 2 and document.find(f".//{W}del") is None
    assert schema_errors(tmp_path / "tracked.docx") == []


def test_roman_items_that_only_moved_carry_no_property_revision(tmp_path):
    """UNDOF 381 with OP1's items in roman and a paragraph put before it (OP1 becomes OP2): the
    items print (i), (ii), (iii) in both texts, so no revision of their properties is written."""
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    base = load(PRECEDENTS / "undof" / "0381.yaml")
    roman = dataclasses.replace(base, operative=(dataclasses.replace(base.operative[0], numbering="roman"),))
    shifted = dataclasses.replace(roman, operative=(
        Paragraph("Expresses its deep concern at the continued tension in the area;"), *roman.operative))
    for old, new in ((roman, shifted), (shifted, roman)):
        comparison = diff(old, new)
        assert [f.field for f in comparison.fields] == []
        render_tracked(comparison, tmp_path / "tracked.docx", date="1975-11-30")
        assert part_xml(tmp_path / "tracked.docx", "word/document.xml").find(f".//{W}pPrChange") is None
        assert read_docx(tmp_path / "tracked.docx") == new
        assert read_docx(tmp_path / "tracked.docx", reject=True) == old
