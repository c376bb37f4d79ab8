"""The Model UN training kit: score a draft against the adopted text, make exercises, list phrases.

- :func:`score`: which adopted paragraphs a student's draft matched, missed and added, how close
  each matched paragraph came word by word, the overall closeness, and the draft's lint findings.
- :func:`exercise`: a Word worksheet (last year's text, this year's facts, instructions) and an
  answer key (the text really adopted next, when the library holds it; else the proposal).
- :func:`phrases`: the preambular leads and operative verbs a precedent library really uses.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from drafting.errors import DraftingError, FactsError
from drafting.checks.engine import Finding, counts, lint
from drafting.checks.rules import lead_of
from drafting.model import Address, ChangeKind, Comparison, HunkOp, Part, Resolution
from drafting.model.grammar import counted

_WORDS = re.compile(r"\w+(?:['’\-]\w+)*")


def words(text: str) -> int:
    return len(_WORDS.findall(text))


# ---------------------------------------------------------------------------- score

@dataclass(frozen=True)
class ScoreRow:
    """One adopted paragraph (or group) and what the draft made of it."""

    status: str  # "matched", "missed" or "added"
    kind: ChangeKind
    adopted: tuple[Address, ...]
    draft: tuple[Address, ...]
    same: int  # words kept
    removed: int  # adopted words the draft lacks
    added: int  # draft words the adopted text lacks

    @property
    def closeness(self) -> float:
        """Word-level closeness: 2 x kept / (adopted words + draft words); 1.0 is identical."""
        total = 2 * self.same + self.removed + self.added
        return 2 * self.same / total if total else 1.0


@dataclass(frozen=True)
class Score:
    """A draft scored against the adopted text."""

    comparison: Comparison  # adopted -> draft
    rows: tuple[ScoreRow, ...]
    findings: tuple[Finding, ...]
    baseline: float | None = None  # closeness of last year's text, handed in unchanged
    precedent: str | None = None  # its label

    @property
    def progress(self) -> float | None:
        """How far the draft went from last year's text (0.0) to the adopted text (1.0).

        Closeness alone flatters: last year's text handed in unchanged already shares most words
        with the adopted one. Below 0 the draft moved away from the adopted text.
        """
        if self.baseline is None:
            return None
        if self.baseline >= 1.0:
            return 1.0 if self.closeness >= 1.0 else 0.0
        return (self.closeness - self.baseline) / (1.0 - self.baseline)

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def adopted_total(self) -> int:
        return sum(len(r.adopted) for r in self.rows)

    @property
    def closeness(self) -> float:
        """Overall word-level closeness, missed and added paragraphs included."""
        same = sum(r.same for r in self.rows)
        total = 2 * same + sum(r.removed + r.added for r in self.rows)
        return 2 * same / total if total else 1.0


_STATUS = {ChangeKind.DELETED: "missed", ChangeKind.ADDED: "added"}


def score(draft: Resolution, adopted: Resolution, profile: str = "un",
          precedent: Resolution | None = None) -> Score:
    """Score ``draft`` against ``adopted`` (paragraphs and sub-paragraphs alike).

    ``precedent``: last year's text, the starting point; the score then says how much of the way
    from it to the adopted text the draft went.
    """
    from drafting.comparison.diff import diff

    comparison = diff(adopted, draft)
    rows = _rows(comparison)
    baseline = None
    if precedent is not None:
        unchanged = diff(adopted, precedent)
        baseline = Score(unchanged, tuple(_rows(unchanged)), ()).closeness
    return Score(comparison, tuple(rows), tuple(lint(draft, profile)), baseline,
                 precedent.label if precedent is not None else None)


def _rows(comparison: Comparison) -> list[ScoreRow]:
    rows = []
    for change in comparison.changes:
        tally = {op: 0 for op in HunkOp}
        for hunk in change.hunks:
            tally[hunk.op] += words(hunk.text)
        rows.append(ScoreRow(_STATUS.get(change.kind, "matched"), change.kind, change.old, change.new,
                             tally[HunkOp.EQUAL], tally[HunkOp.DELETE], tally[HunkOp.INSERT]))
    return rows


def previous_text(adopted_path: str | os.PathLike[str]) -> Path | None:
    """The text before ``adopted_path`` in its series folder (last year's), or None."""
    from drafting.store import series_files

    path = Path(adopted_path)
    try:
        files = [f.resolve() for f in series_files(path.parent)]
    except DraftingError:
        return None
    here = path.resolve()
    k = files.index(here) if here in files else 0
    return files[k - 1] if k > 0 else None


def _progress_line(result: Score) -> str:
    if result.progress is None:
        return ""
    return (f"{result.progress:.0%} of the way from {result.precedent} handed in unchanged "
            f"(closeness {result.baseline:.2f}) to the adopted text")


def _excerpt(text: str, room: int = 56) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[:room - 1] + "…"


def _addr(addresses: Sequence[Address]) -> str:
    return "+".join(str(a) for a in addresses) or "—"


def _names(result: Score, names: tuple[str, str] | None) -> tuple[str, str]:
    """(draft, adopted) as a report names them: the given names (file names), else the labels."""
    return names or (result.comparison.new.label, result.comparison.old.label)


def score_terminal(result: Score, names: tuple[str, str] | None = None) -> str:
    """The score as plain text: a summary, one line per paragraph, then the lint findings."""
    draft, adopted = _names(result, names)
    lines = [f"{draft} scored against {adopted}",
             f"matched {result.count('matched')}, missed {result.count('missed')}, added "
             f"{result.count('added')} (of {result.adopted_total} adopted paragraphs and sub-paragraphs); "
             f"closeness {result.closeness:.2f} overall"]
    lines += [_progress_line(result)] if result.progress is not None else []
    lines += ["", f"{'adopted':<10} {'draft':<10} {'closeness':>9}  {'status':<9} words"]
    for r, change in zip(result.rows, result.comparison.changes):
        status = r.status if r.status != "matched" else r.kind.value
        close = f"{r.closeness:.2f}" if r.status == "matched" else "-"
        text = change.new_text if r.status == "added" else change.old_text
        lines.append(f"{_addr(r.adopted):<10} {_addr(r.draft):<10} {close:>9}  {status:<9} {_excerpt(text)}")
    n = counts(result.findings)
    lines += ["", f"lint: {counted(n['error'], 'error')}, {counted(n['warning'], 'warning')}, {n['info']} info"]
    for f in result.findings:
        lines.append(f"  {f.paragraph or '-'}: {f.severity.value}: {f.message} [{f.rule}]")
    return "\n".join(lines) + "\n"


_SCORE_CSS = """
body{font-family:Georgia,serif;max-width:70em;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;width:100%} td,th{border-bottom:1px solid #ddd;padding:.3em;vertical-align:top;text-align:left}
td.n{text-align:right} del{background:#fdd;color:#900} ins{background:#dfd;color:#060;text-decoration:underline}
tr.missed td{background:#fff4f4} tr.added td{background:#f4fff4} .big{font-size:1.4em}
"""


def score_html(result: Score, names: tuple[str, str] | None = None) -> str:
    """The score as one self-contained HTML page, each paragraph's word diff inline."""
    from html import escape

    from drafting.render.reports.markup import hunks
    from drafting.render.reports.page import BASE_CSS, page

    draft, adopted = _names(result, names)
    rows = []
    for r, change in zip(result.rows, result.comparison.changes):
        close = f"{r.closeness:.2f}" if r.status == "matched" else ""
        status = escape(r.kind.value if r.status == "matched" else r.status)
        rows.append(f'<tr class="{r.status}"><td>{_addr(r.adopted)}</td><td>{_addr(r.draft)}</td>'
                    f'<td class="n">{close}</td><td>{status}</td><td>{hunks(change.hunks, empty="")}</td></tr>')
    findings = "".join(
        f"<li><b>{escape(str(f.paragraph or '-'))}</b> {escape(f.severity.value)}: {escape(f.message)} "
        f"<code>{escape(f.rule)}</code> — fix: {escape(f.fix)}</li>" for f in result.findings)
    title = f"{draft} scored against {adopted}"
    progress = f"<p>{escape(_progress_line(result))}</p>\n" if result.progress is not None else ""
    body = (f"<h1>{escape(title)}</h1>\n"
            f'<p class="big">closeness <b id="closeness">{result.closeness:.2f}</b></p>\n{progress}'
            f'<p>matched <b id="matched">{result.count("matched")}</b>, missed <b id="missed">'
            f'{result.count("missed")}</b>, added <b id="added">{result.count("added")}</b> (of '
            f"{result.adopted_total} adopted paragraphs and sub-paragraphs).\n<del>struck</del>: in the "
            "adopted text, not in the draft; <ins>green</ins>: in the draft only.</p>\n"
            "<table><tr><th>adopted</th><th>draft</th><th>closeness</th><th>status</th><th>words</th></tr>\n"
            + "\n".join(rows) + f"\n</table>\n<h2>Lint findings ({len(result.findings)})</h2>\n"
            f"<ul>{findings}</ul>\n")
    return page(title, BASE_CSS + _SCORE_CSS, body)


# ---------------------------------------------------------------------------- phrases

@dataclass(frozen=True)
class Phrase:
    """A lead phrase as the library uses it: how often, and one real example."""

    part: Part
    phrase: str
    count: int
    example: str  # "S/RES/350 (1974) PP1"
    text: str  # the example paragraph


def phrases(library: str | os.PathLike[str] = "precedents") -> list[Phrase]:
    """Every preambular lead and operative verb in the library, most used first."""
    from drafting.store import load, resolution_files

    files = resolution_files([Path(library)])
    if not files:
        raise DraftingError(f"{library}: no resolution files found (expected <series>/<year>.yaml)")
    tally: dict[tuple[Part, str], int] = Counter()
    first: dict[tuple[Part, str], tuple[str, str]] = {}
    for path in files:
        r = load(path)
        for address, p in r.top():
            lead, _ = lead_of(p, address.part)
            if not lead:
                continue
            key = (address.part, lead)
            tally[key] += 1
            first.setdefault(key, (f"{r.label} {address}", p.text))
    ordered = sorted(tally, key=lambda k: (k[0] is Part.OPERATIVE, -tally[k], k[1]))
    return [Phrase(k[0], k[1], tally[k], *first[k]) for k in ordered]


def phrases_terminal(rows: Iterable[Phrase], width: int = 100) -> str:
    """Two tables, preambular leads then operative verbs: count, phrase, example."""
    rows = list(rows)
    out = []
    for part, title in ((Part.PREAMBLE, "Preambular leads"), (Part.OPERATIVE, "Operative verbs")):
        mine = [r for r in rows if r.part is part]
        out.append(f"{title} ({counted(sum(r.count for r in mine), 'paragraph')}, {counted(len(mine), 'phrase')})")
        pw = max((len(r.phrase) for r in mine), default=10)
        for r in mine:
            head = f"{r.count:>5}  {r.phrase:<{pw}}  {r.example}: "
            room = max(20, width - len(head))
            text = " ".join(r.text.split())
            out.append(head + (text if len(text) <= room else text[:room - 1] + "…"))
        out.append("")
    return "\n".join(out)


def phrases_json(rows: Iterable[Phrase]) -> str:
    import json

    return json.dumps({"phrases": [{"part": r.part.value, "phrase": r.phrase, "count": r.count,
                                    "example": r.example, "text": r.text} for r in rows]},
                      ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------------------- exercise

@dataclass(frozen=True)
class Key:
    """The answer to an exercise: a resolution and where it comes from."""

    resolution: Resolution
    source: str  # "adopted" or "proposal"
    notes: tuple[str, ...] = ()  # paragraphs the proposal flags for a human


def answer_key(precedent_path: str | os.PathLike[str], facts: Mapping[str, Any]) -> Key:
    """The text really adopted next (same series folder, next file), else the proposal."""
    from drafting.store import load, series_files

    path = Path(precedent_path)
    files = series_files(path.parent)
    resolved = [f.resolve() for f in files]
    here = path.resolve()
    if here in resolved and resolved.index(here) + 1 < len(files):
        return Key(load(files[resolved.index(here) + 1]), "adopted")
    from drafting.proposal.engine import propose

    proposal = propose(load(path), facts)
    notes = tuple(f"{f.paragraph or '-'} ({f.kind.value}): {f.message}" for f in proposal.flags)
    return Key(proposal.draft, "proposal", notes)


def exercise(precedent_path: str | os.PathLike[str], facts_path: str | os.PathLike[str],
             worksheet: str | os.PathLike[str], key: str | os.PathLike[str] | None = None) -> Key | None:
    """Write the worksheet (and the answer key when ``key`` is given); return the key used."""
    from drafting.store import load, load_facts
    from drafting.training.worksheet import write_key, write_worksheet

    precedent = load(precedent_path)
    facts = load_facts(facts_path)
    if precedent.facts and facts and not set(facts) & set(precedent.facts):
        raise FactsError(
            f"{facts_path}: expected this year's facts for {precedent.label} (keys such as "
            f"{', '.join(sorted(precedent.facts)[:3])}), found none of its keys "
            f"({', '.join(sorted(facts)[:3])}, ...); is it the facts file of another series?")
    write_worksheet(precedent, facts, worksheet)
    if key is None:
        return None
    answer = answer_key(precedent_path, facts)
    write_key(precedent, answer, key)
    return answer
