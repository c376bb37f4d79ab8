"""The word diff, its classification, and the Comparison contract, on real texts.

Real cases: the UNDOF renewals (routine when only dates and symbols change), 68/128 edited for
the purpose (each kind of change at its addresses, the rest unchanged), and a Hypothesis
property: equal+delete rebuilds every old paragraph, equal+insert every new one.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from hypothesis import given, settings, strategies as st

from conftest import DIAMONDS, PRECEDENTS
from drafting import load
from drafting.comparison.diff import classify, diff, tokenize, word_diff
from drafting.model import ChangeKind, Comparison, HunkClass, HunkOp, Paragraph, Resolution


def changed(a: str, b: str) -> list[tuple[str, str, str]]:
    return [(h.op.value, h.text, h.cls.value) for h in word_diff(a, b) if h.op is not HunkOp.EQUAL]


# ---------------------------------------------------------------------------- word diff

def test_tokens_rebuild_the_text_and_keep_symbols_whole():
    text = "documents S/11302 and Add.1, resolution 67/135 of 18 December 2012 (A/68/L.29), Côte d'Ivoire’s"
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert {"S/11302", "Add.1", "67/135", "A/68/L.29", "d'Ivoire’s"} <= set(tokens)


def test_word_diff_never_cuts_a_word():
    # a character diff gives "Chin[a→Angol]a"-like hunks; ours replaces whole words
    assert changed("selection of China as the Chair", "selection of Angola as the Chair") == [
        ("delete", "China", "name"), ("insert", "Angola", "name")]
    assert changed("from 19 to 22 November 2013", "from 10 to 22 November 2013") == [
        ("delete", "19", "date"), ("insert", "10", "date")]


def test_session_ordinals():
    old = "Decides to include in the provisional agenda of its sixty-ninth session the item entitled"
    new = "Decides to include in the provisional agenda of its seventieth session the item entitled"
    assert changed(old, new) == [("delete", "sixty-ninth", "session"), ("insert", "seventieth", "session")]


def test_symbol_date_year_number_classes_on_undof_wording():
    assert changed("the Secretary-General on the United Nations Disengagement Observer Force (S/11563),",
                   "the Secretary-General on the United Nations Disengagement Observer Force (S/11694),") == [
        ("delete", "S/11563", "symbol"), ("insert", "S/11694", "symbol")]
    assert changed("for another period of six months, that is, until 30 November 1982;",
                   "for another period of six months, that is, until 31 May 1983;") == [
        ("delete", "30 November 1982", "date"), ("insert", "31 May 1983", "date")]
    assert changed("implementation of resolution 338 (1973) of 22 October 1973",
                   "implementation of resolution 350 (1974) of 22 October 1973") == [
        ("delete", "338", "symbol"), ("insert", "350", "symbol"),
        ("delete", "1973", "symbol"), ("insert", "1974", "symbol")]
    assert changed("the report for 1990 on", "the report for 1991 on") == [
        ("delete", "1990", "year"), ("insert", "1991", "year")]
    assert changed("for another period of six months", "for another period of three months") == [
        ("delete", "six", "number"), ("insert", "three", "number")]


def test_list_when_a_name_joins_or_leaves_an_enumeration():
    assert changed("review visits to Côte d'Ivoire, Liberia and Singapore;",
                   "review visits to Côte d'Ivoire, Liberia, Singapore and Viet Nam;") == [
        ("delete", " and Singapore", "list"), ("insert", ", Singapore and Viet Nam", "list")]
    assert changed("visits to Liberia, Singapore and Viet Nam", "visits to Liberia and Viet Nam") == [
        ("delete", ", Singapore", "list")]


def test_lead_and_wording_are_substantive():
    assert changed("Welcoming the report", "Welcomes the report") == [
        ("delete", "Welcoming", "wording"), ("insert", "Welcomes", "wording")]
    assert classify("prevailing", "continued", "over the ", " state") is HunkClass.WORDING
    # The mark closing a paragraph follows its place: routine; inside the text it is wording.
    assert classify(",", ";", "the area", "") is HunkClass.PUNCTUATION
    assert classify(",", ";", "the area", " and the region,") is HunkClass.WORDING


def test_word_diff_of_equal_and_empty_texts():
    assert word_diff("", "") == []
    assert [(h.op, h.text) for h in word_diff("Decides;", "Decides;")] == [(HunkOp.EQUAL, "Decides;")]
    assert [(h.op, h.text) for h in word_diff("", "Decides;")] == [(HunkOp.INSERT, "Decides;")]


@given(st.lists(st.sampled_from(["the", "Council", "S/11302", "31", "May", "1974", ",", " ", "  ",
                                 "sixty-ninth", "Côte", "d'Ivoire", ";", "\n", "and", "A/68/L.29"]),
                max_size=30),
       st.lists(st.sampled_from(["the", "Council", "S/11694", "30", "November", "1975", ",", " ",
                                 "seventieth", "Viet", "Nam", ".", "and", "A/68/L.29"]), max_size=30))
@settings(max_examples=200, deadline=None)
def test_hunk_boundaries_fall_between_tokens(a_words, b_words):
    a, b = "".join(a_words), "".join(b_words)
    hunks = word_diff(a, b)
    assert "".join(h.text for h in hunks if h.op is not HunkOp.INSERT) == a
    assert "".join(h.text for h in hunks if h.op is not HunkOp.DELETE) == b
    # every boundary on the old and the new side is a token boundary
    for side, text, skip in (("old", a, HunkOp.INSERT), ("new", b, HunkOp.DELETE)):
        cuts, at = set(), 0
        for hunk in hunks:
            if hunk.op is not skip:
                at += len(hunk.text)
                cuts.add(at)
        bounds, at = {0}, 0
        for token in tokenize(text):
            at += len(token)
            bounds.add(at)
        assert cuts <= bounds, side
    assert all((h.cls is None) == (h.op is HunkOp.EQUAL) for h in hunks)


# ---------------------------------------------------------------------------- the contract

def assert_contract(comparison: Comparison) -> None:
    """Every paragraph of both versions exactly once, in new reading order; texts rebuild."""
    old, new = comparison.old, comparison.new
    seen_old = Counter(a for c in comparison.changes for a in c.old)
    seen_new = Counter(a for c in comparison.changes for a in c.new)
    assert seen_old == Counter(a for a, _ in old.walk())
    assert seen_new == Counter(a for a, _ in new.walk())
    order = [a for a, _ in new.walk()]
    firsts = [order.index(c.new[0]) for c in comparison.changes if c.new]
    assert firsts == sorted(firsts)
    for change in comparison.changes:
        assert change.old_text == "\n".join(old.get(a).text for a in change.old)
        assert change.new_text == "\n".join(new.get(a).text for a in change.new)


WORDS = ["Decides", "Welcoming", "Welcomes", "the", "mandate", "of", "Force", "until", "31", "May",
         "1974", "S/11302", "sixty-eighth", "session", "Côte", "d'Ivoire", "and", "Liberia", ",",
         "Requests", "Secretary-General", "report", "<b>", "&", "«ou»", "北京"]
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
paragraphs = st.recursive(texts.map(Paragraph),
                          lambda inner: st.tuples(texts, st.lists(inner, min_size=1, max_size=3)).map(
                              lambda t: Paragraph(t[0], tuple(t[1]))), max_leaves=6)


@st.composite
def resolution_pairs(draw):
    pool = draw(st.lists(paragraphs, min_size=1, max_size=8))
    def version():
        pre = draw(st.lists(st.sampled_from(pool) | paragraphs, max_size=6))
        op = draw(st.lists(st.sampled_from(pool) | paragraphs, max_size=6))
        return Resolution(preamble=tuple(pre), operative=tuple(op))
    return version(), version()


@given(resolution_pairs())
@settings(max_examples=150, deadline=None)
def test_any_two_resolutions_rebuild_exactly(pair):
    old, new = pair
    comparison = diff(old, new)
    assert_contract(comparison)
    same = [(a, p.text) for a, p in old.walk()] == [(a, p.text) for a, p in new.walk()]
    assert comparison.identical == same


# ---------------------------------------------------------------------------- real series

UNDOF = PRECEDENTS / "undof"


def summary_of(comparison: Comparison) -> list[tuple[str, list[str], list[str], bool]]:
    return [(c.kind.value, [str(a) for a in c.old], [str(a) for a in c.new], c.routine)
            for c in comparison.changes if c.kind is not ChangeKind.UNCHANGED]


_MASKS = [
    (re.compile(r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December) \d{4}\b"), "<date>"),
    (re.compile(r"\b\d+ \(\d{4}\)"), "<resolution>"),
    (re.compile(r"\b[AS]/(?:RES/)?[\d/]+\d(?: and Add\.\d+)?"), "<symbol>"),
    (re.compile(r"\b(?:19|20)\d\d\b"), "<year>"),
]


def masked(text: str) -> str:
    """The text with dates, resolution numbers, document symbols and years blanked out."""
    for pattern, mark in _MASKS:
        text = pattern.sub(mark, text)
    return text


def test_undof_renewals_changing_only_dates_and_symbols_are_routine():
    files = sorted(UNDOF.glob("*.yaml"))
    assert len(files) >= 2, "an empty series would pass unseen"
    texts = [load(f) for f in files]
    date_or_symbol_only = 0
    whole_pairs = []
    for old, new in zip(texts, texts[1:]):
        comparison = diff(old, new)
        assert_contract(comparison)
        same_after_masking = [masked(p.text) for _, p in old.walk()] == [masked(p.text) for _, p in new.walk()]
        for change in comparison.changes:
            if change.kind is ChangeKind.AMENDED and masked(change.old_text) == masked(change.new_text):
                date_or_symbol_only += 1
                assert change.routine, (old.symbol, new.symbol, change)
                assert {h.cls for h in change.hunks if h.cls} <= {HunkClass.DATE, HunkClass.SYMBOL, HunkClass.YEAR}
        if same_after_masking:
            whole_pairs.append(new.symbol)
            # the paragraphs (footnotes are compared too, and their citations do change)
            assert not [c for c in comparison.changes if not c.routine], new.symbol
    assert date_or_symbol_only >= 20  # the series really holds such renewals: not a vacuous pass
    assert len(whole_pairs) >= 3


# ---------------------------------------------------------------------------- 68/128, edited

def edited_68_128(r: Resolution) -> tuple[Resolution, dict[str, tuple[list[str], list[str]]]]:
    """68/128 with one edit of each kind; returns the copy and the addresses each edit should get.

    Edits (addresses of the original): PP "Welcoming also the voluntary self-regulation ..."
    becomes the first operative paragraph as "Welcomes the voluntary ...;"; OP3 (Mali's admission)
    moves to after OP10; OP13 splits in two at ", and notes with satisfaction"; OP26 and OP27 merge; OP20
    is deleted; a new paragraph is added after OP29; "sixty-ninth" becomes "seventieth".
    """
    pre, ops = list(r.preamble), list(r.operative)
    w = next(k for k, p in enumerate(pre) if p.text.startswith("Welcoming also the voluntary"))
    welcoming = pre.pop(w)
    welcomes = "Welcomes" + welcoming.text[len("Welcoming also"):].rstrip(",") + ";"
    mali = ops[2]
    calls, notes = ops[12].text.split(", and notes with satisfaction ")
    first, second = calls + ";", "Notes with satisfaction " + notes
    merged = ops[25].text.rstrip(";") + ", and " + ops[26].text[0].lower() + ops[26].text[1:]
    added = ("Encourages Participants to share best practices on the traceability of rough diamonds "
             "through the supply chain;")
    new_ops = ([Paragraph(welcomes)] + ops[0:2] + ops[3:10] + [mali] + ops[10:12]
               + [Paragraph(first), Paragraph(second)] + ops[13:19] + ops[20:25]
               + [Paragraph(merged)] + ops[27:29] + [Paragraph(added)] + ops[29:])
    bumped = [p.with_text(p.text.replace("sixty-ninth", "seventieth")) for p in new_ops]
    # new operative part: 1 Welcomes, 2-3 old 1-2, 4-10 old 4-10, 11 Mali (old 3), 12-13 old 11-12,
    # 14-15 old 13 split, 16-21 old 14-19, 22-26 old 21-25, 27 old 26+27, 28-29 old 28-29,
    # 30 added, 31-34 old 30-33
    expected = {
        "moved-lead": ([f"PP{w + 1}"], ["OP1"]),
        "moved": (["OP3"], ["OP11"]),
        "split": (["OP13"], ["OP14", "OP15"]),
        "deleted": (["OP20"], []),
        "merged": (["OP26", "OP27"], ["OP27"]),
        "added": ([], ["OP30"]),
    }
    return replace(r, preamble=tuple(pre), operative=tuple(bumped)), expected


def test_edited_68_128_reports_each_edit_as_its_kind():
    r = load(DIAMONDS)
    assert (len(r.preamble), len(r.operative)) == (24, 33)
    new, expected = edited_68_128(r)
    comparison = diff(r, new)
    assert_contract(comparison)
    found = summary_of(comparison)
    sessions = [(c.old, c.new) for c in comparison.changes
                if c.kind is ChangeKind.AMENDED and {h.cls for h in c.hunks if h.cls} == {HunkClass.SESSION}]
    assert [([str(a) for a in o], [str(a) for a in n]) for o, n in sessions] == [(["OP32"], ["OP33"]), (["OP33"], ["OP34"])]
    assert found == [
        ("moved", *expected["moved-lead"], False),  # lead changed: substantive
        ("moved", *expected["moved"], True),  # unchanged text: only its place changed
        ("split", *expected["split"], False),
        ("deleted", *expected["deleted"], False),
        ("merged", *expected["merged"], False),
        ("added", *expected["added"], False),
        ("amended", ["OP32"], ["OP33"], True),
        ("amended", ["OP33"], ["OP34"], True),
    ]
    lead = comparison.changes[[c.kind for c in comparison.changes].index(ChangeKind.MOVED)]
    assert [(h.op.value, h.text) for h in lead.hunks if h.op is not HunkOp.EQUAL][:2] == [
        ("delete", "Welcoming also"), ("insert", "Welcomes")]


def test_unifil_series_keeps_the_contract_and_renumbering_is_never_a_change():
    files = sorted((PRECEDENTS / "unifil").glob("*.yaml"))
    assert len(files) >= 2, "an empty series would pass unseen"
    texts = [load(f) for f in files]
    for old, new in zip(texts, texts[1:]):
        comparison = diff(old, new)
        assert_contract(comparison)
        for change in comparison.changes:  # same text, same part, in order: never reported
            if change.kind is not ChangeKind.UNCHANGED and change.old and change.new:
                assert change.old_text != change.new_text or change.kind is ChangeKind.MOVED


def test_a_resolution_appended_to_the_recall_chain_reads_as_the_drafter_wrote_it() -> None:
    # 68/128 PP16 and its 2014 successor: the "and" moves and one item is appended. Both
    # placements cost the same number of words; the one with fewer changed runs is shown, and
    # the moved conjunction is a list change, so the paragraph stays routine.
    old = load(DIAMONDS).get("PP16").text
    new = old.replace("25 January 2012 and 67/135 of 18 December 2012",
                      "25 January 2012, 67/135 of 18 December 2012 and 68/128 of 18 December 2013")
    assert changed(old, new) == [("delete", " and", "list"), ("insert", ",", "list"),
                                 ("insert", " and 68/128 of 18 December 2013", "symbol")]


def test_and_becoming_or_is_wording_even_inside_a_list() -> None:
    # 68/128 OP4: "peace in Angola, Liberia and Sierra Leone"
    old = load(DIAMONDS).get("OP4").text
    assert changed(old, old.replace("Liberia and Sierra Leone", "Liberia or Sierra Leone")) == [
        ("delete", "and", "wording"), ("insert", "or", "wording")]
