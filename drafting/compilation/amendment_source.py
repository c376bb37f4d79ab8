"""Proposals from amendments in UN language, each prefixed by the delegation proposing it.

    EU: 1. In operative paragraph 5, replace the words “welcomes” with the words “notes”.
    G77/China, supported by Japan:
    2. Delete operative paragraph 7.

A prefix ("EU:", "EU, supported by Japan:", "Fiji, on behalf of AOSIS:") stands before an
amendment or on its own line before a block of them; it holds until the next prefix. Each
amendment becomes that delegation's proposals directly (word edits -> replace/insert/delete words
on its paragraph; inserted, deleted, replaced and moved paragraphs -> paragraph proposals), so
each proposal keeps the amendment it came from, and two delegations' amendments on the same words
meet as a conflict. Every amendment refers to the base text, as in UN practice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from drafting.comparison.amend import apply_amendments
from drafting.comparison.amendments import (AmendmentError, Anchor, AmendWords, CheckText, DeleteParagraphs,
                                            InsertParagraphs, MoveParagraph, Numbered, Place as At,
                                            ReplaceParagraphs, ReplaceText)
from drafting.comparison.amendments_read import read_amendments
from drafting.compilation.derive import word_proposals
from drafting.compilation.proposals import Action, Place, Proposal, Side
from drafting.errors import DraftingError
from drafting.model import Address, Resolution

_NAME = r"[A-Z][\w.'’()/&-]*(?:[ -][\w.'’()/&-]+){0,6}"
_PREFIX = re.compile(rf"^(?:(\d+)[.)]\s+)?({_NAME}(?:\s*,\s*(?:(?:supported\s+by|on\s+behalf\s+of)\s+)?{_NAME})*)\s*:\s*(.*)$")
# what a paragraph reference or an amendment's own words look like: never a delegation
_NOT_A_NAME = re.compile(r"\b(?:paragraphs?|preamble|operative|preambular|sub-?paragraphs?|amendments?|draft|"
                         r"replace|insert|delete|add|move|check|substitute|renumber|reading|following|"
                         r"OP\s*\.?\s*\d+|PP\s*\.?\s*\d+)\b", re.I)
_STARTS = re.compile(r"^(?:\d+[.)]\s|(?:in|to|after|before|at\s+the|delete|replace|move|insert|add|substitute|"
                     r"remove|check|operative|preambular|paragraph|OP\s*\.?\s*\d+|PP\s*\.?\s*\d+|the\s+\w+\s+"
                     r"(?:preambular|operative))\b)", re.I)


@dataclass(frozen=True)
class Proposer:
    """Who an amendment is by: "EU", "EU, supported by Japan", "Fiji, on behalf of AOSIS"."""

    by: tuple[str, ...]
    supported_by: tuple[str, ...] = ()
    on_behalf_of: str | None = None

    @classmethod
    def parse(cls, text: str) -> "Proposer":
        head, _, support = text.partition(", supported by ")
        head, _, behalf = head.partition(", on behalf of ")
        return cls(_names(head), _names(support), behalf.strip() or None)


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())  # "Trinidad and Tobago" is one name


def delegation_prefix(line: str) -> tuple[str, str] | None:
    """(delegation, the rest of the line with its number) when ``line`` starts with a delegation."""
    m = _PREFIX.match(line)
    if m is None or _NOT_A_NAME.search(m[2]) or len(m[2]) > 80:
        return None
    rest = m[3].strip()
    if rest and not _STARTS.match(rest):
        return None
    return m[2], (f"{m[1]}. {rest}" if m[1] else rest)


def is_delegation_amendments(text: str) -> bool:
    """Whether ``text`` is a list of amendments with delegation prefixes (not YAML, not a compilation)."""
    return any(delegation_prefix(line) is not None for line in text.splitlines()) and bool(
        re.search(r"^\s*(?:\d+[.)]\s+)?(?:\S.*?:\s*)?(?:\d+[.)]\s+)?(?:In|Delete|Replace|Insert|After|Before|Add|Move)\b",
                  text, re.M))


def split(text: str, source: str) -> list[tuple[str, str]]:
    """(delegation, its amendments' text) for each prefixed stretch, in the order of the file.

    A prefix starts its line (after the amendment's number, if any) and never stands inside a
    quotation left open (the text of a new paragraph); an amendment before the first prefix is
    refused, the heading above it is skipped."""
    out: list[tuple[str, list[str]]] = []
    heading: list[str] = []
    open_quotes = 0
    for line in text.splitlines():
        found = delegation_prefix(line) if open_quotes <= 0 else None
        if found is not None:
            out.append((found[0], [found[1]] if found[1] else []))
            open_quotes = 0
        elif out:
            out[-1][1].append(line)
        else:
            heading.append(line)
        open_quotes += line.count("“") - line.count("”")
    _no_amendment_in(heading, source)
    return [(who, "\n".join(lines)) for who, lines in out]


def _no_amendment_in(heading: list[str], source: str) -> None:
    """The lines before the first delegation hold no amendment (else whose would it be?)."""
    try:
        found = read_amendments("\n".join(heading), source)
    except AmendmentError as exc:
        if not str(exc).startswith(f"{source}: amendment "):
            return  # no amendment at all: a heading
        found = ()
        first = str(exc)[len(source) + 2:].split(":")[0]
    else:
        first = found[0].name[len(source) + 2:] if found else ""
    if first:
        raise DraftingError(f"{source}: {first} has no delegation; start it (or its block) with the "
                            "delegation's name and a colon (EU: ...)")


class _Builder:
    def __init__(self, base: Resolution, source: str):
        self.base, self.source = base, source
        self.found: list[Proposal] = []
        self.placed: dict[int, str] = {}  # amendment number -> the proposal id of what it placed
        self.edited: dict[Address, AmendWords | ReplaceText] = {}  # the last word amendment on each paragraph

    def add(self, who: Proposer, origin: str, **fields: object) -> str:
        pid = f" a{len(self.found) + 1}"  # provisional: the loader numbers them per delegation
        made = Proposal(id=pid, by=who.by, supported_by=who.supported_by, on_behalf_of=who.on_behalf_of,
                        origin=origin, **fields)  # type: ignore[arg-type]
        self.found.append(made)
        return pid

    def check(self, item: Numbered) -> None:
        """The amendment must apply to the base text by itself (its words there, its paragraphs);
        one placing paragraphs after an earlier amendment's needs that amendment before it."""
        op = item.amendment
        if isinstance(op, (InsertParagraphs, MoveParagraph)) and op.anchor.amendment is not None:
            if op.anchor.amendment not in self.placed:
                raise AmendmentError(f"{item.name}: amendment {op.anchor.amendment} places no paragraph before it")
            if isinstance(op, MoveParagraph):
                apply_amendments(self.base, [Numbered(1, item.name, AmendWords(op.target, op.edits))])
            return
        if isinstance(op, CheckText):  # "so that the paragraph will read": after the words just read
            last = self.edited.get(op.target)
            apply_amendments(self.base, [Numbered(1, item.name, a) for a in (last, op) if a is not None])
        else:
            apply_amendments(self.base, [Numbered(1, item.name, op)])

    def words(self, who: Proposer, origin: str, target: Address, op: AmendWords | ReplaceText) -> None:
        from drafting.comparison.diff import word_diff

        self.edited[target] = op
        old = self.base.get(target).text
        new = apply_amendments(self.base, [op]).get(target).text
        for fields in word_proposals(old, [(h.op, h.text) for h in word_diff(old, new)]):
            self.add(who, origin, paragraph=str(target), **fields)

    def place(self, anchor: Anchor) -> Place:
        if anchor.amendment is not None:
            return Place(Side.AFTER, self.placed[anchor.amendment])
        if anchor.place in (At.AFTER, At.BEFORE) and anchor.address is not None:
            return Place(Side(anchor.place.value), str(anchor.address))
        container = str(anchor.address) if anchor.address is not None else anchor.part.value
        if anchor.place is At.START:
            return Place(Side.FIRST_IN, container)
        n = len(self.base.get(anchor.address).items) if anchor.address is not None else len(
            self.base.part(anchor.part))
        if not n:
            return Place(Side.FIRST_IN, container)
        last = anchor.address.child(n) if anchor.address is not None else Address(anchor.part, n)
        return Place(Side.AFTER, str(last))

    def amendment(self, who: Proposer, item: Numbered) -> None:
        self.check(item)
        op, origin = item.amendment, item.name
        if isinstance(op, AmendWords):
            self.words(who, origin, op.target, op)
        elif isinstance(op, ReplaceText):
            self.words(who, origin, op.target, op)
        elif isinstance(op, DeleteParagraphs):
            for target in op.targets:
                self.add(who, origin, action=Action.DELETE_PARAGRAPH, paragraph=str(target))
        elif isinstance(op, ReplaceParagraphs):
            for target in op.targets:
                self.add(who, origin, action=Action.DELETE_PARAGRAPH, paragraph=str(target))
            self.placed[item.number] = self.add(who, origin, action=Action.ADD, paragraphs=op.paragraphs,
                                                place=Place(Side.BEFORE, str(op.targets[0])))
        elif isinstance(op, InsertParagraphs):
            self.placed[item.number] = self.add(who, origin, action=Action.ADD, paragraphs=op.paragraphs,
                                                place=self.place(op.anchor))
        elif isinstance(op, MoveParagraph):
            self.add(who, origin, action=Action.MOVE, paragraph=str(op.target), place=self.place(op.anchor))
            self.placed[item.number] = str(op.target)  # what follows it follows the paragraph moved
            if op.edits:
                self.words(who, origin, op.target, AmendWords(op.target, op.edits))


def from_delegation_amendments(base: Resolution, text: str, source: str) -> list[Proposal]:
    """Each delegation's amendments in ``text`` as its proposals (provisional ids, numbered on loading).

    An amendment that cannot be read or placed in the base text is a DraftingError naming the
    file, the delegation and the amendment.
    """
    builder = _Builder(base, source)
    chunks = split(text, source)
    # unnumbered lists are counted through the whole file, so that "inserted by amendment 3" is the third
    numbered = any(re.match(r"\d+[.)]\s", line) for _, chunk in chunks for line in chunk.splitlines())
    offset = 0
    for who, chunk in chunks:
        proposer = Proposer.parse(who)
        items = read_amendments(chunk, f"{source}: {who}")
        for item in items:
            builder.amendment(proposer, item if numbered else replace(item, number=item.number + offset))
        offset += len({item.number for item in items})
    return builder.found
