"""Render times of Word documents: 68/128 and a 400-paragraph resolution (run: python bench/bench_render.py).

The 400-paragraph text is made of real paragraphs: the precedent library's, topped up with
paragraphs of the Security Council corpus (../shared/corpus/unsc), as long as omnibus texts such
as the oceans and law of the sea resolution really are. Prints medians of in-process times for
the clean document, the tracked-changes document (against the same text with every tenth
paragraph edited, one deleted, one added) and reading the clean document back.
"""
from __future__ import annotations

import dataclasses
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting import load  # noqa: E402
from drafting.model import Paragraph, Resolution  # noqa: E402
from timing import median_ms  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "unsc"
DIAMONDS = ROOT / "precedents" / "conflict-diamonds" / "2013.yaml"


def corpus_paragraphs(limit: int) -> list[str]:
    """Paragraphs of the Security Council texts: blank-line separated blocks after the organ line."""
    out: list[str] = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = text.split("The Security Council,", 1)[-1]
        for block in re.split(r"\n\s*\n", body):
            para = re.sub(r"^\d+\.\s*", "", " ".join(block.split()))
            if len(para) > 60 and not para.startswith("Adopted"):
                out.append(para)
            if len(out) >= limit:
                return out
    return out


def big_resolution(n: int = 400) -> Resolution:
    texts = [p.text for f in sorted((ROOT / "precedents").glob("*/*.yaml")) for _, p in load(f).walk()]
    texts += corpus_paragraphs(n)
    texts = texts[:n]
    cut = n // 5
    return Resolution(symbol="A/RES/99/1", session=99, title="An omnibus text of real paragraphs",
                      preamble=tuple(Paragraph(t) for t in texts[:cut]),
                      operative=tuple(Paragraph(t) for t in texts[cut:]))


def edited(res: Resolution) -> Resolution:
    ops = [dataclasses.replace(p, text=p.text.replace(" the ", " the said ", 1)) if i % 10 == 0 else p
           for i, p in enumerate(res.operative)]
    del ops[len(ops) // 2]
    ops.insert(3, Paragraph("Decides to remain actively seized of the matter."))
    return dataclasses.replace(res, operative=tuple(ops))


def main() -> None:
    from drafting.comparison.diff import diff
    from drafting.importers.docx import read_docx
    from drafting.render.documents.docx import render_document, render_tracked

    cases = {}
    if DIAMONDS.exists():
        cases["68/128"] = load(DIAMONDS)
    cases["400 paragraphs"] = big_resolution()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.docx"
        render_document(next(iter(cases.values())), out)  # warm up: imports, template parsing
        print(f"{'text':<16}{'paragraphs':>11}{'clean ms':>11}{'tracked ms':>12}{'read ms':>10}")
        for name, res in cases.items():
            comparison = diff(res, edited(res))
            clean = median_ms(lambda: render_document(res, out), 9)
            tracked = median_ms(lambda: render_tracked(comparison, out), 9)
            render_document(res, out)
            read = median_ms(lambda: read_docx(out), 9)
            count = sum(1 for _ in res.walk())
            print(f"{name:<16}{count:>11}{clean:>11.1f}{tracked:>12.1f}{read:>10.1f}")


if __name__ == "__main__":
    main()
