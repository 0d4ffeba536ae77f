"""Fixtures every UI test may use: fonts that render, a task runner, a real vault, the person's workspace on
screen, and the screenshot folder that :func:`tests.ui.helpers.shot` saves into."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.ui import helpers

if TYPE_CHECKING:
    from app.core.settings import Settings
    from app.core.workspace import Workspace
    from app.storage.vault import Vault
    from app.ui.person import PersonWorkspace
    from app.ui.tasks import TaskRunner


@pytest.fixture(autouse=True)
def _gc_on_main_thread(qt_main_thread_gc: None) -> None:
    """Cycles are collected on the main thread only, as in the app."""


@pytest.fixture(autouse=True)
def _fonts(qt_fonts_ok: list[str]) -> None:
    """Text must render as text, not boxes, for the screenshots to mean anything."""


@pytest.fixture(autouse=True)
def _shots_for_helpers(request: pytest.FixtureRequest) -> Iterator[None]:
    """helpers.shot saves into this test's ``shots`` folder; the folder is made only when a test saves one."""
    helpers.current_shots = lambda: request.getfixturevalue("shots")
    yield
    helpers.current_shots = None


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    from app.ui.tasks import TaskRunner

    r = TaskRunner()
    yield r
    r.shutdown()


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    """A new advocacy vault, open; locked after the test."""
    with helpers.new_workspace(tmp_path / "vault") as workspace:
        yield workspace


@pytest.fixture
def page(qtbot, runner: TaskRunner) -> PersonWorkspace:  # type: ignore[no-untyped-def]
    """The person's workspace, shown at 1100 by 750."""
    return helpers.show_person_workspace(qtbot, runner)


@pytest.fixture
def make_unlock_host(qtbot) -> Iterator[Callable[..., helpers.UnlockHost]]:  # type: ignore[no-untyped-def]
    """Makes the unlock page for a vault, shown and active; its runner stops and its vaults lock after the test."""
    hosts: list[helpers.UnlockHost] = []

    def make(vault: Vault, settings: Settings | None = None) -> helpers.UnlockHost:
        helpers.use_readable_font()
        host = helpers.UnlockHost(vault, settings)
        qtbot.addWidget(host)
        host.show()
        qtbot.waitExposed(host)
        host.activateWindow()
        hosts.append(host)
        return host

    yield make
    for host in hosts:
        host.runner.shutdown()
        for unlocked in host.opened:
            unlocked.lock()


@pytest.fixture
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    """The app's language ``request.param`` (parametrize indirectly): its translators installed as at start, before
    any window is built; English again afterwards."""
    from app.ui import i18n
    from app.ui.qt import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = i18n.install(app, request.param)
    yield request.param
    i18n.uninstall(app, installed)


@pytest.fixture
def text_size(request: pytest.FixtureRequest) -> Iterator[float]:
    """The application's text at ``request.param`` (indirect) times the readable size; as it was afterwards."""
    from app.ui.qt import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    helpers.use_readable_font()
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * request.param)
    app.setFont(font)
    yield request.param
    app.setFont(original)
