"""Placeholders: what a draft says where a fact is none this time or not known.

"[Vice-Chair for 2015: none given]" stands where a null fact's name stood; "[Number of
participants: not known; last time 54]" where a fact the facts file leaves out stood, keeping
last time's words for the drafter (and for :mod:`.evaluate`, which scores a placeholder as the
words it stands for: it asks for a fact, it proposes none).
"""
from __future__ import annotations

import re

_NOT_KNOWN = re.compile(r"\[[^\[\]]*: not known; last time ((?:[^\[\]]|\[[^\[\]]*\])*)\]")


def placeholder(words: str, old: str | None = None) -> str:
    """'[Vice-Chair for 2015: none given]' (``old`` None) or '[...: not known; last time 54]'."""
    state = "none given" if old is None else f"not known; last time {old}"
    return f"[{words[:1].upper()}{words[1:]}: {state}]"


def placeholders(text: str) -> int:
    """How many placeholders a text holds."""
    return len(_NOT_KNOWN.findall(text)) + text.count(": none given]")


def last_time(text: str) -> str:
    """``text`` with each not-known placeholder back to last time's words."""
    return _NOT_KNOWN.sub(lambda m: m.group(1), text)
