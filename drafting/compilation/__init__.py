"""The compilation text: several delegations' proposals on one base text.

``proposals`` holds the data (frozen dataclasses), ``load`` reads proposal files, ``conflicts``
finds proposals that touch the same words or paragraph, ``revision`` applies accepted ones
(order-independently, every target resolved against the base first), ``text`` writes and reads
the compilation in UN notation, ``report`` gives each delegation its proposals' fate, ``html`` and
``docx`` render it. Nothing here imports another stage except the model and the comparison.
"""
