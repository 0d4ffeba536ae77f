"""The outcome measures and the quarterly report: the 14 measures against raw aggregate queries over the same
tables, in the same vault, in the same run.

A vault holds N fictional demo people (``generate_into``). Measured, each the best of ``repeats`` runs:

a. the 14 measures with every breakdown for one quarter (``compute``, demo people included), against a baseline
   of one plain ``COUNT(*)`` per table the measures read, filtered to the same quarter where the table has a date;
b. the dashboard's trend: headline numbers for eight quarters (``trend``), against the same one-quarter baseline
   (what one quarter's raw counts cost, so the ratio says what eight quarters of measures cost against it);
c. the 14 measures again, against a second baseline over the same tables and dates that counts as the measures
   count: ``COUNT(DISTINCT person_id)`` of people who count, each looked up by primary key (the rows any
   hand-written aggregate per measure must read);
d. the quarterly PDF with its charts (``quarterly_pdf``), from numbers already computed;
e. five measures (4, 8, 12, 13, 14), every breakdown and figure, against hand-tuned SQL written for them in
   ``bench/measures_sql.py`` that gives exactly the same numbers (checked in the run before timing): the honest
   baseline of issue 20, target at most 1.5x;
f. the dashboard as its user meets it (``bench/_dashboard.py``, a child process with the real dialog offscreen):
   seconds from opening it until the first measure's number shows, and until all 14 show (targets 1 s and 3 s).

The measures do much more than the baseline (windows, first decisions, distinct people, medians), so the ratio says
what that costs; the old target (at most 2x against it) was not reachable, and (e) is the honest one. With the date
indexes of vault migration 0006 the baseline reads only index pages (a few milliseconds for 20,000 people), while
every measure must read the period's rows themselves and look up, per row, whether the person counts (not deleted,
not demo, in scope): that floor, not the shape of the queries, is most of what the ratio shows.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import secrets
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import distinct, exists, func, select
from sqlalchemy.orm import Session

from app.demo.people import generate_into
from app.models import (
    RECORD_TYPES,
    Disclosure,
    Encounter,
    IdentificationDecision,
    JusticeContact,
    Person,
    Referral,
    ReferralEvent,
    ReliefCase,
    ReliefCharge,
    ReliefPetition,
    SafetyPlan,
    Screening,
)
from app.reports.measures import Scope, compute, compute_measure, trend
from app.reports.periods import Period, trailing_quarters
from app.reports.quarterly import quarterly_pdf
from app.server import db as server_db
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from bench import Options, Report, Row, best_of
from bench.measures_sql import HAND_SQL, numbers_of
from bench.sync import _postgres as bench_postgres
from bench.vault import IDENTITY, PASSPHRASE, SEED

PEOPLE = 100_000  # the issue asks for the measures over 100,000 demo people
QUICK_PEOPLE = 2_000
COLUMNS = ("raw COUNT queries", "the 14 measures")
HAND_TARGET = 1.5
FIRST_SHOWN_S, ALL_SHOWN_S = 1.0, 3.0
PERIOD = Period.fiscal_quarter(2025, 3)
#: The server's office report against the same measures on a vault: the same SQL, a bigger schema around it.
OFFICE_TARGET = 1.5
AS_OF = dt.date(2026, 12, 1)


def _baseline(s: Session, period: Period) -> int:
    """One COUNT per table the measures read, with the period's date filter where the table has one."""
    t0 = dt.datetime(period.start.year, period.start.month, period.start.day, tzinfo=dt.UTC)
    t1 = t0 + (period.end - period.start) + dt.timedelta(days=1)
    queries = [
        select(func.count()).select_from(Person).where(Person.deleted.is_(False)),
        select(func.count()).where(Encounter.occurred_at >= t0, Encounter.occurred_at < t1),
        select(func.count()).select_from(Screening),
        select(func.count())
        .select_from(IdentificationDecision)
        .where(IdentificationDecision.decided_on.between(period.start, period.end)),
        select(func.count()).select_from(JusticeContact),
        select(func.count()).select_from(Referral).where(Referral.offered_on.between(period.start, period.end)),
        select(func.count())
        .select_from(ReferralEvent)
        .where(ReferralEvent.occurred_on.between(period.start, period.end)),
        select(func.count()).select_from(SafetyPlan).where(SafetyPlan.offered_on.between(period.start, period.end)),
        select(func.count()).select_from(Disclosure).where(Disclosure.disclosed_on.between(period.start, period.end)),
        select(func.count()).select_from(ReliefCase),
        select(func.count()).select_from(ReliefCharge).where(ReliefCharge.decided_on.between(period.start, period.end)),
        select(func.count())
        .select_from(ReliefPetition)
        .where(ReliefPetition.filed_on.between(period.start, period.end)),
    ]
    return sum(int(s.execute(q).scalar_one()) for q in queries)


def _baseline_people(s: Session, period: Period) -> int:
    """The same tables and date filters as :func:`_baseline`, counted as the measures count: unduplicated people,
    each looked up to see that they count (not deleted). The least a hand-written aggregate per measure reads."""
    t0 = dt.datetime(period.start.year, period.start.month, period.start.day, tzinfo=dt.UTC)
    t1 = t0 + (period.end - period.start) + dt.timedelta(days=1)
    dated: list[tuple[Any, Any]] = [
        (Encounter, (Encounter.occurred_at >= t0, Encounter.occurred_at < t1)),
        (Screening, ()),
        (IdentificationDecision, (IdentificationDecision.decided_on.between(period.start, period.end),)),
        (JusticeContact, ()),
        (Referral, (Referral.offered_on.between(period.start, period.end),)),
        (ReferralEvent, (ReferralEvent.occurred_on.between(period.start, period.end),)),
        (SafetyPlan, (SafetyPlan.offered_on.between(period.start, period.end),)),
        (Disclosure, (Disclosure.disclosed_on.between(period.start, period.end),)),
        (ReliefCase, ()),
        (ReliefCharge, (ReliefCharge.decided_on.between(period.start, period.end),)),
        (ReliefPetition, (ReliefPetition.filed_on.between(period.start, period.end),)),
    ]
    total = int(s.execute(select(func.count()).select_from(Person).where(Person.deleted.is_(False))).scalar_one())
    for model, where in dated:
        counts = exists().where(Person.id == model.person_id, Person.deleted.is_(False))
        q = select(func.count(distinct(model.person_id))).where(model.deleted.is_(False), counts, *where)
        total += int(s.execute(q).scalar_one())
    return total


def _dashboard(vault_dir: Path, out: Path) -> dict[str, Any]:
    """The dashboard's moments (seconds from opening it), from the real dialog in a child process."""
    argv = [sys.executable, "-m", "bench._dashboard", str(vault_dir), str(out)]
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(argv, cwd=root, env=env, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"the dashboard benchmark child failed ({done.returncode}):\n{done.stderr[-3000:]}")
    moments: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return moments


def _office_reports(people: int, repeats: int) -> list[dict[str, Any]]:
    """The server's office report (``offramp-server report``'s computation) over the same fictional office written
    into a server database: SQLite (encrypted at rest, as the server keeps it) and, where one answers, PostgreSQL."""
    out: list[dict[str, Any]] = []
    desk = dataclasses.replace(IDENTITY, regime="prosecution")
    with tempfile.TemporaryDirectory(prefix="offramp-bench-office-") as tmp:
        targets: list[tuple[str, sa.Engine, Callable[[], None]]] = []
        sqlite = server_db.make_engine(f"sqlite:///{Path(tmp) / 'office.db'}", key=secrets.token_bytes(32))
        targets.append(("SQLite", sqlite, sqlite.dispose))
        postgres = bench_postgres()
        if postgres is not None:
            name, url, admin_engine = postgres
            pg = server_db.make_engine(url)

            def drop(pg: sa.Engine = pg, name: str = name, admin_engine: sa.Engine = admin_engine) -> None:
                pg.dispose()
                with admin_engine.connect() as conn:
                    conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
                admin_engine.dispose()

            targets.append(("PostgreSQL", pg, drop))
        for database, engine, close in targets:
            try:
                server_db.upgrade(engine)
                generate_into(engine, desk, persons=people, seed=SEED)
                if engine.dialect.name == "postgresql":
                    # What autovacuum does for an office's PostgreSQL soon after rows arrive; a bulk load read
                    # before it has no statistics, and plans for empty tables.
                    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                        conn.exec_driver_sql("ANALYZE")
                with Session(engine) as s:
                    records = sum(
                        int(s.scalar(select(func.count()).select_from(c)) or 0) for c in RECORD_TYPES.values()
                    )

                    def office_report(s: Session = s) -> Any:
                        return compute(s, PERIOD, scope=Scope(include_demo=True), as_of=AS_OF)

                    office_report()  # warm the cache, as for the vault
                    took, _ = best_of(repeats, office_report)
                out.append({"database": database, "records": records, "took": took})
            finally:
                close()
    return out


def run(options: Options) -> Report:
    people, repeats = options.people, options.repeats
    report = Report(name="reports")
    scope = Scope(include_demo=True)
    quarters = trailing_quarters(PERIOD, 8)
    with tempfile.TemporaryDirectory(prefix="offramp-bench-") as tmp:
        unlocked, _code = Vault(Path(tmp)).create(PASSPHRASE, kdf_params=KdfParams.floor())
        try:
            # A prosecution's demo data: charging decisions too, which measure 14 reads.
            desk = dataclasses.replace(IDENTITY, regime="prosecution")
            generate_into(unlocked.engine, desk, persons=people, seed=SEED)
            with unlocked.session() as s:
                _baseline(s, PERIOD)  # warm the page cache for both sides alike
                base, _ = best_of(repeats, lambda: _baseline(s, PERIOD))
                people_base, _ = best_of(repeats, lambda: _baseline_people(s, PERIOD))
                full, result = best_of(repeats, lambda: compute(s, PERIOD, scope=scope, as_of=AS_OF))
                trend_time, series = best_of(repeats, lambda: trend(s, quarters, scope=scope, as_of=AS_OF))

                def library() -> list[Any]:
                    return [
                        numbers_of(compute_measure(s, n, PERIOD, scope=scope, as_of=AS_OF)) for n in sorted(HAND_SQL)
                    ]

                def hand() -> list[Any]:
                    return [HAND_SQL[n](s, PERIOD) for n in sorted(HAND_SQL)]

                if library() != hand():
                    raise AssertionError("the hand-tuned SQL and the measures disagree: fix the bench first")
                hand_time, _ = best_of(repeats, hand)
                five_time, _ = best_of(repeats, library)
            pdf_time, pdf = best_of(repeats, lambda: quarterly_pdf(result, series))
        finally:
            unlocked.lock()
        shown = _dashboard(Path(tmp), Path(tmp) / "dashboard.json")
    # Issue 20 replaced the old target (2x a bare COUNT, which no computation of these rules can reach) by the
    # hand-tuned SQL row below; this one stays for the record, without a target.
    report.rows.append(Row(f"14 measures with breakdowns, one quarter, {people:,} people", base, full))
    report.rows.append(
        Row("trend: headline numbers over eight quarters (against one quarter's baseline)", base, trend_time)
    )
    report.rows.append(
        Row(
            "14 measures, one quarter, against raw COUNT(DISTINCT person) of people who count, same tables and dates",
            people_base,
            full,
        )
    )
    report.rows.append(
        Row(
            f"measures 4, 8, 12, 13, 14 with breakdowns, one quarter, {people:,} people, against hand-tuned SQL "
            "giving the same numbers",
            hand_time,
            five_time,
            target=HAND_TARGET,
            baseline="hand-tuned SQL",
        )
    )
    report.rows.append(
        Row(
            "quarterly PDF with charts (from computed numbers)",
            None,
            pdf_time,
            target_text="under 5 s",
            met=pdf_time < 5.0,
        )
    )
    report.rows.append(
        Row(
            f"dashboard: first numbers shown, {people:,} people",
            None,
            shown["first"],
            target_text=f"under {FIRST_SHOWN_S:g} s",
            met=shown["first"] <= FIRST_SHOWN_S,
        )
    )
    report.rows.append(
        Row(
            f"dashboard: all 14 numbers shown, {people:,} people",
            None,
            shown["all"],
            target_text=f"under {ALL_SHOWN_S:g} s",
            met=shown["all"] <= ALL_SHOWN_S,
        )
    )
    report.notes.append(
        f"dashboard ({shown['period']}, the real dialog offscreen, wall time from opening it): first number "
        f"{shown['first']:.2f} s, all 14 {shown['all']:.2f} s, every breakdown and the eight-quarter trend "
        f"{shown['everything']:.2f} s; in CPU time of the dialog's process (not inflated by a busy machine) "
        f"{shown['first_cpu']:.2f} s, {shown['all_cpu']:.2f} s and {shown['everything_cpu']:.2f} s. "
        "Each measure is its own task on the one vault worker: headline numbers "
        "first (the one in focus, then the quickest), then the breakdowns, then the trend."
    )
    for office in _office_reports(people, repeats):
        report.rows.append(
            Row(
                f"office report on the server ({office['database']}): 14 measures, one quarter, {people:,} people, "
                f"{office['records']:,} records, against the same measures on a vault",
                full,
                office["took"],
                target=OFFICE_TARGET,
                baseline="vault",
            )
        )
    served = result.get(6).numerator
    report.notes.append(
        f"{PERIOD.label}: {served:,} people served; PDF {len(pdf) / 1024:.0f} KiB. The baseline is one COUNT per "
        "table read; the measures add windows, first decisions, distinct people and medians."
    )
    report.notes.append(
        "before the rewrite of issue 9, on the same 20,000-person vault with the 0006 indexes, in CPU time: "
        "one quarter 2.9 s, now 0.87 s; the trend was eight one-quarter runs, now one grouped pass per measure "
        "(1.3 s CPU). Each period's rows are read by their date indexes and each candidate looked up by person, "
        "instead of grouping whole tables (first contacts, identifications, services, follow-ups)."
    )
    return report
