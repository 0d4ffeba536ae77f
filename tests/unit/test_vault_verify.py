"""Checking a passphrase against the open vault's key file, changing nothing (enrolment asks this first)."""

from __future__ import annotations

import pytest

from app.errors import WrongPassphrase
from tests.conftest import TEST_PASSPHRASE, snapshot_files


def test_verify_passphrase_accepts_the_right_one_and_refuses_a_slip_changing_nothing(new_vault, tmp_data_dir) -> None:  # type: ignore[no-untyped-def]
    unlocked, _code = new_vault
    before = snapshot_files(tmp_data_dir)
    unlocked.verify_passphrase(TEST_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        unlocked.verify_passphrase(TEST_PASSPHRASE + "x")
    assert snapshot_files(tmp_data_dir) == before
