"""Benchmark of agreed-language search on the whole Security Council corpus (811 texts).

    python bench/bench_search.py [--library DIR] [--repeat N]

Imports ../shared/corpus/unsc into a library (DIR, default a temporary folder; an existing DIR
of imported texts is reused), then prints: import time, full index build time, the freshness
check every search does, query latency (median and 95th percentile) for phrase, word and
similar-paragraph queries, and the index size on disk. Targets: phrase < 20 ms, similar < 200 ms.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNSC = ROOT.parent / "shared" / "corpus" / "unsc"

PHRASES = [
    '"renew the mandate"',
    '"Interim Force in Lebanon"',
    '"Disengagement Observer Force for another period of six months"',
    '"territorial integrity"',
    '"threat to international peace and security"',
    '"Chapter VII of the Charter"',
    '"right to self-determination"',
    '"calls upon all States"',
    '"remain seized of the matter"',
    '"policy of apartheid"',
]
WORDS = [
    "apartheid South Africa",
    "cease-fire withdrawal",
    "Namibia independence",
    "sanctions Rhodesia",
    "Israel Lebanon withdrawal",
    "refugees return",
    "nuclear weapons",
    "report Secretary-General",
    "humanitarian assistance Somalia",
    "admission membership",
]
SIMILAR = [
    "Reaffirms its firm support for the sovereignty, territorial integrity and political independence "
    "of Lebanon within its internationally recognised borders;",
    "Decides to prolong the mandate of the United Nations Interim Force in Lebanon for another period "
    "of six months, until 31 January 1992;",
    "To call on the parties concerned to implement at once its resolution 338 (1973);",
    "Requests the Secretary-General to keep the Council fully informed of any further developments;",
    "Strongly condemns the racist regime of South Africa for its continued policy of apartheid;",
    "Calls upon all States to refrain from any action which might further aggravate the situation in the region;",
    "Decides to admit the Republic as a new Member of the United Nations;",
    "Demands that the parties observe an immediate ceasefire and withdraw their forces;",
    "Urges all Member States to comply strictly with the mandatory arms embargo against South Africa;",
    "Decides to remain actively seized of this matter.",
]


def build_library(library: Path) -> float:
    """Import every corpus text into library/unsc/<number>.yaml; seconds taken (0 when reused)."""
    from drafting.importers import import_file
    from drafting.store import save

    folder = library / "unsc"
    texts = sorted(UNSC.glob("*.txt"))
    if folder.is_dir() and len(list(folder.glob("*.yaml"))) >= len(texts) - 10:
        return 0.0
    folder.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    failed = 0
    for text in texts:
        number = text.name.split("_")[2]
        try:
            save(import_file(text), folder / f"{number}.yaml")
        except Exception as exc:  # a text the importer cannot read is reported, not fatal here
            failed += 1
            print(f"  import failed: {text.name}: {exc}", file=sys.stderr)
    elapsed = time.perf_counter() - start
    print(f"import      {len(texts) - failed} of {len(texts)} texts in {elapsed:.1f} s")
    return elapsed


def timed(fn, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, times: list[float], target: float | None = None) -> None:
    times = sorted(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    goal = f"   (target < {target:g} ms)" if target else ""
    print(f"{name:<34} median {statistics.median(times):7.2f} ms   p95 {p95:7.2f} ms   n={len(times)}{goal}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--library", type=Path, help="library folder to build or reuse")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query (default 20)")
    args = parser.parse_args()
    from drafting.library.index import INDEX_NAME, Index

    library = args.library or Path(tempfile.mkdtemp(prefix="drafting-bench-search-"))
    build_library(library)
    (library / INDEX_NAME).unlink(missing_ok=True)

    start = time.perf_counter()
    with Index(library) as index:
        refresh = index.refresh()
    build = time.perf_counter() - start
    with Index(library, auto_refresh=False) as index:
        stats = index.stats()
        print(f"index build {stats['texts']} texts, {stats['paragraphs']} paragraphs in {build:.2f} s "
              f"(full build; {len(refresh.skipped)} files skipped)")
        size = stats["bytes"]
        print(f"index size  {size / 1024 / 1024:.2f} MiB on disk, {size / stats['paragraphs']:.0f} bytes "
              f"per paragraph; YAML library {sum(f.stat().st_size for f in library.rglob('*.yaml')) / 1024 / 1024:.2f} MiB")
        report("freshness check (no change)", timed(index.refresh, args.repeat))
        for name, queries, fn, target in (
                ("phrase query", PHRASES, index.search, 20),
                ("word query", WORDS, index.search, None),
                ("similar-paragraph query", SIMILAR, index.similar, 200)):
            times = [t for q in queries for t in timed(lambda q=q: fn(q), args.repeat)]
            report(name, times, target)
            counts = [len(fn(q)) for q in queries]
            print(f"{'':<34} hits per query: {counts}")
        first = index.search('"Disengagement Observer Force for another period of six months"', first=True, limit=100)
        print(f"UNDOF phrase, --first: {len(first)} paragraphs, {first[0].label} .. {first[-1].label}")

    def cold() -> None:  # what one CLI search pays beyond start-up: open, freshness check, query
        with Index(library) as fresh:
            fresh.search(PHRASES[0])

    report("open + check + phrase query", timed(cold, args.repeat))
    print(f"library: {library}")


if __name__ == "__main__":
    main()
