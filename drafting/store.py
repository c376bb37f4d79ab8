"""The YAML store: load, validate, dump and save resolutions and facts files.

Loading is safe (no Python tags) and validated on the node tree, so every problem is reported
with file, line, column and the place inside the document (``operative[12].items[1]``), all
problems at once. Writing is atomic (temporary file, then rename) and stable: load then save
reproduces a file written by :func:`dumps` byte for byte.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from drafting.errors import DraftingError, Problem, ValidationError
from drafting.model import METADATA_KEYS, Body, Resolution

try:  # libyaml is ~15x faster and still gives line/column marks
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

PARAGRAPH_KEYS = ("text", "lead", "id", "note", "note_at", "numbering", "items")
RESOLUTION_KEYS = METADATA_KEYS + ("facts", "preamble", "operative")
WIDTH = 96  # where long paragraphs fold in the YAML: readable in an editor, diffable in git

_FACT_SCALARS = (str, int, float, dt.date)  # what a fact may be, besides lists and mappings of them
_INT_KEYS = ("session", "year", "meeting")
_STR_KEYS = ("symbol", "draft", "vote", "adoption_note", "title", "source")


# ---------------------------------------------------------------------------- reading


# How a Word file of ours carries what its visible text cannot: custom document properties holding
# YAML. The renderer writes them and the .docx importer reads them.
METADATA_PROPERTY = "drafting.metadata"  # the metadata and facts (no paragraphs)
EXTRAS_PROPERTY = "drafting.extras"  # paragraph ids, odd leads
ZIP_MAGIC = b"PK\x03\x04"  # how a Word .docx (a zip archive) opens


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The file's bytes, or a DraftingError naming the file and why it cannot be read."""
    p = Path(path)
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise DraftingError(f"{p}: no such file") from None
    except IsADirectoryError:
        raise DraftingError(f"{p}: expected a file, found a directory") from None
    except OSError as exc:
        raise DraftingError(f"{p}: cannot read: {exc.strerror}") from None


def read_text(path: str | os.PathLike[str]) -> str:
    """The file's text, or a DraftingError that says why it cannot be read as UTF-8 text."""
    return decode(read_bytes(path), path)


def decode(data: bytes, path: str | os.PathLike[str]) -> str:
    """The bytes of ``path`` as text, or a DraftingError for binary or non-UTF-8 content."""
    p = Path(path)
    if b"\0" in data[:8192]:
        raise DraftingError(f"{p}: expected a UTF-8 text file, found binary data")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DraftingError(
            f"{p}: expected UTF-8 text, found a byte that is not UTF-8 at offset {exc.start}; "
            "save the file as UTF-8") from None


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
        elif isinstance(node, yaml.ScalarNode) and (half := _SURROGATE.search(node.value)):
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


_SURROGATE = re.compile("[\ud800-\udfff]")  # an escape such as "\ud800" in a quoted string makes one


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


class _Checker:
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
            elif key == "numbering" and (not isinstance(value, yaml.ScalarNode) or value.value != "roman"):
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


def _check_resolution(root: yaml.Node | None, file: str | None) -> list[Problem]:
    check = _Checker(file)
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
        else:
            check.paragraphs(value, key)
    if isinstance(root, yaml.MappingNode) and keys and "preamble" not in keys and "operative" not in keys:
        check.add(root, "", "expected preamble and/or operative paragraphs, found neither")
    return sorted(check.problems, key=lambda p: (p.line or 0, p.column or 0))


def loads(text: str, file: str | None = None) -> Resolution:
    """A Resolution from YAML text; ValidationError lists every problem."""
    root = compose(text, file)
    problems = _check_resolution(root, file)
    if problems:
        raise ValidationError(problems)
    assert root is not None
    return Resolution.from_dict(construct(root))


def load(path: str | os.PathLike[str]) -> Resolution:
    """Load and validate one resolution file."""
    data = read_bytes(path)
    if data.startswith(ZIP_MAGIC) or Path(path).suffix.lower() == ".docx":
        # People hand the Word file they have to every command; say how to get the YAML.
        raise DraftingError(f"{path}: expected a YAML resolution file, found a Word .docx file; "
                            f"convert it first with: drafting import {path} -o "
                            f"{Path(path).with_suffix('.yaml').name}")
    return loads(decode(data, path), str(path))


def validate(paths: Iterable[str | os.PathLike[str]]) -> list[Problem]:
    """Every problem in every resolution file under ``paths`` (files or directories)."""
    paths = list(paths)
    # A folder with no YAML in it is a wrong path (the library's parent, a typo), not a pass.
    problems = [Problem(NO_RESOLUTION_FILES, str(p))
                for p in map(Path, paths) if p.is_dir() and not resolution_files([p])]
    for path in resolution_files(paths):
        try:
            load(path)
        except ValidationError as exc:
            problems.extend(exc.problems)
        except DraftingError as exc:
            problems.append(Problem(str(exc).split(": ", 1)[-1], str(path)))
    return problems


NO_RESOLUTION_FILES = "expected resolution files (*.yaml) in this folder, found none"


def folder_or_file(path: str | os.PathLike[str]) -> list[Path]:
    """A file as given, or the resolution files below a folder (none there is an error)."""
    p = Path(path)
    if not p.is_dir():
        return [p]
    files = resolution_files([p])
    if not files:
        raise DraftingError(f"{p}: {NO_RESOLUTION_FILES}")
    return files


def resolution_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The resolution YAML files named or found below the given paths, in a stable order."""
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(f for f in sorted(p.rglob("*.yaml")) if not f.name.endswith(".facts.yaml"))
        elif p.exists():
            out.append(p)
        else:
            raise DraftingError(f"{p}: no such file or directory")
    return out


# ---------------------------------------------------------------------------- facts files


def load_facts(path: str | os.PathLike[str]) -> dict[str, Any]:
    """A facts file: a mapping of fact names to strings, numbers, dates, lists, mappings or null.

    The one loader every command uses; ValidationError lists every problem with file:line:col.
    """
    return loads_facts(read_text(path), str(path))


def loads_facts(text: str, file: str | None = "<facts>") -> dict[str, Any]:
    """Like :func:`load_facts`, from text."""
    root = compose(text, file)
    if root is None:
        raise ValidationError([Problem("the facts file is empty: expected a mapping of fact names to values", file)])
    check = _Checker(file)
    check.facts(root, "", values=True)
    if check.problems:
        raise ValidationError(sorted(check.problems, key=lambda p: (p.line or 0, p.column or 0)))
    return dict(construct(root))


# ---------------------------------------------------------------------------- writing


class _FlowList(list[Any]):
    """A short list of names, written on one line: [Côte d'Ivoire, Liberia]."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # Indent list items under their key, as people write YAML by hand.
        super().increase_indent(flow, False)


# YAML reads these as line breaks in any style but double-quoted, where they are escaped
# (\N, \L, \P): written raw they would come back as a space or a newline.
_YAML_BREAKS = ("\x85", "\u2028", "\u2029")


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = '"' if any(b in value for b in _YAML_BREAKS) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_FlowList, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True))


def _flow_short_lists(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _flow_short_lists(v) for k, v in value.items()}
    if isinstance(value, list):
        if all(isinstance(v, (str, int, float)) for v in value) and sum(len(str(v)) + 2 for v in value) < 80:
            return _FlowList(value)
        return [_flow_short_lists(v) for v in value]
    return value


def _refuse_surrogates(values: list[Any], where: str) -> None:
    """Half a character pair cannot be written as UTF-8, nor read back: refused, as on load."""
    for value in values:
        if isinstance(value, dict):
            _refuse_surrogates([*value.keys(), *value.values()], where)
        elif isinstance(value, (list, tuple)):
            _refuse_surrogates(list(value), where)
        elif isinstance(value, str) and (half := _SURROGATE.search(value)):
            before = value[max(0, half.start() - 30):half.start()]
            raise DraftingError(f"{where}: expected text, found U+{ord(half.group()):04X} (half of a "
                                f"character pair, not a character) after {before!r}; remove it")


def dump_data(data: Any) -> str:
    """YAML text for plain data, in the store's style (used for facts files and precedents)."""
    return yaml.dump(_flow_short_lists(data), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     width=WIDTH, default_flow_style=False)


def dumps(resolution: Resolution) -> str:
    """The YAML text of a resolution, in the fixed key order; a paragraph that loading would
    refuse (no text and no sub-paragraphs) is refused here too, with its address."""
    for address, paragraph in resolution.walk():
        if not paragraph.text.strip() and not paragraph.items:
            raise DraftingError(f"{resolution.label}, {address}: expected paragraph "
                                f"text, found {'nothing' if not paragraph.text else 'only spaces'}; "
                                "delete the paragraph or give it its words")
        _refuse_surrogates([paragraph.text, paragraph.note, paragraph.lead, paragraph.id],
                           f"{resolution.label}, {address}")
    data = resolution.to_dict()
    _refuse_surrogates([data], resolution.label)
    if "facts" in data:
        data["facts"] = _flow_short_lists(data["facts"])
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=WIDTH,
                     default_flow_style=False)


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Callable[[Path], None]) -> None:
    """Write a file all at once: a temporary file beside it, then a rename.

    ``data`` is the content, or a function that writes the temporary path it is given (for
    writers such as python-docx that want a file name). Nothing half-written is ever left: the
    temporary file (``.<name>.drafting-tmp-<pid>-*.tmp``) goes on any exit, SIGTERM included, and one
    a killed run left is removed by the next write to the same path.
    """
    from drafting.outputs import temporary

    target = Path(path)
    if target.is_dir():
        raise DraftingError(f"{target}: expected a file name to write, found a folder")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with temporary(target) as tmp:
            if callable(data):
                data(tmp)
            else:
                tmp.write_bytes(_encoded(data, target) if isinstance(data, str) else data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
    except OSError as exc:  # a full disk, a read-only target: say so, no traceback
        raise DraftingError(f"{target}: cannot write: {exc.strerror or exc}") from None


def _encoded(text: str, target: Path) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate, from a bad decoder upstream
        raise DraftingError(f"{target}: cannot write the character U+{ord(text[exc.start]):04X} "
                            f"(a lone surrogate, not a character) after {text[max(0, exc.start - 30):exc.start]!r}; "
                            "remove it") from None


def save(resolution: Resolution, path: str | os.PathLike[str]) -> None:
    """Write a resolution file atomically."""
    write_atomic(path, dumps(resolution))


# ---------------------------------------------------------------------------- libraries


@dataclass(frozen=True)
class SeriesRow:
    """One series of a precedent library: its folder name, body and files (oldest first)."""

    series: str
    body: str  # "GA" or "SC"
    files: list[Path]
    years: list[int]  # sorted

    @property
    def span(self) -> str:
        if not self.years:
            return ""
        return f"{self.years[0]}" if self.years[0] == self.years[-1] else f"{self.years[0]}–{self.years[-1]}"


def series_files(folder: str | os.PathLike[str], at_least: int = 0) -> list[Path]:
    """The resolution files of one series folder, oldest first (by file name: year or symbol).

    ``at_least=2`` is what every series command needs (a pair to compare); fewer is an error.
    """
    p = Path(folder)
    if not p.is_dir():
        raise DraftingError(f"{p}: expected a series folder of <year>.yaml files, found no folder")
    files = sorted((f for f in p.glob("*.yaml") if not f.name.endswith(".facts.yaml")), key=_file_order)
    if len(files) < at_least:
        wanted = "one resolution file" if at_least == 1 else f"{at_least} resolution files"
        raise DraftingError(f"{p}: expected a series of at least {wanted} (*.yaml), found {len(files)}; "
                            "put each year's text of the series in this folder")
    return files


def _file_order(path: Path) -> tuple[int, str]:
    digits = "".join(ch if ch.isdigit() else " " for ch in path.stem).split()
    return (int(digits[0]) if digits else 0, path.stem)


def list_library(library: str | os.PathLike[str]) -> list[SeriesRow]:
    """Every series folder below ``library`` with its body and years, read from the files."""
    root = Path(library)
    if not root.is_dir():
        raise DraftingError(f"{root}: expected a precedent library folder, found none")
    rows = []
    for folder in sorted(d for d in root.iterdir() if d.is_dir()):
        files = series_files(folder)
        if not files:
            continue
        years, bodies = [], []
        for f in files:
            r = load(f)
            if r.year:
                years.append(r.year)
            bodies.append(r.body.short)
        rows.append(SeriesRow(folder.name, bodies[0], files, sorted(years)))
    return rows
