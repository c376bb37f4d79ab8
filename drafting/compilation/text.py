"""The compilation as text, in UN notation, and its parser (the text reads back into the same
proposals: render → parse → render is byte-identical).

    OP5 (agreed ad ref)
        Welcomes the report of the Secretary-General;
      EU-1 [EU: replace “Welcomes” with “Notes”] (EU, supported by Japan)
      G77-1 [G77/China: delete the paragraph] (G77/China)
      Options: [Welcomes / Notes (EU)]

Quoted words use “ ” with a backslash before any \\ or ” inside and \\n for a line break.
"""
from __future__ import annotations

import re
from dataclasses import replace

from drafting.compilation.proposals import (
    DEFAULT_LABELS,
    Action,
    Compilation,
    Place,
    Proposal,
    Side,
    Status,
)
from drafting.errors import DraftingError
from drafting.model import Paragraph, Resolution

HEADER = "Compilation of proposals on "
LABELS = "Status labels: "
OTHER = "Other proposals"


def quote(text: str) -> str:
    return "“" + text.replace("\\", "\\\\").replace("”", "\\”").replace("\n", "\\n") + "”"


def _occ(p: Proposal) -> str:
    return f" (occurrence {p.occurrence})" if p.occurrence is not None else ""


def paragraph_phrase(par: Paragraph) -> str:
    out = quote(par.text)
    for key in ("lead", "id", "note"):
        value = getattr(par, key)
        if value is not None:
            out += f" {key} {quote(value)}"
    if par.items:
        out += " {" + " ; ".join(paragraph_phrase(i) for i in par.items) + "}"
    return out


def action_phrase(p: Proposal) -> str:
    """What the proposal does, in words: "replace “welcomes” with “notes”"."""
    a, w = p.action, p.words or ""
    if a is Action.REPLACE:
        return f"replace {quote(w)}{_occ(p)} with {quote(p.new or '')}"
    if a is Action.DELETE:
        return f"delete {quote(w)}{_occ(p)}"
    if a is Action.INSERT:
        return f"insert {quote(p.new or '')} {p.side.value if p.side else 'after'} {quote(w)}{_occ(p)}"
    if a is Action.DELETE_PARAGRAPH:
        return "delete the paragraph"
    if a is Action.NOTE:
        return "no footnote" if p.new is None else f"footnote {quote(p.new)}"
    if a is Action.MOVE:
        return f"move {p.place}"
    return f"add {p.place}: " + " + ".join(paragraph_phrase(x) for x in p.paragraphs)


def anonymous_phrase(p: Proposal, names: dict[str, str]) -> str:
    """The action phrase with any proposal id it names replaced by its neutral label."""
    phrase = action_phrase(p)
    if p.place is not None and p.place.anchor in names:
        phrase = phrase.replace(str(p.place), str(Place(p.place.side, names[p.place.anchor])), 1)
    return phrase


def proposal_line(p: Proposal, heading: str | None, names: dict[str, str] | None = None) -> str:
    """One proposal in UN notation; ``names`` (id -> neutral label) gives the anonymised form."""
    where = f"in {p.paragraph}: " if p.paragraph is not None and p.paragraph != heading else ""
    if names is not None:
        return f"{names[p.id]} [{where}{anonymous_phrase(p, names)}]"
    return f"{p.id} [{', '.join(p.by)}: {where}{action_phrase(p)}] ({p.attribution()})"


# ---------------------------------------------------------------------------- reading


class _Scan:
    """A cursor over one line of the text form."""

    def __init__(self, line: str, where: str):
        self.s, self.i, self.where = line, 0, where

    def fail(self, expected: str) -> DraftingError:
        found = self.s[self.i:self.i + 30] or "the end of the line"
        return DraftingError(f"{self.where}: expected {expected}, found “{found}”")

    def take(self, literal: str) -> bool:
        if self.s.startswith(literal, self.i):
            self.i += len(literal)
            return True
        return False

    def expect(self, literal: str) -> None:
        if not self.take(literal):
            raise self.fail(f"“{literal}”")

    def quoted(self) -> str:
        self.expect("“")
        out: list[str] = []
        while self.i < len(self.s):
            c = self.s[self.i]
            if c == "”":
                self.i += 1
                return "".join(out)
            if c == "\\" and self.i + 1 < len(self.s):
                nxt = self.s[self.i + 1]
                out.append("\n" if nxt == "n" else nxt)
                self.i += 2
                continue
            out.append(c)
            self.i += 1
        raise self.fail("a closing ”")

    def until(self, literal: str) -> str:
        end = self.s.find(literal, self.i)
        if end < 0:
            raise self.fail(f"“{literal}”")
        out, self.i = self.s[self.i:end], end
        return out

    def occurrence(self) -> int | None:
        m = re.compile(r" \(occurrence (\d+)\)").match(self.s, self.i)
        if not m:
            return None
        self.i = m.end()
        return int(m.group(1))

    def place(self) -> Place:
        for side, word in ((Side.FIRST_IN, "first in "), (Side.AFTER, "after "), (Side.BEFORE, "before ")):
            if self.take(word):
                m = re.compile(r"[^\s:\]]+").match(self.s, self.i)
                if not m:
                    raise self.fail("a paragraph address or a proposal id")
                self.i = m.end()
                return Place(side, m.group(0))
        raise self.fail("after, before or first in")

    def paragraph(self) -> Paragraph:
        text = self.quoted()
        extra: dict[str, str] = {}
        for key in ("lead", "id", "note"):
            if self.take(f" {key} "):
                extra[key] = self.quoted()
        items: list[Paragraph] = []
        if self.take(" {"):
            items.append(self.paragraph())
            while self.take(" ; "):
                items.append(self.paragraph())
            self.expect("}")
        return Paragraph(text, tuple(items), id=extra.get("id"), lead=extra.get("lead"), note=extra.get("note"))


def _action(sc: _Scan, pid: str, by: tuple[str, ...], heading: str | None) -> Proposal:
    fields: dict[str, object] = {}
    paragraph = heading
    if sc.take("in "):
        paragraph = sc.until(": ")
        sc.expect(": ")
    if sc.take("replace "):
        fields = {"action": Action.REPLACE, "words": sc.quoted(), "occurrence": sc.occurrence()}
        sc.expect(" with ")
        fields["new"] = sc.quoted()
    elif sc.take("delete the paragraph"):
        fields = {"action": Action.DELETE_PARAGRAPH}
    elif sc.take("delete "):
        fields = {"action": Action.DELETE, "words": sc.quoted(), "occurrence": sc.occurrence()}
    elif sc.take("insert "):
        new = sc.quoted()
        side = Side.AFTER if sc.take(" after ") else Side.BEFORE if sc.take(" before ") else None
        if side is None:
            raise sc.fail("after or before")
        fields = {"action": Action.INSERT, "new": new, "side": side, "words": sc.quoted(),
                  "occurrence": sc.occurrence()}
    elif sc.take("no footnote"):
        fields = {"action": Action.NOTE}
    elif sc.take("footnote "):
        fields = {"action": Action.NOTE, "new": sc.quoted()}
    elif sc.take("move "):
        fields = {"action": Action.MOVE, "place": sc.place()}
    elif sc.take("add "):
        place = sc.place()
        sc.expect(": ")
        pars = [sc.paragraph()]
        while sc.take(" + "):
            pars.append(sc.paragraph())
        fields = {"action": Action.ADD, "place": place, "paragraphs": tuple(pars)}
    else:
        raise sc.fail("replace, delete, insert, move, add or footnote")
    if fields["action"] is Action.ADD:
        paragraph = None
    return Proposal(id=pid, by=by, paragraph=paragraph, **fields)  # type: ignore[arg-type]


def _attribution(text: str) -> tuple[tuple[str, ...], str | None, tuple[str, ...], tuple[str, ...]]:
    supported: tuple[str, ...] = ()
    bridges: tuple[str, ...] = ()
    behalf = None
    if ", bridging " in text:
        text, rest = text.split(", bridging ", 1)
        bridges = tuple(rest.split(", "))
    if ", supported by " in text:
        text, rest = text.split(", supported by ", 1)
        supported = tuple(rest.split(", "))
    if ", on behalf of " in text:
        text, behalf = text.split(", on behalf of ", 1)
    return tuple(text.split(", ")), behalf, supported, bridges


_PROPOSAL = re.compile(r"^  (\S+) \[")
_HEADING = re.compile(r"^((?:PP|OP)\d+(?:\([a-z]+\))*)(?: \((.+)\))?$")
_SECTIONS = {"Preamble": "PP", "Operative part": "OP"}


def is_text_form(source: str) -> bool:
    return source.startswith(HEADER)


def parse(source: str, file: str = "<compilation>") -> Compilation:
    """The proposals and paragraph statuses of a compilation's text form."""
    if not is_text_form(source):
        raise DraftingError(f"{file}:1: expected a compilation's text form, starting “{HEADER}”")
    labels = dict(DEFAULT_LABELS)
    heading: str | None = None
    proposals, status, reopened = [], {}, set()
    for n, line in enumerate(source.splitlines(), start=1):
        if line.startswith(LABELS):
            labels.update(_labels(line[len(LABELS):], f"{file}:{n}"))
            continue
        m = _HEADING.match(line)
        if m:
            heading = m.group(1)
            marks = m.group(2).split(", ") if m.group(2) else []
            if marks and marks[-1] == "reopened":
                reopened.add(heading)
                marks.pop()
            names = {label: s for s, label in labels.items()}
            for mark in marks:
                if mark not in names:
                    raise DraftingError(f"{file}:{n}: expected a status ({', '.join(names)}), found {mark!r}")
                status[heading] = names[mark]
            continue
        if line in _SECTIONS or line == OTHER:
            heading = None
            continue
        m = _PROPOSAL.match(line)
        if m and not line.startswith(("  Options: ", "  Conflict: ")):
            proposals.append(_proposal_line(line, m, heading, f"{file}:{n}"))
    return Compilation(tuple(proposals), status, frozenset(reopened), labels)


def _proposal_line(line: str, m: re.Match[str], heading: str | None, where: str) -> Proposal:
    """One proposal line: “ID [BY: ACTION] (ATTRIBUTION)”."""
    sc = _Scan(line, where)
    sc.i = m.end()
    sc.until(": ")  # the short attribution; the full one closes the line
    sc.expect(": ")
    fields = _action(sc, m.group(1), (), heading)
    sc.expect("] (")
    if not line.endswith(")"):
        raise sc.fail("the attribution in parentheses closing the line")
    by, behalf, supported, bridges = _attribution(line[sc.i:-1])
    return replace(fields, origin=where, by=by, on_behalf_of=behalf, supported_by=supported, bridges=bridges)


def _labels(text: str, where: str) -> dict[Status, str]:
    """"agreed-ad-ref = ad ref.; agreed = done" -> the labels it sets."""
    out = {}
    for item in text.split("; "):
        key, _, label = item.partition(" = ")
        if key not in [s.value for s in Status] or not label:
            raise DraftingError(f"{where}: expected labels such as “agreed = done; agreed-ad-ref = ad ref.”, "
                                f"found {item!r}")
        out[Status(key)] = label
    return out


def render(base: Resolution, compilation: Compilation, view: str = "attributed") -> str:
    """The compilation as text: ``attributed`` (reads back with :func:`parse`) or ``anonymised``."""
    from drafting.compilation.revision import options
    from drafting.compilation.view import sheet

    sh = sheet(base, compilation)
    names = sh.anonymous_names() if view == "anonymised" else None
    lines = [HEADER + base.label]
    if names is None:
        lines.append("Delegations: " + ", ".join(sorted(compilation.delegations())))
    changed = [f"{s.value} = {compilation.labels[s]}" for s in Status if compilation.labels[s] != DEFAULT_LABELS[s]]
    if changed:
        lines.append(LABELS + "; ".join(changed))
    for s in sh.sections:
        lines += ["", s.title]
        if s.text is not None:
            lines.append("    " + s.text.replace("\n", "\n    "))
        lines += ["  " + proposal_line(p, s.heading, names) for p in s.proposals]
        for group, bracket in s.options:
            if names is not None and s.text is not None:
                bracket = options(s.text, group, attributed=False)
            lines.append("  Options: " + bracket.strip())
        for c in s.conflicts:
            a, b = (names[c.first], names[c.second]) if names else (c.first, c.second)
            lines.append(f"  Conflict: {a} and {b}: {c.reason}")
    return "\n".join(lines) + "\n"
