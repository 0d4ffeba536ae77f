"""The vault syncs every commit (``PRAGMA synchronous = FULL`` under WAL), and bench/durability.py measures the
price against NORMAL (issue 16, item 12)."""

from __future__ import annotations

from sqlalchemy import text

from bench import Options, durability


def test_every_vault_connection_syncs_each_commit(new_vault) -> None:  # type: ignore[no-untyped-def]
    unlocked, _code = new_vault
    with unlocked.engine.connect() as conn:
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_the_durability_bench_reports_full_against_normal_as_a_ratio() -> None:
    report = durability.run(Options(people=5, repeats=1))
    (row,) = report.rows
    assert row.plain is not None and row.vault is not None and row.ratio is not None
    assert "FULL" in " ".join(report.notes)
