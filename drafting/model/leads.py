"""The lexicon of lead phrases: the words a UN paragraph opens with, set in italics.

Preambular leads are participles or adjectives ("Recognizing", "Deeply concerned"); operative
leads are present-tense verbs ("Decides", "Calls upon"). Both take modifiers ("Recognizing also",
"Also notes", "Further requests", "Noting with appreciation"). Detection takes the longest phrase
of the lexicon that opens the paragraph, so "Noting with deep concern" wins over "Noting".
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from drafting.model import Part

# Preambular bases: participles and adjectives seen in GA and SC texts.
PREAMBULAR_BASES = (
    "Acknowledging", "Affirming", "Alarmed", "Anxious", "Appreciating", "Approving", "Aware",
    "Bearing in mind", "Believing", "Cognizant", "Commending", "Concerned", "Condemning",
    "Confident", "Conscious", "Considering", "Convinced", "Deeply alarmed", "Deeply concerned",
    "Deeply conscious", "Deeply convinced", "Deeply disturbed", "Deeply regretting", "Deploring",
    "Desiring", "Determined", "Distressed", "Emphasizing", "Encouraged", "Endorsing",
    "Expressing", "Fully aware", "Fully believing", "Gravely concerned", "Guided by",
    "Highlighting", "Keeping in mind",
    "Mindful", "Noting", "Observing", "Reaffirming", "Realizing", "Recalling", "Recognizing",
    "Referring", "Regretting", "Reiterating", "Seeking", "Seriously concerned", "Stressing",
    "Taking into account", "Taking into consideration", "Taking note", "Underlining",
    "Underscoring", "Urging", "Viewing with appreciation", "Welcoming", "Whereas",
    "Deeply deploring", "Profoundly concerned", "Gravely alarmed", "Strongly condemning",
    "Acting under Chapter VII", "Noting further", "Bearing in mind also",
    # Seen in the Security Council renewal series (UNDOF, UNIFIL):
    "Acting", "Deeply grieved", "Grieved", "Supporting", "Re-emphasizing", "Responding",
    "Indignant", "Solemnly reaffirming", "Re-affirming", "Reiterating also",
    # Seen in the other Security Council texts of 1946-1994:
    "Determining", "Paying tribute", "Calling upon", "Calling on", "Disturbed", "Gravely disturbed",
    "Drawing attention", "Dismayed", "Deeply shocked", "Shocked", "Outraged",
    "Reminding", "Desirous", "Confirming", "Strongly supportive", "Being convinced",
    "Being gravely concerned", "Taking also into account", "Taking into account also",
    "Having in mind", "Welcoming also", "Noting also",
    "Appalled", "Demanding", "Declaring", "Motivated", "Viewing", "Satisfied", "Hoping",
    "Encouraging", "Extending", "Resolved", "Being deeply concerned", "Sharing",
) + tuple(f"Having {also}{done}" for also in ("", "also ", "further ") for done in (
    "been", "begun", "called", "decided", "determined", "discussed", "learned", "taken", "accepted",
    "taken note", "adopted", "considered", "examined", "heard", "noted", "received", "reviewed",
    "studied", "met", "regard", "learnt", "listened", "expressed", "invited", "recommended",
    "critically reviewed"))

# Operative bases: third person singular verbs, with their fixed particles.
OPERATIVE_BASES = (
    "Accepts", "Acknowledges", "Adopts", "Affirms", "Appeals", "Appeals to", "Appreciates",
    "Approves", "Authorizes", "Calls for", "Calls on", "Calls upon", "Commends", "Condemns",
    "Confirms", "Congratulates", "Considers", "Decides", "Declares", "Demands", "Deplores",
    "Designates", "Directs", "Emphasizes", "Encourages", "Endorses", "Expresses",
    "Expresses the hope", "Invites", "Notes",
    "Proclaims", "Reaffirms", "Recalls", "Recognizes", "Recommends", "Regrets", "Reiterates",
    "Rejects", "Reminds", "Renews", "Repeats", "Requests", "Resolves", "Solemnly affirms",
    "Stresses", "Strongly condemns", "Strongly urges", "Strongly encourages", "Supports",
    "Takes note", "Takes note with appreciation", "Underlines", "Underscores", "Urges",
    "Welcomes", "Warns", "Insists", "Highlights", "Deeply deplores", "Demands further",
    "Encourages further", "Pays tribute", "Looks forward",
    "Takes into account", "Deems", "Deprecates", "Censures", "Agrees", "Determines",
    "Establishes", "Extends", "Instructs", "Notes with appreciation",
    # Seen in the Security Council renewal series (UNDOF, UNIFIL):
    "Calls attention", "Re-emphasizes",
    "Re-affirms", "Pays homage", "Takes note also", "Welcomes also",
    # Seen in the other Security Council texts of 1946-1994:
    "Finds", "Entrusts", "Undertakes", "Takes cognizance", "Mandates", "Desires", "Transmits",
    "Hereby resolves", "Hereby records", "Acting under Chapter VII",
    "Holds", "Reconfirms", "Expects", "Requires", "Dissolves", "Records", "Relies", "Believes",
    "Draws the attention", "Observes", "Denounces", "Lends", "Concurs", "Shares", "Salutes",
    "Appoints", "Issues",
) + tuple(f"Calls {how} {particle}" for how in ("also", "further", "again", "once again", "once more",
                                                 "urgently", "therefore")
          for particle in ("upon", "on", "for"))

# "Expressing (its) (deep) concern", "Expresses its appreciation": the noun belongs to the lead.
_EXPRESSED = ("concern", "appreciation", "satisfaction", "gratitude", "support", "anxiety", "alarm",
              "regret", "conviction", "condemnation", "thanks", "readiness", "hope", "determination",
              "outrage", "shock", "indignation", "sympathy", "condolences")
_INTENSITY = ("", "deep ", "grave ", "serious ", "profound ", "strong ", "particular ", "continuing ",
              "full ", "great ", "sincere ", "utmost ")


def _expressed(verb: str) -> tuple[str, ...]:
    return tuple(f"{verb} {its}{how}{what}" for its in ("", "its ") for how in _INTENSITY
                 for what in _EXPRESSED)


PREAMBULAR_BASES += _expressed("Expressing")
OPERATIVE_BASES += _expressed("Expresses")

# Modifiers: "Also notes", "Recognizing also", "Noting with deep concern".
PREFIX_ADVERBS = ("Also", "Further", "Again", "Once again", "Once more", "Strongly", "Also strongly", "Highly",
                  "Further strongly", "Urgently", "Firmly", "Further also", "Emphatically",
                  "Solemnly", "Deeply", "Fully", "Equally")
SUFFIX_ADVERBS = ("also", "further", "again", "once again", "once more", "therefore", "in particular")
MANNERS = ("with appreciation", "with satisfaction", "with concern", "with deep concern",
           "with grave concern", "with serious concern", "with regret", "with deep regret",
           "with interest", "with approval", "with alarm", "with great concern", "with grave alarm",
           "with indignation", "with dismay", "with gratitude", "with deep appreciation",
           "with profound concern", "with anxiety", "with deep anxiety", "with great appreciation",
           "with deep satisfaction", "with great satisfaction", "with profound appreciation")


def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def _heads(part_value: str | None) -> dict[str, tuple[str, ...]]:
    """Every phrase a lead can open with, by its first word, longest first.

    A lookup by first word instead of one alternation regex: compiling a regex of some
    thousand phrases cost more than the rest of a ``drafting diff`` run.
    """
    if part_value == "PP":
        bases = PREAMBULAR_BASES
    elif part_value == "OP":
        bases = OPERATIVE_BASES
    else:
        bases = PREAMBULAR_BASES + OPERATIVE_BASES
    lowered = tuple(b[0].lower() + b[1:] for b in bases)
    heads = [f"{adverb} {base}" for adverb in PREFIX_ADVERBS for base in lowered] + list(bases)
    by_word: dict[str, list[str]] = {}
    for head in _longest_first(tuple(heads)):
        by_word.setdefault(head.split(" ", 1)[0], []).append(head)
    return {word: tuple(phrases) for word, phrases in by_word.items()}


def _by_initial(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """' word' for each word, longest first, by the word's first letter: a lead is matched for
    every paragraph a diff aligns, and only the words opening on the next letter can follow."""
    found: dict[str, list[str]] = {}
    for word in _longest_first(words):
        found.setdefault(word[:1], []).append(" " + word)
    return {initial: tuple(spaced) for initial, spaced in found.items()}


_SUFFIXES = _by_initial(SUFFIX_ADVERBS)
_MANNERS = _by_initial(MANNERS)
_BOUNDARY = frozenset(" \t\n\r\f\v,;:.")


def _options(text: str, pos: int, words: dict[str, tuple[str, ...]]) -> list[int]:
    """Where an optional ' word' may end after ``pos``: each that follows, longest first, then none."""
    if text[pos:pos + 1] != " ":
        return [pos]
    return [pos + len(w) for w in words.get(text[pos + 1:pos + 2], ()) if text.startswith(w, pos)] + [pos]


@lru_cache(maxsize=None)
def _head_sets(part_value: str | None) -> dict[str, tuple[frozenset[str], tuple[int, ...]]]:
    """The heads of :func:`_heads` by first word as a set, with their lengths, longest first."""
    return {word: (frozenset(heads), tuple(sorted({len(h) for h in heads}, reverse=True)))
            for word, heads in _heads(part_value).items()}


def match_lead(text: str, part_value: str | None) -> str:
    """The longest-first, first-fit match of: head [suffix adverb] [manner] [suffix adverb]."""
    first = text.split(" ", 1)[0].rstrip(",;:.")
    heads, lengths = _head_sets(part_value).get(first, (frozenset(), ()))
    # A head can only end where the text ends or a boundary follows (else no adverb or end can
    # follow either): try the text's prefixes there, longest first, instead of every head.
    for length in lengths:
        if not (length == len(text) or text[length:length + 1] in _BOUNDARY) or text[:length] not in heads:
            continue
        head = text[:length]
        for a in _options(text, len(head), _SUFFIXES):
            for b in _options(text, a, _MANNERS):
                for c in _options(text, b, _SUFFIXES):
                    if c == len(text) or text[c] in _BOUNDARY:
                        return text[:c]
    return ""


# Words that may follow a lead ending in the adverb "further" ("Decides further that", "Calls
# further upon the parties"). Before any other lower-case word "further" is an adjective that
# belongs to the object: "Encourages further improvement", "Requests further steps".
_AFTER_FURTHER = frozenset("""the a an all any each every its their his her that to upon on for
with in those these this both whether how""".split())


def detect_lead(text: str, part: "Part | None" = None) -> str:
    """The lead phrase that opens ``text`` ('' when the lexicon knows none)."""
    text = text.lstrip()
    lead = match_lead(text, part.value if part is not None else None)
    if not lead:
        return ""
    if lead.endswith(" further"):
        following = text[len(lead):].split(None, 1)
        word = following[0] if following else ""
        if word[:1].islower() and word.strip(",;:") not in _AFTER_FURTHER:
            shorter = lead[: -len(" further")]
            if detect_lead(shorter, part) == shorter:
                return shorter
    return lead
