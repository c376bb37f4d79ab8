"""Propose next year's draft: facts, calendar and fact rules, renewals, the change log, evaluation.

:mod:`.facts` finds and writes fact values in text; :mod:`.engine` applies the rules;
:mod:`.renewal` handles Council mandate periods; :mod:`.files` is the file-level workflow;
:mod:`.evaluate` measures proposals against the texts really adopted. Named for the noun so that
:func:`drafting.propose` stays a function.
"""
