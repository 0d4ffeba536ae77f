"""Background work for the desktop app, through one API.

Every piece of vault work (key derivation, queries, locking) runs on ONE worker thread, in the order it was asked
for, so the database is only ever used from that thread and a lock queued after a query waits for it. Results come
back to the main thread through a queued Qt signal; the worker never touches a widget (after Anki's taskman).

    runner.run(lambda: people.search(text), on_done=self._show_rows, on_error=self._show_problem)

Long work takes the task's handle to report progress and to notice a cancel between steps:

    handle = runner.run(lambda task: generate(ws, persons=n, progress=task.report, cancel=lambda: task.cancelled),
                        on_done=..., on_progress=self._show_progress, with_handle=True)
    cancel_button.clicked.connect(handle.cancel)
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

from app.errors import DatabaseDamaged
from app.ui.qt import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskHandle:
    """One piece of background work: cancel it from the main thread; report progress from the worker."""

    def __init__(self, runner: TaskRunner, on_progress: Callable[[int, int], None] | None) -> None:
        self._runner = runner
        self._on_progress = on_progress
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the work to stop at its next step; a task not started yet does not start."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        """From the worker: how far the work has got. Delivered on the main thread, in order."""
        if self._on_progress is not None and not self._runner.closed:
            with contextlib.suppress(RuntimeError):
                self._runner._progress.emit(self, done, total)

    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None and not self.cancelled:
            self._on_progress(done, total)


@dataclass
class _Task:
    fn: Callable[[], Any]
    on_done: OnDone | None
    on_error: OnError | None
    on_dropped: OnDone | None
    handle: TaskHandle
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
    #: A task met a damaged vault database (DatabaseDamaged), after its own ``on_error`` had it: the window
    #: locks and offers the latest backup, as the unlock screen does, instead of failing person by person.
    damage_met = Signal(object)
    _wake = Signal()
    _progress = Signal(object, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="offramp-vault")
        self._queued: deque[_Task] = deque()
        self._finished: deque[_Task] = deque()
        self._pending = 0
        self._closed = False
        self._guard = threading.Lock()
        self._wake.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(
            lambda handle, done, total: handle._deliver_progress(done, total), Qt.ConnectionType.QueuedConnection
        )

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
        on_progress: Callable[[int, int], None] | None = None,
        with_handle: bool = False,
    ) -> TaskHandle:
        """Run ``fn()`` on the worker; then ``on_done(result)`` or ``on_error(exc)`` on the main thread.

        ``on_dropped(result)`` is called instead of ``on_done`` when the runner shuts down before the result could
        be delivered, so a task that opened something (a vault) can close it again. With ``with_handle`` the work
        is called as ``fn(handle)`` to report progress (``on_progress(done, total)``) and see a cancel. A cancelled
        task delivers no result: its caller already moved on.
        """
        if self._closed:
            raise RuntimeError("the task runner has been shut down")
        handle = TaskHandle(self, on_progress)
        call: Callable[[], Any] = (lambda: fn(handle)) if with_handle else fn  # type: ignore[call-arg]
        task = _Task(call, on_done, on_error, on_dropped, handle)
        self._set_pending(self._pending + 1)
        with self._guard:
            self._queued.append(task)
        # The executor holds no reference to the task: see _work_next.
        self._executor.submit(self._work_next)
        return handle

    def _work_next(self) -> None:
        # On the worker thread: compute, park the outcome, wake the main thread. Nothing here touches Qt widgets.
        # The task's callbacks hold widgets, so the worker must never drop the last reference to it: a widget freed
        # here would be destroyed off the GUI thread. The task is handed over and this frame's reference dropped
        # under the lock the main thread takes to pick it up, so the main thread always drops the last one.
        with self._guard:
            task = self._queued.popleft()
        try:
            if not task.handle.cancelled:
                task.result = task.fn()
        except BaseException as exc:
            task.error = exc
        with self._guard:
            self._finished.append(task)
            del task
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
            if task.handle.cancelled:
                if task.error is None and task.on_dropped is not None:
                    task.on_dropped(task.result)
                continue
            if task.error is not None:
                (task.on_error or _log_error)(task.error)
                if isinstance(task.error, DatabaseDamaged):
                    self.damage_met.emit(task.error)
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
        box = [fn]

        def call() -> Any:
            # The worker lets go of ``fn`` before the result is set, while this thread still holds it.
            work = box.pop()
            try:
                return work()
            finally:
                del work

        return self._executor.submit(call).result()

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
            self._queued.clear()  # skipped: dropped here, on the main thread
        for task in undelivered:
            if task.error is None and task.on_dropped is not None:
                task.on_dropped(task.result)
        self._set_pending(0)
