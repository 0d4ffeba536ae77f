"""The quarterly outcome report: a PDF with trend charts, and the same aggregates as CSV.

Both are built from one list of :class:`ReportRow` (measure, line, item, value as printed), so the PDF and the
CSV can never disagree. A report leaves the office, so small cells are suppressed by default
(:mod:`app.reports.suppression`); nothing in it names or identifies a person, and no record id appears.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.core.i18n import N_, _
from app.reports import fonts, tagging
from app.reports.csv_cells import escape_cell
from app.reports.dates import long_date, month_year
from app.reports.measures import VOCA_FALLBACK, MeasureReport, MeasureResult, measure_definition, voca_mapping
from app.reports.pdf import INK, QUIET, Document, page_footer
from app.reports.periods import Period
from app.reports.suppression import DEFAULT_THRESHOLD, NOT_SHOWN, Ledger, check_threshold, suppress_rate

__all__ = [
    "CSV_COLUMNS",
    "EXPORT_FORMATS",
    "ReportRow",
    "chart_alt",
    "export_quarterly",
    "quarterly_csv",
    "quarterly_pdf",
    "report_file",
    "report_rows",
    "trend_points",
]

CSV_COLUMNS = ("period", "measure", "title", "line", "item", "value")
TITLE = N_("Outcome measures")


@dataclass(frozen=True)
class ReportRow:
    measure: int
    title: str
    line: str
    item: str
    value: str


#: For each measure: which breakdown parts are its headline's numerator, by breakdown index (the rest of the
#: breakdown is what the rate leaves out); breakdowns whose total is the headline's denominator (or count); and
#: a breakdown whose total is the numerator. These are the relations a reader sees on the page.
_NUMERATOR_PARTS: dict[int, tuple[int, tuple[str, ...]]] = {
    4: (0, ("accepted",)),
    8: (0, ("on_time",)),
    9: (0, ("chosen", "not_now", "declined", "no_answer")),
    10: (0, ("backed",)),
    12: (1, ("granted", "partly_granted")),
    14: (0, ("dismissed", "declined", "diverted", "acquitted", "other_non_conviction")),
}
_TOTAL_IS_HEADLINE: dict[int, tuple[int, ...]] = {2: (0, 1), 4: (0,), 6: (0,), 8: (0,), 9: (0,), 10: (0,), 12: (1,),
                                                 13: (0,), 14: (0,)}  # fmt: skip
_TOTAL_IS_NUMERATOR: dict[int, int] = {12: 2}
#: The same count printed under two measures: (measure, "count"|"num"|"den") pairs.
_SAME_COUNTS = ((3, "den", 2, "count"), (5, "den", 4, "num"), (7, "count", 6, "count"))


@dataclass(frozen=True)
class _Line:
    measure: int
    title: str
    line: str
    item: str
    key: str | None = None  # a count in the ledger
    text: str = ""  # what is printed when there is no count
    rate: MeasureResult | None = None  # a rate: printed only when its numerator and denominator are
    basis: int | None = None  # a figure worked out from this many records


def _headline_keys(m: MeasureResult) -> dict[str, str]:
    if m.kind == "rate" and m.denominator is not None:
        return {"num": f"{m.number}.num", "den": f"{m.number}.den", "rest": f"{m.number}.rest"}
    return {"count": f"{m.number}.count"}


def _register(m: MeasureResult, ledger: Ledger, lines: list[_Line]) -> None:
    """Put one measure's printed counts and their relations in the ledger, and its lines in ``lines``."""

    def add(line: str, item: str, **what: Any) -> None:
        lines.append(_Line(m.number, _(m.title), line, item, **what))

    keys = _headline_keys(m)
    if "den" in keys:
        assert m.denominator is not None
        ledger.count(keys["num"], m.numerator)
        ledger.count(keys["den"], m.denominator)
        ledger.count(keys["rest"], max(0, m.denominator - m.numerator), printed=False)
        ledger.adds_up(keys["den"], [keys["num"], keys["rest"]])
        add(_("Headline"), _("Counted"), key=keys["num"])
        add(_("Headline"), _("Out of"), key=keys["den"])
        add(_("Headline"), _("Rate"), rate=m)
    else:
        ledger.count(keys["count"], m.numerator)
        add(_("Headline"), _(m.unit).capitalize(), key=keys["count"])
    headline_total = keys.get("den", keys.get("count"))
    totals: dict[int, str] = {}
    parts_of: dict[int, dict[str, str]] = {}
    for i, b in enumerate(m.breakdowns):
        part_keys = {p.key: ledger.count(f"{m.number}.b{i}.{p.key}", p.count) for p in b.parts}
        parts_of[i] = part_keys
        for p in b.parts:
            add(_(b.title), _(p.label), key=part_keys[p.key])
        if b.adds_up and b.parts:
            total = ledger.count(f"{m.number}.b{i}.total", b.total, printed=len(b.parts) > 1)
            ledger.adds_up(total, list(part_keys.values()))
            totals[i] = total
            if len(b.parts) > 1:
                add(_(b.title), _("Total"), key=total)
    for i in _TOTAL_IS_HEADLINE.get(m.number, ()):
        if i in totals and headline_total is not None:
            ledger.same(headline_total, totals[i])
    if m.number in _NUMERATOR_PARTS and "num" in keys:
        i, names = _NUMERATOR_PARTS[m.number]
        if i in parts_of:
            chosen = [parts_of[i][n] for n in names if n in parts_of[i]]
            others = [k for n, k in parts_of[i].items() if n not in names]
            if len(chosen) == 1:
                ledger.same(keys["num"], chosen[0])
            else:
                ledger.adds_up(keys["num"], chosen)
            if len(others) == 1:
                ledger.same(keys["rest"], others[0])
            elif others:
                ledger.adds_up(keys["rest"], others)
    if m.number in _TOTAL_IS_NUMERATOR and "num" in keys and _TOTAL_IS_NUMERATOR[m.number] in totals:
        ledger.same(keys["num"], totals[_TOTAL_IS_NUMERATOR[m.number]])
    if m.number == 7 and len(m.breakdowns) >= 3:
        # Each VOCA category's service events are the sum of its service categories' events.
        voca = voca_mapping()
        children: dict[str, list[str]] = {}
        for part in m.breakdowns[2].parts:
            children.setdefault(voca.get(part.key, VOCA_FALLBACK), []).append(parts_of[2][part.key])
        for parent, kids in children.items():
            if parent in parts_of[0]:
                ledger.adds_up(parts_of[0][parent], kids)
        if 0 in totals and 2 in totals:
            ledger.same(totals[0], totals[2])
    for f in m.figures:
        # A median of fewer records than the threshold is as telling as a small count: hidden the same way.
        value = _("none yet") if f.value is None else f"{f.value:g} {_(f.unit)}"
        add(_("Alongside"), _(f.label), text=value, basis=f.basis)
    add(_("Status"), _("Final or provisional"), text=_status_text(m))


def _status_text(m: MeasureResult) -> str:
    if m.provisional and m.provisional_reason:
        return _("Provisional. {reason}").format(reason=m.provisional_reason)
    return _("Final")


def protected_ledger(report: MeasureReport) -> tuple[Ledger, list[_Line]]:
    """Every count the report prints, with every relation between them (the attacker test reads this too)."""
    ledger = Ledger()
    lines: list[_Line] = []
    by_number: dict[int, MeasureResult] = {}
    for m in report.measures:
        _register(m, ledger, lines)
        by_number[m.number] = m
    for a, a_key, b, b_key in _SAME_COUNTS:
        if a in by_number and b in by_number:
            ka, kb = _headline_keys(by_number[a]).get(a_key), _headline_keys(by_number[b]).get(b_key)
            if ka and kb and ledger.value(ka) == ledger.value(kb):
                ledger.same(ka, kb)
    return ledger, lines


def report_rows(report: MeasureReport, threshold: int | None = DEFAULT_THRESHOLD) -> list[ReportRow]:
    """The report as printed rows. ``threshold=None`` shows every count as it is (for use inside the office)."""
    if threshold is not None:
        check_threshold(threshold)
    ledger, lines = protected_ledger(report)
    hidden = ledger.hidden(threshold) if threshold is not None else set()
    about, report_line = _("About this report"), _("Report")
    not_shown = _(NOT_SHOWN)
    rows = [
        ReportRow(0, about, report_line, _("Period"), report.period.long_label),
        ReportRow(0, about, report_line, _("Worked out on"), report.as_of.isoformat()),
        ReportRow(0, about, report_line, _("Demo records"), _("included") if report.include_demo else _("left out")),
        ReportRow(0, about, report_line, _("Small counts"), small_counts_text(threshold)),
    ]
    for ln in lines:
        if ln.key is not None:
            value = not_shown if ln.key in hidden else f"{ledger.value(ln.key):,}"
        elif ln.rate is not None:
            keys = _headline_keys(ln.rate)
            value = not_shown if keys["num"] in hidden or keys["den"] in hidden else _rate_text(ln.rate)
        elif threshold is not None and ln.basis is not None and ln.basis < threshold:
            value = not_shown
        else:
            value = ln.text
        rows.append(ReportRow(ln.measure, ln.title, ln.line, ln.item, value))
    return rows


def small_counts_text(threshold: int | None) -> str:
    if threshold is None:
        return _("shown as they are")
    return _(
        "counts from 1 to {below}, and any count from which one could be worked out, read “{not_shown}”"
    ).format(below=threshold - 1, not_shown=_(NOT_SHOWN))


def _rate_text(m: MeasureResult) -> str:
    return m.value_text()


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
                out.append(0.0)  # nothing to count yet: an empty slot, not a hidden one
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
    # Starts in Noto Sans: reportlab's Helvetica would be listed on the page without being embedded (PDF/UA).
    drawing = Drawing(width, height, initialFontName=fonts.REGULAR)
    lines = _title_lines(title, width)
    for i, line in enumerate(lines):
        drawing.add(String(0, height - 11 - 10 * i, line, fontName=fonts.BOLD, fontSize=9, fillColor=_INK))
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 22
    chart.width, chart.height = width - 34, height - 44 - 10 * (len(lines) - 1)
    chart.data = [[p if p is not None else 0 for p in points]]
    chart.strokeColor = None
    chart.bars[0].fillColor = _BAR
    chart.bars[0].strokeColor = None
    for i, p in enumerate(points):
        if last_soft and i == len(points) - 1 and p is not None:
            chart.bars[(0, i)].fillColor = _BAR_SOFT
    chart.valueAxis.valueMin = 0
    top = max([p for p in points if p is not None] or [1])
    chart.valueAxis.valueMax = 100 if rate else max(4, top * 1.15)
    chart.valueAxis.valueStep = 50 if rate else None
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = _QUIET
    chart.valueAxis.strokeColor = _RULE
    chart.valueAxis.gridStrokeColor = _RULE
    chart.valueAxis.visibleGrid = True
    if rate:
        chart.valueAxis.labelTextFormat = "%d%%"
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.fillColor = _QUIET
    chart.categoryAxis.strokeColor = _RULE
    drawing.add(chart)
    slot = chart.width / max(1, len(points))
    for i, p in enumerate(points):
        if p is None:  # hidden: hatched across the whole height, never a blank that reads as zero
            drawing.add(_hatch(chart.x + slot * i + slot * 0.2, chart.y, slot * 0.6, chart.height))
    return drawing


def chart_alt(title: str, labels: Sequence[str], points: Sequence[float | None], rate: bool) -> str:
    """What a chart shows, in words, for whoever cannot see it: its title, then each quarter and its number
    ("4. Referrals accepted (%): FY26 Q1 40%; FY26 Q2 not shown"), in the words the chart itself prints."""
    hidden = _(NOT_SHOWN)
    values = [hidden if p is None else (f"{p:.0f}%" if rate else f"{p:g}") for p in points]
    quarters = "; ".join(f"{' '.join(label.split())} {value}" for label, value in zip(labels, values, strict=False))
    return f"{title}: {quarters}" if quarters else title


def _title_lines(title: str, width: float) -> list[str]:
    """A chart's title on one line, or on two when it is wider than the chart (a longer language's name)."""
    if stringWidth(title, fonts.BOLD, 9) <= width:
        return [title]
    words = title.split()
    first: list[str] = []
    while words and stringWidth(" ".join([*first, words[0]]), fonts.BOLD, 9) <= width:
        first.append(words.pop(0))
    return [" ".join(first), " ".join(words)] if first else [title]


def _hatch(x: float, y: float, width: float, height: float) -> Group:
    """A box of diagonal lines: the mark for a count that is not shown."""
    group = Group()
    group.add(Rect(x, y, width, height, fillColor=_BAND, strokeColor=_QUIET, strokeWidth=0.4))
    step = 3.5
    offset = -height
    while offset < width:
        x0, y0 = x + max(0.0, offset), y + max(0.0, -offset)
        x1 = x + min(width, offset + height)
        y1 = y + (x1 - x - offset)
        group.add(Line(x0, y0, x1, y1, strokeColor=_QUIET, strokeWidth=0.4))
        offset += step
    return group


# --- PDF ------------------------------------------------------------------------------------------------------------


def _p(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for ``text``; an office's name or a label in any script prints (app.reports.fonts)."""
    return fonts.markup(text, size=11, bold=bold, breaks=False)


def chart_label(period: Period) -> str:
    """Under a trend bar: "FY26" over "Q2", never a bare "2026 Q1" that reads as January to March (in Spanish
    "AF26" over "T2": año fiscal, trimestre)."""
    if period.quarter is None or period.fiscal_year is None:
        return f"{month_year(period.start)}\n{month_year(period.end)}"
    return _("FY{yy:02d}\nQ{quarter}").format(yy=period.fiscal_year % 100, quarter=period.quarter)


def fiscal_note(period: Period) -> str:
    """The sentence on federal fiscal quarters, after a space ("" for a custom range)."""
    if period.quarter is None or period.fiscal_year is None:
        return ""
    return " " + _(
        "Quarters are of the federal fiscal year: FY{year} runs from 1 October {previous} to 30 September {year}, "
        "so Q1 is October to December."
    ).format(year=period.fiscal_year, previous=period.fiscal_year - 1)


def quarterly_pdf(
    report: MeasureReport,
    series: Sequence[MeasureReport] = (),
    *,
    threshold: int | None = DEFAULT_THRESHOLD,
    office: str | None = None,
) -> bytes:
    """The report as a PDF: a summary table, trend charts over ``series`` (oldest first), and each measure's detail."""
    rows = report_rows(report, threshold)
    doc = Document(
        title=f"{_(TITLE)} {report.period.label}",
        side_margin=0.75 * inch,
        top_margin=0.7 * inch,
        bottom_margin=0.8 * inch,
    )
    title = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=20, leading=25, textColor=_INK)
    sub = ParagraphStyle("sub", fontName=fonts.REGULAR, fontSize=11.5, leading=16, textColor=_INK)
    intro = ParagraphStyle("intro", fontName=fonts.REGULAR, fontSize=9.5, leading=13.5, textColor=_QUIET)
    h2 = ParagraphStyle("h2", fontName=fonts.BOLD, fontSize=13, leading=17, textColor=_INK, spaceBefore=6)
    head = ParagraphStyle("head", fontName=fonts.BOLD, fontSize=9, leading=12, textColor=_INK)
    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=9.5, leading=12.5, textColor=_INK)
    num = ParagraphStyle("num", parent=cell, alignment=2)

    hidden_note = (
        _("Every count is shown as it is (this copy stays in the office).")
        if threshold is None
        else _(
            "Counts from 1 to {below} read “{not_shown}”, and so does any other count from which one "
            "could be worked out (a total, a part, the same count printed elsewhere); every hidden count reads the "
            "same, whatever its size."
        ).format(below=threshold - 1, not_shown=_(NOT_SHOWN))
    )
    demo = _("Demo records are included.") if report.include_demo else _("Demo records are left out.")
    worked_out = _("Worked out on {day}.").format(day=long_date(report.as_of))
    counts_of = _("Counts are of people unless a measure says otherwise, each person counted once.")
    names_nobody = _("Nothing in this report names a person.")
    story: list[Any] = [
        Paragraph(_p(_(TITLE) + (f": {office}" if office else ""), bold=True), title),
        Paragraph(_p(report.period.long_label), sub),
        Spacer(1, 6),
        Paragraph(
            _p(
                f"{worked_out}{fiscal_note(report.period)} {counts_of} {demo} "
                f"{hidden_note} {names_nobody}"
            ),
            intro,
        ),
    ]
    if report.include_demo:
        demo_warning = _("This report includes demo records: practice data, not real work.")
        story += [
            Spacer(1, 4),
            Paragraph(f"<b>{_p(demo_warning)}</b>", sub),
        ]
    story += [Spacer(1, 10), Paragraph(_p(_("Summary")), h2), Spacer(1, 4)]

    summary: list[list[Any]] = [
        [Paragraph("#", head), Paragraph(_p(_("Measure")), head), Paragraph(_p(_("Counted")), head),
         Paragraph(_p(_("Out of")), head), Paragraph(_p(_("Rate")), head), Paragraph(_p(_("Status")), head)]
    ]  # fmt: skip
    by_measure: dict[int, list[ReportRow]] = {}
    for r in rows:
        by_measure.setdefault(r.measure, []).append(r)
    for m in report.measures:
        mine = {(r.line, r.item): r.value for r in by_measure[m.number]}
        if m.kind == "rate":
            counted, out_of, rate = (mine[(_("Headline"), _(k))] for k in ("Counted", "Out of", "Rate"))
        else:
            counted, out_of, rate = mine[(_("Headline"), _(m.unit).capitalize())], "", ""
        status = _("Provisional") if m.provisional else _("Final")
        summary.append(
            [Paragraph(str(m.number), cell), Paragraph(_p(f"{_(m.title)} ({_(m.unit)})"), cell),
             Paragraph(_p(counted), num), Paragraph(_p(out_of), num), Paragraph(_p(rate), num),
             Paragraph(_p(status), cell)]
        )  # fmt: skip
    widths = [0.35 * inch, 2.55 * inch, 0.85 * inch, 0.85 * inch, 0.85 * inch, 0.95 * inch]
    table = Table(summary, colWidths=widths, repeatRows=1)
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
        labels = [chart_label(p.period) for p in series]
        story += [PageBreak(), Paragraph(_p(_("Trend over the last eight quarters")), h2), Spacer(1, 2)]
        story.append(
            Paragraph(
                _p(
                    _(
                        "A hatched bar is a quarter whose number is not shown (small, or one that would give a small "
                        "one away); an empty slot is zero, or nothing to count yet. A light last bar is provisional: "
                        "its window is still open."
                    )
                ),
                intro,
            )
        )
        story.append(Spacer(1, 8))
        charts = []
        ledger, _lines = protected_ledger(report)
        hidden_now = ledger.hidden(threshold) if threshold is not None else set()
        for m in report.measures:
            points = trend_points(series, m.number, threshold)
            headline = {k for name, k in _headline_keys(m).items() if name != "rest"}
            if series[-1].period == report.period and headline & hidden_now:
                points[-1] = None  # hidden in the tables (perhaps as a complement): hidden in the chart too
            is_rate = m.kind == "rate"
            name = f"{m.number}. {_(m.title)}" + (" (%)" if is_rate else "")
            chart = _chart(name, labels, points, is_rate, series[-1].get(m.number).provisional)
            charts.append(tagging.describe(chart, chart_alt(name, labels, points, is_rate)))
        grid = [charts[i : i + 2] + [""] * (2 - len(charts[i : i + 2])) for i in range(0, len(charts), 2)]
        chart_table = tagging.layout(Table(grid, colWidths=[3.5 * inch, 3.5 * inch]))  # charts side by side
        chart_table.setStyle(TableStyle([("BOTTOMPADDING", (0, 0), (-1, -1), 10), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(chart_table)

    story += [PageBreak(), Paragraph(_p(_("Each measure")), h2)]
    for m in report.measures:
        block: list[Any] = [
            Spacer(1, 8),
            Paragraph(_p(f"{m.number}. {_(m.title)}"), ParagraphStyle("mt", parent=head, fontSize=11, leading=14)),
            Paragraph(_p(measure_definition(m.number)), intro),
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

    who = f"{office} · " if office else ""
    only = _("aggregates only, no client-level data")
    footer = page_footer(f"{who}{_(TITLE)} · {report.period.label} · {only}", size=8)
    return doc.render(story, footer=footer)


#: The formats the quarterly report is saved in: the PDF with charts, its CSV, and the funder-shaped CSV.
EXPORT_FORMATS = ("pdf", "csv", "funder")

#: Where an enrolled vault keeps its office's name (written at enrolment), for the report's title.
OFFICE_NAME_KEY = "sync_office_name"


def report_file(
    report: MeasureReport,
    series: Sequence[MeasureReport],
    fmt: str,
    *,
    threshold: int | None = DEFAULT_THRESHOLD,
    office: str | None = None,
) -> bytes:
    """The report as the bytes of one file. The funder export is always suppressed: it leaves the office."""
    from app.reports.funder import funder_csv

    if fmt == "pdf":
        return quarterly_pdf(report, series, threshold=threshold, office=office)
    if fmt == "csv":
        return quarterly_csv(report, threshold)
    if fmt == "funder":
        return funder_csv(report, threshold or DEFAULT_THRESHOLD)
    raise ValueError(f"unknown report format {fmt!r}")


def export_quarterly(
    ws: Any,
    report: MeasureReport,
    series: Sequence[MeasureReport],
    target: Path,
    fmt: str,
    *,
    threshold: int | None = DEFAULT_THRESHOLD,
) -> None:
    """Save the quarterly report as ``fmt`` ("pdf" with the trend charts, "csv", or "funder": the VOCA PMT-shaped
    CSV) and audit the export, as ``offramp report`` does: aggregates only, small counts hidden. ``ws`` is the open
    :class:`~app.core.workspace.Workspace`."""
    from app.models import AuditAction, VaultMeta
    from app.storage.atomic import atomic_write_bytes

    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown report format {fmt!r}")
    with ws.session() as s:
        office = s.get(VaultMeta, OFFICE_NAME_KEY)
        office_name = office.value if office is not None else None
    atomic_write_bytes(Path(target), report_file(report, series, fmt, threshold=threshold, office=office_name))
    ws.log_event(AuditAction.EXPORT.value, fields=[fmt])
