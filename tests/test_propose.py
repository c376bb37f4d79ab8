"""propose: each rule and each warning on real paragraphs (A/RES/68/128, UNDOF and UNIFIL renewals)."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from conftest import DIAMONDS, EXAMPLES, ROOT, golden
from drafting.cli import main
from drafting.proposal.facts import load_facts
from drafting.model import Address, Body, Flag, FlagKind, Paragraph, Resolution
from drafting.proposal.engine import log_data, log_markdown, previous_resolution, propose
from drafting.store import dumps, load, save

# ---------------------------------------------------------------------------- A/RES/68/128, in part

TEXTS = {
    "PP16": "Recalling its resolutions 55/56 of 1 December 2000, 56/263 of 13 March 2002, 57/302 of 15 April "
            "2003, 58/290 of 14 April 2004, 59/144 of 15 December 2004, 60/182 of 20 December 2005, 61/28 of 4 "
            "December 2006, 62/11 of 26 November 2007, 63/134 of 11 December 2008, 64/109 of 11 December 2009, "
            "65/137 of 16 December 2010, 66/252 of 25 January 2012 and 67/135 of 18 December 2012, in which it "
            "called for the development and implementation as well as a periodic review of proposals for a "
            "simple, effective and pragmatic international certification scheme for rough diamonds,",
    "PP18": "Welcoming also the decision of the 54 Kimberley Process Participants, representing 81 countries, "
            "including the 28 members of the European Union represented by the European Commission, to address "
            "the problem of conflict diamonds by participating in the Process and implementing the Kimberley "
            "Process Certification Scheme,",
    "PP19": "Noting the outcomes of the eleventh plenary meeting of the Kimberley Process, hosted in Johannesburg "
            "by South Africa from 19 to 22 November 2013,",
    "OP3": "Welcomes the admission in June 2013 of Mali as a full Participant in the Kimberley Process, as "
           "approved through written procedure;",
    "OP4": "Recognizes the important contributions that the international efforts to address the problem of "
           "conflict diamonds, including the Kimberley Process Certification Scheme, have made to the "
           "settlement of conflicts and the consolidation of peace in Angola, Liberia and Sierra Leone;",
    "OP7": "Takes note of the report of the Chair of the Kimberley Process submitted pursuant to General "
           "Assembly resolution 67/135, and congratulates the participating Governments, the regional economic "
           "integration organization, the diamond industry and civil society organizations involved in the "
           "Process for contributing to the development, implementation and monitoring of the Kimberley "
           "Process Certification Scheme;",
    "OP8": "Acknowledges the progress made by Kimberley Process working groups, Participants and observers "
           "during 2013 in fulfilling the objectives set by the Chair to strengthen implementation of the peer "
           "review system;",
    "OP10": "Expresses appreciation to Côte d'Ivoire, Liberia, the Russian Federation, Singapore, South Africa "
            "and Viet Nam for receiving review visits or missions in 2013, welcomes the commitment of those "
            "countries to continuously open their certification systems to reviews and improvements, and calls "
            "upon other Participants that have not already done so to make themselves available to receive "
            "review visits;",
    "OP21": "Welcomes the initiative from Kimberley Process Participants in West Africa to enhance their "
            "cooperation on Kimberley Process implementation and acknowledges the region's plans for developing "
            "a regional strategy and road map as the outcome of a high-level workshop on regional cooperation "
            "in West Africa early in 2014;",
    "OP24": "Notes with appreciation the role played by the Kimberley Process Administrative Support Mechanism, "
            "with the World Diamond Council acting as host for 2013;",
    "OP31": "Acknowledges with great appreciation the important contribution that South Africa, as Chair of the "
            "Kimberley Process in 2013, has made to curbing the trade in conflict diamonds, and welcomes the "
            "selection of China as the Chair and Angola as the Vice-Chair of the Process for 2014;",
    "OP32": "Requests the Chair of the Kimberley Process to submit to the General Assembly at its sixty-ninth "
            "session a report on the implementation of the Process;",
    "OP33": "Decides to include in the provisional agenda of its sixty-ninth session the item entitled “The role "
            "of diamonds in fuelling conflict”.",
}
FACTS_2013 = {
    "plenary_ordinal": "eleventh", "plenary_city": "Johannesburg", "plenary_host": "South Africa",
    "plenary_dates": "19 to 22 November 2013", "chair": "South Africa", "next_chair": "China",
    "next_vice_chair": "Angola", "participants": 54, "countries": 81, "eu_members": 28,
    "admitted": [{"participant": "Mali", "when": "June 2013", "how": "written procedure"}],
    "review_visits": ["Côte d'Ivoire", "Liberia", "Russian Federation", "Singapore", "South Africa", "Viet Nam"],
}
FACTS_2014 = {
    "plenary_ordinal": "twelfth", "plenary_city": "Guangzhou", "plenary_host": "China",
    "plenary_dates": "11 to 14 November 2014", "chair": "China", "next_chair": "Angola", "next_vice_chair": None,
}
NAMES = list(TEXTS)  # the real address of each paragraph, in the order of the small text below


def small(facts=FACTS_2013) -> Resolution:
    pre = [Paragraph(TEXTS[n]) for n in NAMES if n.startswith("PP")]
    op = [Paragraph(TEXTS[n]) for n in NAMES if n.startswith("OP")]
    return Resolution(symbol="A/RES/68/128", body=Body.GA, session=68, year=2013, adopted=dt.date(2013, 12, 18),
                      meeting=69, agenda_item="32", draft="A/68/L.29 and Add.1", vote="without a vote",
                      facts=facts, preamble=tuple(pre), operative=tuple(op))


def at(name: str) -> Address:
    """Where the real paragraph ``name`` stands in the small text."""
    part = [n for n in NAMES if n[:2] == name[:2]]
    return Address.parse(f"{name[:2]}{part.index(name) + 1}")


@pytest.fixture(scope="module")
def proposal():
    return propose(small(), FACTS_2014)


def text(proposal, name: str) -> str:
    return proposal.draft.get(at(name)).text


# ---------------------------------------------------------------------------- calendar rules


def test_session_ordinals_of_the_next_session_move_on(proposal) -> None:
    assert text(proposal, "OP32") == ("Requests the Chair of the Kimberley Process to submit to the General "
                                      "Assembly at its seventieth session a report on the implementation of the Process;")
    assert text(proposal, "OP33").startswith("Decides to include in the provisional agenda of its seventieth session")


def test_the_current_session_moves_on_and_earlier_sessions_stay() -> None:
    r = Resolution(symbol="A/RES/68/128", session=68, year=2013, operative=(
        Paragraph("Decides to consider the question at its sixty-eighth session and to recall the "
                  "debate of its sixty-seventh session;"),))
    assert propose(r, {}).draft.operative[0].text == (
        "Decides to consider the question at its sixty-ninth session and to recall the debate of its "
        "sixty-seventh session;")


def test_the_precedent_joins_the_recall_chain_and_the_and_moves(proposal) -> None:
    assert text(proposal, "PP16").startswith(
        "Recalling its resolutions 55/56 of 1 December 2000, ")
    assert ("65/137 of 16 December 2010, 66/252 of 25 January 2012, 67/135 of 18 December 2012 and 68/128 of "
            "18 December 2013, in which it called for") in text(proposal, "PP16")


def test_previous_resolution_is_read_from_the_recall_chain() -> None:
    assert previous_resolution(small()) == "67/135"


def test_reference_to_the_previous_resolution_now_names_the_precedent(proposal) -> None:
    assert "submitted pursuant to General Assembly resolution 68/128, and congratulates" in text(proposal, "OP7")


def test_reporting_years_move_on_but_plans_stay(proposal) -> None:
    assert "observers during 2014 in fulfilling" in text(proposal, "OP8")
    assert text(proposal, "OP24").endswith("acting as host for 2014;")
    assert text(proposal, "OP21").endswith("early in 2014;")


def test_years_stay_where_the_facts_are_still_last_years(proposal) -> None:
    assert "review visits or missions in 2013" in text(proposal, "OP10")


def test_the_draft_metadata() -> None:
    draft = propose(small(), FACTS_2014).draft
    assert (draft.symbol, draft.session, draft.year, draft.adopted, draft.meeting, draft.draft, draft.vote) == \
        (None, 69, 2014, None, None, None, None)
    # The sixty-ninth session numbers its agenda afresh: the item is blank unless the facts say it.
    assert draft.agenda_item is None and draft.facts == FACTS_2014
    assert propose(small(), {**FACTS_2014, "agenda_item": "30"}).draft.agenda_item == "30"
    assert draft.source == "proposed by drafting from A/RES/68/128"


# ---------------------------------------------------------------------------- fact rules


def test_the_plenary_paragraph_names_the_new_plenary(proposal) -> None:
    assert text(proposal, "PP19") == ("Noting the outcomes of the twelfth plenary meeting of the Kimberley "
                                      "Process, hosted in Guangzhou by China from 11 to 14 November 2014,")


def test_chair_and_next_chair_change_and_the_null_vice_chair_is_a_visible_placeholder(proposal) -> None:
    assert text(proposal, "OP31") == (
        "Acknowledges with great appreciation the important contribution that China, as Chair of the "
        "Kimberley Process in 2014, has made to curbing the trade in conflict diamonds, and welcomes the "
        "selection of Angola as the Chair and [Vice-Chair for 2015: none given] as the Vice-Chair of the "
        "Process for 2015;")


def test_a_name_used_for_something_else_is_left_alone(proposal) -> None:
    assert text(proposal, "OP4") == TEXTS["OP4"]  # Angola at peace, not the Vice-Chair


def test_each_edit_is_logged_with_its_rule_in_reading_order(proposal) -> None:
    assert [(str(e.paragraph), e.rule) for e in proposal.edits] == [
        ("PP1", "calendar:recall-chain"),
        ("PP2", "fact:participants"), ("PP2", "fact:countries"), ("PP2", "fact:eu_members"),
        ("PP3", "fact:plenary_ordinal"), ("PP3", "fact:plenary_city"), ("PP3", "fact:plenary_host"),
        ("PP3", "fact:plenary_dates"),
        ("OP3", "calendar:previous-resolution"),
        ("OP4", "calendar:reporting-year"),
        ("OP5", "fact:review_visits"),
        ("OP7", "calendar:reporting-year"),
        ("OP8", "fact:chair"), ("OP8", "fact:next_chair"), ("OP8", "fact:next_vice_chair"),
        ("OP8", "calendar:reporting-year"),
        ("OP9", "calendar:session"), ("OP10", "calendar:session"),
    ]
    first = proposal.edits[4]
    assert (first.before, first.after) == (TEXTS["PP19"], TEXTS["PP19"].replace("eleventh", "twelfth"))
    edits = proposal.edits
    assert all(a.after == b.before for a, b in zip(edits, edits[1:]) if a.paragraph == b.paragraph)


def test_security_council_renewal_mandate_end_and_report_symbol() -> None:
    # S/RES/790 (1992) proposed with the facts of S/RES/830 (1993).
    undof = Resolution(
        symbol="S/RES/790 (1992)", body=Body.SC, year=1992, adopted=dt.date(1992, 11, 25),
        facts={"report_symbol": "S/24821", "mandate_period": "six months", "mandate_end": dt.date(1993, 5, 31)},
        preamble=(Paragraph("Having considered the report of the Secretary-General on the United Nations "
                            "Disengagement Observer Force (S/24821),"),),
        operative=(Paragraph("Decides:", items=(
            Paragraph("To call upon the parties concerned to implement immediately its resolution 338 (1973) "
                      "of 22 October 1973;"),
            Paragraph("To renew the mandate of the United Nations Disengagement Observer Force for another "
                      "period of six months, that is, until 31 May 1993;"))),))
    p = propose(undof, {"report_symbol": "S/25809", "mandate_period": "six months",
                        "mandate_end": dt.date(1993, 11, 30)})
    assert p.draft.preamble[0].text.endswith("Disengagement Observer Force (S/25809),")
    assert p.draft.get("OP1(b)").text.endswith("for another period of six months, that is, until 30 November 1993;")
    assert p.draft.get("OP1(a)").text == undof.get("OP1(a)").text  # a reference's date is history
    assert [(str(e.paragraph), e.rule) for e in p.edits] == [("PP1", "fact:report_symbol"),
                                                              ("OP1(b)", "fact:mandate_end")]
    assert (p.draft.symbol, p.draft.year, p.draft.session) == (None, None, None)


def test_security_council_recall_chain_takes_the_precedent() -> None:
    # S/RES/474 (1980) (UNIFIL); S/RES/483 (1980) recalls "... 467 (1980) and 474 (1980)".
    unifil = Resolution(
        symbol="S/RES/474 (1980)", body=Body.SC, year=1980, adopted=dt.date(1980, 6, 17),
        facts={"previous_resolution": "467 (1980)"},
        preamble=(Paragraph("Recalling its resolutions 425 (1978), 426 (1978), 427 (1978), 434 (1978), 444 (1979), "
                            "450 (1979), 459 (1979) and 467 (1980), as well as the statement by the President of "
                            "the Security Council of 18 April 1980,"),
                  Paragraph("Acting in accordance with paragraph 2 of its resolution 467 (1980),")),
        operative=(Paragraph("Requests the Secretary-General to report in accordance with resolution 467 (1980);"),))
    p = propose(unifil, {"previous_resolution": "474 (1980)"})
    assert p.draft.preamble[0].text.startswith(
        "Recalling its resolutions 425 (1978), 426 (1978), 427 (1978), 434 (1978), 444 (1979), 450 (1979), "
        "459 (1979), 467 (1980) and 474 (1980), as well as the statement")
    assert p.draft.preamble[1].text == unifil.preamble[1].text  # cites that text, not the series
    assert p.draft.operative[0].text == "Requests the Secretary-General to report in accordance with resolution 474 (1980);"


# ---------------------------------------------------------------------------- warnings


NULL_MESSAGE = ("{at} says “Angola” (the Vice-Chair for the coming year); the facts say there is none for 2014: "
                "the draft has a placeholder there: rewrite the sentence")


def test_null_fact_leaves_a_placeholder_and_flags_the_paragraph(proposal) -> None:
    assert Flag(at("OP31"), FlagKind.NULL_FACT, NULL_MESSAGE.format(at=at("OP31"))) in proposal.flags
    assert text(proposal, "OP31").endswith(
        "welcomes the selection of Angola as the Chair and [Vice-Chair for 2015: none given] as the Vice-Chair "
        "of the Process for 2015;")


def test_stale_paragraphs_say_why(proposal) -> None:
    stale = {str(f.paragraph): f.message for f in proposal.flags if f.kind is FlagKind.STALE}
    assert stale[str(at("OP3"))] == (
        f"{at('OP3')} still says “Mali”, “June 2013”, “written procedure” (the participants admitted), for which "
        "the facts give nothing for 2014: update or delete")
    assert stale[str(at("OP10"))] == (
        f"{at('OP10')} asks in brackets for the review visits (last time “Côte d'Ivoire, Liberia, the Russian "
        "Federation, Singapore, South Africa and Viet Nam”), which the facts do not give for 2014 and still speaks "
        "of 2013 (“2013”): update or delete")
    assert stale[str(at("PP18"))] == (
        f"{at('PP18')} asks in brackets for the number of participants (last time “54”); the number of countries "
        "taking part (last time “81”); the number of European Union member States (last time “28”), which the "
        "facts do not give for 2014: update or delete")
    assert set(stale) == {str(at(n)) for n in ("PP18", "OP3", "OP10")}


def test_a_fact_not_in_the_text_is_a_missing_fact_warning() -> None:
    p = propose(small({**FACTS_2013, "chair_report": {"symbol": "A/68/649"}}),
                {**FACTS_2014, "chair_report": {"symbol": "A/69/600"}})
    assert p.flags[0] == Flag(None, FlagKind.MISSING_FACT,
                              "The Chair's report: symbol (A/68/649) is in the facts of A/RES/68/128 but not in its "
                              "words: nothing to replace")


def test_a_fact_stated_in_several_places_is_ambiguous_and_says_where() -> None:
    p = propose(small({"member": "Liberia"}), {"member": "Guinea"})
    assert [f for f in p.flags if f.kind is FlagKind.AMBIGUOUS] == [Flag(
        at(n), FlagKind.AMBIGUOUS,
        f"“Liberia” (member) is in 2 places ({at('OP4')}, {at('OP10')}); each now says “Guinea”: "
        "check that every one speaks of it") for n in ("OP4", "OP10")]


def test_no_rule_knows_the_subject() -> None:
    for module in sorted((ROOT / "drafting" / "proposal").glob("*.py")):
        source = module.read_text().lower()
        assert "kimberley" not in source and "diamond" not in source, module


# ---------------------------------------------------------------------------- the real 2014 proposal

PRECEDENT = DIAMONDS
FACTS = EXAMPLES / "conflict-diamonds" / "2014.facts.yaml"


@pytest.fixture(scope="module")
def real():
    return propose(load(PRECEDENT), load_facts(FACTS))


def test_the_2014_proposal_shows_what_the_issue_asks(real) -> None:
    d = real.draft
    assert "at its seventieth session" in d.get("OP32").text
    assert "provisional agenda of its seventieth session" in d.get("OP33").text
    assert "67/135 of 18 December 2012 and 68/128 of 18 December 2013" in d.get("PP16").text
    assert "pursuant to General Assembly resolution 68/128" in d.get("OP7").text
    assert "twelfth plenary meeting of the Kimberley Process, hosted in Guangzhou by China from 11 to 14 " \
           "November 2014" in d.get("PP19").text
    assert "that China, as Chair of the Kimberley Process in 2014" in d.get("OP31").text
    assert "selection of Angola as the Chair" in d.get("OP31").text
    kinds = {(str(f.paragraph), f.kind) for f in real.flags}
    assert {("OP31", FlagKind.NULL_FACT), ("OP3", FlagKind.STALE), ("OP10", FlagKind.STALE)} <= kinds


def test_the_2014_proposal_golden(real) -> None:
    golden("propose-conflict-diamonds-2014", "draft.yaml", dumps(real.draft))
    golden("propose-conflict-diamonds-2014", "log.md", log_markdown(real))
    golden("propose-conflict-diamonds-2014", "log.json",
           json.dumps(log_data(real), ensure_ascii=False, indent=2) + "\n")


# ---------------------------------------------------------------------------- the command


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    precedent, facts = tmp_path / "2013.yaml", tmp_path / "2014.facts.yaml"
    save(small(), precedent)
    facts.write_text("plenary_ordinal: twelfth\nplenary_city: Guangzhou\nplenary_host: China\n"
                     "plenary_dates: 11 to 14 November 2014\nchair: China\nnext_chair: Angola\n"
                     "next_vice_chair: null\n", encoding="utf-8")
    return precedent, facts


def test_cli_writes_the_draft_and_prints_the_log(files, tmp_path: Path) -> None:
    precedent, facts = files
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(main, ["propose", str(precedent), "--facts", str(facts), "-o", str(out)])
    assert result.exit_code == 0, result.output
    expected = propose(load(precedent), load_facts(facts))
    assert result.stdout == log_markdown(expected)
    assert result.stderr == f"wrote {out}: 18 edits, 4 warnings for a person to look at\n"
    assert out.read_text(encoding="utf-8") == dumps(expected.draft)
    assert result.output.splitlines()[:3] == ["# Proposed draft from A/RES/68/128", "", "18 edits, 4 warnings."]
    assert "- **PP3** the city of the plenary (from the facts): …, hosted in ~~Johannesburg~~ **Guangzhou** by South Africa…" \
        in result.output


def test_cli_json_log_to_a_file(files, tmp_path: Path) -> None:
    precedent, facts = files
    log = tmp_path / "log.json"
    result = CliRunner().invoke(main, ["propose", str(precedent), "--facts", str(facts), "-o",
                                       str(tmp_path / "d.yaml"), "--log", str(log), "--format", "json"])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"wrote {tmp_path / 'd.yaml'} and {log}: 18 edits, 4 warnings for a person to look at\n"
    data = json.loads(log.read_text(encoding="utf-8"))
    assert list(data) == ["edits", "warnings"]
    assert data["edits"][0] == {"paragraph": "PP1", "rule": "calendar:recall-chain", "before": TEXTS["PP16"],
                                "after": TEXTS["PP16"].replace(  # 68/128 joins the chain; the "and" moves
                                    "66/252 of 25 January 2012 and 67/135 of 18 December 2012",
                                    "66/252 of 25 January 2012, 67/135 of 18 December 2012 and 68/128 of "
                                    "18 December 2013")}
    assert {"paragraph": "OP8", "kind": "null-fact", "message": NULL_MESSAGE.format(at="OP8")} in data["warnings"]
    assert set(data["warnings"][0]) == {"paragraph", "kind", "message"}


@pytest.mark.parametrize("facts_text, message", [
    ("chair: yes\n", "drafting: {facts}:1:8: chair: expected a string, number, date, list or null, found 'yes'; "
                     "quote it to keep it as text\n"),
    ("city: Guangzhou\n", "drafting: {facts}: expected some of the facts that A/RES/68/128 states (plenary_ordinal, "
                          "plenary_city, plenary_host, plenary_dates, chair, next_chair), found none of them; is "
                          "this the facts file of that series?\n"),
    ("review_visits: Liberia\n", "drafting: {facts}: review_visits: expected a list like the precedent's, found a "
                                 "single value\n"),
    ("", "drafting: {facts}: the facts file is empty: expected a mapping of fact names to values\n"),
])
def test_cli_bad_facts_file_is_one_line_exit_2_and_nothing_written(files, tmp_path: Path, facts_text: str,
                                                                    message: str) -> None:
    precedent, _ = files
    facts = tmp_path / "bad.facts.yaml"
    facts.write_text(facts_text, encoding="utf-8")
    out, log = tmp_path / "draft.yaml", tmp_path / "log.md"
    result = CliRunner().invoke(main, ["propose", str(precedent), "--facts", str(facts), "-o", str(out),
                                       "--log", str(log)])
    assert (result.exit_code, result.output) == (2, message.format(facts=facts))
    assert not out.exists() and not log.exists()


def test_cli_missing_facts_file(files, tmp_path: Path) -> None:
    precedent, _ = files
    result = CliRunner().invoke(main, ["propose", str(precedent), "--facts", str(tmp_path / "none.yaml"),
                                       "-o", str(tmp_path / "d.yaml")])
    assert (result.exit_code, result.output) == (2, f"drafting: {tmp_path / 'none.yaml'}: no such file\n")
    assert not (tmp_path / "d.yaml").exists()


def test_cli_docx_shows_the_proposal_as_tracked_changes(files, tmp_path: Path) -> None:
    import zipfile

    precedent, facts = files
    out = tmp_path / "draft.docx"
    result = CliRunner().invoke(main, ["propose", str(precedent), "--facts", str(facts), "-o",
                                       str(tmp_path / "d.yaml"), "--docx", str(out), "--log", str(tmp_path / "l.md")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(out) as z:
        body = z.read("word/document.xml").decode("utf-8")
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "<w:ins " in body and "<w:del " in body and "Guangzhou" in body
    assert "rewrite the sentence" in comments
    # the facts' edits as Word revisions: the old city deleted, the new one inserted
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(body.encode("utf-8"))
    deleted = ["".join(t.text or "" for t in d.iter(f"{w}delText")) for d in root.iter(f"{w}del")]
    inserted = ["".join(t.text or "" for t in i.iter(f"{w}t")) for i in root.iter(f"{w}ins")]
    assert "Johannesburg" in deleted and "Guangzhou" in inserted
    assert "eleventh" in deleted and "twelfth" in inserted
    note = "".join(etree.fromstring(comments.encode("utf-8")).itertext())
    assert NULL_MESSAGE.format(at="OP8") in note
    assert "[Vice-Chair for 2015: none given]" in "".join(inserted)


def test_words_claimed_equally_by_two_facts_with_different_new_values_are_left() -> None:
    r = Resolution(symbol="A/RES/68/128", session=68, year=2013, facts={"chair": "South Africa", "host": "South Africa"},
                   operative=(Paragraph(TEXTS["OP10"]),))
    p = propose(r, {"chair": "China", "host": "Namibia"})
    assert p.draft.operative[0].text == TEXTS["OP10"].replace("in 2013", "in 2014")
    assert [f.message for f in p.flags if f.kind is FlagKind.AMBIGUOUS] == [
        "OP1 says “South Africa”, which may be the Chair of the year or host; their new values differ, so it was "
        "left as it was: choose",
        "OP1 says “South Africa”, which may be host or the Chair of the year; their new values differ, so it was "
        "left as it was: choose"]


def test_a_fact_the_precedent_never_stated_is_reported() -> None:
    p = propose(small({"chair": "South Africa"}), {"chair": "China", "plenary_city": "Guangzhou"})
    assert p.flags[0] == Flag(None, FlagKind.MISSING_FACT,
                              "The facts give the city of the plenary (Guangzhou), which A/RES/68/128 never states: "
                              "no paragraph was updated; add it where it belongs")


@settings(max_examples=30, deadline=None)
@given(st.sets(st.sampled_from(sorted(FACTS_2013))))
def test_the_same_facts_again_change_no_fact_and_the_log_rebuilds_the_draft(keys: set[str]) -> None:
    facts = {k: FACTS_2013[k] for k in sorted(keys)}
    p = propose(small(facts), facts)
    assert not [e for e in p.edits if e.rule.startswith("fact:")]
    assert not [f for f in p.flags if f.kind in (FlagKind.NULL_FACT, FlagKind.AMBIGUOUS)]
    texts = {a: par.text for a, par in p.precedent.walk()}
    for e in p.edits:
        assert e.before == texts[e.paragraph]
        texts[e.paragraph] = e.after
    assert texts == {a: par.text for a, par in p.draft.walk()}


def test_a_text_with_nothing_to_update_says_so() -> None:
    r = Resolution(symbol="S/RES/350 (1974)", body=Body.SC, year=1974, operative=(
        Paragraph("Requests the Secretary-General to keep the Security Council fully informed of further "
                  "developments."),))
    p = propose(r, {})
    assert (p.edits, p.flags) == ((), ())
    assert log_markdown(p) == ("# Proposed draft from S/RES/350 (1974)\n\n0 edits, 0 warnings.\n\n## Edits\n\n"
                               "- none\n\n## Warnings\n\n- none\n")


def test_a_chain_that_writes_the_year_once_keeps_that_style() -> None:
    # S/RES/434 (1978) recalls "... 426 (1978) of 19 March and 427 (1978) of 3 May 1978";
    # S/RES/444 (1979), the next renewal, recalls "... 427 (1978) of 3 May and 434 (1978) of 18 September 1978".
    r = Resolution(symbol="S/RES/434 (1978)", body=Body.SC, year=1978, adopted=dt.date(1978, 9, 18),
                   facts={"previous_resolution": "427 (1978)"},
                   preamble=(Paragraph("Recalling its resolutions 425 (1978) and 426 (1978) of 19 March and "
                                       "427 (1978) of 3 May 1978,"),))
    assert propose(r, {}).draft.preamble[0].text == (
        "Recalling its resolutions 425 (1978) and 426 (1978) of 19 March, 427 (1978) of 3 May and 434 (1978) "
        "of 18 September 1978,")


def test_a_chain_read_only_in_part_is_left_alone() -> None:
    r = Resolution(symbol="S/RES/434 (1978)", body=Body.SC, year=1978, adopted=dt.date(1978, 9, 18),
                   facts={"previous_resolution": "426 (1978)"},
                   preamble=(Paragraph("Recalling its resolutions 425 (1978) and 426 (1978) of 19th March, 427 "
                                       "(1978),"),))
    p = propose(r, {})
    assert p.draft.preamble == r.preamble and p.edits == ()


def test_the_council_example_proposes_the_november_1993_undof_renewal() -> None:
    # examples/undof/0887.facts.yaml holds what S/RES/887 (1993) states; proposed from 830 (1993),
    # the preamble and the renewal come out as the Council adopted them.
    precedent = load(ROOT / "precedents" / "undof" / "0830.yaml")
    proposal = propose(precedent, load_facts(EXAMPLES / "undof" / "0887.facts.yaml"))
    assert proposal.draft.get("PP1").text == (
        "Having considered the report of the Secretary-General of 22 November 1993 on the United "
        "Nations Disengagement Observer Force,")
    assert proposal.draft.get("OP1(b)").text == (
        "To renew the mandate of the United Nations Disengagement Observer Force for another period "
        "of six months, that is, until 31 May 1994;")
    assert [(str(e.paragraph), e.rule) for e in proposal.edits] == [
        ("PP1", "fact:report_symbol"), ("PP1", "fact:report_date"), ("OP1(b)", "fact:mandate_end")]
    # the date was placed where the rules judge a report is dated: one warning asks a person to confirm it
    assert [f.message for f in proposal.flags] == [
        "PP1 now dates the report (22 November 1993), which the precedent did not: check that this is the report "
        "the text cites and that the date stands where it should"]


def test_a_text_without_facts_block_has_its_old_values_read_from_its_words() -> None:
    # An unseen series as a drafter gets it: S/RES/671 (1990) (UNIIMOG) just imported, no facts
    # block; the facts of the next renewal, S/RES/676 (1990), from its report and decision.
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r671 = import_file(UNSC / "S_RES_0671_1990_EN_GOLD.txt")
    assert r671.facts == {}
    proposal = propose(r671, {"report_date": dt.date(1990, 11, 23), "mandate_period": "two months",
                              "mandate_end": dt.date(1991, 1, 31)})
    assert proposal.draft.get("OP1").text == (
        "Decides to extend the mandate of the United Nations Iran-Iraq Military Observer Group for a further "
        "period of two months, that is, until 31 January 1991, as recommended by the Secretary-General;")
    assert "Observer Group of 23 November 1990," in proposal.draft.get("PP2").text
    assert [(f.paragraph, f.kind.value, f.message) for f in proposal.flags if f.paragraph is None] == [
        (None, "unconfirmed", "S/RES/671 (1990) records no value for 3 of the facts given, so the old values were "
         "read from its words (the date of the Secretary-General's report: 21 September 1990, in PP2 (“Nations "
         "Iran-Iraq Military Observer Group of 21 September 1990”); the period of the renewal: two months, in OP1 "
         "(“period of two months”); the end of the mandate: 30 November 1990, in OP1 (“of two months, that is, "
         "until 30 November 1990”)): check the edits made from them")]
    # The Council's chain, with dates, ends with the renewal before: the precedent joins it.
    assert proposal.draft.get("PP1").text == (
        "Recalling its resolutions 598 (1987) of 20 July 1987, 619 (1988) of 9 August 1988, 631 (1989) of "
        "8 February 1989, 642 (1989) of 29 September 1989, 651 (1990) of 29 March 1990 and 671 (1990) of "
        "27 September 1990,")
    # "during November" was the month of the old end: S/RES/676 reads "during January 1991".
    assert [f.message for f in proposal.flags if str(f.paragraph) == "OP2"] == [
        "OP2 still names “November”, the month one of last time's dates fell in: update or delete"]


def test_a_council_chain_without_dates_names_no_previous_renewal() -> None:
    # S/RES/529 (1983) (UNIFIL) recalls 508 (1982) and 509 (1982), texts on Lebanon, not its last
    # renewal: nothing is appended to them.
    from drafting.store import load

    r529 = load(ROOT / "precedents/unifil/0529.yaml")
    assert r529.get("PP2").text == "Recalling further its resolutions 508 (1982) and 509 (1982),"
    assert propose(r529, {}).draft.get("PP2").text == r529.get("PP2").text


def test_an_event_dated_anew_keeps_its_old_place_flagged() -> None:
    # UNAVEM II, S/RES/851 (1993) to 864 (1993), facts as the report and the decision give them. The
    # observer States' joint statement of 8 July 1993 was issued in Moscow, the next one in Lisbon.
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r851 = import_file(UNSC / "S_RES_0851_1993_EN_GOLD.txt")
    facts = {"report_date": [dt.date(1993, 9, 13), dt.date(1993, 9, 14)], "statement_date": dt.date(1993, 9, 10),
             "mandate_period": "three months", "mandate_end": dt.date(1993, 12, 15)}
    proposal = propose(r851, facts)
    assert proposal.draft.get("OP1").text == (
        "Welcomes the further report of the Secretary-General of 13 and 14 September 1993, and decides to extend "
        "the existing mandate of the United Nations Angola Verification Mission II for a period of three months, "
        "until 15 December 1993;")
    messages = {str(f.paragraph): [] for f in proposal.flags}
    for f in proposal.flags:
        messages[str(f.paragraph)].append(f.message)
    assert messages["PP5"] == ["PP5 now gives the date of the statement cited as 10 September 1993 but still places "
                               "it “in Moscow”: check where this one took place"]
    # The report's new dates, a list, are this period's: no "still speaks of 1993" for them.
    assert not any("still speaks" in m for m in messages["PP2"] + messages["OP1"])
    # The warning both paragraphs carry is read once in the log.
    log = proposal.to_markdown()
    assert log.count("is in 2 places (OP1, PP2)") == 1


def test_a_document_named_by_its_symbol_is_not_dated_with_the_new_report() -> None:
    # S/RES/619 (1988) approves "the report of the Secretary-General contained in document S/20093";
    # the next text's report is of 2 February 1989: dating S/20093 with it would name no real document.
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r619 = import_file(UNSC / "S_RES_0619_1988_EN_GOLD.txt")
    proposal = propose(r619, {"report_date": dt.date(1989, 2, 2), "mandate_period": "six months"})
    assert proposal.draft.get("OP1").text == r619.get("OP1").text
    assert ("The facts give the date of the Secretary-General's report (2 February 1989), which S/RES/619 (1988) "
            "never states: no paragraph was updated; add it where it belongs") in [f.message for f in proposal.flags]


def test_a_month_and_year_of_the_old_end_is_flagged() -> None:
    # UNIIMOG S/RES/676 (1990) OP2 "submit, during January 1991, a report": the mandate ended on
    # 31 January 1991; the next renewal (S/RES/685 (1991)) runs to 28 February and reads "during February 1991".
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r676 = import_file(UNSC / "S_RES_0676_1990_EN_GOLD.txt")
    proposal = propose(r676, {"report_date": dt.date(1991, 1, 28), "mandate_period": "one month",
                              "mandate_end": dt.date(1991, 2, 28)})
    assert "until 28 February 1991" in proposal.draft.get("OP1").text
    assert [f.message for f in proposal.flags if str(f.paragraph) == "OP2"] == [
        "OP2 still names “January 1991”, the month one of last time's dates fell in: update or delete"]
