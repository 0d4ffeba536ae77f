"""What every part of the office server's HTTP API shares: the refusal, the office it serves, and the check of a
device's signature that every endpoint but enrolment and the health check depends on (:mod:`app.protocol.signing`).

The signature is checked on the raw bytes of the request, before FastAPI reads the body as JSON: :class:`SignedRequests`
(an ASGI middleware) reads the body of a request to a signed endpoint, checks it, and only then hands the same bytes
on. So a revoked device or a forged signature is refused as such (403, 401) whatever it sent, never as a malformed
body (422), and nothing an unauthenticated sender writes is parsed. The endpoint's ``principal: Principal = signed``
then reads the principal the middleware established.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.models.base import utcnow
from app.protocol import signing
from app.server import admin, limits
from app.server.access import Principal
from app.server.models import Device, DeviceStatus, RequestNonce, UserAccount

#: Where :class:`SignedRequests` leaves the checked principal in the request's scope.
PRINCIPAL_KEY = "offramp.principal"


class ApiError(Exception):
    """A refusal: its status, stable code, one plain sentence, any further fields, and any response headers (a 429's
    Retry-After)."""

    def __init__(
        self, status: int, code: str, message: str, *, headers: Mapping[str, str] | None = None, **extra: Any
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})
        self.extra = extra


def error_response(exc: ApiError) -> JSONResponse:
    """The API's one shape of refusal: ``{"error": <stable code>, "message": <one plain sentence>, ...}``."""
    content = {"error": exc.code, "message": exc.message, **exc.extra}
    return JSONResponse(status_code=exc.status, content=content, headers=exc.headers or None)


@dataclass
class OfficeInfo:
    id: str
    name: str
    epoch: str
    recovery_public_key: str
    secret_key: str


class DeviceSignatures:
    """The check of a request's device signature: an enrolled, active device's fresh, unreplayed signature.

    Every refusal is counted per source and window (:func:`app.server.limits.count_refusal`), not written row by row
    into the audit log: a burst of bad signatures leaves a few audit rows and a count.
    """

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

        async def principal(request: Request) -> Principal:
            found = request.scope.get(PRINCIPAL_KEY)
            if not isinstance(found, Principal):  # the middleware did not check this request: refuse, never guess
                raise ApiError(401, "not_signed", "This request needs to come from an enrolled device.")
            return found

        #: The function behind :attr:`depends`, by which :class:`SignedRequests` knows the endpoints it guards.
        self.principal = principal
        #: The endpoints' ``Depends``, spelled out at each as ``principal: Principal = signed``: with postponed
        #: annotations FastAPI cannot see a local ``Annotated`` alias.
        self.depends: Any = Depends(principal)

    def guards(self, route: BaseRoute) -> bool:
        """Whether ``route`` is an endpoint that needs a device's signature."""
        if not isinstance(route, APIRoute):
            return False
        pending = list(route.dependant.dependencies)
        while pending:
            dependency = pending.pop()
            if dependency.call is self.principal:
                return True
            pending.extend(dependency.dependencies)
        return False

    async def check(self, scope: Scope, body: bytes) -> Principal:
        """The principal that signed this request (its scope and raw body), or the :class:`ApiError` refusing it."""
        request = Request(scope)
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
        return await run_in_threadpool(self._check_device, device_id, int(stamp), nonce, signature, message, remote)

    def _blocked(self, s: Session, device: Device, remote: str | None, reason: str, now: dt.datetime) -> None:
        # Every refusal of a known device is counted against the device the same way, so the office's audit reads
        # one shape and a revoked laptop that keeps trying grows the log by a row per tenfold count.
        limits.count_refusal(
            s, "request", reason, device.id, now=now, device_id=device.id, user_id=device.user_id, remote=remote
        )

    def _check_device(
        self, device_id: str, stamp: int, nonce: str, signature: str, message: bytes, remote: str | None
    ) -> Principal:
        now = utcnow()
        failure: ApiError | None = None
        with self.sessions() as s, s.begin():
            device = s.get(Device, device_id)
            if device is None or not signing.verify(device.public_key, signature, message):
                failure = ApiError(401, "bad_signature", "This request's signature could not be checked.")
                # Nobody is authenticated: counted against the address it came from.
                limits.count_refusal(s, "request", "signature", remote or "unknown", now=now, remote=remote)
            elif device.status != DeviceStatus.ACTIVE:
                failure = ApiError(
                    403,
                    "device_revoked",
                    "This device's enrollment was withdrawn by the office. Ask your office admin.",
                )
                self._blocked(s, device, remote, "device_revoked", now)
            elif abs(now.timestamp() - stamp) > signing.WINDOW_SECONDS:
                failure = ApiError(
                    401, "clock_off", "This computer's clock is more than an hour off. Set the clock, then try again."
                )
                self._blocked(s, device, remote, "clock", now)
            else:
                principal = admin.principal_for(s, device)
                user = s.get(UserAccount, device.user_id)
                if user is None or not user.active:
                    failure = ApiError(403, "account_inactive", "This account was switched off by the office.")
                    self._blocked(s, device, remote, "account_inactive", now)
                else:
                    device.last_seen_at = now
        if failure is not None:
            raise failure
        try:
            with self.sessions() as s, s.begin():
                s.add(RequestNonce(device_id=device_id, nonce=nonce, seen_at=now))
                s.flush()
                cutoff = now - dt.timedelta(seconds=2 * signing.WINDOW_SECONDS)
                s.execute(delete(RequestNonce).where(RequestNonce.seen_at < cutoff))
        except IntegrityError:
            with self.sessions() as s, s.begin():
                device = s.get(Device, device_id)
                if device is not None:
                    self._blocked(s, device, remote, "replay", now)
            raise ApiError(
                401, "replayed", "This request was already received once, so it was not done again."
            ) from None
        return principal


def signed_by_a_device(sessions: sessionmaker[Session]) -> Any:
    """The ``Depends`` of a signed endpoint, for a caller that builds its own app (with :class:`SignedRequests`)."""
    return DeviceSignatures(sessions).depends


class SignedRequests:
    """ASGI middleware: a request to an endpoint that needs a signature is checked on its raw bytes first.

    The body is read here (within :class:`app.server.limits.BodyLimit`, which stands outside), the signature checked,
    and only a signed request goes on, with the same bytes and its principal in the scope. A refusal is answered
    here, in the API's JSON shape, before anything parses the body.
    """

    def __init__(self, app: ASGIApp, *, signatures: DeviceSignatures, routes: Sequence[BaseRoute]) -> None:
        self.app = app
        self.signatures = signatures
        self.guarded = [r for r in routes if isinstance(r, APIRoute) and signatures.guards(r)]

    def _needs_signature(self, scope: Scope) -> bool:
        path, method = scope.get("path", ""), scope.get("method", "")
        return any(r.path_regex.match(path) and method in (r.methods or ()) for r in self.guarded)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self._needs_signature(scope):
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return  # the sender went away: nobody to answer
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        try:
            principal = await self.signatures.check(scope, body)
        except ApiError as refusal:
            await error_response(refusal)(scope, receive, send)
            return
        scope[PRINCIPAL_KEY] = principal
        given = False

        async def replay() -> Message:
            nonlocal given
            if not given:
                given = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
