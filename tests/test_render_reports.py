"""Diff reports: the JSON contract, escaping, the substantive filter, golden files of a real
UNIFIL pair in every format, and the `drafting diff` command (exact output and exit codes).

Golden files: tests/golden/diff-<case>/; regenerate with DRAFTING_REGENERATE=1 python -m pytest.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import PRECEDENTS, golden
from drafting import save
from drafting.cli import main
from drafting.comparison.diff import diff
from drafting.model import Paragraph, Resolution
from drafting.render.reports import html, json_report, markdown, terminal
from drafting.render.reports.formats import render

OLD = Resolution(
    symbol="S/RES/450", year=1979,
    preamble=(Paragraph("Recalling its resolutions 425 (1978) and 426 (1978),"),
              Paragraph("Having studied the report of the Secretary-General (S/13026) & its annex <1>,")),
    operative=(Paragraph("Decides to renew the mandate of the Force until 19 June 1979;"),
               Paragraph("Requests the Secretary-General to report to the Council;")))
NEW = Resolution(
    symbol="S/RES/459", year=1979,
    preamble=(Paragraph("Recalling its resolutions 425 (1978) and 426 (1978),"),
              Paragraph("Having studied the report of the Secretary-General (S/13384) & its annex <1>,")),
    operative=(Paragraph("Decides to renew the mandate of the Force until 19 December 1979;"),
               Paragraph("Requests the Secretary-General to report \"urgently\" to the Council;")))


@pytest.fixture(scope="module")
def small():
    return diff(OLD, NEW)


def test_json_keeps_exactly_the_contract_names(small):
    data = json.loads(json_report.render(small))
    assert list(data) == ["old", "new", "config", "summary", "changes", "metadata", "footnotes"]
    assert data["old"] == {"symbol": "S/RES/450", "year": 1979}
    assert data["new"] == {"symbol": "S/RES/459", "year": 1979}
    assert data["summary"] == {"unchanged": 1, "amended": 3, "moved": 0, "added": 0, "deleted": 0,
                               "split": 0, "merged": 0, "footnotes": 0, "metadata": 1, "routine": 3,
                               "substantive": 1}
    assert data["metadata"] == [{"field": "symbol", "kind": "amended", "routine": True, "hunks": [
        {"op": "delete", "text": "S/RES/450", "class": "symbol"},
        {"op": "insert", "text": "S/RES/459", "class": "symbol"}]}]
    assert data["footnotes"] == []
    assert data["config"]["pair_min"] == 30.0
    assert [list(c) for c in data["changes"]] == [["kind", "old", "new", "routine", "hunks"]] * 4
    assert data["changes"][1] == {
        "kind": "amended", "old": ["PP2"], "new": ["PP2"], "routine": True,
        "hunks": [{"op": "equal", "text": "Having studied the report of the Secretary-General (", "class": None},
                  {"op": "delete", "text": "S/13026", "class": "symbol"},
                  {"op": "insert", "text": "S/13384", "class": "symbol"},
                  {"op": "equal", "text": ") & its annex <1>,", "class": None}]}
    assert data["changes"][3]["routine"] is False


def test_substantive_only_hides_routine_but_summary_counts_all(small):
    data = json.loads(json_report.render(small, substantive_only=True))
    assert [(c["old"], c["kind"]) for c in data["changes"]] == [(["OP2"], "amended")]
    assert data["summary"]["routine"] == 3 and data["metadata"] == []
    text = terminal.render(small, substantive_only=True)
    assert "OP1" not in text and "OP2 → OP2  amended  substantive" in text


def test_terminal_plain_text(small):
    assert terminal.render(small) == (
        "S/RES/450 (1979) → S/RES/459 (1979)\n\n"
        "Title, heading and adoption line\n\n"
        "symbol  amended  routine (symbol)\n"
        "    [-S/RES/450-]{+S/RES/459+}\n\n"
        "PP2 → PP2  amended  routine (symbol)\n"
        "    Having studied the report of the Secretary-General ([-S/13026-]{+S/13384+}) & its annex <1>,\n\n"
        "OP1 → OP1  amended  routine (date)\n"
        "    Decides to renew the mandate of the Force until 19 [-June-]{+December+} 1979;\n\n"
        "OP2 → OP2  amended  substantive (wording)\n"
        "    Requests the Secretary-General to report{+ \"urgently\"+} to the Council;\n\n"
        "1 unchanged · 3 amended · 0 moved · 0 added · 0 deleted · 0 split · 0 merged · 0 footnotes · "
        "1 metadata — 3 routine, 1 substantive\n")


def test_terminal_colour_has_no_markers(small):
    text = terminal.render(small, color=True)
    assert "\x1b[" in text and "[-" not in text


def test_html_escapes_every_text_and_is_self_contained(small):
    page = html.render(small)
    assert "&amp; its annex &lt;1&gt;," in page and "<1>" not in page
    assert "&quot;urgently&quot;" in page
    assert "http://" not in page and "https://" not in page and "<link" not in page
    assert page.count("<script>") == 1 and 'src=' not in page


def test_html_written_without_routine_changes_says_so(small):
    page = html.render(small, substantive_only=True)
    # the box cannot be unticked: the routine changes are not in the file
    assert '<input type="checkbox" id="substantive" checked disabled>' in page
    assert "Routine changes are left out of this report (the table counts them)." in page
    assert 'id="new-OP1"' not in page and 'id="new-OP2"' in page
    assert 'class="change kind-unchanged routine" id="new-PP1"' in page  # context, hidden until asked
    assert '<p class="headline" id="headline">1 substantive change, 3 routine; 1 paragraph unchanged.</p>' in page


def test_identical_texts_say_no_changes():
    same = diff(OLD, OLD)
    assert '<p class="headline" id="headline">No changes: the two texts are identical.</p>' in html.render(same)
    assert markdown.render(same).splitlines()[2] == "**No changes: the two texts are identical.**"


def test_a_changed_punctuation_mark_is_boxed_or_highlighted():
    old = Resolution(operative=(Paragraph("Decides to remain seized of the matter;"),))
    new = Resolution(operative=(Paragraph("Decides to remain seized of the matter."),))
    comparison = diff(old, new)
    page = html.render(comparison)
    assert ('the matter<del class="punctuation mark" title="punctuation">;</del>'
            '<ins class="punctuation mark" title="punctuation">.</ins>') in page
    assert "the matter<del>`;`</del><ins>`.`</ins>" in markdown.render(comparison)
    assert "the matter[-;-]{+.+}" in terminal.render(comparison)
    coloured = terminal.render(comparison, color=True)  # bold, reverse video, struck / underlined
    assert "matter\x1b[1;7;9;31m;\x1b[0m \x1b[1;4;7;32m.\x1b[0m" in coloured  # a space between, on screen only


def test_verdict_says_what_made_a_paragraph_substantive():
    old = Resolution(preamble=(Paragraph("Recalling its resolution 425 (1978),"),
                               Paragraph("Noting with concern that the Force has not been able to deploy fully,")),
                     operative=(Paragraph("Decides to renew the mandate of the Force until 19 June 1979;"),))
    new = Resolution(preamble=(Paragraph("Recalling its resolution 425 (1978),"),),
                     operative=(Paragraph("Decides to renew the mandate of the Force until 19 December 1979;"),
                                Paragraph("Notes with concern that the Force has not been able to deploy fully.")))
    lines = terminal.render(diff(old, new)).splitlines()
    assert lines[2] == "OP1 → OP1  amended  routine (date)"
    assert lines[5] == "PP2 → OP2  moved  substantive (wording, made operative; also punctuation)"
    gone = Resolution(preamble=old.preamble[:1], operative=old.operative)
    assert "PP2 → —  deleted  substantive\n" in terminal.render(diff(old, gone))


def test_markdown_escapes_markup(small):
    text = markdown.render(small)
    assert "& its annex \\<1\\>," in text
    assert "~~June~~**December**" in text
    assert text.splitlines()[2] == "**1 substantive change, 3 routine; 1 paragraph unchanged.**"


# ---------------------------------------------------------------------------- golden (UNIFIL)

UNIFIL = PRECEDENTS / "unifil"


# ---------------------------------------------------------------------------- CLI

@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    save(OLD, old)
    save(NEW, new)
    return old, new


def test_cli_diff_identical_exits_0(files):
    old, _ = files
    result = CliRunner().invoke(main, ["diff", str(old), str(old)])
    assert result.exit_code == 0
    assert result.output == ("S/RES/450 (1979) → S/RES/450 (1979)\n\n"
                             "4 unchanged · 0 amended · 0 moved · 0 added · 0 deleted · 0 split · "
                             "0 merged · 0 footnotes · 0 metadata — 0 routine, 0 substantive\n")


def test_cli_diff_different_exits_1_with_the_terminal_report(files, small):
    result = CliRunner().invoke(main, ["diff", *map(str, files)])
    assert result.exit_code == 1
    assert result.output == terminal.render(small)


def test_cli_diff_formats_to_file(files, small, tmp_path):
    for fmt, renderer in (("json", json_report.render), ("markdown", markdown.render), ("html", html.render)):
        out = tmp_path / f"report.{fmt}"
        result = CliRunner().invoke(main, ["diff", *map(str, files), "--format", fmt, "-o", str(out),
                                           "--substantive-only"])
        assert (result.exit_code, result.output) == (1, f"wrote {out}: 1 substantive, 3 routine\n")
        assert out.read_text(encoding="utf-8") == renderer(small, True)
    assert json.loads((tmp_path / "report.json").read_text())["changes"][0]["old"] == ["OP2"]


def test_cli_diff_errors_exit_2(files, tmp_path):
    old, new = files
    runner = CliRunner()
    cases = [
        (["diff", str(tmp_path / "missing.yaml"), str(new)], f"drafting: {tmp_path / 'missing.yaml'}: no such file\n"),
        (["diff", str(old)], "drafting: expected two resolution files OLD NEW (or --series DIR); see drafting diff --help\n"),
        (["diff", str(old), str(new), "--format", "docx"], "drafting: --format docx writes a Word file: give its path with -o OUT.docx\n"),
        (["diff", str(old), str(new), "--series", str(tmp_path)], "drafting: expected either OLD NEW or --series DIR, found both\n"),
        (["diff", str(old), str(new), "--date", "yesterday"], "drafting: --date: expected an ISO date such as 2014-12-05 or 2014-12-05T10:00:00, found 'yesterday'\n"),
    ]
    for args, message in cases:
        result = runner.invoke(main, args)
        assert (result.exit_code, result.stderr) == (2, message), args
    broken = tmp_path / "broken.yaml"
    broken.write_text("preamble: [\n", encoding="utf-8")
    result = runner.invoke(main, ["diff", str(broken), str(new)])
    assert result.exit_code == 2 and result.stderr.startswith(f"drafting: {broken}:2:1: broken YAML")


def test_cli_diff_series_writes_reports_and_index(tmp_path):
    series = tmp_path / "unifil"
    series.mkdir()
    save(OLD, series / "0450.yaml")
    save(NEW, series / "0459.yaml")
    save(NEW, series / "0467.yaml")
    out = tmp_path / "reports"
    result = CliRunner().invoke(main, ["diff", "--series", str(series), "-o", str(out), "--format", "markdown"])
    assert result.exit_code == 1
    assert result.stdout == (
        "0450 → 0459: 1 substantive, 3 routine (3 amended, 1 metadata)\n"
        "0459 → 0467: identical\n"
        f"wrote 2 reports and {out / 'index.md'}\n")
    assert sorted(p.name for p in out.iterdir()) == ["0450-0459.md", "0459-0467.md", "index.md"]
    assert (out / "index.md").read_text() == (
        "# unifil: changes year by year\n\n"
        "2 pairs: 1 with substantive changes, 0 routine only, 1 identical.\n\n"
        "| pair | texts | substantive | routine | amended | moved | added | deleted | split | merged "
        "| footnotes | metadata |\n"
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        "| [0450 → 0459](0450-0459.md) | S/RES/450 (1979) → S/RES/459 (1979) | 1 | 3 | 3 | 0 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
        "| [0459 → 0467](0459-0467.md) | S/RES/459 (1979) → S/RES/459 (1979) | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n")
    json_out = tmp_path / "json"
    result = CliRunner().invoke(main, ["diff", "--series", str(series), "-o", str(json_out), "--format", "json"])
    assert result.exit_code == 1 and result.stdout.endswith(f"wrote 2 reports and {json_out / 'index.json'}\n")
    assert sorted(p.name for p in json_out.iterdir()) == ["0450-0459.json", "0459-0467.json", "index.json"]
    index_data = json.loads((json_out / "index.json").read_text())
    assert [(p["old"], p["new"], p["report"], p["identical"], p["summary"]["metadata"])
            for p in index_data["pairs"]] == [("0450", "0459", "0450-0459.json", False, 1),
                                              ("0459", "0467", "0459-0467.json", True, 0)]
    html_out = tmp_path / "html"
    result = CliRunner().invoke(main, ["diff", "--series", str(series), "-o", str(html_out), "--format", "html"])
    assert result.exit_code == 1 and result.stdout.endswith(f"wrote 2 reports and {html_out / 'index.html'}\n")
    index = (html_out / "index.html").read_text()
    assert '<a href="0450-0459.html">0450 → 0459</a>' in index and '<a href="0459-0467.html">' in index
    # the pair with substantive changes stands out, its count first
    assert ('<tr class="substantive"><td><a href="0450-0459.html">0450 → 0459</a></td>'
            '<td class="texts">S/RES/450 (1979) → S/RES/459 (1979)</td><td class="count first">1</td>') in index
    assert '<tr><td><a href="0459-0467.html">' in index
    # each report leads to the index and its neighbours
    first, second = ((html_out / name).read_text() for name in ("0450-0459.html", "0459-0467.html"))
    assert ('<nav class="pairs" aria-label="Series"><a href="index.html">↑ all pairs (index)</a> '
            '<a href="0459-0467.html">next pair: 0459 → 0467 →</a></nav>') in first
    assert ('<a href="index.html">↑ all pairs (index)</a> '
            '<a href="0450-0459.html">← previous pair: 0450 → 0459</a></nav>') in second
    one = CliRunner().invoke(main, ["diff", "--series", str(series / "missing")])
    assert one.exit_code == 2 and "expected a series folder" in one.stderr


def test_series_reports_into_a_file_is_an_error_not_a_traceback(tmp_path):
    from drafting.errors import DraftingError
    from drafting.render.reports.formats import write_series

    series = tmp_path / "unifil"
    series.mkdir()
    save(OLD, series / "0450.yaml")
    save(NEW, series / "0459.yaml")
    taken = tmp_path / "reports.html"
    taken.write_text("not a folder", encoding="utf-8")
    with pytest.raises(DraftingError, match=r"reports.html: expected a folder for the reports, found a file"):
        write_series(series, taken)
    result = CliRunner().invoke(main, ["diff", "--series", str(series), "-o", str(taken)])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"drafting: {taken}: expected a folder for the reports, found a file; "
                             "give -o the name of a folder (new or existing)\n")
    result = CliRunner().invoke(main, ["diff", "--series", str(series), "-o", str(taken / "sub")])
    assert (result.exit_code, result.stderr) == (
        2, f"drafting: {taken / 'sub'}: cannot make the folder for the reports: Not a directory\n")
    assert taken.read_text(encoding="utf-8") == "not a folder"


def test_cli_diff_docx_hands_over_to_the_word_renderer(files, tmp_path):
    import zipfile

    out = tmp_path / "tracked.docx"
    result = CliRunner().invoke(main, ["diff", *map(str, files), "--format", "docx", "-o", str(out),
                                       "--author", "Mission of Ruritania", "--date", "2014-12-05"])
    assert (result.exit_code, result.output) == (1, f"wrote {out}: 1 substantive, 3 routine\n")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert 'w:author="Mission of Ruritania"' in xml and 'w:date="2014-12-05T00:00:00' in xml
    assert "<w:ins " in xml and "<w:del " in xml


def _unifil_pair() -> tuple[Path, Path]:
    return UNIFIL / "0444.yaml", UNIFIL / "0450.yaml"


def test_golden_reports_of_a_unifil_pair_with_wording_changes():
    """S/RES/444 (1979) → 450 (1979): a reworded preamble, new operative paragraphs, the
    renewal paragraph moved below the new ones (its date and period routine)."""
    from drafting.comparison.diff import diff_files

    comparison = diff_files(*_unifil_pair())
    counts = comparison.summary()
    assert counts["moved"] == 1 and counts["substantive"] > 10
    # From the corpus: 444 has 10 preambular and 8 operative paragraphs, 450 has 17 in all, and only
    # 444 OP6 ("Urges all Member States ...") stands word for word in 450 (as OP7, in the same order).
    assert counts["unchanged"] == 1
    assert counts["unchanged"] + counts["amended"] + counts["moved"] + counts["deleted"] == 18
    assert counts["unchanged"] + counts["amended"] + counts["moved"] + counts["added"] == 17
    assert [([str(a) for a in c.old], [str(a) for a in c.new]) for c in comparison.changes
            if c.kind.value == "unchanged"] == [(["OP6"], ["OP7"])]
    (moved,) = [c for c in comparison.changes if c.kind.value == "moved"]
    assert ([str(a) for a in moved.old], moved.routine) == (["OP4"], True)
    assert moved.new_text.startswith("Decides to renew the mandate of the Force for a period of six months")
    case = "diff-unifil-0444-0450"
    golden(case, "report.txt", render(comparison, "terminal"))
    golden(case, "report.md", render(comparison, "markdown"))
    golden(case, "report.html", render(comparison, "html"))
    golden(case, "report.json", render(comparison, "json"))
    golden(case, "substantive.json", render(comparison, "json", substantive_only=True))


def test_markdown_markers_render_next_to_punctuation():
    # "also**, and**" would not render as bold in CommonMark: the tag form is used there
    old = Resolution(preamble=(Paragraph("Recalling also the statement,"),))
    new = Resolution(preamble=(Paragraph("Recalling also, and particularly, the statement,"),))
    text = markdown.render(diff(old, new))
    assert "Recalling also<ins>, and particularly,</ins> the statement," in text
