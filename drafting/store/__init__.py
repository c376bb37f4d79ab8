"""The YAML store: load, validate, dump and save resolutions and facts files.

Reading and checking YAML lives in :mod:`.validation`; this module loads, dumps, writes and
finds the files of a library.

Loading is safe (no Python tags) and validated on the node tree, so every problem is reported
with file, line, column and the place inside the document (``operative[12].items[1]``), all
problems at once. Writing is atomic (temporary file, then rename) and stable: load then save
reproduces a file written by :func:`dumps` byte for byte.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

import yaml

from drafting.errors import DraftingError, Problem, ValidationError
from drafting.model import Resolution


from drafting.store.validation import (PARAGRAPH_KEYS, RESOLUTION_KEYS, SURROGATE, WIDTH, Checker,
                                       check_resolution, compose, construct)

__all__ = [
    "EXTRAS_PROPERTY", "METADATA_PROPERTY", "NO_RESOLUTION_FILES", "PARAGRAPH_KEYS", "RESOLUTION_KEYS",
    "WIDTH", "ZIP_MAGIC", "SeriesRow", "compose", "construct", "decode", "dump_data", "dumps",
    "folder_or_file", "list_library", "load", "load_facts", "loads", "loads_facts", "read_bytes",
    "read_text", "resolution_files", "save", "series_files", "validate", "write_atomic",
]


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


def loads(text: str, file: str | None = None) -> Resolution:
    """A Resolution from YAML text; ValidationError lists every problem."""
    root = compose(text, file)
    problems = check_resolution(root, file)
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
    check = Checker(file)
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
        elif isinstance(value, str) and (half := SURROGATE.search(value)):
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
