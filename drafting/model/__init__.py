"""The domain: resolutions, paragraphs, addresses, the results of compare and propose, UN grammar.

Frozen dataclasses and ``str`` enums (:mod:`.resolution`), the lead-phrase lexicon
(:mod:`.leads`) and the one place UN dates, ordinals, roman numerals and symbols are read and
written (:mod:`.grammar`). No I/O; every other stage imports this one.
"""
from __future__ import annotations

from drafting.model.grammar import (DATE_RE, MEETING_ORDINAL_RE, MONTH_RE, MONTHS, ORDINAL_RE, PLENARY_RE,
                                    SYMBOL_RE, counted, format_date, from_roman, is_roman, label, letter,
                                    make_date, number_word, ordinal_digits, ordinal_word, parse_date,
                                    parse_ordinal, roman, unlabel)
from drafting.model.leads import detect_lead
from drafting.model.proposals import Edit, Flag, FlagKind, Proposal
from drafting.model.resolution import (METADATA_KEYS, ROMAN, Address, Body, Change, ChangeKind, Comparison,
                                       FieldChange, Hunk, HunkClass, HunkOp, Paragraph, Part, Resolution)
from drafting.model.sections import Section, printed_number, section_problems

__all__ = [
    "DATE_RE", "MEETING_ORDINAL_RE", "METADATA_KEYS", "MONTHS", "MONTH_RE", "ORDINAL_RE", "PLENARY_RE", "ROMAN", "SYMBOL_RE", "Address", "Body",
    "Change", "ChangeKind", "Comparison", "Edit", "FieldChange", "Flag", "FlagKind", "Hunk", "HunkClass", "HunkOp",
    "Paragraph", "Part", "Proposal", "Resolution", "Section", "printed_number", "section_problems", "detect_lead", "format_date", "from_roman",
    "counted", "is_roman", "label", "letter", "make_date", "number_word", "ordinal_digits", "ordinal_word",
    "parse_date", "parse_ordinal", "roman", "unlabel",
]
