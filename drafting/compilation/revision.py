"""The next revision: the base text with the accepted proposals merged.

Every target is resolved against the base first (:mod:`resolve`), then all accepted edits are
applied at once, so the result does not depend on the order of acceptance. Accepting two
conflicting proposals is an error that lists each conflict. Pending proposals can be carried as
bracketed text. Each new paragraph records the proposals it came from.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from drafting.compilation.conflicts import Conflict, conflicts
from drafting.compilation.proposals import Action, Compilation, Side, Status
from drafting.compilation.resolve import AnchorKey, Edit, Resolved, resolve
from drafting.errors import DraftingError
from drafting.model import Address, Paragraph, Part, Resolution


@dataclass(frozen=True)
class Row:
    """One line of the numbering table: new address, old address, delegations, proposal ids."""

    new: str
    old: str  # "" for a new paragraph
    delegations: tuple[str, ...]
    ids: tuple[str, ...]


@dataclass(frozen=True)
class Revision:
    """The merged text, its numbering table and counts."""

    text: Resolution
    table: tuple[Row, ...]
    accepted: tuple[str, ...]
    rejected: tuple[str, ...]
    pending: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    status: dict[str, Status] = field(default_factory=dict)  # new address -> status carried over


@dataclass
class _Built:
    paragraph: Paragraph
    old: Address | None
    ids: list[str]
    children: list[_Built]


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping edits applied (positions are in the original text)."""
    out, at = [], 0
    for e in sorted(edits, key=lambda e: (e.start, e.rank, e.end)):
        out.append(text[at:e.start])
        out.append(e.new)
        at = max(at, e.end)
    out.append(text[at:])
    return "".join(out)


class _Layout:
    """Lays the base paragraphs out again with deletions, moves and additions."""

    def __init__(self, base: Resolution, chosen: list[Resolved], bracket: dict[Address, list[Edit]]):
        self.base = base
        self.edits: dict[Address, list[Edit]] = {a: list(e) for a, e in bracket.items()}
        self.ids: dict[Address, list[str]] = {}
        self.deleted: set[Address] = set()
        self.notes: dict[Address, tuple[str | None, tuple[str, ...]]] = {}  # note, note_at
        self.moved: set[Address] = set()
        self.attached: dict[tuple[AnchorKey, Side], tuple[str, object]] = {}
        self.adds: dict[str, Resolved] = {}
        self.rendered: set[object] = set()
        for r in chosen:
            self._take(r)

    def _take(self, r: Resolved) -> None:
        p = r.proposal
        if r.target is not None:
            self.ids.setdefault(r.target, []).append(p.id)
        if r.edit is not None and r.target is not None:
            if r.edit not in self.edits.get(r.target, ()):  # the same change proposed twice is made once
                self.edits.setdefault(r.target, []).append(r.edit)
        elif p.action is Action.NOTE and r.target is not None:
            self.notes[r.target] = (p.new, tuple(p.words.split("\n")) if p.words else ())
        elif p.action is Action.DELETE_PARAGRAPH and r.target is not None:
            self.deleted.add(r.target)
        elif r.anchor is not None:
            item: tuple[str, object] = ("base", r.target) if p.action is Action.MOVE else ("prop", p.id)
            if p.action is Action.MOVE and r.target is not None:
                self.moved.add(r.target)
            else:
                self.adds[p.id] = r
            self.attached[r.anchor] = item

    def container(self, addresses: list[Address], first: AnchorKey) -> list[_Built]:
        out = self.around(first, Side.FIRST_IN)
        for address in addresses:
            if address not in self.moved:
                out += self.slot(address)
        return out

    def around(self, key: AnchorKey, side: Side) -> list[_Built]:
        item = self.attached.get((key, side))
        if item is None:
            return []
        kind, value = item
        if item in self.rendered:
            raise DraftingError(f"the accepted proposals place paragraphs in a circle around {value}")
        self.rendered.add(item)
        if kind == "base":
            assert isinstance(value, Address)
            return self.slot(value)
        assert isinstance(value, str)
        r = self.adds[value]
        block = [self.new_paragraph(par, value) for par in r.proposal.paragraphs]
        key_ = ("prop", value)
        return self.around(key_, Side.BEFORE) + block + self.around(key_, Side.AFTER)

    def new_paragraph(self, par: Paragraph, pid: str) -> _Built:
        kids = [self.new_paragraph(i, pid) for i in par.items]
        return _Built(replace(par, items=()), None, [pid], kids)

    def slot(self, address: Address) -> list[_Built]:
        key: AnchorKey = ("base", address)
        own = [] if address in self.deleted else [self.node(address)]
        return self.around(key, Side.BEFORE) + own + self.around(key, Side.AFTER)

    def node(self, address: Address) -> _Built:
        par = self.base.get(address)
        text = apply_edits(par.text, self.edits.get(address, ()))
        if address in self.notes:
            note, note_at = self.notes[address]
            par = replace(par, note=note, note_at=note_at)
        kids = [address.child(n) for n in range(1, len(par.items) + 1)]
        children = self.container(kids, ("first", address))
        return _Built(replace(par, text=text, items=()), address, list(self.ids.get(address, ())), children)

    def part(self, part: Part) -> list[_Built]:
        addresses = [a for a, _ in self.base.top() if a.part is part]
        return self.container(addresses, ("first", part))


# ---------------------------------------------------------------------------- choosing


def select(compilation: Compilation, specs: Iterable[str], what: str) -> set[str]:
    """Proposal ids named by ``specs``: ids, delegation names (every proposal it made) or "all"."""
    ids = [p.id for p in compilation.proposals]
    out: set[str] = set()
    for spec in specs:
        for item in (s.strip() for s in spec.split(",")):
            if not item:
                continue
            if item == "all":
                out.update(ids)
            elif item in ids:
                out.add(item)
            elif item in compilation.delegations():
                out.update(p.id for p in compilation.proposals if item in p.by)
            else:
                raise DraftingError(f"--{what} {item}: expected a proposal id ({', '.join(ids[:4])}, ...), "
                                    f"a delegation ({', '.join(compilation.delegations())}) or all")
    return out


def options(text: str, group: list[Resolved], attributed: bool = True) -> str:
    """Competing proposals on the same words as one bracket: "[welcomes / notes (EU) / — (G77: delete)]"."""
    start = min(r.span[0] for r in group if r.span)
    end = max(r.span[1] for r in group if r.span)
    words = text[start:end]
    alternatives = [words.strip()]
    for r in group:
        assert r.edit is not None
        e = r.edit
        alt = apply_edits(words, [Edit(e.start - start, e.end - start, e.new, e.rank)]).strip()
        who = r.proposal.attribution() if attributed else ""
        if not alt:
            alt, who = "—", f"{who}: delete" if attributed else ""
        alternatives.append(f"{alt} ({who})" if who else alt)
    # the spaces around the words stay outside the bracket: "diamonds [in ... / —] and"
    before, after = words[: len(words) - len(words.lstrip())], words[len(words.rstrip()):]
    return before + "[" + " / ".join(alternatives) + "]" + after


def _pending_brackets(base: Resolution, pending: list[Resolved], taken: list[Resolved],
                      found: list[Conflict]) -> dict[Address, list[Edit]]:
    """Bracketed options for the pending word proposals that no accepted proposal overlaps, and
    pending deletions as the paragraph in brackets."""
    from drafting.compilation.conflicts import groups

    free = [r for r in pending if r.span and not any(
        t.target == r.target and (t.span and t.span[0] < r.span[1] and r.span[0] < t.span[1]
                                  or t.proposal.action is Action.DELETE_PARAGRAPH) for t in taken)]
    grouped = groups(free, [c for c in found if {c.first, c.second} <= {r.proposal.id for r in free}])
    in_group = {r.proposal.id for g in grouped for r in g}
    out: dict[Address, list[Edit]] = {}
    for g in grouped + [[r] for r in free if r.proposal.id not in in_group]:
        target = g[0].target
        assert target is not None
        text = base.get(target).text
        start = min(r.span[0] for r in g if r.span)
        end = max(r.span[1] for r in g if r.span)
        out.setdefault(target, []).append(Edit(start, end, options(text, g), 1))
    touched = {t.target for t in taken}
    for r in pending:  # a pending deletion: the whole paragraph in brackets, when nothing else touches it
        if r.proposal.action is Action.DELETE_PARAGRAPH and r.target is not None and r.target not in out \
                and r.target not in touched:
            text = base.get(r.target).text
            out[r.target] = [Edit(0, len(text), f"[{text}]", 1)]
    return out


def revise(base: Resolution, compilation: Compilation, accept: Iterable[str] = (),
           reject: Iterable[str] = (), carry_pending: bool = False) -> Revision:
    """Apply the accepted proposals to ``base`` (see the module docstring)."""
    accept, reject = list(accept), list(reject)
    accepted, rejected = select(compilation, accept, "accept"), select(compilation, reject, "reject")
    named = {i.strip() for spec in accept for i in spec.split(",")}
    both = sorted(accepted & rejected & named)  # "all" or a delegation yields to a rejected id
    accepted -= rejected
    if both:
        raise DraftingError(f"{', '.join(both)}: both accepted and rejected; name each proposal once")
    resolved = resolve(base, compilation)
    found = conflicts(resolved)
    clash = [c for c in found if c.first in accepted and c.second in accepted]
    if clash:
        raise DraftingError("accepted proposals conflict; accept one of each pair:\n"
                            + "\n".join(str(c) for c in clash))
    taken = [r for r in resolved if r.proposal.id in accepted]
    for r in taken:
        if r.anchor and r.anchor[0][0] == "prop" and r.anchor[0][1] not in accepted:
            raise DraftingError(f"proposal {r.proposal.id} is placed {r.proposal.place}, whose paragraph is "
                                f"not accepted; accept {r.anchor[0][1]} too or place it on a base paragraph")
    pending = [r for r in resolved if r.proposal.id not in accepted | rejected]
    brackets = _pending_brackets(base, pending, taken, found) if carry_pending else {}
    layout = _Layout(base, taken + (_pending_adds(pending, taken) if carry_pending else []), brackets)
    parts = {part: layout.part(part) for part in Part}
    _check_all_placed(layout)
    text = replace(base, preamble=tuple(_paragraph(b) for b in parts[Part.PREAMBLE]),
                   operative=tuple(_paragraph(b) for b in parts[Part.OPERATIVE]))
    table = tuple(_rows(parts, compilation))
    ids = [p.id for p in compilation.proposals]
    counts = {"paragraphs": sum(1 for _ in text.walk()), "accepted": len(accepted),
              "rejected": len(rejected), "pending": len(pending),
              "brackets": sum(len(e) for e in brackets.values()),
              "options": sum(e.new.count(" / ") + 1 for es in brackets.values() for e in es)}
    return Revision(text, table, tuple(i for i in ids if i in accepted),
                    tuple(i for i in ids if i in rejected), tuple(r.proposal.id for r in pending), counts,
                    carried_status(base, text, table, compilation))


def carried_status(base: Resolution, text: Resolution, table: Iterable[Row],
                   compilation: Compilation) -> dict[str, Status]:
    """The agreed (or ad ref) paragraphs whose text and footnote came through unchanged, at their
    new address: a status carries to the next revision only while the text is unchanged."""
    out: dict[str, Status] = {}
    for row in table:
        status = compilation.status.get(row.old, Status.OPEN) if row.old else Status.OPEN
        if status is Status.OPEN:
            continue
        before, after = base.get(row.old), text.get(row.new)
        if (before.text, before.note) == (after.text, after.note):
            out[row.new] = status
    return out


def _bracketed(par: Paragraph) -> Paragraph:
    return replace(par, text=f"[{par.text}]", items=tuple(_bracketed(i) for i in par.items))


def _pending_adds(pending: list[Resolved], taken: list[Resolved]) -> list[Resolved]:
    """Pending added paragraphs, in brackets, where no other proposal claims their place."""
    claimed = [r.anchor for r in pending + taken if r.anchor]
    out = []
    for r in pending:
        if r.proposal.action is Action.ADD and r.anchor and r.anchor[0][0] != "prop" and claimed.count(r.anchor) == 1:
            paragraphs = tuple(_bracketed(par) for par in r.proposal.paragraphs)
            out.append(replace(r, proposal=replace(r.proposal, paragraphs=paragraphs)))
    return out


def _check_all_placed(layout: _Layout) -> None:
    lost = [pid for pid in layout.adds if ("prop", pid) not in layout.rendered]
    lost += [str(a) for a in layout.moved if ("base", a) not in layout.rendered]
    if lost:
        raise DraftingError(f"{', '.join(lost)}: placed beside a paragraph that is deleted with its parent "
                            f"(or in a circle); place it on a paragraph that stays")


def _paragraph(b: _Built) -> Paragraph:
    return replace(b.paragraph, items=tuple(_paragraph(c) for c in b.children))


def _rows(parts: dict[Part, list[_Built]], compilation: Compilation) -> Iterable[Row]:
    by_id = compilation.by_id()

    def walk(address: Address, b: _Built) -> Iterable[Row]:
        names = dict.fromkeys(n for i in b.ids for n in by_id[i].by)
        yield Row(str(address), str(b.old) if b.old else "", tuple(names), tuple(b.ids))
        for n, child in enumerate(b.children, start=1):
            yield from walk(address.child(n), child)

    for part, built in parts.items():
        for n, b in enumerate(built, start=1):
            yield from walk(Address(part, n), b)
