"""Word-level diff of aligned paragraphs, and the classification of each change.

A paragraph pair is diffed on words, never characters: each token (a word, a document symbol such
as "A/68/649", a run of spaces, a punctuation mark) is mapped to one character, in the manner of
diff-match-patch's lines-to-chars trick, so ``diff_main`` and ``diff_cleanupSemantic`` work on
whole tokens and no hunk boundary can fall inside a word ("Chin→Angol" cannot happen). The
timeout is switched off explicitly: inputs are single paragraphs (about a millisecond each) and a
timeout would make the result depend on machine load.

Each run of deleted/inserted text is classified ``year``, ``session``, ``symbol``, ``date``,
``number``, ``list`` or ``wording`` (see :func:`classify`); a change is routine when no hunk is
``wording``.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable, Sequence

from diff_match_patch import diff_match_patch

from drafting.comparison.align import AlignConfig, Match, MatchKind, align, flatten
from drafting.comparison.classes import Context, Vocabulary, classify, classify_tokens
from drafting.comparison.fields import footnote_changes, metadata_changes, numbering_changes, section_changes
from drafting.comparison.tokens import shared_ends, tokenize
from drafting.comparison.variants import typography_keys
from drafting.model import Change, ChangeKind, Comparison, Hunk, HunkClass, HunkOp, Resolution

__all__ = ["Vocabulary", "classify", "diff", "diff_files", "engines", "series_pairs", "tokenize",
           "use_engine", "word_diff"]

# ---------------------------------------------------------------------------- tokens

def _encode(keys: Sequence[str]) -> list[str]:
    """One character per distinct key, in order of first appearance, for each key."""
    distinct = dict.fromkeys(keys)
    # clear of ASCII, whose line breaks the cleanup scores; surrogates are not characters
    codes: Iterable[int] = range(0x100, 0x100 + len(distinct))
    if 0x100 + len(distinct) > 0xD800:
        codes = [code + 0x800 if code >= 0xD800 else code for code in codes]
    if len(distinct) == len(keys):  # each key once (typography merged no tokens): codes in order
        return list(map(chr, codes))
    char_of = dict(zip(distinct, map(chr, codes)))
    return list(map(char_of.__getitem__, keys))



_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # no deadline: exact, deterministic (inputs are single paragraphs)
try:  # the C++ port of the same algorithm: same hunks, about ten times faster on long paragraphs
    import fast_diff_match_patch as _FAST  # type: ignore[import-not-found, unused-ignore]
except ImportError:  # pragma: no cover - depends on the platform's wheels
    _FAST = None
_FAST_OPS = {"=": 0, "-": -1, "+": 1}
_ENGINE = "fast" if _FAST is not None else "python"
_OPS = {0: HunkOp.EQUAL, -1: HunkOp.DELETE, 1: HunkOp.INSERT}


# A run of the raw diff: its op, its text, whether it is a typographic delete/insert pair, the
# tokens of a changed run (empty for equal and typographic runs, which need none), and where it
# stands in the new text's tokens.
Run = tuple[HunkOp, str, bool, list[str], int]


def _raw_diff(a: str, b: str) -> tuple[list[Run], list[str]]:
    """Token-level diff, cleaned semantically, as runs (see ``Run``), and the new text's tokens.

    Tokens are compared under :func:`typography_key`, so a curly apostrophe or a double space
    never breaks a run of equal words; where the equal tokens differ in typography, the run is
    given as a delete and an insert marked typographic (True)."""
    if a == b:
        return ([(HunkOp.EQUAL, a, False, [], 0)] if a else []), tokenize(b)
    # the text both share at either end is tokenized and coded once (most of an amended paragraph)
    head, tail_a, tail_b = shared_ends(a, b)
    shared_head, shared_tail = tokenize(a[:head]), tokenize(a[tail_a:])
    middle_a, middle_b = tokenize(a[head:tail_a]), tokenize(b[head:tail_b])
    tokens_a = shared_head + middle_a + shared_tail
    tokens_b = shared_head + middle_b + shared_tail
    # one character per distinct token, by its typography key, in order of first appearance
    # (the codes must not depend on hashing: the semantic cleanup looks at the characters)
    unique = list(dict.fromkeys(tokens_a + tokens_b))
    char_of = dict(zip(unique, _encode(typography_keys(unique))))
    code = char_of.__getitem__
    chars_head, chars_tail = "".join(map(code, shared_head)), "".join(map(code, shared_tail))
    chars_a = chars_head + "".join(map(code, middle_a)) + chars_tail
    chars_b = chars_head + "".join(map(code, middle_b)) + chars_tail
    forward = _cleaned(chars_a, chars_b)
    # Equally short edits can be placed differently: "2012 and 67/135 ..." -> "2012, 67/135 ...
    # and 68/128 ..." is one insertion plus two replacements, or "and" -> "," plus one insertion.
    # Diffing the reversed texts finds the other placement; fewer change runs read better.
    diffs = forward
    if _runs(forward) > 1:  # one run cannot be beaten: spare the second diff
        backward = [(op, chars[::-1]) for op, chars in reversed(_cleaned(chars_a[::-1], chars_b[::-1]))]
        if _runs(backward) < _runs(forward):
            diffs = backward
    diffs = _slide(diffs, lambda: dict(zip(char_of.values(), char_of.keys())))
    out: list[Run] = []
    i = j = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 0:
            out += _equal_run(tokens_a[i:i + n], tokens_b[j:j + n], j)
            i, j = i + n, j + n
        elif op < 0:
            out.append((HunkOp.DELETE, "".join(tokens_a[i:i + n]), False, tokens_a[i:i + n], j))
            i += n
        else:
            out.append((HunkOp.INSERT, "".join(tokens_b[j:j + n]), False, tokens_b[j:j + n], j))
            j += n
    return [run for run in out if run[1]], tokens_b


_PAIRS = (("(", ")"), ("[", "]"), ("“", "”"))


def _fit(run: str, token_of: dict[str, str]) -> int:
    """How well a lone inserted or deleted run sits on word boundaries: it opens with the space
    before a word and closes on a word, and its brackets pair up ("(1990) and 3 (1991" does not)."""
    tokens = [token_of[c] for c in run]
    text = "".join(tokens)
    balanced = all(text.count(a) == text.count(b) for a, b in _PAIRS)
    return 2 * balanced + tokens[0].isspace() + (not tokens[-1].isspace())


def _slide(diffs: list[tuple[int, str]], tokens: Callable[[], dict[str, str]]) -> list[tuple[int, str]]:
    """Move each lone insertion or deletion along the equal text around it to where it reads as
    whole words: "(1990{+) and 3 (1991+})," becomes "(1990){+ and 3 (1991)+},". Same texts rebuilt.
    ``tokens()``: the token of each character, asked for only when a run has places to choose from."""
    out = list(diffs)
    token_of: dict[str, str] = {}
    moved = False
    for k in range(1, len(out) - 1):
        (op0, before), (op, run), (op2, after) = out[k - 1], out[k], out[k + 1]
        if op == 0 or op0 != 0 or op2 != 0:
            continue
        choices = [(before, run, after)]
        while before and before[-1] == run[-1]:  # slide left
            before, run, after = before[:-1], before[-1] + run[:-1], run[-1] + after
            choices.append((before, run, after))
        before, run, after = choices[0]
        while after and run[0] == after[0]:  # slide right
            before, run, after = before + run[0], run[1:] + after[0], after[1:]
            choices.append((before, run, after))
        if len(choices) == 1:
            continue
        token_of = token_of or tokens()
        pick = max(choices, key=lambda c: _fit(c[1], token_of))  # the first of the best: no move on a tie
        out[k - 1], out[k], out[k + 1] = (0, pick[0]), (op, pick[1]), (0, pick[2])
        moved = True
    return [(op, chars) for op, chars in out if chars or op != 0] if moved else out


def _equal_run(old: Sequence[str], new: Sequence[str], at: int) -> list[Run]:
    """Tokens equal under the typography key (the new ones from ``at`` in the new text): equal
    runs, and typographic delete/insert pairs."""
    if old == new:  # the common case: the same characters too
        return [(HunkOp.EQUAL, "".join(old), False, [], at)] if old else []
    out: list[Run] = []
    k = 0
    while k < len(old):
        end = k
        same = old[k] == new[k]
        while end < len(old) and (old[end] == new[end]) is same:
            end += 1
        if same:
            out.append((HunkOp.EQUAL, "".join(old[k:end]), False, [], at + k))
        else:
            out += [(HunkOp.DELETE, "".join(old[k:end]), True, [], at + k),
                    (HunkOp.INSERT, "".join(new[k:end]), True, [], at + k)]
        k = end
    return out


def _cleaned(chars_a: str, chars_b: str) -> list[tuple[int, str]]:
    """diff_main then diff_cleanupSemantic, on the C++ engine where it is installed."""
    if _ENGINE == "fast" and _FAST is not None:
        return [(_FAST_OPS[op], text) for op, text in _FAST.diff(
            chars_a, chars_b, timelimit=0, checklines=False, cleanup="Semantic", counts_only=False)]
    diffs: list[tuple[int, str]] = _DMP.diff_main(chars_a, chars_b, False)
    _DMP.diff_cleanupSemantic(diffs)
    return diffs


def engines() -> tuple[str, ...]:
    """The word-diff engines that can run here: "fast" (C++) when installed, and "python"."""
    return ("fast", "python") if _FAST is not None else ("python",)


def use_engine(name: str) -> str:
    """Make ``name`` ("fast" or "python") the word-diff engine; returns the one it replaces.
    Both give the same hunks (a test checks it); "fast" is the default where installed."""
    global _ENGINE
    if name not in engines():
        raise ValueError(f"expected one of {', '.join(engines())}, found {name!r}")
    previous, _ENGINE = _ENGINE, name
    return previous


def _runs(diffs: list[tuple[int, str]]) -> int:
    """How many separate changed runs a diff has (a delete next to an insert is one run)."""
    runs, inside = 0, False
    for op, _ in diffs:
        if op and not inside:
            runs += 1
        inside = bool(op)
    return runs


def word_diff(a: str, b: str, vocabulary: Vocabulary | None = None) -> list[Hunk]:
    """Classified hunks taking ``a`` to ``b``; each changed run is one delete then one insert.

    ``vocabulary``: the words of the whole texts ``a`` and ``b`` come from (default: their own)."""
    if a == b:  # most paragraphs of a new year's text
        return [Hunk(HunkOp.EQUAL, a, None)] if a else []
    raw, new_tokens_all = _raw_diff(a, b)
    if vocabulary is None:
        vocabulary = Vocabulary.of_texts(a, b)
    hunks: list[Hunk] = []
    k = 0
    while k < len(raw):
        op, text, typographic, _, at = raw[k]
        if op is HunkOp.EQUAL or typographic:
            hunks.append(Hunk(op, text, HunkClass.TYPOGRAPHY if typographic else None))
            k += 1
            continue
        end = k
        while end < len(raw) and raw[end][0] is not HunkOp.EQUAL and not raw[end][2]:
            end += 1
        for old_part, new_part in _peel_marks(*_sides(raw[k:end])):
            if not (old_part or new_part):
                continue
            # the context is the new text either side of the part, read from its tokens
            context = Context(new_tokens_all, at, at + len(new_part))
            deleted, inserted = "".join(old_part), "".join(new_part)
            cls = classify_tokens(deleted, inserted, old_part, new_part, context, vocabulary)
            if old_part:
                hunks.append(Hunk(HunkOp.DELETE, deleted, cls))
            if new_part:
                hunks.append(Hunk(HunkOp.INSERT, inserted, cls))
            at += len(new_part)
        k = end
    return hunks


def _sides(runs: Sequence[Run]) -> tuple[list[str], list[str]]:
    """The deleted and the inserted tokens of a changed run (a delete, an insert, or both: the
    engines merge neighbouring edits). Its tokens are those of its text: it starts and ends
    between tokens."""
    old: list[str] = []
    new: list[str] = []
    for run in runs:
        if run[0] is HunkOp.DELETE:
            old = old + run[3] if old else run[3]
        else:
            new = new + run[3] if new else run[3]
    return old, new


def _peel_marks(old_tokens: list[str], new_tokens: list[str]) -> tuple[tuple[list[str], list[str]],
                                                                        tuple[list[str], list[str]]]:
    """Split a run's closing punctuation from its words when both sides end in a different mark:
    "July 1986:" -> "January 1987;" is a date change then a punctuation change, not one blur."""
    n = 0
    while (n < min(len(old_tokens), len(new_tokens)) - 1
           and not old_tokens[-1 - n][:1].isalnum() and not old_tokens[-1 - n].isspace()
           and not new_tokens[-1 - n][:1].isalnum() and not new_tokens[-1 - n].isspace()):
        n += 1
    if not n:
        return (old_tokens, new_tokens), ([], [])
    return (old_tokens[:-n], new_tokens[:-n]), (old_tokens[-n:], new_tokens[-n:])


# ---------------------------------------------------------------------------- comparisons

_KINDS = {MatchKind.MOVED: ChangeKind.MOVED, MatchKind.SPLIT: ChangeKind.SPLIT,
          MatchKind.MERGED: ChangeKind.MERGED}


def _texts(resolution: Resolution) -> Callable[[], list[str]]:
    return lambda: [paragraph.text for _, paragraph in resolution.walk()]


def change_of(match: Match, vocabulary: Vocabulary | None = None) -> Change:
    """The Change for one alignment match (its own text only; sub-paragraphs have their own)."""
    old = tuple([u.address for u in match.old])  # lists, not generators: most hold one paragraph
    new = tuple([u.address for u in match.new])
    old_text = "\n".join([u.text for u in match.old])
    new_text = "\n".join([u.text for u in match.new])
    sim = match.similarity / 100.0
    if match.kind is MatchKind.ADDED:
        return Change(ChangeKind.ADDED, old, new, (Hunk(HunkOp.INSERT, new_text, HunkClass.WORDING),), sim)
    if match.kind is MatchKind.DELETED:
        return Change(ChangeKind.DELETED, old, new, (Hunk(HunkOp.DELETE, old_text, HunkClass.WORDING),), sim)
    if match.kind in _KINDS:
        kind = _KINDS[match.kind]
    else:
        kind = ChangeKind.UNCHANGED if old_text == new_text else ChangeKind.AMENDED
    return Change(kind, old, new, tuple(word_diff(old_text, new_text, vocabulary)), sim)


def diff(old: Resolution, new: Resolution, config: AlignConfig | None = None) -> Comparison:
    """Align two versions and diff every pair: one Change per paragraph or group, in new order.

    Every paragraph and sub-paragraph of both versions appears in exactly one change; deleted
    ones stand at their old place. ``Comparison.fields`` holds the title, heading, adoption-line
    and footnote changes; ``Comparison.config`` records the thresholds used.
    """
    config = config or AlignConfig()
    vocabulary = Vocabulary(_texts(old), _texts(new))
    changes = tuple(change_of(m, vocabulary) for m in flatten(align(old, new, config)))

    def differ(a: str, b: str) -> list[Hunk]:
        return word_diff(a, b, vocabulary)

    fields = metadata_changes(old, new, differ) + section_changes(old, new, changes, differ) \
        + footnote_changes(old, new, changes, differ) + numbering_changes(old, new, changes, differ)
    return Comparison(old, new, changes, dict(vars(config)), tuple(fields))  # asdict, without deep copies


def diff_files(old: str | os.PathLike[str], new: str | os.PathLike[str],
               config: AlignConfig | None = None) -> Comparison:
    """Load two resolution files and diff them."""
    from drafting.store import load

    return diff(load(old), load(new), config)


def series_pairs(folder: str | os.PathLike[str]) -> list[tuple[Path, Path]]:
    """Each file of a series folder with the one after it (``store.series_files`` order)."""
    from drafting.store import series_files

    files = series_files(folder, at_least=2)
    return list(zip(files, files[1:]))
