"""Renewal rules of propose on real UNDOF and UNIFIL texts: the adopted next text is the expectation."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import PRECEDENTS

from drafting.model import Body, Flag, FlagKind, Paragraph, Resolution
from drafting.proposal.engine import propose
from drafting.proposal.renewal import add_months, next_mandate_end, period_months
from drafting.store import load


def series(name: str, number: str) -> Resolution:
    return load(PRECEDENTS / name / f"{number}.yaml")


# ---------------------------------------------------------------------------- mandate period


def test_period_words_and_month_arithmetic() -> None:
    assert [period_months(p) for p in ("six months", "three months", "one year", "12 months", "a year",
                                       "six months and twelve days", None)] == [6, 3, 12, 12, 12, None, None]
    # A month end stays a month end: UNDOF runs to 31 May, then 30 November, then 31 May.
    assert add_months(dt.date(1980, 5, 31), 6) == dt.date(1980, 11, 30)
    assert add_months(dt.date(1980, 11, 30), 6) == dt.date(1981, 5, 31)
    assert add_months(dt.date(1984, 4, 19), 6) == dt.date(1984, 10, 19)  # UNIFIL: the 19th stays the 19th
    assert add_months(dt.date(1986, 4, 19), 3) == dt.date(1986, 7, 19)
    assert next_mandate_end({"mandate_end": dt.date(1986, 4, 19), "mandate_period": "six months"},
                            {"mandate_period": "three months"}) == dt.date(1986, 7, 19)


@pytest.mark.parametrize("old, new", [("0456", "0470"), ("0470", "0481"), ("0790", "0830")])
def test_the_mandate_end_follows_from_the_period_without_a_facts_file(old: str, new: str) -> None:
    precedent, adopted = series("undof", old), series("undof", new)
    p = propose(precedent, {})  # no facts: the calendar alone
    assert p.draft.get("OP1(b)").text.split("until ")[1] == adopted.get("OP1(b)").text.split("until ")[1]
    assert [(str(e.paragraph), e.rule) for e in p.edits if e.rule != "fact:report_symbol"] == [
        ("OP1(b)", "calendar:mandate-end")]
    # the new report's symbol is not known without facts: the draft asks for it, keeping last time's
    assert all("[Symbol of the Secretary-General's report: not known; last time S/" in e.after
               for e in p.edits if e.rule == "fact:report_symbol")
    assert p.draft.facts["mandate_end"] == adopted.facts["mandate_end"]
    assert Flag([e for e in p.edits if e.rule == "calendar:mandate-end"][0].paragraph,
                FlagKind.MISSING_FACT,
                f"OP1(b) now says {adopted.get('OP1(b)').text.split('until ')[1].rstrip(';,')} for the end of the "
                "mandate, worked out from the old end and the period because the facts do not give it: check it "
                "against the decision") in p.flags


def test_a_stated_end_date_wins_over_the_calendar() -> None:
    # S/RES/594 (1987) ran "six months and twelve days", to 31 July 1987: the facts say so.
    p = propose(series("unifil", "0586"), {"mandate_end": dt.date(1987, 7, 31)})
    assert p.draft.operative[0].text.endswith("that is, until 31 July 1987;")
    # the end is not six months on: the period is not assumed, the draft asks for it
    assert [e.rule for e in p.edits if "mandate" in e.rule] == ["fact:mandate_period", "fact:mandate_end"]
    assert "for a further interim period of [Period of the renewal: not known; last time six months], that is" \
        in p.draft.operative[0].text


def test_a_renewal_without_an_end_date_gets_one_where_renewals_state_it() -> None:
    # S/RES/390 (1976) renewed "for another period of six months;"; S/RES/398 added ", that is, until 31 May 1977".
    precedent, adopted = series("undof", "0390"), series("undof", "0398")
    p = propose(precedent, adopted.facts)
    assert p.draft.get("OP1(b)").text == adopted.get("OP1(b)").text
    assert not [f for f in p.flags if "mandate_end" in f.message]  # stated, so no "add it where it belongs"


def test_the_establishing_text_gets_no_end_date() -> None:
    # S/RES/350 (1974) set the force up "for an initial period of six months, subject to renewal ...":
    # the period phrase is not at the end of a renewal, so the date is left to a person.
    p = propose(series("undof", "0350"), {"mandate_end": dt.date(1974, 11, 30)})
    assert not [e for e in p.edits if e.rule == "fact:mandate_end"]
    assert any(f.kind is FlagKind.MISSING_FACT and f.message.startswith("The facts give the end of the mandate") for f in p.flags)


# ---------------------------------------------------------------------------- documents cited


@pytest.mark.parametrize("old, new, rules", [
    ("0722", "0756", ["fact:report_date"]),  # the report is now cited by its date
    ("0756", "0790", ["fact:report_date", "fact:report_symbol"]),  # by its symbol, not its date
    ("0830", "0887", ["fact:report_symbol", "fact:report_date"]),  # by its date, not its symbol
])
def test_the_report_is_named_as_the_new_facts_name_it(old: str, new: str, rules: list[str]) -> None:
    precedent, adopted = series("undof", old), series("undof", new)
    p = propose(precedent, adopted.facts)
    assert p.draft.preamble[0].text == adopted.preamble[0].text
    assert [e.rule for e in p.edits if str(e.paragraph) == "PP1"] == rules


def test_old_symbols_go_when_the_new_facts_give_the_documents_by_date() -> None:
    # S/RES/803 (1993) cites the report "(S/25150 and Add.1)" and the letter "(S/25125)"; S/RES/852
    # cites both by date only.
    precedent, adopted = series("unifil", "0803"), series("unifil", "0852")
    p = propose(precedent, adopted.facts)
    assert p.draft.preamble[2].text == adopted.preamble[2].text
    assert p.draft.preamble[1].text == adopted.preamble[1].text.replace("1993, and", "1993 and")
    assert not [f for f in p.flags if f.kind is FlagKind.STALE]


def test_a_symbol_the_text_lacks_goes_after_the_documents_phrase() -> None:
    # S/RES/734 (1992) -> 768: the letter is cited with its symbol at the end of its phrase.
    precedent, adopted = series("unifil", "0734"), series("unifil", "0768")
    p = propose(precedent, adopted.facts)
    letter = p.draft.preamble[3].text
    assert letter.endswith("addressed to the Secretary-General (S/24293),")
    assert "dated 15 July 1992" in letter


def test_two_facts_with_one_old_value_are_told_apart_by_their_document() -> None:
    # S/RES/549 (1984) dates both the report and the letter 9 April 1984; S/RES/555 dates them
    # 9 and 8 October 1984. The nearest document noun before each date says which is which.
    precedent, adopted = series("unifil", "0549"), series("unifil", "0555")
    p = propose(precedent, adopted.facts)
    assert p.draft.preamble[1].text.endswith("Lebanon of 9 October 1984 and taking note of the observations "
                                             "expressed therein,")
    assert p.draft.preamble[2].text.endswith("to the Secretary-General of 8 October 1984,")
    assert not [f for f in p.flags if f.kind is FlagKind.AMBIGUOUS]


def test_a_document_named_twice_gets_no_guess() -> None:
    r = Resolution(symbol="S/RES/1 (1990)", body=Body.SC, year=1990, facts={"mandate_period": "six months"},
                   preamble=(Paragraph("Having considered the report of the Secretary-General on the Force,"),
                             Paragraph("Noting the report of the Secretary-General on the Mission,")))
    p = propose(r, {"report_date": dt.date(1990, 6, 1)})
    assert p.draft.preamble == r.preamble
    assert Flag(None, FlagKind.MISSING_FACT, "The facts give the date of the Secretary-General's report (1 June 1990), "
                                             "which S/RES/1 (1990) never states: no paragraph was updated; add it "
                                             "where it belongs") in p.flags


# ---------------------------------------------------------------------------- editorial


def test_a_sub_paragraph_before_the_last_ends_with_a_semicolon() -> None:
    # The copy of S/RES/584 (1986) ends (a) with "." and (b) with ":"; S/RES/590 has ";" for both.
    precedent, adopted = series("undof", "0584"), series("undof", "0590")
    p = propose(precedent, adopted.facts)
    assert [p.draft.get(a).text for a in ("OP1(a)", "OP1(b)", "OP1(c)")] == \
        [adopted.get(a).text for a in ("OP1(a)", "OP1(b)", "OP1(c)")]
    assert [(str(e.paragraph), e.rule) for e in p.edits] == [
        ("OP1(a)", "editorial:closing-mark"), ("OP1(b)", "editorial:closing-mark"), ("OP1(b)", "fact:mandate_end")]


def test_the_last_sub_paragraph_and_list_lead_ins_keep_their_marks() -> None:
    r = Resolution(symbol="S/RES/2 (1990)", body=Body.SC, year=1990, operative=(
        Paragraph("Decides:", items=(Paragraph("to renew the mandate,"), Paragraph("Requests:", items=(
            Paragraph("a report;"), Paragraph("a plan."))), Paragraph("to remain seized."))),))
    p = propose(r, {})
    assert [(str(e.paragraph), e.after) for e in p.edits] == [("OP1(a)", "to renew the mandate;")]


def test_a_report_named_without_symbol_gets_the_new_one_in_brackets() -> None:
    # S/RES/369 (1975) names "the report of the Secretary-General on the United Nations Disengagement
    # Observer Force" with neither date nor symbol; S/RES/363 (1974) gave it as "(S/11563)".
    r369 = series("undof", "0369")
    proposal = propose(r369, {**r369.facts, "report_symbol": "S/11883"})
    assert proposal.draft.get("PP1").text.startswith(
        "Having considered the report of the Secretary-General on the United Nations Disengagement Observer Force "
        "(S/11883),")
    assert [f.message for f in proposal.flags if f.kind is FlagKind.ADDED and str(f.paragraph) == "PP1"] == [
        "PP1 now gives the symbol of the report (S/11883), which the precedent did not: check that this is the "
        "report the text cites and that the symbol stands where it should"]
