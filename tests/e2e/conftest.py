"""Journey tests: the real main window driven with keys and clicks, against a real office server process over TLS on
loopback (SQLite; the server's rules have their own tests on PostgreSQL too). The office and the enrolled laptops
come from the sync tests' helpers, so a journey walks exactly what those prove piece by piece."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.conftest import Office
from tests.sync.conftest import sqlite_office

TEAMS = (("Advocacy A", "advocacy"), ("Prosecution P", "prosecution"), ("Prosecution Q", "prosecution"))


@pytest.fixture(autouse=True)
def _gc_on_main_thread(qt_main_thread_gc: None) -> None:
    """Cycles are collected on the main thread only, as in the app."""


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text for the screenshots to mean anything."""


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Office]:
    with sqlite_office(tmp_path_factory.mktemp("e2e-office"), TEAMS) as the:
        yield the
