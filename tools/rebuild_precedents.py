"""Rebuild the precedent library from the corpus: one command from an importer fix to fresh YAML.

    python -m tools.rebuild_precedents [CORPUS_DIR] [LIBRARY_DIR]

Writes ``conflict-diamonds/<year>.yaml`` from the yearbook chapters and ``undof/NNNN.yaml``,
``unifil/NNNN.yaml`` from the Security Council texts (members found by content, see
:mod:`.series`). A file is rewritten only when its text changes, and the ``facts`` block of an
existing file is kept: facts are filled in by hand or by the propose tools, not by the importer.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable, Iterator

from drafting.errors import DraftingError
from drafting.model import Resolution, format_date
from tools.series import SC_SERIES, belongs, file_name

# The repository (tools/ sits at its top); the corpus is cloned beside it, as tests/conftest.py expects.
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_LIBRARY = ROOT / "precedents"


@dataclass(frozen=True)
class GASeries:
    """A General Assembly series: library folder, how its title begins, and its facts file."""

    folder: str
    title_starts: str
    facts_file: str | None = None


GA_SERIES = (
    GASeries("conflict-diamonds", "The role of diamonds in fuelling conflict", "kimberley-process.yaml"),
)


# ---------------------------------------------------------------------------- facts a text states


def _scalars(value: Any) -> Iterator[Any]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _scalars(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _scalars(v)
    elif value is not None:
        yield value


def _forms(value: Any) -> list[str]:
    """How a fact value can be written in a text: numbers as digits or words."""
    if isinstance(value, bool):
        return [str(value)]
    if isinstance(value, int):
        from num2words import num2words

        return [str(value), num2words(value)]
    if isinstance(value, dt.date):
        return [format_date(value)]
    return [str(value)]


def stated_facts(resolution: Resolution, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts whose every value the resolution's paragraphs state (in file order).

    A fact the text does not state (a report symbol only the narrative gives, the adoption
    metadata, the sources) stays out: a precedent's facts say what its text says.
    """
    text = " ".join(" ".join(p.text.split()) for _, p in resolution.walk())
    out = {}
    for key, value in facts.items():
        values = list(_scalars(value))
        if values and all(any(form in text for form in _forms(v)) for v in values):
            out[key] = value
    return out


# ---------------------------------------------------------------------------- building


def _load_facts(corpus: Path, name: str | None) -> dict[Any, Any]:
    if not name:
        return {}
    import yaml

    path = corpus / "facts" / name
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def ga_precedents(corpus: Path) -> Iterator[tuple[str, Resolution]]:
    """(relative path, resolution) for every GA series text in the corpus' yearbook chapters."""
    from drafting.importers.yearbook import read_yearbook

    for path in sorted(corpus.glob("yearbook-*.txt")):
        for found in read_yearbook(path.read_text(encoding="utf-8"), str(path), path.name):
            resolution = found.resolution
            for series in GA_SERIES:
                if (resolution.title or "").startswith(series.title_starts):
                    facts = _load_facts(corpus, series.facts_file).get(resolution.year) or {}
                    resolution = replace(resolution, facts=stated_facts(resolution, facts))
                    yield f"{series.folder}/{resolution.year}.yaml", resolution


def sc_precedents(corpus: Path) -> Iterator[tuple[str, Resolution]]:
    """(relative path, resolution) for every UNDOF and UNIFIL text in the corpus."""
    from drafting.importers import read_text
    from drafting.importers.sc import looks_like_sc

    for path in sorted((corpus / "unsc").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if not looks_like_sc(text):
            continue
        try:
            resolution = read_text(text, str(path), path.name)[0].resolution  # with its repairs recorded
        except DraftingError:
            continue  # not a resolution text this importer reads; it belongs to no series
        for series in SC_SERIES:
            if belongs(resolution, series):
                yield f"{series.folder}/{file_name(resolution)}", resolution


def precedents(corpus: Path) -> list[tuple[str, Resolution]]:
    """Every precedent the corpus yields, as (path relative to the library, resolution)."""
    if not corpus.is_dir():
        raise DraftingError(f"{corpus}: expected the corpus folder (yearbook-*.txt, unsc/), found none")
    out, seen = [], set()
    for relative, resolution in [*ga_precedents(corpus), *sc_precedents(corpus)]:
        if relative in seen:
            continue  # the same text twice in the corpus (S_RES_0542 holds 538): keep the first
        seen.add(relative)
        out.append((relative, resolution))
    return out


def rebuild(corpus: Path = DEFAULT_CORPUS, library: Path = DEFAULT_LIBRARY) -> tuple[list[Path], list[Path]]:
    """Write the library; returns (files written or changed, files left as they were)."""
    from drafting.store import dumps, load, write_atomic

    changed, same = [], []
    for relative, resolution in precedents(corpus):
        target = library / relative
        if target.exists():
            old = load(target)
            if old.facts:  # filled in by hand or by propose's tools: never lost by a rebuild
                resolution = replace(resolution, facts=old.facts)
        text = dumps(resolution)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            same.append(target)
            continue
        write_atomic(target, text)
        changed.append(target)
    return changed, same


def stale(library: Path, produced: Iterable[Path]) -> list[Path]:
    """Files in the rebuilt series folders that the corpus no longer yields."""
    produced = set(produced)
    folders = {p.parent for p in produced}
    return sorted(f for d in folders for f in d.glob("*.yaml") if f not in produced)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.rebuild_precedents",
        description="Rebuild the precedent library (conflict-diamonds, undof, unifil) from the corpus.")
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS),
                        help=f"the corpus folder (default: ../shared/corpus beside the repository, here {DEFAULT_CORPUS})")
    parser.add_argument("library", nargs="?", default=str(DEFAULT_LIBRARY),
                        help=f"the precedent library to write (default: precedents/ in the repository, here {DEFAULT_LIBRARY})")
    args = parser.parse_args(argv)
    try:
        changed, same = rebuild(Path(args.corpus), Path(args.library))
    except DraftingError as exc:
        print(f"rebuild: {exc}", file=sys.stderr)
        return 2
    for path in changed:
        print(f"wrote {path}")
    for path in stale(Path(args.library), changed + same):
        print(f"stale (not in the corpus, left alone): {path}", file=sys.stderr)
    print(f"{len(changed)} written, {len(same)} unchanged")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
