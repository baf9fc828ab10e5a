"""The annotated sets the suite scores (six rounds of constructed articles and the real development
set), and each set's known errors: the error lines the bundled scorer prints today, each with why it
is still wrong, in the set's known_errors.tsv (tests/test_rounds.py asserts the lines are exactly
these).

After a change that fixes or breaks figures, rewrite a set's file from the current output:

    python -m tests.known_errors --update SET...     # SET: a name below, or all

A line still printed keeps its reason; a line no longer printed goes; a new line gets an empty
reason, which the test rejects until someone writes why it is wrong (or fixes it).
"""
from __future__ import annotations

import argparse
import functools
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # `support`, when run as python -m tests.known_errors
from support import DATA, load_scorer  # noqa: E402

HEADER = "# error line the scorer prints<TAB>why it is still wrong (python -m tests.known_errors --update)\n"


@dataclass(frozen=True)
class AnnotatedSet:
    name: str
    texts: Path
    gold: Path
    size: int                                            # how many texts
    constructed: bool = True                             # each text opens with 【构造示例】
    figures_per_text: tuple[int, int] | None = None      # annotated figures per text, if the round bounds them

    @property
    def known_errors_file(self) -> Path:
        return (self.texts if self.constructed else self.texts.parent) / "known_errors.tsv"


ROUNDS = DATA / "rounds"
SETS = {s.name: s for s in [
    AnnotatedSet("round1_c", ROUNDS / "round1_c", ROUNDS / "round1_c", 12),
    AnnotatedSet("round2_b", ROUNDS / "round2_b", ROUNDS / "round2_b", 10),
    AnnotatedSet("round3_d", ROUNDS / "round3_d", ROUNDS / "round3_d", 11),
    AnnotatedSet("round4_e", ROUNDS / "round4_e", ROUNDS / "round4_e", 8, figures_per_text=(25, 40)),
    AnnotatedSet("round5_f", ROUNDS / "round5_f", ROUNDS / "round5_f", 8, figures_per_text=(25, 40)),
    AnnotatedSet("round6_g", ROUNDS / "round6_g", ROUNDS / "round6_g", 8, figures_per_text=(25, 40)),
    AnnotatedSet("realdev", DATA / "realdev" / "texts", DATA / "realdev" / "gold", 43, constructed=False),
]}


@functools.cache
def texts(name: str) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SETS[name].texts.glob("*.txt"))}


@functools.cache
def gold(name: str) -> dict[str, dict]:
    return load_scorer().load_gold(str(SETS[name].gold))


@functools.cache
def predictions(name: str) -> list[dict]:
    from extract import extract_mentions

    return [f.to_dict() for doc, text in texts(name).items() for f in extract_mentions(text, doc_name=doc)]


@functools.cache
def report(name: str) -> tuple[dict, list[str]]:
    """The scorer's measures and error lines for the set."""
    return load_scorer().score(gold(name), predictions(name), str(SETS[name].texts))


def known(name: str) -> list[tuple[str, str]]:
    """(error line, reason) of each line of the set's known_errors.tsv, in file order."""
    rows = []
    for line in SETS[name].known_errors_file.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            error, _, reason = line.partition("\t")
            rows.append((error, reason.strip()))
    return rows


def update(name: str) -> tuple[int, int]:
    """Rewrites the set's file from today's errors; returns (lines added, lines removed)."""
    path = SETS[name].known_errors_file
    old = known(name) if path.exists() else []
    reasons = {error: reason for error, reason in old}
    errors = report(name)[1]
    rows = [(error, reasons.get(error, "")) for error in errors]
    path.write_text(HEADER + "".join(f"{error}\t{reason}\n" for error, reason in rows), encoding="utf-8")
    old_lines = [error for error, _ in old]
    return sum(e not in old_lines for e in errors), sum(e not in errors for e in old_lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update", nargs="+", required=True, metavar="SET", choices=[*SETS, "all"])
    args = parser.parse_args(argv)
    for name in SETS if "all" in args.update else args.update:
        added, removed = update(name)
        print(f"{SETS[name].known_errors_file}: {added} added (write their reasons), {removed} removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
