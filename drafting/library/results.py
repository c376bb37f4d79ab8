"""What a search answers: its hits, what the refresh did, and the result as the CLI prints it
(rich markup for a terminal, JSON for other tools)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from drafting.model.grammar import counted


# ---------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Hit:
    """One adopted paragraph that answers a query."""

    series: str
    path: str  # the precedent file, relative to the library
    symbol: str | None
    body: str | None  # "GA" or "SC"
    year: int | None
    adopted: str | None  # ISO date
    address: str  # PP3, OP12(b)
    text: str
    matches: tuple[tuple[int, int], ...] = ()  # [start, end) character offsets of the matches in text
    score: float = 0.0  # bm25 (lower is better) for word queries
    similarity: float | None = None  # 0-100 for --similar

    @property
    def label(self) -> str:
        """'A/RES/68/128 (2013)', 'S/RES/363 (1974)': the symbol with its year once."""
        name = self.symbol or self.path
        if self.year and f"({self.year})" not in name:
            name += f" ({self.year})"
        return name

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "symbol": self.symbol, "year": self.year, "adopted": self.adopted, "body": self.body,
            "series": self.series, "file": self.path, "address": self.address, "text": self.text,
        }
        if self.similarity is None:
            out["matches"] = [{"start": start, "end": end} for start, end in self.matches]
        else:
            out["similarity"] = self.similarity
        return out


@dataclass(frozen=True)
class Refresh:
    """What a refresh of the index did."""

    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    deleted: tuple[str, ...] = ()
    skipped: tuple[tuple[str, str], ...] = ()  # (path, why) for files that are not resolutions
    texts: int = 0  # resolutions now in the index
    full: bool = False  # a full (re)build

    @property
    def touched(self) -> bool:
        return bool(self.added or self.changed or self.deleted)


@dataclass(frozen=True)
class SearchResult:
    """The answer to one search, as the CLI prints it."""

    query: str
    mode: str  # "words" or "similar"
    library: str
    texts: int
    hits: tuple[Hit, ...]
    limit: int
    first: bool = False
    refresh: Refresh = field(default_factory=Refresh)
    min_similarity: float | None = None  # with --similar: the lowest similarity shown

    def to_dict(self) -> dict[str, Any]:
        return {"query": self.query, "mode": self.mode, "library": self.library, "texts": self.texts,
                "first": self.first, "min_similarity": self.min_similarity, "count": len(self.hits),
                "hits": [h.to_dict() for h in self.hits]}


# ---------------------------------------------------------------------------- output


def render_terminal(result: SearchResult) -> str:
    """Rich markup: one block per hit (label, address, file; the paragraph, matches in bold)."""
    from rich.markup import escape

    lines: list[str] = []
    for hit in result.hits:
        figure = f"  [cyan]{hit.similarity:.1f}% similar[/]" if hit.similarity is not None else ""
        lines.append(f"[bold]{escape(hit.label)}[/] [bold magenta]{hit.address}[/]{figure}  "
                     f"[dim]{escape(hit.path)}[/]")
        lines.append("    " + _marked(hit, escape))
        lines.append("")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def _marked(hit: Hit, escape: Callable[[str], str]) -> str:
    out, pos = [], 0
    for start, end in hit.matches:
        out += [escape(hit.text[pos:start]), "[bold yellow]", escape(hit.text[start:end]), "[/]"]
        pos = end
    out.append(escape(hit.text[pos:]))
    return "".join(out)


def summary_line(result: SearchResult) -> str:
    """'3 paragraphs in 3 texts, first adopted 1974 (searched 811 texts)'."""
    n = len(result.hits)
    floor = (f"at least {result.min_similarity:g}% similar; " if result.min_similarity is not None
             else "")
    if not n:
        what = "similar paragraph" if result.mode == "similar" else "paragraph"
        return f"no {what} found ({floor}searched {counted(result.texts, 'text')})"
    texts = len({h.path for h in result.hits})
    years = [h.year for h in result.hits if h.year]
    first = f", first adopted {min(years)}" if years else ""
    more = f"; limit {result.limit} reached, use --limit for more" if n >= result.limit else ""
    return (f"{counted(n, 'paragraph')} in {counted(texts, 'text')}{first} "
            f"({floor}searched {counted(result.texts, 'text')}{more})")


def render_json(result: SearchResult) -> str:
    import json

    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
