"""Context of every figure: document date, region, deadline, target or fact, metric, role.

Each step reads the document context (extract.context.document.Document, built once per article)
and the mentions, and fills its own fields of the records. The steps run in the order of `steps()`:
deadlines are set only for targets, so intent runs before dates; the others read only the document.
"""
from __future__ import annotations


def add_context(doc, mentions, figures) -> None:
    """Fill the context fields of `figures` (parallel to `mentions`) in place."""
    if not mentions:
        return  # context describes figures: a text without any needs none of it
    for step in steps():
        step(doc, mentions, figures)


def steps():
    from extract.context.dates import assign_dates
    from extract.context.intent import assign_intent
    from extract.context.metric import assign_metric
    from extract.context.regions import assign_regions
    from extract.context.roles import assign_roles

    return (assign_intent, assign_dates, assign_regions, assign_metric, assign_roles)
