"""One entry point for every diff report format, and the reports of a whole series.

``render(comparison, fmt)`` picks the renderer; ``write_series`` diffs each consecutive pair of a
series folder, writes one report per pair and an index that links them.
"""
from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Callable

from ..errors import DraftingError
from ..model import Comparison

FORMATS = ("terminal", "markdown", "html", "json", "docx")
SUFFIX = {"terminal": ".txt", "markdown": ".md", "html": ".html", "json": ".json", "docx": ".docx"}


def render(comparison: Comparison, fmt: str, substantive_only: bool = False) -> str:
    """The report as text in ``fmt`` (terminal without colour, markdown, html or json)."""
    if fmt == "terminal":
        from .terminal import render as text
        return text(comparison, substantive_only=substantive_only)
    if fmt == "markdown":
        from .markdown import render as text
    elif fmt == "html":
        from .html import render as text
    elif fmt == "json":
        from .json_report import render as text
    else:
        raise DraftingError(f"expected a text report format ({', '.join(FORMATS[:4])}), found {fmt!r}")
    return text(comparison, substantive_only)


def write(comparison: Comparison, path: str | os.PathLike[str], fmt: str, *,
          substantive_only: bool = False, author: str = "drafting",
          date: dt.datetime | None = None) -> None:
    """Write the report to ``path`` atomically (``docx``: Word tracked changes)."""
    if fmt == "docx":
        from .docx import render_tracked

        render_tracked(comparison, path, author=author, date=date, substantive_only=substantive_only)
        return
    from ..store import write_atomic

    write_atomic(path, render(comparison, fmt, substantive_only))


@dataclass(frozen=True)
class PairReport:
    """One consecutive pair of a series, its comparison summary and where its report went."""

    old: Path
    new: Path
    summary: dict[str, int]
    identical: bool
    report: Path


def write_series(folder: str | os.PathLike[str], outdir: str | os.PathLike[str], fmt: str = "html", *,
                 substantive_only: bool = False, author: str = "drafting",
                 date: dt.datetime | None = None,
                 progress: Callable[[int, int], None] | None = None) -> tuple[list[PairReport], Path]:
    """Diff each year of a series against the one before; one report per pair, then an index.

    ``progress(done, total)`` is called after each pair. Returns the pairs and the index path.
    """
    from ..diff import diff_files, series_pairs

    pairs = series_pairs(folder)
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    done: list[PairReport] = []
    for k, (old, new) in enumerate(pairs, start=1):
        comparison = diff_files(old, new)
        report = out / f"{old.stem}-{new.stem}{SUFFIX[fmt]}"
        write(comparison, report, fmt, substantive_only=substantive_only, author=author, date=date)
        done.append(PairReport(old, new, comparison.summary(), comparison.identical, report))
        if progress:
            progress(k, len(pairs))
    index = write_index(done, out, Path(folder).name, fmt)
    return done, index


_COLUMNS = ("amended", "moved", "added", "deleted", "split", "merged", "routine", "substantive")


def write_index(pairs: list[PairReport], out: Path, series: str, fmt: str) -> Path:
    """index.html (html reports) or index.md (the others), one row per pair with its counts."""
    from ..store import write_atomic

    if fmt == "html":
        rows = "\n".join(
            f'<tr><td><a href="{escape(p.report.name)}">{escape(p.old.stem)} → {escape(p.new.stem)}</a></td>'
            + "".join(f'<td class="count">{p.summary[c]}</td>' for c in _COLUMNS) + "</tr>"
            for p in pairs)
        heads = "".join(f"<th>{c}</th>" for c in _COLUMNS)
        text = (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
                f"<title>{escape(series)}: changes year by year</title>\n<style>"
                "body{font:15px/1.5 system-ui,sans-serif;margin:2rem}"
                "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}"
                "td.count{text-align:right}</style>\n</head>\n<body>\n"
                f"<h1>{escape(series)}: changes year by year</h1>\n<table>\n<tr><th>pair</th>{heads}</tr>\n"
                f"{rows}\n</table>\n</body>\n</html>\n")
        path = out / "index.html"
    else:
        lines = [f"# {series}: changes year by year", "",
                 "| pair | " + " | ".join(_COLUMNS) + " |", "|---|" + "---:|" * len(_COLUMNS)]
        lines += [f"| [{p.old.stem} → {p.new.stem}]({p.report.name}) | "
                  + " | ".join(str(p.summary[c]) for c in _COLUMNS) + " |" for p in pairs]
        text = "\n".join(lines) + "\n"
        path = out / "index.md"
    write_atomic(path, text)
    return path
