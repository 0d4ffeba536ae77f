"""A push batch runs under one savepoint, and again with one per mutation only when one of them fails.

A clean batch of 25 new records costs one SAVEPOINT (not 25: they were a third of its round trips), and its new
rows go to the database together (a few INSERTs, not three per record). A batch where one
mutation lacks its link (its person is not at the office) or sends a value that does not fit is run again carefully:
the good mutations are applied, the bad ones set aside, and nothing of the first try is left behind (no revision,
no sequence number, no result twice). On SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from app.models.base import uuid7
from app.protocol.schemas import Mutation
from app.server import db, sync
from app.server.models import MutationResult, Quarantine, RecordHead, Revision
from tests.server.test_push_concurrency import HLC, _seqs, any_engine, batch, new_person, principal

__all__ = ["any_engine"]  # the fixture, imported for pytest


@pytest.fixture
def statements(any_engine: Engine) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        seen.append(statement.strip().split()[0].upper())

    sa.event.listen(any_engine, "before_cursor_execute", record)
    yield seen
    sa.event.remove(any_engine, "before_cursor_execute", record)


def _note_without_its_person() -> Mutation:
    absent = uuid7()
    return Mutation(
        mutation_id=uuid7(),
        record_id=uuid7(),
        type="note_entry",
        schema_version=1,
        person_id=absent,
        patch={"parent_type": "person", "parent_id": absent, "body": "Example note", "visibility": "my_team"},
        edited_hlc=HLC,
    )


def _person_with_a_value_that_does_not_fit() -> Mutation:
    bad = new_person("Example Misfit")
    return bad.model_copy(update={"patch": {**bad.patch, "is_demo": "yes"}})


def test_a_clean_batch_takes_one_savepoint(any_engine: Engine, statements: list[str]) -> None:
    body = batch(*[new_person(f"Example Person {i}") for i in range(25)])
    with db.sessions(any_engine)() as s, s.begin():
        out = sync.push(s, principal(1), body)
    assert [r.outcome for r in out.results] == ["applied"] * 25
    assert statements.count("SAVEPOINT") == 1
    assert statements.count("UPDATE") <= 3, "no row is inserted and then updated one by one"
    # The new records' rows go in together: a few statements per table, not three per record (SQLite's driver still
    # takes one table's rows one by one).
    most = 8 if any_engine.dialect.name == "postgresql" else 8 + 25
    assert statements.count("INSERT") <= most, statements


def test_a_record_made_in_the_same_batch_as_its_person_finds_it(any_engine: Engine, statements: list[str]) -> None:
    person = new_person("Example Person")
    note = _note_without_its_person()
    note = note.model_copy(
        update={"person_id": person.record_id, "patch": {**note.patch, "parent_id": person.record_id}}
    )
    with db.sessions(any_engine)() as s, s.begin():
        out = sync.push(s, principal(1), batch(person, note))
    assert [(r.outcome, r.reason) for r in out.results] == [("applied", None), ("applied", None)]
    assert statements.count("SAVEPOINT") == 1, "no second, careful try"


def test_a_failing_mutation_sets_only_itself_aside_and_leaves_nothing_of_the_first_try(
    any_engine: Engine, statements: list[str]
) -> None:
    good = [new_person(f"Example Person {i}") for i in range(6)]
    note = _note_without_its_person()
    misfit = _person_with_a_value_that_does_not_fit()
    mutations = [*good[:2], note, *good[2:4], misfit, *good[4:]]
    with db.sessions(any_engine)() as s, s.begin():
        out = sync.push(s, principal(1), batch(*mutations))
    outcomes = {r.mutation_id: (r.outcome, r.reason) for r in out.results}
    assert outcomes[note.mutation_id] == ("quarantined", sync.MISSING_LINK)
    assert outcomes[misfit.mutation_id] == ("quarantined", "bad_value")
    assert all(outcomes[m.mutation_id] == ("applied", None) for m in good)
    # One savepoint for the first try, rolled back; then one for each mutation that reached the database (the misfit
    # is refused before it does).
    marks = [x for x in statements if x in ("SAVEPOINT", "ROLLBACK", "RELEASE")]
    assert marks == ["SAVEPOINT", "ROLLBACK", *["SAVEPOINT", "RELEASE"] * (len(mutations) - 1)]

    with db.sessions(any_engine)() as s:
        heads = set(s.scalars(sa.select(RecordHead.id)))
        assert heads == {m.record_id for m in good}
        assert s.scalar(sa.select(sa.func.count()).select_from(Revision)) == len(good)
        assert sorted(s.scalars(sa.select(MutationResult.mutation_id))) == sorted(m.mutation_id for m in mutations)
        assert sorted(s.scalars(sa.select(Quarantine.mutation_id))) == sorted([note.mutation_id, misfit.mutation_id])
        assert _seqs(s) == list(range(1, len(good) + 1)) == list(range(1, db.current_seq(s) + 1))

    # Sent again: the stored results come back and nothing changes.
    with db.sessions(any_engine)() as s, s.begin():
        again = sync.push(s, principal(1), batch(*mutations))
    assert {r.mutation_id: (r.outcome, r.reason) for r in again.results} == outcomes
    with db.sessions(any_engine)() as s:
        assert s.scalar(sa.select(sa.func.count()).select_from(Revision)) == len(good)


def test_a_record_made_and_changed_in_the_same_batch_gets_both_revisions_in_order(
    any_engine: Engine, statements: list[str]
) -> None:
    """The new records' heads wait for their sequence numbers until the batch's end, so a change to one of them in
    the same batch runs the batch the careful way: both revisions, in the order they were sent."""
    first = new_person("Example Person")
    other = new_person("Example Other")
    change = Mutation(
        mutation_id=uuid7(), record_id=first.record_id, type="person", schema_version=1, base_rev=1,
        patch={"preferred_name": "Example Renamed"}, edited_hlc=HLC,
    )  # fmt: skip
    with db.sessions(any_engine)() as s, s.begin():
        out = sync.push(s, principal(1), batch(first, other, change))
    assert [(r.outcome, r.rev) for r in out.results] == [("applied", 1), ("applied", 1), ("applied", 2)]
    # The first try stops before it has written anything (no statement in its savepoint); then one for each mutation.
    assert [x for x in statements if x in ("SAVEPOINT", "ROLLBACK", "RELEASE")] == ["SAVEPOINT", "RELEASE"] * 3
    with db.sessions(any_engine)() as s:
        revisions = s.execute(
            sa.select(Revision.record_id, Revision.rev, Revision.server_seq).order_by(Revision.server_seq)
        ).all()
        assert [(r.record_id, r.rev) for r in revisions] == [
            (first.record_id, 1), (other.record_id, 1), (first.record_id, 2),
        ]  # fmt: skip
        assert [r.server_seq for r in revisions] == [1, 2, 3] == list(range(1, db.current_seq(s) + 1))
        head = s.get(RecordHead, first.record_id)
        assert head is not None and (head.rev, head.server_seq) == (2, 3)
        renamed = s.get(Revision, (first.record_id, 2))
        assert renamed is not None and renamed.values["preferred_name"] == "Example Renamed"


def test_a_clean_batch_numbers_its_records_in_the_order_they_were_sent(any_engine: Engine) -> None:
    people = [new_person(f"Example Person {i}") for i in range(5)]
    with db.sessions(any_engine)() as s, s.begin():
        sync.push(s, principal(1), batch(*people))
    with db.sessions(any_engine)() as s:
        heads = s.execute(sa.select(RecordHead.id, RecordHead.server_seq, RecordHead.rev)).all()
        assert sorted((h.server_seq, h.id) for h in heads) == [(i + 1, p.record_id) for i, p in enumerate(people)]
        revisions = dict(s.execute(sa.select(Revision.record_id, Revision.server_seq)).all())
        assert revisions == {h.id: h.server_seq for h in heads}
        assert {h.rev for h in heads} == {1}
