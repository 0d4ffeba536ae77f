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
from app.core.i18n import _
from app.reports.csv_cells import escape_cell
from app.reports.measures import MeasureReport
from app.reports.quarterly import protected_ledger
from app.reports.suppression import DEFAULT_THRESHOLD, NOT_SHOWN, check_threshold

__all__ = ["FUNDER_COLUMNS", "FunderRow", "funder_csv", "funder_rows"]

FUNDER_COLUMNS = ("period", "section", "item", "people", "service_events")


@dataclass(frozen=True)
class FunderRow:
    section: str
    item: str
    people: str
    service_events: str


def funder_rows(report: MeasureReport, threshold: int = DEFAULT_THRESHOLD) -> list[FunderRow]:
    """Needs measures 6 and 7 computed with their breakdowns.

    Hidden exactly where the quarterly report hides them (the same ledger of counts and relations), so an office
    that sends both to its funder gives nothing away by setting one beside the other.
    """
    check_threshold(threshold)
    ledger, _lines = protected_ledger(report)
    hidden = ledger.hidden(threshold)

    not_shown = _(NOT_SHOWN)

    def shown(key: str) -> str:
        return not_shown if key in hidden else f"{ledger.value(key):,}"

    # The PMT's own words ("victims served") stay as the funder's form names them, in Spanish too.
    served = _("People served (PMT: victims served)")
    rows = [
        FunderRow(served, _("New in the fiscal year"), shown("6.b0.new"), ""),
        FunderRow(served, _("Continuing"), shown("6.b0.continuing"), ""),
        FunderRow(served, _("Total"), shown("6.count"), ""),
    ]
    services = _("Services by VOCA category")
    for k, title in VOCA_CATEGORIES.items():
        rows.append(FunderRow(services, _(title), shown(f"7.b1.{k}"), shown(f"7.b0.{k}")))
    rows.append(FunderRow(services, _("All categories"), "", shown("7.b0.total")))
    return rows


def funder_csv(report: MeasureReport, threshold: int = DEFAULT_THRESHOLD) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FUNDER_COLUMNS)
    for r in funder_rows(report, threshold):
        writer.writerow((report.period.code, escape_cell(r.section), escape_cell(r.item), r.people, r.service_events))
    return ("\ufeff" + out.getvalue()).encode("utf-8")
