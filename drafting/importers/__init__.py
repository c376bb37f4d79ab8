"""Importers: resolutions from the texts people really have (plain text, Word, PDF) into the model.

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
from typing import Callable

from drafting.errors import DraftingError
from drafting.importers.ledger import Imported, Ledger, Notice, locate, reconcile, recording
from drafting.model import Resolution
from drafting.store import ZIP_MAGIC, decode, read_bytes

__all__ = ["Found", "Imported", "find_resolutions", "import_checked", "import_file", "import_text",
           "read_source", "read_text"]


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
    return [found.resolution for found in read_text(text, file, source)]


def read_text(text: str, file: str = "<text>", source: str | None = None) -> list[Imported]:
    """Every resolution in a plain text with its ledger, every source word accounted for."""
    from drafting.importers import plain
    from drafting.importers import sc
    from drafting.importers import yearbook

    source = source or Path(file).name
    if sc.looks_like_sc(text):
        return [_checked(text, lambda: sc.parse_sc(text, file, source))]
    found = yearbook.read_yearbook(text, file, source)
    if found:
        return found
    imported = _checked(text, lambda: plain.parse_plain(text, file, source))
    if imported.resolution.preamble or imported.resolution.operative:
        return [imported]
    raise DraftingError(
        f"{file}: no resolution found: expected a Security Council text opening "
        "'Resolution 350 (1974)', a yearbook text with 'the General Assembly adopted resolution "
        "68/128 [...]', or a resolution with its organ line 'The General Assembly,'")


def _checked(text: str, parse: Callable[[], Resolution | None]) -> Imported:
    """Run ``parse`` recording its ledger, then account for every word of ``text``."""
    with recording() as ledger:
        resolution = parse()
    if resolution is None:
        return Imported(Resolution(), ledger)
    reconcile(text, resolution, ledger)
    locate(resolution, ledger)
    return Imported(resolution, ledger)


def _resolutions(path: str | os.PathLike[str]) -> list[Resolution]:
    return [found.resolution for found in _imported(path)]


def _imported(path: str | os.PathLike[str], reject: bool = False) -> list[Imported]:
    p = Path(path)
    data = read_bytes(p)
    if data.startswith(ZIP_MAGIC):
        from drafting.importers.docx import import_docx  # the Word reader

        word = import_docx(p, reject=reject)
        # What the Word reader could not take as it was: warnings of the import, like the text's.
        return [Imported(word.resolution, Ledger(notices=[Notice("", w) for w in word.warnings]))]
    if data.startswith(b"%PDF-") or p.suffix.lower() == ".pdf":  # a PDF: read by its layout
        from drafting.importers.pdf_layout import import_pdf

        return [import_pdf(p)]
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):  # XML: an Akoma Ntoso document
        from drafting.importers.akn import parse_akn

        return [Imported(parse_akn(data, str(p)), Ledger())]
    if p.suffix.lower() == ".docx":
        raise DraftingError(f"{p}: expected a Word .docx file (a zip archive), found "
                            + ("an empty file" if not data else "something else") +
                            "; save it again from Word as .docx")
    return read_text(_source_text(data, p), str(p), p.name)


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
    return number is not None and re.sub(r"\s*\(\d{4}\)$", "", want) in (number[1], f"S/RES/{number[1]}")


def import_file(path: str | os.PathLike[str], pick: str | None = None, *, reject: bool = False) -> Resolution:
    """One resolution from a file: the only one, or the one whose symbol ``pick`` names.

    Word files: ``reject`` reads tracked changes as rejected (the old text).
    """
    return import_checked(path, pick, reject=reject).resolution


def import_checked(path: str | os.PathLike[str], pick: str | None = None, *,
                   reject: bool = False) -> Imported:
    """Like :func:`import_file`, with the ledger and the warnings of the import."""
    found = _imported(path, reject)
    listed = ", ".join(i.resolution.symbol or "(no symbol)" for i in found)
    if pick is not None:
        chosen = [i for i in found if _matches(i.resolution.symbol, pick)]
        if not chosen:
            raise DraftingError(f"{path}: no resolution {pick} in this file; found: {listed}")
        return chosen[0]
    if len(found) > 1:
        raise DraftingError(f"{path}: holds {len(found)} resolutions ({listed}); "
                            "choose one with --pick SYMBOL")
    return found[0]
