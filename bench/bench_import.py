"""Benchmark of text import: 500 paragraphs of a Security Council text, with and without the
conservation ledger, beside a plain regex split of the same text so the figures read as ratios.
Prints medians; asserts nothing (target in the note: < 0.5 s for 500 paragraphs with the ledger).

    python bench/bench_import.py [--repeat N] [--pdf]

With ``--pdf`` it also times PDF import: one PDF (S/RES/1445 (2002) laid out as printed, the
fixture of tests/data/pdf) and every precedent rendered and printed to PDF by LibreOffice (made
once in a temporary folder, not timed), beside what the text layer alone costs (pdfminer's
extract_text: no layout, no fonts kept) and poppler's pdftotext when installed.

The input is built from real operative paragraphs of the corpus (UNDOF and UNIFIL texts),
renumbered 1..500 under one heading, wrapped as the corpus prints them, with footnote markers.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting import load  # noqa: E402
from drafting.importers import read_text  # noqa: E402
from drafting.importers.sc import parse_sc  # noqa: E402
from timing import median_seconds as median  # noqa: E402


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--pdf", action="store_true", help="also time PDF import (needs LibreOffice for the 77)")
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
    if args.pdf:
        bench_pdf(args.repeat)


def bench_pdf(repeat: int) -> None:
    """PDF import of one page-furnished resolution and of every precedent printed by LibreOffice."""
    import shutil
    import subprocess
    import tempfile

    from pdfminer.high_level import extract_text

    from drafting.importers import import_checked
    from drafting.render.documents.docx import render_file

    one = ROOT / "tests" / "data" / "pdf" / "un-1445.pdf"
    cases: dict[str, Callable[[], object]] = {
        "PDF import, 1 PDF (3 pages)": lambda: import_checked(one),
        "pdfminer extract_text only, 1 PDF": lambda: extract_text(one),
    }
    if shutil.which("pdftotext"):
        cases["pdftotext -layout, 1 PDF"] = lambda: subprocess.run(["pdftotext", "-layout", str(one), "-"],
                                                                   capture_output=True, check=True)
    for name, fn in cases.items():
        print(f"{name:<36} {median(fn, repeat) * 1000:8.1f} ms")
    if not shutil.which("soffice"):
        print("soffice not installed: no figure for the precedents")
        return
    with tempfile.TemporaryDirectory() as tmp:
        files = sorted((ROOT / "precedents").glob("*/*.yaml"))
        docs = [Path(tmp) / f"p{n:03d}.docx" for n in range(len(files))]
        for path, doc in zip(files, docs):
            render_file(path, doc)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, *map(str, docs)],
                       check=True, capture_output=True)
        pdfs = [doc.with_suffix(".pdf") for doc in docs]
        total = median(lambda: [import_checked(p) for p in pdfs], max(1, repeat // 2))
        print(f"{'PDF import, ' + str(len(pdfs)) + ' precedents':<36} {total * 1000:8.1f} ms "
              f"({total / len(pdfs) * 1000:.1f} ms a PDF)")


if __name__ == "__main__":
    main()
