"""Proposals from a comparison: the changes that took one text to the next, as proposals.

Used to build real test material (year N as the base, the changes to year N+1 shared among
delegations) and to turn a delegation's revised text into its proposals. Amended paragraphs give
word-level replace/insert/delete proposals quoting the base words; added, deleted and moved
paragraphs give paragraph proposals; a split or merged paragraph is deleted and its new
paragraphs added. Accepting every derived proposal rebuilds the new text exactly.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence

from drafting.comparison.matching import longest_increasing
from drafting.comparison.diff import diff, tokenize
from drafting.compilation.load import id_stem
from drafting.compilation.proposals import Action, Place, Proposal, Side
from drafting.model import (
    Address,
    ChangeKind,
    Comparison,
    HunkOp,
    Paragraph,
    Part,
    Resolution,
)

_ONE_TO_ONE = (ChangeKind.UNCHANGED, ChangeKind.AMENDED, ChangeKind.MOVED)


def _starts(text: str, words: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(words, i)]


def _occurrence(text: str, words: str, at: int) -> int | None:
    starts = _starts(text, words)
    return None if len(starts) == 1 else starts.index(at) + 1


def _anchor(text: str, lo: int, hi: int, after: bool) -> tuple[str, int]:
    """The shortest run of whole tokens inside text[lo:hi] touching ``hi`` (after) or ``lo``
    (before) that is unique in ``text``, else the whole run; returns (words, start)."""
    tokens = tokenize(text[lo:hi])
    order = range(len(tokens) - 1, -1, -1) if after else range(1, len(tokens) + 1)
    for k in order:
        words = "".join(tokens[k:]) if after else "".join(tokens[:k])
        if words.strip() and len(_starts(text, words)) == 1:
            return words, (hi - len(words) if after else lo)
    return text[lo:hi], lo


def word_proposals(text: str, hunks: Sequence[tuple[HunkOp, str]]) -> list[dict[str, object]]:
    """Replace/insert/delete proposals (as fields) taking ``text`` through ``hunks``."""
    runs, at, k = [], 0, 0
    while k < len(hunks):  # (start, end, inserted) for each changed run, in old-text positions
        if hunks[k][0] is HunkOp.EQUAL:
            at += len(hunks[k][1])
            k += 1
            continue
        start, new = at, ""
        while k < len(hunks) and hunks[k][0] is not HunkOp.EQUAL:
            if hunks[k][0] is HunkOp.DELETE:
                at += len(hunks[k][1])
            else:
                new += hunks[k][1]
            k += 1
        runs.append((start, at, new))
    out: list[dict[str, object]] = []
    for n, (start, end, new) in enumerate(runs):
        if start < end:
            words = text[start:end]
            fields: dict[str, object] = {"action": Action.REPLACE if new else Action.DELETE, "words": words,
                                         "occurrence": _occurrence(text, words, start)}
            if new:
                fields["new"] = new
        else:
            lo = runs[n - 1][1] if n else 0
            hi = runs[n + 1][0] if n + 1 < len(runs) else len(text)
            after = start > lo
            words, at_ = _anchor(text, lo, start, True) if after else _anchor(text, start, hi, False)
            fields = {"action": Action.INSERT, "words": words, "occurrence": _occurrence(text, words, at_),
                      "new": new, "side": Side.AFTER if after else Side.BEFORE}
        out.append(fields)
    return out


def _under_any(address: Address, tops: set[Address]) -> bool:
    parent = address.parent
    while parent is not None:
        if parent in tops:
            return True
        parent = parent.parent
    return False


def _increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of ``values`` (patience sorting)."""
    return {i for i, _ in longest_increasing(list(enumerate(values)))}


class _Deriver:
    def __init__(self, comparison: Comparison, warnings: list[str] | None = None):
        self.warnings = warnings if warnings is not None else []
        self.old, self.new = comparison.old, comparison.new
        changes = comparison.changes
        groups = [c for c in changes if c.kind in (ChangeKind.SPLIT, ChangeKind.MERGED)]
        self.group_old = {a for c in groups for a in c.old}
        self.group_new = {a for c in groups for a in c.new}
        self.mapped: dict[Address, Address] = {}  # new address -> base address
        self.added: set[Address] = set(self.group_new)
        self.found: list[tuple[str, dict[str, object]]] = []  # (unit key, fields)
        for c in changes:
            if _under_any(c.old[0] if c.old else c.new[0], self.group_old if c.old else self.group_new):
                continue
            if c.kind in _ONE_TO_ONE and len(c.old) == len(c.new) == 1:
                self.mapped[c.new[0]] = c.old[0]
                self._unproposable(c.old[0], c.new[0])
                before, after = self.old.get(c.old[0]), self.new.get(c.new[0])
                if (before.note, before.note_at) != (after.note, after.note_at):
                    # ``words``: where the notes' markers stand (the paragraph's ``note_at``, one a line)
                    self.found.append((str(c.old[0]), {"paragraph": str(c.old[0]), "action": Action.NOTE,
                                                       "new": after.note,
                                                       "words": "\n".join(after.note_at) or None}))
                if c.old_text != c.new_text:
                    hunks = [(h.op, h.text) for h in c.hunks]
                    for fields in word_proposals(c.old_text, hunks):
                        self.found.append((str(c.old[0]), {"paragraph": str(c.old[0]), **fields}))
            elif c.kind is ChangeKind.ADDED and not _under_any(c.new[0], self.added):
                self.added.add(c.new[0])
        self.adds = 0

    def _unproposable(self, old: Address, new: Address) -> None:
        """A changed lead override or stable id is no proposal on the text: say it is left out."""
        a, b = self.old.get(old), self.new.get(new)
        for key in ("lead", "id"):
            if getattr(a, key) != getattr(b, key):
                self.warnings.append(f"{old}: the {key} changed ({getattr(a, key)!r} -> {getattr(b, key)!r}); "
                                     f"that is no proposal on the text and was left out")

    def deletions(self) -> None:
        kept = set(self.mapped.values())
        for address, _ in self.old.walk():
            if address in kept or _under_any(address, self.group_old):
                continue
            parent = address.parent
            if parent is None or parent in kept:
                self.found.append((str(address), {"paragraph": str(address), "action": Action.DELETE_PARAGRAPH}))

    def container(self, addresses: list[Address], base_parent: Address | Part) -> None:
        entries = [a for a in addresses if a in self.mapped or a in self.added]

        def home(a: Address) -> int | None:
            b = self.mapped.get(a)
            if b is None:
                return None
            same = b.parent == base_parent if isinstance(base_parent, Address) else (
                b.parent is None and b.part is base_parent)
            return (b.sub[-1] if b.sub else b.number) if same else None

        fixed_pos = [i for i, a in enumerate(entries) if home(a) is not None]
        order = _increasing([home(entries[i]) or 0 for i in fixed_pos])
        fixed = {entries[fixed_pos[k]] for k in order}
        prev: str | None = None
        block: list[Paragraph] = []
        first = base_parent.value if isinstance(base_parent, Part) else str(base_parent)
        for a in [*entries, None]:
            if a is not None and a in self.added:
                block.append(self.new.get(a))
                continue
            if block:
                prev = self._add(block, prev, first)
                block = []
            if a is None:
                break
            if a not in fixed:
                place = Place(Side.AFTER, prev) if prev else Place(Side.FIRST_IN, first)
                b = str(self.mapped[a])
                self.found.append((b, {"paragraph": b, "action": Action.MOVE, "place": place}))
            prev = str(self.mapped[a])

    def _add(self, block: list[Paragraph], prev: str | None, first: str) -> str:
        self.adds += 1
        key = f"+{self.adds}"
        place = Place(Side.AFTER, prev) if prev else Place(Side.FIRST_IN, first)
        self.found.append((key, {"action": Action.ADD, "place": place, "paragraphs": tuple(block)}))
        return key

    def walk(self) -> None:
        for part, paragraphs in ((Part.PREAMBLE, self.new.preamble), (Part.OPERATIVE, self.new.operative)):
            self.container([Address(part, n) for n in range(1, len(paragraphs) + 1)], part)
        for address, paragraph in self.new.walk():
            if address in self.mapped and paragraph.items:
                kids = [address.child(n) for n in range(1, len(paragraph.items) + 1)]
                self.container(kids, self.mapped[address])


def derive(old: Resolution, new: Resolution, delegations: Sequence[str],
           warnings: list[str] | None = None) -> list[Proposal]:
    """The proposals that take ``old`` to ``new``, shared among ``delegations`` paragraph by
    paragraph (every proposal on one paragraph goes to one delegation), numbered per delegation.
    What no proposal can carry (a changed lead override or id) is added to ``warnings``."""
    d = _Deriver(diff(old, new), warnings)
    d.deletions()
    d.walk()
    return number(d.found, delegations)


def number(found: Iterable[tuple[str, dict[str, object]]], delegations: Sequence[str]) -> list[Proposal]:
    """Give each unit a delegation in turn and each proposal an id; ADD anchors on "+k" become ids."""
    units: dict[str, str] = {}
    counts: dict[str, int] = {}
    ids: dict[str, str] = {}
    staged = []
    for key, fields in found:
        who = units.setdefault(key, delegations[len(units) % len(delegations)])
        counts[who] = counts.get(who, 0) + 1
        pid = f"{id_stem(who)}-{counts[who]}"
        if key.startswith("+"):
            ids[key] = pid
        staged.append((pid, who, fields))
    out = []
    for pid, who, fields in staged:
        place = fields.get("place")
        if isinstance(place, Place) and place.anchor in ids:
            fields = {**fields, "place": Place(place.side, ids[place.anchor])}
        out.append(Proposal(id=pid, by=(who,), **fields))  # type: ignore[arg-type]
    return out
