"""The person's Interviews section: each conversation's before / during / after checklist, filled in by keyboard."""

from __future__ import annotations

from app.ui.person.host import PersonHost
from app.ui.person.session_form import INTERVIEW_WORDS, SessionsPanel
from app.ui.qt import QWidget


class InterviewsSection(SessionsPanel):
    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(host, INTERVIEW_WORDS, parent)
