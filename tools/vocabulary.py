"""Build the word list the importers and the OCR lint rule prove repairs against.

    python -m tools.vocabulary [CORPUS_DIR] [OUT]

Counts the words of the corpus (811 Security Council texts and the yearbook chapter) and keeps
those seen at least twice, with their counts: a word OCR damaged once is not kept, a real word
is. Written to ``drafting/data/vocabulary.txt`` (one "word count" a line, sorted).
"""
from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_OUT = ROOT / "drafting" / "data" / "vocabulary.txt"
_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")


def count(corpus: Path) -> Counter[str]:
    words: Counter[str] = Counter()
    for path in sorted(corpus.glob("**/*.txt")):
        words.update(w.lower() for w in _WORD.findall(path.read_text(encoding="utf-8")))
    return words


def main(argv: list[str]) -> int:
    corpus = Path(argv[0]) if argv else DEFAULT_CORPUS
    out = Path(argv[1]) if len(argv) > 1 else DEFAULT_OUT
    words = count(corpus)
    kept = sorted((w, n) for w, n in words.items() if n >= 2 and len(w) > 1)
    out.write_text("".join(f"{w} {n}\n" for w, n in kept), encoding="utf-8")
    print(f"wrote {out}: {len(kept)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
