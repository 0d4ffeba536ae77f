"""What every part of the office server's HTTP API shares: the refusal, the office it serves, and the check of a
device's signature that every endpoint but enrolment and the health check depends on (:mod:`app.protocol.signing`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Request
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from app.models.base import utcnow
from app.protocol import signing
from app.server import admin
from app.server.access import Principal
from app.server.models import Device, DeviceStatus, RequestNonce, UserAccount

MAX_BODY = 2 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra


@dataclass
class OfficeInfo:
    id: str
    name: str
    epoch: str
    recovery_public_key: str
    secret_key: str


def signed_by_a_device(sessions: sessionmaker[Session]) -> Any:
    """The ``Depends`` that authenticates a request: an enrolled, active device's fresh, unreplayed signature.

    Spelled out at each endpoint as ``principal: Principal = signed``: with postponed annotations FastAPI cannot see
    a local ``Annotated`` alias.
    """

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

    def _blocked(s: Session, device: Device, remote: str | None, reason: str) -> None:
        # Every refusal of a known device is written the same way, so the office's audit reads one shape.
        admin.audit(
            s,
            "request",
            "blocked",
            device_id=device.id,
            user_id=device.user_id,
            remote=remote,
            detail={"reason": reason},
        )

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
                    403,
                    "device_revoked",
                    "This device's enrollment was withdrawn by the office. Ask your office admin.",
                )
                _blocked(s, device, remote, "device_revoked")
            elif abs(now.timestamp() - stamp) > signing.WINDOW_SECONDS:
                failure = ApiError(
                    401, "clock_off", "This computer's clock is more than an hour off. Set the clock, then try again."
                )
                _blocked(s, device, remote, "clock")
            else:
                principal = admin.principal_for(s, device)
                user = s.get(UserAccount, device.user_id)
                if user is None or not user.active:
                    failure = ApiError(403, "account_inactive", "This account was switched off by the office.")
                    _blocked(s, device, remote, "account_inactive")
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

    return Depends(authenticated)
