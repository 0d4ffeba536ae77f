"""The funder-shaped export: people served (new and continuing in the fiscal year) and services by VOCA category.

Shaped after the VOCA Performance Measurement Tool's quarterly questions (DOMAIN.md section 6), aggregate only: no
row is about one person, no person or record id and no name appears, and small cells are suppressed
(:mod:`app.reports.suppression`). Built from measures 6 and 7, so it agrees with the dashboard.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from app.content.taxonomy import VOCA_CATEGORIES
from app.reports.csv_cells import escape_cell
from app.reports.measures import MeasureReport
from app.reports.suppression import DEFAULT_THRESHOLD, Cell, check_threshold, suppress_line, suppress_table

__all__ = ["FUNDER_COLUMNS", "FunderRow", "funder_csv", "funder_rows"]

FUNDER_COLUMNS = ("period", "section", "item", "people", "service_events")


@dataclass(frozen=True)
class FunderRow:
    section: str
    item: str
    people: str
    service_events: str


def funder_rows(report: MeasureReport, threshold: int = DEFAULT_THRESHOLD) -> list[FunderRow]:
    """Needs measures 6 and 7 computed with their breakdowns."""
    check_threshold(threshold)
    served = report.get(6)
    services = report.get(7)
    split = {p.key: p.count for p in served.breakdowns[0].parts}
    (new, continuing), total = suppress_line([split.get("new", 0), split.get("continuing", 0)], threshold)
    rows = [
        FunderRow("People served (PMT: victims served)", "New in the fiscal year", new.text(threshold), ""),
        FunderRow("People served (PMT: victims served)", "Continuing", continuing.text(threshold), ""),
        FunderRow("People served (PMT: victims served)", "Total", total.text(threshold), ""),
    ]
    events = {p.key: p.count for p in services.breakdowns[0].parts}
    people = {p.key: p.count for p in services.breakdowns[1].parts}
    keys = list(VOCA_CATEGORIES)
    # Service events add up to a total (complementary suppression); people do not (one person, several
    # categories), so each people count stands alone.
    event_table = suppress_table([[events.get(k, 0) for k in keys]], threshold)
    event_cells = list(event_table.cells[0])
    for k, ev in zip(keys, event_cells[:-1], strict=True):
        n = people.get(k, 0)
        person_cell = Cell(n, "small" if 0 < n < threshold else None)
        rows.append(
            FunderRow("Services by VOCA category", VOCA_CATEGORIES[k], person_cell.text(threshold), ev.text(threshold))
        )
    rows.append(FunderRow("Services by VOCA category", "All categories", "", event_cells[-1].text(threshold)))
    return rows


def funder_csv(report: MeasureReport, threshold: int = DEFAULT_THRESHOLD) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FUNDER_COLUMNS)
    for r in funder_rows(report, threshold):
        writer.writerow((report.period.code, escape_cell(r.section), escape_cell(r.item), r.people, r.service_events))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
