"""Reading records one at a time or by person (signed): only what the principal may see, each read audited."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter
from fastapi import Path as PathParam
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models import RECORD_TYPES
from app.server import admin
from app.server.access import Principal, visible_to
from app.server.api import ApiError
from app.server.models import RecordHead
from app.server.records import values_of


def router(sessions: sessionmaker[Session], signed: Any) -> APIRouter:
    api = APIRouter()

    @api.get("/v1/records/{record_id}")
    def read_record(
        record_id: Annotated[str, PathParam(max_length=36)], principal: Principal = signed
    ) -> dict[str, Any]:
        with sessions() as s, s.begin():
            found = _visible_records(s, principal, RecordHead.id == record_id)
            if not found:
                raise ApiError(404, "not_found", "There is no record there that you can see.")
            return found[0]

    @api.get("/v1/people/{person_id}/records")
    def read_person(
        person_id: Annotated[str, PathParam(max_length=36)], principal: Principal = signed
    ) -> dict[str, Any]:
        with sessions() as s, s.begin():
            return {"records": _visible_records(s, principal, RecordHead.person_id == person_id)}

    def _visible_records(s: Session, principal: Principal, where: Any) -> list[dict[str, Any]]:
        """Records matching ``where`` that ``principal`` may see, checked on the head and again on the record."""
        heads = s.scalars(
            select(RecordHead)
            .where(where, RecordHead.deleted.is_(False), visible_to(principal, RecordHead))
            .order_by(RecordHead.server_seq)
            .limit(1000)
        ).all()
        out = []
        for head in heads:
            cls = RECORD_TYPES.get(head.type)
            if cls is None:
                continue
            record = s.scalar(select(cls).where(cls.id == head.id, visible_to(principal, cls)))
            if record is None:
                continue
            out.append({"type": head.type, "rev": head.rev, "server_seq": head.server_seq, "values": values_of(record)})
            admin.audit(
                s,
                "record_served",
                "allowed",
                user_id=principal.user_id,
                device_id=principal.device_id,
                team_id=principal.team_id,
                record_type=head.type,
                record_id=head.id,
                detail={"rev": head.rev},
            )
        return out

    return api
