"""Lint a resolution against UN editorial conventions, or what Model UN conferences teach.

``lint(resolution, profile="un", library=None)`` returns every :class:`Finding` (rule id,
severity, paragraph address, message, suggested fix) in reading order. Each rule has an id and
a severity per profile; the table in docs/lint-rules.md documents them with real examples and
the slips they find in adopted texts. Precision comes first: an error on an adopted text is
either a real slip of that text or a bug of this module.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterable, Sequence

from drafting.errors import DraftingError
from drafting.checks.base import Context, Finding, Profile, Rule, Severity
from drafting.checks.refs import Library, recall_order, ref_form, ref_library
from drafting.checks.rules import (empty_paragraph, lead_unknown, mun_lead_length, mun_whereas, op_last_full_stop,
                         op_semicolon, op_verb, pp_comma, pp_lead, repeated_lead, sub_ending)
from drafting.checks.ocr import ocr_damage
from drafting.checks.text import country_name, date_style, double_space, per_cent, quote_pair, quote_style, spelling
from drafting.model import Resolution
from drafting.model.grammar import counted

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

# The registry, in the order findings on one paragraph are listed. Model UN is gentler where its
# practice differs (US spelling is common at US conferences; "also" on a repeated lead is seldom
# taught) and off for checks that need a library of precedents students do not have.
RULES: tuple[Rule, ...] = (
    Rule("empty-paragraph", "no empty paragraph or sub-paragraph", E, E, empty_paragraph),
    Rule("pp-lead", "a preambular paragraph opens with a participle or adjective lead", E, E, pp_lead),
    Rule("pp-comma", "a preambular paragraph ends with a comma", E, E, pp_comma),
    Rule("op-verb", "an operative paragraph opens with a capitalized present-tense verb", E, E, op_verb),
    Rule("op-semicolon", "an operative paragraph, but the last, ends with a semicolon", E, E, op_semicolon),
    Rule("op-last-full-stop", "the last operative paragraph ends with a full stop", E, E, op_last_full_stop),
    Rule("sub-ending", "sub-paragraphs follow a colon, end alike, and only the one before the last "
         "carries 'and'", W, W, sub_ending),
    Rule("repeated-lead", "a lead repeated by the next paragraph takes 'also', then 'further'", W, I,
         repeated_lead),
    Rule("ref-form", "a cited resolution's year, session and date agree", E, W, ref_form),
    Rule("ref-library", "a cited resolution has the date the library holds for it", E, None, ref_library),
    Rule("recall-order", "resolutions cited together are in chronological order", W, None, recall_order),
    Rule("country-name", "countries by their UN short names", E, W, country_name),
    Rule("spelling", "UN (Oxford) spelling, not US spelling", E, I, spelling),
    Rule("quote-style", "one kind of apostrophe and quotation mark throughout", W, I, quote_style),
    Rule("quote-pair", "every quotation mark has its partner", W, W, quote_pair),
    Rule("double-space", "no double spaces, no space at a paragraph's ends", W, I, double_space),
    Rule("date-style", 'dates as "18 December 2013"', E, W, date_style),
    Rule("per-cent", '"per cent", not "percent" or "%"', E, I, per_cent),
    Rule("ocr-damage", "no word one misread glyph from a frequent word ('arca', 'Tbid.', 'i993')", W, W, ocr_damage),
    Rule("lead-unknown", "the lead is an opening phrase of the lexicon (drafting/leads.py)", I, W, lead_unknown),
    Rule("mun-whereas", 'no "Whereas" clauses', None, E, mun_whereas),
    Rule("mun-lead-length", "the italic lead is a short phrase", None, W, mun_lead_length),
)
RULE_IDS = tuple(r.id for r in RULES)

# The structure rules check today's conventions; the Council's first texts (1946-1949) used older
# forms ("Resolves: 1. That the Commission ...", "The Security Council requests ...", lettered
# clauses), so on a text adopted before EARLY_FORMS_UNTIL their findings are information only.
EARLY_FORMS_UNTIL = 1950
STRUCTURE_RULES = frozenset(("pp-lead", "pp-comma", "op-verb", "op-semicolon", "op-last-full-stop",
                             "sub-ending", "repeated-lead"))


def lint(resolution: Resolution, profile: Profile | str = "un",
         library: Library | str | os.PathLike[str] | None = None) -> list[Finding]:
    """Every finding on ``resolution``, in reading order, then in the order of :data:`RULES`.

    ``library``: a folder of precedents (or a :class:`Library`) against which cited
    resolutions' dates are checked; None skips that rule.
    """
    try:
        profile = Profile(profile)
    except ValueError:
        raise DraftingError(f"expected a lint profile 'un' or 'mun', found {profile!r}") from None
    if library is not None and not isinstance(library, Library):
        library = Library.from_folder(library)
    ctx = Context(resolution, profile, library)
    order = {address: i for i, (address, _) in enumerate(ctx.walk())}
    year = resolution.year or (resolution.adopted.year if resolution.adopted else None)
    early = year is not None and year < EARLY_FORMS_UNTIL
    findings = []
    for rank, rule in enumerate(RULES):
        severity = rule.severity(profile)
        if severity is None:
            continue
        if early and rule.id in STRUCTURE_RULES:
            severity = Severity.INFO
        for n, hit in enumerate(rule.check(ctx)):
            place = -1 if hit.paragraph is None else order.get(hit.paragraph, len(order))
            findings.append(((place, rank, n), Finding(rule.id, severity, hit.paragraph, hit.message, hit.fix)))
    return [f for _, f in sorted(findings, key=lambda pair: pair[0])]


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """{'error': n, 'warning': n, 'info': n}."""
    out = {s.value: 0 for s in Severity}
    for f in findings:
        out[f.severity.value] += 1
    return out


# ---------------------------------------------------------------------------- files and reports

def read_resolution(path: str | os.PathLike[str]) -> Resolution:
    """A resolution from YAML, a Word file or a text the importers understand."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        from drafting.store import load

        return load(p)
    from drafting.importers import import_file  # tells a Word file by its content, as `drafting import` does

    return import_file(p)


def lint_files(paths: Sequence[str], profile: str = "un",
               library: str | os.PathLike[str] | None = None) -> list[tuple[str, list[Finding]]]:
    """Each file (or each resolution file below a folder) with its findings, in the order given;
    the library is read once."""
    from drafting.store import folder_or_file

    lib = Library.from_folder(library) if library is not None else None
    # a folder stands for the resolution files below it, as for validate
    files = [f for path in paths for f in folder_or_file(path)]
    return [(str(p), lint(read_resolution(p), profile, lib)) for p in files]


def format_terminal(results: Sequence[tuple[str, list[Finding]]]) -> str:
    """One line per finding, 'FILE:PP3: error: message [rule]', its fix below, a total last."""
    lines = []
    total = {s.value: 0 for s in Severity}
    for file, findings in results:
        for f in findings:
            where = f"{file}:{f.paragraph}" if f.paragraph else file
            lines.append(f"{where}: {f.severity.value}: {f.message} [{f.rule}]")
            lines.append(f"    fix: {f.fix}")
        for key, n in counts(findings).items():
            total[key] += n
    files = len(results)
    summary = ", ".join(f"{n} {k}{'s' if n != 1 and k != 'info' else ''}" for k, n in total.items())
    lines.append(f"{summary} in {counted(files, 'file')}")
    return "\n".join(lines) + "\n"


def format_json(results: Sequence[tuple[str, list[Finding]]]) -> str:
    """{"findings": [{"rule", "severity", "paragraph", "message", "fix"}]}; with several files each
    finding also names its "file"."""
    several = len(results) > 1
    out = []
    for file, findings in results:
        for f in findings:
            item = f.to_dict()
            if several:
                item["file"] = file
            out.append(item)
    return json.dumps({"findings": out}, ensure_ascii=False, indent=2) + "\n"


__all__ = ["Finding", "Library", "Profile", "RULES", "RULE_IDS", "Rule", "Severity", "counts",
           "format_json", "format_terminal", "lint", "lint_files", "read_resolution"]
