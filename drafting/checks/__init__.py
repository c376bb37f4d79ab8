"""Lint: UN editorial and Model UN drafting conventions, one table of rules.

:mod:`.engine` runs the rules and formats findings; :mod:`.base` holds what every rule shares;
:mod:`.rules` (structure, leads), :mod:`.text` (spelling, names, dates) and :mod:`.refs`
(references to other resolutions) hold the rules. Named ``checks`` so that
:func:`drafting.lint` stays a function.
"""
