"""A server process runs no more requests' database work at once than it has connections to its database.

Requests do their database work in worker threads. With more threads than pooled connections, a burst (200 devices
pushing at once on four processes) left threads waiting on the pool, which gives up after 30 s and answered 500.
With the threads capped at the pool's size, the burst waits its turn in the event loop instead.
"""

from __future__ import annotations

from pathlib import Path

import anyio
import anyio.to_thread

from app.server import db
from app.server.app import create_app
from app.server.models import Office
from tests.server.conftest import DB_KEY


def test_the_app_caps_its_worker_threads_at_the_connection_pool(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'server.db'}", key=DB_KEY)
    db.upgrade(engine)
    with db.sessions(engine)() as s, s.begin():
        s.add(
            Office(name="Example Office", recovery_public_key="0" * 64, ca_fingerprint="0" * 64, secret_key="cd" * 32)
        )
    app = create_app(engine)

    async def tokens_while_serving() -> tuple[float, float]:
        before = anyio.to_thread.current_default_thread_limiter().total_tokens
        async with app.router.lifespan_context(app):
            return before, anyio.to_thread.current_default_thread_limiter().total_tokens

    try:
        before, serving = anyio.run(tokens_while_serving)
    finally:
        engine.dispose()
    assert before == 40, "anyio's own default, for comparison"
    assert serving == db.POOL_SIZE + db.POOL_OVERFLOW == 15
