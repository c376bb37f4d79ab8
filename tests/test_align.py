"""Paragraph alignment on edge cases: each kind of pairing, sub-paragraphs, duplicates, speed shape.

Paragraph texts come from real resolutions (68/128 and the UNDOF renewals); the real-series and
edited-68/128 cases are in test_diff.py.
"""
from __future__ import annotations

from hypothesis import assume, given, settings, strategies as st

from drafting.comparison.align import AlignConfig, MatchKind, Unit, _key, align, flatten
from drafting.comparison.similarity import normalize, similarity
from conftest import PRECEDENTS
from drafting import load
from drafting.model import Address, Paragraph, Part, Resolution

P1 = "Recognizing that the trade in conflict diamonds continues to be a matter of serious international concern,"
P2 = "Noting the negative impact of such conflicts on regional stability and the obligations placed upon States by the Charter,"
P3 = "Recognizing that continued action to curb the trade in conflict diamonds is imperative,"
P4 = "Noting that the Kimberley Process Certification Scheme can help to ensure the effective implementation of relevant resolutions,"
O1 = "Reaffirms its strong and continuing support for the Kimberley Process Certification Scheme and the Kimberley Process as a whole;"
O2 = "Recognizes that the Kimberley Process Certification Scheme helps to reduce the opportunity for conflict diamonds to play a role in fuelling armed conflict;"
O3 = "Requests the Secretary-General to keep the Security Council fully informed of further developments."
W_PP = "Welcoming the decision to continue the work of the ad hoc committee on review until the next plenary meeting,"
W_OP = "Welcomes the decision to continue the work of the ad hoc committee on review until the next plenary meeting;"


def res(pre: list, op: list) -> Resolution:
    def para(p):
        if isinstance(p, tuple):
            return Paragraph(p[0], tuple(para(i) for i in p[1]))
        return Paragraph(p)
    return Resolution(preamble=tuple(map(para, pre)), operative=tuple(map(para, op)))


def kinds(old: Resolution, new: Resolution) -> list[tuple[str, list[str], list[str]]]:
    return [(m.kind.value, [str(u.address) for u in m.old], [str(u.address) for u in m.new])
            for m in flatten(align(old, new))]


def test_identical_texts_pair_in_order_and_renumbering_is_not_a_change():
    old = res([P1, P2], [O1, O2, O3])
    new = res([P1, P2], [O1, "Decides to remain seized of the matter.", O2, O3])
    assert kinds(old, new) == [
        ("identical", ["PP1"], ["PP1"]), ("identical", ["PP2"], ["PP2"]),
        ("identical", ["OP1"], ["OP1"]), ("added", [], ["OP2"]),
        ("identical", ["OP2"], ["OP3"]), ("identical", ["OP3"], ["OP4"])]


def test_amended_paragraph_pairs_in_order():
    amended = O3.replace("fully informed", "informed")
    assert kinds(res([], [O1, O3]), res([], [O1, amended])) == [
        ("identical", ["OP1"], ["OP1"]), ("similar", ["OP2"], ["OP2"])]


def test_identical_paragraph_out_of_order_is_a_move():
    old = res([P1, P2, P3, P4], [])
    new = res([P2, P3, P4, P1], [])
    assert kinds(old, new) == [
        ("identical", ["PP2"], ["PP1"]), ("identical", ["PP3"], ["PP2"]),
        ("identical", ["PP4"], ["PP3"]), ("moved", ["PP1"], ["PP4"])]


def test_preamble_to_operative_with_new_lead_is_a_move():
    old = res([P1, W_PP], [O1])
    new = res([P1], [W_OP, O1])
    (match,) = [m for m in align(old, new) if m.kind is MatchKind.MOVED]
    assert [str(u.address) for u in match.old] == ["PP2"]
    assert [str(u.address) for u in match.new] == ["OP1"]
    assert match.similarity == 100.0  # the lead phrase is set aside when comparing


def test_deleted_paragraph_stands_at_its_old_place():
    old = res([P1, P2, P3], [])
    new = res([P1, P3], [])
    assert kinds(old, new) == [("identical", ["PP1"], ["PP1"]), ("deleted", ["PP2"], []),
                               ("identical", ["PP3"], ["PP2"])]


@given(st.lists(st.booleans(), min_size=5, max_size=5), st.lists(st.booleans(), min_size=4, max_size=4))
@settings(max_examples=60, deadline=None)
def test_deleted_paragraphs_keep_their_old_places_among_the_kept(keep_pp, keep_op):
    """Whatever is deleted, the changes read in the old text's order: each deleted paragraph
    right after the nearest earlier kept one of its part, or before the first kept one."""
    assume(any(keep_pp))  # a preamble deleted whole has no kept paragraph to stand by
    pre, op = [P1, P2, P3, P4, W_PP], [O1, O2, O3, W_OP]
    old = res(pre, op)
    new = res([t for t, k in zip(pre, keep_pp) if k], [t for t, k in zip(op, keep_op) if k])
    got = kinds(old, new)
    assert [k for k, _, _ in got] == ["identical" if k else "deleted" for k in keep_pp + keep_op]
    assert [o for _, (o,), _ in got] == [f"PP{n}" for n in range(1, 6)] + [f"OP{n}" for n in range(1, 5)]


def test_split_and_merge():
    first, second = O2.split(" helps ")
    pieces = [first + " is a useful mechanism;", "Also recognizes that it helps " + second]
    old = res([], [O1, O2, O3])
    new = res([], [O1, *pieces, O3])
    assert kinds(old, new) == [("identical", ["OP1"], ["OP1"]), ("split", ["OP2"], ["OP2", "OP3"]),
                               ("identical", ["OP3"], ["OP4"])]
    assert kinds(new, old) == [("identical", ["OP1"], ["OP1"]), ("merged", ["OP2", "OP3"], ["OP2"]),
                               ("identical", ["OP4"], ["OP3"])]


def test_sub_paragraphs_align_inside_their_parent():
    items = ["To call upon the parties concerned to implement immediately resolution 338 (1973);",
             "To renew the mandate of the Force for another period of six months, that is, until 30 November 1975;",
             "To request the Secretary-General to submit at the end of this period a report."]
    new_items = [items[0], items[1].replace("30 November 1975", "31 May 1976"), items[2]]
    old = res([P1], [("Decides:", items)])
    new = res([P1], [("Decides:", new_items)])
    assert kinds(old, new) == [
        ("identical", ["PP1"], ["PP1"]), ("identical", ["OP1"], ["OP1"]),
        ("identical", ["OP1(a)"], ["OP1(a)"]), ("similar", ["OP1(b)"], ["OP1(b)"]),
        ("identical", ["OP1(c)"], ["OP1(c)"])]


def test_items_of_added_paragraph_are_added():
    new = res([], [("Decides:", ["To renew the mandate;"])])
    assert kinds(res([], []), new) == [("added", [], ["OP1"]), ("added", [], ["OP1(a)"])]


def test_repeated_texts_pair_in_order():
    old = res([], [("Decides:", ["x one;"]), ("Decides:", ["y two;"])])
    new = res([], [("Decides:", ["x one;"]), ("Decides:", ["y two;"])])
    assert [k for k, _, _ in kinds(old, new)] == ["identical"] * 4


def test_unrelated_paragraphs_do_not_pair():
    assert kinds(res([P1], []), res([O3], [])) == [("deleted", ["PP1"], []), ("added", [], ["PP1"])]


def test_similarity_and_normalize():
    assert normalize("  Decides   to remain seized;") == "decides to remain seized"
    a = _key(Unit(Address(Part.PREAMBLE, 1), Paragraph(W_PP)))
    b = _key(Unit(Address(Part.OPERATIVE, 1), Paragraph(W_OP)))
    assert similarity(a, b) == 100.0


def test_config_is_frozen_and_recorded():
    config = AlignConfig()
    try:
        config.pair_min = 10  # type: ignore[misc]
    except AttributeError:
        pass
    else:
        raise AssertionError("AlignConfig must be frozen")
    assert AlignConfig(move_min=90).move_min == 90


def test_large_gap_uses_a_band_and_still_pairs_in_order():
    # 300 paragraphs, every one amended: no identical anchor, so the whole text is one gap
    old = res([f"Noting paragraph number {n} of the report on item {n * 7} of the agenda," for n in range(300)], [])
    new = res([f"Noting paragraph number {n} of the report on item {n * 7} of the agenda and annex," for n in range(300)], [])
    found = kinds(old, new)
    assert found == [("similar", [f"PP{n}"], [f"PP{n}"]) for n in range(1, 301)]


FIGURES_OLD = "Having considered the report of the Secretary-General on the United Nations Disengagement Observer Force (S/24821),"
FIGURES_NEW = "Having considered the report of the Secretary-General on the United Nations Disengagement Observer Force (S/25809),"


def test_paragraphs_that_differ_only_in_figures_pair_on_their_whole_text():
    # UNDOF 790 -> 830, PP1: only the report's symbol changed; it pairs before any weighing of
    # words, with the texts' character similarity (97.4), whatever else the gap holds
    old, new = load(PRECEDENTS / "undof" / "0790.yaml"), load(PRECEDENTS / "undof" / "0830.yaml")
    assert (old.preamble[0].text, new.preamble[0].text) == (FIGURES_OLD, FIGURES_NEW)
    first = align(old, new)[0]
    assert (first.kind, [str(u.address) for u in first.old], [str(u.address) for u in first.new],
            first.similarity) == (MatchKind.SIMILAR, ["PP1"], ["PP1"], 97.4)
    gap = res([P1, FIGURES_OLD, P2], [])
    edited = res([P1, "Taking note of the letters exchanged on the subject,", FIGURES_NEW, P2], [])
    assert kinds(gap, edited) == [
        ("identical", ["PP1"], ["PP1"]), ("added", [], ["PP2"]), ("similar", ["PP2"], ["PP3"]),
        ("identical", ["PP3"], ["PP4"])]
    assert align(gap, edited)[2].similarity == 97.4


def test_figures_alone_pair_nothing_when_two_paragraphs_of_a_gap_read_the_same_without_them():
    # "resolution 338 (1973)" and "resolution 340 (1973)" mask alike: the figures cannot tell
    # which one the new paragraph continues, so the weighted alignment decides, on its words
    a = "Recalling its resolution 338 (1973) of 22 October 1973,"
    b = "Recalling its resolution 340 (1973) of 25 October 1973,"
    new = "Recalling its resolution 340 (1973) of 25 October 1974,"
    assert kinds(res([P1, a, b, P2], []), res([P1, new, P2], [])) == [
        ("identical", ["PP1"], ["PP1"]), ("deleted", ["PP2"], []), ("similar", ["PP3"], ["PP2"]),
        ("identical", ["PP4"], ["PP3"])]


def test_a_paragraph_of_figures_alone_is_left_to_the_words():
    # "2014" and "1999" mask alike but share nothing (character similarity 25, below pair_min):
    # pairing them first would push the amended paragraph between them out of order
    urges = "Urges the parties to act on the 12 recommendations of the panel;"
    old = res([], [O1, "2014", urges, O3])
    new = res([], [O1, urges.replace("panel;", "panel, 1999;"), "1999", O3])
    assert kinds(old, new) == [
        ("identical", ["OP1"], ["OP1"]), ("deleted", ["OP2"], []), ("similar", ["OP3"], ["OP2"]),
        ("added", [], ["OP3"]), ("identical", ["OP4"], ["OP4"])]
