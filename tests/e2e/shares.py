"""What an advocate's laptop does before a prosecutor's window receives a share: shared by the journey tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import sqlalchemy as sa

from app.core.consent import ConsentService
from app.core.sharing import SharingService
from app.storage.vault import Vault
from tests.sync.conftest import Laptop


def advocate_shares(
    a: Laptop, name: str, court: dt.datetime, facts: Sequence[str], *, purpose: str, days: tuple[int, int]
) -> tuple[str, str]:
    """On an advocate's laptop (no window): a person with a court date, a privileged note and a written release to
    Prosecution P covering her name and court dates (from ``days[0]`` days ago to ``days[1]`` days ahead); then
    ``facts`` shared under it and synced to the office. Returns the person's id and the release's."""
    ws = a.ws
    today = dt.date.today()
    person = ws.records.create("person", {"preferred_name": name, "safe_times": "Weekdays after 6"}).id
    ws.records.create(
        "encounter", {"occurred_at": court, "kind": "court", "summary": "Court date"}, person_id=person
    )  # fmt: skip
    ws.records.create(
        "note_entry", {"parent_type": "person", "parent_id": person, "body": "Privileged: afraid of her landlord"},
        person_id=person,
    )  # fmt: skip
    release = ConsentService(ws).record(
        person,
        {"recipient": "Prosecution P", "data_covered": ["Name", "Court dates"], "purpose": purpose,
         "starts_on": today - dt.timedelta(days=days[0]), "expires_on": today + dt.timedelta(days=days[1]),
         "method": "written"},
    )  # fmt: skip
    a.sync()  # this computer learns the office's prosecution teams
    SharingService(ws).share(person, release, list(facts))
    a.sync()
    return person, release


def every_value(folder: Path, passphrase: str) -> str:
    """Every value in every table of a vault, as text: what a disk image of it could give away."""
    unlocked = Vault(folder).unlock(passphrase)
    try:
        out: list[str] = []
        with unlocked.engine.connect() as conn:
            tables = conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars().all()
            for table in tables:
                for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):  # noqa: S608 - names from sqlite_master
                    out.extend(str(v) for v in row)
        return "\n".join(out)
    finally:
        unlocked.lock()
