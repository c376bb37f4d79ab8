"""The ``drafting`` command: a thin layer that parses, calls one library function, and formats.

Exit codes follow diff(1): 0 same/clean, 1 differences or findings, 2 an error. Errors print one
line per problem on standard error, never a traceback. Heavy libraries are imported inside the
commands that need them, so ``drafting --help`` starts fast.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from .errors import DraftingError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Group(click.Group):
    """Turns every DraftingError into its message on stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DraftingError as exc:
            for line in str(exc).splitlines() or ["error"]:
                click.echo(f"drafting: {line}", err=True)
            sys.exit(2)
        except KeyboardInterrupt:
            click.echo("drafting: interrupted", err=True)
            sys.exit(2)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)  # in the order they are declared: the order of the workflow


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(package_name="drafting")
def main() -> None:
    """Recurring UN resolutions as data: import, compare, propose, check and render them.

    \b
    A precedent library is a folder of series, one YAML file a year:
      precedents/conflict-diamonds/2013.yaml
    Start with `drafting list precedents` and `drafting show FILE`.
    """


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output and output != "-":
        from .store import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=not text.endswith("\n"))


# ---------------------------------------------------------------------------- library (issue 2)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def validate(paths: tuple[str, ...]) -> None:
    """Check resolution files (or folders of them); list every problem.

    Exit 0 when every file is valid, 2 when any problem is found.
    """
    from .store import resolution_files, validate as check

    problems = check(paths)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        sys.exit(2)
    count = len(resolution_files(paths))
    click.echo(f"{count} file{'s' if count != 1 else ''} valid")


@main.command()
@click.argument("path", type=click.Path())
@click.option("-a", "--addresses", is_flag=True, help="Print PP/OP addresses beside each paragraph.")
def show(path: str, addresses: bool) -> None:
    """Lay a resolution out as it is printed: heading, organ line, numbered paragraphs."""
    from .render.text import layout
    from .store import load

    click.echo(layout(load(path), addresses=addresses), nl=False)


@main.command(name="list")
@click.argument("library", default="precedents", type=click.Path())
def list_(library: str) -> None:
    """The series and years in a precedent library (default: ./precedents)."""
    from .store import list_library

    rows = list_library(library)
    if not rows:
        click.echo(f"{library}: no series found (expected <series>/<year>.yaml files)")
        return
    width = max(len(r.series) for r in rows)
    for row in rows:
        click.echo(f"{row.series:<{width}}  {row.body:<2}  {len(row.files):>3} texts  {row.span}")


# ---------------------------------------------------------------------------- import (issue 2)

# ---------------------------------------------------------------------------- diff (issue 3)

# ---------------------------------------------------------------------------- render (issue 4)

# ---------------------------------------------------------------------------- propose (issue 5)


@main.command()
@click.argument("precedent", type=click.Path())
@click.option("--facts", "facts", required=True, type=click.Path(),
              help="The new year's facts (YAML, same keys as the precedent's facts block).")
@click.option("-o", "--output", required=True, type=click.Path(), help="Where to write the draft YAML.")
@click.option("--docx", type=click.Path(), help="Also write the draft as a Word file with tracked "
              "changes against the precedent and each warning as a comment.")
@click.option("--log", type=click.Path(), help="Write the change log here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Format of the change log.")
def propose(precedent: str, facts: str, output: str, docx: str | None, log: str | None, fmt: str) -> None:
    """Propose next year's draft from PRECEDENT and the new facts.

    Every routine update is made and logged with its rule; paragraphs that still need a person
    (stale, missing or null facts, ambiguous places) are listed as warnings. Exit 0 when the
    draft is written, 2 on bad input (nothing is written then).
    """
    from .workflow import propose_files

    _, text = propose_files(precedent, facts, output, docx=docx, log=log, fmt=fmt)
    if log is None:
        click.echo(text, nl=False)


@main.command()
@click.argument("series", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Report format.")
def evaluate(series: str, fmt: str) -> None:
    """Measure propose on a series: each text proposed from the one before and its facts.

    For every consecutive pair, prints the recall (share of the year-over-year word edits the
    proposal made), the precision (share of the proposal's edits the adopted text also made) and
    the word edit distance to the adopted text, of the proposal and of the unchanged precedent.
    """
    from .evaluate import evaluate_series, report_json, report_terminal

    result = evaluate_series(series)
    click.echo(report_json(result) if fmt == "json" else report_terminal(result), nl=False)

# ---------------------------------------------------------------------------- lint, training (issue 6)

# ---------------------------------------------------------------------------- search, history (issue 7)


@main.command()
@click.argument("query", required=False)
@click.option("--similar", "paragraph", metavar="PARAGRAPH",
              help="Find the adopted paragraphs closest to this whole paragraph, even reworded.")
@click.option("--library", default="precedents", show_default=True, type=click.Path(),
              help="The precedent library to search (its index is kept in DIR/.drafting-index.sqlite).")
@click.option("--body", type=click.Choice(["GA", "SC"], case_sensitive=False),
              help="Only texts of the General Assembly (GA) or the Security Council (SC).")
@click.option("--since", type=int, metavar="YEAR", help="Only texts adopted in YEAR or later.")
@click.option("--first", is_flag=True, help="Oldest first: the earliest adoption of the wording leads.")
@click.option("--limit", type=int, metavar="N", help="At most N paragraphs (default 20; 10 with --similar).")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Output format; json gives the text and match offsets.")
def search(query: str | None, paragraph: str | None, library: str, body: str | None,
           since: int | None, first: bool, limit: int | None, fmt: str) -> None:
    """Where has this wording been adopted? Search every paragraph of a precedent library.

    \b
    Words must all occur; "quoted phrases" as written; word* is a prefix:
      drafting search '"tripartite nature"'
      drafting search --first '"renew the mandate"' --body SC
      drafting search --similar "Calls upon all parties to ..."
    Exit 0 when something is found, 1 when nothing is, 2 on error.
    """
    from .search import TerminalProgress, render_json, render_terminal, search as run

    if (query is None) == (paragraph is None):
        raise click.UsageError("give either a QUERY or --similar PARAGRAPH (one of the two)")
    with TerminalProgress() as progress:
        result = run(library, paragraph if paragraph is not None else query or "",
                     similar=paragraph is not None, body=body.upper() if body else None,
                     since=since, first=first, limit=limit, progress=progress)
    for path, why in result.refresh.skipped:
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
@click.option("-o", "--output", type=click.Path(), help="Write to FILE instead of standard output.")
def history(series_dir: str, paragraph: str | None, year: int | None, fmt: str, output: str | None) -> None:
    """When did each paragraph of a series first appear, and in which texts did it change?

    \b
    Without --paragraph: every paragraph of the latest text, the text that introduced it, the
    text its present wording dates from, and the years it changed (routine updates apart).
    With --paragraph OP12 [--year 1990]: that paragraph's versions, a "blame" for resolutions.
    """
    from . import history as hist

    if year is not None and paragraph is None:
        raise click.UsageError("--year needs --paragraph (the paragraph as it stood that year)")
    if paragraph is not None:
        result = hist.blame(series_dir, paragraph, year)
        html, markup = hist.render_blame_html, hist.render_blame_terminal
    else:
        result = hist.history(series_dir)
        html, markup = hist.render_html, hist.render_terminal
    if fmt == "html":
        emit(html(result), output)  # type: ignore[arg-type]
    elif output and output != "-":
        from rich.text import Text

        emit(Text.from_markup(markup(result)).plain, output)  # type: ignore[arg-type]
    else:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(markup(result), end="")  # type: ignore[arg-type]
