"""The lines around the body: masthead symbol, heading lines, title and adoption lines.

Each line is written as runs into its template field. In a tracked document each line is compared
with the old text's: a changed line shows its word changes, a line only one side has is wholly
inserted or deleted, its paragraph mark too (:func:`mark_whole_lines`), so that Reject All gives
back the old heading and adoption lines and Accept All the new ones, with no empty line left.
"""
from __future__ import annotations

import re
from typing import Any

from drafting.model import Body, Resolution, format_date, ordinal_word
from drafting.render.documents import ooxml

# A General Assembly draft in an L document was adopted in plenary, without a Main Committee.
_PLENARY_DRAFT = re.compile(r"^A/\d+/L\.\d+")
LINE_STYLES = ("UNHeading", "UNHeadingBold", "UNTitle", "UNDraftTitle", "UNAdoption")
# Every paragraph style of the lines that are not the resolution's paragraphs: the masthead, the
# heading lines, the organ line that opens the body and the adoption lines after it.
FRAME_STYLES = LINE_STYLES + ("UNMasthead", "UNSymbol", "UNOrganName", "UNOrgan")


def draft_line(draft: str) -> str:
    """The bracketed line under the GA heading, as the UN prints it."""
    if _PLENARY_DRAFT.match(draft):
        return f"[without reference to a Main Committee ({draft})]"
    return f"[draft resolution {draft}]"


def heading_fields(res: Resolution) -> dict[str, str | None]:
    """The text of every heading line of the templates (None: the line is left out)."""
    symbol = res.symbol or ""
    numbered = symbol.startswith("A/RES/") and res.body is Body.GA and bool(res.title)
    session = res.session and res.body is Body.GA
    fields: dict[str, str | None] = {
        "symbol_block": symbol or res.draft or "Draft",
        "session_line": f"{ordinal_word(res.session).capitalize()} session" if session and res.session else None,
        "agenda_line": f"Agenda item {res.agenda_item}" if res.agenda_item else None,
        "adopted_heading": None, "draft_line": None, "resolution_heading": None,
        "draft_heading": None if symbol else "Draft resolution",
        "sponsors_line": "Sponsors: " + ", ".join(res.sponsors) if res.sponsors else None,
        "title_line": f"{symbol[len('A/RES/'):]}.\t{res.title}" if numbered else None,
        "draft_title_line": None if numbered else res.title,
    }
    if res.body is Body.GA and symbol:
        if res.adopted:
            fields["adopted_heading"] = f"Resolution adopted by the General Assembly on {format_date(res.adopted)}"
        if res.draft:
            fields["draft_line"] = draft_line(res.draft)
    if res.body is Body.SC and symbol.startswith("S/RES/"):
        of = f" of {format_date(res.adopted)}" if res.adopted else ""
        fields["resolution_heading"] = f"Resolution {symbol[len('S/RES/'):]}{of}"
    return fields


def adoption_lines(res: Resolution | None) -> list[str]:
    from drafting.render.documents.show import adoption_line

    line = adoption_line(res) if res is not None else ""
    return line.split("\n") if line else []


def compared(before: str | None, after: str | None, revs: ooxml.Revisions) -> str | None:
    """Runs of one line: unchanged, changed word by word, or wholly inserted/deleted."""
    if after is None and before is None:
        return None
    if before == after:
        return ooxml.run(after or "", revs)
    if before is None:
        return ooxml.run(after or "", revs, op="insert")
    if after is None:
        return ooxml.run(before, revs, op="delete")
    from drafting.comparison.diff import word_diff

    return "".join(ooxml.run(h.text, revs, op=h.op.value) for h in word_diff(before, after))


def heading_runs(res: Resolution, old: Resolution | None, revs: ooxml.Revisions) -> dict[str, Any]:
    """Run XML for every heading field and adoption line, compared with ``old`` when given."""
    new_fields = heading_fields(res)
    old_fields = heading_fields(old) if old is not None else new_fields
    out: dict[str, Any] = {key: compared(old_fields.get(key), value, revs) for key, value in new_fields.items()}
    new_lines = adoption_lines(res)
    old_lines = adoption_lines(old) if old is not None else new_lines
    count = max(len(new_lines), len(old_lines))
    pad = [None] * count
    out["adoption"] = [compared(b, a, revs) for b, a in zip((old_lines + pad)[:count], (new_lines + pad)[:count])]
    return out


def mark_whole_lines(body: Any, revs: ooxml.Revisions) -> None:
    """Give a heading or adoption line whose every run is inserted (deleted) an inserted
    (deleted) paragraph mark, as Word writes a whole-line revision.

    ``body`` is the rendered document's ``w:body`` (lxml). The last paragraph's mark is left
    alone: a document's final mark cannot be a revision.
    """
    from lxml import etree

    w = f"{{{ooxml.W_NS}}}"
    pars = list(body.iterchildren(f"{w}p"))
    for p in pars[:-1]:
        style = p.find(f"{w}pPr/{w}pStyle")
        if style is None or style.get(f"{w}val") not in LINE_STYLES:
            continue
        kinds = {child.tag for child in p if child.tag not in (f"{w}pPr", f"{w}bookmarkStart", f"{w}bookmarkEnd")}
        if kinds in ({f"{w}ins"}, {f"{w}del"}):
            tag = "ins" if kinds == {f"{w}ins"} else "del"
            ppr = p.find(f"{w}pPr")
            rpr = ppr.find(f"{w}rPr")
            if rpr is None:
                rpr = etree.SubElement(ppr, f"{w}rPr")
            rpr.append(etree.fromstring(f'<w:{tag} xmlns:w="{ooxml.W_NS}" {revs.attrs()}/>'))
