"""Paragraph history across a series: when each paragraph's wording appeared and changed ("blame").

Each text of a series is compared with the one before it (``drafting.comparison.diff.diff``, which also
says whether a change is routine), and a paragraph of the latest text is followed back text by text to the one that introduced it. For one paragraph,
:func:`blame` lists its versions in order with a compact word diff between successive ones.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from drafting.comparison.diff import diff, word_diff  # word_diff is re-exported: blame shows its hunks
from drafting.errors import DraftingError
from drafting.model import Address, Body, ChangeKind, Hunk, HunkOp, Resolution
from drafting.model.grammar import counted


# ---------------------------------------------------------------------------- values


@dataclass(frozen=True)
class Version:
    """One text of the series, in series order."""

    index: int
    path: str
    resolution: Resolution

    @property
    def year(self) -> int | None:
        return self.resolution.year

    @property
    def label(self) -> str:
        """How the series names this text: '363 (1974)' for the Council, the year for the Assembly."""
        return version_label(self.resolution, Path(self.path).stem)


@dataclass(frozen=True)
class Link:
    """Paragraphs of two successive texts that are one and the same (either side may be empty)."""

    old: tuple[Address, ...]
    new: tuple[Address, ...]
    changed: bool  # the wording differs (a move or renumbering alone is no change)
    routine: bool | None = None  # only routine updates (dates, symbols...); None when unknown


@dataclass(frozen=True)
class Revision:
    """A text in which a paragraph's wording changed."""

    version: int  # index into SeriesHistory.versions
    routine: bool | None


@dataclass(frozen=True)
class Life:
    """One paragraph of the latest text: where it came from and when its wording changed."""

    address: Address
    text: str
    origin: int  # the version that introduced it
    changes: tuple[Revision, ...]  # oldest first; the origin is not a change

    @property
    def since(self) -> int:
        """The version in which the present wording first appeared."""
        return self.changes[-1].version if self.changes else self.origin


@dataclass(frozen=True)
class SeriesHistory:
    series: str
    versions: tuple[Version, ...]
    paragraphs: tuple[Life, ...]  # every paragraph and sub-paragraph of the latest text


@dataclass(frozen=True)
class Step:
    """One version of a paragraph: the text it stands in, its address, its text, and the diff
    from the previous step (empty for the first)."""

    version: int
    address: Address
    text: str
    hunks: tuple[Hunk, ...] = ()
    routine: bool | None = None

    @property
    def changed(self) -> bool:
        return any(h.op is not HunkOp.EQUAL for h in self.hunks)


@dataclass(frozen=True)
class Blame:
    series: str
    versions: tuple[Version, ...]
    asked: tuple[int, Address]  # the version and address the user named
    steps: tuple[Step, ...]  # from the paragraph's first text to its last
    ends: str  # "latest" when it stands in the latest text, "deleted", or "year" (shown as of a year)


def version_label(resolution: Resolution, fallback: str) -> str:
    """'363 (1974)' for a Council resolution, '2013' for an Assembly one."""
    if resolution.body is Body.SC and resolution.symbol:
        match = re.search(r"(\d+)\s*(\(\d{4}\))?\s*$", resolution.symbol)
        if match:
            number = match.group(1)
            year = f" ({resolution.year})" if resolution.year else ""
            return number + year
    if resolution.year:
        return str(resolution.year)
    return resolution.symbol or fallback


# ---------------------------------------------------------------------------- pairing


def links(old: Resolution, new: Resolution) -> list[Link]:
    """Pair the paragraphs of two successive texts, each pair with whether its wording changed."""
    out = []
    for change in diff(old, new).changes:
        grouped = change.kind in (ChangeKind.SPLIT, ChangeKind.MERGED, ChangeKind.ADDED, ChangeKind.DELETED)
        changed = grouped or any(h.op is not HunkOp.EQUAL for h in change.hunks)
        out.append(Link(tuple(change.old), tuple(change.new), changed, change.routine if changed else True))
    return out


# ---------------------------------------------------------------------------- series history


def load_series(folder: str | os.PathLike[str]) -> tuple[Version, ...]:
    """The texts of a series folder, oldest first."""
    from drafting.store import load, series_files

    files = series_files(folder, at_least=1)
    return tuple(Version(i, str(f), load(f)) for i, f in enumerate(files))


Progress = Callable[[int, int], None]


def _all_links(versions: Sequence[Version], progress: Progress | None) -> list[dict[Address, Link]]:
    """For each version i > 0: new address -> link with version i - 1 (index 0: empty)."""
    back: list[dict[Address, Link]] = [{}]
    for i in range(1, len(versions)):
        by_new = {}
        for link in links(versions[i - 1].resolution, versions[i].resolution):
            for address in link.new:
                by_new[address] = link
        back.append(by_new)
        if progress:
            progress(i, len(versions) - 1)
    return back


def _trace(address: Address, start: int, back: Sequence[dict[Address, Link]]) -> tuple[int, list[Revision]]:
    """Follow a paragraph back from version ``start``: its origin and its changes (oldest first)."""
    changes: list[Revision] = []
    i = start
    while i > 0:
        link = back[i].get(address)
        if link is None or not link.old:
            break
        if link.changed:
            changes.append(Revision(i, link.routine))
        address = link.old[0]
        i -= 1
    return i, changes[::-1]


def history(folder: str | os.PathLike[str], progress: Progress | None = None) -> SeriesHistory:
    """Every paragraph of the series' latest text with its origin and the texts that changed it."""
    versions = load_series(folder)
    back = _all_links(versions, progress)
    last = len(versions) - 1
    lives = []
    for address, paragraph in versions[last].resolution.walk():
        origin, changes = _trace(address, last, back)
        lives.append(Life(address, paragraph.text, origin, tuple(changes)))
    return SeriesHistory(Path(folder).name, versions, tuple(lives))


# ---------------------------------------------------------------------------- one paragraph


def _pick(versions: Sequence[Version], year: int | None) -> int:
    """The last text of ``year`` (the one standing at the year's end), or the latest text."""
    if year is None:
        return len(versions) - 1
    found = [v.index for v in versions if v.year == year]
    if not found:
        years = sorted({v.year for v in versions if v.year})
        span = f"{years[0]}-{years[-1]}" if years else "none"
        raise DraftingError(f"expected --year to name a year of the series, found no text of {year} "
                            f"(the series has texts of {span})")
    return found[-1]


def blame(folder: str | os.PathLike[str], paragraph: str, year: int | None = None) -> Blame:
    """The versions of one paragraph (as it stood in the last text of ``year``), first to last."""
    try:
        address = Address.parse(paragraph)
    except ValueError as exc:
        raise DraftingError(f"--paragraph: {exc}") from None
    versions = load_series(folder)
    at = _pick(versions, year)
    try:
        versions[at].resolution.get(address)
    except KeyError:
        raise DraftingError(f"{versions[at].path}: expected a paragraph {address}, found none "
                            f"({_parts(versions[at].resolution)})") from None
    back = _all_links(versions, None)
    chain = _back_steps(versions, back, at, address)
    if year is None:
        chain += _forward_steps(versions, back, at, address)
    # A year asks for the paragraph as it stood then: what came later is not shown.
    ends = "year" if year is not None else "latest" if chain[-1][0] == len(versions) - 1 else "deleted"
    out: list[Step] = []
    for k, (v, addr, txt, routine) in enumerate(chain):
        hunks = tuple(word_diff(chain[k - 1][2], txt)) if k else ()
        out.append(Step(v, addr, txt, hunks, routine if k else None))
    return Blame(Path(folder).name, versions, (at, address), tuple(out), ends)


def _parts(resolution: Resolution) -> str:
    return f"it has {len(resolution.preamble)} preambular and {len(resolution.operative)} operative paragraphs"


Entry = tuple[int, Address, str, "bool | None"]


def _back_steps(versions: Sequence[Version], back: Sequence[dict[Address, Link]], at: int,
                address: Address) -> list[Entry]:
    chain: list[Entry] = []
    i = at
    while True:
        link = back[i].get(address) if i > 0 else None
        chain.append((i, address, versions[i].resolution.get(address).text, link.routine if link else None))
        if link is None or not link.old:
            break
        address, i = link.old[0], i - 1
    return chain[::-1]


def _forward_steps(versions: Sequence[Version], back: Sequence[dict[Address, Link]], at: int,
                   address: Address) -> list[Entry]:
    chain: list[Entry] = []
    for i in range(at + 1, len(versions)):
        following = [link for link in back[i].values() if address in link.old and link.new]
        if not following:
            break
        link = following[0]
        address = link.new[0]
        chain.append((i, address, versions[i].resolution.get(address).text, link.routine))
    return chain


# ---------------------------------------------------------------------------- terminal output

TRUNCATE = 120  # overview lines show this much of each paragraph; the HTML shows it all


def _years(versions: Sequence[Version], indices: Sequence[int]) -> str:
    """Distinct years (or labels when a text has no year), in order: '1975, 1976, 1990'."""
    seen: dict[str, None] = {}
    for i in indices:
        v = versions[i]
        seen.setdefault(str(v.year) if v.year else v.label, None)
    return ", ".join(seen)


def _span(versions: Sequence[Version]) -> str:
    return f"{versions[0].label} to {versions[-1].label}" if len(versions) > 1 else versions[0].label


def describe(h: SeriesHistory, life: Life) -> str:
    """'first 363 (1974); present wording since 398 (1976); changed 1976; routine updates 1975'."""
    v = h.versions
    if not life.changes:
        return f"first {v[life.origin].label}, unchanged"
    wording = [c.version for c in life.changes if c.routine is not True]
    routine = [c.version for c in life.changes if c.routine is True]
    parts = [f"first {v[life.origin].label}", f"present wording since {v[life.since].label}"]
    if wording:
        parts.append(f"changed {_years(v, wording)}")
    if routine:
        parts.append(f"routine updates {_years(v, routine)}")
    return "; ".join(parts)


def render_terminal(h: SeriesHistory) -> str:
    """Rich markup: each paragraph of the latest text, where it came from, when it changed."""
    from rich.markup import escape

    latest = h.versions[-1]
    lines = [f"[bold]{escape(h.series)}[/]: {counted(len(h.versions), 'text')}, {escape(_span(h.versions))}; "
             f"paragraphs of the latest, {escape(latest.resolution.label)}", ""]
    width = max((len(str(life.address)) for life in h.paragraphs), default=4)
    for life in h.paragraphs:
        text = life.text if len(life.text) <= TRUNCATE else life.text[:TRUNCATE - 1].rstrip() + "…"
        lines.append(f"[bold magenta]{str(life.address):<{width}}[/]  [cyan]{escape(describe(h, life))}[/]")
        lines.append(" " * (width + 2) + escape(text))
    return "\n".join(lines) + "\n"


CONTEXT = 6  # words of unchanged text kept on each side of a change in the terminal's word diff


def elide(text: str, head: bool, tail: bool) -> str:
    """Unchanged text shortened to CONTEXT words after a change (``head``) and before the next
    one (``tail``), the rest shown as '…': a compact diff of a long paragraph."""
    words = re.split(r"(\s+)", text)  # words at even indices, the spaces between at odd ones
    keep = 2 * CONTEXT
    if len(words) <= 2 * keep + 1:
        return text
    start = "".join(words[:keep]) if head else ""
    end = "".join(words[-keep:]) if tail else ""
    return f"{start}…{end}" if start and end else (f"{start}…" if start else f"…{end}")


def _hunks_markup(hunks: Sequence[Hunk]) -> str:
    """A git-style word diff ([-old-]{+new+}), coloured on a terminal."""
    from rich.markup import escape

    out = []
    for k, hunk in enumerate(hunks):
        if hunk.op is HunkOp.EQUAL:
            out.append(escape(elide(hunk.text, head=k > 0, tail=k < len(hunks) - 1)))
        elif hunk.op is HunkOp.DELETE:
            out.append(f"[red]{escape('[-' + hunk.text + '-]')}[/]")
        else:
            out.append(f"[green]{escape('{+' + hunk.text + '+}')}[/]")
    return "".join(out)


def _runs(b: Blame) -> list[tuple[str, Step | list[Step]]]:
    """The steps with successive unchanged ones gathered: ("step", s) or ("same", [s, ...])."""
    out: list[tuple[str, Step | list[Step]]] = []
    for k, step in enumerate(b.steps):
        if k and not step.changed:
            if out and out[-1][0] == "same":
                out[-1][1].append(step)  # type: ignore[union-attr]
            else:
                out.append(("same", [step]))
        else:
            out.append(("step", step))
    return out


def blame_title(b: Blame) -> str:
    at, address = b.asked
    v = b.versions
    first, last = b.steps[0].version, b.steps[-1].version
    end = ("still in the latest text" if b.ends == "latest" else
           f"as it stood at the end of {v[at].year}" if b.ends == "year" else f"gone after {v[last].label}")
    count = counted(len(b.steps), "text")
    return (f"{address} of {v[at].label} in {b.series}: {count}, "
            f"first {v[first].label}, {end}")


def render_blame_terminal(b: Blame) -> str:
    """Rich markup: the first version in full, then each change as a word diff."""
    from rich.markup import escape

    v = b.versions
    lines = [f"[bold]{escape(blame_title(b))}[/]", ""]
    for kind, item in _runs(b):
        if kind == "same":
            assert isinstance(item, list)
            steps = item
            span = v[steps[0].version].label if len(steps) == 1 else \
                f"{v[steps[0].version].label} to {v[steps[-1].version].label}"
            count = f" ({len(steps)} texts)" if len(steps) > 1 else ""
            lines.append(f"[dim]{escape(span)}: unchanged{count}[/]")
            continue
        step: Step = item  # type: ignore[assignment]
        note = "" if step.routine is None or not step.changed else (" (routine)" if step.routine else " (wording)")
        lines.append(f"[bold]{escape(v[step.version].label)}[/] [magenta]{step.address}[/]{note}")
        body = _hunks_markup(step.hunks) if step.hunks else escape(step.text)
        lines.append("    " + body)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------- HTML output

_CSS = """
body{font:15px/1.45 Georgia,serif;margin:2em auto;max-width:60em;color:#222;padding:0 1em}
h1{font-size:1.3em} table{border-collapse:collapse;width:100%}
td,th{border-top:1px solid #ddd;padding:.4em;vertical-align:top;text-align:left}
th{font:bold 13px sans-serif;color:#555} .addr{font:bold 13px monospace;white-space:nowrap}
.meta{font:13px sans-serif;color:#555} .yr{display:inline-block;padding:0 .3em;margin:1px;
border-radius:3px;font:12px sans-serif;background:#fde2b8} .yr.routine{background:#e4e4e4;color:#666}
del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:underline}
.same{color:#777;font:13px sans-serif} li{margin:.5em 0}
"""


def _page(title: str, body: str) -> str:
    from drafting.render.reports.page import BASE_CSS, page

    return page(title, BASE_CSS + _CSS, body)


def render_html(h: SeriesHistory) -> str:
    """A self-contained page: one table row per paragraph of the latest text."""
    from html import escape

    v = h.versions
    rows = []
    for life in h.paragraphs:
        chips = "".join(
            f'<span class="yr{" routine" if c.routine is True else ""}" '
            f'title="{"routine" if c.routine is True else "wording"} change">{escape(v[c.version].label)}</span>'
            for c in life.changes) or '<span class="meta">unchanged</span>'
        rows.append(f'<tr><td class="addr">{life.address}</td><td>{escape(life.text)}</td>'
                    f'<td class="meta">{escape(v[life.origin].label)}</td>'
                    f'<td class="meta">{escape(v[life.since].label)}</td><td>{chips}</td></tr>\n')
    title = f"{h.series}: paragraph history"
    body = (f"<h1>{escape(title)}</h1>\n<p class=\"meta\">{counted(len(v), 'text')}, {escape(_span(v))}; "
            f"paragraphs of the latest, {escape(v[-1].resolution.label)}. Grey: routine updates only.</p>\n"
            "<table>\n<tr><th>Paragraph</th><th>Text</th><th>First</th><th>Wording since</th>"
            "<th>Changed in</th></tr>\n" + "".join(rows) + "</table>\n")
    return _page(title, body)


def render_blame_html(b: Blame) -> str:
    """A self-contained page: the paragraph's versions, each change as an inline word diff."""
    from html import escape

    from drafting.render.reports.markup import hunks

    v = b.versions
    items = []
    for kind, item in _runs(b):
        if kind == "same":
            assert isinstance(item, list)
            labels = ", ".join(escape(v[s.version].label) for s in item)
            items.append(f'<li class="same">unchanged in {labels}</li>\n')
            continue
        step: Step = item  # type: ignore[assignment]
        text = hunks(step.hunks) if step.hunks else escape(step.text)
        note = "" if step.routine is None or not step.changed else (" · routine" if step.routine else " · wording")
        items.append(f'<li><span class="meta"><b>{escape(v[step.version].label)}</b> '
                     f'<span class="addr">{step.address}</span>{note}</span><br>{text}</li>\n')
    title = blame_title(b)
    return _page(title, f"<h1>{escape(title)}</h1>\n<ol>\n" + "".join(items) + "</ol>\n")
