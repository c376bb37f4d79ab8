"""Facts files for a person: what a precedent states, and the file a drafter fills in for next time.

``drafting facts extract`` writes the facts a precedent states, each under its role with the
paragraph and words it was read from as a comment; ``drafting facts next`` writes the facts file
of the next text: every key with last time's value (a value left as it is is a decision, not an
omission), the words it stands in as a comment, and the values the calendar gives already
worked out and marked ``derived``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from drafting.model import Body, Resolution
from drafting.proposal import facts as F
from drafting.proposal.extract import Origin, extract_with_origins
from drafting.proposal.vocabulary import label
from drafting.proposal.verify import quote


@dataclass(frozen=True)
class Stated:
    """A fact of a precedent: its value and where the text states it (None: not in its words)."""

    key: str
    value: Any
    origin: Origin | None


def stated(precedent: Resolution, previous: str | None = None) -> list[Stated]:
    """The facts ``precedent`` states, by role, with where each stands.

    A Council text is read afresh (:mod:`.extract`); a text whose facts come from a facts file
    (an Assembly text) keeps its ``facts`` block, each value located in the words where it stands.
    """
    if precedent.body is Body.SC or not precedent.facts:
        facts, origins = extract_with_origins(precedent, previous or _previous(precedent))
        return [Stated(k, v, origins.get(k)) for k, v in facts.items()]
    from drafting.proposal.engine import where_stated

    places = where_stated(precedent)
    out = []
    for key, value in precedent.facts.items():
        if key == "sources":
            continue
        spots = [spot for path, found in places.items() if re.split(r"[.\[]", path)[0] == key for spot in found]
        address, start, end = min(spots) if spots else (None, 0, 0)
        text = precedent.get(address).text if address else ""
        out.append(Stated(key, value, Origin(address, _around(text, start, end)) if address else None))
    return out


def _previous(precedent: Resolution) -> str | None:
    value = precedent.facts.get("previous_resolution")
    return value if isinstance(value, str) else None


def _around(text: str, start: int, end: int, words: int = 6) -> str:
    head = text[:start].split()[-words:]
    return " ".join(head + [text[start:end]])


def _entry(key: str, value: Any, comments: list[str]) -> str:
    body = yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    return "".join(f"# {c}\n" for c in comments) + body


def _where(fact: Stated) -> str:
    if fact.origin is None:
        return "not in the words of the text"
    return f"{fact.origin.paragraph}: {quote(fact.origin.words)}"


def extract_text(precedent: Resolution) -> str:
    """The facts ``precedent`` states as a facts file, each with where it was read."""
    lines = [f"# Facts stated by {precedent.label}, by role; each with the paragraph and words it was read from.\n"]
    for fact in stated(precedent):
        lines.append(_entry(fact.key, fact.value, [f"{label(fact.key)}: {_where(fact)}"]))
    return "\n".join(lines)


def next_text(precedent: Resolution) -> str:
    """The facts file of the text after ``precedent``, for a drafter to fill in."""
    from drafting.proposal.renewal import derived_facts

    facts = stated(precedent)
    old = {f.key: f.value for f in facts}
    derived = derived_facts(old, {})
    own = F.short_symbol(precedent.symbol)
    if precedent.body is Body.SC and own:
        derived["previous_resolution"] = own
    lines = [f"# Facts of the text after {precedent.label}: fill in each value for the new text.\n"
             "# A value left as it is is a decision (\"unchanged\"); null means \"none this time\" and leaves a\n"
             "# visible placeholder in the draft; a key deleted is not known: the draft asks for it in brackets.\n"]
    for fact in facts:
        if fact.key in derived:
            continue
        lines.append(_entry(fact.key, fact.value, [f"{label(fact.key)}: last time {F.render(fact.value)}, in "
                                                   f"{_where(fact)}"]))
    for key, value in derived.items():
        why = {"mandate_end": "the old end plus the period",
               "mandate_period": "last time's period, with which the end is worked out"}.get(key, "the text just adopted")
        last = f"; last time {F.render(old[key])}" if key in old else ""
        lines.append(_entry(key, value, [f"{label(key)}: derived from {why}{last}: check it"]))
    return "\n".join(lines)
