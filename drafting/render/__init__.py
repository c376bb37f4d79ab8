"""Output: :mod:`.documents` (Word, the printed layout) and :mod:`.reports` (terminal, Markdown, HTML, JSON)."""
