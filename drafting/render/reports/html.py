"""The HTML report: one self-contained file (inline CSS and JavaScript, no network needed).

The answer first (how many substantive and routine changes), a summary table by kind with a
legend, then each changed paragraph, inline or side by side. Deletions are struck through and
insertions underlined as well as coloured, so the report reads without colour and on paper; a
changed punctuation mark is boxed, since a struck-through ";" is invisible. Sticky, keyboard-usable
controls filter to substantive changes; the print stylesheet prints what is shown and says what
is hidden. Moved paragraphs are linked both ways: the moved paragraph to a marker at its old place,
the marker to the paragraph. Every text is escaped.
"""
from __future__ import annotations

from collections.abc import Sequence
from html import escape

from drafting.model import Address, Change, ChangeKind, Comparison, FieldChange, HunkOp
from drafting.render.reports import markup
from drafting.render.reports.changes import (FIELD_COUNTS, KIND_ORDER, field_verdict, field_where,
                                             headline, marked, shown_fields, title, verdict, where)
from drafting.render.reports.page import page

CSS = """
:root{--del:#a4001d;--del-bg:#ffe1e4;--ins:#0b5e2a;--ins-bg:#d9f3e1}
body{font:17px/1.55 Georgia,'Times New Roman',serif;margin:0 auto;max-width:68rem;padding:0 1.5rem 2rem;color:#1f1f1f;background:#fff}
h1,h2,nav,table,.headline,.legend,#controls,.origin,.stub,.label,.none,.note,footer{font-family:system-ui,-apple-system,'Segoe UI',sans-serif}
h1{font-size:1.35rem;margin:1.2rem 0 .2rem}
h2{font-size:.95rem;margin:.1rem 0 .3rem;display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem .5rem}
h2 a{color:inherit;text-decoration:none;white-space:nowrap}h2 a:hover{text-decoration:underline}
.headline{font-size:1.1rem;font-weight:600;margin:.2rem 0 .8rem}
.overview{display:flex;flex-wrap:wrap;gap:.8rem 2.5rem;align-items:flex-start}
table.summary{border-collapse:collapse;font-size:.85rem}
table.summary td,table.summary th{border:1px solid #ccc;padding:.1rem .6rem;text-align:left}
table.summary td.count{text-align:right;font-variant-numeric:tabular-nums}
table.summary tr.zero{color:#8a8a8a}
.legend{font-size:.85rem;max-width:28rem;margin:0}.legend p{margin:0 0 .4rem}
#controls{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #ddd;margin:1rem 0 0;padding:.45rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1.6rem;align-items:center;font-size:.9rem}
#controls .group{display:flex;flex-wrap:wrap;gap:.2rem 1rem}
#controls .group-label{color:#555}
#controls label{white-space:nowrap;cursor:pointer}
#status{margin:0;color:#444}
:focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}
.note{font-size:.9rem;background:#fff6d6;padding:.3rem .6rem}
.footnote{font-size:.85rem;margin:.2rem 0 0 1rem}
.change{border-left:4px solid #ccc;padding:.2rem 0 .2rem .9rem;margin:1.1rem 0;scroll-margin-top:4.5rem}
.kind-amended{border-color:#c99700}.kind-moved{border-color:#9a3d9a}.kind-added{border-color:#23823a}
.kind-deleted{border-color:#b8322f}.kind-split,.kind-merged{border-color:#1f7a9c}
.kind-unchanged{border-color:#e6e6e6;color:#555}
.tag{font-size:.78rem;font-weight:600;padding:.05rem .45rem;border-radius:.3rem;background:#eee}
.substantive .verdict{background:#f9d9d9;color:#7a0010}.routine .verdict{background:#e1efe1;color:#1d4d1d;font-weight:normal}
.inline-view p{max-width:46rem;margin:.3rem 0}
del{color:var(--del);background:var(--del-bg);text-decoration:line-through;text-decoration-thickness:1.5px}
ins{color:var(--ins);background:var(--ins-bg);text-decoration:underline;text-underline-offset:.18em}
del+ins{margin-left:.2em}
.substantive del:not(.wording),.substantive ins:not(.wording){text-decoration-style:dotted;text-decoration-thickness:2px;background:none}
del.mark,ins.mark{padding:0 .3em;border:1px solid currentColor;border-radius:3px;font-weight:bold}
.pilcrow{color:#999}
del.typography{display:none}ins.typography{color:inherit;background:none;text-decoration:underline dotted #999}
.side-view del.typography{display:inline;color:inherit;background:none;text-decoration:line-through dotted #999}
h1.part{font-size:1.05rem;margin:1.6rem 0 .2rem}
.stub{font-size:.85rem;color:#7a2f7a;margin:.5rem 0 .5rem 1.2rem;scroll-margin-top:4.5rem}
.origin{font-size:.85rem;margin:0}
.side-view{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.side-view p{margin:.2rem 0 .4rem}
.label{font-size:.75rem;color:#666;text-transform:uppercase;letter-spacing:.03em}
.none{color:#888;font-style:italic;font-size:.9rem}
body.side .inline-view{display:none}body:not(.side) .side-view{display:none}
body.substantive-only .routine:not(.kind-unchanged){display:none}
body:not(.show-unchanged) .kind-unchanged{display:none}
:target{background:#fff8d0}
nav.pairs{font-size:.85rem;margin-top:.8rem;display:flex;flex-wrap:wrap;gap:.3rem 1.5rem}
footer{margin-top:2.5rem;font-size:.75rem;color:#666}
@media (max-width:40rem){
body{font-size:16px;padding:0 .8rem 1.5rem}
.side-view{grid-template-columns:1fr;gap:0}
#controls{position:static;gap:.3rem 1rem}
.change,.stub{scroll-margin-top:0}
}
@media print{
@page{margin:1.6cm 1.5cm}
body{font-size:11pt;max-width:none;padding:0}
#controls{position:static;border:0;padding:0}
#controls .group,nav.pairs{display:none}
.change,.stub{break-inside:avoid}
h2{break-after:avoid}
del,ins,.tag,.note{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:inherit;text-decoration:none}
.inline-view p{max-width:none}
:target{background:none}
}
"""

JS = """
(function(){
  function sync(){
    var b=document.body,subst=document.getElementById('substantive').checked,
        unch=document.getElementById('unchanged').checked;
    b.classList.toggle('side',document.getElementById('view-side').checked);
    b.classList.toggle('substantive-only',subst);
    b.classList.toggle('show-unchanged',unch);
    var n=0;
    document.querySelectorAll('main .change').forEach(function(e){if(e.offsetParent!==null){n++;}});
    document.getElementById('visible').textContent=String(n);
    var hidden=[];
    if(subst){hidden.push('routine changes');}
    if(!unch){hidden.push('unchanged paragraphs');}
    document.getElementById('hidden').textContent=hidden.length?' ('+hidden.join(' and ')+' hidden)':'';
  }
  document.querySelectorAll('#controls input').forEach(function(i){i.addEventListener('change',sync);});
  sync();
})();
"""

LEGEND = ('<div class="legend"><p><del>Deleted words</del> are struck through, <ins>inserted words</ins> '
          'underlined; a changed punctuation mark is boxed: <del class="mark">;</del><ins class="mark">,</ins>.</p>'
          '<p><b>Routine</b>: only years, sessions, symbols, dates, numbers, names in a list, one proper name '
          'for another, a spelling variant, the closing mark or a lone comma changed; typography (quotes, '
          'apostrophes, dashes, spaces) is dotted and always routine. <b>Substantive</b>: any other wording, and every added, deleted, split or merged '
          'paragraph; routine updates inside a substantive paragraph have dotted lines and no '
          'background.</p></div>')


def anchor(prefix: str, address: Address) -> str:
    """An id for a paragraph: 'new-OP12-b-ii' for OP12(b)(ii) of the new text."""
    return f"{prefix}-" + str(address).replace(")(", "-").replace("(", "-").replace(")", "")


def _runs(change: Change | FieldChange, keep: tuple[HunkOp, ...], empty: str = "—") -> str:
    return markup.hunks(change.hunks, keep, empty)


def _section_id(change: Change) -> str:
    return anchor("new", change.new[0]) if change.new else anchor("old", change.old[0])


def _side(label: str, addresses: tuple[Address, ...], body: str) -> str:
    names = escape(", ".join(map(str, addresses)) or "—")
    return f'<div class="{label}"><div class="label">{label} {names}</div><p>{body}</p></div>'


def _section(change: Change, comparison: Comparison, arrow: str = "") -> str:
    """One changed paragraph, inline and side by side; its anchored footnotes marked "[1]" where
    they stand in the new text (the old side shows none) and listed below."""
    marked_change, notes = marked(comparison, change)
    kind = change.kind.value
    ident = _section_id(change)
    flavour = "routine" if change.routine else "substantive"
    tags = f'<span class="tag kind">{kind}</span>'
    if change.kind is not ChangeKind.UNCHANGED:
        tags += f'<span class="tag verdict">{escape(verdict(change))}</span>'
    parts = [(f'<section class="change kind-{kind} {flavour}" id="{ident}" data-kind="{kind}" '
              f'data-routine="{str(change.routine).lower()}">'),
             f'<h2><a href="#{ident}">{escape(where(change))}</a>{tags}</h2>']
    if change.kind is ChangeKind.MOVED:
        links = ", ".join(f'<a href="#{anchor("old", a)}">{a}</a>' for a in change.old)
        parts.append(f'<p class="origin">Moved from {links} of the old text {arrow}</p>')
    both = (HunkOp.EQUAL, HunkOp.DELETE, HunkOp.INSERT)
    parts.append(f'<div class="inline-view"><p>{_runs(marked_change, both)}</p></div>')
    old = _runs(change, (HunkOp.EQUAL, HunkOp.DELETE), '<span class="none">not in the old text</span>')
    new = _runs(marked_change, (HunkOp.EQUAL, HunkOp.INSERT), '<span class="none">not in the new text</span>')
    parts.append(f'<div class="side-view">{_side("old", change.old, old)}{_side("new", change.new, new)}</div>')
    parts += [f'<p class="footnote">{escape(note)}</p>' for note in notes]
    parts.append("</section>")
    return "\n".join(parts)


def _stub(change: Change, arrow: str) -> str:
    """The marker left at a moved paragraph's old place, linking to where it went."""
    flavour = "routine" if change.routine else "substantive"
    target = _section_id(change)
    olds = ", ".join(map(str, change.old))
    return (f'<p class="stub {flavour}" id="{anchor("old", change.old[0])}">{escape(olds)} of the old text moved '
            f'to <a href="#{target}">{escape(", ".join(map(str, change.new)))}</a> {arrow}</p>')


def _old_place_order(comparison: Comparison, changes: list[Change]) -> list[tuple[Change, bool]]:
    """The changes in order, plus a stub (marked True) for each moved paragraph at its old place:
    after the last change holding an old paragraph read before it."""
    old_rank = {address: k for k, (address, _) in enumerate(comparison.old.walk())}
    out: list[tuple[Change, bool]] = []
    stubs = sorted((old_rank[c.old[0]], k) for k, c in enumerate(changes) if c.kind is ChangeKind.MOVED)
    placed: dict[int, list[Change]] = {}
    for rank, index in stubs:
        change = changes[index]
        best, best_rank = -1, -1
        for k, other in enumerate(changes):
            if other.kind is ChangeKind.MOVED or not other.old:
                continue
            r = max(old_rank[a] for a in other.old)
            if best_rank < r < rank:
                best, best_rank = k, r
        placed.setdefault(best, []).append(change)
    out += [(c, True) for c in placed.get(-1, [])]
    for k, change in enumerate(changes):
        out.append((change, False))
        out += [(c, True) for c in placed.get(k, [])]
    return out


def _body(comparison: Comparison, changes: list[Change]) -> str:
    """Sections and move stubs; each stub and its paragraph point at each other, arrow ↓ or ↑."""
    order = _old_place_order(comparison, changes)
    at = {(id(c), stub): k for k, (c, stub) in enumerate(order)}
    pieces = []
    for k, (change, stub) in enumerate(order):
        if change.kind is ChangeKind.MOVED:
            other = at[(id(change), not stub)]
            arrow = "↓" if other > k else "↑"
            pieces.append(_stub(change, arrow) if stub else _section(change, comparison, arrow))
        else:
            pieces.append(_section(change, comparison))
    return "\n".join(pieces)


def _summary_rows(counts: dict[str, int], changes: list[Change]) -> str:
    """One row per kind (the kind links to its first paragraph), then routine and substantive."""
    first: dict[str, str] = {}
    for change in changes:
        first.setdefault(change.kind.value, _section_id(change))
    rows = []
    for kind in KIND_ORDER:
        name = kind
        if counts[kind] and kind in first and kind != "unchanged":
            name = f'<a href="#{first[kind]}">{kind}</a>'
        zero = ' class="zero"' if not counts[kind] else ""
        rows.append(f'<tr data-kind="{kind}"{zero}><td>{name}</td><td class="count">{counts[kind]}</td></tr>')
    for kind in FIELD_COUNTS:
        zero = ' class="zero"' if not counts[kind] else ""
        rows.append(f'<tr data-kind="{kind}"{zero}><td>{kind}</td><td class="count">{counts[kind]}</td></tr>')
    for flavour in ("routine", "substantive"):
        rows.append(f'<tr data-kind="{flavour}"><th>{flavour}</th><td class="count">{counts[flavour]}</td></tr>')
    return "\n".join(rows)


def _field_section(change: FieldChange, number: int) -> str:
    """One change outside the paragraphs (a heading field or a footnote), inline and side by side."""
    kind = change.kind.value
    flavour = "routine" if change.routine else "substantive"
    ident = f"{'footnote' if change.field == 'footnote' else 'field'}-{number}"
    tags = f'<span class="tag kind">{kind}</span><span class="tag verdict">{escape(field_verdict(change))}</span>'
    old = _runs(change, (HunkOp.EQUAL, HunkOp.DELETE), '<span class="none">not in the old text</span>')
    new = _runs(change, (HunkOp.EQUAL, HunkOp.INSERT), '<span class="none">not in the new text</span>')
    return "\n".join([
        f'<section class="change field kind-{kind} {flavour}" id="{ident}" data-kind="{kind}" '
        f'data-routine="{str(change.routine).lower()}">',
        f'<h2><a href="#{ident}">{escape(field_where(change))}</a>{tags}</h2>',
        f'<div class="inline-view"><p>{_runs(change, (HunkOp.EQUAL, HunkOp.DELETE, HunkOp.INSERT))}</p></div>',
        f'<div class="side-view">{_side("old", change.old, old)}{_side("new", change.new, new)}</div>',
        "</section>"])


def _fields(heading: str, changes: list[FieldChange], start: int = 0) -> str:
    """A headed part for the changes outside the paragraphs ('' when there are none)."""
    if not changes:
        return ""
    sections = "\n".join(_field_section(c, start + k) for k, c in enumerate(changes, start=1))
    return f'<h1 class="part">{escape(heading)}</h1>\n{sections}\n'


def _nav(links: Sequence[tuple[str, str]]) -> str:
    if not links:
        return ""
    items = " ".join(f'<a href="{escape(href)}">{escape(label)}</a>' for label, href in links)
    return f'<nav class="pairs" aria-label="Series">{items}</nav>\n'


def render(comparison: Comparison, substantive_only: bool = False, *,
           links: Sequence[tuple[str, str]] = ()) -> str:
    """The whole report as one HTML document; ``links`` (label, href) head it, e.g. the series
    index and the neighbouring pairs."""
    counts = comparison.summary()
    # unchanged paragraphs stay in even without routine changes: they give the context
    changes = [c for c in comparison.changes
               if not (substantive_only and c.routine and c.kind is not ChangeKind.UNCHANGED)]
    # a report written without its routine changes cannot show them: the box stays ticked
    lock = " checked disabled" if substantive_only else ""
    note = ('<p class="note">Routine changes are left out of this report (the table counts them).</p>\n'
            if substantive_only and counts["routine"] else "")
    metadata = shown_fields(comparison, substantive_only)
    notes = shown_fields(comparison, substantive_only, footnotes=True)
    body = (_fields("Title, heading and adoption line", metadata) + _body(comparison, changes) + "\n"
            + _fields("Footnotes", notes))
    if not any(c.kind is not ChangeKind.UNCHANGED for c in changes) and not metadata and not notes:
        body = (f'<p class="none">{"No changes." if comparison.identical else "No substantive changes."}</p>\n'
                + body)
    head = escape(title(comparison))  # the page title is escaped by page()
    body_html = f"""{_nav(links)}<header>
<h1>{head}</h1>
<p class="headline" id="headline">{escape(headline(comparison))}</p>
<div class="overview">
<table class="summary" id="summary">
<tr><th>kind</th><th>paragraphs</th></tr>
{_summary_rows(counts, changes)}
</table>
{LEGEND}
</div>
</header>
<div id="controls" role="region" aria-label="Report view">
<div class="group" role="radiogroup" aria-label="View"><span class="group-label">View:</span>
<label><input type="radio" name="view" id="view-inline" value="inline" checked> Inline</label>
<label><input type="radio" name="view" id="view-side" value="side"> Side by side</label></div>
<div class="group" role="group" aria-label="Filter">
<label><input type="checkbox" id="substantive"{lock}> Substantive changes only</label>
<label><input type="checkbox" id="unchanged"> Unchanged paragraphs too</label></div>
<p id="status" aria-live="polite">Shown: <span id="visible">{sum(c.kind is not ChangeKind.UNCHANGED for c in changes) + len(metadata) + len(notes)}</span> changes<span id="hidden"></span></p>
</div>
{note}<main>
{body}
</main>
"""
    return page(title(comparison), CSS, body_html, JS)
