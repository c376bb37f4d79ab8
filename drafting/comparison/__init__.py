"""Compare two versions of a resolution: paragraph alignment, word diff, hunk classification.

:mod:`.align` pairs paragraphs (identical anchors, in-order alignment, moves, splits, merges);
:mod:`.diff` diffs each pair on whole words and classes every changed run. The package is named
for the noun so that :func:`drafting.compare`, the verb, stays a function.
"""
