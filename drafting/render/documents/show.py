"""Plain-text layout of a resolution, as it is printed (used by ``drafting show``)."""
from __future__ import annotations

import textwrap

from drafting.model import (Address, Body, Paragraph, Part, Resolution, format_date, ordinal_digits, ordinal_word,
                            printed_number)

WIDTH = 88


def heading(resolution: Resolution) -> list[str]:
    """The lines above the organ line: symbol or draft heading, session, title."""
    lines = []
    if resolution.symbol:
        lines.append(resolution.symbol)
        if resolution.body is Body.SC and resolution.adopted:
            lines.append(f"of {format_date(resolution.adopted)}")
    else:
        lines.append("Draft resolution")
    if resolution.body is Body.GA and resolution.session:
        lines.append(f"{ordinal_word(resolution.session).capitalize()} session")
    if resolution.agenda_item:
        lines.append(f"Agenda item {resolution.agenda_item}")
    if resolution.sponsors:
        lines.append("Sponsors: " + ", ".join(resolution.sponsors))
    if resolution.title:
        lines += ["", *textwrap.wrap(resolution.title, WIDTH, break_on_hyphens=False)]
    return lines


def _block(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False) or [first.rstrip()]


def _items(paragraph: Paragraph, address: Address, indent: str, addresses: bool) -> list[str]:
    lines = []
    for n, item in enumerate(paragraph.items, start=1):
        child = address.child(n)
        mark = f"({paragraph.item_label(n, address.depth)}) "
        tag = f"[{child}] " if addresses else ""
        lines += _block(tag + item.text, indent + mark, indent + " " * len(mark))
        lines += _items(item, child, indent + "    ", addresses)
    return lines


def marked(paragraph: Paragraph) -> tuple[str, list[str]]:
    """The text with "[1]", "[2]" ... where each anchored footnote's marker stands, and the
    notes to print below it ("[1] Ibid. ..."); a lone note at the end keeps no marker."""
    if not paragraph.note_at:
        return paragraph.text, [paragraph.note] if paragraph.note else []
    text = paragraph.text
    places = paragraph.footnote_offsets
    for k, (line, offset) in sorted(enumerate(places, start=1), key=lambda e: -e[1][1]):
        text = text[:offset] + f"[{k}]" + text[offset:]
    notes = [f"[{k}] {line}" for k, (line, _) in enumerate(places, start=1)]
    return text, notes


def _paragraph(resolution: Resolution, address: Address, paragraph: Paragraph, addresses: bool) -> list[str]:
    tag = f"[{address}] " if addresses else ""
    text, notes = marked(paragraph)
    if address.part is Part.PREAMBLE:
        lines = _block(tag + text, "    ", "")
    else:
        numbered = len(resolution.operative) > 1  # a lone operative paragraph is not numbered
        number = f"{printed_number(resolution, address)}. " if numbered else ""
        lines = _block(tag + text, "    " + number, "")
    lines += _items(paragraph, address, "        ", addresses)
    for note in notes:
        lines += _block(note, "      * ", "        ")
    return lines + [""]


def layout(resolution: Resolution, addresses: bool = False) -> str:
    """The resolution as text: heading, organ line, then each section's heading, preamble and
    numbered operative paragraphs in printed order."""
    lines = heading(resolution)
    sections = resolution.sections()
    first = sections[0]
    if first.heading is not None and first.preamble:  # "A" printed above "The Security Council,"
        lines += ["", first.heading.center(WIDTH).rstrip()]
    lines += ["", f"The {resolution.body.value},", ""]
    for n, section in enumerate(sections):
        if section.heading is not None and not (n == 0 and section.preamble):
            lines += [section.heading.center(WIDTH).rstrip(), ""]
        for address, paragraph in section.preamble + section.operative:
            lines += _paragraph(resolution, address, paragraph, addresses)
    adoption = adoption_line(resolution)
    if adoption:
        lines += [adoption]
        if resolution.adoption_note:
            lines += _block(resolution.adoption_note, "      * ", "        ")
        lines += [""]
    return "\n".join(lines)


def adoption_line(resolution: Resolution) -> str:
    """'69th plenary meeting, 18 December 2013' (GA) or 'Adopted at the 2075th meeting ...' (SC)."""
    if resolution.meeting is None:
        return ""
    date = format_date(resolution.adopted) if resolution.adopted else ""
    if resolution.body is Body.GA:
        return f"{ordinal_digits(resolution.meeting)} plenary meeting" + (f"\n{date}" if date else "")
    meeting = f"at the {ordinal_digits(resolution.meeting)} meeting"
    vote = resolution.vote or ""
    # The Council's own order: "Adopted unanimously at the 2255th meeting." but "Adopted at the
    # 1774th meeting by 13 votes to none." (also "by consensus", "(private meeting)").
    if vote and not vote.startswith(("by ", "(", "following ")):
        head, sep, tail = vote.partition(", following ")
        return f"Adopted {head} {meeting}" + (f", following {tail}" if sep else "") + "."
    return f"Adopted {meeting}" + (f" {vote}" if vote else "") + "."
