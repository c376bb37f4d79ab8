"""PDF import: UN-layout PDFs back into resolutions, page furniture and footnotes told apart by
layout; running heads glued into text copied from a PDF taken out.

The fixtures under tests/data/pdf/ are made by tests/data/pdf/build.py: two precedents rendered and
printed to PDF by LibreOffice, S/RES/1445 (2002) from the corpus laid out as the Council printed it
(running heads, job numbers, barcode, words broken at the line end, footnotes added mid-sentence),
and an encrypted PDF.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from conftest import PRECEDENTS, ROOT, UNSC, need_corpus, need_program, precedent_files
from drafting import load
from drafting.cli import main
from drafting.importers import Imported, import_checked, import_file, read_text
from drafting.importers.pages import drop_glued_furniture, is_page_furniture
from drafting.importers.pdf import join_printed

DATA = ROOT / "tests" / "data" / "pdf"
UN_1445 = DATA / "un-1445.pdf"


def _comparable(data: dict[str, object]) -> dict[str, object]:
    """The whole YAML but ``source`` (provenance) and ``facts`` (never printed)."""
    return {k: v for k, v in data.items() if k not in ("source", "facts")}


# ---------------------------------------------------------------------------- rendered precedents

@pytest.mark.parametrize("pdf, yaml", [("undof-0381.pdf", "undof/0381.yaml"), ("unifil-0450.pdf", "unifil/0450.yaml")])
def test_rendered_precedent_comes_back_whole(pdf: str, yaml: str) -> None:
    imported = import_checked(DATA / pdf)
    assert imported.warnings == []
    assert _comparable(imported.resolution.to_dict()) == _comparable(load(PRECEDENTS / yaml).to_dict())
    assert imported.resolution.source == pdf


def test_items_notes_and_adoption_note_of_a_rendered_council_text() -> None:
    res = import_file(DATA / "undof-0381.pdf")
    assert (res.symbol, res.meeting, res.vote, str(res.adopted)) == ("S/RES/381 (1975)", 1856, "by 13 votes to none", "1975-11-30")
    assert res.adoption_note == "Two members (China and Iraq) did not participate in the voting."
    assert res.preamble[0].note == ("Official Records of the Security Council, Thirtieth Year, Supplement for "
                                    "October, November and December 1975, documents S/11883 and Add.1.")
    assert res.preamble[0].note_at == ()  # one note, at the end
    assert [i.text for i in res.operative[0].items] == [
        "To reconvene on 12 January 1976, to continue the debate on the Middle East problem including the "
        "Palestinian question, taking into account all relevant United Nations resolutions;",
        "To renew the mandate of the United Nations Disengagement Observer Force for another period of six months;",
        "To request the Secretary-General to keep the Security Council informed on further developments."]


def test_a_footnote_printed_on_several_lines_keeps_its_lines() -> None:
    note = import_file(DATA / "unifil-0450.pdf").preamble[3].note
    assert note == "Ibid., document S/13301.\nIbid., document S/ 13361.\nIbid., document S/ 13387."


# ---------------------------------------------------------------------------- a UN-layout page

def test_un_layout_furniture_and_breaks_are_taken_out_and_recorded() -> None:
    imported = import_checked(UN_1445)
    assert imported.warnings == []
    explained = imported.ledger.explain()
    for line in ("removed (page furniture): '02-72318 (E) *0272318*'",
                 "removed (page furniture): 'S/RES/1445 (2002) 2'",
                 "removed (page furniture): 'S/RES/1445 (2002) 3'",
                 "repaired (line-end hyphen joined (the joined word is a word)): 'reinte-gration' → 'reintegration'",
                 # LibreOffice prints an unused soft hyphen as a gap: a word cut by a space
                 "repaired (letter-spaced word rejoined): 'imple mentation' → 'implementation'"):
        assert line in explained
    res = imported.resolution
    assert (res.symbol, res.meeting, str(res.adopted), res.year) == ("S/RES/1445 (2002)", 4653, "2002-12-04", 2002)
    assert len(res.preamble) == 8 and len(res.operative) == 25
    assert res.operative[11].text == (
        "Calls upon MONUC to pay special attention in carrying out its mandate to all aspects relating to gender "
        "perspective, in accordance with resolution 1325 (2000), as well as to the protection and reintegration of "
        "children, in accordance with resolution 1379 (2001);")


def test_footnote_places_become_note_at() -> None:
    res = import_file(UN_1445)
    op1 = res.operative[0]
    assert op1.note == "S/2002/914, annex.\nS/2002/1006, annex."
    assert op1.note_at == ("Agreement", "Luanda Agreement")
    assert [offset for _, offset in op1.footnote_offsets] == [
        op1.text.index("Pretoria Agreement") + len("Pretoria Agreement"),
        op1.text.index("Luanda Agreement") + len("Luanda Agreement")]
    pp7 = res.preamble[6]
    assert (pp7.note, pp7.note_at) == ("S/2002/1005.", ("report",))
    assert pp7.text.startswith("Taking note of the Secretary-General's special report of 10 September 2002")


def test_un_layout_text_is_the_corpus_text() -> None:
    """Every paragraph as the text importer reads the same resolution from the corpus."""
    need_corpus()
    pdf = import_file(UN_1445)
    text = import_file(UNSC / "S_RES_1445_2002_EN_GOLD.txt")
    assert [p.text for p in pdf.preamble] == [p.text for p in text.preamble]
    assert [p.text for p in pdf.operative] == [p.text for p in text.operative]


def test_cli_imports_a_pdf_with_explain(tmp_path: Path) -> None:
    out = tmp_path / "1445.yaml"
    result = CliRunner().invoke(main, ["import", str(UN_1445), "--explain", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "removed (page furniture): 'S/RES/1445 (2002) 2'" in result.stderr
    assert load(out).operative[0].note_at == ("Agreement", "Luanda Agreement")


# ---------------------------------------------------------------------------- PDFs that cannot be read

def _minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF drawing ``content`` (no font: no text layer), with a correct xref table."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out, offsets = b"%PDF-1.4\n", []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


@pytest.mark.parametrize("name, data, said", [
    ("scan.pdf", _minimal_pdf(b"0 0 0 rg 72 72 451 698 re f"), ["no text layer", "scanned", "run OCR"]),
    ("cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", ["expected a readable PDF", "damaged"]),
    ("note.pdf", None, ["expected a resolution with an organ line"]),
])
def test_unreadable_pdf_is_one_line_and_exit_2(tmp_path: Path, name: str, data: bytes | None, said: list[str]) -> None:
    path = tmp_path / name
    if data is None:  # a PDF with text but no resolution: the text of a footnote page
        text = b"BT /F1 12 Tf 72 700 Td (A letter to the President) Tj ET"
        data = _minimal_pdf(text).replace(b"/MediaBox [0 0 595 842]",
                                          b"/MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font "
                                          b"/Subtype /Type1 /BaseFont /Helvetica >> >> >>")
    path.write_bytes(data)
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(tmp_path / "out.yaml")])
    assert result.exit_code == 2
    message = result.stderr.strip()
    assert "\n" not in message and "Traceback" not in message and str(path) in message
    assert all(s in message for s in said), message
    assert not (tmp_path / "out.yaml").exists()


def _text_pdf(lines: list[tuple[float, float, float, str]], rule: float | None = None) -> bytes:
    """A one-page PDF printing each (x, y, size, text) in Helvetica, and a footnote rule at ``rule``."""
    ops = [b"BT /F1 %.1f Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode("latin-1"))
           for x, y, size, text in lines]
    if rule is not None:
        ops.append(b"0 0 0 RG 0.5 w 72 %.1f m 200 %.1f l S" % (rule, rule))
    return _minimal_pdf(b"\n".join(ops)).replace(
        b"/MediaBox [0 0 595 842]", b"/MediaBox [0 0 595 842] /Resources << /Font << /F1 << /Type /Font "
                                    b"/Subtype /Type1 /BaseFont /Helvetica >> >> >>")


def test_footnote_without_marker_and_marker_without_footnote_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(_text_pdf([
        (108, 700, 10, "The Security Council,"),
        (108, 680, 10, "Noting the report of the Secretary-General,"), (72, 668, 10, "dated 3 May 1990,"),
        (108, 650, 10, "Decides to remain seized of the matter."), (300, 654, 6, "2"),
        (72, 100, 8, "1 Ibid., document S/21305.")], rule=110))
    imported = import_checked(path)
    res = imported.resolution
    assert [p.text for p in res.preamble] == ["Noting the report of the Secretary-General, dated 3 May 1990,"]
    assert [p.text for p in res.operative] == ["Decides to remain seized of the matter."]
    assert imported.warnings == [
        "OP1: footnote marker 2 has no footnote at the foot of the page: left out",
        "footnotes: footnote 1 has no marker in the text: left out ('Ibid., document S/21305.')"]


def test_footnotes_without_a_rule_are_the_small_rows_ending_the_page(tmp_path: Path) -> None:
    path = tmp_path / "norule.pdf"
    path.write_bytes(_text_pdf([
        (108, 700, 10, "The General Assembly,"),
        (108, 680, 10, "Recalling its resolution 67/135,"), (262, 684, 6, "1"),
        (108, 662, 10, "Decides to include the item in its agenda."), (72, 650, 10, "68/128. Not a note"),
        (72, 100, 8, "1"), (80, 97, 8, "A/67/PV.60, p. 3."), (72, 88, 8, "and Corr.1."),
        (72, 40, 9, "13-44593 (E)")]))
    imported = import_checked(path)
    assert imported.warnings == []
    pp1 = imported.resolution.preamble[0]
    assert (pp1.text, pp1.note, pp1.note_at) == ("Recalling its resolution 67/135,", "A/67/PV.60, p. 3.\nand Corr.1.", ())  # a short line: a break
    assert imported.resolution.operative[0].text == "Decides to include the item in its agenda. 68/128. Not a note"
    assert "removed (page furniture): '13-44593 (E)'" in imported.ledger.explain()


def test_line_numbers_of_a_draft_are_taken_out(tmp_path: Path) -> None:
    path = tmp_path / "draft.pdf"
    path.write_bytes(_text_pdf([
        (40, 700, 8, "1"), (108, 700, 10, "The Security Council,"),
        (40, 680, 8, "2"), (108, 680, 10, "Recalling its resolutions 350 (1974) and"),
        (40, 668, 8, "3"), (72, 668, 10, "2 (1946),"),
        (40, 650, 8, "4"), (108, 650, 10, "1. Decides to renew the mandate for 6 months;"),
        (40, 638, 8, "5"), (108, 626, 10, "2. Requests a report.")]))
    imported = import_checked(path)
    assert imported.warnings == []
    assert [p.text for p in imported.resolution.preamble] == ["Recalling its resolutions 350 (1974) and 2 (1946),"]
    assert [p.text for p in imported.resolution.operative] == ["Decides to renew the mandate for 6 months;",
                                                               "Requests a report."]
    assert imported.ledger.explain().count("removed (line number)") == 5  # "5" numbers an empty line


def test_an_annex_after_the_adoption_lines_is_named_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "annex.pdf"
    path.write_bytes(_text_pdf([
        (108, 700, 10, "The General Assembly,"),
        (108, 680, 10, "Adopts the rules annexed to the present resolution."),
        (320, 660, 10, "69th plenary meeting"), (320, 648, 10, "18 December 2013"),
        (280, 620, 10, "Annex"), (108, 600, 10, "Rules of procedure of the Committee")]))
    imported = import_checked(path)
    res = imported.resolution
    assert (res.meeting, str(res.adopted), [p.text for p in res.operative]) == (
        69, "2013-12-18", ["Adopts the rules annexed to the present resolution."])
    assert imported.warnings == ["annex: 7 words after the adoption lines left out (an annex?): "
                                 "'Annex Rules of procedure of the Committee'; the resolution file holds the resolution proper"]


def test_roman_first_level_items_keep_their_style(tmp_path: Path) -> None:
    """S/RES/242 OP1: first-level sub-paragraphs printed (i), (ii); (a) items with (i) under them
    are the default and stay plain."""
    path = tmp_path / "242.pdf"
    path.write_bytes(_text_pdf([
        (108, 700, 10, "The Security Council,"),
        (108, 680, 10, "1. Affirms that peace should include the application of both the following principles:"),
        (126, 668, 10, "(i) Withdrawal of armed forces from territories occupied in the recent conflict;"),
        (126, 656, 10, "(ii) Termination of all claims or states of belligerency;"),
        (108, 644, 10, "2. Affirms further the necessity:"),
        (126, 632, 10, "(a) For guaranteeing freedom of navigation:"),
        (144, 620, 10, "(i) through international waterways;"),
        (144, 608, 10, "(ii) in the area;"),
        (126, 596, 10, "(b) For achieving a just settlement of the refugee problem.")]))
    imported = import_checked(path)
    assert imported.warnings == []
    op1, op2 = imported.resolution.operative
    assert (op1.numbering, [i.text for i in op1.items]) == ("roman", [
        "Withdrawal of armed forces from territories occupied in the recent conflict;",
        "Termination of all claims or states of belligerency;"])
    assert (op2.numbering, op2.items[0].numbering) == (None, None)
    assert [i.text for i in op2.items[0].items] == ["through international waterways;", "in the area;"]


def test_encrypted_pdf_says_so() -> None:
    result = CliRunner().invoke(main, ["import", str(DATA / "encrypted.pdf")])
    assert result.exit_code == 2
    assert "the PDF is encrypted" in result.stderr and "save an unprotected copy" in result.stderr


# ---------------------------------------------------------------------------- text copied from a PDF

def test_running_head_glued_into_a_council_paragraph_is_taken_out() -> None:
    need_corpus()
    source = (UNSC / "S_RES_1445_2002_EN_GOLD.txt").read_text(encoding="utf-8")
    cut = "requests the Secretary-General to report to the\nCouncil"
    glued = source.replace(cut, "requests the Secretary- S/RES/1445 (2002) 2/4 02-72318 General to report to the\nCouncil")
    glued = glued.replace("in the full\ndeployment", "in the full 02-72318 (E) *0272318*\ndeployment")
    assert glued.count("02-72318") == source.count("02-72318") + 2
    clean = import_checked_text(source).resolution
    imported = import_checked_text(glued)
    assert imported.warnings == []
    assert imported.resolution.operative[1].text == clean.operative[1].text
    assert imported.resolution.preamble[4].text == (
        "Recalling the responsibilities of all the parties to cooperate in the full deployment of the United "
        "Nations Organization Mission in the Democratic Republic of the Congo (MONUC),")
    assert "repaired (page furniture glued into a paragraph): 'Secretary- S/RES/1445 (2002) 2/4 02-72318 General' " \
           "→ 'Secretary- General'" in imported.ledger.explain()


def import_checked_text(text: str) -> Imported:
    [found] = read_text(text, "copied.txt")
    return found


def test_running_heads_in_a_general_assembly_text_copied_from_a_pdf() -> None:
    """The GA layout: a running head and page number on lines of their own mid-paragraph, and a
    job number glued into a line."""
    show = CliRunner().invoke(main, ["show", str(PRECEDENTS / "conflict-diamonds" / "2013.yaml")])
    text = show.stdout
    line = next(line for line in text.split("\n") if line.startswith("Governments and the illicit traffic"))
    text = text.replace(line, "A/RES/68/128\n\n2\n\n" + line.replace("illicit traffic", "illicit 13-44593 (E) *1344593* traffic"))
    imported = import_checked_text(text)
    assert imported.warnings == []
    assert imported.resolution.preamble[0].text == load(PRECEDENTS / "conflict-diamonds" / "2013.yaml").preamble[0].text
    assert "removed (page furniture): 'A/RES/68/128'" in imported.ledger.explain()


@pytest.mark.parametrize("text", ["recalling its resolution S/RES/2172 (2014) 2 and", "from 1 to 3 May 2014",
                                  "paragraphs 2, 3 and 4 of resolution 1701 (2006)", "document A/68/L.29 and Add.1 2"])
def test_a_symbol_or_number_in_the_words_is_no_furniture(text: str) -> None:
    assert drop_glued_furniture(text) == text


def test_furniture_lines() -> None:
    assert all(is_page_furniture(t) for t in ("13-44593 (E)", "*1344593*", "13-44593 (E) 080114", "S/RES/381 (1975) 2",
                                               "2 A/RES/68/128", "2/4 14-55566", "14-55566 2/4", "12"))
    assert not any(is_page_furniture(t) for t in ("Agenda item 32", "S/12611", "Distr.: General", "2014;"))
    assert not is_page_furniture("S/RES/381 (1975)", running_head=False)


# Bare numbers of one to three digits are left out: beside a running head they read as its page
# number (taken out with a warning, see the test below).
_WORD = st.from_regex(r"[A-Za-z]{1,10}[,;]?|\(\d{4}\)|S/\d{4,5}|\d{4}|\d{1,2}/\d{4}", fullmatch=True)
_RUN = st.sampled_from(["S/RES/1445 (2002) 2/4 02-72318", "02-72318 (E)", "*0272318*", "14-55566 (E) 3/4",
                        "2/7 A/RES/68/128 13-44593"])


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORD, min_size=2, max_size=30), st.data())
def test_glued_furniture_goes_and_nothing_else(words: list[str], data: st.DataObject) -> None:
    line = " ".join(words)
    assert drop_glued_furniture(line) == line  # words alone: untouched
    at = data.draw(st.integers(1, len(words) - 1))
    glued = " ".join(words[:at] + [data.draw(_RUN)] + words[at:])
    assert drop_glued_furniture(glued) == line


def test_a_bare_number_beside_a_running_head_is_taken_with_a_warning() -> None:
    imported = import_checked_text(
        "The Security Council,\n\n1. Decides that the 54 S/RES/1445 (2002) 02-72318 members shall meet;\n")
    assert imported.resolution.operative[0].text == "Decides that the members shall meet;"
    assert imported.warnings == ["OP1: took the number 54 beside the running head for its page number and "
                                 "left it out: check the source (\"the 54 S/RES/1445 (2002) 02-72318 members\")"]


# ---------------------------------------------------------------------------- printed lines joined

_PLAIN = st.sampled_from("the Council decides to extend mandate of Force until further notice and requests "
                         "report on situation in region".split())
_COMPOUND = st.sampled_from(["Secretary-General", "self-regulation", "co-operation", "cease-fire", "non-aligned",
                             "information-sharing", "follow-up", "Vice-Chair", "long-standing"])
_BROKEN = st.sampled_from([("partic", "ular"), ("imple", "mentation"), ("inter", "national"), ("resol", "ution"),
                           ("reinte", "gration"), ("Organi", "zation"), ("Govern", "ments")])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(_PLAIN, _COMPOUND, _BROKEN), min_size=1, max_size=40), st.data())
def test_printed_lines_join_back(pieces: list[str | tuple[str, str]], data: st.DataObject) -> None:
    """Lines broken at spaces, at a compound's own hyphen (kept) or inside a word with a
    line-end hyphen (dropped: the joined word is a word of the corpus) give back the text."""
    words = [p if isinstance(p, str) else "".join(p) for p in pieces]
    lines, line = [], ""
    for piece in pieces:
        cut = data.draw(st.booleans())
        if isinstance(piece, tuple) and cut:
            lines.append(f"{line} {piece[0]}-".strip())
            line = piece[1]
        elif isinstance(piece, str) and "-" in piece and cut:
            first, second = piece.split("-", 1)
            lines.append(f"{line} {first}-".strip())
            line = second
        else:
            line = f"{line} {piece if isinstance(piece, str) else ''.join(piece)}".strip()
            if data.draw(st.booleans()):
                lines.append(line)
                line = ""
    lines += [line] if line else []
    assert join_printed(lines) == " ".join(words)


# ---------------------------------------------------------------------------- every precedent

@pytest.mark.slow
def test_every_precedent_survives_render_pdf_import(tmp_path: Path) -> None:
    """render (docx) -> LibreOffice PDF -> import gives back the same YAML, for every precedent.

    The General Assembly's vote ("without a vote") is printed nowhere in the UN layout; it comes
    back from the document's Subject, which LibreOffice keeps in the PDF."""
    need_program("soffice", "libreoffice-writer-nogui")
    from drafting.render.documents.docx import render_file

    files = precedent_files()
    docs = []
    for n, path in enumerate(files):
        docs.append(tmp_path / f"p{n:03d}.docx")
        render_file(path, docs[-1])
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, docs)],
                   check=True, capture_output=True, timeout=900)
    differ = {}
    for path, doc in zip(files, docs):
        imported = import_checked(doc.with_suffix(".pdf"))
        want, got = _comparable(load(path).to_dict()), _comparable(imported.resolution.to_dict())
        keys = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
        if keys or imported.warnings:
            differ[str(path.relative_to(PRECEDENTS))] = keys + imported.warnings
    assert differ == {}
    assert len(files) == 77


def test_a_vote_the_page_does_not_print_comes_from_the_subject(tmp_path: Path) -> None:
    # The General Assembly's layout prints no vote; our Word files carry it in the Subject
    page = _text_pdf([
        (108, 700, 10, "The General Assembly,"),
        (108, 680, 10, "Recalling its resolution 67/135,"),
        (108, 660, 10, "1. Decides to remain seized of the matter."),
        (108, 620, 10, "69th plenary meeting"), (108, 608, 10, "18 December 2013")])
    trailer = b"/Root 1 0 R >>"
    for subject, vote in ((b"Adopted without a vote", "without a vote"), (b"A/RES/68/128", None),
                          (b"Adopted by a recorded vote of 120 to 2, with 10 abstentions",
                           "by a recorded vote of 120 to 2, with 10 abstentions"),
                          (b"Adopted by the General Assembly on 18 December 2013", None)):  # no vote named
        path = tmp_path / "ga.pdf"
        path.write_bytes(page.replace(trailer, b"/Root 1 0 R /Info << /Subject (%s) >> >>" % subject))
        assert import_checked(path).resolution.vote == vote


def test_a_glyph_no_word_has_is_named_in_a_pdf_as_in_a_text(tmp_path: Path) -> None:
    # a PDF's text layer may come from OCR: the same check as a text import, naming the paragraph
    path = tmp_path / "ocr.pdf"
    path.write_bytes(_text_pdf([
        (108, 700, 10, "The Security Council,"),
        (108, 680, 10, "Recalling the Agreement on Disengagement,"),
        (108, 662, 10, "1. Decides to renew the mandate of the Force for six"), (72, 650, 10, "months\xa5;"),
        (108, 632, 10, "2. Decides to remain seized of the matter.")]))
    imported = import_checked(path)
    assert imported.resolution.operative[0].text == "Decides to renew the mandate of the Force for six months¥;"
    assert imported.warnings == ['OP1: "months¥;": a glyph no word has (OCR damage?), kept as printed; '
                                 "check the printed text and correct it by hand"]
