"""General Assembly resolutions inside a Yearbook of the United Nations chapter (plain text).

The yearbook prints each resolution after a line of narrative that holds its metadata:

    On 18 December [meeting 69], the General Assembly adopted resolution 68/128
    [draft: A/68/L.29 & Add.1] without vote [agenda item 32].
    <title> The General Assembly, <preamble> 1. <operative> ... 33. <last>.

A transcription of it has one line per printed page, a running head at the start of each page
(also when the page breaks inside a paragraph), words hyphenated at the line ends of the print
("partic- ular") and lost apostrophes and quotation marks. This module undoes that damage with
rules that hold for any yearbook chapter, then cuts the resolutions out.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter

from drafting.model.leads import detect_lead
from drafting.model import MONTHS, Body, Paragraph, Part, Resolution
from drafting.importers.ledger import Entry, Imported, reconcile, recording, removed
from drafting.importers.text import mend_split_words, repair_apostrophes, vocabulary
from drafting.importers.metadata import check_glyphs

_ADOPTED = re.compile(
    r"On (?P<day>\d{1,2}) (?P<month>" + "|".join(MONTHS) + r")(?: (?P<year>\d{4}))?\s*"
    r"\[meeting (?P<meeting>\d+)\],\s*the General Assembly adopted resolution (?P<number>\d+/\d+)\s*"
    r"\[draft: (?P<draft>[^\]]+)\]\s*(?P<vote>[^\[]*?)\s*\[agenda items? (?P<item>[^\]]+)\]\.\s*")
_ORGAN = "The General Assembly,"
_ABBREVIATIONS = ("No", "para", "paras", "p", "pp", "Add", "Corr", "Rev", "Mr", "Ms", "Mrs", "Dr", "Vol", "art")


# ---------------------------------------------------------------------------- pages


def _running_heads(pages: list[str]) -> list[re.Pattern[str]]:
    """Patterns of the running heads, learnt from the pages themselves.

    Even pages open "<number> <head>", odd pages "<head> <number>"; a head is text that opens
    at least two pages with different page numbers.
    """
    patterns = []
    odd: Counter[str] = Counter()
    for page in pages:
        m = re.match(r"^(\D{5,100}?) (\d{1,4}) ", page)
        if m:
            odd[m[1]] += 1
    for head, count in odd.items():
        if count >= 2:
            patterns.append(re.compile(r"^" + re.escape(head) + r" \d{1,4} "))
    evens = [page[m.end():] for page in pages if (m := re.match(r"^\d{1,4} (?=[A-Z])", page))]
    if len(evens) >= 2:
        prefix = os.path.commonprefix(evens)
        prefix = prefix[:prefix.rfind(" ") + 1] if " " in prefix else ""
        if len(prefix) >= 5:
            patterns.append(re.compile(r"^\d{1,4} " + re.escape(prefix)))
    return patterns


def clean_pages(text: str) -> str:
    """The chapter as one running text: running heads removed, pages joined, split words mended."""
    pages = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    heads = _running_heads(pages)
    out = []
    for page in pages:
        for head in heads:
            page = head.sub("", page, count=1)
        out.append(page)
    joined = " ".join(out)
    return mend_split_words(joined, vocabulary(re.sub(r"\w+- \w+", " ", joined)))


# ---------------------------------------------------------------------------- paragraphs


def _split_preamble(text: str) -> list[str]:
    """Preambular paragraphs run together: a new one starts after a comma, with a lead."""
    starts = [0]
    for m in re.finditer(r",\s+(?=[A-Z])", text):
        lead = detect_lead(text[m.end():], Part.PREAMBLE)
        if lead:
            starts.append(m.end())
    return [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]


def _sentence_end(text: str) -> int:
    """Offset just after the full stop that ends the last operative paragraph."""
    for m in re.finditer(r"\.(?=\s+[A-Z\"“]|\s*$)", text):
        word = re.search(r"(\w+)$", text[:m.start()])
        if word and word[1] in _ABBREVIATIONS:
            continue
        return m.end()
    return len(text)


def _split_operative(text: str) -> list[str]:
    """Operative paragraphs "1. ..." "2. ...": numbers strictly in sequence, after a semicolon."""
    m = re.match(r"1\.\s+", text)
    if not m:
        return []
    paragraphs, start, n = [], m.end(), 2
    while True:
        nxt = re.compile(rf"[;:]\s+{n}\.\s+(?=[A-Z])").search(text, start)
        if not nxt:
            break
        paragraphs.append(text[start:nxt.start() + 1].strip())
        start, n = nxt.end(), n + 1
    last = text[start:]
    paragraphs.append(last[:_sentence_end(last)].strip())
    return paragraphs


def _repair(text: str) -> str:
    """Transcription repairs that hold for any UN text."""
    text = repair_apostrophes(text)
    text = re.sub(r"\b(\d{1,4})\((\d{4})\)", r"\1 (\2)", text)  # "2101(2013)" -> "2101 (2013)"
    # An agenda item's title is always quoted: "the item entitled “...”." (the marks were lost).
    text = re.sub(r"\b(the item entitled) (?![\"“])([A-Z][^\"“”]*?)([.;]?)$", r'\1 "\2"\3', text)
    return text


# ---------------------------------------------------------------------------- metadata


def _year(session: int, month: int) -> int:
    """The calendar year of a meeting of the session: it opens in September of 1945 + session."""
    return 1945 + session if month >= 9 else 1946 + session


def _vote(text: str) -> str:
    text = " ".join(text.split())
    return "without a vote" if text in ("without vote", "without a vote") else text


def parse_yearbook(text: str, file: str = "<text>", source: str | None = None) -> list[Resolution]:
    """Every General Assembly resolution printed in full in a yearbook chapter."""
    return [found.resolution for found in read_yearbook(text, file, source)]


def read_yearbook(text: str, file: str = "<text>", source: str | None = None) -> list[Imported]:
    """Every General Assembly resolution printed in full in a yearbook chapter, with its ledger:
    the words from the adoption narrative to the end of the last operative paragraph."""
    running = clean_pages(text)
    found = []
    matches = list(_ADOPTED.finditer(running))
    for i, m in enumerate(matches):
        rest = running[m.end():matches[i + 1].start() if i + 1 < len(matches) else len(running)]
        with recording() as ledger:
            resolution, length = _resolution(m, rest, file, source)
            if resolution is not None:
                check_glyphs(resolution)
        if resolution is None:
            continue
        ledger.entries.insert(0, Entry("removed", "adoption narrative", m[0].strip()))
        reconcile(running[m.start():m.end() + length], resolution, ledger)
        found.append(Imported(resolution, ledger))
    return found


def _resolution(m: re.Match[str], rest: str, file: str, source: str | None) -> tuple[Resolution | None, int]:
    """The resolution printed after the narrative ``m``, and the length of ``rest`` it used."""
    organ = rest.find(_ORGAN)
    if organ < 0:
        return None, 0  # adopted but not printed in full here
    title = rest[:organ].strip()
    body = rest[organ + len(_ORGAN):].strip()
    first_op = re.search(r"(?<=,)\s+1\.\s+(?=[A-Z])", body)
    if not first_op:
        return None, 0
    removed("organ line", _ORGAN)
    preamble = _split_preamble(body[:first_op.start()].strip())
    operative = _split_operative(body[first_op.end() - 3:].lstrip())
    for n in range(1, len(operative) + 1):
        removed("operative number", f"{n}.")
    used = rest.find(operative[-1]) + len(operative[-1]) if operative else organ
    return _build(m, title, preamble, operative, file, source), used


def _build(m: re.Match[str], title: str, preamble: list[str], operative: list[str], file: str,
           source: str | None) -> Resolution:
    session, _ = (int(x) for x in m["number"].split("/"))
    month = MONTHS.index(m["month"]) + 1
    year = int(m["year"]) if m["year"] else _year(session, month)
    return Resolution(
        symbol=f"A/RES/{m['number']}",
        body=Body.GA,
        session=session,
        year=year,
        adopted=dt.date(year, month, int(m["day"])),
        meeting=int(m["meeting"]),
        agenda_item=m["item"].strip(),
        draft=m["draft"].replace(" & ", " and "),
        vote=_vote(m["vote"]),
        title=_repair(title),
        source=source or file,
        preamble=tuple(Paragraph(_repair(p)) for p in preamble),
        operative=tuple(Paragraph(_repair(p)) for p in operative),
    )
