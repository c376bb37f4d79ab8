"""Cold start of the command, as a whole process, beside the interpreter doing nothing.

    python bench/bench_startup.py [RUNS]

Each command runs RUNS times (default 15) after one warm-up; the medians of wall-clock and CPU
time (user + system, from the operating system's accounting of the child) are printed. Targets:
`drafting --help` within 0.1 s and `drafting diff A B` within 0.25 s on a quiet machine.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNDOF = ROOT / "precedents" / "undof"
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import drafting'": [sys.executable, "-c", "import drafting"],
    "drafting --help": [sys.executable, "-m", "drafting", "--help"],
    "drafting diff 0350 0363": [sys.executable, "-m", "drafting", "diff", str(UNDOF / "0350.yaml"),
                                str(UNDOF / "0363.yaml")],
    "drafting show 68/128": [sys.executable, "-m", "drafting", "show",
                             str(ROOT / "precedents" / "conflict-diamonds" / "2013.yaml")],
}


def once(argv: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
                   env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    print(f"{'command':<32} {'wall ms':>9} {'cpu ms':>9}   (medians of {runs} runs)")
    for name, argv in COMMANDS.items():
        once(argv)  # warm-up: file cache, .pyc files
        samples = [once(argv) for _ in range(runs)]
        wall = statistics.median(s[0] for s in samples) * 1000
        cpu = statistics.median(s[1] for s in samples) * 1000
        print(f"{name:<32} {wall:>9.1f} {cpu:>9.1f}")


if __name__ == "__main__":
    main()
