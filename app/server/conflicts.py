"""Conflicts a device's user may see, brought down so they can be decided in the app (DESIGN.md section 3).

``POST /v1/sync/conflicts`` (signed, empty JSON body) answers the unresolved conflicts on records the principal may
see through :func:`app.server.access.visible_to`, each with every value it keeps (the value it started from, the
value kept, the competing value) and, for each competing value, who made it, on which device and when: a person's
display name and the date their device was enrolled, never anything typed about a client.

A conflict is decided the way every other change travels: a pushed mutation that names it in ``resolves`` carries
the chosen value (``app.server.sync._update`` takes it whatever happened since and marks the conflict
resolved), so a decision is ordered with the person's other edits and is never applied twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.server import admin
from app.server.access import Principal, visible_to
from app.server.models import Conflict, Device, RecordHead, UserAccount

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


def visible_conflicts(s: Session, principal: Principal) -> list[ConflictOut]:
    rows = s.execute(
        select(Conflict, RecordHead)
        .join(RecordHead, RecordHead.id == Conflict.record_id)
        .where(Conflict.resolved_by.is_(None), visible_to(principal, RecordHead))
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
