"""Importers: resolutions from the texts people really have (plain text, Word) into the model.

``import_file(path, pick=None)`` reads one resolution; ``find_resolutions(path)`` lists those a
file holds. The kind of file is decided by its content, not its name: a .docx is a zip archive,
a Security Council text opens with "Resolution 350 (1974)", a yearbook chapter holds "the General
Assembly adopted resolution 68/128 [...]" followed by the text.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from drafting.errors import DraftingError
from drafting.model import Resolution
from drafting.store import ZIP_MAGIC, decode, read_bytes

__all__ = ["Found", "find_resolutions", "import_file", "import_text", "read_source"]


@dataclass(frozen=True)
class Found:
    """A resolution found in a file: how ``--list`` shows it."""

    symbol: str
    title: str | None
    preamble: int  # number of preambular paragraphs
    operative: int  # number of operative paragraphs

    def __str__(self) -> str:
        counts = f"{self.preamble} PP, {self.operative} OP"
        return f"{self.symbol}  {counts}" + (f"  {self.title}" if self.title else "")


def _found(resolution: Resolution) -> Found:
    return Found(resolution.symbol or "(no symbol)", resolution.title,
                 len(resolution.preamble), len(resolution.operative))


def read_source(path: str | os.PathLike[str]) -> str:
    """The text of a source file; DraftingError for binary, non-UTF-8 or empty files."""
    return _source_text(read_bytes(path), path)


def _source_text(data: bytes, path: str | os.PathLike[str]) -> str:
    text = decode(data, path)
    if not text.strip():
        raise DraftingError(f"{path}: the file is empty: expected the text of a resolution")
    return text


def import_text(text: str, file: str = "<text>", source: str | None = None) -> list[Resolution]:
    """Every resolution in a plain text, in the order they appear."""
    from drafting.importers import plain
    from drafting.importers import sc
    from drafting.importers import yearbook

    source = source or Path(file).name
    if sc.looks_like_sc(text):
        return [sc.parse_sc(text, file, source)]
    found = yearbook.parse_yearbook(text, file, source)
    if found:
        return found
    whole = plain.parse_plain(text, file, source)
    if whole is not None and (whole.preamble or whole.operative):
        return [whole]
    raise DraftingError(
        f"{file}: no resolution found: expected a Security Council text opening "
        "'Resolution 350 (1974)', a yearbook text with 'the General Assembly adopted resolution "
        "68/128 [...]', or a resolution with its organ line 'The General Assembly,'")


def _resolutions(path: str | os.PathLike[str], reject: bool = False,
                 warnings: list[str] | None = None) -> list[Resolution]:
    p = Path(path)
    data = read_bytes(p)
    if data.startswith(ZIP_MAGIC):
        from drafting.importers.docx import import_docx  # the Word reader

        word = import_docx(p, reject=reject)
        if warnings is not None:
            warnings.extend(word.warnings)
        return [word.resolution]
    if p.suffix.lower() == ".docx":
        raise DraftingError(f"{p}: expected a Word .docx file (a zip archive), found "
                            + ("an empty file" if not data else "something else") +
                            "; save it again from Word as .docx")
    return import_text(_source_text(data, p), str(p), p.name)


def find_resolutions(path: str | os.PathLike[str]) -> list[Found]:
    """The resolutions a file holds: symbol, title and paragraph counts, in file order."""
    return [_found(r) for r in _resolutions(path)]


def _matches(symbol: str | None, pick: str) -> bool:
    """True when ``pick`` ("68/128", "A/RES/68/128", "350", "S/RES/350 (1974)") names ``symbol``."""
    if not symbol:
        return False
    want = " ".join(pick.split()).upper()
    have = symbol.upper()
    if want == have or have.endswith("/" + want):
        return True
    number = re.match(r"^S/RES/(\d+)", have)
    return bool(number) and re.sub(r"\s*\(\d{4}\)$", "", want) in (number[1], f"S/RES/{number[1]}")


def import_file(path: str | os.PathLike[str], pick: str | None = None, *, reject: bool = False,
                warnings: list[str] | None = None) -> Resolution:
    """One resolution from a file: the only one, or the one whose symbol ``pick`` names.

    Word files: ``reject`` reads tracked changes as rejected (the old text); what the reader
    could not take as it was is appended to ``warnings`` when a list is given.
    """
    resolutions = _resolutions(path, reject, warnings)
    if pick is not None:
        chosen = [r for r in resolutions if _matches(r.symbol, pick)]
        if not chosen:
            listed = ", ".join(r.symbol or "(no symbol)" for r in resolutions)
            raise DraftingError(f"{path}: no resolution {pick} in this file; found: {listed}")
        return chosen[0]
    if len(resolutions) > 1:
        listed = ", ".join(r.symbol or "(no symbol)" for r in resolutions)
        raise DraftingError(f"{path}: holds {len(resolutions)} resolutions ({listed}); "
                            "choose one with --pick SYMBOL")
    return resolutions[0]
