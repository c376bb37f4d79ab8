"""The main job end to end: propose next year's draft and write the draft, its log and Word file.

This sits after :mod:`drafting.render` in the stage order because it writes the tracked-changes
Word file; :mod:`drafting.proposal.engine` itself never renders.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from drafting.errors import DraftingError, FactsError
from drafting.model import Proposal, Resolution

PathLike = str | os.PathLike[str]


def check_facts(precedent: Resolution, facts: Mapping[str, Any], facts_file: str) -> None:
    """The new facts must speak of what the precedent's facts speak of, in the same shapes."""
    old = precedent.facts
    if not old:
        return
    shared = [k for k in old if k in facts]
    if not shared:
        raise FactsError(f"{facts_file}: expected some of the facts that {precedent.label} states "
                         f"({', '.join(list(old)[:6])}), found none of them; is this the facts file of that series?")
    for key in shared:
        a, b = old[key], facts[key]
        if a is None or b is None:
            continue
        if isinstance(a, list) != isinstance(b, list) or isinstance(a, dict) != isinstance(b, dict):
            raise FactsError(f"{facts_file}: {key}: expected {_shape(a)} like the precedent's, found {_shape(b)}")


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a single value"


def propose_files(precedent_path: PathLike, facts_path: PathLike, output: PathLike, *,
                  docx: PathLike | None = None, log: PathLike | None = None,
                  fmt: str = "markdown") -> tuple[Proposal, str]:
    """Propose from two files and write the draft YAML (and Word file, and log when given).

    Returns the proposal and its log text. Everything is computed before anything is written,
    so bad input leaves no file behind.
    """
    from drafting.proposal.engine import log_json, log_markdown, propose
    from drafting.store import dumps, load, load_facts, write_atomic

    if fmt not in ("markdown", "json"):
        raise DraftingError(f"expected a log format of markdown or json, found {fmt!r}")
    precedent = load(precedent_path)
    facts = load_facts(facts_path)
    check_facts(precedent, facts, str(facts_path))
    proposal = propose(precedent, facts)
    text = log_json(proposal) if fmt == "json" else log_markdown(proposal)
    yaml_text = dumps(proposal.draft)
    if docx is not None:
        write_docx(proposal, docx)
    write_atomic(output, yaml_text)
    if log is not None:
        write_atomic(log, text)
    return proposal, text


def write_docx(proposal: Proposal, path: PathLike) -> None:
    """The draft as tracked changes against the precedent, each warning a Word comment."""
    try:
        from drafting.comparison.diff import diff
        from drafting.render.documents.docx import render_tracked
    except ImportError as exc:  # pragma: no cover - while the Word renderer is being built
        raise DraftingError(f"{path}: cannot write the Word draft: {exc}") from None
    comparison = diff(proposal.precedent, proposal.draft)
    render_tracked(comparison, Path(path), comments=proposal.flags)
