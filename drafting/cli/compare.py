"""Comparing texts: diff (every format, a series), amend, compile."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from drafting.cli import ProgressBar, emit, emit_bytes, main, word_file
from drafting.errors import DraftingError
from drafting.outputs import guarded


# ---------------------------------------------------------------------------- diff

DIFF_FORMATS = ("terminal", "markdown", "html", "json", "docx", "akn")


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


AMENDMENT_FORMATS = ("amendments", "amendments-docx", "amendments-json")  # UN-style amendment lists


@main.command(name="diff")
@click.argument("old", required=False, type=click.Path())
@click.argument("new", required=False, type=click.Path())
@click.option("--series", type=click.Path(), help="Diff each year of this series folder against "
              "the one before; write one report per pair and an index into -o (a folder).")
@click.option("-f", "--format", "fmt", type=click.Choice(DIFF_FORMATS + AMENDMENT_FORMATS), default="terminal",
              show_default=True, help="Report format; docx writes Word tracked changes (needs -o).")
@click.option("-o", "--output", type=click.Path(), help="Write the report here (with --series: "
              "the folder for the reports, default ./<series>-diff).")
@click.option("--substantive-only", is_flag=True, help="Leave routine changes (dates, symbols, "
              "sessions, numbers, lists, names, spelling, typography) out of the report; the summary "
              "still counts them.")
@click.option("--author", default="drafting", show_default=True,
              help="Author of the tracked changes (docx).")
@click.option("--date", "date", help="Date of the tracked changes, ISO 8601 (docx; default: none).")
@guarded(["old", "new"], ["output"], unless="series")
def diff_(old: str | None, new: str | None, series: str | None, fmt: str, output: str | None,
          substantive_only: bool, author: str, date: str | None) -> None:
    """Compare two versions of a resolution paragraph by paragraph, then word by word.

    Paragraphs are aligned first (moves, splits and merges found, renumbering ignored), then
    each changed paragraph is diffed on words and classified routine (year, session, symbol,
    date, number, list, punctuation, typography, spelling, name) or substantive (wording). The
    title, heading, adoption line and footnotes are compared too. Exit 0 when identical, 1 when
    different.

    \b
      drafting diff precedents/undof/0350.yaml precedents/undof/0363.yaml
      drafting diff OLD.yaml NEW.yaml --format html -o changes.html
      drafting diff --series precedents/unifil --format html -o unifil-diff
    """
    if fmt == "akn":  # Akoma Ntoso: the new text with ins/del, the changes in its metadata
        _diff_akn(old, new, series, output)
    when = _iso_date(date)
    if series:
        if old or new:
            raise DraftingError("expected either OLD NEW or --series DIR, found both")
        if fmt in AMENDMENT_FORMATS:
            raise DraftingError(f"--format {fmt} compares one pair: give OLD NEW instead of --series")
        _diff_series(series, fmt, output, substantive_only, author, when)
        return
    if not (old and new):
        raise DraftingError("expected two resolution files OLD NEW (or --series DIR); "
                            "see drafting diff --help")
    from drafting.comparison.diff import diff_files

    comparison = diff_files(old, new)
    if fmt in AMENDMENT_FORMATS:
        if substantive_only:
            raise DraftingError(f"--format {fmt} lists every change (applied, the list must rebuild the new "
                                "text): leave out --substantive-only")
        _diff_amendments(comparison, fmt, output)
    elif fmt == "docx" or (output and output != "-"):
        if fmt == "docx" and not output:
            raise DraftingError("--format docx writes a Word file: give its path with -o OUT.docx")
        from drafting.render.reports.formats import write

        assert output is not None
        if fmt == "docx":
            word_file(output)
        write(comparison, output, fmt, substantive_only=substantive_only, author=author, date=when)
        counts = comparison.summary()
        click.echo(f"wrote {output}: " + ("identical" if comparison.identical else
                   f"{counts['substantive']} substantive, {counts['routine']} routine"))
    elif fmt == "terminal" and sys.stdout.isatty():
        from rich.console import Console

        from drafting.render.reports.terminal import print_report

        print_report(Console(highlight=False), comparison, substantive_only=substantive_only)
    else:
        from drafting.render.reports.formats import render

        emit(render(comparison, fmt, substantive_only), None)
    sys.exit(0 if comparison.identical else 1)


def _diff_amendments(comparison: Any, fmt: str, output: str | None) -> None:
    """``drafting diff --format amendments|amendments-json|amendments-docx``."""
    from drafting.comparison.amendments import amendments

    found = amendments(comparison)
    if fmt == "amendments-docx":
        if not output or output == "-":
            raise DraftingError("--format amendments-docx writes a Word file: give its path with -o OUT.docx")
        word_file(output)
        from drafting.render.documents.amendments_docx import write_amendments_docx

        write_amendments_docx(found, comparison.old, output)
    else:
        from drafting.comparison.amendments_text import render_amendments

        emit(render_amendments(comparison, fmt, found), output)
    if output and output != "-":
        click.echo(f"wrote {output}: {len(found)} amendment{'' if len(found) == 1 else 's'}")


def _diff_akn(old: str | None, new: str | None, series: str | None, output: str | None) -> None:
    """``drafting diff OLD NEW --format akn``: exit 0 identical, 1 different."""
    if series or not (old and new):
        raise DraftingError("--format akn compares two files: expected OLD NEW, not --series")
    from drafting.comparison.diff import diff_files
    from drafting.render.documents.akn import comparison_to_akn

    comparison = diff_files(old, new)
    emit_bytes(comparison_to_akn(comparison, comparison.old, comparison.new), output)
    if output and output != "-":
        counts = comparison.summary()
        click.echo(f"wrote {output}: " + ("identical" if comparison.identical else
                   f"{counts['substantive']} substantive, {counts['routine']} routine"))
    sys.exit(0 if comparison.identical else 1)


def _diff_series(folder: str, fmt: str, output: str | None, substantive_only: bool, author: str,
                 when: Any) -> None:
    """``drafting diff --series``: reports per pair and an index, a progress bar on stderr."""
    from drafting.outputs import check, new_folders
    from drafting.render.reports.formats import write_series

    outdir = output or f"{Path(folder).resolve().name}-diff"
    check([folder], [outdir], create=True, folders=True)  # README: -o DIR is made; on failure it goes again
    with new_folders([outdir], folders=True), ProgressBar("diffing") as progress:
        pairs, index = write_series(folder, outdir, fmt, substantive_only=substantive_only,
                                    author=author, date=when, progress=progress)
    kinds = ("amended", "moved", "added", "deleted", "split", "merged", "footnotes", "metadata")
    for pair in pairs:  # the answer first, as in the index: substantive, then routine
        counts = pair.summary
        detail = ", ".join(f"{counts[k]} {k}" for k in kinds if counts[k])
        click.echo(f"{pair.old.stem} → {pair.new.stem}: " + (
            f"{counts['substantive']} substantive, {counts['routine']} routine ({detail})"
            if detail else "identical"))
    from drafting.model import counted

    click.echo(f"wrote {counted(len(pairs), 'report')} and {index}")
    sys.exit(0 if all(p.identical for p in pairs) else 1)


# ---------------------------------------------------------------------------- amend


@main.command()
@click.argument("base", type=click.Path())
@click.argument("amendments", type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(), help="Where to write the amended YAML.")
@guarded(["base", "amendments"], ["output"])
def amend(base: str, amendments: str, output: str) -> None:
    """Apply a list of UN-style amendments (a text file) to a resolution.

    Paragraph numbers in the amendments refer to BASE, as UN amendments refer to the draft they
    amend. An amendment that cannot be placed stops the command (exit 2, nothing written).

    \b
      drafting amend draft.yaml amendments.txt -o amended.yaml
      drafting diff old.yaml new.yaml --format amendments > amendments.txt
    """
    from drafting.comparison.amend import amend_file
    from drafting.store import save

    save(amend_file(base, amendments), output)
    click.echo(f"wrote {output}")


# ---------------------------------------------------------------------------- compilation

_COMPILE_SUFFIXES = {".docx": "docx", ".html": "html", ".htm": "html", ".yaml": "yaml", ".yml": "yaml",
                     ".txt": "text"}


@main.command(name="compile")
@click.argument("base", type=click.Path())
@click.argument("proposals", nargs=-1, type=click.Path())
@click.option("-o", "--output", type=click.Path(), metavar="OUT",
              help="Write here (default: standard output); the format follows the name unless --format.")
@click.option("-f", "--format", "fmt", type=click.Choice(["text", "html", "docx", "yaml"]), default=None,
              help="text (UN notation, reads back), html, docx (tracked changes by delegation), yaml "
                   "(the proposals; with --accept, the next revision).")
@click.option("--view", type=click.Choice(["attributed", "anonymised", "clean"]), default="attributed",
              show_default=True, help="anonymised names no delegation; clean is the merged text alone.")
@click.option("--accept", multiple=True, metavar="IDS", help="Proposal ids, delegations or all (comma-separated).")
@click.option("--reject", multiple=True, metavar="IDS", help="Proposal ids or delegations to reject.")
@click.option("--carry-pending", is_flag=True, help="Keep pending proposals in the revision as bracketed options.")
@click.option("--author-map", multiple=True, metavar="AUTHOR=DELEGATION",
              help="Whose tracked changes in a Word file are whose (default: the author's name).")
@click.option("--status-out", type=click.Path(), metavar="FILE.yaml",
              help="Write the paragraph statuses that carry to the revision (unchanged agreed paragraphs) "
                   "as a proposals file for the next round.")
@guarded(["base", "proposals"], ["output", "status_out"])
def compile_(base: str, proposals: tuple[str, ...], output: str | None, fmt: str | None, view: str,
             accept: tuple[str, ...], reject: tuple[str, ...], carry_pending: bool,
             author_map: tuple[str, ...], status_out: str | None) -> None:
    """Several delegations' proposals on one base text: the compilation, or the next revision.

    \b
    PROPOSALS are YAML files (one per delegation or one for all), a compilation's text form,
    Word files with tracked changes on the base (each author a delegation), or
    DELEGATION=FILE.yaml, a delegation's revised copy of the base text.
    With -o the numbering table, the counts and each delegation's proposals with their fate
    are printed; accepting two conflicting proposals is an error that lists the conflict.
    """
    from drafting.compilation.api import compile_files
    from drafting.store import write_atomic

    suffix = Path(output).suffix.lower() if output and output != "-" else ""
    if fmt is None and suffix and suffix not in _COMPILE_SUFFIXES:
        raise DraftingError(f"{output}: expected a name ending in {', '.join(sorted(_COMPILE_SUFFIXES))}, "
                            f"found {suffix}; or say the format with --format")
    fmt = fmt or _COMPILE_SUFFIXES.get(suffix, "text")
    if fmt == "docx":
        if not output or output == "-":
            raise DraftingError("a Word compilation needs -o FILE.docx")
        word_file(output)
    authors = dict(item.split("=", 1) for item in author_map if "=" in item)
    if len(authors) != len(author_map):
        raise DraftingError("--author-map: expected AUTHOR=DELEGATION, such as \"Jane Doe=EU\"")
    compiled = compile_files(base, proposals, accept, reject, carry_pending, authors)
    for warning in compiled.compilation.warnings:
        click.echo(f"drafting: warning: {warning}", err=True)
    result = compiled.render(fmt, view)
    if status_out:
        write_atomic(status_out, compiled.next_status())
    if output and output != "-":
        write_atomic(output, result)
        click.echo(f"wrote {output}")
        click.echo(compiled.report(), nl=False)
    else:
        click.echo(result if isinstance(result, str) else "", nl=False)
