"""The 14 outcome measures on a small hand-built caseload where every number is worked out by hand.

The period is FY2026 Q2 (1 January to 31 March 2026). The same caseload is written into a real SQLCipher vault and
into a real PostgreSQL database (the office server's), and must give the same numbers on both. Everything is
fictional. Each expected number below is worked out in the comments from DOMAIN.md section 6 and the conventions
in ``app/reports/measures.py``.

The people (A, B, C... stand for fictional first names):
  A  first contact 10 Jan; complete screening 20 Jan (tool-a); identified 1 Feb (sex; a later revision says
     labour); witness and complainant; referral 1 offered 10 Feb, accepted, first service 20 Feb (emergency
     shelter), follow-up due 24 Feb done 23 Feb; referral 2 offered 10 Mar, accepted, no service, follow-up due
     24 Mar not done; safety planning offered 15 Jan, chosen; a disclosure to "alder housing " on 10 Feb backed
     by a release for "Alder Housing" (1 Jan - 30 Jun) covering a name and a phone number; one to Alder Housing on
     20 Feb of an address and court dates (not covered); a disclosure to the court on 12 Feb under the same release.
  B  first contact 20 Dec 2025 (Q1) and a contact 5 Jan; identified 5 Jan (labour): first contacted in one quarter
     and identified in the next; referral offered 1 Mar (55 days later), declined; safety planning offered 1 Feb,
     declined; a disclosure on 1 Feb under a release that ended 31 Jan.
  C  first contact 25 Mar; partial screening 10 Apr (16 days later: after the quarter, inside the window);
     decision "unclear" 28 Mar (not identified); a disclosure on 1 Mar with no release at all (an override).
  D  first contact 31 Mar 23:59:59 UTC (the last second of the quarter); a screening stopped at the person's
     request the same day; a complete screening 12 May (42 days: outside the window); a share the app stopped.
  E  a demo person: first contact 10 Jan, screened 11 Jan, identified 12 Jan.
  F  only a planned contact (15 Feb) and a deleted one (5 Jan): never contacted.
  G  contacts 1 Nov 2025 and 10 Feb (court); identified 1 Nov 2025; referral offered 15 Feb, not now; relief case
     reviewed 1 Mar; charges decided 10 Mar: vacatur granted, sealing granted in part, and on 1 Feb an
     expungement denied (not eligible); petition filed 15 Jan, decided 10 Mar (54 days).
  H  first contact 20 Jan; identified 20 Jan (both); defendant, dismissed 1 Mar; referral offered 25 Jan,
     accepted, first service 20 Mar (54 days; legal immigration), follow-up due 8 Feb done 12 Feb (late); an older
     referral offered 1 Dec 2025; safety planning offered 15 Dec 2025 (not in the period).
  I  first contact 1 Mar; identified 1 Mar (no type recorded); defendant in a case convicted 15 Feb (before
     identification) and in a case convicted 20 Mar; relief case reviewed 5 Apr (after the quarter).
  J  contacts 20 Sep 2025 (FY2025), 20 Feb, and 1 Apr 00:00:01 UTC (Q3).
  K  relief: an eligible charge granted expungement 20 Feb; a not-eligible charge still pending.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from app.demo.people import generate_into
from app.models import (
    Base,
    Consent,
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
from app.models.base import Envelope
from app.reports.measures import (
    DrillDownNotAllowed,
    MeasureReport,
    Scope,
    Viewer,
    caseload_measures,
    compute,
    people_behind,
    trend,
)
from app.reports.periods import Period, parse_period, quarter_of, trailing_quarters

Q2 = Period.fiscal_quarter(2026, 2)
AFTER = dt.date(2026, 6, 1)  # every window closed
USER = "0192a3b4-c5d6-7e8f-9012-3456789abcde"
DEVICE = "0192a3b4-c5d6-7e8f-a012-3456789abcdf"


def d(month: int, day: int, year: int = 2026) -> dt.date:
    return dt.date(year, month, day)


def at(month: int, day: int, year: int = 2026, h: int = 15, m: int = 0, s: int = 0) -> dt.datetime:
    return dt.datetime(year, month, day, h, m, s, tzinfo=dt.UTC)


class Book:
    """Writes records straight into a session, envelope filled, so any database with our schema can hold them."""

    def __init__(self, s: Session) -> None:
        self.s = s
        self.ids: dict[str, str] = {}
        self.n = 0

    def add(self, cls: type[Envelope], person: str | None, **values: Any) -> str:
        self.n += 1
        obj = cls(
            owner_user_id=USER,
            regime="advocacy",
            edited_hlc=f"{self.n:020d}",
            edited_by=USER,
            edited_device=DEVICE,
            **values,
        )
        if person is not None:
            obj.person_id = self.ids[person]  # type: ignore[attr-defined]
        self.s.add(obj)
        self.s.flush()
        return str(obj.id)  # type: ignore[attr-defined]

    def person(self, key: str, *, demo: bool = False) -> None:
        pid = self.add(Person, None, preferred_name=f"Person {key}", is_demo=demo)
        obj = self.s.get(Person, pid)
        assert obj is not None
        obj.person_id = pid
        self.ids[key] = pid

    def contact(self, key: str, when: dt.datetime, **values: Any) -> str:
        values.setdefault("status", "complete")
        values.setdefault("kind", "interview")
        return self.add(Encounter, key, occurred_at=when, **values)

    def identify(self, key: str, on: dt.date, kind: str | None, status: str = "identified") -> None:
        self.add(IdentificationDecision, key, decided_on=on, status=status, trafficking_type=kind, reason="Reviewed.")

    def referral(self, key: str, offered: dt.date, decision: str, category: str = "case_management", **v: Any) -> str:
        return self.add(Referral, key, category=category, offered_on=offered, decision=decision, **v)

    def event(self, key: str, referral_id: str, kind: str, on: dt.date) -> None:
        self.add(ReferralEvent, key, referral_id=referral_id, kind=kind, occurred_on=on)


def build(s: Session) -> dict[str, str]:
    b = Book(s)
    for key in "ABCDFGHIJK":
        b.person(key)
    b.person("E", demo=True)

    # A
    b.contact("A", at(1, 10))
    b.add(Screening, "A", template_id="tool-a", template_version="1", screened_on=d(1, 20), session_status="complete")
    b.identify("A", d(2, 1), "sex")
    b.identify("A", d(3, 15), "labour")  # a later decision: the first one stays the identification date
    b.add(JusticeContact, "A", role="witness")
    b.add(JusticeContact, "A", role="complainant")
    r = b.referral("A", d(2, 10), "accepted", "emergency_shelter", follow_up_due=d(2, 24))
    b.event("A", r, "first_service_confirmed", d(2, 20))
    b.event("A", r, "follow_up_done", d(2, 23))
    b.referral("A", d(3, 10), "accepted", follow_up_due=d(3, 24))
    b.add(SafetyPlan, "A", offered_on=d(1, 15), survivor_choice="chosen")
    release = b.add(Consent, "A", recipient="Alder Housing", purpose="Referral", starts_on=d(1, 1), expires_on=d(6, 30),
                    data_covered=["Name", "Phone number"])  # fmt: skip
    b.add(Disclosure, "A", recipient="alder housing ", disclosed_on=d(2, 10), allowed=True, consent_id=release,
          facts="Name: Ana\nphone  number: 555-0100")  # fmt: skip
    b.add(Disclosure, "A", recipient="Alder Housing", disclosed_on=d(2, 20), allowed=True, consent_id=release,
          facts="Name: Ana\nAddress: 1 Elm Street\nCourt dates: 3 March")  # fmt: skip
    b.add(Disclosure, "A", recipient="Demo County Court", disclosed_on=d(2, 12), allowed=True, consent_id=release)

    # B
    b.contact("B", at(12, 20, 2025))
    b.contact("B", at(1, 5), kind="phone")
    b.identify("B", d(1, 5), "labour")
    b.referral("B", d(3, 1), "declined")
    b.add(SafetyPlan, "B", offered_on=d(2, 1), survivor_choice="declined")
    ended = b.add(Consent, "B", recipient="Birch Legal Aid", purpose="Referral", starts_on=d(8, 1, 2025),
                  expires_on=d(1, 31))  # fmt: skip
    b.add(Disclosure, "B", recipient="Birch Legal Aid", disclosed_on=d(2, 1), allowed=True, consent_id=ended)

    # C
    b.contact("C", at(3, 25))
    b.add(Screening, "C", template_id="tool-b", template_version="1", screened_on=d(4, 10), session_status="partial")
    b.identify("C", d(3, 28), None, status="unclear")
    b.add(Disclosure, "C", recipient="Hazelmark Clinic", disclosed_on=d(3, 1), allowed=True,
          override_reason="Emergency; approved by a supervisor.")  # fmt: skip

    # D
    b.contact("D", at(3, 31, h=23, m=59, s=59))
    b.add(Screening, "D", template_id="tool-a", template_version="1", screened_on=d(3, 31),
          session_status="stopped_at_request")  # fmt: skip
    b.add(Screening, "D", template_id="tool-a", template_version="1", screened_on=d(5, 12), session_status="complete")
    b.add(Disclosure, "D", recipient="Demo County Court", disclosed_on=d(3, 2), allowed=False, channel="export")

    # E (demo)
    b.contact("E", at(1, 10))
    b.add(Screening, "E", template_id="tool-a", template_version="1", screened_on=d(1, 11), session_status="complete")
    b.identify("E", d(1, 12), "sex")

    # F
    b.contact("F", at(2, 15), status="planned")
    gone = b.contact("F", at(1, 5))
    obj = s.get(Encounter, gone)
    assert obj is not None
    obj.deleted = True

    # G
    b.contact("G", at(11, 1, 2025))
    b.contact("G", at(2, 10), kind="court")
    b.identify("G", d(11, 1, 2025), "sex")
    b.referral("G", d(2, 15), "not_now", follow_up_due=d(3, 1))
    case = b.add(ReliefCase, "G", jurisdiction="Demo State", eligibility_review_done_on=d(3, 1))
    petition = b.add(ReliefPetition, "G", case_id=case, filed_on=d(1, 15), decided_on=d(3, 10), outcome="granted")
    for sought, eligibility, outcome, on in (
        ("vacatur", "eligible", "granted", d(3, 10)),
        ("sealing", "eligible", "partly_granted", d(3, 10)),
        ("expungement", "not_eligible", "denied", d(2, 1)),
    ):
        b.add(ReliefCharge, "G", case_id=case, petition_id=petition, relief_sought=sought, eligibility=eligibility,
              outcome=outcome, decided_on=on)  # fmt: skip

    # H
    b.contact("H", at(1, 20))
    b.identify("H", d(1, 20), "both")
    b.add(JusticeContact, "H", role="defendant", case_status="disposed", disposition="dismissed",
          disposition_date=d(3, 1))  # fmt: skip
    r = b.referral("H", d(1, 25), "accepted", "legal_immigration", follow_up_due=d(2, 8))
    b.event("H", r, "first_service_confirmed", d(3, 20))
    b.event("H", r, "follow_up_done", d(2, 12))
    b.referral("H", d(12, 1, 2025), "pending")
    b.add(SafetyPlan, "H", offered_on=d(12, 15, 2025), survivor_choice="not_now")

    # I
    b.contact("I", at(3, 1))
    b.identify("I", d(3, 1), None)
    b.add(JusticeContact, "I", role="defendant", case_status="disposed", disposition="convicted",
          disposition_date=d(2, 15))  # fmt: skip
    b.add(JusticeContact, "I", role="defendant", case_status="disposed", disposition="convicted",
          disposition_date=d(3, 20))  # fmt: skip
    b.add(ReliefCase, "I", jurisdiction="Demo State", eligibility_review_done_on=d(4, 5))

    # J
    b.contact("J", at(9, 20, 2025))
    b.contact("J", at(2, 20), kind="phone")
    b.contact("J", at(4, 1, h=0, m=0, s=1), kind="phone")

    # K
    case = b.add(ReliefCase, "K", jurisdiction="Demo State")
    b.add(ReliefCharge, "K", case_id=case, relief_sought="expungement", eligibility="eligible", outcome="granted",
          decided_on=d(2, 20))  # fmt: skip
    b.add(ReliefCharge, "K", case_id=case, relief_sought="vacatur", eligibility="not_eligible", outcome="pending")
    return b.ids


def parts(report: MeasureReport, number: int, index: int = 0) -> dict[str, int]:
    return {p.key: p.count for p in report.get(number).breakdowns[index].parts}


def nd(report: MeasureReport, number: int) -> tuple[int, int | None]:
    m = report.get(number)
    return m.numerator, m.denominator


def check_q2(r: MeasureReport) -> None:
    # 1. First contact in Q2: A (10 Jan), C (25 Mar), D (31 Mar 23:59:59), H (20 Jan), I (1 Mar) = 5. B's first was
    #    in December, G's in November, J's in FY2025, F never had one (planned and deleted don't count), E is demo.
    #    Screened complete or partial within 30 days: A (10 days), C (partial, 16 days, in April) = 2. D's stopped
    #    screening and 42-day screening don't count.
    assert nd(r, 1) == (2, 5)
    assert parts(r, 1) == {"tool-a": 1, "tool-b": 1}
    # 2. First identified in Q2: A (1 Feb), B (5 Jan), H (20 Jan), I (1 Mar) = 4. G was identified in November,
    #    C's decision is "unclear", E is demo. Roles: A complainant (over witness), H and I defendant, B none.
    assert nd(r, 2) == (4, None)
    assert parts(r, 2, 0) == {"defendant": 2, "complainant": 1, "witness": 0, "other": 0, "none": 1}
    # Types from each person's first identified decision: A sex (not the later labour), B labour, H both, I unknown.
    assert parts(r, 2, 1) == {"sex": 1, "labour": 1, "both": 1, "exploitation": 0, "unknown": 1}
    # 3. Of those 4, offered a referral within 30 days of identification: A (9 days), H (5 days). B's came 55 days
    #    after; I had none.
    assert nd(r, 3) == (2, 4)
    # 4. Referrals offered in Q2: A 10 Feb (accepted), A 10 Mar (accepted), B 1 Mar (declined), G 15 Feb (not now),
    #    H 25 Jan (accepted) = 5; H's December referral is outside. Accepted 3; a decline is a choice.
    assert nd(r, 4) == (3, 5)
    assert parts(r, 4) == {"accepted": 3, "declined": 1, "not_now": 1, "pending": 0}
    # 5. Accepted in Q2: A1, A2, H = 3. First service within 30 days of the offer: A1 (10 days). H's took 54 days;
    #    A2 has none. Median days to a first service over A1 (10) and H (54) = 32.
    assert nd(r, 5) == (1, 3)
    median = r.get(5).figures[0]
    assert (median.value, median.basis) == (32.0, 2)
    # 6. Served in Q2 (a contact or a partner's confirmed first service): A, B, C, D, G, H, I, J = 8.
    #    Continuing: B (contact 20 Dec) and G (contact 1 Nov) were served earlier in FY2026. J was served in
    #    September 2025, the previous fiscal year: new again. New = 6.
    assert nd(r, 6) == (8, None)
    assert parts(r, 6) == {"new": 6, "continuing": 2}
    # 7. Service events in Q2: 8 contacts (G's is a court contact: court accompaniment; the other 7 are case
    #    management) plus the partners' first services for A1 (emergency shelter) and H (legal immigration).
    assert nd(r, 7) == (8, None)
    voca_events, voca_people, category_events = parts(r, 7, 0), parts(r, 7, 1), parts(r, 7, 2)
    assert voca_events == {
        "information_referral": 0,
        "personal_advocacy": 8,  # 7 case management + legal immigration
        "emotional_support_safety": 0,
        "shelter_housing": 1,
        "justice_assistance": 1,
    }
    assert voca_people["personal_advocacy"] == 7  # H counted once under personal advocacy
    assert category_events == {"case_management": 7, "emergency_shelter": 1, "justice_advocacy": 1,
                               "legal_immigration": 1}  # fmt: skip
    # 8. Follow-ups falling due in Q2 whose referral the person has not declined (DOMAIN.md 6: accepted, still
    #    deciding, not now): A1 (done a day early), A2 (not done), H (4 days late), and G's "not now" referral due
    #    1 Mar (not done) = 4. On time: 1.
    assert nd(r, 8) == (1, 4)
    assert parts(r, 8) == {"on_time": 1, "late": 1, "not_done": 2}
    # 9. Identified by 31 Mar with a contact in Q2: A, B, G, H, I = 5 (E is demo). Offered in Q2: A (chosen),
    #    B (declined) = 2. H's offer was in December.
    assert nd(r, 9) == (2, 5)
    assert parts(r, 9) == {"chosen": 1, "not_now": 0, "declined": 1, "no_answer": 0, "not_offered": 3}
    # 10. Disclosures that left in Q2: A to Alder Housing on 10 Feb (backed: same recipient, spacing and case
    #     aside, a name and a phone number the release covers), A to Alder Housing on 20 Feb (an address and court
    #     dates under a name-and-phone release: a miss), A to the court (the release is for someone else), B (the
    #     release ended the day before), C (an override, no release) = 5; D's share was stopped, so nothing left.
    #     Backed: 1.
    assert nd(r, 10) == (1, 5)
    assert parts(r, 10, 0) == {"backed": 1, "incident": 4}
    assert parts(r, 10, 1) == {"blocked": 1}
    # 11. Identified, contacted in Q2, with a known arrest or conviction: G (relief charges), H and I (defendants)
    #     = 3; A was a witness and complainant. Review done by 31 Mar: G. I's review came in April.
    assert nd(r, 11) == (1, 3)
    # 12. Charges decided in Q2: G's three and K's granted one = 4; granted (the partial one included) = 3.
    #     Petitions filed: G's, 15 Jan. Median filing to decision: 54 days.
    assert nd(r, 12) == (3, 4)
    assert parts(r, 12, 0) == {"filed": 1}
    assert parts(r, 12, 1) == {"granted": 2, "partly_granted": 1, "denied": 1}
    assert parts(r, 12, 2) == {"vacatur": 1, "expungement": 1, "sealing": 1, "other": 0}
    assert r.get(12).figures[0].value == 54.0
    # 13. People with a charge relieved in Q2: G and K = 2. K's only eligible charge is granted in full; G's sealing
    #     was granted in part, so G still has some to go.
    assert nd(r, 13) == (2, None)
    assert parts(r, 13) == {"all": 1, "some_to_go": 1}
    # 14. Cases disposed in Q2 with a defendant identified on or before the disposition: H (dismissed), I's
    #     20 Mar case (convicted) = 2. I's 15 Feb case came before I was identified. Non-conviction: 1.
    assert nd(r, 14) == (1, 2)
    assert parts(r, 14)["dismissed"] == 1 and parts(r, 14)["convicted"] == 1


def check_everything_else(db: Session | sa.Connection, ids: dict[str, str]) -> None:
    # Windows still open on 15 April (they close 30 April): 1, 3 and 5 are provisional, the rest are final.
    r = compute(db, Q2, as_of=d(4, 15))
    assert [m.number for m in r.measures if m.provisional] == [1, 3, 5]
    assert "30 Apr 2026" in (r.get(1).provisional_reason or "")
    # While the quarter is running, everything is provisional, and C's April screening is not in yet.
    r = compute(db, Q2, as_of=d(3, 31), numbers=[1, 6])
    assert all(m.provisional for m in r.measures)
    assert not any(m.provisional for m in compute(db, Q2, as_of=AFTER).measures)

    # Demo people come in only when asked: E adds a first contact screened in 1 day, an identification, a person
    # served (new).
    demo = compute(db, Q2, scope=Scope(include_demo=True), as_of=AFTER)
    assert demo.include_demo
    assert nd(demo, 1) == (3, 6)
    assert nd(demo, 2) == (5, None)
    assert parts(demo, 6) == {"new": 7, "continuing": 2}

    # Quarter boundaries: B's first contact (20 Dec) is in Q1, and B is identified in Q2, not Q1.
    q1 = compute(db, Period.fiscal_quarter(2026, 1), as_of=AFTER, numbers=[1, 2, 6])
    assert nd(q1, 1) == (0, 2)  # B and G; neither screened
    assert nd(q1, 2) == (1, None)  # G (1 Nov)
    assert parts(q1, 6) == {"new": 2, "continuing": 0}
    # D's last-second contact stays in Q2; J's first-second contact of 1 April is in Q3, where J is continuing.
    q3 = compute(db, Period.fiscal_quarter(2026, 3), as_of=AFTER, numbers=[1, 6])
    assert nd(q3, 1) == (0, 0)
    assert parts(q3, 6) == {"new": 0, "continuing": 1}

    # A custom range reads the same records: January alone.
    jan = compute(db, parse_period("2026-01-01..2026-01-31"), as_of=AFTER, numbers=[1, 2])
    assert nd(jan, 1) == (1, 2)  # A (screened) and H
    assert nd(jan, 2) == (2, None)  # B and H

    # Drill-down lists the people behind a number for roles allowed to see them; an analyst sees totals only.
    behind = people_behind(db, 1, Q2, viewer=Viewer.OWN_CASELOAD, as_of=AFTER)
    assert behind == sorted([ids["A"], ids["C"]])
    den = people_behind(db, 1, Q2, viewer=Viewer.ADVOCATE, which="denominator", as_of=AFTER)
    assert set(den) == {ids[k] for k in "ACDHI"}
    with pytest.raises(DrillDownNotAllowed):
        people_behind(db, 1, Q2, viewer=Viewer.ANALYST)

    # The trend: eight quarters, oldest first, headline numbers only.
    quarters = trailing_quarters(Q2, 8)
    assert quarters[0] == Period.fiscal_quarter(2024, 3) and quarters[-1] == Q2
    series = trend(db, quarters, as_of=AFTER)
    assert [rep.get(6).numerator for rep in series][-3:] == [1, 2, 8]  # J in Sep; B and G in Q1; Q2
    assert series[-1].get(2).breakdowns == ()


def test_periods() -> None:
    q = parse_period("2026Q1")
    assert (q.start, q.end, q.label) == (d(10, 1, 2025), d(12, 31, 2025), "FY2026 Q1")
    assert parse_period("FY2026 Q4").end == d(9, 30)
    assert parse_period("FY2026").start == d(10, 1, 2025)
    assert quarter_of(d(10, 1, 2025)) == q and quarter_of(d(12, 31, 2025)) == q
    assert quarter_of(d(1, 1)) == Period.fiscal_quarter(2026, 2)
    assert Period.fiscal_quarter(2026, 1).previous() == Period.fiscal_quarter(2025, 4)
    assert parse_period(q.code) == q
    from app.errors import ValidationError

    for bad in ("2026Q5", "last quarter", "2026-02-30..2026-03-01"):
        with pytest.raises(ValidationError):
            parse_period(bad)


def test_measures_in_the_vault(workspace: Any) -> None:
    with workspace.session() as s, s.begin():
        ids = build(s)
    with workspace.session() as s:
        check_q2(compute(s, Q2, as_of=AFTER))
        check_everything_else(s, ids)


@pytest.fixture
def pg_session(pg_database: str) -> Iterator[Session]:
    engine = sa.create_engine(pg_database)
    Base.metadata.create_all(engine)
    try:
        with Session(engine) as s:
            yield s
    finally:
        engine.dispose()


def test_the_same_measures_on_postgresql(pg_session: Session) -> None:
    with pg_session.begin():
        ids = build(pg_session)
    check_q2(compute(pg_session, Q2, as_of=AFTER))
    check_everything_else(pg_session, ids)
    # The server runs the same functions on a Connection too, narrowed to a compartment.
    with pg_session.get_bind().connect() as conn:  # type: ignore[union-attr]
        check_q2(compute(conn, Q2, as_of=AFTER, scope=Scope(regime="advocacy")))
        assert compute(conn, Q2, as_of=AFTER, scope=Scope(regime="prosecution")).get(6).numerator == 0


# --- the trend in one grouped pass ----------------------------------------------------------------------------------


def headline(report: MeasureReport) -> list[tuple[int, int, int | None, str | None]]:
    return [(m.number, m.numerator, m.denominator, m.provisional_reason) for m in report.measures]


def check_trend_is_each_quarter(db: Session | sa.Connection, last: Period, as_of: dt.date, scope: Scope) -> int:
    """The grouped trend gives, quarter by quarter, exactly what computing each quarter alone gives."""
    quarters = trailing_quarters(last, 8)
    grouped = trend(db, quarters, scope=scope, as_of=as_of)
    assert [rep.period for rep in grouped] == quarters
    assert all(m.breakdowns == () and m.figures == () for rep in grouped for m in rep.measures)
    alone = [compute(db, q, scope=scope, as_of=as_of, detail=False) for q in quarters]
    for g, a in zip(grouped, alone, strict=True):
        assert headline(g) == headline(a), g.period.label
    return sum(m.numerator for rep in grouped for m in rep.measures)


def test_the_trend_in_one_pass_matches_each_quarter_alone(workspace: Any) -> None:
    with workspace.session() as s, s.begin():
        build(s)
    with workspace.session() as s:
        # Every window closed; windows still open (1, 3, 5 provisional in the last quarter); demo people in.
        assert check_trend_is_each_quarter(s, Q2, AFTER, Scope()) > 0
        check_trend_is_each_quarter(s, Q2, d(4, 15), Scope())
        check_trend_is_each_quarter(s, Period.fiscal_quarter(2026, 3), d(5, 1), Scope(include_demo=True))
    # Periods that are not consecutive quarters are still worked out one by one.
    jan, feb = parse_period("2026-01-01..2026-01-31"), parse_period("2026-02-01..2026-02-28")
    with workspace.session() as s:
        split = trend(s, [jan, feb], as_of=AFTER)
        assert [headline(r) for r in split] == [headline(compute(s, p, as_of=AFTER, detail=False)) for p in (jan, feb)]


def test_the_trend_in_one_pass_on_demo_data(workspace: Any) -> None:
    # Fictional demo people over two fiscal years (Oct 2024 to Sep 2026): many more shapes than the hand-built
    # fixture (several contacts, identifications, referrals and charges per person, across quarter boundaries).
    generate_into(workspace.vault.engine, workspace.identity, persons=120, seed=5)
    scope = Scope(include_demo=True)
    with workspace.session() as s:
        assert check_trend_is_each_quarter(s, Period.fiscal_quarter(2026, 4), dt.date(2026, 12, 1), scope) > 100
        check_trend_is_each_quarter(s, Period.fiscal_quarter(2026, 2), dt.date(2026, 4, 10), scope)
        # Without demo people there is nobody.
        assert check_trend_is_each_quarter(s, Period.fiscal_quarter(2026, 4), dt.date(2026, 12, 1), Scope()) == 0


def test_the_dashboard_reuses_the_chosen_quarter(workspace: Any) -> None:
    with workspace.session() as s, s.begin():
        build(s)
    steps: list[tuple[int, int]] = []
    data = caseload_measures(workspace, Q2, as_of=AFTER, progress=lambda done, total: steps.append((done, total)))
    assert data.report.period == Q2 and [r.period for r in data.series] == trailing_quarters(Q2, 8)
    assert headline(data.series[-1]) == headline(data.report)
    assert all(m.breakdowns == () for m in data.series[-1].measures)
    assert data.report.get(6).breakdowns  # the chosen quarter keeps its parts
    with workspace.session() as s:
        again = trend(s, [r.period for r in data.series], as_of=AFTER)
    assert [headline(r) for r in data.series] == [headline(r) for r in again]
    assert steps[-1][0] == steps[-1][1] and [done for done, _ in steps] == sorted(done for done, _ in steps)


def test_the_trend_in_one_pass_on_postgresql(pg_session: Session) -> None:
    with pg_session.begin():
        build(pg_session)
    assert check_trend_is_each_quarter(pg_session, Q2, AFTER, Scope()) > 0
    check_trend_is_each_quarter(pg_session, Q2, d(4, 15), Scope(include_demo=True))
    with pg_session.get_bind().connect() as conn:  # type: ignore[union-attr]
        check_trend_is_each_quarter(conn, Q2, AFTER, Scope(regime="advocacy"))
