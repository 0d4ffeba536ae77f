"""Issue 19, item 4: a ring in the palette's focus colour shows around every kind of control the keyboard can
reach (seen in the pixels on screen around the control, moving with it as focus moves), and the palette in
force follows the system's colour scheme and high-contrast setting."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.ui import palette
from app.ui.qt import (
    QApplication,
    QCheckBox,
    QColor,
    QComboBox,
    QGuiApplication,
    QLineEdit,
    QListWidget,
    QPalette,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    Qt,
    QVBoxLayout,
    QWidget,
)
from tests.ui.helpers import use_readable_font


@pytest.fixture
def app() -> Iterator[QApplication]:
    """The application, its colours put back as they were after the test."""
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    colours, active = instance.palette(), palette.active()
    yield instance
    instance.setPalette(colours)
    palette._active = active


def ring_pixels(widget: QWidget, colour: str, margin: int = 6) -> int:
    """Pixels of exactly ``colour`` on screen in and just around ``widget`` (the ring is drawn over its window)."""
    QApplication.processEvents()
    window = widget.window()
    area = widget.geometry().translated(widget.parentWidget().mapTo(window, widget.geometry().topLeft()) - widget.pos())
    image = window.grab(area.adjusted(-margin, -margin, margin, margin)).toImage()
    wanted = QColor(colour).rgb()
    return sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == wanted)


CONTROLS = {
    "button": lambda parent: QPushButton("Save the plan", parent),
    "line edit": lambda parent: QLineEdit("Marisol", parent),
    "choice": lambda parent: _combo(parent),
    "check box": lambda parent: QCheckBox("Include this charge", parent),
    "radio button": lambda parent: QRadioButton("Chose to plan", parent),
    "list": lambda parent: _list(parent),
    "spin box": lambda parent: QSpinBox(parent),
    "text box": lambda parent: QPlainTextEdit("A note", parent),
}


def _combo(parent: QWidget) -> QComboBox:
    box = QComboBox(parent)
    box.addItems(["Not ready to leave", "Planning to leave"])
    return box


def _list(parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    widget.addItems(["Danger now", "Getting away"])
    return widget


@pytest.mark.parametrize("chosen", [palette.LIGHT, palette.DARK, palette.HIGH_CONTRAST_DARK], ids=lambda p: p.name)
@pytest.mark.parametrize("kind", list(CONTROLS))
def test_the_control_with_the_keyboard_has_a_ring_in_the_focus_colour(qtbot, app, chosen, kind) -> None:  # type: ignore[no-untyped-def]
    use_readable_font()
    palette.apply(app, chosen)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    elsewhere = QLineEdit("elsewhere", host)
    control = CONTROLS[kind](host)
    layout.addWidget(elsewhere)
    layout.addWidget(control)
    host.resize(360, 200 if kind in ("list", "text box") else 120)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(elsewhere.hasFocus)
    before = ring_pixels(control, chosen.focus)
    control.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(control.hasFocus)
    after = ring_pixels(control, chosen.focus)
    # A ring all the way round: at least its width times most of the control's outline, in exactly that colour.
    outline = 2 * (control.width() + control.height())
    assert after - before >= chosen.focus_width * outline * 0.6, (kind, before, after, outline)


@pytest.mark.parametrize("chosen", [palette.LIGHT, palette.HIGH_CONTRAST_DARK], ids=lambda p: p.name)
@pytest.mark.parametrize(
    "kind", ["button", "line edit", "choice", "check box", "radio button", "spin box", "list", "text box"]
)
def test_each_control_has_an_edge_in_the_palette_s_edge_colour(qtbot, app, chosen, kind) -> None:  # type: ignore[no-untyped-def]
    """Fusion's own edges are about 2:1 against the window; the palette's edge colour is 3:1 or more."""
    use_readable_font()
    palette.apply(app, chosen)
    host = QWidget()
    qtbot.addWidget(host)
    control = CONTROLS[kind](host)
    QVBoxLayout(host).addWidget(control)
    host.resize(360, 120)
    host.show()
    qtbot.waitExposed(host)
    QApplication.processEvents()
    image = control.grab().toImage()
    wanted = QColor(chosen.control_border).rgb()
    edge = sum(1 for y in range(image.height()) for x in range(image.width()) if image.pixel(x, y) == wanted)
    if kind in ("check box", "radio button"):
        # The box or circle (empty: not ticked) is at the left: count its pixels that stand out 3:1 from the window.
        side = control.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth, None, control)
        clear = sum(
            1
            for y in range(image.height())
            for x in range(min(side + 3, image.width()))
            if palette.contrast(QColor(image.pixel(x, y)).name(), chosen.window) >= 3
        )
        assert clear >= side * (1 if kind == "radio button" else 2), (kind, clear, side)
    else:
        assert edge >= 1.6 * (control.width() + control.height()), (kind, edge, control.size())


def test_when_the_system_turns_dark_while_the_app_runs_the_dark_palette_comes_into_force(
    qtbot, app, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The offscreen platform keeps no colour scheme of its own; the system's answer is stood in for, and the
    signal Qt sends when it changes is sent as the platform would."""
    monkeypatch.setattr(palette, "system_wants_high_contrast", lambda: False)
    monkeypatch.setattr(palette, "system_is_dark", lambda: False)
    assert palette.apply(app) is palette.LIGHT
    monkeypatch.setattr(palette, "system_is_dark", lambda: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    qtbot.waitUntil(lambda: palette.active() is palette.DARK, timeout=2_000)
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(palette.DARK.window)
    assert app.palette().color(QPalette.ColorRole.WindowText) == QColor(palette.DARK.text)
    assert palette.colour("focus") == palette.DARK.focus


def test_a_high_contrast_theme_puts_the_high_contrast_palette_in_force(app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(palette, "system_is_dark", lambda: False)
    monkeypatch.setenv("GTK_THEME", "HighContrast")
    assert palette.system_wants_high_contrast()
    assert palette.apply(app) is palette.HIGH_CONTRAST_LIGHT
    assert palette.colour("quiet") == "#000000"
    monkeypatch.setenv("GTK_THEME", "Adwaita")
    assert palette.apply(app, None) is palette.LIGHT


def test_gnome_s_inverse_high_contrast_theme_is_the_dark_high_contrast_palette(app, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    if QGuiApplication.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
        pytest.skip("the platform says its scheme itself")
    monkeypatch.setenv("GTK_THEME", "HighContrastInverse")
    assert palette.system_is_dark() and palette.system_wants_high_contrast()
    assert palette.apply(app) is palette.HIGH_CONTRAST_DARK
