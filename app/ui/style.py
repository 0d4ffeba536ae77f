"""Small shared touches of look that the platform style does not scale with the text size."""

from __future__ import annotations

from app.ui.qt import QCheckBox


def readable_checkbox(check: QCheckBox) -> QCheckBox:
    """The style draws a fixed-size box; let it grow with the text so it can be seen and hit at 200 %."""
    side = max(13, round(check.fontMetrics().height() * 0.75))
    check.setStyleSheet(f"QCheckBox::indicator {{ width: {side}px; height: {side}px; }}")
    return check
