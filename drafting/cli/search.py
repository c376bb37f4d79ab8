"""Across the library: search and history."""
from __future__ import annotations

import sys

import click

from drafting.cli import ProgressBar, emit, main
from drafting.outputs import guarded


# ---------------------------------------------------------------------------- search, history


@main.command()
@click.argument("query", required=False)
@click.option("--similar", "paragraph", metavar="PARAGRAPH",
              help="Find the adopted paragraphs closest to this whole paragraph, even reworded.")
@click.option("--library", default="precedents", show_default=True, type=click.Path(),
              help="The precedent library to search (its index is kept in DIR/.drafting-index.sqlite).")
@click.option("--body", type=click.Choice(["GA", "SC"], case_sensitive=False), metavar="GA|SC",
              help="Only texts of the General Assembly (GA) or the Security Council (SC).")
@click.option("--since", type=int, metavar="YEAR", help="Only texts adopted in YEAR or later.")
@click.option("--first", is_flag=True, help="Oldest first: the earliest adoption of the wording leads.")
@click.option("--limit", type=int, metavar="N", help="At most N paragraphs (default 20; 10 with --similar).")
@click.option("--min-similarity", "floor", type=float, default=60.0, show_default=True, metavar="PERCENT",
              help="With --similar: the least similarity (0-100) a paragraph needs to be shown.")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Output format; json gives the text and match offsets.")
def search(query: str | None, paragraph: str | None, library: str, body: str | None,
           since: int | None, first: bool, limit: int | None, floor: float, fmt: str) -> None:
    """Where has this wording been adopted? Search every paragraph of a precedent library.

    \b
    Words must all occur; "quoted phrases" as written; word* is a prefix:
      drafting search '"tripartite nature"'
      drafting search --first '"renew the mandate"' --body SC
      drafting search --similar "Calls upon all parties to ..."
    Exit 0 when something is found, 1 when nothing is, 2 on error.
    """
    from drafting.library.index import render_json, render_terminal, search as run

    if (query is None) == (paragraph is None):
        raise click.UsageError("give either a QUERY or --similar PARAGRAPH (one of the two)")
    with ProgressBar("indexing precedents") as progress:
        result = run(library, paragraph if paragraph is not None else query or "",
                     similar=paragraph is not None, body=body.upper() if body else None,
                     since=since, first=first, limit=limit, progress=progress, min_similarity=floor)
    for _, why in result.refresh.skipped:
        click.echo(f"drafting: warning: not indexed: {why}", err=True)
    if fmt == "json":
        click.echo(render_json(result), nl=False)
    else:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(render_terminal(result), end="")
    sys.exit(0 if result.hits else 1)


@main.command()
@click.argument("series_dir", type=click.Path())
@click.option("--paragraph", metavar="ADDRESS",
              help="One paragraph (e.g. OP12, OP1(b)): its versions text by text as a word diff.")
@click.option("--year", type=int, metavar="YEAR",
              help="With --paragraph: the paragraph as it stood in the last text of YEAR (default: latest).")
@click.option("--format", "fmt", type=click.Choice(["terminal", "html"]), default="terminal",
              show_default=True, help="Output format; html is one self-contained page.")
@click.option("-o", "--output", type=click.Path(), metavar="FILE", help="Write to FILE instead of standard output.")
@guarded(["series_dir"], ["output"])
def history(series_dir: str, paragraph: str | None, year: int | None, fmt: str, output: str | None) -> None:
    """When did each paragraph of a series first appear, and in which texts did it change?

    \b
    Without --paragraph: every paragraph of the latest text, the text that introduced it, the
    text its present wording dates from, and the years it changed (routine updates apart).
    With --paragraph OP12 [--year 1990]: that paragraph's versions, a "blame" for resolutions.
    """
    from drafting.library import history as hist

    if year is not None and paragraph is None:
        raise click.UsageError("--year needs --paragraph (the paragraph as it stood that year)")
    if paragraph is not None:
        blame = hist.blame(series_dir, paragraph, year)
        page, markup = (hist.render_blame_html(blame) if fmt == "html" else "",
                        hist.render_blame_terminal(blame))
    else:
        series = hist.history(series_dir)
        page, markup = hist.render_html(series) if fmt == "html" else "", hist.render_terminal(series)
    if fmt == "html":
        emit(page, output)
    elif output and output != "-":
        from rich.text import Text

        emit(Text.from_markup(markup).plain, output)
    else:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(markup, end="")
