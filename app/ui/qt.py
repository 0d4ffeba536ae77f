"""The one door to Qt: every PySide6 name the app uses is re-exported from here.

Keeping Qt behind one module means a binding or version change touches one file, and the layer rules can check
that nothing else in ``app.ui`` imports PySide6 directly. Add names here as the app needs them.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QClipboard,
    QCloseEvent,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

__all__ = [
    "QAbstractButton",
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QApplication",
    "QClipboard",
    "QCloseEvent",
    "QFont",
    "QFontDatabase",
    "QFrame",
    "QHBoxLayout",
    "QHeaderView",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLineEdit",
    "QMainWindow",
    "QModelIndex",
    "QObject",
    "QPersistentModelIndex",
    "QProgressBar",
    "QPushButton",
    "QShowEvent",
    "QSize",
    "QSizePolicy",
    "QStackedWidget",
    "QTableView",
    "QTest",
    "QTime",
    "QTimer",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
]

