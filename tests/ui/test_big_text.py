"""At 200% text the whole window, every section of a person with everything filled in, is usable at 1280×800.

The main window on a real vault of fictional people, a font twice the app's size: the window must not demand more
than the screen, and no section may need sideways scrolling (what does not fit wraps or scrolls down).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.ui.main_window import MainWindow
from app.ui.person.workspace import SECTIONS
from app.ui.qt import QApplication, QScrollArea, QWidget
from tests.ui.helpers import shot, use_readable_font
from tests.ui.test_locking import _window, open_first_person, settings, template, unlock  # noqa: F401

SCREEN = (1280, 800)


@pytest.fixture
def big_text() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    use_readable_font()
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    yield
    app.setFont(original)


def _sideways(widget: QWidget) -> list[str]:
    """Scroll areas of the visible section that would need a horizontal scroll bar."""
    problems = []
    for area in widget.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().maximum() > 0:
            problems.append(area.accessibleName() or area.objectName() or type(area.widget()).__name__)
    return problems


def test_every_section_fits_1280_by_800_at_200_percent_text(qtbot, big_text, template, tmp_path, settings) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    win: MainWindow = _window(qtbot, template, tmp_path, settings)
    win.resize(*SCREEN)
    unlock(qtbot, win)
    open_first_person(qtbot, win, "overview")
    too_big: dict[str, tuple[int, int]] = {}
    sideways: dict[str, list[str]] = {}
    for key, _title in SECTIONS:
        win.person_page.show_section(key)
        qtbot.wait(60)
        win.resize(*SCREEN)
        qtbot.wait(30)
        hint = win.minimumSizeHint()
        if hint.width() > SCREEN[0] or hint.height() > SCREEN[1] or win.width() > SCREEN[0] or win.height() > SCREEN[1]:
            too_big[key] = (max(hint.width(), win.width()), max(hint.height(), win.height()))
        problems = _sideways(win.person_page)
        if problems:
            sideways[key] = problems
        shot(win, f"section-{key}-200")
    assert not too_big, f"sections that need more than 1280×800 at 200% text: {too_big}"
    assert not sideways, f"sections that scroll sideways at 200% text: {sideways}"
    win.close()
