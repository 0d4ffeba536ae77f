"""The quarterly outcome report: a PDF with trend charts, and the same aggregates as CSV.

Both are built from one list of :class:`ReportRow` (measure, line, item, value as printed), so the PDF and the
CSV can never disagree. A report leaves the office, so small cells are suppressed by default
(:mod:`app.reports.suppression`); nothing in it names or identifies a person, and no record id appears.
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.reports.csv_cells import escape_cell
from app.reports.measures import MeasureReport, MeasureResult
from app.reports.pdf import INK, QUIET, Document, page_footer
from app.reports.suppression import DEFAULT_THRESHOLD, NOT_SHOWN, Cell, check_threshold, suppress_line, suppress_rate

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "ReportRow",
    "export_quarterly",
    "quarterly_csv",
    "quarterly_pdf",
    "report_rows",
    "trend_points",
]

CSV_COLUMNS = ("period", "measure", "title", "line", "item", "value")
TITLE = "Outcome measures"


@dataclass(frozen=True)
class ReportRow:
    measure: int
    title: str
    line: str
    item: str
    value: str


def _cell_text(cell: Cell, threshold: int | None) -> str:
    return f"{cell.value:,}" if threshold is None else cell.text(threshold)


def _rate_text(m: MeasureResult) -> str:
    return m.value_text()


def measure_rows(m: MeasureResult, threshold: int | None = DEFAULT_THRESHOLD) -> list[ReportRow]:
    """One measure as printed rows. ``threshold=None`` shows every count as it is (for use inside the office)."""
    rows: list[ReportRow] = []

    def add(line: str, item: str, value: str) -> None:
        rows.append(ReportRow(m.number, m.title, line, item, value))

    t = threshold if threshold is not None else DEFAULT_THRESHOLD
    if m.kind == "rate" and m.denominator is not None:
        num, den, rate_ok = suppress_rate(m.numerator, m.denominator, t)
        if threshold is None:
            num, den, rate_ok = Cell(m.numerator), Cell(m.denominator), True
        add("Headline", "Counted", _cell_text(num, threshold))
        add("Headline", "Out of", _cell_text(den, threshold))
        add("Headline", "Rate", _rate_text(m) if rate_ok else NOT_SHOWN)
    else:
        (cell,), _total = suppress_line([m.numerator], t)
        add(
            "Headline", m.unit.capitalize(), _cell_text(cell if threshold is not None else Cell(m.numerator), threshold)
        )
    for b in m.breakdowns:
        counts = [p.count for p in b.parts]
        if b.adds_up:
            cells, total = suppress_line(counts, t)
            if threshold is None:
                cells, total = [Cell(c) for c in counts], Cell(sum(counts))
            for p, c in zip(b.parts, cells, strict=True):
                add(b.title, p.label, _cell_text(c, threshold))
            if len(b.parts) > 1:
                add(b.title, "Total", _cell_text(total, threshold))
        else:
            for p in b.parts:
                c = Cell(p.count, "small" if threshold is not None and 0 < p.count < t else None)
                add(b.title, p.label, _cell_text(c, threshold))
    for f in m.figures:
        if f.value is None:
            shown = "none yet"
        elif threshold is not None and f.basis < t:
            shown = NOT_SHOWN
        else:
            shown = f"{f.value:g} {f.unit}"
        add("Alongside", f.label, shown)
    add("Status", "Provisional", m.provisional_reason or "No: final")
    return rows


def report_rows(report: MeasureReport, threshold: int | None = DEFAULT_THRESHOLD) -> list[ReportRow]:
    if threshold is not None:
        check_threshold(threshold)
    rows = [
        ReportRow(0, "About this report", "Report", "Period", report.period.long_label),
        ReportRow(0, "About this report", "Report", "Worked out on", report.as_of.isoformat()),
        ReportRow(0, "About this report", "Report", "Demo records", "included" if report.include_demo else "left out"),
        ReportRow(
            0,
            "About this report",
            "Report",
            "Small counts",
            "shown as they are" if threshold is None else f"1 to {threshold - 1} shown as “fewer than {threshold}”",
        ),
    ]
    for m in report.measures:
        rows += measure_rows(m, threshold)
    return rows


def quarterly_csv(report: MeasureReport, threshold: int | None = DEFAULT_THRESHOLD) -> bytes:
    """The aggregates as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read it right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for r in report_rows(report, threshold):
        writer.writerow(
            (report.period.code, r.measure, escape_cell(r.title), escape_cell(r.line), escape_cell(r.item), r.value)
        )
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --- charts -------------------------------------------------------------------------------------------------------


def trend_points(series: Sequence[MeasureReport], number: int, threshold: int | None) -> list[float | None]:
    """The measure's headline per period as a chart shows it: a share in percent, or a count; None when hidden."""
    out: list[float | None] = []
    t = threshold if threshold is not None else DEFAULT_THRESHOLD
    for rep in series:
        m = rep.get(number)
        if m.kind == "rate":
            if m.value is None:
                out.append(None)
                continue
            _n, _d, ok = suppress_rate(m.numerator, m.denominator or 0, t)
            out.append(m.value * 100 if (ok or threshold is None) else None)
        else:
            hidden = threshold is not None and 0 < m.numerator < t
            out.append(None if hidden else float(m.numerator))
    return out


_INK = INK
_QUIET = QUIET
_RULE = colors.HexColor("#c8c8c8")
_BAND = colors.HexColor("#f3f3f3")
_BAR = colors.HexColor("#3d6b8e")
_BAR_SOFT = colors.HexColor("#a9c1d3")


def _chart(title: str, labels: Sequence[str], points: Sequence[float | None], rate: bool, last_soft: bool) -> Drawing:
    width, height = 3.3 * inch, 1.75 * inch
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, title, fontName="Helvetica-Bold", fontSize=9, fillColor=_INK))
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 22
    chart.width, chart.height = width - 34, height - 44
    chart.data = [[p if p is not None else 0 for p in points]]
    chart.strokeColor = None
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    for i, p in enumerate(points):
        if p is None:
            chart.bars[(0, i)].fillColor = colors.white
        elif last_soft and i == len(points) - 1:
            chart.bars[(0, i)].fillColor = _BAR_SOFT
    chart.valueAxis.valueMin = 0
    top = max([p for p in points if p is not None] or [1])
    chart.valueAxis.valueMax = 100 if rate else max(4, top * 1.15)
    chart.valueAxis.valueStep = 50 if rate else None
    chart.valueAxis.labels.fontName = "Helvetica"
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = _QUIET
    chart.valueAxis.strokeColor = _RULE
    chart.valueAxis.gridStrokeColor = _RULE
    chart.valueAxis.visibleGrid = True
    if rate:
        chart.valueAxis.labelTextFormat = "%d%%"
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = "Helvetica"
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.fillColor = _QUIET
    chart.categoryAxis.strokeColor = _RULE
    drawing.add(chart)
    return drawing


# --- PDF ------------------------------------------------------------------------------------------------------------


def _p(text: str) -> str:
    return html.escape(text)


def quarterly_pdf(
    report: MeasureReport,
    series: Sequence[MeasureReport] = (),
    *,
    threshold: int | None = DEFAULT_THRESHOLD,
) -> bytes:
    """The report as a PDF: a summary table, trend charts over ``series`` (oldest first), and each measure's detail."""
    rows = report_rows(report, threshold)
    doc = Document(
        title=f"{TITLE} {report.period.label}", side_margin=0.75 * inch, top_margin=0.7 * inch, bottom_margin=0.8 * inch
    )
    title = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=20, leading=25, textColor=_INK)
    sub = ParagraphStyle("sub", fontName="Helvetica", fontSize=11.5, leading=16, textColor=_INK)
    intro = ParagraphStyle("intro", fontName="Helvetica", fontSize=9.5, leading=13.5, textColor=_QUIET)
    h2 = ParagraphStyle("h2", fontName="Helvetica-Bold", fontSize=13, leading=17, textColor=_INK, spaceBefore=6)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=9, leading=12, textColor=_INK)
    cell = ParagraphStyle("cell", fontName="Helvetica", fontSize=9.5, leading=12.5, textColor=_INK)
    num = ParagraphStyle("num", parent=cell, alignment=2)

    about = {r.item: r.value for r in rows if r.measure == 0}
    story: list[Any] = [
        Paragraph(_p(TITLE), title),
        Paragraph(_p(report.period.long_label), sub),
        Spacer(1, 6),
        Paragraph(
            _p(
                f"Worked out on {about['Worked out on']}. Counts are of people unless a measure says otherwise, "
                f"each person counted once. Demo records are {about['Demo records']}. "
                f"Small counts: {about['Small counts']}, and a second count is left out where needed so that a "
                "hidden count cannot be worked out from the totals. Nothing in this report names a person."
            ),
            intro,
        ),
    ]
    if report.include_demo:
        story += [
            Spacer(1, 4),
            Paragraph("<b>This report includes demo records: practice data, not real work.</b>", sub),
        ]
    story += [Spacer(1, 10), Paragraph("Summary", h2), Spacer(1, 4)]

    summary: list[list[Any]] = [
        [Paragraph("#", head), Paragraph("Measure", head), Paragraph("Result", head), Paragraph("Of", head),
         Paragraph("Status", head)]
    ]  # fmt: skip
    by_measure: dict[int, list[ReportRow]] = {}
    for r in rows:
        by_measure.setdefault(r.measure, []).append(r)
    for m in report.measures:
        mine = {(r.line, r.item): r.value for r in by_measure[m.number]}
        if m.kind == "rate":
            result, of = (
                mine[("Headline", "Rate")],
                f"{mine[('Headline', 'Counted')]} of {mine[('Headline', 'Out of')]}",
            )
        else:
            result, of = mine[("Headline", m.unit.capitalize())], m.unit
        status = "Provisional" if m.provisional else "Final"
        summary.append(
            [Paragraph(str(m.number), cell), Paragraph(_p(m.title), cell), Paragraph(_p(result), num),
             Paragraph(_p(of), cell), Paragraph(status, cell)]
        )  # fmt: skip
    table = Table(summary, colWidths=[0.35 * inch, 2.9 * inch, 0.95 * inch, 1.65 * inch, 0.95 * inch], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, _INK),
                ("LINEBELOW", (0, 1), (-1, -1), 0.4, _RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(table)

    if series:
        labels = [p.period.label.replace("FY", "").replace(" ", "\n") for p in series]
        story += [PageBreak(), Paragraph("Trend over the last eight quarters", h2), Spacer(1, 2)]
        story.append(
            Paragraph(
                _p(
                    "A white gap is a quarter whose number is hidden because it is small. "
                    "A light last bar is provisional."
                ),
                intro,
            )
        )
        story.append(Spacer(1, 8))
        charts = []
        for m in report.measures:
            points = trend_points(series, m.number, threshold)
            rate = m.kind == "rate"
            name = f"{m.number}. {m.title}" + (" (%)" if rate else "")
            charts.append(_chart(name, labels, points, rate, series[-1].get(m.number).provisional))
        grid = [charts[i : i + 2] + [""] * (2 - len(charts[i : i + 2])) for i in range(0, len(charts), 2)]
        chart_table = Table(grid, colWidths=[3.5 * inch, 3.5 * inch])
        chart_table.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(chart_table)

    story += [PageBreak(), Paragraph("Each measure", h2)]
    for m in report.measures:
        block: list[Any] = [
            Spacer(1, 8),
            Paragraph(_p(f"{m.number}. {m.title}"), ParagraphStyle("mt", parent=head, fontSize=11, leading=14)),
            Paragraph(_p(m.definition), intro),
            Spacer(1, 3),
        ]
        data: list[list[Any]] = []
        last_line = None
        for r in by_measure[m.number]:
            line = "" if r.line == last_line else r.line
            last_line = r.line
            data.append([Paragraph(_p(line), head), Paragraph(_p(r.item), cell), Paragraph(_p(r.value), num)])
        t = Table(data, colWidths=[2.2 * inch, 3.0 * inch, 1.6 * inch])
        t.setStyle(
            TableStyle(
                [
                    ("LINEBELOW", (0, 0), (-1, -1), 0.3, _RULE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        block.append(t)
        story.append(KeepTogether(block))

    footer = page_footer(f"{TITLE} · {report.period.label} · aggregate, no client-level data", size=8)
    return doc.render(story, footer=footer)


#: The formats the quarterly report is saved in, by file ending.
EXPORT_FORMATS = ("pdf", "csv")


def export_quarterly(
    ws: Any,
    report: MeasureReport,
    series: Sequence[MeasureReport],
    target: Path,
    fmt: str,
    *,
    threshold: int | None = DEFAULT_THRESHOLD,
) -> None:
    """Save the quarterly report as ``fmt`` ("pdf" with the trend charts, or "csv") and audit the export, as
    ``offramp report`` does: aggregates only, small counts hidden. ``ws`` is the open
    :class:`~app.core.workspace.Workspace`."""
    from app.models import AuditAction
    from app.storage.atomic import atomic_write_bytes

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    body = quarterly_pdf(report, series, threshold=threshold) if fmt == "pdf" else quarterly_csv(report, threshold)
    atomic_write_bytes(Path(target), body)
    ws.log_event(AuditAction.EXPORT.value, fields=[fmt])
