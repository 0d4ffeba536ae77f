"""The outcome-measures dashboard: the 14 measures for a chosen quarter, each with its eight-quarter trend.

One measure is in focus at a time: the list on the left (arrow keys), its number, what it counts (F1 or the button),
its trend and its parts on the right. The numbers are worked out on the task runner's worker, never on the main
thread, in two steps so the window opens at once: the chosen quarter first, then the seven quarters before it for
the trend. "Export the quarterly report…" saves the same report as ``offramp report`` (PDF with charts, or CSV),
aggregates only with small counts hidden.

A real vault leaves demo records out by default. A practice vault (every person in it a demo person) counts them by
default, with the banner saying so, and opens on the latest quarter the demo data reaches: otherwise its first
screen would be all zeros.

On a personal vault the user's own caseload is what is counted, so the people behind a number can be listed; the
check goes through :func:`app.reports.measures.may_drill_down` so office roles can plug in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.core.i18n import _
from app.reports.dates import short_date
from app.reports.measures import (
    MEASURES,
    Breakdown,
    CaseloadMeasures,
    Figure,
    MeasureReport,
    MeasureResult,
    Memo,
    Viewer,
    caseload_details,
    caseload_earlier_quarters,
    caseload_measure,
    may_drill_down,
    measure_definition,
    measure_title,
    only_demo_people,
    people_behind_in_caseload,
)
from app.reports.periods import Period, quarter_of, trailing_quarters
from app.ui.file_dialogs import save_file_name
from app.ui.palette import box_style, qcolor, text_style
from app.ui.person.fields import column_of, heading_label, plain_button, row_of
from app.ui.person.forms import message_of
from app.ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFont,
    QFontMetrics,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QListWidget,
    QPainter,
    QScrollArea,
    QSize,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace

__all__ = ["DashboardDialog", "TrendChart"]


#: The order the headline numbers are asked for after the one in focus: the quickest to work out first (by their
#: CPU time over 100,000 people), so the list fills in from the first second; 7 after 6, whose count it reuses.
_QUICKEST_FIRST = (13, 12, 10, 2, 3, 4, 14, 5, 8, 1, 9, 11, 6, 7)


class TrendChart(QWidget):
    """Eight small bars, oldest on the left, painted directly; a provisional last bar is lighter."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._points: list[float | None] = []
        self._labels: list[str] = []
        self._rate = True
        self._soft_last = False
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_points(self, points: Sequence[float | None], labels: Sequence[str], *, rate: bool, soft_last: bool) -> None:
        self._points, self._labels, self._rate, self._soft_last = list(points), list(labels), rate, soft_last
        none = self.tr("none")
        shown = ", ".join(
            f"{label}: {none if p is None else (f'{p:.0f}%' if rate else f'{p:.0f}')}"
            for label, p in zip(labels, points, strict=True)
        )
        self.setAccessibleDescription(self.tr("Trend over %n quarters. {shown}", "", len(points)).format(shown=shown))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(520, max(170, QFontMetrics(self.axis_font()).height() * 8))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, max(150, QFontMetrics(self.axis_font()).height() * 7))

    def axis_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(8.0, font.pointSizeF() * 0.85))
        return font

    def _top_value(self) -> float:
        values = [v for v in self._points if v is not None]
        return 100.0 if self._rate else max(4.0, max(values or [1.0]) * 1.15)

    def axis_text(self, frac: float) -> str:
        value = self._top_value() * frac
        return f"{value:.0f}%" if self._rate else f"{value:.0f}"

    def margins(self) -> tuple[int, int, int]:
        """``(left, bottom, top)`` in pixels, from the text size: the scale's widest number ("100%") and the
        quarters' labels fit whole at any text size (at twice the size, fixed margins cut "100%" to "0%")."""
        metrics = QFontMetrics(self.axis_font())
        widest = max(metrics.horizontalAdvance(self.axis_text(frac)) for frac in (0.0, 0.5, 1.0))
        return widest + 12, metrics.height() + 14, max(10, metrics.height() // 2 + 2)

    def paintEvent(self, _event: Any) -> None:
        if not self._points:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        left, bottom, top = self.margins()
        plot_h = h - bottom - top
        top_value = self._top_value()
        font = self.axis_font()
        line = QFontMetrics(font).height()
        p.setFont(font)
        p.setPen(qcolor("rule"))
        for frac in (0.0, 0.5, 1.0):
            y = int(top + plot_h * (1 - frac))
            p.drawLine(left, y, w - 8, y)
            p.setPen(qcolor("quiet"))
            align = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            p.drawText(0, y - line // 2, left - 6, line, align, self.axis_text(frac))
            p.setPen(qcolor("rule"))
        n = len(self._points)
        slot = (w - left - 8) / n
        bar = max(6.0, slot * 0.55)
        p.setPen(Qt.PenStyle.NoPen)
        for i, v in enumerate(self._points):
            x = left + slot * i + (slot - bar) / 2
            if v is not None and v > 0:
                bh = plot_h * min(1.0, v / top_value)
                p.setBrush(qcolor("bar_soft") if (self._soft_last and i == n - 1) else qcolor("bar"))
                p.drawRect(int(x), int(top + plot_h - bh), int(bar), max(1, int(bh)))
        p.setPen(qcolor("quiet"))
        for i, label in enumerate(self._labels):
            x = left + slot * i
            p.drawText(int(x), h - bottom + 4, int(slot), line + 4, int(Qt.AlignmentFlag.AlignHCenter), label)
        p.end()


class _MeasureList(QListWidget):
    definition_requested = Signal()
    #: The items' padding (the style sheet's 9 px above and below, 10 px each side) and the focus frame.
    PADDING = (20 + 8, 18 + 4)

    def fit_items(self) -> None:
        """Each item as tall as its words wrapped to the list's width: Qt's own guess wraps at a wider width than
        it paints, so a long name in a longer language (Spanish at 200 % text) lost its number under an ellipsis."""
        across, down = self.PADDING
        width = max(60, self.viewport().width() - across)
        metrics = QFontMetrics(self.font())
        flags = int(Qt.TextFlag.TextWordWrap)
        for row in range(self.count()):
            item = self.item(row)
            height = metrics.boundingRect(0, 0, width, 100_000, flags, item.text()).height() + down
            item.setSizeHint(QSize(width, height))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit_items()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F1:
            self.definition_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def _heading(text: str, parent: QWidget, scale: float = 1.15) -> QLabel:
    label = heading_label(text, parent, scale)
    label.setWordWrap(True)
    return label


def _quarter_labels(series: Sequence[Any], short: str) -> list[str]:
    """A quarter under a chart's bar, from ``short`` ("{year} Q{quarter}": "26 Q2", "26 T2" in Spanish)."""
    return [
        short.format(year=f"{r.period.fiscal_year % 100:02d}", quarter=r.period.quarter) if r.period.quarter else ""
        for r in series
    ]


def _points(series: Sequence[Any], number: int) -> list[float | None]:
    out: list[float | None] = []
    for rep in series:
        m: MeasureResult = rep.get(number)
        if m.kind == "rate":
            out.append(None if m.value is None else m.value * 100)
        else:
            out.append(float(m.numerator))
    return out


class DashboardDialog(QDialog):
    """Emits :attr:`open_requested` (person id) when the user opens someone from a drill-down list."""

    open_requested = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        viewer: Viewer = Viewer.OWN_CASELOAD,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outcome measures"))
        self._ws = ws
        self._runner = runner
        self._viewer = viewer
        self._today = today or dt.date.today()
        #: The whole report (every measure with its parts, and the trend): set once everything is in.
        self._data: CaseloadMeasures | None = None
        self._results: dict[int, MeasureResult] = {}
        self._detailed: set[int] = set()
        self._earlier: tuple[MeasureReport, ...] | None = None
        self._loading: tuple[Period, bool] = (quarter_of(self._today), False)
        self._handles: list[TaskHandle] = []
        #: Counts one measure shares with another (6 and 7 count the same people), for one load only; touched only
        #: by the worker, one task after another.
        self._memo: Memo = {}
        self._focused = False
        #: What went wrong while working the measures out, kept on the status line until the next refresh.
        self._problem: str | None = None
        self._people: list[tuple[str, str]] = []
        self._gone = False
        self._generation = 0
        #: Until the user touches the period or the demo box, the first load may choose them (practice vault).
        self._first_load = True
        self._exporting = False

        heading = _heading(self.tr("Outcome measures · my caseload"), self, 1.3)
        self.period_box = QComboBox(self)
        self.period_box.setAccessibleName(self.tr("Period"))
        self.period_box.setMinimumHeight(36)
        current = quarter_of(self._today)
        for period in reversed(trailing_quarters(current, 12)):
            self.period_box.addItem(period.long_label, period)
        if self.period_box.count() > 1:
            self.period_box.setCurrentIndex(1)  # the last whole quarter; the running one is provisional
        self.period_box.currentIndexChanged.connect(lambda _i: self._chosen())
        self.demo_box = QCheckBox(self.tr("Include demo records (practice data)"), self)
        self.demo_box.setAccessibleName(self.tr("Include demo records"))
        self.demo_box.toggled.connect(lambda _on: self._chosen())
        # The heading above its choices, and the demo box beside the period only where both fit the window's
        # width (at 200 % text they do not fit one 1280-pixel row).
        window = parent.window() if parent is not None else None
        room = (min(1100, window.width() - 40) if window is not None else 1100) - 48
        period_label = QLabel(self.tr("&Period"), self)
        period_label.setBuddy(self.period_box)
        choices = QHBoxLayout()
        choices.addWidget(period_label)
        choices.addWidget(self.period_box)
        together = sum(w.sizeHint().width() for w in (period_label, self.period_box, self.demo_box)) + 12 + 12
        if together <= room:
            choices.addSpacing(12)
            choices.addWidget(self.demo_box)
        choices.addStretch(1)
        top = QVBoxLayout()
        top.setSpacing(8)
        top.addWidget(heading)
        top.addLayout(choices)
        if together > room:
            top.addWidget(self.demo_box)

        self.demo_banner = QLabel(self.tr("Demo records are counted: these are practice numbers, not real work."), self)
        self.demo_banner.setAccessibleName(self.tr("Demo records are counted"))
        self.demo_banner.setStyleSheet(box_style("QLabel", "notice", padding="8px 12px"))
        self.demo_banner.hide()
        self.status = QLabel(self.tr("Working out the measures…"), self)
        self.status.setAccessibleName(self.tr("Dashboard status"))
        self.status.setWordWrap(True)

        self.list = _MeasureList(self)
        self.list.setAccessibleName(self.tr("Measures"))
        self.list.setAccessibleDescription(
            self.tr("Choose a measure with the arrow keys. Press F1 for what it counts.")
        )
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setStyleSheet("QListWidget::item { padding: 9px 10px; }")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(360)
        self.list.setMaximumWidth(420)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.definition_requested.connect(self._toggle_definition)

        detail = QWidget(self)
        self.title = _heading("", detail, 1.35)
        self.title.setAccessibleName(self.tr("Measure"))
        self.value = QLabel("", detail)
        value_font = QFont(self.value.font())
        value_font.setPointSizeF(value_font.pointSizeF() * 2.4)
        value_font.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(value_font)
        self.value.setAccessibleName(self.tr("Result"))
        self.fraction = QLabel("", detail)
        self.fraction.setAccessibleName(self.tr("Counted"))
        self.provisional = QLabel("", detail)
        self.provisional.setWordWrap(True)
        self.provisional.setAccessibleName(self.tr("Provisional"))
        self.provisional.setStyleSheet(text_style("warning"))
        self.definition_button = plain_button(self.tr("What this counts (F1)"), self.tr("What this counts"), detail)
        self.definition_button.setCheckable(True)
        self.definition_button.toggled.connect(self._definition_toggled)
        self.people_button = plain_button(
            self.tr("People behind this number…"), self.tr("People behind this number"), detail
        )
        self.people_button.clicked.connect(self._list_people)
        self.definition = QLabel("", detail)
        self.definition.setWordWrap(True)
        self.definition.setAccessibleName(self.tr("Definition"))
        self.definition.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.definition.setStyleSheet(box_style("QLabel", "calm", padding="10px 12px"))
        self.definition.hide()
        self.chart_title = QLabel(self.tr("Last eight quarters"), detail)
        self.chart = TrendChart(detail)
        self.chart.setAccessibleName(self.tr("Trend"))
        self.parts = QLabel("", detail)
        self.parts.setWordWrap(True)
        self.parts.setAccessibleName(self.tr("Parts of this number"))
        self.parts.setTextFormat(Qt.TextFormat.RichText)
        self.people = QListWidget(detail)
        self.people.setAccessibleName(self.tr("People behind this number"))
        self.people.itemActivated.connect(lambda item: self._open_person(self.people.row(item)))
        self.people.hide()

        for b in (self.definition_button, self.people_button):
            b.setMinimumHeight(36)
        # Side by side where they fit beside the list (at 200 % text they do not): else one above the other.
        beside = self.definition_button.sizeHint().width() + self.people_button.sizeHint().width() + 8 + 16
        if beside <= room - self.list.minimumWidth() - 16 - 24:
            buttons: QHBoxLayout | QVBoxLayout = row_of(self.definition_button, self.people_button, 1)
        else:
            buttons = column_of(None, row_of(self.definition_button, 1), row_of(self.people_button, 1), spacing=8)
        box = column_of(
            detail,
            self.title,
            self.value,
            self.fraction,
            self.provisional,
            buttons,
            self.definition,
            margins=(8, 0, 8, 0),
            spacing=8,
        )
        box.addSpacing(6)
        box.addWidget(self.chart_title)
        box.addWidget(self.chart)
        box.addWidget(self.parts)
        box.addWidget(self.people)
        box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(detail)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        body = row_of(self.list, (scroll, 1), spacing=16)
        self.export_button = plain_button(
            self.tr("Export the quarterly report…"), self.tr("Export the quarterly report as a PDF or CSV file"), self
        )
        self.export_button.setToolTip(
            self.tr("The same report as the office's quarterly one: counts only, small ones hidden")
        )
        self.export_button.clicked.connect(self.export_report)
        self.close_button = plain_button(self.tr("Close"), self.tr("Close the dashboard"), self)
        self.close_button.clicked.connect(self.reject)
        bottom = row_of((self.status, 1), self.export_button, self.close_button)
        column_of(self, top, self.demo_banner, (body, 1), bottom, margins=(24, 18, 24, 16), spacing=10)
        self.finished.connect(self._finished)
        if window is not None:  # never larger than the window it opens over
            self.resize(min(1100, max(window.width() - 40, 640)), min(750, max(int(window.height() * 0.95), 480)))
        else:
            self.resize(1100, 750)
        self._set_detail_enabled(False)
        self.refresh()

    # --- loading ------------------------------------------------------------------------------------------------
    #
    # Each measure is its own task on the runner, so each number shows as soon as it is worked out: first the
    # headline numbers of all 14 (the one in focus first, then the quickest), then each one's parts, then the seven
    # quarters before the chosen one for the trend. A newer refresh cancels what is still queued and drops what
    # arrives late (the generation check).

    @property
    def trend_ready(self) -> bool:
        """The eight quarters of the trend are in (the last step of loading: everything else is in too)."""
        return self._data is not None and self._earlier is not None

    @property
    def ready_count(self) -> int:
        """How many of the 14 measures have their numbers on screen."""
        return len(self._results)

    @property
    def all_ready(self) -> bool:
        """Every measure is in with its parts, and the trend too: what the export needs."""
        return self._data is not None

    def selected_period(self) -> Period:
        period = self.period_box.currentData()
        assert isinstance(period, Period)
        return period

    def _chosen(self) -> None:
        self._first_load = False
        self.refresh()

    def refresh(self) -> None:
        self._generation += 1
        generation = self._generation
        for handle in self._handles:
            handle.cancel()  # not started yet: never starts; the numbers asked for are no longer wanted
        self._handles = []
        ws, period, demo = self._ws, self.selected_period(), self.demo_box.isChecked()
        first = self._first_load
        self._data = None
        self._results = {}
        self._detailed = set()
        self._earlier = None
        self._loading = (period, demo)
        self._problem = None
        self._memo = {}
        self.demo_banner.setVisible(demo)
        self.period_box.setEnabled(False)
        self.demo_box.setEnabled(False)
        self.export_button.setEnabled(False)
        self._fill_list()
        self._show_status()

        if first and not demo:

            def practice() -> tuple[bool, Period]:
                if only_demo_people(ws):
                    return True, _latest_demo_quarter(period)
                return False, period

            self._track(
                self._runner.run(
                    practice,
                    on_done=lambda got: self._prepared(generation, *got),
                    on_error=lambda exc: self._failed(generation, exc),
                )
            )
        else:
            self._prepared(generation, False, period)

    def _track(self, handle: TaskHandle) -> None:
        self._handles.append(handle)

    def _prepared(self, generation: int, practice: bool, period: Period) -> None:
        """The period and the demo choice are settled: ask for every measure, each its own task."""
        if self._gone or generation != self._generation:
            return
        if practice:
            # A practice vault: count its demo records and show the quarter they reach, saying so in the banner.
            for box, call in ((self.period_box, lambda: self._select_period(period)),
                              (self.demo_box, lambda: self.demo_box.setChecked(True))):  # fmt: skip
                box.blockSignals(True)
                call()
                box.blockSignals(False)
            self.demo_banner.setVisible(True)
        self._first_load = False
        self.period_box.setEnabled(True)
        self.demo_box.setEnabled(True)
        ws, demo, today = self._ws, self.demo_box.isChecked(), self._today
        self._loading = (period, demo)
        focus = self.list.currentRow() + 1 if self.list.currentRow() >= 0 else 1
        order = [focus, *(n for n in _QUICKEST_FIRST if n != focus)]
        for number in order:
            self._ask_headline(generation, number, period, demo)
        for number in order:
            self._ask_details(generation, number, period, demo)
        self._track(
            self._runner.run(
                lambda: caseload_earlier_quarters(ws, period, include_demo=demo, as_of=today),
                on_done=lambda earlier: self._trend_arrived(generation, earlier),
                on_error=lambda exc: self._failed(generation, exc),
            )
        )

    def _ask_headline(self, generation: int, number: int, period: Period, demo: bool) -> None:
        ws, today, memo = self._ws, self._today, self._memo
        self._track(
            self._runner.run(
                lambda: caseload_measure(ws, number, period, include_demo=demo, as_of=today, memo=memo),
                on_done=lambda m: self._measure_arrived(generation, m),
                on_error=lambda exc: self._failed(generation, exc),
            )
        )

    def _ask_details(self, generation: int, number: int, period: Period, demo: bool) -> None:
        ws, today = self._ws, self._today
        self._track(
            self._runner.run(
                lambda: caseload_details(ws, number, period, include_demo=demo, as_of=today),
                on_done=lambda details: self._details_arrived(generation, number, details),
                on_error=lambda exc: self._failed(generation, exc),
            )
        )

    def _select_period(self, period: Period) -> None:
        for i in range(self.period_box.count()):
            if self.period_box.itemData(i) == period:
                self.period_box.setCurrentIndex(i)
                return
        self.period_box.addItem(period.long_label, period)
        self.period_box.setCurrentIndex(self.period_box.count() - 1)

    def _measure_arrived(self, generation: int, m: MeasureResult) -> None:
        if self._gone or generation != self._generation:
            return
        first = not self._results
        self._results[m.number] = dataclasses.replace(
            m, breakdowns=self._results[m.number].breakdowns if m.number in self._results else ()
        )
        self._set_item(m.number)
        self.list.fit_items()
        if m.number == self._current_number():
            self._show_current(self.list.currentRow())
        if first:
            self._set_detail_enabled(True)
            if not self._focused:
                # The first numbers of the dialog: into the list. Later loads leave the focus where the user is
                # (the period box stays usable while the numbers come in).
                self._focused = True
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_status()

    def _details_arrived(
        self, generation: int, number: int, details: tuple[tuple[Breakdown, ...], tuple[Figure, ...]]
    ) -> None:
        if self._gone or generation != self._generation or number not in self._results:
            return
        breakdowns, figures = details
        self._results[number] = dataclasses.replace(self._results[number], breakdowns=breakdowns, figures=figures)
        self._detailed.add(number)
        if number == self._current_number():
            self._show_current(self.list.currentRow())
        self._complete()

    def _trend_arrived(self, generation: int, earlier: tuple[MeasureReport, ...]) -> None:
        if self._gone or generation != self._generation:
            return
        self._earlier = earlier
        self._complete()
        self._show_current(self.list.currentRow())

    def _complete(self) -> None:
        """Once every measure is in with its parts, and the trend, the report the export saves is whole."""
        if self._earlier is not None and len(self._detailed) == len(MEASURES) and self._data is None:
            report = self._report()
            assert report is not None
            headline = dataclasses.replace(
                report, measures=tuple(dataclasses.replace(m, breakdowns=(), figures=()) for m in report.measures)
            )
            self._data = CaseloadMeasures(report, (*self._earlier, headline))
            self.export_button.setEnabled(not self._exporting)
        self._show_status()

    def _report(self) -> MeasureReport | None:
        """The chosen period's measures, once all 14 have their numbers (some may still lack their parts)."""
        if len(self._results) < len(MEASURES):
            return None
        period, demo = self._loading
        return MeasureReport(
            period=period,
            as_of=self._today,
            include_demo=demo,
            measures=tuple(self._results[d.number] for d in MEASURES),
        )

    def _fill_list(self) -> None:
        """The 14 measures at once, each saying it is being worked out until its number arrives."""
        row = max(0, self.list.currentRow())
        self.list.blockSignals(True)
        self.list.clear()
        for d in MEASURES:
            add_row(self.list, "")
            self._set_item(d.number)
        self.list.blockSignals(False)
        self.list.fit_items()
        self.list.setCurrentRow(row)
        self._show_current(row)
        self._set_detail_enabled(False)

    def _set_item(self, number: int) -> None:
        item = self.list.item(number - 1)
        if item is None:
            return
        m = self._results.get(number)
        title = measure_title(number)
        if m is None:
            item.setText(f"{number}. {title}\n{self.tr('Working out…')}")
            item.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                self.tr("{number}. {title}: still being worked out").format(number=number, title=title),
            )
            item.setForeground(qcolor("quiet"))
            return
        value = m.value_text()
        if m.provisional:
            value = self.tr("{value} · provisional").format(value=value)
        item.setText(f"{m.number}. {title}\n{value}")
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{m.number}. {title}: {value}")
        item.setForeground(qcolor("text"))

    def _show_status(self) -> None:
        period, demo = self._loading
        ready = len(self._results)
        if self._problem is not None:
            self.status.setText(self._problem)
        elif ready < len(MEASURES):
            self.status.setText(
                self.tr("Working out the measures: {ready} of {total} ready…").format(ready=ready, total=len(MEASURES))
            )
        elif self._data is None:
            self.status.setText(
                self.tr("All {total} measures are ready; working out their parts and the last eight quarters…").format(
                    total=len(MEASURES)
                )
            )
        else:
            when = short_date(self._today)
            if demo:
                text = self.tr("{period}, worked out on {date}. Demo records are counted.")
            else:
                text = self.tr("{period}, worked out on {date}. Demo records are left out.")
            self.status.setText(text.format(period=period.long_label, date=when))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if self._gone or generation != self._generation:
            return
        self.period_box.setEnabled(True)
        self.demo_box.setEnabled(True)
        self._problem = message_of(exc)
        self._show_status()

    # --- export ---------------------------------------------------------------------------------------------------

    def export_report(self, target: str | None = None, funder: bool = False) -> None:
        """Save the quarterly report for the chosen period: PDF (with the trend charts), CSV, or the funder export
        (VOCA PMT-shaped CSV), by the file type chosen. Runs on the worker; the export is audited. ``target`` skips
        the file dialog (tests; ``funder`` then picks the funder export)."""
        data = self._data
        if data is None or self._exporting:
            return
        period = data.report.period
        if not target:
            kinds = (
                self.tr("PDF with charts (*.pdf)"),
                self.tr("CSV for a spreadsheet (*.csv)"),
                self.tr("Funder export, VOCA PMT items (*.csv)"),
            )
            target, chosen = save_file_name(
                self,
                self.tr("Export the quarterly report"),
                f"quarterly-report-{period.label.replace(' ', '-')}.pdf",
                ";;".join(kinds),
            )
            if not target:
                return
            funder = chosen == kinds[2]
            if chosen in kinds[1:] and not target.lower().endswith(".csv"):
                target = target.removesuffix(".pdf") + ".csv"
        fmt = "funder" if funder else "csv" if target.lower().endswith(".csv") else "pdf"
        if fmt == "pdf" and not target.lower().endswith(".pdf"):
            target += ".pdf"
        ws, path = self._ws, target
        self._exporting = True
        self.export_button.setEnabled(False)
        self.status.setText(self.tr("Saving the quarterly report…"))

        def work() -> None:
            from pathlib import Path

            from app.reports.quarterly import export_quarterly

            export_quarterly(ws, data.report, data.series, Path(path), fmt)

        self._runner.run(work, on_done=lambda _r: self._exported(fmt), on_error=self._export_failed)

    def _exported(self, fmt: str) -> None:
        self._exporting = False
        if self._gone:
            return
        self.export_button.setEnabled(self._data is not None)
        saved = {
            "pdf": self.tr(
                "The quarterly report is saved as a PDF. It holds counts only, with small ones hidden; keep it "
                "where your office keeps its reports."
            ),
            "csv": self.tr(
                "The quarterly report is saved as a CSV file. It holds counts only, with small ones hidden; keep it "
                "where your office keeps its reports."
            ),
            "funder": self.tr(
                "The quarterly report is saved as a funder export (CSV). It holds counts only, with small ones "
                "hidden; keep it where your office keeps its reports."
            ),
        }
        self.status.setText(saved[fmt])

    def _export_failed(self, exc: BaseException) -> None:
        self._exporting = False
        if self._gone:
            return
        self.export_button.setEnabled(self._data is not None)
        self.status.setText(self.tr("The report was not saved. {reason}").format(reason=message_of(exc)))

    def _finished(self, _result: int) -> None:
        self._gone = True
        for handle in self._handles:
            handle.cancel()  # what is still queued never starts: the vault's worker is free for the window again
        self._handles = []
        self._data = None
        self._people = []
        self.list.clear()
        self.people.clear()

    # --- one measure in focus -------------------------------------------------------------------------------------

    def current_measure(self) -> MeasureResult | None:
        """The measure in focus, once its numbers are in."""
        number = self._current_number()
        return None if number is None else self._results.get(number)

    def _current_number(self) -> int | None:
        row = self.list.currentRow()
        return row + 1 if 0 <= row < len(MEASURES) else None

    def _set_detail_enabled(self, on: bool) -> None:
        self.definition_button.setEnabled(on)
        self.people_button.setEnabled(on)

    def _series(self) -> tuple[MeasureReport, ...] | None:
        """The trend's quarters, the chosen one last (headline numbers), once the earlier ones are in."""
        report = self._report()
        if report is None or self._earlier is None:
            return None
        headline = dataclasses.replace(
            report, measures=tuple(dataclasses.replace(m, breakdowns=(), figures=()) for m in report.measures)
        )
        return (*self._earlier, headline)

    def _show_current(self, _row: int) -> None:
        number = self._current_number()
        m = self.current_measure()
        self.people.hide()
        self.people.clear()
        self._people = []
        if number is None:
            return
        if m is None:
            # Not worked out yet: its name and what it counts, its number when it arrives.
            self.title.setText(f"{number}. {measure_title(number)}")
            self.value.setText(self.tr("Working out…"))
            self.fraction.setText("")
            self.provisional.setVisible(False)
            self.definition.setText(measure_definition(number))
            self.chart.setVisible(False)
            self.chart_title.setVisible(False)
            self.parts.setVisible(False)
            self.people_button.setVisible(False)
            return
        self.title.setText(f"{m.number}. {measure_title(m.number)}")
        self.value.setText(m.value_text())
        self.fraction.setText(m.fraction_text())
        reason = m.provisional_reason or ""
        self.provisional.setText(self.tr("Provisional. {reason}").format(reason=reason) if m.provisional else "")
        self.provisional.setVisible(m.provisional)
        self.definition.setText(measure_definition(m.number))
        period = self._loading[0]
        series = self._series()
        if series is not None and len(series) > 1:
            quarters = self.tr("Last %n quarters", "", len(series))
            self.chart_title.setText(quarters + (" (%)" if m.kind == "rate" else ""))
            self.chart.set_points(
                _points(series, m.number),
                _quarter_labels(series, self.tr("{year} Q{quarter}")),
                rate=m.kind == "rate",
                soft_last=series[-1].get(m.number).provisional,
            )
            self.chart.setVisible(True)
            self.chart_title.setVisible(True)
        else:
            trend_pending = self._earlier is None and period.quarter is not None
            self.chart_title.setText(self.tr("The last eight quarters are still being worked out…"))
            self.chart_title.setVisible(trend_pending)
            self.chart.setVisible(False)
        lines = []
        for b in m.breakdowns:
            items = "".join(
                f"<tr><td>{_(p.label)}</td><td align='right'>&nbsp;&nbsp;{p.count:,}</td></tr>" for p in b.parts
            )
            lines.append(f"<p><b>{_(b.title)}</b></p><table cellspacing='2'>{items}</table>")
        for f in m.figures:
            shown = _("none yet") if f.value is None else f"{f.value:g} {_(f.unit)}"
            figure = self.tr("{label}: {value} (from {basis})").format(
                label=f"<b>{_(f.label)}</b>", value=shown, basis=f"{f.basis:,}"
            )
            lines.append(f"<p>{figure}</p>")
        if not lines and m.number not in self._detailed and MEASURES[m.number - 1].details is not None:
            lines.append(f"<p>{self.tr('Its parts are still being worked out…')}</p>")
        self.parts.setText("".join(lines))
        self.parts.setVisible(bool(lines))
        allowed = may_drill_down(self._viewer) and m.unit == "people"
        self.people_button.setVisible(allowed)

    def _toggle_definition(self) -> None:
        self.definition_button.toggle()

    def _definition_toggled(self, on: bool) -> None:
        self.definition.setVisible(on)
        self.definition_button.setText(
            self.tr("Hide what this counts (F1)") if on else self.tr("What this counts (F1)")
        )
        if on:
            self.definition.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- drill-down ---------------------------------------------------------------------------------------------------

    def _list_people(self) -> None:
        m = self.current_measure()
        if m is None or not may_drill_down(self._viewer):
            return
        ws, period, demo, today = self._ws, self.selected_period(), self.demo_box.isChecked(), self._today
        number, generation = m.number, self._generation
        self.people_button.setEnabled(False)
        self._runner.run(
            lambda: people_behind_in_caseload(ws, number, period, include_demo=demo, as_of=today),
            on_done=lambda rows: self._people_arrived(generation, number, rows),
            on_error=lambda exc: self._failed(generation, exc),
        )

    def _people_arrived(self, generation: int, number: int, rows: list[tuple[str, str]]) -> None:
        if self._gone or generation != self._generation:
            return
        self.people_button.setEnabled(True)
        m = self.current_measure()
        if m is None or m.number != number:
            return
        self._people = rows
        self.people.clear()
        for _pid, name in rows:
            add_row(self.people, name)
        if not rows:
            add_row(self.people, self.tr("Nobody is counted here in this period."))
        self.people.show()
        self.people.setCurrentRow(0)
        self.people.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_person(self, row: int) -> None:
        if 0 <= row < len(self._people):
            person_id = self._people[row][0]
            self.accept()
            self.open_requested.emit(person_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.HelpContents) or event.key() == Qt.Key.Key_F1:
            self._toggle_definition()
            event.accept()
            return
        super().keyPressEvent(event)


def _latest_demo_quarter(default: Period) -> Period:
    """The default quarter, or the last quarter the demo data reaches when that is earlier (a practice vault
    opened after the demo's last day would otherwise show nothing)."""
    from app.demo.people import END_DATE

    last = quarter_of(END_DATE)
    return last if last.start < default.start else default
