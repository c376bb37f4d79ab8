"""How alike two paragraphs are: their words, weighted by how rare they are in the pair.

Words of the normalized text (lower case, typography made plain, closing mark dropped) are
counted; each weighs ``log(1 + N / df)`` over the N paragraphs compared (df: those holding it), so
shared boilerplate counts little. The similarity is the weighted Dice coefficient, 0-100, taken
with and without the lead phrase (docs/alignment.md).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Callable, Iterable, Mapping

from drafting.comparison.variants import plain_typography

_WORD = re.compile(r"\w++(?:['\-]\w++)*+")  # possessive: \w+(?:['\-]\w+)*, without vain backtracking
# In ASCII text \w is [a-zA-Z0-9_] either way; the ASCII flag spares the Unicode look-ups.
_WORD_ASCII = re.compile(_WORD.pattern, re.ASCII)


def normalize(text: str) -> str:
    """Lower case, straight quotes and one dash, one space between words, no closing punctuation."""
    # split() and the regex \s both take white space as str.isspace() does: the same as
    # replacing each run by one space and stripping, at a fraction of the cost
    return " ".join(plain_typography(text).split()).rstrip(",;.:").strip().lower()


@dataclass(frozen=True)
class Key:
    """The normalized forms compared: the whole text, and its word counts with and without the
    lead phrase (a changed lead must not hide an otherwise unchanged paragraph)."""

    full: str
    bag: Mapping[str, int]
    body_bag: Mapping[str, int]

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct words (made on first use: most keys are only weighed and compared)."""
        return frozenset(self.bag)


def _count(words: Iterable[str]) -> dict[str, int]:
    return Counter(words)  # counted in C; a dict in order of first appearance, as a loop would make


def _bag(text: str) -> dict[str, int]:
    return _count(_WORD.findall(text))


_JOINS = frozenset("_'-`")  # characters a word may hold besides letters and digits ("`" reads "'")


def _cut_between_words(text: str, at: int) -> bool:
    """True when ``text`` (ASCII) has no word running across ``at``: the words of ``text[at:]``
    are then the last words of ``text``."""
    left, right = text[at - 1:at], text[at:at + 1]
    return not (left and right and (left.isalnum() or left in _JOINS) and (right.isalnum() or right in _JOINS))


def key_of(text: str, lead: str = "") -> Key:
    """The key of a paragraph's text; ``lead``: its lead phrase ('' when none is compared apart)."""
    full = normalize(text)
    words = (_WORD_ASCII if full.isascii() else _WORD).findall(full)
    bag = _count(words)
    if not lead:
        return Key(full, bag, bag)
    cut = len(lead)
    if text.isascii() and _cut_between_words(text, cut):
        # In ASCII, normalizing changes no character's place in a word, so the body's words are
        # those after the lead's: one reading of the text instead of two.
        lead_bag = _bag(normalize(text[:cut]))
        if all(bag[word] == n for word, n in lead_bag.items()):  # no lead word recurs: drop them
            body_bag = dict(bag)  # a copy less the lead's words: same words, same order
            for word in lead_bag:
                del body_bag[word]
        else:
            body_bag = _count(words[sum(lead_bag.values()):])
    else:
        body_bag = _bag(normalize(text[cut:]))
    return Key(full, bag, body_bag)


Weights = Mapping[str, float]


def rarity_weights(keys: Iterable[Key]) -> dict[str, float]:
    """Each word's weight in this pair of texts: log(1 + N / df), N the paragraphs compared, df
    those holding the word. Boilerplate every paragraph shares ("the", "Council") counts little."""
    keys = list(keys)
    n = len(keys)
    df = Counter(chain.from_iterable(key.bag for key in keys))  # counted in C; the bag's keys are the words
    return {word: math.log(1 + n / count) for word, count in df.items()}


@dataclass(frozen=True)
class Profile:
    """A key's word counts times the words' weights, and their totals (with and without lead)."""

    full: str
    bag: Mapping[str, float]
    total: float
    body: Mapping[str, float]
    body_total: float
    has_lead: bool


def profile(key: Key, weights: Weights) -> Profile:
    bag = {w: n * weights.get(w, 1.0) for w, n in key.bag.items()}
    body = bag if key.body_bag is key.bag else {w: n * weights.get(w, 1.0) for w, n in key.body_bag.items()}
    return Profile(key.full, bag, sum(bag.values()), body, sum(body.values()), key.body_bag is not key.bag)


def _dice(a: Mapping[str, float], b: Mapping[str, float], total: float) -> float:
    """Weighted Dice of two word multisets, 0-100: shared weight over the mean total weight."""
    if len(a) > len(b):
        a, b = b, a
    shared = 0.0
    get = b.get
    for word, x in a.items():
        y = get(word)
        if y is not None:
            shared += x if x < y else y
    return 200.0 * shared / total if total else 100.0


def profile_similarity(a: Profile, b: Profile) -> float:
    if a.full == b.full:
        return 100.0
    whole = _dice(a.bag, b.bag, a.total + b.total)
    if not (a.has_lead or b.has_lead):
        return whole
    return max(whole, _dice(a.body, b.body, a.body_total + b.body_total))


def similarity(a: Key, b: Key, weights: Weights | None = None) -> float:
    """0-100: the better of the weighted word overlaps (weighted Dice) with and without the lead
    phrase; ``weights`` from :func:`rarity_weights` (every word 1 without)."""
    weights = weights or {}
    return profile_similarity(profile(a, weights), profile(b, weights))


class Keys:
    """Keys made on first use (paragraphs paired as identical never need one) by ``make(i)``;
    ``profile(i)`` weighs them once ``weights`` is set."""

    def __init__(self, make: Callable[[int], Key]) -> None:
        self._make = make
        self._made: dict[int, Key] = {}
        self._profiles: dict[int, Profile] = {}
        self.weights: Weights = {}

    def __getitem__(self, index: int) -> Key:
        key = self._made.get(index)
        if key is None:
            key = self._made[index] = self._make(index)
        return key

    def profile(self, index: int) -> Profile:
        found = self._profiles.get(index)
        if found is None:
            found = self._profiles[index] = profile(self[index], self.weights)
        return found
