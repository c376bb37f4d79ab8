"""How results print themselves: ``to_text``, ``to_markdown``, ``to_html``, ``to_json``, ``to_docx``.

Mixed into :class:`~drafting.model.Comparison` and :class:`~drafting.model.Proposal`. The
renderers are imported only when a method is called, so the model stays free of Word and HTML
machinery and ``import drafting`` stays fast.
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from drafting.model.proposals import Proposal
    from drafting.model.resolution import Comparison


class ComparisonOutput:
    """The diff report in every format; ``substantive_only`` leaves routine changes out."""

    def to_text(self, substantive_only: bool = False) -> str:
        return self._report("terminal", substantive_only)

    def to_markdown(self, substantive_only: bool = False) -> str:
        return self._report("markdown", substantive_only)

    def to_html(self, substantive_only: bool = False) -> str:
        return self._report("html", substantive_only)

    def to_json(self, substantive_only: bool = False) -> str:
        return self._report("json", substantive_only)

    def _report(self, fmt: str, substantive_only: bool) -> str:
        from drafting.render.reports.formats import render

        return render(cast("Comparison", self), fmt, substantive_only)

    def to_docx(self, path: str | os.PathLike[str], *, author: str = "drafting",
                date: dt.datetime | None = None, substantive_only: bool = False) -> None:
        """The new text with Word tracked changes against the old (written atomically)."""
        from drafting.render.reports.formats import write

        write(cast("Comparison", self), path, "docx", author=author, date=date,
              substantive_only=substantive_only)


class ProposalOutput:
    """The change log (edits and warnings) and the draft as Word tracked changes."""

    def to_text(self) -> str:
        """The change log for a person (Markdown reads as plain text)."""
        return self.to_markdown()

    def to_markdown(self) -> str:
        from drafting.proposal.engine import log_markdown

        return log_markdown(cast("Proposal", self))

    def to_json(self) -> str:
        from drafting.proposal.engine import log_json

        return log_json(cast("Proposal", self))

    def to_html(self) -> str:
        """What the proposal changed, as the diff report's self-contained page."""
        from drafting.comparison.diff import diff

        proposal = cast("Proposal", self)
        return diff(proposal.precedent, proposal.draft).to_html()

    def to_docx(self, path: str | os.PathLike[str]) -> None:
        """The draft as tracked changes against the precedent, each warning a Word comment."""
        from drafting.comparison.diff import diff
        from drafting.render.documents.docx import render_tracked

        proposal = cast("Proposal", self)
        render_tracked(diff(proposal.precedent, proposal.draft), Path(path), comments=proposal.flags)
