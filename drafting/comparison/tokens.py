"""The tokens a paragraph is diffed and classified on: words, document symbols, runs of white
space and single punctuation marks, which joined give the text back.
"""
from __future__ import annotations

import re
from typing import Sequence

# A word: letters and digits joined by an apostrophe, a hyphen or a full stop (d'Ivoire,
# sixty-eighth, Secretary-General’s, Add.1).
WORD = r"\w++(?:['’\-.]\w++)*+"

# The possessive forms (``++``, ``{1,5}+``, ``*+``) match what the greedy ones would: giving a
# letter or digit back can never let a "/" or a joining mark follow, so there is nothing to
# backtrack for, and not trying makes tokenizing (the bulk of a diff's regex work) a fifth faster.
_TOKEN = re.compile(
    r"\s+"
    r"|[A-Za-z]{1,5}+(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+"  # S/11302, A/RES/68/128, A/68/L.29
    r"|\d++(?:/\d+)+"  # 67/135
    r"|" + WORD +
    r"|[^\w\s]"  # one punctuation mark
)


# The same tokens for ASCII text, without the Unicode look-ups (a seventh faster): white space
# there is also the four separators \x1c-\x1f, which the Unicode \s holds and the ASCII one not.
_TOKEN_ASCII = re.compile(_TOKEN.pattern.replace(r"\s+", r"[\s\x1c-\x1f]+").replace(
    r"[^\w\s]", r"[^\w\s\x1c-\x1f]"), re.ASCII)


def tokenize(text: str) -> list[str]:
    """Words, symbols, runs of white space and punctuation marks; joined they give ``text``."""
    return (_TOKEN_ASCII if text.isascii() else _TOKEN).findall(text)


def is_word(token: str) -> bool:
    """A word or symbol token: one opening on a letter, digit or underscore."""
    return token[:1].isalnum() or token[:1] == "_"


def words_of(tokens: Sequence[str]) -> list[str]:
    """The word and symbol tokens."""
    return list(filter(is_word, tokens))


def marks_of(tokens: Sequence[str]) -> list[str]:
    """The punctuation marks (neither words nor white space)."""
    return [t for t in tokens if not t.isspace() and not (t[:1].isalnum() or t[:1] == "_")]


_WHITE = re.compile(r"\s")


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix (by halving: slices compare in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _cut_after_space(text: str, start: int, end: int) -> int | None:
    """The first place in ``text[start:end]`` where a word follows white space, or None.

    No token holds both white space and anything else, so tokenizing the text cut there gives
    the same tokens as tokenizing it whole."""
    space = _WHITE.search(text, start, end)
    if space is None:
        return None
    at = space.end()
    while at < end and _WHITE.match(text, at):
        at += 1
    return at if at < end else None


def shared_ends(a: str, b: str) -> tuple[int, int, int]:
    """Cuts ``head``, ``tail_a``, ``tail_b`` with ``a[:head] == b[:head]``, ``a[tail_a:] ==
    b[tail_b:]`` and the tokens of each text those of its three pieces joined: the shared ends are
    tokenized once. The cuts stand where a word follows white space (0 and the ends when none)."""
    prefix = _common_prefix(a, b)
    head = 0
    if prefix > 1:
        last_space = max(a.rfind(" ", 0, prefix - 1), a.rfind("\n", 0, prefix - 1))
        if last_space >= 0:
            head = _cut_after_space(a, last_space, prefix) or 0
    suffix = _common_prefix(a[head:][::-1], b[head:][::-1])
    tail_a, tail_b = len(a), len(b)
    if suffix > 1:
        cut = _cut_after_space(a, len(a) - suffix, len(a))
        if cut is not None:
            tail_a, tail_b = cut, cut - len(a) + len(b)
    return head, tail_a, tail_b
