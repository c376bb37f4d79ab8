"""The library commands: validate, show, list (exact output and exit codes)."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from drafting.cli import main

from conftest import PRECEDENTS, golden

RUNNER = CliRunner()


def run(*args: str):
    return RUNNER.invoke(main, list(args), catch_exceptions=False)


def test_validate_clean_library() -> None:
    result = run("validate", str(PRECEDENTS))
    assert (result.exit_code, result.output) == (0, "77 files valid\n")


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "2013.yaml"
    bad.write_text("symbol: A/RES/68/128\nyear: 2013\nyear: 2014\npreamble: Recognizing,\n", encoding="utf-8")
    empty = tmp_path / "2014.yaml"
    empty.write_text("", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert result.output == (
        f'{bad}:3:1: key "year" appears twice; keep one\n'
        f"{bad}:4:11: preamble: expected a list of paragraphs, found a string ('Recognizing,')\n"
        f"{empty}: the file is empty: expected a mapping with preamble and operative paragraphs "
        "(see README, 'The YAML format')\n"
    )


def test_bad_input_is_one_line_and_no_traceback(tmp_path: Path) -> None:
    binary = tmp_path / "scan.yaml"
    binary.write_bytes(bytes(range(256)))
    result = run("show", str(binary))
    assert result.exit_code == 2
    assert result.output == f"drafting: {binary}: expected a UTF-8 text file, found binary data\n"
    result = run("show", str(tmp_path / "missing.yaml"))
    assert (result.exit_code, result.output) == (2, f"drafting: {tmp_path / 'missing.yaml'}: no such file\n")


def test_show_lays_out_a_council_renewal_as_printed() -> None:
    result = run("show", str(PRECEDENTS / "undof" / "0408.yaml"))
    assert result.exit_code == 0
    # What the corpus prints (S_RES_0408_1977_EN_GOLD.txt), independent of the golden file:
    lines = result.output.splitlines()
    assert lines[:4] == ["S/RES/408 (1977)", "of 26 May 1977", "", "The Security Council,"]
    assert "    Expressing concern over the prevailing state of tension in the area," in lines
    assert "    Decides:" in lines
    assert "      * Ibid., Supplement for April, May and June 1977, document S/12333." in lines
    assert [line.strip()[:3] for line in lines if line.strip()[:3] in ("(a)", "(b)", "(c)")] == ["(a)", "(b)", "(c)"]
    assert " ".join(result.output.split()).count(
        "(b) To renew the mandate of the United Nations Disengagement Observer Force for another period of "
        "six months, that is, until 30 November 1977;") == 1
    assert lines[-3:] == ["Adopted at the 2010th meeting by 12 votes to none.",
                          "      * Three members (Benin, China and Libyan Arab Jamahiriya) did not participate in",
                          "        the voting."]
    golden("show", "undof-0408.txt", result.output)


def test_show_with_addresses_on_the_general_assembly_text() -> None:
    result = run("show", "--addresses", str(PRECEDENTS / "conflict-diamonds" / "2013.yaml"))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:4] == ["A/RES/68/128", "Sixty-eighth session", "Agenda item 32", ""]
    assert "The General Assembly," in lines
    assert any(line.startswith("    31. [OP31] Acknowledges with great appreciation the important contribution that") for line in lines)
    assert lines[-2:] == ["69th plenary meeting", "18 December 2013"]
    golden("show", "conflict-diamonds-2013-addresses.txt", result.output)


def test_list_names_series_bodies_and_spans() -> None:
    result = run("list", str(PRECEDENTS))
    assert (result.exit_code, result.output) == (0, (
        "conflict-diamonds  GA     1 text  2013\n"
        "undof              SC   40 texts  1974–1993\n"
        "unifil             SC   36 texts  1978–1994\n"))


def test_list_of_a_folder_with_no_series(tmp_path: Path) -> None:
    result = run("list", str(tmp_path))
    assert (result.exit_code, result.output) == (0, f"{tmp_path}: no series found (expected <series>/<year>.yaml files)\n")


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("validate", "show", "list", "import", "diff", "render", "propose", "evaluate",
                    "lint", "score", "exercise", "phrases", "search", "history"):
        assert f"  {command} " in result.output, command


# ---------------------------------------------------------------------------- bad input (review)


def test_a_word_file_where_yaml_is_expected_says_how_to_convert_it(tmp_path: Path) -> None:
    word = tmp_path / "draft.docx"
    word.write_bytes(b"PK\x03\x04" + bytes(60))  # a zip archive's opening, as every .docx has
    expected = (f"drafting: {word}: expected a YAML resolution file, found a Word .docx file; "
                f"convert it first with: drafting import {word} -o draft.yaml\n")
    for args in (("show", str(word)), ("diff", str(word), str(PRECEDENTS / "undof" / "0350.yaml")),
                 ("render", str(word), "-o", str(tmp_path / "out.docx"))):
        result = run(*args)
        assert (result.exit_code, result.output) == (2, expected), args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.docx"]


def test_a_folder_where_a_file_is_expected(tmp_path: Path) -> None:
    expected = f"drafting: {tmp_path}: expected a file, found a directory\n"
    for args in (("score", str(tmp_path), "--against", str(tmp_path)),
                 ("import", str(tmp_path)), ("show", str(tmp_path))):
        result = run(*args)
        assert (result.exit_code, result.output) == (2, expected), args
    # lint takes a folder as the files below it, like validate; an empty one is a wrong path
    result = run("lint", str(tmp_path))
    assert (result.exit_code, result.output) == (
        2, f"drafting: {tmp_path}: expected resolution files (*.yaml) in this folder, found none\n")


def test_lint_a_whole_series_folder() -> None:
    result = run("lint", str(PRECEDENTS / "undof"))
    assert result.exit_code == 1  # three real slips of the OCR'd texts, as warnings ("arca": ocr-damage)
    assert result.output.splitlines()[-1] == "0 errors, 3 warnings, 0 info in 40 files"


def test_diff_series_into_a_file_where_a_folder_is_expected(tmp_path: Path) -> None:
    stands = tmp_path / "report.html"
    stands.write_text("kept\n", encoding="utf-8")
    result = run("diff", "--series", str(PRECEDENTS / "undof"), "-o", str(stands))
    assert result.exit_code == 2
    assert result.output.startswith(f"drafting: {stands}: ") and result.output.count("\n") == 1
    assert "Traceback" not in result.output
    assert stands.read_text(encoding="utf-8") == "kept\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_validate_of_a_folder_without_resolutions_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not a resolution\n", encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert (result.exit_code, result.output) == (
        2, f"{tmp_path}: expected resolution files (*.yaml) in this folder, found none\n")


# ---------------------------------------------------------------------------- rough edges a new user hits

IMPOSSIBLE = ("symbol: S/RES/1 (1977)\nbody: Security Council\nyear: 1977\nadopted: 1977-02-30\n"
              "preamble: []\noperative:\n  - Decides to remain seized of the matter.\n")


def test_an_impossible_date_is_one_line_naming_its_place(tmp_path: Path) -> None:
    path = tmp_path / "0001.yaml"
    path.write_text(IMPOSSIBLE, encoding="utf-8")
    for command in (["validate", str(path)], ["show", str(path)], ["lint", str(path)]):
        result = RUNNER.invoke(main, command)
        assert result.exit_code == 2, command
        assert result.output.endswith(
            f"{path}:4:10: expected a real date, found 1977-02-30 (day is out of range for month); "
            "correct it, or quote it to keep it as text\n"), command


def test_an_impossible_date_in_a_facts_file(tmp_path: Path) -> None:
    facts = tmp_path / "2014.facts.yaml"
    facts.write_text("next_chair: China\nplenary_dates: {from: 2014-11-11, to: 2014-11-31}\n", encoding="utf-8")
    result = RUNNER.invoke(main, ["propose", str(PRECEDENTS / "conflict-diamonds" / "2013.yaml"),
                                  "--facts", str(facts), "-o", str(tmp_path / "d.yaml")])
    assert result.exit_code == 2
    assert "found 2014-11-31 (day is out of range for month)" in result.output
    assert not (tmp_path / "d.yaml").exists()


def test_render_refuses_a_pdf_name_for_a_word_file(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = RUNNER.invoke(main, ["render", str(PRECEDENTS / "undof" / "0350.yaml"), "-o", str(out)])
    assert (result.exit_code, result.output) == (2, (
        f"drafting: {out}: expected a Word file name ending in .docx for -o, found .pdf (to get a PDF, "
        "convert the .docx: libreoffice --headless --convert-to pdf FILE.docx)\n"))
    assert not out.exists()


def test_diff_to_a_file_says_what_it_wrote(tmp_path: Path) -> None:
    out = tmp_path / "changes.md"
    result = RUNNER.invoke(main, ["diff", str(PRECEDENTS / "undof" / "0350.yaml"),
                                  str(PRECEDENTS / "undof" / "0363.yaml"), "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 1
    assert result.output == f"wrote {out}: 11 substantive, 3 routine\n"  # the adoption line routine
    assert out.read_text(encoding="utf-8").startswith("# ")


def test_a_reader_that_goes_away_is_no_traceback(tmp_path: Path) -> None:
    import subprocess
    import sys

    big = tmp_path / "big.yaml"
    lines = "".join(f"  - Decides to renew the mandate for the {n}th time;\n" for n in range(20000))
    big.write_text("symbol: S/RES/1 (1990)\nbody: Security Council\nyear: 1990\npreamble: []\n"
                   f"operative:\n{lines}  - Decides to remain seized of the matter.\n", encoding="utf-8")
    child = subprocess.Popen([sys.executable, "-m", "drafting", "show", str(big)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.read(100)  # `| head -c 100`
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) in (0, 1)
    assert err == ""
