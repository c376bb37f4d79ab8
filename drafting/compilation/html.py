"""The compilation as one self-contained HTML page: a colour per delegation; attributed,
anonymised (no delegation named anywhere) and clean views."""
from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from drafting.compilation.proposals import Proposal
from drafting.compilation.revision import options
from drafting.compilation.text import action_phrase, anonymous_phrase
from drafting.compilation.view import Sheet, sheet

if TYPE_CHECKING:
    from drafting.compilation.api import Compiled

# Distinct, readable on white, none of them the red/green of a diff.
PALETTE = ("#1f5fa8", "#a8551f", "#6b3fa0", "#1f8a7a", "#9a7d0a", "#a01f5f", "#3f6b1f", "#5f5f5f")

_STYLE = """body{font-family:Georgia,serif;max-width:52em;margin:2em auto;line-height:1.45}
h1{font-size:1.2em}.par{margin:1.2em 0}.addr{font-weight:bold;font-family:sans-serif}
.status{font-family:sans-serif;font-size:.85em;color:#555;margin-left:.5em}
.base{margin:.3em 0 .3em 1.5em}.prop{margin:.15em 0 .15em 2.5em;border-left:4px solid var(--c);padding-left:.5em}
.who{color:var(--c);font-weight:bold;font-family:sans-serif;font-size:.9em}
.options{margin:.2em 0 .2em 2.5em;background:#fff6d5;padding:.1em .4em}
.legend span{margin-right:1em;color:var(--c);font-weight:bold}
.mark{text-decoration:underline 2px var(--c);text-underline-offset:3px}.contested{background:#fff6d5}"""


def colours(names: list[str]) -> dict[str, str]:
    """One colour per delegation, by alphabetical place (the same delegation, the same colour)."""
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(sorted(names))}


def _marked(text: str, proposals: list[Proposal], sh: Sheet, colour: dict[str, str], anonymous: bool) -> str:
    """The base text with the words each proposal touches underlined in its delegation's colour
    (words several delegations touch: on a yellow ground)."""
    touched: list[set[str]] = [set() for _ in text]
    for p in proposals:
        span = sh.resolved[p.id].span
        for i in range(*span) if span else ():
            touched[i].add(p.delegation)
    out, start = [], 0
    for end in range(1, len(text) + 1):
        if end < len(text) and touched[end] == touched[start]:
            continue
        piece, who = escape(text[start:end]), touched[start]
        if len(who) == 1 and not anonymous:
            out.append(f'<span class="mark" style="--c:{colour[next(iter(who))]}">{piece}</span>')
        elif who:
            out.append(f'<span class="mark{" contested" if len(who) > 1 else ""}" style="--c:#777">{piece}</span>')
        else:
            out.append(piece)
        start = end
    return "".join(out)


def _page(title: str, body: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")


def render(compiled: Compiled, view: str = "attributed") -> str:
    if view == "clean":
        body = [f"<h1>{escape(compiled.base.label)}: revised text</h1>"]
        body += [f'<p class="par"><span class="addr">{a}</span> {escape(p.text)}</p>'
                 for a, p in compiled.revision.text.walk()]
        return _page(compiled.base.label, body)
    sh = sheet(compiled.base, compiled.compilation)
    anonymous = view == "anonymised"
    names = sh.anonymous_names()
    colour = colours(compiled.compilation.delegations())
    body = [f"<h1>Compilation of proposals on {escape(compiled.base.label)}</h1>"]
    if not anonymous:
        body.append('<p class="legend">' + "".join(
            f'<span style="--c:{c}">{escape(n)}</span>' for n, c in colour.items()) + "</p>")
    for s in sh.sections:
        status = (f'<span class="status">{escape(compiled.compilation.labels[s.status])}</span>'
                  if s.address and s.status.value != "open" else "")
        body.append(f'<div class="par"><span class="addr">{escape(s.heading or s.title)}</span>{status}')
        if s.text is not None:
            body.append(f'<div class="base">{_marked(s.text, s.proposals, sh, colour, anonymous)}</div>')
        for p in s.proposals:
            c = "#777" if anonymous else colour[p.delegation]
            who = names[p.id] if anonymous else f"{p.id} {p.attribution()}"
            body.append(f'<div class="prop" style="--c:{c}"><span class="who">{escape(who)}</span> '
                        f"[{escape(anonymous_phrase(p, names) if anonymous else action_phrase(p))}]</div>")
        for group, bracket in s.options:
            if anonymous and s.text is not None:
                bracket = options(s.text, group, attributed=False)
            body.append(f'<div class="options">Options: {escape(bracket.strip())}</div>')
        for conflict in s.conflicts:
            a, b = (names[conflict.first], names[conflict.second]) if anonymous else (conflict.first, conflict.second)
            body.append(f'<div class="options">Conflict: {escape(a)} and {escape(b)}: {escape(conflict.reason)}</div>')
        body.append("</div>")
    return _page(compiled.base.label, body)
