"""The ``drafting`` command: a thin layer that parses, calls one library function, and formats.

This module holds the command group and what every command shares (errors to one line, output to
a file or standard output, the progress bar); the commands live in the modules beside it, by
stage: :mod:`.library`, :mod:`.compare`, :mod:`.draft`, :mod:`.training`, :mod:`.search`.

Exit codes follow diff(1): 0 same/clean, 1 differences or findings, 2 an error. Errors print one
line per problem on standard error, never a traceback. Heavy libraries are imported inside the
commands that need them, so ``drafting --help`` starts fast.
"""
from __future__ import annotations

import os
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
        except BrokenPipeError:
            # The reader went away (`drafting show X | head`): stop quietly, as cat(1) does, and
            # point stdout at nothing so that the interpreter's last flush cannot fail either.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(1)
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


def word_file(path: str, option: str = "-o") -> str:
    """``path`` when it names a Word file; a .pdf or .yaml name would hold a .docx under a false name."""
    if Path(path).suffix.lower() != ".docx":
        hint = (" (to get a PDF, convert the .docx: libreoffice --headless --convert-to pdf FILE.docx)"
                if Path(path).suffix.lower() == ".pdf" else "")
        raise DraftingError(f"{path}: expected a Word file name ending in .docx for {option}, "
                            f"found {Path(path).suffix or 'no extension'}{hint}")
    return path


def emit(text: str, output: str | None) -> None:
    """Print ``text``, or write it atomically to ``output``."""
    if output and output != "-":
        from drafting.store import write_atomic

        write_atomic(output, text)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def emit_bytes(data: bytes, output: str | None) -> None:
    """Print bytes, or write them atomically to ``output``."""
    if output and output != "-":
        from drafting.store import write_atomic

        write_atomic(output, data)
    else:
        click.echo(data, nl=False)


# The commands register themselves on ``main`` when their modules load, in the order of the
# workflow (which ``drafting --help`` lists): the library, comparing, drafting, checking, searching.
from drafting.cli import library  # noqa: E402,F401,I001
from drafting.cli import compare  # noqa: E402,F401
from drafting.cli import draft  # noqa: E402,F401
from drafting.cli import training  # noqa: E402,F401
from drafting.cli import search  # noqa: E402,F401
