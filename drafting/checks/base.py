"""The values every lint rule works with: severities, profiles, findings, and the text walked.

Split from :mod:`drafting.checks.engine` so the rule modules can import these without importing the
registry that imports them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Iterable, NamedTuple

from drafting.model import Address, Paragraph, Part, Resolution


class Severity(str, Enum):
    """How sure a rule is: an error breaks a UN convention, a warning is likely a slip."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Profile(str, Enum):
    """Whose conventions: the UN's own editorial rules, or what Model UN conferences teach."""

    UN = "un"
    MUN = "mun"


@dataclass(frozen=True)
class Finding:
    """One breach of a convention, where it is, and a suggested fix."""

    rule: str
    severity: Severity
    paragraph: Address | None
    message: str
    fix: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape: {"rule", "severity", "paragraph", "message", "fix"}."""
        return {"rule": self.rule, "severity": self.severity.value,
                "paragraph": str(self.paragraph) if self.paragraph else None,
                "message": self.message, "fix": self.fix}


class Hit(NamedTuple):
    """What a rule's check yields; the registry adds the rule id and the profile's severity."""

    paragraph: Address | None
    message: str
    fix: str


@dataclass
class Context:
    """One resolution under lint, with what the rules share: profile, library, paragraphs."""

    resolution: Resolution
    profile: Profile
    library: Any = None  # a drafting.checks.refs.Library, or None
    _walk: list[tuple[Address, Paragraph]] = field(default_factory=list)
    # (text, lead override, part) -> (lead, from_lexicon): several rules ask for each
    # paragraph's lead, and finding it is the dearest step of a lint run.
    leads: dict[tuple[str, str | None, Part], tuple[str, bool]] = field(default_factory=dict)

    def walk(self) -> list[tuple[Address, Paragraph]]:
        """Every paragraph and sub-paragraph in reading order (computed once)."""
        if not self._walk:
            self._walk = list(self.resolution.walk())
        return self._walk

    def texts(self) -> Iterable[tuple[Address, str]]:
        for address, paragraph in self.walk():
            yield address, paragraph.text

    def notes(self) -> Iterable[tuple[Address, str]]:
        """Each footnote's text, with the paragraph it stands in."""
        for address, paragraph in self.walk():
            for line, _ in paragraph.footnotes:
                yield address, line

    def top(self, part: Part) -> list[tuple[Address, Paragraph]]:
        return [(a, p) for a, p in self.walk() if a.part is part and not a.sub]


@dataclass(frozen=True)
class Rule:
    """A convention with its id, one-line summary, severity in each profile (None: not checked)."""

    id: str
    summary: str
    un: Severity | None
    mun: Severity | None
    check: Callable[[Context], Iterable[Hit]]

    def severity(self, profile: Profile) -> Severity | None:
        return self.un if profile is Profile.UN else self.mun


def quoted(text: str, width: int = 40) -> str:
    """A short quotation of ``text`` for a message: '"...end of the text"'."""
    text = " ".join(text.split())
    if len(text) <= width:
        return f'"{text}"'
    tail = text[-width:]
    if text[-width - 1] != " " and " " in tail:
        tail = tail.split(" ", 1)[1]  # whole words only
    return f'"…{tail}"'
