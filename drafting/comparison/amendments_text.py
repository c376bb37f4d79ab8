"""Amendments written as the UN writes them, and the names of paragraphs in that language.

"In the third preambular paragraph, replace the words “X” with the words “Y”." Preambular
paragraphs are named by ordinal words, operative ones by number, sub-paragraphs by their label
after their paragraph ("operative paragraph 5 (b)"). Quotations use “ ” unless the words hold
one of those marks (then « », ‹ › or 「 」). Paragraphs to insert follow on their own lines, each in quotation
marks, sub-paragraphs indented four more spaces and labelled. :mod:`.amend` reads this back.
"""
from __future__ import annotations

import json

from drafting.comparison.amendments import (Amendment, AmendWords, Anchor, CheckText, DeleteParagraphs, InsertParagraphs,
                                            MoveParagraph, ReplaceParagraphs, Place, ReplaceText, WordAction, WordEdit,
                                            amendment_dict, amendments)
from drafting.errors import DraftingError
from drafting.model import Address, Comparison, Paragraph, Part, Resolution, label, ordinal_word

INDENT = "    "


def paragraph_name(address: Address) -> str:
    """'the third preambular paragraph', 'operative paragraph 5 (b)', 'subparagraph (a) of the
    third preambular paragraph'."""
    labels = " ".join(f"({label(d, n)})" for d, n in enumerate(address.sub, start=1))
    if address.part is Part.OPERATIVE:
        return f"operative paragraph {address.number}" + (f" {labels}" if labels else "")
    name = f"the {ordinal_word(address.number)} preambular paragraph"
    return f"subparagraph {labels} of {name}" if labels else name


def _names(addresses: tuple[Address, ...]) -> str:
    """Several paragraphs: 'operative paragraphs 7 to 9', 'the third and fourth preambular paragraphs'."""
    if len(addresses) == 1:
        return paragraph_name(addresses[0])
    first, last = addresses[0], addresses[-1]
    joiner = " and " if len(addresses) == 2 else " to "
    if not any(a.sub for a in addresses):
        if first.part is Part.OPERATIVE:
            return f"operative paragraphs {first.number}{joiner}{last.number}"
        return (f"the {ordinal_word(first.number)}{joiner}{ordinal_word(last.number)} "
                f"preambular paragraphs")
    return ", ".join(paragraph_name(a) for a in addresses[:-1]) + " and " + paragraph_name(last)


def quote(words: str) -> str:
    """Words in quotation marks that cannot be confused with the marks around them."""
    if "\n" in words:
        raise DraftingError(f"cannot write an amendment quoting a line break: “{words[:40]}”")
    for opening, closing in (("“", "”"), ("«", "»"), ("‹", "›"), ("「", "」")):
        if opening not in words and closing not in words:
            return f"{opening}{words}{closing}"
    raise DraftingError(f"cannot quote words holding all of the marks “” «» ‹› 「」: {words[:40]}")


_MARKS = {",": "comma", ";": "semicolon", ":": "colon", ".": "full stop"}


def _words(words: str) -> str:
    """'the word “X”', 'the words “X Y”', 'the semicolon “;”'."""
    if words in _MARKS:
        return f"the {_MARKS[words]} {quote(words)}"
    return ("the word " if len(words.split()) == 1 else "the words ") + quote(words)


def edit_phrase(edit: WordEdit) -> str:
    """One word edit: 'replace the words “X” with the words “Y”', 'delete the word “Z”', ..."""
    if edit.action is WordAction.DELETE:
        return f"delete {_words(edit.words)}"
    if edit.action is WordAction.REPLACE and edit.place is Place.END:
        return f"replace {_words(edit.words)} at the end with {_words(edit.new)}"
    if edit.action is WordAction.REPLACE:
        return f"replace {_words(edit.words)} with {_words(edit.new)}"
    if edit.place is Place.START:
        return f"insert {_words(edit.new)} at the beginning"
    if edit.place is Place.END:
        return f"add {_words(edit.new)} at the end"
    where = "after" if edit.place is Place.AFTER else "before"
    return f"insert {_words(edit.new)} {where} {_words(edit.words)}"


def _edit_list(edits: tuple[WordEdit, ...]) -> str:
    phrases = [edit_phrase(e) for e in edits]
    if len(phrases) <= 1:
        return "".join(phrases)
    return "; ".join(phrases[:-1]) + "; and " + phrases[-1]


def _placed(amendment: Amendment) -> str:
    if isinstance(amendment, MoveParagraph):
        return "paragraph moved"
    if isinstance(amendment, InsertParagraphs) and len(amendment.paragraphs) > 1:
        return "paragraphs inserted"
    return "paragraph inserted"


def anchor_phrase(anchor: Anchor, done: tuple[Amendment, ...]) -> str:
    """'after operative paragraph 5', 'before the first preambular paragraph', 'at the beginning of
    the operative part', 'after the paragraph inserted by amendment 3' (lower case)."""
    if anchor.amendment is not None:
        what = _placed(done[anchor.amendment - 1]) if anchor.amendment <= len(done) else "paragraph placed"
        return f"after the {what} by amendment {anchor.amendment}"
    if anchor.place in (Place.AFTER, Place.BEFORE):
        assert anchor.address is not None
        return f"{anchor.place.value} {paragraph_name(anchor.address)}"
    end = "beginning" if anchor.place is Place.START else "end"
    if anchor.address is not None:
        return f"at the {end} of the subparagraphs of {paragraph_name(anchor.address)}"
    return f"at the {end} of the " + ("preamble" if anchor.part is Part.PREAMBLE else "operative part")


def block(paragraphs: tuple[Paragraph, ...], first: Address | None = None) -> list[str]:
    """Paragraphs to insert, one line each in quotation marks, sub-paragraphs indented and
    labelled; before each paragraph its new number ("6. ") or label ("(c) ") when ``first`` gives it."""
    lines: list[str] = []

    def add(paragraph: Paragraph, depth: int, tag: str) -> None:
        lines.append(INDENT * (depth + 1) + quote(tag + paragraph.text))
        level = (len(first.sub) if first else 0) + depth + 1
        for n, item in enumerate(paragraph.items, start=1):
            add(item, depth + 1, f"({label(level, n)}) ")

    for k, paragraph in enumerate(paragraphs):
        add(paragraph, 0, _tag(first, k))
    return lines


def _tag(first: Address | None, k: int) -> str:
    """The number or label printed before the k-th new paragraph from ``first``."""
    if first is None or (first.part is Part.PREAMBLE and not first.sub):
        return ""
    if first.sub:
        return f"({label(len(first.sub), first.sub[-1] + k)}) "
    return f"{first.number + k}. "


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def amendment_text(amendment: Amendment, done: tuple[Amendment, ...]) -> list[str]:
    """The lines of one amendment (without its number); ``done`` are the amendments before it."""
    if isinstance(amendment, AmendWords):
        return [f"In {paragraph_name(amendment.target)}, {_edit_list(amendment.edits)}."]
    if isinstance(amendment, ReplaceText):
        return ([f"Replace the text of {paragraph_name(amendment.target)} with:"]
                + block((Paragraph(amendment.text),), amendment.target if amendment.target.sub else None))
    if isinstance(amendment, DeleteParagraphs):
        return [f"Delete {_names(amendment.targets)}."]
    if isinstance(amendment, CheckText):
        return ([f"Check that {paragraph_name(amendment.target)} now reads:"]
                + block((Paragraph(amendment.text),), amendment.target if amendment.target.sub else None))
    if isinstance(amendment, ReplaceParagraphs):
        kind = "subparagraph" if amendment.targets[0].sub else "paragraph"
        what = f"a new {kind} reading:" if len(amendment.paragraphs) == 1 else f"the following new {kind}s:"
        return [f"Replace {_names(amendment.targets)} with {what}"] + block(amendment.paragraphs, amendment.first)
    if isinstance(amendment, MoveParagraph):
        where = anchor_phrase(amendment.anchor, done)
        where = where.replace("after ", "to follow ", 1).replace("before ", "to precede ", 1)
        where = where.replace("at the ", "to the ", 1)
        edits = f" and {_edit_list(amendment.edits)}" if amendment.edits else ""
        return [f"Move {paragraph_name(amendment.target)} {where}{edits}."]
    kind = "subparagraph" if amendment.sub else "paragraph"
    what = (f"a new {kind} reading:" if len(amendment.paragraphs) == 1
            else f"the following new {kind}s:")
    return ([f"{_cap(anchor_phrase(amendment.anchor, done))}, insert {what}"]
            + block(amendment.paragraphs, amendment.first))


def format_amendments(amendments: tuple[Amendment, ...], base: Resolution | None = None) -> str:
    """The numbered amendment list, under a heading naming the draft amended."""
    name = (base.draft or base.symbol or base.label) if base is not None else None
    lines = [f"Amendments to draft resolution {name}" if name else "Amendments", ""]
    for number, amendment in enumerate(amendments, start=1):
        first, *rest = amendment_text(amendment, amendments[:number - 1])
        lines.append(f"{number}. {first}")
        lines.extend(rest)
        lines.append("")
    if not amendments:
        lines.append("No amendments: the texts are the same.")
        lines.append("")
    return "\n".join(lines)


def render_amendments(comparison: Comparison, fmt: str = "amendments",
                      found: tuple[Amendment, ...] | None = None) -> str:
    """The amendments taking ``comparison.old`` to ``comparison.new`` (``found``, when already
    planned): UN text, or JSON (``fmt="amendments-json"``: the typed operations, numbered, in a
    fixed key order)."""
    if found is None:
        found = amendments(comparison)
    if fmt != "amendments-json":
        return format_amendments(found, comparison.old)
    rows = [{"number": n, **amendment_dict(a)} for n, a in enumerate(found, start=1)]
    data = {"base": comparison.old.label, "new": comparison.new.label, "amendments": rows}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
