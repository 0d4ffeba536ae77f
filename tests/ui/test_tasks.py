"""The one background-work API: results on the main thread, progress in order, cancel between steps."""

from __future__ import annotations

import threading
import time

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
