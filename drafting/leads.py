"""The lexicon of lead phrases: the words a UN paragraph opens with, set in italics.

Preambular leads are participles or adjectives ("Recognizing", "Deeply concerned"); operative
leads are present-tense verbs ("Decides", "Calls upon"). Both take modifiers ("Recognizing also",
"Also notes", "Further requests", "Noting with appreciation"). Detection takes the longest phrase
of the lexicon that opens the paragraph, so "Noting with deep concern" wins over "Noting".
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .model import Part

# Preambular bases: participles and adjectives seen in GA and SC texts.
PREAMBULAR_BASES = (
    "Acknowledging", "Affirming", "Alarmed", "Anxious", "Appreciating", "Approving", "Aware",
    "Bearing in mind", "Believing", "Cognizant", "Commending", "Concerned", "Condemning",
    "Confident", "Conscious", "Considering", "Convinced", "Deeply alarmed", "Deeply concerned",
    "Deeply conscious", "Deeply convinced", "Deeply disturbed", "Deeply regretting", "Deploring",
    "Desiring", "Determined", "Distressed", "Emphasizing", "Encouraged", "Endorsing",
    "Expressing", "Fully aware", "Fully believing", "Gravely concerned", "Guided by",
    "Having adopted", "Having considered", "Having examined", "Having heard", "Having noted",
    "Having received", "Having reviewed", "Having studied", "Highlighting", "Keeping in mind",
    "Mindful", "Noting", "Observing", "Reaffirming", "Realizing", "Recalling", "Recognizing",
    "Referring", "Regretting", "Reiterating", "Seeking", "Seriously concerned", "Stressing",
    "Taking into account", "Taking into consideration", "Taking note", "Underlining",
    "Underscoring", "Urging", "Viewing with appreciation", "Welcoming", "Whereas",
    "Deeply deploring", "Profoundly concerned", "Gravely alarmed", "Strongly condemning",
    "Acting under Chapter VII", "Noting further", "Bearing in mind also",
)

# Operative bases: third person singular verbs, with their fixed particles.
OPERATIVE_BASES = (
    "Accepts", "Acknowledges", "Adopts", "Affirms", "Appeals", "Appeals to", "Appreciates",
    "Approves", "Authorizes", "Calls for", "Calls on", "Calls upon", "Commends", "Condemns",
    "Confirms", "Congratulates", "Considers", "Decides", "Declares", "Demands", "Deplores",
    "Designates", "Directs", "Emphasizes", "Encourages", "Endorses", "Expresses",
    "Expresses its appreciation", "Expresses its hope", "Expresses its concern",
    "Expresses appreciation", "Expresses concern", "Expresses the hope", "Invites", "Notes",
    "Proclaims", "Reaffirms", "Recalls", "Recognizes", "Recommends", "Regrets", "Reiterates",
    "Rejects", "Reminds", "Renews", "Repeats", "Requests", "Resolves", "Solemnly affirms",
    "Stresses", "Strongly condemns", "Strongly urges", "Strongly encourages", "Supports",
    "Takes note", "Takes note with appreciation", "Underlines", "Underscores", "Urges",
    "Welcomes", "Warns", "Insists", "Highlights", "Invites", "Deeply deplores", "Demands further",
    "Calls once again upon", "Encourages further", "Pays tribute", "Looks forward",
    "Takes into account", "Deems", "Deprecates", "Censures", "Agrees", "Determines",
    "Establishes", "Extends", "Instructs", "Notes with appreciation",
)

# Modifiers: "Also notes", "Recognizing also", "Noting with deep concern".
PREFIX_ADVERBS = ("Also", "Further", "Again", "Once again", "Once more", "Strongly", "Also strongly",
                  "Further strongly", "Urgently", "Firmly", "Further also", "Emphatically",
                  "Solemnly", "Deeply", "Fully", "Equally")
SUFFIX_ADVERBS = ("also", "further", "again", "once again", "once more", "therefore", "in particular")
MANNERS = ("with appreciation", "with satisfaction", "with concern", "with deep concern",
           "with grave concern", "with serious concern", "with regret", "with deep regret",
           "with interest", "with approval", "with alarm", "with great concern", "with grave alarm",
           "with indignation", "with dismay", "with gratitude", "with deep appreciation",
           "with profound concern", "with anxiety", "with deep anxiety")


@lru_cache(maxsize=None)
def _pattern(part_value: str | None) -> re.Pattern[str]:
    if part_value == "PP":
        bases = PREAMBULAR_BASES
    elif part_value == "OP":
        bases = OPERATIVE_BASES
    else:
        bases = PREAMBULAR_BASES + OPERATIVE_BASES

    def alt(words: tuple[str, ...]) -> str:
        # Longest first so the regex engine prefers "Noting with deep concern" over "Noting".
        return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))

    lowered = tuple(b[0].lower() + b[1:] for b in bases)
    prefix = f"(?:(?:{alt(PREFIX_ADVERBS)}) (?:{alt(lowered)})|(?:{alt(bases)}))"
    return re.compile(
        rf"^{prefix}(?: (?:{alt(SUFFIX_ADVERBS)}))?(?: (?:{alt(MANNERS)}))?(?: (?:{alt(SUFFIX_ADVERBS)}))?"
        r"(?=$|[\s,;:.])"
    )


def detect_lead(text: str, part: "Part | None" = None) -> str:
    """The lead phrase that opens ``text`` ('' when the lexicon knows none)."""
    match = _pattern(part.value if part is not None else None).match(text.lstrip())
    return match.group(0) if match else ""


def starts_with_lead(text: str, part: "Part | None" = None) -> bool:
    return bool(detect_lead(text, part))
