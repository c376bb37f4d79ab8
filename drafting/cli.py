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

# ---------------------------------------------------------------------------- lint, training (issue 6)

# ---------------------------------------------------------------------------- search, history (issue 7)
