"""How a Word paragraph is numbered: its style and numbering level (``w:numPr``), and whether that
level prints roman numerals, so that items numbered (i), (ii) come back as ``numbering: roman``.

A Word file keeps the look of its auto-numbers in the numbering part: the paragraph's ``w:num``
(which may override a level with a ``w:lvlOverride``/``w:lvl`` of its own) and the abstract list
the num refers to (``w:abstractNum``/``w:lvl``). Only the format of a level is read here.
"""
from __future__ import annotations

from typing import Any, Mapping, Protocol, Sequence

from drafting.errors import DraftingError
from drafting.model import ROMAN, label, roman

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class Numbered(Protocol):  # drafting.importers.docx.WordParagraph
    style: str
    level: int | None
    num_id: str | None
    roman: bool


def read_properties(p: Any, par: Numbered, old: bool = False) -> None:
    """A Word paragraph's style and, when it names one, its numbering (num and level); with
    ``old``, those it had before a tracked change of its properties (``w:pPrChange``)."""
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        return
    before = ppr.find(f"{W}pPrChange/{W}pPr") if old else None
    # The old properties are whole (ECMA-376 Part 1, 17.13.5), but a writer recording only a change
    # of, say, alignment may leave the style out: the paragraph keeps its current style then.
    style = before.find(f"{W}pStyle") if before is not None else None
    style = style if style is not None else ppr.find(f"{W}pStyle")
    ppr = before if before is not None else ppr
    par.style = style.get(f"{W}val") if style is not None else ""
    numpr = ppr.find(f"{W}numPr")
    if numpr is not None:
        ilvl, num = numpr.find(f"{W}ilvl"), numpr.find(f"{W}numId")
        par.level = int(ilvl.get(f"{W}val")) if ilvl is not None else 0
        par.num_id = num.get(f"{W}val") if num is not None else None


def _format(lvl: Any) -> str | None:
    fmt = lvl.find(f"{W}numFmt")
    return fmt.get(f"{W}val") if fmt is not None else None


def formats(root: Any) -> dict[tuple[str, int], str]:
    """(numId, level) -> numFmt ("lowerRoman", "lowerLetter", ...) of every num in a numbering
    part: the num's own level override where it has one, else its abstract list's level."""
    if root is None:
        return {}
    abstract = {a.get(f"{W}abstractNumId"): {int(lvl.get(f"{W}ilvl", "0")): _format(lvl)
                                              for lvl in a.findall(f"{W}lvl")}
                for a in root.findall(f"{W}abstractNum")}
    out: dict[tuple[str, int], str] = {}
    for num in root.findall(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        levels = dict(abstract.get(ref.get(f"{W}val") if ref is not None else None, {}))
        for override in num.findall(f"{W}lvlOverride"):
            lvl = override.find(f"{W}lvl")
            if lvl is not None and _format(lvl):
                levels[int(override.get(f"{W}ilvl", "0"))] = _format(lvl)
        out.update({(num.get(f"{W}numId", ""), k): v for k, v in levels.items() if v})
    return out


def mark_roman(path: Any, parts: Mapping[str, bytes], body: Sequence[Numbered]) -> None:
    """Mark the paragraphs whose numbering level prints lower-case roman numerals."""
    from lxml import etree

    data = parts.get("word/numbering.xml")
    try:
        found = formats(etree.fromstring(data)) if data else {}
    except etree.XMLSyntaxError as exc:
        raise DraftingError(f"{path}: expected a Word .docx file, found broken XML in its numbering "
                            f"(word/numbering.xml: {exc.msg}); open and save it in Word") from None
    for par in body:
        key = (par.num_id or "", par.level if par.level is not None else -1)
        par.roman = found.get(key) == "lowerRoman"


def add_item(parent: dict[str, Any], node: dict[str, Any], par: Numbered, depth: int) -> None:
    """Append an item at ``depth`` to its paragraph; one printed in roman numerals where letters
    are the rule ((i) at the first level) makes the paragraph ``numbering: roman``."""
    parent.setdefault("items", []).append(node)
    if par.roman and label(depth, 1) != roman(1) and len(parent["items"]) == 1:
        parent["numbering"] = ROMAN
