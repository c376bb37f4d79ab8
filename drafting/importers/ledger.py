"""The conservation ledger: every word of the source kept, repaired or removed, and said so.

While an importer runs, its rules record what they change (:func:`repaired`) and what they take
out of the paragraphs (:func:`removed`: page furniture, footnote markers, headings, the adoption
line). Afterwards :func:`reconcile` walks the source words and the words of the imported text
side by side; a source word that is neither in the text nor in a record is *unaccounted for* and
becomes a warning naming its place (``OP2: ...``). Rules record into the ledger of the import
under way (a context variable), so the many small rules need no ledger argument.
"""
from __future__ import annotations

import re
from collections import Counter
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Iterator

from drafting.model import Resolution, format_date

__all__ = ["Entry", "Imported", "Ledger", "Notice", "reconcile", "recording", "removed", "repaired", "tokens", "warn"]


@dataclass(frozen=True)
class Entry:
    """One record: ``action`` is "repaired" or "removed"; ``rule`` says why."""

    action: str
    rule: str
    before: str
    after: str = ""

    def __str__(self) -> str:
        if self.action == "repaired":
            return f"repaired ({self.rule}): {self.before!r} → {self.after!r}"
        return f"removed ({self.rule}): {_short(self.before)!r}"


@dataclass(frozen=True)
class Notice:
    """A warning of the import: the place (PP3, OP5, "metadata") and what the officer must check."""

    place: str
    message: str
    anchor: str = field(default="", compare=False)  # words just before the subject, to find its place

    def __str__(self) -> str:
        return f"{self.place}: {self.message}" if self.place else self.message


@dataclass
class Ledger:
    """What one import kept, repaired and removed, and its warnings."""

    entries: list[Entry] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    kept: int = 0  # source words found unchanged in the imported text

    def explain(self) -> str:
        """The ledger as ``drafting import --explain`` prints it."""
        counts = Counter(e.action for e in self.entries)
        lines = [f"kept {self.kept} words; {counts['repaired']} repairs; {counts['removed']} removals; "
                 f"{len(self.notices)} warnings"]
        lines += [f"  {e}" for e in self.entries]
        lines += [f"  warning: {n}" for n in self.notices]
        return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class Imported:
    """A resolution as imported, with the ledger of what was kept, repaired and removed."""

    resolution: Resolution
    ledger: Ledger

    @property
    def warnings(self) -> list[str]:
        return [str(n) for n in self.ledger.notices]


_CURRENT: ContextVar[Ledger | None] = ContextVar("drafting_import_ledger", default=None)


@contextmanager
def recording() -> Iterator[Ledger]:
    """Collect the records of the rules run inside the ``with`` block."""
    ledger = Ledger()
    token = _CURRENT.set(ledger)
    try:
        yield ledger
    finally:
        _CURRENT.reset(token)


def repairs() -> list[Entry]:
    """The repairs recorded so far by the import under way (none outside an import)."""
    ledger = _CURRENT.get()
    return [e for e in ledger.entries if e.action == "repaired"] if ledger is not None else []


def repaired(rule: str, before: str, after: str) -> str:
    """Record a repair (when it changes something) and return ``after``."""
    ledger = _CURRENT.get()
    if ledger is not None and before != after:
        ledger.entries.append(Entry("repaired", rule, before, after))
    return after


def removed(rule: str, text: str) -> None:
    """Record text taken out of the paragraphs (page furniture, a marker, a heading)."""
    ledger = _CURRENT.get()
    if ledger is not None and text.strip():
        ledger.entries.append(Entry("removed", rule, " ".join(text.split())))


def warn(place: str, message: str, anchor: str = "") -> None:
    """Warn; without a place, ``anchor`` (the words before the subject) finds it afterwards."""
    ledger = _CURRENT.get()
    if ledger is not None and Notice(place, message) not in ledger.notices:
        ledger.notices.append(Notice(place, message, anchor))


def locate(resolution: Resolution, ledger: Ledger) -> None:
    """Give a place to the warnings raised before the paragraphs had addresses: the paragraph
    holding the words the warning quotes before its subject."""
    for n, notice in enumerate(ledger.notices):
        words = tokens(notice.anchor)[-3:]
        if notice.place or not words:
            continue
        for address, paragraph in resolution.walk():
            text = tokens(paragraph.text)
            if any(text[k:k + len(words)] == words for k in range(len(text))):
                ledger.notices[n] = Notice(str(address), notice.message)
                break


# ---------------------------------------------------------------------------- words

# Joins that every importer makes and that change no word: a line-end hyphen ("partic- ular"),
# a compound's hyphen (kept, lost or read as "~"), an ordinal suffix ("1774th" is meeting 1774).
_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])-\s+(?=[^\W\d_])")
_COMPOUND = re.compile(r"(?<=[^\W\d_])[-~‐–](?=[^\W\d_])")
_TOKEN = re.compile(r"[^\W_]+|[\[\]]")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th|d|h)$")


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the ledger counts them (lower case; brackets are words too)."""
    return [_ordinal(t) for t in _words(text)[0]]


def _ordinal(token: str) -> str:
    return _ORDINAL.sub(r"\1", token) if token[0].isdigit() and not token.isdigit() else token


def _joined(text: str) -> str:
    """``text`` with the joins every importer makes already made (same on both sides: free)."""
    return _COMPOUND.sub("", _LINE_HYPHEN.sub("", text))


def _words(text: str) -> tuple[list[str], list[int]]:
    """Tokens of ``text`` and their offsets in ``_joined(text)``."""
    text = _joined(text)
    out, where = [], []
    for m in _TOKEN.finditer(text):
        out.append(m[0].lower())
        where.append(m.start())
    return out, where


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 3] + "..."


# ---------------------------------------------------------------------------- reconcile

def _output(resolution: Resolution) -> tuple[list[str], list[str]]:
    """The words of the imported text in source order, and the place of each."""
    words: list[str] = []
    places: list[str] = []

    def add(text: str | None, place: str) -> None:
        if text:
            new = tokens(text)
            words.extend(new)
            places.extend([place] * len(new))

    add(resolution.title, "title")
    for address, paragraph in resolution.walk():
        add(paragraph.text, str(address))
    for address, paragraph in resolution.walk():
        add(paragraph.note, f"{address} note")
    add(resolution.adoption_note, "adoption note")
    for key in ("symbol", "vote", "draft", "agenda_item"):
        add(getattr(resolution, key), key)
    kept = [part for part in (resolution.source or "").split("; ")[1:]  # notes it keeps, not the
            if not part.startswith(("repaired", "closing marks"))]    # file name nor records
    add(" ".join(kept), "source")
    add(" ".join(resolution.sponsors), "sponsors")
    if resolution.adopted:
        add(format_date(resolution.adopted), "adopted")
    if resolution.meeting:
        add(str(resolution.meeting), "meeting")
    return words, places


_WINDOW = 40
_AGREE = 3  # words that must agree to resynchronise: two agree by chance ("April 1948")


def _resync(a: list[str], i: int, b: list[str], j: int) -> tuple[int, int] | None:
    """The nearest (i', j') after a mismatch where three words agree again, or None."""
    for d in range(1, 2 * _WINDOW):
        for skip_a in range(d + 1):
            x, y = i + skip_a, j + d - skip_a
            if a[x:x + _AGREE] == b[y:y + _AGREE] and (x + _AGREE <= len(a) or x == len(a) - 1):
                return x, y
    return None


def _walk(src: list[str], out: list[str]) -> tuple[list[tuple[int, int]], list[int], int]:
    """Source words the walk could not match (with the output position then), output words
    left over, and how many matched: a linear walk that resynchronises on agreeing words."""
    i = j = kept = 0
    lost: list[tuple[int, int]] = []
    extra: list[int] = []
    while i < len(src) and j < len(out):
        if src[i] == out[j]:
            i, j, kept = i + 1, j + 1, kept + 1
            continue
        found = _resync(src, i, out, j)
        if found is None:
            lost.append((i, j))
            i += 1
            continue
        lost += [(x, j) for x in range(i, found[0])]
        extra += list(range(j, found[1]))
        i, j = found
    lost += [(x, j) for x in range(i, len(src))]
    extra += list(range(j, len(out)))
    return lost, extra, kept


def reconcile(source: str, resolution: Resolution, ledger: Ledger) -> None:
    """Account for every word of ``source`` (the part of the file the resolution came from);
    add a warning for each run of words neither kept nor recorded, and each word added unasked."""
    src, offsets = _words(source)
    src = [_ordinal(t) for t in src]
    source = _joined(source)
    out, places = _output(resolution)
    lost, extra, ledger.kept = _walk(src, out)
    moved = Counter(out[j] for j in extra)  # words the walk met out of order (notes, titles)
    records = Counter(t for e in ledger.entries for t in tokens(e.before))
    made = Counter(t for e in ledger.entries if e.action == "repaired" for t in tokens(e.after))
    unaccounted: list[tuple[int, int]] = []
    for i, j in lost:
        word = src[i]
        if moved[word] > 0:
            moved[word] -= 1
        elif records[word] > 0:
            records[word] -= 1
        else:
            unaccounted.append((i, j))
    _warn_lost(unaccounted, source, offsets, places, ledger)
    # Words of the text the source does not hold: made by a repair, or added. Metadata derived
    # from the heading ("S/RES/248 (1968)") goes first, so a paragraph is blamed only for its own.
    extra.sort(key=lambda j: places[j][:2] in ("PP", "OP"))
    for j in extra:
        word = out[j]
        if moved[word] <= 0:
            continue  # it explained a source word met out of order
        moved[word] -= 1
        if places[j][:2] not in ("PP", "OP"):
            continue  # metadata: never blamed, and a repair's word stays for the paragraph it made
        if made[word] > 0:
            made[word] -= 1
        elif not places[j].endswith("note"):
            ledger.notices.append(Notice(places[j], f"word {word!r} is not in the source"))


def _warn_lost(lost: list[tuple[int, int]], source: str, offsets: list[int], places: list[str],
               ledger: Ledger) -> None:
    """One warning per run of adjacent lost words, quoting the source around them."""
    runs: list[list[tuple[int, int]]] = []
    for item in lost:
        if runs and item[0] == runs[-1][-1][0] + 1:
            runs[-1].append(item)
        else:
            runs.append([item])
    for run in runs:
        start, stop = offsets[run[0][0]], offsets[run[-1][0]]
        j = min(run[0][1], len(places) - 1)
        place = places[j] if places and j >= 0 else "text"
        end = source.find(" ", stop + 1)
        quote = " ".join(source[max(0, start - 40):(end if end > 0 else len(source)) + 30].split())
        words = " ".join(source[start:end if end > 0 else len(source)].split())
        ledger.notices.append(Notice(place, f"source words not accounted for: {_short(words, 40)!r} "
                                            f"(\"...{quote}...\")"))
