"""The HTML report: one self-contained file (inline CSS and JavaScript, no network needed).

Inline and side-by-side views, a summary table of changes by kind, a "substantive only" filter,
and moved paragraphs linked both ways: the moved paragraph to a marker at its old place, the
marker to the paragraph. Every text is escaped.
"""
from __future__ import annotations

from html import escape

from ..model import Address, Change, ChangeKind, Comparison, HunkOp
from .changes import KIND_ORDER, shown, summary_line, title, verdict, where

CSS = """
body{font:16px/1.5 Georgia,'Times New Roman',serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#222}
h1{font-size:1.4rem}h2{font-size:1rem;margin:.2rem 0;font-family:system-ui,sans-serif}
table.summary{border-collapse:collapse;font-family:system-ui,sans-serif;font-size:.9rem}
table.summary td,table.summary th{border:1px solid #ccc;padding:.2rem .6rem;text-align:left}
table.summary td.count{text-align:right}
#controls{margin:1rem 0;font-family:system-ui,sans-serif;font-size:.9rem}
#controls label{margin-right:1.2rem}
.config{font-size:.75rem;color:#666;font-family:monospace}
.change{border-left:4px solid #ccc;padding:.3rem .8rem;margin:.8rem 0}
.kind-amended{border-color:#d9a400}.kind-moved{border-color:#a040a0}.kind-added{border-color:#2a8a2a}
.kind-deleted{border-color:#c03030}.kind-split,.kind-merged{border-color:#2080a0}
.kind-unchanged{border-color:#eee;color:#555}
.tag{font-size:.8rem;padding:0 .4rem;border-radius:.3rem;background:#eee;margin-left:.4rem}
.substantive .verdict{background:#fbe3e3}.routine .verdict{background:#e3f0e3}
del{background:#fdd;color:#900}ins{background:#dfd;color:#060;text-decoration:none;border-bottom:1px solid #6a6}
.pilcrow{color:#999}
.stub{font-family:system-ui,sans-serif;font-size:.85rem;color:#a040a0;margin:.4rem 0 .4rem 1rem}
.origin{font-family:system-ui,sans-serif;font-size:.85rem;margin:0}
.side-view{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side-view .label{font-family:system-ui,sans-serif;font-size:.75rem;color:#777}
body.side .inline-view{display:none}body:not(.side) .side-view{display:none}
body.substantive-only .routine{display:none}
body:not(.show-unchanged) .kind-unchanged{display:none}
:target{background:#fff8d0}
"""

JS = """
(function(){
  function sync(){
    var b=document.body;
    b.classList.toggle('side',document.getElementById('view-side').checked);
    b.classList.toggle('substantive-only',document.getElementById('substantive').checked);
    b.classList.toggle('show-unchanged',document.getElementById('unchanged').checked);
    var n=0;
    document.querySelectorAll('main .change').forEach(function(e){if(e.offsetParent!==null){n++;}});
    document.getElementById('visible').textContent=String(n);
  }
  document.querySelectorAll('#controls input').forEach(function(i){i.addEventListener('change',sync);});
  sync();
})();
"""


def anchor(prefix: str, address: Address) -> str:
    """An id for a paragraph: 'new-OP12-b-ii' for OP12(b)(ii) of the new text."""
    return f"{prefix}-" + str(address).replace(")(", "-").replace("(", "-").replace(")", "")


def _text(text: str) -> str:
    return escape(text).replace("\n", '<span class="pilcrow"> ¶</span><br>')


def _runs(change: Change, keep: tuple[HunkOp, ...]) -> str:
    out = []
    for hunk in change.hunks:
        if hunk.op not in keep:
            continue
        if hunk.op is HunkOp.EQUAL:
            out.append(_text(hunk.text))
        else:
            tag = "del" if hunk.op is HunkOp.DELETE else "ins"
            cls = f' class="{hunk.cls.value}" title="{hunk.cls.value}"' if hunk.cls else ""
            out.append(f"<{tag}{cls}>{_text(hunk.text)}</{tag}>")
    return "".join(out) or "—"


def _section_id(change: Change) -> str:
    return anchor("new", change.new[0]) if change.new else anchor("old", change.old[0])


def _section(change: Change) -> str:
    kind = change.kind.value
    ident = _section_id(change)
    flavour = "routine" if change.routine else "substantive"
    tags = f'<span class="tag kind">{kind}</span>'
    if change.kind is not ChangeKind.UNCHANGED:
        tags += f'<span class="tag verdict">{escape(verdict(change))}</span>'
    parts = [f'<section class="change kind-{kind} {flavour}" id="{ident}" data-kind="{kind}" '
             f'data-routine="{str(change.routine).lower()}">',
             f'<h2><a href="#{ident}">{escape(where(change))}</a>{tags}</h2>']
    if change.kind is ChangeKind.MOVED:
        links = ", ".join(f'<a href="#{anchor("old", a)}">{a}</a>' for a in change.old)
        parts.append(f'<p class="origin">Moved from {links} of the old text.</p>')
    parts.append(f'<div class="inline-view"><p>{_runs(change, (HunkOp.EQUAL, HunkOp.DELETE, HunkOp.INSERT))}</p></div>')
    parts.append('<div class="side-view">'
                 f'<div class="old"><div class="label">old {escape(", ".join(map(str, change.old)) or "—")}</div>'
                 f'<p>{_runs(change, (HunkOp.EQUAL, HunkOp.DELETE))}</p></div>'
                 f'<div class="new"><div class="label">new {escape(", ".join(map(str, change.new)) or "—")}</div>'
                 f'<p>{_runs(change, (HunkOp.EQUAL, HunkOp.INSERT))}</p></div></div>')
    parts.append("</section>")
    return "\n".join(parts)


def _stub(change: Change) -> str:
    """The marker left at a moved paragraph's old place, linking to where it went."""
    flavour = "routine" if change.routine else "substantive"
    target = _section_id(change)
    olds = ", ".join(map(str, change.old))
    return (f'<p class="stub {flavour}" id="{anchor("old", change.old[0])}">{escape(olds)} of the old text moved '
            f'to <a href="#{target}">{escape(", ".join(map(str, change.new)))}</a> ↓↑</p>')


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


def render(comparison: Comparison, substantive_only: bool = False) -> str:
    """The whole report as one HTML document."""
    counts = comparison.summary()
    changes = shown(comparison, substantive_only)
    rows = "\n".join(f'<tr data-kind="{k}"><td>{k}</td><td class="count">{counts[k]}</td></tr>'
                     for k in KIND_ORDER)
    rows += (f'\n<tr data-kind="routine"><th>routine</th><td class="count">{counts["routine"]}</td></tr>'
             f'\n<tr data-kind="substantive"><th>substantive</th><td class="count">{counts["substantive"]}</td></tr>')
    config = ", ".join(f"{k}={v}" for k, v in comparison.config.items())
    checked = " checked" if substantive_only else ""
    body = "\n".join(_stub(c) if stub else _section(c) for c, stub in _old_place_order(comparison, changes))
    head = escape(title(comparison))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{head}</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>{head}</h1>
<table class="summary" id="summary">
<tr><th>kind</th><th>paragraphs</th></tr>
{rows}
</table>
<p id="summary-line">{escape(summary_line(comparison))}</p>
<div id="controls">
<label><input type="radio" name="view" id="view-inline" value="inline" checked> Inline</label>
<label><input type="radio" name="view" id="view-side" value="side"> Side by side</label>
<label><input type="checkbox" id="substantive"{checked}> Substantive only</label>
<label><input type="checkbox" id="unchanged"> Show unchanged</label>
<span>Shown: <span id="visible">{sum(c.kind is not ChangeKind.UNCHANGED for c in changes)}</span></span>
</div>
<p class="config">Alignment thresholds: {escape(config)}</p>
</header>
<main>
{body}
</main>
<script>{JS}</script>
</body>
</html>
"""
