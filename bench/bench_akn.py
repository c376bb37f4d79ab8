"""Akoma Ntoso export and import times over the whole precedent library (run: python bench/bench_akn.py).

Loads every precedent once, then prints the median of several runs (in-process, wall clock) of
exporting all of them to AKN, of reading all of them back, and of the AKN comparison of every
consecutive pair of a series (alignment and word diff included).
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting import load  # noqa: E402
from drafting.comparison.diff import diff  # noqa: E402
from drafting.importers.akn import parse_akn  # noqa: E402
from drafting.render.documents.akn import comparison_to_akn, to_akn  # noqa: E402
from drafting.store import series_files  # noqa: E402
from timing import median_seconds  # noqa: E402

RUNS = 7


def main() -> None:
    files = sorted((ROOT / "precedents").glob("*/*.yaml"))
    resolutions = [load(f) for f in files]
    documents = [to_akn(r) for r in resolutions]
    pairs = [(load(a), load(b)) for folder in sorted((ROOT / "precedents").iterdir())
             if folder.is_dir() for a, b in zip(series_files(folder), series_files(folder)[1:])]
    size = sum(len(d) for d in documents)
    export = median_seconds(lambda: [to_akn(r) for r in resolutions], RUNS)
    read = median_seconds(lambda: [parse_akn(d) for d in documents], RUNS)
    compare = median_seconds(lambda: [comparison_to_akn(diff(a, b), a, b) for a, b in pairs], 3)
    print(f"{len(files)} precedents, {size / 1024:.0f} KiB of AKN; median of {RUNS} runs")
    print(f"export all:  {export * 1000:7.1f} ms  ({export / len(files) * 1000:.2f} ms a text)")
    print(f"import all:  {read * 1000:7.1f} ms  ({read / len(files) * 1000:.2f} ms a text)")
    print(f"compare {len(pairs)} pairs (diff + AKN), median of 3: {compare * 1000:.1f} ms")


if __name__ == "__main__":
    main()
