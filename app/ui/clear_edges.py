"""Edges a person can see around fields, choices, spin boxes, buttons and check boxes (WCAG 2.1 1.4.11).

Qt's Fusion style (the one the app gets on Linux) draws those edges a little darker than the window: about 2:1 against
it, too faint to find a field by. :class:`ClearEdges` lets Fusion draw everything as it does, then draws the edge
again in the palette's ``control_border`` (3:1 or more against the window and the control, checked in
tests/unit/test_palette_contrast.py). Other platform styles draw their own, stronger edges and are left alone.
"""

from __future__ import annotations

from app.ui import palette
from app.ui.qt import (
    QAbstractItemView,
    QColor,
    QPainter,
    QPen,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    Qt,
    QTextEdit,
    QWidget,
)

_FRAMES = {
    QStyle.PrimitiveElement.PE_PanelLineEdit,
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
}
_ROUND = {QStyle.PrimitiveElement.PE_IndicatorRadioButton}
_BOXES = (QAbstractItemView, QTextEdit, QPlainTextEdit)
_COMPLEX = {QStyle.ComplexControl.CC_ComboBox, QStyle.ComplexControl.CC_SpinBox}


def _edge(painter: QPainter, option: QStyleOption, *, round_: bool = False) -> None:
    rect = option.rect.adjusted(0, 0, -1, -1)
    if rect.width() < 4 or rect.height() < 4:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, round_)
    pen = QPen(QColor(palette.colour("control_border")))
    pen.setWidth(1)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if round_:
        painter.drawEllipse(rect)
    else:
        painter.drawRoundedRect(rect, 2, 2)
    painter.restore()


class ClearEdges(QProxyStyle):
    """Fusion, with each control's edge drawn again in the palette's control edge colour."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element == QStyle.PrimitiveElement.PE_PanelLineEdit and getattr(option, "lineWidth", 1) <= 0:
            return  # the frameless field inside a spin box or an editable choice: its owner has the edge
        if element == QStyle.PrimitiveElement.PE_Frame and isinstance(widget, _BOXES):
            _edge(painter, option)  # a list, a table or a text box: where it ends, even when it is empty
        elif element in _FRAMES:
            _edge(painter, option)
        elif element in _ROUND:
            _edge(painter, option, round_=True)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control in _COMPLEX and getattr(option, "frame", True):
            _edge(painter, option)


def install(app: object) -> None:
    """Put :class:`ClearEdges` over the application's style when that style is Fusion (once)."""
    from app.ui.qt import QApplication

    assert isinstance(app, QApplication)
    style = app.style()
    if isinstance(style, ClearEdges) or style.name().lower() != "fusion":
        return
    app.setStyle(ClearEdges("fusion"))
