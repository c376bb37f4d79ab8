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

from drafting.errors import DraftingError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Group(click.Group):
    """Turns every DraftingError (and any OSError the library let through) into its message on
    stderr and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DraftingError as exc:
            for line in str(exc).splitlines() or ["error"]:
                click.echo(f"drafting: {line}", err=True)
            sys.exit(2)
        except OSError as exc:
            # The last net for a file the library did not check first (a folder to create where
            # a file stands): one line naming it, as for a DraftingError.
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"drafting: {where}{exc.strerror or exc}", err=True)
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


class ProgressBar:
    """A progress callback ``(done, total)`` drawing a rich bar on standard error, only when
    stderr is a terminal and there are enough steps to watch (a log stays clean)."""

    def __init__(self, label: str):
        self.label = label
        self._bar: Any = None
        self._task: Any = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if total < 20 or not sys.stderr.isatty():
                return  # a few steps: faster than a bar can draw; not a terminal: no bar
            from rich.console import Console
            from rich.progress import Progress

            self._bar = Progress(console=Console(stderr=True), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done)

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output and output != "-":
        from drafting.store import write_atomic

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
    from drafting.store import resolution_files, validate as check

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
    from drafting.render.documents.show import layout
    from drafting.store import load

    click.echo(layout(load(path), addresses=addresses), nl=False)


@main.command(name="list")
@click.argument("library", default="precedents", type=click.Path())
def list_(library: str) -> None:
    """The series and years in a precedent library (default: ./precedents)."""
    from drafting.store import list_library

    rows = list_library(library)
    if not rows:
        click.echo(f"{library}: no series found (expected <series>/<year>.yaml files)")
        return
    width = max(len(r.series) for r in rows)
    for row in rows:
        click.echo(f"{row.series:<{width}}  {row.body:<2}  {len(row.files):>3} texts  {row.span}")


# ---------------------------------------------------------------------------- import (issue 2)


@main.command(name="import")
@click.argument("file", type=click.Path())
@click.option("--list", "list_only", is_flag=True,
              help="List the resolutions the file holds (symbol, paragraph counts, title); write nothing.")
@click.option("--pick", metavar="SYMBOL",
              help="The resolution to take from a file that holds several, e.g. 68/128 or A/RES/68/128.")
@click.option("-o", "--output", type=click.Path(), metavar="OUT.yaml",
              help="Write the YAML precedent here (atomically); without it the YAML is printed.")
@click.option("--reject", is_flag=True, help="Word files: read tracked changes as rejected (the old text).")
def import_(file: str, list_only: bool, pick: str | None, output: str | None, reject: bool = False) -> None:
    """Read a resolution from a text or Word file into a YAML precedent.

    \b
    FILE is a Security Council text ("Resolution 350 (1974) / of 31 May 1974 ..."),
    a yearbook chapter holding General Assembly resolutions, or a UN-layout .docx.
    \b
    Examples:
      drafting import yearbook-2013.txt --list
      drafting import yearbook-2013.txt --pick 68/128 -o precedents/conflict-diamonds/2013.yaml
    """
    if list_only:
        from drafting.importers import find_resolutions

        for found in find_resolutions(file):
            click.echo(str(found))
        return
    from drafting.importers import import_file
    from drafting.store import dumps, save

    warned: list[str] = []
    resolution = import_file(file, pick=pick, reject=reject, warnings=warned)
    for warning in warned:  # to stderr, so that the YAML on stdout stays clean
        click.echo(f"drafting: {file}: {warning}", err=True)
    if not output or output == "-":
        click.echo(dumps(resolution), nl=False)
        return
    save(resolution, output)  # a folder or an unwritable place is a DraftingError, no file left
    click.echo(f"wrote {output}: {resolution.label}, {len(resolution.preamble)} preambular and "
               f"{len(resolution.operative)} operative paragraphs")

# ---------------------------------------------------------------------------- diff (issue 3)

DIFF_FORMATS = ("terminal", "markdown", "html", "json", "docx")


def _iso_date(value: str | None) -> Any:
    """The --date option as a datetime (ISO 8601), or a DraftingError naming what was found."""
    if value is None:
        return None
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        raise DraftingError(f"--date: expected an ISO date such as 2014-12-05 or "
                            f"2014-12-05T10:00:00, found {value!r}") from None


@main.command(name="diff")
@click.argument("old", required=False, type=click.Path())
@click.argument("new", required=False, type=click.Path())
@click.option("--series", type=click.Path(), help="Diff each year of this series folder against "
              "the one before; write one report per pair and an index into -o (a folder).")
@click.option("-f", "--format", "fmt", type=click.Choice(DIFF_FORMATS), default="terminal",
              show_default=True, help="Report format; docx writes Word tracked changes (needs -o).")
@click.option("-o", "--output", type=click.Path(), help="Write the report here (with --series: "
              "the folder for the reports, default ./<series>-diff).")
@click.option("--substantive-only", is_flag=True, help="Leave routine changes (dates, symbols, "
              "sessions, numbers, lists) out of the report; the summary still counts them.")
@click.option("--author", default="drafting", show_default=True,
              help="Author of the tracked changes (docx).")
@click.option("--date", "date", help="Date of the tracked changes, ISO 8601 (docx; default: none).")
def diff_(old: str | None, new: str | None, series: str | None, fmt: str, output: str | None,
          substantive_only: bool, author: str, date: str | None) -> None:
    """Compare two versions of a resolution paragraph by paragraph, then word by word.

    Paragraphs are aligned first (moves, splits and merges found, renumbering ignored), then
    each changed paragraph is diffed on words and classified routine (year, session, symbol,
    date, number, list) or substantive (wording). Exit 0 when identical, 1 when different.

    \b
      drafting diff precedents/undof/0350.yaml precedents/undof/0363.yaml
      drafting diff OLD.yaml NEW.yaml --format html -o changes.html
      drafting diff --series precedents/unifil --format html -o unifil-diff
    """
    when = _iso_date(date)
    if series:
        if old or new:
            raise DraftingError("expected either OLD NEW or --series DIR, found both")
        _diff_series(series, fmt, output, substantive_only, author, when)
        return
    if not (old and new):
        raise DraftingError("expected two resolution files OLD NEW (or --series DIR); "
                            "see drafting diff --help")
    from drafting.comparison.diff import diff_files

    comparison = diff_files(old, new)
    if fmt == "docx" or (output and output != "-"):
        if fmt == "docx" and not output:
            raise DraftingError("--format docx writes a Word file: give its path with -o OUT.docx")
        from drafting.render.reports.formats import write

        assert output is not None
        write(comparison, output, fmt, substantive_only=substantive_only, author=author, date=when)
    elif fmt == "terminal" and sys.stdout.isatty():
        from rich.console import Console

        from drafting.render.reports.terminal import print_report

        print_report(Console(highlight=False), comparison, substantive_only=substantive_only)
    else:
        from drafting.render.reports.formats import render

        emit(render(comparison, fmt, substantive_only), None)
    sys.exit(0 if comparison.identical else 1)


def _diff_series(folder: str, fmt: str, output: str | None, substantive_only: bool, author: str,
                 when: Any) -> None:
    """``drafting diff --series``: reports per pair and an index, a progress bar on stderr."""
    from drafting.render.reports.formats import write_series

    outdir = output or f"{Path(folder).resolve().name}-diff"
    with ProgressBar("diffing") as progress:
        pairs, index = write_series(folder, outdir, fmt, substantive_only=substantive_only,
                                    author=author, date=when, progress=progress)
    kinds = ("amended", "moved", "added", "deleted", "split", "merged")
    for pair in pairs:  # the answer first, as in the index: substantive, then routine
        counts = pair.summary
        detail = ", ".join(f"{counts[k]} {k}" for k in kinds if counts[k])
        click.echo(f"{pair.old.stem} → {pair.new.stem}: " + (
            f"{counts['substantive']} substantive, {counts['routine']} routine ({detail})"
            if detail else "identical"))
    click.echo(f"wrote {len(pairs)} reports and {index}")
    sys.exit(0 if all(p.identical for p in pairs) else 1)


# ---------------------------------------------------------------------------- render (issue 4)


@main.command()
@click.argument("source", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(), help="The Word file to write (.docx).")
@click.option("-t", "--template", "template", help="Template: ga, sc, or the path of a .docx "
              "template (default: ga for the General Assembly, sc for the Security Council).")
def render(source: str, output: str, template: str | None) -> None:
    """Write a resolution as a clean Word document in UN layout.

    \b
    Masthead and symbol, session and agenda item, title, organ line, preambular paragraphs with
    the lead phrase in italics, auto-numbered operative paragraphs and lettered sub-paragraphs,
    footnotes, adoption line. Characters XML forbids are dropped with a warning on stderr.
    \b
      drafting render precedents/conflict-diamonds/2013.yaml -o 68-128.docx
    """
    import warnings

    from drafting.render.documents.docx import render_file

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_file(source, output, template)
    for warning in caught:
        click.echo(f"drafting: warning: {warning.message}", err=True)
    click.echo(f"wrote {output}")

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
    from drafting.proposal.files import propose_files

    proposal, text = propose_files(precedent, facts, output, docx=docx, log=log, fmt=fmt)
    if log is None:
        click.echo(text, nl=False)
    written = " and ".join(str(p) for p in (output, docx, log) if p)
    # On stderr, so that standard output stays the log alone (for a pipe or a redirect).
    click.echo(f"wrote {written}: {len(proposal.edits)} edits, {len(proposal.flags)} warnings "
               "for a person to look at", err=True)


@main.command()
@click.argument("series", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Report format.")
@click.option("--calendar-only", is_flag=True, help="Give propose no facts: measure what the rules that "
              "need none (sessions, recall chains, mandate periods) make alone.")
def evaluate(series: str, fmt: str, calendar_only: bool) -> None:
    """Measure propose on a series: each text proposed from the one before and its facts.

    For every consecutive pair, prints the recall (share of the year-over-year word edits the
    proposal made), the precision (share of the proposal's edits the adopted text also made) and
    the word edit distance to the adopted text, of the proposal and of the unchanged precedent.
    """
    from drafting.proposal.evaluate import evaluate_series, report_json, report_terminal

    result = evaluate_series(series, calendar_only=calendar_only)
    click.echo(report_json(result) if fmt == "json" else report_terminal(result), nl=False)

# ---------------------------------------------------------------------------- lint, training (issue 6)


def _default_library(library: str | None) -> str | None:
    """--library, else ./precedents when it exists (so cited resolutions get checked)."""
    if library is not None:
        return library or None
    return "precedents" if Path("precedents").is_dir() else None


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--profile", type=click.Choice(["un", "mun"]), default="un", show_default=True,
              help="un: the UN's editorial conventions; mun: what Model UN conferences teach.")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help='json: {"findings": [{"rule", "severity", "paragraph", '
              '"message", "fix"}]}, plus "file" on each finding when several files are given.')
@click.option("--library", type=click.Path(), default=None,
              help="Precedent library to check cited resolutions against (default: ./precedents "
                   "when present; --library '' for none).")
def lint(files: tuple[str, ...], profile: str, fmt: str, library: str | None) -> None:
    """Check drafts or adopted texts against UN editorial (or Model UN) conventions.

    FILES are YAML, Word or text files, or folders of YAML files (a whole library).

    \b
    Every finding names its rule (see docs/lint-rules.md), severity, paragraph and a fix:
      drafting lint examples/mun/climate-draft.yaml --profile mun
    Exit 0 when clean, 1 when there are findings, 2 on error.
    """
    from drafting.checks.engine import format_json, format_terminal, lint_files

    results = lint_files(files, profile, _default_library(library))
    click.echo(format_json(results) if fmt == "json" else format_terminal(results), nl=False)
    sys.exit(1 if any(findings for _, findings in results) else 0)


@main.command()
@click.argument("draft", type=click.Path())
@click.option("--against", "adopted", required=True, type=click.Path(),
              help="The text really adopted, to score the draft against.")
@click.option("--profile", type=click.Choice(["un", "mun"]), default="mun", show_default=True,
              help="Lint profile for the draft's findings.")
@click.option("--format", "fmt", type=click.Choice(["terminal", "html"]), default="terminal",
              show_default=True, help="html: one self-contained page with each paragraph's word diff.")
@click.option("-o", "--output", type=click.Path(), help="Write to FILE instead of standard output.")
def score(draft: str, adopted: str, profile: str, fmt: str, output: str | None) -> None:
    """How close a student's draft came to the adopted text, paragraph by paragraph.

    Lists the adopted paragraphs the draft matched (with word-level closeness), missed and
    added, the overall closeness, and the draft's lint findings.
    """
    from drafting.checks.engine import read_resolution
    from drafting.training.score import score as run, score_html, score_terminal

    result = run(read_resolution(draft), read_resolution(adopted), profile)
    names = (draft, adopted)
    emit(score_html(result, names) if fmt == "html" else score_terminal(result, names), output)


@main.command()
@click.argument("precedent", type=click.Path())
@click.option("--facts", required=True, type=click.Path(), help="This year's facts (YAML).")
@click.option("-o", "--output", required=True, type=click.Path(), help="The worksheet (.docx) to write.")
@click.option("--key", type=click.Path(),
              help="Also write the answer key (.docx): the next adopted text of the series when the "
                   "library holds it, else the proposal of `drafting propose`.")
def exercise(precedent: str, facts: str, output: str, key: str | None) -> None:
    """A Word worksheet: last year's text, this year's facts, instructions to prepare the update."""
    from drafting.training.score import exercise as run

    answer = run(precedent, facts, output, key)
    click.echo(f"wrote {output}")
    if key and answer is not None:
        source = "the adopted text" if answer.source == "adopted" else "the proposal"
        click.echo(f"wrote {key} ({source}: {answer.resolution.label})")


@main.command()
@click.argument("library", default="precedents", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal",
              show_default=True, help="Output format.")
def phrases(library: str, fmt: str) -> None:
    """The preambular leads and operative verbs a precedent library really uses, with counts and
    an example of each (default library: ./precedents)."""
    from drafting.training.score import phrases as run, phrases_json, phrases_terminal

    rows = run(library)
    click.echo(phrases_json(rows) if fmt == "json" else phrases_terminal(rows), nl=False)


# ---------------------------------------------------------------------------- search, history (issue 7)


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
    from drafting.library.index import render_json, render_terminal, search as run

    if (query is None) == (paragraph is None):
        raise click.UsageError("give either a QUERY or --similar PARAGRAPH (one of the two)")
    with ProgressBar("indexing precedents") as progress:
        result = run(library, paragraph if paragraph is not None else query or "",
                     similar=paragraph is not None, body=body.upper() if body else None,
                     since=since, first=first, limit=limit, progress=progress)
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
