"""Cycles are collected on the main thread only: never on the vault's worker, where freeing a widget crashes."""

from __future__ import annotations

import gc
import threading
from typing import ClassVar

from app.ui.collector import MainThreadCollector
from app.ui.qt import QObject


class _Cycle:
    freed_on: ClassVar[list[int]] = []

    def __init__(self) -> None:
        self.me = self
        self.widget = QObject()  # what a closed dialog's cycle would hold

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.get_ident())


def test_garbage_made_on_the_worker_is_collected_on_the_main_thread(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    main = threading.get_ident()
    _Cycle.freed_on.clear()
    before = gc.isenabled()  # off already when the UI tests' own collector is installed
    collector = MainThreadCollector()
    try:
        assert not gc.isenabled()

        kept: list[list[object]] = []

        def churn() -> None:
            _Cycle()  # unreachable at once, but only a collection frees a cycle
            kept.extend([] for _ in range(5_000))  # far past the first generation's threshold: a collection is due

        worker = threading.Thread(target=churn)
        worker.start()
        worker.join()
        assert _Cycle.freed_on == [], "nothing was collected on the worker thread"
        assert gc.get_count()[0] > gc.get_threshold()[0]
        qtbot.waitUntil(lambda: _Cycle.freed_on != [], timeout=5_000)  # the main thread's timer collects it
        assert _Cycle.freed_on == [main]
    finally:
        collector.stop()
    assert gc.isenabled() == before, "stopping gives collection back as it was"
