"""Proposals read from a delegation's tracked Word file, its revised text, or amendments."""
from __future__ import annotations

from dataclasses import replace

import pytest
from click.testing import CliRunner
from conftest import COMPILE_HAND as HAND, DIAMONDS, addressed_texts, diamonds, renewal_pairs

from drafting.cli import main
from drafting.comparison.diff import diff
from drafting.compilation.api import compile_files
from drafting.compilation.proposals import Action, Compilation
from drafting.compilation.revision import revise
from drafting.compilation.sources import (
    from_amendments,
    from_revised_text,
    from_tracked_word,
)
from drafting.errors import DraftingError
from drafting.store import load

PAIRS = renewal_pairs()


def test_our_own_word_compilation_reads_back_into_its_tracked_proposals(tmp_path):
    c = compile_files(DIAMONDS, [HAND])
    path = tmp_path / "compilation.docx"
    path.write_bytes(c.render("docx"))
    back = from_tracked_word(c.base, path)
    assert [(p.id, p.paragraph, p.action.value, p.words, p.new) for p in back if p.action is not Action.ADD] == [
        ("US-1", "OP1", "replace", "strong and continuing", "full"),
        ("EU-1", "OP5", "insert", "sales", " and of footprinting techniques"),
        ("Fiji-1", "OP12", "insert", "organizations", ", including women’s organizations,"),
    ]
    add = back[-1]
    assert (add.id, str(add.place), add.paragraphs[0].text) == (
        "G77/China-1", "before OP33",
        "Encourages the Kimberley Process to share its experience with other natural resource certification schemes;")


def check_tracked_pair(a, b, tmp_path) -> None:
    old, new = load(a), load(b)
    path = tmp_path / f"{a.stem}.docx"
    diff(old, new).to_docx(path, author="Jane Doe")
    warnings: list[str] = []
    proposals = from_tracked_word(old, path, {"Jane Doe": "EU"}, warnings)
    assert proposals and all(p.by == ("EU",) for p in proposals)
    got = revise(old, Compilation(tuple(proposals)), accept=["all"]).text
    assert [t for _, t in addressed_texts(got)] == [t for _, t in addressed_texts(new)]
    guesses = [w for w in warnings if "is a guess" in w]
    assert all("above the text's first paragraph" in w or "below the text's last paragraph" in w
               or "footnotes are not read" in w for w in warnings if w not in guesses)
    if not guesses:  # the structure too, unless a paragraph's level could not be known (and was said)
        assert addressed_texts(got) == addressed_texts(new)


@pytest.mark.parametrize("a,b", PAIRS[:5] + PAIRS[-5:], ids=lambda p: p.stem)
def test_a_tracked_word_file_on_the_base_gives_the_revised_text(a, b, tmp_path):
    check_tracked_pair(a, b, tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("a,b", PAIRS, ids=lambda p: p.stem)
def test_every_tracked_series_pair_gives_the_revised_text(a, b, tmp_path):
    check_tracked_pair(a, b, tmp_path)


def test_a_tracked_change_off_the_base_text_is_refused(tmp_path):
    old, new = load(PAIRS[0][0]), load(PAIRS[0][1])
    path = tmp_path / "other.docx"
    diff(old, new).to_docx(path, author="X")
    with pytest.raises(DraftingError, match=r"other.docx: none of its paragraphs is a paragraph of the base text; track the changes on a copy"):
        from_tracked_word(diamonds(), path)


def test_a_revised_copy_of_the_base_text_is_read_as_its_delegations_proposals(tmp_path):
    base = diamonds()
    revised = base.replace_paragraph(base.top().__next__()[0], replace(base.preamble[0], text=base.preamble[0].text
                                     .replace("serious international concern", "grave international concern")))
    (tmp_path / "eu.yaml").write_text(__import__("drafting.store", fromlist=["dumps"]).dumps(revised))
    result = CliRunner().invoke(main, ["compile", str(DIAMONDS), f"EU={tmp_path / 'eu.yaml'}", str(HAND),
                                       "-o", str(tmp_path / "c.txt")])
    assert result.exit_code == 0, result.output
    # the ids the text form gives are kept; the revised copy's proposal takes the next free one
    assert "  EU-4 pending: PP1: replace “serious” with “grave”" in result.output
    assert "  EU-1 pending: PP8: replace “in the past decade" in result.output
    assert from_revised_text(base, revised, "EU")[0].words == "serious"


def test_amendments_plug_in_through_the_function_that_applies_them():
    base = diamonds()

    def amend(text, operations):  # stands in for the amendment parser's own amend()
        for address, old, new in operations:
            paragraph = text.get(address)
            text = text.replace_paragraph(paragraph_address(text, address), paragraph.with_text(
                paragraph.text.replace(old, new)))
        return text

    from drafting.model import Address

    def paragraph_address(text, address):
        return Address.parse(address)

    proposals = from_amendments(base, [("OP1", "strong and continuing", "full")], "EU", amend)
    assert [(p.id, p.paragraph, p.words, p.new) for p in proposals] == [("EU-1", "OP1", "strong and continuing", "full")]
