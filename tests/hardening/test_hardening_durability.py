"""Durability and concurrent edits: SIGKILL at a random point of a long ingest or of a run of
corrections loses nothing committed and leaves no half document; two processes (or two dashboard
sessions sharing one Store) correcting at once lose neither's edits."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from extract.pipeline import extract_mentions
from extract.store import Store

from hardening_support import ENV, REPO, SEEDS

sys.path.insert(0, str(REPO / "tests" / "store"))
from store_files import seed_text, varied  # noqa: E402

RNG = random.Random(int(os.environ.get("HARDENING_SEED", "8")))

INGEST_CHILD = """
import sys
from extract.store import Store
with Store(sys.argv[1]) as store:
    for path in sys.argv[2:]:
        result = store.ingest_paths([path]).results[0]
        print(result.status, path, flush=True)
"""

CORRECT_CHILD = """
import sys
from extract.store import Store
data_dir, tag, count, reopen = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] == "reopen"
ids = sys.argv[5:]
store = None if reopen else Store(data_dir)
for i in range(count):
    # like the CLI (`correct set`), a reopening writer opens and closes the store for each edit
    current = Store(data_dir) if reopen else store
    current.correct(ids[i % len(ids)], "deadline_text", f"{tag} {i}", author=tag)
    if reopen:
        current.close()
    print("committed", i, flush=True)
if store is not None:
    store.close()
"""


def _child(code: str, *args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code, *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV, cwd=REPO)


def _kill_after(child: subprocess.Popen, acknowledgements: int, extra_seconds: float) -> list[str]:
    """Read `acknowledgements` lines, wait a random moment more, SIGKILL; every line read is committed."""
    lines = [child.stdout.readline().strip() for _ in range(acknowledgements)]
    time.sleep(extra_seconds)
    os.kill(child.pid, signal.SIGKILL)
    rest, _ = child.communicate()
    assert child.returncode == -signal.SIGKILL, "the child finished before the kill: make its work longer"
    return lines + rest.splitlines()      # lines printed before the kill were committed before printing


def _long_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for step in range(count):
        path = folder / f"long_{step}.txt"
        path.write_text("\n".join(varied(seed_text(i), step * 11 + 3) for i in range(len(SEEDS))) * 2,
                        encoding="utf-8")
        paths.append(path)
    return paths


def _assert_whole_documents(store: Store) -> None:
    for doc_id, name, text in store.con.execute("SELECT doc_id, name, raw_text FROM documents").fetchall():
        stored = store.con.execute("SELECT count(*) FROM figures WHERE doc_id = ?", [doc_id]).fetchone()[0]
        assert stored == len(extract_mentions(text, doc_name=name)) > 0, f"half document {name}"
    orphans = store.con.execute("SELECT count(*) FROM figures WHERE doc_id NOT IN (SELECT doc_id FROM documents)")
    assert orphans.fetchone()[0] == 0


def test_sigkill_at_random_points_of_a_long_ingest(tmp_path):
    paths = _long_articles(tmp_path / "in", 30)
    data = tmp_path / "data"
    acknowledged: set[str] = set()
    for round_ in range(3):
        child = _child(INGEST_CHILD, data, *paths)
        lines = _kill_after(child, RNG.randint(1, 3), RNG.uniform(0.0, 1.5))
        acknowledged |= {line.split(" ", 1)[1] for line in lines if line.startswith("ingested ")}
        with Store(data) as store:
            names = set(store.documents()["name"])
            assert {Path(p).name for p in acknowledged} <= names, f"round {round_}: a committed document is gone"
            _assert_whole_documents(store)
    with Store(data) as store:
        assert not store.ingest_paths(paths).failed
        assert len(store.documents()) == len(paths)
        _assert_whole_documents(store)


@pytest.fixture
def corrected_store(tmp_path):
    data = tmp_path / "data"
    with Store(data) as store:
        store.ingest_paths(SEEDS[:2])
        ids = store.figures()["figure_id"].tolist()
    return data, ids


def test_sigkill_in_the_middle_of_corrections_keeps_every_committed_one(corrected_store):
    data, ids = corrected_store
    child = _child(CORRECT_CHILD, data, "killed", 100_000, "keep", *ids)
    lines = _kill_after(child, RNG.randint(20, 60), RNG.uniform(0.0, 0.5))
    committed = [int(line.split()[1]) for line in lines if line.startswith("committed ")]
    with Store(data) as store:
        rows = store.corrections()
        stored = sorted(int(v.strip('"').split()[1]) for v in rows["new_value"])
        # every acknowledged edit is there; at most the one in flight when the kill came is extra
        assert stored[: len(committed)] == committed
        assert len(stored) - len(committed) in (0, 1)
        assert rows[["doc_id", "anchor_start", "anchor_end", "anchor_text", "field"]].notna().all().all()
        last = stored[-1]
        shown = store.figures("figure_id = ?", [ids[last % len(ids)]])["deadline_text"].item()
        assert shown == f"killed {last}"
        store.correct(ids[0], "deadline_text", "after the crash", author="me")   # the store still takes writes
        assert store.figures("figure_id = ?", [ids[0]])["deadline_text"].item() == "after the crash"


def test_two_processes_correcting_at_once_lose_neither_edit(corrected_store):
    data, ids = corrected_store
    edits = 12
    first = _child(CORRECT_CHILD, data, "alice", edits, "reopen", *ids[0::2])
    second = _child(CORRECT_CHILD, data, "bob", edits, "reopen", *ids[1::2])
    for child in (first, second):
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err[-2000:]
        assert out.splitlines()[-1] == f"committed {edits - 1}"
    with Store(data) as store:
        rows = store.corrections()
        for author in ("alice", "bob"):
            mine = rows[rows["author"] == author]
            assert sorted(mine["new_value"]) == sorted(f'"{author} {i}"' for i in range(edits))
        assert len(rows) == 2 * edits


def test_two_dashboard_sessions_sharing_one_store_lose_neither_edit(corrected_store):
    """Streamlit runs each session in a thread; the app shares one Store between them."""
    data, ids = corrected_store
    edits, errors = 40, []
    figure = ids[0]
    with Store(data) as store:
        def session(field: str, values) -> None:
            try:
                for value in values:
                    store.correct(figure, field, value, author=field)
            except Exception as error:  # surfaced below: a thread's exception would otherwise vanish
                errors.append(error)

        threads = [threading.Thread(target=session, args=("deadline_text", [f"d{i}" for i in range(edits)])),
                   threading.Thread(target=session, args=("metric_text", [f"m{i}" for i in range(edits)]))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        assert len(store.corrections()) == 2 * edits
        row = store.figures("figure_id = ?", [figure]).iloc[0]
        assert (row["deadline_text"], row["metric_text"]) == (f"d{edits - 1}", f"m{edits - 1}")
