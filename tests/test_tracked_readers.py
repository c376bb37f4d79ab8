"""Accept All gives the new document and Reject All the old one, whole, in two independent readers.

For every consecutive pair of the committed series and the edited 68/128 cases, the tracked
document is read by pandoc (``--track-changes=accept|reject``) and by LibreOffice (its own Accept
All / Reject All through the python3-uno bridge), and compared with the same reader's view of the
clean rendering of the new (old) text: every paragraph of the document, masthead and heading lines
included, its text, its italic spans, the paragraph count, and the footnotes.

What the readers do on their own, and is normalised here: pandoc keeps an empty list item for a
numbered paragraph whose mark is a revision, joins two paragraphs with a space, moves the spaces
at the edges of an emphasis out of it, and drops empty paragraphs. LibreOffice puts one empty
paragraph before the masthead table that opens the document whenever the document holds a
footnote reference, a clean rendering too (its import's dummy paragraph before a leading table
is not taken out again once a footnote was read); a tracked file keeps its references through
Accept and Reject All, so the paragraph stays there even when they remove every footnote. That
one paragraph is asserted present exactly where the file holds a footnote reference and dropped:
the test fails once LibreOffice or the writer changes. Every other empty paragraph counts.
"""
from __future__ import annotations

import dataclasses
import json
import re
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import PRECEDENTS, diamonds, need_program
from drafting import load
from drafting.comparison.diff import diff
from drafting.model import ROMAN, Comparison
from drafting.render.documents.docx import render_document, render_tracked
from drafting.store import series_files

pytestmark = pytest.mark.slow


# ---------------------------------------------------------------------------- pandoc

def inlines(items, out, italic, notes):
    for it in items:
        t, c = it["t"], it.get("c")
        if t == "Str": out.append((c, italic))
        elif t in ("Space", "SoftBreak"): out.append((" ", italic))
        elif t == "LineBreak": out.append(("\n", italic))
        elif t == "Emph": inlines(c, out, True, notes)
        elif t in ("Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"): inlines(c, out, italic, notes)
        elif t == "Span": inlines(c[1], out, italic, notes)
        elif t == "Quoted":
            q = "“”" if c[0]["t"] == "DoubleQuote" else "‘’"
            out.append((q[0], italic)); inlines(c[1], out, italic, notes); out.append((q[1], italic))
        elif t == "Note":
            notes.append(blocks(c, []))
            out.append((f"[{len(notes)}]", False))
        elif t == "Code": out.append((c[1], italic))
        else: raise ValueError(t)

def para(items, notes):
    out = []
    inlines(items, out, False, notes)
    text = "".join(s for s, _ in out)
    pos = 0
    spans, pos = [], 0
    for s, it in out:
        if it and s:
            # pandoc moves the spaces at the edges of an emphasis out of it: a space is no gap
            if spans and (spans[-1][1] == pos or not text[spans[-1][1]:pos].strip()): spans[-1][1] = pos + len(s)
            else: spans.append([pos, pos + len(s)])
        pos += len(s)
    return [text, [text[a:b] for a, b in spans]]

def blocks(bs, notes):
    out = []
    for b in bs:
        t, c = b["t"], b.get("c")
        if t in ("Para", "Plain"): out.append(para(c, notes))
        elif t == "OrderedList":
            for item in c[1]:
                inner = blocks(item, notes)
                out.extend(inner if inner else [["<empty list item>", []]])
        elif t == "BulletList":
            for item in c:
                out.extend(blocks(item, notes) or [["<empty list item>", []]])
        elif t == "BlockQuote" or t == "Div": out.extend(blocks(c if t == "BlockQuote" else c[1], notes))
        elif t == "Table":
            def rows(rs):
                for r in rs:
                    for cell in r[1]: out.extend(blocks(cell[4], notes))
            rows(c[3][1]);
            for body in c[4]: rows(body[2]); rows(body[3])
            rows(c[5][1])
        elif t == "Header": out.append(para(c[2], notes))
        elif t == "HorizontalRule": pass
        else: raise ValueError(t)
    return out

def view(path, mode):
    data = json.loads(subprocess.run(["pandoc", "-f", "docx", f"--track-changes={mode}", "-t", "json", path],
                                     capture_output=True, text=True, check=True).stdout)
    notes = []
    pars = blocks(data["blocks"], notes)
    # pandoc joins paragraphs with a space and keeps an empty list item for a numbered paragraph
    # whose mark is a revision: both are the reader's, not the document's
    # and pandoc's join also puts a space before the punctuation that follows the join
    pars = [[re.sub(r"\s+([,;.:])", r"\1", t.strip()), [s.strip() for s in sp]] for t, sp in pars if t != "<empty list item>"]
    return {"paragraphs": pars, "notes": notes}



# ---------------------------------------------------------------------------- LibreOffice

LO_SCRIPT = r'''
"""After conftest's UNO_PROLOGUE: args are jobs MODE:PATH (accept, reject or plain); views of each."""
from com.sun.star.awt.FontSlant import NONE as UPRIGHT

def para_view(par):
    text, spans, pos = "", [], 0
    portions = par.createEnumeration()
    while portions.hasMoreElements():
        portion = portions.nextElement()
        s = portion.getString()
        if not s:
            continue
        italic = portion.getPropertyValue("CharPosture") != UPRIGHT
        style_italic = False
        if italic and s:
            if spans and spans[-1][1] == pos: spans[-1][1] = pos + len(s)
            else: spans.append([pos, pos + len(s)])
        text += s; pos += len(s)
    return [par.getPropertyValue("ListLabelString"), text, [text[a:b] for a, b in spans]]

def view(doc):
    out, enum = [], doc.getText().createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.Paragraph"):
            out.append(para_view(el))
        elif el.supportsService("com.sun.star.text.TextTable"):
            for name in el.getCellNames():
                cells = el.getCellByName(name).getText().createEnumeration()
                while cells.hasMoreElements():
                    out.append(para_view(cells.nextElement()))
    notes = doc.getFootnotes()
    return {"paragraphs": out, "notes": [notes.getByIndex(i).getString() for i in range(notes.getCount())]}

def work(desktop, dispatcher, jobs):
    result = {}
    for job in jobs:
        mode, path = job.split(":", 1)
        doc = load(desktop, path)
        if mode != "plain":
            all_changes(dispatcher, doc, mode)
        entry = view(doc)
        entry["left"] = doc.getRedlines().getCount()
        result[job] = entry
        doc.close(True)
    return result
'''


def libreoffice_views(jobs: list[str], tmp: Path) -> dict:
    from conftest import run_uno

    return run_uno(LO_SCRIPT, jobs, tmp, "lo_view", timeout=3000)


def libreoffice_failures(stems: list[str], tmp: Path) -> list[str]:
    """LibreOffice's Accept All (Reject All) on each ``<stem>.docx`` against its clean
    ``<stem>.new.docx`` (``.old.docx``): "<name> <mode>" of each that differs or leaves changes."""
    jobs = [f"{mode}:{stem}{suffix}" for stem in stems for mode, suffix in
            (("accept", ".docx"), ("reject", ".docx"), ("plain", ".new.docx"), ("plain", ".old.docx"))]
    views = libreoffice_views(jobs, tmp)
    failures = []
    for stem in stems:
        for mode, side in (("accept", "new"), ("reject", "old")):
            path, clean = f"{stem}.docx", f"{stem}.{side}.docx"
            got, want = views[f"{mode}:{path}"], views[f"plain:{clean}"]
            if got["left"] != 0 or lo_comparable(got, path) != lo_comparable(want, clean):
                failures.append(f"{Path(stem).name} {mode}")
    return failures


# ---------------------------------------------------------------------------- the cases


def cases() -> dict[str, Comparison]:
    from test_tracked import EDITS, NOTE_CASES

    old = diamonds()
    out = {f"68-128-{case}": diff(old, EDITS[case][0](old)) for case in sorted(EDITS)}
    out.update({f"68-128-{case}": diff(a(old), b(old)) for case, (a, b) in sorted(NOTE_CASES.items())})
    for name in ("undof", "unifil"):
        files = series_files(PRECEDENTS / name)
        assert len(files) > 30
        for a, b in zip(files, files[1:]):
            out[f"{name}-{a.stem}-{b.stem}"] = diff(load(a), load(b))
    # items printed (a), (b), (c) in one text and (i), (ii), (iii) in the other
    lettered = load(PRECEDENTS / "undof" / "0381.yaml")
    roman = dataclasses.replace(lettered, operative=(
        dataclasses.replace(lettered.operative[0], numbering=ROMAN), *lettered.operative[1:]))
    out["undof-0381-items-to-roman"], out["undof-0381-roman-to-items"] = diff(lettered, roman), diff(roman, lettered)
    return out


def lo_comparable(view: dict, path: str) -> dict:
    """LibreOffice's view without the empty paragraph it adds before the masthead table of a file
    holding a footnote reference (module docstring), which must be there exactly then."""
    with zipfile.ZipFile(path) as archive:
        added = int(b"<w:footnoteReference " in archive.read("word/document.xml"))
    pars = view["paragraphs"]
    assert [p[1] for p in pars[:added]] == [""] * added and pars[added][1] != "", path
    return {"paragraphs": pars[added:], "notes": view["notes"]}


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[Path, dict[str, Comparison]]:
    out = tmp_path_factory.mktemp("tracked-readers")
    found = cases()
    for case, comparison in found.items():
        render_tracked(comparison, out / f"{case}.docx")
        render_document(comparison.old, out / f"{case}.old.docx")
        render_document(comparison.new, out / f"{case}.new.docx")
    return out, found


def test_pandoc_accept_and_reject_give_the_whole_new_and_old_documents(rendered):
    need_program("pandoc", "pandoc")
    out, found = rendered
    failures = []
    for case in found:
        for mode, side in (("accept", "new"), ("reject", "old")):
            got = view(str(out / f"{case}.docx"), mode)
            want = view(str(out / f"{case}.{side}.docx"), "accept")
            if got != want:
                failures.append(f"{case} {mode}")
    assert len(found) == 89 and failures == []


def test_libreoffice_accept_and_reject_give_the_whole_new_and_old_documents(rendered):
    out, found = rendered
    failures = libreoffice_failures([f"{out}/{case}" for case in found], out)
    assert len(found) == 89 and failures == []


def test_every_file_written_passes_the_office_open_xml_validator(rendered):
    """openxml-audit (the Open XML SDK's schema and semantic checks) on all 267 files: 0 errors."""
    from openxml_audit import OpenXmlValidator

    out, found = rendered
    files = sorted(out.glob("*.docx"))
    assert len(files) == 3 * len(found)
    # A validator per file: one reused across files reports footnote ids of an earlier file.
    errors = {f.name: [e.description for e in OpenXmlValidator().validate(str(f)).errors] for f in files}
    assert {name: found for name, found in errors.items() if found} == {}
