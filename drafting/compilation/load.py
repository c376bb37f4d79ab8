"""Proposal files: YAML per delegation or one for all, validated with file:line messages.

A file is a list of proposals, or a mapping::

    delegation: EU                  # the default ``by`` of its proposals
    status: {PP1: agreed, OP5: agreed-ad-ref}
    reopened: [OP5]
    labels: {agreed-ad-ref: agreed ad ref.}
    proposals:
      - paragraph: OP5
        action: replace
        words: welcomes
        with: notes
        supported_by: [Japan]

Proposals without an ``id`` are numbered per delegation in the order written: EU-1, EU-2, ...
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from drafting.compilation.proposals import (
    DEFAULT_LABELS,
    Action,
    Compilation,
    Place,
    Proposal,
    Side,
    Status,
)
from drafting.errors import DraftingError, Problem, ValidationError
from drafting.model import Paragraph, Resolution
from drafting.store import compose, construct, read_text

FILE_KEYS = ("delegation", "status", "reopened", "labels", "proposals")
PROPOSAL_KEYS = ("id", "by", "on_behalf_of", "supported_by", "bridges", "action", "paragraph", "words", "occurrence",
                 "with", "after", "before", "first_in", "paragraphs")
_NEEDS: Mapping[Action, tuple[str, ...]] = {
    Action.REPLACE: ("paragraph", "words", "with"), Action.INSERT: ("paragraph", "words", "with"),
    Action.DELETE: ("paragraph", "words"), Action.ADD: ("paragraphs",),
    Action.DELETE_PARAGRAPH: ("paragraph",), Action.MOVE: ("paragraph",), Action.NOTE: ("paragraph",)}
_SIDES = ("after", "before", "first_in")
_ID = re.compile(r"^[^\s:\[\]]+$")


def id_stem(delegation: str) -> str:
    """What a delegation's automatic proposal ids start with: "Antigua and Barbuda" -> "Antigua-and-Barbuda"."""
    return re.sub(r"[\s:\[\]]+", "-", delegation)


def proposal_to_dict(p: Proposal) -> dict[str, Any]:
    """Plain data in the fixed key order (the inverse of :func:`proposal_from_dict`)."""
    out: dict[str, Any] = {"id": p.id, "by": p.by[0] if len(p.by) == 1 else list(p.by)}
    if p.on_behalf_of:
        out["on_behalf_of"] = p.on_behalf_of
    if p.supported_by:
        out["supported_by"] = list(p.supported_by)
    if p.bridges:
        out["bridges"] = list(p.bridges)
    out["action"] = p.action.value
    for key, value in (("paragraph", p.paragraph), ("words", p.words), ("occurrence", p.occurrence)):
        if value is not None:
            out[key] = value
    if p.new is not None or p.action in (Action.REPLACE, Action.INSERT):
        out["with"] = p.new
    if p.side is not None and p.words is not None:
        out[p.side.value] = p.words
        del out["words"]
    if p.place is not None:
        out[p.place.side.value] = p.place.anchor
    if p.paragraphs:
        out["paragraphs"] = [par.to_dict() for par in p.paragraphs]
    return out


def proposal_from_dict(data: Mapping[str, Any], pid: str, default_by: str | None = None) -> Proposal:
    """From data checked by :func:`_check_proposal`."""
    action = Action(data["action"])
    by = data.get("by", default_by)
    side_key = next((k for k in _SIDES if k in data), None)
    words, side, place = data.get("words"), None, None
    if side_key and action is Action.INSERT:
        words, side = data[side_key], Side(side_key)
    elif side_key:
        place = Place(Side(side_key), str(data[side_key]))
    return Proposal(
        id=pid, by=tuple(by) if isinstance(by, list) else (str(by),), action=action,
        paragraph=data.get("paragraph"), words=words, occurrence=data.get("occurrence"),
        new=data.get("with"), side=side, place=place,
        paragraphs=tuple(Paragraph.from_dict(x) for x in data.get("paragraphs") or ()),
        on_behalf_of=data.get("on_behalf_of"), supported_by=tuple(data.get("supported_by") or ()),
        bridges=tuple(data.get("bridges") or ()), origin=str(data.get("_origin", "")))


def compilation_to_dict(c: Compilation) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if c.status:
        out["status"] = {k: v.value for k, v in c.status.items()}
    if c.reopened:
        out["reopened"] = sorted(c.reopened)
    labels = {k.value: v for k, v in c.labels.items() if DEFAULT_LABELS.get(k) != v}
    if labels:
        out["labels"] = labels
    out["proposals"] = [proposal_to_dict(p) for p in c.proposals]
    return out


class _Reader:
    """Collects every problem in one proposals file, each with its line and place."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, node: yaml.Node, path: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(message, self.file, mark.line + 1, mark.column + 1, path))

    def keys(self, node: yaml.Node, path: str, allowed: tuple[str, ...], what: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.add(node, path, f"expected {what}, found {'a list' if isinstance(node, yaml.SequenceNode) else 'text'}")
            return {}
        out: dict[str, yaml.Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else ""
            if name not in allowed:
                self.add(key, path, f'unknown key "{name}"; expected one of: {", ".join(allowed)}')
            elif name in out:
                self.add(key, path, f'key "{name}" appears twice; keep one')
            else:
                out[name] = value
        return out

    def proposal(self, node: yaml.Node, path: str) -> dict[str, Any] | None:
        fields = self.keys(node, path, PROPOSAL_KEYS, "a proposal (a mapping with action, paragraph, ...)")
        if not fields:
            return None
        data = {k: construct(v) for k, v in fields.items()}
        before = len(self.problems)
        action = data.get("action")
        if action not in [a.value for a in Action]:
            self.add(fields.get("action", node), path, f"expected action: one of {', '.join(a.value for a in Action)}, "
                     f"found {action!r}")
            return None
        self.shape(Action(action), data, fields, node, path)
        self.types(data, fields, path)
        return data if len(self.problems) == before else None

    def shape(self, act: Action, data: dict[str, Any], fields: dict[str, yaml.Node], node: yaml.Node,
              path: str) -> None:
        """The keys an action needs, and no place where it takes none."""
        for key in _NEEDS[act]:
            if act is Action.INSERT and key == "words":
                continue
            if key not in data or (key != "with" and data[key] in (None, "")):
                self.add(node, path, f"a {act.value} proposal needs {key}:")
        sides = [k for k in _SIDES if k in data]
        if act in (Action.INSERT, Action.ADD, Action.MOVE) and len(sides) != 1:
            self.add(node, path, f"a {act.value} proposal needs one of after:, before:, first_in:, found {len(sides)}")
        elif act not in (Action.INSERT, Action.ADD, Action.MOVE) and sides:
            self.add(fields[sides[0]], path, f"{sides[0]}: places a paragraph or inserted words; a {act.value} proposal has none")
        if act is Action.INSERT and "words" in data:
            self.add(fields["words"], path, "an insert proposal quotes its anchor words under after: or before:; "
                     "remove words:")
        if act is Action.ADD and "paragraph" in data:
            self.add(fields["paragraph"], path, "an add proposal places its paragraphs with after:, before: or "
                     "first_in:; remove paragraph:")
        if act is Action.INSERT and "first_in" in data:
            self.add(fields["first_in"], path, "inserted words go after: or before: words of the paragraph")

    def types(self, data: dict[str, Any], fields: dict[str, yaml.Node], path: str) -> None:
        """Texts are text, occurrences whole numbers, delegations names without commas."""
        if "id" in data and not (isinstance(data["id"], str) and _ID.match(data["id"])):
            self.add(fields["id"], path, f"expected an id without spaces, colons or brackets (EU-1), found {data['id']!r}")
        for key in ("words", "with", "paragraph", "on_behalf_of", "id", "after", "before", "first_in"):
            if key in data and not isinstance(data[key], str) and not (key == "with" and data[key] is None):
                self.add(fields[key], path, f"expected {key}: to be text, found {data[key]!r}; quote it")
        occurrence = data.get("occurrence")
        if "occurrence" in data and (not isinstance(occurrence, int) or isinstance(occurrence, bool) or occurrence < 1):
            self.add(fields["occurrence"], path, "expected occurrence: a whole number from 1")
        for key in ("by", "supported_by", "bridges"):
            value = data.get(key)
            if value is not None and not (isinstance(value, str) or (
                    isinstance(value, list) and value and all(isinstance(v, str) for v in value))):
                self.add(fields[key], path, f"expected {key}: a delegation or a list of delegations")
        for key in ("by", "supported_by"):
            for name in _names(data.get(key)):
                if "," in name:
                    self.add(fields[key], path, f"delegation {name!r} holds a comma; write one name per list item")

    def paragraphs(self, node: yaml.Node, path: str) -> None:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.add(node, path, "expected paragraphs: a list of paragraph texts")
            return
        for n, item in enumerate(node.value):
            if isinstance(item, yaml.MappingNode):
                fields = self.keys(item, f"{path}[{n}]", ("text", "lead", "id", "note", "items"), "a paragraph")
                if "text" not in fields:
                    self.add(item, f"{path}[{n}]", "a paragraph needs text:")
                if "items" in fields:
                    self.paragraphs(fields["items"], f"{path}[{n}].items")
            elif not (isinstance(item, yaml.ScalarNode) and isinstance(construct(item), str)):
                self.add(item, f"{path}[{n}]", "expected a paragraph's text (quote it)")


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _file_parts(reader: _Reader, root: yaml.Node | None) -> tuple[dict[str, Any], list[tuple[yaml.Node, str]]]:
    """The file-level settings and each proposal node with its path."""
    if isinstance(root, yaml.SequenceNode):
        return {}, [(n, f"proposals[{i}]") for i, n in enumerate(root.value)]
    if root is None:
        return {}, []
    fields = reader.keys(root, "", FILE_KEYS, "a list of proposals or a mapping with proposals:")
    settings = {k: construct(v) for k, v in fields.items() if k != "proposals"}
    items = fields.get("proposals")
    if items is not None and not isinstance(items, yaml.SequenceNode):
        reader.add(items, "proposals", "expected a list of proposals")
        items = None
    return settings, [(n, f"proposals[{i}]") for i, n in enumerate(items.value if items else [])]


def loads(text: str, file: str = "<proposals>") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The settings and the checked proposal data of one file (ids not yet given)."""
    reader = _Reader(file)
    settings, nodes = _file_parts(reader, compose(text, file))
    out = []
    for node, path in nodes:
        data = reader.proposal(node, path)
        if data is not None and isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == "paragraphs":
                    reader.paragraphs(value, f"{path}.paragraphs")
            if "by" not in data and "delegation" not in settings:
                reader.add(node, path, "who proposes this? add by: (or delegation: at the top of the file)")
            data["_origin"] = f"{file}:{node.start_mark.line + 1}"
            out.append(data)
    _check_settings(reader, settings)
    if reader.problems:
        raise ValidationError(reader.problems)
    return settings, out


def _check_settings(reader: _Reader, settings: dict[str, Any]) -> None:
    statuses = [s.value for s in Status]
    for key, value in (settings.get("status") or {}).items():
        if value not in statuses:
            reader.problems.append(Problem(f"status of {key}: expected one of {', '.join(statuses)}, found {value!r}",
                                           reader.file, path="status"))
    for key, label in (settings.get("labels") or {}).items():
        if not isinstance(label, str) or not label or any(c in label for c in ",;()=") or label == "reopened":
            reader.problems.append(Problem(f"labels: {key}: expected a short label without , ; ( ) =, "
                                           f"found {label!r}", reader.file, path="labels"))
        if key not in statuses:
            reader.problems.append(Problem(f"labels: expected keys {', '.join(statuses)}, found {key!r}",
                                           reader.file, path="labels"))


def load(paths: Iterable[str | os.PathLike[str]], base: Resolution | None = None,
         author_map: Mapping[str, str] | None = None) -> Compilation:
    """Read proposal files into one compilation: YAML, the text form of a compilation, and (given
    the base text) a Word file with tracked changes or ``DELEGATION=revised-text.yaml``."""
    from drafting.compilation import amendment_source, text as text_form

    batches: list[tuple[list[Proposal], bool]] = []  # (proposals, ids given by the file)
    status: dict[str, Status] = {}
    reopened: set[str] = set()
    labels = dict(DEFAULT_LABELS)
    warnings: list[str] = []
    for path in paths:
        derived = _derived(str(path), base, author_map or {}, warnings)
        if derived is not None:
            batches.append((derived, False))
            continue
        source = read_text(path)
        if text_form.is_text_form(source):
            c = text_form.parse(source, str(path))
            batches.append((list(c.proposals), True))
            status.update(c.status)
            continue
        if amendment_source.is_delegation_amendments(source):
            if base is None:
                raise DraftingError(f"{path}: reading amendments needs the base text")
            batches.append((amendment_source.from_delegation_amendments(base, source, str(path)), False))
            continue
        settings, items = loads(source, str(path))
        status.update({str(k): Status(v) for k, v in (settings.get("status") or {}).items()})
        reopened.update(str(x) for x in settings.get("reopened") or ())
        labels.update({Status(k): str(v) for k, v in (settings.get("labels") or {}).items()})
        for n, data in enumerate(items):
            given = data.get("id")
            batches.append(([proposal_from_dict(data, str(given or f" {n}"), settings.get("delegation"))],
                            given is not None))
    proposals = _numbered(batches)
    _unique_ids(proposals)
    return Compilation(tuple(proposals), status, frozenset(reopened), labels, tuple(warnings))


def _numbered(batches: list[tuple[list[Proposal], bool]]) -> list[Proposal]:
    """Every proposal with its id: the ids files give are kept; the others are numbered per
    delegation in the order read (EU-1, EU-2, ...), skipping the ids files give."""
    from drafting.compilation.sources import renumber

    taken = {p.id for batch, given in batches if given for p in batch}
    counts: dict[str, int] = {}
    out: list[Proposal] = []
    for batch, given in batches:
        out += batch if given else renumber(batch, counts, id_stem, taken)
    return out


def _derived(path: str, base: Resolution | None, author_map: Mapping[str, str],
             warnings: list[str]) -> list[Proposal] | None:
    """Proposals from a tracked Word file or a delegation's revised text; None for proposal files."""
    from drafting import store
    from drafting.compilation import sources

    name, _, revised = path.partition("=")
    is_word = path.lower().endswith(".docx") and not revised
    if not (is_word or (revised and not os.path.exists(path))):
        return None
    if base is None:
        raise DraftingError(f"{path}: reading proposals from a text needs the base text")
    if is_word:
        return sources.from_tracked_word(base, path, author_map, warnings)
    found: list[str] = []
    out = sources.from_revised_text(base, store.load(revised), name, found)
    warnings += [f"{revised}: {w}" for w in found]
    return out


def _unique_ids(proposals: list[Proposal]) -> None:
    seen: set[str] = set()
    for p in proposals:
        if p.id in seen:
            raise ValidationError([Problem(f"proposal id {p.id} is used twice; give each proposal its own id")])
        seen.add(p.id)
