"""The one timing helper the benchmarks share: the median of repeated in-process runs.

Each script runs as ``python bench/<name>.py``, so this folder is on ``sys.path`` and they import
it as ``from timing import ...``.
"""
from __future__ import annotations

import statistics
import time
from typing import Callable


def median_ms(work: Callable[[], object], repeat: int, warm: bool = False,
              clock: Callable[[], float] = time.perf_counter) -> float:
    """Median milliseconds of ``repeat`` runs of ``work`` on ``clock`` (wall time unless told).

    ``warm`` runs it once first, untimed, as a long-running caller would have its caches.
    """
    if warm:
        work()
    times = []
    for _ in range(repeat):
        start = clock()
        work()
        times.append((clock() - start) * 1000)
    return statistics.median(times)


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """Median wall-clock seconds of ``repeat`` runs of ``work``."""
    return median_ms(work, repeat) / 1000
