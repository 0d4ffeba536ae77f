# ruff: noqa: S608 - the SQL is built from constant fragments of this file only; the period is a bound parameter
"""Hand-tuned SQL for five of the measures, to time the measures against an honest baseline (issue 20, part 4).

Each function below computes, in plain SQLite SQL written for these tables and their indexes, exactly the numbers
that :func:`app.reports.measures.compute_measure` gives for one period with ``Scope(include_demo=True)`` and the
office's zone unset (UTC): the headline (numerator and denominator) and every breakdown and figure. The bench
checks that they agree before it times them, and ``tests/unit/test_measures_hand_sql.py`` checks it on a demo vault.

The measures chosen are the ones whose rules can be written by hand without rebuilding the library: 4 (referral
acceptance), 8 (follow-up timeliness), 12 (petitions and outcomes, with its median), 13 (people granted relief) and
14 (identified-defendant dispositions, with the charging decisions and the "informed" figure).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.reports.measures import MeasureResult
from app.reports.periods import Period

#: What a person who counts is, as a join: not deleted (demo people count in the bench).
_PERSON = "JOIN person p ON p.id = {t}.person_id AND p.deleted = 0"


@dataclass(frozen=True)
class Numbers:
    """A measure's numbers as the report shows them: headline, breakdowns (title -> part -> count), figures."""

    numerator: int
    denominator: int | None
    breakdowns: dict[str, dict[str, int]]
    figures: dict[str, tuple[float | None, int]]


def numbers_of(result: MeasureResult) -> Numbers:
    """The same shape, read off what the library computed (parts with no count left out on both sides)."""
    return Numbers(
        result.numerator,
        result.denominator,
        {b.title: {p.key: p.count for p in b.parts if p.count} for b in result.breakdowns},
        {f.label: (f.value, f.basis) for f in result.figures},
    )


def _rows(s: Session, sql: str, period: Period) -> list[Any]:
    return list(s.execute(text(sql), {"start": period.start, "end": period.end}))


def _nonzero(pairs: list[Any]) -> dict[str, int]:
    return {str(k): int(n) for k, n in pairs if n}


def m4(s: Session, period: Period) -> Numbers:
    parts = _nonzero(
        _rows(
            s,
            f"""SELECT coalesce(r.decision, 'pending'), count(*) FROM referral r {_PERSON.format(t="r")}
                WHERE r.deleted = 0 AND r.offered_on BETWEEN :start AND :end GROUP BY 1""",
            period,
        )
    )
    return Numbers(
        parts.get("accepted", 0),
        sum(parts.values()),
        {"The person's decision (each one a choice)": parts},
        {},
    )


def m8(s: Session, period: Period) -> Numbers:
    parts = _nonzero(
        _rows(
            s,
            f"""SELECT CASE WHEN done IS NULL THEN 'not_done' WHEN done <= due THEN 'on_time' ELSE 'late' END, count(*)
                FROM (SELECT r.follow_up_due AS due,
                             (SELECT min(e.occurred_on) FROM referral_event e
                               WHERE e.referral_id = r.id AND e.deleted = 0 AND e.kind = 'follow_up_done') AS done
                        FROM referral r {_PERSON.format(t="r")}
                       WHERE r.deleted = 0 AND (r.decision IS NULL OR r.decision != 'declined')
                         AND r.follow_up_due BETWEEN :start AND :end)
                GROUP BY 1""",
            period,
        )
    )
    return Numbers(parts.get("on_time", 0), sum(parts.values()), {"Follow-ups falling due": parts}, {})


def m12(s: Session, period: Period) -> Numbers:
    rows = _rows(
        s,
        f"""SELECT coalesce(c.relief_sought, 'other'), c.outcome, count(*) FROM relief_charge c {_PERSON.format(t="c")}
            WHERE c.deleted = 0 AND c.decided_on BETWEEN :start AND :end
              AND c.outcome IN ('granted', 'partly_granted', 'denied')
            GROUP BY 1, 2""",
        period,
    )
    outcomes: dict[str, int] = {}
    by_type: dict[str, int] = {}
    for sought, outcome, n in rows:
        outcomes[outcome] = outcomes.get(outcome, 0) + int(n)
        if outcome != "denied":
            by_type[sought] = by_type.get(sought, 0) + int(n)
    [(filed,)] = _rows(
        s,
        f"""SELECT count(*) FROM relief_petition t {_PERSON.format(t="t")}
            WHERE t.deleted = 0 AND t.filed_on BETWEEN :start AND :end""",
        period,
    )
    days = [
        int(d)
        for (d,) in _rows(
            s,
            f"""SELECT julianday(t.decided_on) - julianday(t.filed_on) AS days
                FROM relief_petition t {_PERSON.format(t="t")}
                WHERE t.deleted = 0 AND t.decided_on BETWEEN :start AND :end AND t.filed_on IS NOT NULL
                  AND t.decided_on >= t.filed_on
                ORDER BY days""",
            period,
        )
    ]
    n = len(days)
    median = None if not n else (days[(n - 1) // 2] + days[n // 2]) / 2
    granted = outcomes.get("granted", 0) + outcomes.get("partly_granted", 0)
    return Numbers(
        granted,
        sum(outcomes.values()),
        {
            "Petitions filed in the period": _nonzero([("filed", filed)]),
            "Charges decided": {k: v for k, v in outcomes.items() if v},
            "Charges granted relief, by kind of relief": {k: v for k, v in by_type.items() if v},
        },
        {"Median days from filing to decision": (median, n)},
    )


def m13(s: Session, period: Period) -> Numbers:
    parts = _nonzero(
        _rows(
            s,
            f"""SELECT CASE WHEN EXISTS (
                        SELECT 1 FROM relief_charge o
                         WHERE o.person_id = g.person_id AND o.deleted = 0 AND o.eligibility = 'eligible'
                           AND (o.outcome IS NULL OR o.outcome != 'granted' OR o.decided_on IS NULL
                                OR o.decided_on > :end)) THEN 'some_to_go' ELSE 'all' END, count(*)
                FROM (SELECT DISTINCT c.person_id FROM relief_charge c {_PERSON.format(t="c")}
                       WHERE c.deleted = 0 AND c.decided_on BETWEEN :start AND :end
                         AND c.outcome IN ('granted', 'partly_granted')) g
                GROUP BY 1""",
            period,
        )
    )
    return Numbers(sum(parts.values()), None, {"How much of the record": parts}, {})


#: The identification decision in force on a day (``{day}``) for ``{person}`` says "identified".
_IDENTIFIED_ON = """(SELECT d.status FROM identification_decision d
                      WHERE d.person_id = {person} AND d.deleted = 0 AND d.decided_on <= {day}
                      ORDER BY d.decided_on DESC, d.created_at DESC, d.id DESC LIMIT 1) = 'identified'"""


def m14(s: Session, period: Period) -> Numbers:
    court = _rows(
        s,
        f"""SELECT j.disposition, count(*) FROM justice_contact j {_PERSON.format(t="j")}
            WHERE j.deleted = 0 AND j.role = 'defendant' AND j.disposition IS NOT NULL AND j.disposition != 'pending'
              AND j.disposition_date BETWEEN :start AND :end
              AND {_IDENTIFIED_ON.format(person="j.person_id", day="j.disposition_date")}
            GROUP BY 1""",
        period,
    )
    decided = _rows(
        s,
        f"""SELECT CASE x.decision WHEN 'decline' THEN 'declined' WHEN 'dismiss' THEN 'dismissed'
                                   ELSE 'diverted' END, count(*)
            FROM justice_contact j {_PERSON.format(t="j")}
            JOIN (SELECT c.justice_contact_id AS matter, c.decision, c.decided_on,
                         row_number() OVER (PARTITION BY c.justice_contact_id
                                            ORDER BY c.decided_on DESC, c.created_at DESC, c.id DESC) AS rn
                    FROM charging_decision c
                    JOIN person cp ON cp.id = c.person_id AND cp.deleted = 0
                   WHERE c.deleted = 0) x ON x.matter = j.id AND x.rn = 1
            WHERE j.deleted = 0 AND j.role = 'defendant' AND (j.disposition IS NULL OR j.disposition = 'pending')
              AND x.decision IN ('decline', 'dismiss', 'divert') AND x.decided_on BETWEEN :start AND :end
              AND {_IDENTIFIED_ON.format(person="j.person_id", day="x.decided_on")}
            GROUP BY 1""",
        period,
    )
    dispositions: dict[str, int] = {}
    for part, n in [*court, *decided]:
        dispositions[part] = dispositions.get(part, 0) + int(n)
    informed = _nonzero(
        _rows(
            s,
            f"""SELECT CASE WHEN EXISTS (
                        SELECT 1 FROM identification_decision l
                         WHERE l.id = c.identification_decision_id AND l.deleted = 0 AND l.status = 'identified'
                           AND l.decided_on <= c.decided_on) THEN 'informed' ELSE 'not_informed' END, count(*)
                FROM charging_decision c {_PERSON.format(t="c")}
                JOIN justice_contact j ON j.id = c.justice_contact_id AND j.deleted = 0 AND j.role = 'defendant'
                WHERE c.deleted = 0 AND c.decided_on BETWEEN :start AND :end
                  AND {_IDENTIFIED_ON.format(person="c.person_id", day="c.decided_on")}
                GROUP BY 1""",
            period,
        )
    )
    total = sum(dispositions.values())
    return Numbers(
        total - dispositions.get("convicted", 0),
        total,
        {
            "Dispositions": {k: v for k, v in dispositions.items() if v},
            "Charging decisions in the period about identified defendants": informed,
        },
        {},
    )


HAND_SQL: dict[int, Callable[[Session, Period], Numbers]] = {4: m4, 8: m8, 12: m12, 13: m13, 14: m14}
