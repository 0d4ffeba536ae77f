"""Rotating log files that never hold personal data.

A log line is the time, the level, the logger's name and the message's *format string* with every argument replaced
by its type (``opened %s`` with a name becomes ``opened <str>``). An exception is written as its type name (and the
types it was raised from), never its text or a traceback: both can carry a name, an address or a search someone typed.
What IT staff need to find a fault is which step failed with which kind of error; that much is always there.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
import re
from pathlib import Path
from types import TracebackType
from typing import Any

APP_NAME = "Offramp"
FILE_NAME = "offramp.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700

# printf-style conversions as logging uses them, including the mapping form ("%(name)s") and "%%".
_CONVERSION = re.compile(
    r"%(?:\((?P<key>[^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?(?P<type>[diouxXeEfFgGcrsa%])"
)


def default_log_dir() -> Path:
    from platformdirs import user_log_dir

    return Path(user_log_dir(APP_NAME, appauthor=False))


def _type_name(value: Any) -> str:
    return f"<{type(value).__name__}>"


def redact_message(msg: Any, args: Any) -> str:
    """The format string with each argument's value replaced by its type name. A message that is not a string is
    itself only a value (``log.error(exc)``), so only its type is kept."""
    if not isinstance(msg, str):
        return _type_name(msg)
    mapping = args if isinstance(args, dict) else None
    positional = list(args) if isinstance(args, tuple) else ([] if args is None or mapping is not None else [args])
    index = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal index
        if match.group("type") == "%":
            return "%"
        key = match.group("key")
        if key is not None:
            return _type_name(mapping[key]) if mapping is not None and key in mapping else "<?>"
        if mapping is not None:  # log.info("%s", {...}): logging hands the one dict over as the mapping
            return _type_name(mapping)
        if index < len(positional):
            value = positional[index]
            index += 1
            return _type_name(value)
        return "<?>"

    if not positional and mapping is None:
        return msg  # logging leaves a message without arguments as it is ("100%" stays "100%")
    return _CONVERSION.sub(replace, msg)


def exception_types(exc: BaseException | None) -> str:
    """``ValueError <- KeyError``: the exception's type and the types it came from, nothing they say."""
    names: list[str] = []
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen and len(names) < 8:
        seen.add(id(exc))
        names.append(type(exc).__name__)
        exc = exc.__cause__ if exc.__cause__ is not None else exc.__context__
    return " <- ".join(names)


_WARNING_HEAD = re.compile(r"^(?P<where>[^\n]*?:\d+): (?P<category>\w+): ")


def _warning_summary(record: logging.LogRecord) -> str:
    """A captured warning arrives as its whole text; keep where it was raised and its category only."""
    match = _WARNING_HEAD.match(str(record.msg))
    if match is None:
        return "<warning>"
    return f"{Path(match['where']).name} {match['category']}"


class RedactingFormatter(logging.Formatter):
    """Formats records without any argument values, exception messages, tracebacks or stack dumps."""

    def __init__(self) -> None:
        super().__init__(fmt="%(asctime)s %(levelname)s %(name)s: %(message)s", datefmt="%Y-%m-%dT%H:%M:%S%z")

    def format(self, record: logging.LogRecord) -> str:
        # Work on what this formatter builds, never on the record: other handlers get it as it was.
        is_warning = record.name == "py.warnings"
        message = _warning_summary(record) if is_warning else redact_message(record.msg, record.args)
        line = f"{self.formatTime(record, self.datefmt)} {record.levelname} {record.name}: {message}"
        exc_info = record.exc_info
        if exc_info and exc_info[1] is not None:
            line += f" [exception: {exception_types(exc_info[1])}]"
        elif exc_info and exc_info[0] is not None:
            line += f" [exception: {exc_info[0].__name__}]"
        return line.replace("\n", " ").replace("\r", " ")

    def formatException(
        self, ei: tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]
    ) -> str:
        return exception_types(ei[1])

    def formatStack(self, stack_info: str) -> str:
        return ""


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating file handler whose files are created readable by this user only (0600) from the first byte."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, PRIVATE_FILE)
        with contextlib.suppress(OSError):
            os.chmod(self.baseFilename, PRIVATE_FILE)  # an older file made with looser rights
        return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)


_handler: PrivateRotatingFileHandler | None = None


def setup_logging(log_dir: Path | None = None, level: int = logging.INFO) -> Path:
    """Send the app's logging to ``<log dir>/offramp.log`` (1 MB × 5, rotating). Returns the log file's path.

    Calling it again replaces the handler it added before (a test, or another folder).
    """
    global _handler
    folder = Path(log_dir) if log_dir is not None else default_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        os.chmod(folder, PRIVATE_DIR)
    path = folder / FILE_NAME
    handler = PrivateRotatingFileHandler(
        path, mode="a", maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=False
    )
    handler.setFormatter(RedactingFormatter())
    handler.setLevel(level)
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > level:
        root.setLevel(level)
    logging.captureWarnings(True)  # warnings go through the same redaction
    _handler = handler
    return path


def stop_logging() -> None:
    """Remove and close the handler :func:`setup_logging` added (tests; shutting down)."""
    global _handler
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
        logging.captureWarnings(False)
