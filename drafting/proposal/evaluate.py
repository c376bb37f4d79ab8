"""Measure propose on a real series: propose each text from the one before, compare with what was adopted.

For a pair (N, N+1) the draft D is ``propose(N, facts of N+1)``. Texts are compared as words
and punctuation marks, group by group of paragraphs as :func:`drafting.comparison.diff.diff` pairs N with
the adopted text A, and an edit is a word deleted or inserted (a replacement is both). With
|XY| the number of word edits from X to Y, the draft's correct edits are the ones on a shortest
way from N to A: c = (|NA| + |ND| - |DA|) / 2, whatever way each edit is written down. Then

- recall = c / |NA|: the share of the year-over-year edit the proposal made;
- precision = c / |ND|: the share of the proposal's edits the adopted text also made;
- routine recall = the same over the changes :mod:`drafting.comparison.diff` calls routine (dates, symbols,
  numbers, sessions, lists: what facts and the calendar can give), the rest being rewording;
- distance = |DA| against |NA|: the editing left to do after the proposal, and without it.

Beside the pooled figures, which a few pairs rewritten wholesale dominate (a force set up, then
renewed in a new form), the report breaks the edits down without redefining them: edits inside
paragraphs both texts have (``in_paragraph_edits``; whole paragraphs added or deleted are edits no
proposal from facts writes), and the proposal's wrong edits by where they fell: in paragraphs the
adopted text deleted or reworded (the fact was right, the paragraph went another way), or in
paragraphs it kept or changed only routinely (``wrong_kept``: a rule that over-reached).

The silent errors are counted apart, as words: ``wrong_written`` is the words a draft paragraph
gained that its adopted counterpart does not have (a wrong date or symbol, wherever it stands;
a right date placed elsewhere in the sentence is no wrong word, nor a run of words the adopted
text states as written in a paragraph it added that was cut from this one), and ``wrong_unflagged`` those of them in
paragraphs no warning points at.

Spaces are not words: only words and punctuation marks count.
"""
from __future__ import annotations

import json
import os
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from enum import Enum
from typing import Any, Iterable

from drafting.errors import FactsError
from drafting.model import Address, Resolution
from drafting.proposal.engine import propose
from drafting.model.grammar import counted

def _share(part: int, whole: int) -> float:
    """``part / whole``; 1.0 when there was nothing to find (no edit to make is none missed)."""
    return part / whole if whole else 1.0


@dataclass(frozen=True)
class PairScore:
    """The figures of one pair of consecutive texts."""

    precedent: str
    adopted: str
    edits: int  # word edits from the precedent to the adopted text
    proposed: int  # word edits the proposal made
    correct: int  # the proposal's edits on the way to the adopted text
    distance: int  # words: proposal -> adopted
    distance_precedent: int  # words: precedent -> adopted
    routine_edits: int = 0  # word edits inside changes the diff calls routine
    routine_correct: int = 0  # of those, made by the proposal
    in_paragraph_edits: int = 0  # word edits inside paragraphs both texts have (not added or deleted whole)
    in_paragraph_correct: int = 0  # of those, made by the proposal
    wrong_kept: int = 0  # wrong edits in paragraphs the adopted text kept or changed only routinely
    wrong_written: int = 0  # words the proposal wrote that the adopted paragraphs do not have
    wrong_unflagged: int = 0  # of those, in paragraphs no warning points at: the silent errors
    placeholders: int = 0  # facts the draft asks for in brackets (scored as last time's words)

    @property
    def recall(self) -> float:
        return _share(self.correct, self.edits)

    @property
    def precision(self) -> float:
        return _share(self.correct, self.proposed)

    @property
    def routine_recall(self) -> float:
        """Recall over the routine changes only (dates, symbols, numbers...: what facts can give)."""
        return _share(self.routine_correct, self.routine_edits)

    @property
    def in_paragraph_recall(self) -> float:
        """Recall over the edits inside kept paragraphs (whole added or deleted paragraphs left out)."""
        return _share(self.in_paragraph_correct, self.in_paragraph_edits)

    @property
    def wrong(self) -> int:
        return self.proposed - self.correct


@dataclass(frozen=True)
class Evaluation:
    series: str
    pairs: tuple[PairScore, ...]
    notes: tuple[str, ...] = ()  # pairs measured otherwise than asked, and why

    @property
    def median_recall(self) -> float:
        """The typical pair's recall: the pooled total is dominated by the few pairs rewritten
        wholesale (a force set up, then renewed), which no proposal from facts can foresee."""
        return statistics.median(p.recall for p in self.pairs) if self.pairs else 1.0

    def total(self) -> PairScore:
        """All pairs together (each word edit counts once, whatever pair it is in)."""
        return PairScore("total", "", *(sum(getattr(p, k) for p in self.pairs) for k in
                                          ("edits", "proposed", "correct", "distance", "distance_precedent",
                                           "routine_edits", "routine_correct", "in_paragraph_edits",
                                           "in_paragraph_correct", "wrong_kept", "wrong_written", "wrong_unflagged",
                                           "placeholders")))


# ---------------------------------------------------------------------------- word edits


def _tokens(text: str) -> list[str]:
    from drafting.comparison.diff import tokenize

    return tokenize(text)


def _group_words(resolution: Resolution, addresses: Iterable[Address]) -> list[str]:
    """The words and marks of some paragraphs, each ended by a pilcrow (spaces dropped)."""
    return [t for a in addresses for t in _tokens(resolution.get(a).text) + ["¶"] if not t.isspace()]


def edit_words(old: list[str], new: list[str]) -> int:
    """Words deleted plus words inserted to turn ``old`` into ``new`` (no substitutions)."""
    from rapidfuzz.distance import Indel

    return Indel.distance(old, new)


@dataclass(frozen=True)
class _Triangle:
    """Edit sizes between precedent P, adopted A and draft D of one group of paragraphs."""

    pa: int
    pd: int
    da: int
    written: int = 0  # words D has beyond P that A does not have (a wrong word, wherever it stands)

    @property
    def correct(self) -> int:
        # The draft's edits that lie on a shortest path from P to A: (|PA| + |PD| - |DA|) / 2.
        return (self.pa + self.pd - self.da) // 2


def triangles(precedent: Resolution, adopted: Resolution, draft: Resolution,
              flagged: frozenset[Address] = frozenset()) -> list[tuple[str, _Triangle]]:
    """(kind, edit sizes) for each group the diff of precedent and adopted pairs.

    The kind is ``unchanged``, ``routine`` (the diff's routine changes), ``whole`` (a paragraph
    added or deleted whole) or ``reworded`` (any other change), suffixed ``+flagged`` when a
    paragraph of the group is in ``flagged``. A paragraph the adopted text deleted has no wrong
    words written: whatever the draft says there, the Council dropped it.

    The draft has the precedent's paragraphs, so it is measured on the same groups; an added
    paragraph is an edit no proposal makes, a deleted one an edit the proposal did not make.
    """
    from drafting.comparison.diff import diff
    from drafting.model import ChangeKind

    changes = diff(precedent, adopted).changes
    # each added paragraph tokenized once, not again for every change it is weighed against
    added = [_group_words(adopted, [a]) for change in changes if not change.old for a in change.new]
    out = []
    for change in changes:
        p = _group_words(precedent, change.old)
        a = _group_words(adopted, change.new)
        d = _group_words(draft, change.old)
        if change.kind is ChangeKind.UNCHANGED:
            kind = "unchanged"
        elif not change.old or not change.new:
            kind = "whole"
        else:
            kind = "routine" if change.routine else "reworded"
        if flagged.intersection(change.old):
            kind += "+flagged"
        written = 0
        if change.new:
            unexplained = (Counter(d) - Counter(p)) - Counter(a)
            excused = _split_off(p, d, _split_words(added, p))
            written = sum((unexplained - excused).values(), 0)
        out.append((kind, _Triangle(edit_words(p, a), edit_words(p, d), edit_words(d, a), written)))
    return out


def _split_words(added: list[list[str]], precedent_words: list[str]) -> list[list[str]]:
    """The words of each paragraph the adopted text added (``added``) that was cut from the precedent's paragraph.

    When the Council splits a paragraph ("renews the mandate until X" set apart from the rest)
    and the diff pairs the paragraph with only one part, the other part is an added paragraph
    whose words are mostly the precedent paragraph's, in order: only there may a value the draft
    wrote stand in the adopted text instead.
    """
    from rapidfuzz.distance import Indel

    out = []
    for words in added:
        shared = (len(words) + len(precedent_words) - Indel.distance(words, precedent_words)) // 2
        if shared >= _SPLIT_SHARE * len(words):
            out.append(words)
    return out


# A paragraph cut from another keeps at least this share of its words from it, in order.
_SPLIT_SHARE = 2 / 3


def _split_off(precedent: list[str], draft: list[str], beside: list[list[str]]) -> Counter[str]:
    """The words of each run the draft inserted that a paragraph ``beside`` states as written."""
    from rapidfuzz.distance import Indel

    excused: Counter[str] = Counter()
    for op in Indel.opcodes(precedent, draft):
        run = draft[op.dest_start:op.dest_end]
        if op.tag == "insert" and any(_holds(words, run) for words in beside):
            excused.update(run)
    return excused


def _holds(words: list[str], run: list[str]) -> bool:
    """Whether ``run`` occurs in ``words`` as one stretch."""
    return any(words[i:i + len(run)] == run for i in range(len(words) - len(run) + 1))


# ---------------------------------------------------------------------------- series


class Mode(str, Enum):
    """Where propose's facts come from when a series is measured."""

    STORED = "stored"  # both texts' facts blocks, as filled in the library
    REALISTIC = "realistic"  # old facts read from the precedent, new ones typed by role from the next text's
    CALENDAR = "calendar"  # no facts: only the rules that need none


def facts_for(precedent: Resolution, adopted: Resolution, mode: Mode) -> tuple[Resolution, dict[str, Any]]:
    """The precedent as propose sees it, and the new facts, for a ``mode``.

    Realistic: the precedent's facts are what :func:`drafting.proposal.extract.extract` reads in it
    (a drafter's first step on an unseen series), and the new facts are the adopted text's facts of
    the vocabulary only, the keys a drafter can know by role (no free keys, nothing numbered).
    """
    if mode is Mode.CALENDAR:
        return precedent, {}
    if mode is Mode.STORED:
        return precedent, dict(adopted.facts)
    from dataclasses import replace

    from drafting.proposal.extract import extract
    from drafting.proposal.vocabulary import TERMS

    previous = precedent.facts.get("previous_resolution")
    old = extract(precedent, previous if isinstance(previous, str) else None)
    return replace(precedent, facts=old), {k: v for k, v in adopted.facts.items() if k in TERMS}


def evaluate_pair(precedent: Resolution, adopted: Resolution, *, calendar_only: bool = False,
                  mode: Mode = Mode.STORED) -> PairScore:
    """Propose ``adopted`` from ``precedent`` and the facts ``adopted`` states; score it.

    The facts are read from the adopted text itself, as an officer would know them; with
    ``calendar_only`` no facts are given, and only the rules that need none can act.
    """
    base, new = facts_for(precedent, adopted, Mode.CALENDAR if calendar_only else mode)
    proposal = propose(base, new)
    flagged = frozenset(f.paragraph for f in proposal.flags if f.paragraph is not None)
    draft, asked = _questions_apart(proposal.draft)
    groups = [(k.split("+")[0], t, k.endswith("+flagged"))
              for k, t in triangles(precedent, adopted, draft, flagged)]
    routine = [t for k, t, _ in groups if k == "routine"]
    inside = [t for k, t, _ in groups if k != "whole"]
    kept = [t for k, t, _ in groups if k in ("unchanged", "routine")]
    return PairScore(precedent.label, adopted.label,
                     edits=sum(t.pa for _, t, _ in groups), proposed=sum(t.pd for _, t, _ in groups),
                     correct=sum(t.correct for _, t, _ in groups), distance=sum(t.da for _, t, _ in groups),
                     distance_precedent=sum(t.pa for _, t, _ in groups),
                     routine_edits=sum(t.pa for t in routine), routine_correct=sum(t.correct for t in routine),
                     in_paragraph_edits=sum(t.pa for t in inside), in_paragraph_correct=sum(t.correct for t in inside),
                     wrong_kept=sum(t.pd - t.correct for t in kept), wrong_written=sum(t.written for _, t, _ in groups),
                     wrong_unflagged=sum(t.written for _, t, f in groups if not f), placeholders=asked)


def _questions_apart(draft: Resolution) -> tuple[Resolution, int]:
    """The draft with each not-known placeholder read as last time's words, and the placeholders counted.

    A placeholder asks the drafter for a fact; it proposes no words, so it is scored as the words
    it stands for and counted apart.
    """
    from drafting.proposal.placeholders import last_time, placeholders

    count = 0
    for address, paragraph in draft.walk():
        count += placeholders(paragraph.text)
        if last_time(paragraph.text) != paragraph.text:
            draft = draft.replace_paragraph(address, paragraph.with_text(last_time(paragraph.text)))
    return draft, count


def evaluate_series(folder: str | os.PathLike[str], *, calendar_only: bool = False,
                    mode: Mode = Mode.STORED) -> Evaluation:
    """Every consecutive pair of a series folder, oldest first."""
    from drafting.store import load, series_files

    files = series_files(folder, at_least=2)
    texts = [load(f) for f in files]
    pairs, notes = [], []
    for a, b in zip(texts, texts[1:]):
        try:
            pairs.append(evaluate_pair(a, b, calendar_only=calendar_only, mode=mode))
        except FactsError as refused:
            # One pair whose facts propose refuses must not hide the others' figures: it is
            # measured with the rules that need no facts, and the report says so.
            pairs.append(evaluate_pair(a, b, calendar_only=True))
            notes.append(f"{a.label} -> {b.label}: measured with the calendar rules only, because propose "
                         f"refused the facts: {refused}")
    return Evaluation(str(Path(folder)), tuple(pairs), tuple(notes))


# ---------------------------------------------------------------------------- reports


def _row(p: PairScore) -> dict[str, object]:
    return {"precedent": p.precedent, "adopted": p.adopted, "recall": round(p.recall, 4),
            "precision": round(p.precision, 4), "routine_recall": round(p.routine_recall, 4),
            "edits": p.edits, "proposed": p.proposed, "correct": p.correct,
            "routine_edits": p.routine_edits, "routine_correct": p.routine_correct,
            "in_paragraph_recall": round(p.in_paragraph_recall, 4), "in_paragraph_edits": p.in_paragraph_edits,
            "in_paragraph_correct": p.in_paragraph_correct, "wrong_kept": p.wrong_kept,
            "wrong_written": p.wrong_written, "wrong_unflagged": p.wrong_unflagged, "placeholders": p.placeholders,
            "distance": p.distance, "distance_precedent": p.distance_precedent}


def report_json(result: Evaluation) -> str:
    total = _row(result.total())
    del total["precedent"], total["adopted"]
    total["median_pair_recall"] = round(result.median_recall, 4)
    data: dict[str, object] = {"series": result.series, "pairs": [_row(p) for p in result.pairs], "total": total}
    if result.notes:
        data["notes"] = list(result.notes)
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def report_terminal(result: Evaluation) -> str:
    width = max(len(f"{p.precedent} -> {p.adopted}") for p in result.pairs)
    head = f"{'pair':<{width}}  recall  precision  routine  edits  proposed  distance  (precedent)"
    lines = [f"{result.series}: {counted(len(result.pairs), 'pair')}", head]
    for p in result.pairs:
        lines.append(f"{p.precedent + ' -> ' + p.adopted:<{width}}  {p.recall:6.2f}  {p.precision:9.2f}  "
                     f"{p.routine_recall:7.2f}  {p.edits:5d}  {p.proposed:8d}  {p.distance:8d}  ({p.distance_precedent})")
    t = result.total()
    gain = 1 - t.distance / t.distance_precedent if t.distance_precedent else 0.0
    better = sum(1 for p in result.pairs if p.distance < p.distance_precedent)
    lines.append(f"total: recall {t.recall:.2f} (median pair {result.median_recall:.2f}), precision {t.precision:.2f} ({t.correct} of {t.edits} "
                 f"edits made, {t.proposed - t.correct} wrong); routine recall {t.routine_recall:.2f} "
                 f"({t.routine_correct} of {t.routine_edits}); word distance to adopted {t.distance} "
                 f"against {t.distance_precedent} unchanged ({gain:.0%} less; closer in {better} of "
                 f"{counted(len(result.pairs), 'pair')})")
    lines.append(f"breakdown: {t.edits - t.in_paragraph_edits} of the {t.edits} edits are whole paragraphs added or "
                 f"deleted; inside kept paragraphs recall {t.in_paragraph_recall:.2f} ({t.in_paragraph_correct} of "
                 f"{t.in_paragraph_edits}); of the {t.wrong} wrong, {t.wrong - t.wrong_kept} fell in paragraphs the "
                 f"adopted text deleted or reworded, {t.wrong_kept} in paragraphs it kept or changed only routinely")
    lines.append(f"wrong words written: {t.wrong_written} (in paragraphs the adopted text kept, words it does not "
                 f"have), of which without a warning: {t.wrong_unflagged}; placeholders asking for a fact: "
                 f"{t.placeholders}")
    lines.extend(f"note: {note}" for note in result.notes)
    return "\n".join(lines) + "\n"
