"""The measures one at a time, as the dashboard asks for them: each headline, then its parts, then the earlier
quarters, give what the whole report gives; a count two measures share is worked out once per load."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event

from app.reports.measures import (
    MEASURES,
    Memo,
    caseload_details,
    caseload_earlier_quarters,
    caseload_measure,
    caseload_measures,
    compute_measure,
    vault_scope,
)
from app.reports.periods import Period
from tests.unit.test_measures import AFTER, Q2, build


def test_one_measure_at_a_time_gives_the_whole_report(workspace: Any) -> None:
    with workspace.session() as s, s.begin():
        build(s)
    whole = caseload_measures(workspace, Q2, as_of=AFTER)
    memo: Memo = {}
    for d in MEASURES:
        m = caseload_measure(workspace, d.number, Q2, as_of=AFTER, memo=memo)
        assert m.breakdowns == () and m.figures == ()
        breakdowns, figures = caseload_details(workspace, d.number, Q2, as_of=AFTER)
        assert (m.numerator, m.denominator, breakdowns, figures) == (
            whole.report.get(d.number).numerator,
            whole.report.get(d.number).denominator,
            whole.report.get(d.number).breakdowns,
            whole.report.get(d.number).figures,
        )
    earlier = caseload_earlier_quarters(workspace, Q2, as_of=AFTER)
    assert earlier == whole.series[:-1] and len(earlier) == 7
    assert caseload_earlier_quarters(workspace, Period(Q2.start, Q2.end), as_of=AFTER) == ()


def test_a_count_two_measures_share_is_worked_out_once_per_load(workspace: Any) -> None:
    """Measures 6 and 7 count the same people served: with one memo, measure 7's headline runs no query."""
    with workspace.session() as s, s.begin():
        build(s)
    statements: list[str] = []
    with workspace.session() as s:
        scope = vault_scope(s)
        event.listen(s.get_bind(), "before_cursor_execute", lambda *a: statements.append(a[2]))
        memo: Memo = {}
        six = compute_measure(s, 6, Q2, scope=scope, as_of=AFTER, detail=False, memo=memo)
        before = len(statements)
        seven = compute_measure(s, 7, Q2, scope=scope, as_of=AFTER, detail=False, memo=memo)
        assert len(statements) == before  # remembered
        assert seven.numerator == six.numerator == 8
        # Without the memo it is asked again, with the same answer.
        again = compute_measure(s, 7, Q2, scope=scope, as_of=AFTER, detail=False)
        assert len(statements) > before and again.numerator == seven.numerator
