"""The class of each changed run of a word diff: ``typography``, ``spelling``, ``punctuation``,
``list``, ``symbol``, ``date``, ``session``, ``year``, ``number``, ``name`` or ``wording``.

A run is classified from its words and the unchanged words either side (docs/diff-classes.md).
Each text is tokenized once per run, and the context only when a rule needs it: a run of plain
wording is known from its own words.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from drafting.comparison.tokens import marks_of, tokenize, words_of
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

_WORD = re.compile(r"\w+(?:['’\-.]\w+)*")


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


# Where a run of white space starts. Whatever precedes it, tokenizing resumes there with the
# tokens of the whole text (no token holds white space and a space run is always one token), so
# the words next to a run are read from a few dozen characters of context, not all of it.
_SPACE_START = re.compile(r"(?<!\s)\s")
_WINDOW = 48  # characters of context read first; four times more each time a rule needs more


class _Context:
    """The unchanged text either side of a run, tokenized near the run, as far as a rule asks.

    ``left(enough)`` gives the last tokens of ``tokenize(before)`` (all of them, or a suffix for
    which ``enough`` holds); ``right(enough)`` the first tokens of ``tokenize(after)``.
    """

    def __init__(self, before: str, after: str) -> None:
        self.before, self.after = before, after
        self._left: tuple[list[str], bool] | None = None
        self._right: tuple[list[str], bool] | None = None

    def left(self, enough: Callable[[list[str]], bool]) -> list[str]:
        window = _WINDOW
        while self._left is None or not (self._left[1] or enough(self._left[0])):
            start = len(self.before) - window
            found = _SPACE_START.search(self.before, start) if start > 0 else None
            if found is None:
                self._left = tokenize(self.before), True
            else:
                self._left = tokenize(self.before[found.start():]), False
            window *= 4
        return self._left[0]

    def right(self, enough: Callable[[list[str]], bool]) -> list[str]:
        window = _WINDOW
        while self._right is None or not (self._right[1] or enough(self._right[0])):
            found = _SPACE_START.search(self.after, window) if window < len(self.after) else None
            if found is None:
                self._right = tokenize(self.after), True
            else:
                self._right = tokenize(self.after[:found.start()]), False
            window *= 4
        return self._right[0]

    def last_words(self, count: int) -> list[str]:
        words = _WordsOf()
        return words(self.left(lambda tokens: len(words(tokens)) >= count))[-count:]

    def first_words(self, count: int) -> list[str]:
        words = _WordsOf()
        return words(self.right(lambda tokens: len(words(tokens)) >= count))[:count]


class _WordsOf:
    """``words_of``, remembering the last list it read (asked again for the list it returns)."""

    def __init__(self) -> None:
        self._tokens: list[str] | None = None
        self._words: list[str] = []

    def __call__(self, tokens: list[str]) -> list[str]:
        if tokens is not self._tokens:
            self._tokens, self._words = tokens, words_of(tokens)
        return self._words


def classify(deleted: str, inserted: str, before: str = "", after: str = "",
             vocabulary: Vocabulary | None = None) -> HunkClass:
    """The class of one changed run, from its words and the words around it.

    ``before``/``after`` are the unchanged texts on either side (for context: "resolution 338"
    is a symbol, "31" before "May" a date, "sixty-ninth" before "session" a session);
    ``vocabulary``: the words of the whole old and new texts (for the spelling rule).
    """
    return classify_tokens(deleted, inserted, tokenize(deleted), tokenize(inserted), before, after, vocabulary)


def classify_tokens(deleted: str, inserted: str, old_tokens: list[str], new_tokens: list[str],
                    before: str = "", after: str = "", vocabulary: Vocabulary | None = None) -> HunkClass:
    """:func:`classify`, given the tokens of ``deleted`` and ``inserted`` (a diff has them)."""
    if same_typography(deleted, inserted):
        return HunkClass.TYPOGRAPHY
    old_words, new_words = words_of(old_tokens), words_of(new_tokens)
    old_marks, new_marks = marks_of(old_tokens), marks_of(new_tokens)
    if _spelling(old_words, new_words, old_marks == new_marks, vocabulary):
        return HunkClass.SPELLING
    words = old_words + new_words
    marks = set(old_marks + new_marks)
    if not words and not after.strip() and marks <= _TERMINAL:
        # The mark that closes a paragraph follows its place (comma in the preamble, semicolon,
        # full stop on the last operative paragraph): moving or appending paragraphs changes it.
        return HunkClass.PUNCTUATION
    if not words and marks == {","} and not (deleted and inserted):
        return HunkClass.PUNCTUATION  # a lone comma added or removed (often an OCR slip)
    context = _Context(before, after)
    if _conjunction_moved(old_words, new_words, marks) and \
            "," in context.left(lambda tokens: len(tokens) >= 16)[-16:]:
        return HunkClass.LIST  # "A, B and C" -> "A, B, C and D": the conjunction follows the list
    kinds = [_kind(w) for w in words]
    if "other" in kinds or marks - _ROUTINE_MARKS:
        return HunkClass.WORDING
    if "name" in kinds or not _DATED.intersection(kinds):
        return _list_or_wording(deleted, inserted, old_tokens, new_tokens, context)
    if "symbol" in kinds:
        return HunkClass.SYMBOL
    return _dated(words, kinds, context)


def _dated(words: list[str], kinds: list[str], context: _Context) -> HunkClass:
    """A run of numbers, years, ordinals and months: which of them, read with its context."""
    if "month" in kinds:
        return HunkClass.DATE
    prev_words = context.last_words(3)
    if _REFERENCES & {w.lower() for w in prev_words[-2:]} and all(k in ("number", "year", "connector")
                                                                   for k in kinds):
        return HunkClass.SYMBOL  # resolution 338 (1973)
    if any(_kind(w) == "month" for w in prev_words[-1:]) or \
            any(_kind(w) == "month" for w in context.first_words(3)):
        return HunkClass.DATE  # the day or year of "31 May 1974"
    if "ordinal" in kinds:
        around = prev_words + context.first_words(3)
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


def _names_end(tokens: list[str]) -> int:
    """Where the names at the end of ``tokens`` start (0: all of it fits an enumeration)."""
    k = len(tokens)
    while k and _fits(tokens[k - 1]):
        k -= 1
    return k


def _names_start(tokens: list[str]) -> int:
    """Where the names at the start of ``tokens`` end (``len(tokens)``: all of it fits)."""
    n = 0
    while n < len(tokens) and _fits(tokens[n]):
        n += 1
    return n


def _enumeration(mid: list[str], context: _Context) -> int:
    """The number of names in the enumeration that the tokens ``mid`` stand in (0 if none)."""
    if not all(_fits(t) for t in mid):
        return 0
    left = context.left(lambda tokens: _names_end(tokens) > 0)
    right = context.right(lambda tokens: _names_start(tokens) < len(tokens))
    return _run_names(left[_names_end(left):] + mid + right[:_names_start(right)])


def _list_or_wording(deleted: str, inserted: str, old_tokens: list[str], new_tokens: list[str],
                     context: _Context) -> HunkClass:
    """``list`` when names join or leave an enumeration ("A, B and C"), else ``wording``."""
    if not context.before.strip():
        return HunkClass.WORDING  # the opening words are the lead, never a list
    if max(_enumeration(old_tokens, context), _enumeration(new_tokens, context)) >= 3:
        return HunkClass.LIST
    if deleted.strip() and inserted.strip() and is_name(deleted) and is_name(inserted):
        return HunkClass.NAME  # "Johannesburg" -> "Guangzhou", "South Africa" -> "China"
    return HunkClass.WORDING
