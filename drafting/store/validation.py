"""Reading YAML safely and checking it on the node tree, every problem at once.

A tag such as ``!!python/object`` never constructs anything; an impossible date or a half
character pair is refused where it stands; a resolution or facts file is checked key by key, with
file, line, column and the place inside the document (``operative[12].items[1]``).
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any, Iterable

import yaml

from drafting.errors import Problem, ValidationError
from drafting.model import METADATA_KEYS, ROMAN, Body, Part, Resolution, section_problems

try:  # libyaml is ~15x faster and still gives line/column marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

PARAGRAPH_KEYS = ("section", "text", "lead", "id", "note", "note_at", "numbering", "items")
RESOLUTION_KEYS = METADATA_KEYS + ("facts", "preamble", "operative")
WIDTH = 96  # where long paragraphs fold in the YAML: readable in an editor, diffable in git

_FACT_SCALARS = (str, int, float, dt.date)  # what a fact may be, besides lists and mappings of them
_INT_KEYS = ("session", "year", "meeting")
_STR_KEYS = ("symbol", "draft", "vote", "adoption_note", "title", "source")


def compose(text: str, file: str | None) -> yaml.Node | None:
    """Parse YAML into a node tree (marks kept); a syntax error becomes one Problem."""
    loader = _Loader(text)
    try:
        root: yaml.Node | None = loader.get_single_node()
        _refuse_foreign_tags(root, file)
        return root
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"broken YAML: {exc.problem or exc.context}"
        if exc.context and exc.problem:
            message += f" ({exc.context})"
        raise ValidationError([Problem(message, file, mark.line + 1 if mark else None,
                                       mark.column + 1 if mark else None)]) from None
    except yaml.YAMLError as exc:
        raise ValidationError([Problem(f"broken YAML: {exc}", file)]) from None
    finally:
        loader.dispose()


_SAFE_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in
                       ("str", "int", "float", "bool", "null", "timestamp", "seq", "map"))


def _refuse_foreign_tags(root: yaml.Node | None, file: str | None) -> None:
    """A tag such as !!python/object never constructs anything here, and a date that no calendar
    has (2014-02-30) is no date: say so, where it stands."""
    problems, stack = [], [root] if root is not None else []
    while stack:
        node = stack.pop()
        if node.tag not in _SAFE_TAGS:
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            problems.append(Problem(f"expected plain YAML, found the tag {tag}; remove it", file,
                                    node.start_mark.line + 1, node.start_mark.column + 1))
        elif isinstance(node, yaml.ScalarNode) and (half := SURROGATE.search(node.value)):
            problems.append(Problem(f"expected text, found U+{ord(half.group()):04X} (half of a character "
                                    "pair, not a character); remove it", file,
                                    node.start_mark.line + 1, node.start_mark.column + 1))
        elif node.tag == "tag:yaml.org,2002:timestamp" and (why := _impossible_date(node)):
            problems.append(Problem(f"expected a real date, found {node.value} ({why}); correct it, "
                                    "or quote it to keep it as text", file,
                                    node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            stack.extend(n for pair in node.value for n in pair)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))


SURROGATE = re.compile("[\ud800-\udfff]")  # an escape such as "\ud800" in a quoted string makes one


def _impossible_date(node: yaml.Node) -> str | None:
    """Why a YAML date cannot be (1977-02-30: 'day is out of range for month'), else None."""
    try:
        construct(node)
    except (ValueError, OverflowError) as exc:
        return str(exc)
    return None


def construct(node: yaml.Node) -> Any:
    """The Python value of a node (safe types only)."""
    loader = _Loader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    value = construct(node)
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a true/false value ({node.value})"
    if isinstance(value, (int, float)):
        return f"a number ({node.value})"
    if isinstance(value, dt.date):
        return f"a date ({node.value})"
    return f"a string ({node.value[:40]!r})"


class Checker:
    """Collects every problem in one file."""

    def __init__(self, file: str | None):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, node: yaml.Node, path: str, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(message, self.file, mark.line + 1, mark.column + 1, path or None))

    def mapping(self, node: yaml.Node, path: str, allowed: Iterable[str], what: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """Key -> (key node, value node) for a mapping node; reports unknown and repeated keys."""
        if not isinstance(node, yaml.MappingNode):
            self.add(node, path, f"expected {what}, found {_describe(node)}")
            return {}
        allowed = tuple(allowed)
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.add(key_node, path, "expected a plain key, found " + _describe(key_node))
                continue
            if key in out:
                self.add(key_node, path, f'key "{key}" appears twice; keep one')
                continue
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f'; did you mean "{close[0]}"?' if close else f"; expected one of: {', '.join(allowed)}"
                self.add(key_node, path, f'unknown key "{key}"{hint}')
                continue
            out[key] = (key_node, value_node)
        return out

    def scalar(self, node: yaml.Node, path: str, types: tuple[type, ...], what: str) -> bool:
        if isinstance(node, yaml.ScalarNode):
            value = construct(node)
            if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
                return True
        self.add(node, path, f"expected {what}, found {_describe(node)}")
        return False

    def paragraph(self, node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.ScalarNode) and isinstance(construct(node), str):
            if not node.value.strip():
                self.add(node, path, "expected paragraph text, found an empty string; delete the item")
            return
        if not isinstance(node, yaml.MappingNode):
            self.add(node, path, f'expected a string or a mapping with "text", found {_describe(node)}')
            return
        keys = self.mapping(node, path, PARAGRAPH_KEYS, 'a string or a mapping with "text"')
        if "text" not in keys:
            self.add(node, path, 'expected a "text" key in this paragraph mapping, found none')
        elif not (isinstance(keys.get("items", (None, None))[1], yaml.SequenceNode) and keys["items"][1].value) \
                and isinstance(keys["text"][1], yaml.ScalarNode) and not keys["text"][1].value.strip():
            self.add(node, path, "expected paragraph text, found an empty string; delete the item")
        for key, (_, value) in keys.items():
            if key == "items":
                self.paragraphs(value, f"{path}.items")
            elif key == "note_at":
                if not isinstance(value, yaml.SequenceNode) or not all(
                        isinstance(v, yaml.ScalarNode) and isinstance(construct(v), str) for v in value.value):
                    self.add(value, f"{path}.note_at", "expected a list of the words each footnote follows, "
                             f"found {_describe(value)}")
            elif key == "section" and (".items[" in path or not isinstance(value, yaml.ScalarNode)
                                       or not str(value.value).strip()):
                self.add(value, f"{path}.section", "expected a section heading (such as A or II) on a paragraph, "
                         f"found {_describe(value)}{' on a sub-paragraph' if '.items[' in path else ''}; "
                         "a section opens before a whole paragraph")
            elif key == "numbering" and (not isinstance(value, yaml.ScalarNode) or value.value != ROMAN):
                self.add(value, f"{path}.numbering", 'expected "roman" (sub-paragraphs (i), (ii) ...), '
                         f"found {_describe(value)}; remove the key for (a), (b) ...")
            else:
                self.scalar(value, f"{path}.{key}", (str,), "a string")

    def paragraphs(self, node: yaml.Node, path: str) -> None:
        if isinstance(node, yaml.ScalarNode) and construct(node) is None:
            return  # "operative:" with nothing under it: an empty part
        if not isinstance(node, yaml.SequenceNode):
            self.add(node, path, f"expected a list of paragraphs, found {_describe(node)}")
            return
        for i, item in enumerate(node.value):
            self.paragraph(item, f"{path}[{i}]")

    def facts(self, node: yaml.Node, path: str, *, values: bool = False) -> None:
        """A mapping of fact names; with ``values`` (a facts file) the shape of every value too.

        A resolution's ``facts`` block is checked for its names only: its values are whatever
        the importer or ``python -m tools.extract_facts`` found in the text.
        """
        if not isinstance(node, yaml.MappingNode):
            self.add(node, path, f"expected a mapping of fact names to values (name: value), found {_describe(node)}")
            return
        self._fact_names(node, path, 0 if values else None)

    def _fact_names(self, node: yaml.MappingNode, path: str, depth: int | None) -> None:
        # ``depth`` None: names only; else the mapping's depth in a facts file (0: the file).
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = construct(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.add(key_node, path, f"expected a fact name (a string), found {_describe(key_node)}")
                continue
            if key in seen:
                self.add(key_node, path, f'fact "{key}" appears twice; keep one')
            seen.add(key)
            if depth is not None:
                self.fact_value(value_node, f"{path}.{key}" if path else key, depth + 1)

    def fact_value(self, node: yaml.Node, path: str, depth: int) -> None:
        """A value in a facts file: a scalar or null, a list of scalars, a mapping, a list of mappings."""
        if isinstance(node, yaml.ScalarNode):
            value = construct(node)
            if value is None or (isinstance(value, _FACT_SCALARS) and not isinstance(value, bool)):
                return
            self.add(node, path, f"expected a string, number, date, list or null, found {node.value!r}; "
                                 "quote it to keep it as text")
        elif isinstance(node, yaml.SequenceNode):
            if depth > 1:
                self.add(node, path, "expected a name, number or date inside this list, found a list; flatten it")
                return
            for i, item in enumerate(node.value):
                if isinstance(item, yaml.ScalarNode) and construct(item) is None:
                    self.add(item, f"{path}[{i}]", "expected a value in this list, found null; remove the item")
                else:
                    self.fact_value(item, f"{path}[{i}]", depth + 1)
        elif isinstance(node, yaml.MappingNode):
            if depth > 2:
                self.add(node, path, "expected a value, found a mapping nested too deep (at most a list of mappings)")
                return
            self._fact_names(node, path, depth)


def check_resolution(root: yaml.Node | None, file: str | None) -> list[Problem]:
    check = Checker(file)
    if root is None:
        return [Problem("the file is empty: expected a mapping with preamble and operative "
                        "paragraphs (see README, 'The YAML format')", file)]
    keys = check.mapping(root, "", RESOLUTION_KEYS, "a mapping with preamble and operative paragraphs")
    for key, (_, value) in keys.items():
        if key in _INT_KEYS:
            check.scalar(value, key, (int,), "a whole number")
        elif key in _STR_KEYS:
            check.scalar(value, key, (str,), "a string")
        elif key == "agenda_item":
            check.scalar(value, key, (str, int), 'a string such as "32"')
        elif key == "adopted":
            check.scalar(value, key, (dt.date,), "a date such as 2013-12-18")
        elif key == "body":
            if check.scalar(value, key, (str,), "a string") and value.value not in (
                    [b.value for b in Body] + [b.short for b in Body]):
                check.add(value, key, f'expected "General Assembly" or "Security Council", found {value.value!r}')
        elif key == "sponsors":
            if isinstance(value, yaml.SequenceNode):
                for i, item in enumerate(value.value):
                    check.scalar(item, f"sponsors[{i}]", (str,), "a sponsor's name")
            else:
                check.add(value, key, f"expected a list of sponsors, found {_describe(value)}")
        elif key == "facts":
            check.facts(value, key)
        elif key == "section_numbering":
            if not isinstance(value, yaml.ScalarNode) or value.value != "restart":
                check.add(value, key, 'expected "restart" (operative numbers start at 1 in each section), '
                          f"found {_describe(value)}; remove the key for numbers running on across sections")
        else:
            check.paragraphs(value, key)
    if isinstance(root, yaml.MappingNode) and keys and "preamble" not in keys and "operative" not in keys:
        check.add(root, "", "expected preamble and/or operative paragraphs, found neither")
    if not check.problems and isinstance(root, yaml.MappingNode):
        _check_sections(check, root, keys)
    return sorted(check.problems, key=lambda p: (p.line or 0, p.column or 0))


def _check_sections(check: Checker, root: yaml.MappingNode, keys: dict[str, Any]) -> None:
    """Headings that contradict each other (a section opening twice, or in another order in the
    preamble than in the operative part), each at the paragraph that carries it."""
    parts = [keys[part][1] for part in ("preamble", "operative") if part in keys]
    if not any(isinstance(item, yaml.MappingNode) and any(k.value == "section" for k, _ in item.value)
               for part in parts if isinstance(part, yaml.SequenceNode) for item in part.value):
        return  # no heading at all: nothing can contradict (and no second construction)
    resolution = Resolution.from_dict(construct(root))
    for address, message in section_problems(resolution):
        part = "preamble" if address.part is Part.PREAMBLE else "operative"
        node = keys[part][1].value[address.number - 1] if part in keys else root
        check.add(node, f"{part}[{address.number - 1}]", f"{address}: {message}")
