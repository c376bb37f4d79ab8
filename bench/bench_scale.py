"""How the commands scale with the number of paragraphs: a 400-paragraph pair beside a
10,000-operative-paragraph pair, both built from real paragraphs (the committed precedents, then
the Security Council corpus when it is there). Prints seconds per step; asserts nothing.

    python bench/bench_scale.py [--big 10000] [--small 400] [--only score,exercise] [--profile STEP]

The pair is one series folder of two texts: the later one is the earlier with every 10th
paragraph reworded, every 50th deleted, a new paragraph every 40th and two moved. Steps: diff,
score, exercise (worksheet and key), history, evaluate, diff --series (html), each in-process.
Target: score of the 10,000-paragraph pair <= 3 s.
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting.model import Body, Paragraph, Resolution  # noqa: E402
from drafting.store import load, resolution_files, save  # noqa: E402

PRECEDENTS = ROOT / "precedents"
CORPUS = ROOT.parent / "shared" / "corpus" / "unsc"
FACTS = ROOT / "examples" / "undof" / "0887.facts.yaml"


def real_paragraphs(count: int) -> list[str]:
    """``count`` distinct operative paragraphs of adopted texts, in a stable order."""
    seen: dict[str, None] = {}
    for f in resolution_files([PRECEDENTS]):
        for _, p in load(f).walk():
            if p.text.strip():
                seen.setdefault(p.text, None)
    if len(seen) < count and CORPUS.is_dir():
        from drafting.importers import import_file

        for f in sorted(CORPUS.glob("*.txt")):
            try:
                for _, p in import_file(f).walk():
                    if p.text.strip():
                        seen.setdefault(p.text, None)
            except Exception:  # noqa: BLE001 - a damaged corpus text: take the next one
                continue
            if len(seen) >= count:
                break
    texts = list(seen)
    n = 0
    while len(texts) < count:  # a corpus too small: numbered copies, still real wording
        texts.append(f"{texts[n]} ({n + 1})")
        n += 1
    return texts[:count]


def edited(texts: list[str]) -> list[str]:
    out = []
    for i, text in enumerate(texts):
        if i % 50 == 49:
            continue  # deleted
        if i % 10 == 3:
            words = text.split()
            words[len(words) // 2] = "reaffirmed"
            text = " ".join(words)
        out.append(text)
        if i % 40 == 7:
            out.append(f"Requests the Secretary-General to report on item {i} within ninety days;")
    if len(out) > 20:
        out.insert(5, out.pop(len(out) // 2))  # two moves
        out.insert(len(out) - 3, out.pop(10))
    return out


def series(folder: Path, texts: list[str]) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    old = Resolution(symbol="S/RES/2000 (2010)", body=Body.SC, year=2010,
                     preamble=(Paragraph("Recalling its previous resolutions,"),),
                     operative=tuple(Paragraph(t) for t in texts))
    new = Resolution(symbol="S/RES/2100 (2011)", body=Body.SC, year=2011,
                     preamble=(Paragraph("Recalling its previous resolutions,"),),
                     operative=tuple(Paragraph(t) for t in edited(texts)))
    save(old, folder / "2010.yaml")
    save(new, folder / "2011.yaml")
    return folder / "2010.yaml", folder / "2011.yaml"


def steps(old: Path, new: Path, out: Path) -> dict[str, Callable[[], object]]:
    from drafting.comparison.diff import diff_files
    from drafting.library.history import history
    from drafting.proposal.evaluate import evaluate_series
    from drafting.render.reports.formats import write_series
    from drafting.training.score import exercise, score

    return {
        "diff": lambda: diff_files(old, new),
        "score": lambda: score(load(new), load(old), "mun"),
        "exercise": lambda: exercise(old, FACTS, out / "w.docx", out / "key.docx"),
        "history": lambda: history(old.parent),
        "evaluate": lambda: evaluate_series(old.parent),
        "diff --series": lambda: write_series(old.parent, out / "reports", "html"),
    }


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--big", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=400)
    parser.add_argument("--only", help="comma-separated steps")
    parser.add_argument("--profile", metavar="STEP", help="print the top functions of STEP on the big pair")
    args = parser.parse_args()
    texts = real_paragraphs(args.big)
    with tempfile.TemporaryDirectory() as tmp:
        pairs = {n: series(Path(tmp) / f"s{n}", texts[:n]) for n in (args.small, args.big)}
        table = {n: steps(*pairs[n], Path(tmp) / f"out{n}") for n in pairs}
        names = args.only.split(",") if args.only else list(table[args.small])
        if args.profile:
            profile = cProfile.Profile()
            profile.runcall(table[args.big][args.profile])
            pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
            return
        print(f"{'step':<14} {args.small:>8} par. {args.big:>8} par.  ratio (linear: {args.big / args.small:.0f})")
        for name in names:
            small, big = seconds(table[args.small][name]), seconds(table[args.big][name])
            print(f"{name:<14} {small:>11.2f} s {big:>11.2f} s  {big / max(small, 1e-6):>5.0f}x", flush=True)


if __name__ == "__main__":
    main()
