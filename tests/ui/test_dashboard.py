"""The outcome-measures dashboard, driven by keyboard over a real vault holding the hand-built caseload."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import dataclasses
import datetime as dt
import threading
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
    # The status counts the measures in as they arrive, then names the period and the demo choice.
    qtbot.waitUntil(lambda: dialog.all_ready, timeout=20_000)
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


def test_each_measure_shows_as_it_arrives_and_a_newer_quarter_drops_stale_ones(
    qtbot: Any, workspace: Workspace, runner: TaskRunner, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The list shows all 14 at once; the first measure worked out is on screen while the others are still held
    back on the worker; the export waits for all of them. Choosing another quarter meanwhile drops the old numbers."""
    import app.ui.dashboard as dashboard
    from app.reports.measures import caseload_measure

    release = threading.Event()
    asked: list[tuple[int, str]] = []

    def held(ws: Workspace, number: int, period: Any, **kw: Any) -> Any:
        asked.append((number, period.label))
        if len(asked) > 1:
            assert release.wait(30), "the test never let the measures go"
        return caseload_measure(ws, number, period, **kw)

    monkeypatch.setattr(dashboard, "caseload_measure", held)
    use_readable_font()
    dialog = DashboardDialog(workspace, runner, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        assert dialog.list.count() == 14
        assert all("Working out" in dialog.list.item(i).text() for i in range(14))
        # The measure in focus is asked for first; it shows while the second is held on the worker.
        qtbot.waitUntil(lambda: dialog.ready_count == 1, timeout=20_000)
        assert asked[0] == (1, "FY2026 Q2")
        assert dialog.list.item(0).text() == "1. Screening reach\n40%"
        assert (dialog.value.text(), dialog.fraction.text()) == ("40%", "2 of 5 people")
        assert all("Working out" in dialog.list.item(i).text() for i in range(1, 14))
        assert "1 of 14 ready" in dialog.status.text()
        assert not dialog.export_button.isEnabled() and not dialog.all_ready
        dialog.list.setCurrentRow(5)
        assert dialog.value.text() == "Working out…"

        # Another quarter while the old one is still being worked out: its late numbers never show.
        index = next(i for i in range(dialog.period_box.count()) if dialog.period_box.itemText(i).find("Q1") >= 0)
        chosen = dialog.period_box.itemData(index).label
        dialog.period_box.setCurrentIndex(index)
        assert dialog.ready_count == 0 and "0 of 14 ready" in dialog.status.text()
    finally:
        release.set()
    qtbot.waitUntil(lambda: dialog.all_ready, timeout=30_000)
    assert dialog.export_button.isEnabled()
    assert chosen in dialog.status.text()
    expected = caseload_measure(workspace, 6, dialog.selected_period(), as_of=TODAY)
    assert dialog.current_measure() == dataclasses.replace(
        dialog.current_measure(), numerator=expected.numerator, denominator=expected.denominator
    )
    assert dialog.title.text() == "6. People served" and dialog.value.text() == expected.value_text()
    for row in range(14):
        m = caseload_measure(workspace, row + 1, dialog.selected_period(), as_of=TODAY)
        assert dialog.list.item(row).text().split("\n")[1].startswith(m.value_text())
    # The old quarter's numbers were asked for at most once each; the new quarter's all 14.
    assert {n for n, label in asked if label == chosen} == set(range(1, 15))


def test_closing_the_dashboard_frees_the_worker(
    qtbot: Any, workspace: Workspace, runner: TaskRunner, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Closed while the numbers come in: what is still queued never runs, so the window's own vault work is next."""
    import app.ui.dashboard as dashboard
    from app.reports.measures import caseload_measure

    release = threading.Event()
    asked: list[int] = []

    def held(ws: Workspace, number: int, period: Any, **kw: Any) -> Any:
        asked.append(number)
        if len(asked) > 1:
            assert release.wait(30), "the test never let the measures go"
        return caseload_measure(ws, number, period, **kw)

    monkeypatch.setattr(dashboard, "caseload_measure", held)
    dialog = DashboardDialog(workspace, runner, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        qtbot.waitUntil(lambda: dialog.ready_count == 1 and len(asked) == 2, timeout=20_000)
        dialog.reject()
    finally:
        release.set()
    qtbot.waitUntil(lambda: not runner.busy, timeout=20_000)
    assert len(asked) == 2  # the one running finished; none of the other twelve started


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_trend_chart_fits_its_scale_and_quarters_at_any_text_size(qtbot, scale: float) -> None:  # type: ignore[no-untyped-def]
    """At twice the text size the scale's "100%" was drawn into a fixed 38-pixel box and read "0%"."""
    from app.ui.dashboard import TrendChart
    from app.ui.qt import QFont, QFontMetrics

    chart = TrendChart()
    qtbot.addWidget(chart)
    font = QFont(chart.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    chart.setFont(font)
    labels = [f"Q{i % 4 + 1} {2025 + i // 4}" for i in range(8)]
    chart.set_points([100.0, 50.0, None, 0.0, 75.0, 100.0, 20.0, 90.0], labels, rate=True, soft_last=True)
    chart.resize(chart.sizeHint())
    metrics = QFontMetrics(chart.axis_font())
    left, bottom, _top = chart.margins()
    assert [chart.axis_text(f) for f in (0.0, 0.5, 1.0)] == ["0%", "50%", "100%"]
    assert left - 6 >= metrics.horizontalAdvance("100%"), "the widest number of the scale fits its box"
    assert bottom >= metrics.height() + 4, "the quarters' labels fit under the bars"
    assert chart.sizeHint().height() >= metrics.height() * 8
    assert not chart.grab().isNull()
