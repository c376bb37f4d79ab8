"""Word edits inside one paragraph: how each applies, and the shortest quotations that make them.

"Replace the words “X” with the words “Y”", "delete the words “X”", "insert the words “Y” after
the words “X”": quoted words must occur once in the paragraph, as whole words, when the edit
applies (apostrophes, quotation marks and spaces typed differently are forgiven). Deleting words
takes one neighbouring space with them; inserted words get the spaces they need. The planner
quotes the changed words, widened by whole words until they occur once, and checks every edit
with :func:`apply_edit`, so the edits rebuild the new text exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import Enum
from typing import Any

from drafting.comparison.diff import tokenize
from drafting.errors import DraftingError
from drafting.model import Hunk, HunkOp


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
    REPLACE with ``place`` END replaces the words that close the paragraph (its last mark).
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


# ---------------------------------------------------------------------------- applying one word edit


class EditError(DraftingError):
    """A word edit that cannot be placed: the words are missing from the paragraph, or ambiguous."""


_MARK_FIRST = re.compile(r"^[,;:.)\]!?’”]")
_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})


def fold(text: str) -> str:
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
        spans = [(index[a], index[b - 1] + 1) for a, b in _occurrences(folded, fold(words))]
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
    if edit.place is Place.END:  # "replace the comma “,” at the end with the semicolon “;”"
        if not edit.words or not text.endswith(edit.words):
            raise EditError(f"the paragraph does not end with “{edit.words}”")
        start, end = len(text) - len(edit.words), len(text)
    else:
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
    if left == s and right == e == len(cur) and _marks_only(quote) and _marks_only(new):
        out.append(WordEdit(WordAction.REPLACE, quote, new, Place.END))  # the mark closing the paragraph
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


def _marks_only(text: str) -> bool:
    return bool(text) and all(not c.isalnum() and not c.isspace() for c in text)


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
