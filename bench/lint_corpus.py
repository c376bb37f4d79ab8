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
    parser.add_argument("--sample", type=int, metavar="N", help="print N findings drawn at random (seed 6)")
    parser.add_argument("--severity", default=None, help="only findings of this severity")
    args = parser.parse_args(argv)

    from drafting.errors import DraftingError
    from drafting.importers import import_file
    from drafting.lint import Library, RULES, lint

    library = Library.from_folder(args.library) if args.library.is_dir() else None
    files = sorted(args.corpus.glob("*.txt"))
    by_rule: Counter[tuple[str, str]] = Counter()
    texts_with: Counter[str] = Counter()
    found = []
    failed = []
    t_import = t_lint = 0.0
    for path in files:
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
        for f in findings:
            if args.severity and f.severity.value != args.severity:
                continue
            by_rule[(f.rule, f.severity.value)] += 1
            found.append((path.name, resolution, f))
        for rule in {f.rule for f in findings}:
            texts_with[rule] += 1

    if args.show or args.sample:
        chosen = [x for x in found if x[2].rule == args.show] if args.show else found
        if args.sample:
            chosen = random.Random(6).sample(chosen, min(args.sample, len(chosen)))
        for name, resolution, f in chosen:
            text = resolution.get(f.paragraph).text if f.paragraph else ""
            print(f"{name} {f.paragraph} {f.severity.value} [{f.rule}] {f.message}\n    {text[:300]}\n")
        return 0

    linted = len(files) - len(failed)
    print(f"{linted} of {len(files)} texts imported and linted; import {t_import:.1f} s, "
          f"lint {t_lint:.2f} s ({1000 * t_lint / max(linted, 1):.2f} ms a text)")
    for name, why in failed:
        print(f"  not imported: {name}: {why}")
    print(f"{'rule':<18} {'severity':<8} {'findings':>8} {'texts':>6}")
    for rule in RULES:
        for (rid, sev), n in sorted(by_rule.items()):
            if rid == rule.id:
                print(f"{rid:<18} {sev:<8} {n:>8} {texts_with[rid]:>6}")
    totals = Counter()
    for (_, sev), n in by_rule.items():
        totals[sev] += n
    print("total: " + ", ".join(f"{totals[s]} {s}" for s in ("error", "warning", "info")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
