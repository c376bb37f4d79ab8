"""``compile``: read a base text and proposal files, write the compilation or the next revision."""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from drafting.compilation.conflicts import conflicts
from drafting.compilation.load import compilation_to_dict, load
from drafting.compilation.proposals import Compilation
from drafting.compilation.report import delegation_report, numbering_table
from drafting.compilation.resolve import resolve
from drafting.compilation.revision import Revision, revise
from drafting.errors import DraftingError
from drafting.model import Resolution

FORMATS = ("text", "html", "docx", "yaml")
VIEWS = ("attributed", "anonymised", "clean")


@dataclass(frozen=True)
class Compiled:
    """A compilation read and (when anything was accepted or rejected) its next revision."""

    base: Resolution
    compilation: Compilation
    revision: Revision

    def report(self) -> str:
        """The numbering table, counts and each delegation's proposals with their fate."""
        resolved = resolve(self.base, self.compilation)
        found = conflicts(resolved)
        return numbering_table(self.revision) + "\n" + delegation_report(
            self.compilation, self.revision, found, resolved)

    def next_status(self) -> str:
        """A proposals file for the next round holding the statuses the revision carries."""
        from drafting import store

        status = {k: v.value for k, v in self.revision.status.items()}
        return store.dump_data({"status": status, "proposals": []} if status else {"proposals": []})

    def render(self, fmt: str, view: str = "attributed") -> str | bytes:
        """The compilation (or, in the clean view or as YAML after --accept, the revision)."""
        from drafting import store

        if fmt not in FORMATS or view not in VIEWS:
            raise DraftingError(f"expected a format in {', '.join(FORMATS)} and a view in {', '.join(VIEWS)}, "
                                f"found {fmt} and {view}")
        if fmt == "yaml":
            if view == "anonymised":
                raise DraftingError("the YAML form holds each proposal with its delegation: write it with "
                                    "--view attributed or clean, or choose --format text, html or docx")
            if self.revision.accepted or view == "clean":
                return store.dumps(self.revision.text)
            return store.dump_data(compilation_to_dict(self.compilation))
        if fmt == "text":
            from drafting.compilation import text
            if view == "clean":
                return clean_text(self.revision.text)
            return text.render(self.base, self.compilation, view)
        if fmt == "html":
            from drafting.compilation import html
            return html.render(self, view)
        from drafting.compilation import docx
        return docx.render(self, view)


def clean_text(resolution: Resolution) -> str:
    """A text with its addresses and no markup."""
    return "".join(f"{a} {p.text}\n" for a, p in resolution.walk())


def compile_files(base: str | os.PathLike[str], proposals: Sequence[str | os.PathLike[str]],
                  accept: Iterable[str] = (), reject: Iterable[str] = (),
                  carry_pending: bool = False, author_map: Mapping[str, str] | None = None) -> Compiled:
    """Load the base and the proposals, check every target, and merge the accepted ones."""
    from drafting import store

    if not proposals:
        raise DraftingError("no proposals given: name one or more proposal files after the base text")
    text = store.load(base)
    compilation = load(proposals, text, author_map)
    return Compiled(text, compilation, revise(text, compilation, accept, reject, carry_pending))
