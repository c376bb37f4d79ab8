"""drafting: recurring United Nations resolutions as data.

The library behind the ``drafting`` command: load and save precedents, compare years, propose
next year's draft, lint, search and render Word documents. Heavy parts (Word, templates) are
imported only by the functions that need them.
"""
from __future__ import annotations

from drafting.errors import DraftingError, Problem, ValidationError
from drafting.model import (Address, Body, Change, ChangeKind, Comparison, Edit, Flag, FlagKind, Hunk,
                    HunkClass, HunkOp, Paragraph, Part, Proposal, Resolution)
from drafting.store import dumps, load, load_facts, loads, save

__version__ = "0.1.0"

__all__ = [
    "Address", "Body", "Change", "ChangeKind", "Comparison", "DraftingError", "Edit", "Flag",
    "FlagKind", "Hunk", "HunkClass", "HunkOp", "Paragraph", "Part", "Problem", "Proposal",
    "Resolution", "ValidationError", "dumps", "load", "load_facts", "loads", "save",
]
