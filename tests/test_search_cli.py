"""Search as a user types it: the README's examples, short --similar phrases, the shown threshold."""
from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from drafting.cli import main

from conftest import PRECEDENTS, ROOT


def readme_search_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = re.findall(r"^drafting search (.+?)(?:\s+#.*)?$", text, re.M)
    assert lines, "the README shows no search"
    return lines


@pytest.fixture()
def library(tmp_path: Path) -> Path:
    """A writable copy of the committed library (the index is written beside it)."""
    import shutil

    shutil.copytree(PRECEDENTS, tmp_path / "precedents")
    return tmp_path / "precedents"


def test_every_search_in_the_readme_finds_something(library: Path) -> None:
    for line in readme_search_lines():
        args = shlex.split(line.replace("...", "").replace("Reaffirms its firm support for ",
                                                           "Reaffirms its firm support for"))
        result = CliRunner().invoke(main, ["search", "--library", str(library), *args])
        assert result.exit_code == 0, (line, result.output)


def test_a_short_phrase_finds_every_paragraph_that_holds_it(library: Path) -> None:
    result = CliRunner().invoke(main, ["search", "--library", str(library), "--similar",
                                       "Decides to renew the mandate", "--limit", "100", "--format", "json"])
    import json

    from drafting import load

    holding = {(f"{path.parent.name}/{path.name}", str(address))
               for path in sorted(PRECEDENTS.glob("*/*.yaml")) for address, p in load(path).walk()
               if "decides to renew the mandate" in p.text.lower()}
    assert len(holding) == 8  # UNIFIL words it so; UNDOF's renewals say "To renew the mandate"
    best = {(h["file"], h["address"]) for h in json.loads(result.output)["hits"] if h["similarity"] == 100.0}
    assert best == holding


def test_the_similarity_floor_is_shown_and_checked(library: Path) -> None:
    result = CliRunner().invoke(main, ["search", "--library", str(library), "--similar",
                                       "Decides to renew the mandate", "--limit", "1"])
    assert result.output.splitlines()[-1] == (
        "1 paragraph in 1 text, first adopted 1978 (at least 60% similar; searched 77 texts; "
        "limit 1 reached, use --limit for more)")
    bad = CliRunner().invoke(main, ["search", "--library", str(library), "--similar", "Decides",
                                    "--min-similarity", "101"])
    assert (bad.exit_code, bad.output) == (2, "drafting: expected --min-similarity from 0 to 100, found 101\n")
