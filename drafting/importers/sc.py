"""Security Council resolutions as printed: hard-wrapped lines, inline footnotes, adoption line.

Three heading styles occur in the official collections (and in the CR-UNSC corpus):

    Resolution 350 (1974)     RESOLUTION 830 (1993)                   2 (1946). Resolution of
    of 31 May 1974            Adopted by the Security Council at its  30 January 1946
                              3220th meeting on 26 May 1993           [S/19]

then "The Security Council,", the paragraphs, "Adopted ... at the 1774th meeting ..." and the
footnotes. The paragraphs themselves are cut and built by :mod:`.paragraphs`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace

from drafting.errors import DraftingError
from drafting.model import MONTH_RE, MONTHS, Body, Resolution, parse_date
from drafting.model.sections import RESTART
from drafting.importers.footnotes import parse_notes, text_before_notes
from drafting.importers.metadata import check_metadata, check_paragraphs
from drafting.importers.ledger import removed, repaired, repairs, warn
from drafting.importers.pages import SECTION, describe_annexes, drop_page_furniture, find_annex
from drafting.importers.paragraphs import Para, Parts, all_marks, build_parts, mend_closing_marks, split_blocks
from drafting.importers.text import mend_brackets, mend_split_words, vocabulary

_DATE = rf"(\d{{1,2}})\s+({MONTH_RE})\s+(\d{{4}})"

# The heading: "Resolution 350 (1974)" / "RESOLUTION 830 (1993)" / "2 (1946). Resolution", then the
# date ("of 31 May 1974", "on 26 May 1993") and, in the 1990s style, the meeting.
_HEAD_SYMBOL = re.compile(r"^\s*(?:Resolution\s+(\d+)(?:\s*\((\S{4})\))?|(\d+)\s*\((\d{4})\)\.?\s*Resolution\b)",
                          re.I | re.M)
_HEAD_DATE = re.compile(rf"\b(\S{{1,2}})\s+({MONTH_RE})\.?\s+(\S{{4}})\b")  # "15 August. 1991"
_HEAD_MEETING = re.compile(r"Adopted by the Security\b.{0,20}?\bat\s+_?its\s+([\dIil\]OoS]*\d[\dIil\]OoS]*?)\s*"
                           r"(?:st|nd|rd|th)?_?\s+meeting",  # "326lst meeting": 3261
                           re.I | re.S)
_HEAD_DRAFT = re.compile(r"^\s*[\[(](S/[^\])}]+)[\])}]\s*$", re.M)
_FILE_NAME = re.compile(r"S_RES_(\d+)_(\d{4})")
_ORGAN = re.compile(r"^\s*The Security Council\s*[,.]?\s*$")
# "Adapted": an OCR slip seen twice; "Approved unanimously at the 2936th meeting." (S/RES/663).
_ADOPTED = re.compile(r"^\s*(?:Ad[ao]pted\b|Approved\s+(?:unanimously\s+)?at\b)")
_SLASH_NOTE = re.compile(r"^\s*\d{1,3}/\s+\S")


# A heading after other text (the Yearbook's narrative before S/RES/851): symbol, then the date.
_LATE_HEAD = re.compile(r"^\s*Resolution\s+\d+\s*\(\d{4}\)\s*\n\s*of\s+\d{1,2}\s+(?:"
                        + "|".join(MONTHS) + r")\s+\d{4}\s*$", re.M)
_ADOPTION_LINE = re.compile(r"^\s*(?:Ad[ao]pted|Approved)\b.{0,80}?\bmeeting\b", re.M | re.S)


def _heading_start(text: str) -> int:
    """Offset of the heading: 0, or where a heading starts after other text (see ``_LATE_HEAD``)."""
    head = "\n".join(text.splitlines()[:8])
    if _HEAD_SYMBOL.search(head):
        return 0
    late = _LATE_HEAD.search(text)
    return late.start() if late else 0


def looks_like_sc(text: str) -> bool:
    """True when ``text`` holds a Security Council heading ("Resolution 350 (1974)" ...).

    The heading opens the text, followed by "Security Council" or a date (or, with neither,
    by an adoption line: S/RES/462 has no date and no organ line), or it follows other text
    and is followed by its date line.
    """
    text = text.lstrip()
    head = "\n".join(text.splitlines()[:8])
    if _HEAD_SYMBOL.search(head):
        return "Security Council" in text[:2000] or bool(_HEAD_DATE.search(head)) \
            or bool(_ADOPTION_LINE.search(text))
    return bool(_LATE_HEAD.search(text))


@dataclass
class _Head:
    number: int
    year: int
    adopted: dt.date | None
    meeting: int | None = None
    draft: str | None = None
    end: int = 0  # offset where the heading ends


def _date(day: str, month: str, year: str) -> dt.date | None:
    # None for an OCR slip in the date ("3f July 1989"): better none than a wrong one
    return parse_date(f"{day} {month.capitalize()} {year}")


def _heading(text: str, file: str, source: str | None) -> _Head:
    """Number, year, date, meeting and draft symbol from the lines before "The Security Council"."""
    lines = text.split("\n")
    stop = next((i for i, line in enumerate(lines[:20]) if _ORGAN.match(line)), None)
    if stop is None:  # no organ line: the heading ends after the line holding the date
        stop = next((i + 1 for i, line in enumerate(lines[:12]) if _HEAD_DATE.search(line)), None)
    if stop is None:
        stop = next((i + 1 for i, line in enumerate(lines[:12]) if _HEAD_SYMBOL.match(line)), 0)
    stop = _paragraphs_before_organ(lines, stop)
    head = mend_brackets("\n".join(lines[:stop]), Counter())  # "of 3 Apri] 1991"
    symbol = _HEAD_SYMBOL.search(head)
    if not symbol:
        first = next((line.strip() for line in lines if line.strip()), "")
        if not first:
            raise DraftingError(f"{file}: the file is empty: expected a Security Council resolution")
        raise DraftingError(f"{file}: line 1: expected a Security Council heading such as "
                            f"'Resolution 350 (1974)' then 'of 31 May 1974', found {first[:60]!r}")
    number = int(symbol[1] or symbol[3])
    date_match = _HEAD_DATE.search(head, symbol.end()) or _HEAD_DATE.search(head)
    adopted = _date(*date_match.groups()) if date_match else None
    year_text = symbol[2] or symbol[4] or ""
    # The symbol's year is the year of adoption; the printed date wins over an OCR'd "(1973)".
    year = adopted.year if adopted else (int(year_text) if year_text.isdigit() else 0)
    named = _FILE_NAME.search(source or file)
    if named and not year:  # the corpus file name, when the heading's year is unreadable
        year = int(named[2])
    meeting = _HEAD_MEETING.search(head)
    meeting_number = _meeting(meeting[1]) if meeting else None
    draft = _HEAD_DRAFT.search("\n".join(lines[:stop + 3]))
    end = len("\n".join(lines[:stop]))
    if draft and draft.end() > end:
        end = draft.end()
    return _Head(number, year, adopted, meeting_number,
                 draft[1] if draft else None, end)


def _paragraphs_before_organ(lines: list[str], stop: int) -> int:
    """Where the heading really ends: text after the date line that is no draft symbol is
    paragraphs printed before "The Security Council" (S/RES/14: "As the General Assembly ...
    To this end, The Security Council Resolves ..."), never heading."""
    dated = next((i for i in range(stop - 1, -1, -1) if _HEAD_DATE.search(lines[i])), None)
    if dated is None:
        return stop
    rest = [line for line in lines[dated + 1:stop] if line.strip()]
    if rest and not all(_HEAD_DRAFT.match(line) or SECTION.match(line.strip()) for line in rest):
        return dated + 1
    return stop


# ---------------------------------------------------------------------------- the adoption line

# The meeting number may hold OCR slips of its digits ("298Ist", "I851st", "30i6th", "3O93rd",
# "]8S6ih"); "at" may be lost ("Adopted the 1245th meeting") or read "ai", "ut", "At", "its";
# a vote ends before a line that opens with a number and a capital ("27 One member ..."): a footnote.
_MEETING_DIGITS = r"(?=[\dIil\]OoS]*\d)[\dIil\]OoS]{0,4}[\dIl\]OS]"
_VOTE_TEXT = r"[^.()\n]*(?:\n(?![ \t]*\d{1,3}/?[ \t]+[A-Z])[^.()\n]*)*"
_ADOPTION = re.compile(
    r"^(?:Ad[ao]pted|Approved)\s+(?P<pre>.*?)\s*\b(?:(?:[Aa]t|ai|ut)\s+)?(?:the\s+|its\s+)(?P<resumed>resumed\s+)?"
    r"(?P<meeting>" + _MEETING_DIGITS + r"(?: \d+)?)\s*(?:st|nd|rd|th|d|h|ih)?_?(?:\s*\((?:closed|private)\))?\s+meetings?"
    r"(?P<post>(?:\s*,?\s*(?:by|hy|with|following)\b" + _VOTE_TEXT + r"(?:\([^)]*\))?|\s*\([^)]*\))*)"
    r"[ \t]*[.,]?(?P<rest>.*)$", re.S)
_DIGIT_SLIPS = str.maketrans("Iil]OoS", "1111005")


@dataclass
class Adoption:
    """What the adoption line says, and the footnote lines that follow it."""

    meeting: int | None
    vote: str | None
    mark: int | None  # footnote number on the adoption line
    rest: list[str]  # the lines that follow: footnotes


def _vote_text(pre: str, post: str, words: Counter[str] | None = None) -> str | None:
    pre = pre.strip(" ,")
    post = " ".join(post.split()).strip(" ,")
    vote = mend_split_words(", ".join(p for p in (pre, post) if p), words)
    # OCR slips of vote counts: "I abstention" for "1 abstention", "none. with" for "none, with".
    vote = re.sub(r"\bI (abstentions?)\b", lambda m: repaired("vote: I read for 1", m[0], f"1 {m[1]}"), vote)
    vote = re.sub(r"\bto I\b", lambda m: repaired("vote: I read for 1", m[0], "to 1"), vote)
    # The Council has 15 members (11 before 1966): "by 73 votes" is "by 13 votes" with a 1 read as 7.
    vote = re.sub(r"\bby 7(\d) votes\b", lambda m: repaired("vote: 7 read for 1 (at most 15 members)", m[0],
                                                             f"by 1{m[1]} votes") if int(m[1]) <= 5 else m[0], vote)
    return vote or None


def parse_adoption(lines: list[str], words: Counter[str] | None = None) -> Adoption:
    """Meeting, vote and footnote mark of the "Adopted ..." line; the footnote lines after it."""
    text = "\n".join(" ".join(line.split()) for line in lines)
    text = re.sub(r"\bnone\. with\b", "none, with", text).replace("}", ")")
    text = re.sub(r"(?<=[a-z])-\n(?=[a-z])", "", text)  # "meet-\ning": a word broken at the line end
    m = _ADOPTION.match(text)
    if not m:
        removed("adoption line that could not be read", lines[0])
        warn("metadata", f"the adoption line could not be read: {' '.join(lines[0].split())!r}")
        return Adoption(None, None, None, lines[1:])
    removed("adoption line", text[:m.start("rest")])
    vote = _vote_text(m["pre"], m["post"], words)
    rest = m["rest"]
    mark = None
    if vote and (glued := re.search(r"(?:(?<=none)|(?<=ones)|(?<=\)))\s+(\d{1,3})/?$", vote)):
        rest = glued[1] + "\n" + rest  # "by 14 votes to none 27": the footnote mark of the line
        vote = vote[:glued.start()]
    # A mark stands on the line that ends the sentence, followed by nothing or by its own note
    # ("none. 12 \n 12 Two members ..."); "meeting 12 Official Records ..." is a note instead.
    mark_match = re.match(r"^[ \t]*(\d{1,3})/?(?=[ \t]*(?:\n|$)|[ \t]+(\d{1,3})\b)", rest)
    if mark_match and (mark_match[2] is None or mark_match[2] == mark_match[1]):
        mark = int(mark_match[1])
        removed("footnote marker", mark_match[0])
        rest = rest[mark_match.end():]
    return Adoption(_meeting(m["meeting"]), vote, mark, rest.split("\n"))


def _meeting(printed: str) -> int:
    """The meeting number, OCR slips of its digits repaired (and recorded): "298Ist" is 2981."""
    digits = printed.replace(" ", "")
    return int(repaired("meeting number: letters read for digits", digits, digits.translate(_DIGIT_SLIPS)))


# ---------------------------------------------------------------------------- the whole text


def _split_end(lines: list[str], start: int) -> tuple[int, int | None]:
    """Index of the adoption line (or of the first footnote when there is none)."""
    for i in range(start, len(lines)):
        if _ADOPTED.match(lines[i]):
            return i, i
    for i in range(start, len(lines)):
        if _SLASH_NOTE.match(lines[i]):
            previous = next((lines[j] for j in range(i - 1, start - 1, -1) if lines[j].strip()), "")
            if previous.rstrip().endswith("."):
                return i, None
    return len(lines), None


@dataclass
class _Body:
    """The body of the text cut in its pieces: paragraph lines, annex lines, adoption and notes."""

    lines: list[str]
    annex: list[str]
    adoption: Adoption
    notes: dict[int, str]
    adoption_line: bool = True
    remark: str | None = None  # unnumbered text under the adoption line: "One member ... did not participate"


def _cut_body(body: str, words: Counter[str]) -> _Body:
    """Paragraph lines (after the organ line, before any annex), the annex, adoption and notes."""
    lines = drop_page_furniture(body.split("\n"))
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines) and _ORGAN.match(lines[start]):
        removed("organ line", lines[start])
        start += 1
    end, adopted_at = _split_end(lines, start)
    annex = find_annex(lines[start:])
    if annex is not None and adopted_at is None:
        end = len(lines)  # no adoption line (2000s layout): the annex runs to the end, no notes
    annex = start + annex if annex is not None and start + annex < end else end
    if adopted_at is not None:
        adoption = parse_adoption(lines[end:], words)
    else:
        adoption = Adoption(None, None, None, lines[end:])
    removed("annex", "\n".join(lines[annex:end]))
    remark, notes = text_before_notes(adoption.rest)
    if re.match(r"^Decisions?\b", remark):  # the collection's record of other decisions follows
        removed("the collection's record of decisions after the resolution", remark)
        remark = ""
    parsed = parse_notes(notes)
    return _Body(lines[start:annex], lines[annex:end], _vote_mark(adoption, parsed), parsed,
                 adopted_at is not None, remark or None)


# A number closing the vote ("by 13 votes to none, 10"): its footnote marker, once the note exists.
_VOTE_MARK = re.compile(r"(?<![\d/])(?P<word>\S+?),?\s+(?P<n>\d{1,3})/?$")


def _vote_mark(adoption: Adoption, notes: dict[int, str]) -> Adoption:
    """The adoption line's footnote marker left at the end of the vote (S/RES/396: "... to none,
    10" over note 10 "Two members ... did not participate"), taken off when that note exists and
    the number counts nothing ("to 1", "by 9" stay)."""
    m = _VOTE_MARK.search(adoption.vote or "")
    if adoption.mark is not None or not m or int(m["n"]) not in notes:
        return adoption
    if m["word"].lower() in ("to", "by", "with", "and") or m["word"][-1:].isdigit():
        return adoption
    vote = adoption.vote or ""
    removed("footnote marker after the vote", vote[m.end("word"):])
    return replace(adoption, vote=vote[:m.end("word")], mark=int(m["n"]))


def parse_sc(text: str, file: str = "<text>", source: str | None = None) -> Resolution:
    """One Security Council resolution from its official plain text."""
    text = text.replace("\r\n", "\n").replace("\f", "\n").replace("\u00a0", " ").lstrip()
    before, text = text[:_heading_start(text)], text[_heading_start(text):]
    head = _heading(text, file, source)
    removed("text before the heading", before)
    removed("heading", text[:head.end])
    words = vocabulary(text)
    body = _cut_body(text[head.end:], words)
    blocks = split_blocks(body.lines, set(body.notes))
    if not any(b.kind != "section" for b in blocks):
        raise DraftingError(f"{file}: expected paragraphs after 'The Security Council,', found none")
    parts = build_parts(blocks, set(body.notes), words)
    mended = mend_closing_marks(parts.preamble, parts.operative, parts.sections)
    restart = parts.place_sections()
    mark = body.adoption.mark
    source = _source(source or file, body.notes, parts.preamble + parts.operative, mark)
    source += _records(before, body.annex, parts, mended)
    resolution = Resolution(
        symbol=f"S/RES/{head.number} ({head.year})",
        body=Body.SC,
        year=head.year,
        adopted=head.adopted,
        meeting=body.adoption.meeting or head.meeting,
        draft=head.draft,
        vote=body.adoption.vote,
        adoption_note=body.notes.get(mark) if mark is not None else body.remark,
        source=source,
        section_numbering=RESTART if restart else None,
        preamble=tuple(p.build(body.notes) for p in parts.preamble),
        operative=tuple(p.build(body.notes) for p in parts.operative),
    )
    check_metadata(resolution, body.adoption_line or head.meeting is not None)
    check_paragraphs(resolution)
    return resolution


def _records(before: str, annex: list[str], parts: Parts, mended: list[str]) -> str:
    """What the source line records of the text left out of the paragraphs, or changed."""
    out = ""
    if before.strip():
        out += f"; text before the heading left out ({len(before.split())} words)"
    if parts.sections_left:
        out += f"; sections: {parts.sections_left}"
    if annex:
        out += f"; left out of the paragraphs: {describe_annexes(annex)}"
    if mended:
        out += "; closing marks mended (OCR): " + ", ".join(mended)
    words = [f"{e.before} → {e.after}" for e in repairs() if e.rule != "lead whose capital OCR misread"
             or e.before[:1] != e.after[:1]]
    if words:
        out += "; repaired (OCR): " + ", ".join(dict.fromkeys(words))
    return out


def _source(source: str, notes: dict[int, str], paragraphs: list[Para], mark: int | None) -> str:
    """The source line, keeping the notes no paragraph holds: a note whose marker the OCR lost
    has no paragraph, and stays with the source rather than being dropped. (The note on the
    adoption line is the resolution's ``adoption_note``.)"""
    used = {n for p in paragraphs for n in all_marks(p)}
    unused = [n for n in notes if n not in used and n != mark]
    if unused:
        source += "; notes without a marker: " + " ".join(f"[{n}] {notes[n]}" for n in unused)
    return source
