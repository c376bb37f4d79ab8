"""Renderers: one module per output format (text, terminal, markdown, html, json, docx)."""
