"""Tracked changes: Accept All gives the new text, Reject All the old, by construction and in LibreOffice."""
from __future__ import annotations

import dataclasses
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import PRECEDENTS, diamonds, need_program
from drafting import load
from drafting.comparison.diff import diff
from drafting.model import (Address, ChangeKind, Comparison, Flag, FlagKind, Paragraph, Part, Resolution,
                            label)
from drafting.render.documents.docx import render_tracked
from drafting.store import series_files

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
def series(name: str) -> list[Path]:
    files = series_files(PRECEDENTS / name)
    assert len(files) >= 2, f"the {name} series needs two texts to compare"
    return files


# ---------------------------------------------------------------------------- edits of 68/128


def _replace_op(res: Resolution, operative) -> Resolution:
    return dataclasses.replace(res, operative=tuple(operative))


def moved(res: Resolution) -> Resolution:
    ops = list(res.operative)
    ops.insert(9, ops.pop(4))  # OP5 now after the old OP10
    return _replace_op(res, ops)


def split(res: Resolution) -> Resolution:
    ops = list(res.operative)
    i, text = max(enumerate(p.text for p in ops if not p.items), key=lambda x: len(x[1]))
    i = next(k for k, p in enumerate(ops) if p.text == text)
    cut = text.index(", ", len(text) // 2)
    ops[i:i + 1] = [Paragraph(text[:cut] + ";"), Paragraph("Also " + text[cut + 2:])]
    return _replace_op(res, ops)


def merged(res: Resolution) -> Resolution:
    ops = list(res.operative)
    first, second = ops[0].text, ops[1].text
    ops[0:2] = [Paragraph(first[:-1] + ", and " + second[0].lower() + second[1:])]
    return _replace_op(res, ops)


def added(res: Resolution) -> Resolution:
    ops = list(res.operative)
    ops.insert(3, Paragraph("Requests the Secretary-General to submit to the General Assembly at its "
                            "seventieth session a report on the implementation of the present resolution;"))
    return _replace_op(res, ops)


def deleted(res: Resolution) -> Resolution:
    ops = list(res.operative)
    del ops[9]
    return _replace_op(res, ops)


def preamble_to_operative(res: Resolution) -> Resolution:
    """The last 'Welcoming ...' preambular paragraph becomes the first operative 'Welcomes ...'."""
    pre = list(res.preamble)
    k = max(i for i, p in enumerate(pre) if p.text.startswith("Welcoming"))
    p = pre.pop(k)
    op = Paragraph("Welcomes" + p.text[len("Welcoming"):-1] + ";")
    return dataclasses.replace(res, preamble=tuple(pre), operative=(op,) + res.operative)


def sessions(res: Resolution) -> Resolution:
    def bump(p: Paragraph) -> Paragraph:
        text = p.text.replace("sixty-ninth", "seventieth").replace("sixty-eighth", "sixty-ninth")
        return dataclasses.replace(p, text=text, items=tuple(bump(i) for i in p.items))
    return dataclasses.replace(res, preamble=tuple(map(bump, res.preamble)),
                               operative=tuple(map(bump, res.operative)))


def everything(res: Resolution) -> Resolution:
    return sessions(deleted(added(moved(res))))


EDITS = {"moved": (moved, ChangeKind.MOVED), "split": (split, ChangeKind.SPLIT),
         "merged": (merged, ChangeKind.MERGED), "added": (added, ChangeKind.ADDED),
         "deleted": (deleted, ChangeKind.DELETED), "pp-to-op": (preamble_to_operative, ChangeKind.MOVED),
         "sessions": (sessions, ChangeKind.AMENDED), "everything": (everything, ChangeKind.MOVED)}


def noted(res: Resolution, index: int, notes: list[tuple[str, str]], text: str | None = None) -> Resolution:
    """Operative paragraph ``index`` with ``notes``, each (note, the words its marker follows)."""
    ops = list(res.operative)
    para = ops[index] if text is None else ops[index].with_text(text)
    ops[index] = dataclasses.replace(para, note="\n".join(n for n, _ in notes), note_at=tuple(a for _, a in notes))
    return _replace_op(res, ops)


# Footnotes at their anchors (old, new): a note added inside a paragraph, next to unchanged and
# amended words; a note whose anchor moved (deleted at the old place, inserted at the new) while
# the words around it changed, the note at the end unchanged.
NOTE_CASES = {
    "note-added": (lambda r: r, lambda r: noted(r, 0, [("See A/68/571.", "Kimberley Process Certification Scheme")],
                                             text=r.operative[0].text.replace("strong", "full"))),
    "note-moved": (lambda r: noted(r, 0, [("Moved note.", "continuing support"), ("End note.", "as a whole;")]),
                   lambda r: noted(r, 0, [("Moved note.", "Certification Scheme"), ("End note.", "as a whole;")],
                                   text=r.operative[0].text.replace("continuing", "unwavering"))),
    # a wholly deleted paragraph with its footnote inside or at its end, an inserted one after it
    "noted-deleted-before-new": (lambda r: noted(r, 9, [("Note A.", "South Africa")]), lambda r: _seized(r, 9)),
    "end-noted-deleted-before-new": (lambda r: noted(r, 9, [("Note B.", "")]), lambda r: _seized(r, 9)),
    "noted-deleted-before-deleted": (lambda r: noted(r, 9, [("Note A.", "South Africa")]),
                                     lambda r: _replace_op(r, r.operative[:9] + r.operative[11:])),
}


def _seized(res: Resolution, index: int) -> Resolution:
    """Operative paragraph ``index`` replaced by a new paragraph (shown deleted, then inserted)."""
    return _replace_op(res, res.operative[:index] + (Paragraph("Decides to remain seized of the matter;"),)
                       + res.operative[index + 1:])


# ---------------------------------------------------------------------------- reading the revisions


def views(path: Path) -> tuple[list[str], list[str]]:
    """(new, old) body texts: w:t outside w:del with deleted marks joined; w:delText and w:t
    outside w:ins with inserted marks joined. The body runs after the organ line to the adoption."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    pars = list(root.find(f"{W}body").iterchildren(f"{W}p"))
    start = next(i for i, p in enumerate(pars) if "".join(p.itertext()) in ("The General Assembly,", "The Security Council,"))
    out = {}
    for view, drop, mark_gone in (("new", f"{W}del", f"{W}del"), ("old", f"{W}ins", f"{W}ins")):
        texts, joined = [], False
        for p in pars[start:]:  # the organ line's own mark may carry a revision too
            style = p.find(f"{W}pPr/{W}pStyle")
            if style is not None and style.get(f"{W}val") == "UNAdoption":
                break
            text = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")
                           if not any(a.tag == drop for a in t.iterancestors()))
            if joined:
                texts[-1] += text
            else:
                texts.append(text)
            joined = p.find(f"{W}pPr/{W}rPr/{mark_gone}") is not None
        while texts and texts[-1] == "":
            texts.pop()
        assert texts[0] in ("The General Assembly,", "The Security Council,")
        out[view] = texts[1:]
    return out["new"], out["old"]


def texts(res: Resolution) -> list[str]:
    return [p.text for _, p in res.walk()]


def check_views(comparison: Comparison, path: Path) -> None:
    new, old = views(path)
    assert new == texts(comparison.new)
    assert old == texts(comparison.old)


@pytest.mark.parametrize("case", sorted(EDITS))
def test_edited_68_128_accept_and_reject_by_construction(case, tmp_path):
    old = diamonds()
    edit, kind = EDITS[case]
    comparison = diff(old, edit(old))
    assert kind in {c.kind for c in comparison.changes}, f"the diff did not report {kind.value}"
    out = tmp_path / f"{case}.docx"
    render_tracked(comparison, out)
    check_views(comparison, out)


def marked(path: Path, opening: str) -> str:
    """The paragraph opening with ``opening`` as [-deleted-]{+inserted+} text, its footnote
    references as ^N (^-N- deleted, ^+N+ inserted) and N's footnote text after it."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
        notes = etree.fromstring(archive.read("word/footnotes.xml"))
    note_text = {n.get(f"{W}id"): "".join(n.itertext()).strip() for n in notes.iter(f"{W}footnote")}
    par = next(p for p in root.iter(f"{W}p") if "".join(p.itertext()).startswith(opening))
    out = []
    for el in par.iter(f"{W}t", f"{W}delText", f"{W}footnoteReference"):
        ops = {a.tag for a in el.iterancestors()}
        left, right = ("[-", "-]") if f"{W}del" in ops else ("{+", "+}") if f"{W}ins" in ops else ("", "")
        if el.tag == f"{W}footnoteReference":
            out.append(f"^{left[-1:]}{note_text[el.get(f'{W}id')]}{right[:1]}")
        else:
            out.append(f"{left}{el.text or ''}{right}")
    return "".join(out)


def test_footnotes_stand_at_their_anchors_inside_the_word_diff(tmp_path):
    for name, want in (
            ("note-added", "Reaffirms its [-strong-]{+full+} and continuing support for the Kimberley Process "
                           "Certification Scheme^+See A/68/571.+ and the Kimberley Process as a whole;"),
            ("note-moved", "Reaffirms its strong and [-continuing-]{+unwavering+} support^-Moved note.- for the "
                           "Kimberley Process Certification Scheme^+Moved note.+ and the Kimberley Process as a "
                           "whole;^End note.")):
        old, new = (edit(diamonds()) for edit in NOTE_CASES[name])
        render_tracked(diff(old, new), tmp_path / f"{name}.docx")
        assert marked(tmp_path / f"{name}.docx", "Reaffirms") == want, name


@pytest.mark.parametrize("name", ["undof", "unifil"])
@pytest.mark.slow  # the whole library
def test_real_series_pairs_accept_and_reject_by_construction(name, tmp_path):
    files = series(name)
    for a, b in zip(files, files[1:]):
        comparison = diff(load(a), load(b))
        out = tmp_path / f"{a.stem}-{b.stem}.docx"
        render_tracked(comparison, out)
        check_views(comparison, out)


def test_heading_lines_are_tracked_too(tmp_path):
    old = diamonds()
    new = dataclasses.replace(sessions(old), session=69, agenda_item="31", title=old.title.replace(
        "in fuelling conflict", "in fuelling armed conflict"))
    out = tmp_path / "h.docx"
    render_tracked(diff(old, new), out)
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    heading = []
    for p in root.iter(f"{W}p"):
        accepted = "".join(t.text or "" for t in p.iter(f"{W}t"))
        rejected = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")
                           if not any(a.tag == f"{W}ins" for a in t.iterancestors()))
        if accepted == "The General Assembly,":
            break
        if accepted != rejected:
            heading.append((rejected[:62], accepted[:68]))
    assert heading == [
        ("Sixty-eighth session", "Sixty-ninth session"), ("Agenda item 32", "Agenda item 31"),
        ("68/128.The role of diamonds in fuelling conflict: breaking the",
         "68/128.The role of diamonds in fuelling armed conflict: breaking the")]


def test_revisions_are_well_formed(tmp_path):
    old = diamonds()
    comparison = diff(old, everything(old))
    out = tmp_path / "t.docx"
    render_tracked(comparison, out, author="Mission of Ghana", date="2014-10-01T09:00:00Z")
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    marks = [e for e in root.iter(f"{W}ins", f"{W}del", f"{W}pPrChange")]
    assert marks
    ids = [e.get(f"{W}id") for e in marks]
    assert len(ids) == len(set(ids))
    assert {e.get(f"{W}author") for e in marks} == {"Mission of Ghana"}
    assert {e.get(f"{W}date") for e in marks} == {"2014-10-01T09:00:00Z"}
    assert not list(root.iter(f"{W}delText")) or all(
        any(a.tag == f"{W}del" for a in t.iterancestors()) for t in root.iter(f"{W}delText"))


def test_whole_paragraph_revisions_include_the_paragraph_mark(tmp_path):
    old = diamonds()
    render_tracked(diff(old, deleted(old)), tmp_path / "d.docx")
    render_tracked(diff(old, added(old)), tmp_path / "a.docx")
    gone, new = old.operative[9].text, added(old).operative[3].text
    for name, text, tag, mark in (("d.docx", gone, "delText", "del"), ("a.docx", new, "t", "ins")):
        with zipfile.ZipFile(tmp_path / name) as archive:
            root = etree.fromstring(archive.read("word/document.xml"))
        p = next(p for p in root.iter(f"{W}p") if "".join(t.text or "" for t in p.iter(f"{W}{tag}")) == text)
        assert p.find(f"{W}pPr/{W}rPr/{W}{mark}") is not None, name
        runs = [r for r in p.iter(f"{W}r")]
        assert runs and all(r.getparent().tag == f"{W}{mark}" for r in runs), name


def test_a_last_paragraph_deleted_or_inserted_keeps_its_own_mark_before_the_adoption_line(tmp_path):
    """Nothing empty between the body and the adoption line: Accept (Reject) All removes the
    deleted (inserted) last paragraph with its mark, and no closing paragraph is left over."""
    old = diamonds()
    last = old.operative[-1].text
    new = _replace_op(old, old.operative[:-1])
    for name, a, b, mark in (("d", old, new, "del"), ("i", new, old, "ins")):
        render_tracked(diff(a, b), tmp_path / f"{name}.docx")
        with zipfile.ZipFile(tmp_path / f"{name}.docx") as archive:
            pars = list(etree.fromstring(archive.read("word/document.xml")).iter(f"{W}p"))
        adoption = next(i for i, p in enumerate(pars) if p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") == "UNAdoption")
        before = pars[adoption - 1]
        assert ("".join(before.itertext()), before.find(f"{W}pPr/{W}rPr/{W}{mark}") is not None) == (last, True)


def test_a_deleted_paragraph_keeps_its_footnote_deleted_with_its_words(tmp_path):
    """Reject All gives the footnote back, also where the next paragraph is a whole revision too;
    a revised mark right after a footnote reference follows an empty run revised like it (the
    form LibreOffice imports without losing the mark, see BodyWriter._close_notes)."""
    old = noted(diamonds(), 9, [("Note A.", "South Africa")])
    gone = old.operative[9].text
    alone = _replace_op(old, old.operative[:9] + old.operative[10:])
    before_new = _replace_op(old, old.operative[:9] + (Paragraph("Decides to remain seized of the matter;"),)
                             + old.operative[10:])
    at_end = noted(diamonds(), 9, [("Note B.", "")])
    for name, a, b in (("alone", old, alone), ("before-new", old, before_new), ("at-end", at_end, before_new)):
        render_tracked(diff(a, b), tmp_path / f"{name}.docx")
    at, lead = gone.index("South Africa") + len("South Africa"), "Expresses appreciation"
    for name in ("alone", "before-new"):
        assert marked(tmp_path / f"{name}.docx", gone[:20]) == \
            f"[-{gone[:len(lead)]}-][-{gone[len(lead):at]}-]^-Note A.-[-{gone[at:]}-]", name
    assert marked(tmp_path / "at-end.docx", gone[:20]) == \
        f"[-{gone[:len(lead)]}-][-{gone[len(lead):]}-]^-Note B.-[--]"
    # before a revised mark, a paragraph with a reference inside its words hands its deleted mark
    # to the paragraph before it (LibreOffice loses it otherwise)
    with zipfile.ZipFile(tmp_path / "before-new.docx") as archive:
        pars = list(etree.fromstring(archive.read("word/document.xml")).iter(f"{W}p"))
    at = next(i for i, p in enumerate(pars) if "".join(p.itertext()).startswith(gone[:20]))
    assert [(p.find(f"{W}pPr/{W}rPr/{W}del") is not None, p.find(f"{W}pPr/{W}rPr/{W}ins") is not None)
            for p in pars[at - 1:at + 2]] == [(True, False), (False, False), (False, True)]


def test_an_adoption_note_one_version_has_is_tracked(tmp_path):
    old = diamonds()
    new = dataclasses.replace(old, adoption_note="One member did not participate in the voting.")
    for name, a, b, want in (("added", old, new, "^+One member did not participate in the voting.+"),
                             ("dropped", new, old, "^-One member did not participate in the voting.-")):
        render_tracked(diff(a, b), tmp_path / f"{name}.docx")
        assert marked(tmp_path / f"{name}.docx", "18 December 2013") == "18 December 2013" + want, name


def test_deleted_and_inserted_paragraphs_that_meet_stay_two_paragraphs(tmp_path):
    """UNIFIL 444 -> 450: old PP7 "Stressing ..." is deleted and new PP4 "Acting in response ..."
    inserted right after it; each is its own Word paragraph, its mark revised like its runs (the
    form Word's Compare writes), not one paragraph running the old text into the new."""
    old, new = load(PRECEDENTS / "unifil" / "0444.yaml"), load(PRECEDENTS / "unifil" / "0450.yaml")
    out = tmp_path / "t.docx"
    render_tracked(diff(old, new), out)
    with zipfile.ZipFile(out) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    pars = list(root.iter(f"{W}p"))
    gone = next(i for i, p in enumerate(pars) if "".join(t.text or "" for t in p.iter(f"{W}delText")).startswith("Stressing"))
    for p, tag, text in ((pars[gone], "del", old.preamble[6].text), (pars[gone + 1], "ins", new.preamble[3].text)):
        shown = "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText"))
        assert shown == text
        assert all(r.getparent().tag == f"{W}{tag}" for r in p.iter(f"{W}r")
                   if r.find(f"{W}footnoteReference") is None)
        assert p.find(f"{W}pPr/{W}rPr/{W}{tag}") is not None


def styled_views(path: Path) -> dict[str, list[tuple[str, str]]]:
    """(style, text) of each body paragraph after Accept All ("new") and Reject All ("old") as
    Word joins them: a paragraph whose mark goes joins the next one and takes that mark's style."""
    with zipfile.ZipFile(path) as archive:
        root = etree.fromstring(archive.read("word/document.xml"))
    pars = list(root.find(f"{W}body").iterchildren(f"{W}p"))
    start = next(i for i, p in enumerate(pars) if "".join(p.itertext()) in ("The General Assembly,", "The Security Council,"))
    out = {}
    for view, drop in (("new", f"{W}del"), ("old", f"{W}ins")):
        rows, text = [], ""
        for p in pars[start:]:
            style = p.find(f"{W}pPr/{W}pStyle").get(f"{W}val")
            if style == "UNAdoption":
                break
            text += "".join(t.text or "" for t in p.iter(f"{W}t", f"{W}delText")
                            if not any(a.tag == drop for a in t.iterancestors()))
            if p.find(f"{W}pPr/{W}rPr/{drop}") is None:
                rows.append((style, text))
                text = ""
        out[view] = rows[1:]  # after the organ line
    return out


@pytest.mark.parametrize("case", sorted(EDITS))
def test_edited_68_128_keep_their_styles_on_accept_and_reject_in_word(case, tmp_path):
    """Each paragraph keeps the style (and so the numbering) of its part and level in Word."""
    old = diamonds()
    comparison = diff(old, EDITS[case][0](old))
    out = tmp_path / f"{case}.docx"
    render_tracked(comparison, out)
    styles = {"PP": ["UNPreamble", "UNPreambleItem1"], "OP": ["UNOperative", "UNItem1", "UNItem2"]}
    views = styled_views(out)
    for view, res in (("new", comparison.new), ("old", comparison.old)):
        assert views[view] == [(styles[a.part.value][a.depth], p.text) for a, p in res.walk()], view


def test_no_date_means_no_timestamp_and_same_bytes(tmp_path):
    old = diamonds()
    comparison = diff(old, everything(old))
    render_tracked(comparison, tmp_path / "a.docx")
    render_tracked(comparison, tmp_path / "b.docx")
    data = (tmp_path / "a.docx").read_bytes()
    assert data == (tmp_path / "b.docx").read_bytes()
    with zipfile.ZipFile(tmp_path / "a.docx") as archive:
        assert b"w:date" not in archive.read("word/document.xml")


def test_substantive_only_applies_routine_changes_silently(tmp_path):
    old = diamonds()
    comparison = diff(old, deleted(sessions(old)))
    out = tmp_path / "s.docx"
    render_tracked(comparison, out, substantive_only=True)
    new, rejected = views(out)
    assert new == texts(comparison.new)
    # Reject All undoes only the substantive change (the deletion): sessions stay bumped.
    assert rejected == texts(sessions(old))


def test_comments_on_their_paragraphs(tmp_path):
    old = diamonds()
    new = sessions(old)
    flags = [Flag(Address(Part.OPERATIVE, 3), FlagKind.STALE, "Speaks of the 2013 admission; update or delete."),
             Flag(None, FlagKind.MISSING_FACT, "No Vice-Chair & no <date> found.")]
    out = tmp_path / "c.docx"
    render_tracked(diff(old, new), out, comments=flags)
    with zipfile.ZipFile(out) as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
        root = etree.fromstring(archive.read("word/document.xml"))
    assert ["".join(c.itertext()) for c in comments] == [
        "Fact needed: No Vice-Chair & no <date> found.",
        "Still about last time: Speaks of the 2013 admission; update or delete."]
    anchored = {}
    for p in root.iter(f"{W}p"):
        for start in p.iter(f"{W}commentRangeStart"):
            anchored[start.get(f"{W}id")] = "".join(t.text or "" for t in p.iter(f"{W}t"))
    assert anchored["1"] == new.operative[2].text
    assert anchored["0"] == "The General Assembly,"  # a flag without a paragraph sits on the organ line


# ---------------------------------------------------------------------------- LibreOffice

UNO_SCRIPT = r'''
"""After conftest's UNO_PROLOGUE: for each .docx, count LibreOffice's tracked changes, then Accept
All (and, in a fresh load, Reject All) and list the paragraphs with their labels."""
def paragraphs(doc):
    out, enum = [], doc.getText().createEnumeration()
    while enum.hasMoreElements():
        par = enum.nextElement()
        if par.supportsService("com.sun.star.text.Paragraph"):
            out.append([par.getPropertyValue("ListLabelString"), par.getString()])
    return out

def work(desktop, dispatcher, files):
    result = {}
    for path in files:
        entry = {}
        for mode in ("accept", "reject"):
            doc = load(desktop, path)
            entry["redlines"] = doc.getRedlines().getCount()
            all_changes(dispatcher, doc, mode)
            entry[mode] = paragraphs(doc)
            entry[mode + "_left"] = doc.getRedlines().getCount()
            doc.close(True)
        result[path] = entry
    return result
'''


def libreoffice_accept_reject(docs: list[Path], tmp: Path) -> dict:
    """LibreOffice's own Accept All / Reject All on each document, in one LibreOffice session."""
    from conftest import run_uno

    return run_uno(UNO_SCRIPT, [str(d) for d in docs], tmp, "lo_tracked", timeout=600)


def expected(res: Resolution) -> list[tuple[str, str]]:
    """(list label, text) of each body paragraph as LibreOffice numbers it."""
    out = []
    for address, paragraph in res.walk():
        if address.depth:
            mark = f"({label(address.depth, address.sub[-1])})"
        else:
            lone = len(res.operative) == 1  # the only operative paragraph is printed unnumbered
            mark = f"{address.number}." if address.part is Part.OPERATIVE and not lone else ""
        out.append((mark, paragraph.text))
    return out


def body(paragraphs: list[list[str]], res: Resolution) -> list[tuple[str, str]]:
    """The rows after the organ line, as many as the resolution has paragraphs."""
    organ = [t for _, t in paragraphs].index(f"The {res.body.value},")
    return [(lab, text) for lab, text in paragraphs[organ + 1:]][:len(list(res.walk()))]


@pytest.mark.slow
def test_libreoffice_accepts_and_rejects_like_word(tmp_path):
    old = diamonds()
    cases = {case: diff(old, EDITS[case][0](old)) for case in ("everything", "split", "merged", "pp-to-op")}
    for name in ("undof", "unifil"):
        files = series(name)
        for a, b in zip(files, files[1:]):  # every consecutive pair of both series
            cases[f"{name}-{a.stem}-{b.stem}"] = diff(load(a), load(b))
    docs = []
    for case, comparison in cases.items():
        docs.append(tmp_path / f"{case}.docx")
        render_tracked(comparison, docs[-1])
    result = libreoffice_accept_reject(docs, tmp_path)
    for (case, comparison), doc in zip(cases.items(), docs):
        entry = result[str(doc)]
        changed = any(c.kind is not ChangeKind.UNCHANGED for c in comparison.changes)
        assert (entry["redlines"] > 0) == changed, case
        assert entry["accept_left"] == entry["reject_left"] == 0, case
        assert strip_notes(body(entry["accept"], comparison.new), comparison.new) == expected(comparison.new), case
        assert strip_notes(body(entry["reject"], comparison.old), comparison.old) == expected(comparison.old), case


def strip_notes(rows: list[tuple[str, str]], res: Resolution) -> list[tuple[str, str]]:
    """LibreOffice's paragraph text holds each footnote's number where its marker stands: the rows
    without them, each number asserted at the marker's place."""
    out = []
    for (lab, text), (_, paragraph) in zip(rows, res.walk()):
        for at in sorted(offset for _, offset in paragraph.footnote_offsets):
            number = re.match(r"\d+", text[at:])
            assert number, (text, at)
            text = text[:at] + text[number.end() + at:]
        out.append((lab, text))
    return out


@pytest.mark.slow
def test_libreoffice_shows_the_comments(tmp_path):
    """LibreOffice opens the document with its comments: its own ODF export holds them as annotations."""
    soffice = need_program("soffice", "libreoffice-writer-nogui")
    old = diamonds()
    flags = [Flag(Address(Part.OPERATIVE, 3), FlagKind.STALE, "Speaks of the 2013 admission; update or delete."),
             Flag(Address(Part.OPERATIVE, 31), FlagKind.NULL_FACT, "No Vice-Chair was selected for 2015.")]
    doc = tmp_path / "c.docx"
    render_tracked(diff(old, sessions(old)), doc, comments=flags)
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(doc)], capture_output=True, timeout=300)
    with zipfile.ZipFile(tmp_path / "c.odt") as archive:
        content = etree.fromstring(archive.read("content.xml"))
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    text_ns = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    notes = {}
    for annotation in content.iter(f"{office}annotation"):
        paragraph = annotation.getparent()
        body = "".join(t for p in annotation.iter(f"{text_ns}p") for t in p.itertext())
        notes[body] = "".join(t for t in paragraph.itertext() if t not in body)
    assert set(notes) == {"Still about last time: Speaks of the 2013 admission; update or delete.",
                          "None this time: No Vice-Chair was selected for 2015."}
    assert old.operative[2].text in notes["Still about last time: Speaks of the 2013 admission; update or delete."]
