"""Checking and training: lint, score, exercise, phrases."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from drafting.cli import emit, main, word_file
from drafting.outputs import guarded


# ---------------------------------------------------------------------------- lint, training


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
@click.option("--precedent", type=click.Path(), metavar="LAST.yaml",
              help="Last year's text, the starting point (default: the text before ADOPTED in its series folder).")
@click.option("-o", "--output", type=click.Path(), help="Write to FILE instead of standard output.")
@guarded(["draft", "adopted", "precedent"], ["output"])
def score(draft: str, adopted: str, profile: str, fmt: str, output: str | None,
          precedent: str | None) -> None:
    """How close a student's draft came to the adopted text, paragraph by paragraph.

    Lists the adopted paragraphs the draft matched (with word-level closeness), missed and
    added, the overall closeness, how far the draft went from last year's text to the adopted
    one, and the draft's lint findings.
    """
    from drafting.checks.engine import read_resolution
    from drafting.training.score import previous_text, score as run, score_html, score_terminal

    mine, answer = read_resolution(draft), read_resolution(adopted)  # bad input is named first
    start = precedent or previous_text(adopted)
    result = run(mine, answer, profile, read_resolution(start) if start else None)
    names = (draft, adopted)
    emit(score_html(result, names) if fmt == "html" else score_terminal(result, names), output)


@main.command()
@click.argument("precedent", type=click.Path())
@click.option("--facts", required=True, type=click.Path(), help="This year's facts (YAML).")
@click.option("-o", "--output", required=True, type=click.Path(), help="The worksheet (.docx) to write.")
@click.option("--key", type=click.Path(),
              help="Also write the answer key (.docx): the next adopted text of the series when the "
                   "library holds it, else the proposal of `drafting propose`.")
@guarded(["precedent", "facts"], ["output", "key"], parents=["precedent"])
def exercise(precedent: str, facts: str, output: str, key: str | None) -> None:
    """A Word worksheet: last year's text, this year's facts, instructions to prepare the update."""
    import warnings

    from drafting.training.score import exercise as run

    word_file(output)
    if key:
        word_file(key, "--key")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        answer = run(precedent, facts, output, key)
    for warning in caught:
        click.echo(f"drafting: warning: {warning.message}", err=True)
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
