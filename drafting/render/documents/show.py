"""Plain-text layout of a resolution, as it is printed (used by ``drafting show``)."""
from __future__ import annotations

import textwrap

from drafting.model import (Address, Body, Paragraph, Part, Resolution, format_date, label, ordinal_digits,
                            ordinal_word, roman)

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
        lines += ["", *textwrap.wrap(resolution.title, WIDTH)]
    return lines


def _block(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=rest) or [first.rstrip()]


def _items(paragraph: Paragraph, address: Address, indent: str, addresses: bool) -> list[str]:
    lines = []
    for n, item in enumerate(paragraph.items, start=1):
        child = address.child(n)
        style = roman(n) if paragraph.numbering == "roman" else label(child.depth, n)
        mark = f"({style}) "
        tag = f"[{child}] " if addresses else ""
        lines += _block(tag + item.text, indent + mark, indent + " " * len(mark))
        lines += _items(item, child, indent + "    ", addresses)
    return lines


def layout(resolution: Resolution, addresses: bool = False) -> str:
    """The resolution as text: heading, organ line, preamble, numbered operative paragraphs."""
    lines = heading(resolution)
    lines += ["", f"The {resolution.body.value},", ""]
    numbered = len(resolution.operative) > 1  # a lone operative paragraph is not numbered
    for address, paragraph in resolution.top():
        tag = f"[{address}] " if addresses else ""
        if address.part is Part.PREAMBLE:
            lines += _block(tag + paragraph.text, "    ", "")
        else:
            number = f"{address.number}. " if numbered else ""
            lines += _block(tag + paragraph.text, "    " + number, "")
        lines += _items(paragraph, address, "        ", addresses)
        if paragraph.note:
            lines += _block(paragraph.note, "      * ", "        ")
        lines.append("")
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
