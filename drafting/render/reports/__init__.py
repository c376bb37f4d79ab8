"""Reports of a comparison: terminal, Markdown, HTML, JSON, and the switch between formats."""
