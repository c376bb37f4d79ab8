"""UN-style amendments: written from a diff, read back (also as a person types them), applied.

The contract: ``amend(old, amendments(diff(old, new))) == new`` (paragraph texts, order, parts and
sub-paragraphs), through the typed operations and through the text, on the edited 68/128 cases,
on every consecutive pair of the committed series and under Hypothesis.
"""
from __future__ import annotations

import dataclasses
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings, strategies as st

from conftest import DIAMONDS, PRECEDENTS, diamonds, golden
from test_tracked import EDITS
from drafting import load
from drafting.cli import main
from drafting.comparison.amend import AmendmentError, amend, apply_amendments, read_amendments
from drafting.comparison.amendments import (AmendWords, Anchor, DeleteParagraphs, InsertParagraphs, MoveParagraph,
                                            Place, WordAction, WordEdit, amendments, apply_edit, word_edits)
from drafting.comparison.amendments_text import format_amendments, paragraph_name, render_amendments
from drafting.comparison.diff import diff
from drafting.model import Address, Paragraph, Part, Resolution
from drafting.render.documents.amendments_docx import amendments_document
from drafting.store import series_files


def shape(res: Resolution) -> tuple:
    """What amendments carry: each part's paragraphs, their texts and sub-paragraphs, in order."""
    def one(p: Paragraph) -> tuple:
        return (p.text, tuple(one(i) for i in p.items))
    return tuple(one(p) for p in res.preamble), tuple(one(p) for p in res.operative)


def round_trip(old: Resolution, new: Resolution) -> str:
    """The amendment text for the pair, after checking both routes rebuild ``new`` exactly."""
    found = amendments(diff(old, new))
    assert shape(apply_amendments(old, found)) == shape(new)
    text = format_amendments(found, old)
    assert shape(amend(old, text)) == shape(new)
    return text


def pairs(name: str) -> list[tuple[Path, Path]]:
    files = series_files(PRECEDENTS / name)
    assert len(files) >= 2
    return list(zip(files, files[1:]))


# ---------------------------------------------------------------------------- the contract on real texts

@pytest.mark.parametrize("case", sorted(EDITS))
def test_edited_68_128_round_trip_and_read_as_the_un_writes(case):
    old = diamonds()
    text = round_trip(old, EDITS[case][0](old))
    golden("amendments-68-128", f"{case}.txt", text)


def test_moved_preambular_paragraph_reads_as_a_move_with_its_new_lead():
    old = diamonds()
    text = round_trip(old, EDITS["pp-to-op"][0](old))
    assert ("1. Move the twenty-fourth preambular paragraph to precede operative paragraph 1 and replace "
            "the word “Welcoming” with the word “Welcomes”") in text


@pytest.mark.parametrize("name,old,new", [("unifil", "0444", "0450"), ("undof", "0350", "0363")])
def test_series_pairs_golden(name, old, new):
    a, b = load(PRECEDENTS / name / f"{old}.yaml"), load(PRECEDENTS / name / f"{new}.yaml")
    golden(f"amendments-{name}-{old}-{new}", "amendments.txt", round_trip(a, b))
    golden(f"amendments-{name}-{old}-{new}", "amendments.json", render_amendments(diff(a, b), "amendments-json"))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["undof", "unifil"])
def test_every_consecutive_pair_of_the_series_round_trips(name):
    checked = 0
    for a, b in pairs(name):
        round_trip(load(a), load(b))
        checked += 1
    assert checked == {"undof": 39, "unifil": 35}[name]


def test_addresses_refer_to_the_base_whatever_came_before():
    old = Resolution(operative=tuple(Paragraph(f"Decides {w};") for w in "one two three four".split()))
    text = ("1. Delete operative paragraph 1.\n"
            "2. After operative paragraph 2, insert a new paragraph reading:\n    “Decides new;”\n"
            "3. In operative paragraph 4, replace the word “four” with the word “last”.\n"
            "4. Move operative paragraph 3 to precede operative paragraph 2.\n")
    assert [p.text for p in amend(old, text).operative] == [
        "Decides three;", "Decides two;", "Decides new;", "Decides last;"]


# ---------------------------------------------------------------------------- what a person types

TYPED = """Amendments to draft resolution A/68/L.29

1. In PP3, replace 'Noting' by 'Also noting'
2. OP5: delete the word "further"
3. In operative paragraph 10, insert the words ‘Sierra Leone,’ after the words ‘Côte d’Ivoire,’
4. Delete operative paragraphs 7 and 8, and renumber subsequent paragraphs accordingly.
5. Add a new operative paragraph reading:
   "Decides to remain seized of the matter."
6. In the third preambular paragraph, add at the end the words "and beyond"
7. Substitute the word “urgent” for “continued” in preambular paragraph 4
8. Delete in operative paragraph 12 the following words: “is essential,”
9. Move OP12 to follow OP13 and replace "Stresses" with "Also stresses"
10. Renumber the paragraphs accordingly.
"""


def test_typed_variants_read_as_operations():
    read = read_amendments(TYPED)
    assert [n.number for n in read] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    pp3, pp4, op = Address(Part.PREAMBLE, 3), Address(Part.PREAMBLE, 4), lambda n: Address(Part.OPERATIVE, n)
    assert [n.amendment for n in read] == [
        AmendWords(pp3, (WordEdit(WordAction.REPLACE, "Noting", "Also noting"),)),
        AmendWords(op(5), (WordEdit(WordAction.DELETE, "further"),)),
        AmendWords(op(10), (WordEdit(WordAction.INSERT, "Côte d’Ivoire,", "Sierra Leone,", Place.AFTER),)),
        DeleteParagraphs((op(7), op(8))),
        InsertParagraphs(Anchor(Place.END, part=Part.OPERATIVE), (Paragraph("Decides to remain seized of the matter."),)),
        AmendWords(pp3, (WordEdit(WordAction.INSERT, "", "and beyond", Place.END),)),
        AmendWords(pp4, (WordEdit(WordAction.REPLACE, "continued", "urgent"),)),
        AmendWords(op(12), (WordEdit(WordAction.DELETE, "is essential,"),)),
        MoveParagraph(op(12), Anchor(Place.AFTER, op(13)),
                      (WordEdit(WordAction.REPLACE, "Stresses", "Also stresses"),)),
    ]


@pytest.mark.parametrize("name,address", [
    ("PP3", "PP3"), ("the third preambular paragraph", "PP3"), ("preambular paragraph 3", "PP3"),
    ("OP5", "OP5"), ("OP 5 (b)", "OP5(b)"), ("operative paragraph 5(b)(ii)", "OP5(b)(ii)"),
    ("subparagraph (b) of operative paragraph 5", "OP5(b)"), ("paragraph 12", "OP12"),
    ("the twenty-fourth preambular paragraph", "PP24")])
def test_paragraph_names(name, address):
    read = read_amendments(f"1. In {name}, delete the word “x”.")
    assert read[0].amendment.target == Address.parse(address)


def test_paragraph_names_written_as_the_un_writes_them():
    assert [paragraph_name(Address.parse(a)) for a in ("PP24", "OP5", "OP5(b)(ii)", "PP3(a)")] == [
        "the twenty-fourth preambular paragraph", "operative paragraph 5", "operative paragraph 5 (b) (ii)",
        "subparagraph (a) of the third preambular paragraph"]


def test_typed_list_applies_to_68_128():
    old = diamonds()
    new = amend(old, TYPED)
    assert new.preamble[2].text == old.preamble[2].text.replace("Noting", "Also noting")[:-1] + ", and beyond"
    assert new.preamble[3].text == "Recognizing that urgent action to curb the trade in conflict diamonds is imperative,"
    assert new.operative[4].text == old.operative[4].text.replace("to further strengthen", "to strengthen")
    assert new.operative[7].text == old.operative[9].text.replace("d'Ivoire,", "d'Ivoire, Sierra Leone,")
    assert [p.text[:22] for p in new.operative[8:11]] == [
        "Acknowledges the effor", "Calls upon the Partici", "Also stresses that the"]
    assert new.operative[10].text.startswith("Also stresses that the widest possible participation in the "
                                             "Kimberley Process Certification Scheme encourages")
    assert new.operative[-1].text == "Decides to remain seized of the matter."
    assert len(new.operative) == len(old.operative) - 1


# ---------------------------------------------------------------------------- refusals that name the place

@pytest.mark.parametrize("text,message", [
    ("1. In operative paragraph 2, replace the words “no such words” with “x”.",
     "amendment 1 (“In operative paragraph 2, replace the…”): in operative paragraph 2, the words "
     "“no such words” are not in the paragraph"),
    ("1. In OP1, delete the word “the”.",
     "amendment 1 (“In OP1, delete the word “the”.…”): in operative paragraph 1, the words “the” occur"),
    ("1. Delete operative paragraph 99.", "amendment 1 (“Delete operative paragraph 99.…”): the base text "
                                           "has no operative paragraph 99"),
    ("1. Frobnicate the text.", "amendment 1 (“Frobnicate the text.…”): expected an amendment such as"),
    ("Please make it better.", "expected numbered amendments"),
    ("1. In OP1, make it better.", "amendment 1 (“In OP1, make it better.…”): expected a word edit"),
])
def test_an_amendment_that_cannot_be_placed_is_named(text, message):
    with pytest.raises(AmendmentError) as info:
        amend(diamonds(), text)
    assert message in str(info.value)


def test_cli_amend_refuses_and_writes_nothing(tmp_path):
    bad = tmp_path / "a.txt"
    bad.write_text("1. Delete operative paragraph 2.\n2. In OP3, delete the words “not there”.\n", encoding="utf-8")
    out = tmp_path / "new.yaml"
    result = CliRunner().invoke(main, ["amend", str(DIAMONDS), str(bad), "-o", str(out)])
    assert result.exit_code == 2
    assert "amendment 2" in result.output and "operative paragraph 3" in result.output
    assert not out.exists()


# ---------------------------------------------------------------------------- the commands

def test_cli_diff_amendments_then_amend_rebuilds_the_new_text(tmp_path):
    a, b = PRECEDENTS / "unifil" / "0444.yaml", PRECEDENTS / "unifil" / "0450.yaml"
    runner = CliRunner()
    listed = runner.invoke(main, ["diff", str(a), str(b), "--format", "amendments", "-o", str(tmp_path / "a.txt")])
    assert listed.exit_code == 1, listed.output
    count = len(amendments(diff(load(a), load(b))))
    assert listed.output == f"wrote {tmp_path / 'a.txt'}: {count} amendments\n"
    result = runner.invoke(main, ["amend", str(a), str(tmp_path / "a.txt"), "-o", str(tmp_path / "new.yaml")])
    assert result.exit_code == 0, result.output
    assert shape(load(tmp_path / "new.yaml")) == shape(load(b))
    as_json = runner.invoke(main, ["diff", str(a), str(b), "--format", "amendments-json"])
    rows = json.loads(as_json.output)["amendments"]
    assert rows[0] == {"number": 1, "action": "amend", "paragraph": "PP1", "edits": [
        {"action": "insert", "new": "and the statement made by the President of the Security Council on "
                                    "8 December 1978 (S/12958),", "place": "end"}]}


def test_identical_texts_have_no_amendments():
    old = diamonds()
    assert amendments(diff(old, old)) == ()
    assert "No amendments" in format_amendments((), old)
    assert amend(old, format_amendments((), old)) == old


def test_amendments_docx_layout_and_same_bytes(tmp_path):
    old = diamonds()
    found = amendments(diff(old, EDITS["everything"][0](old)))
    data = amendments_document(found, old)
    assert data == amendments_document(found, old)
    path = tmp_path / "a.docx"
    path.write_bytes(data)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode()
    from docx import Document
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert texts[0] == "A/68/L.29 and Add.1"
    assert "Amendments to draft resolution A/68/L.29 and Add.1" in texts
    assert "1.\tAfter operative paragraph 3, insert a new paragraph reading:" in texts
    assert "<w:i/>" in xml  # the lead of the inserted paragraph


def test_cli_amendments_docx_needs_a_path(tmp_path):
    result = CliRunner().invoke(main, ["diff", str(DIAMONDS), str(DIAMONDS), "--format", "amendments-docx"])
    assert result.exit_code == 2 and "-o OUT.docx" in result.output


# ---------------------------------------------------------------------------- properties

WORDS = ["Decides", "Welcoming", "Welcomes", "the", "the", "mandate", "of", "of", "Force", "31", "May",
         "S/11302", "sixty-eighth", "session", "Côte", "d'Ivoire", "and", ",", ";", "(a)", "Secretary-General’s",
         "“Blue", "Helmets”", "«ou»", "北京", "x"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(" ".join)
paragraphs = st.recursive(texts.map(Paragraph),
                          lambda inner: st.tuples(texts, st.lists(inner, min_size=1, max_size=3)).map(
                              lambda t: Paragraph(t[0], tuple(t[1]))), max_leaves=6)


@st.composite
def resolution_pairs(draw):
    pool = draw(st.lists(paragraphs, min_size=1, max_size=8))

    def edited(p: Paragraph) -> Paragraph:
        words = p.text.split(" ")
        k = draw(st.integers(0, len(words)))
        words[k:k + draw(st.integers(0, 2))] = draw(st.lists(st.sampled_from(WORDS), max_size=2))
        return dataclasses.replace(p, text=" ".join(words))

    def version():
        pick = st.sampled_from(pool) | paragraphs | st.sampled_from(pool).map(edited)
        return Resolution(preamble=tuple(draw(st.lists(pick, max_size=6))),
                          operative=tuple(draw(st.lists(pick, max_size=6))))
    return version(), version()


@given(resolution_pairs())
@settings(max_examples=200, deadline=None)
def test_any_two_resolutions_amend_exactly(pair):
    old, new = pair
    round_trip(old, new)


@given(texts, texts)
@settings(max_examples=300, deadline=None)
def test_word_edits_rebuild_any_text(a, b):
    text = a
    for edit in word_edits(a, b):
        text = apply_edit(text, edit)
    assert text == b


# ---------------------------------------------------------------------------- structure typed by a person

BASE = Resolution(
    preamble=(Paragraph("Recalling its resolution 1,"), Paragraph("Noting the report,")),
    operative=(Paragraph("Decides one;"),
               Paragraph("Requests the Secretary-General:", (Paragraph("to report;"), Paragraph("to visit;"))),
               Paragraph("Decides to remain seized of the matter.")))


def test_typed_structure_amendments_apply_in_the_base_numbering():
    text = """1. After operative paragraph 2 (a), insert a new subparagraph reading:
    “(b) to consult;”
2. Replace operative paragraph 1 with the following:
    “Decides two;”
3. After the paragraph inserted by amendment 2, insert the following new paragraphs:
    “Requests the Council:”
        “(a) to meet;”
    “Urges all parties;”
4. Before the first preambular paragraph, insert a new paragraph reading: “Guided by the Charter,”
5. Move the second preambular paragraph to the end of the operative part and replace the words “Noting the report,” with the words “Notes the report;”
6. In operative paragraph 2 (b), replace “visit” by “travel”
"""
    new = amend(BASE, text)
    assert shape(new) == (
        (("Guided by the Charter,", ()), ("Recalling its resolution 1,", ())),
        (("Decides two;", ()), ("Requests the Council:", (("to meet;", ()),)), ("Urges all parties;", ()),
         ("Requests the Secretary-General:", (("to report;", ()), ("to consult;", ()), ("to travel;", ()))),
         ("Decides to remain seized of the matter.", ()), ("Notes the report;", ())))


def test_a_moved_paragraph_with_many_edits_quotes_its_whole_text():
    old = Resolution(preamble=(Paragraph("a b c d e f g h i j k l m n o p,"),), operative=(Paragraph("Decides;"),))
    new = Resolution(operative=(Paragraph("Decides;"), Paragraph("A B C D E F G H I J K L M N O P;")))
    found = amendments(diff(old, new))
    text = round_trip(old, new)
    assert len(found) == 1 and isinstance(found[0], (MoveParagraph, DeleteParagraphs, InsertParagraphs)), text


def test_older_un_wording():
    text = """1.   Delete the first and second paragraphs of the preamble and substitute therefor the following:

“Having considered further the situation,”

2.   Delete paragraph 2(a).

4.   Delete in paragraph 3 the following words:

“the Secretary-General”.

5.   In operative paragraph 1, replace the words
     “Decides one” with the words “Decides two”.

3.   Substitute the word “urges” for “requests” in paragraph 3 so that the paragraph will read:
"""
    read = read_amendments(text)
    assert [type(n.amendment).__name__ for n in read] == ["ReplaceParagraphs", "DeleteParagraphs", "AmendWords",
                                                          "AmendWords", "AmendWords"]
    assert [n.number for n in read] == [1, 2, 4, 5, 3]
    assert read[2].amendment == AmendWords(Address(Part.OPERATIVE, 3), (WordEdit(WordAction.DELETE, "the Secretary-General"),))
    assert read[3].amendment.edits == (WordEdit(WordAction.REPLACE, "Decides one", "Decides two"),)
    assert read[0].amendment.targets == (Address(Part.PREAMBLE, 1), Address(Part.PREAMBLE, 2))
    assert read[1].amendment.targets == (Address(Part.OPERATIVE, 2, (1,)),)


def test_cli_amendments_are_the_whole_change_never_a_filtered_one():
    result = CliRunner().invoke(main, ["diff", str(DIAMONDS), str(DIAMONDS), "--format", "amendments",
                                       "--substantive-only"])
    assert result.exit_code == 2 and "--substantive-only" in result.output


def test_the_text_quoted_after_so_that_the_paragraph_will_read_is_checked():
    ok = """1. In operative paragraph 1, replace the word “one” with the word “two”, so that the paragraph will read:
    “1. Decides two;”
"""
    assert amend(BASE, ok).operative[0].text == "Decides two;"
    wrong = ok.replace("“1. Decides two;”", "“1. Decides three;”")
    with pytest.raises(AmendmentError) as info:
        amend(BASE, wrong)
    assert str(info.value) == ("<amendments>: amendment 1 (“In operative paragraph 1, replace the…”): operative "
                               "paragraph 1 now reads “Decides two;”, not the text quoted after 'so that the "
                               "paragraph will read' (“Decides three;”)")
