"""The one background-work API: results on the main thread, progress in order, cancel between steps."""

from __future__ import annotations

import threading
import time
from typing import ClassVar

from app.ui.tasks import TaskRunner


def test_progress_arrives_in_order_on_the_main_thread_and_the_result_after_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    main = threading.get_ident()
    seen: list[tuple[int, int]] = []
    threads: set[int] = set()
    done: list[str] = []

    def work(task) -> str:  # type: ignore[no-untyped-def]
        assert threading.get_ident() != main, "the work runs on the worker"
        for i in range(1, 6):
            task.report(i, 5)
        return "finished"

    def on_progress(d: int, t: int) -> None:
        threads.add(threading.get_ident())
        seen.append((d, t))

    runner.run(work, on_done=done.append, on_progress=on_progress, with_handle=True)
    qtbot.waitUntil(lambda: done == ["finished"], timeout=5_000)
    assert seen == [(i, 5) for i in range(1, 6)]
    assert threads == {main}
    runner.shutdown()


def test_cancel_stops_long_work_between_steps_and_delivers_no_result(qtbot) -> None:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    steps: list[int] = []
    delivered: list[object] = []
    started = threading.Event()

    def work(task) -> int:  # type: ignore[no-untyped-def]
        for i in range(1000):
            if task.cancelled:
                return i
            steps.append(i)
            started.set()
            time.sleep(0.005)
        return 1000

    handle = runner.run(work, on_done=delivered.append, with_handle=True)
    queued = runner.run(lambda: delivered.append("queued ran"))
    assert started.wait(5)
    handle.cancel()
    queued.cancel()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    assert 0 < len(steps) < 1000, "the work stopped part-way"
    assert delivered == [], "a cancelled task delivers nothing, and a queued one never starts"
    runner.shutdown()


class _Tracked:
    """Records the thread that frees it (a widget freed off the GUI thread is a segmentation fault)."""

    freed_on: ClassVar[list[int]] = []

    def __del__(self) -> None:
        _Tracked.freed_on.append(threading.get_ident())


def test_the_worker_never_drops_the_last_reference_to_what_the_main_thread_gave_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The worker is held back after handing a task over, until the main thread has delivered it and let go: what
    the task's callbacks held is then freed on the main thread, not when the worker's frame ends."""
    main = threading.get_ident()
    delivered = threading.Event()
    _Tracked.freed_on.clear()

    def slow_returns(frame, event, arg):  # type: ignore[no-untyped-def]
        # On the worker thread only: the runner's work function, returning, waits until the main thread let go.
        if event == "return" and threading.get_ident() != main and frame.f_code.co_name.startswith("_work"):
            delivered.wait(5)
        return None

    threading.setprofile(slow_returns)  # the runner's worker thread starts at its first task and takes this
    try:
        runner = TaskRunner()
        held = _Tracked()
        got: list[object] = []
        runner.run(lambda: None, on_done=lambda _result, kept=held: got.append(kept))  # type: ignore[misc]
    finally:
        threading.setprofile(None)  # type: ignore[arg-type]
    del held
    qtbot.waitUntil(lambda: len(got) == 1, timeout=5_000)
    got.clear()  # the main thread lets go; only the finished task could still hold it
    delivered.set()
    runner.wait(lambda: None)  # the worker has finished the first task's frame
    runner.shutdown()
    assert _Tracked.freed_on == [main]


def test_waiting_work_is_let_go_by_the_worker_before_the_caller_resumes(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The executor's own bookkeeping is held back after the result is set: the work must already be let go."""
    main = threading.get_ident()
    resumed = threading.Event()
    _Tracked.freed_on.clear()

    def slow_bookkeeping(frame, event, arg):  # type: ignore[no-untyped-def]
        if event == "return" and threading.get_ident() != main and frame.f_code.co_name == "run":
            resumed.wait(5)  # the executor's work item ends after the caller has resumed
        return None

    threading.setprofile(slow_bookkeeping)
    try:
        runner = TaskRunner()
        held = _Tracked()
        assert runner.wait(lambda kept=held: kept is not None) is True  # type: ignore[misc]
    finally:
        threading.setprofile(None)  # type: ignore[arg-type]
    del held
    resumed.set()
    runner.shutdown()
    assert _Tracked.freed_on == [main]
