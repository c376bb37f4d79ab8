"""Fill the ``facts`` block of each Security Council text of a series from its own words.

    python -m tools.extract_facts SERIES_DIR... [--dry-run]

Mechanical and re-runnable: each file is loaded, its ``facts`` block replaced by what
:func:`drafting.proposal.extract.extract` reads in its text (the previous file of the folder names
``previous_resolution``), and saved; nothing else in the file changes (load and save are
byte-identical). General Assembly texts are left alone: their facts come from facts files.
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from typing import Any

from drafting.model import Body
from drafting.proposal.extract import extract
from drafting.proposal.facts import short_symbol
from drafting.store import load, save, series_files


def fill_series(folder: str | os.PathLike[str], write: bool = True) -> list[tuple[str, dict[str, Any]]]:
    """Read each Security Council text of a series and store the facts it states; (file, facts) each."""
    out = []
    previous = None
    for path in series_files(folder):
        resolution = load(path)
        if resolution.body is Body.SC:
            facts = extract(resolution, previous)
            out.append((str(path), facts))
            if write and dict(resolution.facts) != facts:
                save(replace(resolution, facts=facts), path)
        previous = short_symbol(resolution.symbol)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+", metavar="SERIES_DIR")
    parser.add_argument("--dry-run", action="store_true", help="print the facts, write nothing")
    args = parser.parse_args(argv)
    for folder in args.folders:
        for path, facts in fill_series(folder, write=not args.dry_run):
            print(f"{path}: {', '.join(facts) or '(none)'}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
