"""The classes that are not substance (typography, spelling, name) and the comparison of what a
text says outside its paragraphs (title, heading and adoption line, footnotes), in every format.

Real texts: A/RES/68/128 with its apostrophes made curly, its plenary paragraph given next year's
host, and UNDOF 398 -> 408 (a footnote that really changed). Negative cases are the silent errors
the rules must not make: "prescribe" -> "proscribe" or "Security Council" -> "General Assembly"
classed routine would hide substance.
"""
from __future__ import annotations

import json
import re
import zipfile
from dataclasses import replace

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from conftest import PRECEDENTS, diamonds as load_diamonds
from drafting import load, save
from drafting.cli import main
from drafting.comparison.diff import diff, word_diff
from drafting.comparison.fields import footnotes
from drafting.comparison.variants import is_name, skeleton, spelling_variant
from drafting.model import Address, ChangeKind, HunkClass, HunkOp, Paragraph
from drafting.render.reports import html, json_report, markdown, terminal


@pytest.fixture(scope="module")
def diamonds():
    return load_diamonds()


def changed(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(h.op.value, h.text, h.cls.value) for h in word_diff(a, b) if h.op is not HunkOp.EQUAL]


# ---------------------------------------------------------------------------- typography

def test_curly_apostrophes_in_68_128_are_typography_and_routine(diamonds):
    curly = replace(diamonds,
                    preamble=tuple(p.with_text(p.text.replace("'", "\u2019")) for p in diamonds.preamble),
                    operative=tuple(p.with_text(p.text.replace("'", "\u2019")) for p in diamonds.operative))
    touched = sum("'" in p.text for _, p in diamonds.walk())
    comparison = diff(diamonds, curly)
    counts = comparison.summary()
    assert touched == 7  # before these rules, all 7 were "amended, substantive"
    assert (counts["amended"], counts["substantive"], counts["routine"]) == (touched, 0, touched)
    classes = {h.cls for c in comparison.changes for h in c.hunks if h.op is not HunkOp.EQUAL}
    assert classes == {HunkClass.TYPOGRAPHY}


def test_typography_never_hides_a_real_change_beside_it():
    assert changed("report of the Secretary-General's Office on the  issue",
                   "report of the Secretary-General\u2019s Office on the issue, noted") == [
        ("delete", "Secretary-General's", "typography"), ("insert", "Secretary-General\u2019s", "typography"),
        ("delete", "  ", "typography"), ("insert", " ", "typography"), ("insert", ", noted", "wording")]
    assert changed('the so-called "peace dividend" \u2013 as agreed',
                   "the so-called \u201cpeace dividend\u201d - as agreed") == [
        ("delete", '"', "typography"), ("insert", "\u201c", "typography"),
        ("delete", '"', "typography"), ("insert", "\u201d", "typography"),
        ("delete", "\u2013", "typography"), ("insert", "-", "typography")]


_TYPO = {"'": ["'", "\u2019"], '"': ['"', "\u201c", "\u201d"], "-": ["-", "\u2013", "\u2014"], " ": [" ", "  "]}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["Decides", "the", "Council's", '"plan"', "co-operation", "1990-1991", "and",
                                 "Secretary-General's", "peace", ","]), min_size=1, max_size=25),
       st.randoms(use_true_random=False))
def test_typography_only_edits_rebuild_both_texts_and_are_routine(words, rnd):
    old = " ".join(words)
    new = "".join(rnd.choice(_TYPO[ch]) if ch in _TYPO else ch for ch in old)
    hunks = word_diff(old, new)
    assert "".join(h.text for h in hunks if h.op is not HunkOp.INSERT) == old
    assert "".join(h.text for h in hunks if h.op is not HunkOp.DELETE) == new
    assert {h.cls for h in hunks if h.op is not HunkOp.EQUAL} <= {HunkClass.TYPOGRAPHY}


# ---------------------------------------------------------------------------- spelling

def test_spelling_variants_are_routine():
    assert changed("urges Member States to co-operate with the Force",
                   "urges Member States to cooperate with the Force") == [
        ("delete", "co-operate", "spelling"), ("insert", "cooperate", "spelling")]
    assert changed("strengthening the programme of work", "strengthening the program of work") == [
        ("delete", "programme", "spelling"), ("insert", "program", "spelling")]
    assert changed("Recognising the need", "Recognizing the need") == [
        ("delete", "Recognising", "spelling"), ("insert", "Recognizing", "spelling")]
    assert changed("Requests the Councii to act", "Requests the Council to act") == [  # OCR slip
        ("delete", "Councii", "spelling"), ("insert", "Council", "spelling")]


def test_real_words_one_letter_apart_stay_wording():
    assert changed("decides to prescribe the measures", "decides to proscribe the measures") == [
        ("delete", "prescribe", "wording"), ("insert", "proscribe", "wording")]
    assert changed("Urges States to adopt measures", "Urges States to adapt measures")[0][2] == "wording"
    assert changed("Urges the parties concerned", "Urges the party concerned")[0][2] == "wording"
    assert changed("and decided to act", "and decides to act")[0][2] == "wording"


def test_a_form_both_texts_use_is_a_word_of_its_own_not_a_variant():
    # "traveled"/"travelled" differ only by a doubled letter; when the new text also says "traveled"
    # elsewhere, the old form is still in use: no variant rule may call it one
    assert spelling_variant("travelled", "traveled", lambda: (frozenset({"travelled"}), frozenset({"traveled"})))
    assert not spelling_variant("canvassed", "canvased",
                                lambda: (frozenset({"canvassed"}), frozenset({"canvased", "canvassed"})))
    assert skeleton("co-operation") == skeleton("cooperation")


# ---------------------------------------------------------------------------- names

def test_the_yearly_plenary_paragraph_of_68_128_is_routine(diamonds):
    pp = next(p for p in diamonds.preamble if "Johannesburg" in p.text)
    new_text = pp.text.replace("Johannesburg", "Guangzhou").replace("South Africa", "China").replace(
        "eleventh", "twelfth").replace("19 to 22 November 2013", "10 to 13 November 2014")
    hunks = [(h.op.value, h.text, h.cls.value) for h in word_diff(pp.text, new_text) if h.op is not HunkOp.EQUAL]
    assert hunks == [("delete", "eleventh", "number"), ("insert", "twelfth", "number"),
                     ("delete", "Johannesburg", "name"), ("insert", "Guangzhou", "name"),
                     ("delete", "South Africa", "name"), ("insert", "China", "name"),
                     ("delete", "19", "date"), ("insert", "10", "date"),
                     ("delete", "22", "date"), ("insert", "13", "date"),
                     ("delete", "2013", "date"), ("insert", "2014", "date")]


def test_organs_offices_and_acronyms_are_not_names():
    assert changed("requests the Security Council to report", "requests the General Assembly to report") == [
        ("delete", "Security Council", "wording"), ("insert", "General Assembly", "wording")]
    assert changed("the mandate of UNDOF until", "the mandate of UNIFIL until")[0][2] == "wording"
    assert is_name("Viet Nam") and is_name("the Russian Federation") and is_name("Ms. Pierce")
    assert not is_name("Secretary-General") and not is_name("the Committee") and not is_name("2014")


# ---------------------------------------------------------------------------- outside the paragraphs

def test_footnotes_are_read_in_one_place():
    assert footnotes(Paragraph("Recalling", note="S/12333")) == ("S/12333",)
    assert footnotes(Paragraph("Recalling")) == ()


def _with_note(res, address: str, note: str | None):
    return res.replace_paragraph(Address.parse(address), replace(res.get(address), note=note))


def test_a_footnote_only_change_is_seen_in_every_format_and_exits_1(tmp_path):
    old = load(PRECEDENTS / "undof" / "0408.yaml")
    assert old.get("PP1").note == "Ibid., Supplement for April, May and June 1977, document S/12333."
    new = _with_note(old, "PP1", "Ibid., Supplement for April, May and June 1977, document S/99999.")
    comparison = diff(old, new)
    assert all(c.kind is ChangeKind.UNCHANGED for c in comparison.changes) and not comparison.identical
    [note] = comparison.fields
    assert (note.field, note.kind, note.old, note.new, note.routine) == (
        "footnote", ChangeKind.AMENDED, (Address.parse("PP1"),), (Address.parse("PP1"),), True)
    assert [(h.op.value, h.text, h.cls.value) for h in note.hunks if h.cls] == [
        ("delete", "S/12333", "symbol"), ("insert", "S/99999", "symbol")]
    text = terminal.render(comparison)
    assert "Footnotes\n\nfootnote of PP1 → PP1  amended  routine (symbol)\n" in text
    assert "document [-S/12333-]{+S/99999+}." in text
    assert text.endswith("· 1 footnotes · 0 metadata — 1 routine, 0 substantive\n")
    assert "## Footnotes" in markdown.render(comparison) and "~~S/12333~~**S/99999**" in markdown.render(comparison)
    page = html.render(comparison)
    assert '<h1 class="part">Footnotes</h1>' in page and '<del class="symbol" title="symbol">S/12333</del>' in page
    data = json.loads(json_report.render(comparison))
    assert data["summary"]["footnotes"] == 1 and data["footnotes"][0]["old"] == ["PP1"]
    save(old, tmp_path / "old.yaml")
    save(new, tmp_path / "new.yaml")
    for fmt in ("terminal", "markdown", "html", "json"):
        result = CliRunner().invoke(main, ["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), "-f", fmt])
        assert result.exit_code == 1, fmt


def test_footnotes_added_and_removed_are_substantive():
    old = load(PRECEDENTS / "undof" / "0408.yaml")
    gone = diff(old, _with_note(old, "PP1", None))
    assert [(f.kind, f.routine, f.old_text) for f in gone.fields] == [
        (ChangeKind.DELETED, False, "Ibid., Supplement for April, May and June 1977, document S/12333.")]
    added = diff(old, _with_note(old, "OP1", "S/12345."))
    assert [(f.kind, f.new, f.new_text) for f in added.fields] == [
        (ChangeKind.ADDED, (Address.parse("OP1"),), "S/12345.")]


def test_the_adoption_line_and_title_are_compared(diamonds):
    import datetime as dt

    new = replace(diamonds, adopted=dt.date(2014, 12, 5), meeting=73, vote="recorded vote, 150 to 1",
                  title=diamonds.title.replace("fuelling", "financing"))
    comparison = diff(diamonds, new)
    assert [(f.field, f.routine, [(h.op.value, h.text, h.cls.value) for h in f.hunks if h.cls])
            for f in comparison.fields] == [
        ("adopted", True, [("delete", "18", "date"), ("insert", "5", "date"),
                           ("delete", "2013", "date"), ("insert", "2014", "date")]),
        ("meeting", True, [("delete", "69", "number"), ("insert", "73", "number")]),
        ("vote", False, [("delete", "without a vote", "wording"), ("insert", "recorded vote, 150 to 1", "wording")]),
        ("title", False, [("delete", "fuelling", "wording"), ("insert", "financing", "wording")])]
    assert comparison.summary()["metadata"] == 4 and comparison.summary()["substantive"] == 2
    text = terminal.render(comparison, substantive_only=True)
    assert "date of adoption" not in text and "vote  amended  substantive (wording)" in text


def _revisions(path) -> tuple[list[str], list[str]]:
    """The inserted and deleted texts of a .docx, all parts together."""
    with zipfile.ZipFile(path) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    ins = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", m)) for m in re.findall(r"<w:ins [^>]*>(.*?)</w:ins>", xml)]
    dels = ["".join(re.findall(r"<w:delText[^>]*>([^<]*)</w:delText>", m))
            for m in re.findall(r"<w:del [^>]*>(.*?)</w:del>", xml)]
    return [t for t in ins if t], [t for t in dels if t]


def test_word_tracked_output_and_the_reports_agree_on_what_changed(tmp_path, diamonds):
    from drafting.render.documents.docx import render_tracked

    old = load(PRECEDENTS / "undof" / "0408.yaml")
    cases = [(old, _with_note(old, "PP1", "Ibid., Supplement for April, May and June 1977, document S/99999."),
              "S/12333", "S/99999"),
             (diamonds, replace(diamonds, title=diamonds.title.replace("fuelling", "financing")),
              "fuelling", "financing")]
    for k, (a, b, gone, came) in enumerate(cases):
        comparison = diff(a, b)
        out = tmp_path / f"case{k}.docx"
        render_tracked(comparison, out)
        inserted, deleted = _revisions(out)
        assert came in inserted and gone in deleted  # Word tracks it ...
        reported = [(h.op, h.text) for f in comparison.fields for h in f.hunks if h.op is not HunkOp.EQUAL]
        assert reported == [(HunkOp.DELETE, gone), (HunkOp.INSERT, came)]  # ... and so do the reports
        assert not comparison.identical


# ---------------------------------------------------------------------------- engines

def test_the_c_and_python_engines_give_the_same_diff_on_every_series_pair():
    from drafting.comparison import diff as module

    if "fast" not in module.engines():
        pytest.skip("fast-diff-match-patch is not installed here: only the Python engine runs")
    texts = [load(f) for name in ("undof", "unifil") for f in sorted((PRECEDENTS / name).glob("*.yaml"))]
    previous = module.use_engine("python")
    try:
        slow = [diff(a, b) for a, b in zip(texts, texts[1:])]
        module.use_engine("fast")
        assert [diff(a, b) for a, b in zip(texts, texts[1:])] == slow
    finally:
        module.use_engine(previous)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab ,.;'\u2019-\u2013\"xyz\n", max_size=60),
       st.text(alphabet="ab ,.;'\u2019-\u2013\"xyz\n", max_size=60))
def test_both_engines_agree_on_any_text(a, b):
    from drafting.comparison import diff as module

    if "fast" not in module.engines():
        return
    previous = module.use_engine("python")
    try:
        slow = word_diff(a, b)
        module.use_engine("fast")
        assert word_diff(a, b) == slow
    finally:
        module.use_engine(previous)


@settings(max_examples=80, deadline=None)
@given(st.one_of(st.none(), st.text(alphabet="Ibd., S/1234 documentSupplement", min_size=1, max_size=40)),
       st.one_of(st.none(), st.text(alphabet="Ibd., S/1234 documentSupplement", min_size=1, max_size=40)),
       st.one_of(st.none(), st.integers(1, 9999)), st.one_of(st.none(), st.integers(1, 9999)))
def test_outside_changes_rebuild_both_values_and_none_when_equal(note_a, note_b, meeting_a, meeting_b):
    from drafting.model import Resolution

    def text(note, meeting):
        return Resolution(meeting=meeting, operative=(Paragraph("Decides to remain seized of the matter.", note=note),))

    comparison = diff(text(note_a, meeting_a), text(note_b, meeting_b))
    notes = comparison.footnotes
    if (note_a or None) == (note_b or None):
        assert notes == ()
    else:
        [note] = notes
        assert (note.old_text or None, note.new_text or None) == (note_a or None, note_b or None)
    meetings = comparison.metadata
    assert [(m.old_text or None, m.new_text or None) for m in meetings] == (
        [] if meeting_a == meeting_b else
        [(str(meeting_a) if meeting_a else None, str(meeting_b) if meeting_b else None)])
    assert comparison.identical == (not notes and not meetings)
