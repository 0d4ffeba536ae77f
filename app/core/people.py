"""Finding people: full-text search over preferred names, legal names and aliases (FTS5), filters, caseload pages.

The caseload must stay smooth at 100,000 people: the unfiltered list is read in index order
(``ix_person_caseload``) and paged by key (the last row's name and id), never by OFFSET; a search ranks FTS hits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Float,
    Integer,
    and_,
    case,
    column,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
    tuple_,
)

from app.core.certifications import USCIS_ACCEPTS_MONTHS, add_months
from app.models import CertificationRequest, OutboxEntry, Person, Referral, ReliefDeadline

if TYPE_CHECKING:
    from app.core.workspace import Workspace

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(typed: str) -> str | None:
    """Search-as-you-type: every word the person typed must start a word of a name or alias."""
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:8])


def name_tier(typed: str) -> Any:
    """How well the preferred name answers a search, best first (0 to 4), for ranking before full-text rank.

    0: the preferred name is what was typed ("Rosa"); 1: it starts with it as whole words ("Rosa Example");
    2: it starts with it ("Rosarumbrel"); 3: every word typed starts a word of it ("Mira Rosa"); 4: only another
    name (a legal name or alias) matched. Full-text rank alone put a short exact name after long near-misses.
    """
    words = [w.lower() for w in _WORD.findall(typed)][:8]
    phrase = " ".join(words)
    name = func.lower(func.trim(Person.preferred_name))
    spaced: Any = literal_column("' '") + name
    if not words:
        return literal(0)  # a constant (a bare 0 in ORDER BY would mean "column 0")
    return case(
        (name == phrase, 0),
        (func.substr(name, 1, len(phrase) + 1) == phrase + " ", 1),
        (func.substr(name, 1, len(phrase)) == phrase, 2),
        (and_(*(func.instr(spaced, " " + w) > 0 for w in words)), 3),
        else_=4,
    )


@dataclass(frozen=True)
class CaseloadFilter:
    """The caseload's filters; all off shows everyone on this computer."""

    mine: bool = False
    follow_up_due: bool = False
    deadline_this_week: bool = False
    unsynced: bool = False
    #: Defendant on a matter with a charge the office's rules list, and no screening since its arrest
    #: (``app.core.screening_prompts``: the same rule as the prompt, dismissals aside).
    charged_not_screened: bool = False

    @property
    def any(self) -> bool:
        return (
            self.mine or self.follow_up_due or self.deadline_this_week or self.unsynced or self.charged_not_screened
        )


def signed_between(first: dt.date, last: dt.date, months: int) -> tuple[dt.date, dt.date]:
    """The signing days whose USCIS window (``app.core.certifications``: up to the day before the ``months``
    anniversary) ends from ``first`` to ``last``. An interval, since adding months never goes backwards; when it is
    empty the start is after the end."""
    start, end = add_months(first, -months) - dt.timedelta(days=4), add_months(last, -months) + dt.timedelta(days=4)
    days = [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]
    inside = [d for d in days if first <= add_months(d, months) - dt.timedelta(days=1) <= last]
    return (inside[0], inside[-1]) if inside else (dt.date.max, dt.date.min)


@dataclass(frozen=True)
class PersonRow:
    """One line of a caseload: what the list shows, nothing more."""

    id: str
    preferred_name: str
    pronouns: str | None
    languages: list[str]
    regime: str
    edited_hlc: str
    unsynced: bool

    @property
    def sort_key(self) -> tuple[str, str]:
        """Where this row sits in the default order; pass it as ``after`` to read the next page."""
        return (self.preferred_name.lower(), self.id)


class PeopleService:
    def __init__(self, workspace: Workspace, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.ws = workspace
        self._today = today

    # --- the pieces of a caseload query ----------------------------------------------------------------------

    def _unsynced_clause(self) -> Any:
        return exists().where(OutboxEntry.person_id == Person.id, OutboxEntry.sent_at.is_(None))

    def _filter_clauses(self, filters: CaseloadFilter) -> list[Any]:
        today = self._today()
        clauses: list[Any] = [Person.deleted.is_(False)]
        if filters.mine:
            clauses.append(Person.owner_user_id == self.ws.identity.user_id)
        if filters.follow_up_due:
            clauses.append(
                exists().where(
                    Referral.person_id == Person.id,
                    Referral.deleted.is_(False),
                    Referral.follow_up_due.is_not(None),
                    Referral.follow_up_due <= today,
                    or_(Referral.outcome.is_(None), Referral.outcome == "open"),
                    or_(Referral.decision.is_(None), Referral.decision.in_(("accepted", "pending", "not_now"))),
                )
            )
        if filters.deadline_this_week:
            week_end = today + dt.timedelta(days=7)
            clauses.append(
                or_(
                    exists().where(
                        ReliefDeadline.person_id == Person.id,
                        ReliefDeadline.deleted.is_(False),
                        ReliefDeadline.done_on.is_(None),
                        ReliefDeadline.due_on >= today,
                        ReliefDeadline.due_on <= week_end,
                    ),
                    # A certification request still to decide, due this week (the office's own deadline)...
                    exists().where(
                        CertificationRequest.person_id == Person.id,
                        CertificationRequest.deleted.is_(False),
                        CertificationRequest.decision.is_(None),
                        CertificationRequest.due_on >= today,
                        CertificationRequest.due_on <= week_end,
                    ),
                    # ... or a signed one whose window with USCIS ends this week (only forms that have one).
                    *(self._window_ends(form, n, today, week_end) for form, n in USCIS_ACCEPTS_MONTHS.items()),
                )
            )
        if filters.charged_not_screened:
            from app.core.screening_prompts import ChargeRulesLibrary, charged_not_screened

            clauses.append(charged_not_screened(ChargeRulesLibrary(self.ws).in_force()))
        if filters.unsynced:
            clauses.append(self._unsynced_clause())
        return clauses

    @staticmethod
    def _window_ends(form: str, months: int, first: dt.date, last: dt.date) -> Any:
        signed_from, signed_to = signed_between(first, last, months)
        return exists().where(
            CertificationRequest.person_id == Person.id,
            CertificationRequest.deleted.is_(False),
            CertificationRequest.form == form,
            CertificationRequest.decision == "certified",
            CertificationRequest.signed_on >= signed_from,
            CertificationRequest.signed_on <= signed_to,
        )

    def _fts_hits(self, match: str) -> Any:
        return (
            text("SELECT rowid AS rid, rank FROM person_fts WHERE person_fts MATCH :m")
            .bindparams(m=match)
            .columns(column("rid", Integer), column("rank", Float))
            .subquery("hits")
        )

    # --- reading ---------------------------------------------------------------------------------------------

    def search(
        self,
        typed: str = "",
        *,
        filters: CaseloadFilter | None = None,
        limit: int = 200,
        offset: int = 0,
        after: tuple[str, str] | None = None,
    ) -> list[PersonRow]:
        """People whose names or aliases match ``typed`` (best match first), or everyone in name order.

        Without a search, page with ``after`` (the last row's :attr:`PersonRow.sort_key`), which stays fast deep
        into a long list; ``offset`` is for ranked search results.
        """
        return self.page(typed, filters=filters, limit=limit, offset=offset, after=after, with_count=False)[0]

    def page(
        self,
        typed: str = "",
        *,
        filters: CaseloadFilter | None = None,
        limit: int = 200,
        offset: int = 0,
        after: tuple[str, str] | None = None,
        with_count: bool = True,
    ) -> tuple[list[PersonRow], int | None]:
        """One page of :meth:`search` and, with ``with_count``, how many match in all: one session, one read."""
        filters = filters or CaseloadFilter()
        match = fts_query(typed)
        name_key = func.lower(Person.preferred_name)
        q = select(
            Person.id,
            Person.preferred_name,
            Person.pronouns,
            Person.languages,
            Person.regime,
            Person.edited_hlc,
            self._unsynced_clause().label("unsynced"),
        ).where(*self._filter_clauses(filters))
        if match is None:
            if after is not None:
                q = q.where(tuple_(name_key, Person.id) > tuple_(*after))
            q = q.order_by(Person.deleted, name_key, Person.id)
        else:
            hits = self._fts_hits(match)
            q = q.join(hits, hits.c.rid == literal_column("person.rowid")).order_by(
                name_tier(typed), hits.c.rank, name_key, Person.id
            )
        with self.ws.session() as s:
            rows = s.execute(q.limit(limit).offset(offset)).all()
            total = int(s.scalar(self._count_query(match, filters)) or 0) if with_count else None
        people = [
            PersonRow(
                r.id, r.preferred_name, r.pronouns, list(r.languages or []), r.regime, r.edited_hlc, bool(r.unsynced)
            )
            for r in rows
        ]
        return people, total

    def _count_query(self, match: str | None, filters: CaseloadFilter) -> Any:
        q = select(func.count()).select_from(Person).where(*self._filter_clauses(filters))
        if match is not None:
            hits = self._fts_hits(match)
            q = q.join(hits, hits.c.rid == literal_column("person.rowid"))
        return q

    def count(self, typed: str = "", *, filters: CaseloadFilter | None = None) -> int:
        with self.ws.session() as s:
            return int(s.scalar(self._count_query(fts_query(typed), filters or CaseloadFilter())) or 0)
