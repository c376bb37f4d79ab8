"""Benchmark of `drafting diff`, beside difflib, python-redlines (where it runs) and
`git diff --no-index --word-diff` on the same work, so the figures read as ratios. Prints
medians; asserts nothing (targets are in the note).

    python bench/bench_diff.py [--repeat N] [--quick] [--profile]

Cases: 68/128 against a realistically edited copy; a 400-paragraph resolution built from real
Security Council paragraphs of the corpus against an edited copy; two one-megabyte paragraphs
with 200 scattered word edits; 10,000 operative paragraphs with one in ten edited; every
consecutive pair of the UNDOF series; the CLI's cold start as whole processes. "drafting (py)" is
the same diff on the pure-Python word-diff engine. Targets (in-process medians): 68/128 pair
<= 5 ms, 400-paragraph pair <= 100 ms, 1 MB pair <= 2 s, 10,000-paragraph pair <= 3 s.
"""
from __future__ import annotations

import argparse
import difflib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from drafting import load, save  # noqa: E402
from drafting.comparison import diff as diff_module  # noqa: E402
from drafting.comparison.diff import diff  # noqa: E402
from drafting.model import Paragraph, Resolution  # noqa: E402
from drafting.store import series_files  # noqa: E402
import timing  # noqa: E402

PRECEDENTS = ROOT / "precedents"
CORPUS = ROOT.parent / "shared" / "corpus" / "unsc"


def median_cpu_ms(work: Callable[[], object], repeat: int) -> float:
    """Median CPU time of this process (not wall time): what the work costs on a loaded machine."""
    return timing.median_ms(work, repeat, warm=True, clock=time.process_time)


def median_ms(work: Callable[[], object], repeat: int) -> float:
    """Warm first (rapidfuzz, regexes) as a long-running caller would have its caches."""
    return timing.median_ms(work, repeat, warm=True)


def flat(resolution: Resolution) -> list[str]:
    """One line per paragraph, numbers stripped: what a whole-text tool compares."""
    return [p.text for _, p in resolution.walk()]


def difflib_work(old: Resolution, new: Resolution) -> None:
    """The same job by difflib: a word-level SequenceMatcher over the whole flattened texts."""
    a = re.findall(r"\S+|\s+", "\n".join(flat(old)))
    b = re.findall(r"\S+|\s+", "\n".join(flat(new)))
    list(difflib.SequenceMatcher(None, a, b).get_opcodes())


def git_work(pairs: list[tuple[Path, Path]]) -> None:
    for a, b in pairs:
        subprocess.run(["git", "diff", "--no-index", "--word-diff", "--no-color", str(a), str(b)],
                       stdout=subprocess.DEVNULL, check=False)


def write_flat(resolution: Resolution, path: Path) -> Path:
    path.write_text("\n".join(flat(resolution)) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------------------- edited copies

def edit(resolution: Resolution, every: int = 10) -> Resolution:
    """A realistically edited copy: session/years/dates bumped everywhere, then every ``every``-th
    paragraph reworded, one deleted, one added, one moved, one split and two merged."""
    def bump(text: str) -> str:
        text = re.sub(r"\b(19[4-9]\d|20[0-4]\d)\b", lambda m: str(int(m.group()) + 1), text)
        return text.replace("sixty-eighth", "sixty-ninth").replace("sixty-ninth session", "seventieth session")

    ops = [replace(p, text=bump(p.text)) for p in resolution.operative]
    pre = [replace(p, text=bump(p.text)) for p in resolution.preamble]
    for k in range(0, len(ops), every):
        ops[k] = replace(ops[k], text=ops[k].text.replace(" the ", " all the ", 1))
    if len(ops) > 8:
        moved = ops.pop(2)
        ops.insert(len(ops) - 2, moved)
        del ops[5]
        ops.insert(4, Paragraph("Decides to remain actively seized of the matter and to review "
                                "the situation at its next session;"))
        words = ops[6].text.split()
        half = len(words) // 2
        ops[6:7] = [replace(ops[6], text=" ".join(words[:half]) + ";"),
                    Paragraph(" ".join(words[half:]).capitalize())]
        ops[8:10] = [replace(ops[8], text=ops[8].text.rstrip(";.") + ", and " + ops[9].text[:1].lower() + ops[9].text[1:])]
    return replace(resolution, preamble=tuple(pre), operative=tuple(ops))


def big_resolution(size: int = 400) -> Resolution:
    """``size`` real paragraphs from the Security Council corpus (a 'large omnibus' text)."""
    found: list[str] = []
    for path in sorted(CORPUS.glob("S_RES_*.txt")):
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\n\s*\n", text):
            para = re.sub(r"\s+", " ", block).strip()
            para = re.sub(r"^\d+\. ", "", para)
            if len(para) > 120 and para[0].isupper() and para.endswith((",", ";", ".")) \
                    and "Adopted" not in para:
                found.append(para)
    step = max(1, len(found) // size)
    chosen = found[::step][:size]
    pre = tuple(Paragraph(t) for t in chosen[:size // 4])
    ops = tuple(Paragraph(t) for t in chosen[size // 4:])
    return Resolution(symbol="A/RES/BENCH", year=2000, preamble=pre, operative=ops)


# ---------------------------------------------------------------------------- cases

def row(name: str, ours: float, others: dict[str, float]) -> None:
    """One line: our median, then each other tool's median and its time over ours."""
    ratios = "  ".join(f"{k} {v:8.1f} ms ({v / ours:5.2f}x)" if v == v else f"{k}  (minutes: not run)"
                       for k, v in others.items())
    print(f"{name:<36} drafting {ours:8.1f} ms   {ratios}")


def long_pair(size: int = 1_000_000, edits: int = 200) -> tuple[Resolution, Resolution]:
    """Two one-paragraph texts of ``size`` characters from real corpus words, ``edits`` apart."""
    import random

    rnd = random.Random(1)
    words = re.findall(r"\S+", " ".join(flat(big_resolution(200))))
    tokens: list[str] = []
    length = 0
    while length < size:
        tokens.append(rnd.choice(words))
        length += len(tokens[-1]) + 1
    edited = list(tokens)
    for _ in range(edits):
        edited[rnd.randrange(len(edited))] = rnd.choice(words)
    return (Resolution(operative=(Paragraph(" ".join(tokens)),)),
            Resolution(operative=(Paragraph(" ".join(edited)),)))


def many_pair(count: int = 10_000) -> tuple[Resolution, Resolution]:
    """``count`` real corpus paragraphs (repeated with a serial number) and a copy with one in ten
    amended, one in a hundred deleted and as many added."""
    base = flat(big_resolution(400))
    texts = [f"{base[k % len(base)].rstrip(',;.')} (item {k});" for k in range(count)]
    edited = []
    for k, text in enumerate(texts):
        if k % 100 == 50:
            continue  # deleted
        if k % 10 == 3:
            text = text.replace(" the ", " all the ", 1)
        edited.append(text)
        if k % 100 == 70:
            edited.append(f"Decides to consider the matter further at its meeting {k};")
    return (Resolution(operative=tuple(Paragraph(t) for t in texts)),
            Resolution(operative=tuple(Paragraph(t) for t in edited)))


def redlines_work(tmp: Path) -> Callable[[Resolution, Resolution], Callable[[], object]] | None:
    """python-redlines (Docxodus) comparing the two texts rendered as .docx, or None (with a
    message) when it is not installed or cannot run here offline."""
    try:
        from python_redlines.engines import DocxodusEngine
        from drafting.render.documents.docx import render_document

        engine = DocxodusEngine()
    except Exception as exc:  # not installed, no binary for this platform
        print(f"(python-redlines skipped: {str(exc).splitlines()[0]})")
        return None

    def make(old: Resolution, new: Resolution) -> Callable[[], object]:
        a, b = tmp / "redline-old.docx", tmp / "redline-new.docx"
        render_document(old, a)
        render_document(new, b)
        return lambda: engine.run_redline("bench", a.read_bytes(), b.read_bytes())
    return make


def python_engine(work: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        previous = diff_module.use_engine("python")
        try:
            return work()
        finally:
            diff_module.use_engine(previous)
    return run


def profile(old: Resolution, new: Resolution, repeat: int) -> None:
    """Where one diff's time goes: its steps (CPU medians), then the functions costing most."""
    import cProfile
    import pstats

    from drafting.comparison.align import align, flatten
    from drafting.comparison.diff import Vocabulary, change_of

    matches = list(flatten(align(old, new)))

    def changes() -> object:
        vocabulary = Vocabulary(lambda: [p.text for _, p in old.walk()], lambda: [p.text for _, p in new.walk()])
        return [change_of(m, vocabulary) for m in matches]
    steps = {"whole diff": lambda: diff(old, new), "alignment": lambda: align(old, new),
             "word diffs and classes": changes}
    for name, work in steps.items():
        print(f"  {name:<24} {median_cpu_ms(work, repeat):6.2f} ms cpu")
    found = cProfile.Profile()
    found.runcall(lambda: [diff(old, new) for _ in range(repeat)])
    print(f"  functions by own time over {repeat} diffs (profiled, so slower than above):")
    stats = pstats.Stats(found)
    stats.sort_stats("tottime").print_stats(15)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--quick", action="store_true", help="the four target cases only")
    parser.add_argument("--profile", action="store_true", help="where the 68/128 pair's time goes")
    args = parser.parse_args()
    if args.profile:
        r = load(PRECEDENTS / "conflict-diamonds" / "2013.yaml")
        profile(r, edit(r), max(args.repeat, 100))
        return
    print("medians; (Nx) = the other tool's time over drafting's (above 1: drafting is faster).",
          flush=True)
    print("difflib: word-level SequenceMatcher over the flattened texts; redlines: python-redlines "
          "(Docxodus) on the two texts as .docx; git: whole process, --no-index --word-diff.\n")
    git = shutil.which("git")
    tmp = Path(tempfile.mkdtemp(prefix="bench-diff-"))
    redlines = redlines_work(tmp)

    cases: list[tuple[str, Resolution, Resolution, int]] = []
    diamonds = PRECEDENTS / "conflict-diamonds" / "2013.yaml"
    if diamonds.exists():
        r = load(diamonds)
        cases.append(("68/128 vs edited copy", r, edit(r), args.repeat))
    else:
        print(f"(skipping 68/128: {diamonds} not found)")
    big = big_resolution()
    cases.append((f"{len(big.preamble) + len(big.operative)}-paragraph vs edited copy", big, edit(big), args.repeat))
    cases.append(("1 MB paragraph pair (200 edits)", *long_pair(), 3))
    cases.append(("10,000-paragraph pair", *many_pair(), 3))

    for name, old, new, repeat in cases:
        ours = median_ms(lambda: diff(old, new), repeat)
        others = {"drafting cpu": median_cpu_ms(lambda: diff(old, new), repeat),
                  "drafting (py)": median_ms(python_engine(lambda: diff(old, new)), repeat)}
        if sum(map(len, flat(old))) < 200_000:  # difflib on a megabyte of text takes minutes
            others["difflib"] = median_ms(lambda: difflib_work(old, new), repeat)
        else:
            others["difflib"] = float("nan")
        if redlines is not None and sum(map(len, flat(old))) < 200_000:
            others["redlines"] = median_ms(redlines(old, new), max(1, min(3, repeat)))
        elif redlines is not None:
            others["redlines"] = float("nan")  # rendering and comparing megabytes of Word: minutes
        if git and not args.quick:
            a, b = write_flat(old, tmp / "old.txt"), write_flat(new, tmp / "new.txt")
            others["git word-diff"] = median_ms(lambda: git_work([(a, b)]), max(3, repeat // 3))
        c = diff(old, new).summary()
        row(name, ours, others)
        print(f"{'':<36} {c}", flush=True)
    if args.quick:
        shutil.rmtree(tmp, ignore_errors=True)
        return

    undof = PRECEDENTS / "undof"
    if undof.is_dir() and len(series_files(undof)) > 1:
        texts = [load(f) for f in series_files(undof)]
        pairs = list(zip(texts, texts[1:]))
        ours = median_ms(lambda: [diff(a, b) for a, b in pairs], max(3, args.repeat // 3))
        others = {"difflib": median_ms(lambda: [difflib_work(a, b) for a, b in pairs], max(3, args.repeat // 3))}
        if git:
            files = [(write_flat(a, tmp / f"u{k}a.txt"), write_flat(b, tmp / f"u{k}b.txt"))
                     for k, (a, b) in enumerate(pairs)]
            others["git word-diff"] = median_ms(lambda: git_work(files), 3)
        row(f"UNDOF series ({len(pairs)} pairs)", ours, others)
    else:
        print(f"(skipping the UNDOF series: {undof} not found)")

    # cold start: whole processes
    exe = shutil.which("drafting") or sys.executable
    prefix = [exe] if exe.endswith("drafting") else [exe, "-m", "drafting"]
    if diamonds.exists():
        a, b = diamonds, tmp / "edited.yaml"
        save(edit(load(diamonds)), b)
    else:
        a, b = tmp / "big.yaml", tmp / "edited.yaml"
        save(big, a)
        save(edit(big), b)

    def run(cmd: list[str]) -> Callable[[], object]:
        return lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)

    repeat = max(5, args.repeat // 2)
    help_ms = median_ms(run(prefix + ["--help"]), repeat)
    diff_ms = median_ms(run(prefix + ["diff", str(a), str(b)]), repeat)
    python_ms = median_ms(run([sys.executable, "-c", "pass"]), repeat)
    others = {"python -c pass": python_ms}
    if git:
        fa, fb = write_flat(load(a), tmp / "ca.txt"), write_flat(load(b), tmp / "cb.txt")
        others["git word-diff"] = median_ms(lambda: git_work([(fa, fb)]), repeat)
    row("cold `drafting --help`", help_ms, {"python -c pass": python_ms})
    row(f"cold `drafting diff` ({a.name})", diff_ms, others)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
