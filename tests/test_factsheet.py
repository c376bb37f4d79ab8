"""drafting facts extract / next: facts by role with the words they stand in; next time's file to fill in."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from click.testing import CliRunner

from drafting.cli import main
from drafting.proposal.engine import propose
from drafting.proposal.factsheet import extract_text, next_text
from drafting.store import load, loads_facts

ROOT = Path(__file__).resolve().parents[1]
UNDOF_830 = ROOT / "precedents" / "undof" / "0830.yaml"
DIAMONDS = ROOT / "precedents" / "conflict-diamonds" / "2013.yaml"


def test_extract_gives_each_fact_with_its_paragraph_and_words() -> None:
    assert extract_text(load(UNDOF_830)) == (
        "# Facts stated by S/RES/830 (1993), by role; each with the paragraph and words it was read from.\n\n"
        "# the symbol of the Secretary-General's report: PP1: “United Nations Disengagement Observer Force "
        "(S/25809)”\nreport_symbol: S/25809\n\n"
        "# the period of the renewal: OP1(b): “period of six months”\nmandate_period: six months\n\n"
        "# the end of the mandate: OP1(b): “of six months, that is, until 30 November 1993”\n"
        "mandate_end: 1993-11-30\n")


def test_next_fills_the_calendar_and_keeps_last_times_values() -> None:
    text = next_text(load(UNDOF_830))
    facts = loads_facts(text)
    assert facts == {"report_symbol": "S/25809", "mandate_period": "six months",
                     "mandate_end": dt.date(1994, 5, 31), "previous_resolution": "830 (1993)"}
    assert ("# the end of the mandate: derived from the old end plus the period; last time 30 November 1993: "
            "check it\nmandate_end: 1994-05-31\n") in text


def test_next_for_an_assembly_text_locates_each_value_where_propose_would() -> None:
    text = next_text(load(DIAMONDS))
    assert ("# the Vice-Chair for the coming year: last time Angola, in OP31: “of China as the Chair and Angola”\n"
            "next_vice_chair: Angola\n") in text
    # the file as written is a facts file propose takes as it is: nothing changed, nothing edited by facts
    p = propose(load(DIAMONDS), loads_facts(text))
    assert not [e for e in p.edits if e.rule.startswith("fact:")]


def test_cli_facts_next_writes_the_file(tmp_path: Path) -> None:
    out = tmp_path / "0887.facts.yaml"
    result = CliRunner().invoke(main, ["facts", "next", str(UNDOF_830), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == next_text(load(UNDOF_830))
    assert yaml.safe_load(out.read_text(encoding="utf-8"))["previous_resolution"] == "830 (1993)"


def test_cli_facts_extract_prints() -> None:
    result = CliRunner().invoke(main, ["facts", "extract", str(UNDOF_830)])
    assert result.exit_code == 0 and result.output == extract_text(load(UNDOF_830))
