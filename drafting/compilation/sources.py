"""Proposals from other sources than a proposal file.

- a delegation's revised text (``EU=eu-text.yaml``): the changes from the base, as proposals;
- a delegation's Word file with tracked changes on the base: each author's ``w:ins``/``w:del``
  becomes that delegation's proposals (the author mapped to a delegation, or taken as its name);
- amendments written in UN language: :func:`from_amendments` takes one delegation's parsed
  operations and the function that applies them; a file of amendments each prefixed by its
  delegation is read by :mod:`drafting.compilation.amendment_source`.
"""
from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from drafting.compilation.derive import derive, number, word_proposals
from drafting.compilation.proposals import Action, Place, Proposal, Side
from drafting.errors import DraftingError
from drafting.model import Address, Paragraph, Part, Resolution
from drafting.render.documents.heading import FRAME_STYLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def from_revised_text(base: Resolution, revised: Resolution, delegation: str,
                      warnings: list[str] | None = None) -> list[Proposal]:
    """What ``delegation`` changed in its copy of the base text, as its proposals."""
    return derive(base, revised, [delegation], warnings)


def from_amendments(base: Resolution, operations: Iterable[Any], delegation: str,
                    apply: Callable[[Resolution, list[Any]], Resolution]) -> list[Proposal]:
    """Proposals from amendments in UN language: ``apply`` (the amendment parser's own
    ``amend(base, operations)``) gives the amended text, whose changes become the proposals."""
    return from_revised_text(base, apply(base, list(operations)), delegation)


def renumber(proposals: list[Proposal], counts: dict[str, int], stem: Callable[[str], str],
             taken: Collection[str] = ()) -> list[Proposal]:
    """Fresh ids continuing each delegation's count, skipping ``taken`` (anchors on renamed ids follow)."""
    names: dict[str, str] = {}
    for p in proposals:
        while True:
            counts[p.delegation] = counts.get(p.delegation, 0) + 1
            names[p.id] = f"{stem(p.delegation)}-{counts[p.delegation]}"
            if names[p.id] not in taken:
                break
    out = []
    for p in proposals:
        place = p.place
        if place is not None and place.anchor in names:
            place = Place(place.side, names[place.anchor])
        out.append(replace(p, id=names[p.id], place=place))
    return out


# ---------------------------------------------------------------------------- tracked Word files

# One stretch of a Word paragraph: ("equal" | "insert" | "delete", text, author)
_Segment = tuple[str, str, str]
_Node = tuple[str, list[Any]]  # an inserted paragraph's text and its sub-paragraphs


def _nest(siblings: list[_Node], node: _Node, depth: int) -> None:
    """Put ``node`` ``depth`` levels under the last of ``siblings`` (as deep as there are)."""
    while depth > 0 and siblings:
        siblings, depth = siblings[-1][1], depth - 1
    siblings.append(node)


def _paragraph(node: _Node) -> Paragraph:
    return Paragraph(node[0], tuple(_paragraph(n) for n in node[1]))


def _segments(p: Any) -> tuple[list[_Segment], str | None, str]:
    """The paragraph's text stretches in order, the author of an inserted paragraph mark, and
    the paragraph's style (with its list level)."""
    out: list[_Segment] = []
    for node in p.iter(f"{W}t", f"{W}delText"):
        op, author = "equal", ""
        for parent in node.iterancestors(f"{W}ins", f"{W}del"):
            op, author = ("insert" if parent.tag == f"{W}ins" else "delete"), parent.get(f"{W}author", "")
            break
        out.append((op, node.text or "", author))
    mark = p.find(f"{W}pPr/{W}rPr/{W}ins")
    style = p.find(f"{W}pPr/{W}pStyle")
    level = p.find(f"{W}pPr/{W}numPr/{W}ilvl")
    shape = (style.get(f"{W}val", "") if style is not None else "") + (
        f"/{level.get(f'{W}val', '')}" if level is not None else "")
    return out, (mark.get(f"{W}author", "") if mark is not None else None), shape


def _word_paragraphs(path: Path, warnings: list[str]) -> list[tuple[list[_Segment], str | None, str]]:
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as z:
            root = etree.fromstring(z.read("word/document.xml"))
            for part in ("footnotes", "endnotes", "comments"):
                name = f"word/{part}.xml"
                if name in z.namelist() and re.search(rb"<w:(ins|del) ", z.read(name)):
                    warnings.append(f"{path}: the tracked changes in its {part} are not read; "
                                    f"propose them in a proposal file (action: note)")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        raise DraftingError(f"{path}: expected a Word .docx file, found something else") from None
    return [_segments(p) for p in root.iter(f"{W}p")]


def _match(bases: list[tuple[Address, Paragraph]], start: int, old: str) -> tuple[int, int] | None:
    """(index of the base paragraph whose text ``old`` is, length of a typed label before it)."""
    for i in range(start, len(bases)):
        text = bases[i][1].text
        if old == text:
            return i, 0
        if text and old.endswith(text) and len(old) - len(text) <= 6 and not any(
                c.isalpha() and c.isupper() for c in old[: len(old) - len(text)]):
            return i, len(old) - len(text)
    return None


def _for_author(segs: list[_Segment], author: str, skip: int) -> tuple[str, str]:
    """(base text, the text with only ``author``'s changes made), a typed label left out."""
    old = "".join(t for op, t, _ in segs if op != "insert")
    new = "".join(t for op, t, a in segs if op == "equal" or (op == "insert") == (a == author))
    return old[skip:], new[skip:] if new.startswith(old[:skip]) else new


class _TrackedReader:
    def __init__(self, base: Resolution, author_map: Mapping[str, str], path: str):
        self.path = path
        self.bases = list(base.walk())
        self.author_map = author_map
        self.cursor = 0
        self.last = ""  # the last base paragraph matched
        self.found: dict[str, list[tuple[str, dict[str, object]]]] = {}
        self.adds = 0
        self.last_preambular = ""
        self.warnings: list[str] = []
        self.waiting: list[tuple[str, str, str]] = []  # inserted paragraphs (delegation, text, shape) to place
        self.shapes: dict[str, tuple[Part, int] | None] = {}  # paragraph style -> (part, depth) it holds
        self.deleted: dict[str, str] = {}  # base address -> the delegation deleting it

    def flush(self, following: Address | None) -> None:
        """Place the inserted paragraphs met since the last base paragraph: at the level of the
        paragraph that follows them, unless that one is shallower (the end of a list)."""
        if not self.waiting:
            return
        if all(self.shapes.get(shape) for _, _, shape in self.waiting):
            self.structured()
            return
        for _, text, shape in self.waiting:
            if not self.shapes.get(shape):
                self.warnings.append(f"{self.path}: the level of the inserted paragraph “{text[:50]}” is a guess "
                                     f"(no paragraph of the base text has its style); check where it stands")
        last = Address.parse(self.last) if self.last else None
        gone = following.parent if following is not None else None
        while gone is not None and str(gone) not in self.deleted:
            gone = gone.parent
        if gone is not None:  # inside a paragraph deleted with its sub-paragraphs: after all of it
            while gone.parent is not None and str(gone.parent) in self.deleted:
                gone = gone.parent
            place = Place(Side.AFTER, str(gone))
        elif following is not None and (last is None or following.depth >= last.depth) and (
                last is None or last.part is following.part or not self._preambular()):
            place = Place(Side.BEFORE, str(following))
        elif last is not None:
            while last.parent is not None and str(last.parent) in self.deleted:
                last = last.parent  # after the whole deleted paragraph, not inside it
            place = Place(Side.AFTER, str(last))
        else:
            place = Place(Side.FIRST_IN, "PP")
        runs: list[tuple[str, list[str]]] = []
        for who, text, _ in self.waiting:
            if runs and runs[-1][0] == who:
                runs[-1][1].append(text)
            else:
                runs.append((who, [text]))
        for who, texts in runs:
            self.adds += 1
            self.found.setdefault(who, []).append((f"+{self.adds}", {
                "action": Action.ADD, "place": place, "paragraphs": tuple(Paragraph(t) for t in texts)}))
        self.waiting = []

    def _preambular(self) -> bool:
        """Between the preamble and the operative part, the waiting paragraphs end the preamble
        when they end as preambular paragraphs do: with a comma."""
        return self.waiting[-1][1].rstrip().endswith(",")

    def learn(self, shape: str, address: Address) -> None:
        """What a paragraph style holds, learnt from the base paragraphs of this very file
        (a style seen at two levels teaches nothing)."""
        if shape:
            held = (address.part, address.depth)
            self.shapes[shape] = held if self.shapes.get(shape, held) == held else None

    def structured(self) -> None:
        """Place the waiting paragraphs by the part and level their styles hold: deeper ones
        become sub-paragraphs of the inserted paragraph before them."""
        blocks: list[tuple[str, Part, int, list[_Node]]] = []
        for who, text, shape in self.waiting:
            held = self.shapes[shape]
            assert held is not None
            part, depth = held
            node: _Node = (text, [])
            if blocks and blocks[-1][0] == who and blocks[-1][1] is part and depth >= blocks[-1][2]:
                _nest(blocks[-1][3], node, depth - blocks[-1][2])
            else:
                blocks.append((who, part, depth, [node]))
        for who, part, depth, nodes in blocks:
            self.adds += 1
            self.found.setdefault(who, []).append((f"+{self.adds}", {
                "action": Action.ADD, "place": self.place_at(part, depth),
                "paragraphs": tuple(_paragraph(n) for n in nodes)}))
        self.waiting = []

    def place_at(self, part: Part, depth: int) -> Place:
        """Where a paragraph of ``part`` at ``depth`` goes, after the last base paragraph met."""
        last = Address.parse(self.last) if self.last else None
        while last is not None and last.part is part and last.depth > depth and last.parent is not None:
            last = last.parent
        if last is not None and last.part is part and last.depth == depth:
            while last.parent is not None and str(last.parent) in self.deleted:
                last = last.parent  # after the whole deleted paragraph, not inside it
            return Place(Side.AFTER, str(last))
        if last is not None and last.part is part and last.depth == depth - 1:
            return Place(Side.FIRST_IN, str(last))
        if part is Part.PREAMBLE and last is not None and self.last_preambular:
            return Place(Side.AFTER, self.last_preambular)
        return Place(Side.FIRST_IN, part.value)

    def who(self, author: str, where: str) -> str:
        if not author:
            raise DraftingError(f"{where}: a tracked change without an author; say whose it is with --author-map")
        return self.author_map.get(author, author)

    def paragraph(self, n: int, segs: list[_Segment], mark: str | None, shape: str, where: str) -> None:
        old = "".join(t for op, t, _ in segs if op != "insert")
        changed = [(op, a) for op, t, a in segs if op != "equal" and t]
        if shape.split("/")[0] in FRAME_STYLES:  # a line of the heading or the adoption, by its style
            if changed or mark is not None:
                line = old or "".join(t for op, t, _ in segs if op != "delete")
                side = "below the text's last" if shape.startswith("UNAdoption") else "above the text's first"
                self.warnings.append(f"{where}, paragraph {n}: tracked changes on “{line[:60]}”, {side} "
                                     "paragraph, are not proposals and were left out")
            return
        if not old.strip() and (mark is not None or changed):
            who = self.who(mark or changed[0][1], f"{where}, paragraph {n}")
            self.waiting.append((who, "".join(t for op, t, _ in segs if op != "delete"), shape))
            return
        hit = _match(self.bases, self.cursor, old)
        if hit is None and changed and not self.last:
            # the symbol block, title or date above the text: not a proposal on the text
            self.warnings.append(f"{where}, paragraph {n}: tracked changes on “{old[:60]}”, above the "
                                 "text's first paragraph, are not proposals and were left out")
            return
        if hit is None and changed and self.cursor >= len(self.bases):
            # the adoption line below the text: tracked by the renderer, not a proposal on the text
            self.warnings.append(f"{where}, paragraph {n}: tracked changes on “{old[:60]}”, below the "
                                 "text's last paragraph, are not proposals and were left out")
            return
        if hit is None:
            if changed:
                raise DraftingError(f"{where}, paragraph {n}: “{old[:60]}” is not a paragraph of the base text; "
                                    "track the changes on a copy of the base text")
            return
        i, skip = hit
        self.learn(shape, self.bases[i][0])
        self.flush(self.bases[i][0])
        self.cursor, address = i + 1, str(self.bases[i][0])
        self.last = address
        if self.bases[i][0].part is Part.PREAMBLE and not self.bases[i][0].depth:
            self.last_preambular = address
        authors = dict.fromkeys(self.who(a, f"{where}, paragraph {n}") for _, a in changed)
        if changed and all(op == "delete" for op, _ in changed) and not "".join(
                t for op, t, _ in segs if op == "equal").strip():
            who = next(iter(authors))
            self.deleted[address] = who
            parent = self.bases[i][0].parent
            if parent is None or self.deleted.get(str(parent)) != who:  # else gone with its parent
                self.found.setdefault(who, []).append(
                    (address, {"paragraph": address, "action": Action.DELETE_PARAGRAPH}))
            return
        for author in dict.fromkeys(a for _, a in changed):
            self._words(address, *_for_author(segs, author, skip), self.who(author, where))

    def _words(self, address: str, old: str, new: str, who: str) -> None:
        from drafting.comparison.diff import word_diff

        hunks = [(h.op, h.text) for h in word_diff(old, new)]
        for fields in word_proposals(old, hunks):
            self.found.setdefault(who, []).append((address, {"paragraph": address, **fields}))


def from_tracked_word(base: Resolution, path: str | os.PathLike[str], author_map: Mapping[str, str] | None = None,
                      warnings: list[str] | None = None) -> list[Proposal]:
    """Each author's tracked changes in a Word file made on the base text, as proposals;
    what is left out (changes above the text) is added to ``warnings``."""
    reader = _TrackedReader(base, author_map or {}, str(path))
    for n, (segs, mark, shape) in enumerate(_word_paragraphs(Path(path), reader.warnings), start=1):
        reader.paragraph(n, segs, mark, shape, str(path))
    reader.flush(None)
    if not reader.last and any(reader.found.values()) or (not reader.last and reader.warnings):
        raise DraftingError(f"{path}: none of its paragraphs is a paragraph of the base text; "
                            f"track the changes on a copy of the base text")
    if warnings is not None:
        warnings += reader.warnings
    out: list[Proposal] = []
    for who, found in reader.found.items():
        out += number(found, [who])
    return out

