"""Paragraph alignment: which paragraph of the old text became which paragraph of the new.

Words are compared only after paragraphs are paired, in the order the design fixes:

1. identical paragraphs pair first (the longest in-order chain of texts that occur once on each
   side is kept as anchors; an identical text out of that order is a move); then, between those
   anchors, paragraphs that differ only in their figures (a year, a date, a symbol's number)
   where the text with its figures masked occurs once on each side of the gap;
2. between two anchors, a monotone alignment (dynamic programming: the in-order pairing of the
   gap with the largest summed similarity) pairs the rest in order;
3. an in-order pair weaker than a move would need yields when one of its paragraphs has a far
   better unpaired partner elsewhere;
4. what is left is paired above a threshold by an optimal assignment (Hungarian algorithm, on
   candidates found through a word index): a **move**, also across the preamble/operative
   boundary ("Welcoming ..." becoming "Welcomes ...");
5. one old paragraph covered by two or more consecutive new ones is a **split**, the reverse a
   **merge** (checked by comparing the one with the others joined).

Sub-paragraphs align the same way inside their aligned parent. Similarity
(:mod:`.similarity`) is the overlap of words weighted by their rarity in the pair, taken with
and without the lead phrase. Every threshold lives in :class:`AlignConfig`, which every report
records; docs/alignment.md says how they were learned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Iterable, Mapping, Sequence

from rapidfuzz import fuzz

from drafting.comparison.matching import (assign, components, longest_increasing, paired_window,
                                          running_extreme)
from drafting.comparison.similarity import (Key, Keys, key_of, profile_similarity,
                                            rarity_weights)
from drafting.model.leads import detect_lead
from drafting.model import Address, Paragraph, Part, Resolution


@dataclass(frozen=True)
class AlignConfig:
    """Every threshold of the alignment (similarities are 0-100)."""

    # Weighted word overlaps (see :func:`similarity`); learned on the labelled corpus series pairs
    # (tests/data/alignment-labels.yaml, docs/alignment.md): best F1 with in-order pairs at 30; a
    # move, which has no order to support it, asks for 55 (as good recall, fewer false moves).
    pair_min: float = 30.0  # in-order pairing: below this two paragraphs are not the same one
    move_min: float = 55.0  # out-of-order pairing (a move) needs more evidence than an in-order one
    split_min: float = 80.0  # one text against the group joined, for splits and merges
    split_gain: float = 2.0  # the group must beat the best single pair by this much
    piece_min: float = 85.0  # each piece of a group must be (mostly) inside the one text
    max_group: int = 4  # at most this many paragraphs in a split or merge
    band: int = 25  # DP band half-width on large unmatched gaps (keeps the work near-linear)
    dense_limit: int = 2500  # gaps with at most this many cells get the full DP, no band
    release_gain: float = 20.0  # a weak in-order pair yields to a partner this much more similar
    assign_limit: int = 60  # moves: optimal assignment up to this many paragraphs a side, then greedy
    common_word: int = 50  # moves index: a word in more unpaired new paragraphs than this finds none
    group_chars: int = 20000  # splits and merges are not sought for paragraphs longer than this


class MatchKind(str, Enum):
    IDENTICAL = "identical"  # same text, in order
    SIMILAR = "similar"  # paired in order, text amended
    MOVED = "moved"  # paired out of order, or across the preamble/operative boundary
    SPLIT = "split"  # one old paragraph, several new ones
    MERGED = "merged"  # several old paragraphs, one new one
    ADDED = "added"
    DELETED = "deleted"


@dataclass(frozen=True)
class Unit:
    """One paragraph or sub-paragraph being aligned: where it stands and what it says."""

    address: Address
    paragraph: Paragraph

    @property
    def text(self) -> str:
        return self.paragraph.text


@dataclass(frozen=True)
class Match:
    """Paragraphs of the old and new text that are one and the same (either side may be empty).

    ``children`` aligns the sub-paragraphs of the matched paragraphs, in the same order rules.
    """

    kind: MatchKind
    old: tuple[Unit, ...]
    new: tuple[Unit, ...]
    similarity: float = 100.0
    children: tuple["Match", ...] = field(default=())


_FIGURES = re.compile(r"\d+")

# ---------------------------------------------------------------------------- keys

def _key(unit: Unit) -> Key:
    lead = detect_lead(unit.text, unit.address.part) if unit.address.depth == 0 else ""
    return key_of(unit.text, lead)


def _keys(units: Sequence[Unit]) -> Keys:
    return Keys(lambda index: _key(units[index]))


# ---------------------------------------------------------------------------- the sequence aligner

@dataclass
class _State:
    """Working state of one sequence alignment (indices into the old and new unit lists)."""

    old: Sequence[Unit]
    new: Sequence[Unit]
    okeys: Keys
    nkeys: Keys
    config: AlignConfig
    weights: dict[str, float] = field(default_factory=dict)
    pair_of_old: dict[int, int] = field(default_factory=dict)
    pair_of_new: dict[int, int] = field(default_factory=dict)
    sims: dict[int, float] = field(default_factory=dict)  # old index -> similarity
    moved: set[int] = field(default_factory=set)  # old indices paired out of order
    groups: list[tuple[tuple[int, ...], tuple[int, ...], float]] = field(default_factory=list)

    def similarity(self, i: int, j: int) -> float:
        """Old paragraph ``i`` against new paragraph ``j`` (see :func:`similarity`)."""
        return profile_similarity(self.okeys.profile(i), self.nkeys.profile(j))

    def pair(self, i: int, j: int, sim: float, moved: bool = False) -> None:
        self.pair_of_old[i] = j
        self.pair_of_new[j] = i
        self.sims[i] = sim
        if moved:
            self.moved.add(i)

    def unpair(self, i: int) -> None:
        j = self.pair_of_old.pop(i)
        del self.pair_of_new[j]
        self.sims.pop(i, None)
        self.moved.discard(i)


def _anchor_identical(st: _State) -> None:
    """Step 1: texts unique on both sides pair; those out of the longest chain are moves."""
    where_old: dict[str, list[int]] = {}
    where_new: dict[str, list[int]] = {}
    for i, unit in enumerate(st.old):
        where_old.setdefault(unit.text, []).append(i)
    for j, unit in enumerate(st.new):
        where_new.setdefault(unit.text, []).append(j)
    candidates = sorted((ids[0], where_new[text][0]) for text, ids in where_old.items()
                        if len(ids) == 1 and len(where_new.get(text, ())) == 1)
    chain = longest_increasing(candidates)
    in_chain = set(chain)
    for i, j in candidates:
        across = st.old[i].address.part is not st.new[j].address.part
        st.pair(i, j, 100.0, moved=across or (i, j) not in in_chain)


def _anchor_figures(st: _State) -> None:
    """Step 1b: in each gap, paragraphs that differ only in their figures (a year, a date, a
    symbol's number: the routine update of a recurring text) pair when the text with its figures
    masked occurs once on each side, in the longest in-order chain. They carry their character
    similarity: they are paired on their whole text, not on shared words."""
    for olds, news in list(_gaps(st)):
        where_old: dict[str, list[int]] = {}
        where_new: dict[str, list[int]] = {}
        for i in olds:
            where_old.setdefault(_FIGURES.sub("0", st.old[i].text), []).append(i)
        for j in news:
            where_new.setdefault(_FIGURES.sub("0", st.new[j].text), []).append(j)
        candidates = sorted((ids[0], where_new[text][0]) for text, ids in where_old.items()
                            if len(ids) == 1 and len(where_new.get(text, ())) == 1)
        for i, j in longest_increasing(candidates):
            sim = fuzz.ratio(st.old[i].text, st.new[j].text)
            if sim >= st.config.pair_min:  # a paragraph of figures alone ("2014") is left to the words
                st.pair(i, j, sim)


def _gaps(st: _State) -> Iterable[tuple[list[int], list[int]]]:
    """The runs of unpaired old and new indices between consecutive in-order anchors.

    The preamble/operative boundary is an anchor too: in-order pairing stays inside a part, and a
    paragraph that changed part is left to the moves step.
    """
    anchors = sorted((i, j) for i, j in st.pair_of_old.items() if i not in st.moved)
    prev_i = prev_j = -1
    for i, j in anchors + [(len(st.old), len(st.new))]:
        if i == prev_i + 1 or j == prev_j + 1:  # nothing between these anchors on one side
            prev_i, prev_j = i, j
            continue
        olds = [k for k in range(prev_i + 1, i) if k not in st.pair_of_old]
        news = [k for k in range(prev_j + 1, j) if k not in st.pair_of_new]
        for part in Part:
            in_olds = [k for k in olds if st.old[k].address.part is part]
            in_news = [k for k in news if st.new[k].address.part is part]
            if in_olds and in_news:
                yield in_olds, in_news
        prev_i, prev_j = i, j


def _dp(st: _State, olds: list[int], news: list[int]) -> None:
    """Step 2: the in-order pairing of one gap that maximizes the summed similarity."""
    m, n = len(olds), len(news)
    cfg = st.config
    banded = m * n > cfg.dense_limit
    width = cfg.band + abs(m - n)

    def in_band(a: int, b: int) -> bool:
        return not banded or abs(b - a * n / m) <= width

    sim: dict[tuple[int, int], float] = {}
    old_profiles = [st.okeys.profile(i) for i in olds]
    new_profiles = [st.nkeys.profile(j) for j in news]
    for a in range(m):
        for b in range(n):
            if in_band(a, b):
                s = profile_similarity(old_profiles[a], new_profiles[b])  # st.similarity, unwrapped
                if s >= cfg.pair_min:
                    sim[a, b] = s
    if not sim:
        return
    score = [[0.0] * (n + 1) for _ in range(m + 1)]
    for a in range(1, m + 1):
        row, above = score[a], score[a - 1]
        for b in range(1, n + 1):
            best = max(above[b], row[b - 1])
            here = sim.get((a - 1, b - 1))
            if here is not None and above[b - 1] + here > best:
                best = above[b - 1] + here
            row[b] = best
    a, b = m, n
    while a and b:
        here = sim.get((a - 1, b - 1))
        if here is not None and score[a][b] == score[a - 1][b - 1] + here:
            st.pair(olds[a - 1], news[b - 1], here)
            a, b = a - 1, b - 1
        elif score[a][b] == score[a - 1][b]:
            a -= 1
        else:
            b -= 1


def _release_weak(st: _State) -> None:
    """An in-order pair weaker than ``move_min`` is undone when one of its paragraphs has a far
    better unpaired partner elsewhere: order alone must not hold a paragraph away from its true
    descendant (which the moves step then pairs)."""
    cfg = st.config
    free_old = [i for i in range(len(st.old)) if i not in st.pair_of_old]
    free_new = [j for j in range(len(st.new)) if j not in st.pair_of_new]
    weak = [(i, j) for i, j in st.pair_of_old.items() if st.sims[i] < cfg.move_min and i not in st.moved]
    if not weak:
        return
    new_index = _postings(st.nkeys, free_new)
    old_index = _postings(st.okeys, free_old)
    for i, j in weak:
        floor = max(cfg.move_min, st.sims[i] + cfg.release_gain)
        if any(st.similarity(i, k) >= floor
               for k in _candidates(st.okeys[i], new_index, cfg.common_word)) or \
                any(st.similarity(k, j) >= floor
                    for k in _candidates(st.nkeys[j], old_index, cfg.common_word)):
            st.unpair(i)


def _postings(keys: Keys, ids: list[int]) -> dict[str, list[int]]:
    """An index, not a scan: word -> the paragraphs (of ``ids``) holding it."""
    postings: dict[str, list[int]] = {}
    for k in ids:
        for word in keys[k].words:
            postings.setdefault(word, []).append(k)
    return postings


def _candidates(key: Key, postings: Mapping[str, list[int]], common: int) -> list[int]:
    """The paragraphs sharing a word with ``key`` that is not common to more than ``common``."""
    found = {k for word in key.words if len(postings.get(word, ())) <= common for k in postings.get(word, ())}
    return sorted(found)


def _moves(st: _State) -> None:
    """Step 3: what is left pairs out of order, above ``move_min``, by a maximum-similarity
    assignment (Hungarian algorithm) within each group of paragraphs that could pair."""
    olds = [i for i in range(len(st.old)) if i not in st.pair_of_old]
    news = [j for j in range(len(st.new)) if j not in st.pair_of_new]
    cutoff = st.config.move_min
    postings = _postings(st.nkeys, news)
    edges: dict[tuple[int, int], float] = {}
    for i in olds:
        for j in _candidates(st.okeys[i], postings, st.config.common_word):
            s = st.similarity(i, j)
            if s >= cutoff:
                edges[i, j] = s
    for component in components(edges):
        for i, j in assign(component, edges, st.config.assign_limit):
            st.pair(i, j, edges[i, j], moved=True)


def _group_score(one: Key, many: list[Key], cfg: AlignConfig) -> float:
    """How well ``many`` joined covers ``one``; 0 when a piece is not inside ``one``."""
    if len(one.full) > cfg.group_chars:  # character ratios on very long texts are quadratic
        return 0.0
    for piece in many:  # cheap word-set test first: partial_ratio is costly on long texts
        if len(piece.words - one.words) > (1 - cfg.piece_min / 100) * 2 * len(piece.words):
            return 0.0
    for piece in many:
        if fuzz.partial_ratio(piece.full, one.full) < cfg.piece_min:
            return 0.0
    return fuzz.ratio(one.full, " ".join(k.full for k in many))


def _best_run(one: Key, keys: Keys, bounds: tuple[int, int], free: dict[int, bool],
              current: int | None, base: float, cfg: AlignConfig) -> tuple[float, tuple[int, ...]] | None:
    """The run of 2..max_group consecutive free paragraphs that best covers ``one`` (holding
    ``current``, its present partner, if any), when it beats ``base`` by ``split_gain``."""
    best: tuple[float, tuple[int, ...]] | None = None
    lo_bound, hi_bound = bounds
    for lo in range(lo_bound, hi_bound - 1):
        if not free[lo]:
            continue
        for hi in range(lo + 1, min(hi_bound, lo + cfg.max_group)):
            if not free[hi]:
                break  # every longer run holds it too
            if current is not None and not lo <= current <= hi:
                continue
            run = tuple(range(lo, hi + 1))
            score = _group_score(one, [keys[k] for k in run], cfg)
            if score >= cfg.split_min and score >= base + cfg.split_gain and (
                    best is None or score > best[0]):
                best = (score, run)
    return best


def _groups(st: _State, reverse: bool) -> None:
    """Step 4: splits (reverse=False) or merges (reverse=True) of consecutive paragraphs."""
    cfg = st.config
    ones, manys = (st.new, st.old) if reverse else (st.old, st.new)
    okeys, mkeys = (st.nkeys, st.okeys) if reverse else (st.okeys, st.nkeys)
    pair_one = st.pair_of_new if reverse else st.pair_of_old
    pair_many = st.pair_of_old if reverse else st.pair_of_new
    taken: set[int] = {k for g in st.groups for k in (g[0] if reverse else g[1])}
    done: set[int] = {k for g in st.groups for k in (g[1] if reverse else g[0])}
    for x in range(len(ones)):
        current = pair_one.get(x)
        old_index = (current if current is not None else -1) if reverse else x
        base = st.sims.get(old_index, 0.0) if current is not None else 0.0
        if x in done or base + cfg.split_gain > 100.0:
            continue  # done, or no group could beat the pair (scores are <= 100)
        if current is not None:
            lo_bound, hi_bound = current - cfg.max_group + 1, current + cfg.max_group
        else:
            lo_bound, hi_bound = paired_window(pair_one, x, len(ones))
            if hi_bound - lo_bound > 4 * cfg.band:  # nothing paired near x: look near its place
                centre = x * len(manys) // max(1, len(ones))
                lo_bound, hi_bound = max(lo_bound, centre - cfg.band), min(hi_bound, centre + cfg.band)
        bounds = max(0, lo_bound), min(len(manys), hi_bound)
        free = {k: k not in taken and (k not in pair_many or k == current) for k in range(*bounds)}
        if sum(free.values()) < 2:
            continue  # no run of two free paragraphs
        best = _best_run(okeys[x], mkeys, bounds, free, current, base, cfg)
        if best is None:
            continue
        if current is not None:
            st.unpair(old_index)
        taken.update(best[1])
        st.groups.append((best[1], (x,), best[0]) if reverse else ((x,), best[1], best[0]))


def _align_units(old: Sequence[Unit], new: Sequence[Unit], config: AlignConfig) -> list[Match]:
    """Align two sequences of sibling paragraphs; matches come in new reading order."""
    st = _State(old, new, _keys(old), _keys(new), config)
    _anchor_identical(st)
    _anchor_figures(st)
    st.weights = st.okeys.weights = st.nkeys.weights = rarity_weights(
        [st.okeys[i] for i in range(len(old)) if i not in st.pair_of_old]
        + [st.nkeys[j] for j in range(len(new)) if j not in st.pair_of_new])
    for olds, news in list(_gaps(st)):
        _dp(st, olds, news)
    _release_weak(st)
    _moves(st)
    _groups(st, reverse=False)
    _groups(st, reverse=True)
    for i, j in st.pair_of_old.items():  # a change of part is a move even when in order
        if old[i].address.part is not new[j].address.part:
            st.moved.add(i)  # (only the moves step pairs across parts; this keeps it explicit)
    return _ordered(st)


def _ordered(st: _State) -> list[Match]:
    """Matches in the reading order of the new text; deleted paragraphs at their old place."""
    cfg = st.config
    keyed: list[tuple[tuple[float, ...], Match]] = []
    new_pos_of_old: dict[int, int] = {}  # old index -> new position of its (non-moved) match
    for i, j in st.pair_of_old.items():
        olds, news = (st.old[i],), (st.new[j],)
        sim = st.sims[i]
        if i in st.moved:
            kind = MatchKind.MOVED
        else:
            kind = MatchKind.IDENTICAL if olds[0].text == news[0].text else MatchKind.SIMILAR
            new_pos_of_old[i] = j
        keyed.append(((j, 0, 0), _with_children(kind, olds, news, sim, cfg)))
    for old_ids, new_ids, sim in st.groups:
        kind = MatchKind.SPLIT if len(old_ids) == 1 else MatchKind.MERGED
        group_old = tuple(st.old[i] for i in old_ids)
        group_new = tuple(st.new[j] for j in new_ids)
        for i in old_ids:
            new_pos_of_old[i] = new_ids[0]
        keyed.append(((new_ids[0], 0, 0), _with_children(kind, group_old, group_new, sim, cfg)))
    used_new = set(st.pair_of_new) | {j for g in st.groups for j in g[1]}
    used_old = set(st.pair_of_old) | {i for g in st.groups for i in g[0]}
    for j, unit in enumerate(st.new):
        if j not in used_new:
            keyed.append(((j, 0, 0), _with_children(MatchKind.ADDED, (), (unit,), 0.0, cfg)))
    deleted = [i for i in range(len(st.old)) if i not in used_old]
    places = _deleted_places(st, deleted, new_pos_of_old)
    for i in deleted:
        match = _with_children(MatchKind.DELETED, (st.old[i],), (), 0.0, cfg)
        keyed.append((places[i], match))
    keyed.sort(key=lambda item: item[0])
    return [match for _, match in keyed]


def _deleted_places(st: _State, deleted: list[int],
                    new_pos_of_old: dict[int, int]) -> dict[int, tuple[float, ...]]:
    """Sort keys putting each deleted old paragraph at its old place in the new reading order.

    Right after the new place of the nearest earlier old paragraph of the same part that was
    kept in order (the largest such place); failing that, right before that of the nearest later
    one (the smallest); failing both, at the start of its part. One pass each way per part, as
    a running maximum and minimum, so a long text with many deletions stays linear.
    """
    places: dict[int, tuple[float, ...]] = {}
    for part in {st.old[i].address.part for i in deleted}:
        kept = [new_pos_of_old[k] if k in new_pos_of_old and st.new[new_pos_of_old[k]].address.part is part
                else None for k in range(len(st.old))]
        before = running_extreme(kept, max)
        after = running_extreme(kept[::-1], min)[::-1]
        start = next((j for j, u in enumerate(st.new) if u.address.part is part), len(st.new))
        for i in deleted:
            if st.old[i].address.part is not part:
                continue
            earlier, later = before[i], after[i]
            if earlier is not None:
                places[i] = (earlier, 1, i)
            elif later is not None:
                places[i] = (later, -1, i)
            else:
                places[i] = (start, -1, i)
    return places


def _with_children(kind: MatchKind, olds: tuple[Unit, ...], news: tuple[Unit, ...], sim: float,
                   config: AlignConfig) -> Match:
    """The match, with the sub-paragraphs of its paragraphs aligned inside it."""
    children: tuple[Match, ...] = ()
    if any([u.paragraph.items for u in olds + news]):  # a list: cheaper than a generator here
        old_items = [Unit(u.address.child(n), item) for u in olds
                     for n, item in enumerate(u.paragraph.items, start=1)]
        new_items = [Unit(u.address.child(n), item) for u in news
                     for n, item in enumerate(u.paragraph.items, start=1)]
        children = tuple(_align_units(old_items, new_items, config))
    return Match(kind, olds, news, round(sim, 1), children)


def top_units(resolution: Resolution) -> list[Unit]:
    """The top-level paragraphs in reading order (preamble, then operative part)."""
    return [Unit(address, paragraph) for address, paragraph in resolution.top()]


def align(old: Resolution, new: Resolution, config: AlignConfig | None = None) -> list[Match]:
    """Pair the paragraphs of two versions; the matches come in the new text's reading order.

    Every paragraph and sub-paragraph of both versions is in exactly one match (top-level ones in
    the returned list, sub-paragraphs in the ``children`` of their parent's match).
    """
    return _align_units(top_units(old), top_units(new), config or AlignConfig())


def flatten(matches: Iterable[Match]) -> Iterable[Match]:
    """Each match followed by its sub-paragraph matches, depth first."""
    for match in matches:
        yield match
        yield from flatten(match.children)
