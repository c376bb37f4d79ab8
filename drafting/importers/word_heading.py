"""The heading and adoption lines of a Word resolution, and what to do when they disagree with
the hidden metadata the tool's own documents carry.

What a person sees and edits in Word is the heading; the hidden metadata (custom properties) is
what the tool wrote when it rendered the file. Where both speak of the same thing and differ, the
heading wins and a warning names both values.
"""
from __future__ import annotations

import re
from typing import Any

from drafting.model import MEETING_ORDINAL_RE, PLENARY_RE, parse_date, parse_ordinal

# Fields a heading line shows whole: when the person deleted the line, the field goes too.
LINE_FIELDS = ("agenda_item", "draft", "sponsors", "title")


def parse_heading(lines: list[tuple[str, str]], organ_line: str, adoption: list[str]) -> dict[str, Any]:
    """Metadata from the heading lines ((text, style) pairs) and adoption lines of a resolution."""
    body = "Security Council" if "Security Council" in organ_line else "General Assembly"
    meta: dict[str, Any] = {"body": body}
    for line, style in lines:
        _heading_line(line, style, meta)
    for line in adoption:
        if (m := re.match(rf"^{PLENARY_RE}$", line)):
            meta["meeting"] = int(m.group(1))
        elif (m := re.match(rf"^Adopted at the {MEETING_ORDINAL_RE} meeting(?: (.+?))?\.$", line)):
            meta["meeting"] = int(m.group(1))
            if m.group(2):
                meta["vote"] = m.group(2)
        elif parse_date(line) and "adopted" not in meta:
            meta["adopted"] = parse_date(line)
    if "year" not in meta and meta.get("adopted"):
        meta["year"] = meta["adopted"].year
    return {k: v for k, v in meta.items() if v is not None}


def _heading_line(line: str, style: str, meta: dict[str, Any]) -> None:
    if re.match(r"^(A/RES/\S+|S/RES/\d+ \(\d{4}\))$", line):
        meta["symbol"] = line
    elif (m := re.match(r"^([a-z -]+) session$", line.lower())) and parse_ordinal(m.group(1)):
        meta["session"] = parse_ordinal(m.group(1))
    elif (m := re.match(r"^Agenda item (.+)$", line)):
        meta["agenda_item"] = m.group(1)
    elif (m := re.match(r"^Resolution adopted by the General Assembly on (.+)$", line)):
        meta["adopted"] = parse_date(m.group(1))
    elif (m := re.match(r"^Resolution \d+ \((\d{4})\)(?: of (.+))?$", line)):
        meta["year"] = int(m.group(1))
        if m.group(2):
            meta["adopted"] = parse_date(m.group(2))
    elif (m := re.match(r"^\[(?:draft resolution (.+)|without reference to a Main Committee \((.+)\))\]$", line)):
        meta["draft"] = m.group(1) or m.group(2)
    elif (m := re.match(r"^Sponsors: (.+)$", line)):
        meta["sponsors"] = m.group(1).split(", ")
    elif (m := re.match(r"^\d+/\d+\.\t(.+)$", line, re.S)):
        meta["title"] = m.group(1)
    elif style in ("UNTitle", "UNDraftTitle"):
        meta["title"] = line


def _shown(value: Any) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def _printed(key: str, hidden: dict[str, Any]) -> bool:
    """Whether the UN layout prints a line for ``key``: a Council resolution's heading shows no
    draft symbol, so there the hidden metadata is the only place it can be."""
    council = str(hidden.get("body", "")) in ("Security Council", "SC") and \
        str(hidden.get("symbol", "")).startswith("S/RES/")
    return not (key == "draft" and council)


def reconcile(hidden: dict[str, Any], visible: dict[str, Any], warn: list[str]) -> dict[str, Any]:
    """The hidden metadata corrected by the visible heading; each correction is a warning."""
    meta = dict(hidden)
    for key, value in visible.items():
        if key == "body" or key not in hidden and key == "year":
            continue
        if hidden.get(key) != value:
            before = f'"{_shown(hidden[key])}"' if key in hidden else "nothing"
            warn.append(f'heading: {key} is "{_shown(value)}" in the document but {before} in its hidden '
                        "metadata; took the document's")
            meta[key] = value
    if "adopted" in visible and "year" not in visible and "year" in hidden:
        meta["year"] = visible["adopted"].year
    for key in LINE_FIELDS:
        if key in hidden and key not in visible and _printed(key, hidden):
            warn.append(f'heading: the line for {key} ("{_shown(hidden[key])}") is gone from the document '
                        "but still in its hidden metadata; left it out, as the document shows")
            del meta[key]
    return meta
