"""No catastrophic backtracking: every grammar finishes on adversarial input at size n and at 8n.

Each case runs in its own subprocess under a hard timeout. A linear grammar takes seconds at 8n;
one that backtracks, or rescans the text once per match, grows 64-fold or more and is killed.
Only completion is asserted, never a time (the table in linear_probe.py reports the times).
"""
from __future__ import annotations

import subprocess

import pytest

from linear_probe import CASES, run_in_subprocess

HARD_TIMEOUT_SECONDS = 60.0

# Cases that time out today, each with the rule that blows up (reported to the owner of the code).
# Fixed already: numerals restarting inside a run of 亿 or digits, the regions' clause and section scans.
KNOWN_BUGS: dict[tuple[str, str], str] = {}


def _case(grammar: str, name: str, n: int):
    reason = KNOWN_BUGS.get((grammar, name))
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(grammar, name, n, marks=marks, id=f"{grammar}-{name}-{n}")


@pytest.mark.parametrize("grammar, name, n", [_case(*case) for case in CASES])
def test_grammar_finishes_at_n_and_8n(grammar, name, n):
    for size in (n, 8 * n):
        try:
            done = run_in_subprocess(grammar, name, size, HARD_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{grammar} on {size:,} characters of {name} ran past {HARD_TIMEOUT_SECONDS:.0f} s")
        assert done.returncode == 0, done.stderr[-2000:]
