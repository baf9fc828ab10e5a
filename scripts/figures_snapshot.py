"""Every figure the extractor finds in the bundled texts, as sorted JSON Lines, to tell whether a
change moved any figure.

    python scripts/figures_snapshot.py OUT.jsonl             # write the snapshot
    python scripts/figures_snapshot.py --compare OLD NEW     # print what differs; exit 1 if anything

The texts: seeds/*.txt, seeds/corpus/*.txt, tests/data/realdev/texts/*.txt and every round of
constructed articles (tests/data/rounds/*/*.txt, or tests/data/constructed*/*.txt in checkouts from
before the rounds were renamed), each read as `python -m extract` reads it. Each line is one figure
with its set (seeds, corpus, realdev or rounds: document names are unique within a set) and all its
fields; lines are sorted by set, document, offsets and text. A figure is keyed by (set, doc, start,
end, text): the comparison names a figure found only in one snapshot and, for a figure in both,
every field whose value changed.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SETS = {"seeds": ["seeds"], "corpus": ["seeds/corpus"], "realdev": ["tests/data/realdev/texts"],
        "rounds": ["tests/data/rounds/*", "tests/data/constructed*"]}
KEY = ("set", "doc", "start", "end", "text")


def snapshot() -> list[dict]:
    sys.path.insert(0, str(ROOT))
    from extract.pipeline import extract_mentions
    from extract.sources import read_document

    rows = []
    for name, folders in SETS.items():
        for path in sorted(path for folder in folders for path in ROOT.glob(f"{folder}/*.txt")):
            doc = read_document(path)
            for figure in extract_mentions(doc.text, doc_name=path.name, metadata_date=doc.metadata_date):
                rows.append({"set": name, **figure.to_dict()})
    return sorted(rows, key=lambda row: tuple(row[k] for k in KEY))


def key(row: dict) -> tuple:
    return tuple(row[k] for k in KEY)


def compare(old_path: Path, new_path: Path) -> int:
    """Prints each figure that differs; returns how many do."""
    def read(path):
        return {key(row): row for row in map(json.loads, path.read_text(encoding="utf-8").splitlines())}

    old, new = read(old_path), read(new_path)
    differing = 0
    for k in sorted(old.keys() | new.keys()):
        where = "{}/{} [{}:{}] «{}»".format(*k)
        if k not in new:
            print(f"- only in {old_path}: {where}")
        elif k not in old:
            print(f"+ only in {new_path}: {where}")
        else:
            changes = [f"    {field}: {old[k].get(field)!r} -> {new[k].get(field)!r}"
                       for field in sorted(old[k].keys() | new[k].keys()) if old[k].get(field) != new[k].get(field)]
            if not changes:
                continue
            print(f"~ {where}", *changes, sep="\n")
        differing += 1
    print(f"{differing} of {len(old.keys() | new.keys())} figures differ", file=sys.stderr)
    return differing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", nargs=2, metavar=("OLD", "NEW"), type=Path)
    parser.add_argument("out", nargs="?", type=Path, help="where to write the snapshot")
    args = parser.parse_args(argv)
    if args.compare:
        return 1 if compare(*args.compare) else 0
    if not args.out:
        parser.error("give OUT or --compare OLD NEW")
    lines = [json.dumps(row, ensure_ascii=False, sort_keys=True) for row in snapshot()]
    args.out.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
