"""Compare two versions of a resolution: paragraph alignment, word diff, hunk classification.

:mod:`.align` pairs paragraphs (identical anchors, in-order alignment, moves, splits, merges) on
the rarity-weighted word similarity of :mod:`.similarity`; :mod:`.diff` diffs each pair on whole
words and classes every changed run, with :mod:`.variants` for typography, spelling and names;
:mod:`.fields` compares the title, the heading and adoption line, and the footnotes. The package
is named for the noun so that :func:`drafting.compare`, the verb, stays a function.
"""
