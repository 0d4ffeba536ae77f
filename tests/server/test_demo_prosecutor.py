"""`make run-prosecutor`: the demo prosecutor's vault is a prosecution vault of fictional people, with the
prosecutor's desk, enrolled in the demo office's prosecution team, and receives what the prosecution may see."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.demo import office as demo_office
from app.demo.run import DEMO_PASSPHRASE
from app.models import CertificationRequest, ChargingDecision, Person
from app.storage.vault import Vault


def test_the_demo_prosecutor_is_a_prosecution_vault_enrolled_in_the_prosecution_team(tmp_path: Path) -> None:
    root = tmp_path / demo_office.OFFICE_DIR_NAME
    folder = demo_office.prosecutor_dir(tmp_path)
    demo_office.ensure(root)
    assert demo_office.ensure_prosecutor_vault(folder, DEMO_PASSPHRASE) is True
    assert demo_office.ensure_prosecutor_vault(folder, DEMO_PASSPHRASE) is False  # made once
    server = demo_office.start(root)
    try:
        said = demo_office.connect(folder, DEMO_PASSPHRASE, root, server.url, demo_office.PROSECUTOR)
        assert said.startswith("enrolled as demo-prosecutor (Prosecution team)"), said
    finally:
        server.stop()
    unlocked = Vault(folder).unlock(DEMO_PASSPHRASE)
    try:
        assert (unlocked.identity.regime, unlocked.identity.kind) == ("prosecution", "enrolled")
        with unlocked.session() as s:
            assert s.scalar(select(func.count()).select_from(Person)) == demo_office.PROSECUTOR_PEOPLE
            assert s.scalar(select(func.count()).select_from(ChargingDecision)) > 0
            assert s.scalar(select(func.count()).select_from(CertificationRequest)) > 0
            assert set(s.scalars(select(ChargingDecision.regime))) == {"prosecution"}
    finally:
        unlocked.lock()
