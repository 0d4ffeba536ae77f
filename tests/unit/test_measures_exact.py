"""The measures' readings of DOMAIN.md section 6 ("Conventions, precise"), one small caseload per rule.

Every caseload is fictional, in FY2026 Q2 (1 January to 31 March 2026), and written both into SQLite (the vault's
dialect) and PostgreSQL (the office server's). Each expected number is worked out in the comments. The boundary
tests put an event on day 0, day 30 and day 31 of each 30-day window, and one the day before, so that moving a
window by a day either way fails a test; quarters are tested on their first and last day, releases on theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.models import (
    Base,
    ChargingDecision,
    Consent,
    Disclosure,
    IdentificationDecision,
    JusticeContact,
    ReliefCase,
    ReliefCharge,
    SafetyPlan,
    Screening,
)
from app.reports.measures import compute_measure
from app.reports.periods import Period
from tests.unit.test_measures import Book, at, d

Q2 = Period.fiscal_quarter(2026, 2)  # 1 Jan - 31 Mar 2026
AFTER = dt.date(2026, 9, 1)  # every window closed


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def s(request: pytest.FixtureRequest) -> Iterator[Session]:
    url = "sqlite://" if request.param == "sqlite" else request.getfixturevalue("pg_database")
    engine = sa.create_engine(url)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            yield session
    finally:
        engine.dispose()


def nd(s: Session, number: int, period: Period = Q2) -> tuple[int, int | None]:
    r = compute_measure(s, number, period, as_of=AFTER)
    return r.numerator, r.denominator


def parts(s: Session, number: int, which: int = 0) -> dict[str, int]:
    r = compute_measure(s, number, Q2, as_of=AFTER)
    return {p.key: p.count for p in r.breakdowns[which].parts}


def people(b: Book, *keys: str) -> None:
    for key in keys:
        b.person(key)


def revise(b: Book, key: str, on: dt.date, status: str, when: dt.datetime) -> None:
    """A decision recorded at ``when`` (its created_at), so two on one day have an order."""
    b.add(IdentificationDecision, key, decided_on=on, status=status, reason="Reviewed again.", created_at=when)


# --- 1. measure 8: every follow-up falling due that the person has not declined -------------------------------------


def test_measure_8_counts_every_follow_up_the_person_has_not_declined(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D", "E", "F", "G")
    b.referral("A", d(1, 2), "accepted", follow_up_due=d(1, 1))  # due on the quarter's first day
    b.referral("B", d(3, 1), "pending", follow_up_due=d(3, 31))  # still deciding; due on the last day
    b.referral("C", d(2, 1), "not_now", follow_up_due=d(2, 15))
    b.referral("D", d(2, 1), "declined", follow_up_due=d(2, 15))  # declined: no follow-up to do
    b.referral("E", d(12, 1, 2025), "accepted", follow_up_due=d(12, 31, 2025))  # due in Q1
    b.referral("F", d(3, 1), "accepted", follow_up_due=d(4, 1))  # due in Q3
    b.referral("G", d(2, 1), None, follow_up_due=d(2, 20))  # no decision recorded yet: not declined
    on_day = b.referral("A", d(2, 1), "accepted", follow_up_due=d(2, 10))
    b.event("A", on_day, "follow_up_done", d(2, 10))  # done on the due day: on time
    day_late = b.referral("A", d(2, 1), "accepted", follow_up_due=d(2, 11))
    b.event("A", day_late, "follow_up_done", d(2, 12))  # a day late
    s.commit()
    # Falling due in Q2, not declined: A (1 Jan), B (31 Mar), C, G, A (10 Feb), A (11 Feb) = 6; on time: 1.
    assert nd(s, 8) == (1, 6)
    assert parts(s, 8) == {"on_time": 1, "late": 1, "not_done": 4}


# --- 2. measures 9, 11, 14: the identification decision in force ---------------------------------------------------


def test_measures_9_and_11_use_the_decision_in_force_at_the_periods_end(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D", "E")
    for key in "ABCDE":
        b.contact(key, at(2, 5))
        b.add(JusticeContact, key, role="defendant")  # a known arrest, for measure 11
        b.add(SafetyPlan, key, offered_on=d(2, 6), survivor_choice="chosen")
    b.identify("A", d(1, 10), "sex")  # identified, never revised: counts
    b.identify("B", d(1, 10), "sex")
    revise(b, "B", d(3, 15), "not_identified", at(3, 15))  # revised within the quarter: does not count
    b.identify("C", d(1, 10), "sex")
    revise(b, "C", d(4, 2), "not_identified", at(4, 2))  # revised after the quarter's end: counts
    revise(b, "D", d(1, 3), "not_identified", at(1, 3))
    revise(b, "D", d(3, 31), "identified", at(3, 31))  # identified on the quarter's last day: counts
    revise(b, "E", d(3, 10), "identified", at(3, 10, h=9))  # two decisions on one day: the later-recorded is in force
    revise(b, "E", d(3, 10), "not_identified", at(3, 10, h=18))
    s.commit()
    # Identified at 31 Mar with a contact in Q2: A, C, D = 3; all three were offered safety planning in Q2.
    assert nd(s, 9) == (3, 3)
    # The same three have a known arrest; none has had an eligibility review.
    assert nd(s, 11) == (0, 3)


def test_measure_14_uses_the_decision_in_force_on_the_disposition_day(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D")
    b.identify("A", d(1, 10), "sex")
    revise(b, "A", d(2, 20), "not_identified", at(2, 20))
    b.add(JusticeContact, "A", role="defendant", disposition="dismissed", disposition_date=d(3, 1))  # not in force
    b.identify("B", d(1, 10), "sex")
    revise(b, "B", d(2, 20), "not_identified", at(2, 20))
    b.add(JusticeContact, "B", role="defendant", disposition="diverted", disposition_date=d(2, 15))  # in force then
    b.identify("C", d(3, 1), "labour")
    b.add(JusticeContact, "C", role="defendant", disposition="convicted", disposition_date=d(3, 1))  # same day
    b.identify("D", d(3, 2), "labour")
    b.add(JusticeContact, "D", role="defendant", disposition="declined", disposition_date=d(3, 1))  # day before
    s.commit()
    # Disposed in Q2 with the survivor identified that day: B (diverted) and C (convicted) = 2; non-conviction: 1.
    assert nd(s, 14) == (1, 2)



def charge(b: Book, key: str, matter: str, on: dt.date, decision: str, *, informed_by: str | None = None,
           when: dt.datetime | None = None) -> str:  # fmt: skip
    """A prosecutor's charging decision on a matter (recorded at ``when``, so two on one day have an order)."""
    extra: dict[str, Any] = {} if when is None else {"created_at": when}
    return b.add(
        ChargingDecision, key, justice_contact_id=matter, decided_on=on, decided_by_name="A. Prosecutor",
        decision=decision, reason="Reviewed the file.", identification_decision_id=informed_by, **extra,
    )  # fmt: skip


def identification(b: Book, key: str, on: dt.date, status: str = "identified") -> str:
    return b.add(IdentificationDecision, key, decided_on=on, status=status, trafficking_type="sex", reason="Reviewed.")


def test_measure_14_reads_the_prosecutors_charging_decisions_where_no_court_outcome_is_recorded(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D", "E", "F", "G", "H")
    for key in "ABCDEFG":
        b.identify(key, d(1, 10), "sex")
    a = b.add(JusticeContact, "A", role="defendant")
    charge(b, "A", a, d(2, 1), "decline")  # declined in Q2, no court outcome: disposed (declined)
    m = b.add(JusticeContact, "B", role="defendant", disposition="convicted", disposition_date=d(3, 1))
    charge(b, "B", m, d(1, 20), "divert")  # the court's outcome is recorded: it is the disposition
    c = b.add(JusticeContact, "C", role="defendant")
    charge(b, "C", c, d(2, 5), "divert", when=at(2, 5))
    charge(b, "C", c, d(2, 20), "file_as_charged", when=at(2, 20))  # the later decision replaces the diversion
    dm = b.add(JusticeContact, "D", role="defendant")
    charge(b, "D", dm, d(1, 5), "dismiss")  # dismissed before D was identified (10 Jan): not an informed outcome
    e = b.add(JusticeContact, "E", role="defendant")
    charge(b, "E", e, d(2, 1), "defer")  # deferred: not disposed
    f = b.add(JusticeContact, "F", role="defendant", disposition="pending")
    charge(b, "F", f, d(3, 31), "divert")  # on the quarter's last day, the court's outcome still pending
    g = b.add(JusticeContact, "G", role="defendant")
    charge(b, "G", g, d(4, 1), "dismiss")  # the next quarter
    b.identify("H", d(1, 10), "sex")
    h = b.add(JusticeContact, "H", role="witness")
    charge(b, "H", h, d(2, 1), "decline")  # not a defendant
    s.commit()
    # Disposed in Q2 with the person identified that day: A (declined), B (convicted), F (diverted) = 3; 2 without
    # a conviction.
    assert nd(s, 14) == (2, 3)
    assert {k: n for k, n in parts(s, 14).items() if n} == {"declined": 1, "convicted": 1, "diverted": 1}


def test_measure_14_says_how_many_decisions_about_identified_defendants_an_earlier_identification_informed(
    s: Session,
) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D", "E", "F")
    ids = {key: identification(b, key, d(1, 10)) for key in "ABCEF"}
    a = b.add(JusticeContact, "A", role="defendant")
    charge(b, "A", a, d(2, 1), "decline", informed_by=ids["A"])  # informed
    bm = b.add(JusticeContact, "B", role="defendant")
    charge(b, "B", bm, d(1, 20), "divert", informed_by=ids["B"], when=at(1, 20))  # informed
    charge(b, "B", bm, d(1, 25), "file_as_charged", when=at(1, 25))  # identified, but nothing linked
    later = identification(b, "C", d(2, 10))  # C's identification reviewed again (still identified)
    c = b.add(JusticeContact, "C", role="defendant")
    charge(b, "C", c, d(2, 5), "divert", informed_by=later)  # linked to a decision made after it: not informed
    charge(b, "C", c, d(2, 20), "reduce", informed_by=later)  # informed
    dm = b.add(JusticeContact, "D", role="defendant")
    d_id = identification(b, "D", d(3, 10))
    charge(b, "D", dm, d(3, 5), "dismiss", informed_by=d_id)  # D not identified on 5 Mar: not counted
    e = b.add(JusticeContact, "E", role="defendant")
    charge(b, "E", e, d(2, 1), "defer")  # not linked
    gone = charge(b, "E", e, d(2, 2), "decline", informed_by=ids["E"])
    obj = s.get(ChargingDecision, gone)
    assert obj is not None
    obj.deleted = True  # deleted: not counted
    f = b.add(JusticeContact, "F", role="defendant")
    charge(b, "F", f, d(3, 31), "divert", informed_by=ids["F"])  # informed, on the last day
    charge(b, "F", f, d(4, 1), "dismiss", informed_by=ids["F"])  # the next quarter
    s.commit()
    # Decisions in Q2 about defendants identified that day: A, B x2, C x2, E, F = 7; informed by an identification
    # made on or before the decision: A, B (divert), C (reduce), F = 4.
    assert parts(s, 14, which=1) == {"informed": 4, "not_informed": 3}


# --- 3. measure 10: the release covers every item disclosed; its days ------------------------------------------------


def test_measure_10_checks_data_covered_and_the_releases_days(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B")
    release = b.add(Consent, "A", recipient="Prosecution P", purpose="Charging", starts_on=d(2, 1),
                    expires_on=d(2, 28), data_covered=["Name", "Court dates"])  # fmt: skip
    withdrawn = b.add(Consent, "B", recipient="Prosecution P", purpose="Charging", starts_on=d(1, 1),
                      expires_on=d(6, 30), data_covered=["Name"], revoked_on=d(3, 10))  # fmt: skip

    def share(key: str, on: dt.date, facts: str, consent: str, **more: Any) -> None:
        b.add(Disclosure, key, recipient="Prosecution P", disclosed_on=on, allowed=True, consent_id=consent,
              facts=facts, **more)  # fmt: skip

    share("A", d(2, 1), "Name: Ana", release)  # the release's first day: backed
    share("A", d(2, 28), "Name: Ana\nCourt dates: 3 March", release)  # its last day: backed
    share("A", d(3, 1), "Name: Ana", release)  # the day after: a miss
    share("A", d(1, 31), "Name: Ana", release)  # the day before it started: a miss
    share("A", d(2, 10), "Name: Ana\nAddress: 1 Elm Street", release)  # an address it does not cover: a miss
    share("A", d(2, 11), "Ana and her court dates", release)  # no kind named, so not shown to be covered: a miss
    share("B", d(3, 9), "Name: Bea", withdrawn)  # the day before the withdrawal: backed
    share("B", d(3, 10), "Name: Bea", withdrawn)  # withdrawn that day: a miss
    share("B", d(3, 11), "Name: Bea", withdrawn, override_reason="Approved by a supervisor.")  # an override: a miss
    s.commit()
    assert nd(s, 10) == (3, 9)


# --- 4. boundaries: day 0, 30 and 31 of every 30-day window; a quarter's first and last day -------------------------


def test_measure_1_window_is_day_0_to_day_30_after_the_first_contact(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D")
    for key in "ABCD":
        b.contact(key, at(2, 1))
    screened = {"A": d(2, 1), "B": d(3, 3), "C": d(3, 4), "D": d(1, 31)}  # day 0, day 30, day 31, the day before
    for key, on in screened.items():
        b.add(Screening, key, template_id="tool-a", template_version="1", screened_on=on, session_status="complete")
    s.commit()
    assert nd(s, 1) == (2, 4)


def test_measure_1_counts_first_contacts_on_the_quarters_first_and_last_day(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D")
    b.contact("A", at(1, 1, h=0, m=0, s=1))
    b.contact("B", at(3, 31, h=23, m=59))
    b.contact("C", at(12, 31, 2025, h=23, m=59))  # Q1
    b.contact("D", at(4, 1, h=0, m=0, s=1))  # Q3
    s.commit()
    assert nd(s, 1) == (0, 2)


def test_measure_2_and_3_window_is_day_0_to_day_30_after_identification(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D", "E", "F")
    b.identify("A", d(1, 1), "sex")  # the quarter's first day
    b.identify("B", d(3, 31), "sex")  # its last day
    b.identify("C", d(2, 1), "sex")
    b.identify("D", d(2, 1), "sex")
    b.identify("E", d(12, 31, 2025), "sex")  # Q1
    b.identify("F", d(4, 1), "sex")  # Q3
    b.referral("A", d(1, 1), "accepted")  # day 0
    b.referral("B", d(4, 30), "accepted")  # day 30
    b.referral("C", d(3, 4), "accepted")  # day 31
    b.referral("D", d(1, 31), "accepted")  # the day before
    s.commit()
    assert nd(s, 2) == (4, None)  # A, B, C, D
    assert nd(s, 3) == (2, 4)  # A (day 0) and B (day 30)


def test_measure_5_window_is_day_0_to_day_30_after_the_offer(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C", "D")
    served = {"A": d(2, 1), "B": d(3, 3), "C": d(3, 4)}  # day 0, day 30, day 31
    for key, on in served.items():
        r = b.referral(key, d(2, 1), "accepted")
        b.event(key, r, "first_service_confirmed", on)
    b.referral("D", d(3, 31), "accepted")  # offered on the quarter's last day, never served
    b.referral("D", d(4, 1), "accepted")  # offered in Q3: not in the period
    s.commit()
    assert nd(s, 5) == (2, 4)


def test_measure_12_and_13_count_decisions_on_the_quarters_first_and_last_day(s: Session) -> None:
    b = Book(s)
    people(b, "A", "B", "C")

    def charge(key: str, sought: str, outcome: str, on: dt.date) -> None:
        case = b.add(ReliefCase, key, jurisdiction="Demo State")
        b.add(ReliefCharge, key, case_id=case, relief_sought=sought, eligibility="eligible", outcome=outcome,
              decided_on=on)  # fmt: skip

    charge("A", "vacatur", "granted", d(1, 1))  # the quarter's first day
    charge("B", "sealing", "denied", d(3, 31))  # its last day
    charge("C", "vacatur", "granted", d(12, 31, 2025))  # Q1
    s.commit()
    assert nd(s, 12) == (1, 2)  # granted of decided in Q2: A of A and B
    assert nd(s, 13)[0] == 1  # A
