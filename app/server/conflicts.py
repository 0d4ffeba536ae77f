"""Conflicts a device's user may see, brought down so they can be decided in the app (DESIGN.md section 3).

``POST /v1/sync/conflicts`` (signed, empty JSON body) answers the unresolved conflicts on records the principal may
see through :func:`app.server.access.visible_to`, each with every value it keeps (the value it started from, the
value kept, the competing value) and, for each competing value, who made it, on which device and when: a person's
display name and the date their device was enrolled, never anything typed about a client.

Only conflicts the principal may decide are sent (:func:`decidable_by`): deciding is editing, so a prosecution team
that sees a shared disclosure is never sent the advocates' competing drafts of it.

A conflict is decided the way every other change travels: a pushed mutation that names it in ``resolves`` carries
the chosen value and the revision it was made on, so a decision is ordered with the person's other edits and is
never applied twice. ``app.server.sync._update`` merges it like any edit: against a later change of the same field,
or once someone else decided differently, it becomes a new conflict holding every value (``decision`` marks the
values that were someone's decision), and it never brings a deleted record back.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.sql.elements import ColumnElement

from app.models.base import Regime
from app.server import admin
from app.server.access import Principal, visible_to
from app.server.models import Conflict, Device, RecordHead, UserAccount
from app.server.sync import SETTABLE

MAX_CONFLICTS = 500


class ConflictsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ConflictValue(BaseModel):
    side: str
    value: Any = None
    user: str | None = None
    device: str | None = None
    this_device: bool = False
    when: str | None = None
    #: This value was someone's decision on an earlier conflict (someone decided differently, or a field changed
    #: after a decision was made on an older revision).
    decision: bool = False


class ConflictOut(BaseModel):
    id: str
    record_id: str
    record_type: str
    person_id: str | None
    field: str
    base_rev: int | None
    created_at: str
    values: list[ConflictValue]


class ConflictsOut(BaseModel):
    conflicts: list[ConflictOut]


def router(sessions: sessionmaker[Session], signed: Any) -> APIRouter:
    """The endpoint, with the app's signature check (``signed`` is its ``Depends``) and its sessions."""
    api = APIRouter()

    @api.post("/v1/sync/conflicts", response_model=ConflictsOut)
    def list_conflicts(body: ConflictsIn, principal: Principal = signed) -> ConflictsOut:
        with sessions() as s, s.begin():
            return ConflictsOut(conflicts=visible_conflicts(s, principal))

    return api


def decidable_by(principal: Principal) -> ColumnElement[bool]:
    """The conflicts ``principal`` may decide, as SQL over ``Conflict`` joined to its ``RecordHead``.

    Deciding is editing, so this is the push's own rule: a record the principal sees, of its own regime (a
    prosecution team sees a shared disclosure but never edits it, so it is never sent the advocates' competing
    drafts or the wording they later narrowed), and a conflict over who may see the record only for its owner.
    """
    regime = Regime.PROSECUTION.value if principal.is_prosecution else Regime.ADVOCACY.value
    return and_(
        visible_to(principal, RecordHead),
        RecordHead.regime == regime,
        or_(Conflict.field.not_in(sorted(SETTABLE)), RecordHead.owner_user_id == principal.user_id),
    )


def visible_conflicts(s: Session, principal: Principal) -> list[ConflictOut]:
    if not principal.reads_content:
        return []
    rows = s.execute(
        select(Conflict, RecordHead)
        .join(RecordHead, RecordHead.id == Conflict.record_id)
        .where(Conflict.resolved_by.is_(None), decidable_by(principal))
        .order_by(Conflict.server_seq)
        .limit(MAX_CONFLICTS)
    ).all()
    users: dict[str, str] = {}
    devices: dict[str, str] = {}
    name_of = _cached(users, lambda uid: _user_name(s, uid))
    device_of = _cached(devices, lambda did: _device_label(s, did))
    out: list[ConflictOut] = []
    for conflict, head in rows:
        values = []
        for raw in conflict.values or []:
            device_id = raw.get("device_id")
            values.append(
                ConflictValue(
                    side=str(raw.get("side") or ""),
                    value=raw.get("value"),
                    user=name_of(raw.get("user_id")),
                    device=device_of(device_id),
                    this_device=bool(device_id) and device_id == principal.device_id,
                    when=raw.get("committed_at"),
                    decision=bool(raw.get("decision")),
                )
            )
        out.append(
            ConflictOut(
                id=conflict.id,
                record_id=conflict.record_id,
                record_type=head.type,
                person_id=head.person_id,
                field=conflict.field,
                base_rev=conflict.base_rev,
                created_at=conflict.created_at.isoformat(),
                values=values,
            )
        )
    admin.audit(
        s,
        "conflicts_served",
        "allowed",
        user_id=principal.user_id,
        device_id=principal.device_id,
        team_id=principal.team_id,
        detail={"ids": [c.id for c in out]},
    )
    return out


def _cached(cache: dict[str, str], look: Callable[[str], str]) -> Callable[[Any], str | None]:
    def get(key: Any) -> str | None:
        if not key:
            return None
        if key not in cache:
            cache[key] = look(str(key))
        return cache[key]

    return get


def _user_name(s: Session, user_id: str) -> str:
    user = s.get(UserAccount, user_id)
    return user.display_name or user.username if user is not None else "someone at the office"


def _device_label(s: Session, device_id: str) -> str:
    device = s.get(Device, device_id)
    if device is None:
        return "a computer no longer enrolled"
    return f"a computer enrolled {device.enrolled_at:%d %b %Y}"
