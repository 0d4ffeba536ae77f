"""Log files hold what went wrong and where, never who: no argument values, exception texts or tracebacks."""

from __future__ import annotations

import logging
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core import logs

NAME = "Marisol Placeholder"  # fictional
ADDRESS = "17 Imaginary Lane"


@pytest.fixture
def log_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    logs.setup_logging(folder, level=logging.DEBUG)
    yield folder
    logs.stop_logging()


def everything_written(folder: Path) -> str:
    for handler in logging.getLogger().handlers:
        handler.flush()
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.is_file())


def test_names_never_reach_the_log_file(log_dir: Path) -> None:
    log = logging.getLogger("app.core.people")
    log.info("opened the person %s with %d notes", NAME, 3)
    log.warning("search for %(query)r found %(n)s", {"query": NAME, "n": 0})
    log.info("one dict %s", {"name": NAME})
    try:
        try:
            raise KeyError(ADDRESS)
        except KeyError as inner:
            raise ValueError(f"could not save {NAME}") from inner
    except ValueError:
        log.exception("saving failed for %s", NAME)
    log.error(ValueError(NAME))  # a value as the message
    log.info("stack", stack_info=True)
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        logs.logging.captureWarnings(True)
        warnings.warn(f"something about {NAME}", UserWarning, stacklevel=1)

    text = everything_written(log_dir)
    assert NAME not in text
    assert "Marisol" not in text and "Placeholder" not in text
    assert ADDRESS not in text and "Imaginary" not in text
    assert "Traceback" not in text
    # What is left is still useful: where, which step, which kind of error.
    assert "INFO app.core.people: opened the person <str> with <int> notes" in text
    assert "search for <str> found <int>" in text
    assert "one dict <dict>" in text
    assert "saving failed for <str> [exception: ValueError <- KeyError]" in text
    assert "app.core.people: <ValueError>" in text


def test_log_files_are_private_and_rotate(tmp_path: Path) -> None:
    folder = tmp_path / "logs"
    path = logs.setup_logging(folder)
    try:
        assert path == folder / "offramp.log"
        log = logging.getLogger("app.test")
        line = "x" * 500
        for _ in range(2_200):  # a bit over 1 MB of lines
            log.info(line)
        files = sorted(p.name for p in folder.iterdir())
        assert files == ["offramp.log", "offramp.log.1"]
        for p in folder.iterdir():
            assert stat.S_IMODE(p.stat().st_mode) == 0o600, p.name
            assert p.stat().st_size <= logs.MAX_BYTES
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        logs.stop_logging()


def test_setting_up_twice_keeps_one_handler(tmp_path: Path) -> None:
    logs.setup_logging(tmp_path / "a")
    logs.setup_logging(tmp_path / "b")
    try:
        ours = [h for h in logging.getLogger().handlers if isinstance(h, logs.PrivateRotatingFileHandler)]
        assert len(ours) == 1
        assert Path(ours[0].baseFilename).parent == tmp_path / "b"
    finally:
        logs.stop_logging()
    assert not [h for h in logging.getLogger().handlers if isinstance(h, logs.PrivateRotatingFileHandler)]


def test_the_default_folder_is_the_platform_log_folder() -> None:
    assert logs.default_log_dir().name.lower() in {"log", "logs", "offramp"}
    assert "Offramp" in str(logs.default_log_dir())


@pytest.mark.parametrize(
    ("msg", "args", "expected"),
    [
        ("plain", None, "plain"),
        ("100% done", None, "100% done"),
        ("%d%% of %s", (5, NAME), "<int>% of <str>"),
        ("%-10s|%5.2f", (NAME, 1.5), "<str>|<float>"),
        ("too few %s %s", (NAME,), "too few <str> <?>"),
    ],
)
def test_redact_message(msg: str, args: object, expected: str) -> None:
    assert logs.redact_message(msg, args) == expected
