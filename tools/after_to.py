"""Build the list of words the corpus writes after "to": the proof that "10" before one is "to".

    python -m tools.after_to [CORPUS_DIR] [OUT]

OCR reads "to" as "10" ("in order 10 ensure"). A word proves the repair when the corpus writes
"to" before it in at least half of its occurrences (an infinitive: "ensure", "reconvene"; never
"the" or "which"; the "10" slips themselves not counted) and never writes another number before
it (a number counts what follows: "5 votes", "4 of"). Written to
``drafting/data/after-to.txt`` (one "word to-count count" a line, sorted).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "drafting" / "data" / "after-to.txt"
_PAIR = re.compile(r"(?=\b(\w+)\s+([a-z]+)\b)")


def count(corpus: Path) -> tuple[Counter[str], Counter[str], Counter[str], Counter[str]]:
    """Per lower-case word: how often "to", "10" and another number precede it, and how often it
    occurs."""
    after_to: Counter[str] = Counter()
    after_ten: Counter[str] = Counter()
    after_number: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for path in sorted(corpus.glob("**/*.txt")):
        for first, word in _PAIR.findall(path.read_text(encoding="utf-8")):
            total[word] += 1
            if first.lower() == "to":
                after_to[word] += 1
            elif first == "10":
                after_ten[word] += 1
            elif first.isdigit():
                after_number[word] += 1
    return after_to, after_ten, after_number, total


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    after_to, after_ten, after_number, total = count(corpus)
    kept = sorted((w, n, total[w]) for w, n in after_to.items()
                  if 2 * n >= total[w] - after_ten[w] and not after_number[w])
    out.write_text("".join(f"{w} {n} {t}\n" for w, n, t in kept), encoding="utf-8")
    print(f"wrote {out}: {len(kept)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
