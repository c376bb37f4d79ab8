"""drafting: recurring United Nations resolutions as data.

The library behind the ``drafting`` command. The whole public API is here::

    import drafting
    old = drafting.load("precedents/undof/0350.yaml")
    new = drafting.load("precedents/undof/0363.yaml")
    comparison = drafting.compare(old, new)       # .to_text() .to_markdown() .to_html() .to_json() .to_docx(path)
    proposal = drafting.propose(old, facts)        # .draft .edits .flags, and the same to_* family
    findings = drafting.lint(old)                  # [Finding]
    result = drafting.search("precedents", '"tripartite nature"')

Heavy parts (Word, HTML, the search index) are imported only by the functions that use them.
"""
from __future__ import annotations

import importlib
import os
from typing import TYPE_CHECKING, Any

from drafting.errors import DraftingError, FactsError, Problem, ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping

    from drafting.checks.base import Finding
    from drafting.library.index import SearchResult
    from drafting.model import (Address, Body, Change, ChangeKind, Comparison, Edit, Flag, FlagKind,
                                Hunk, HunkClass, HunkOp, Paragraph, Part, Proposal, Resolution)
    from drafting.store import dumps, load, load_facts, loads, save

# The model and the YAML store load on first use, so that `drafting --help` does not pay for them.
_LAZY = {name: "drafting.model" for name in (
    "Address", "Body", "Change", "ChangeKind", "Comparison", "Edit", "Flag", "FlagKind", "Hunk",
    "HunkClass", "HunkOp", "Paragraph", "Part", "Proposal", "Resolution")}
_LAZY.update({name: "drafting.store" for name in ("dumps", "load", "load_facts", "loads", "save")})


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module 'drafting' has no attribute {name!r}")
    value = getattr(importlib.import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


__version__ = "0.1.0"

PathLike = str | os.PathLike[str]


def compare(old: Resolution, new: Resolution) -> Comparison:
    """Align two versions paragraph by paragraph and diff each pair on whole words."""
    from drafting.comparison.diff import diff

    return diff(old, new)


def propose(precedent: Resolution, facts: Mapping[str, Any]) -> Proposal:
    """Next year's draft from ``precedent`` and the new ``facts``: edits made, flags for a person."""
    from drafting.proposal.engine import propose as run

    return run(precedent, facts)


def lint(resolution: Resolution, profile: str = "un", library: PathLike | None = None) -> list[Finding]:
    """Every finding against UN (``"un"``) or Model UN (``"mun"``) drafting conventions."""
    from drafting.checks.engine import lint as run

    return run(resolution, profile, library)


def search(library: PathLike, query: str, *, similar: bool = False, body: str | None = None,
           since: int | None = None, first: bool = False, limit: int | None = None,
           min_similarity: float = 60.0) -> SearchResult:
    """Agreed language in a precedent library: words, "phrases", prefix* (``similar``: a paragraph,
    shown from ``min_similarity`` percent up)."""
    from drafting.library.index import search as run

    return run(library, query, similar=similar, body=body, since=since, first=first, limit=limit,
               min_similarity=min_similarity)


__all__ = [
    "Address", "Body", "Change", "ChangeKind", "Comparison", "DraftingError", "Edit", "FactsError",
    "Flag", "FlagKind", "Hunk", "HunkClass", "HunkOp", "Paragraph", "Part", "Problem", "Proposal",
    "Resolution", "ValidationError", "compare", "dumps", "lint", "load", "load_facts", "loads",
    "propose", "save", "search",
]
