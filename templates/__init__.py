"""The Word templates (ga.docx, sc.docx), installed as the package data ``drafting.templates``."""
