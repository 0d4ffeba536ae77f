"""The office server's HTTP API (FastAPI). TLS is the CLI's job: ``offramp-server serve`` never starts without it.

Open without a device signature: ``GET /v1/health``, ``GET /v1/ca`` (the public office CA, which a device checks
against the fingerprint on its enrolment sheet) and ``POST /v1/enrol`` only. Everything else needs a request
signed by an enrolled, unrevoked device (:mod:`app.protocol.signing`), checked before any other work. There is no
interactive documentation or schema endpoint: nothing else is readable without a signature.

The endpoints live in routers by concern: :mod:`app.server.enrolment` (open), :mod:`app.server.sync_api`,
:mod:`app.server.records_api` and :mod:`app.server.conflicts` (signed, with :func:`app.server.api.signed_by_a_device`).

Every refusal is JSON ``{"error": <stable code>, "message": <one plain sentence>}``; a malformed body is a 422 and
never echoes what was sent.

Two ASGI middlewares stand in front of every endpoint, outermost first: :class:`app.server.limits.BodyLimit` counts
each body's bytes as they arrive and refuses one over 2 MiB (413) whatever its Content-Length says, and
:class:`app.server.api.SignedRequests` checks a signed endpoint's signature on the raw bytes before FastAPI parses
them (a revoked device's malformed JSON is a 403, not a 422).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.server import admin, conflicts, db, enrolment, records_api, sync, sync_api
from app.server.api import ApiError, DeviceSignatures, OfficeInfo, SignedRequests, error_response
from app.server.limits import MAX_BODY, BodyLimit
from app.server.models import Office

# --- the app --------------------------------------------------------------------------------------------------

#: Where ``serve --workers N`` tells its worker processes the data folder is (the same variable the CLI reads).
DATA_DIR_ENV = "OFFRAMP_SERVER_DIR"


def from_environment() -> FastAPI:
    """The app of one worker process of ``offramp-server serve --workers N``.

    Each worker opens its own engine (connections are never shared across processes) on the data folder named by
    ``OFFRAMP_SERVER_DIR`` and the database ``OFFRAMP_DATABASE_URL`` names, as the ``serve`` that started it did.
    """
    home = admin.ServerHome(Path(os.environ[DATA_DIR_ENV]))
    return create_app(home.engine(), ca_pem=home.ca_cert.read_bytes())


def create_app(engine: Engine, *, ca_pem: bytes | None = None) -> FastAPI:
    sessions: sessionmaker[Session] = db.sessions(engine)
    with sessions() as s:
        row = s.scalar(select(Office))
        if row is None:
            raise admin.AdminError("This server has no office yet. Run 'offramp-server init' first.")
        office = OfficeInfo(row.id, row.name, row.epoch, row.recovery_public_key, row.secret_key)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Requests do their database work in worker threads, one connection each at a time. With no more threads
        # than connections, a burst of requests waits its turn in the event loop, however long, instead of in the
        # connection pool, which gives up after 30 s (a 500 to the device).
        anyio.to_thread.current_default_thread_limiter().total_tokens = db.POOL_SIZE + db.POOL_OVERFLOW
        yield

    app = FastAPI(title="Offramp office server", docs_url=None, redoc_url=None, openapi_url=None, lifespan=lifespan)
    app.state.engine = engine
    app.state.office = office

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

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

    signatures = DeviceSignatures(sessions)
    signed = signatures.depends
    routers = [
        enrolment.router(sessions, office, ca_pem),
        sync_api.router(sessions, signed, office),
        records_api.router(sessions, signed),
        conflicts.router(sessions, signed),
    ]
    for router in routers:
        app.include_router(router)
    # The last added is the outermost: the body limit sees every byte before the signature check reads them.
    app.add_middleware(SignedRequests, signatures=signatures, routes=[r for router in routers for r in router.routes])
    app.add_middleware(BodyLimit, max_body=MAX_BODY)
    return app


def _error(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(status_code=status, content={"error": code, "message": message, **extra})
