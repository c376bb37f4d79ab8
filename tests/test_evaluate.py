"""evaluate: word-edit recall and precision of propose against the texts really adopted (UNDOF)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PRECEDENTS

from drafting.cli import main
from drafting.comparison.diff import tokenize
from drafting.proposal.evaluate import Mode, edit_words, evaluate_pair, evaluate_series, report_json
from drafting.model import Address, Body, Paragraph, Resolution
from drafting.store import load, save

CALL = "To call upon the parties concerned to implement immediately its resolution 338 (1973) of 22 October 1973;"
RENEW = ("To renew the mandate of the United Nations Disengagement Observer Force for another period of six "
         "months, that is, until {};")


def undof(number: int, year: int, adopted: dt.date, report: str, until: str, facts: dict,
          request: str = "development") -> Resolution:
    """A UNDOF renewal as the corpus gives S/RES/756, 790 and 830."""
    return Resolution(
        symbol=f"S/RES/{number} ({year})", body=Body.SC, year=year, adopted=adopted, facts=facts,
        preamble=(Paragraph(f"Having considered the report of the Secretary-General {report},"),),
        operative=(Paragraph("Decides:", items=(
            Paragraph(CALL), Paragraph(RENEW.format(until)),
            Paragraph(f"To request the Secretary-General to submit, at the end of this period, a report on the "
                      f"{request} in the situation and the measures taken to implement Security Council "
                      "resolution 338 (1973)."))),))


R756 = undof(756, 1992, dt.date(1992, 5, 29), "of 19 May 1992 on the United Nations Disengagement Observer Force",
             "30 November 1992", {"report_date": dt.date(1992, 5, 19), "mandate_period": "six months",
                                  "mandate_end": dt.date(1992, 11, 30)}, request="developments")
R790 = undof(790, 1992, dt.date(1992, 11, 25), "on the United Nations Disengagement Observer Force (S/24821)",
             "31 May 1993", {"report_symbol": "S/24821", "mandate_period": "six months",
                             "mandate_end": dt.date(1993, 5, 31)})
R830 = undof(830, 1993, dt.date(1993, 5, 26), "on the United Nations Disengagement Observer Force (S/25809)",
             "30 November 1993", {"report_symbol": "S/25809", "mandate_period": "six months",
                                  "mandate_end": dt.date(1993, 11, 30)})


def test_word_edits_are_deletions_plus_insertions() -> None:
    old = ["until", "31", "May", "1993", ";"]
    assert edit_words(old, ["until", "30", "November", "1993", ";"]) == 4
    assert edit_words(old, old) == 0


def test_a_pair_where_only_the_facts_changed_is_proposed_exactly() -> None:
    score = evaluate_pair(R790, R830)
    # S/24821 -> S/25809 (2 word edits), 31 May -> 30 November (4).
    assert (score.edits, score.proposed, score.correct, score.distance, score.distance_precedent) == (6, 6, 6, 0, 6)
    assert (score.routine_edits, score.routine_correct) == (6, 6)
    assert (score.recall, score.precision) == (1.0, 1.0)


def test_a_pair_with_rewording_counts_what_the_facts_cannot_give() -> None:
    # 756 -> 790: the report is cited by symbol instead of date (4 words out, 3 in: the new facts
    # name it by symbol, so propose makes these 7), the mandate end moves (3 words replaced: 6 edits),
    # and "developments" became "development" (2 edits: rewording no fact gives).
    score = evaluate_pair(R756, R790)
    assert (score.edits, score.proposed, score.correct) == (15, 13, 13)
    assert (score.precision, round(score.recall, 4)) == (1.0, 0.8667)
    assert (score.distance, score.distance_precedent) == (2, 15)
    assert (score.routine_edits, score.routine_correct, score.in_paragraph_edits, score.wrong_kept) == (13, 13, 15, 0)


def test_wrong_edits_are_told_apart_by_where_they_fell() -> None:
    # The precedent also takes note of a letter; the adopted text drops that paragraph and names a
    # new letter date nowhere in a kept paragraph. The proposal updates the letter's date (2 words
    # replaced: 4 edits): half of them lie on the way to deleting the paragraph (its old words go),
    # half are wrong, and they are wrong in a paragraph the adopted text deleted, not an over-reach.
    letter = Paragraph("Taking note of the letter of the Permanent Representative of Israel of 20 May 1993,")
    precedent = replace(R790, preamble=R790.preamble + (letter,),
                        facts={**R790.facts, "letter_date": dt.date(1993, 5, 20)})
    adopted = replace(R830, facts={**R830.facts, "letter_date": dt.date(1993, 11, 18)})
    score = evaluate_pair(precedent, adopted)
    whole = len(tokenize_words(letter.text)) + 1  # its words and marks, and its paragraph end
    assert (score.edits, score.proposed, score.correct, score.wrong) == (6 + whole, 10, 8, 2)
    assert (score.in_paragraph_edits, score.in_paragraph_correct, score.wrong_kept) == (6, 6, 0)


def test_calendar_only_gives_propose_no_facts(tmp_path: Path) -> None:
    # With no facts the mandate end still moves on by the period the text states (6 edits); the
    # report's new symbol is a fact, so its 7 edits are left.
    score = evaluate_pair(R756, R790, calendar_only=True)
    assert (score.edits, score.proposed, score.correct) == (15, 6, 6)
    for r, name in ((R756, "0756"), (R790, "0790")):
        save(r, tmp_path / "undof" / f"{name}.yaml")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "undof"), "--calendar-only"])
    assert result.exit_code == 0
    assert result.output.splitlines()[2] == (
        "S/RES/756 (1992) -> S/RES/790 (1992)    0.40       1.00     0.46     15         6         9  (15)")


def tokenize_words(text: str) -> list[str]:
    return [t for t in tokenize(text) if not t.isspace()]


def test_evaluate_command_terminal_and_json(tmp_path: Path) -> None:
    for r, name in ((R756, "0756"), (R790, "0790"), (R830, "0830")):
        save(r, tmp_path / "undof" / f"{name}.yaml")
    folder = tmp_path / "undof"
    result = CliRunner().invoke(main, ["evaluate", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{folder}: 2 pairs\n"
        "pair                                  recall  precision  routine  edits  proposed  distance  (precedent)\n"
        "S/RES/756 (1992) -> S/RES/790 (1992)    0.87       1.00     1.00     15        13         2  (15)\n"
        "S/RES/790 (1992) -> S/RES/830 (1993)    1.00       1.00     1.00      6         6         0  (6)\n"
        "total: recall 0.90 (median pair 0.93), precision 1.00 (19 of 21 edits made, 0 wrong); routine recall 1.00 (19 of 19); "
        "word distance to adopted 2 against 21 unchanged (90% less; closer in 2 of 2 pairs)\n"
        "breakdown: 0 of the 21 edits are whole paragraphs added or deleted; inside kept paragraphs recall 0.90 "
        "(19 of 21); of the 0 wrong, 0 fell in paragraphs the adopted text deleted or reworded, 0 in paragraphs it "
        "kept or changed only routinely\n"
        "wrong words written: 0 (in paragraphs the adopted text kept, words it does not have), of which without a "
        "warning: 0; placeholders asking for a fact: 0\n")
    data = json.loads(CliRunner().invoke(main, ["evaluate", str(folder), "--format", "json"]).output)
    assert data["total"] == {"recall": 0.9048, "precision": 1.0, "routine_recall": 1.0, "edits": 21,
                             "proposed": 19, "correct": 19, "routine_edits": 19, "routine_correct": 19,
                             "in_paragraph_recall": 0.9048, "in_paragraph_edits": 21, "in_paragraph_correct": 19,
                             "wrong_kept": 0, "wrong_written": 0, "wrong_unflagged": 0, "placeholders": 0, "distance": 2,
                             "distance_precedent": 21, "median_pair_recall": 0.9333}
    assert data["pairs"][1]["precedent"] == "S/RES/790 (1992)"
    assert report_json(evaluate_series(folder)) == CliRunner().invoke(main, ["evaluate", str(folder), "--format",
                                                                             "json"]).output


def test_evaluate_needs_a_series(tmp_path: Path) -> None:
    save(R790, tmp_path / "one" / "0790.yaml")
    result = CliRunner().invoke(main, ["evaluate", str(tmp_path / "one")])
    assert (result.exit_code, result.output) == (
        2, f"drafting: {tmp_path / 'one'}: expected a series of at least 2 resolution files (*.yaml), "
        "found 1; put each year's text of the series in this folder\n")


def _series(name: str):
    return evaluate_series(PRECEDENTS / name)


def test_undof_renewals_are_proposed_almost_without_a_wrong_edit() -> None:
    # Floors under the figures measured (precision 0.995, routine recall 0.89, recall inside kept
    # paragraphs 0.52, no wrong edit in a paragraph the adopted text kept). The pooled recall (0.24)
    # is not floored here: 476 of its 880 edits are whole paragraphs the first renewals added or
    # deleted, and the rest of what is missed is rewording and OCR slips (docs/facts.md).
    total = _series("undof").total()
    assert total.precision >= 0.99
    assert total.routine_recall >= 0.85
    assert total.in_paragraph_recall >= 0.5
    assert total.wrong_kept == 0
    assert total.distance < 0.8 * total.distance_precedent


def test_unifil_proposals_are_closer_to_the_adopted_text_than_the_precedent() -> None:
    # Measured: closer in 33 of 35 pairs, routine recall 0.84, 6 wrong words in kept paragraphs
    # (a report date placed after the author where UNIFIL put it after the title: 4; a recall
    # chain the Council shortened: 1; a chain where the Council also recalled 490 (1981), a
    # resolution outside the series, so the "and" the proposal moved stands one place early: 1).
    # Since the diff pairs paragraphs on rare words (docs/alignment.md) and calls spelling variants,
    # lone commas and names routine (docs/diff-classes.md), more of what the Council changed counts
    # as routine or kept: routine edits 291 -> 382 (519 -> 523 alone: 6 -> 63, its long recall
    # list now paired with the short one that replaced it), routine recall 0.84 -> 0.67, wrong
    # words in kept paragraphs 6 -> 11. What propose does is unchanged; the yardstick moved.
    result = _series("unifil")
    closer = [p for p in result.pairs if p.distance < p.distance_precedent]
    assert len(closer) >= 0.9 * len(result.pairs)
    assert result.total().routine_recall >= 0.65
    assert result.total().wrong_kept <= 11


def test_a_wrong_fact_written_without_a_warning_is_counted() -> None:
    # The officer typed the report's date wrong (23 instead of 22 November): the draft states it, the
    # read-back agrees with the facts, no warning: the measure must say so.
    r887 = undof(887, 1993, dt.date(1993, 11, 29), "of 22 November 1993 on the United Nations Disengagement "
                 "Observer Force", "31 May 1994", {"report_date": dt.date(1993, 11, 23), "mandate_period": "six months",
                                                    "mandate_end": dt.date(1994, 5, 31)})
    r830 = replace(R830, facts={"report_date": dt.date(1993, 5, 24), "mandate_period": "six months",
                                "mandate_end": dt.date(1993, 11, 30)},
                   preamble=(Paragraph("Having considered the report of the Secretary-General of 24 May 1993 on the "
                                       "United Nations Disengagement Observer Force,"),))
    score = evaluate_pair(r830, r887)
    assert (score.wrong_written, score.wrong_unflagged) == (1, 1)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["undof", "unifil"])
@pytest.mark.parametrize("mode", [Mode.STORED, Mode.REALISTIC])
def test_no_wrong_word_is_written_without_a_warning_on_the_real_series(name: str, mode: Mode) -> None:
    # Measured: UNDOF 0 wrong words written; UNIFIL 8, every one in a paragraph a warning points at
    # (a report's date or symbol added where the Council put it differently, a recall chain the
    # Council did not extend), in both modes.
    total = evaluate_series(PRECEDENTS / name, mode=mode).total()
    assert total.wrong_unflagged == 0
    assert total.routine_recall >= (0.85 if name == "undof" else 0.65)  # UNIFIL: 0.69 measured


def test_a_value_is_excused_only_where_the_adopted_text_split_the_paragraph() -> None:
    # S/RES/488 (1981) cut UNIFIL's renewal ("Decides to renew the mandate ... until 19 December 1981")
    # out of S/RES/483's OP2, and the diff pairs OP2 with another paragraph: the draft's new end
    # (December) stands in the part cut off, so it is no wrong word.
    r483, r488 = load(PRECEDENTS / "unifil/0483.yaml"), load(PRECEDENTS / "unifil/0488.yaml")
    assert r488.get("OP4").text == ("Decides to renew the mandate of the Force for another period of six months, "
                                    "that is, until 19 December 1981;")
    assert (evaluate_pair(r483, r488).wrong_written, evaluate_pair(r483, r488).wrong_unflagged) == (0, 0)
    # The same date in a paragraph the Council added that was not cut from OP2 excuses nothing:
    # "December" in the draft's OP2 is then a word the adopted text does not have there.
    other = Paragraph("Requests the Secretary-General to report to the Council before 19 December 1981;")
    unrelated = r488.replace_paragraph(Address.parse("OP4"), other)
    score = evaluate_pair(r483, unrelated)
    assert (score.wrong_written, score.wrong_unflagged) == (1, 1)


def test_a_pair_whose_facts_propose_refuses_is_measured_and_named(tmp_path: Path) -> None:
    # UNAVEM II: S/RES/811 (1993) renews nothing and states only a meeting's date, none of the facts
    # S/RES/804 (1993) states; propose refuses such a facts file, and the series is still measured.
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file

    r804 = replace(import_file(UNSC / "S_RES_0804_1993_EN_GOLD.txt"),
                   facts={"report_date": dt.date(1993, 1, 21), "mandate_end": dt.date(1993, 4, 30)})
    r811 = replace(import_file(UNSC / "S_RES_0811_1993_EN_GOLD.txt"), facts={"meeting_date": dt.date(1993, 4, 30)})
    save(r804, tmp_path / "0804.yaml")
    save(r811, tmp_path / "0811.yaml")
    result = evaluate_series(tmp_path)
    assert [(p.precedent, p.adopted) for p in result.pairs] == [("S/RES/804 (1993)", "S/RES/811 (1993)")]
    assert result.notes == (
        "S/RES/804 (1993) -> S/RES/811 (1993): measured with the calendar rules only, because propose refused "
        "the facts: the facts: expected some of the facts that S/RES/804 (1993) states (report_date, mandate_end), "
        "found none of them; is this the facts file of that series?",)
    assert json.loads(report_json(result))["notes"] == list(result.notes)


# Council series the rules were not written on, as the corpus holds them: UNIIMOG (Iran-Iraq), UNEF II
# (Sinai), UNAVEM (Angola), ONUSAL (El Salvador). Each text's facts are what a drafter reads in it by
# role (the report's date, the mandate's end...), as `drafting facts extract` gives them.
UNSEEN = {"uniimog": (619, 631, 642, 651, 671, 676, 685), "unef": (346, 362, 368, 371, 378, 396, 416, 438),
          "unavem": (626, 696, 747, 785, 793, 804, 811, 823, 834, 851, 864, 890),
          "onusal": (693, 729, 791, 832, 888)}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(UNSEEN))
def test_propose_on_council_series_it_was_not_written_on(name: str, tmp_path: Path) -> None:
    # Measured: routine recall UNIIMOG 0.95, UNEF 0.88, UNAVEM 0.84, ONUSAL 0.90 (0.28, 0.15, -, 0.33
    # before the Council's dated recall chain was extended without a facts block). The wrong words
    # left without a warning are right values the Council moved to another paragraph: UNEF 1 (S/RES/362
    # cites S/11536 in a new PP2), ONUSAL 2 (S/RES/791 dates the report in a new PP3).
    from conftest import UNSC, need_corpus

    need_corpus()
    from drafting.importers import import_file
    from drafting.proposal.extract import extract
    from drafting.proposal.facts import DOCUMENT_NOUNS
    from drafting.proposal.vocabulary import TERMS

    for number in UNSEEN[name]:
        text = import_file(next(UNSC.glob(f"S_RES_{number:04d}_*_EN_GOLD.txt")))
        # The typed roles, and the date and symbol of each document the text cites this time.
        facts = {k: v for k, v in extract(text).items() if k in TERMS or (
            k.count("_") == 1 and k.split("_")[0] in DOCUMENT_NOUNS and k.endswith(("_date", "_symbol")))}
        save(replace(text, facts=facts), tmp_path / f"{number:04d}.yaml")
    total = evaluate_series(tmp_path).total()
    assert total.routine_recall >= 0.8
    assert total.precision >= 0.8
    assert total.wrong_unflagged <= {"unef": 1, "onusal": 2}.get(name, 0)
