"""Push batches of different devices run side by side on PostgreSQL, and sequence order is still commit order.

The server's protocol functions run in-process on a real PostgreSQL database (and SQLite for the invariants that
hold there too), in several threads with their own connections, as uvicorn's worker threads would.

"Sequence order is commit order" is checked the way pull depends on it: a reader that has seen the counter at ``c``
and every revision numbered up to ``c`` must never later find another revision numbered at or below ``c``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.models.base import uuid7
from app.protocol.schemas import Mutation, PushIn
from app.server import db, sync
from app.server.access import Principal
from app.server.models import Conflict, MutationResult, Quarantine, RecordHead, Revision
from tests.server.conftest import DB_KEY

TEAM = "team-advocacy"
HLC = "0000000000001.00000.test"


def principal(n: int) -> Principal:
    return Principal(f"user-{n}", TEAM, "advocacy", "advocate", f"device-{n}")


def new_person(name: str = "Example Person") -> Mutation:
    return Mutation(
        mutation_id=uuid7(),
        record_id=uuid7(),
        type="person",
        schema_version=1,
        patch={"preferred_name": name, "visibility": "my_team"},
        edited_hlc=HLC,
    )


def edit(record_id: str, base_rev: int, **patch: object) -> Mutation:
    return Mutation(
        mutation_id=uuid7(),
        record_id=record_id,
        type="person",
        schema_version=1,
        base_rev=base_rev,
        patch=dict(patch),
        edited_hlc=HLC,
    )


def batch(*mutations: Mutation) -> PushIn:
    return PushIn(batch_id=uuid7(), mutations=list(mutations))


def push(engine: Engine, who: Principal, body: PushIn) -> None:
    with db.sessions(engine)() as s, s.begin():
        sync.push(s, who, body)


def _engine(url: str) -> Iterator[Engine]:
    engine = db.make_engine(url, key=DB_KEY)
    db.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def pg_engine(pg_database: str) -> Iterator[Engine]:
    yield from _engine(pg_database)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def any_engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgres":
        url = request.getfixturevalue("pg_database")
    else:
        url = f"sqlite:///{tmp_path / 'server.db'}"
    yield from _engine(url)


def _seqs(s: sa.orm.Session) -> list[int]:
    revs = s.scalars(sa.select(Revision.server_seq)).all()
    conflicts = s.scalars(sa.select(Conflict.server_seq)).all()
    return sorted([*revs, *conflicts])


@pytest.mark.postgres
def test_a_batch_at_work_does_not_hold_back_another_devices_batch(pg_engine: Engine) -> None:
    """Batch A is half-way through its work (transaction open) when batch B of another device arrives: B finishes
    and commits without waiting, and takes the lower numbers, because it committed first."""
    a, b = principal(1), principal(2)
    body_a = batch(new_person(), new_person())
    body_b = batch(new_person(), new_person())
    with db.sessions(pg_engine)() as s, s.begin():
        # The real steps of sync.push, stopped before the last one (taking the sequence, then commit).
        work = sync.begin_batch(s, a, body_a)
        for m in body_a.mutations:
            sync._one(s, a, m, work)

        finished = threading.Event()
        problems: list[BaseException] = []

        def other() -> None:
            try:
                push(pg_engine, b, body_b)
                finished.set()
            except BaseException as exc:  # reported below
                problems.append(exc)

        thread = threading.Thread(target=other)
        thread.start()
        thread.join(timeout=20)
        assert not problems, problems
        assert finished.is_set(), "batch B waited for batch A's whole transaction"

        # A reader now sees B whole, under the counter it reads.
        with db.sessions(pg_engine)() as r:
            seen = db.current_seq(r)
            assert _seqs(r) == list(range(1, seen + 1))
        sync.end_batch(s, work)
    with db.sessions(pg_engine)() as s:
        heads = {h.id: h.server_seq for h in s.scalars(sa.select(RecordHead))}
        a_seqs = [heads[m.record_id] for m in body_a.mutations]
        b_seqs = [heads[m.record_id] for m in body_b.mutations]
        assert max(b_seqs) < min(a_seqs) and min(a_seqs) > seen, "B committed first, so B's numbers come first"
        assert _seqs(s) == list(range(1, db.current_seq(s) + 1)), "no stand-in left, no gap, no number twice"


@pytest.mark.postgres
def test_one_devices_resent_batch_waits_for_its_first_copy(pg_engine: Engine) -> None:
    """A batch resent while its first copy is still at work waits for it, then finds the stored results."""
    a = principal(1)
    body = batch(new_person(), new_person())
    with db.sessions(pg_engine)() as s, s.begin():
        work = sync.begin_batch(s, a, body)
        first = [sync._one(s, a, m, work) for m in body.mutations]
        results: list[object] = []

        def resend() -> None:
            with db.sessions(pg_engine)() as s2, s2.begin():
                results.append(sync.push(s2, a, body))

        thread = threading.Thread(target=resend)
        thread.start()
        time.sleep(0.5)
        assert not results, "the resent copy must wait for the first"
        sync.end_batch(s, work)
    thread.join(timeout=20)
    assert len(results) == 1
    again = results[0].results  # type: ignore[attr-defined]
    assert [r.outcome for r in again] == [r.outcome for r in first] == ["applied", "applied"]
    with db.sessions(pg_engine)() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(RecordHead)) == 2
        assert s.scalar(sa.select(sa.func.count()).select_from(Quarantine)) == 0


def test_concurrent_pushers_lose_nothing_and_commit_in_sequence_order(any_engine: Engine) -> None:
    """Several devices push at once, each making people and editing one shared person (different values of one
    field: conflicts, and a field of its own: merges), while a reader checks what pull relies on."""
    engine = any_engine
    devices = [principal(n) for n in range(6)]
    shared = new_person("Shared Example")
    push(engine, devices[0], batch(shared))
    rounds = 4
    stop = threading.Event()
    problems: list[str] = []
    observations = 0

    def reader() -> None:
        nonlocal observations
        seen: dict[int, set[int]] = {}
        while not stop.is_set():
            with db.sessions(engine)() as r, r.begin():
                ceiling = db.current_seq(r)
                numbers = {n for n in _seqs(r) if n <= ceiling}
            for earlier, had in seen.items():
                late = {n for n in numbers if n <= earlier} - had
                if late:
                    problems.append(f"numbers {sorted(late)[:3]} committed after {earlier} was read")
            seen[ceiling] = numbers
            observations += 1

    def pusher(who: Principal, index: int) -> None:
        fields = ["pronouns", "legal_name", "aliases", "languages", "interpreter_needed", "safe_to_call"]
        own_field = fields[index % len(fields)]
        try:
            for i in range(rounds):
                value: object = f"value {index}-{i}"
                if own_field in ("aliases", "languages"):
                    value = [f"Example {index}-{i}"]
                elif own_field in ("interpreter_needed", "safe_to_call"):
                    value = i % 2 == 0
                mutations = [new_person() for _ in range(3)]
                mutations.append(edit(shared.record_id, 1, safe_times=f"Evenings {index}-{i}"))
                mutations.append(edit(shared.record_id, 1, **{own_field: value}))
                push(engine, who, batch(*mutations))
        except Exception as exc:  # reported below
            problems.append(f"{who.device_id}: {type(exc).__name__}: {exc}")

    watcher = threading.Thread(target=reader)
    watcher.start()
    threads = [threading.Thread(target=pusher, args=(d, i)) for i, d in enumerate(devices)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    stop.set()
    watcher.join(timeout=30)
    assert not problems, problems[:5]
    assert observations > 1
    total = len(devices) * rounds * 5
    with db.sessions(engine)() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(MutationResult)) == total + 1
        assert s.scalar(sa.select(sa.func.count()).select_from(Quarantine)) == 0, "nothing refused or lost"
        assert s.scalar(sa.select(sa.func.count()).select_from(RecordHead)) == 1 + len(devices) * rounds * 3
        revs = s.scalars(sa.select(Revision.rev).where(Revision.record_id == shared.record_id)).all()
        head = s.get(RecordHead, shared.record_id)
        assert head is not None
        assert sorted(revs) == list(range(1, head.rev + 1)), "every revision of the shared person, none lost"
        top = s.scalar(sa.select(sa.func.max(Revision.server_seq)).where(Revision.record_id == shared.record_id))
        assert top is not None and head.server_seq == top
        assert _seqs(s) == list(range(1, db.current_seq(s) + 1)), "no stand-in left, no gap, no number twice"
        assert (s.scalar(sa.select(sa.func.count()).select_from(Conflict)) or 0) > 0, "the same field, different values"
