"""UN-style amendments: typed operations, how a word edit applies, and the plan from a diff.

An amendment list says how to turn a base text (the draft) into another, in the words the UN
uses: "In operative paragraph 5, replace the words “X” with the words “Y”", "After operative
paragraph 5, insert a new paragraph reading: ...", "Delete operative paragraph 7", "Move the
fourth preambular paragraph to follow operative paragraph 2". Every address refers to the base
text's numbering, however many amendments come before; quoted words must occur once in the
paragraph as it stands when the amendment applies (amendments apply in their order).

:func:`amendments` plans the list from a :class:`~drafting.model.Comparison`; each word edit is
checked against :func:`apply_edit` while it is planned, so applying the plan gives the new text
exactly. :mod:`.amend` reads such a list (also one typed by a person) and applies it;
:mod:`.amendments_text` writes it as text.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import Enum
from typing import Any, Union

from difflib import SequenceMatcher

from drafting.comparison.diff import tokenize
from drafting.errors import DraftingError
from drafting.model import (Address, Change, ChangeKind, Comparison, Hunk, HunkOp, Paragraph, Part,
                            Resolution)

# ---------------------------------------------------------------------------- operations


class Place(str, Enum):
    """Where new words or paragraphs go, relative to an anchor."""

    AFTER = "after"
    BEFORE = "before"
    START = "start"  # at the beginning of the paragraph (words) or of the list (paragraphs)
    END = "end"


class WordAction(str, Enum):
    REPLACE = "replace"
    DELETE = "delete"
    INSERT = "insert"


@dataclass(frozen=True)
class WordEdit:
    """One edit inside a paragraph's text.

    REPLACE: ``words`` become ``new``; DELETE: ``words`` go; INSERT: ``new`` goes ``place``
    (AFTER/BEFORE) the words ``words``, or at the START/END of the paragraph (``words`` empty).
    """

    action: WordAction
    words: str = ""
    new: str = ""
    place: Place | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"action": self.action.value}
        if self.words:
            out["words"] = self.words
        if self.action is not WordAction.DELETE:
            out["new"] = self.new
        if self.place is not None:
            out["place"] = self.place.value
        return out


@dataclass(frozen=True)
class Anchor:
    """Where paragraphs are put.

    AFTER/BEFORE the base paragraph ``address``, or AFTER what amendment ``amendment`` placed;
    START/END of the list of sub-paragraphs of ``address``, or of ``part`` when ``address`` is None.
    """

    place: Place
    address: Address | None = None
    amendment: int | None = None
    part: Part = Part.OPERATIVE

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"place": self.place.value}
        if self.address is not None:
            out["paragraph"] = str(self.address)
        if self.amendment is not None:
            out["amendment"] = self.amendment
        if self.address is None and self.amendment is None:
            out["part"] = self.part.name.lower()
        return out


@dataclass(frozen=True)
class AmendWords:
    """"In operative paragraph 5, replace the words ... and delete the words ..."."""

    target: Address
    edits: tuple[WordEdit, ...]


@dataclass(frozen=True)
class ReplaceText:
    """"Replace the text of operative paragraph 5 with: ..." (its sub-paragraphs stay)."""

    target: Address
    text: str


@dataclass(frozen=True)
class InsertParagraphs:
    """"After operative paragraph 5, insert the following new paragraphs: ..."."""

    anchor: Anchor
    paragraphs: tuple[Paragraph, ...]
    sub: bool = False  # sub-paragraphs (the anchor is one, or START/END of a paragraph's list)
    first: Address | None = None  # the new address of the first one, for the number printed before it


@dataclass(frozen=True)
class ReplaceParagraphs:
    """"Replace operative paragraph 17 with the following paragraphs: ..." (sub-paragraphs and all)."""

    targets: tuple[Address, ...]
    paragraphs: tuple[Paragraph, ...]
    first: Address | None = None  # the new address of the first one, for the number printed before it


@dataclass(frozen=True)
class DeleteParagraphs:
    """"Delete operative paragraphs 7 and 8" (with their sub-paragraphs)."""

    targets: tuple[Address, ...]


@dataclass(frozen=True)
class MoveParagraph:
    """"Move the fourth preambular paragraph to follow operative paragraph 2 and replace ..."."""

    target: Address
    anchor: Anchor
    edits: tuple[WordEdit, ...] = ()


Amendment = Union[AmendWords, ReplaceText, InsertParagraphs, ReplaceParagraphs, DeleteParagraphs, MoveParagraph]


def amendment_dict(amendment: Amendment) -> dict[str, Any]:
    """Plain data for JSON, in a fixed key order."""
    if isinstance(amendment, AmendWords):
        return {"action": "amend", "paragraph": str(amendment.target),
                "edits": [e.to_dict() for e in amendment.edits]}
    if isinstance(amendment, ReplaceText):
        return {"action": "replace-text", "paragraph": str(amendment.target), "text": amendment.text}
    if isinstance(amendment, InsertParagraphs):
        out: dict[str, Any] = {"action": "insert", "anchor": amendment.anchor.to_dict(), "sub": amendment.sub}
        if amendment.first is not None:
            out["first"] = str(amendment.first)
        out["paragraphs"] = [p.to_dict() for p in amendment.paragraphs]
        return out
    if isinstance(amendment, ReplaceParagraphs):
        return {"action": "replace", "paragraphs": [str(a) for a in amendment.targets],
                "new": [p.to_dict() for p in amendment.paragraphs]}
    if isinstance(amendment, DeleteParagraphs):
        return {"action": "delete", "paragraphs": [str(a) for a in amendment.targets]}
    return {"action": "move", "paragraph": str(amendment.target), "anchor": amendment.anchor.to_dict(),
            "edits": [e.to_dict() for e in amendment.edits]}


# ---------------------------------------------------------------------------- applying one word edit


class EditError(DraftingError):
    """A word edit that cannot be placed: the words are missing from the paragraph, or ambiguous."""


_MARK_FIRST = re.compile(r"^[,;:.)\]!?’”]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def _fold(text: str) -> str:
    """Typography folded, for quotes typed with other apostrophes or quotation marks."""
    return re.sub(r"\s+", " ", text.translate(_FOLD))


def _occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Where ``words`` stand in ``text`` as whole words (never inside a longer word)."""
    head = r"(?<!\w)" if words[:1].isalnum() else ""
    tail = r"(?!\w)" if words[-1:].isalnum() else ""
    return [m.span() for m in re.finditer(head + re.escape(words) + tail, text)]


def locate(text: str, words: str) -> tuple[int, int]:
    """The one place of ``words`` in ``text``; EditError when they are missing or ambiguous.

    An exact match wins; failing that, apostrophes, quotation marks and spaces are folded on both
    sides (a person types "Secretary-General's" for "Secretary-General’s").
    """
    if not words:
        raise EditError("expected some words to look for, found an empty quotation")
    spans = _occurrences(text, words)
    if not spans:
        folded, index = _folded_with_index(text)
        spans = [(index[a], index[b - 1] + 1) for a, b in _occurrences(folded, _fold(words))]
    if len(spans) == 1:
        return spans[0]
    if not spans:
        raise EditError(f"the words “{words}” are not in the paragraph")
    raise EditError(f"the words “{words}” occur {len(spans)} times in the paragraph: quote more "
                    f"words around them so that they occur once")


def _folded_with_index(text: str) -> tuple[str, list[int]]:
    """``text`` folded as :func:`_fold` does, and the original offset of each folded character."""
    out: list[str] = []
    index: list[int] = []
    for k, char in enumerate(text.translate(_FOLD)):
        if char.isspace() and out and out[-1] == " ":
            continue
        out.append(" " if char.isspace() else char)
        index.append(k)
    return "".join(out), index


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without [start, end) and one space that would be left doubled or dangling."""
    before, after = text[:start], text[end:]
    if before.endswith(" ") and (after[:1] in (" ", "") or _MARK_FIRST.match(after)):
        before = before[:-1]
    elif not before and after.startswith(" "):
        after = after[1:]
    return before + after


def _join(left: str, new: str, right: str) -> str:
    """``new`` set between ``left`` and ``right`` with the spaces words need."""
    if left and not left.endswith(" ") and not _MARK_FIRST.match(new) and new:
        new = " " + new
    if right and not right.startswith(" ") and not _MARK_FIRST.match(right) and new:
        new = new + " "
    return left + new + right


def apply_edit(text: str, edit: WordEdit) -> str:
    """``text`` with ``edit`` made; EditError when its words cannot be placed."""
    if edit.action is WordAction.INSERT:
        if edit.place is Place.START:
            return _join("", edit.new, text)
        if edit.place is Place.END:
            return _join(text, edit.new, "")
        start, end = locate(text, edit.words)
        at = end if edit.place is Place.AFTER else start
        return _join(text[:at], edit.new, text[at:])
    start, end = locate(text, edit.words)
    if edit.action is WordAction.DELETE or not edit.new:
        return _cut(text, start, end)
    return text[:start] + edit.new + text[end:]


# ---------------------------------------------------------------------------- planning word edits

_WORD = re.compile(r"\w+(?:['’\-.]\w+)*")
MAX_EDITS = 6  # beyond this many word edits, "replace the text of ..." reads better
_MAX_WIDEN = 16  # words of context tried around a run before quoting the whole paragraph


def _runs(old: str, new: str, hunks: tuple[Hunk, ...]) -> list[tuple[int, int, str]]:
    """The changed runs taking ``old`` to ``new`` as (start, end, replacement) in ``old``.

    The diff's own hunks when they rebuild both texts exactly (so the amendments say what the
    report shows); otherwise a word diff of the two texts.
    """
    if "".join(h.text for h in hunks if h.op is not HunkOp.INSERT) == old and \
            "".join(h.text for h in hunks if h.op is not HunkOp.DELETE) == new:
        pieces = [(h.op, h.text) for h in hunks]
    else:
        pieces = _token_diff(old, new)
    runs: list[tuple[int, int, str]] = []
    at = 0
    for op, text in pieces:
        if op is HunkOp.EQUAL:
            at += len(text)
            continue
        start, end = (at, at + len(text)) if op is HunkOp.DELETE else (at, at)
        if runs and runs[-1][1] == start:  # a delete next to an insert is one run
            s, _, replacement = runs[-1]
            runs[-1] = (s, end, replacement + ("" if op is HunkOp.DELETE else text))
        else:
            runs.append((start, end, "" if op is HunkOp.DELETE else text))
        at = end
    return runs


def _token_diff(old: str, new: str) -> list[tuple[HunkOp, str]]:
    """A plain diff on words, spaces and marks (difflib, no junk heuristic)."""
    a, b = tokenize(old), tokenize(new)
    out: list[tuple[HunkOp, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append((HunkOp.EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append((HunkOp.DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            out.append((HunkOp.INSERT, "".join(b[j1:j2])))
    return out


def _candidates(cur: str, left: int, right: int, run: tuple[int, int, str]) -> list[WordEdit]:
    """The edits that could make ``run`` when quoting ``cur[left:right]``, best first."""
    s, e, new = run
    quote, replacement = cur[left:right], cur[left:s] + new + cur[e:right]
    out: list[WordEdit] = []
    if s == e and new.strip():
        if left < s and right == e:
            out.append(WordEdit(WordAction.INSERT, cur[left:s].strip(), new.strip(), Place.AFTER))
        if left == s and right > e:
            out.append(WordEdit(WordAction.INSERT, cur[e:right].strip(), new.strip(), Place.BEFORE))
        if left == s and right == e:
            if not cur[:s].strip():
                out.append(WordEdit(WordAction.INSERT, "", new.strip(), Place.START))
            if not cur[e:].strip():
                out.append(WordEdit(WordAction.INSERT, "", new.strip(), Place.END))
    if quote.strip():
        if not replacement.strip():
            out.append(WordEdit(WordAction.DELETE, quote.strip()))
        else:
            out.append(WordEdit(WordAction.REPLACE, quote.strip(), replacement.strip()))
        if quote != quote.strip() or replacement != replacement.strip():
            out.append(WordEdit(WordAction.REPLACE, quote, replacement))
    return out


def _widenings(cur: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans around [s, e) growing by whole words, fewest words added first (left side first)."""
    words = [m.span() for m in _WORD.finditer(cur)]
    lefts = [s] + sorted((a for a, _ in words if a < s), reverse=True)[:_MAX_WIDEN]
    rights = [e] + sorted(b for _, b in words if b > e)[:_MAX_WIDEN]
    spans = []
    for n in range(_MAX_WIDEN + 1):
        for i in range(n, -1, -1):
            if i < len(lefts) and n - i < len(rights):
                spans.append((lefts[i], rights[n - i]))
    return spans


def _plan_run(cur: str, run: tuple[int, int, str]) -> tuple[WordEdit, str]:
    """The shortest quotation that makes ``run`` in ``cur``, and the text after it."""
    s, e, new = run
    expected = cur[:s] + new + cur[e:]
    for left, right in _widenings(cur, s, e):
        for edit in _candidates(cur, left, right, run):
            try:
                if apply_edit(cur, edit) == expected:
                    return edit, expected
            except EditError:
                continue
    if not cur:
        return WordEdit(WordAction.INSERT, "", expected, Place.START), expected
    if not expected:
        return WordEdit(WordAction.DELETE, cur), expected
    return WordEdit(WordAction.REPLACE, cur, expected), expected


def word_edits(old: str, new: str, hunks: tuple[Hunk, ...] = ()) -> tuple[WordEdit, ...]:
    """Word edits that, applied in order with :func:`apply_edit`, turn ``old`` into ``new``."""
    edits: list[WordEdit] = []
    cur, shift = old, 0
    for s, e, replacement in _runs(old, new, hunks):
        edit, cur = _plan_run(cur, (s + shift, e + shift, replacement))
        shift += len(replacement) - (e - s)
        edits.append(edit)
    if cur != new:  # cannot happen: each step is checked; kept as a guard against a silent error
        raise DraftingError("internal error: the planned word edits do not rebuild the new text")
    return tuple(edits)


# ---------------------------------------------------------------------------- planning from a diff

_PAIRED = (ChangeKind.UNCHANGED, ChangeKind.AMENDED, ChangeKind.MOVED)


def _pairs(comparison: Comparison) -> dict[Address, tuple[Address, Change]]:
    """New address -> (old address, change) for each paragraph the diff kept as one paragraph.

    A pair counts only when each side's parent is itself kept (or the paragraph is top-level):
    the paragraphs of a split, a merge, an added or a deleted paragraph go in and out whole.
    """
    candidates = [c for c in comparison.changes if c.kind in _PAIRED and len(c.old) == len(c.new) == 1]
    candidates.sort(key=lambda c: max(c.old[0].depth, c.new[0].depth))
    kept_old: set[Address] = set()
    out: dict[Address, tuple[Address, Change]] = {}
    for change in candidates:
        old, new = change.old[0], change.new[0]
        if (old.parent is None or old.parent in kept_old) and (new.parent is None or new.parent in out):
            kept_old.add(old)
            out[new] = (old, change)
    return out


def _children(resolution: Resolution, parent: Address | None, part: Part) -> list[Address]:
    if parent is None:
        return [Address(part, n) for n in range(1, len(resolution.part(part)) + 1)]
    return [parent.child(n) for n in range(1, len(resolution.get(parent).items) + 1)]


def _stable(pairs: list[tuple[int, int]]) -> set[int]:
    """The new indices of the longest chain of pairs increasing on both sides (they stay put)."""
    tails: list[int] = []
    tail_at: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        tails[pos:pos + 1] = [j]
        tail_at[pos:pos + 1] = [k]
        back[k] = tail_at[pos - 1] if pos else -1
    chain: set[int] = set()
    k = tail_at[-1] if tail_at else -1
    while k != -1:
        chain.add(pairs[k][1])
        k = back[k]
    return chain


class _Planner:
    """Walks the new text in reading order and writes the amendments that build it from the old."""

    def __init__(self, comparison: Comparison):
        self.old, self.new = comparison.old, comparison.new
        self.pairs = _pairs(comparison)
        self.kept_old = {old for old, _ in self.pairs.values()}
        self.out: list[Amendment] = []

    def run(self) -> tuple[Amendment, ...]:
        for part in Part:
            self.sequence(None, None, part)
        return tuple(self.out)

    def sequence(self, new_parent: Address | None, old_parent: Address | None, part: Part) -> None:
        """The amendments for one list of sibling paragraphs (a part, or a paragraph's items)."""
        news = _children(self.new, new_parent, part)
        olds = _children(self.old, old_parent, part)
        old_index = {a: i for i, a in enumerate(olds)}
        links = sorted((old_index[self.pairs[n][0]], j) for j, n in enumerate(news)
                       if n in self.pairs and self.pairs[n][0] in old_index)
        stable = _stable(links)
        gone = [i for i, a in enumerate(olds) if a not in self.kept_old]
        placed: int | None = None  # the amendment that placed the previous sibling, if any
        j = 0
        while j < len(news):
            address = news[j]
            if j in stable:
                old = self.pairs[address][0]
                gone = self.delete([i for i in gone if i < old_index[old]], olds, gone)
                self.amend(old, address)
                placed = None
            elif placed is None and (swap := self.replaced(news, j, stable, old_index, gone)):
                j, between = swap
                self.out.append(ReplaceParagraphs(tuple(olds[i] for i in between),
                                                  tuple(self.new.get(a) for a in news[news.index(address):j + 1]),
                                                  address))
                gone, placed = [i for i in gone if i not in between], len(self.out)
            else:
                anchor = self.anchor(news, j, stable, placed, old_parent, part)
                j, placed = self.place(news, j, anchor, new_parent is not None)
            if address in self.pairs:
                self.sequence(address, self.pairs[address][0], part)
            j += 1
        self.delete(gone, olds, gone)

    def replaced(self, news: list[Address], j: int, stable: set[int], old_index: dict[Address, int],
                 gone: list[int]) -> tuple[int, list[int]] | None:
        """When the new paragraphs from ``j`` fill a gap between kept paragraphs whose old
        paragraphs were all deleted: (last new index, old indices) for one replacement."""
        if news[j] in self.pairs or (j > 0 and j - 1 not in stable):
            return None
        end = j
        while end + 1 < len(news) and news[end + 1] not in self.pairs:
            end += 1
        if end + 1 < len(news) and end + 1 not in stable:
            return None
        lo = old_index[self.pairs[news[j - 1]][0]] if j > 0 else -1
        hi = old_index[self.pairs[news[end + 1]][0]] if end + 1 < len(news) else len(old_index)
        between = list(range(lo + 1, hi))
        if not between or any(i not in gone for i in between):
            return None
        return end, between

    def anchor(self, news: list[Address], j: int, stable: set[int], placed: int | None,
               old_parent: Address | None, part: Part) -> Anchor:
        """Where the paragraph at ``news[j]`` goes, in terms of the old text or earlier amendments."""
        if placed is not None:
            return Anchor(Place.AFTER, amendment=placed)
        if j > 0:
            return Anchor(Place.AFTER, self.pairs[news[j - 1]][0])
        after = [k for k in sorted(stable) if k > j]
        if after:
            return Anchor(Place.BEFORE, self.pairs[news[after[0]]][0])
        return Anchor(Place.START, old_parent, part=part)

    def place(self, news: list[Address], j: int, anchor: Anchor, sub: bool) -> tuple[int, int]:
        """A move, or an insertion of the run of new paragraphs from ``j``; (last index, number)."""
        if news[j] in self.pairs:
            old, change = self.pairs[news[j]]
            self.out.append(MoveParagraph(old, anchor, self.edits(old, news[j], change)))
            return j, len(self.out)
        end = j
        while end + 1 < len(news) and news[end + 1] not in self.pairs:
            end += 1
        paragraphs = tuple(self.new.get(a) for a in news[j:end + 1])
        self.out.append(InsertParagraphs(anchor, paragraphs, sub, news[j]))
        return end, len(self.out)

    def amend(self, old: Address, new: Address) -> None:
        """Word edits (or the whole text) of a paragraph that stays in place."""
        before, after = self.old.get(old).text, self.new.get(new).text
        if before == after:
            return
        edits = self.edits(old, new, self.pairs[new][1])
        if len(edits) > MAX_EDITS:
            self.out.append(ReplaceText(old, after))
        else:
            self.out.append(AmendWords(old, edits))

    def edits(self, old: Address, new: Address, change: Change) -> tuple[WordEdit, ...]:
        before, after = self.old.get(old).text, self.new.get(new).text
        edits = word_edits(before, after, change.hunks)
        if len(edits) > MAX_EDITS:
            return (WordEdit(WordAction.REPLACE, before, after) if before and after
                    else word_edits(before, after, ()))
        return edits

    def delete(self, indices: list[int], olds: list[Address], gone: list[int]) -> list[int]:
        """Delete the old siblings at ``indices`` (runs of neighbours together); the rest of ``gone``."""
        run: list[Address] = []
        for k, i in enumerate(indices):
            run.append(olds[i])
            if k + 1 == len(indices) or indices[k + 1] != i + 1:
                self.out.append(DeleteParagraphs(tuple(run)))
                run = []
        return [i for i in gone if i not in indices]


def amendments(comparison: Comparison) -> tuple[Amendment, ...]:
    """The amendments that turn ``comparison.old`` into ``comparison.new``, in the old numbering."""
    return _Planner(comparison).run()
