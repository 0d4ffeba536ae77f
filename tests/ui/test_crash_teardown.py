"""The windows of one test are destroyed at the end of that test, not in the middle of the next one.

pytest-qt closes every widget a test registered (``qtbot.addWidget``) and calls ``deleteLater()`` on it, but Qt
deletes later only from a running event loop and none runs between tests: a test's window (a main window with its
application-wide event filters, its task runner and every section) was destroyed inside the *next* test's first
wait, while that test's own tasks delivered their results, in whatever order the events came. The two tests below
run in order: the first leaves a shown window, a child and a pending task-runner result behind; the second starts
with all of it gone.
"""

from __future__ import annotations

import pytest

from app.ui.qt import QLabel, QVBoxLayout, QWidget
from app.ui.tasks import TaskRunner

_state: dict[str, list[str]] = {"made": [], "gone": []}


def test_a_test_leaves_a_shown_window_behind(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("A row that is refilled", window)
    QVBoxLayout(window).addWidget(label)
    # As in the main window: a child's signal reaches the window through a lambda, so only Qt's deletion ends it.
    label.linkActivated.connect(lambda _link: window.close())
    window.destroyed.connect(lambda: _state["gone"].append("window"))
    label.destroyed.connect(lambda: _state["gone"].append("label"))
    window.show()
    qtbot.waitExposed(window)
    runner = TaskRunner(window)
    runner.run(lambda: "late", on_done=label.setText)
    runner.shutdown()  # as a window's close does; the result is never delivered
    _state["made"].append("window")


def test_the_next_test_starts_with_that_window_destroyed() -> None:
    if not _state["made"]:
        pytest.skip("runs after the test above it (run the whole file)")
    assert sorted(_state["gone"]) == ["label", "window"]
