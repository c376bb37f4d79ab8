"""Recurring series found by content: the resolutions that establish or renew a mandate.

A series is named by the body it concerns (e.g. "United Nations Disengagement Observer Force").
A resolution belongs to it when its text names that body and one of its operative paragraphs
(or sub-paragraphs) renews or extends a mandate, or sets the body up. Nothing here knows a list
of resolution numbers: a new renewal in the corpus joins its series by itself.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from drafting.model import Paragraph, Resolution


@dataclass(frozen=True)
class Series:
    """A recurring series: its folder name in the library and the body whose mandate it renews."""

    folder: str
    mandate_of: str


# The Security Council peacekeeping series of the corpus.
SC_SERIES = (
    Series("undof", "United Nations Disengagement Observer Force"),
    Series("unifil", "United Nations Interim Force in Lebanon"),
)

_RENEWS = re.compile(r"\b(?:renew|extend|prolong)\w*\s+(?:\w+\s+){0,3}mandate\b", re.I)
_SETS_UP = re.compile(r"\b(?:set up|establish\w*|be established)\b", re.I)


def _texts(paragraph: Paragraph) -> list[str]:
    out = [paragraph.text]
    for item in paragraph.items:
        out += _texts(item)
    return out


def _flat(text: str) -> str:
    return " ".join(text.split())


def belongs(resolution: Resolution, series: Series) -> bool:
    """True when ``resolution`` establishes or renews the mandate of the series' body."""
    name = series.mandate_of.lower()
    everything = " ".join(_flat(t).lower() for _, p in resolution.top() for t in _texts(p))
    if name not in everything:
        return False
    for paragraph in resolution.operative:
        texts = [_flat(t) for t in _texts(paragraph)]
        joined = " ".join(texts)
        if any(_RENEWS.search(t) for t in texts):
            return True
        if joined.startswith("Decides") and _SETS_UP.search(joined) and name in joined.lower():
            return True
    return False


def file_name(resolution: Resolution) -> str:
    """The library file name of a Security Council resolution: its number, four digits."""
    number = re.match(r"S/RES/(\d+)", resolution.symbol or "")
    if not number:
        raise ValueError(f"not a Security Council symbol: {resolution.symbol!r}")
    return f"{int(number[1]):04d}.yaml"
