"""Python's cycle collector, run only on the main (GUI) thread.

Python collects reference cycles in whichever thread happens to allocate when a threshold is passed. If that is the
vault's worker thread and the garbage holds a Qt object (a closed dialog in a cycle with its slots, say), the C++
object is destroyed off the GUI thread while the main thread may be delivering events to it: a segmentation fault,
rare and never in the same place. So automatic collection is switched off and this collector runs the same
generational collections from a timer on the main thread (after Anki's ``GarbageCollector``, which fixed the same
crashes).

Plain reference counting still frees most objects at once, in whatever thread drops the last reference; the task
runner (``app.ui.tasks``) makes sure its worker never drops the last reference to anything the main thread made.
"""

from __future__ import annotations

import gc

from app.ui.qt import QObject, QTimer

#: How often the main thread checks whether a collection is due, in milliseconds.
INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    """Switches automatic collection off and collects from a main-thread timer, generation by generation."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._threshold = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setObjectName("main-thread-collector")
        self._timer.timeout.connect(self.collect_if_due)
        self._timer.start(INTERVAL_MS)

    def collect_if_due(self) -> int:
        """Collect the generations whose counts passed their thresholds, as the automatic collector would."""
        first, second, third = gc.get_count()
        found = 0
        if first > self._threshold[0]:
            found += gc.collect(0)
            if second > self._threshold[1]:
                found += gc.collect(1)
                if third > self._threshold[2]:
                    found += gc.collect(2)
        return found

    def stop(self) -> None:
        """Stop the timer, collect once on this thread, and give collection back to Python as it was."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()


def collect_on_main_thread(parent: QObject) -> MainThreadCollector:
    """Install the collector for the life of ``parent`` (the application). Call once, from the main thread."""
    return MainThreadCollector(parent)
