"""The domain: resolutions, paragraphs, addresses, and the results of diff and propose.

Everything here is a frozen dataclass or a ``str`` enum; no I/O. Operative numbers and
sub-paragraph letters are never stored: an :class:`Address` is derived from a paragraph's place,
so renumbering is free and never shows up as a change.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import TYPE_CHECKING, Any, Iterator, Mapping

from drafting.model.grammar import label, roman, unlabel
from drafting.model.leads import detect_lead

if TYPE_CHECKING:
    from drafting.model.sections import Section
from drafting.model.outputs import ComparisonOutput


class Body(str, Enum):
    GA = "General Assembly"
    SC = "Security Council"

    @property
    def short(self) -> str:
        return "GA" if self is Body.GA else "SC"

    @classmethod
    def parse(cls, value: str) -> "Body":
        for body in cls:
            if value in (body.value, body.short):
                return body
        raise ValueError(value)


class Part(str, Enum):
    PREAMBLE = "PP"
    OPERATIVE = "OP"


# ---------------------------------------------------------------------------- addresses

_ADDRESS_RE = re.compile(r"^(PP|OP)(\d+)((?:\([a-z]+\))*)$")


@dataclass(frozen=True, order=True)
class Address:
    """Where a paragraph stands, in the form negotiators use: PP3, OP12, OP12(b), OP12(b)(ii).

    ``number`` is 1-based within the part; ``sub`` holds the 1-based index at each deeper level.
    """

    part: Part
    number: int
    sub: tuple[int, ...] = ()

    def __str__(self) -> str:
        labels = "".join(f"({label(d, n)})" for d, n in enumerate(self.sub, start=1))
        return f"{self.part.value}{self.number}{labels}"

    @classmethod
    def parse(cls, text: str) -> "Address":
        match = _ADDRESS_RE.match(text.strip().replace(" ", ""))
        if not match:
            raise ValueError(f"expected a paragraph address such as PP3, OP12 or OP12(b)(ii), found {text!r}")
        part, number, rest = match.groups()
        labels = re.findall(r"\(([a-z]+)\)", rest)
        try:
            sub = tuple(unlabel(d, t) for d, t in enumerate(labels, start=1))
        except (ValueError, KeyError):
            raise ValueError(f"expected letters then roman numerals in {text!r}") from None
        return cls(Part(part), int(number), sub)

    def child(self, n: int) -> "Address":
        return Address(self.part, self.number, self.sub + (n,))

    @property
    def parent(self) -> "Address | None":
        return Address(self.part, self.number, self.sub[:-1]) if self.sub else None

    @property
    def depth(self) -> int:
        return len(self.sub)


# ---------------------------------------------------------------------------- footnote anchors

def note_anchor(text: str, offset: int) -> str:
    """The words a footnote marker at ``offset`` in ``text`` follows, as ``note_at`` stores them.

    The shortest run of text that starts a word, ends at ``offset`` and is found first there, so
    that ``anchor_offset(text, note_anchor(text, offset)) == offset`` for any offset past the
    first word."""
    head = text[:offset]
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=\s))\S", head)]
    for start in reversed(starts):
        anchor = head[start:]
        if text.find(anchor) + len(anchor) == offset:
            return anchor
    return head


def anchor_offset(text: str, anchor: str) -> int:
    """Where a marker anchored after ``anchor`` stands: the end of its first occurrence, else the end."""
    found = text.find(anchor) if anchor else -1
    return len(text) if found < 0 else found + len(anchor)


# ---------------------------------------------------------------------------- paragraphs

ROMAN = "roman"  # Paragraph.numbering of items numbered (i), (ii)


@dataclass(frozen=True)
class Paragraph:
    """A preambular or operative paragraph, or a sub-paragraph; ``items`` nest to any depth."""

    text: str
    items: tuple["Paragraph", ...] = ()
    id: str | None = None
    lead: str | None = None  # overrides the lead found by the lexicon
    note: str | None = None  # footnote text
    # How the first level of ``items`` is numbered when not by letters: "roman" ((i), (ii) ...,
    # S/RES/242 OP1). Labels stay derived; only their style is kept.
    numbering: str | None = None
    # Where each line of ``note`` is anchored: the words its marker follows in ``text``, in the
    # order of the note's lines. Empty when the paragraph has one note, at its end.
    note_at: tuple[str, ...] = ()
    # The heading printed before this paragraph ("A", "II"): a section opens here. A section with
    # preambular paragraphs carries it on its first preambular and its first operative paragraph.
    section: str | None = None

    @property
    def footnotes(self) -> tuple[tuple[str, str | None], ...]:
        """Every footnote of the paragraph and the words its marker follows (None: the end)."""
        if self.note is None:
            return ()
        lines = self.note.split("\n") if self.note_at else [self.note]
        return tuple((line, self.note_at[n] if n < len(self.note_at) else None) for n, line in enumerate(lines))

    @property
    def footnote_offsets(self) -> tuple[tuple[str, int], ...]:
        """Every footnote and the offset in ``text`` its marker stands at (``len(text)``: the end).

        An anchor the text no longer holds (edited by hand) puts its marker at the end."""
        return tuple((line, len(self.text) if at is None else anchor_offset(self.text, at))
                     for line, at in self.footnotes)

    def lead_phrase(self, part: Part | None = None) -> str:
        """The words set in italics: the ``lead`` override, else the lexicon's match ('' if none)."""
        if self.lead is not None:
            return self.lead
        return detect_lead(self.text, part)

    def italic_lead(self, address: "Address") -> str:
        """The words a document sets in italics at ``address``: a paragraph's lead phrase, a
        sub-paragraph's ``lead`` override only ('' when the text does not open with it)."""
        lead = self.lead_phrase(address.part) if address.depth == 0 else (self.lead or "")
        return lead if lead and self.text.startswith(lead) else ""

    @property
    def is_plain(self) -> bool:
        """True when the paragraph is stored as a bare string."""
        return not self.items and self.id is None and self.lead is None and self.note is None \
            and self.numbering is None and not self.note_at and self.section is None

    def walk(self, address: Address) -> Iterator[tuple[Address, "Paragraph"]]:
        """The paragraph at ``address`` and its items, depth first, with their addresses."""
        yield address, self
        for n, item in enumerate(self.items, start=1):
            yield from item.walk(address.child(n))

    def item_label(self, n: int, depth: int) -> str:
        """The printed label of this paragraph's ``n``-th item, the paragraph standing at ``depth``
        ("b" for (b), "ii" for (ii)): the level's own unless the items are numbered in roman."""
        return roman(n) if self.numbering == ROMAN else label(depth + 1, n)

    def with_text(self, text: str) -> "Paragraph":
        return replace(self, text=text)

    def to_dict(self) -> str | dict[str, Any]:
        """A bare string when only the text is set, else a mapping in the fixed key order."""
        if self.is_plain:
            return self.text
        out: dict[str, Any] = {} if self.section is None else {"section": self.section}
        out["text"] = self.text
        for key in ("lead", "id", "note", "numbering"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
            if key == "note" and self.note_at:
                out["note_at"] = list(self.note_at)
        if self.items:
            out["items"] = [item.to_dict() for item in self.items]
        return out

    @classmethod
    def from_dict(cls, data: str | Mapping[str, Any]) -> "Paragraph":
        if isinstance(data, str):
            return cls(text=data)
        return cls(
            text=data["text"],
            items=tuple(cls.from_dict(item) for item in data.get("items") or ()),
            id=data.get("id"),
            lead=data.get("lead"),
            note=data.get("note"),
            numbering=data.get("numbering"),
            note_at=tuple(data.get("note_at") or ()),
            section=data.get("section"),
        )


# ---------------------------------------------------------------------------- resolutions

Facts = Mapping[str, Any]

# The fixed order of the metadata keys in a resolution file.
METADATA_KEYS = ("symbol", "body", "session", "year", "adopted", "meeting", "agenda_item", "draft",
                 "vote", "adoption_note", "sponsors", "title", "source", "section_numbering")


@dataclass(frozen=True)
class Resolution:
    """One adopted (or draft) resolution: metadata, facts, preamble and operative part."""

    symbol: str | None = None
    body: Body = Body.GA
    session: int | None = None
    year: int | None = None
    adopted: dt.date | None = None
    meeting: int | None = None
    agenda_item: str | None = None
    draft: str | None = None
    vote: str | None = None
    adoption_note: str | None = None  # the footnote on the adoption line ("Two members ... did not participate")
    sponsors: tuple[str, ...] = ()
    title: str | None = None
    source: str | None = None
    section_numbering: str | None = None  # "restart": operative numbers start at 1 in each section
    facts: Facts = field(default_factory=dict)
    preamble: tuple[Paragraph, ...] = ()
    operative: tuple[Paragraph, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data in the fixed key order of the YAML store; unset keys are left out."""
        out: dict[str, Any] = {}
        for key in METADATA_KEYS:
            value = getattr(self, key)
            if key == "body":
                value = value.value
            if value is None or value == () or value == {}:
                continue
            out[key] = list(value) if key == "sponsors" else value
        if self.facts:
            out["facts"] = dict(self.facts)
        out["preamble"] = [p.to_dict() for p in self.preamble]
        out["operative"] = [p.to_dict() for p in self.operative]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Resolution":
        """From data already checked by :mod:`drafting.store` (which reports bad shapes)."""
        kwargs: dict[str, Any] = {k: data[k] for k in METADATA_KEYS if data.get(k) is not None}
        if "body" in kwargs:
            kwargs["body"] = Body.parse(kwargs["body"])
        if "sponsors" in kwargs:
            kwargs["sponsors"] = tuple(kwargs["sponsors"])
        if "agenda_item" in kwargs:
            kwargs["agenda_item"] = str(kwargs["agenda_item"])
        return cls(
            **kwargs,
            facts=dict(data.get("facts") or {}),
            preamble=tuple(Paragraph.from_dict(p) for p in data.get("preamble") or ()),
            operative=tuple(Paragraph.from_dict(p) for p in data.get("operative") or ()),
        )

    def sections(self) -> "tuple[Section, ...]":
        """The text in printed order, section by section (see :mod:`drafting.model.sections`)."""
        from drafting.model.sections import sections

        return sections(self)

    def part(self, part: Part) -> tuple[Paragraph, ...]:
        return self.preamble if part is Part.PREAMBLE else self.operative

    def top(self) -> Iterator[tuple[Address, Paragraph]]:
        """Every top-level paragraph, preamble first, with its address."""
        for part in Part:
            for i, paragraph in enumerate(self.part(part), start=1):
                yield Address(part, i), paragraph

    def walk(self) -> Iterator[tuple[Address, Paragraph]]:
        """Every paragraph and sub-paragraph, in reading order, with its address."""

        for address, paragraph in self.top():
            yield from paragraph.walk(address)

    def get(self, address: Address | str) -> Paragraph:
        """The paragraph at ``address``; KeyError when there is none."""
        if isinstance(address, str):
            address = Address.parse(address)
        paragraphs = self.part(address.part)
        try:
            paragraph = paragraphs[address.number - 1]
            for n in address.sub:
                paragraph = paragraph.items[n - 1]
        except IndexError:
            raise KeyError(str(address)) from None
        if address.number < 1 or any(n < 1 for n in address.sub):
            raise KeyError(str(address))
        return paragraph

    def replace_paragraph(self, address: Address, paragraph: Paragraph) -> "Resolution":
        """A copy with the paragraph at ``address`` replaced."""

        def swap(items: tuple[Paragraph, ...], path: tuple[int, ...]) -> tuple[Paragraph, ...]:
            i = path[0] - 1
            if len(path) == 1:
                new = paragraph
            else:
                new = replace(items[i], items=swap(items[i].items, path[1:]))
            return items[:i] + (new,) + items[i + 1:]

        path = (address.number,) + address.sub
        if address.part is Part.PREAMBLE:
            return replace(self, preamble=swap(self.preamble, path))
        return replace(self, operative=swap(self.operative, path))

    @property
    def label(self) -> str:
        """How a report names this text: its symbol, else 'draft <year>'."""
        if self.symbol:
            return self.symbol
        return f"draft {self.year}" if self.year else "draft"


# ---------------------------------------------------------------------------- diff results

class ChangeKind(str, Enum):
    UNCHANGED = "unchanged"
    AMENDED = "amended"
    MOVED = "moved"  # may also be amended: look at the hunks
    ADDED = "added"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


class HunkOp(str, Enum):
    EQUAL = "equal"
    DELETE = "delete"
    INSERT = "insert"


class HunkClass(str, Enum):
    """What kind of edit a changed hunk is; all but WORDING are routine annual updates."""

    YEAR = "year"
    SESSION = "session"
    SYMBOL = "symbol"
    DATE = "date"
    NUMBER = "number"
    LIST = "list"
    PUNCTUATION = "punctuation"  # the mark closing a paragraph; a lone comma added or removed
    NUMBERING = "numbering"  # a paragraph's items labelled another way: (a), (b) become (i), (ii)
    TYPOGRAPHY = "typography"  # quotes, apostrophes, dashes, spaces: equal once normalized
    SPELLING = "spelling"  # one word spelt another way ("co-operate" -> "cooperate")
    NAME = "name"  # a proper name replaced by another (a country, a place, a person)
    WORDING = "wording"


@dataclass(frozen=True)
class Hunk:
    op: HunkOp
    text: str
    cls: HunkClass | None = None  # None for equal hunks


class HunkTexts:
    """What a change's hunks say: the old and the new text they rebuild, and whether any is wording."""

    hunks: tuple[Hunk, ...]

    @property
    def old_text(self) -> str:
        return "".join(h.text for h in self.hunks if h.op is not HunkOp.INSERT)

    @property
    def new_text(self) -> str:
        return "".join(h.text for h in self.hunks if h.op is not HunkOp.DELETE)

    @property
    def no_wording(self) -> bool:
        return all(h.cls is not HunkClass.WORDING for h in self.hunks if h.op is not HunkOp.EQUAL)


@dataclass(frozen=True)
class Change(HunkTexts):
    """One paragraph (or a split/merge group) of the old and new text, and how it changed.

    ``old``/``new`` list the addresses involved (empty on the side where the paragraph does not
    exist). Joining the ``equal`` and ``delete`` hunks rebuilds the old text exactly, ``equal`` and
    ``insert`` the new text; for split and merged groups the paragraphs are joined with "\\n".
    """

    kind: ChangeKind
    old: tuple[Address, ...]
    new: tuple[Address, ...]
    hunks: tuple[Hunk, ...] = ()
    similarity: float = 1.0

    @property
    def routine(self) -> bool:
        """True when no hunk is a wording change (unchanged paragraphs are routine too)."""
        if self.kind in (ChangeKind.ADDED, ChangeKind.DELETED, ChangeKind.SPLIT, ChangeKind.MERGED):
            return False
        if self.kind is ChangeKind.MOVED and self.old and self.new and self.old[0].part is not self.new[0].part:
            return False  # a preambular paragraph made operative (or back) changes its force
        return self.no_wording


@dataclass(frozen=True)
class FieldChange(HunkTexts):
    """A change outside the paragraphs' own text: the title, a field of the heading or the adoption
    line (``adopted``, ``meeting``, ``vote``, ...), or a footnote (``field == "footnote"``, with the
    addresses of the paragraph it hangs on). Hunks as in :class:`Change`."""

    field: str
    kind: ChangeKind  # AMENDED, ADDED or DELETED
    hunks: tuple[Hunk, ...] = ()
    old: tuple[Address, ...] = ()
    new: tuple[Address, ...] = ()

    @property
    def routine(self) -> bool:
        """True when no hunk is a wording change."""
        return self.no_wording


@dataclass(frozen=True)
class Comparison(ComparisonOutput):
    """Two versions aligned and diffed: every paragraph of both appears in exactly one change."""

    old: Resolution
    new: Resolution
    changes: tuple[Change, ...]
    config: Mapping[str, Any] = field(default_factory=dict)  # thresholds used; reports record them
    fields: tuple[FieldChange, ...] = ()  # title, heading and adoption line, footnotes

    @property
    def identical(self) -> bool:
        return not self.fields and all(c.kind is ChangeKind.UNCHANGED for c in self.changes)

    @property
    def footnotes(self) -> tuple[FieldChange, ...]:
        return tuple(f for f in self.fields if f.field == "footnote")

    @property
    def metadata(self) -> tuple[FieldChange, ...]:
        return tuple(f for f in self.fields if f.field != "footnote")

    def summary(self) -> dict[str, int]:
        """Counts by kind, footnote and metadata changes, then routine/substantive among all the
        changes (paragraphs, footnotes and metadata fields)."""
        counts = {kind.value: 0 for kind in ChangeKind}
        routine = substantive = 0
        for change in self.changes:
            counts[change.kind.value] += 1
            if change.kind is not ChangeKind.UNCHANGED:
                if change.routine:
                    routine += 1
                else:
                    substantive += 1
        counts["footnotes"] = len(self.footnotes)
        counts["metadata"] = len(self.metadata)
        routine += sum(f.routine for f in self.fields)
        substantive += sum(not f.routine for f in self.fields)
        counts["routine"] = routine
        counts["substantive"] = substantive
        return counts
