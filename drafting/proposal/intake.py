"""The new facts, checked before propose drafts a word: the same checks from Python and the CLI.

A facts file of another series, or a value of the wrong shape, is refused (:class:`FactsError`);
a key the precedent does not know is drafted nowhere and flagged, with the key it likely
misspells ("mandate_ende: did you mean mandate_end?").
"""
from __future__ import annotations

import re
from typing import Any, Mapping

from drafting.errors import FactsError
from drafting.model import Body, Flag, FlagKind, Resolution
from drafting.proposal import facts as F
from drafting.proposal.vocabulary import TERMS, did_you_mean, label

_NOT_STATED = ("sources", "previous_resolution", "agenda_item")  # facts no paragraph states


def check_facts(precedent: Resolution, facts: Mapping[str, Any], source: str = "the facts") -> None:
    """The new facts must speak of what the precedent's facts speak of, in the same shapes."""
    old = precedent.facts
    if not old:
        return
    shared = [k for k in old if k in facts]
    kind = "renewal" if precedent.body is Body.SC else "process"
    if not shared and facts and not any(k in TERMS and TERMS[k].series == kind for k in facts):
        raise FactsError(f"{source}: expected some of the facts that {precedent.label} states "
                         f"({', '.join(list(old)[:6])}), found none of them; is this the facts file of that series?")
    for key in shared:
        a, b = old[key], facts[key]
        if a is None or b is None or (F.is_date_list(a) or F.is_date_list(b)):
            continue  # one date or several: both are dates of one document
        if isinstance(a, list) != isinstance(b, list) or isinstance(a, Mapping) != isinstance(b, Mapping):
            raise FactsError(f"{source}: {key}: expected {_shape(a)} like the precedent's, found {_shape(b)}")


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, Mapping):
        return "a mapping"
    return "a single value"


def new_keys(precedent: Resolution, facts: Mapping[str, Any], handled: set[str]) -> list[Flag]:
    """A flag for each fact the precedent never states: a typo (did you mean) or a fact to place by hand."""
    flags = []
    known = list(precedent.facts)
    for key, value in facts.items():
        if key in precedent.facts or key in _NOT_STATED or key in handled or value is None:
            continue
        role = re.fullmatch(r"(?:earlier_)?([a-z]+)_(?:date|symbol)", key)
        typed = key in TERMS or (role is not None and role.group(1) in F.DOCUMENT_NOUNS)
        guess = None if typed else (did_you_mean(key, known)
                                           or did_you_mean(key, [k for k in TERMS if k not in facts]))
        if guess is not None:
            flags.append(Flag(None, FlagKind.UNKNOWN_FACT,
                              f"The facts give {key} ({F.render(value)}), a name {precedent.label} does not use: "
                              f"did you mean {guess}? Nothing was written for it"))
        else:
            flags.append(Flag(None, FlagKind.MISSING_FACT,
                              f"The facts give {label(key)} ({F.render(value)}), which {precedent.label} never "
                              "states: no paragraph was updated; add it where it belongs"))
    return flags


def read_unrecorded(precedent: Resolution, facts: Mapping[str, Any]) -> tuple[Resolution, list[Flag]]:
    """The precedent with the old value of each new fact it records no value for, read from its words.

    A text just imported has no facts block, yet it states its report's date and its mandate's
    end: the value is read where the text states it in that role (:mod:`.extract`), and a flag
    says which values were read, and where, so the officer checks the edits made from them.
    """
    from dataclasses import replace

    from drafting.proposal.extract import extract_with_origins

    wanted = [k for k in facts if k not in precedent.facts and k not in _NOT_STATED]
    if not wanted:
        return precedent, []
    found, origins = extract_with_origins(precedent)
    read = {k: found[k] for k in wanted if k in found}
    if not read:
        return precedent, []
    where = "; ".join(f"{label(k)}: {F.render(v)}, in {origins[k].paragraph} (“{origins[k].words}”)"
                      for k, v in read.items())
    flag = Flag(None, FlagKind.UNCONFIRMED,
                f"{precedent.label} records no value for {len(read)} of the facts given, so the old "
                f"value{'s were' if len(read) > 1 else ' was'} read from its words ({where}): check the edits "
                "made from them")
    return replace(precedent, facts={**precedent.facts, **read}), [flag]
