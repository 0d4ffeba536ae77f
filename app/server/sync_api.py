"""The sync endpoints (DESIGN.md section 3): hello, push, pull and done, each signed by an enrolled device.

The work is :mod:`app.server.sync`'s; this module checks versions and clocks at hello and hands each body over.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from app.models import RECORD_TYPES
from app.models.base import utcnow
from app.protocol.office_policy import OfficePolicy
from app.protocol.schemas import MAX_BATCH_BYTES, DoneIn, DoneOut, PullIn, PullOut, PushIn, PushOut
from app.server import admin, sync
from app.server.access import Principal, recipient_teams
from app.server.api import ApiError, OfficeInfo

PROTOCOL = 1
SKEW_WARNING_SECONDS = 300
POLICY = {"max_batch_mutations": 100, "max_batch_bytes": 1024 * 1024, "max_page_records": 200}


def schema_versions() -> dict[str, int]:
    return {name: cls.SCHEMA_VERSION for name, cls in sorted(RECORD_TYPES.items())}


class HelloIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    protocol: int = Field(ge=0, le=1_000_000)
    schema_versions: dict[Annotated[str, Field(max_length=40)], Annotated[int, Field(ge=0, le=1_000_000)]] = Field(
        max_length=200
    )
    client_time: dt.datetime


class Warning_(BaseModel):
    code: str
    message: str


class HelloOut(BaseModel):
    protocol: int
    server_epoch: str
    server_time: dt.datetime
    clock_skew_seconds: float
    schema_versions: dict[str, int]
    policy: dict[str, int]
    revoked: bool
    warnings: list[Warning_]
    user_id: str
    role: str
    team_id: str
    compartment: str
    #: The office's prosecution teams (id and name), for an advocacy device: a release names one as its recipient.
    prosecution_teams: list[dict[str, str]] = Field(default_factory=list)
    #: What the office decides for every enrolled computer (reminder, survivor's copy, quick unlock, idle lock, time
    #: zone); the laptop keeps it in its vault, so no settings file can switch it off.
    office_policy: OfficePolicy = Field(default_factory=OfficePolicy)


def router(sessions: sessionmaker[Session], signed: Any, office: OfficeInfo) -> APIRouter:
    api = APIRouter()

    @api.post("/v1/sync/hello", response_model=HelloOut)
    def hello(body: HelloIn, principal: Principal = signed) -> HelloOut:
        ours = schema_versions()
        theirs = body.schema_versions
        older = body.protocol < PROTOCOL or any(theirs.get(t, 0) < v for t, v in ours.items())
        newer = body.protocol > PROTOCOL or any(t not in ours or v > ours[t] for t, v in theirs.items())
        if older:
            raise ApiError(
                426,
                "client_outdated",
                "This copy of Offramp is older than the office server. Please update it; your unsent changes are kept.",
                server_protocol=PROTOCOL,
                server_schema_versions=ours,
            )
        if newer:
            raise ApiError(
                409,
                "server_outdated",
                "The office server is older than this copy of Offramp. Ask your office admin to update it; your "
                "unsent changes are kept.",
                server_protocol=PROTOCOL,
                server_schema_versions=ours,
            )
        now = utcnow()
        client = body.client_time if body.client_time.tzinfo else body.client_time.replace(tzinfo=dt.UTC)
        skew = (client - now).total_seconds()
        warnings = []
        if abs(skew) > SKEW_WARNING_SECONDS:
            warnings.append(
                Warning_(
                    code="clock_skew",
                    message=f"This computer's clock is about {round(abs(skew) / 60)} minutes off the office server's. "
                    "Times shown may be off until it is set right.",
                )
            )
        with sessions() as s, s.begin():
            admin.audit(
                s,
                "hello",
                "allowed",
                user_id=principal.user_id,
                device_id=principal.device_id,
                detail={"skew_seconds": round(skew)},
            )
            teams = recipient_teams(s, principal)
            office_policy = admin.office_policy(s)
        return HelloOut(
            protocol=PROTOCOL,
            server_epoch=office.epoch,
            server_time=now,
            clock_skew_seconds=skew,
            schema_versions=ours,
            policy=POLICY,
            revoked=False,
            warnings=warnings,
            user_id=principal.user_id,
            role=principal.role,
            team_id=principal.team_id,
            compartment=principal.compartment,
            prosecution_teams=teams,
            office_policy=office_policy,
        )

    @api.post("/v1/sync/push", response_model=PushOut)
    async def push(body: PushIn, request: Request, principal: Principal = signed) -> PushOut:
        if len(await request.body()) > MAX_BATCH_BYTES:
            raise ApiError(
                413, "too_large", "That batch is larger than the server accepts; send fewer changes at once."
            )

        def work() -> PushOut:
            with sessions() as s, s.begin():
                return sync.push(s, principal, body)

        return await run_in_threadpool(work)

    @api.post("/v1/sync/pull", response_model=PullOut)
    def pull(body: PullIn, principal: Principal = signed) -> PullOut:
        with sessions() as s, s.begin():
            return sync.pull(s, principal, body, epoch=office.epoch, secret_key=office.secret_key)

    @api.post("/v1/sync/done", response_model=DoneOut)
    def done(body: DoneIn, principal: Principal = signed) -> DoneOut:
        with sessions() as s, s.begin():
            sync.done(s, principal, body.cursor, secret_key=office.secret_key)
        return DoneOut(ok=True)

    return api
