"""The office server's open endpoints: the health check, the office CA, and enrolment with a one-time code.

Nothing else is readable without a device's signature (:mod:`app.server.api`).

Enrolment tries are limited (:func:`app.server.limits.enrolment_wait`): a few failed tries per source address and
per issued code in a five-minute window, then 429 with Retry-After and one plain sentence, even for the right code,
so guessing gains nothing. Failed tries are counted, not written one audit row each.
"""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.models.base import utcnow
from app.server import admin, limits
from app.server.api import ApiError, OfficeInfo
from app.server.models import Device, EnrolmentCode, Team, UserAccount


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


def router(sessions: sessionmaker[Session], office: OfficeInfo, ca_pem: bytes | None) -> APIRouter:
    api = APIRouter()

    @api.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @api.get("/v1/ca")
    def ca_certificate() -> dict[str, str]:
        """The office CA (public). A device checks it against the fingerprint on its enrolment sheet, then trusts
        only it; fetching it proves nothing by itself."""
        if ca_pem is None:
            raise ApiError(404, "not_found", "There is nothing at that address.")
        return {"ca_pem": ca_pem.decode("ascii")}

    @api.post("/v1/enrol", response_model=EnrolOut)
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
            entry: EnrolmentCode | None = None
            wait = limits.enrolment_wait(s, remote, None, now=now)
            if wait is None:
                entry = s.scalar(
                    select(EnrolmentCode)
                    .where(EnrolmentCode.code_hash == admin.code_hash(office.secret_key, body.code))
                    .with_for_update()
                )
                wait = limits.enrolment_wait(s, None, entry.id if entry is not None else None, now=now)
            reason = None
            if wait is not None:
                reason = "rate_limited"
                failure = ApiError(
                    429,
                    "too_many_tries",
                    "Too many tries; wait a few minutes and try again.",
                    headers={"Retry-After": str(wait)},
                )
            elif entry is None:
                reason = "unknown_code"
                failure = ApiError(
                    403,
                    "enrolment_code_unknown",
                    "That enrollment code is not right. Check it against the sheet, or ask for a new one.",
                )
            elif entry.used_at is not None:
                reason = "used_code"
                failure = ApiError(
                    409,
                    "enrolment_code_used",
                    "That enrollment code was already used. Ask your office admin for a new one.",
                )
            elif entry.expires_at < now:
                reason = "expired_code"
                failure = ApiError(
                    410,
                    "enrolment_code_expired",
                    "That enrollment code has expired (codes last 15 minutes). Ask your office admin for a new one.",
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
                # Counted per address (the audit log gets a row per window and tenfold count) and per issued code.
                limits.count_refusal(
                    s,
                    limits.ENROL_ACTION,
                    reason,
                    remote or "unknown",
                    now=now,
                    remote=remote,
                    user_id=entry.user_id if entry is not None else None,
                )
                if entry is not None:
                    limits.count_refusal(s, limits.ENROL_CODE_ACTION, reason, entry.id, now=now, audited=False)
        if failure is not None:
            raise failure
        assert result is not None
        return result

    return api
