"""Lint the 811 Security Council texts of the corpus and print the findings by rule.

    python bench/lint_corpus.py                  # counts by rule and severity, timing
    python bench/lint_corpus.py --show pp-comma  # every finding of one rule, with its text
    python bench/lint_corpus.py --sample 60      # a fixed random sample to read by hand

The texts are imported with drafting.importers.import_file (as a user would), linted with the
"un" profile against the precedent library (for ref-library). Precision is measured by reading
the sample: each finding is either a real slip of the text (or of its transcription) or a false
alarm of the linter.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "unsc"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--library", type=Path, default=ROOT / "precedents")
    parser.add_argument("--show", metavar="RULE", help="print every finding of RULE")
    parser.add_argument("--sample", type=int, metavar="N", help="print N findings drawn at random (--seed, default 6)")
    parser.add_argument("--severity", default=None, help="only findings of this severity")
    parser.add_argument("--seed", type=int, default=6, help="seed of the --sample draw")
    args = parser.parse_args(argv)

    found, failed, times = lint_corpus(args.corpus, args.library, args.severity)
    if args.show or args.sample:
        chosen = [x for x in found if x[2].rule == args.show] if args.show else found
        if args.sample:
            chosen = random.Random(args.seed).sample(chosen, min(args.sample, len(chosen)))
        for name, resolution, f in chosen:
            text = resolution.get(f.paragraph).text if f.paragraph else ""
            print(f"{name} {f.paragraph} {f.severity.value} [{f.rule}] {f.message}\n    {text[:300]}\n")
        return 0
    report(found, failed, times, total=len(list(args.corpus.glob("*.txt"))))
    return 0


def lint_corpus(corpus: Path, library_dir: Path, severity: str | None):
    """Import and lint every text: (findings as (file, resolution, finding), failures, seconds)."""
    from drafting.errors import DraftingError
    from drafting.importers import import_file
    from drafting.checks.engine import Library, lint

    library = Library.from_folder(library_dir) if library_dir.is_dir() else None
    found, failed = [], []
    t_import = t_lint = 0.0
    for path in sorted(corpus.glob("*.txt")):
        start = time.perf_counter()
        try:
            resolution = import_file(path)
        except DraftingError as exc:
            failed.append((path.name, str(exc).splitlines()[0]))
            continue
        middle = time.perf_counter()
        findings = lint(resolution, "un", library)
        t_import += middle - start
        t_lint += time.perf_counter() - middle
        found += [(path.name, resolution, f) for f in findings if not severity or f.severity.value == severity]
    return found, failed, (t_import, t_lint)


def report(found, failed, times, total: int) -> None:
    """Counts by rule and severity, and how many texts each rule fires on."""
    from drafting.checks.engine import RULES

    by_rule: Counter[tuple[str, str]] = Counter((f.rule, f.severity.value) for _, _, f in found)
    texts_with = Counter(rule for rule, _ in {(f.rule, name) for name, _, f in found})
    linted = total - len(failed)
    t_import, t_lint = times
    print(f"{linted} of {total} texts imported and linted; import {t_import:.1f} s, "
          f"lint {t_lint:.2f} s ({1000 * t_lint / max(linted, 1):.2f} ms a text)")
    for name, why in failed:
        print(f"  not imported: {name}: {why}")
    print(f"{'rule':<18} {'severity':<8} {'findings':>8} {'texts':>6}")
    for rule in RULES:
        for (rid, sev), n in sorted(by_rule.items()):
            if rid == rule.id:
                print(f"{rid:<18} {sev:<8} {n:>8} {texts_with[rid]:>6}")
    totals: Counter[str] = Counter()
    for (_, sev), n in by_rule.items():
        totals[sev] += n
    print("total: " + ", ".join(f"{totals[s]} {s}" for s in ("error", "warning", "info")))


if __name__ == "__main__":
    sys.exit(main())
