"""Background work for the desktop app, through one API.

Every piece of vault work (key derivation, queries, locking) runs on ONE worker thread, in the order it was asked
for, so the database is only ever used from that thread and a lock queued after a query waits for it. Results come
back to the main thread through a queued Qt signal; the worker never touches a widget (after Anki's taskman).

    runner.run(lambda: people.search(text), on_done=self._show_rows, on_error=self._show_problem)
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from app.ui.qt import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


@dataclass
class _Task:
    fn: Callable[[], Any]
    on_done: OnDone | None
    on_error: OnError | None
    on_dropped: OnDone | None
    result: Any = None
    error: BaseException | None = None


def _log_error(exc: BaseException) -> None:
    # The type only: an exception's text can carry a name or a search someone typed.
    log.error("background task failed: %s", type(exc).__name__)


class TaskRunner(QObject):
    """One single-worker executor for vault and database work; callbacks run on the main thread.

    ``busy`` is true while anything is queued, running or waiting to be delivered; ``busy_changed`` says when that
    flips, so a window can show a busy indicator. Callers disable their own buttons while their task runs.
    """

    busy_changed = Signal(bool)
    _wake = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offramp-vault")
        self._finished: deque[_Task] = deque()
        self._pending = 0
        self._closed = False
        self._guard = threading.Lock()
        self._wake.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @property
    def closed(self) -> bool:
        return self._closed

    def run(
        self,
        fn: Callable[[], Any],
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        *,
        on_dropped: OnDone | None = None,
    ) -> None:
        """Run ``fn()`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` on the main thread.

        ``on_dropped(result)`` is called instead of ``on_done`` when the runner shuts down before the result could
        be delivered, so a task that opened something (a vault) can close it again.
        """
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        task = _Task(fn, on_done, on_error, on_dropped)
        self._set_pending(self._pending + 1)
        self._executor.submit(self._work, task)

    def _work(self, task: _Task) -> None:
        # On the worker thread: compute, park the outcome, wake the main thread. Nothing here touches Qt widgets.
        try:
            task.result = task.fn()
        except BaseException as exc:
            task.error = exc
        with self._guard:
            self._finished.append(task)
            if self._closed:
                return
        # The Qt object may already be gone; then shutdown() hands the task over instead.
        with contextlib.suppress(RuntimeError):
            self._wake.emit()

    @Slot()
    def _deliver(self) -> None:
        while True:
            with self._guard:
                if not self._finished:
                    return
                task = self._finished.popleft()
            self._set_pending(self._pending - 1)
            if task.error is not None:
                (task.on_error or _log_error)(task.error)
            elif task.on_done is not None:
                task.on_done(task.result)

    def _set_pending(self, value: int) -> None:
        was_busy = self.busy
        self._pending = max(0, value)
        if self.busy != was_busy:
            self.busy_changed.emit(self.busy)

    def wait(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the worker after everything queued before it, and block until it is done.

        Only for moments when the app must not go on first (closing the window locks the vault).
        """
        if self._closed:
            return fn()
        return self._executor.submit(fn).result()

    def shutdown(self) -> None:
        """Finish the task that is running, skip the ones still queued, deliver nothing more. Idempotent."""
        if self._closed:
            return
        with self._guard:
            self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)
        with self._guard:
            undelivered = list(self._finished)
            self._finished.clear()
        for task in undelivered:
            if task.error is None and task.on_dropped is not None:
                task.on_dropped(task.result)
        self._set_pending(0)
