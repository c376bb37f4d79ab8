"""Edits that are not substance: typography, spelling variants, one proper name for another.

Each rule is written for the forms texts come in (docs/diff-classes.md gives them with examples):

* **typography**: two runs that read the same once quotes, apostrophes, dashes and spaces are
  normalized (:func:`typography_key`); the word diff compares tokens under this key, so such a
  difference never hides a real one beside it;
* **spelling**: one word for another that is a variant of it: a pair of the UN spelling list
  (``drafting/data/spelling.yaml``), the same letters without hyphens ("co-operate"), or the same
  *skeleton* (-ise/-ize, -yse/-yze, doubled letters, ae/oe, the OCR slips rn/m, 1/l/i, 0/o) at
  edit distance 1-2, when each form is missing from the other text (a form both texts use is a
  word of its own, not a variant);
* **name**: a proper name replaced by another: a UN country short name (or a variant on the
  project's list), or capitalized words that name no institution or office ("Johannesburg" ->
  "Guangzhou", "Mr. Kumalo" -> "Ms. Pierce"); acronyms and organs ("UNDOF", "Security Council")
  are never names here, since changing them changes who acts.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Any, Callable, Sequence

from rapidfuzz.distance import OSA

DATA = files("drafting") / "data"

# ---------------------------------------------------------------------------- typography

_TYPOGRAPHY = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00ad": "",  # a soft hyphen is invisible
})
_SPACES = re.compile(r"\s+")
# str.translate looks every character up in the table, which costs more than the rest of a
# paragraph's key: the marks are found by a regex and replaced where they stand instead.
_TYPOGRAPHIC = re.compile("[%s]" % "".join(map(chr, _TYPOGRAPHY)))
_PLAIN = {chr(code): plain for code, plain in _TYPOGRAPHY.items()}


def _plain_mark(found: re.Match[str]) -> str:
    return _PLAIN[found.group()]


def _has_marks(text: str) -> bool:
    """True when ``text`` holds a mark the typography key changes. In ASCII text (most texts,
    checked in bulk) that can only be the backtick, found without a regex."""
    return "`" in text if text.isascii() else _TYPOGRAPHIC.search(text) is not None


def typography_key(token: str) -> str:
    """The token as compared: straight quotes and apostrophes, one dash, one space for any run."""
    if token.isspace():
        return " "
    return _TYPOGRAPHIC.sub(_plain_mark, token)


def typography_keys(tokens: Sequence[str]) -> list[str]:
    """:func:`typography_key` of each token; one scan for the marks first, as most texts have none."""
    if not _has_marks("".join(tokens)):
        return [" " if token.isspace() else token for token in tokens]
    return [typography_key(token) for token in tokens]


def plain_typography(text: str) -> str:
    """The text with straight quotes and apostrophes and one dash (spaces left as they are)."""
    return _TYPOGRAPHIC.sub(_plain_mark, text) if _has_marks(text) else text


def same_typography(old: str, new: str) -> bool:
    """True when two texts differ only in quotes, apostrophes, dashes or spaces."""
    return _SPACES.sub(" ", plain_typography(old)) == _SPACES.sub(" ", plain_typography(new))


# ---------------------------------------------------------------------------- data

@lru_cache(maxsize=None)
def _data(name: str) -> dict[str, Any]:
    import yaml

    with (DATA / name).open(encoding="utf-8") as handle:
        data: dict[str, Any] = yaml.safe_load(handle)
    return data


@lru_cache(maxsize=None)
def _spelling_pairs() -> frozenset[tuple[str, str]]:
    """(US form, UN form) in lower case, from the UN spelling list."""
    return frozenset((us, entry["use"].lower()) for us, entry in _data("spelling.yaml")["words"].items())


@lru_cache(maxsize=None)
def country_names() -> frozenset[str]:
    """UN short names and the variants the project lists ("Viet Nam", "Vietnam")."""
    data = _data("country-names.yaml")
    names = set(data["short_names"])
    for variant in data.get("variants") or ():
        names.update((variant["flag"], variant["use"]))
    return frozenset(_SPACES.sub(" ", typography_key(n)) for n in names)


# ---------------------------------------------------------------------------- spelling

_SKELETON = ((re.compile(r"[-'\u2019]"), ""), (re.compile(r"(?<=[a-z])is(e|es|ed|ing|ation)\b"), r"iz\1"),
             (re.compile(r"ys(e|es|ed|ing)\b"), r"yz\1"), (re.compile(r"ae|oe"), "e"),
             (re.compile(r"rn"), "m"), (re.compile(r"[1i](?=[a-z])|(?<=[a-z])[1i]"), "l"),
             (re.compile(r"0"), "o"), (re.compile(r"([a-z])\1"), r"\1"))


def skeleton(word: str) -> str:
    """The word without what variant spellings and OCR slips change (see the module notes)."""
    out = word.lower()
    for pattern, repl in _SKELETON:
        out = pattern.sub(repl, out)
    return out


Words = Callable[[], tuple[frozenset[str], frozenset[str]]]


def spelling_variant(old: str, new: str, words: Words | None = None) -> bool:
    """True when ``new`` is ``old`` spelt another way. ``words()`` gives the words of the whole
    old and new texts (asked only when needed: a distance-rule variant must be missing from the
    other text); without it, the rule holds the forms for unknown there."""
    a, b = old.lower(), new.lower()
    if a == b or not a.replace("-", "").isalpha() or not b.replace("-", "").isalpha():
        return False
    if (a, b) in _spelling_pairs() or (b, a) in _spelling_pairs():
        return True
    if a.replace("-", "") == b.replace("-", ""):
        return True  # co-operate, cooperate
    if min(len(a), len(b)) < 6 or OSA.distance(a, b) > 2 or skeleton(a) != skeleton(b):
        return False
    old_words, new_words = words() if words else (frozenset(), frozenset())
    return old not in new_words and new not in old_words


# ---------------------------------------------------------------------------- names

# Capitalized words that name organs, offices and instruments: replacing one changes who acts.
INSTITUTIONAL = frozenset("""
Assembly Council Secretary-General Secretary Secretariat General Security Economic Social
Committee Commission Conference Court Tribunal Office Organization Organisation Programme Fund
Agency Bank Union Force Forces Mission Panel Group Board Forum Summit Convention Protocol Treaty
Agreement Charter Declaration Resolution President Presidency Chair Chairman Chairperson
Vice-Chair Special Representative Envoy Rapporteur Coordinator Co-Chair Member Members State
States Nations United International Government Governments Party Parties Authority Parliament
Ministry Minister Department Division Unit Centre Institute Council's Assembly's Process
""".split())
_CONNECTING = frozenset("of the and de d' al- la le du von van".split())
_NAME_TOKEN = re.compile(r"\w+(?:['\u2019\-.]\w+)*|[.,()]|\s+")


def is_name(text: str) -> bool:
    """True when ``text`` is a country's name, or capitalized words naming no institution."""
    core = _SPACES.sub(" ", typography_key(text)).strip(" ,;.")
    if not core:
        return False
    if core in country_names() or core.removeprefix("the ") in country_names():
        return True
    tokens = [t for t in _NAME_TOKEN.findall(core) if not t.isspace() and t not in ".,()"]
    if len(tokens) != len([t for t in re.split(r"[\s.,()]+", core) if t]):
        return False  # marks other than the name's own
    capitals = 0
    for token in tokens:
        if token in _CONNECTING:
            continue
        if not token[:1].isupper() or token in INSTITUTIONAL or (token.isupper() and len(token) > 1):
            return False
        if any(ch.isdigit() for ch in token):
            return False
        capitals += 1
    return capitals > 0
