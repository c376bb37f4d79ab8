"""Shared paths and fixtures: the real corpus (../shared/corpus) and the committed precedents."""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from drafting.model import Resolution

ROOT = Path(__file__).resolve().parents[1]
PRECEDENTS = ROOT / "precedents"
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"
YEARBOOK = CORPUS / "yearbook-2013-political-security-ch1.txt"
UNSC = CORPUS / "unsc"
DIAMONDS = PRECEDENTS / "conflict-diamonds" / "2013.yaml"  # A/RES/68/128, the GA text most tests use

# Golden files are rewritten, instead of compared, when this is set:
#   DRAFTING_REGENERATE=1 python -m pytest
REGENERATE_HINT = "regenerate with: DRAFTING_REGENERATE=1 python -m pytest"


def precedent_files() -> list[Path]:
    """Every committed precedent, in a stable order (asserts there are some)."""
    files = sorted(PRECEDENTS.glob("*/*.yaml"))
    assert files, f"no precedents in {PRECEDENTS}"  # an empty loop would pass unseen
    return files


def diamonds() -> Resolution:
    """A/RES/68/128 (conflict diamonds, 2013), loaded from the committed precedent."""
    from drafting import load

    return load(DIAMONDS)


def need_corpus() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}: clone the project beside shared/")


def need_program(name: str, package: str) -> str:
    """The program's path, or skip the test saying how to install it."""
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed: apt-get install -y {package}")
    return path


def golden(case: str, name: str, actual: str | bytes) -> None:
    """Compare with tests/golden/<case>/<name>, or rewrite it when DRAFTING_REGENERATE=1."""
    import os

    path = GOLDEN / case / name
    if os.environ.get("DRAFTING_REGENERATE"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual.encode("utf-8") if isinstance(actual, str) else actual)
        return
    assert path.exists(), f"missing golden file {path}; {REGENERATE_HINT}"
    expected = path.read_bytes()
    got = actual.encode("utf-8") if isinstance(actual, str) else actual
    assert got == expected, f"output differs from {path}; if the change is intended, {REGENERATE_HINT}"
