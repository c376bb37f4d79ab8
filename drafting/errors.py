"""The one family of errors the toolkit raises on bad input.

Every message says what was expected, what was found and, where it helps, how to fix it. The CLI
prints ``str(error)`` (one line per problem) and exits with status 2; nothing else escapes.
"""
from __future__ import annotations

from dataclasses import dataclass


class DraftingError(Exception):
    """Base class: any problem with the user's input or files."""


@dataclass(frozen=True)
class Problem:
    """One problem found while validating a file, with where it is."""

    message: str
    file: str | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    path: str | None = None  # place inside the document, e.g. ``operative[12].items[1]``

    def __str__(self) -> str:
        where = self.file or "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        inside = f"{self.path}: " if self.path else ""
        return f"{where}: {inside}{self.message}"


class ValidationError(DraftingError):
    """A file broke one or more rules; ``problems`` lists every one, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class RenderError(DraftingError):
    """A document or report could not be produced (e.g. a template error)."""


class FactsError(DraftingError):
    """A facts file is missing a fact or holds one of the wrong shape."""
