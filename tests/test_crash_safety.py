"""A writer killed with SIGKILL at random moments never leaves a broken or half-written file.

A child process opens the data file through ``open_store`` (so with the program's own pragmas:
WAL locally, the rollback journal as on a network share) and runs large transactions in a loop,
each replacing the previous batch of many rows by a new one; it is killed at a random moment,
many times, on the same file. After every kill the file must pass the start-up check and hold
exactly one whole batch: each transaction is there wholly or not at all.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nastavapp.services.school import setup_school
from nastavapp.store import HealthStatus, check_health, open_store
from nastavapp.store.fileinfo import connect_readonly, quick_check

from .conftest import sample_setup

SRC = Path(__file__).resolve().parents[1] / "src"
RUNS = 15
ROWS = 12000  # rows per transaction
SEED = int(os.environ.get("NASTAVAPP_CRASH_SEED", "20251120"))
BUDGET_SECONDS = 25

WRITER = r"""
import itertools, sys
import nastavapp.store.database as database
from nastavapp.store import open_store

path, mode, rows = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "network":
    database.is_network_path = lambda p: True  # the rollback journal, as on a share
store = open_store(path, backups=False)
insert = (
    "INSERT INTO person (category, last_name, first_name, middle_name, class_name, position,"
    " subject, organization, organization_position, phone, email, notes, archived, created_at)"
    " VALUES ('student', ?, 'Анна', 'Ивановна', '7А', '', '', '', '', '', '', ?, 0,"
    " '2025-09-01 00:00:00')"
)
first = int(sys.argv[4])
print("ready", flush=True)
for batch in itertools.count(first):
    tag = f"batch-{batch}"
    print("begin", batch, flush=True)
    values = [(f"Ученица-{tag}-{i:05d}" + "я" * 40, tag) for i in range(rows)]
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM person WHERE notes LIKE 'batch-%'")
        conn.exec_driver_sql(insert, values)
    print("committed", batch, flush=True)
"""


def _batches(path: Path) -> dict[str, int]:
    conn = connect_readonly(path)
    try:
        return dict(
            conn.execute(
                "SELECT notes, count(*) FROM person WHERE notes LIKE 'batch-%' GROUP BY notes"
            ).fetchall()
        )
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX-only")
def test_killed_writer_leaves_a_whole_file_with_whole_transactions(db_path, data_home):
    store = open_store(db_path)
    setup_school(store, sample_setup())
    store.close()
    env = dict(os.environ, NASTAVAPP_HOME=str(data_home), PYTHONPATH=str(SRC))
    rng = random.Random(SEED)
    started = time.monotonic()
    committed: set[int] = set()
    cut_mid_transaction = 0
    next_batch = 1
    previous: int | None = None
    for run in range(RUNS):
        if time.monotonic() - started > BUDGET_SECONDS:
            break
        mode = "network" if run % 3 == 2 else "local"
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(db_path), mode, str(ROWS), str(next_batch)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        ready = child.stdout.readline().strip()
        assert ready == "ready", f"run {run}: {child.stderr.read() if child.stderr else ''}"
        time.sleep(rng.uniform(0.0, 0.6))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        out = child.stdout.read()  # not communicate(): it would miss what readline() buffered
        err = child.stderr.read() if child.stderr else ""
        assert child.returncode == -signal.SIGKILL, f"run {run} ended by itself: {err}"

        begun = [int(line.split()[1]) for line in out.splitlines() if line.startswith("begin")]
        committed |= {int(ln.split()[1]) for ln in out.splitlines() if ln.startswith("committed")}
        context = f"seed {SEED}, run {run} ({mode}), batches begun {begun}"

        health = check_health(db_path, find_offer=False)
        assert health.status is HealthStatus.OK, f"{context}: {health.detail}"
        assert quick_check(db_path) == "ok", context
        counts = _batches(db_path)
        assert len(counts) <= 1 and all(n == ROWS for n in counts.values()), f"{context}: {counts}"
        present = int(next(iter(counts)).removeprefix("batch-")) if counts else None
        # The last transaction that committed is there, whole: the last one begun, or if that
        # one was cut, the one before it.
        before_last = begun[-2] if len(begun) >= 2 else previous
        expected = {begun[-1], before_last} if begun else {previous}
        assert present in expected, f"{context}: found {present}, expected one of {expected}"
        if committed:
            assert present is not None and present >= max(committed), context
        if begun and present != begun[-1]:
            cut_mid_transaction += 1  # the last transaction was cut and rolled back
        previous = present
        next_batch = (begun[-1] + 1) if begun else next_batch

    runs_done = run + 1
    assert runs_done >= 10, f"only {runs_done} runs in {BUDGET_SECONDS} s"
    assert cut_mid_transaction >= 3, "the kills never landed inside a transaction"
    assert committed, "no transaction ever committed: the writer is too slow to test anything"
    store = open_store(db_path, backups=False)  # and the program opens it and writes again
    try:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE person SET class_name = '8Б' WHERE id = 1")
    finally:
        store.close()
