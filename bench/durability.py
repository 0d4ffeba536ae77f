"""What ``PRAGMA synchronous = FULL`` costs the vault against NORMAL, on the app's own save path.

Under WAL, NORMAL syncs the log only at checkpoints, so a power cut can take back the last commits a person saw
saved; FULL syncs the log at every commit (issue 16, item 12). Measured: N saves, each one ``records.create`` in its
own transaction (as the window saves a form), on a real SQLCipher vault in the temporary folder, once with each
setting, interleaved and the best of ``repeats`` kept. The ratio FULL/NORMAL is the price of durability per save;
the per-save time says whether a person could ever notice it. Absolute times depend on the disk's sync speed.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from sqlalchemy import event

from app.core.workspace import Workspace
from app.storage import engine as storage_engine
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from bench import Options, Report, Row, ms

PASSPHRASE = "benchmark passphrase, not a secret"  # noqa: S105 - a throwaway vault in a temporary folder
PEOPLE = 500  # saves per measure (python -m bench without --people)
QUICK_PEOPLE = 200
COLUMNS = ("synchronous NORMAL", "synchronous FULL")
#: FULL costs at most this much per save over NORMAL before it would need a second look.
TARGET = 3.0


def _saves(folder: Path, synchronous: str, count: int) -> float:
    """Seconds for ``count`` separate saves on a fresh vault whose connections use ``synchronous``."""
    import time

    unlocked, _code = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        engine = unlocked.engine

        @event.listens_for(engine, "connect")
        def _setting(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute(f"PRAGMA synchronous = {synchronous}")

        engine.dispose()  # the pooled connections were made with the product's setting
        ws = Workspace(unlocked)
        ws.records.create("person", {"preferred_name": "Warm Up Example", "is_demo": True})
        start = time.perf_counter()
        for i in range(count):
            ws.records.create("person", {"preferred_name": f"Bench Person {i:05d}", "is_demo": True})
        return time.perf_counter() - start
    finally:
        unlocked.lock()


def run(options: Options) -> Report:
    count = options.people
    report = Report(name="durability")
    normal = full = float("inf")
    with tempfile.TemporaryDirectory(prefix="offramp-bench-") as tmp:
        for rep in range(max(1, options.repeats)):
            normal = min(normal, _saves(Path(tmp) / f"normal-{rep}", "NORMAL", count))
            full = min(full, _saves(Path(tmp) / f"full-{rep}", "FULL", count))
    report.rows.append(Row(f"{count:,} saves (records.create, one commit each)", normal, full, target=TARGET))
    report.notes += [
        f"Per save: NORMAL {ms(normal / count)}, FULL {ms(full / count)} "
        f"(+{ms(max(0.0, full - normal) / count)} each). The vault uses {storage_engine.SYNCHRONOUS}.",
        "FULL syncs the write-ahead log at each commit, so a save the window showed as done survives a power cut; "
        "NORMAL may lose the last commits since the previous checkpoint.",
    ]
    return report
