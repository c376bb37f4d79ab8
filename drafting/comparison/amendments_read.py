"""Read a list of UN-style amendments, as written by this toolkit or typed by a person.

The grammar (docs/amendments.md): numbered amendments ("1.", "2)"), each a sentence naming a
paragraph of the base text ("In operative paragraph 5, ...", "PP3: ...", "After the third
preambular paragraph, insert ...", "Delete operative paragraphs 7 to 9", "Move ... to follow ...",
"Replace ... with the following new paragraphs:"), with quoted words in “ ”, " ", ‘ ’, ' ' or « »,
and new paragraphs on the lines below, each in quotation marks, sub-paragraphs indented.
"""
from __future__ import annotations

import re
from typing import Callable

from drafting.comparison.amendments import (Amendment, AmendmentError, AmendWords, Anchor, CheckText,
                                            DeleteParagraphs,
                                            EditError, InsertParagraphs, MoveParagraph, Numbered, Place,
                                            ReplaceParagraphs, ReplaceText, WordAction, WordEdit)
from drafting.model import ORDINAL_RE, Address, Paragraph, Part, parse_ordinal, unlabel

_OPEN = {"“": "”\"", '"': "\"”", "‘": "’'", "'": "'’", "«": "»", "‹": "›", "「": "」"}
_CLOSE = "”\"’'»›」"
_Q = r"\x00(\d+)\x00"
_W = r"(?:the\s+(?:following\s+)?(?:words?|phrase|term|comma|semicolon|colon|full\s+stop)\s*:?\s*)?"
_LABELS = r"(?:\s*\(\s*[a-z]+\s*\))*"
_ADDR = (r"(?:subparagraph\s*(?P<pre>(?:\s*\(\s*[a-z]+\s*\))+)\s+of\s+)?(?:"
         rf"(?:the\s+)?(?P<ord>{ORDINAL_RE})\s+(?P<k1>preambular|operative)\s+paragraph(?P<l1>{_LABELS})"
         rf"|(?P<k2>preambular|operative)\s+paragraph\s+(?P<n2>\d+)(?P<l2>{_LABELS})"
         rf"|(?P<k3>PP|OP)\s*\.?\s*(?P<n3>\d+)(?P<l3>{_LABELS})"
         rf"|paragraph\s+(?P<n4>\d+)(?P<l4>{_LABELS}))")
_ADDR_RE = re.compile(_ADDR, re.IGNORECASE)


def _quotes(text: str) -> tuple[str, list[str]]:
    """``text`` with each quotation replaced by a numbered placeholder, and the quotations."""
    out: list[str] = []
    found: list[str] = []
    k = 0
    while k < len(text):
        char = text[k]
        inside_word = char in "'‘" and k > 0 and text[k - 1].isalnum()
        if char in _OPEN and not inside_word:
            end = next((j for j in range(k + 1, len(text)) if text[j] in _OPEN[char]
                        and not (j + 1 < len(text) and text[j + 1].isalnum())), None)
            if end is None:
                raise EditError(f"a quotation opened with {char} is never closed")
            out.append(f"\x00{len(found)}\x00")
            found.append(text[k + 1:end])
            k = end + 1
            continue
        out.append(char)
        k += 1
    return "".join(out), found


def _address(match: re.Match[str]) -> Address:
    """The Address a match of ``_ADDR`` names."""
    g = match.groupdict()
    if g["ord"]:
        number = parse_ordinal(g["ord"]) or 0
        kind, labels = g["k1"], g["l1"]
    else:
        kind = g["k2"] or g["k3"] or "operative"
        number = int(g["n2"] or g["n3"] or g["n4"])
        labels = g["l2"] or g["l3"] or g["l4"] or ""
    part = Part.PREAMBLE if kind.lower() in ("preambular", "pp") else Part.OPERATIVE
    letters = re.findall(r"\(\s*([a-z]+)\s*\)", (g["pre"] or "") + labels, re.IGNORECASE)
    try:
        sub = tuple(unlabel(d, t.lower()) for d, t in enumerate(letters, start=1))
    except (ValueError, KeyError):
        raise EditError(f"expected sub-paragraph labels such as (b) or (b) (ii), found {labels.strip()!r}") from None
    return Address(part, number, sub)


_ENDS = {"beginning": Place.START, "end": Place.END}
_EDIT_FORMS: list[tuple[re.Pattern[str], Callable[[list[str], re.Match[str]], WordEdit]]] = [
    (re.compile(rf"replace\s+{_W}{_Q}\s+at\s+the\s+end(?:\s+of\s+the\s+(?:paragraph|text))?\s+(?:with|by)\s+{_W}{_Q}",
                re.I),
     lambda q, m: WordEdit(WordAction.REPLACE, q[int(m[1])], q[int(m[2])], Place.END)),
    (re.compile(rf"replace\s+{_W}{_Q}\s+(?:with|by)\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.REPLACE, q[int(m[1])], q[int(m[2])])),
    (re.compile(rf"substitute\s+{_W}{_Q}\s+for\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.REPLACE, q[int(m[2])], q[int(m[1])])),
    (re.compile(rf"(?:delete|remove|strike\s+out)\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.DELETE, q[int(m[1])])),
    (re.compile(rf"(?:insert|add)\s+{_W}{_Q}\s+(after|before)\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.INSERT, q[int(m[3])], q[int(m[1])], Place(m[2].lower()))),
    (re.compile(rf"(after|before)\s+{_W}{_Q}\s*,?\s*(?:insert|add)\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.INSERT, q[int(m[2])], q[int(m[3])], Place(m[1].lower()))),
    (re.compile(rf"(?:insert|add)\s+{_W}{_Q}\s+at\s+the\s+(beginning|end)(?:\s+of\s+the\s+(?:paragraph|text))?", re.I),
     lambda q, m: WordEdit(WordAction.INSERT, "", q[int(m[1])], _ENDS[m[2].lower()])),
    (re.compile(rf"(?:at\s+the\s+)?(beginning|end)(?:\s+of\s+the\s+(?:paragraph|text))?\s*,?\s*(?:insert|add)\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.INSERT, "", q[int(m[2])], _ENDS[m[1].lower()])),
    (re.compile(rf"(?:insert|add)\s+at\s+the\s+(beginning|end)(?:\s+of\s+the\s+(?:paragraph|text))?\s+{_W}{_Q}", re.I),
     lambda q, m: WordEdit(WordAction.INSERT, "", q[int(m[2])], _ENDS[m[1].lower()])),
]
_SEPARATOR = re.compile(r"\s*(?:[,;]\s*)?(?:and\s+)?", re.I)


def _edits(text: str, quotes: list[str]) -> tuple[WordEdit, ...]:
    """The word edits of ``text`` (placeholders for quotations), one after another."""
    edits: list[WordEdit] = []
    at = 0
    text = text.strip()
    while at < len(text):
        for pattern, build in _EDIT_FORMS:
            match = pattern.match(text, at)
            if match:
                edits.append(build(quotes, match))
                at = _SEPARATOR.match(text, match.end()).end()  # type: ignore[union-attr]
                break
        else:
            rest = _unquote(text[at:], quotes)
            raise EditError(f"expected a word edit such as 'replace the words “X” with the words “Y”', "
                            f"'delete the words “X”' or 'insert the words “Y” after the words “X”', "
                            f"found {rest[:60]!r}")
    if not edits:
        raise EditError("expected at least one word edit after the paragraph")
    return tuple(edits)


def _unquote(text: str, quotes: list[str]) -> str:
    return re.sub(_Q, lambda m: f"“{quotes[int(m[1])]}”", text)


_PLACED = r"(?:new\s+)?(?:sub)?paragraphs?\s+(?:inserted|moved|placed|added)\s+by\s+amendment\s+(\d+)"
_LIST_END = (r"(beginning|end)\s+of\s+(?:the\s+)?(?:(preamble|preambular\s+part|operative\s+part)"
             rf"|(?:list\s+of\s+)?subparagraphs\s+(?:of|in)\s+(?P<of>{_ADDR}))")


def _where(verb: str, rest: str) -> Anchor:
    """'after|before|to follow|to precede' + a paragraph or an amendment; 'at|to the beginning|end of'."""
    place = Place.AFTER if verb.lower() in ("after", "to follow", "following") else Place.BEFORE
    rest = rest.strip()
    placed = re.fullmatch(rf"(?:the\s+)?{_PLACED}", rest, re.I)
    if placed:
        if place is not Place.AFTER:
            raise EditError("expected 'after' (or 'to follow') the paragraph placed by an amendment")
        return Anchor(Place.AFTER, amendment=int(placed[1]))
    match = _ADDR_RE.fullmatch(rest)
    if not match:
        raise EditError(f"expected a paragraph such as 'operative paragraph 5' or 'the third preambular "
                        f"paragraph' {verb.lower()} '{verb}', found {rest[:60]!r}")
    return Anchor(place, _address(match))


def _list_end(match: re.Match[str]) -> Anchor:
    place = _ENDS[match[1].lower()]
    if match["of"]:
        inner = _ADDR_RE.fullmatch(match["of"])
        assert inner is not None
        return Anchor(place, _address(inner))
    return Anchor(place, part=Part.PREAMBLE if match[2].lower().startswith("pream") else Part.OPERATIVE)


_EDIT_VERB = r"(?:replace|delete|insert|add|substitute|remove|strike|after|before|at\s+the)\b"
_RENUMBER = re.compile(r"[,;]?\s*(?:and\s+)?renumber\b[^.;]*?accordingly", re.I)
_WILL_READ = re.compile(r"[,;]?\s*so\s+that\s+the\s+(?:sub)?paragraph\s+(?:will|would|shall)\s+(?:now\s+)?read\s*:?\s*$",
                        re.I)
_CHECK = re.compile(r"check\s+that\s+(.+?)\s+(?:now\s+)?reads\s*:?$", re.I)
_FILLER = re.compile(r"\s*,?\s*(?:reading|which\s+reads|as\s+follows|to\s+read)\s*:?\s*$|\s*:\s*$", re.I)


def _paragraph_list(text: str) -> tuple[Address, ...]:
    """'operative paragraphs 7 to 9', 'the third and fourth preambular paragraphs', 'OP7 and OP8'."""
    plural = re.search(r"\b(preambular|operative)\s+paragraphs\b|\bparagraphs\s+(?:\d|of\s+the\s+pream)", text, re.I)
    if plural:
        part = Part.PREAMBLE if "pream" in text.lower() else Part.OPERATIVE
        tokens = re.findall(rf"\d+|{ORDINAL_RE}|\bto\b", text, re.I)
        numbers: list[int] = []
        for k, token in enumerate(tokens):
            if token.lower() == "to":
                continue
            n = int(token) if token.isdigit() else parse_ordinal(token) or 0
            if k and tokens[k - 1].lower() == "to" and numbers:
                numbers.extend(range(numbers[-1] + 1, n + 1))
            else:
                numbers.append(n)
        return tuple(Address(part, n) for n in numbers)
    out = []
    for piece in re.split(r"\s*(?:,\s*(?:and\s+)?|\band\s+)", text.strip()):
        match = _ADDR_RE.fullmatch(piece.strip())
        if not match:
            raise EditError(f"expected a paragraph such as 'operative paragraph 7', found {piece[:60]!r}")
        out.append(_address(match))
    return tuple(out)


def _head_paragraph(text: str) -> tuple[Address, str] | None:
    """'In operative paragraph 5, <rest>' or 'Operative paragraph 5: <rest>'; None otherwise."""
    match = re.match(rf"(?:(?:in|to)\s+)?({_ADDR})\s*(?:[,:]\s*|\s+(?={_EDIT_VERB}))", text, re.I)
    if not match:
        return None
    inner = _ADDR_RE.fullmatch(match[1])
    assert inner is not None
    return _address(inner), text[match.end():]


def _tail_paragraph(text: str) -> tuple[Address, str] | None:
    """'<edits> in operative paragraph 5'; None otherwise."""
    match = re.search(rf"\s+(?:in|of|from|to)\s+({_ADDR})\s*$", text, re.I)
    if not match:
        return None
    inner = _ADDR_RE.fullmatch(match[1])
    assert inner is not None
    return _address(inner), text[:match.start()]


def _parse_move(text: str, quotes: list[str]) -> MoveParagraph:
    match = re.match(rf"move\s+({_ADDR})\s+(?P<rest>.*)$", text, re.I)
    if not match:
        raise EditError("expected 'Move <paragraph> to follow <paragraph>'")
    inner = _ADDR_RE.fullmatch(match[1])
    assert inner is not None
    rest, edits = _split_edits(match["rest"])
    ends = re.fullmatch(rf"(?:to|at)\s+the\s+{_LIST_END}", rest, re.I)
    if ends:
        anchor = _list_end(ends)
    else:
        verb = re.match(r"(to\s+follow|to\s+precede|after|before|following)\s+", rest, re.I)
        if not verb:
            raise EditError(f"expected 'to follow' or 'to precede' a paragraph, found {rest[:60]!r}")
        anchor = _where(re.sub(r"\s+", " ", verb[1]).replace("to precede", "before"), rest[verb.end():])
    return MoveParagraph(_address(inner), anchor, _edits(edits, quotes) if edits else ())


def _split_edits(text: str) -> tuple[str, str]:
    parts = re.split(rf"\s*[,;]?\s+and\s+(?={_EDIT_VERB})", text, maxsplit=1, flags=re.I)
    return parts[0].strip(), (parts[1] if len(parts) > 1 else "")


def _block(lines: list[str], base: str = "") -> tuple[Paragraph, ...]:
    """Paragraphs given on their own lines (each in quotation marks, or the block in one pair),
    sub-paragraphs by deeper indentation or, in a flush block quoted as one, by a leading label
    such as (a).

    A sub-paragraph's label is dropped; on the paragraphs themselves only what ``base`` says a
    writer puts there: "number" ("6. "), "label" ("(c) "), or nothing.
    """
    rows = [_row(line, k == 0, k == len(lines) - 1) for k, line in enumerate(lines)]
    widths = sorted({w for w, _ in rows})
    each_quoted = all(_wrapped(line.strip()) for line in lines)
    if len(widths) > 1 or each_quoted:
        depths = [widths.index(w) for w, _ in rows]
    else:  # flush, quoted as one block: a labelled line after an unlabelled one is its sub-paragraph
        first = bool(rows and _LABEL.match(rows[0][1]))
        depths = [1 if _LABEL.match(t) and not first else 0 for _, t in rows]
    out: list[tuple[int, str]] = []
    for depth, (_, text) in zip(depths, rows):
        cut = (_LABEL if depth or base == "label" else _NUMBER if base == "number" else None)
        found = cut.match(text) if cut else None
        out.append((depth, text[found.end():] if found else text))
    return _tree(out)


_LABEL = re.compile(r"\([a-z]+\) ")
_NUMBER = re.compile(r"\d+\. ")


def _row(line: str, first: bool, last: bool) -> tuple[int, str]:
    """(indentation, text without the quotation marks around it) of one line of a block."""
    text = line.strip()
    if text[:1] in _OPEN and (first or _wrapped(text)):
        text = text[1:]
    if text[-1:] in _CLOSE and (last or _wrapped(line.strip())):
        text = text[:-1]
    return len(line) - len(line.lstrip()), text


def _wrapped(text: str) -> bool:
    return len(text) >= 2 and text[0] in _OPEN and text[-1] in _OPEN[text[0]] + "”»›」"


def _tree(rows: list[tuple[int, str]]) -> tuple[Paragraph, ...]:
    """Paragraphs from (depth, text) rows in reading order."""
    def build(k: int, depth: int) -> tuple[list[Paragraph], int]:
        out: list[Paragraph] = []
        while k < len(rows) and rows[k][0] >= depth:
            text = rows[k][1]
            items, k = build(k + 1, depth + 1)
            out.append(Paragraph(text, tuple(items)))
        return out, k

    paragraphs, _ = build(0, 0)
    return tuple(paragraphs)


def _insertion(text: str, block: list[str]) -> InsertParagraphs:
    """'After <paragraph>, insert a new paragraph reading:' and the other ways to say it."""
    if not block:
        raise EditError("expected the new paragraph on the lines after the amendment, in quotation marks")
    anchor, what = _insertion_anchor(text)
    sub = bool(re.search(r"subparagraph", what, re.I)) or bool(anchor.address and anchor.address.sub)
    part = anchor.address.part if anchor.address else None if anchor.amendment else anchor.part
    base = "label" if sub else "" if part is Part.PREAMBLE else "number"
    return InsertParagraphs(anchor, _block(block, base), sub)


def _insertion_anchor(text: str) -> tuple[Anchor, str]:
    """Where an insertion goes, and the words that say what is inserted ('a new subparagraph')."""
    lead = re.match(r"(after|before|to\s+follow|to\s+precede|following)\s+(.*?)\s*,\s*(?:insert|add)\b(.*)$",
                    text, re.I)
    if lead:
        return _where(lead[1], lead[2]), lead[3]
    ends = re.match(rf"at\s+the\s+{_LIST_END}\s*,?\s*(?:insert|add)\b(?P<what>.*)$", text, re.I)
    if ends:
        return _list_end(ends), ends["what"]
    what = _FILLER.sub("", re.sub(r"^(?:insert|add)\b", "", text, flags=re.I))
    where = re.search(r"\s(after|before|to\s+follow|to\s+precede)\s+(.*)$", what, re.I)
    if where:
        return _where(where[1], where[2]), what
    at_end = re.search(rf"\s(?:at\s+)?the\s+{_LIST_END}", what, re.I)
    if at_end:
        return _list_end(at_end), what
    if not re.match(r"^(?:insert|add)\b", text, re.I):
        raise EditError(f"expected 'After <paragraph>, insert a new paragraph reading:', found “{text[:60]}”")
    part = Part.PREAMBLE if re.search(r"preambular", what, re.I) else Part.OPERATIVE
    return Anchor(Place.END, part=part), what


# "Delete the first and second paragraphs of the preamble and substitute therefor the following:"
_SUBSTITUTE = re.compile(r"^delete\s+(.+?)\s+and\s+substitute\s+(?:therefore?\s+)?(?:the\s+following)?\s*:?$", re.I)


def _sentence(head: str, block: list[str]) -> list[Amendment]:
    """The operations one amendment asks for (none for 'Renumber ... accordingly')."""
    if block and re.search(r"\bwords?\s*:\s*$", head):  # "Delete ... the following words:" and the words
        head, block = head + " " + " ".join(line.strip() for line in block), []
    text, quotes = _quotes(" ".join(head.split()))
    text = _RENUMBER.sub("", text).strip().rstrip(".;").strip()
    check = bool(_WILL_READ.search(text))
    text = _WILL_READ.sub("", text)
    if not text:
        return []
    inline = re.match(rf"(.*?(?:reading|follows|following(?:\s+\w+)*|read|text)\s*:?)\s*((?:{_Q}\s*)+)$", text, re.I)
    if inline and not block and re.search(r"\b(?:insert|add|replace)\b.*\bparagraphs?\b", inline[1], re.I):
        # "... insert a new paragraph reading: “Text”" on one line
        block = [f"“{quotes[int(k)]}”" for k in re.findall(_Q, inline[2])]
        text = inline[1]
    text = _SUBSTITUTE.sub(r"replace \1 with the following", text)
    verb = text.split(None, 1)[0].lower()
    if verb == "move":
        return [_parse_move(text, quotes)]
    if verb == "delete" and not quotes:
        return [DeleteParagraphs(_paragraph_list(text[len("delete"):]))]
    if verb == "replace" and not re.search(_Q, text):
        return _replacement(text, block)
    if block and not re.search(_Q, text) and not _CHECK.fullmatch(text):
        return [_insertion(text, block)]
    return _word_amendment(text, quotes, block if check or _CHECK.fullmatch(text) else [])


def _word_amendment(text: str, quotes: list[str], check: list[str]) -> list[Amendment]:
    """Word edits in one paragraph, and the check of its text when the amendment quotes it."""
    checked = _CHECK.fullmatch(text)
    found = ((_paragraph_list(checked[1])[0], "") if checked else
             _head_paragraph(text) or _tail_paragraph(text) or _delete_in(text))
    if found is None and not quotes:
        raise EditError(f"expected an amendment such as 'In <paragraph>, replace ...', 'After <paragraph>, "
                        f"insert ...', 'Delete <paragraph>', 'Replace <paragraph> with ...' or 'Move "
                        f"<paragraph> to follow <paragraph>', found “{text[:60]}”")
    if found is None:
        raise EditError("expected the paragraph the words are in, as in 'In operative paragraph 5, "
                        "replace the words “X” with the words “Y”'")
    target = found[0]
    out: list[Amendment] = [] if checked else [AmendWords(target, _edits(found[1], quotes))]
    if check:
        paragraphs = _block(check, "label" if target.sub else "" if target.part is Part.PREAMBLE else "number")
        out.append(CheckText(target, paragraphs[0].text))
    return out


def _delete_in(text: str) -> tuple[Address, str] | None:
    """'Delete in operative paragraph 10 the following words: “...”'."""
    match = re.match(rf"(delete|remove)\s+in\s+({_ADDR})\s*,?\s*(?P<rest>.*)$", text, re.I)
    if not match:
        return None
    inner = _ADDR_RE.fullmatch(match[2])
    assert inner is not None
    return _address(inner), f"{match[1]} {match['rest']}"


def _replacement(text: str, block: list[str]) -> list[Amendment]:
    """'Replace the text of <paragraph> with:' (its sub-paragraphs stay), or 'Replace <paragraphs>
    with the following new paragraphs:' (they go), and the new text below."""
    match = re.match(r"replace\s+(the\s+text\s+of\s+)?(.+?)\s+(?:with|by)\b", text, re.I)
    if not match or not block:
        raise EditError("expected 'Replace operative paragraph 5 with the following:' and the new "
                        "text on the lines below, in quotation marks")
    targets = _paragraph_list(match[2])
    base = "label" if targets[0].sub else "" if targets[0].part is Part.PREAMBLE else "number"
    if match[1]:
        paragraphs = _block(block, "label" if targets[0].sub else "")
        if len(targets) != 1 or len(paragraphs) != 1 or paragraphs[0].items:
            raise EditError("expected one paragraph's text, without sub-paragraphs, after 'Replace the text of'")
        return [ReplaceText(targets[0], paragraphs[0].text)]
    return [ReplaceParagraphs(targets, _block(block, base))]


_START = re.compile(r"^\s{0,3}(\d+)\s*[.)]\s+(?=[^\s“\"«‘'])")
_KEYWORD = re.compile(rf"^(?:in|to|after|before|at\s+the|delete|replace|move|insert|add|substitute|"
                      rf"remove|renumber|{_ADDR})\b", re.I)


def _chunks(text: str) -> list[tuple[int, list[str], list[str]]]:
    """(number, head lines, block lines) for each amendment; lines before the first are a heading."""
    lines = text.splitlines()
    numbered = any(_START.match(line) for line in lines)
    out: list[tuple[int, list[str], list[str]]] = []
    for line in lines:
        start = _START.match(line)
        if start or (not numbered and line[:1].strip() and _KEYWORD.match(line)):
            number = int(start[1]) if start else len(out) + 1
            out.append((number, [line[start.end():] if start else line], []))
        elif out and line.strip():
            number, head, block = out[-1]
            if block or head[-1].rstrip().endswith(":"):  # the new text follows "reading:"
                block.append(line)
            else:
                head.append(line)
    return out


def read_amendments(text: str, source: str = "<amendments>") -> tuple[Numbered, ...]:
    """Every amendment of a list, typed by a person or written by this toolkit.

    AmendmentError names the amendment (number and first words) that cannot be read.
    """
    out: list[Numbered] = []
    for number, head, block in _chunks(text):
        first = " ".join(" ".join(head).split()[:6])
        name = f"{source}: amendment {number} (“{first}…”)"
        try:
            operations = _sentence(" ".join(head), block)
        except EditError as exc:
            raise AmendmentError(f"{name}: {exc}") from None
        out.extend(Numbered(number, name, op) for op in operations)
    if not out and not re.search(r"^\s*No amendments\b", text, re.M):
        raise AmendmentError(f"{source}: expected numbered amendments such as '1. In operative paragraph "
                             f"5, replace the words “X” with the words “Y”', found none")
    return tuple(out)
