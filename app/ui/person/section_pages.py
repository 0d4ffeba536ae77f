"""A person section's two pages: its main page, which scrolls, and a record's form shown in its place while open
(record relief and certifications; the form is :class:`app.ui.person.record_form.RecordFormPage`)."""

from __future__ import annotations

from app.ui.qt import QFrame, QScrollArea, QStackedWidget, Qt, QVBoxLayout, QWidget


def stacked_pages(section: QWidget, name: str) -> tuple[QStackedWidget, QScrollArea, QWidget]:
    """The section's pages filling it edge to edge, the main page (in a frameless scroll area named ``name``) first;
    the section adds its form page after. Returns the pages, the scroll area and the main page to build on."""
    pages = QStackedWidget(section)
    scroll = QScrollArea(pages)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setAccessibleName(name)
    main = QWidget(scroll)
    scroll.setWidget(main)
    pages.addWidget(scroll)
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(pages)
    return pages, scroll, main


def show_page(pages: QStackedWidget, page: QWidget) -> None:
    """Show ``page`` and give it the keyboard (a form page passes it to its first field)."""
    pages.setCurrentWidget(page)
    page.setFocus(Qt.FocusReason.OtherFocusReason)


__all__ = ["show_page", "stacked_pages"]
