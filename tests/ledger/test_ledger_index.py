"""The linker meets each target only with the reports of its place and unit (an index, so that the
ledger's build grows with the figures): on the seeds it must find exactly the pairs that comparing
every target with every report finds, in the same order."""
from __future__ import annotations

from pathlib import Path

from extract.ledger import build_ledger
from extract.ledger.cli import _from_files
from extract.ledger.indicators import untracked_measures
from extract.ledger.links import _candidates, _comparable
from extract.ledger.periods import covers

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _every_pair(targets, reports) -> list[tuple]:
    found = []
    for target in targets:
        for report in reports:
            kind = _comparable(target.indicator, report.indicator)
            if kind is None or not covers(target.indicator.period, report.indicator.period):
                continue
            if target.doc_date and report.doc_date and report.doc_date < target.doc_date:
                continue
            found.append((target, report, kind))
    return found


def test_indexed_candidates_are_every_comparable_pair_of_the_seeds():
    figures, texts, failed = _from_files([str(SEEDS)], None)
    assert failed == 0
    observations = build_ledger(figures, texts=texts)._observations
    tracked = [o for o in observations if o.indicator.period is not None]
    targets = [o for o in tracked if o.is_target and o.indicator.measure not in untracked_measures()]
    reports = [o for o in tracked if not o.is_target]
    indexed = _candidates(targets, reports)
    plain = _every_pair(targets, reports)
    assert len(plain) > 0
    assert [(id(t), id(r), k) for t, r, k in indexed] == [(id(t), id(r), k) for t, r, k in plain]
