"""Structure rules: leads, endings, sub-paragraphs, repeated leads, and the Model UN additions.

A preambular paragraph opens with a participle or adjective lead and ends with a comma; an
operative paragraph opens with a present-tense verb and ends with a semicolon, the last with a
full stop. When a paragraph has sub-paragraphs, its ending is the ending of its last one.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from drafting.model.leads import OPERATIVE_BASES, PREFIX_ADVERBS, SUFFIX_ADVERBS
from drafting.checks.base import Context, Hit, quoted
from drafting.model import Paragraph, Part

# Adjectives that open preambular paragraphs without being participles ("Aware that ...").
PP_ADJECTIVES = frozenset((
    "Aware", "Mindful", "Conscious", "Cognizant", "Anxious", "Confident", "Convinced", "Desirous",
    "Eager", "Resolved", "Determined", "Sure", "Certain", "Hopeful", "Appreciative", "Grateful",
    "Thankful", "Apprehensive", "Keen", "Firm", "Whereas", "Solicitous", "Uncertain", "Sensible",
))
# Prepositional openings the Council's preambles have used ("In view of the recommendation ...").
PP_OPENERS = ("In view of", "In the exercise of", "In virtue of", "Without prejudice to",
              "Now, therefore", "Having regard to", "With a view to")
# Words ending in -ing/-ed/-en that are not participles ("Nothing further" is OCR for "Noting").
NOT_PARTICIPLES = frozenset(("Nothing", "Something", "Anything", "Everything", "During", "Thing",
                             "King", "Spring", "Morning", "Evening", "Hundred", "Seven", "Eleven",
                             "Often", "Garden", "Burden", "Citizen", "Sweden", "Women", "Children"))
# Capitalized words ending in "s" that are not third person singular verbs.
NOT_VERBS = frozenset(("This", "Thus", "His", "Its", "As", "Was", "Is", "Has", "Always", "Perhaps",
                       "Unless", "Nevertheless", "Whereas", "Less", "Towards", "Besides"))
_QUOTES = "\"'”’»"
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*")
_ADVERB_WORDS = frozenset(w for a in PREFIX_ADVERBS for w in a.split()) | {"Once", "again", "more", "Hereby"}


# ---------------------------------------------------------------------------- endings

def tail(text: str) -> tuple[str, str]:
    """The closing punctuation mark of ``text`` ('' when none) and a trailing 'and'/'or'."""
    body = text.rstrip()
    conj = ""
    match = re.search(r"([;,])\s+(and|or)$", body)
    if match:
        return match.group(1), match.group(2)
    body = body.rstrip(_QUOTES + " ")
    if not body:
        return "", conj
    mark = body[-1]
    return (mark if mark in ".,;:—–-!?" else ""), conj


def sentence_items(paragraph: Paragraph) -> bool:
    """True when every sub-paragraph is a full sentence ending with a full stop."""
    return bool(paragraph.items) and all(tail(i.text)[0] == "." and not i.items for i in paragraph.items)


def effective_end(paragraph: Paragraph) -> str | None:
    """The mark that ends the paragraph as read: its own, or its last sub-paragraph's.

    None when the sub-paragraphs are full sentences (each with its own full stop): the
    paragraph then has no single ending to check.
    """
    if not paragraph.items:
        return tail(paragraph.text)[0]
    if sentence_items(paragraph):
        return None
    return effective_end(paragraph.items[-1])


def _describe(mark: str) -> str:
    return {"": "no punctuation", ".": "a full stop", ",": "a comma", ";": "a semicolon",
            ":": "a colon"}.get(mark, f'"{mark}"')


# ---------------------------------------------------------------------------- leads

def _strip_adverbs(words: list[str]) -> list[str]:
    i = 0
    while i < len(words) - 1 and (words[i] in _ADVERB_WORDS or words[i].endswith("ly")):
        i += 1
    return words[i:]


def fallback_lead(text: str, part: Part) -> str:
    """A lead the lexicon does not know but grammar recognizes ('' when none).

    Preambular: optional adverbs, then a participle (-ing, -ed, -en) or a known adjective.
    Operative: optional adverbs, then a capitalized third person singular verb (-s).
    """
    words = _WORD.findall(" ".join(text.split()[:4]))
    if not words or not text.lstrip()[:1].isalpha():
        return ""
    if part is Part.PREAMBLE:
        for opener in PP_OPENERS:
            if text.lstrip().startswith(opener + " "):
                return opener
    if not words[0][:1].isupper():
        return ""
    core = _strip_adverbs(words)
    head = core[0][:1].upper() + core[0][1:]  # "Deeply shocked": the participle after the adverb
    if part is Part.PREAMBLE:
        ok = ((re.fullmatch(r"[A-Z][a-z-]+(?:ing|ed|en)", head) is not None and head not in NOT_PARTICIPLES)
              or head in PP_ADJECTIVES)
    else:
        ok = re.fullmatch(r"[A-Z][a-z-]+[^s]s", head) is not None and head not in NOT_VERBS
    if not ok:
        return ""
    return " ".join(words[:len(words) - len(core) + 1])


def lead_of(paragraph: Paragraph, part: Part) -> tuple[str, bool]:
    """(lead, from_lexicon): the lexicon's lead, else the grammatical fallback."""
    lead = paragraph.lead_phrase(part)
    if lead:
        return lead, True
    return fallback_lead(paragraph.text, part), False


def _lead(ctx: Context, paragraph: Paragraph, part: Part) -> tuple[str, bool]:
    """:func:`lead_of`, found once per lint run for each paragraph and shared by the rules."""
    key = (paragraph.text, paragraph.lead, part)  # all that lead_of reads
    found = ctx.leads.get(key)
    if found is None:
        found = ctx.leads[key] = lead_of(paragraph, part)
    return found


@lru_cache(maxsize=None)
def _participles() -> dict[str, str]:
    """'Welcoming' -> 'Welcomes', from the operative verbs of the lexicon."""
    out: dict[str, str] = {}
    for base in OPERATIVE_BASES:
        verb, rest = (base.split(" ", 1) + [""])[:2]
        stems = {verb[:-1], verb[:-2]} if verb.endswith("es") else {verb[:-1]}
        for stem in stems:
            for form in (stem + "ing", stem[:-1] + "ing" if stem.endswith("e") else ""):
                if form and form not in out:
                    out[form] = verb + (" " + rest if rest and not form.endswith(rest) else "")
    return out


def base_lead(lead: str) -> str:
    """The lead without 'also', 'further', 'again'...: 'Also notes' -> 'notes'."""
    words = lead.split()
    prefixes = sorted(PREFIX_ADVERBS, key=len, reverse=True)
    text = " ".join(words)
    for p in prefixes:
        if text.startswith(p + " "):
            text = text[len(p) + 1:]
            break
    for s in sorted(SUFFIX_ADVERBS, key=len, reverse=True):
        text = re.sub(rf" {re.escape(s)}(?= |$)", "", text)
    return text.lower()


# ---------------------------------------------------------------------------- rules

def _opening(p: Paragraph) -> str:
    """The first four words, quoted: '"The trade in conflict …"'."""
    return quoted(" ".join(p.text.split()[:4]) + " …", 60)


def pp_lead(ctx: Context) -> Iterator[Hit]:
    """Each preambular paragraph opens with a participle or adjective lead."""
    for address, p in ctx.top(Part.PREAMBLE):
        if not p.text.strip():
            continue
        lead, _ = _lead(ctx, p, Part.PREAMBLE)
        if lead:
            continue
        first = p.text.split()[0]
        capital = first[:1].upper() + first[1:]
        if first[:1].islower() and lead_of(p.with_text(capital + p.text.lstrip()[len(first):]), Part.PREAMBLE)[0]:
            yield Hit(address, f'preambular lead "{first}" is not capitalized', f'write "{capital}"')
        elif _lead(ctx, p, Part.OPERATIVE)[0]:
            yield Hit(address, f'preambular paragraph opens with the operative verb "{first}"',
                      "open with a participle (\"Noting\", \"Welcoming\") or make it operative")
        else:
            yield Hit(address, f"preambular paragraph does not open with a participle or adjective lead: {_opening(p)}",
                      'open with a lead such as "Recalling", "Noting", "Deeply concerned"')


# Operative-part paragraphs that are not operative paragraphs of their own:
# "Acting under Chapter VII of the Charter," stands unnumbered between operative paragraphs.
_ACTING = re.compile(r"^Acting (?:under|in accordance with)\b")
# "Resolves:" (or "Decides:") followed by paragraphs "1. To defer ..." / "2. That the Commission ..."
# governed by that verb: the form of the early Council texts.
_GOVERNED = re.compile(r"^(?:To|That)\s")
# "The Security Council requests ...": early texts name the organ in each operative paragraph.
_ORGAN = re.compile(r"^(?:The|the) (?:Security Council|General Assembly),?\s+")


def _roles(ctx: Context) -> dict[int, str]:
    """Operative paragraphs (by number) that are not ordinary: 'acting', 'governing', 'governed'."""
    roles: dict[int, str] = {}
    governing: int | None = None  # the number of the "Resolves:" paragraph in force
    for address, p in ctx.top(Part.OPERATIVE):
        text = p.text.strip()
        if _ACTING.match(text) and tail(text)[0] in (",", ":"):
            roles[address.number] = "acting"
            governing = None
        elif governing is not None and _GOVERNED.match(text):
            roles[address.number] = "governed"
            roles[governing] = "governing"  # only once a paragraph is really governed
        elif not p.items and tail(text)[0] == ":" and _lead(ctx, p, Part.OPERATIVE)[0]:
            governing = address.number
        else:
            governing = None
    return roles


def _organ_form(p: Paragraph) -> bool:
    """True for "The Security Council requests ...", a verb after the organ's name."""
    m = _ORGAN.match(p.text)
    if not m:
        return False
    rest = p.text[m.end():]
    return bool(lead_of(p.with_text(rest[:1].upper() + rest[1:]), Part.OPERATIVE)[0])


_INTRO = re.compile(r"^[A-Z][^,;:]{2,100}, (?:and )?(?=[a-z])")


def _after_intro(p: Paragraph) -> bool:
    """True for "In regard to DDR ..., endorses also ...": a phrase, a comma, then the verb."""
    m = _INTRO.match(p.text)
    if not m:
        return False
    rest = p.text[m.end():]
    return bool(p.with_text(rest[:1].upper() + rest[1:]).lead_phrase(Part.OPERATIVE))


def op_verb(ctx: Context) -> Iterator[Hit]:
    """Each operative paragraph opens with a present-tense verb, capitalized."""
    roles = _roles(ctx)
    for address, p in ctx.top(Part.OPERATIVE):
        if not p.text.strip() or _lead(ctx, p, Part.OPERATIVE)[0]:
            continue  # the lead first: it is shared, and it settles most paragraphs
        if roles.get(address.number) in ("acting", "governed") or _organ_form(p) or _after_intro(p):
            continue
        first = p.text.split()[0].rstrip(",;:")
        capital = first[:1].upper() + first[1:]
        if first[:1].islower() and lead_of(p.with_text(capital + p.text.lstrip()[len(first):]), Part.OPERATIVE)[0]:
            yield Hit(address, f'operative verb "{first}" is not capitalized', f'write "{capital}"')
        elif capital in _participles():
            verb = _participles()[capital]
            yield Hit(address, f'operative paragraph opens with the participle "{first}"',
                      f'use the present tense: "{verb}"')
        else:
            yield Hit(address, f"operative paragraph does not open with a present-tense verb: {_opening(p)}",
                      'open with a verb such as "Decides", "Requests", "Calls upon"')


def pp_comma(ctx: Context) -> Iterator[Hit]:
    """Each preambular paragraph ends with a comma."""
    for address, p in ctx.top(Part.PREAMBLE):
        end = effective_end(p)
        if end is None or end == "," or not p.text.strip():
            continue
        where = "its last sub-paragraph" if p.items else "it"
        yield Hit(address, f"preambular paragraph ends with {_describe(end)}: {quoted(_last_text(p))}",
                  f"end {where} with a comma")


def _last_text(p: Paragraph) -> str:
    return _last_text(p.items[-1]) if p.items else p.text


def op_semicolon(ctx: Context) -> Iterator[Hit]:
    """Each operative paragraph but the last ends with a semicolon."""
    ops = ctx.top(Part.OPERATIVE)
    roles = _roles(ctx)
    for address, p in ops[:-1]:
        end = effective_end(p)
        if end is None or end == ";" or not p.text.strip() or roles.get(address.number) in ("acting", "governing"):
            continue
        where = "its last sub-paragraph" if p.items else "it"
        yield Hit(address, f"operative paragraph ends with {_describe(end)}: {quoted(_last_text(p))}",
                  f"end {where} with a semicolon (only the last operative paragraph takes a full stop)")


def op_last_full_stop(ctx: Context) -> Iterator[Hit]:
    """The last operative paragraph ends with a full stop."""
    ops = ctx.top(Part.OPERATIVE)
    if not ops:
        return
    address, p = ops[-1]
    end = effective_end(p)
    if end is None or end == "." or not p.text.strip():
        return
    yield Hit(address, f"last operative paragraph ends with {_describe(end)}: {quoted(_last_text(p))}",
              "end the resolution with a full stop")


def sub_ending(ctx: Context) -> Iterator[Hit]:
    """Sub-paragraphs: introduced by a colon, ending alike, 'and'/'or' only before the last."""
    for address, p in ctx.walk():
        if not p.items or sentence_items(p):
            continue
        intro = tail(p.text)[0]
        if intro not in (":", "—", "–"):
            yield Hit(address, f"the words before the sub-paragraphs end with {_describe(intro)}: {quoted(p.text)}",
                      "end them with a colon")
        marks = [tail(i.text) for i in p.items[:-1]]
        usual = _most_common([m for m, _ in marks], ";" if address.part is Part.OPERATIVE else ",")
        for n, ((mark, conj), item) in enumerate(zip(marks, p.items), start=1):
            if item.items:  # its own last sub-paragraph carries the ending
                continue
            child = address.child(n)
            if mark != usual:
                yield Hit(child, f"sub-paragraph ends with {_describe(mark)} where the others end with {_describe(usual)}",
                          f"end it with {_describe(usual)}")
            if conj and n != len(p.items) - 1:
                yield Hit(child, f'"{conj}" ends a sub-paragraph that is not the one before the last',
                          f'remove "{conj}" (only the one before the last may carry it)')


def _most_common(marks: list[str], convention: str) -> str:
    """The mark most items use; on a tie, the part's convention (";" operative, "," preamble)."""
    if not marks:
        return convention
    best = max(marks.count(m) for m in marks)
    tied = sorted({m for m in marks if marks.count(m) == best})
    return convention if convention in tied else tied[0]


def repeated_lead(ctx: Context) -> Iterator[Hit]:
    """A lead repeated by the next paragraph takes 'also', then 'further'."""
    for part in Part:
        previous = ""
        run = 0
        for address, p in ctx.top(part):
            lead, _ = _lead(ctx, p, part)
            base = base_lead(lead) if lead else ""
            run = run + 1 if base and base == previous else 1
            if _SEIZED.search(p.text):
                continue  # "Decides to remain seized of the matter" is a formula: never "also"
            if run >= 2 and lead and base_lead(lead) == lead.lower():
                word = "also" if run == 2 else "further"
                fix = f'"{_with_modifier(lead, word, part)}"'
                yield Hit(address, f'repeats the lead "{lead}" of the paragraph before', f"write {fix}")
            previous = base


_SEIZED = re.compile(r"^\S+ to remain (?:actively )?seized\b")


def _with_modifier(lead: str, word: str, part: Part) -> str:
    if part is Part.OPERATIVE:
        return f"{word.capitalize()} {lead[0].lower()}{lead[1:]}"
    first, _, rest = lead.partition(" ")
    return f"{first} {word}" + (f" {rest}" if rest else "")


def empty_paragraph(ctx: Context) -> Iterator[Hit]:
    """No paragraph or sub-paragraph is empty."""
    for address, p in ctx.walk():
        if not p.text.strip():
            yield Hit(address, "empty paragraph", "delete it or write its text")


# ---------------------------------------------------------------------------- Model UN

MUN_MAX_LEAD_WORDS = 4


def mun_whereas(ctx: Context) -> Iterator[Hit]:
    """Model UN: no 'Whereas' clauses; preambular paragraphs open with a participle."""
    for address, p in ctx.top(Part.PREAMBLE):
        if p.text.lstrip().lower().startswith("whereas"):
            yield Hit(address, '"Whereas" clause', 'open with a participle such as "Noting" or "Recognizing"')


def mun_lead_length(ctx: Context) -> Iterator[Hit]:
    """Model UN: the lead (the underlined or italic words) is a short phrase."""
    for address, p in ctx.walk():
        if address.sub:
            continue
        lead, _ = _lead(ctx, p, address.part)
        if len(lead.split()) > MUN_MAX_LEAD_WORDS:
            yield Hit(address, f'lead "{lead}" has {len(lead.split())} words',
                      f"keep the italic lead to at most {MUN_MAX_LEAD_WORDS} words; the rest is plain text")


def lead_unknown(ctx: Context) -> Iterator[Hit]:
    """The lead is in the lexicon of opening phrases adopted resolutions use (else: a rare
    phrase, a Model UN invention such as "Applauding", or an OCR slip such as "Reguests")."""
    for address, p in ctx.walk():
        if address.sub or not p.text.strip():
            continue
        lead, known = _lead(ctx, p, address.part)
        if lead and not known:
            yield Hit(address, f'"{lead}" is not among the usual opening phrases',
                      "pick one from `drafting phrases precedents`")


__all__ = ["pp_lead", "pp_comma", "op_verb", "op_semicolon", "op_last_full_stop", "sub_ending",
           "repeated_lead", "empty_paragraph", "mun_whereas", "mun_lead_length", "lead_unknown",
           "lead_of", "base_lead", "tail", "effective_end"]
