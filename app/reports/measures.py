"""The 14 outcome measures of DOMAIN.md section 6, computed in SQL.

Every number is an aggregate the database works out (``COUNT(DISTINCT ...)``, ``GROUP BY``, window functions for the
first decision and for medians): no measure loads records into Python. The functions take any SQLAlchemy
``Session`` or ``Connection`` over the shared record models of :mod:`app.models`, so the office server can run the
same code on its own database (SQLite or PostgreSQL) with a :class:`Scope` for a team or a compartment.

Conventions, as DOMAIN.md section 6 states them and as decided here where it is silent:

- Periods are federal fiscal quarters (Q1 = October to December) or a custom range of whole days
  (:mod:`app.reports.periods`). Days are the office's days: a timestamp's day is its date in the office's time
  zone (:attr:`Scope.time_zone`; UTC when the office set none), and a period runs from the local midnight of its
  first day to that of the day after its last.
- Counts are of unduplicated persons unless a measure counts referrals, follow-ups, disclosures, charges or cases.
- Demo people (``person.is_demo``) and deleted records are left out; :attr:`Scope.include_demo` brings demo people
  in, for the demo dashboard only, and every result says so.
- A *contact* is an encounter that took place (any status but "planned").
- *Identified* means a human-entered identification decision with the status "identified"; a person's
  identification date is their earliest such decision. Their type of trafficking is the one on that decision.
- A *service event* is a contact with the office (direct service) or a first service confirmed by a partner
  (a referral's "first service confirmed" step). Direct contacts take the category their kind implies: a court
  contact is court accompaniment, any other contact is case management and advocacy.
- *New* in a fiscal year: no service event earlier in the same fiscal year (that of the period's first day).
- Measures with a 30-day follow-up window (1, 3, 5) are *provisional* until the window has closed; every measure
  is provisional while its period is not over.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Date,
    Integer,
    and_,
    case,
    distinct,
    exists,
    func,
    inspect,
    literal,
    literal_column,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import ColumnElement, FromClause
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.visitors import InternalTraversal

from app.content.taxonomy import VOCA_CATEGORIES, bundled_taxonomies, category_title, find_category
from app.core import office_policy
from app.core.i18n import N_, _
from app.core.sharing import within_covered
from app.errors import ValidationError
from app.models import (
    ChargingDecision,
    Consent,
    Disclosure,
    Encounter,
    IdentificationDecision,
    JusticeContact,
    Person,
    Provider,
    Referral,
    ReferralEvent,
    ReliefCase,
    ReliefCharge,
    ReliefPetition,
    SafetyPlan,
    Screening,
    TemplateVersion,
)
from app.models.base import Envelope
from app.protocol.office_policy import DEFAULT_TIME_ZONE, is_time_zone, office_today, time_zone
from app.reports.dates import short_date
from app.reports.periods import Period

if TYPE_CHECKING:
    from app.core.workspace import Workspace

__all__ = [
    "MEASURES",
    "WINDOW_DAYS",
    "Breakdown",
    "CaseloadMeasures",
    "DrillDownNotAllowed",
    "Figure",
    "MeasureDef",
    "MeasureReport",
    "MeasureResult",
    "Memo",
    "Part",
    "Scope",
    "Viewer",
    "caseload_details",
    "caseload_earlier_quarters",
    "caseload_headline",
    "caseload_measure",
    "caseload_measures",
    "caseload_trend",
    "compute",
    "compute_measure",
    "measure_definition",
    "measure_details",
    "measure_title",
    "measure_unit",
    "only_demo_people",
    "people_behind",
    "people_behind_in_caseload",
    "trend",
    "vault_scope",
]

#: The follow-up window of measures 1, 3 and 5, in days.
WINDOW_DAYS = 30

Db = Session | Connection
#: A select of (unit, person_id [, part]) rows; typed loosely because SQLAlchemy types each column list apart.
Sel = Any


# --- portable day arithmetic -----------------------------------------------------------------------------------


class _DayNumber(FunctionElement[int]):
    """A whole day number for a DATE, so two days can be subtracted on SQLite and PostgreSQL alike."""

    type = Integer()
    inherit_cache = True


# --- the office's days ---------------------------------------------------------------------------------------------
#
# A timestamp's day is the office's date of it (DOMAIN.md section 6: a contact's day is the office-time-zone date of
# ``occurred_at``): 10 pm on 31 March in Los Angeles is 31 March, although UTC already says 1 April. PostgreSQL reads
# the day with ``AT TIME ZONE``. SQLite (the vault) has no time zone database, so the timestamp is shifted by the
# zone's UTC offset in force at that instant: a CASE over the zone's changes (worked out here with zoneinfo) within
# the span the query can touch. An office that set no zone counts in UTC, with the same SQL as before.


@dataclass(frozen=True)
class _Clock:
    """How a query turns an instant into the office's day.

    ``zone`` is checked by :func:`~app.protocol.office_policy.is_time_zone` before it reaches SQL. For SQLite:
    ``first_offset`` is the offset (seconds east of UTC) before the first change, and ``changes`` each UTC instant
    from which a new offset applies (written as SQLite holds timestamps, so text order is time order), only those
    within ``_Ctx``'s span. Part of the statement cache key, so two zones or spans never share a compiled query.
    """

    zone: str = DEFAULT_TIME_ZONE
    first_offset: int = 0
    changes: tuple[tuple[str, int], ...] = ()

    @property
    def is_utc(self) -> bool:
        return self.zone == DEFAULT_TIME_ZONE


UTC_CLOCK = _Clock()


def _offset_at(tz: dt.tzinfo, instant: dt.datetime) -> int:
    offset = instant.astimezone(tz).utcoffset()
    return 0 if offset is None else int(offset.total_seconds())


def _clock(zone: str | None, lo: dt.datetime, hi: dt.datetime) -> _Clock:
    """The office's clock for instants from ``lo`` to ``hi`` (changes of offset found day by day, then to the
    second). Outside that span SQLite takes the nearest edge's offset, which can put an instant on the wrong side of
    a local midnight only far outside it, where no measure looks (see ``_Ctx``)."""
    name = zone or DEFAULT_TIME_ZONE
    tz = time_zone(name)
    if tz is dt.UTC:
        return UTC_CLOCK
    first = _offset_at(tz, lo)
    changes: list[tuple[str, int]] = []
    step = dt.timedelta(days=1)
    t, current = lo, first
    while t < hi:
        nxt = min(t + step, hi)
        if _offset_at(tz, nxt) != current:
            # The change lies in (t, nxt]: the first second with the new offset.
            a, b = t, nxt
            while b - a > dt.timedelta(seconds=1):
                mid = a + (b - a) / 2
                mid = mid.replace(microsecond=0)
                if _offset_at(tz, mid) == current:
                    a = mid
                else:
                    b = mid
            current = _offset_at(tz, b)
            changes.append((b.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S"), current))
            t = b
            continue
        t = nxt
    return _Clock(name, first, tuple(changes))


def _local_midnight(day: dt.date, zone: str | None) -> dt.datetime:
    """The UTC instant the office's ``day`` begins (its local midnight; where a change skips midnight, the first
    instant the day has)."""
    tz = time_zone(zone or DEFAULT_TIME_ZONE)
    return dt.datetime(day.year, day.month, day.day, tzinfo=tz).astimezone(dt.UTC)


class _OfficeTime(FunctionElement[Any]):
    """A timestamp read on the office's clock (the base of the three below)."""

    inherit_cache = True
    # The clock is part of the statement's cache key: a query compiled for one zone is never reused for another.
    _traverse_internals = [*FunctionElement._traverse_internals, ("clock", InternalTraversal.dp_plain_obj)]  # noqa: RUF012

    def __init__(self, expr: Any, clock: _Clock) -> None:
        super().__init__(expr)
        self.clock = clock


class _TimestampDayNumber(_OfficeTime):
    """The day number of a timestamp's office day, comparable with :class:`_DayNumber`."""

    type = Integer()
    inherit_cache = True


class _OfficeDay(_OfficeTime):
    """The office's calendar day of a timestamp, as a DATE."""

    type = Date()
    inherit_cache = True


class _TimestampQuarterKey(_OfficeTime):
    """The federal fiscal quarter of a timestamp's office day, as :class:`_QuarterKey` numbers it."""

    type = Integer()
    inherit_cache = True


def _sqlite_shift(inner: str, clock: _Clock) -> str:
    """The date-function modifier that turns a stored UTC timestamp into the office's wall-clock time ("" for UTC)."""
    if not clock.changes:
        return "" if clock.first_offset == 0 else f", '{clock.first_offset:+d} seconds'"
    whens, offset = [], clock.first_offset
    for at, after in clock.changes:
        whens.append(f"WHEN {inner} < '{at}' THEN '{offset:+d} seconds'")
        offset = after
    return f", CASE {' '.join(whens)} ELSE '{offset:+d} seconds' END"


def _pg_local(inner: str, clock: _Clock) -> str:
    """``inner`` as the office's wall-clock time on PostgreSQL; the zone is checked, never text from a user."""
    if not is_time_zone(clock.zone) or "'" in clock.zone:
        raise ValueError("not a time zone name")
    return f"({inner} AT TIME ZONE '{clock.zone}')"


@compiles(_DayNumber, "sqlite")
def _day_sqlite(element: _DayNumber, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(julianday({compiler.process(element.clauses, **kw)}) AS INTEGER)"


@compiles(_TimestampDayNumber, "sqlite")
def _ts_day_sqlite(element: _TimestampDayNumber, compiler: SQLCompiler, **kw: Any) -> str:
    inner = compiler.process(element.clauses, **kw)
    return f"CAST(julianday(date({inner}{_sqlite_shift(inner, element.clock)})) AS INTEGER)"


@compiles(_OfficeDay, "sqlite")
def _office_day_sqlite(element: _OfficeDay, compiler: SQLCompiler, **kw: Any) -> str:
    inner = compiler.process(element.clauses, **kw)
    return f"date({inner}{_sqlite_shift(inner, element.clock)})"


@compiles(_DayNumber, "postgresql")
def _day_pg(element: _DayNumber, compiler: SQLCompiler, **kw: Any) -> str:
    return f"(CAST({compiler.process(element.clauses, **kw)} AS DATE) - DATE '2000-01-01')"


@compiles(_TimestampDayNumber, "postgresql")
def _ts_day_pg(element: _TimestampDayNumber, compiler: SQLCompiler, **kw: Any) -> str:
    local = _pg_local(compiler.process(element.clauses, **kw), element.clock)
    return f"(CAST({local} AS DATE) - DATE '2000-01-01')"


@compiles(_OfficeDay, "postgresql")
def _office_day_pg(element: _OfficeDay, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST({_pg_local(compiler.process(element.clauses, **kw), element.clock)} AS DATE)"


class _NoIndex(FunctionElement[Any]):
    """A column as a plain value, so SQLite's planner does not drive a query from its index.

    Without statistics, SQLite would start from ``person_id IN (every person who counts)`` and look rows up one
    person at a time, instead of reading the few rows of the period by their date index. PostgreSQL plans from
    its statistics, so the column is left as it is there.
    """

    inherit_cache = True

    def __init__(self, column: Any) -> None:
        super().__init__(column)
        self.type = column.type


@compiles(_NoIndex)
def _no_index_default(element: _NoIndex, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_NoIndex, "sqlite")
def _no_index_sqlite(element: _NoIndex, compiler: SQLCompiler, **kw: Any) -> str:
    return f"+{compiler.process(element.clauses, **kw)}"


class _QuarterKey(FunctionElement[int]):
    """The federal fiscal quarter of a DATE as one number, 4 x fiscal year + quarter - 1 (see ``quarter_key``).

    October of year Y is month number 12 Y + 9, and (12 Y + 9 + 3) / 3 = 4 (Y + 1): the first quarter of fiscal year
    Y + 1. Integer division on both databases.
    """

    type = Integer()
    inherit_cache = True


def _quarter_sql(year: str, month: str) -> str:
    return f"((CAST({year} AS INTEGER) * 12 + CAST({month} AS INTEGER) + 2) / 3)"


@compiles(_QuarterKey, "sqlite")
def _quarter_sqlite(element: _QuarterKey, compiler: SQLCompiler, **kw: Any) -> str:
    inner = compiler.process(element.clauses, **kw)
    return _quarter_sql(f"strftime('%Y', {inner})", f"strftime('%m', {inner})")


@compiles(_TimestampQuarterKey, "sqlite")
def _ts_quarter_sqlite(element: _TimestampQuarterKey, compiler: SQLCompiler, **kw: Any) -> str:
    inner = compiler.process(element.clauses, **kw)
    shift = _sqlite_shift(inner, element.clock)
    return _quarter_sql(f"strftime('%Y', {inner}{shift})", f"strftime('%m', {inner}{shift})")


@compiles(_QuarterKey, "postgresql")
def _quarter_pg(element: _QuarterKey, compiler: SQLCompiler, **kw: Any) -> str:
    inner = compiler.process(element.clauses, **kw)
    return _quarter_sql(f"EXTRACT(YEAR FROM {inner})", f"EXTRACT(MONTH FROM {inner})")


@compiles(_TimestampQuarterKey, "postgresql")
def _ts_quarter_pg(element: _TimestampQuarterKey, compiler: SQLCompiler, **kw: Any) -> str:
    inner = _pg_local(compiler.process(element.clauses, **kw), element.clock)
    return _quarter_sql(f"EXTRACT(YEAR FROM {inner})", f"EXTRACT(MONTH FROM {inner})")


def quarter_key(period: Period) -> int:
    """The number :class:`_QuarterKey` gives every day of a fiscal quarter."""
    assert period.fiscal_year is not None and period.quarter is not None
    return 4 * period.fiscal_year + period.quarter - 1


def _day(expr: Any) -> ColumnElement[int]:
    return _DayNumber(expr)


# --- who and what counts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Which records count. On a device: everything in the vault (the person's own caseload), demo left out.

    The office server narrows by team or compartment (``regime``) with the same functions.
    """

    include_demo: bool = False
    team_ids: tuple[str, ...] | None = None
    regime: str | None = None
    #: The office's time zone (an IANA name; None: UTC, as an office that set none counts): every timestamp's day,
    #: and so its period and quarter, is the office's date of it (DOMAIN.md section 6, "Conventions, precise").
    time_zone: str | None = None

    def __post_init__(self) -> None:
        if self.time_zone is not None and not is_time_zone(self.time_zone):
            raise ValidationError(
                "The office's time zone is not one this computer knows; ask your office administrator to set a "
                "time zone name such as America/Chicago.",
                field="time_zone",
            )

    def person_counts(self) -> list[ColumnElement[bool]]:
        """What makes a person count."""
        conditions: list[ColumnElement[bool]] = [Person.deleted.is_(False)]
        if not self.include_demo:
            conditions.append(or_(Person.is_demo.is_(None), Person.is_demo.is_(False)))
        conditions += self._record_filter(Person)
        return conditions

    def persons(self) -> Sel:
        """The ids of the people who count."""
        return select(Person.id).where(*self.person_counts())

    def _record_filter(self, model: type[Envelope]) -> list[ColumnElement[bool]]:
        out: list[ColumnElement[bool]] = []
        if self.team_ids is not None:
            out.append(model.team_id.in_(self.team_ids))
        if self.regime is not None:
            out.append(model.regime == self.regime)
        return out

    def live(self, model: type[Envelope]) -> list[ColumnElement[bool]]:
        """A record counts when it is not deleted, belongs to a person who counts, and is in scope."""
        return [
            model.deleted.is_(False),
            # One look-up by primary key per row read: the rows are few (those of the period), where a list of
            # every person who counts would be built again for each query.
            exists().where(Person.id == model.person_id, *self.person_counts()),
            *self._record_filter(model),
        ]


class Viewer(enum.StrEnum):
    """Who is looking, for drill-down. The server maps its roles onto these; a personal vault is its owner's."""

    OWN_CASELOAD = "own_caseload"
    ADVOCATE = "advocate"
    ADVOCATE_SUPERVISOR = "advocate_supervisor"
    PROSECUTOR = "prosecutor"
    PARALEGAL = "paralegal"
    PROSECUTION_SUPERVISOR = "prosecution_supervisor"
    ANALYST = "analyst"
    OFFICE_ADMIN = "office_admin"


#: Roles that may see the people behind a number (DESIGN.md section 4: analysts see aggregates only, admins no
#: content). What each may see is still only what ``visible_to`` lets them read.
DRILL_DOWN_ROLES = frozenset(Viewer) - {Viewer.ANALYST, Viewer.OFFICE_ADMIN}


class DrillDownNotAllowed(ValidationError):
    pass


def may_drill_down(viewer: Viewer) -> bool:
    return viewer in DRILL_DOWN_ROLES


# --- results ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Breakdown:
    """Counts that add up to ``total`` (a line of a table), unless ``adds_up`` is false (a person may be in several
    parts)."""

    title: str
    parts: tuple[Part, ...]
    adds_up: bool = True

    @property
    def total(self) -> int:
        return sum(p.count for p in self.parts)


@dataclass(frozen=True)
class Figure:
    """A number reported alongside, not a count of people (a median), with how many it is worked out from."""

    label: str
    value: float | None
    unit: str
    basis: int


@dataclass(frozen=True)
class MeasureResult:
    number: int
    title: str
    definition: str
    unit: str  # what is counted: "people", "referrals", ...
    kind: str  # "rate" or "count"
    numerator: int
    denominator: int | None
    provisional: bool
    provisional_reason: str | None
    breakdowns: tuple[Breakdown, ...] = ()
    figures: tuple[Figure, ...] = ()

    @property
    def id(self) -> str:
        return f"m{self.number:02d}"

    @property
    def value(self) -> float | None:
        """A share from 0 to 1 for a rate (None when nothing is in the denominator); the count otherwise."""
        if self.kind == "count":
            return float(self.numerator)
        if not self.denominator:
            return None
        return self.numerator / self.denominator

    def value_text(self) -> str:
        if self.kind == "count":
            return f"{self.numerator:,}"
        if self.value is None:
            return _("none yet")
        return f"{self.value * 100:.0f}%"

    def fraction_text(self) -> str:
        """ "12 of 40 people" ("12 de 40 personas"), in the app's language."""
        if self.kind == "count" or self.denominator is None:
            return f"{self.numerator:,} {_(self.unit)}"
        return _("{numerator} of {denominator} {unit}").format(
            numerator=f"{self.numerator:,}", denominator=f"{self.denominator:,}", unit=_(self.unit)
        )


@dataclass(frozen=True)
class MeasureReport:
    period: Period
    as_of: dt.date
    include_demo: bool
    measures: tuple[MeasureResult, ...]

    def get(self, number: int) -> MeasureResult:
        return next(m for m in self.measures if m.number == number)


# --- shared subqueries -------------------------------------------------------------------------------------------


class _Ctx:
    """What a measure's selects are built for: one period, or consecutive fiscal quarters counted in one pass.

    Every select carries a ``q`` column, its row's bucket: 0 for one period; for quarters, the fiscal quarter of
    the date that puts the row in its period (:func:`quarter_key`), so one ``GROUP BY q`` counts every quarter.
    The period filters then span from the first quarter's first day to the last quarter's last day.
    """

    def __init__(
        self,
        period: Period,
        scope: Scope,
        as_of: dt.date,
        quarters: Sequence[Period] | None = None,
        *,
        db: Db | None = None,
    ) -> None:
        self.db = db
        self.p = period
        self.scope = scope
        self.as_of = as_of
        self.grouped = quarters is not None
        first = quarters[0] if quarters else period
        self.start, self.end = first.start, period.end
        self.t0, self.t1 = self.instant(self.start), self.instant(self.end + dt.timedelta(days=1))
        # A timestamp's day matters in the period and in the 30-day windows after it (measure 1 compares a
        # screening's day with a first contact's); two days either side keep an instant outside that span outside
        # it whatever offset SQLite gives it there.
        margin = dt.timedelta(days=2)
        self.clock = _clock(scope.time_zone, self.t0 - margin, self.t1 + dt.timedelta(days=WINDOW_DAYS) + margin)

    def instant(self, day: dt.date) -> dt.datetime:
        """The UTC instant the office's ``day`` begins."""
        return _local_midnight(day, self.scope.time_zone)

    def ts_day(self, instant: Any) -> ColumnElement[int]:
        """The day number of a timestamp's office day (comparable with a DATE's ``_day``)."""
        return _TimestampDayNumber(instant, self.clock)

    def office_day(self, instant: Any) -> ColumnElement[dt.date]:
        """A timestamp's office day, as a DATE."""
        return _OfficeDay(instant, self.clock)

    def bucket(self, day: Any) -> ColumnElement[int]:
        """The ``q`` of a row put in its period by a DATE."""
        return _QuarterKey(day) if self.grouped else literal_column("0", Integer())

    def ts_bucket(self, instant: Any) -> ColumnElement[int]:
        """The ``q`` of a row put in its period by a timestamp."""
        return _TimestampQuarterKey(instant, self.clock) if self.grouped else literal_column("0", Integer())

    def by_end(self, day: Any, q: Any) -> ColumnElement[bool]:
        """``day`` is on or before the last day of the period of bucket ``q``."""
        return _QuarterKey(day) <= q if self.grouped else day <= self.end

    def same_bucket(self, day: Any, q: Any) -> ColumnElement[bool]:
        """``day`` falls in the period of bucket ``q`` (always, for one period: the rows are filtered to it)."""
        return _QuarterKey(day) == q if self.grouped else true()

    def live(self, model: type[Envelope]) -> list[ColumnElement[bool]]:
        return self.scope.live(model)

    def own(self, model: Any) -> list[ColumnElement[bool]]:
        """``live`` for a record looked up by a person who already counts: not deleted, and in scope."""
        return [model.deleted.is_(False), *self.scope._record_filter(model)]

    def in_period(self, col: Any) -> ColumnElement[bool]:
        return col.between(self.start, self.end)

    def contact_conditions(self) -> list[ColumnElement[bool]]:
        return [*self.live(Encounter), or_(Encounter.status.is_(None), Encounter.status != "planned")]

    def first_contact(self) -> FromClause:
        """Each person's first contact ever, for the people whose first contact falls in the period.

        That is their first contact in the period when they had none before it: the period's contacts are read by
        the date index and grouped by person, then each person (not each contact) is checked once, that they count
        and had no earlier contact (by the person index); never by grouping every contact.
        """
        earlier: Any = aliased(Encounter, name="earlier_contact")
        in_period = (
            select(Encounter.person_id.label("person_id"), func.min(Encounter.occurred_at).label("first_at"))
            .where(*self.own(Encounter), *self.contacts(Encounter), *self.contact_in_period())
            .group_by(Encounter.person_id)
            .subquery("first_contact_in_period")
        )
        before = exists().where(
            earlier.person_id == in_period.c.person_id,
            *self.own(earlier),
            *self.contacts(earlier),
            earlier.occurred_at < self.t0,
        )
        return (
            select(in_period.c.person_id, in_period.c.first_at)
            .where(self.counts(in_period.c.person_id), ~before)
            .subquery("first_contact")
        )

    def counts(self, person_id: Any) -> ColumnElement[bool]:
        """The person counts (not deleted, demo only when chosen, in scope): looked up once by primary key."""
        return exists().where(Person.id == person_id, *self.scope.person_counts())

    @staticmethod
    def contacts(model: Any) -> list[ColumnElement[bool]]:
        """An encounter that took place (any status but "planned")."""
        return [or_(model.status.is_(None), model.status != "planned")]

    def contact_in_period(self) -> list[ColumnElement[bool]]:
        return [Encounter.occurred_at >= self.t0, Encounter.occurred_at < self.t1]

    def contacted_in_period(self) -> Sel:
        return select(Encounter.person_id).where(
            *self.contact_conditions(), Encounter.occurred_at >= self.t0, Encounter.occurred_at < self.t1
        )

    def identified_by(self, person_id: Any, until: Callable[[Any], ColumnElement[bool]]) -> ColumnElement[bool]:
        """The identification decision in force at a day says "identified".

        ``until(day)`` says a decision's day is on or before that day (the period's end; for measure 14 the
        disposition day). The decision in force is the latest of those, by day, then by when it was recorded: a
        later "not identified" ends an earlier "identified" (DOMAIN.md 6, conventions).
        """
        d: Any = aliased(IdentificationDecision, name="identified_by")
        later: Any = aliased(IdentificationDecision, name="revised_by")
        revised = (
            exists()
            .where(
                later.person_id == d.person_id,  # correlated one level up: ``person_id`` may be two levels out
                later.deleted.is_(False),
                until(later.decided_on),
                or_(
                    later.decided_on > d.decided_on,
                    and_(
                        later.decided_on == d.decided_on,
                        or_(later.created_at > d.created_at, and_(later.created_at == d.created_at, later.id > d.id)),
                    ),
                ),
                *self.scope._record_filter(later),
            )
            .correlate_except(later)
        )  # ``until`` may name a table two levels out (measure 14's disposition day)
        return exists().where(
            d.person_id == person_id,
            d.deleted.is_(False),
            d.status == "identified",
            until(d.decided_on),
            ~revised,
            *self.scope._record_filter(d),
        )

    def first_identified(self) -> FromClause:
        """Each person's earliest "identified" decision (and its type), for the people whose earliest falls in the
        period: their earliest in the period when they have none before it, chosen with a window function."""
        earlier: Any = aliased(IdentificationDecision, name="earlier_identified")
        before = exists().where(
            earlier.person_id == IdentificationDecision.person_id,
            earlier.deleted.is_(False),
            earlier.status == "identified",
            earlier.decided_on < self.start,
            *self.scope._record_filter(earlier),
        )
        ranked = (
            select(
                IdentificationDecision.person_id.label("person_id"),
                IdentificationDecision.decided_on.label("id_on"),
                IdentificationDecision.trafficking_type.label("trafficking_type"),
                func.row_number()
                .over(
                    partition_by=IdentificationDecision.person_id,
                    order_by=(
                        IdentificationDecision.decided_on,
                        IdentificationDecision.created_at,
                        IdentificationDecision.id,
                    ),
                )
                .label("rn"),
            )
            .where(
                *self.live(IdentificationDecision),
                IdentificationDecision.status == "identified",
                self.in_period(IdentificationDecision.decided_on),
                ~before,
            )
            .subquery("ranked_identification")
        )
        return (
            select(ranked.c.person_id, ranked.c.id_on, ranked.c.trafficking_type)
            .where(ranked.c.rn == 1)
            .subquery("first_identified")
        )

    def service_events(
        self, start: dt.date, end: dt.date, name: str = "service_event", *, people_checked: bool = True
    ) -> FromClause:
        """Service events from ``start`` to ``end``: (person_id, day, category, taxonomy_version).

        Without ``people_checked`` the events are not checked for a person who counts: the caller checks each person
        once (:meth:`counts`) after taking the distinct people, instead of once per event.
        """
        live: Callable[[Any], list[ColumnElement[bool]]] = self.live if people_checked else self.own
        direct = select(
            Encounter.person_id.label("person_id"),
            self.office_day(Encounter.occurred_at).label("day"),
            case((Encounter.kind == "court", literal("justice_advocacy")), else_=literal("case_management")).label(
                "category"
            ),
            literal(None, type_=Referral.taxonomy_version.type).label("taxonomy_version"),
        ).where(
            *live(Encounter),
            *self.contacts(Encounter),
            Encounter.occurred_at >= self.instant(start),
            Encounter.occurred_at < self.instant(end + dt.timedelta(days=1)),
        )
        partner = (
            select(
                ReferralEvent.person_id.label("person_id"),
                ReferralEvent.occurred_on.label("day"),
                Referral.category.label("category"),
                Referral.taxonomy_version.label("taxonomy_version"),
            )
            .join(Referral, Referral.id == ReferralEvent.referral_id)
            .where(
                *live(ReferralEvent),
                Referral.deleted.is_(False),
                ReferralEvent.kind == "first_service_confirmed",
                ReferralEvent.occurred_on.between(start, end),
            )
        )
        return union_all(direct, partner).subquery(name)


#: Counts already worked out, by statement and parameters: one compute (or one dashboard load) asks some twice
#: (measures 6 and 7 count the same people served; measure 5's denominator is measure 4's numerator).
Memo = dict[tuple[str, str], Any]


def _memo_key(db: Db, stmt: Any) -> tuple[str, str]:
    dialect = db.get_bind().dialect if isinstance(db, Session) else db.dialect
    compiled = stmt.compile(dialect=dialect)
    return str(compiled), repr(sorted(compiled.params.items()))


def _remembered(db: Db, stmt: Any, memo: Memo | None) -> Any:
    """The statement's one row, from ``memo`` when the same statement with the same parameters already ran."""
    if memo is None:
        return db.execute(stmt).one()
    key = _memo_key(db, stmt)
    if key not in memo:
        memo[key] = tuple(db.execute(stmt).one())
    return memo[key]


def _count(db: Db, sel: Sel, column: str = "unit", memo: Memo | None = None) -> int:
    sq = sel.subquery()
    return int(_remembered(db, select(func.count(distinct(sq.c[column]))), memo)[0])


def _count_both(db: Db, den: Sel, hit: ColumnElement[bool], memo: Memo | None = None) -> tuple[int, int]:
    """A measure's numerator and denominator in one pass, when the numerator is the denominator's rows for which
    ``hit`` holds: the distinct units, and the distinct units of the rows that hit."""
    sq = den.add_columns(case((hit, 1), else_=0).label("hit")).subquery()
    row = _remembered(
        db,
        select(func.count(distinct(sq.c.unit)), func.count(distinct(case((sq.c.hit == 1, sq.c.unit))))),
        memo,
    )
    return int(row[1]), int(row[0])


def _group(db: Db, sel: Sel, part: str = "part", column: str = "unit") -> dict[str, int]:
    sq = sel.subquery()
    rows = db.execute(select(sq.c[part], func.count(distinct(sq.c[column]))).group_by(sq.c[part])).all()
    return {str(k) if k is not None else "": int(n) for k, n in rows}


def _median(db: Db, sel: Sel) -> tuple[float | None, int]:
    """The median of the ``days`` column of ``sel`` (and how many values), with window functions."""
    sq = sel.subquery()
    ranked = select(
        sq.c.days.label("days"),
        func.row_number().over(order_by=sq.c.days).label("rn"),
        func.count().over().label("n"),
    ).subquery()
    middle = or_(ranked.c.rn == (ranked.c.n + 1) // 2, ranked.c.rn == (ranked.c.n + 2) // 2)
    row = db.execute(select(func.avg(ranked.c.days), func.max(ranked.c.n)).where(middle)).one()
    value, n = row
    return (None if value is None else float(value)), int(n or 0)


def _parts(found: dict[str, int], labels: Sequence[tuple[str, str]], *, keep_empty: bool = True) -> tuple[Part, ...]:
    known = {k for k, _ in labels}
    out = [Part(k, label, found.get(k, 0)) for k, label in labels if keep_empty or found.get(k)]
    for k in sorted(set(found) - known):
        out.append(Part(k, k.replace("_", " ").capitalize() or N_("Not recorded"), found[k]))
    return tuple(out)


# --- the measures ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sets:
    """A measure's numerator and denominator as selects of (unit, person_id [, part])."""

    numerator: Sel
    denominator: Sel | None
    #: When set, the numerator is exactly the denominator's rows for which this holds (both counted in one pass).
    hit: ColumnElement[bool] | None = None


@dataclass(frozen=True)
class MeasureDef:
    number: int
    title: str
    definition: str
    unit: str
    kind: str
    windowed: bool
    sets: Callable[[_Ctx], _Sets]
    details: Callable[[Db, _Ctx, _Sets], tuple[tuple[Breakdown, ...], tuple[Figure, ...]]] | None = None
    #: The unit counted is a person, so the people behind the number can be listed.
    about_people: bool = True


def _no_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    return (), ()


# 1. Screening reach ------------------------------------------------------------------------------------------


def _screening_window(c: _Ctx) -> Sel:
    fc = c.first_contact()
    screened_day = func.coalesce(
        _day(Screening.screened_on), c.ts_day(Screening.completed_at), c.ts_day(Screening.created_at)
    )
    gap = screened_day - c.ts_day(fc.c.first_at)
    return (
        select(
            Screening.person_id.label("unit"),
            Screening.person_id.label("person_id"),
            Screening.id.label("screening_id"),
            Screening.template_id.label("part"),
            c.ts_bucket(fc.c.first_at).label("q"),
        )
        .join(fc, fc.c.person_id == Screening.person_id)
        .where(
            *c.live(Screening),
            Screening.session_status.in_(("complete", "partial")),
            fc.c.first_at >= c.t0,
            fc.c.first_at < c.t1,
            gap.between(0, WINDOW_DAYS),
        )
    )


def _tool_titles(db: Db) -> dict[str, str]:
    """Screening tools as people know them: the office's imported templates' titles (in a vault), then the
    bundled templates' titles."""
    from app.content.templates import bundled_templates, in_language
    from app.core.i18n import current_language

    bundled = bundled_templates()
    titles = {t.id: t.title for t in bundled}
    conn = db.connection() if isinstance(db, Session) else db  # the same transaction: never a second connection
    if inspect(conn).has_table(TemplateVersion.__tablename__):
        rows = db.execute(select(TemplateVersion.template_id, TemplateVersion.title, TemplateVersion.version)).all()
        for template_id, title, _version in sorted(rows, key=lambda r: str(r[2])):
            titles[str(template_id)] = str(title)
    # A bundled tool by its own title in the app's language, when a version in it ships (an office's own stays).
    for template in bundled:
        if titles.get(template.id) == template.title:
            titles[template.id] = in_language(template, [current_language()]).title
    return titles


def _tool_title(template_id: str, titles: dict[str, str]) -> str:
    """The tool's title; one whose text this database does not hold (the office server keeps no template texts)
    is named as the office's own, by the name it was imported under, never left as a bare id."""
    return titles.get(template_id) or _("The office's own tool “{name}”").format(name=template_id)


def _m1(c: _Ctx) -> _Sets:
    fc = c.first_contact()
    den = select(
        fc.c.person_id.label("unit"), fc.c.person_id.label("person_id"), c.ts_bucket(fc.c.first_at).label("q")
    ).where(fc.c.first_at >= c.t0, fc.c.first_at < c.t1)
    # The numerator as a condition on the denominator's people (counted in the same pass): a screening of theirs
    # within the window, as ``_screening_window`` joins them (the person already counts: ``first_contact`` checked).
    screened_day = func.coalesce(
        _day(Screening.screened_on), c.ts_day(Screening.completed_at), c.ts_day(Screening.created_at)
    )
    screened = exists().where(
        Screening.person_id == fc.c.person_id,
        *c.own(Screening),
        Screening.session_status.in_(("complete", "partial")),
        (screened_day - c.ts_day(fc.c.first_at)).between(0, WINDOW_DAYS),
    )
    return _Sets(_screening_window(c), den, screened)


def _m1_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    by_template = _group(db, _screening_window(c), column="screening_id")
    titles = _tool_titles(db)
    parts = tuple(Part(k, _tool_title(k, titles), n) for k, n in sorted(by_template.items()))
    return (Breakdown(N_("Screenings in the window, by screening tool"), parts),), ()


# 2. Newly identified -------------------------------------------------------------------------------------------

_ROLE_RANK = (("defendant", 1), ("complainant", 2), ("witness", 3), ("other", 4))
ROLE_LABELS = (
    ("defendant", N_("Defendant")),
    ("complainant", N_("Complainant")),
    ("witness", N_("Witness")),
    ("other", N_("Other role")),
    ("none", N_("No justice-system matter recorded")),
)
TYPE_LABELS = (
    ("sex", N_("Sex trafficking")),
    ("labour", N_("Labor trafficking")),
    ("both", N_("Both")),
    ("exploitation", N_("Exploitation")),
    ("unknown", N_("Not known or not recorded")),
)


def _newly_identified(c: _Ctx) -> tuple[FromClause, Sel]:
    fi = c.first_identified()
    sel = select(
        fi.c.person_id.label("unit"),
        fi.c.person_id.label("person_id"),
        fi.c.id_on.label("id_on"),
        func.coalesce(fi.c.trafficking_type, "unknown").label("part"),
        c.bucket(fi.c.id_on).label("q"),
    ).where(c.in_period(fi.c.id_on))
    return fi, sel


def _m2(c: _Ctx) -> _Sets:
    return _Sets(_newly_identified(c)[1], None)


def _m2_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    rank = case(*((JusticeContact.role == role, n) for role, n in _ROLE_RANK), else_=4)
    newly = s.numerator.subquery("newly")
    # Each newly identified person's first role that applies, from their own justice-system matters.
    first_role = (
        select(func.min(rank))
        .where(JusticeContact.person_id == newly.c.person_id, *c.own(JusticeContact))
        .scalar_subquery()
    )
    by_role = select(
        newly.c.unit,
        func.coalesce(case(*((first_role == n, role) for role, n in _ROLE_RANK), else_=None), "none").label("part"),
    ).select_from(newly)
    role_parts = _parts(_group(db, by_role), ROLE_LABELS)
    type_parts = _parts(_group(db, s.numerator), TYPE_LABELS)
    return (
        Breakdown(N_("By role in a justice-system matter (the first that applies, in this order)"), role_parts),
        Breakdown(N_("By type"), type_parts),
    ), ()


# 3. Referral offer rate ----------------------------------------------------------------------------------------


def _m3(c: _Ctx) -> _Sets:
    fi, den = _newly_identified(c)
    offered = exists().where(
        *c.live(Referral),
        Referral.person_id == fi.c.person_id,
        (_day(Referral.offered_on) - _day(fi.c.id_on)).between(0, WINDOW_DAYS),
    )
    return _Sets(den.where(offered), den, offered)


# 4. Referral acceptance ----------------------------------------------------------------------------------------

DECISION_LABELS = (
    ("accepted", N_("Accepted")),
    ("declined", N_("Declined")),
    ("not_now", N_("Not now")),
    ("pending", N_("Still deciding")),
)


def _offered_referrals(c: _Ctx) -> Sel:
    return select(
        Referral.id.label("unit"),
        Referral.person_id.label("person_id"),
        Referral.offered_on.label("offered_on"),
        func.coalesce(Referral.decision, "pending").label("part"),
        c.bucket(Referral.offered_on).label("q"),
    ).where(*c.live(Referral), c.in_period(Referral.offered_on))


def _m4(c: _Ctx) -> _Sets:
    den = _offered_referrals(c)
    accepted = Referral.decision == "accepted"
    return _Sets(den.where(accepted), den, accepted)


def _m4_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    assert s.denominator is not None
    parts = _parts(_group(db, s.denominator), DECISION_LABELS)
    return (Breakdown(N_("The person's decision (each one a choice)"), parts),), ()


# 5. Connection rate --------------------------------------------------------------------------------------------


def _first_event_on(kind: str) -> Any:
    """The day of a referral's first event of ``kind`` (none: NULL), looked up by the referral's own events."""
    ev: Any = aliased(ReferralEvent, name=f"{kind}_event")
    return (
        select(func.min(ev.occurred_on))
        .where(ev.referral_id == Referral.id, ev.deleted.is_(False), ev.kind == kind)
        .scalar_subquery()
    )


def _m5(c: _Ctx) -> _Sets:
    den = _offered_referrals(c).where(Referral.decision == "accepted")
    served_on = _first_event_on("first_service_confirmed")
    connected = (_day(served_on) - _day(Referral.offered_on)).between(0, WINDOW_DAYS)
    return _Sets(den.where(connected), den, connected)


def _m5_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    days = (_day(_first_event_on("first_service_confirmed")) - _day(Referral.offered_on)).label("days")
    sel = (
        select(days)
        .select_from(Referral)
        .where(*c.live(Referral), c.in_period(Referral.offered_on), Referral.decision == "accepted", days >= 0)
    )
    median, n = _median(db, sel)
    return (), (Figure(N_("Median days from the offer to a first service"), median, N_("days"), n),)


# 6. Persons served ------------------------------------------------------------------------------------------------


def _served(c: _Ctx) -> FromClause:
    """The people with a service event in the period (and its quarter, for the trend), each once: what measures 6
    and 7 count. The events are read without checking their person; each person is checked once afterwards."""
    ev = c.service_events(c.start, c.end, people_checked=False)
    return select(ev.c.person_id.label("person_id"), c.bucket(ev.c.day).label("q")).distinct().subquery("served")


def _people_served(c: _Ctx) -> Sel:
    """Measures 6 and 7: the people reached (the same count, so one dashboard load works it out once)."""
    served = _served(c)
    return select(served.c.person_id.label("unit"), served.c.person_id.label("person_id"), served.c.q.label("q")).where(
        c.counts(served.c.person_id)
    )


def _m6(c: _Ctx) -> _Sets:
    return _Sets(_people_served(c), None)


def _new_or_continuing(c: _Ctx) -> Sel:
    """Measure 6's people, each new or continuing in the fiscal year."""
    served = _served(c)
    fy_start = c.p.fiscal_year_start
    part: Any = literal("new")
    if fy_start < c.start and not c.grouped:  # new or continuing is a breakdown: the trend has none
        # Served earlier in the fiscal year: a contact, or a partner's confirmed first service, looked up by the
        # person.
        contact: Any = aliased(Encounter, name="earlier_contact")
        event: Any = aliased(ReferralEvent, name="earlier_service")
        referral: Any = aliased(Referral, name="earlier_referral")
        seen = or_(
            exists().where(
                contact.person_id == served.c.person_id,
                *c.own(contact),
                or_(contact.status.is_(None), contact.status != "planned"),
                contact.occurred_at >= c.instant(fy_start),
                contact.occurred_at < c.t0,
            ),
            exists().where(
                event.person_id == served.c.person_id,
                *c.own(event),
                event.kind == "first_service_confirmed",
                event.occurred_on.between(fy_start, c.start - dt.timedelta(days=1)),
                referral.id == event.referral_id,
                referral.deleted.is_(False),
            ),
        )
        part = case((seen, literal("continuing")), else_=literal("new"))
    num = select(
        served.c.person_id.label("unit"),
        served.c.person_id.label("person_id"),
        part.label("part"),
        served.c.q.label("q"),
    ).where(c.counts(served.c.person_id))
    return num


def _m6_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    labels = (("new", N_("New in the fiscal year")), ("continuing", N_("Continuing in the fiscal year")))
    return (Breakdown(N_("New and continuing"), _parts(_group(db, _new_or_continuing(c)), labels)),), ()


# 7. Services by category -----------------------------------------------------------------------------------------


#: The VOCA category of a service category that no taxonomy knows.
VOCA_FALLBACK = "information_referral"


def voca_mapping() -> dict[str, str]:
    """Each service category's VOCA category, by the newest taxonomy that has it (measure 7 and its reports)."""
    mapping: dict[str, str] = {}
    for taxonomy in bundled_taxonomies():
        for category in taxonomy.categories:
            mapping.setdefault(category.id, category.voca)
    for cid in list(mapping):
        newest = find_category(cid)
        if newest is not None:
            mapping[cid] = newest.voca
    return mapping


def _voca_case(col: Any) -> Any:
    mapping = voca_mapping()
    return case(*((col == cid, voca) for cid, voca in sorted(mapping.items())), else_=VOCA_FALLBACK)


def _m7(c: _Ctx) -> _Sets:
    # The people reached: those measure 6 counts (the events themselves are counted in the breakdowns).
    return _Sets(_people_served(c), None)


def _m7_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    # The period's events counted per category and person first; then each (category, person) checked once for a
    # person who counts, instead of every event.
    ev = c.service_events(c.start, c.end, people_checked=False)
    pairs = (
        select(ev.c.category.label("category"), ev.c.person_id.label("person_id"), func.count().label("events"))
        .group_by(ev.c.category, ev.c.person_id)
        .subquery("service_pairs")
    )
    counted = c.counts(pairs.c.person_id)
    by_category = db.execute(
        select(pairs.c.category, func.sum(pairs.c.events), func.count(distinct(pairs.c.person_id)))
        .where(counted)
        .group_by(pairs.c.category)
        .order_by(pairs.c.category)
    ).all()
    voca = _voca_case(pairs.c.category)
    by_voca = dict(
        (str(v), (int(e), int(p)))
        for v, e, p in db.execute(
            select(voca, func.sum(pairs.c.events), func.count(distinct(pairs.c.person_id)))
            .where(counted)
            .group_by(voca)
        ).all()
    )
    cat_events = tuple(Part(str(k), category_title(str(k)), int(e)) for k, e, _p in by_category)
    cat_people = tuple(Part(str(k), category_title(str(k)), int(p)) for k, _e, p in by_category)
    voca_events = tuple(Part(k, t, by_voca.get(k, (0, 0))[0]) for k, t in VOCA_CATEGORIES.items())
    voca_people = tuple(Part(k, t, by_voca.get(k, (0, 0))[1]) for k, t in VOCA_CATEGORIES.items())
    return (
        Breakdown(N_("Service events by VOCA category"), voca_events),
        Breakdown(N_("People served by VOCA category (a person may be in several)"), voca_people, adds_up=False),
        Breakdown(N_("Service events by category"), cat_events),
        Breakdown(N_("People served by category (a person may be in several)"), cat_people, adds_up=False),
    ), ()


# 8. Follow-up timeliness ---------------------------------------------------------------------------------------------


def _followups_due(c: _Ctx) -> Sel:
    done_on = _first_event_on("follow_up_done")
    part = case(
        (done_on.is_(None), literal("not_done")),
        (done_on <= Referral.follow_up_due, literal("on_time")),
        else_=literal("late"),
    )
    return select(
        Referral.id.label("unit"),
        Referral.person_id.label("person_id"),
        part.label("part"),
        c.bucket(Referral.follow_up_due).label("q"),
    ).where(
        *c.live(Referral),
        # Not declined: accepted, still deciding or not now (or no decision recorded yet), as the follow-ups list.
        or_(Referral.decision.is_(None), Referral.decision != "declined"),
        c.in_period(Referral.follow_up_due),
    )


def _m8(c: _Ctx) -> _Sets:
    den = _followups_due(c)
    sq = den.subquery()
    num = select(sq.c.unit, sq.c.person_id, sq.c.q).where(sq.c.part == "on_time")
    return _Sets(num, den, den.selected_columns.part == "on_time")


def _m8_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    assert s.denominator is not None
    labels = (
        ("on_time", N_("Done on or before the due date")),
        ("late", N_("Done late")),
        ("not_done", N_("Not done yet")),
    )
    return (Breakdown(N_("Follow-ups falling due"), _parts(_group(db, s.denominator), labels)),), ()


# 9. Safety planning offered ------------------------------------------------------------------------------------------

PLAN_LABELS = (
    ("chosen", N_("Offered and accepted")),
    ("not_now", N_("Offered: not now")),
    ("declined", N_("Offered: declined")),
    ("no_answer", N_("Offered: choice not recorded")),
    ("not_offered", N_("Not offered in the period")),
)


def _identified_and_contacted(c: _Ctx) -> Sel:
    """People with a contact in the period who were identified by its end: the period's contacts give the people
    (and quarters), each person then checked once, not once per contact."""
    contacted = (
        select(Encounter.person_id.label("person_id"), c.ts_bucket(Encounter.occurred_at).label("q"))
        .where(*c.own(Encounter), *c.contacts(Encounter), *c.contact_in_period())
        .distinct()
        .subquery("contacted")
    )
    return select(
        contacted.c.person_id.label("unit"), contacted.c.person_id.label("person_id"), contacted.c.q.label("q")
    ).where(
        c.counts(contacted.c.person_id),
        c.identified_by(contacted.c.person_id, lambda day: c.by_end(day, contacted.c.q)),
    )


def _m9(c: _Ctx) -> _Sets:
    den = _identified_and_contacted(c)
    offered = exists().where(
        SafetyPlan.person_id == den.selected_columns.person_id,
        *c.own(SafetyPlan),
        c.in_period(SafetyPlan.offered_on),
        c.same_bucket(SafetyPlan.offered_on, den.selected_columns.q),
    )
    return _Sets(den.where(offered), den, offered)


def _m9_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    assert s.denominator is not None
    rank = case(
        (SafetyPlan.survivor_choice == "chosen", 4),
        (SafetyPlan.survivor_choice == "not_now", 3),
        (SafetyPlan.survivor_choice == "declined", 2),
        else_=1,
    )
    best = (
        select(SafetyPlan.person_id.label("person_id"), func.max(rank).label("rank"))
        .where(*c.live(SafetyPlan), c.in_period(SafetyPlan.offered_on))
        .group_by(SafetyPlan.person_id)
        .subquery("plan_choice")
    )
    den = s.denominator.subquery("den")
    part = case(
        (best.c.rank == 4, "chosen"),
        (best.c.rank == 3, "not_now"),
        (best.c.rank == 2, "declined"),
        (best.c.rank == 1, "no_answer"),
        else_="not_offered",
    )
    sel = select(den.c.unit, part.label("part")).select_from(den).outerjoin(best, best.c.person_id == den.c.unit)
    return (Breakdown(N_("The person's choice"), _parts(_group(db, sel), PLAN_LABELS)),), ()


# 10. Consent coverage ---------------------------------------------------------------------------------------------


def _m10(c: _Ctx) -> _Sets:
    den = select(
        Disclosure.id.label("unit"),
        Disclosure.person_id.label("person_id"),
        c.bucket(Disclosure.disclosed_on).label("q"),
    ).where(*c.live(Disclosure), c.in_period(Disclosure.disclosed_on), Disclosure.allowed.is_not(False))
    provider_name = select(Provider.name).where(Provider.id == Consent.recipient_provider_id).scalar_subquery()
    recipient = func.lower(func.trim(Disclosure.recipient))
    backed = exists().where(
        Consent.id == Disclosure.consent_id,
        Consent.deleted.is_(False),
        Consent.person_id == Disclosure.person_id,
        Consent.starts_on <= Disclosure.disclosed_on,
        Consent.expires_on >= Disclosure.disclosed_on,
        or_(Consent.revoked_on.is_(None), Consent.revoked_on > Disclosure.disclosed_on),
        or_(func.lower(func.trim(Consent.recipient)) == recipient, func.lower(func.trim(provider_name)) == recipient),
    )
    num = den.where(backed, Disclosure.override_reason.is_(None))  # an override is a miss, whatever its release
    uncovered = _uncovered_disclosures(c)
    if uncovered:
        num = num.where(Disclosure.id.not_in(uncovered))
    return _Sets(num, den)


def _uncovered_disclosures(c: _Ctx) -> list[str]:
    """The period's disclosures holding a kind of information their release does not cover.

    Read in Python with the same rule the office server grants shares by (``within_covered``: every line of the
    facts names a kind the release's "information covered" lists), so the measure and the grant never disagree.
    """
    if c.db is None:
        raise RuntimeError("consent coverage needs the database")
    rows = c.db.execute(
        select(Disclosure.id, Disclosure.facts, Consent.data_covered)
        .join(Consent, Consent.id == Disclosure.consent_id)
        .where(*c.live(Disclosure), c.in_period(Disclosure.disclosed_on), Disclosure.allowed.is_not(False))
    ).all()
    return [str(d_id) for d_id, facts, covered in rows if not within_covered(facts, covered)]


def _m10_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    assert s.denominator is not None
    backed = _count(db, s.numerator)
    total = _count(db, s.denominator)
    blocked = _count(
        db,
        select(Disclosure.id.label("unit")).where(
            *c.live(Disclosure), c.in_period(Disclosure.disclosed_on), Disclosure.allowed.is_(False)
        ),
    )
    parts = (
        Part("backed", N_("Backed by a valid, in-scope release"), backed),
        Part("incident", N_("Without one (each is an incident to review)"), total - backed),
    )
    stopped = (Part("blocked", N_("Stopped by the app before anything left (not counted above)"), blocked),)
    return (Breakdown(N_("Disclosures"), parts), Breakdown(N_("Stopped"), stopped, adds_up=False)), ()


# 11. Record-relief review ------------------------------------------------------------------------------------------


def _m11(c: _Ctx) -> _Sets:
    den = _identified_and_contacted(c)
    pid = den.selected_columns.person_id
    # Each looked up by the person (their own few records), never by listing every person with a record.
    with_record = or_(
        exists().where(ReliefCharge.person_id == pid, *c.own(ReliefCharge)),
        exists().where(JusticeContact.person_id == pid, *c.own(JusticeContact), JusticeContact.role == "defendant"),
    )
    den = den.where(with_record)
    reviewed = exists().where(
        ReliefCase.person_id == pid,
        *c.own(ReliefCase),
        c.by_end(ReliefCase.eligibility_review_done_on, den.selected_columns.q),
    )
    return _Sets(den.where(reviewed), den, reviewed)


# 12. Petitions and outcomes ------------------------------------------------------------------------------------------

RELIEF_LABELS = (
    ("vacatur", N_("Vacatur")),
    ("expungement", N_("Expungement")),
    ("sealing", N_("Sealing")),
    ("other", N_("Other relief")),
)
GRANTED = ("granted", "partly_granted")


def _m12(c: _Ctx) -> _Sets:
    den = select(
        ReliefCharge.id.label("unit"),
        ReliefCharge.person_id.label("person_id"),
        func.coalesce(ReliefCharge.relief_sought, "other").label("part"),
        ReliefCharge.outcome.label("outcome"),
        c.bucket(ReliefCharge.decided_on).label("q"),
    ).where(
        *c.live(ReliefCharge),
        c.in_period(ReliefCharge.decided_on),
        ReliefCharge.outcome.in_(("granted", "partly_granted", "denied")),
    )
    return _Sets(den.where(ReliefCharge.outcome.in_(GRANTED)), den)


def _m12_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    assert s.denominator is not None
    filed = _count(
        db, select(ReliefPetition.id.label("unit")).where(*c.live(ReliefPetition), c.in_period(ReliefPetition.filed_on))
    )
    by_type = _parts(_group(db, s.numerator), RELIEF_LABELS)
    dsq = s.denominator.subquery()
    outcome = _group(db, select(dsq.c.unit, dsq.c.outcome.label("part")))
    outcomes = (
        Part("granted", N_("Granted in full"), outcome.get("granted", 0)),
        Part("partly_granted", N_("Granted in part"), outcome.get("partly_granted", 0)),
        Part("denied", N_("Denied"), outcome.get("denied", 0)),
    )
    days = (_day(ReliefPetition.decided_on) - _day(ReliefPetition.filed_on)).label("days")
    sel = select(days).where(
        *c.live(ReliefPetition),
        c.in_period(ReliefPetition.decided_on),
        ReliefPetition.filed_on.is_not(None),
        days >= 0,
    )
    median, n = _median(db, sel)
    return (
        Breakdown(N_("Petitions filed in the period"), (Part("filed", N_("Petitions filed"), filed),), adds_up=False),
        Breakdown(N_("Charges decided"), outcomes),
        Breakdown(N_("Charges granted relief, by kind of relief"), by_type),
    ), (Figure(N_("Median days from filing to decision"), median, N_("days"), n),)


# 13. Persons relieved ---------------------------------------------------------------------------------------------


def _m13(c: _Ctx) -> _Sets:
    relieved = select(
        ReliefCharge.person_id.label("unit"),
        ReliefCharge.person_id.label("person_id"),
        c.bucket(ReliefCharge.decided_on).label("q"),
    ).where(*c.live(ReliefCharge), c.in_period(ReliefCharge.decided_on), ReliefCharge.outcome.in_(GRANTED))
    return _Sets(relieved, None)


def _m13_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    inner = s.numerator.subquery()
    rc2 = ReliefCharge.__table__.alias("rc_other")
    not_all = exists().where(
        rc2.c.person_id == inner.c.person_id,
        rc2.c.deleted.is_(False),
        rc2.c.eligibility == "eligible",
        or_(rc2.c.outcome.is_(None), rc2.c.outcome != "granted", rc2.c.decided_on.is_(None), rc2.c.decided_on > c.end),
    )
    sel = select(inner.c.unit, case((not_all, "some_to_go"), else_="all").label("part"))
    labels = (
        ("all", N_("Every eligible charge relieved in full")),
        ("some_to_go", N_("Some eligible charges not yet relieved in full")),
    )
    return (Breakdown(N_("How much of the record"), _parts(_group(db, sel), labels)),), ()


# 14. Identified-defendant dispositions --------------------------------------------------------------------------------

DISPOSITION_LABELS = (
    ("dismissed", N_("Dismissed")),
    ("declined", N_("Declined to prosecute")),
    ("diverted", N_("Diverted")),
    ("acquitted", N_("Acquitted")),
    ("other_non_conviction", N_("Other non-conviction outcome")),
    ("convicted", N_("Convicted")),
)


#: A prosecutor's charging decision that ends a matter, as the disposition it amounts to.
DECISION_DISPOSITIONS = (("decline", "declined"), ("dismiss", "dismissed"), ("divert", "diverted"))
INFORMED_LABELS = (
    ("informed", N_("Informed by an identification made on or before the decision")),
    ("not_informed", N_("Not linked to an identification made before it")),
)


def _latest_charging_decisions(c: _Ctx) -> FromClause:
    """Each matter's charging decision in force: its latest, by day, then by when it was recorded (a later
    decision replaces an earlier one, as a revision does).

    Only the matters with a decision in the period are ranked (read by the date index): a matter without one cannot
    have its decision in force made in the period, which is all measure 14 asks of it.
    """
    candidate: Any = aliased(ChargingDecision, name="charging_decision_in_period")
    in_period = select(candidate.justice_contact_id).where(
        candidate.deleted.is_(False), c.in_period(candidate.decided_on)
    )
    ranked = select(
        ChargingDecision.justice_contact_id.label("matter_id"),
        ChargingDecision.decision.label("decision"),
        ChargingDecision.decided_on.label("decided_on"),
        func.row_number()
        .over(
            partition_by=ChargingDecision.justice_contact_id,
            order_by=(
                ChargingDecision.decided_on.desc(),
                ChargingDecision.created_at.desc(),
                ChargingDecision.id.desc(),
            ),
        )
        .label("rn"),
    ).where(*c.live(ChargingDecision), ChargingDecision.justice_contact_id.in_(in_period))
    inner = ranked.subquery("ranked_charging_decision")
    return (
        select(inner.c.matter_id, inner.c.decision, inner.c.decided_on)
        .where(inner.c.rn == 1)
        .subquery("charging_decision_in_force")
    )


def _m14_disposed(c: _Ctx, *, non_conviction: bool) -> Sel:
    """Matters disposed in the period with an identified defendant, one row each: by the court's outcome when one
    is recorded (not pending), else by the prosecutor's charging decision in force when it ends the matter
    (declined, dismissed or diverted) on the day it was made. The identification is the one in force that day."""
    defendant = [*c.live(JusticeContact), JusticeContact.role == "defendant"]
    court = select(
        JusticeContact.id.label("unit"),
        JusticeContact.person_id.label("person_id"),
        JusticeContact.disposition.label("part"),
        c.bucket(JusticeContact.disposition_date).label("q"),
    ).where(
        *defendant,
        JusticeContact.disposition.is_not(None),
        JusticeContact.disposition != "pending",
        c.in_period(JusticeContact.disposition_date),
        c.identified_by(JusticeContact.person_id, lambda day: day <= JusticeContact.disposition_date),
    )
    latest = _latest_charging_decisions(c)
    as_disposition = case(*((latest.c.decision == k, literal(v)) for k, v in DECISION_DISPOSITIONS))
    decided = (
        select(
            JusticeContact.id.label("unit"),
            JusticeContact.person_id.label("person_id"),
            as_disposition.label("part"),
            c.bucket(latest.c.decided_on).label("q"),
        )
        .join(latest, latest.c.matter_id == JusticeContact.id)
        .where(
            *defendant,
            or_(JusticeContact.disposition.is_(None), JusticeContact.disposition == "pending"),
            latest.c.decision.in_([k for k, _v in DECISION_DISPOSITIONS]),
            c.in_period(latest.c.decided_on),
            c.identified_by(JusticeContact.person_id, lambda day: day <= latest.c.decided_on),
        )
    )
    if non_conviction:
        court = court.where(JusticeContact.disposition != "convicted")
    return court.union_all(decided)


def _m14(c: _Ctx) -> _Sets:
    return _Sets(_m14_disposed(c, non_conviction=True), _m14_disposed(c, non_conviction=False))


def _informed_decisions(c: _Ctx) -> Sel:
    """Charging decisions made in the period about a defendant identified on the decision's day: informed when the
    decision links an identification ("identified") made on or before it (linked, never copied)."""
    linked: Any = aliased(IdentificationDecision, name="linked_identification")
    informed = exists().where(
        linked.id == ChargingDecision.identification_decision_id,
        linked.deleted.is_(False),
        linked.status == "identified",
        linked.decided_on <= ChargingDecision.decided_on,
    )
    return (
        select(
            ChargingDecision.id.label("unit"),
            ChargingDecision.person_id.label("person_id"),
            case((informed, literal("informed")), else_=literal("not_informed")).label("part"),
            c.bucket(ChargingDecision.decided_on).label("q"),
        )
        .join(JusticeContact, JusticeContact.id == ChargingDecision.justice_contact_id)
        .where(
            *c.live(ChargingDecision),
            *c.own(JusticeContact),
            JusticeContact.role == "defendant",
            c.in_period(ChargingDecision.decided_on),
            c.identified_by(ChargingDecision.person_id, lambda day: day <= ChargingDecision.decided_on),
        )
    )


def _m14_details(db: Db, c: _Ctx, s: _Sets) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    assert s.denominator is not None
    return (
        Breakdown(N_("Dispositions"), _parts(_group(db, s.denominator), DISPOSITION_LABELS)),
        Breakdown(
            N_("Charging decisions in the period about identified defendants"),
            _parts(_group(db, _informed_decisions(c)), INFORMED_LABELS),
        ),
    ), ()


# --- the catalogue -------------------------------------------------------------------------------------------------

MEASURES: tuple[MeasureDef, ...] = (
    MeasureDef(
        1,
        N_("Screening reach"),
        N_(
            "Of the people whose first contact with the office falls in the period, how many had a complete or "
            "partial screening within {days} days of that first contact. A screening the person chose to stop early "
            "is not counted. Screenings by tool are shown alongside. Provisional until the last window has closed."
        ),
        N_("people"),
        "rate",
        True,
        _m1,
        _m1_details,
    ),
    MeasureDef(
        2,
        N_("Newly identified"),
        N_(
            "People whose first identification decision (made by a named person on the team, never by the app) falls "
            "in the period, by their role in a justice-system matter and by type. A person with several roles is "
            "counted once, under the first that applies: defendant, complainant, witness, other."
        ),
        N_("people"),
        "count",
        False,
        _m2,
        _m2_details,
    ),
    MeasureDef(
        3,
        N_("Referrals offered after identification"),
        N_(
            "Of the people newly identified in the period, how many were offered at least one referral within "
            "{days} days of being identified. Provisional until the last window has closed."
        ),
        N_("people"),
        "rate",
        True,
        _m3,
    ),
    MeasureDef(
        4,
        N_("Referrals accepted"),
        N_(
            "Of the referrals offered in the period, how many the person accepted. Declining, or not now, is the "
            "person's choice and is shown as such, never as a failure."
        ),
        N_("referrals"),
        "rate",
        False,
        _m4,
        _m4_details,
        about_people=False,
    ),
    MeasureDef(
        5,
        N_("Connected to services"),
        N_(
            "Of the referrals offered in the period that the person accepted, how many had a first service "
            "confirmed within {days} days of the offer. The median days to a first service are shown alongside. "
            "Provisional until the last window has closed."
        ),
        N_("referrals"),
        "rate",
        True,
        _m5,
        _m5_details,
        about_people=False,
    ),
    MeasureDef(
        6,
        N_("People served"),
        N_(
            "People with at least one service event in the period: a contact with the office, or a first service "
            "confirmed by a partner. New means their first service event in this federal fiscal year; continuing "
            "means they were served earlier in the same fiscal year."
        ),
        N_("people"),
        "count",
        False,
        _m6,
        _m6_details,
    ),
    MeasureDef(
        7,
        N_("Services by category"),
        N_(
            "Service events in the period and the people they reached, by category and by VOCA category. A court "
            "contact counts as court accompaniment and any other contact as case management and advocacy; a "
            "partner's confirmed first service counts under the referral's category."
        ),
        N_("people"),
        "count",
        False,
        _m7,
        _m7_details,
    ),
    MeasureDef(
        8,
        N_("Follow-ups on time"),
        N_(
            "Of the referral follow-ups falling due in the period, how many were done on or before the due date. "
            "Every follow-up counts unless the person declined the referral: accepted, still deciding and not now "
            "alike, the same ones the follow-ups list shows."
        ),
        N_("follow-ups"),
        "rate",
        False,
        _m8,
        _m8_details,
        about_people=False,
    ),
    MeasureDef(
        9,
        N_("Safety planning offered"),
        N_(
            "Of the identified people with at least one contact in the period, how many were offered safety "
            "planning in the period. Accepting, not now and declining are shown separately."
        ),
        N_("people"),
        "rate",
        False,
        _m9,
        _m9_details,
    ),
    MeasureDef(
        10,
        N_("Consent behind every disclosure"),
        N_(
            "Of the disclosures in the period (identifying information that left its confidentiality regime by sync, "
            "export or share), how many were backed by a release of the same person, for the same recipient, started "
            "and not ended or withdrawn on the day. The target is every one; each miss is an incident to review. "
            "Shares the app stopped are shown alongside."
        ),
        N_("disclosures"),
        "rate",
        False,
        _m10,
        _m10_details,
        about_people=False,
    ),
    MeasureDef(
        11,
        N_("Record-relief reviews done"),
        N_(
            "Of the identified people with a known arrest or conviction and at least one contact in the period, how "
            "many have an eligibility review completed by the end of the period."
        ),
        N_("people"),
        "rate",
        False,
        _m11,
    ),
    MeasureDef(
        12,
        N_("Petitions and outcomes"),
        N_(
            "Charges granted relief in the period out of charges decided in the period (a charge granted in part "
            "counts as granted, and is shown apart). Petitions filed, relief by kind, and the median days from "
            "filing to decision are shown alongside."
        ),
        N_("charges"),
        "rate",
        False,
        _m12,
        _m12_details,
        about_people=False,
    ),
    MeasureDef(
        13,
        N_("People granted record relief"),
        N_(
            "People with at least one charge granted relief (in full or in part) in the period, and how many of them "
            "have every eligible charge relieved in full by the end of the period."
        ),
        N_("people"),
        "count",
        False,
        _m13,
        _m13_details,
    ),
    MeasureDef(
        14,
        N_("Non-conviction outcomes for identified defendants"),
        N_(
            "Of the cases disposed in the period where a person identified on or before the disposition was the "
            "defendant, how many ended without a conviction: dismissed, declined, diverted, acquitted or another "
            "non-conviction outcome. Where no court outcome is recorded, the prosecutor's charging decision in force "
            "counts when it declines, dismisses or diverts the case, on the day it was made. Alongside: how many "
            "charging decisions about identified defendants were informed by an identification made before them."
        ),
        N_("cases"),
        "rate",
        False,
        _m14,
        _m14_details,
        about_people=False,
    ),
)


def measure_title(number: int) -> str:
    """Measure ``number``'s name in the app's language."""
    return _(_definition(number).title)


def measure_definition(number: int) -> str:
    """What measure ``number`` counts, in the app's language."""
    return _(_definition(number).definition).format(days=WINDOW_DAYS)


def measure_unit(number: int) -> str:
    """What measure ``number`` counts ("people", "referrals"...), in the app's language."""
    return _(_definition(number).unit)


def _definition(number: int) -> MeasureDef:
    for m in MEASURES:
        if m.number == number:
            return m
    raise ValidationError(f"There is no measure number {number}; they are numbered 1 to 14.", field="measure")


# --- computing ----------------------------------------------------------------------------------------------------


def _today(scope: Scope) -> dt.date:
    """Today, for what is still provisional: the office's day when its zone is known, else this computer's."""
    return dt.date.today() if scope.time_zone is None else office_today(scope.time_zone)


def _provisional(m: MeasureDef, end: dt.date, as_of: dt.date) -> str | None:
    if as_of <= end:
        return _("The period is not over yet, so this may still change.")
    if m.windowed:
        closes = end + dt.timedelta(days=WINDOW_DAYS)
        if as_of <= closes:
            return _("The {days}-day window closes on {day}, so this may still rise.").format(
                days=WINDOW_DAYS, day=short_date(closes)
            )
    return None


def compute_measure(
    db: Db,
    number: int,
    period: Period,
    *,
    scope: Scope | None = None,
    as_of: dt.date | None = None,
    detail: bool = True,
    memo: Memo | None = None,
) -> MeasureResult:
    """One measure for one period. ``memo`` keeps counts for the next measure of the same load (a dict the caller
    makes for one compute, or one dashboard load, and then drops): some are the same count."""
    m = _definition(number)
    scope = scope or Scope()
    c = _Ctx(period, scope, as_of or _today(scope), db=db)
    sets = m.sets(c)
    denominator: int | None
    if sets.hit is not None and sets.denominator is not None:
        numerator, denominator = _count_both(db, sets.denominator, sets.hit, memo)
    else:
        numerator = _count(db, sets.numerator, memo=memo)
        denominator = None if sets.denominator is None else _count(db, sets.denominator, memo=memo)
    breakdowns: tuple[Breakdown, ...] = ()
    figures: tuple[Figure, ...] = ()
    if detail and m.details is not None:
        breakdowns, figures = m.details(db, c, sets)
    reason = _provisional(m, c.end, c.as_of)
    return MeasureResult(
        number=m.number,
        title=m.title,
        definition=m.definition.format(days=WINDOW_DAYS),
        unit=m.unit,
        kind=m.kind,
        numerator=numerator,
        denominator=denominator,
        provisional=reason is not None,
        provisional_reason=reason,
        breakdowns=breakdowns,
        figures=figures,
    )


def measure_details(
    db: Db, number: int, period: Period, *, scope: Scope | None = None, as_of: dt.date | None = None
) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    """A measure's breakdowns and figures alone: what ``compute_measure`` adds to the headline numbers with
    ``detail``, for a caller that already has those numbers (the dashboard shows them first)."""
    m = _definition(number)
    if m.details is None:
        return (), ()
    scope = scope or Scope()
    c = _Ctx(period, scope, as_of or _today(scope), db=db)
    return m.details(db, c, m.sets(c))


def compute(
    db: Db,
    period: Period,
    *,
    scope: Scope | None = None,
    as_of: dt.date | None = None,
    detail: bool = True,
    numbers: Sequence[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> MeasureReport:
    """All 14 measures (or ``numbers``) for one period."""
    scope = scope or Scope()
    as_of = as_of or _today(scope)
    wanted = list(numbers) if numbers is not None else [m.number for m in MEASURES]
    out = []
    memo: Memo = {}
    for i, number in enumerate(wanted):
        out.append(compute_measure(db, number, period, scope=scope, as_of=as_of, detail=detail, memo=memo))
        if progress is not None:
            progress(i + 1, len(wanted))
    return MeasureReport(period=period, as_of=as_of, include_demo=scope.include_demo, measures=tuple(out))


def trend(
    db: Db,
    periods: Sequence[Period],
    *,
    scope: Scope | None = None,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[MeasureReport]:
    """The headline numbers (no breakdowns) of every measure for each period, oldest first.

    Consecutive fiscal quarters (the dashboard's and the report's trend) are counted in one grouped pass per
    measure; other periods one at a time. ``progress`` gets (done, total) in steps of either kind.
    """
    if len(periods) > 1 and _consecutive_quarters(periods):
        scope = scope or Scope()
        return _grouped_trend(db, periods, scope=scope, as_of=as_of or _today(scope), progress=progress)
    out = []
    for i, period in enumerate(periods):
        out.append(compute(db, period, scope=scope, as_of=as_of, detail=False))
        if progress is not None:
            progress(i + 1, len(periods))
    return out


def _consecutive_quarters(periods: Sequence[Period]) -> bool:
    return all(p.quarter is not None for p in periods) and all(
        later.previous() == earlier for earlier, later in itertools.pairwise(periods)
    )


def _count_by(db: Db, sel: Sel) -> dict[int, int]:
    """Distinct units in each bucket ``q`` of a measure's select."""
    sq = sel.subquery()
    rows = db.execute(select(sq.c.q, func.count(distinct(sq.c.unit))).group_by(sq.c.q)).all()
    return {int(q): int(n) for q, n in rows if q is not None}


def _grouped_trend(
    db: Db,
    quarters: Sequence[Period],
    *,
    scope: Scope,
    as_of: dt.date,
    progress: Callable[[int, int], None] | None,
) -> list[MeasureReport]:
    c = _Ctx(quarters[-1], scope, as_of, quarters=quarters, db=db)
    keys = [quarter_key(q) for q in quarters]
    results: dict[int, list[MeasureResult]] = {k: [] for k in keys}
    for i, m in enumerate(MEASURES):
        sets = m.sets(c)
        numerators = _count_by(db, sets.numerator)
        denominators = None if sets.denominator is None else _count_by(db, sets.denominator)
        for quarter, key in zip(quarters, keys, strict=True):
            reason = _provisional(m, quarter.end, as_of)
            results[key].append(
                MeasureResult(
                    number=m.number,
                    title=m.title,
                    definition=m.definition.format(days=WINDOW_DAYS),
                    unit=m.unit,
                    kind=m.kind,
                    numerator=numerators.get(key, 0),
                    denominator=None if denominators is None else denominators.get(key, 0),
                    provisional=reason is not None,
                    provisional_reason=reason,
                )
            )
        if progress is not None:
            progress(i + 1, len(MEASURES))
    return [
        MeasureReport(period=q, as_of=as_of, include_demo=scope.include_demo, measures=tuple(results[k]))
        for q, k in zip(quarters, keys, strict=True)
    ]


def people_behind(
    db: Db,
    number: int,
    period: Period,
    *,
    viewer: Viewer,
    which: str = "numerator",
    scope: Scope | None = None,
    as_of: dt.date | None = None,
) -> list[str]:
    """The ids of the people behind a measure's numerator or denominator, for a viewer allowed to see them.

    Only ids come back: the caller reads the people through its own access rules (the vault holds only the
    user's caseload; the server applies ``visible_to``).
    """
    if not may_drill_down(viewer):
        raise DrillDownNotAllowed(
            "Your role sees these measures as totals only, so the people behind them are not listed.",
            field="measure",
        )
    m = _definition(number)
    scope = scope or Scope()
    c = _Ctx(period, scope, as_of or _today(scope), db=db)
    sets = m.sets(c)
    sel = sets.numerator if which == "numerator" else sets.denominator
    if sel is None:
        raise ValidationError("This measure is a count; there is no denominator to list.", field="which")
    sq = sel.subquery()
    return [str(r) for r in db.execute(select(sq.c.person_id).distinct().order_by(sq.c.person_id)).scalars()]


# --- on the device -------------------------------------------------------------------------------------------------


def vault_scope(s: Session, *, include_demo: bool = False) -> Scope:
    """The vault's scope: everything in it, its days counted in the time zone the office sent (kept in the vault).

    A vault never enrolled, or an office that set no zone, counts in UTC, as the office server does for it.
    """
    policy = office_policy.stored(s)
    return Scope(include_demo=include_demo, time_zone=None if policy is None else policy.time_zone)


@dataclass(frozen=True)
class CaseloadMeasures:
    """What the dashboard shows: the chosen period in full, and the headline numbers of the eight quarters to it."""

    report: MeasureReport
    series: tuple[MeasureReport, ...]


def caseload_measures(
    ws: Workspace,
    period: Period,
    *,
    include_demo: bool = False,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> CaseloadMeasures:
    """The measures over this vault: on a device, the vault holds the user's own caseload."""
    from app.reports.periods import trailing_quarters

    quarters = trailing_quarters(period, 8) if period.quarter is not None else [period]
    earlier = quarters[:-1]
    steps = len(MEASURES) if len(earlier) > 1 and _consecutive_quarters(earlier) else len(earlier)
    total = len(MEASURES) + steps
    with ws.session() as s:
        scope = vault_scope(s, include_demo=include_demo)
        report = compute(
            s, period, scope=scope, as_of=as_of, progress=None if progress is None else lambda d, _t: progress(d, total)
        )
        # The chosen period is the last of the trend: its headline numbers are already worked out.
        series = trend(
            s,
            earlier,
            scope=scope,
            as_of=as_of,
            progress=None if progress is None else lambda d, _t: progress(len(MEASURES) + d, total),
        )
    headline = dataclasses.replace(
        report, measures=tuple(dataclasses.replace(m, breakdowns=(), figures=()) for m in report.measures)
    )
    if progress is not None:
        progress(total, total)
    return CaseloadMeasures(report, (*series, headline))


def caseload_headline(
    ws: Workspace, period: Period, *, include_demo: bool = False, as_of: dt.date | None = None
) -> CaseloadMeasures:
    """The chosen period alone, in full: what the dashboard shows first, before the trend arrives."""
    with ws.session() as s:
        report = compute(s, period, scope=vault_scope(s, include_demo=include_demo), as_of=as_of)
    return CaseloadMeasures(report, (_headline_only(report),))


def caseload_trend(
    ws: Workspace, headline: CaseloadMeasures, *, include_demo: bool = False, as_of: dt.date | None = None
) -> CaseloadMeasures:
    """The seven quarters before the chosen one added to ``headline``: the same numbers as
    :func:`caseload_measures`, in a second step so the dashboard can show the chosen quarter at once."""
    from app.reports.periods import trailing_quarters

    period = headline.report.period
    if period.quarter is None:
        return headline
    with ws.session() as s:
        scope = vault_scope(s, include_demo=include_demo)
        series = trend(s, trailing_quarters(period, 8)[:-1], scope=scope, as_of=as_of)
    return CaseloadMeasures(headline.report, (*series, *headline.series))


def caseload_measure(
    ws: Workspace,
    number: int,
    period: Period,
    *,
    include_demo: bool = False,
    as_of: dt.date | None = None,
    detail: bool = False,
    memo: Memo | None = None,
) -> MeasureResult:
    """One measure over this vault (its headline numbers; with ``detail``, its breakdowns too): the dashboard asks
    for each on its own, so each number shows as soon as it is worked out, with one ``memo`` for one load."""
    with ws.session() as s:
        scope = vault_scope(s, include_demo=include_demo)
        return compute_measure(s, number, period, scope=scope, as_of=as_of, detail=detail, memo=memo)


def caseload_details(
    ws: Workspace, number: int, period: Period, *, include_demo: bool = False, as_of: dt.date | None = None
) -> tuple[tuple[Breakdown, ...], tuple[Figure, ...]]:
    """One measure's breakdowns and figures over this vault, after its headline numbers (:func:`measure_details`)."""
    with ws.session() as s:
        scope = vault_scope(s, include_demo=include_demo)
        return measure_details(s, number, period, scope=scope, as_of=as_of)


def caseload_earlier_quarters(
    ws: Workspace, period: Period, *, include_demo: bool = False, as_of: dt.date | None = None
) -> tuple[MeasureReport, ...]:
    """The headline numbers of the seven quarters before ``period``, oldest first (none for a custom period): with
    the chosen quarter's own, the dashboard's eight-quarter trend."""
    from app.reports.periods import trailing_quarters

    if period.quarter is None:
        return ()
    with ws.session() as s:
        scope = vault_scope(s, include_demo=include_demo)
        return tuple(trend(s, trailing_quarters(period, 8)[:-1], scope=scope, as_of=as_of))


def _headline_only(report: MeasureReport) -> MeasureReport:
    return dataclasses.replace(
        report, measures=tuple(dataclasses.replace(m, breakdowns=(), figures=()) for m in report.measures)
    )


def only_demo_people(ws: Workspace) -> bool:
    """True when the vault holds people and every one of them is a demo person (a practice vault): there the
    dashboard counts demo records by default, since nothing else could give it a number."""
    with ws.session() as s:
        # Read the table straight through: on a practice vault no row matches, and the caseload index (by
        # ``deleted``) would look every person up one by one (ten times slower at 100,000 people).
        real = s.scalar(
            select(Person.id)
            .where(_NoIndex(Person.deleted).is_(False), or_(Person.is_demo.is_(None), Person.is_demo.is_(False)))
            .limit(1)
        )
        if real is not None:
            return False
        demo = s.scalar(select(Person.id).where(Person.deleted.is_(False), Person.is_demo.is_(True)).limit(1))
        return demo is not None


def people_behind_in_caseload(
    ws: Workspace, number: int, period: Period, *, include_demo: bool = False, as_of: dt.date | None = None
) -> list[tuple[str, str]]:
    """(id, preferred name) of the people behind a measure, for the vault's own user (their caseload)."""
    with ws.session() as s:
        scope = vault_scope(s, include_demo=include_demo)
        ids = people_behind(s, number, period, viewer=Viewer.OWN_CASELOAD, scope=scope, as_of=as_of)
        if not ids:
            return []
        rows = s.execute(
            select(Person.id, Person.preferred_name).where(Person.id.in_(ids)).order_by(Person.preferred_name)
        ).all()
    return [(str(i), str(n)) for i, n in rows]
