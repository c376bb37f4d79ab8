"""Proposals read from amendments in UN language, each prefixed by its delegation."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from conftest import DIAMONDS, PRECEDENTS, ROOT, addressed_texts, diamonds, renewal_pairs

from drafting.cli import main
from drafting.comparison.amendments_text import render_amendments
from drafting.comparison.diff import diff, series_pairs
from drafting.compilation.amendment_source import Proposer, delegation_prefix, from_delegation_amendments, split
from drafting.compilation.api import compile_files
from drafting.compilation.conflicts import conflicts
from drafting.compilation.resolve import resolve
from drafting.errors import DraftingError
from drafting.store import load

HAND = ROOT / "tests" / "data" / "compile-68-128-amendments.txt"
PAIRS = renewal_pairs()
# first, second and last pairs of each series: word edits, split and merged paragraphs, moves
SOME = [p for s in ("undof", "unifil") for p in (lambda ps: [ps[0], ps[1], ps[-1]])(series_pairs(PRECEDENTS / s))]


def shared(text: str) -> str:
    """The amendments shared between two delegations: odd numbers by G77/China, even by the EU."""
    names = ["EU", "G77/China"]
    return re.sub(r"^(\d+)\. ", lambda m: f"{m[1]}. {names[int(m[1]) % 2]}: ", text, flags=re.M)


def check_pair(a, b, tmp_path) -> None:
    old, new = load(a), load(b)
    (tmp_path / "amendments.txt").write_text(shared(render_amendments(diff(old, new), "amendments")), "utf-8")
    compiled = compile_files(a, [tmp_path / "amendments.txt"], accept=["all"])
    assert addressed_texts(compiled.revision.text) == addressed_texts(new)
    assert set(compiled.compilation.delegations()) <= {"EU", "G77/China"}


@pytest.mark.parametrize("a,b", SOME, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_a_pairs_amendments_shared_by_two_delegations_give_the_adopted_text(a, b, tmp_path):
    check_pair(a, b, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("a,b", PAIRS, ids=lambda p: f"{p.parent.name}-{p.stem}")
def test_every_series_pairs_amendments_give_the_adopted_text(a, b, tmp_path):
    check_pair(a, b, tmp_path)


def test_each_amendment_is_its_delegations_proposal_and_the_same_words_conflict():
    base = diamonds()
    proposals = compile_files(DIAMONDS, [HAND]).compilation.proposals
    assert [(p.id, p.attribution(), p.action.value, p.paragraph, p.words, p.new) for p in proposals] == [
        ("EU-1", "EU", "replace", "OP1", "strong and continuing", "full"),
        ("EU-2", "EU", "add", None, None, None),
        ("G77/China-1", "G77/China, supported by Japan", "replace", "OP1", "strong and continuing", "unwavering"),
        ("G77/China-2", "G77/China, supported by Japan", "delete-paragraph", "PP11", None, None),
        ("EU-3", "EU", "move", "OP2", None, None),
    ]
    added = proposals[1]
    assert (str(added.place), [p.text for p in added.paragraphs]) == ("after OP3", [
        "Encourages the Participants to share their experience with States wishing to join the Kimberley Process;"])
    assert str(proposals[4].place) == "after OP4"
    compiled = compile_files(DIAMONDS, [HAND])
    found = conflicts(resolve(base, compiled.compilation))
    assert [(c.first, c.second, c.paragraph) for c in found] == [("EU-1", "G77/China-1", "OP1")]


def test_accepting_one_side_of_the_conflict_gives_its_words():
    compiled = compile_files(DIAMONDS, [HAND], accept=["EU-1", "G77/China-2"])
    text = compiled.revision.text
    assert text.operative[0].text == ("Reaffirms its full support for the Kimberley Process Certification Scheme "
                                      "and the Kimberley Process as a whole;")
    assert len(text.preamble) == len(diamonds().preamble) - 1
    assert "vast majority of rough diamonds" not in " ".join(p.text for p in text.preamble)


def test_the_command_compiles_the_amendments_file(tmp_path):
    out = tmp_path / "next.yaml"
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(HAND), "--accept", "G77/China-1",
                                       "--format", "yaml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert load(out).operative[0].text.startswith("Reaffirms its unwavering support for the Kimberley")


@pytest.mark.parametrize("line,expected", [
    ("EU:", ("EU", "")),
    ("EU: In operative paragraph 5, delete the word “x”.", ("EU", "In operative paragraph 5, delete the word “x”.")),
    ("3. G77/China: Delete operative paragraph 7.", ("G77/China", "3. Delete operative paragraph 7.")),
    ("Antigua and Barbuda, on behalf of AOSIS:", ("Antigua and Barbuda, on behalf of AOSIS", "")),
])
def test_a_delegation_prefix_is_read(line, expected):
    assert split(line + "\n", "f.txt")[0] == (expected[0], expected[1])


@pytest.mark.parametrize("line", [
    "Operative paragraph 5: delete the word “x”.",
    "Replace operative paragraph 5 with the following:",
    "OP5: delete the word “x”.",
    "Check that operative paragraph 5 now reads:",
    "EU: Information on the draft",
])
def test_a_paragraph_reference_is_no_delegation(line):
    assert delegation_prefix(line) is None


def test_who_proposes_reads_support_and_groups():
    assert Proposer.parse("EU, supported by Japan, Norway") == Proposer(("EU",), ("Japan", "Norway"))
    assert Proposer.parse("Fiji, on behalf of AOSIS") == Proposer(("Fiji",), (), "AOSIS")
    assert Proposer.parse("Trinidad and Tobago") == Proposer(("Trinidad and Tobago",))


def test_an_amendment_that_cannot_be_placed_names_file_delegation_and_amendment():
    text = "EU:\n1. In operative paragraph 1, delete the words “not there”.\n"
    with pytest.raises(DraftingError) as err:
        from_delegation_amendments(diamonds(), text, "eu.txt")
    assert str(err.value) == ("eu.txt: EU: amendment 1 (“In operative paragraph 1, delete the…”): in operative "
                              "paragraph 1, the words “not there” are not in the paragraph")


def test_a_deleted_paragraph_out_of_range_is_refused_through_the_command(tmp_path):
    (tmp_path / "a.txt").write_text("G77/China: 1. Delete operative paragraph 99.\n", "utf-8")
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), str(tmp_path / "a.txt")])
    assert result.exit_code == 2
    assert "G77/China: amendment 1" in result.output and "operative paragraph 99" in result.output


def test_an_amendment_before_any_delegation_is_refused():
    with pytest.raises(DraftingError) as err:
        split("Amendments to A/68/L.26\n\n1. Delete operative paragraph 2.\nEU: 2. Delete operative paragraph 3.\n",
              "f.txt")
    assert str(err.value) == ("f.txt: amendment 1 (“Delete operative paragraph 2.…”) has no delegation; start it "
                              "(or its block) with the delegation's name and a colon (EU: ...)")


def test_a_colon_inside_a_new_paragraphs_quotation_is_no_delegation():
    text = ("EU:\n1. After operative paragraph 3, insert a new paragraph reading:\n“Decides that the Process\n"
            "Reaffirms: the following;”\nG77/China: 2. Delete operative paragraph 2.\n")
    assert [who for who, _ in split(text, "f.txt")] == ["EU", "G77/China"]


def test_unnumbered_amendments_are_counted_through_the_file(tmp_path):
    text = ("EU: After operative paragraph 3, insert a new paragraph reading: “Encourages the Participants;”\n"
            "G77/China: After operative paragraph 1, insert a new paragraph reading: “Urges the Participants;”\n"
            "G77/China: After the paragraph inserted by amendment 1, insert a new paragraph reading: "
            "“Invites the Participants;”\n")
    (tmp_path / "f.txt").write_text(text, "utf-8")
    compiled = compile_files(DIAMONDS, [tmp_path / "f.txt"], accept=["all"])
    assert [(p.id, str(p.place), [q.text for q in p.paragraphs]) for p in compiled.compilation.proposals] == [
        ("EU-1", "after OP3", ["Encourages the Participants;"]),
        ("G77/China-1", "after OP1", ["Urges the Participants;"]),
        ("G77/China-2", "after EU-1", ["Invites the Participants;"]),
    ]
    assert [p.text for p in compiled.revision.text.operative[1:6]] == [
        "Urges the Participants;", diamonds().operative[1].text, diamonds().operative[2].text,
        "Encourages the Participants;", "Invites the Participants;"]
