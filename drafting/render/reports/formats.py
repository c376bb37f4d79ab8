"""One entry point for every diff report format, and the reports of a whole series.

``render(comparison, fmt)`` picks the renderer; ``write_series`` diffs each consecutive pair of a
series folder, writes one report per pair and an index that links them.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from drafting.errors import DraftingError
from drafting.model import Comparison
from drafting.render.reports.changes import title

FORMATS = ("terminal", "markdown", "html", "json", "docx")
SUFFIX = {"terminal": ".txt", "markdown": ".md", "html": ".html", "json": ".json", "docx": ".docx"}


def render(comparison: Comparison, fmt: str, substantive_only: bool = False) -> str:
    """The report as text in ``fmt`` (terminal without colour, markdown, html or json)."""
    if fmt == "terminal":
        from drafting.render.reports import terminal
        return terminal.render(comparison, substantive_only=substantive_only)
    if fmt == "markdown":
        from drafting.render.reports import markdown
        return markdown.render(comparison, substantive_only)
    if fmt == "html":
        from drafting.render.reports import html
        return html.render(comparison, substantive_only)
    if fmt == "json":
        from drafting.render.reports import json_report
        return json_report.render(comparison, substantive_only)
    raise DraftingError(f"expected a text report format ({', '.join(FORMATS[:4])}), found {fmt!r}")


def write(comparison: Comparison, path: str | os.PathLike[str], fmt: str, *,
          substantive_only: bool = False, author: str = "drafting",
          date: dt.datetime | None = None) -> None:
    """Write the report to ``path`` atomically (``docx``: Word tracked changes)."""
    if fmt == "docx":
        from drafting.render.documents.docx import render_tracked

        render_tracked(comparison, Path(path), author=author, date=date, substantive_only=substantive_only)
        return
    from drafting.store import write_atomic

    write_atomic(path, render(comparison, fmt, substantive_only))


@dataclass(frozen=True)
class PairReport:
    """One consecutive pair of a series, its comparison summary and where its report went."""

    old: Path
    new: Path
    summary: dict[str, int]
    identical: bool
    report: Path
    texts: str = ""  # 'S/RES/350 (1974) → S/RES/363 (1974)', for the index


def write_series(folder: str | os.PathLike[str], outdir: str | os.PathLike[str], fmt: str = "html", *,
                 substantive_only: bool = False, author: str = "drafting",
                 date: dt.datetime | None = None,
                 progress: Callable[[int, int], None] | None = None) -> tuple[list[PairReport], Path]:
    """Diff each year of a series against the one before; one report per pair, then an index.

    ``progress(done, total)`` is called after each pair. Returns the pairs and the index path.
    """
    from drafting.comparison.diff import diff_files, series_pairs

    pairs = series_pairs(folder)
    out = _report_folder(outdir)
    done: list[PairReport] = []
    for k, (old, new) in enumerate(pairs, start=1):
        comparison = diff_files(old, new)
        report = out / _report_name(old, new, fmt)
        if fmt == "html":  # a reader going through the series pages on without the index
            from drafting.store import write_atomic
            from drafting.render.reports.html import render as page

            write_atomic(report, page(comparison, substantive_only, links=_neighbours(pairs, k - 1, fmt)))
        else:
            write(comparison, report, fmt, substantive_only=substantive_only, author=author, date=date)
        done.append(PairReport(old, new, comparison.summary(), comparison.identical, report,
                               title(comparison)))
        if progress:
            progress(k, len(pairs))
    index = write_index(done, out, Path(folder).name, fmt)
    return done, index


def _report_folder(outdir: str | os.PathLike[str]) -> Path:
    """The output folder, made if need be; a DraftingError (not a traceback) when it cannot be."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise DraftingError(f"{out}: expected a folder for the reports, found a file; "
                            "give -o the name of a folder (new or existing)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file where a parent folder should be, no permission
        raise DraftingError(f"{out}: cannot make the folder for the reports: {exc.strerror or exc}") from None
    return out


def _report_name(old: Path, new: Path, fmt: str) -> str:
    return f"{old.stem}-{new.stem}{SUFFIX[fmt]}"


def _neighbours(pairs: list[tuple[Path, Path]], k: int, fmt: str) -> list[tuple[str, str]]:
    """Links from pair ``k``'s report: the index, the pair before and the pair after."""
    links = [("↑ all pairs (index)", "index.html")]
    if k > 0:
        old, new = pairs[k - 1]
        links.append((f"← previous pair: {old.stem} → {new.stem}", _report_name(old, new, fmt)))
    if k + 1 < len(pairs):
        old, new = pairs[k + 1]
        links.append((f"next pair: {old.stem} → {new.stem} →", _report_name(old, new, fmt)))
    return links


_COLUMNS = ("substantive", "routine", "amended", "moved", "added", "deleted", "split", "merged",
            "footnotes", "metadata")

INDEX_CSS = ("body{font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:72rem;"
             "padding:0 1.5rem 2rem;color:#1f1f1f}h1{font-size:1.35rem;margin:1.2rem 0 .2rem}"
             ".headline{font-size:1.05rem;font-weight:600;margin:.2rem 0 1rem}.scroll{overflow-x:auto}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.15rem .6rem;text-align:left}"
             "th{background:#f4f4f4}td.count{text-align:right;font-variant-numeric:tabular-nums}"
             "td.zero{color:#aaa}tr.substantive td.first{font-weight:700;color:#7a0010;background:#fbe3e3}"
             "td{white-space:nowrap}td.texts{color:#444}@media(max-width:40rem){body{padding:0 .6rem}.texts{display:none}}"
             ":focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}"
             "@media print{a{color:inherit;text-decoration:none}th,tr.substantive td.first"
             "{-webkit-print-color-adjust:exact;print-color-adjust:exact}}")


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|")


def index_headline(pairs: list[PairReport]) -> str:
    """'39 pairs: 14 with substantive changes, 24 routine only, 1 identical.'"""
    substantive = sum(1 for p in pairs if p.summary["substantive"])
    identical = sum(1 for p in pairs if p.identical)
    routine = len(pairs) - substantive - identical
    return (f"{len(pairs)} {'pair' if len(pairs) == 1 else 'pairs'}: {substantive} with substantive "
            f"changes, {routine} routine only, {identical} identical.")


def _index_row(p: PairReport) -> str:
    cells = "".join(f'<td class="count{" zero" if not p.summary[c] else ""}{" first" if k == 0 else ""}">'
                    f"{p.summary[c]}</td>" for k, c in enumerate(_COLUMNS))
    flavour = ' class="substantive"' if p.summary["substantive"] else ""
    return (f'<tr{flavour}><td><a href="{escape(p.report.name)}">{escape(p.old.stem)} → {escape(p.new.stem)}</a>'
            f'</td><td class="texts">{escape(p.texts)}</td>{cells}</tr>')


def write_index(pairs: list[PairReport], out: Path, series: str, fmt: str) -> Path:
    """index.html (html reports), index.json (json) or index.md (the others), one row per pair
    with its counts, substantive first: the pairs a negotiator must read stand out."""
    from drafting.store import write_atomic

    if fmt == "json":
        import json

        data = {"series": series, "headline": index_headline(pairs),
                "pairs": [{"old": p.old.stem, "new": p.new.stem, "texts": p.texts, "report": p.report.name,
                           "identical": p.identical, "summary": p.summary} for p in pairs]}
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        path = out / "index.json"
    elif fmt == "html":
        rows = "\n".join(_index_row(p) for p in pairs)
        heads = "".join(f"<th>{c}</th>" for c in _COLUMNS)
        from drafting.render.reports.page import page

        text = page(f"{series}: changes year by year", INDEX_CSS,
                    f"<h1>{escape(series)}: changes year by year</h1>\n"
                    f'<p class="headline">{escape(index_headline(pairs))}</p>\n<div class="scroll"><table>\n'
                    f'<tr><th>pair</th><th class="texts">texts</th>{heads}</tr>\n{rows}\n</table></div>\n')
        path = out / "index.html"
    else:
        lines = [f"# {series}: changes year by year", "", index_headline(pairs), "",
                 "| pair | texts | " + " | ".join(_COLUMNS) + " |", "|---|---|" + "---:|" * len(_COLUMNS)]
        lines += [f"| [{p.old.stem} → {p.new.stem}]({p.report.name}) | {_cell(p.texts)} | "
                  + " | ".join(str(p.summary[c]) for c in _COLUMNS) + " |" for p in pairs]
        text = "\n".join(lines) + "\n"
        path = out / "index.md"
    write_atomic(path, text)
    return path
