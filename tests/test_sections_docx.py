"""Section headings (A, B, ... / I, II, ...) in Word files: rendered, tracked and read back."""
from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import CORPUS, need_corpus, need_program
from drafting.comparison.diff import diff
from drafting.importers import import_file
from drafting.importers.docx import import_docx, read_docx
from drafting.model import Paragraph, Resolution
from drafting.render.documents.docx import render_document, render_tracked

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SECTIONED = ("0101_1953", "0161_1961", "0674_1990", "0687_1991", "0814_1993")


def corpus(name: str) -> Resolution:
    need_corpus()
    return import_file(CORPUS / "unsc" / f"S_RES_{name}_EN_GOLD.txt")


def body(path: Path) -> list[tuple[str, str, str]]:
    """(style, numId or "", text) of every body paragraph from the organ line's first heading on."""
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.find(f"{W}body").iter(f"{W}p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        num = p.find(f"{W}pPr/{W}numPr/{W}numId")
        text = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))
        out.append((style.get(f"{W}val") if style is not None else "", num.get(f"{W}val") if num is not None else "",
                    text))
    return [row for row in out if row[0] in ("UNSection", "UNOrgan", "UNPreamble", "UNOperative")]


def unsectioned(res: Resolution) -> Resolution:
    """The same text with its headings stripped and its numbers running on."""
    def strip(ps: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
        return tuple(dataclasses.replace(p, section=None) for p in ps)
    return dataclasses.replace(res, preamble=strip(res.preamble), operative=strip(res.operative),
                               section_numbering=None)


def test_restarting_sections_print_their_headings_and_number_from_one(tmp_path):
    """S/RES/101: A 1.-2., B 1.-3., C 1.-4.: A numbered by its style, B and C each in a numbering
    instance of its own starting at 1."""
    res = corpus("0101_1953")
    render_document(res, tmp_path / "r.docx")
    rows = body(tmp_path / "r.docx")
    assert [(s, n, t[:22]) for s, n, t in rows if s != "UNPreamble"] == [
        ("UNOrgan", "", "The Security Council,"),
        ("UNSection", "", "A"), ("UNOperative", "", "Finds that the retalia"),
        ("UNOperative", "", "Expresses the stronges"),
        ("UNSection", "", "B"), ("UNOperative", "3", "Takes note of the fact"),
        ("UNOperative", "3", "Recalls to the Governm"), ("UNOperative", "3", "Calls upon the Governm"),
        ("UNSection", "", "C"), ("UNOperative", "4", "Reaffirms that it is e"),
        ("UNOperative", "4", "Emphasizes the obligat"), ("UNOperative", "4", "Requests the Secretary"),
        ("UNOperative", "4", "Requests the Chief of ")]
    with zipfile.ZipFile(tmp_path / "r.docx") as z:
        numbering = z.read("word/numbering.xml").decode()
    assert '<w:num w:numId="5">' not in numbering
    for num in (3, 4):
        assert (f'<w:num w:numId="{num}"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
                '<w:startOverride w:val="1"/></w:lvlOverride></w:num>') in numbering


def test_a_section_with_its_own_preamble_prints_in_printed_order(tmp_path):
    """S/RES/161: "A" above the organ line, then A's recitals and 1.-5.; "B", its recitals, 1.-3."""
    res = corpus("0161_1961")
    render_document(res, tmp_path / "r.docx")
    rows = body(tmp_path / "r.docx")
    assert [(s, t[:20]) for s, _, t in rows] == [
        ("UNSection", "A"), ("UNOrgan", "The Security Council"),
        ("UNPreamble", "Having considered th"), ("UNPreamble", "Having learnt with d"),
        ("UNPreamble", "Deeply concerned at "), ("UNPreamble", "Noting the report of"),
        ("UNOperative", "Urges that the Unite"), ("UNOperative", "Urges that measures "),
        ("UNOperative", "Calls upon all State"), ("UNOperative", "Decides that an imme"),
        ("UNOperative", "Reaffirms Security C"),
        ("UNSection", "B"), ("UNPreamble", "Gravely concerned at"),
        ("UNPreamble", "Noting with deep reg"), ("UNPreamble", "Recognizing the impe"),
        ("UNPreamble", "Convinced that the s"), ("UNPreamble", "Convinced further th"),
        ("UNOperative", "Urges the convening "), ("UNOperative", "Urges that Congolese"),
        ("UNOperative", "Calls upon all State")]


@pytest.mark.parametrize("name", SECTIONED)
def test_sectioned_texts_come_back_from_word(tmp_path, name):
    """Render then import: the same headings on the same paragraphs, the same numbering, the same
    texts; the whole resolution where its items are lettered (the draft symbol, which the
    Council's layout does not print, from the hidden metadata)."""
    res = corpus(name)
    render_document(res, tmp_path / "r.docx")
    back = read_docx(tmp_path / "r.docx")

    def shape(r: Resolution) -> list[tuple[str | None, list[str], list[str]]]:
        return [(s.heading, [p.text for _, p in s.preamble], [p.text for _, p in s.operative]) for s in r.sections()]
    assert back.section_numbering == res.section_numbering
    assert shape(back) == shape(res)
    assert [(str(a), p.text, p.section, p.note, p.note_at) for a, p in back.walk()] == \
        [(str(a), p.text, p.section, p.note, p.note_at) for a, p in res.walk()]
    if not any(p.numbering for _, p in res.walk()):
        assert back == dataclasses.replace(res, source=back.source)


def test_a_typed_word_file_with_lone_letter_lines(tmp_path):
    """A file a person typed: "A" and "B" alone on a line, numbers typed, restarting at 1."""
    from docx import Document

    doc = Document()
    for line in ("The Security Council,", "Recalling its resolutions,", "A",
                 "1. Decides to extend the mandate;", "2. Requests a report;", "B",
                 "1. Calls upon the parties to cooperate;", "2. Decides to remain seized of the matter."):
        doc.add_paragraph(line)
    doc.save(tmp_path / "typed.docx")
    got = import_docx(tmp_path / "typed.docx")
    res = got.resolution
    assert res.section_numbering == "restart"
    assert [(s.heading, [p.text for _, p in s.operative]) for s in res.sections()] == [
        (None, []),
        ("A", ["Decides to extend the mandate;", "Requests a report;"]),
        ("B", ["Calls upon the parties to cooperate;", "Decides to remain seized of the matter."])]


def test_a_typed_word_file_repeating_the_organ_line_in_a_section(tmp_path):
    """S/RES/161 as printed: "A" above the organ line, "B" then "The Security Council," again and
    B's own recitals; the repeated organ line is not a recital."""
    from docx import Document

    doc = Document()
    for line in ("A", "The Security Council,", "Having considered the situation in the Congo,",
                 "1. Urges that measures be taken;", "B", "The Security Council,",
                 "Gravely concerned at the continuing deterioration of the situation,",
                 "1. Urges the convening of the Parliament;"):
        doc.add_paragraph(line)
    doc.save(tmp_path / "typed.docx")
    res = read_docx(tmp_path / "typed.docx")
    assert res.section_numbering == "restart"
    assert [(s.heading, [p.text for _, p in s.preamble], [p.text for _, p in s.operative])
            for s in res.sections()] == [
        ("A", ["Having considered the situation in the Congo,"], ["Urges that measures be taken;"]),
        ("B", ["Gravely concerned at the continuing deterioration of the situation,"],
         ["Urges the convening of the Parliament;"])]


def test_tracked_headings_inserted_and_deleted_read_back_on_each_side(tmp_path):
    """S/RES/687 with its headings stripped, and as adopted: Accept All gives the headings, Reject
    All the text without them; each heading is one inserted (deleted) paragraph."""
    adopted = corpus("0687_1991")
    stripped = unsectioned(adopted)
    render_tracked(diff(stripped, adopted), tmp_path / "in.docx")
    render_tracked(diff(adopted, stripped), tmp_path / "out.docx")
    for path, old, new in ((tmp_path / "in.docx", stripped, adopted), (tmp_path / "out.docx", adopted, stripped)):
        accepted, rejected = read_docx(path), read_docx(path, reject=True)
        assert [(p.text, p.section) for _, p in accepted.walk()] == [(p.text, p.section) for _, p in new.walk()]
        assert [(p.text, p.section) for _, p in rejected.walk()] == [(p.text, p.section) for _, p in old.walk()]
    with zipfile.ZipFile(tmp_path / "in.docx") as z:
        xml = z.read("word/document.xml").decode()
    assert xml.count('<w:pPr><w:pStyle w:val="UNSection"/><w:rPr><w:ins w:id=') == 9  # each mark inserted
    assert [t for s, _, t in body(tmp_path / "in.docx") if s == "UNSection"] == list("ABCDEFGHI")


def test_a_changed_heading_is_a_word_diff_and_an_unchanged_one_plain(tmp_path):
    old = corpus("0674_1990")
    new = dataclasses.replace(old, operative=tuple(
        dataclasses.replace(p, section="C") if p.section == "B" else p for p in old.operative))
    render_tracked(diff(old, new), tmp_path / "t.docx")
    with zipfile.ZipFile(tmp_path / "t.docx") as z:
        xml = z.read("word/document.xml").decode()
    paragraphs = [p for p in xml.split("<w:p>") if '<w:pStyle w:val="UNSection"/>' in p]
    assert paragraphs[0].startswith('<w:pPr><w:pStyle w:val="UNSection"/></w:pPr><w:r><w:t xml:space="preserve">A</w:t>')
    assert '<w:delText xml:space="preserve">B</w:delText>' in paragraphs[1]
    assert '<w:t xml:space="preserve">C</w:t>' in paragraphs[1] and "<w:rPr><w:ins" not in paragraphs[1]
    assert [p.section for p in read_docx(tmp_path / "t.docx", reject=True).operative if p.section] == ["A", "B"]
    assert [p.section for p in read_docx(tmp_path / "t.docx").operative if p.section] == ["A", "C"]


@pytest.mark.slow  # pandoc
@pytest.mark.parametrize("name", SECTIONED)
@pytest.mark.parametrize("way", ["headings added", "headings removed"])
def test_pandoc_accept_and_reject_give_the_texts_with_and_without_headings(tmp_path, name, way):
    """Each sectioned text against itself without headings, both ways: pandoc's Accept All is the
    new document and Reject All the old, whole, in printed order (S/RES/161 and 814: a section's
    recitals print after the operative paragraphs of the section before)."""
    need_program("pandoc", "pandoc")
    from test_tracked_readers import view

    adopted = corpus(name)
    old, new = (unsectioned(adopted), adopted) if way == "headings added" else (adopted, unsectioned(adopted))
    render_tracked(diff(old, new), tmp_path / "t.docx")
    render_document(new, tmp_path / "new.docx")
    render_document(old, tmp_path / "old.docx")
    assert view(str(tmp_path / "t.docx"), "accept") == view(str(tmp_path / "new.docx"), "accept")
    assert view(str(tmp_path / "t.docx"), "reject") == view(str(tmp_path / "old.docx"), "accept")
    texts = [t for t, _ in view(str(tmp_path / "t.docx"), "accept" if way == "headings added" else "reject")["paragraphs"]]
    assert [t for t in texts if t in {s.heading for s in adopted.sections()}] == \
        [s.heading for s in adopted.sections() if s.heading]


@pytest.mark.slow  # the validator on five files
def test_sectioned_files_pass_the_office_open_xml_validator(tmp_path):
    from test_render_docx import schema_errors

    for name in ("0101_1953", "0161_1961"):
        res = corpus(name)
        render_document(res, tmp_path / f"{name}.docx")
        render_tracked(diff(unsectioned(res), res), tmp_path / f"{name}.t.docx")
        assert schema_errors(tmp_path / f"{name}.docx") == [], name
        assert schema_errors(tmp_path / f"{name}.t.docx") == [], name


@pytest.mark.slow  # LibreOffice
def test_libreoffice_accept_and_reject_give_the_texts_with_and_without_headings(tmp_path):
    """LibreOffice's own Accept All / Reject All on each sectioned text against itself without
    headings, both ways: the new (old) document, paragraph for paragraph, with its italics and
    numbers (S/RES/101: restarting in sections, or running on)."""
    from test_tracked_readers import libreoffice_failures

    pairs = []
    for name in SECTIONED:
        adopted = corpus(name)
        for way, old, new in (("in", unsectioned(adopted), adopted), ("out", adopted, unsectioned(adopted))):
            case = tmp_path / f"{name}-{way}"
            render_tracked(diff(old, new), f"{case}.docx")
            render_document(new, f"{case}.new.docx")
            render_document(old, f"{case}.old.docx")
            pairs.append(str(case))
    failures = libreoffice_failures(pairs, tmp_path)
    assert len(pairs) == 10 and failures == []


def test_a_heading_over_recitals_only_is_left_out_with_a_warning(tmp_path):
    from docx import Document

    doc = Document()
    for line in ("The Security Council,", "Recalling its resolutions,", "1. Decides to extend the mandate;",
                 "B", "Noting the report of the Secretary-General,"):
        doc.add_paragraph(line)
    doc.save(tmp_path / "typed.docx")
    got = import_docx(tmp_path / "typed.docx")
    assert got.warnings == ('PP2: section heading "B" before "Noting the report of the Secretary-General, ..." '
                            "stands over recitals only, with no operative paragraph after it; it was left out",)
    assert [p.text for p in got.resolution.preamble] == ["Recalling its resolutions,",
                                                         "Noting the report of the Secretary-General,"]
    assert all(p.section is None for _, p in got.resolution.walk())
