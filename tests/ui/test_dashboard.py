"""The outcome-measures dashboard, driven by keyboard over a real vault holding the hand-built caseload."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.core.workspace import Workspace
from app.reports.measures import Viewer
from app.ui.dashboard import DashboardDialog
from app.ui.qt import Qt
from app.ui.tasks import TaskRunner
from tests.ui.helpers import assert_all_named, button, use_readable_font
from tests.unit.test_measures import build

TODAY = dt.date(2026, 6, 1)  # the default period is the last whole quarter: FY2026 Q2, every window closed


@pytest.fixture
def ids(workspace: Workspace) -> dict[str, str]:
    with workspace.session() as s, s.begin():
        return build(s)


def _open(qtbot: Any, ws: Workspace, runner: TaskRunner, **kw: Any) -> DashboardDialog:
    use_readable_font()
    dialog = DashboardDialog(ws, runner, today=TODAY, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 14 and dialog.trend_ready, timeout=20_000)
    return dialog


def test_the_measures_by_keyboard_with_definitions_and_people(
    qtbot: Any, workspace: Workspace, runner: TaskRunner, ids: dict[str, str], tmp_path: Path
) -> None:
    dialog = _open(qtbot, workspace, runner)
    assert dialog.selected_period().label == "FY2026 Q2"
    assert_all_named(dialog)
    assert dialog.list.hasFocus()
    # Measure 1: 2 of the 5 people first contacted in the quarter were screened within 30 days.
    assert dialog.title.text() == "1. Screening reach"
    assert (dialog.value.text(), dialog.fraction.text()) == ("40%", "2 of 5 people")
    assert "FY2026 Q2" in dialog.status.text() and "left out" in dialog.status.text()
    dialog.grab().save(str(tmp_path / "dashboard.png"))

    # F1 shows what the measure counts, and again hides it.
    qtbot.keyClick(dialog.list, Qt.Key.Key_F1)
    assert dialog.definition.isVisible() and "first contact" in dialog.definition.text()
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_F1)
    assert not dialog.definition.isVisible()

    # Arrow down to measure 6: 8 people served, 6 new and 2 continuing.
    for _ in range(5):
        qtbot.keyClick(dialog.list, Qt.Key.Key_Down)
    assert dialog.title.text() == "6. People served" and dialog.value.text() == "8"
    assert "New in the fiscal year" in dialog.parts.text() and "&nbsp;&nbsp;6" in dialog.parts.text()
    assert dialog.chart.accessibleDescription().startswith("Trend over 8 quarters")

    # The people behind measure 1 (the user's own caseload), then Enter opens one.
    dialog.list.setCurrentRow(0)
    opened: list[str] = []
    dialog.open_requested.connect(opened.append)
    qtbot.mouseClick(button(dialog, "People behind this number"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.people.isVisible() and dialog.people.count() == 2, timeout=10_000)
    assert [dialog.people.item(i).text() for i in range(2)] == ["Person A", "Person C"]
    assert dialog.people.hasFocus()
    qtbot.keyClick(dialog.people, Qt.Key.Key_Return)
    assert opened == [ids["A"]]


def test_demo_records_are_counted_only_when_chosen_and_then_say_so(
    qtbot: Any, workspace: Workspace, runner: TaskRunner, ids: dict[str, str]
) -> None:
    dialog = _open(qtbot, workspace, runner)
    assert not dialog.demo_banner.isVisible()
    dialog.demo_box.setFocus()
    qtbot.keyClick(dialog.demo_box, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.fraction.text() == "3 of 6 people", timeout=20_000)
    assert dialog.demo_banner.isVisible() and "practice" in dialog.demo_banner.text()
    assert "Demo records are counted" in dialog.status.text()


def test_an_analyst_sees_totals_without_the_people(
    qtbot: Any, workspace: Workspace, runner: TaskRunner, ids: dict[str, str]
) -> None:
    dialog = _open(qtbot, workspace, runner, viewer=Viewer.ANALYST)
    assert not dialog.people_button.isVisible()
    assert dialog.value.text() == "40%"


def test_the_funder_export_from_the_dashboard(
    qtbot: Any, workspace: Workspace, runner: TaskRunner, ids: dict[str, str], tmp_path: Path
) -> None:
    """The funder-shaped CSV is one of the dashboard's exports, audited, and hides what the report hides."""
    import csv
    import io

    from app.reports.funder import FUNDER_COLUMNS

    dialog = _open(qtbot, workspace, runner)
    target = tmp_path / "funder.csv"
    dialog.export_report(str(target), funder=True)
    qtbot.waitUntil(lambda: "funder export" in dialog.status.text(), timeout=20_000)
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert tuple(rows[0]) == FUNDER_COLUMNS
    served = next(r for r in rows if r["item"] == "Total" and r["section"].startswith("People served"))
    assert served["people"] == "8"  # measure 6 on the hand-built caseload: 8 people served, shown
    assert "not shown" in {r["service_events"] for r in rows}
