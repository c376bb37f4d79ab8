"""Benchmark of `drafting compile`: read, resolve, find conflicts, merge and write a compilation.
Prints medians beside the same conflict search done on every pair of proposals (what a naive
compilation does), so the figures read as ratios. Asserts nothing.

    python bench/bench_compile.py [--repeat N]

Cases: 68/128 with the hand-written compilation (tests/data); a ~370-paragraph text built from
the UNIFIL series' paragraphs with ~440 proposals from three delegations (every real change of
each consecutive pair, on its own copy of the text).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting import load  # noqa: E402
from drafting.comparison.diff import series_pairs  # noqa: E402
from drafting.compilation import text  # noqa: E402
from drafting.compilation.conflicts import Conflict, why_conflict, conflicts  # noqa: E402
from drafting.compilation.derive import derive  # noqa: E402
from drafting.compilation.load import load as load_proposals  # noqa: E402
from drafting.compilation.proposals import Compilation  # noqa: E402
from drafting.compilation.resolve import Resolved, resolve  # noqa: E402
from drafting.compilation.revision import revise  # noqa: E402
from drafting.model import Resolution  # noqa: E402
from timing import median_ms  # noqa: E402


def every_pair(items: list[Resolved]) -> list[Conflict]:
    return [Conflict(a.proposal.id, b.proposal.id, "", r) for i, a in enumerate(items) for b in items[i + 1:]
            if (r := why_conflict(a, b))]


def big_case() -> tuple[Resolution, Compilation]:
    """Each UNIFIL pair's changes on its own stretch of one long text: the old texts one after
    another, the new texts one after another, every paragraph made unique by its place."""
    olds, news = [], []
    for n, (a, b) in enumerate(series_pairs(ROOT / "precedents" / "unifil")):
        olds.append(load(a))
        news.append(load(b))

    def joined(texts: list[Resolution]) -> Resolution:
        tag = lambda k, p: replace(p, text=f"[{k}] {p.text}")  # noqa: E731
        return replace(texts[0], preamble=tuple(tag(k, p) for k, t in enumerate(texts) for p in t.preamble),
                       operative=tuple(tag(k, p) for k, t in enumerate(texts) for p in t.operative))

    old, new = joined(olds), joined(news)
    return old, Compilation(tuple(derive(old, new, ["EU", "G77/China", "US"])))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    base = load(ROOT / "precedents" / "conflict-diamonds" / "2013.yaml")
    hand = load_proposals([ROOT / "tests" / "data" / "compile-68-128.txt"])
    print(f"68/128, {len(hand.proposals)} proposals")
    print(f"  resolve, conflicts, write text     {median_ms(lambda: text.render(base, hand), repeat):8.1f} ms")
    old, big = big_case()
    paragraphs = sum(1 for _ in old.walk())
    print(f"{paragraphs} paragraphs, {len(big.proposals)} proposals")
    resolved = resolve(old, big)
    print(f"  resolve every target               {median_ms(lambda: resolve(old, big), repeat):8.1f} ms")
    print(f"  conflicts (by paragraph)           {median_ms(lambda: conflicts(resolved), repeat):8.1f} ms")
    print(f"  conflicts (every pair, naive)      {median_ms(lambda: every_pair(resolved), 1):8.1f} ms")
    print(f"  revision, all accepted             {median_ms(lambda: revise(old, big, ['all']), repeat):8.1f} ms")
    print(f"  text form                          {median_ms(lambda: text.render(old, big), repeat):8.1f} ms")


if __name__ == "__main__":
    main()
