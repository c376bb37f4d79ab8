"""One HTML page skeleton for every self-contained report page (diff, series index; history and
score pages can adopt it): doctype, language, viewport, title, inline CSS, body, inline script.
No network: no link, no external script, nothing to fetch.
"""
from __future__ import annotations

from html import escape

BASE_CSS = ":focus-visible{outline:3px solid #1a5fb4;outline-offset:2px}"
"""Rules every page should carry (keyboard focus made visible); pages add their own."""


def page(title: str, css: str, body: str, script: str = "") -> str:
    """A whole HTML document. ``title`` is escaped here; ``css``, ``body`` and ``script`` are
    markup the caller built (and escaped) already. ``body`` ends with a newline."""
    tail = f"<script>{script}</script>\n" if script else ""
    return (f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
            f"{body}{tail}</body>\n</html>\n")
