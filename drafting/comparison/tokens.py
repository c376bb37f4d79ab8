"""The tokens a paragraph is diffed and classified on: words, document symbols, runs of white
space and single punctuation marks, which joined give the text back.
"""
from __future__ import annotations

import re
from typing import Sequence

# The possessive forms (``++``, ``{1,5}+``, ``*+``) match what the greedy ones would: giving a
# letter or digit back can never let a "/" or a joining mark follow, so there is nothing to
# backtrack for, and not trying makes tokenizing (the bulk of a diff's regex work) a fifth faster.
_TOKEN = re.compile(
    r"\s+"
    r"|[A-Za-z]{1,5}+(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+"  # S/11302, A/RES/68/128, A/68/L.29
    r"|\d++(?:/\d+)+"  # 67/135
    r"|\w++(?:['’\-.]\w++)*+"  # words: d'Ivoire, sixty-eighth, Secretary-General’s, Add.1
    r"|[^\w\s]"  # one punctuation mark
)


def tokenize(text: str) -> list[str]:
    """Words, symbols, runs of white space and punctuation marks; joined they give ``text``."""
    return _TOKEN.findall(text)


def words_of(tokens: Sequence[str]) -> list[str]:
    """The word and symbol tokens (those opening on a letter, digit or underscore)."""
    return [t for t in tokens if t[:1].isalnum() or t[:1] == "_"]


def marks_of(tokens: Sequence[str]) -> list[str]:
    """The punctuation marks (neither words nor white space)."""
    return [t for t in tokens if not t.isspace() and not (t[:1].isalnum() or t[:1] == "_")]
