"""Propose reads its draft back: what it could not confirm, it flags in words a drafting officer reads."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from drafting.errors import FactsError
from drafting.model import Body, FlagKind, Paragraph, Resolution
from drafting.model.grammar import (format_date_list, parse_date_list, parse_loose_date, parse_loose_range)
from drafting.proposal.engine import propose
from drafting.proposal.extract import extract, extract_with_origins

D = dt.date


# ---------------------------------------------------------------------------- lists of dates (grammar)


@pytest.mark.parametrize("text, days", [
    ("31 May and 13 June 1990", [D(1990, 5, 31), D(1990, 6, 13)]),
    ("11 and 12 June 1986", [D(1986, 6, 11), D(1986, 6, 12)]),
    ("3, 5 and 9 May 1990", [D(1990, 5, 3), D(1990, 5, 5), D(1990, 5, 9)]),
    ("30 November and 11 December 1985", [D(1985, 11, 30), D(1985, 12, 11)]),
    ("31 May and 11 and 12 June 1986", [D(1986, 5, 31), D(1986, 6, 11), D(1986, 6, 12)]),
    ("7 and 30 May and 11 June 1979", [D(1979, 5, 7), D(1979, 5, 30), D(1979, 6, 11)]),
    ("18 December 2013", [D(2013, 12, 18)]),
])
def test_a_list_of_dates_reads_and_writes_the_un_way(text: str, days: list[dt.date]) -> None:
    assert parse_date_list(text) == days
    assert format_date_list(days) == text


@pytest.mark.parametrize("text", ["31 June and 1 July 1990", "13 June and 31 May 1990", "June 1990", "31 May"])
def test_not_a_list_of_dates(text: str) -> None:
    assert parse_date_list(text) is None


@given(st.lists(st.dates(min_value=D(1946, 1, 1), max_value=D(2030, 12, 31)), min_size=1, max_size=4)
       .map(lambda ds: sorted({d.replace(year=ds[0].year) for d in ds if not (d.month == 2 and d.day == 29)})))
def test_date_lists_round_trip(days: list[dt.date]) -> None:
    if days:
        assert parse_date_list(format_date_list(days)) == days


def test_dates_as_communiques_write_them() -> None:
    assert parse_loose_range("Nov. 16-20, 2015") == (D(2015, 11, 16), D(2015, 11, 20))
    assert parse_loose_range("19th to 22nd November 2013") == (D(2013, 11, 19), D(2013, 11, 22))
    assert parse_loose_range("30 September to 4 October 2013") == (D(2013, 9, 30), D(2013, 10, 4))
    assert parse_loose_range("20-16 November 2015") is None
    assert parse_loose_date("May 31, 1999") == D(1999, 5, 31) and parse_loose_date("31 Mai 1999") is None


# ---------------------------------------------------------------------------- facts by role


def council(*operative: str, preamble: tuple[str, ...] = (), facts: dict | None = None,
            adopted: dt.date = D(1989, 12, 15)) -> Resolution:
    return Resolution(symbol="S/RES/646 (1989)", body=Body.SC, year=adopted.year, adopted=adopted,
                      facts=facts or {}, preamble=tuple(Paragraph(p) for p in preamble),
                      operative=tuple(Paragraph(p) for p in operative))


def test_extract_names_dates_by_role_not_by_position() -> None:
    r = council("Extends the stationing of the Force for a further period ending 15 June 1990;",
                "Requests the Secretary-General to submit a report by 1 June 1990;",
                preamble=("Noting the reports of the Secretary-General of 31 May and 13 June 1989 and of "
                          "7 December 1989,",))
    facts, origins = extract_with_origins(r)
    assert facts == {"report_date": D(1989, 12, 7), "earlier_report_date": [D(1989, 5, 31), D(1989, 6, 13)],
                     "mandate_end": D(1990, 6, 15), "report_due": D(1990, 6, 1)}
    assert (str(origins["mandate_end"].paragraph), origins["mandate_end"].words) == (
        "OP1", "Force for a further period ending 15 June 1990")


def test_a_paragraph_gaining_a_date_does_not_shift_the_others() -> None:
    before = council("Requests the Secretary-General to submit a report by 1 June 1990;")
    after = council("Requests the Secretary-General to submit a report by 1 June 1990;",
                    preamble=("Taking note of the letter of 2 December 1989,",))
    assert extract(before)["report_due"] == extract(after)["report_due"] == D(1990, 6, 1)


# ---------------------------------------------------------------------------- read-back


REPORTS = "Noting the reports of the Secretary-General of 30 November and 11 December 1985,"


def test_a_citation_of_several_dates_is_rewritten_whole() -> None:
    r = council("Decides to extend the stationing of the Force;", preamble=(REPORTS,),
                facts={"report_date": [D(1985, 11, 30), D(1985, 12, 11)]}, adopted=D(1985, 12, 12))
    p = propose(r, {"report_date": [D(1986, 5, 31), D(1986, 6, 11), D(1986, 6, 12)]})
    assert p.draft.get("PP1").text == "Noting the reports of the Secretary-General of 31 May and 11 and 12 June 1986,"
    assert not [f for f in p.flags if f.kind is FlagKind.UNCONFIRMED]


def test_a_citation_rewritten_in_part_is_flagged() -> None:
    r = council("Decides to extend the stationing of the Force;", preamble=(REPORTS,),
                facts={"report_date": D(1985, 12, 11)}, adopted=D(1985, 12, 12))
    p = propose(r, {"report_date": D(1986, 6, 12)})
    assert p.draft.get("PP1").text == "Noting the reports of the Secretary-General of 30 November and 12 June 1986,"
    assert [f.message for f in p.flags if f.kind is FlagKind.UNCONFIRMED] == [
        "PP1 now cites “30 November and 12 June 1986”, part new and part old: write the dates of the documents "
        "this text cites"]


def test_a_document_of_the_precedents_year_left_as_it_was_is_flagged() -> None:
    r = Resolution(symbol="A/RES/68/128", year=2013, session=68, facts={"chair": "South Africa"}, operative=(
        Paragraph("Welcomes Security Council resolution 2101 (2013) of 25 April 2013, and South Africa's work;"),))
    p = propose(r, {"chair": "China"})
    assert [(str(f.paragraph), f.kind, f.message) for f in p.flags if f.kind is FlagKind.OLD_CITATION] == [
        ("OP1", FlagKind.OLD_CITATION, "OP1 cites Security Council resolution 2101 (2013): check for a later one")]


def test_a_weekday_left_beside_a_new_date_is_flagged() -> None:
    r = council("Takes note of the meeting held on Monday, 1 December 1980;",
                facts={"meeting_date": D(1980, 12, 1)}, adopted=D(1980, 12, 17))
    p = propose(r, {"meeting_date": D(1981, 3, 19)})
    assert p.draft.get("OP1").text == "Takes note of the meeting held on Monday, 19 March 1981;"
    assert "OP1 says “Monday, 19 March 1981”, but 19 March 1981 is a Thursday: correct the day or the date" in [
        f.message for f in p.flags]


def test_an_earlier_document_is_history_and_not_rewritten() -> None:
    r = council("Recalls the report of the Secretariat team of 28 January 1991;",
                facts={"earlier_report_date": D(1991, 1, 28)}, adopted=D(1991, 7, 31))
    p = propose(r, {"earlier_report_date": D(1991, 1, 22)})
    assert p.draft.get("OP1").text == r.get("OP1").text
    assert [f.kind for f in p.flags] == [FlagKind.AMBIGUOUS, FlagKind.STALE]


# ---------------------------------------------------------------------------- the facts, checked in propose itself


def test_a_mistyped_key_gets_a_did_you_mean() -> None:
    r = council("Decides to renew the mandate for a period of six months, that is, until 31 May 1990;",
                facts={"mandate_period": "six months", "mandate_end": D(1990, 5, 31)})
    p = propose(r, {"mandate_period": "six months", "mandate_ende": D(1990, 11, 30)})
    assert [f.message for f in p.flags if f.kind is FlagKind.UNKNOWN_FACT] == [
        "The facts give mandate_ende (30 November 1990), a name S/RES/646 (1989) does not use: did you mean "
        "mandate_end? Nothing was written for it"]


def test_python_callers_get_the_same_checks_as_the_command() -> None:
    r = Resolution(symbol="A/RES/68/128", year=2013, session=68, facts={"chair": "South Africa", "next_chair": "China"},
                   operative=(Paragraph("Welcomes South Africa and China;"),))
    with pytest.raises(FactsError, match=r"^the facts: next_chair: expected a single value like the precedent's, "
                                         r"found a list$"):
        propose(r, {"chair": "China", "next_chair": ["Angola", "Angola"]})
    with pytest.raises(FactsError, match="is this the facts file of that series"):
        propose(r, {"mandate_end": D(2014, 1, 1)})


@given(st.dates(min_value=D(1946, 1, 1), max_value=D(2030, 12, 31)), st.integers(min_value=0, max_value=40))
def test_ranges_as_the_un_writes_them_read_back(start: dt.date, days: int) -> None:
    from drafting.proposal.facts import format_range

    end = start + dt.timedelta(days=days)
    if end.year == start.year:  # across years a range is written as two full dates
        assert parse_loose_range(format_range(start, end)) == (start, end)


def test_facts_commands_refuse_a_missing_precedent_in_one_line(tmp_path) -> None:
    from click.testing import CliRunner

    from drafting.cli import main

    for command in (["facts", "next"], ["facts", "extract"]):
        result = CliRunner().invoke(main, [*command, str(tmp_path / "nowhere.yaml")])
        assert result.exit_code == 2 and "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) == 1


def test_an_assembly_resolution_of_the_same_session_is_an_old_citation_too() -> None:
    r = Resolution(symbol="A/RES/68/128", year=2013, session=68, facts={"chair": "South Africa"}, operative=(
        Paragraph("Takes note of General Assembly resolution 68/9 and the report of South Africa (A/68/649);"),))
    p = propose(r, {"chair": "China"})
    assert [f.message for f in p.flags if f.kind is FlagKind.OLD_CITATION] == [
        "OP1 cites A/68/649, a document of 2013: check for a later one",
        "OP1 cites General Assembly resolution 68/9, a document of 2013: check for a later one"]


def test_a_deadline_on_the_day_the_mandate_ends_is_no_mandate_end() -> None:
    # S/RES/851 (1993): the mandate ran "until 15 September 1993" and the Council would act "unless by
    # 15 September 1993 the Secretary-General has reported ...": only the first is the end of the mandate.
    r = council("Decides to extend the mandate of the Mission until 15 September 1993;",
                "Expresses its readiness to act unless by 15 September 1993 the Secretary-General has reported;",
                facts={"mandate_end": D(1993, 9, 15)}, adopted=D(1993, 7, 15))
    p = propose(r, {"mandate_end": D(1993, 12, 15)})
    assert p.draft.get("OP1").text == "Decides to extend the mandate of the Mission until 15 December 1993;"
    assert p.draft.get("OP2").text == r.get("OP2").text
    assert [(str(f.paragraph), f.message) for f in p.flags] == [
        ("OP2", "OP2 still speaks of 1993 (“15 September 1993”): update or delete")]
    # where nothing nearby speaks of the mandate either way, the role decides and says so
    r2 = council("Decides to extend the mandate until 15 September 1993;",
                 "Decides to act on the mandate unless by 15 September 1993 the report is in;",
                 facts={"mandate_end": D(1993, 9, 15)}, adopted=D(1993, 7, 15))
    p2 = propose(r2, {"mandate_end": D(1993, 12, 15)})
    assert p2.draft.get("OP2").text == r2.get("OP2").text
    assert ("OP2", "OP2 says “15 September 1993”, the day of the end of the mandate, but not as the end of the "
                   "mandate: left as it was; check whether it moves too") in [
        (str(f.paragraph), f.message) for f in p2.flags]


def test_the_old_reports_corrigenda_after_a_new_symbol_are_flagged() -> None:
    # UNEF S/RES/368 (1975) PP2 "... the United Nations Emergency Force (S/11670 and Corr.1 and 2), ...";
    # S/RES/371 (1975) cites the new report as "(S/11758)": the corrigenda were the old report's.
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r368 = import_file(UNSC / "S_RES_0368_1975_EN_GOLD.txt")
    proposal = propose(r368, {"report_symbol": "S/11758", "mandate_period": "three months",
                              "mandate_end": dt.date(1975, 10, 24)})
    assert "Emergency Force (S/11758 and Corr.1 and 2)" in proposal.draft.get("PP2").text
    assert [f.message for f in proposal.flags if f.kind is FlagKind.UNCONFIRMED and f.paragraph is not None] == [
        "PP2 now cites S/11758 followed by “and Corr.1 and 2”, the corrigenda or addenda of the old document "
        "(S/11670): cut them unless the new one has them too"]
