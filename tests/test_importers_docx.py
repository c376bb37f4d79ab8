"""Reading Word files back: the tool's own documents exactly, UN-layout documents by their layout."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from conftest import DIAMONDS, PRECEDENTS, diamonds, precedent_files
from drafting import load
from drafting.errors import DraftingError
from drafting.importers.docx import read_docx
from drafting.model import Body, Paragraph, Resolution
from drafting.model.resolution import note_anchor
from drafting.render.documents.docx import render_document

@pytest.mark.slow  # the whole library
def test_every_precedent_round_trips(tmp_path):
    for f in precedent_files():
        res = load(f)
        out = tmp_path / f"{f.parent.name}-{f.stem}.docx"
        render_document(res, out)
        assert read_docx(out) == res, f


def without_custom_properties(src: Path, dst: Path) -> None:
    """The same document as another program would write it: no drafting metadata inside."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w") as b:
        for info in a.infolist():
            if info.filename != "docProps/custom.xml":
                b.writestr(info, a.read(info.filename))


def test_heading_and_body_read_from_the_layout_alone(tmp_path):
    res = diamonds()
    render_document(res, tmp_path / "a.docx")
    without_custom_properties(tmp_path / "a.docx", tmp_path / "b.docx")
    back = read_docx(tmp_path / "b.docx")
    assert (back.symbol, back.body, back.session, back.agenda_item, back.adopted, back.meeting,
            back.draft, back.year, back.title) == (
        "A/RES/68/128", Body.GA, 68, "32", dt.date(2013, 12, 18), 69, "A/68/L.29 and Add.1", 2013,
        "The role of diamonds in fuelling conflict: breaking the link between the illicit transaction "
        "of rough diamonds and armed conflict as a contribution to prevention and settlement of conflicts")
    assert back.preamble == res.preamble and back.operative == res.operative
    assert back.facts == {} and back.source is None  # only the custom properties carry these


def test_security_council_heading_and_footnotes(tmp_path):
    res = Resolution(body=Body.SC, symbol="S/RES/350 (1974)", year=1974, adopted=dt.date(1974, 5, 31),
                     meeting=1774, vote="by 13 votes to none",
                     preamble=(Paragraph("Having considered the report of the Secretary-General,",
                                         note="S/11302 and Add.1."),),
                     operative=(Paragraph("Decides to set up immediately a United Nations Disengagement "
                                          "Observer Force;"),))
    render_document(res, tmp_path / "a.docx")
    without_custom_properties(tmp_path / "a.docx", tmp_path / "b.docx")
    back = read_docx(tmp_path / "b.docx")
    assert back == res


def typed_document(path: Path, res: Resolution) -> None:
    """A UN-layout document typed by hand in Word: literal numbers and labels, italic leads."""
    import docx

    document = docx.Document()
    document.add_paragraph(res.symbol)
    document.add_paragraph("The General Assembly,")
    for p in res.preamble:
        para = document.add_paragraph()
        lead = p.lead_phrase()
        para.add_run(lead).italic = True
        para.add_run(p.text[len(lead):])
    for n, p in enumerate(res.operative, start=1):
        para = document.add_paragraph(f"{n}.\t")
        lead = p.lead_phrase()
        para.add_run(lead).italic = True
        para.add_run(p.text[len(lead):])
        for k, item in enumerate(p.items):
            document.add_paragraph(f"({'abcdefgh'[k]})\t{item.text}")
    document.add_paragraph(f"{res.meeting}th plenary meeting")
    document.add_paragraph("18 December 2013")
    document.save(path)


def test_a_document_typed_in_word(tmp_path):
    res = diamonds()
    res = dataclasses.replace(res, operative=res.operative[:2] + (
        Paragraph("Requests the Secretary-General:", items=(Paragraph("to continue his efforts;"),
                                                             Paragraph("to report thereon;"))),))
    typed_document(tmp_path / "typed.docx", res)
    back = read_docx(tmp_path / "typed.docx")
    assert back.symbol == "A/RES/68/128" and back.meeting == 69 and back.adopted == dt.date(2013, 12, 18)
    assert back.preamble == res.preamble
    assert back.operative == res.operative


def test_a_tracked_document_reads_as_accepted(tmp_path):
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    old = diamonds()
    new = dataclasses.replace(old, preamble=old.preamble[1:],
                              operative=old.operative[:3] + (Paragraph("Decides to remain seized of the matter."),)
                              + old.operative[3:])
    render_tracked(diff(old, new), tmp_path / "t.docx")
    back = read_docx(tmp_path / "t.docx")
    assert back.preamble == new.preamble and back.operative == new.operative


# ---------------------------------------------------------------------------- bad files


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("data, found", [
    (b"", "an empty file"),
    (b"The General Assembly,\nRecognizing ...\n", "a file that is not a zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "an old binary Word .doc file"),
    (_zip({"content.xml": b"<x/>"}), "a zip archive without word/document.xml (not a Word document)"),
    (_zip({"word/document.xml": b"<w:document"}), "broken XML inside"),
])
def test_not_a_word_file(tmp_path, data, found):
    path = tmp_path / "in.docx"
    path.write_bytes(data)
    with pytest.raises(DraftingError) as caught:
        read_docx(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: expected a Word .docx file, found {found}")
    assert "\n" not in message


def test_a_word_file_that_is_not_a_resolution(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("Minutes of the meeting")
    document.save(tmp_path / "m.docx")
    with pytest.raises(DraftingError, match=r'm\.docx: expected a resolution with an organ line'):
        read_docx(tmp_path / "m.docx")


def test_missing_file(tmp_path):
    with pytest.raises(DraftingError, match=r"nope\.docx: no such file"):
        read_docx(tmp_path / "nope.docx")


# ---------------------------------------------------------------------------- property

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85")
                | st.sampled_from("\t\n\r&<>'\"{}\u00a0"),
                min_size=1, max_size=60).filter(lambda s: s.strip() == s and s)
_LEAD_TEXT = st.builds(lambda lead, rest: f"{lead} {rest}", st.sampled_from(
    ["Recognizing", "Noting with appreciation", "Decides", "Calls upon", "Requests", "Welcoming also"]), _TEXT)


_NOTE_LINE = _TEXT.filter(lambda s: "\n" not in s)


@st.composite
def _anchored(draw, text: str) -> dict:
    """No note, one note at the end (stored bare), or several notes each at its own offset."""
    kind = draw(st.sampled_from(["none", "end", "anchored"]))
    if kind == "none":
        return {}
    if kind == "end":
        return {"note": draw(_TEXT)}
    offsets = sorted(draw(st.lists(st.integers(1, len(text)), min_size=1, max_size=3)))
    if offsets == [len(text)]:  # one note at the end is stored bare: the model's canonical form
        return {"note": draw(_NOTE_LINE)}
    lines = draw(st.lists(_NOTE_LINE, min_size=len(offsets), max_size=len(offsets)))
    return {"note": "\n".join(lines), "note_at": tuple(note_anchor(text, at) for at in offsets)}


@st.composite
def _paragraph(draw, depth: int) -> Paragraph:
    text = draw(st.one_of(_TEXT, _LEAD_TEXT))
    children = () if depth >= 2 else tuple(draw(st.lists(_paragraph(depth + 1), max_size=2)))
    return Paragraph(text=text, items=children, **draw(_anchored(text)),
                     lead=draw(st.one_of(st.none(), st.sampled_from(["", "Recognizing", "Decides", "Noting further"]))),
                     id=draw(st.one_of(st.none(), st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True))))


def _paragraphs(depth: int):
    return _paragraph(depth)


_RESOLUTIONS = st.builds(
    Resolution, body=st.sampled_from(list(Body)), symbol=st.one_of(st.none(), st.just("A/RES/69/1")),
    session=st.one_of(st.none(), st.integers(1, 99)), title=st.one_of(st.none(), _TEXT),
    meeting=st.one_of(st.none(), st.integers(1, 9000)), adopted=st.one_of(st.none(), st.dates()),
    facts=st.dictionaries(st.from_regex(r"[a-z_]{1,10}", fullmatch=True), st.one_of(_TEXT, st.integers()), max_size=2),
    preamble=st.lists(_paragraphs(0), max_size=3).map(tuple),
    operative=st.lists(_paragraphs(0), min_size=1, max_size=3).map(tuple))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(res=_RESOLUTIONS)
def test_any_resolution_round_trips(tmp_path, res):
    out = tmp_path / "h.docx"
    render_document(res, out)
    assert read_docx(out) == res


def test_cli_render_then_import_gives_the_same_file(tmp_path):
    """drafting render, then drafting import of the Word file: the precedent's YAML, byte for byte."""
    from click.testing import CliRunner

    from drafting.cli import main

    for src in (DIAMONDS, PRECEDENTS / "undof" / "0350.yaml"):
        doc, back = tmp_path / f"{src.stem}.docx", tmp_path / f"{src.stem}.yaml"
        result = CliRunner().invoke(main, ["render", str(src), "-o", str(doc)])
        assert (result.exit_code, result.output) == (0, f"wrote {doc}\n")
        result = CliRunner().invoke(main, ["import", str(doc), "-o", str(back)])
        assert result.exit_code == 0, result.output
        assert back.read_bytes() == src.read_bytes()


# ---------------------------------------------------------------------------- files a person edited


def edit_part(src: Path, dst: Path, name: str, edit) -> None:
    """Copy a .docx, passing one part's text through ``edit`` (as a person's edit in Word would)."""
    with zipfile.ZipFile(src) as a, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as b:
        for info in a.infolist():
            data = a.read(info.filename)
            if info.filename == name:
                data = edit(data.decode("utf-8")).encode("utf-8")
            b.writestr(info, data)


def test_the_visible_heading_wins_over_the_hidden_metadata(tmp_path):
    from drafting.importers.docx import import_docx

    render_document(diamonds(), tmp_path / "a.docx")
    edit_part(tmp_path / "a.docx", tmp_path / "b.docx", "word/document.xml",
              lambda xml: xml.replace("Agenda item 32", "Agenda item 31"))
    result = import_docx(tmp_path / "b.docx")
    assert result.resolution.agenda_item == "31"
    assert result.warnings == ('heading: agenda_item is "31" in the document but "32" in its hidden metadata; '
                               "took the document's",)
    assert import_docx(tmp_path / "a.docx").warnings == ()  # an untouched file: nothing to say


def test_a_draft_symbol_the_layout_does_not_print_comes_from_the_hidden_metadata(tmp_path):
    from drafting.importers.docx import import_docx

    # A Council resolution's heading prints no draft symbol: nothing a person deleted
    council = dataclasses.replace(load(PRECEDENTS / "undof" / "0350.yaml"), draft="S/11305")
    render_document(council, tmp_path / "sc.docx")
    result = import_docx(tmp_path / "sc.docx")
    assert (result.resolution.draft, result.warnings) == ("S/11305", ())
    # The Assembly's prints it: a deleted line takes the field with it, and says so
    render_document(diamonds(), tmp_path / "a.docx")
    edit_part(tmp_path / "a.docx", tmp_path / "b.docx", "word/document.xml",
              lambda xml: xml.replace("[without reference to a Main Committee (A/68/L.29 and Add.1)]", ""))
    result = import_docx(tmp_path / "b.docx")
    assert result.resolution.draft is None
    assert result.warnings == ('heading: the line for draft ("A/68/L.29 and Add.1") is gone from the document but '
                               "still in its hidden metadata; left it out, as the document shows",)


def test_a_deleted_paragraph_that_carried_an_id(tmp_path):
    from drafting.importers.docx import import_docx

    res = diamonds()
    last = dataclasses.replace(res.operative[-1], id="agenda")
    res = dataclasses.replace(res, operative=res.operative[:-1] + (last,))
    render_document(res, tmp_path / "a.docx")

    def drop_last_operative(xml: str) -> str:
        start = xml.index(last.text[10:40])  # inside the run after the italic lead
        return xml[:xml.rindex("<w:p>", 0, start)] + xml[xml.index("</w:p>", start) + len("</w:p>"):]

    edit_part(tmp_path / "a.docx", tmp_path / "b.docx", "word/document.xml", drop_last_operative)
    result = import_docx(tmp_path / "b.docx")
    assert result.resolution.operative == res.operative[:-1]
    assert result.warnings == (f'OP{len(res.operative)}: the hidden metadata gives it id "agenda", but the '
                               f"document has no OP{len(res.operative)} now (a paragraph deleted?); left out",)


def test_hidden_metadata_cut_short_is_a_clear_error(tmp_path):
    render_document(diamonds(), tmp_path / "a.docx")

    def cut(xml: str) -> str:
        start = xml.index("<vt:lpwstr>") + len("<vt:lpwstr>")
        return xml[:start] + "symbol: 'A/RES/68/1" + xml[xml.index("</vt:lpwstr>"):]

    edit_part(tmp_path / "a.docx", tmp_path / "b.docx", "docProps/custom.xml", cut)
    with pytest.raises(DraftingError, match=r"b\.docx: the hidden metadata \(custom property drafting\.metadata\) "
                                            r"is broken YAML .*cut short or edited by hand; delete that property"):
        read_docx(tmp_path / "b.docx")


def test_a_tracked_document_says_so_and_reject_takes_the_old_side(tmp_path):
    from drafting.comparison.diff import diff
    from drafting.importers.docx import import_docx
    from drafting.render.documents.docx import render_tracked

    old = diamonds()
    new = dataclasses.replace(old, preamble=old.preamble[1:],
                              operative=old.operative[:3] + (Paragraph("Decides to remain seized of the matter."),)
                              + old.operative[3:])
    render_tracked(diff(old, new), tmp_path / "t.docx")
    accepted = import_docx(tmp_path / "t.docx")
    assert accepted.resolution.preamble == new.preamble and accepted.resolution.operative == new.operative
    assert len(accepted.warnings) == 1
    assert accepted.warnings[0].startswith("the document has ") and accepted.warnings[0].endswith(
        " tracked change(s): read them as accepted (the new text; --reject takes the old)")
    rejected = import_docx(tmp_path / "t.docx", reject=True)
    assert rejected.resolution.preamble == old.preamble and rejected.resolution.operative == old.operative
    assert rejected.warnings[0].endswith("tracked change(s): read them as rejected (the old text)")


def plain_document(path: Path, paragraphs: list[str], comment: str | None = None) -> None:
    """A Word file typed without the UN styles: every paragraph in Normal, no numbers."""
    import docx

    document = docx.Document()
    for text in paragraphs:
        para = document.add_paragraph(text)
    if comment:
        document.add_comment(para.runs, text=comment, author="A delegate")
    document.save(path)


def test_a_plain_word_file_is_told_apart_by_the_leads_and_comments_are_counted(tmp_path):
    from drafting.importers.docx import import_docx

    plain_document(tmp_path / "p.docx", [
        "The General Assembly,",
        "Recalling its resolution 55/56 of 1 December 2000,",
        "Noting with appreciation the work of the Kimberley Process,",
        "Decides to include in the provisional agenda of its sixty-ninth session the item;",
        "Requests the Secretary-General to report thereon."], comment="Check the session number")
    result = import_docx(tmp_path / "p.docx")
    assert [p.text for p in result.resolution.preamble] == [
        "Recalling its resolution 55/56 of 1 December 2000,",
        "Noting with appreciation the work of the Kimberley Process,"]
    assert [p.text for p in result.resolution.operative] == [
        "Decides to include in the provisional agenda of its sixty-ninth session the item;",
        "Requests the Secretary-General to report thereon."]
    assert result.warnings == ("the document has 1 Word comment(s): not imported (a resolution file has no "
                               "place for them); read them in Word",)


def test_lines_pasted_from_a_pdf_are_joined_back_into_paragraphs(tmp_path):
    import textwrap

    from drafting.importers.docx import import_docx

    res = diamonds()
    preamble, operative = res.preamble[:10], [p for p in res.operative if not p.items][:10]
    lines = ["The General Assembly,"]
    for p in preamble:
        lines += textwrap.wrap(p.text, 70)
    for n, p in enumerate(operative, start=1):
        lines += textwrap.wrap(f"{n}. {p.text}", 70)
    assert len(lines) > 60  # one Word paragraph per printed line
    plain_document(tmp_path / "pasted.docx", lines)
    result = import_docx(tmp_path / "pasted.docx")
    assert [p.text for p in result.resolution.preamble] == [p.text for p in preamble]
    assert [p.text for p in result.resolution.operative] == [p.text for p in operative]
    assert result.warnings == (f"the body has one Word paragraph per printed line (pasted from a PDF?): joined "
                               f"{len(lines) - 1} lines into 20 paragraphs at the lines that end with , ; : or .",)


def test_cli_import_prints_warnings_on_stderr_and_reject(tmp_path):
    from click.testing import CliRunner

    from drafting.cli import main

    render_document(diamonds(), tmp_path / "a.docx")
    edit_part(tmp_path / "a.docx", tmp_path / "b.docx", "word/document.xml",
              lambda xml: xml.replace("Agenda item 32", "Agenda item 31"))
    result = CliRunner().invoke(main, ["import", str(tmp_path / "b.docx"), "-o", str(tmp_path / "b.yaml")])
    assert result.exit_code == 0
    assert result.stderr == (f'drafting: {tmp_path / "b.docx"}: warning: heading: agenda_item is "31" in the document but '
                             "\"32\" in its hidden metadata; took the document's\n")
    assert load(tmp_path / "b.yaml").agenda_item == "31"


_PLAIN_BODY = st.tuples(st.lists(_LEAD_TEXT, max_size=3), st.lists(_LEAD_TEXT, min_size=1, max_size=3))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old_body=_PLAIN_BODY, new_body=_PLAIN_BODY)
def test_any_tracked_file_reads_back_as_new_accepted_and_old_rejected(tmp_path, old_body, new_body):
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    def resolution(body) -> Resolution:
        return Resolution(symbol="A/RES/69/1", preamble=tuple(Paragraph(t) for t in body[0]),
                          operative=tuple(Paragraph(t) for t in body[1]))

    old, new = resolution(old_body), resolution(new_body)
    render_tracked(diff(old, new), tmp_path / "t.docx")
    for reject, side in ((False, new), (True, old)):
        back = read_docx(tmp_path / "t.docx", reject=reject)
        assert [p.text for _, p in back.walk()] == [p.text for _, p in side.walk()], reject


def test_a_tracked_file_reads_back_each_side_s_footnotes_at_their_anchors(tmp_path):
    """A note whose anchor moved: accepted, it stands at the new words; rejected, at the old."""
    from test_tracked import NOTE_CASES

    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    old, new = (edit(diamonds()) for edit in NOTE_CASES["note-moved"])
    render_tracked(diff(old, new), tmp_path / "t.docx")
    for reject, side in ((False, new), (True, old)):
        back = read_docx(tmp_path / "t.docx", reject=reject).operative[0]
        assert back.footnote_offsets == side.operative[0].footnote_offsets, reject
        # the anchors as the importer writes them: the shortest words that find the place
        assert back.footnotes == (("Moved note.", "Scheme" if side is new else "support"), ("End note.", "whole;"))


_NOTED_BODY = st.tuples(st.lists(_LEAD_TEXT.flatmap(lambda t: _anchored(t).map(lambda n: Paragraph(t, **n))), max_size=3),
                        st.lists(_LEAD_TEXT.flatmap(lambda t: _anchored(t).map(lambda n: Paragraph(t, **n))),
                                 min_size=1, max_size=3))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old_body=_NOTED_BODY, new_body=_NOTED_BODY)
def test_any_tracked_file_reads_back_each_side_s_footnotes_at_their_anchors(tmp_path, old_body, new_body):
    """Accepted, every new footnote at its offset; rejected, every old one."""
    from drafting.comparison.diff import diff
    from drafting.render.documents.docx import render_tracked

    old, new = (Resolution(symbol="A/RES/69/1", preamble=tuple(b[0]), operative=tuple(b[1])) for b in (old_body, new_body))
    comparison = diff(old, new)
    render_tracked(comparison, tmp_path / "t.docx")
    accepted, rejected = (read_docx(tmp_path / "t.docx", reject=r) for r in (False, True))
    assert [p.footnote_offsets for _, p in accepted.walk()] == [p.footnote_offsets for _, p in new.walk()]
    assert [p.footnote_offsets for _, p in rejected.walk()] == [p.footnote_offsets for _, p in old.walk()]


# ---------------------------------------------------------------------------- sections


@st.composite
def _sectioned(draw) -> Resolution:
    """A drawn resolution cut into sections: headings on operative paragraphs, some sections with
    recitals of their own (headed in the same order), numbers running on or restarting."""
    from drafting.model.sections import section_problems

    res = draw(_RESOLUTIONS)
    labels = draw(st.sampled_from([list("ABC"), ["I", "II", "III"]]))
    op_starts = sorted(draw(st.sets(st.integers(0, len(res.operative) - 1), min_size=1)))
    operative = list(res.operative)
    for at, label in zip(op_starts, labels):
        operative[at] = dataclasses.replace(operative[at], section=label)
    preamble = list(res.preamble)
    own = sorted(draw(st.sets(st.integers(0, len(op_starts) - 1), max_size=len(preamble))))
    pp_starts = sorted(draw(st.sets(st.integers(0, len(preamble) - 1), min_size=len(own), max_size=len(own)))) \
        if preamble and own else []
    for at, k in zip(pp_starts, own):
        preamble[at] = dataclasses.replace(preamble[at], section=labels[k])
    out = dataclasses.replace(res, preamble=tuple(preamble), operative=tuple(operative),
                              section_numbering=draw(st.sampled_from([None, "restart"])))
    assume(not section_problems(out))
    return out


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(res=_sectioned())
def test_any_sectioned_resolution_round_trips(tmp_path, res):
    out = tmp_path / "s.docx"
    render_document(res, out)
    assert read_docx(out) == res


# ---------------------------------------------------------------------------- items numbered (i), (ii)


def test_roman_items_of_242_come_back_from_word(tmp_path):
    """S/RES/242 OP1 numbers its items (i), (ii): render then import keeps ``numbering: roman``."""
    from conftest import UNSC, need_corpus
    from drafting import save
    from drafting.importers import import_file

    need_corpus()
    res = import_file(UNSC / "S_RES_0242_1967_EN_GOLD.txt")
    assert [p.numbering for p in res.operative] == ["roman", None, None, None]
    render_document(res, tmp_path / "r242.docx")
    back = read_docx(tmp_path / "r242.docx")
    save(res, tmp_path / "r242.yaml")
    save(dataclasses.replace(back, source=res.source), tmp_path / "back.yaml")
    assert (tmp_path / "back.yaml").read_text() == (tmp_path / "r242.yaml").read_text()


def test_numbering_formats_override_before_abstract_list():
    """A num's own level override decides the format; other levels come from its abstract list."""
    from lxml import etree

    from drafting.importers.word_numbering import formats

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    root = etree.fromstring(
        f'<w:numbering {w}><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="lowerLetter"/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="7"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/>'
        '<w:lvl w:ilvl="1"><w:numFmt w:val="lowerRoman"/></w:lvl></w:lvlOverride>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num></w:numbering>')
    assert formats(root) == {("1", 0): "decimal", ("1", 1): "lowerLetter",
                             ("7", 0): "decimal", ("7", 1): "lowerRoman"}


def test_a_broken_numbering_part_names_the_file(tmp_path):
    render_document(diamonds(), tmp_path / "a.docx")
    edit_part(tmp_path / "a.docx", tmp_path / "b.docx", "word/numbering.xml", lambda xml: xml[:-20])
    with pytest.raises(DraftingError, match=r"b\.docx: expected a Word \.docx file, found broken XML in its "
                                            r"numbering \(word/numbering\.xml"):
        read_docx(tmp_path / "b.docx")


def _with_roman(res: Resolution, which: list[bool]) -> Resolution:
    """``res`` with ``numbering: roman`` on the top-level paragraphs (that have items) ``which`` picks."""
    def mark(paragraphs, flags):
        return tuple(dataclasses.replace(p, numbering="roman") if p.items and f else p
                     for p, f in zip(paragraphs, flags + [False] * len(paragraphs)))
    return dataclasses.replace(res, preamble=mark(res.preamble, which), operative=mark(res.operative, which[::-1]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(res=_RESOLUTIONS, which=st.lists(st.booleans(), max_size=3))
def test_any_resolution_with_roman_items_round_trips(tmp_path, res, which):
    out = tmp_path / "h.docx"
    res = _with_roman(res, which)
    render_document(res, out)
    assert read_docx(out) == res


def test_reject_reads_a_paragraph_by_the_style_it_had_when_its_old_properties_name_none(tmp_path):
    # a change of alignment alone, recorded by a writer that leaves the old style out of the old
    # properties: Reject All keeps each paragraph's style, so UNDOF 381's OP1 keeps its three items
    import re

    resolution = load(PRECEDENTS / "undof" / "0381.yaml")
    render_document(resolution, tmp_path / "clean.docx")
    with zipfile.ZipFile(tmp_path / "clean.docx") as a:
        document = a.read("word/document.xml").decode()
        changed = re.sub(r'<w:pStyle w:val="UN(?:Operative|Item)[^"]*"/>',
                         lambda m: m[0] + '<w:jc w:val="both"/><w:pPrChange w:id="901" w:author="x"><w:pPr/></w:pPrChange>',
                         document)
        assert changed.count("<w:pPrChange") == 4
        with zipfile.ZipFile(tmp_path / "aligned.docx", "w") as b:
            for info in a.infolist():
                b.writestr(info, changed if info.filename == "word/document.xml" else a.read(info.filename))
    for reject in (False, True):
        assert read_docx(tmp_path / "aligned.docx", reject=reject).operative == resolution.operative
