"""The person's screening section (being built: for now it shows the calm placeholder text)."""

from __future__ import annotations

from app.ui.person.host import PersonHost
from app.ui.person.placeholders import LaterSection
from app.ui.qt import QWidget


class ScreeningSection(LaterSection):
    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__("screening", parent)
        self._host = host

    def load(self, person_id: str) -> None:
        pass

    def clear(self) -> None:
        pass

    def has_draft(self) -> bool:
        return False
