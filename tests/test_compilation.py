"""The compilation: proposals on one base text, conflicts, and the next revision.

The real material: consecutive texts of the UNDOF and UNIFIL series. Year N is the base, the
changes to year N+1 are shared among three delegations as proposals (plus one that conflicts and
one that is rejected); accepting the real ones must give the adopted N+1 text exactly.
"""
from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import PRECEDENTS, addressed_texts, diamonds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drafting.comparison.diff import series_pairs
from drafting.compilation.conflicts import conflicts
from drafting.compilation.derive import derive
from drafting.compilation.proposals import (
    Action,
    Compilation,
    Place,
    Proposal,
    Side,
    Status,
)
from drafting.compilation.report import Fate, fates
from drafting.compilation.resolve import resolve
from drafting.compilation.revision import revise
from drafting.errors import DraftingError
from drafting.model import Paragraph
from drafting.store import load

DELEGATIONS = ["EU", "G77/China", "US"]


def pairs(series: str) -> list[tuple[str, str]]:
    return [(a.name, b.name) for a, b in series_pairs(PRECEDENTS / series)]


# Ten-plus consecutive pairs of each series, taken in order (the fast suite); all of them are slow.
FAST = [("undof", a, b) for a, b in pairs("undof")[:7]] + [("unifil", a, b) for a, b in pairs("unifil")[:7]]
ALL = [("undof", a, b) for a, b in pairs("undof")] + [("unifil", a, b) for a, b in pairs("unifil")]


def material(series: str, a: str, b: str) -> tuple:
    """(base, adopted, real proposals, the compilation with a rival and a rejected proposal)."""
    old, new = load(PRECEDENTS / series / a), load(PRECEDENTS / series / b)
    real = derive(old, new, DELEGATIONS)
    word = next((p for p in real if p.action in (Action.REPLACE, Action.DELETE)), None)
    extra = []
    if word is not None:  # a rival text on the very words a real proposal changes
        extra.append(Proposal("CANZ-1", ("CANZ",), Action.REPLACE, word.paragraph, word.words,
                              word.occurrence, "bridging words", supported_by=("Norway",)))
    first, paragraph = next(old.walk())
    extra.append(Proposal("Norway-1", ("Norway",), Action.REPLACE, str(first), paragraph.text,
                          None, "A paragraph nobody adopted"))
    return old, new, real, Compilation(tuple(real + extra))


def same_text(got, want) -> None:
    """Paragraph texts, order, parts, sub-paragraphs and footnotes, exactly."""
    assert addressed_texts(got) == addressed_texts(want)
    assert got.preamble == want.preamble and got.operative == want.operative


def check_pair(series: str, a: str, b: str) -> None:
    old, new, real, comp = material(series, a, b)
    assert real, f"{a} -> {b}: no change at all"
    rev = revise(old, comp, accept=[",".join(p.id for p in real)], reject=["Norway-1"])
    same_text(rev.text, new)
    found = conflicts(resolve(old, comp))
    fate = fates(comp, rev, found)
    assert fate["Norway-1"][0] is Fate.REJECTED
    if "CANZ-1" in fate:
        assert fate["CANZ-1"][0] is Fate.SUPERSEDED
        with pytest.raises(DraftingError, match="CANZ-1.*conflict|conflict.*CANZ-1"):
            revise(old, comp, accept=["all"], reject=["Norway-1"])


@pytest.mark.parametrize("series,a,b", FAST)
def test_accepting_the_real_proposals_gives_the_adopted_text(series, a, b):
    check_pair(series, a, b)


@pytest.mark.slow
@pytest.mark.parametrize("series,a,b", ALL)
def test_every_series_pair_is_rebuilt_exactly(series, a, b):
    check_pair(series, a, b)


def test_the_material_holds_every_kind_of_proposal():
    kinds = set()
    for series, a, b in FAST:
        kinds.update(p.action for p in material(series, a, b)[2])
    assert {Action.REPLACE, Action.INSERT, Action.DELETE, Action.ADD, Action.DELETE_PARAGRAPH,
            Action.NOTE} <= kinds


def test_a_derived_pair_reads_as_a_negotiator_writes_it():
    old, new, real, _ = material("undof", "0363.yaml", "0369.yaml")
    lines = [(p.id, p.paragraph, p.action.value, p.words, p.new) for p in real if p.action is not Action.NOTE]
    assert lines == [
        ("EU-2", "PP1", "delete", " (S/11563)", None),
        ("G77/China-1", "PP2", "replace", "durable", "lasting"),
        ("G77/China-2", "PP2", "replace", "arca", "area"),
        ("US-1", "OP1(c)", "replace", "That", "To request"),
        ("US-2", "OP1(c)", "replace", "will", "to"),
        ("US-3", "OP1(c)", "replace", "Situation", "situation"),
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FAST[:8]), st.randoms(use_true_random=False))
def test_the_order_of_acceptance_and_of_the_proposals_does_not_matter(case, rnd):
    old, new, real, comp = material(*case)
    shuffled = list(comp.proposals)
    rnd.shuffle(shuffled)
    ids = [p.id for p in real]
    rnd.shuffle(ids)
    rev = revise(old, replace(comp, proposals=tuple(shuffled)), accept=ids, reject=["Norway-1"])
    same_text(rev.text, new)


# ---------------------------------------------------------------------------- by hand, on 68/128


def test_68_128_written_by_hand_in_un_notation():
    from conftest import DIAMONDS, ROOT

    from drafting.compilation.api import compile_files

    c = compile_files(DIAMONDS, [ROOT / "tests/data/compile-68-128.txt"],
                      accept=["EU-1,US-1,EU-2,EU-3,Fiji-1,G77/China-2"], reject=["US-2"])
    text = c.revision.text
    assert text.get("PP8").text.startswith(
        "Acknowledging the successful role that the Kimberley Process has played in stemming the flow of "
        "conflict diamonds since its inception and the significant developmental impact")
    assert text.get("OP1").text == ("Reaffirms its full support for the Kimberley Process Certification Scheme "
                                    "and the Kimberley Process as a whole;")
    assert text.get("OP5").text.endswith("requirements in cross-border Internet sales and of footprinting techniques;")
    assert "civil society organizations, including women’s organizations, in the Process;" in text.get("OP12").text
    assert text.get("OP33").text == ("Encourages the Kimberley Process to share its experience with other natural "
                                     "resource certification schemes;")
    assert text.get("OP34").text.startswith("Decides to include in the provisional agenda of its sixty-ninth")
    assert len(text.operative) == 34 and len(text.preamble) == 24
    assert c.compilation.status == {"PP9": Status.AD_REF}
    assert c.compilation.by_id()["Fiji-1"].attribution() == (
        "Fiji, on behalf of the Pacific small island developing States, supported by Japan")
    report = c.report()
    assert "  G77/China-1 superseded by EU-1: PP8: delete “ in the past decade of its existence”" in report
    assert "OP33  (new)  G77/China / G77/China-2" in report
    assert "OP34  OP33   - / -" in report
    assert "paragraphs 58, accepted 6, rejected 1, pending 1, brackets 0, options 0" in report


def test_carry_pending_keeps_the_options_in_brackets():
    from conftest import DIAMONDS, ROOT

    from drafting.compilation.api import compile_files

    c = compile_files(DIAMONDS, [ROOT / "tests/data/compile-68-128.txt"], accept=["US-1"], carry_pending=True)
    assert ("stemming the flow of conflict diamonds [in the past decade of its existence / since its inception "
            "(EU, supported by Norway, Switzerland) / — (G77/China: delete)] and the significant"
            ) in c.revision.text.get("PP8").text
    assert c.revision.text.get("OP33").text == (
        "[Encourages the Kimberley Process to share its experience with other natural resource certification schemes;]")
    assert c.revision.counts["brackets"] == 4  # OP2's deletion competes with a word proposal: not bracketed
    c = compile_files(DIAMONDS, [ROOT / "tests/data/compile-68-128.txt"], accept=["EU-3"], carry_pending=True)
    assert c.revision.text.get("OP2").text.startswith("Recognizes that the Kimberley Process Certification")
    c = compile_files(DIAMONDS, [ROOT / "tests/data/compile-68-128.txt"], reject=["EU-3"], carry_pending=True)
    assert c.revision.text.get("OP2").text.startswith("[Recognizes that the Kimberley Process Certification")
    assert c.revision.text.get("OP2").text.endswith("which play a role in fuelling conflict;]")


# ---------------------------------------------------------------------------- refusals


def one(**fields) -> Compilation:
    base = {"id": "EU-1", "by": ("EU",), "action": Action.REPLACE, "paragraph": "OP1"}
    return Compilation((Proposal(**{**base, **fields}),))


def test_a_target_that_is_not_there_is_named():
    with pytest.raises(DraftingError, match=r"proposal EU-1 \(EU\): the words “steadfast” are not in OP1"):
        revise(diamonds(), one(words="steadfast", new="firm"), accept=["all"])


def test_an_ambiguous_target_asks_for_the_occurrence():
    with pytest.raises(DraftingError, match="“Kimberley Process” occur 2 times in OP1; say which with occurrence: 1 to 2"):
        revise(diamonds(), one(words="Kimberley Process", new="KP"), accept=["all"])
    rev = revise(diamonds(), one(words="Kimberley Process", occurrence=2, new="KP"), accept=["all"])
    assert rev.text.get("OP1").text == ("Reaffirms its strong and continuing support for the Kimberley Process "
                                        "Certification Scheme and the KP as a whole;")


def test_a_proposal_on_an_agreed_paragraph_is_refused_unless_reopened():
    comp = replace(one(words="strong", new="firm"), status={"OP1": Status.AGREED})
    with pytest.raises(DraftingError, match="OP1 is agreed; a proposal on it is refused unless the paragraph is reopened"):
        revise(diamonds(), comp)
    rev = revise(diamonds(), replace(comp, reopened=frozenset({"OP1"})), accept=["EU"])
    assert rev.text.get("OP1").text.startswith("Reaffirms its firm and continuing support")


def test_a_paragraph_deleted_while_another_amends_it_conflicts():
    comp = Compilation((Proposal("EU-1", ("EU",), Action.REPLACE, "OP1", "strong", None, "firm"),
                        Proposal("US-1", ("US",), Action.DELETE_PARAGRAPH, "OP1")))
    with pytest.raises(DraftingError, match="EU-1 and US-1 conflict on OP1: one deletes the paragraph the other changes"):
        revise(diamonds(), comp, accept=["all"])


def test_moves_and_additions_chain_on_each_other():
    comp = Compilation((Proposal("EU-1", ("EU",), Action.ADD, place=Place(Side.FIRST_IN, "OP"),
                                 paragraphs=(Paragraph("Decides first;"),)),
                        Proposal("US-1", ("US",), Action.MOVE, "OP33", place=Place(Side.AFTER, "EU-1")),
                        Proposal("US-2", ("US",), Action.MOVE, "PP1", place=Place(Side.BEFORE, "OP1"))))
    rev = revise(diamonds(), comp, accept=["all"])
    first = [p.text[:30] for p in rev.text.operative[:4]]
    assert first == ["Decides first;", "Decides to include in the prov", "Recognizing that the trade in ",
                     "Reaffirms its strong and conti"]
    assert len(rev.text.preamble) == 23 and len(rev.text.operative) == 35
    with pytest.raises(DraftingError, match="US-1 is placed after EU-1, whose paragraph is not accepted"):
        revise(diamonds(), comp, accept=["US"])


def test_an_unknown_id_or_delegation_is_refused():
    with pytest.raises(DraftingError, match="--accept XX-9: expected a proposal id"):
        revise(diamonds(), one(words="strong", new="firm"), accept=["XX-9"])


# ---------------------------------------------------------------------------- fates and statuses


def test_a_bridging_text_supersedes_what_it_bridges_and_twins_merge():
    from drafting.compilation.api import Compiled

    base = diamonds()
    comp = Compilation((
        Proposal("EU-1", ("EU",), Action.REPLACE, "OP1", "strong and continuing", None, "full"),
        Proposal("G77/China-1", ("G77/China",), Action.DELETE, "OP1", " and continuing"),
        Proposal("Chair-1", ("Chair",), Action.REPLACE, "OP1", "strong and continuing", None, "strong and full",
                 bridges=("EU-1", "G77/China-1")),
        Proposal("US-1", ("US",), Action.REPLACE, "OP3", "June 2013", None, "November 2013"),
        Proposal("Japan-1", ("Japan",), Action.REPLACE, "OP3", "June 2013", None, "November 2013"),
    ))
    rev = revise(base, comp, accept=["Chair-1,US-1,Japan-1"])
    assert rev.text.get("OP1").text.startswith("Reaffirms its strong and full support for the Kimberley")
    assert rev.text.get("OP3").text.startswith("Welcomes the admission in November 2013 of Mali")
    report = Compiled(base, comp, rev).report()
    assert "  EU-1 superseded by the bridging text Chair-1: OP1: replace “strong and continuing” with “full”" in report
    assert "  G77/China-1 superseded by the bridging text Chair-1: OP1: delete “ and continuing”" in report
    assert "  Japan-1 accepted: OP3" in report
    rev = revise(base, comp, accept=["US-1"])
    assert "  Japan-1 merged with US-1: OP3: replace “June 2013” with “November 2013”" in \
        Compiled(base, comp, rev).report()


def test_status_carries_only_while_the_text_is_unchanged():
    base = diamonds()
    comp = Compilation((Proposal("EU-1", ("EU",), Action.REPLACE, "OP1", "strong", None, "firm"),
                        Proposal("EU-2", ("EU",), Action.DELETE_PARAGRAPH, "PP1")),
                       status={"OP1": Status.AGREED, "OP2": Status.AD_REF, "PP9": Status.AGREED},
                       reopened=frozenset({"OP1"}))
    rev = revise(base, comp, accept=["all"])
    assert rev.status == {"PP8": Status.AGREED, "OP2": Status.AD_REF}  # PP9 is PP8 now; OP1 changed


def test_a_sub_paragraph_of_an_agreed_paragraph_is_agreed_too():
    base = load(PRECEDENTS / "undof" / "0363.yaml")
    comp = Compilation((Proposal("EU-1", ("EU",), Action.REPLACE, "OP1(b)", "six months", None, "three months"),),
                       status={"OP1": Status.AD_REF})
    with pytest.raises(DraftingError, match="proposal EU-1 \\(EU\\): OP1 is agreed ad ref; a proposal on it is refused"):
        revise(base, comp)


def test_what_no_proposal_can_carry_is_said():
    base = diamonds()
    revised = base.replace_paragraph(next(base.top())[0], replace(base.preamble[0], lead="Recognizing"))
    warnings: list[str] = []
    assert derive(base, revised, ["EU"], warnings) == []
    assert warnings == ["PP1: the lead changed (None -> 'Recognizing'); that is no proposal on the text and was left out"]
