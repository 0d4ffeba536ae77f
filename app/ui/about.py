"""The About dialog: what this is, the versions an IT contact asks for, and where the data folder is."""

from __future__ import annotations

import platform
from importlib import metadata
from pathlib import Path

from app.core.vault_access import storage_versions
from app.ui.qt import (
    PYSIDE6_VERSION,
    QCoreApplication,
    QDialog,
    QFont,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QShowEvent,
    Qt,
    QVBoxLayout,
    QWidget,
    qVersion,
)
from app.ui.style import grow_to_fit_wrapped_text


def offramp_version() -> str:
    try:
        return metadata.version("offramp")
    except metadata.PackageNotFoundError:
        return QCoreApplication.translate("AboutDialog", "development copy")


def versions() -> list[tuple[str, str]]:
    """(name, version) for Offramp and everything under it that a support request needs."""
    return [
        ("Offramp", offramp_version()),
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PYSIDE6_VERSION),
        *storage_versions(),
    ]


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Offramp"))
        fm = self.fontMetrics()
        self.setMinimumWidth(max(460, fm.averageCharWidth() * 60))
        selectable = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard

        heading = QLabel(self.tr("Offramp"), self)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        blurb = QLabel(
            self.tr(
                "For advocates and prosecutors working alongside people who have left trafficking and exploitation. "
                "Everything is kept encrypted on this computer."
            ),
            self,
        )
        blurb.setWordWrap(True)

        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.version_labels: dict[str, QLabel] = {}
        for row, (name, version) in enumerate(versions()):
            name_label = QLabel(name, self)
            value = QLabel(version, self)
            value.setTextInteractionFlags(selectable)
            value.setAccessibleName(self.tr("{name} version").format(name=name))
            grid.addWidget(name_label, row, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(value, row, 1, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.version_labels[name] = value
        grid.setColumnStretch(1, 1)

        folder_title = QLabel(self.tr("Data folder"), self)
        title_font = QFont(folder_title.font())
        title_font.setWeight(QFont.Weight.DemiBold)
        folder_title.setFont(title_font)
        self.data_folder = QLabel(str(data_dir), self)
        self.data_folder.setWordWrap(True)
        self.data_folder.setTextInteractionFlags(selectable)
        self.data_folder.setAccessibleName(self.tr("Data folder"))
        folder_note = QLabel(
            self.tr("The vault, its key file and its backups are in this folder. Nothing in it is readable without "
                    "your passphrase."),
            self,
        )
        folder_note.setWordWrap(True)

        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        self.close_button.setMinimumHeight(fm.height() + 16)
        self.close_button.setMinimumWidth(fm.horizontalAdvance(self.close_button.text()) + 40)
        self.close_button.clicked.connect(self.accept)

        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 20)
        box.setSpacing(8)
        box.addWidget(heading)
        box.addWidget(blurb)
        box.addSpacing(8)
        box.addLayout(grid)
        box.addSpacing(8)
        box.addWidget(folder_title)
        box.addWidget(self.data_folder)
        box.addWidget(folder_note)
        box.addSpacing(8)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        box.addLayout(buttons)

    def showEvent(self, event: QShowEvent) -> None:
        grow_to_fit_wrapped_text(self)
        super().showEvent(event)
