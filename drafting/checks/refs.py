"""References to other resolutions: their form, their agreement with the library, their order.

Forms: General Assembly "resolution 67/135 of 18 December 2012" (before 1976: "resolution
1514 (XV) of 14 December 1960"), Security Council "resolution 186 (1964) of 4 March 1964".
The shape of the number says the body, so no guess is needed from the surrounding words.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from drafting.checks.base import Context, Hit
from drafting.model import MONTH_RE, Address, format_date, from_roman, parse_date

# The year may be left to a later date of the list: "426 (1978) of 19 March and 427 (1978) of 3 May 1978".
_DATE = rf"\d{{1,2}} {MONTH_RE}(?: \d{{4}})?"
_ITEM = (r"(?P<num>\d{1,4}(?:/\d{1,4})?)"
         r"(?:\s*\((?P<paren>[IVXL]+|\d{4})\))?"
         rf"(?:,?\s+of\s+(?P<date>{_DATE}))?")
_ITEM_RE = re.compile(_ITEM)
_LIST_RE = re.compile(rf"\b(?P<word>[Rr]esolutions?)\s+(?P<list>{_ITEM}(?:(?:\s*,\s*|\s*,?\s+and\s+){_ITEM})*)"
                      .replace("?P<num>", "?:").replace("?P<paren>", "?:").replace("?P<date>", "?:"))


@dataclass(frozen=True)
class Reference:
    """One cited resolution: its body, number, the year or session in brackets, its date."""

    body: str  # "GA" or "SC"
    number: str  # "67/135", "1514", "186"
    paren: str | None  # "1964" (SC year) or "XV" (old GA session)
    date: dt.date | None
    text: str

    @property
    def key(self) -> tuple[str, int, int]:
        """Identity and chronological order within a body."""
        if "/" in self.number:
            session, n = self.number.split("/")
            return (self.body, int(session), int(n))
        return (self.body, 0, int(self.number))

    @property
    def years(self) -> tuple[int, ...]:
        """The years this reference can have been adopted in, from its own form."""
        if self.body == "SC" and self.paren:
            return (int(self.paren),)
        if "/" in self.number:
            session = int(self.number.split("/")[0])
        elif self.paren and not self.paren.isdigit():
            session = from_roman(self.paren)
        else:
            return ()
        return (1945 + session, 1946 + session)


_OTHER_ORGAN = re.compile(r"(?:Trusteeship Council|Economic and Social Council|Commission|Conference|"
                          r"Board|Committee|Organization|Organisation|Heads of State and Government|"
                          r"Council of Ministers)\s*$")


def _form(m: re.Match[str]) -> str:
    """The shape of a cited number: 'ga' (67/135), 'paren' (186 (1964)) or 'bare'."""
    return "ga" if "/" in m.group("num") else "paren" if m.group("paren") else "bare"




def references(text: str, default_body: str) -> Iterator[list[Reference]]:
    """Each list of cited resolutions in ``text`` ("resolutions 425 (1978) and 426 (1978)")."""
    for match in _LIST_RE.finditer(text):
        head = text[:match.start()]
        body_hint = ("GA" if head.rstrip().endswith("General Assembly")
                     else "SC" if head.rstrip().endswith("Security Council") else None)
        if _OTHER_ORGAN.search(head[-60:]):
            continue  # "Trusteeship Council resolution 2183 (LIII)": another organ's numbering
        found: list[Reference] = []
        first: re.Match[str] | None = None  # the list's first item sets the form of the others
        for m in _ITEM_RE.finditer(match.group("list")):
            paren = m.group("paren")
            if first is None:
                first = m
            elif _form(m) != _form(first):
                break  # "687 (1991), 83 Also": a footnote number left inline, not a resolution
            if "/" in m.group("num") or (paren and not paren.isdigit()):
                body = "GA"
            elif paren:
                body = "SC"
            else:
                body = body_hint or default_body
            date = (parse_date(m.group("date"), paren if paren and paren.isdigit() else None)
                    if m.group("date") else None)
            found.append(Reference(body, m.group("num"), paren, date, m.group(0)))
        yield found


def _default_body(ctx: Context) -> str:
    return ctx.resolution.body.short


def ref_form(ctx: Context) -> Iterator[Hit]:
    """A reference's own parts agree: the year in brackets, the session and the date."""
    for address, text in ctx.texts():
        for refs in references(text, _default_body(ctx)):
            for ref in refs:
                if ref.date and ref.years and ref.date.year not in ref.years:
                    expect = " or ".join(str(y) for y in ref.years)
                    yield Hit(address, f'"resolution {ref.text}": the date does not fall in {expect}',
                              "check the resolution's number and date")
                elif ref.body == "SC" and not ref.paren and "/" not in ref.number and ref.date:
                    yield Hit(address, f'"resolution {ref.text}": a Security Council resolution is cited with its year',
                              f'write "resolution {ref.number} ({ref.date.year}) of {format_date(ref.date)}"')


def recall_order(ctx: Context) -> Iterator[Hit]:
    """Resolutions listed together are in chronological order."""
    for address, text in ctx.texts():
        for refs in references(text, _default_body(ctx)):
            for a, b in zip(refs, refs[1:]):
                if a.body == b.body and a.key > b.key:
                    yield _out_of_order(address, a, b)
                    break


def _out_of_order(address: Address, a: Reference, b: Reference) -> Hit:
    """The finding for ``b`` listed after ``a`` yet numbered before it.

    When ``b`` is dated after ``a`` (or bears a later year) the order is right and the number is
    what is wrong: a digit lost or misread ("84 (1993) of 29 January 1993" for 804).
    """
    later = (b.date is not None and a.date is not None and b.date >= a.date) or (
        a.body == "SC" and bool(a.paren and b.paren) and int(b.paren or 0) > int(a.paren or 0))
    if later:
        return Hit(address, f"resolution {b.text} comes after {a.text} in date but bears a lower number",
                   f"check the number {b.number} against the printed text")
    return Hit(address, f"resolution {b.number} is listed after the later resolution {a.number}",
               "list the resolutions in chronological order")


# ---------------------------------------------------------------------------- library

_SYMBOL_GA = re.compile(r"A/RES/(\d+)/(\d+)")
_SYMBOL_GA_OLD = re.compile(r"A/RES/(\d+)\s*\(([IVXL]+)\)")
_SYMBOL_SC = re.compile(r"S/RES/(\d+)")


@dataclass(frozen=True)
class Known:
    symbol: str
    adopted: dt.date | None
    year: int | None
    file: str


class Library:
    """What a folder of precedents knows: each resolution's symbol and adoption date."""

    def __init__(self, entries: dict[tuple[str, int, int], Known]):
        self.entries = entries

    @classmethod
    def from_folder(cls, folder: str | os.PathLike[str]) -> "Library":
        from drafting.store import load, resolution_files

        entries: dict[tuple[str, int, int], Known] = {}
        for path in resolution_files([Path(folder)]):
            r = load(path)
            key = symbol_key(r.symbol or "")
            if key:
                entries[key] = Known(r.symbol or "", r.adopted, r.year, str(path))
        return cls(entries)

    def get(self, ref: Reference) -> Known | None:
        return self.entries.get(ref.key)


def symbol_key(symbol: str) -> tuple[str, int, int] | None:
    """'A/RES/68/128' -> ('GA', 68, 128); 'S/RES/350 (1974)' -> ('SC', 0, 350)."""
    if m := _SYMBOL_GA.search(symbol):
        return ("GA", int(m.group(1)), int(m.group(2)))
    if m := _SYMBOL_GA_OLD.search(symbol):
        return ("GA", 0, int(m.group(1)))
    if m := _SYMBOL_SC.search(symbol):
        return ("SC", 0, int(m.group(1)))
    return None


def ref_library(ctx: Context) -> Iterator[Hit]:
    """A cited resolution that the library holds has the library's date and year."""
    if ctx.library is None:
        return
    for address, text in ctx.texts():
        for refs in references(text, _default_body(ctx)):
            for ref in refs:
                known = ctx.library.get(ref)
                if known is None:
                    continue
                if ref.date and known.adopted and ref.date != known.adopted:
                    yield Hit(address, f'"resolution {ref.text}": {known.symbol} was adopted on {format_date(known.adopted)}',
                              f'write "of {format_date(known.adopted)}" (or correct the number)')
                elif ref.body == "SC" and ref.paren and known.year and int(ref.paren) != known.year:
                    yield Hit(address, f'"resolution {ref.text}": {known.symbol} dates from {known.year}',
                              f'write "{ref.number} ({known.year})"')
