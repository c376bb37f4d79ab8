"""Plain-text helpers shared by the importers: joining wrapped lines, repairing transcription damage.

Everything here is generic: a rule may rely on the conventions of UN texts (paragraph shapes,
lead phrases, document symbols) but never on the words of one particular resolution.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable

# A word broken at a line end ("partic- ular", "at-\ntempts"): letters, hyphen, space, letters.
_SPLIT_WORD = re.compile(r"\b([A-Za-zÀ-ÿ]+)- ([A-Za-zÀ-ÿ]+)")

# Prefixes that UN English keeps hyphenated when a compound breaks at the line end
# (co-operation, self-defence, non-aligned, cease-fire, above-mentioned, ex-combatants).
_HYPHEN_PREFIXES = frozenset({"co", "self", "non", "cease", "above", "ex", "anti", "well",
                              "post", "cross", "long", "short",
                              "full", "large", "small", "high", "low", "one", "two", "three",
                              "four", "five", "six", "seven", "eight", "nine", "ten", "half",
                              "semi", "multi", "mid", "quasi", "vice", "peace", "so"})


@lru_cache(maxsize=1)
def known_words() -> Counter[str]:
    """Words of the corpus seen at least twice, with their counts (see ``tools/vocabulary.py``)."""
    data = resources.files("drafting").joinpath("data/vocabulary.txt").read_text(encoding="utf-8")
    return Counter({word: int(n) for word, n in (line.split() for line in data.splitlines())})


def is_word(word: str, words: Counter[str]) -> bool:
    """True when ``word`` is found in the text's own words or in the corpus vocabulary."""
    return _seen(word, words) > 0 or _seen(word, known_words()) > 0


# "E] Salvador", "Naciona] (FMLN)", "Apri] 1991": OCR reads "l" as "]" at the end of a word.
_BRACKET_FOR_L = re.compile(r"(?<![\w\[])([A-Za-zÀ-ÿ]+)\](?=[\s,;:.)]|$)")


def mend_brackets(text: str, words: Counter[str], opened: int = 0) -> str:
    """Each "]" closing a word where no "[" is open: an "l" when the word so repaired is known
    (in the text or the corpus), else a speck taken out. Both are recorded; a "]" that closes
    a "[" is text and stays ("Welcomes [with appreciation] the admission")."""
    from drafting.importers.ledger import removed, repaired

    out, last = [], 0
    for m in _BRACKET_FOR_L.finditer(text):
        if opened + text.count("[", 0, m.start()) > text.count("]", 0, m.start()):
            continue  # a bracket the text opened: no slip
        if is_word(m[1] + "l", words):
            new = repaired("OCR: ] read for l (the word is known)", m[0], m[1] + "l")
        else:
            removed("OCR: ] after a word, no [ open (a speck)", "]")
            new = m[1]
        out.append(text[last:m.start()] + new)
        last = m.end()
    return "".join(out) + text[last:]


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    from drafting.model.leads import OPERATIVE_BASES, PREAMBULAR_BASES

    return frozenset(w.lower() for lead in PREAMBULAR_BASES + OPERATIVE_BASES for w in lead.split())


def _fragment(word: str, words: Counter[str]) -> bool:
    """True when ``word`` is no word of its own: not in the corpus nor the leads. (The text's own
    count proves nothing: letter spacing repeats the same cut, "Reco gniz ing" five times.)"""
    lower = word.lower()
    if len(word) == 1:
        return lower not in ("a", "i")
    return known_words()[lower] < 3 and lower not in _lead_words()


def _whole(word: str, words: Counter[str]) -> bool:
    lower = word.lower()
    return words[lower] > 0 or known_words()[lower] >= 2 or lower in _lead_words()


# Each piece stands alone: a letter glued to "/" or a digit belongs to a symbol ("document s/3140").
_SPACED = re.compile(r"[A-Za-zÀ-ÿ]+(?![/\w])(?: [A-Za-zÀ-ÿ]+(?![/\w]))+")


def rejoin_spaced(text: str) -> str:
    """Words that letter-spaced OCR cut ("Reco gniz ing", "Assembl y", "countri es") joined
    again: two to four pieces, one at least no word of its own, that make a word the lead
    lexicon, the text elsewhere or the corpus knows. Each join is recorded."""
    from drafting.importers.ledger import repaired

    words = vocabulary(text)

    def join(m: re.Match[str]) -> str:
        pieces = m[0].split(" ")
        out: list[str] = []
        i = 0
        while i < len(pieces):
            for n in (4, 3, 2):
                group = pieces[i:i + n]
                # a lone letter is cut off a word's end ("Assembl y"), never its start ("l and")
                if len(group) == n and any(_fragment(p, words) for p in group) \
                        and all(len(p) > 1 for p in group[:-1]) \
                        and _whole("".join(group), words) and not group[1][:1].isupper():
                    out.append(repaired("letter-spaced word rejoined", " ".join(group), "".join(group)))
                    i += n
                    break
            else:
                out.append(pieces[i])
                i += 1
        return " ".join(out)

    return _SPACED.sub(join, text)


def vocabulary(text: str) -> Counter[str]:
    """Lower-cased words of ``text`` (hyphenated compounds kept whole) with their counts."""
    return Counter(w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*", text))


def _seen(word: str, words: Counter[str]) -> int:
    """How often ``word`` occurs, counting its plural or singular too ("Republic"/"Republics")."""
    word = word.lower()
    other = word[:-1] if word.endswith("s") else word + "s"
    return words.get(word, 0) + words.get(other, 0)


def mend_word(first: str, second: str, words: Counter[str]) -> str:
    """The word that "first- second" stands for: joined, or kept hyphenated.

    The text's own vocabulary decides first ("particular" seen elsewhere: join;
    "diamond-producing" seen elsewhere: keep the hyphen); then a capital after the break
    ("Secretary- General") or a prefix UN style hyphenates keeps it; otherwise the break was
    a line-end hyphenation and the word is joined.
    """
    joined = first + second
    hyphened = f"{first}-{second}"
    seen_joined = _seen(joined, words)
    seen_hyphened = _seen(hyphened, words)
    if seen_joined or seen_hyphened:
        return joined if seen_joined > seen_hyphened else hyphened
    if second[:1].isupper() or first.lower() in _HYPHEN_PREFIXES:
        return hyphened
    if _COMPOUND_TAIL.search(second.lower()) or first.lower() == "no":
        if not is_word(joined, words) and is_word(first, words) and is_word(second, words):
            return hyphened  # "no- objection", "Arab- owned", "forty- first": the joining is no word
    return joined


# What the second word of a compound adjective looks like: a participle or an ordinal.
_COMPOUND_TAIL = re.compile(r"(?:ed|ing|first|second|third|th)$")


# A hyphen the OCR lost inside a compound: "SecretaryGeneral". English has no capital inside a
# word, but names do ("McNaughton"), so the hyphen comes back only where the same text spells
# the compound with it.
_LOST_HYPHEN = re.compile(r"\b([A-Z][a-z]+)([A-Z][a-z]+)\b")


def mend_split_words(text: str, words: Counter[str] | None = None) -> str:
    """Rejoin every "partic- ular" in ``text`` (see :func:`mend_word`); put back lost hyphens."""
    if words is None:
        words = vocabulary(_SPLIT_WORD.sub(" ", text))
    text = _SPLIT_WORD.sub(lambda m: mend_word(m.group(1), m.group(2), words), text)

    def hyphen(m: re.Match[str]) -> str:
        compound = f"{m.group(1)}-{m.group(2)}"
        return compound if words.get(compound.lower()) else m.group(0)

    return _LOST_HYPHEN.sub(hyphen, text)


def join_lines(lines: Iterable[str]) -> str:
    """Hard-wrapped lines as one paragraph: single spaces; a line-end hyphen marks a break."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-") and out[-2:-1].isalpha() and line[:1].isalpha():
            out += " " + line  # left as "partic- ular" for mend_split_words to decide
        elif re.search(r"(?:^|\s)[A-Z][\w/.]*/$", out[-40:]) and line[:1].isalnum():  # the tail: linear
            out += line  # a symbol broken after its slash: "S/Agenda/" + "2185"
        else:
            out += " " + line
    return out


# Apostrophes lost in transcription: "Côte d Ivoire", "Women s", "the country s".
_LOST_POSSESSIVE = re.compile(r"(?<=[A-Za-zÀ-ÿ\)])(?<![ ][A-Za-z]) s\b(?![-'’])")
_LOST_ELISION = re.compile(r"\b([dlDL]) (?=[AEIOUÉ][a-zà-ÿ])")


def repair_apostrophes(text: str, mark: str = "'") -> str:
    """Put back apostrophes a transcription dropped: "Women s" -> "Women's", "d Ivoire" -> "d'Ivoire".

    A lone "s" after a word is never English except as a possessive; a lone "d" or "l"
    before a capitalised vowel word is a French elision (Côte d'Ivoire).
    """
    text = _LOST_ELISION.sub(lambda m: m.group(1) + mark, text)
    return _LOST_POSSESSIVE.sub(mark + "s", text)


def squeeze(text: str) -> str:
    """Single spaces, no space before , ; : . ) and none after (."""
    text = " ".join(text.split())
    text = re.sub(r" +([,;:.)])", r"\1", text)
    return re.sub(r"\( +", "(", text)
