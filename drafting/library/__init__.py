"""Across the precedent library: the full-text index, agreed-language search, paragraph history.

:mod:`.index` keeps the SQLite FTS5 index fresh and answers queries (:mod:`.files`: what it scans,
:mod:`.results`: what it answers); :mod:`.query` turns what a
user types into an FTS query and scores similar paragraphs; :mod:`.history` follows a series
year by year. Named ``library`` so that :func:`drafting.search` stays a function.
"""
