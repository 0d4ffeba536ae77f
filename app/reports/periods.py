"""Reporting periods: federal fiscal quarters (Q1 = October to December) and custom date ranges.

The federal fiscal year is named after the calendar year it ends in: FY 2026 runs from 1 October 2025 to
30 September 2026, and "2026Q1" is October to December 2025 (DOMAIN.md section 6).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.core.i18n import _
from app.errors import ValidationError
from app.reports.dates import short_date

__all__ = ["Period", "fiscal_year_of", "fiscal_year_start", "parse_period", "quarter_of", "trailing_quarters"]

#: "FY2026 Q1", or as a Spanish report prints it, "AF2026 T1" (año fiscal, trimestre).
_QUARTER = re.compile(r"^\s*(?:(?:FY|AF)\s*)?(\d{4})\s*-?\s*[QT]([1-4])\s*$", re.IGNORECASE)
_YEAR = re.compile(r"^\s*(?:FY|AF)\s*(\d{4})\s*$", re.IGNORECASE)
_RANGE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*(?:\.\.|to|/)\s*(\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)


def fiscal_year_of(day: dt.date) -> int:
    """The federal fiscal year a day falls in (October starts the next year's)."""
    return day.year + 1 if day.month >= 10 else day.year


def fiscal_year_start(day: dt.date) -> dt.date:
    return dt.date(fiscal_year_of(day) - 1, 10, 1)


def _quarter_bounds(fiscal_year: int, quarter: int) -> tuple[dt.date, dt.date]:
    first_month = (10 + 3 * (quarter - 1) - 1) % 12 + 1
    year = fiscal_year - 1 if first_month >= 10 else fiscal_year
    start = dt.date(year, first_month, 1)
    nxt = dt.date(year + (first_month + 3 > 12), (first_month + 2) % 12 + 1, 1)
    return start, nxt - dt.timedelta(days=1)


@dataclass(frozen=True)
class Period:
    """An inclusive range of days; ``fiscal_year``/``quarter`` are set when it is a federal fiscal quarter."""

    start: dt.date
    end: dt.date
    fiscal_year: int | None = None
    quarter: int | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError(_("The period must end on or after the day it starts."), field="period")

    @classmethod
    def fiscal_quarter(cls, fiscal_year: int, quarter: int) -> Period:
        if not 1 <= quarter <= 4:
            raise ValidationError(_("A fiscal quarter is numbered 1 to 4."), field="period")
        start, end = _quarter_bounds(fiscal_year, quarter)
        return cls(start, end, fiscal_year, quarter)

    @property
    def label(self) -> str:
        """Short: "FY2026 Q1" for a quarter, "2025-10-01 to 2026-02-15" for a custom range, in the app's language
        (Spanish: "AF2026 T1", año fiscal and trimestre, as US federal Spanish writes the fiscal year)."""
        if self.quarter is not None:
            return _("FY{year} Q{quarter}").format(year=self.fiscal_year, quarter=self.quarter)
        return _("{start} to {end}").format(start=self.start.isoformat(), end=self.end.isoformat())

    @property
    def code(self) -> str:
        """What ``parse_period`` reads back: "2026Q1" or "2025-10-01..2026-02-15"."""
        if self.quarter is not None:
            return f"{self.fiscal_year}Q{self.quarter}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def long_label(self) -> str:
        """ "FY2026 Q1 (01 Oct 2025 to 31 Dec 2025)", dates with the catalogue's month names."""
        days = _("{start} to {end}").format(start=short_date(self.start), end=short_date(self.end))
        if self.quarter is not None:
            return f"{self.label} ({days})"
        return days

    @property
    def fiscal_year_start(self) -> dt.date:
        """Where "new in the fiscal year" starts counting: the fiscal year of the period's first day."""
        return fiscal_year_start(self.start)

    def previous(self) -> Period:
        if self.quarter is None:
            length = self.end - self.start
            end = self.start - dt.timedelta(days=1)
            return Period(end - length, end)
        assert self.fiscal_year is not None
        if self.quarter == 1:
            return Period.fiscal_quarter(self.fiscal_year - 1, 4)
        return Period.fiscal_quarter(self.fiscal_year, self.quarter - 1)


def quarter_of(day: dt.date) -> Period:
    """The federal fiscal quarter holding ``day``."""
    fy = fiscal_year_of(day)
    quarter = ((day.month - 10) % 12) // 3 + 1
    return Period.fiscal_quarter(fy, quarter)


def trailing_quarters(last: Period, count: int = 8) -> list[Period]:
    """``count`` consecutive periods ending with ``last``, oldest first (quarters for a quarter)."""
    out = [last]
    while len(out) < count:
        out.append(out[-1].previous())
    return list(reversed(out))


def parse_period(text: str) -> Period:
    """ "2026Q1", "FY2026 Q1", "FY2026" (the whole year) or "2025-10-01..2025-12-31"."""
    m = _QUARTER.match(text or "")
    if m:
        return Period.fiscal_quarter(int(m.group(1)), int(m.group(2)))
    m = _YEAR.match(text or "")
    if m:
        fy = int(m.group(1))
        return Period(dt.date(fy - 1, 10, 1), dt.date(fy, 9, 30))
    m = _RANGE.match(text or "")
    if m:
        try:
            start, end = dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
        except ValueError:
            pass
        else:
            return Period(start, end)
    raise ValidationError(
        _(
            "Please give the period as a fiscal quarter like 2026Q1, a year like FY2026, "
            "or two dates like 2025-10-01..2025-12-31."
        ),
        field="period",
    )
