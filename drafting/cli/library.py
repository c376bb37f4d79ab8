"""The library commands: validate, show, list, import, export."""
from __future__ import annotations

import sys

import click

from drafting.cli import emit_bytes, main
from drafting.errors import DraftingError
from drafting.outputs import guarded


# ---------------------------------------------------------------------------- library


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
    from drafting.model import counted

    count = len(resolution_files(paths))
    click.echo(f"{counted(count, 'file')} valid")


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
    from drafting.model import counted
    from drafting.store import list_library

    rows = list_library(library)
    if not rows:
        click.echo(f"{library}: no series found (expected <series>/<year>.yaml files)")
        return
    width = max(len(r.series) for r in rows)
    for row in rows:
        texts = counted(len(row.files), "text")
        click.echo(f"{row.series:<{width}}  {row.body:<2}  {texts:>9}  {row.span}")


# ---------------------------------------------------------------------------- import


@main.command(name="import")
@click.argument("file", type=click.Path())
@click.option("--list", "list_only", is_flag=True,
              help="List the resolutions the file holds (symbol, paragraph counts, title); write nothing.")
@click.option("--pick", metavar="SYMBOL",
              help="The resolution to take from a file that holds several, e.g. 68/128 or A/RES/68/128.")
@click.option("-o", "--output", type=click.Path(), metavar="OUT.yaml",
              help="Write the YAML precedent here (atomically); without it the YAML is printed.")
@click.option("--explain", is_flag=True,
              help="Print the ledger on standard error: every repair and removal, and the warnings.")
@click.option("--reject", is_flag=True, help="Word files: read tracked changes as rejected (the old text).")
@click.option("--strict", is_flag=True,
              help="Treat warnings as errors: exit 2 and write nothing when there is any.")
@guarded(["file"], ["output"])
def import_(file: str, list_only: bool, pick: str | None, output: str | None,
            explain: bool, reject: bool, strict: bool) -> None:
    """Read a resolution from a text or Word file into a YAML precedent.

    \b
    FILE is a Security Council text ("Resolution 350 (1974) / of 31 May 1974 ..."),
    a yearbook chapter holding General Assembly resolutions, a UN-layout .docx (a tracked one is
    read as accepted, with a warning; --reject takes the old side), a UN-layout PDF (its text
    layer; page furniture, footnotes and markers told apart by layout), or an Akoma Ntoso document.
    \b
    Examples:
      drafting import yearbook-2013.txt --list
      drafting import yearbook-2013.txt --pick 68/128 -o precedents/conflict-diamonds/2013.yaml
      drafting import S_RES_0350_1974.txt --explain     # what was kept, repaired, removed
      drafting import S_RES_1445_2002.pdf -o 1445.yaml  # a PDF: its text layer, read by layout
    \b
    Warnings (a word not accounted for, metadata missing or implausible) go to standard error
    and the exit code stays 0; with --strict they make it 2.
    """
    if list_only:
        from drafting.importers import find_resolutions

        for found in find_resolutions(file):
            click.echo(str(found))
        return
    from drafting.importers import import_checked
    from drafting.store import dumps, save

    imported = import_checked(file, pick=pick, reject=reject)
    resolution = imported.resolution
    if explain:
        click.echo(imported.ledger.explain(), err=True, nl=False)
    else:
        for warning in imported.warnings:
            click.echo(f"drafting: {file}: warning: {warning}", err=True)
    if strict and imported.warnings:
        raise DraftingError(f"{file}: {len(imported.warnings)} import warnings and --strict: "
                            "nothing written; check the places named above, or import without --strict")
    if not output or output == "-":
        click.echo(dumps(resolution), nl=False)
        return
    save(resolution, output)  # a folder or an unwritable place is a DraftingError, no file left
    click.echo(f"wrote {output}: {resolution.label}, {len(resolution.preamble)} preambular and "
               f"{len(resolution.operative)} operative paragraphs")


@main.command()
@click.argument("path", type=click.Path())
@click.option("-f", "--format", "fmt", type=click.Choice(["akn"]), default="akn", show_default=True,
              help="akn: Akoma Ntoso 3.0 XML as the AKN4UN guidelines mark up a resolution.")
@click.option("-o", "--output", type=click.Path(), metavar="OUT.xml",
              help="Write the document here (atomically); without it the XML is printed.")
@guarded(["path"], ["output"])
def export(path: str, fmt: str, output: str | None) -> None:
    """Write a resolution in an exchange format (Akoma Ntoso); `drafting import` reads it back.

    \b
      drafting export precedents/conflict-diamonds/2013.yaml --format akn -o 68-128.xml
    """
    from drafting.render.documents.akn import to_akn
    from drafting.store import load

    emit_bytes(to_akn(load(path)), output)
    if output and output != "-":
        click.echo(f"wrote {output}")
