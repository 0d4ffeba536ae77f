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
   consent the record names, and that consent is live today: started, not expired, not withdrawn, not deleted.
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
from sqlalchemy.sql.elements import ColumnElement

from app.models.base import Regime, Visibility
from app.server.models import Compartment, ConsentTerm, Role, ShareGrant

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
            ConsentTerm.deleted.is_(False),
            ConsentTerm.revoked_on.is_(None),
            ConsentTerm.starts_on <= today,
            ConsentTerm.expires_on >= today,
        )
    )


def visible_to(principal: Principal, entity: Any, *, today: dt.date | None = None) -> ColumnElement[bool]:
    """The SQL condition under which ``entity`` (a record model or RecordHead) is visible to ``principal``."""
    if not principal.reads_content:
        return false()
    today = today or dt.datetime.now(dt.UTC).date()
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
