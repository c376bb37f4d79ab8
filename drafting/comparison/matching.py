"""Matching pieces of the alignment: the chain of paragraphs that stayed in place, the best
assignment of moved paragraphs to their new places, and the neighbours a group or a deleted
paragraph is placed by.
"""
from __future__ import annotations

import bisect
from typing import Callable, Mapping



def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (i, j) increasing in both (pairs sorted by i): patience sorting.

    What stays in place when paragraphs move: the alignment calls the rest moves, and the
    tracked Word document shows the rest deleted and inserted again.
    """
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_at: list[int] = []  # index into pairs of that chain end
    back: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def components(edges: Mapping[tuple[int, int], float]) -> list[list[tuple[int, int]]]:
    """The candidate pairs split into groups that share no paragraph (each solved alone)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[root(("old", i))] = root(("new", j))
    groups: dict[tuple[str, int], list[tuple[int, int]]] = {}
    for i, j in sorted(edges):
        groups.setdefault(root(("old", i)), []).append((i, j))
    return list(groups.values())


def assign(pairs: list[tuple[int, int]], edges: Mapping[tuple[int, int], float],
            limit: int) -> list[tuple[int, int]]:
    """The pairs of one group maximizing the summed similarity; past ``limit`` paragraphs a side,
    best first (greedy), which keeps the work bounded on huge unpaired gaps."""
    olds = sorted({i for i, _ in pairs})
    news = sorted({j for _, j in pairs})
    if len(pairs) == 1 or max(len(olds), len(news)) > limit:
        chosen: list[tuple[int, int]] = []
        used_old: set[int] = set()
        used_new: set[int] = set()
        for s, i, j in sorted((-edges[p], p[0], p[1]) for p in pairs):
            if i not in used_old and j not in used_new:
                chosen.append((i, j))
                used_old.add(i)
                used_new.add(j)
        return chosen
    from munkres import DISALLOWED, Munkres  # slow to import; most diffs have no moves to assign

    matrix = [[100.0 - edges[i, j] if (i, j) in edges else DISALLOWED for j in news] for i in olds]
    return [(olds[r], news[c]) for r, c in Munkres().compute(matrix)]


def paired_window(pair_one: dict[int, int], x: int, size: int) -> tuple[int, int]:
    """The range of the other side where ``x``'s pieces may stand: between its paired neighbours."""
    # the nearest paired neighbour each way, stopping there: scanning them all is quadratic
    before = next((pair_one[k] for k in range(x - 1, -1, -1) if k in pair_one), None)
    after = next((pair_one[k] for k in range(x + 1, x + 1 + size) if k in pair_one), None)
    return (before + 1 if before is not None else 0), (after if after is not None else size)


def running_extreme(values: list[int | None], pick: Callable[[int, int], int]) -> list[int | None]:
    """For each index, ``pick`` over the values strictly before it (None when there are none)."""
    out: list[int | None] = []
    best: int | None = None
    for v in values:
        out.append(best)
        if v is not None:
            best = v if best is None else pick(best, v)
    return out
