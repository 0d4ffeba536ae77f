"""The office server's HTTP API (FastAPI). TLS is the CLI's job: ``offramp-server serve`` never starts without it.

Open without a device signature: ``GET /v1/health``, ``GET /v1/ca`` (the public office CA, which a device checks
against the fingerprint on its enrolment sheet) and ``POST /v1/enrol`` only. Everything else needs a request
signed by an enrolled, unrevoked device (:mod:`app.server.signing`), checked before any other work. There is no
interactive documentation or schema endpoint: nothing else is readable without a signature.

Every refusal is JSON ``{"error": <stable code>, "message": <one plain sentence>}``; a malformed body is a 422 and
never echoes what was sent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Annotated, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import Depends, FastAPI, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from app.models import RECORD_TYPES
from app.models.base import utcnow
from app.protocol import signing
from app.protocol.schemas import MAX_BATCH_BYTES, DoneIn, DoneOut, PullIn, PullOut, PushIn, PushOut
from app.server import admin, conflicts, db, sync
from app.server.access import Principal, visible_to
from app.server.models import (
    Device,
    DeviceStatus,
    EnrolmentCode,
    Office,
    RecordHead,
    RequestNonce,
    Team,
    UserAccount,
)
from app.server.records import values_of

PROTOCOL = 1
MAX_BODY = 2 * 1024 * 1024
SKEW_WARNING_SECONDS = 300
POLICY = {"max_batch_mutations": 100, "max_batch_bytes": 1024 * 1024, "max_page_records": 200}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


def schema_versions() -> dict[str, int]:
    return {name: cls.SCHEMA_VERSION for name, cls in sorted(RECORD_TYPES.items())}


# --- bodies ---------------------------------------------------------------------------------------------------


class EnrolIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=1, max_length=64)
    public_key: str = Field(pattern=r"^[0-9a-f]{64}$", description="raw Ed25519 public key, lower-case hex")


class EnrolOut(BaseModel):
    device_id: str
    user_id: str
    username: str
    role: str
    team_id: str
    team_name: str
    compartment: str
    office_id: str
    office_name: str
    recovery_public_key: str
    server_epoch: str


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


# --- the app --------------------------------------------------------------------------------------------------


@dataclass
class OfficeInfo:
    id: str
    name: str
    epoch: str
    recovery_public_key: str
    secret_key: str


def create_app(engine: Engine, *, ca_pem: bytes | None = None) -> FastAPI:
    sessions: sessionmaker[Session] = db.sessions(engine)
    with sessions() as s:
        row = s.scalar(select(Office))
        if row is None:
            raise admin.AdminError("This server has no office yet. Run 'offramp-server init' first.")
        office = OfficeInfo(row.id, row.name, row.epoch, row.recovery_public_key, row.secret_key)

    app = FastAPI(title="Offramp office server", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.engine = engine
    app.state.office = office

    @app.middleware("http")
    async def _limit_body(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return _error(413, "too_large", "That request is larger than the server accepts.")
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message, **exc.extra)

    @app.exception_handler(sync.Refusal)
    async def _refusal(_request: Request, exc: sync.Refusal) -> JSONResponse:
        return _error(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _malformed(_request: Request, exc: RequestValidationError) -> JSONResponse:
        fields = sorted({".".join(str(p) for p in e.get("loc", ())[1:]) for e in exc.errors()} - {""})
        return _error(422, "malformed", "The request was not in the form the server expects.", fields=fields[:20])

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            return _error(404, "not_found", "There is nothing at that address.")
        if exc.status_code == 400:
            return _error(400, "malformed", "The request was not in the form the server expects.")
        if exc.status_code == 405:
            return _error(405, "method_not_allowed", "That address does not take this kind of request.")
        return _error(exc.status_code, "http_error", "The server could not take that request.")

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _exc: Exception) -> JSONResponse:
        return _error(500, "server_problem", "The office server ran into a problem. Nothing was changed; try again.")

    # --- authentication ---------------------------------------------------------------------------------------

    async def authenticated(request: Request) -> Principal:
        body = await request.body()
        if len(body) > MAX_BODY:
            raise ApiError(413, "too_large", "That request is larger than the server accepts.")
        headers = request.headers
        device_id = headers.get(signing.H_DEVICE, "")
        stamp = headers.get(signing.H_TIME, "")
        nonce = headers.get(signing.H_NONCE, "")
        signature = headers.get(signing.H_SIGNATURE, "")
        if not (device_id and stamp and nonce and signature):
            raise ApiError(401, "not_signed", "This request needs to come from an enrolled device.")
        if len(device_id) > 36 or not stamp.isdigit() or len(stamp) > 12 or len(nonce) != 32 or len(signature) > 200:
            raise ApiError(401, "bad_signature", "This request's signature could not be checked.")
        path = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        message = signing.canonical(device_id, request.method, path, stamp, nonce, body)
        remote = request.client.host if request.client else None
        return await run_in_threadpool(_check_device, device_id, int(stamp), nonce, signature, message, remote)

    def _check_device(
        device_id: str, stamp: int, nonce: str, signature: str, message: bytes, remote: str | None
    ) -> Principal:
        now = utcnow()
        failure: ApiError | None = None
        with sessions() as s, s.begin():
            device = s.get(Device, device_id)
            if device is None or not signing.verify(device.public_key, signature, message):
                failure = ApiError(401, "bad_signature", "This request's signature could not be checked.")
                admin.audit(s, "request", "blocked", device_id=None, remote=remote, detail={"reason": "signature"})
            elif device.status != DeviceStatus.ACTIVE:
                failure = ApiError(
                    403, "device_revoked", "This device's enrolment was withdrawn by the office. Ask your office admin."
                )
                admin.audit(
                    s,
                    "request",
                    "blocked",
                    device_id=device.id,
                    user_id=device.user_id,
                    remote=remote,
                    detail={"reason": "device_revoked"},
                )
            elif abs(now.timestamp() - stamp) > signing.WINDOW_SECONDS:
                failure = ApiError(
                    401, "clock_off", "This computer's clock is more than an hour off. Set the clock, then try again."
                )
                admin.audit(
                    s,
                    "request",
                    "blocked",
                    device_id=device.id,
                    user_id=device.user_id,
                    remote=remote,
                    detail={"reason": "clock"},
                )
            else:
                principal = admin.principal_for(s, device)
                user = s.get(UserAccount, device.user_id)
                if user is None or not user.active:
                    failure = ApiError(403, "account_inactive", "This account was switched off by the office.")
                    admin.audit(
                        s,
                        "request",
                        "blocked",
                        device_id=device.id,
                        user_id=device.user_id,
                        remote=remote,
                        detail={"reason": "account_inactive"},
                    )
                else:
                    device.last_seen_at = now
        if failure is not None:
            raise failure
        try:
            with sessions() as s, s.begin():
                s.add(RequestNonce(device_id=device_id, nonce=nonce, seen_at=now))
                s.flush()
                cutoff = now - dt.timedelta(seconds=2 * signing.WINDOW_SECONDS)
                s.execute(delete(RequestNonce).where(RequestNonce.seen_at < cutoff))
        except IntegrityError:
            with sessions() as s, s.begin():
                admin.audit(s, "request", "blocked", device_id=device_id, remote=remote, detail={"reason": "replay"})
            raise ApiError(
                401, "replayed", "This request was already received once, so it was not done again."
            ) from None
        return principal

    # Spelled out at each endpoint: with postponed annotations FastAPI cannot see a local Annotated alias.
    signed = Depends(authenticated)
    app.include_router(conflicts.router(sessions, signed))

    # --- open endpoints ---------------------------------------------------------------------------------------

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/v1/ca")
    def ca_certificate() -> dict[str, str]:
        """The office CA (public). A device checks it against the fingerprint on its enrolment sheet, then trusts
        only it; fetching it proves nothing by itself."""
        if ca_pem is None:
            raise ApiError(404, "not_found", "There is nothing at that address.")
        return {"ca_pem": ca_pem.decode("ascii")}

    @app.post("/v1/enrol", response_model=EnrolOut)
    def enrol(body: EnrolIn, request: Request) -> EnrolOut:
        remote = request.client.host if request.client else None
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(body.public_key))
        except ValueError:
            raise ApiError(422, "malformed", "The request was not in the form the server expects.") from None
        now = utcnow()
        failure: ApiError | None = None
        result: EnrolOut | None = None
        with sessions() as s, s.begin():
            entry = s.scalar(
                select(EnrolmentCode)
                .where(EnrolmentCode.code_hash == admin.code_hash(office.secret_key, body.code))
                .with_for_update()
            )
            reason = None
            if entry is None:
                reason = "unknown_code"
                failure = ApiError(
                    403,
                    "enrolment_code_unknown",
                    "That enrolment code is not right. Check it against the sheet, or ask for a new one.",
                )
            elif entry.used_at is not None:
                reason = "used_code"
                failure = ApiError(
                    409,
                    "enrolment_code_used",
                    "That enrolment code was already used. Ask your office admin for a new one.",
                )
            elif entry.expires_at < now:
                reason = "expired_code"
                failure = ApiError(
                    410,
                    "enrolment_code_expired",
                    "That enrolment code has expired (codes last 15 minutes). Ask your office admin for a new one.",
                )
            elif s.scalar(select(Device.id).where(Device.public_key == body.public_key)) is not None:
                reason = "key_in_use"
                failure = ApiError(409, "device_key_in_use", "This device is already enrolled.")
            else:
                user = s.get(UserAccount, entry.user_id)
                team = s.get(Team, user.team_id) if user is not None else None
                if user is None or team is None or not user.active:
                    reason = "account_inactive"
                    failure = ApiError(403, "account_inactive", "This account was switched off by the office.")
                else:
                    device = Device(
                        user_id=user.id,
                        public_key=body.public_key,
                        enrolled_by=entry.issued_by,
                        enrolment_code_id=entry.id,
                        enrolled_at=now,
                    )
                    s.add(device)
                    s.flush()
                    entry.used_at = now
                    entry.device_id = device.id
                    admin.audit(
                        s,
                        "enrol",
                        "allowed",
                        user_id=user.id,
                        device_id=device.id,
                        team_id=team.id,
                        remote=remote,
                        detail={"code_id": entry.id},
                    )
                    result = EnrolOut(
                        device_id=device.id,
                        user_id=user.id,
                        username=user.username,
                        role=user.role,
                        team_id=team.id,
                        team_name=team.name,
                        compartment=team.compartment,
                        office_id=office.id,
                        office_name=office.name,
                        recovery_public_key=office.recovery_public_key,
                        server_epoch=office.epoch,
                    )
            if reason is not None:
                admin.audit(
                    s,
                    "enrol",
                    "blocked",
                    remote=remote,
                    user_id=entry.user_id if entry is not None else None,
                    detail={"reason": reason, "code_id": entry.id if entry is not None else None},
                )
        if failure is not None:
            raise failure
        assert result is not None
        return result

    # --- signed endpoints -------------------------------------------------------------------------------------

    @app.post("/v1/sync/hello", response_model=HelloOut)
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
        )

    @app.post("/v1/sync/push", response_model=PushOut)
    async def push(body: PushIn, request: Request, principal: Principal = signed) -> PushOut:
        if len(await request.body()) > MAX_BATCH_BYTES:
            raise ApiError(
                413, "too_large", "That batch is larger than the server accepts; send fewer changes at once."
            )

        def work() -> PushOut:
            with sessions() as s, s.begin():
                return sync.push(s, principal, body)

        return await run_in_threadpool(work)

    @app.post("/v1/sync/pull", response_model=PullOut)
    def pull(body: PullIn, principal: Principal = signed) -> PullOut:
        with sessions() as s, s.begin():
            return sync.pull(s, principal, body, epoch=office.epoch, secret_key=office.secret_key)

    @app.post("/v1/sync/done", response_model=DoneOut)
    def done(body: DoneIn, principal: Principal = signed) -> DoneOut:
        with sessions() as s, s.begin():
            sync.done(s, principal, body.cursor, secret_key=office.secret_key)
        return DoneOut(ok=True)

    @app.get("/v1/records/{record_id}")
    def read_record(
        record_id: Annotated[str, PathParam(max_length=36)], principal: Principal = signed
    ) -> dict[str, Any]:
        with sessions() as s, s.begin():
            found = _visible_records(s, principal, RecordHead.id == record_id)
            if not found:
                raise ApiError(404, "not_found", "There is no record there that you can see.")
            return found[0]

    @app.get("/v1/people/{person_id}/records")
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

    return app


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": code, "message": message, **extra})
