"""The person's Screening section: screenings from versioned templates, their result without labels, the
practitioner's assessment and the identification decision (a separate, human act)."""

from __future__ import annotations

from app.ui.person.host import PersonHost
from app.ui.person.session_form import SCREENING_WORDS, SessionsPanel
from app.ui.qt import QWidget


class ScreeningSection(SessionsPanel):
    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(host, SCREENING_WORDS, parent)
