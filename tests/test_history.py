"""Paragraph history ("blame") across a series: on a small series of real UNDOF paragraphs, and on
the committed UNDOF and UNIFIL precedents (golden output for one paragraph each)."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.text import Text

from conftest import PRECEDENTS, golden
from drafting.cli import main
from drafting.errors import DraftingError
from drafting.library.history import (blame, history, render_blame_html, render_blame_terminal, render_html,
                              render_terminal, word_diff)
from drafting.model import Address, HunkOp
from test_search import UNDOF_363, UNDOF_369, UNDOF_398

RENEW = "To renew the mandate of the United Nations Disengagement Observer Force for another period of six months"


@pytest.fixture
def series(tmp_path: Path) -> Path:
    folder = tmp_path / "undof"
    folder.mkdir()
    for name, text in (("0363.yaml", UNDOF_363), ("0369.yaml", UNDOF_369), ("0398.yaml", UNDOF_398)):
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def plain(markup: str) -> str:
    return Text.from_markup(markup).plain


# ---------------------------------------------------------------------------- series overview


def test_each_paragraph_of_the_latest_text_with_its_origin_and_changes(series: Path) -> None:
    h = history(series)
    assert [v.label for v in h.versions] == ["363 (1974)", "369 (1975)", "398 (1976)"]
    got = [(str(life.address), life.origin, [c.version for c in life.changes], life.since) for life in h.paragraphs]
    assert got == [
        ("PP1", 0, [1], 1),  # "(S/11563)" dropped in 369
        ("OP1", 0, [], 0),  # "Decides:" never changed
        ("OP1(a)", 0, [2], 2),  # "of 22 October 1973" added in 398
        ("OP1(b)", 0, [2], 2),  # ", that is, until 31 May 1977" added in 398
    ]


def test_a_paragraph_added_later_starts_there(series: Path) -> None:
    text = UNDOF_398.replace("operative:\n", "operative:\n  - Welcomes the efforts of the Force;\n") \
        .replace("398 (1976)", "408 (1977)").replace("year: 1976", "year: 1977")
    (series / "0408.yaml").write_text(text)
    h = history(series)
    lives = {str(life.address): life for life in h.paragraphs}
    assert (lives["OP1"].text, lives["OP1"].origin, lives["OP1"].changes) == ("Welcomes the efforts of the Force;", 3, ())
    # "Decides:" is now OP2 and still traced back to 363, renumbering being no change
    assert (lives["OP2"].text, lives["OP2"].origin, lives["OP2"].changes) == ("Decides:", 0, ())
    assert [c.version for c in lives["OP2(b)"].changes] == [2]


def test_terminal_overview(series: Path) -> None:
    assert plain(render_terminal(history(series))) == OVERVIEW


def test_cli_history_overview(series: Path) -> None:
    result = CliRunner().invoke(main, ["history", str(series)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, OVERVIEW, "")


OVERVIEW = (
        "undof: 3 texts, 363 (1974) to 398 (1976); paragraphs of the latest, S/RES/398 (1976)\n"
        "\n"
        "PP1     first 363 (1974); present wording since 369 (1975); routine updates 1975\n"
        "        Having considered the report of the Secretary-General on the United Nations Disengagement "
        "Observer Force,\n"
        "OP1     first 363 (1974), unchanged\n"
        "        Decides:\n"
        "OP1(a)  first 363 (1974); present wording since 398 (1976); routine updates 1976\n"
        "        To call upon the parties concerned to implement immediately Security Council resolution 338 "
        "(1973) of 22 October 1973;\n"
        "OP1(b)  first 363 (1974); present wording since 398 (1976); changed 1976\n"
        f"        {RENEW}, that is, unti…\n")  # the overview shows 120 characters


def test_html_overview_is_self_contained(series: Path) -> None:
    page = render_html(history(series))
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    for external in ("http:", "https:", "<script", "<link", "@import", "url("):
        assert external not in page
    assert ('<tr><td class="addr">OP1(b)</td><td>' + RENEW + ", that is, until 31 May 1977;</td>") in page
    assert '<span class="yr routine" title="routine change">369 (1975)</span>' in page


# ---------------------------------------------------------------------------- one paragraph


def test_blame_lists_the_versions_with_a_word_diff(series: Path) -> None:
    b = blame(series, "OP1(b)")
    assert [(s.version, str(s.address), s.changed) for s in b.steps] == [
        (0, "OP1(b)", False), (1, "OP1(b)", False), (2, "OP1(b)", True)]
    assert b.steps[0].text == RENEW + ";"
    inserted = [h.text for h in b.steps[2].hunks if h.op is HunkOp.INSERT]
    assert inserted == [", that is, until 31 May 1977"]
    assert b.ends == "latest"
    assert plain(render_blame_terminal(b)) == (
        "OP1(b) of 398 (1976) in undof: 3 texts, first 363 (1974), still in the latest text\n"
        "\n"
        "363 (1974) OP1(b)\n"
        f"    {RENEW};\n"
        "369 (1975): unchanged\n"
        "398 (1976) OP1(b) (wording)\n"
        "    … for another period of six months{+, that is, until 31 May 1977+};\n")  # 6 words of context


def test_blame_of_a_paragraph_later_deleted(series: Path) -> None:
    b = blame(series, "PP2", year=1975)
    assert b.asked == (1, Address.parse("PP2"))
    assert [s.version for s in b.steps] == [0, 1]
    assert b.ends == "year"
    assert plain(render_blame_terminal(b)).splitlines()[0] == (
        "PP2 of 369 (1975) in undof: 2 texts, first 363 (1974), as it stood at the end of 1975")


def test_blame_of_a_year_shows_nothing_later(series: Path) -> None:
    b = blame(series, "OP1(b)", year=1974)
    assert [s.version for s in b.steps] == [0]  # 369 (1975) and 398 (1976) came later
    assert plain(render_blame_terminal(b)).splitlines()[0] == (
        "OP1(b) of 363 (1974) in undof: 1 text, first 363 (1974), as it stood at the end of 1974")


def test_blame_html_marks_insertions(series: Path) -> None:
    page = render_blame_html(blame(series, "OP1(b)"))
    assert f'{RENEW}<ins class="wording" title="wording">, that is, until 31 May 1977</ins>;</li>' in page
    assert "<li class=\"same\">unchanged in 369 (1975)</li>" in page


def test_word_diff_rebuilds_both_texts() -> None:
    old, new = RENEW + ";", RENEW + ", that is, until 31 May 1977;"
    hunks = word_diff(old, new)
    assert "".join(h.text for h in hunks if h.op is not HunkOp.INSERT) == old
    assert "".join(h.text for h in hunks if h.op is not HunkOp.DELETE) == new


@pytest.mark.parametrize("args, message", [
    (("OP9",), "0398.yaml: expected a paragraph OP9, found none (it has 1 preambular and 1 operative paragraphs)"),
    (("OP1(b)", 1990), "expected --year to name a year of the series, found no text of 1990 "
                       "(the series has texts of 1974-1976)"),
    (("paragraph 3",), "--paragraph: expected a paragraph address such as PP3, OP12 or OP12(b)(ii), "
                       "found 'paragraph 3'"),
])
def test_blame_errors_say_what_was_expected(series: Path, args: tuple, message: str) -> None:
    with pytest.raises(DraftingError) as info:
        blame(series, *args)
    assert str(info.value).endswith(message)


def test_history_of_an_empty_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(DraftingError, match="at least one resolution file .*found 0"):
        history(tmp_path)


# ---------------------------------------------------------------------------- CLI


def test_cli_history_blame(series: Path) -> None:
    result = CliRunner().invoke(main, ["history", str(series), "--paragraph", "OP1(b)", "--year", "1974"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [  # 1975 and 1976 came later: not shown
        "OP1(b) of 363 (1974) in undof: 1 text, first 363 (1974), as it stood at the end of 1974", "",
        "363 (1974) OP1(b)", f"    {RENEW};"]


def test_cli_history_html_to_a_file(series: Path, tmp_path: Path) -> None:
    out = tmp_path / "history.html"  # an existing folder: a missing one is refused
    result = CliRunner().invoke(main, ["history", str(series), "--format", "html", "-o", str(out)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert out.read_text() == render_html(history(series))


def test_cli_history_errors(series: Path) -> None:
    result = CliRunner().invoke(main, ["history", str(series), "--paragraph", "OP7"])
    assert result.exit_code == 2
    assert result.stderr == (f"drafting: {series}/0398.yaml: expected a paragraph OP7, found none "
                             "(it has 1 preambular and 1 operative paragraphs)\n")
    result = CliRunner().invoke(main, ["history", str(series), "--year", "1975"])
    assert result.exit_code == 2 and "--year needs --paragraph" in result.stderr


# ---------------------------------------------------------------------------- the committed series


def test_golden_undof_renewal_paragraph() -> None:
    folder = PRECEDENTS / "undof"
    result = CliRunner().invoke(main, ["history", str(folder), "--paragraph", "OP1(b)", "--year", "1990"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    # 679 (1990) is the last renewal of 1990; the renewal clause is there from the first renewal, 363 (1974)
    assert lines[0] == "OP1(b) of 679 (1990) in undof: 33 texts, first 363 (1974), as it stood at the end of 1990"
    assert lines[2:4] == ["363 (1974) OP1(b)", f"    {RENEW};"]
    assert "    … six months, that is, until [-31 May-]{+30 November+} 1977;" in lines
    golden("history-undof", "renewal-OP1b-1990.txt", result.stdout)


def test_golden_unifil_support_paragraph() -> None:
    folder = PRECEDENTS / "unifil"
    result = CliRunner().invoke(main, ["history", str(folder), "--paragraph", "OP2", "--year", "1990"])
    assert result.exit_code == 0, result.output
    # born as preambular "Reiterating ..." in 536 (1983), an operative "Reiterates ..." from 549 (1984)
    lines = result.stdout.splitlines()
    assert lines[2] == "536 (1983) PP4"
    assert lines[5].startswith("549 (1984) OP2")
    assert lines[6].startswith("    [-Reiterating-]{+Reiterates+} its strong support")
    golden("history-unifil", "support-OP2-1990.txt", result.stdout)
    page = render_blame_html(blame(folder, "OP2", 1990))
    assert ('<del class="wording" title="wording">Reiterating</del><ins class="wording" title="wording">Reiterates</ins>'
            " its strong support") in page
    golden("history-unifil", "support-OP2-1990.html", page)


def test_golden_unifil_series_overview() -> None:
    folder = PRECEDENTS / "unifil"
    result = CliRunner().invoke(main, ["history", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "unifil: 36 texts, 426 (1978) to 895 (1994); paragraphs of the latest, S/RES/895 (1994)")
    golden("history-unifil", "overview.txt", result.stdout)
