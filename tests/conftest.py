"""Shared test setup: headless Qt, an in-memory keyring, PostgreSQL and data-dir fixtures."""

import datetime as dt
import os
import sys

# Before anything can import Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
import sqlalchemy as sa
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

# Settings, logs and data folders of the person running the tests are never touched: platformdirs follows these.
_HOME = tempfile.mkdtemp(prefix="offramp-test-home-")
for _var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
    os.environ[_var] = os.path.join(_HOME, _var.lower())

DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


# --- keyring -------------------------------------------------------------------------------------


class InMemoryKeyring(KeyringBackend):
    """Secrets live in a dict for the test session; nothing touches the OS keyring or a file."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.secrets[(service, username)]
        except KeyError:
            raise PasswordDeleteError(f"no secret for {service!r}/{username!r}") from None


_KEYRING = InMemoryKeyring()


@pytest.fixture(scope="session", autouse=True)
def _in_memory_keyring() -> Iterator[InMemoryKeyring]:
    keyring.set_keyring(_KEYRING)
    yield _KEYRING


@pytest.fixture
def keyring_backend(_in_memory_keyring: InMemoryKeyring) -> InMemoryKeyring:
    """The session's in-memory keyring, emptied for this test."""
    _in_memory_keyring.secrets.clear()
    return _in_memory_keyring


# --- the day ------------------------------------------------------------------------------------


#: The day the test modules were imported: a module whose ``TODAY`` is this day took it from the clock.
_IMPORT_DAY = dt.date.today()
#: Modules whose ``TODAY`` follows the clock (a module with a fixed day of its own is left alone).
_FOLLOWS_THE_CLOCK: set[str] = set()


@pytest.fixture(autouse=True)
def _today_is_the_day_the_test_runs(request: pytest.FixtureRequest) -> None:
    """A module's ``TODAY`` taken from the clock is the day its test runs, not the day the module was imported.

    The suite takes about half an hour; a run that starts before midnight would otherwise compare what the app dates
    today (the new day) with yesterday's date. Dates a module derives from ``TODAY`` are worked out inside the test
    or its helpers, never frozen at import. A module that fixes its own ``TODAY`` (a day in 2027) keeps it.
    """
    module = request.module
    if module is None:
        return
    if module.__name__ in _FOLLOWS_THE_CLOCK or getattr(module, "TODAY", None) == _IMPORT_DAY:
        _FOLLOWS_THE_CLOCK.add(module.__name__)
        module.TODAY = dt.date.today()


# --- files ---------------------------------------------------------------------------------------


@pytest.fixture
def tmp_data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data directory (what `--data-dir` points at)."""
    data = tmp_path / "data"
    data.mkdir()
    return data


@pytest.fixture
def shots(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    """The folder for what a test saves for a person to look at (screenshots, rendered pages).

    With ``OFFRAMP_SHOTS`` set, ``$OFFRAMP_SHOTS/<test module>``, so a whole run can be looked through in one place;
    otherwise a folder in the test's own ``tmp_path``: never a fixed folder that other runs or users share.
    """
    root = os.environ.get("OFFRAMP_SHOTS")
    folder = Path(root) / request.path.stem if root else tmp_path / "shots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- PostgreSQL ----------------------------------------------------------------------------------


def _admin_engine(url: str | URL) -> sa.Engine:
    return sa.create_engine(
        url,
        poolclass=NullPool,
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": 3},
    )


def _connect_problem(url: str) -> str | None:
    """None when the server answers `SELECT 1`, else the first line of what went wrong."""
    try:
        engine = _admin_engine(url)  # raises when the driver is not installed
        try:
            with engine.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
        finally:
            engine.dispose()
    except Exception as exc:
        cause = exc.orig if isinstance(exc, sa.exc.DBAPIError) and exc.orig is not None else exc
        lines = str(cause).strip().splitlines()
        return lines[0] if lines else type(cause).__name__
    return None


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """URL of a PostgreSQL server that answers, else skip (or fail when OFFRAMP_REQUIRE_POSTGRES=1)."""
    url = os.environ.get("OFFRAMP_TEST_POSTGRES_URL") or DEFAULT_POSTGRES_URL
    required = os.environ.get("OFFRAMP_REQUIRE_POSTGRES") == "1"
    try:
        shown: str | None = make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        shown = None
    if shown is None:  # a malformed URL is a setup mistake, never a reason to skip quietly
        pytest.fail(f"OFFRAMP_TEST_POSTGRES_URL is not a valid database URL: {url!r}", pytrace=False)
    problem = _connect_problem(url)
    if problem is None:
        return url
    if required:
        pytest.fail(
            f"PostgreSQL not reachable at {shown} ({problem}). OFFRAMP_REQUIRE_POSTGRES=1 makes the "
            "PostgreSQL tests mandatory: start a server there, or run "
            '`eval "$(bash scripts/ensure-postgres.sh)"` to find or start one.',
            pytrace=False,
        )
    pytest.skip(
        f"PostgreSQL not reachable at {shown}; set OFFRAMP_TEST_POSTGRES_URL or start it "
        "(CI makes this mandatory)"
    )


@pytest.fixture
def pg_database(postgres_url: str) -> Iterator[str]:
    """A fresh, uniquely named, empty database on the test server; yields its URL, drops it after."""
    server = make_url(postgres_url)
    name = f"offramp_test_{uuid.uuid4().hex[:16]}"
    admin = _admin_engine(server)
    quoted = admin.dialect.identifier_preparer.quote(name)
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f"CREATE DATABASE {quoted} TEMPLATE template0 ENCODING 'UTF8'"))
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(
                sa.text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": name},
            )
            force = " WITH (FORCE)" if (conn.dialect.server_version_info or (0,)) >= (13,) else ""
            conn.execute(sa.text(f"DROP DATABASE IF EXISTS {quoted}{force}"))
        admin.dispose()


# --- Qt ------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def qt_fonts_ok(qapp: object) -> list[str]:
    """Qt can find fonts; without them text silently renders as empty boxes.

    Request it (directly or from an autouse fixture in tests/ui/) wherever text is rendered.
    Qt is imported here, lazily, so non-UI tests never load it.
    """
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families()
    if not families:
        pytest.fail(
            "Qt found no fonts, so text would render as empty boxes. Install fontconfig and a font "
            "(`make setup` installs fonts-dejavu-core on Debian).",
            pytrace=False,
        )
    return list(families)


# --- vaults --------------------------------------------------------------------------------------

TEST_PASSPHRASE = "a long test passphrase"


@pytest.fixture
def new_vault(tmp_data_dir: Path):  # type: ignore[no-untyped-def]
    """A freshly created real SQLCipher vault (floor Argon2id cost), unlocked; yields (unlocked, recovery_code)."""
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault

    unlocked, code = Vault(tmp_data_dir).create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    yield unlocked, code
    unlocked.lock()


@pytest.fixture
def workspace(new_vault):  # type: ignore[no-untyped-def]
    from app.core.workspace import Workspace

    return Workspace(new_vault[0])


def snapshot_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes, to prove a failure changed nothing on disk."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def qt_main_thread_gc(qapp: object) -> Iterator[None]:
    """Cycles are collected on the main thread only, as in the app (``app.ui.collector``), for one test; and the
    test's windows are destroyed when it ends.

    Request it from an autouse fixture wherever widgets live alongside the task runner's worker thread; a cycle
    holding a widget collected on that thread destroys it off the GUI thread, a rare segmentation fault.

    pytest-qt closes the widgets a test registered and calls ``deleteLater()`` on them, but Qt deletes later only from
    a running event loop, and none runs between tests: a test's main window (its application-wide event filters, its
    task runner, every section) was destroyed inside the next test's first wait, while that test's own tasks
    delivered. Here, the last of the test's fixtures to end, they are destroyed at once, then their Python side
    collected (tests/ui/test_crash_teardown.py).
    """
    from app.ui.collector import MainThreadCollector
    from app.ui.qt import QCoreApplication, QEvent

    collector = MainThreadCollector()
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    collector.stop()
    collector.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    session.config.stash[_EXIT_STATUS] = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """A process that loaded Qt leaves without Python's finalization, once pytest has said everything.

    Finalization destroys the last widgets' wrappers after the QApplication, and that crashed the window test
    processes at exit (signal 11 after "21 passed"). The status pytest decided is the process's status.
    """
    status = config.stash.get(_EXIT_STATUS, None)
    if status is not None and "PySide6.QtWidgets" in sys.modules:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


_EXIT_STATUS = pytest.StashKey[int]()
