"""The class of each changed run of a word diff: ``typography``, ``spelling``, ``punctuation``,
``list``, ``symbol``, ``date``, ``session``, ``year``, ``number``, ``name`` or ``wording``.

A run is classified from its words and the unchanged words either side (docs/diff-classes.md),
read outwards from its place in the new text's tokens only as far as a rule needs: a run of plain
wording is known from its own words. (``numbering``, a change of how items are labelled, is set
on a field by :mod:`.fields`, never on a run.)
"""
from __future__ import annotations

import re
from itertools import islice, takewhile
from typing import Callable, Iterable, Iterator, Sequence

from drafting.comparison.tokens import WORD, is_word, marks_of, tokenize, words_of
from drafting.comparison.variants import is_name, same_typography, spelling_variant
from drafting.model import MONTHS, HunkClass

_MONTHS = frozenset(MONTHS)
_UNITS = ("first second third fourth fifth sixth seventh eighth ninth").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL = re.compile(
    r"^(?:(?:%s)-(?:%s)|%s|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth"
    r"|(?:twentie|thirtie|fortie|fiftie|sixtie|seventie|eightie|ninetie)th|hundredth|\d+(?:st|nd|rd|th))$"
    % ("|".join(_TENS), "|".join(_UNITS), "|".join(_UNITS)), re.IGNORECASE)
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen hundred thousand million billion half dozen per cent "
    "percent".split() + _TENS + [f"{t}-{u}" for t in _TENS for u in
                                 "one two three four five six seven eight nine".split()])
_SYMBOL = re.compile(r"^(?:[A-Za-z]{1,5}(?:/[A-Za-z0-9.]+)+|\d+(?:/\d+)+|(?:Add|Corr|Rev|Amend)\.\d+)$")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_NUMBER = re.compile(r"^\d[\d,.]*$")
_ELIDED = re.compile(r"^[a-z]{1,3}['’]\w")  # d'Ivoire
_CONNECTORS = frozenset("and of to from until through the its on in by".split())
_REFERENCES = frozenset("resolution resolutions document documents decision decisions".split())
_TERMINAL = frozenset([",", ";", ".", ":"])
_ROUTINE_MARKS = frozenset([",", "(", ")", "-", "–", "."])
_DATED = frozenset(["symbol", "year", "number", "ordinal", "month"])

_WORD = re.compile(WORD)  # the tokens' words (symbols read as their parts)


class Vocabulary:
    """The words of the whole old and new texts (the spelling rule looks a form up in the other),
    read only when a run first needs them: most diffs never do."""

    def __init__(self, old: Callable[[], Iterable[str]], new: Callable[[], Iterable[str]]) -> None:
        self._sources = (old, new)
        self._words: tuple[frozenset[str], frozenset[str]] | None = None

    @classmethod
    def of_texts(cls, old: str, new: str) -> "Vocabulary":
        return cls(lambda: [old], lambda: [new])

    @property
    def words(self) -> tuple[frozenset[str], frozenset[str]]:
        if self._words is None:
            old, new = (frozenset(_WORD.findall(" ".join(texts()))) for texts in self._sources)
            self._words = old, new
        return self._words


def _kind(token: str) -> str:
    """The class of one word token: symbol, year, number, ordinal, month, connector, name, other."""
    # each pattern is tried only where it can match: a symbol holds "/" or ".", a year or a
    # figure opens on a decimal digit (as \d reads one)
    if ("/" in token or "." in token) and _SYMBOL.match(token):
        return "symbol"
    digit = token[:1].isdecimal()
    if digit and _YEAR.match(token):
        return "year"
    if (digit and _NUMBER.match(token)) or token.lower() in _NUMBER_WORDS:
        return "number"
    if _ORDINAL.match(token):
        return "ordinal"
    if token in _MONTHS:
        return "month"
    if token in _CONNECTORS:
        return "connector"
    if token[:1].isupper() or _ELIDED.match(token):  # Viet Nam, d'Ivoire
        return "name"
    return "other"


class Context:
    """The unchanged tokens either side of a run: ``tokens[:start]`` before it, ``tokens[end:]``
    after it (a word diff gives the new text's tokens and the run's place in them, so nothing is
    joined or tokenized again). Rules read outwards from the run, as far as they need."""

    __slots__ = ("tokens", "start", "end")

    def __init__(self, tokens: Sequence[str], start: int, end: int) -> None:
        self.tokens, self.start, self.end = tokens, start, end

    @classmethod
    def of_texts(cls, before: str, after: str) -> "Context":
        """The context of a run standing between the texts ``before`` and ``after``."""
        left = tokenize(before)
        return cls(left + tokenize(after), len(left), len(left))

    def opens_text(self) -> bool:
        """Nothing but white space before the run."""
        return all(t.isspace() for t in _backwards(self.tokens, self.start))

    def closes_text(self) -> bool:
        """Nothing but white space after the run."""
        return all(t.isspace() for t in islice(self.tokens, self.end, None))

    def last_tokens(self, count: int) -> Sequence[str]:
        return self.tokens[max(0, self.start - count):self.start]

    def last_words(self, count: int) -> list[str]:
        """The last ``count`` words before the run (fewer where the text has fewer)."""
        return list(islice((t for t in _backwards(self.tokens, self.start) if is_word(t)), count))[::-1]

    def first_words(self, count: int) -> list[str]:
        """The first ``count`` words after the run."""
        return list(islice((t for t in islice(self.tokens, self.end, None) if is_word(t)), count))

    def names_before(self) -> list[str]:
        """The tokens just before the run that an enumeration of names is made of."""
        return list(takewhile(_fits, _backwards(self.tokens, self.start)))[::-1]

    def names_after(self) -> list[str]:
        """The tokens just after the run that an enumeration of names is made of."""
        return list(takewhile(_fits, islice(self.tokens, self.end, None)))


def _backwards(tokens: Sequence[str], stop: int) -> Iterator[str]:
    """``tokens[:stop]`` from the last one back, without copying them."""
    return map(tokens.__getitem__, range(stop - 1, -1, -1))


def classify(deleted: str, inserted: str, before: str = "", after: str = "",
             vocabulary: Vocabulary | None = None) -> HunkClass:
    """The class of one changed run, from its words and the words around it.

    ``before``/``after`` are the unchanged texts on either side (for context: "resolution 338"
    is a symbol, "31" before "May" a date, "sixty-ninth" before "session" a session);
    ``vocabulary``: the words of the whole old and new texts (for the spelling rule).
    """
    return classify_tokens(deleted, inserted, tokenize(deleted), tokenize(inserted),
                           Context.of_texts(before, after), vocabulary)


def classify_tokens(deleted: str, inserted: str, old_tokens: list[str], new_tokens: list[str],
                    context: Context, vocabulary: Vocabulary | None = None) -> HunkClass:
    """:func:`classify`, given the tokens of ``deleted`` and ``inserted`` and the run's
    :class:`Context` (a diff has them)."""
    if len(old_tokens) == 1 == len(new_tokens) and deleted.isdecimal() and inserted.isdecimal() \
            and deleted != inserted:
        # one figure for another, the commonest change of a recurring text: no rule before the
        # dated ones can hold (figures have no typography, spelling or list), so go straight there
        figures = [deleted, inserted]
        return _dated(figures, ["year" if _YEAR.match(w) else "number" for w in figures], context)  # as _kind
    if same_typography(deleted, inserted):
        return HunkClass.TYPOGRAPHY
    old_words, new_words = words_of(old_tokens), words_of(new_tokens)
    old_marks, new_marks = marks_of(old_tokens), marks_of(new_tokens)
    if _spelling(old_words, new_words, old_marks == new_marks, vocabulary):
        return HunkClass.SPELLING
    words = old_words + new_words
    marks = set(old_marks + new_marks)
    if not words and marks <= _TERMINAL and context.closes_text():
        # The mark that closes a paragraph follows its place (comma in the preamble, semicolon,
        # full stop on the last operative paragraph): moving or appending paragraphs changes it.
        return HunkClass.PUNCTUATION
    if not words and marks == {","} and not (deleted and inserted):
        return HunkClass.PUNCTUATION  # a lone comma added or removed (often an OCR slip)
    if _conjunction_moved(old_words, new_words, marks) and "," in context.last_tokens(16):
        return HunkClass.LIST  # "A, B and C" -> "A, B, C and D": the conjunction follows the list
    kinds = [_kind(w) for w in words]
    if "other" in kinds or marks - _ROUTINE_MARKS:
        return HunkClass.WORDING
    if "name" in kinds or not _DATED.intersection(kinds):
        return _list_or_wording(deleted, inserted, old_tokens, new_tokens, context)
    if "symbol" in kinds:
        return HunkClass.SYMBOL
    return _dated(words, kinds, context)


def _dated(words: list[str], kinds: list[str], context: Context) -> HunkClass:
    """A run of numbers, years, ordinals and months: which of them, read with its context."""
    if "month" in kinds:
        return HunkClass.DATE
    prev_words = context.last_words(3)
    if _REFERENCES & {w.lower() for w in prev_words[-2:]} and all(k in ("number", "year", "connector")
                                                                   for k in kinds):
        return HunkClass.SYMBOL  # resolution 338 (1973)
    if prev_words[-1:] and _kind(prev_words[-1]) == "month":
        return HunkClass.DATE  # the year of "31 May 1974"
    next_words = context.first_words(3)
    if any(_kind(w) == "month" for w in next_words):
        return HunkClass.DATE  # the day of "31 May 1974"
    if "ordinal" in kinds:
        around = prev_words + next_words
        return HunkClass.SESSION if "session" in {w.lower() for w in words + around} else HunkClass.NUMBER
    if all(k in ("year", "connector") for k in kinds):
        return HunkClass.YEAR
    return HunkClass.NUMBER


def _spelling(old: list[str], new: list[str], same_marks: bool, vocabulary: Vocabulary | None) -> bool:
    """Each word replaced by a variant spelling of it, the marks around them unchanged."""
    if not old or len(old) != len(new) or not same_marks:
        return False
    words = (lambda: vocabulary.words) if vocabulary else None
    return all(spelling_variant(a, b, words) for a, b in zip(old, new) if a != b)


def _conjunction_moved(old: list[str], new: list[str], marks: set[str]) -> bool:
    """One side drops a lone "and"/"or" for a comma, or takes one instead of a comma ("and" to
    "or" is a change of meaning, not of the list's length)."""
    if marks - {","} or (old and new):
        return False
    return len(old + new) == 1 and (old + new)[0] in ("and", "or")


def _run_names(tokens: list[str]) -> int:
    """How many names a run of name tokens, spaces, commas and "and" holds."""
    names, in_name = 0, False
    for token in tokens:
        if token in (",", "and"):
            in_name = False
        elif not token.isspace():
            names += not in_name
            in_name = True
    return names


def _fits(token: str) -> bool:
    """A token an enumeration of names is made of."""
    return token.isspace() or token in (",", "and", "(", ")", "of") or _kind(token) == "name"


def _enumeration(mid: list[str], context: Context) -> int:
    """The number of names in the enumeration that the tokens ``mid`` stand in (0 if none)."""
    if not all(_fits(t) for t in mid):
        return 0
    return _run_names(context.names_before() + mid + context.names_after())


def _list_or_wording(deleted: str, inserted: str, old_tokens: list[str], new_tokens: list[str],
                     context: Context) -> HunkClass:
    """``list`` when names join or leave an enumeration ("A, B and C"), else ``wording``."""
    if context.opens_text():
        return HunkClass.WORDING  # the opening words are the lead, never a list
    if max(_enumeration(old_tokens, context), _enumeration(new_tokens, context)) >= 3:
        return HunkClass.LIST
    if deleted.strip() and inserted.strip() and is_name(deleted) and is_name(inserted):
        return HunkClass.NAME  # "Johannesburg" -> "Guangzhou", "South Africa" -> "China"
    return HunkClass.WORDING
