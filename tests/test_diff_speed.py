"""The diff's fast paths give exactly what the plain definitions give.

Each shortcut taken for speed (possessive regexes, typography found by a regex instead of a
per-character table, a lead's body words cut from the whole text's, context read near a run, a
lead looked up among the text's prefixes, codes assigned in bulk) is checked here against the
definition it replaces, written out plainly, on texts made of the characters where they could
differ: joining marks, slashes, curly quotes, soft hyphens, non-ASCII letters, runs of spaces.
"""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from drafting.comparison import diff as diff_module
from drafting.comparison import classes
from drafting.comparison.classes import Context, classify
from drafting.model import Hunk, HunkClass, HunkOp
from drafting.comparison.similarity import _WORD as KEY_WORD, _WORD_ASCII as KEY_WORD_ASCII, key_of, normalize
from drafting.comparison.tokens import shared_ends, tokenize
from drafting.comparison.variants import plain_typography, same_typography, typography_key, typography_keys
from drafting.model.leads import SUFFIX_ADVERBS, MANNERS, _heads, match_lead

# ---------------------------------------------------------------------------- the plain definitions

TOKEN = re.compile(
    r"\s+"
    r"|[A-Za-z]{1,5}(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+"
    r"|\d+(?:/\d+)+"
    r"|\w+(?:['’\-.]\w+)*"
    r"|[^\w\s]"
)
KEY_WORD_PLAIN = re.compile(r"\w+(?:['\-]\w+)*")
TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00ad": "",
})


def plain_normalize(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(TYPOGRAPHY)).strip().rstrip(",;.:").strip().lower()


def plain_bag(text: str) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for word in KEY_WORD_PLAIN.findall(text):
        counts[word] = counts.get(word, 0) + 1
    return list(counts.items())


def plain_match_lead(text: str, part_value: str | None) -> str:
    """The lead matcher as first written: every head of the first word tried, longest first."""
    def options(pos: int, words: tuple[str, ...]) -> list[int]:
        ordered = sorted(set(words), key=len, reverse=True)
        return [pos + 1 + len(w) for w in ordered if text.startswith(" " + w, pos)] + [pos]

    first = text.split(" ", 1)[0].rstrip(",;:.")
    for head in _heads(part_value).get(first, ()):
        if not text.startswith(head):
            continue
        for a in options(len(head), SUFFIX_ADVERBS):
            for b in options(a, MANNERS):
                for c in options(b, SUFFIX_ADVERBS):
                    if c == len(text) or text[c] in " \t\n\r\f\v,;:.":
                        return text[:c]
    return ""


def plain_encode(keys: list[str]) -> list[str]:
    vocab: dict[str, str] = {}
    out = []
    for key in keys:
        if key not in vocab:
            code = len(vocab) + 0x100
            vocab[key] = chr(code + 0x800 if code >= 0xD800 else code)
        out.append(vocab[key])
    return out


# ---------------------------------------------------------------------------- texts

PIECES = ["the", "Council", "A", "RES", "S", "68", "128", "L", "29", "Add", "co", "operate", "d",
          "Ivoire", "Côte", "États", "Recalling", "recalling", "also", "further", "Welcoming", "deep",
          "concern", "abcdefg", "1990", "_x", "/", ".", "'", "’", "`", "-", "–", "\u00ad", "“", "”",
          ",", ";", ":", "(", ")", " ", " ", "  ", "\n", "\u00a0", "\t"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@given(texts)
@settings(max_examples=200, deadline=None)
def test_possessive_tokens_are_the_greedy_ones(text: str) -> None:
    assert tokenize(text) == TOKEN.findall(text)
    assert KEY_WORD.findall(text) == KEY_WORD_PLAIN.findall(text)


@given(texts, texts)
@settings(max_examples=300, deadline=None)
def test_typography_found_by_regex_is_the_table(a: str, b: str) -> None:
    assert plain_typography(a) == a.translate(TYPOGRAPHY)
    assert same_typography(a, b) is (re.sub(r"\s+", " ", a.translate(TYPOGRAPHY))
                                     == re.sub(r"\s+", " ", b.translate(TYPOGRAPHY)))
    tokens = tokenize(a + b)
    assert typography_keys(tokens) == [typography_key(t) for t in tokens] == \
        [" " if t.isspace() else t.translate(TYPOGRAPHY) for t in tokens]


@given(texts, st.integers(min_value=0, max_value=60))
@settings(max_examples=200, deadline=None)
def test_a_key_is_its_plain_definition(text: str, cut: int) -> None:
    # the lead as the lexicon finds it, and as any prefix (clean cuts and cuts inside a word)
    for lead in {text[:cut], text[:len(match_lead(text, None))]}:
        key = key_of(text, lead)
        full = plain_normalize(text)
        assert key.full == normalize(text) == full
        assert list(key.bag.items()) == plain_bag(full)
        assert frozenset(key.bag) == key.words
        body = plain_bag(plain_normalize(text[len(lead):])) if lead else plain_bag(full)
        assert list(key.body_bag.items()) == body
        assert (key.body_bag is key.bag) is (not lead)


def test_real_leads_key_like_their_definition() -> None:
    # real leads: the lead words recur in the body, or do not, or the text is not ASCII
    for text, lead in [("Recalling its resolutions, recalling also", "Recalling"),
                       ("Recalling also its resolution 1234 (1999),", "Recalling also"),
                       ("Welcoming the Côte d’Ivoire report,", "Welcoming"),
                       ("  Recalling its resolution,", "Recalling")]:
        key = key_of(text, lead)
        assert list(key.body_bag.items()) == plain_bag(plain_normalize(text[len(lead):]))


def parts(hunks: list[Hunk]) -> list[tuple[str, str, int, HunkClass | None]]:
    """The classified parts of a word diff: (deleted, inserted, where in the new text, class).
    A part is a delete, an insert, or a delete and the insert right after it."""
    out: list[tuple[str, str, int, HunkClass | None]] = []
    at, prev = 0, None
    for hunk in hunks:
        if hunk.op is not HunkOp.EQUAL and hunk.cls is not HunkClass.TYPOGRAPHY:
            if hunk.op is HunkOp.INSERT and prev is not None and prev.op is HunkOp.DELETE \
                    and prev.cls is not HunkClass.TYPOGRAPHY:
                out[-1] = (out[-1][0], hunk.text, out[-1][2], hunk.cls)
            else:
                deleted = hunk.text if hunk.op is HunkOp.DELETE else ""
                out.append((deleted, hunk.text if hunk.op is HunkOp.INSERT else "", at, hunk.cls))
        if hunk.op is not HunkOp.DELETE:
            at += len(hunk.text)
        prev = hunk
    return out


# words the context rules read: months, references, sessions, names and the list's "and"
CONTEXT_PIECES = PIECES + ["May", "resolution", "session", "sixty-ninth", "seventieth", "and", "Angola", "Benin",
                           "Chad", "2013", "31", "of", "338", "(1973)"]
context_texts = st.lists(st.sampled_from(CONTEXT_PIECES), max_size=30).map(" ".join)


@st.composite
def edited_pairs(draw: st.DrawFn) -> tuple[str, str]:
    """Two texts: words of the context rules, and the same with a few of them replaced."""
    words = draw(st.lists(st.sampled_from(CONTEXT_PIECES), min_size=1, max_size=20))
    edited = list(words)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        edited[draw(st.integers(min_value=0, max_value=len(words) - 1))] = draw(st.sampled_from(CONTEXT_PIECES))
    return " ".join(words), " ".join(edited)


@given(st.one_of(st.tuples(context_texts, context_texts), edited_pairs()))
@settings(max_examples=400, deadline=None)
def test_a_run_classed_in_the_diff_is_classed_as_from_the_texts_around_it(pair: tuple[str, str]) -> None:
    # the diff reads a run's context from the new text's tokens, at the run's place; classify()
    # tokenizes the texts before and after it: the same class, part by part
    a, b = pair
    vocabulary = classes.Vocabulary.of_texts(a, b)
    for deleted, inserted, at, cls in parts(diff_module.word_diff(a, b)):
        assert cls is classify(deleted, inserted, b[:at], b[at + len(inserted):], vocabulary)


def test_context_reads_out_from_the_run_as_far_as_a_rule_needs() -> None:
    before = "Welcomes the report of the Secretary-General on " + ", ".join(["Angola"] * 60) + " and "
    tokens = tokenize(before + "Benin, 31 May 2013")
    context = Context(tokens, len(tokenize(before)), len(tokenize(before)) + 1)
    assert len(context.names_before()) == 182  # after "on": 60 names, 59 commas, 62 spaces, "and"
    assert context.names_after() == [",", " "]
    assert context.last_words(3) == ["Angola", "Angola", "and"]
    assert context.first_words(5) == ["31", "May", "2013"]
    assert context.last_tokens(2) == ["and", " "]
    assert not context.opens_text() and not context.closes_text()
    assert Context(tokens, 0, len(tokens)).opens_text() and Context(tokens, 0, len(tokens)).closes_text()


LEAD_WORDS = ["Recalling", "Expressing", "Welcoming", "Decides", "Calls", "Requests", "also", "further",
              "deep", "concern", "upon", "with", "appreciation", "strongly", "again", "its", "the"]
lead_texts = st.lists(st.sampled_from(LEAD_WORDS + [" ", ",", ";", ".", ":", "\n"]), max_size=12).map("".join)


@given(lead_texts, st.sampled_from([None, "PP", "OP"]))
@settings(max_examples=250, deadline=None)
def test_a_lead_looked_up_by_prefix_is_the_lead_tried_head_by_head(text: str, part: str | None) -> None:
    assert match_lead(text, part) == plain_match_lead(text, part)


@given(st.lists(st.sampled_from(["a", "b", " ", "c", "dd", "a"]), max_size=30))
@settings(max_examples=200, deadline=None)
def test_codes_in_bulk_are_codes_one_by_one(keys: list[str]) -> None:
    assert diff_module._encode(keys) == plain_encode(keys)


def test_codes_step_over_the_surrogates() -> None:
    keys = [str(k) for k in range(0xD800 - 0x100 + 5)] + ["0", "1"]
    assert diff_module._encode(keys) == plain_encode(keys)
    assert diff_module._encode(keys)[0xD800 - 0x100] == chr(0xE000)


def plain_kind(token: str) -> str:
    """The word classifier as first written: every pattern tried in turn."""
    if classes._SYMBOL.match(token):
        return "symbol"
    if classes._YEAR.match(token):
        return "year"
    if classes._NUMBER.match(token) or token.lower() in classes._NUMBER_WORDS:
        return "number"
    if classes._ORDINAL.match(token):
        return "ordinal"
    if token in classes._MONTHS:
        return "month"
    if token in classes._CONNECTORS:
        return "connector"
    if token[:1].isupper() or classes._ELIDED.match(token):
        return "name"
    return "other"


@given(st.lists(st.sampled_from(["A", "RES", "/", "68", "2013", "1,000", ".", "Add", "1", "\u0663", "\u00b2",
                                 "May", "sixty", "-", "ninth", "d", "'", "Ivoire", "and", "the", "per"]),
                min_size=1, max_size=5).map("".join))
@settings(max_examples=300, deadline=None)
def test_a_word_kind_tried_where_it_can_match_is_the_kind(token: str) -> None:
    assert classes._kind(token) == plain_kind(token)


@given(texts, texts, texts)
@settings(max_examples=400, deadline=None)
def test_shared_ends_tokenized_once_are_the_whole_tokenization(head: str, a: str, b: str) -> None:
    for old, new in ((head + a + head, head + b + head), (a + head, b + head), (head + a, head + b)):
        cut, tail_old, tail_new = shared_ends(old, new)
        assert old[:cut] == new[:cut] and old[tail_old:] == new[tail_new:]
        assert cut <= tail_old and cut <= tail_new
        pieces = tokenize(old[:cut]) + tokenize(old[cut:tail_old]) + tokenize(old[tail_old:])
        assert pieces == TOKEN.findall(old)
        pieces = tokenize(new[:cut]) + tokenize(new[cut:tail_new]) + tokenize(new[tail_new:])
        assert pieces == TOKEN.findall(new)


def test_shared_ends_cut_where_a_word_follows_a_space() -> None:
    old = "Recalling its resolution 67/135 of 2012, and welcoming the report"
    new = "Recalling its resolution 68/128 of 2013, and welcoming the report"
    cut, tail_old, tail_new = shared_ends(old, new)
    assert (old[:cut], old[cut:tail_old], new[cut:tail_new], old[tail_old:]) == (
        "Recalling its resolution ", "67/135 of 2012, ", "68/128 of 2013, ", "and welcoming the report")


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
@settings(max_examples=300, deadline=None)
def test_key_words_read_in_ascii_are_the_unicode_reading(text: str) -> None:
    assert KEY_WORD_ASCII.findall(text) == KEY_WORD_PLAIN.findall(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
@settings(max_examples=300, deadline=None)
def test_ascii_tokens_are_the_unicode_tokens(text: str) -> None:
    assert tokenize(text) == TOKEN.findall(text)
    assert tokenize("\x1c" + text + "\x1f ") == TOKEN.findall("\x1c" + text + "\x1f ")
