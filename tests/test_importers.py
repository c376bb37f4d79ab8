"""Importers on the real corpus: the yearbook's 68/128, the Security Council series, the CLI."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

from conftest import PRECEDENTS, UNSC, YEARBOOK, golden, need_corpus
from drafting import DraftingError, Part, dumps, load
from drafting.cli import main
from drafting.importers import find_resolutions, import_file
from drafting.model import printed_number
from drafting.importers.footnotes import parse_notes, strip_markers
from tools.rebuild_precedents import precedents, stale, stated_facts
from drafting.importers.sc import parse_adoption, parse_sc
from drafting.importers.text import mend_split_words, repair_apostrophes
from drafting.render.documents.show import adoption_line

CORPUS = YEARBOOK.parent


@pytest.fixture(scope="module")
def r68():
    need_corpus()
    return import_file(YEARBOOK, pick="68/128")


@pytest.fixture(scope="module")
def built():
    """Every precedent the corpus yields, by path relative to the library."""
    need_corpus()
    return dict(precedents(CORPUS))


def sc(number: int, year: int):
    need_corpus()
    path = UNSC / f"S_RES_{number:04d}_{year}_EN_GOLD.txt"
    return parse_sc(path.read_text(encoding="utf-8"), str(path), path.name)


# ---------------------------------------------------------------------------- 68/128 from the yearbook


def test_68_128_paragraph_counts(r68):
    assert (len(r68.preamble), len(r68.operative)) == (24, 33)


def test_68_128_metadata(r68):
    meta = {k: v for k, v in r68.to_dict().items() if k not in ("preamble", "operative")}
    assert meta == {
        "symbol": "A/RES/68/128", "body": "General Assembly", "session": 68, "year": 2013,
        "adopted": dt.date(2013, 12, 18), "meeting": 69, "agenda_item": "32",
        "draft": "A/68/L.29 and Add.1", "vote": "without a vote",
        "title": "The role of diamonds in fuelling conflict: breaking the link between the illicit "
                 "transaction of rough diamonds and armed conflict as a contribution to prevention and "
                 "settlement of conflicts",
        "source": "yearbook-2013-political-security-ch1.txt",
    }


def test_68_128_no_running_heads_inside_paragraphs(r68):
    texts = [p.text for _, p in r68.walk()]
    for head in ("Part One", "Political and security questions", "Chapter I", "International peace and security 4"):
        assert not [t for t in texts if head in t], head
    # The page broke inside PP4/PP5 and OP1/OP2 and OP19/OP20: the paragraphs around stay whole.
    assert r68.preamble[3].text == "Recognizing that continued action to curb the trade in conflict diamonds is imperative,"
    assert r68.operative[0].text == ("Reaffirms its strong and continuing support for the Kimberley Process "
                                     "Certification Scheme and the Kimberley Process as a whole;")


def test_68_128_words_split_by_line_breaks_are_mended(r68):
    texts = [p.text for _, p in r68.walk()]
    assert not [t for t in texts if re.search(r"[a-z]- [a-z]", t)]
    assert "and in particular to ensure coordination" in r68.operative[10].text
    # real hyphens stay
    assert "African diamond-producing countries" in r68.preamble[6].text
    assert "artisanal and small-scale diamond mining sector" in r68.operative[14].text
    assert "increase information-sharing and collaboration" in r68.operative[29].text


def test_68_128_apostrophes_repaired(r68):
    texts = [p.text for _, p in r68.walk()]
    assert not [t for t in texts if "d Ivoire" in t or re.search(r"\w s\b", t)]
    assert sum(t.count("Côte d'Ivoire") for t in texts) == 10
    assert [str(a) for a, p in r68.walk() if "Côte d'Ivoire" in p.text] == ["OP10", "OP16", "OP17", "OP18", "OP19"]
    assert r68.operative[19].text.startswith("Acknowledges Liberia's active involvement")
    assert "acknowledges the region's plans" in r68.operative[20].text


def test_68_128_op31_and_op33(r68):
    assert r68.operative[30].text.endswith(
        "welcomes the selection of China as the Chair and Angola as the Vice-Chair of the Process for 2014;")
    assert r68.operative[32].text == ('Decides to include in the provisional agenda of its sixty-ninth session '
                                      'the item entitled "The role of diamonds in fuelling conflict".')
    assert "Security Council resolution 2101 (2013) of 25 April 2013" in r68.operative[15].text


LEADS_68_128 = {
    Part.PREAMBLE: [
        "Recognizing", "Recognizing also", "Noting", "Recognizing", "Noting with appreciation", "Recalling",
        "Welcoming", "Acknowledging", "Acknowledging also", "Bearing in mind", "Noting", "Recalling",
        "Recalling also", "Noting with satisfaction", "Acknowledging", "Recalling", "Welcoming",
        "Welcoming also", "Noting", "Welcoming", "Welcoming also", "Recognizing", "Recognizing also",
        "Welcoming"],
    Part.OPERATIVE: [
        "Reaffirms", "Recognizes", "Welcomes", "Recognizes", "Notes", "Also notes", "Takes note",
        "Acknowledges", "Notes", "Expresses appreciation", "Acknowledges", "Stresses", "Calls upon",
        "Notes with appreciation", "Recognizes", "Notes with appreciation", "Welcomes", "Encourages",
        "Encourages", "Acknowledges", "Welcomes", "Notes", "Recalls", "Notes with appreciation", "Notes",
        "Acknowledges", "Acknowledges", "Notes with appreciation", "Reaffirms", "Encourages",
        "Acknowledges with great appreciation", "Requests", "Decides"],
}


def test_68_128_every_lead(r68):
    for part, expected in LEADS_68_128.items():
        assert [p.lead_phrase(part) for p in r68.part(part)] == expected


def test_68_128_golden(r68):
    golden("import-68-128", "68-128.yaml", dumps(r68))


@pytest.mark.slow  # the whole corpus, imported
def test_68_128_precedent_facts_are_what_the_text_states(built):
    facts = built["conflict-diamonds/2013.yaml"].facts
    assert list(facts) == ["plenary_ordinal", "plenary_city", "plenary_host", "plenary_dates", "chair",
                           "next_chair", "next_vice_chair", "participants", "countries", "eu_members",
                           "admitted", "suspended", "review_visits"]
    assert facts["review_visits"] == ["Côte d'Ivoire", "Liberia", "Russian Federation", "Singapore",
                                      "South Africa", "Viet Nam"]
    assert (facts["participants"], facts["countries"], facts["eu_members"]) == (54, 81, 28)


def test_stated_facts_leaves_out_what_the_text_does_not_say(r68):
    facts = {"next_chair": "China", "chair_report": {"symbol": "A/68/649"}, "plenary_ordinal": "twelfth",
             "participants": 54, "countries": "eighty-one"}
    assert stated_facts(r68, facts) == {"next_chair": "China", "participants": 54}


# ---------------------------------------------------------------------------- Security Council texts


def test_sc_350_heading_paragraphs_and_adoption():
    r = sc(350, 1974)
    assert (r.symbol, r.year, r.adopted, r.meeting, r.vote) == (
        "S/RES/350 (1974)", 1974, dt.date(1974, 5, 31), 1774, "by 13 votes to none")
    assert [p.text for p in r.preamble] == [
        "Having considered the report of the Secretary-General contained in documents S/11302 and Add.1, "
        "and having heard his statement made at the 1773rd meeting of the Security Council,"]
    assert r.operative[1].text == "Takes note of the Secretary-General’s report and the annexes thereto and his statement;"
    assert len(r.operative) == 4
    # The footnote on the adoption line (marked "12" after "by 13 votes to none.") is the
    # resolution's adoption note; nothing else is left over for the source line.
    assert r.adoption_note == "Two members (China and Iraq) did not participate in the voting."
    assert r.source == "S_RES_0350_1974_EN_GOLD.txt"
    assert adoption_line(r) == "Adopted at the 1774th meeting by 13 votes to none."


def test_sc_unnumbered_operative_paragraph_with_lettered_items():
    r = sc(363, 1974)
    assert len(r.preamble) == 4 and len(r.operative) == 1
    decides = r.operative[0]
    assert decides.text == "Decides:"
    assert [i.text for i in decides.items] == [
        "To call upon the parties concerned to implement immediately Security Council resolution 338 (1973);",
        "To renew the mandate of the United Nations Disengagement Observer Force for another period of six months;",
        "That the Secretary-General will submit at the end of this period a report on the developments in "
        "the Situation and the measures taken to implement resolution 338 (1973).",
    ]


def test_sc_inline_footnote_numbers_go_to_the_note():
    r = sc(426, 1978)
    first = r.operative[0]
    assert first.text == ("Approves the report of the Secretary-General on the implementation of Security "
                          "Council resolution 425 (1978), contained in document S/12611 of 19 March 1978;")
    assert first.note == ("See Official Records of the Security Council, Thirty-third Year, Supplement for "
                          "January, February and March 1978.")
    r = sc(425, 1978)
    assert r.preamble[0].text == ("Taking note of the letters from the Permanent Representative of Lebanon "
                                  "and from the Permanent Representative of Israel,")
    assert r.preamble[0].note == "Ibid., documents S/12600 and S/12606.\nIbid., document S/12607."
    assert (r.preamble[1].text, r.preamble[1].note) == (
        "Having heard the statements of the Permanent Representatives of Lebanon and Israel,",
        "Ibid., Thirty-third Year, 2071st meeting.")
    assert r.vote == "by 12 votes to none, with 2 abstentions (Czechoslovakia, Union of Soviet Socialist Republics)"


def test_sc_slash_footnotes_and_1990s_heading():
    r = sc(895, 1994)
    assert (r.adopted, r.meeting, r.vote) == (dt.date(1994, 1, 28), 3331, None)
    assert [p.note for p in r.preamble] == [None, "S/1994/62.", "S/1994/30.", None]
    assert r.preamble[1].text.endswith("Lebanon of 20 January 1994, and taking note of the observations expressed therein,")


def test_sc_marker_whose_note_is_lost_and_ocr_marks():
    r = sc(506, 1982)  # "Observer Force, 22" with no note 22 in the file
    assert r.preamble[0].text.endswith("Disengagement Observer Force,")
    assert r.operative[0].text == "Decides:" and len(r.operative[0].items) == 3
    r = sc(449, 1979)  # "Observer Force,**"
    assert r.preamble[0].text.endswith("Disengagement Observer Force,")
    r = sc(459, 1979)  # "19 March 19788 and approved": footnote 8 glued to the year
    assert "report of the Secretary-General of 19 March 1978 and approved" in r.operative[6].text


def test_sc_wrapped_meeting_number_and_vote_footnote_on_same_page():
    assert sc(624, 1988).meeting == 2831  # "at the\n283 1st meeting."
    r = sc(523, 1982)  # "Republics}" then the notes
    assert r.vote == "by 13 votes to none, with 2 abstentions (Poland, Union of Soviet Socialist Republics)"


def test_sc_ocr_misread_capital_of_a_lead_and_glued_notes():
    r = sc(659, 1990)  # "faking note of the letter ..." opens the third preambular paragraph
    assert [p.lead_phrase(Part.PREAMBLE) for p in r.preamble] == ["Recalling", "Having studied", "Taking note",
                                                                   "Responding"]
    assert r.preamble[2].note == "Ibid., document S/21396"
    assert parse_notes(["56 Ibid., document S/20976.57 S/20998."]) == {56: "Ibid., document S/20976.",
                                                                        57: "S/20998."}


def test_sc_vote_count_misread():
    assert sc(498, 1981).vote.startswith("by 13 votes to none")  # printed "by 73 votes"


def test_sc_heading_year_from_the_date():
    assert sc(434, 1978).symbol == "S/RES/434 (1978)"  # printed "Resolution 434 (1973)"


def test_sc_golden_files():
    for number, year in ((350, 1974), (363, 1974), (426, 1978), (444, 1979), (895, 1994)):
        golden("import-sc", f"{number:04d}.yaml", dumps(sc(number, year)))


@pytest.mark.slow
def test_every_corpus_text_imports_or_fails_cleanly():
    need_corpus()
    failures = []
    paths = sorted(UNSC.glob("*.txt"))
    assert len(paths) == 811  # the shared corpus's Security Council texts: an empty glob would pass unseen
    for path in paths:
        try:
            r = parse_sc(path.read_text(encoding="utf-8"), str(path), path.name)
        except DraftingError as exc:
            failures.append(path.name)
            assert str(exc).startswith(str(path))
            continue
        assert r.preamble or r.operative
    assert failures == []


# ---------------------------------------------------------------------------- what is not a paragraph


def test_sc_annex_is_left_out_of_the_paragraphs_and_named_in_the_source():
    r = sc(263, 1969)  # "ANNEX" with the revised rules 41-44, before the adoption line
    assert [p.text[:40] for p in r.operative] == ["Decides to include Russian and Spanish a"]
    assert r.source.endswith('; left out of the paragraphs: ANNEX "Revised text of rules 41, 42, 43 and 44 of '
                             'the provisional rules of procedure of the Security Council" (133 words)')
    assert r.meeting == 1463
    r = sc(1454, 2002)  # two annexes, no adoption line after them (the 2000s layout)
    assert len(r.operative) == 5 and r.operative[-1].text == "Decides to remain seized of the matter."
    assert r.source == ('S_RES_1454_2002_EN_GOLD.txt; left out of the paragraphs: Annex A "Textual entries for '
                        'the proposed item changes to the Goods Review List" (2073 words); Annex B "Goods Review '
                        'List procedures" (3519 words)')


def test_sc_page_furniture_is_taken_out():
    r = sc(1445, 2002)  # "02-72318 (E)" and "S/RES/1445 (2002)" stood inside OP2 and before OP24
    texts = [p.text for _, p in r.walk()]
    assert not [t for t in texts if "S/RES/1445" in t or "02-72318" in t]
    assert r.operative[1].text.startswith("Welcomes the decision taken by all the foreign parties to withdraw "
                                          "fully their troops from the territory of the Democratic Republic of "
                                          "the Congo, as well as progress in the implementation")
    assert r.operative[23].text.startswith("Reiterates its full support for the Special Representative")


def _sections(r):
    """Each section's heading and the addresses it holds, in printed order."""
    return [(s.heading, [str(a) for a, _ in s.preamble + s.operative]) for s in r.sections()]


def _spans(r):
    """Each section as 'A PP10-PP14 OP17-OP26' (first and last address by part)."""
    out = []
    for s in r.sections():
        parts = [f"{p[0][0]}-{p[-1][0]}" if len(p) > 1 else str(p[0][0]) for p in (s.preamble, s.operative) if p]
        out.append(" ".join([str(s.heading), *parts]))
    return out


def test_sc_section_headings_are_structure_not_glued():
    r = sc(674, 1990)  # "A" before 1., "B" before 12.: one preamble before both
    assert r.operative[0].text.startswith("Demands that the Iraqi authorities")
    assert r.operative[11].text.startswith("Reposes its trust in the Secretary-General")
    assert [(p.section, p.text[:20]) for p in r.operative if p.section] == [
        ("A", "Demands that the Ira"), ("B", "Reposes its trust in")]
    assert _spans(r) == ["None PP1-PP13", "A OP1-OP11", "B OP12-OP13"]
    assert "sections" not in r.source and r.section_numbering is None
    r = sc(687, 1991)  # nine sections, A from printed paragraph 2; OP1 stands before any
    assert _spans(r) == ["None PP1-PP26 OP1", "A OP2-OP4", "B OP5-OP6", "C OP7-OP14", "D OP15",
                         "E OP16-OP19", "F OP20-OP29", "G OP30-OP31", "H OP32", "I OP33-OP34"]
    assert r.operative[32].text.startswith("Declares that, upon official notification by Iraq")
    r = sc(82, 1950)  # roman headings
    assert _spans(r) == ["None PP1-PP3 OP1", "I OP2-OP3", "II OP4", "III OP5"]
    assert r.operative[3].text == "Requests the United Nations Commission on Korea:"


def test_sc_sections_restarting_their_numbers_keep_them():
    r = sc(101, 1953)  # "A 1. 2.", "B 1. 2. 3.", "C 1. ... 4.": printed numbers restart
    assert r.section_numbering == "restart"
    assert _spans(r) == ["None PP1-PP2", "A OP1-OP2", "B OP3-OP5", "C OP6-OP9"]
    assert [printed_number(r, a) for a, _ in r.top() if a.part is Part.OPERATIVE] == [1, 2, 1, 2, 3, 1, 2, 3, 4]
    assert r.operative[2].text.startswith("Takes note of the fact that there is substantial")
    r = sc(161, 1961)  # "A" above the organ line; "B" with its own preamble; both numbered from 1.
    assert r.section_numbering == "restart"
    assert _spans(r) == ["A PP1-PP4 OP1-OP5", "B PP5-PP9 OP6-OP8"]
    assert (r.preamble[4].section, r.operative[5].section) == ("B", "B")
    assert r.preamble[4].text.startswith("Gravely concerned at the continuing deterioration")
    assert r.operative[5].text == "Urges the convening of the Parliament and the taking of necessary " \
                                  "protective measures in that connexion;"


def test_sc_section_preambles_stand_in_their_section_and_operative_numbers_stay_printed():
    r = sc(864, 1993)  # section B opens with its own preamble; "C 27." is OP27
    assert _spans(r) == ["None PP1-PP9", "A OP1-OP16", "B PP10-PP14 OP17-OP26", "C OP27-OP29"]
    assert r.section_numbering is None
    assert (r.preamble[9].section, r.operative[16].section) == ("B", "B")
    r814 = sc(814, 1993)  # "B" then "Acting under Chapter VII ..." then 5.
    assert _spans(r814) == ["None PP1-PP26", "A OP1-OP4", "B PP27 OP5-OP14", "C OP15-OP20"]
    assert r814.preamble[26].text == "Acting under Chapter VII of the Charter of the United Nations,"
    assert r.preamble[9].text.startswith("Strongly condemning the National Union")
    assert r.preamble[13].text == "Acting under Chapter VII of the Charter of the United Nations,"
    assert r.operative[26].text.startswith("Expresses also its readiness to review the measures")
    # OCR specks after the number: "16. | Demands", "24. ~— Requests"
    assert r.operative[15].text.startswith("Demands that the National Union proceed immediately")
    assert r.operative[23].text.startswith("Requests all States to report to the Secretary-General")
    r = sc(161, 1961)  # parts A and B each with "The Security Council," and a preamble
    assert "sections" not in r.source
    assert r.operative[4].text.endswith("obligations under these resolutions.")  # A closes with "."
    assert r.preamble[4].text.startswith("Gravely concerned at the continuing deterioration")
    assert not [p for _, p in r.walk() if "Security Council;" in p.text or p.text == "B"]
    r = sc(814, 1993)  # "B\nActing under Chapter VII ..." then paragraphs; "C 15." is OP15
    assert r.preamble[26].text == "Acting under Chapter VII of the Charter of the United Nations,"
    assert r.operative[14].text.startswith("Requests the Secretary-General to maintain the fund")


def test_sc_approved_line_is_the_adoption_not_a_paragraph():
    r = sc(663, 1990)
    assert (len(r.operative), r.meeting, r.vote) == (1, 2936, "unanimously")
    assert r.operative[0].note is None and r.preamble[0].note.startswith("Official Records of the Security")


def test_sc_text_without_date_or_organ_line_imports():
    need_corpus()
    r = import_file(UNSC / "S_RES_0462_1980_EN_GOLD.txt")
    assert (r.symbol, r.adopted, r.meeting) == ("S/RES/462 (1980)", None, 2190)
    assert [p.text for p in r.preamble] == [
        "Having considered the item on the agenda of its 2185th meeting, as contained in document S/Agenda/2185,",
        "Taking into account that the lack of unanimity of its permanent members at the 2190th meeting has "
        "prevented it from exercising its primary responsibility for the maintenance of international peace "
        "and security,"]
    assert r.source == "S_RES_0462_1980_EN_GOLD.txt; closing marks mended (OCR): PP1 none → ,"


def test_sc_heading_after_narrative():
    need_corpus()
    r = import_file(UNSC / "S_RES_0851_1993_EN_GOLD.txt")  # the Yearbook's narrative comes first
    assert (r.symbol, r.adopted, r.meeting, r.vote) == ("S/RES/851 (1993)", dt.date(1993, 7, 15), 3254,
                                                        "unanimously")
    assert r.preamble[0].text.startswith("Reaffirming its resolutions 696 (1991) of 30 May 1991")
    assert "; text before the heading left out (149 words)" in r.source


def test_sc_text_after_a_colon_stays_in_its_paragraph():
    r = sc(857, 1993)  # the list of candidates
    assert len(r.operative) == 1
    assert r.operative[0].text.startswith("Establishes the following list of candidates in accordance with "
                                          "article 13 of the statute of the International Tribunal: Mr. Georges")
    assert r.operative[0].text.endswith("Mr. Lal Chan VOHRAH (Malaysia)")
    r = sc(102, 1953)  # "as follows:" then the conditions, then their items (a) to (c)
    assert len(r.operative) == 1 and len(r.operative[0].items) == 3
    assert "as follows: Japan will become a party to the Statute" in r.operative[0].text


def test_sc_preamble_goes_on_after_a_paragraph_with_no_lead():
    r = sc(794, 1992)  # "Sharing ..." (no lead in the lexicon) ends ", ;": the preamble had not ended
    assert r.preamble[10].text.endswith("would not in present circumstances be an adequate response to the "
                                        "tragedy in Somalia,")
    assert r.preamble[11].text.startswith("Determined to establish as soon as possible")
    assert r.operative[0].lead_phrase(Part.OPERATIVE) != ""
    assert sc(390, 1976).operative[0].items[1].text.endswith("for another period of six months;")  # "; ."


def test_sc_numbers_misread_and_lists_of_numbers():
    assert sc(686, 1991).operative[1].text.startswith("Demands that Iraq implement its acceptance")  # "Z."
    assert sc(273, 1969).operative[0].text.startswith("Strongly condemns the Portuguese authorities")  # "L."
    r = sc(144, 1960)  # "Articles 24, 33,\n34, 35, 36 ...": a list of numbers, no paragraph "34,"
    assert r.preamble[1].text == ("Taking into account the provisions of Articles 24, 33, 34, 35, 36, 52 and "
                                  "103 of the Charter of the United Nations,")
    assert len(r.preamble) == 6 and r.operative[0].text.startswith("Decides to adjourn the consideration")


def test_sc_stray_underscore_and_lost_closing_marks():
    assert sc(775, 1992).operative[4].text.startswith("Calls upon all parties, movements and factions")
    r = sc(259, 1968)
    assert r.preamble[0].text.endswith("following the hostilities of 5 June,")
    assert r.preamble[1].text == "Recalling its resolution 237 (1967) of 14 June 1967,"
    assert r.source.endswith("; closing marks mended (OCR): PP1 none → ,")


# ---------------------------------------------------------------------------- the series


UNDOF = [350, 363, 369, 381, 390, 398, 408, 420, 429, 441, 449, 456, 470, 481, 485, 493, 506, 524,
         531, 543, 551, 557, 563, 576, 584, 590, 596, 603, 613, 624, 633, 645, 655, 679, 695, 722,
         756, 790, 830, 887]
UNIFIL = [426, 434, 444, 450, 459, 474, 483, 488, 498, 511, 519, 523, 529, 536, 538, 549, 555, 561,
          575, 583, 586, 594, 599, 609, 617, 630, 639, 648, 659, 684, 701, 734, 768, 803, 852, 895]


@pytest.mark.slow  # the whole corpus, imported
def test_series_found_by_content(built):
    assert sorted(int(k[6:10]) for k in built if k.startswith("undof/")) == UNDOF
    assert sorted(int(k[7:11]) for k in built if k.startswith("unifil/")) == UNIFIL


@pytest.mark.slow  # the whole corpus, imported
def test_committed_precedents_equal_a_fresh_import(built):
    """The library can never drift from the importer (facts are kept: propose fills them)."""
    for relative, fresh in built.items():
        committed = load(PRECEDENTS / relative)
        if fresh.body.short == "SC":
            fresh = fresh.__class__(**{**fresh.__dict__, "facts": committed.facts})
        assert committed == fresh, relative
    assert stale(PRECEDENTS, [PRECEDENTS / k for k in built]) == []


@pytest.mark.slow  # the whole corpus, imported
def test_series_adoption_metadata(built):
    rows = []
    for relative, r in sorted(built.items()):
        if r.body.short != "SC":
            continue
        number = int(re.search(r"\d+", relative)[0])
        assert r.symbol == f"S/RES/{number} ({r.year})"
        assert r.adopted is not None and r.adopted.year == r.year
        rows.append(f"{r.symbol}\t{r.adopted}\t{r.meeting}\t{r.vote}\t"
                    f"{sum(1 for _, p in r.walk() if p.note)} notes")
    # Adoption dates rise with the resolution numbers in each series.
    for prefix in ("undof/", "unifil/"):
        dates = [r.adopted for k, r in sorted(built.items()) if k.startswith(prefix)]
        assert dates == sorted(dates)
    golden("import-sc", "series-adoption.tsv", "\n".join(rows) + "\n")


@pytest.mark.slow  # the whole corpus, imported
def test_adoption_line_reproduces_the_printed_line(built):
    """The rendered adoption line equals the one printed in the source (OCR slips aside)."""
    unreadable = {"S/RES/381 (1975)", "S/RES/493 (1981)"}  # "]8S6ih", "23111th"
    checked = 0
    for r in built.values():
        if r.body.short != "SC" or r.symbol in unreadable:
            continue
        text = (UNSC / r.source.split(";")[0]).read_text(encoding="utf-8")
        text = text.replace("}", ")")  # "(Poland, ... Republics}"
        m = re.search(r"^\s*Adopted (?!by the Security)", text, re.M)
        if not m:
            continue  # the 1990s heading style: no adoption line at the end
        printed = " ".join(re.split(r"\n\s*\n", text[m.start():])[0].split())
        printed = re.sub(r"(\d+) (\d*1st)", r"\1\2", printed)  # "273 1st meeting"
        printed = printed.replace("none. with", "none, with").replace("by 73 votes", "by 13 votes")
        printed = re.sub(r"([a-z])- ([a-z])", r"\1\2", printed)  # "Social- ist": a line-end hyphen
        printed = re.sub(r"[\s.,]*\d*$", "", printed)  # the footnote mark and the full stop
        assert adoption_line(r) == printed + ".", r.symbol
        checked += 1
    assert checked == 68  # 76 SC texts, less 2 OCR slips and 6 in the 1990s heading style


# ---------------------------------------------------------------------------- text repairs


def test_mend_split_words_uses_the_texts_own_vocabulary():
    text = "in partic- ular, in particular; diamond- producing and diamond-producing; the Secretary- General; co- operation"
    assert mend_split_words(text) == ("in particular, in particular; diamond-producing and diamond-producing; "
                                      "the Secretary-General; co-operation")
    assert mend_split_words("the administra- tive decision") == "the administrative decision"


def test_repair_apostrophes():
    assert repair_apostrophes("Côte d Ivoire, Women s rights, the country s system, a s b") == \
        "Côte d'Ivoire, Women's rights, the country's system, a s b"


def test_footnote_markers():
    numbers = {6, 7, 8, 12, 19, 20, 23}
    assert strip_markers("Observer Force, 12", numbers) == ("Observer Force,", [12])
    assert strip_markers("S/12611 of 19 March 1978; 23", numbers) == ("S/12611 of 19 March 1978;", [23])
    assert strip_markers("Lebanon 19 and from Israel, 20", numbers) == ("Lebanon and from Israel,", [19, 20])
    # numbers that belong to the sentence stay
    for text in ("in paragraph 6 of his report", "dated 19 March 1978", "S/13026 and Corr.1", "from 6,000 troops",
                 "by 12 votes to none", "resolution 8 (1946)"):
        assert strip_markers(text, numbers) == (text, []), text
    assert parse_notes(["", "19 Ibid., documents S/12600", "and S/12606.", "20 Ibid., document S/12607."]) == {
        19: "Ibid., documents S/12600 and S/12606.", 20: "Ibid., document S/12607."}


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd", "Cs")), max_size=200))
def test_strip_markers_never_touches_text_without_digits(text):
    cleaned, marks = strip_markers(text, {1, 2, 3})
    assert marks == [] and cleaned == " ".join(re.sub(r"\s+([,;:.])", r"\1", text).split())


# ---------------------------------------------------------------------------- find_resolutions, bad input


def test_find_resolutions():
    need_corpus()
    found = find_resolutions(YEARBOOK)
    assert [(f.symbol, f.preamble, f.operative) for f in found] == [("A/RES/68/128", 24, 33)]
    assert str(find_resolutions(UNSC / "S_RES_0363_1974_EN_GOLD.txt")[0]) == "S/RES/363 (1974)  4 PP, 1 OP"


def test_pick_forms():
    need_corpus()
    assert import_file(YEARBOOK, pick="A/RES/68/128").symbol == "A/RES/68/128"
    assert import_file(UNSC / "S_RES_0350_1974_EN_GOLD.txt", pick="350").symbol == "S/RES/350 (1974)"


BAD = [
    ("empty.txt", b"", "drafting: {p}: the file is empty: expected the text of a resolution\n"),
    ("binary.txt", b"\x7fELF\x02\x01\x00\x00\x00", "drafting: {p}: expected a UTF-8 text file, found binary data\n"),
    ("latin1.txt", b"caf\xe9\n", "drafting: {p}: expected UTF-8 text, found a byte that is not UTF-8 at "
                                   "offset 3; save the file as UTF-8\n"),
    ("notes.txt", b"Minutes of the meeting.\nNothing adopted.\n",
     "drafting: {p}: no resolution found: expected a Security Council text opening 'Resolution 350 (1974)', "
     "a yearbook text with 'the General Assembly adopted resolution 68/128 [...]', or a resolution with its "
     "organ line 'The General Assembly,'\n"),
    ("fake.docx", b"Resolution 350 (1974)\n", "drafting: {p}: expected a Word .docx file (a zip archive), "
                                                "found something else; save it again from Word as .docx\n"),
]


@pytest.mark.parametrize("name,data,message", BAD, ids=[b[0] for b in BAD])
def test_cli_import_bad_input(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(path), "-o", str(out)])
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message.format(p=path))
    assert not out.exists() and list(tmp_path.iterdir()) == [path]


def test_cli_import_unknown_pick(tmp_path):
    need_corpus()
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(main, ["import", str(YEARBOOK), "--pick", "68/999", "-o", str(out)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == f"drafting: {YEARBOOK}: no resolution 68/999 in this file; found: A/RES/68/128\n"
    assert not out.exists()


def test_cli_import_list():
    need_corpus()
    result = CliRunner().invoke(main, ["import", str(YEARBOOK), "--list"])
    assert result.exit_code == 0
    assert result.stdout == (
        "A/RES/68/128  24 PP, 33 OP  The role of diamonds in fuelling conflict: breaking the link between "
        "the illicit transaction of rough diamonds and armed conflict as a contribution to prevention and "
        "settlement of conflicts\n")


def test_cli_import_pick_writes_the_yaml(tmp_path, r68):
    out = tmp_path / "2013.yaml"
    result = CliRunner().invoke(main, ["import", str(YEARBOOK), "--pick", "68/128", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (
        0, f"wrote {out}: A/RES/68/128, 24 preambular and 33 operative paragraphs\n")
    assert out.read_text(encoding="utf-8") == dumps(r68)
    assert load(out) == r68


def test_cli_import_prints_yaml_without_output():
    need_corpus()
    path = UNSC / "S_RES_0350_1974_EN_GOLD.txt"
    result = CliRunner().invoke(main, ["import", str(path)])
    assert result.exit_code == 0
    assert result.stdout == dumps(sc(350, 1974))


# ---------------------------------------------------------------------------- rebuild


@pytest.mark.slow
def test_rebuild_writes_the_library_and_keeps_facts(tmp_path, capsys):
    need_corpus()
    from tools.rebuild_precedents import main as rebuild_main, rebuild
    from drafting.store import save

    changed, same = rebuild(CORPUS, tmp_path)
    assert (len(changed), same) == (77, [])
    assert sorted(p.name for p in (tmp_path / "conflict-diamonds").iterdir()) == ["2013.yaml"]
    # Facts filled in by hand (or by propose) survive a rebuild; a stray file is reported, not removed.
    target = tmp_path / "undof" / "0350.yaml"
    r = load(target)
    save(r.__class__(**{**r.__dict__, "facts": {"mandate_end": dt.date(1974, 11, 30)}}), target)
    stray = tmp_path / "undof" / "0351.yaml"
    stray.write_text((tmp_path / "undof" / "0363.yaml").read_text())
    capsys.readouterr()
    assert rebuild_main([str(CORPUS), str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == ("0 written, 77 unchanged\n", f"stale (not in the corpus, left alone): {stray}\n")
    assert load(target).facts == {"mandate_end": dt.date(1974, 11, 30)}
    assert stray.exists()


def test_rebuild_without_a_corpus(tmp_path, capsys):
    from tools.rebuild_precedents import main as rebuild_main

    assert rebuild_main([str(tmp_path / "none"), str(tmp_path)]) == 2
    assert capsys.readouterr().err == (f"rebuild: {tmp_path / 'none'}: expected the corpus folder "
                                       "(yearbook-*.txt, unsc/), found none\n")


# ---------------------------------------------------------------------------- a whole resolution as text


def _shape(r):
    """What `drafting show` prints of a resolution (notes compared word by word)."""
    def para(p):
        return (p.text, " ".join((p.note or "").split()), tuple(para(i) for i in p.items))
    return (r.symbol, r.session, r.agenda_item, r.title, r.meeting, r.vote if r.body.short == "SC" else None,
            tuple(para(p) for p in r.preamble), tuple(para(p) for p in r.operative))


def test_show_output_imports_back_for_every_precedent(tmp_path):
    """The plain-text importer reads `drafting show` (the printed layout) back to the same text."""
    from drafting.render.documents.show import layout

    files = sorted(PRECEDENTS.rglob("*.yaml"))
    assert len(files) >= 77
    for i, path in enumerate(files):
        r = load(path)
        text = tmp_path / f"{i}.txt"
        text.write_text(layout(r, addresses=i % 2 == 0), encoding="utf-8")
        assert _shape(import_file(text)) == _shape(r), path


@pytest.mark.parametrize("meeting_line, meeting", [("69th plenary meeting", 69), ("2282d plenary meeting", 2282),
                                                    ("2433rd plenary meeting", 2433)])
def test_official_ga_layout(tmp_path, r68, meeting_line, meeting):
    # older General Assembly texts print "2d", "3d", "22d" for "2nd", "3rd", "22nd"
    path = tmp_path / "a-res-68-128.txt"
    paragraphs = [f"    {p.text}" for p in r68.preamble] + [
        f"    {n}. {p.text}" for n, p in enumerate(r68.operative, start=1)]
    path.write_text("\n".join([
        "United Nations A/RES/68/128", "General Assembly Distr.: General", "20 January 2014", "",
        "Sixty-eighth session", "Agenda item 32", "",
        "Resolution adopted by the General Assembly on 18 December 2013",
        "[without reference to a Main Committee (A/68/L.29 and Add.1)]", "",
        "68/128. " + r68.title, "", "The General Assembly,", "", *paragraphs, "",
        meeting_line, "18 December 2013", ""]), encoding="utf-8")
    r = import_file(path)
    assert (r.symbol, r.session, r.agenda_item, r.draft, r.adopted, r.meeting, r.title) == (
        "A/RES/68/128", 68, "32", "A/68/L.29 and Add.1", dt.date(2013, 12, 18), meeting, r68.title)
    assert r.preamble == r68.preamble and r.operative == r68.operative


def test_cli_import_output_is_a_folder(tmp_path):
    need_corpus()
    result = CliRunner().invoke(main, ["import", str(UNSC / "S_RES_0350_1974_EN_GOLD.txt"), "-o", str(tmp_path)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"drafting: {tmp_path}: expected a file name to write, found a folder\n"
    assert list(tmp_path.iterdir()) == []


def test_a_hyphen_the_ocr_lost_comes_back_where_the_text_spells_it() -> None:
    need_corpus()
    # S/RES/441 (1978) prints "SecretaryGeneral" in PP1 and "Secretary-General" in OP1(c).
    resolution = import_file(UNSC / "S_RES_0441_1978_EN_GOLD.txt")
    assert resolution.preamble[0].text == ("Having considered the report of the Secretary-General on "
                                           "the United Nations Disengagement Observer Force,")
    # A name with a capital inside stays as it is when the text never hyphenates it.
    assert mend_split_words("Mr. McNaughton", None) == "Mr. McNaughton"


def test_sub_paragraph_closing_marks_follow_their_siblings() -> None:
    need_corpus()
    # S/RES/707 (1991) OP3: nine demands on Iraq, each closed with ";" but two read as ":" and
    # one as "," by the OCR; the mending is recorded in the source.
    resolution = import_file(UNSC / "S_RES_0707_1991_EN_GOLD.txt")
    items = resolution.get("OP3").items
    assert len(items) == 9
    assert [item.text[-1] for item in items[:-1]] == [";"] * 8
    assert "OP3(c) : → ;, OP3(d) : → ;, OP3(g) , → ;" in resolution.source


def test_a_line_end_hyphen_between_two_words_whose_joining_is_none_stays() -> None:
    from collections import Counter

    from drafting.importers.text import mend_split_words, rejoin_spaced

    # S/RES/687 OP20 "no-objection"; "Arab-owned", "forty-first", "confidence-building" (corpus texts)
    assert mend_split_words('accelerated "no- objection" procedure', Counter()) == 'accelerated "no-objection" procedure'
    assert mend_split_words("use Arab- owned properties at its forty- first session", Counter()) == \
        "use Arab-owned properties at its forty-first session"
    # a joining the corpus knows, or a tail no compound has, is joined as before
    assert mend_split_words("partic- ular thresh- old colonial- ism", Counter()) == "particular threshold colonialism"
    # a letter glued to "/" is a symbol's, never a word's lost end (S/RES/101 note: "document s/3140")
    assert rejoin_spaced("Ibid., document s/3140.") == "Ibid., document s/3140."
    assert rejoin_spaced("The General Assembl y,") == "The General Assembly,"


@pytest.mark.parametrize("line, meeting", [("Adopted at the 1742d meeting by 14 votes to none.", 1742),
                                           ("Adopted at the 1774th meeting by 13 votes to none.", 1774),
                                           ("Adopted unanimously at the 2282nd meeting.", 2282)])
def test_council_adoption_line_reads_the_old_ordinals_too(line, meeting):
    # older Council texts print "2d", "3d", "42d" for "2nd", "3rd", "42nd"
    assert parse_adoption([line]).meeting == meeting
