"""A comparison as Akoma Ntoso: the new text with ``ins``/``del`` inline, the changes listed.

The document is the new resolution (its metadata, numbering and structure) with each changed
paragraph's words marked ``<ins class="year">`` / ``<del class="wording">`` (the class is the
hunk's class), deleted paragraphs kept at their old place with ``status="removed"``, and every
change in ``meta/analysis/activeModifications`` as a ``textualMod``: ``substitution`` (amended),
``renumbering`` (moved), ``insertion``, ``repeal``, ``split``, ``join``; ``refersTo`` says
routine or substantive and names the hunk classes. Reading it back with the importer gives the
new resolution (deletions are not text).
"""
from __future__ import annotations

from typing import Any

from drafting.model import (Address, Change, ChangeKind, Comparison, HunkClass, HunkOp, Part,
                            Resolution)
from drafting.render.documents.akn import document, serialize, work_uri
from drafting.render.documents.akn_body import Node, Run, eid_of, el, note_fields, num_of, own_attrs

MOD_TYPE = {ChangeKind.AMENDED: "substitution", ChangeKind.MOVED: "renumbering",
            ChangeKind.ADDED: "insertion", ChangeKind.DELETED: "repeal",
            ChangeKind.SPLIT: "split", ChangeKind.MERGED: "join"}
CONCEPTS = ("routine", "substantive", *(f"hunk-{c.value}" for c in HunkClass))


def comparison_to_akn(comparison: Comparison, old: Resolution, new: Resolution) -> bytes:
    """The AKN document of ``comparison`` (``old`` → ``new``)."""
    builder = _Builder(old, new)
    for change in comparison.changes:
        builder.place(change)
    title = _pair(old.title, new.title)

    def analysis(ana: Any) -> None:
        _modifications(ana, comparison, builder.where, old)

    root = document(new, builder.roots[Part.PREAMBLE], builder.roots[Part.OPERATIVE],
                    title[0][1] if title and title[0][0] == "text" else title,
                    analysis, CONCEPTS)
    return serialize(root)


def _pair(old: str | None, new: str | None) -> list[Run] | None:
    """Runs for a text that may have changed as a whole (a title, a footnote)."""
    if old == new:
        return None if new is None else [("text", new)]
    runs: list[Run] = [] if old is None else [("del", old)]
    return runs + ([] if new is None else [("ins", new)])


def _kind(op: HunkOp, cls: HunkClass | None) -> str:
    name = {HunkOp.EQUAL: "text", HunkOp.INSERT: "ins", HunkOp.DELETE: "del"}[op]
    return f"{name} {cls.value}" if cls is not None and op is not HunkOp.EQUAL else name


def split_runs(change: Change) -> list[list[Run]]:
    """The hunks of a change as runs, one list per new paragraph (a split group joins with \\n)."""
    out: list[list[Run]] = [[] for _ in change.new]
    i = 0
    for hunk in change.hunks:
        kind = _kind(hunk.op, hunk.cls)
        if hunk.op is HunkOp.DELETE or len(out) == 1:
            out[i].append((kind, hunk.text))
            continue
        for j, piece in enumerate(hunk.text.split("\n")):
            if j:
                i = min(i + 1, len(out) - 1)
            out[i].append((kind, piece))
    return out


def _with_lead(runs: list[Run], lead: str) -> list[Run]:
    """Mark the lead phrase when it stands whole in the first, unchanged run."""
    if lead and runs and runs[0][0] == "text" and runs[0][1].startswith(lead):
        return [("lead", lead), ("text", runs[0][1][len(lead):]), *runs[1:]]
    return runs


class _Builder:
    """Places every paragraph of the comparison, in change order, under its parent."""

    def __init__(self, old: Resolution, new: Resolution):
        self.old, self.new = old, new
        self.roots: dict[Part, list[Node]] = {Part.PREAMBLE: [], Part.OPERATIVE: []}
        self.placed: dict[Address, Node] = {}  # new addresses
        self.removed: dict[Address, Node] = {}  # old addresses of deleted paragraphs
        self.counterpart: dict[Address, Address] = {}  # old address -> new address
        self.where: dict[int, str] = {}  # id(change) -> eId of its element in this document

    def host(self, parent: Address | None, part: Part, old_side: bool) -> list[Node]:
        if parent is None:
            return self.roots[part]
        if old_side and parent in self.removed:
            return self.removed[parent].children
        key = self.counterpart.get(parent) if old_side else parent
        node = self.placed.get(key) if key is not None else None
        return node.children if node is not None else self.roots[part]

    def place(self, change: Change) -> None:
        for address in change.old:
            if change.new:
                self.counterpart[address] = change.new[0]
        if not change.new:
            self.place_removed(change)
            return
        for address, runs in zip(change.new, split_runs(change)):
            paragraph = self.new.get(address)
            note = _pair(self._old_note(change), paragraph.note) if len(change.new) == 1 else (
                None if paragraph.note is None else [("text", paragraph.note)])
            anchored: list[tuple[int, str]] = []
            if paragraph.note_at:  # notes placed in the text: the new notes (their changes are listed)
                note, anchored = note_fields(paragraph)
            node = Node(address.part, eid_of(address), num_of(self.new, address),
                        _with_lead(runs, paragraph.italic_lead(address)), note, own_attrs(paragraph),
                        anchored=anchored, section=paragraph.section if address.depth == 0 else None)
            self.host(address.parent, address.part, False).append(node)
            self.placed[address] = node
        self.where[id(change)] = eid_of(change.new[0])

    def _old_note(self, change: Change) -> str | None:
        return self.old.get(change.old[0]).note if len(change.old) == 1 else None

    def place_removed(self, change: Change) -> None:
        for address in change.old:
            paragraph = self.old.get(address)
            eid = f"removed_{len(self.removed) + 1}"
            node = Node(address.part, eid, None, [("del", paragraph.text)],
                        None if paragraph.note is None else [("del", paragraph.note)],
                        {"status": "removed"})
            self.host(address.parent, address.part, True).append(node)
            self.removed[address] = node
            self.where.setdefault(id(change), eid)


def _modifications(ana: Any, comparison: Comparison, where: dict[int, str],
                   old: Resolution) -> None:
    """One ``textualMod`` per change that is not ``unchanged``."""
    changed = [c for c in comparison.changes if c.kind is not ChangeKind.UNCHANGED]
    if not changed:
        return
    target = f"{work_uri(old)}/eng@/!main"
    mods = el(ana, "activeModifications")
    for n, change in enumerate(changed, start=1):
        classes = sorted({h.cls.value for h in change.hunks
                          if h.op is not HunkOp.EQUAL and h.cls is not None})
        refers = ["#routine" if change.routine else "#substantive", *(f"#hunk-{c}" for c in classes)]
        mod = el(mods, "textualMod", type=MOD_TYPE[change.kind], eId=f"mod_{n}",
                 refersTo=" ".join(refers))
        el(mod, "source", href="#" + where[id(change)])
        el(mod, "destination", href=f"{target}~{eid_of(change.old[0])}" if change.old else target)
        for address in change.old:
            el(mod, "old", href=f"{target}~{eid_of(address)}")
        for address in change.new:
            el(mod, "new", href="#" + eid_of(address))
