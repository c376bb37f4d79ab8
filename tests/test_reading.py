"""facts read: facts taken from the documents drafters receive, counted found, missed and wrong."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from drafting.cli import main
from drafting.proposal.reading import read_document
from drafting.store import load

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "reading"
UNDOF = ROOT / "precedents" / "undof" / "0830.yaml"
DIAMONDS = ROOT / "precedents" / "conflict-diamonds" / "2013.yaml"


def score(kind: str) -> tuple[int, int, int]:
    """(found, missed, wrong) over every document of a kind, against its expected facts."""
    found = missed = wrong = 0
    for doc in sorted(DATA.glob(f"{kind}-*.txt")):
        expected = yaml.safe_load(doc.with_suffix(".expected.yaml").read_text(encoding="utf-8"))
        reads, _ = read_document(doc.read_text(encoding="utf-8"), load(UNDOF if kind == "report" else DIAMONDS))
        got = {r.key: r.value for r in reads}
        for key, value in expected.items():
            if key not in got:
                missed += 1
            elif got[key] == value:
                found += 1
            else:
                wrong += 1
        wrong += len([k for k in got if k not in expected])  # a fact the document does not state is wrong
    return found, missed, wrong


def test_reports_on_a_force_five_documents() -> None:
    assert len(list(DATA.glob("report-*.txt"))) >= 5
    assert score("report") == (18, 0, 0)


def test_plenary_communiques_five_documents() -> None:
    assert len(list(DATA.glob("communique-*.txt"))) >= 5
    assert score("communique") == (37, 0, 0)


def test_each_fact_comes_with_its_sentence_and_what_is_missing_is_said() -> None:
    doc = DATA / "report-no-recommendation.txt"
    reads, missing = read_document(doc.read_text(encoding="utf-8"), load(UNDOF))
    assert [(r.key, r.sentence) for r in reads] == [("report_symbol", "S/25809"), ("report_date", "24 May 1993")]
    assert missing == ["mandate_period", "mandate_end"]


def test_the_period_reported_on_is_not_the_report_date() -> None:
    reads, _ = read_document((DATA / "report-undof-1986.txt").read_text(encoding="utf-8"), load(UNDOF))
    assert {r.key: str(r.value) for r in reads}["report_date"] == "1986-05-14"


def test_cli_facts_read_writes_a_facts_file_with_sentences(tmp_path: Path) -> None:
    out = tmp_path / "next.facts.yaml"
    result = CliRunner().invoke(main, ["facts", "read", str(DATA / "communique-2013.txt"), "--for", str(DIAMONDS),
                                       "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "# the Vice-Chair for the coming year: “The Plenary selected Angola as Vice Chair for 2014”\n" \
           "next_vice_chair: Angola\n" in text
    assert "# Not found in the document" in text and "# participants: the number of participants" in text
    facts = yaml.safe_load(text)
    assert facts["plenary_dates"] == "19 to 22 November 2013" and facts["admitted"] == [{"participant": "Mali"}]


@pytest.mark.parametrize("name, message", [
    ("missing.txt", "no such file"),
])
def test_cli_facts_read_bad_input_is_one_line_exit_2(tmp_path: Path, name: str, message: str) -> None:
    result = CliRunner().invoke(main, ["facts", "read", str(tmp_path / name), "--for", str(UNDOF)])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output


def test_a_word_file_is_read_like_its_text(tmp_path: Path) -> None:
    import docx

    doc = docx.Document()
    for block in (DATA / "report-undof-1986.txt").read_text(encoding="utf-8").split("\n\n"):
        doc.add_paragraph(block)
    doc.save(str(tmp_path / "report.docx"))
    from drafting.proposal.reading import read_file

    assert read_file(str(tmp_path / "report.docx"), load(UNDOF)) == read_file(
        str(DATA / "report-undof-1986.txt"), load(UNDOF)).replace("report-undof-1986.txt", "report.docx")
