"""Benchmark of text import: 500 paragraphs of a Security Council text, with and without the
conservation ledger, beside a plain regex split of the same text so the figures read as ratios.
Prints medians; asserts nothing (target in the note: < 0.5 s for 500 paragraphs with the ledger).

    python bench/bench_import.py [--repeat N]

The input is built from real operative paragraphs of the corpus (UNDOF and UNIFIL texts),
renumbered 1..500 under one heading, wrapped as the corpus prints them, with footnote markers.
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting import load  # noqa: E402
from drafting.importers import read_text  # noqa: E402
from drafting.importers.sc import parse_sc  # noqa: E402


def big_text(paragraphs: int = 500) -> str:
    texts = [p.text for f in sorted((ROOT / "precedents").glob("un*/*.yaml")) for p in load(f).operative
             if not p.items]
    lines = ["Resolution 999 (1994)", "of 30 May 1994", "", "The Security Council,", ""]
    for n in range(1, paragraphs + 1):
        text = texts[n % len(texts)].rstrip(".;") + (";" if n < paragraphs else ".")
        words = f"{n}. {text}".split()
        lines += [" ".join(words[i:i + 9]) for i in range(0, len(words), 9)]
        lines.append("")
    lines += ["Adopted at the 3381st meeting by 15 votes to none.", "", "12 Ibid."]
    return "\n".join(lines) + "\n"


def median(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    text = big_text()
    [found] = read_text(text, "bench.txt")
    print(f"input: {len(found.resolution.operative)} operative paragraphs, {len(text.split())} words; "
          f"warnings: {len(found.warnings)}")
    cases = {
        "import with ledger (read_text)": lambda: read_text(text, "bench.txt"),
        "import without ledger (parse_sc)": lambda: parse_sc(text, "bench.txt"),
        "regex split only (baseline)": lambda: re.split(r"\n\d+\. ", text),
    }
    for name, fn in cases.items():
        print(f"{name:<36} {median(fn, args.repeat) * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
