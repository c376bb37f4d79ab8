"""The training kit on real texts: score and exercise on conflict diamonds 2013 -> 2014 and on the
UNIFIL pair S/RES/444 (1979) -> 450 (1979); phrases over the precedent library; the CLI."""
from __future__ import annotations

import dataclasses

import pytest
import yaml
from click.testing import CliRunner

from conftest import DIAMONDS, EXAMPLES, PRECEDENTS, golden
from drafting.cli import main
from drafting.model import Paragraph
from drafting.store import load, load_facts, save
from drafting.training.score import Key, answer_key, exercise, phrases, score, score_html, score_terminal

FACTS_2014 = EXAMPLES / "conflict-diamonds" / "2014.facts.yaml"
UNIFIL_444 = PRECEDENTS / "unifil" / "0444.yaml"
UNIFIL_450 = PRECEDENTS / "unifil" / "0450.yaml"


@pytest.fixture(scope="module")
def key_2014():
    """The answer key for 2014: the library has no 2014 text, so it is the proposal."""
    return answer_key(DIAMONDS, load_facts(FACTS_2014))


def student_2014(key: Key):
    """A student's 2014 draft: last year's text with OP32 updated as the key has it, OP3 (Mali's
    2013 admission) deleted, "Vietnam" written in OP10 and a paragraph of their own added."""
    r = load(DIAMONDS)
    ops = list(r.operative)
    ops[31] = key.resolution.operative[31]
    ops[9] = ops[9].with_text(key.resolution.operative[9].text.replace("Viet Nam", "Vietnam"))
    del ops[2]
    ops.insert(-1, Paragraph("Decides to remain seized of the matter;"))
    return dataclasses.replace(r, operative=tuple(ops), symbol=None, year=2014)


def test_answer_key_is_the_proposal_when_the_library_lacks_next_year(key_2014):
    assert key_2014.source == "proposal"
    assert "China, as Chair of the Kimberley Process in 2014" in key_2014.resolution.operative[30].text
    assert any(n.startswith("OP31 (null-fact)") for n in key_2014.notes)


def test_score_conflict_diamonds_2014(key_2014):
    draft = student_2014(key_2014)
    result = score(draft, key_2014.resolution)
    rows = {(tuple(map(str, r.adopted)), tuple(map(str, r.draft))): r for r in result.rows}
    assert rows[(("OP3",), ())].status == "missed"
    added = [r for r in result.rows if r.status == "added"]
    assert [tuple(map(str, r.draft)) for r in added] == [("OP32",)]
    assert rows[(("OP32",), ("OP31",))].closeness == 1.0
    # OP10: "Viet Nam" (2 words) became "Vietnam" (1 word); every other word kept
    n = len(key_2014.resolution.operative[9].text.split())
    assert rows[(("OP10",), ("OP9",))].closeness == pytest.approx(2 * (n - 2) / (2 * (n - 2) + 3))
    assert result.count("missed") == 1 and result.count("added") == 1
    assert 0.9 < result.closeness < 1.0
    # deleting OP3 put two "Recognizes" paragraphs side by side; OP18/OP26 repeat leads in 68/128 itself
    assert [(f.rule, str(f.paragraph)) for f in result.findings] == [
        ("repeated-lead", "OP3"), ("country-name", "OP9"), ("repeated-lead", "OP18"), ("repeated-lead", "OP26")]
    names = ("a student's 2014 draft", "the 2014 answer key (proposal from A/RES/68/128)")
    text = score_terminal(result, names)
    assert text.splitlines()[0] == "a student's 2014 draft scored against the 2014 answer key (proposal from A/RES/68/128)"
    golden("score-conflict-diamonds", "score.txt", text)
    page = score_html(result, names)
    assert ('<del class="list" title="list">Viet Nam</del><ins class="list" title="list">Vietnam</ins>') in page and "http" not in page
    golden("score-conflict-diamonds", "score.html", page)


def test_score_unifil_pair_unchanged_draft():
    old, new = load(UNIFIL_444), load(UNIFIL_450)
    result = score(old, new)  # a student who handed in last year's text unchanged
    same = {p.text for _, p in old.walk()} & {p.text for _, p in new.walk()}
    exact = [r for r in result.rows if r.status == "matched" and r.kind.value == "unchanged"]
    assert len(exact) == len(same)
    assert all(r.closeness == 1.0 for r in exact)
    # From the corpus: one paragraph is word for word the same, 444 OP6 = 450 OP7 ("Urges all Member
    # States which are in a position to do so ..."); 450 has 17 paragraphs and sub-paragraphs, 444 has 18.
    assert [(tuple(map(str, r.adopted)), tuple(map(str, r.draft))) for r in exact] == [(("OP7",), ("OP6",))]
    assert result.count("matched") + result.count("missed") == 17
    assert result.count("matched") + result.count("added") == 18
    assert result.closeness < 1.0
    golden("score-unifil-444-450", "score.txt", score_terminal(result))


def test_last_years_text_unchanged_scores_no_progress_and_the_adopted_text_full():
    old, new = load(UNIFIL_444), load(UNIFIL_450)
    unchanged, perfect = score(old, new, precedent=old), score(new, new, precedent=old)
    assert unchanged.closeness == unchanged.baseline and unchanged.progress == 0.0
    assert (perfect.closeness, perfect.progress) == (1.0, 1.0)
    assert score_terminal(unchanged).splitlines()[2] == (
        f"0% of the way from S/RES/444 (1979) handed in unchanged (closeness {unchanged.baseline:.2f}) "
        "to the adopted text")


def _docx_text(path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    lines = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        lines += [" | ".join(c.text for c in row.cells) for row in table.rows]
    return lines


def test_exercise_conflict_diamonds(tmp_path):
    sheet, key = tmp_path / "sheet.docx", tmp_path / "key.docx"
    answer = exercise(DIAMONDS, FACTS_2014, sheet, key)
    assert answer is not None and answer.source == "proposal"
    lines = _docx_text(sheet)
    assert lines[0].startswith("Drafting exercise: The role of diamonds in fuelling conflict")
    assert "Last year's text: A/RES/68/128, adopted on 18 December 2013." in lines
    assert "plenary city | Johannesburg | Guangzhou" in lines
    assert "next vice chair | Angola | none" in lines
    assert "1. Reaffirms its strong and continuing support for the Kimberley Process Certification Scheme and the Kimberley Process as a whole;" in lines
    from docx import Document

    first_pp = next(p for p in Document(str(sheet)).paragraphs if p.text.startswith("Recognizing that the trade"))
    assert [(r.text, bool(r.italic)) for r in first_pp.runs][0] == ("Recognizing", True)
    key_lines = _docx_text(key)
    assert key_lines[0] == "Answer key: draft 2014"
    assert any(line.startswith("31. Acknowledges with great appreciation the important contribution that China") for line in key_lines)
    assert any(line.startswith("OP31 (null-fact)") for line in key_lines)
    assert "OP32 → OP32: amended (routine): \"sixty-ninth\" → \"seventieth\"" in key_lines


def test_exercise_unifil_key_is_the_next_adopted_text(tmp_path):
    facts = tmp_path / "facts.yaml"
    facts.write_text(yaml.safe_dump(dict(load(UNIFIL_450).facts), allow_unicode=True))
    sheet, key = tmp_path / "sheet.docx", tmp_path / "key.docx"
    answer = exercise(UNIFIL_444, facts, sheet, key)
    assert answer is not None and answer.source == "adopted"
    assert answer.resolution.symbol == "S/RES/450 (1979)"
    key_lines = _docx_text(key)
    assert key_lines[0] == "Answer key: S/RES/450 (1979)"
    assert "The text really adopted after S/RES/444 (1979): S/RES/450 (1979), adopted on 14 June 1979." in key_lines
    expected = load(UNIFIL_450).operative[0].text
    assert f"1. {expected}" in key_lines
    assert "mandate end | 19 June 1979 | 19 December 1979" in _docx_text(sheet)


def test_phrases_counts_real_leads():
    rows = phrases(PRECEDENTS)
    by = {(r.part.value, r.phrase): r for r in rows}
    # "Decides to remain seized" closes most Council texts; count it independently
    expected = sum(1 for f in PRECEDENTS.glob("*/*.yaml") for p in load(f).operative if p.text.startswith("Decides"))
    assert by[("OP", "Decides")].count == expected
    assert by[("PP", "Recognizing also")].example == "A/RES/68/128 PP2"
    assert rows[0].part.value == "PP" and rows[0].count == max(r.count for r in rows if r.part.value == "PP")


# ---------------------------------------------------------------------------- CLI

def test_cli_score_exercise_phrases(tmp_path, key_2014):
    runner = CliRunner()
    draft, adopted = tmp_path / "draft.yaml", tmp_path / "key.yaml"
    save(student_2014(key_2014), draft)
    save(key_2014.resolution, adopted)
    result = runner.invoke(main, ["score", str(draft), "--against", str(adopted)])
    assert result.exit_code == 0
    assert result.output.splitlines()[0] == f"{draft} scored against {adopted}"
    assert result.output.splitlines()[1].startswith("matched 56, missed 1, added 1 (of 57 adopted paragraphs")
    out = tmp_path / "score.html"
    result = runner.invoke(main, ["score", str(draft), "--against", str(adopted), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0 and out.read_text().startswith("<!DOCTYPE html>")
    result = runner.invoke(main, ["exercise", str(DIAMONDS), "--facts", str(FACTS_2014), "-o", str(tmp_path / "w.docx"),
                                  "--key", str(tmp_path / "k.docx")])
    assert result.exit_code == 0
    assert result.output == (f"wrote {tmp_path / 'w.docx'}\n"
                             f"wrote {tmp_path / 'k.docx'} (the proposal: draft 2014)\n")
    result = runner.invoke(main, ["phrases", str(PRECEDENTS / "conflict-diamonds")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    # counted by hand on 68/128: Welcoming PP7, PP17, PP20, PP24; 12 distinct leads in 24 paragraphs
    assert lines[0] == "Preambular leads (24 paragraphs, 12 phrases)"
    assert lines[1].startswith("    4  Welcoming                 A/RES/68/128 PP7: Welcoming the important contribution")
    golden("phrases-conflict-diamonds", "phrases.txt", result.output)
    result = runner.invoke(main, ["score", str(tmp_path / "none.yaml"), "--against", str(adopted)])
    assert (result.exit_code, result.output) == (2, f"drafting: {tmp_path / 'none.yaml'}: no such file\n")
    result = runner.invoke(main, ["phrases", str(tmp_path / "empty")])
    assert (result.exit_code, result.output) == (2, f"drafting: {tmp_path / 'empty'}: no such file or directory\n")
    result = runner.invoke(main, ["exercise", str(UNIFIL_444), "--facts", str(FACTS_2014), "-o", str(tmp_path / "x.docx")])
    assert result.exit_code == 2 and "is it the facts file of another series?" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_cli_exercise_and_propose_give_one_message_for_a_bad_facts_file(tmp_path) -> None:
    # One loader serves every command: a list inside a list is reported the same way by both.
    facts = tmp_path / "bad.facts.yaml"
    facts.write_text("chair: China\nreview_visits:\n  - [Liberia, Mali]\n", encoding="utf-8")
    message = (f"drafting: {facts}:3:5: review_visits[0]: expected a name, number or date inside this list, "
               "found a list; flatten it\n")
    runner = CliRunner()
    result = runner.invoke(main, ["exercise", str(DIAMONDS), "--facts", str(facts), "-o", str(tmp_path / "w.docx")])
    assert (result.exit_code, result.output) == (2, message)
    result = runner.invoke(main, ["propose", str(DIAMONDS), "--facts", str(facts), "-o", str(tmp_path / "d.yaml")])
    assert (result.exit_code, result.output) == (2, message)
    assert not (tmp_path / "w.docx").exists() and not (tmp_path / "d.yaml").exists()
