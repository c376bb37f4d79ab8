"""The main job end to end: propose next year's draft and write the draft, its log and Word file.

The Word file comes from :meth:`~drafting.model.Proposal.to_docx`, so this module needs no
renderer of its own; everything is computed before anything is written.
"""
from __future__ import annotations

import os

from drafting.errors import DraftingError
from drafting.model import Proposal

PathLike = str | os.PathLike[str]


def propose_files(precedent_path: PathLike, facts_path: PathLike, output: PathLike, *,
                  docx: PathLike | None = None, log: PathLike | None = None,
                  fmt: str = "markdown") -> tuple[Proposal, str]:
    """Propose from two files and write the draft YAML (and Word file, and log when given).

    Returns the proposal and its log text. Everything is computed before anything is written,
    so bad input leaves no file behind.
    """
    from drafting.proposal.engine import propose
    from drafting.proposal.log import log_json, log_markdown
    from drafting.store import dumps, load, load_facts, write_atomic

    if fmt not in ("markdown", "json"):
        raise DraftingError(f"expected a log format of markdown or json, found {fmt!r}")
    precedent = load(precedent_path)
    facts = load_facts(facts_path)
    proposal = propose(precedent, facts, source=str(facts_path))
    text = log_json(proposal) if fmt == "json" else log_markdown(proposal)
    yaml_text = dumps(proposal.draft)
    if docx is not None:
        proposal.to_docx(docx)
    write_atomic(output, yaml_text)
    if log is not None:
        write_atomic(log, text)
    return proposal, text
