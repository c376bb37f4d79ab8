"""The compilation rendered: the text form (and its exact round trip), YAML proposal files, the
anonymised view, HTML, Word (tracked changes by delegation; conflicts as bracketed options) and
the command."""
from __future__ import annotations

import io
import re
import zipfile

import pytest
from click.testing import CliRunner
from conftest import COMPILE_HAND as HAND, DIAMONDS, diamonds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.cli import main
from drafting.compilation import text as text_form
from drafting.compilation.api import Compiled, compile_files
from drafting.compilation.load import id_stem, load
from drafting.compilation.proposals import (
    DEFAULT_LABELS,
    Action,
    Compilation,
    Place,
    Proposal,
    Side,
    Status,
)
from drafting.compilation.revision import revise
from drafting.errors import DraftingError, ValidationError
from drafting.model import Paragraph

BASE = diamonds()
ADDRESSES = [a for a, _ in BASE.walk()]
NAMES = ["EU", "G77/China", "Antigua and Barbuda", "United States", "Fiji"]
WORDS = st.text(alphabet=st.sampled_from(list("ab ,;:’'\"“”\\[](){}+/—\n-é")), max_size=12)


def hand() -> Compiled:
    return compile_files(DIAMONDS, [HAND])


# ---------------------------------------------------------------------------- the text form

paragraphs = st.recursive(
    st.builds(Paragraph, WORDS, st.just(()), st.none() | WORDS, st.none() | WORDS, st.none() | WORDS),
    lambda kids: st.builds(Paragraph, WORDS, st.lists(kids, min_size=1, max_size=2).map(tuple)),
    max_leaves=4)


@st.composite
def proposal(draw, n: int) -> Proposal:
    by = tuple(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True)))
    common = {"id": f"{id_stem(by[0])}-{n}", "by": by,
              "on_behalf_of": draw(st.none() | st.sampled_from(["the Group of 77 and China", "AOSIS"])),
              "supported_by": tuple(draw(st.lists(st.sampled_from(NAMES), max_size=2, unique=True))),
              "bridges": tuple(draw(st.lists(st.sampled_from(["EU-1", "G77/China-2", "US-3"]), max_size=2,
                                             unique=True)))}
    address = draw(st.sampled_from(ADDRESSES))
    place = Place(draw(st.sampled_from([Side.AFTER, Side.BEFORE])), str(draw(st.sampled_from(ADDRESSES))))
    action = draw(st.sampled_from(list(Action)))
    if action is Action.ADD:
        first = draw(st.booleans())
        return Proposal(action=action, place=Place(Side.FIRST_IN, draw(st.sampled_from(["PP", "OP"]))) if first
                        else place, paragraphs=tuple(draw(st.lists(paragraphs, min_size=1, max_size=2))), **common)
    if action is Action.MOVE:
        others = [a for a in ADDRESSES if not (a.part is address.part and a.number == address.number)]
        place = Place(place.side, str(draw(st.sampled_from(others))))
        return Proposal(action=action, paragraph=str(address), place=place, **common)
    if action is Action.DELETE_PARAGRAPH:
        return Proposal(action=action, paragraph=str(address), **common)
    if action is Action.NOTE:
        return Proposal(action=action, paragraph=str(address), new=draw(st.none() | WORDS), **common)
    text = BASE.get(address).text
    i = draw(st.integers(0, len(text) - 1))
    j = draw(st.integers(i + 1, min(len(text), i + 40)))
    words = text[i:j]
    starts = [k for k in range(len(text)) if text.startswith(words, k)]
    occurrence = None if len(starts) == 1 else starts.index(i) + 1
    side = draw(st.sampled_from([Side.AFTER, Side.BEFORE])) if action is Action.INSERT else None
    new = None if action is Action.DELETE else draw(WORDS)
    return Proposal(action=action, paragraph=str(address), words=words, occurrence=occurrence, new=new,
                    side=side, **common)


STATUSES = st.dictionaries(st.sampled_from([str(a) for a in ADDRESSES]),
                           st.sampled_from([Status.AD_REF, Status.AGREED]), max_size=4)
LABELS = st.sampled_from([{}, {Status.AD_REF: "ad ref.", Status.AGREED: "done"}])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 0), min_size=1, max_size=6).flatmap(
    lambda xs: st.tuples(*[proposal(n) for n in range(1, len(xs) + 1)])), STATUSES, LABELS)
def test_the_text_form_reads_back_into_the_same_proposals(proposals, status, labels):
    comp = Compilation(tuple(proposals), status, frozenset(status),  # reopened, so no proposal is refused
                       {**DEFAULT_LABELS, **labels})
    written = text_form.render(BASE, comp)
    back = text_form.parse(written)
    assert sorted(back.proposals, key=lambda p: p.id) == sorted(proposals, key=lambda p: p.id)
    assert (back.status, back.reopened, back.labels) == (comp.status, comp.reopened, comp.labels)
    assert text_form.render(BASE, back) == written


def test_the_hand_written_file_reads_and_writes_back_byte_for_byte():
    c = hand()
    written = text_form.render(BASE, c.compilation)
    assert text_form.render(BASE, text_form.parse(written)) == written
    ids = [p.id for p in c.compilation.proposals]
    assert ids == ["EU-1", "G77/China-1", "US-1", "US-2", "EU-3", "EU-2", "Fiji-1", "G77/China-2"]
    assert "  Options: [in the past decade of its existence / since its inception (EU, supported by Norway, " \
           "Switzerland) / — (G77/China: delete)]\n" in written
    assert "  Conflict: US-2 and EU-3: one deletes the paragraph the other changes\n" in written


def test_a_broken_line_of_the_text_form_is_named():
    broken = HAND.read_text().replace("replace “strong and continuing” with", "replace “strong and continuing” by")
    with pytest.raises(DraftingError, match=r"^x.txt:11: expected “ with ”, found “ by “full”\] \(US\)”"):
        text_form.parse(broken, "x.txt")


# ---------------------------------------------------------------------------- the anonymised view


def test_the_anonymised_views_name_no_delegation(tmp_path):
    c = hand()
    names = ["EU", "Fiji", "G77", "G77/China", "US", "Norway", "Switzerland", "Japan", "Pacific"]
    text = c.render("text", "anonymised")
    page = c.render("html", "anonymised")
    word = zipfile.ZipFile(io.BytesIO(c.render("docx", "anonymised"))).read("word/document.xml").decode()
    for shown in (text, page, word):
        for name in names:
            assert not re.search(rf"\b{name}\b", shown), name
    assert "  P1 [replace “in the past decade of its existence” with “since its inception”]" in text
    assert "  Options: [in the past decade of its existence / since its inception / —]" in text
    with pytest.raises(DraftingError, match="the YAML form holds each proposal with its delegation"):
        c.render("yaml", "anonymised")
    attributed = c.render("text")
    assert "(Fiji, on behalf of the Pacific small island developing States, supported by Japan)" in attributed


# ---------------------------------------------------------------------------- YAML proposal files


def test_yaml_files_per_delegation_are_numbered_per_delegation(tmp_path):
    (tmp_path / "eu.yaml").write_text(
        "delegation: EU\nstatus: {PP9: agreed-ad-ref}\nproposals:\n"
        "  - {paragraph: OP1, action: replace, words: strong and continuing, with: full, supported_by: [Japan]}\n"
        "  - {paragraph: OP5, action: insert, after: cross-border Internet sales, with: ' and elsewhere'}\n")
    (tmp_path / "g77.yaml").write_text(
        "- {by: G77/China, paragraph: OP1, action: delete, words: ' and continuing'}\n"
        "- {by: G77/China, action: add, after: OP32, paragraphs: [Decides to stay seized;]}\n")
    comp = load([tmp_path / "eu.yaml", tmp_path / "g77.yaml"])
    assert [(p.id, p.action.value) for p in comp.proposals] == [
        ("EU-1", "replace"), ("EU-2", "insert"), ("G77/China-1", "delete"), ("G77/China-2", "add")]
    assert comp.proposals[1].side is Side.AFTER and comp.proposals[1].words == "cross-border Internet sales"
    rev = revise(BASE, comp, accept=["EU"])
    assert rev.text.get("OP1").text.startswith("Reaffirms its full support")
    assert load_yaml_round_trip(Compiled(BASE, comp, revise(BASE, comp)), tmp_path) == comp.proposals


def load_yaml_round_trip(c: Compiled, tmp_path) -> tuple:
    out = tmp_path / "all.yaml"
    out.write_text(c.render("yaml"))
    return load([out]).proposals


def test_bad_proposal_files_are_named_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("delegation: EU\nproposals:\n  - paragraph: OP1\n    action: rewrite\n"
                   "  - paragraph: OP1\n    action: replace\n    word: strong\n")
    with pytest.raises(ValidationError) as info:
        load([bad])
    message = str(info.value)
    assert f"{bad}:4:13: proposals[0]: expected action: one of replace, insert, delete, add, " in message
    assert f'{bad}:7:5: proposals[1]: unknown key "word"; expected one of: id, by' in message
    assert f"{bad}:5:5: proposals[1]: a replace proposal needs words:" in message


# ---------------------------------------------------------------------------- HTML and Word


def test_html_gives_each_delegation_its_colour():
    page = hand().render("html")
    assert ('conflict diamonds<span class="mark" style="--c:#6b3fa0"> </span><span class="mark contested" '
            'style="--c:#777">in the past decade of its existence</span> and the significant') in page
    assert 'Reaffirms its <span class="mark" style="--c:#1f8a7a">strong and continuing</span> support' in page
    assert '<span style="--c:#1f5fa8">EU</span><span style="--c:#a8551f">Fiji</span>' in page
    assert ('<div class="prop" style="--c:#a8551f"><span class="who">Fiji-1 Fiji, on behalf of the Pacific '
            'small island developing States, supported by Japan</span> [insert “, including women’s '
            'organizations,” after “civil society organizations”]</div>') in page


def word_xml(c: Compiled, view: str = "attributed") -> str:
    return zipfile.ZipFile(io.BytesIO(c.render("docx", view))).read("word/document.xml").decode()


def test_word_tracks_each_free_proposal_by_its_delegation_and_brackets_the_rivals():
    xml = word_xml(hand())
    authors = re.findall(r'<w:(ins|del) w:id="\d+" w:author="([^"]+)"', xml)
    assert ("ins", "US") in authors and ("del", "US") in authors and ("ins", "Fiji") in authors
    assert ("ins", "G77/China") in authors  # the added paragraph
    # the rivals on PP8 are one plain run, never tracked
    assert ("<w:r><w:t xml:space=\"preserve\"> [in the past decade of its existence / since its inception "
            "(EU, supported by Norway, Switzerland) / — (G77/China: delete)]</w:t></w:r>") in xml
    assert "since its inception</w:t></w:r></w:ins>" not in xml
    # OP2 is deleted by one and amended by another: neither is tracked, both are listed
    assert "US-2 [US: delete the paragraph] (US)" in xml and "EU-3 [EU: replace “particularly conflict" in xml


def test_the_same_compilation_gives_the_same_word_bytes():
    assert hand().render("docx") == hand().render("docx")


# ---------------------------------------------------------------------------- the command


def test_compile_command_writes_the_revision_and_reports(tmp_path):
    out = tmp_path / "rev1.yaml"
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(HAND), "-o", str(out),
                                       "--accept", "all", "--reject", "US-2,G77/China-1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"wrote {out}\nnew   old    delegations / proposals\nPP8   PP8    EU / EU-1\n")
    from drafting.store import load as load_resolution
    assert load_resolution(out).get("OP1").text.startswith("Reaffirms its full support")


def test_compile_command_refuses_conflicting_acceptances_without_writing(tmp_path):
    out = tmp_path / "rev1.yaml"
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(HAND), "-o", str(out), "--accept", "all"])
    assert result.exit_code == 2
    assert "EU-1 and G77/China-1 conflict on PP8: both change the same words" in result.output
    assert "US-2 and EU-3 conflict on OP2: one deletes the paragraph the other changes" in result.output
    assert "Traceback" not in result.output and not out.exists()


def test_compile_command_writes_the_text_form_to_standard_output():
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(HAND)])
    assert result.exit_code == 0
    assert result.output == text_form.render(BASE, hand().compilation)


# ---------------------------------------------------------------------------- LibreOffice

UNO = r'''
"""After conftest's UNO_PROLOGUE: each document's tracked-change authors, then its paragraphs
after Accept All and (in a fresh load) after Reject All."""
def work(desktop, dispatcher, paths):
    result = {}
    for path in paths:
        out = {}
        for mode in ("accept", "reject"):
            doc = load(desktop, path)
            redlines = doc.getRedlines()
            out["authors"] = sorted({redlines.getByIndex(i).getPropertyValue("RedlineAuthor")
                                     for i in range(redlines.getCount())})
            all_changes(dispatcher, doc, mode)
            pars, enum = [], doc.getText().createEnumeration()
            while enum.hasMoreElements():
                par = enum.nextElement()
                if par.supportsService("com.sun.star.text.Paragraph"):
                    pars.append(par.getString())
            out[mode] = pars
            doc.close(True)
        result[path] = out
    return result
'''


def libreoffice(docs: list, tmp_path) -> dict:
    """LibreOffice's own tracked-change authors, Accept All and Reject All for each document."""
    from conftest import run_uno

    return run_uno(UNO, [str(d) for d in docs], tmp_path, "compile")


@pytest.mark.slow
def test_libreoffice_shows_each_delegation_and_accept_all_never_joins_rivals(tmp_path):
    doc = tmp_path / "compilation.docx"
    doc.write_bytes(hand().render("docx"))
    got = libreoffice([doc], tmp_path)[str(doc)]
    assert got["authors"] == ["EU", "Fiji", "G77/China", "US"]
    accepted, rejected = got["accept"], got["reject"]
    pp8 = next(p for p in accepted if p.startswith("Acknowledging the successful role"))
    assert ("stemming the flow of conflict diamonds [in the past decade of its existence / since its inception "
            "(EU, supported by Norway, Switzerland) / — (G77/China: delete)] and the significant") in pp8
    assert "Reaffirms its full support for the Kimberley Process" in " ".join(accepted)
    assert "Reaffirms its strong and continuing support" in " ".join(rejected)
    assert ("Encourages the Kimberley Process to share its experience with other natural resource certification "
            "schemes;") in accepted
    assert not any(p.startswith("Encourages the Kimberley Process to share") for p in rejected)
    for text in accepted:  # no two alternatives side by side outside a bracket
        assert "since its inceptionin" not in text and "inception in the past decade" not in text


def test_compile_command_names_a_wrong_output_name_and_a_wrong_target(tmp_path):
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(HAND), "-o", str(tmp_path / "c.pdf")])
    assert result.exit_code == 2 and "c.pdf: expected a name ending in .docx, .htm, .html, .txt, .yaml, .yml" in \
        result.output
    bad = tmp_path / "eu.yaml"
    bad.write_text("proposals:\n  - {by: EU, paragraph: OP99, action: delete, words: x}\n")
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(bad)])
    assert result.exit_code == 2
    assert result.output == (f"drafting: {bad}:2: proposal EU-1 (EU): the base text has no paragraph OP99; "
                             "name a paragraph of the base text\n")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.integers(0, 0), min_size=1, max_size=6).flatmap(
    lambda xs: st.tuples(*[proposal(n) for n in range(1, len(xs) + 1)])))
def test_proposals_written_as_yaml_read_back_the_same(proposals):
    from drafting.compilation.load import compilation_to_dict, loads, proposal_from_dict
    from drafting.store import dump_data

    written = dump_data(compilation_to_dict(Compilation(tuple(proposals))))
    settings_, items = loads(written, "p.yaml")
    back = [proposal_from_dict(data, data["id"]) for data in items]
    assert back == list(proposals)
    assert dump_data(compilation_to_dict(Compilation(tuple(back)))) == written


def test_the_68_128_compilation_matches_its_golden_files():
    from conftest import golden

    c = hand()
    golden("compile-68-128", "compilation.txt", c.render("text"))
    golden("compile-68-128", "anonymised.txt", c.render("text", "anonymised"))
    golden("compile-68-128", "compilation.html", c.render("html"))
    rev = compile_files(DIAMONDS, [HAND], accept=["EU-1,US-1,EU-2,EU-3,Fiji-1,G77/China-2"], reject=["US-2"],
                        carry_pending=True)
    golden("compile-68-128", "report.txt", rev.report())
    golden("compile-68-128", "rev1.yaml", rev.render("yaml"))


@pytest.mark.slow
def test_libreoffice_accept_all_on_a_real_pair_gives_the_adopted_text(tmp_path):
    """Year N with the real changes to N+1 as three delegations' tracked proposals: Accept All in
    LibreOffice leaves the N+1 paragraphs (with the compilation's headings around them)."""
    from conftest import PRECEDENTS
    from test_compilation import FAST, material

    from drafting.compilation.text import proposal_line
    from drafting.compilation.view import sheet
    from drafting.store import load as load_resolution

    docs, expected = [], {}
    for series, a, b in FAST:
        old, new, real, _ = material(series, a, b)
        if any(p.action is Action.MOVE for p in real):
            continue  # a move is listed, not tracked
        comp = Compilation(tuple(real))
        doc = tmp_path / f"{series}-{a}.docx"
        doc.write_bytes(Compiled(old, comp, revise(old, comp)).render("docx"))
        shown = {x for s in sheet(old, comp).sections for x in (s.title, s.heading)}
        shown |= {proposal_line(p, p.paragraph) for p in real}  # footnote proposals are listed
        expected[str(doc)] = ([p.text for _, p in new.walk()], [p.text for _, p in old.walk()], shown)
        docs.append(doc)
    assert len(docs) >= 8
    # and a paragraph deleted with its sub-paragraphs, a paragraph added after the last of them
    old = load_resolution(PRECEDENTS / "undof" / "0363.yaml")
    comp = Compilation((Proposal("EU-1", ("EU",), Action.DELETE_PARAGRAPH, "OP1"),
                        Proposal("US-1", ("US",), Action.ADD, place=Place(Side.AFTER, "PP4"),
                                 paragraphs=(Paragraph("Noting the last preambular paragraph,"),))))
    doc = tmp_path / "deleted-with-items.docx"
    doc.write_bytes(Compiled(old, comp, revise(old, comp)).render("docx"))
    shown = {x for s in sheet(old, comp).sections for x in (s.title, s.heading)}
    expected[str(doc)] = ([p.text for _, p in revise(old, comp, accept=["all"]).text.walk()],
                          [p.text for _, p in old.walk()], shown)
    docs.append(doc)
    for path, got in libreoffice(docs, tmp_path).items():
        new_texts, old_texts, shown = expected[path]
        assert set(got["authors"]) <= {"EU", "G77/China", "US"} and got["authors"]
        # a document's last paragraph mark stays even when its words are deleted: Word keeps it too
        body = [t for t in got["accept"][1:] if t not in shown]
        assert (body[:-1] if body[-1:] == [""] else body) == new_texts, path
        assert [t for t in got["reject"][1:] if t not in shown] == old_texts, path


def test_a_person_s_tracked_edits_of_the_heading_and_adoption_lines_are_left_out_by_their_style(tmp_path):
    """Heading and adoption lines are known by their paragraph style, wherever they stand: an
    edited agenda item, a heading line a person added (no base paragraph's text, so not a new
    paragraph of the text) and an edited meeting are named and left out; OP1's edit is a proposal."""
    import dataclasses

    from drafting.comparison.diff import diff
    from drafting.compilation.sources import from_tracked_word
    from drafting.render.documents.docx import render_tracked

    old = diamonds()
    op1 = old.operative[0].with_text(old.operative[0].text.replace("strong and continuing", "full"))
    new = dataclasses.replace(old, agenda_item="31", meeting=70, sponsors=("Botswana",),
                              operative=(op1,) + old.operative[1:])
    path = tmp_path / "edited.docx"
    render_tracked(diff(old, new), path, author="Jane Doe")
    warnings: list[str] = []
    proposals = from_tracked_word(old, path, {"Jane Doe": "EU"}, warnings)
    assert [(p.id, p.paragraph, p.action.value, p.words, p.new) for p in proposals] == [
        ("EU-1", "OP1", "replace", "strong and continuing", "full")]
    assert [w.split(": ", 1)[1] for w in warnings] == [
        "tracked changes on “Agenda item 32”, above the text's first paragraph, are not proposals and were left out",
        "tracked changes on “Sponsors: Botswana”, above the text's first paragraph, are not proposals and were "
        "left out",
        "tracked changes on “69th plenary meeting”, below the text's last paragraph, are not proposals and were "
        "left out"]
