"""A contact's day is the office's date of ``occurred_at`` (DOMAIN.md section 6, "Conventions, precise").

An office in Los Angeles that meets someone at 10 pm on 31 March met them in FY2026 Q2, although it is already
1 April in UTC. Every place a timestamp becomes a day counts in the office's zone: the period's bounds (local
midnights), the days of measure 1's window, the quarters of the grouped trend, the days of service events. With no
zone set the office counts in UTC, and the same instants give the answers they always gave.

Every caseload is fictional and written both into SQLite (the vault's dialect, which has no time zone database) and
PostgreSQL (the office server's). In 2026 Los Angeles is UTC-8 (PST) until 8 March 10:00 UTC, UTC-7 (PDT) until
1 November 09:00 UTC, then UTC-8 again; the DST tests put instants on either side of a local midnight in those weeks.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.orm import Session

from app.models import Encounter, Screening
from app.reports.measures import MEASURES, Scope, compute, compute_measure, trend
from app.reports.periods import Period
from app.reports.periods import trailing_quarters as trailing
from tests.unit import test_measures_exact
from tests.unit.test_measures import Book, d

LA = "America/Los_Angeles"
Q2 = Period.fiscal_quarter(2026, 2)  # 1 Jan - 31 Mar 2026
Q3 = Period.fiscal_quarter(2026, 3)  # 1 Apr - 30 Jun 2026
FY27_Q1 = Period.fiscal_quarter(2027, 1)  # 1 Oct - 31 Dec 2026
AFTER = dt.date(2027, 6, 1)  # every window closed


s = test_measures_exact.s  # the same SQLite and PostgreSQL session fixture


def utc(month: int, day: int, h: int, m: int = 0, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, h, m, tzinfo=dt.UTC)


def nd(s: Session, number: int, period: Period, zone: str | None) -> tuple[int, int | None]:
    r = compute_measure(s, number, period, scope=Scope(time_zone=zone), as_of=AFTER)
    return r.numerator, r.denominator


def screened_at(b: Book, key: str, when: dt.datetime) -> None:
    """A screening known only by when it was finished (no screening day typed): its day is the office's."""
    b.add(Screening, key, template_id="tool-a", template_version="1", completed_at=when, session_status="complete")


# --- the quarter of a first contact ----------------------------------------------------------------------------------


def test_a_first_contact_late_on_31_march_in_los_angeles_is_in_q2(s: Session) -> None:
    b = Book(s)
    b.person("A")
    b.contact("A", utc(4, 1, 5))  # 31 March, 22:00 in Los Angeles (PDT); 1 April 05:00 in UTC
    s.commit()
    # In the office's zone: a first contact in Q2, none in Q3.
    assert nd(s, 1, Q2, LA) == (0, 1)
    assert nd(s, 1, Q3, LA) == (0, 0)
    # No zone set: UTC, as before: Q3.
    assert nd(s, 1, Q2, None) == (0, 0)
    assert nd(s, 1, Q3, None) == (0, 1)
    assert nd(s, 1, Q3, "UTC") == (0, 1)
    # Served (measure 6) on 31 March local: Q2 in Los Angeles, Q3 in UTC.
    assert (nd(s, 6, Q2, LA), nd(s, 6, Q3, LA)) == ((1, None), (0, None))
    assert (nd(s, 6, Q2, None), nd(s, 6, Q3, None)) == ((0, None), (1, None))


def test_day_30_of_the_window_is_counted_in_the_offices_days(s: Session) -> None:
    b = Book(s)
    b.person("A")
    b.person("B")
    b.contact("A", utc(4, 1, 3))  # 31 March, 20:00 in Los Angeles; 1 April in UTC
    b.contact("B", utc(4, 1, 3))
    screened_at(b, "A", utc(5, 1, 5))  # 30 April, 22:00 local: day 30 (counts); 1 May in UTC: day 30 there too
    screened_at(b, "B", utc(5, 1, 8))  # 1 May, 01:00 local: day 31 (does not count); 1 May in UTC: day 30
    s.commit()
    # Los Angeles: both first contacts in Q2 (31 March); A screened on day 30, B on day 31.
    assert nd(s, 1, Q2, LA) == (1, 2)
    assert nd(s, 1, Q3, LA) == (0, 0)
    # UTC: both first contacts on 1 April (Q3), both screened on 1 May, day 30: both count.
    assert nd(s, 1, Q2, None) == (0, 0)
    assert nd(s, 1, Q3, None) == (2, 2)


# --- the DST weeks ---------------------------------------------------------------------------------------------------


def test_march_dst_week_moves_local_midnight_by_an_hour(s: Session) -> None:
    b = Book(s)
    for key in "ABC":
        b.person(key)
        b.contact(key, utc(2, 6, 20))  # 6 February, 12:00 PST: day 0
    # Day 30 is 8 March (the day clocks go forward), day 31 is 9 March. Local midnight of 9 March is 07:00 UTC (PDT);
    # an office counting PST all year would put it at 08:00.
    screened_at(b, "A", utc(3, 9, 6, 30))  # 8 March 23:30 PDT: day 30, counts
    screened_at(b, "B", utc(3, 9, 7, 30))  # 9 March 00:30 PDT: day 31 (PST would say 8 March 23:30)
    screened_at(b, "C", utc(3, 8, 9, 30))  # 8 March 01:30 PST, just before the clocks change: day 30, counts
    s.commit()
    assert nd(s, 1, Q2, LA) == (2, 3)
    # UTC: first contacts on 6 February; A and B screened on 9 March (day 31), C on 8 March (day 30).
    assert nd(s, 1, Q2, None) == (1, 3)


def test_november_dst_week_moves_local_midnight_back(s: Session) -> None:
    b = Book(s)
    for key in "ABCD":
        b.person(key)
        b.contact(key, utc(10, 2, 19))  # 2 October, 12:00 PDT: day 0, FY2027 Q1
    # Day 30 is 1 November (clocks go back at 09:00 UTC), day 31 is 2 November, whose local midnight is 08:00 UTC.
    screened_at(b, "A", utc(11, 1, 7, 30))  # 1 November 00:30 PDT: day 30
    screened_at(b, "B", utc(11, 2, 7, 30))  # 1 November 23:30 PST: day 30 (PDT all year would say 2 November)
    screened_at(b, "C", utc(11, 2, 8, 30))  # 2 November 00:30 PST: day 31
    screened_at(b, "D", utc(10, 2, 6, 59))  # 1 October 23:59 PDT: the day before the first contact
    s.commit()
    assert nd(s, 1, FY27_Q1, LA) == (2, 4)
    # UTC: first contacts on 2 October; A on 1 November (day 30), B and C on 2 November (day 31), D on day 0.
    assert nd(s, 1, FY27_Q1, None) == (2, 4)


def test_a_contact_at_local_midnight_in_the_dst_weeks_belongs_to_its_local_day(s: Session) -> None:
    """Period bounds are local midnights converted to UTC, with the offset in force on that day."""
    b = Book(s)
    for key in "ABCD":
        b.person(key)
    b.contact("A", utc(1, 1, 8))  # 1 January 00:00 PST: the first instant of Q2
    b.contact("B", utc(1, 1, 7, 59))  # 31 December 23:59 PST: FY2026 Q1
    b.contact("C", utc(4, 1, 6, 59))  # 31 March 23:59 PDT: Q2
    b.contact("D", utc(4, 1, 7))  # 1 April 00:00 PDT: Q3
    s.commit()
    assert nd(s, 1, Q2, LA) == (0, 2)
    assert nd(s, 1, Q3, LA) == (0, 1)
    change_day = Period(d(3, 8), d(3, 8))  # the March change day alone: 08:00 UTC to 07:00 UTC the next day
    for key in "EFGH":
        b.person(key)
    b.contact("E", utc(3, 9, 6, 59))  # 8 March 23:59 PDT: in
    b.contact("F", utc(3, 8, 7, 59))  # 7 March 23:59 PST: out
    b.contact("G", utc(3, 9, 7, 30))  # 9 March 00:30 PDT (PST all day would say 8 March 23:30): out
    b.contact("H", utc(3, 8, 8))  # 8 March 00:00 PST: in
    s.commit()
    assert nd(s, 1, change_day, LA) == (0, 2)
    assert nd(s, 1, change_day, None) == (0, 2)  # UTC: F and H on 8 March


# --- the grouped trend agrees with each quarter alone -------------------------------------------------------------


def _edges(b: Book) -> None:
    """Contacts, screenings and identifications at the local edges of FY2026's quarters, in Los Angeles."""
    from app.models import IdentificationDecision, JusticeContact, SafetyPlan

    edges = {
        "A": utc(10, 1, 6, 30, year=2025),  # 30 September 23:30 PDT: FY2025 Q4
        "B": utc(10, 1, 7, 30, year=2025),  # 1 October 00:30 PDT: FY2026 Q1
        "C": utc(1, 1, 7, 30),  # 31 December 23:30 PST: Q1
        "D": utc(1, 1, 8, 30),  # 1 January 00:30 PST: Q2
        "E": utc(4, 1, 5),  # 31 March 22:00 PDT: Q2
        "F": utc(4, 1, 7, 30),  # 1 April 00:30 PDT: Q3
        "G": utc(7, 1, 6, 30),  # 30 June 23:30 PDT: Q3
        "H": utc(7, 1, 7, 30),  # 1 July 00:30 PDT: Q4
    }
    for key, when in edges.items():
        b.person(key)
        b.contact(key, when, kind="court" if key in "CE" else "interview")
        b.contact(key, when + dt.timedelta(days=40))  # a later contact, for measures 9 and 11
        screened_at(b, key, when + dt.timedelta(days=30, hours=2))
        local = when.astimezone(ZoneInfo(LA)).date()
        b.add(IdentificationDecision, key, decided_on=local, status="identified", reason="Reviewed.")
        b.add(JusticeContact, key, role="defendant")
        b.add(SafetyPlan, key, offered_on=local + dt.timedelta(days=1), survivor_choice="chosen")
        b.referral(key, local, "accepted")


@pytest.mark.parametrize("zone", [LA, None])
def test_the_grouped_trend_agrees_with_each_quarter_alone(s: Session, zone: str | None) -> None:
    b = Book(s)
    _edges(b)
    s.commit()
    quarters = trailing(Period.fiscal_quarter(2026, 4), 5)  # FY2025 Q4 to FY2026 Q4
    scope = Scope(time_zone=zone)
    grouped = trend(s, quarters, scope=scope, as_of=AFTER)
    for quarter, report in zip(quarters, grouped, strict=True):
        alone = compute(s, quarter, scope=scope, as_of=AFTER, detail=False)
        for m in MEASURES:
            got, want = report.get(m.number), alone.get(m.number)
            assert (got.numerator, got.denominator) == (want.numerator, want.denominator), (quarter.label, m.number)
    first = [r.get(1).denominator for r in grouped]
    # Each quarter holds the two first contacts on either side of its edges in the office's days.
    assert first == ([1, 2, 2, 2, 1] if zone == LA else [0, 2, 2, 2, 2])


# --- who passes the zone -----------------------------------------------------------------------------------------


def test_an_unknown_zone_is_refused_in_a_sentence() -> None:
    from app.errors import ValidationError

    with pytest.raises(ValidationError, match="time zone"):
        Scope(time_zone="Mars/Olympus_Mons")
    with pytest.raises(ValidationError):
        Scope(time_zone="UTC'; DROP TABLE person; --")


def test_the_vault_counts_in_the_zone_the_office_sent(workspace: object) -> None:
    """On a device, the dashboard's measures read the office policy kept in the vault."""
    from app.core import office_policy
    from app.core.workspace import Workspace
    from app.reports.measures import caseload_headline

    assert isinstance(workspace, Workspace)
    with workspace.session() as session, session.begin():
        b = Book(session)
        b.person("A")
        b.contact("A", utc(4, 1, 5))  # 31 March in Los Angeles
    before = caseload_headline(workspace, Q2, as_of=AFTER).report.get(1).denominator
    with workspace.session() as session, session.begin():
        office_policy.remember(session, {"time_zone": LA})
    after = caseload_headline(workspace, Q2, as_of=AFTER).report.get(1).denominator
    assert (before, after) == (0, 1)


def test_the_office_servers_report_counts_in_the_offices_zone(tmp_path: Path) -> None:
    import csv
    import io

    from app.models import Person, uuid7
    from app.server import admin, db
    from app.server.records import store
    from tests.server.conftest import run_cli

    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(tmp_path / "server")
    run_cli("init", "--data-dir", str(home.root), "--office", "Fictional Office", "--host", "localhost",
            "--kit", str(tmp_path / "kit.pdf"), env=env)  # fmt: skip
    engine = db.make_engine(db.database_url(home.root))
    team = admin.add_team(engine, "Advocacy A", "advocacy").id
    with Session(engine) as session, session.begin():
        for i in range(6):
            pid = uuid7()
            common = {"owner_user_id": "u-a", "team_id": team, "regime": "advocacy", "visibility": "my_team",
                      "privileged": True, "edited_hlc": f"0000000000001-{i:04d}-dev", "edited_by": "u",
                      "edited_device": "d"}  # fmt: skip
            store(session, Person(id=pid, person_id=pid, preferred_name=f"Fictional {i}", **common), user_id="u",
                  device_id="d", new=True)  # fmt: skip
            met = utc(4, 1, 5)  # 31 March in Los Angeles
            contact = Encounter(id=uuid7(), person_id=pid, occurred_at=met, kind="interview", status="complete",
                                **common)  # fmt: skip
            store(session, contact, user_id="u", device_id="d", new=True)
    admin.set_office_policy(engine, time_zone=LA)
    engine.dispose()
    out = tmp_path / "q2.csv"
    run_cli("report", "--data-dir", str(home.root), "--period", "2026Q2", "--format", "csv", "--out", str(out),
            env=env)  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    (served,) = [r for r in rows if r["measure"] == "6" and r["line"] == "Headline"]
    assert served["value"] == "6"  # in UTC they were met on 1 April, in Q3: 0 served in Q2
