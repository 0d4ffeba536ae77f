"""Small shared touches of look that the platform style does not scale with the text size."""

from __future__ import annotations

from app.ui.qt import QCheckBox, QWidget


def readable_checkbox(check: QCheckBox) -> QCheckBox:
    """The style draws a fixed-size box; let it grow with the text so it can be seen and hit at 200 %."""
    side = max(13, round(check.fontMetrics().height() * 0.75))
    check.setStyleSheet(f"QCheckBox::indicator {{ width: {side}px; height: {side}px; }}")
    return check


def grow_to_fit_wrapped_text(window: QWidget) -> None:
    """Wrapped text needs more height at large text sizes than the first size guess gives it: grow, never shrink."""
    layout = window.layout()
    if layout is not None and layout.hasHeightForWidth():
        wanted = layout.totalHeightForWidth(window.width())
        if wanted > window.height():
            window.resize(window.width(), wanted)
