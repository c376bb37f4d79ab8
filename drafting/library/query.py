"""The query side of agreed-language search: safe FTS5 expressions, significant words, and the
similarity figure of ``--similar``. Pure functions, no database (see :mod:`drafting.library.index`).
"""
from __future__ import annotations

import re
import unicodedata

from drafting.errors import DraftingError

# highlight() in search.py marks matches with char(1) ... char(2): control characters never in a paragraph
_START, _END = "\x01", "\x02"


_WORD = re.compile(r"[^\W_]+(?:\*)?")  # what unicode61 calls a token, with an optional prefix star


def fts_query(text: str) -> str:
    """The FTS5 MATCH expression for a user's query, every term quoted so nothing is syntax.

    "quoted phrases" stay phrases, bare words are ANDed, ``word*`` is a prefix search; an
    unbalanced quote runs to the end. Raises DraftingError when no word is left to search.
    """
    parts: list[str] = []
    for i, chunk in enumerate(text.split('"')):
        words = _WORD.findall(chunk)
        if i % 2 == 1:  # inside quotes: one phrase
            plain = [w.rstrip("*") for w in words]
            if plain:
                parts.append('"' + " ".join(plain) + '"' + ("*" if words[-1].endswith("*") else ""))
        else:
            for word in words:
                parts.append(f'"{word[:-1]}"*' if word.endswith("*") else f'"{word}"')
    if not parts:
        raise DraftingError(f"expected words to search for, found none in {text!r}; "
                            'search words, "a quoted phrase" or a prefix*')
    return " ".join(parts)


_STOPWORDS = frozenset("""
a about above after again against all also an and any are as at be been before being below
between both but by can did do does doing down during each few for from further had has have
having he her here hers him his how i if in into is it its itself may more most no nor not now
of off on once only or other our ours out over own same shall she should so some such than that
the their theirs them then there these they this those through to too under until up upon very
was we were what when where which while who whom why will with would you your its thereto
thereof therein herein such whereas
""".split())


def significant_words(text: str, limit: int = 48) -> list[str]:
    """The paragraph's words worth searching for: no stop words or short words, first use order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(fold(text)):
        word = word.rstrip("*")
        if len(word) > 2 and word not in _STOPWORDS and not word.isdigit():
            seen.setdefault(word, None)
    return list(seen)[:limit]


def fold(text: str) -> str:
    """Lower case without accents: what the index compares (remove_diacritics 2)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize(text: str) -> str:
    """Folded words separated by single spaces: the form --similar compares."""
    return " ".join(_WORD.findall(fold(text).replace("*", " ")))


def similarity(query: str, paragraph: str) -> float:
    """0-100: how well ``paragraph`` matches ``query``, on normalised text.

    The better of the character ratio and the word-order-free ratio; and when the query is the
    shorter (a phrase typed to find the paragraphs that hold it), how well it matches the best
    stretch of the paragraph, so that "Decides to renew the mandate" finds every renewal.
    """
    from rapidfuzz import fuzz

    na, nb = normalize(query), normalize(paragraph)
    whole = max(fuzz.ratio(na, nb), fuzz.token_sort_ratio(na, nb))
    part = fuzz.partial_ratio(na, nb) if len(na) < len(nb) else 0.0
    return round(max(whole, part), 1)


def spans(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text without highlight() markers and the [start, end) spans they enclosed."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos, start = 0, None
    for piece in re.split(f"([{_START}{_END}])", marked):
        if piece == _START:
            start = pos
        elif piece == _END:
            if start is not None:
                spans.append((start, pos))
            start = None
        else:
            out.append(piece)
            pos += len(piece)
    return "".join(out), tuple(spans)
