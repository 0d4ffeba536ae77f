"""Pull pages keep to about 2 MiB (DESIGN.md section 3) as well as to MAX_PAGE_RECORDS records, and lose nothing
doing so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from app.models import NoteEntry, Person
from app.models.base import uuid7
from app.protocol.schemas import MAX_PAGE_BYTES, PullIn
from app.server import db, records, sync
from app.server.access import Principal
from tests.server.conftest import DB_KEY

ME = Principal("user-pages", "team-pages", "advocacy", "advocate", "device-pages")
SECRET = "ef" * 32
BIG = 300_000  # characters of a (fictional) long note; eight fill a page


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = request.getfixturevalue("pg_database") if request.param == "postgres" else f"sqlite:///{tmp_path / 's.db'}"
    engine = db.make_engine(url, key=DB_KEY)
    db.upgrade(engine)
    yield engine
    engine.dispose()


def _envelope() -> dict[str, object]:
    return dict(
        owner_user_id=ME.user_id,
        team_id=ME.team_id,
        regime="advocacy",
        visibility="my_team",
        privileged=True,
        edited_hlc="1",
        edited_by=ME.user_id,
        edited_device="d",
    )


def test_big_records_spread_over_pages_of_about_two_mebibytes(engine: Engine) -> None:
    with db.sessions(engine)() as s, s.begin():
        person = Person(id=uuid7(), preferred_name="Example Person", **_envelope())
        person.person_id = person.id
        records.store(s, person, user_id=ME.user_id, device_id="d")
        notes = []
        for i in range(20):
            note = NoteEntry(
                id=uuid7(),
                person_id=person.id,
                parent_type="person",
                parent_id=person.id,
                body=f"Entry {i}. " + "A long fictional note. " * (BIG // 23),
                **_envelope(),
            )
            records.store(s, note, user_id=ME.user_id, device_id="d")
            notes.append(note.id)
        small = [uuid7() for _ in range(30)]
        for record_id in small:
            records.store(s, NoteEntry(id=record_id, person_id=person.id, parent_type="person",
                                       parent_id=person.id, body="Short.", **_envelope()),
                          user_id=ME.user_id, device_id="d")  # fmt: skip
    got: list[str] = []
    sizes = []
    cursor = None
    manifest = None
    with db.sessions(engine)() as s, s.begin():
        for _ in range(50):
            out = sync.pull(s, ME, PullIn(cursor=cursor), epoch="e", secret_key=SECRET)
            sizes.append(len(out.model_dump_json()))
            got.extend(r.values["id"] for r in out.records)
            cursor, manifest = out.cursor, out.manifest
            if not out.more:
                break
        assert cursor is not None
        sync.done(s, ME, cursor, secret_key=SECRET)
    assert max(sizes) <= MAX_PAGE_BYTES + 64 * 1024, sizes
    assert len(sizes) >= 3, "6 MB of notes cannot come in fewer than three pages"
    assert set(got) == {person.id, *notes, *small}, "every record came"
    assert sorted(got) == sorted(set(got)), "and none twice"
    assert set(manifest or []) == set(got)
    assert got.index(person.id) == 0, "the person came with (or before) the notes that point at it"
