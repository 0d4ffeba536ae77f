"""Who sees what (DESIGN.md section 4): ONE SQL predicate, :func:`visible_to`, for pull, reconciliation and reads.

A principal is a user acting through one device, in one team of one compartment. The rules, in order:

1. Analysts and office admins read no content (aggregates and accounts are other endpoints): nothing is visible.
   So is anyone in an administration team, whatever their role says.
2. A record is *at home* for a principal when its regime is the principal's compartment (advocacy or prosecution)
   and either the principal owns it, or its visibility is ``my_team`` or ``shared_with_prosecution`` and it belongs
   to the principal's team. ``only_me`` stays with its owner; a visibility this version does not know also does.
   Supervisors see what their team sees: a supervisor's extra powers are overrides, not reads.
3. A prosecution principal also sees an advocacy record only when it is a ``disclosure`` record, marked
   ``shared_with_prosecution``, not privileged, with a share grant to the principal's own team under the very
   consent the record names, that consent is the same person's and is live today (the office's day, counted in
   the office's time zone as the laptop counts it): started, not expired, not withdrawn, not deleted. A grant
   exists only while :func:`share_in_scope` holds: the consent names the recipient team (its recipient is the
   team's name) and every fact shared is of a kind the consent covers; the write path re-checks it whenever the
   disclosure, or the consent it names, changes.
4. Whatever else is set, a privileged advocacy record never reaches a prosecution principal (an outer AND).

The predicate reads only envelope columns (``id``, ``type``, ``regime``, ``visibility``, ``privileged``,
``team_id``, ``owner_user_id``, ``consent_id``), so it works on :class:`~app.server.models.RecordHead` and on every
record model of :mod:`app.models` alike. Tombstones are not filtered here: pull must send them to whoever may see
the record; read endpoints add ``deleted IS false`` themselves.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, exists, false, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.core.sharing import within_covered
from app.models import Consent, Disclosure
from app.models.base import Regime, Visibility
from app.protocol.office_policy import office_today
from app.server.models import Compartment, ConsentTerm, Role, ShareGrant, Team

CONTENT_ROLES = frozenset(
    {Role.ADVOCATE, Role.ADVOCATE_SUPERVISOR, Role.PROSECUTOR, Role.PARALEGAL, Role.PROSECUTION_SUPERVISOR}
)
DISCLOSURE = "disclosure"


@dataclass(frozen=True)
class Principal:
    user_id: str
    team_id: str
    compartment: str
    role: str
    device_id: str
    #: The office's time zone (office policy; None: UTC): a release's first and last days are counted there.
    office_zone: str | None = None

    @property
    def reads_content(self) -> bool:
        return self.role in CONTENT_ROLES and self.compartment in (Compartment.ADVOCACY, Compartment.PROSECUTION)

    @property
    def is_prosecution(self) -> bool:
        return self.compartment == Compartment.PROSECUTION


def live_grant(principal: Principal, entity: Any, today: dt.date) -> ColumnElement[bool]:
    """A share grant of this record to the principal's team, under the consent it names, live today."""
    return exists(
        select(ShareGrant.record_id)
        .join(ConsentTerm, ConsentTerm.consent_id == ShareGrant.consent_id)
        .where(
            ShareGrant.record_id == entity.id,
            ShareGrant.consent_id == entity.consent_id,
            ShareGrant.recipient_team_id == principal.team_id,
            # The consent is the person's own: one about person A never lets a record about person B through.
            ShareGrant.person_id == entity.person_id,
            ConsentTerm.person_id == entity.person_id,
            ConsentTerm.deleted.is_(False),
            ConsentTerm.revoked_on.is_(None),
            ConsentTerm.starts_on <= today,
            ConsentTerm.expires_on >= today,
        )
    )


def _name(text: str | None) -> str:
    return " ".join((text or "").lower().replace("-", " ").split())


def share_in_scope(s: Session, disclosure: Disclosure, consent: Consent | None) -> bool:
    """May this disclosure be granted to its recipient team under the consent it names? (Liveness is the predicate's.)

    The consent is the same person's, names the recipient team (its recipient is that prosecution team's name), and
    every fact shared is of a kind the consent's "information covered" lists.
    """
    if consent is None or consent.deleted or disclosure.consent_id != consent.id:
        return False
    if not disclosure.person_id or consent.person_id != disclosure.person_id:
        return False
    team = s.get(Team, disclosure.recipient_team_id) if disclosure.recipient_team_id else None
    if team is None or team.compartment != Compartment.PROSECUTION or _name(team.name) != _name(consent.recipient):
        return False
    return within_covered(disclosure.facts, consent.data_covered)


def recipient_teams(s: Session, principal: Principal) -> list[dict[str, str]]:
    """The prosecution teams an advocacy device may name as a release's recipient (none for anyone else)."""
    if principal.compartment != Compartment.ADVOCACY or not principal.reads_content:
        return []
    rows = s.scalars(select(Team).where(Team.compartment == Compartment.PROSECUTION.value).order_by(Team.name))
    return [{"id": t.id, "name": t.name} for t in rows]


def visible_to(
    principal: Principal, entity: Any, *, today: dt.date | None = None, now: dt.datetime | None = None
) -> ColumnElement[bool]:
    """The SQL condition under which ``entity`` (a record model or RecordHead) is visible to ``principal``.

    A release is judged on ``today``, else on the office's day at ``now`` (else at this moment) in the office's zone.
    """
    if not principal.reads_content:
        return false()
    # The office's day, as the laptop counts it too: a release is live through its last day in the office's zone.
    today = today or office_today(principal.office_zone, now)
    regime = Regime.PROSECUTION.value if principal.is_prosecution else Regime.ADVOCACY.value
    at_home = and_(
        entity.regime == regime,
        or_(
            entity.owner_user_id == principal.user_id,
            and_(
                entity.visibility.in_([Visibility.MY_TEAM.value, Visibility.SHARED_WITH_PROSECUTION.value]),
                entity.team_id == principal.team_id,
            ),
        ),
    )
    if not principal.is_prosecution:
        return at_home
    disclosed = and_(
        entity.regime == Regime.ADVOCACY.value,
        entity.type == DISCLOSURE,
        entity.visibility == Visibility.SHARED_WITH_PROSECUTION.value,
        entity.privileged.is_(False),
        live_grant(principal, entity, today),
    )
    never_privileged_advocacy = or_(entity.regime != Regime.ADVOCACY.value, entity.privileged.is_(False))
    return and_(or_(at_home, disclosed), never_privileged_advocacy)
