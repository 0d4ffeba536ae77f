"""The bench's hand-written SQL for five measures computes exactly what the measures library computes, on a demo
prosecution vault (charging decisions included), quarter by quarter: so the bench times two ways to the same numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.workspace import Workspace
from app.demo.people import generate
from app.reports.measures import Scope, compute_measure
from app.reports.periods import Period
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from bench.measures_sql import HAND_SQL, numbers_of

QUARTERS = [Period.fiscal_quarter(year, q) for year in (2025, 2026) for q in (1, 2, 3, 4)]


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    folder: Path = tmp_path_factory.mktemp("hand-sql") / "vault"
    unlocked, _code = Vault(folder).create("a long passphrase", kdf_params=KdfParams.floor(), regime="prosecution")
    workspace = Workspace(unlocked)
    generate(workspace, persons=600, seed=5)
    yield workspace
    workspace.lock()


@pytest.mark.parametrize("number", sorted(HAND_SQL))
def test_the_hand_written_sql_gives_the_measures_numbers(ws: Workspace, number: int) -> None:
    seen = 0
    with ws.session() as s:
        for period in QUARTERS:
            library = numbers_of(
                compute_measure(s, number, period, scope=Scope(include_demo=True), as_of=dt.date(2026, 12, 1))
            )
            assert HAND_SQL[number](s, period) == library, (number, period.label)
            seen += library.numerator + (library.denominator or 0)
    assert seen > 0, "the demo vault gives this measure something to count"


def test_the_hand_written_sql_agrees_on_the_hand_built_edge_cases() -> None:
    """The exact-measures fixtures (revised identifications, decisions replacing decisions, the quarter's edges)."""
    import sqlalchemy as sa
    from sqlalchemy.orm import Session

    from app.models import Base
    from tests.unit import test_measures_exact as exact

    cases = [
        exact.test_measure_14_uses_the_decision_in_force_on_the_disposition_day,
        exact.test_measure_14_reads_the_prosecutors_charging_decisions_where_no_court_outcome_is_recorded,
        exact.test_measure_14_says_how_many_decisions_about_identified_defendants_an_earlier_identification_informed,
        exact.test_measure_8_counts_every_follow_up_the_person_has_not_declined,
    ]
    for case in cases:
        engine = sa.create_engine("sqlite://")
        Base.metadata.create_all(engine)
        with Session(engine) as s:
            case(s)  # builds its caseload and checks the library's numbers
            for number in (8, 14):
                library = numbers_of(compute_measure(s, number, exact.Q2, as_of=exact.AFTER, scope=Scope()))
                assert HAND_SQL[number](s, exact.Q2) == library, (case.__name__, number)
        engine.dispose()
