"""Sections later work fills in. Each says, in one calm paragraph, what it will hold, so nobody wonders where a
record went: the dates from those records already show in the Overview.
"""

from __future__ import annotations

from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import text_style
from app.ui.person.fields import column_of
from app.ui.qt import QFont, QLabel, Qt, QWidget

LATER: dict[str, tuple[str, str]] = {
    "interviews": (
        QT_TRANSLATE_NOOP("LaterSection", "Interviews"),
        QT_TRANSLATE_NOOP(
            "LaterSection",
            "This is where each conversation with the person will be kept: when and where it happened, who was in the "
            "room, whether an interpreter helped, and the before, during and after checklist — including the safety "
            "check and how the person wants to be contacted next. The dates of contacts already show in the Overview."
        ),
    ),
    "screening": (
        QT_TRANSLATE_NOOP("LaterSection", "Screening"),
        QT_TRANSLATE_NOOP(
            "LaterSection",
            "Screenings will be kept here: the tool and its version, each answer as the person gave it (including "
            "“declined” and “not asked”), and your own assessment. A screening never decides anything about the "
            "person; it only helps you see whether to talk more or offer help. Screening dates and your assessment "
            "already show in the Overview."
        ),
    ),
    "safety": (
        QT_TRANSLATE_NOOP("LaterSection", "Safety plan"),
        QT_TRANSLATE_NOOP(
            "LaterSection",
            "The person's safety plan will live here: what feels unsafe, who and where they trust, and the choice they "
            "made about each part. The plan belongs to them. Their choices are kept as they made them, and “not ready "
            "to leave” is a complete plan. Its dates already show in the Overview."
        ),
    ),
    "referrals": (
        QT_TRANSLATE_NOOP("LaterSection", "Referrals & consent"),
        QT_TRANSLATE_NOOP(
            "LaterSection",
            "Referrals offered and what the person decided, the follow-ups, and the releases they signed — who may "
            "receive what, for what purpose, and until when — will be kept here. Declining a referral is a choice, "
            "and signing a release is never a condition of help. Offers, follow-ups and consent dates already show in "
            "the Overview."
        ),
    ),
    "relief": (
        QT_TRANSLATE_NOOP("LaterSection", "Record relief"),
        QT_TRANSLATE_NOOP(
            "LaterSection",
            "Work to clear the person's record will be tracked here: each arrest or conviction that may be vacated, "
            "expunged or sealed, the petitions and hearings, and the deadlines that must not be missed. Deadlines "
            "already show in the Overview."
        ),
    ),
}


class LaterSection(QWidget):
    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, text = (self.tr(words) for words in LATER[key])
        heading = QLabel(title, self)
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        body = QLabel(text, self)
        body.setWordWrap(True)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setMaximumWidth(body.fontMetrics().horizontalAdvance("M") * 48)
        body.setAccessibleName(title)
        soon = QLabel(self.tr("Coming in a later version of Offramp."), self)
        soon.setStyleSheet(text_style("quiet"))
        column_of(self, heading, body, soon, 1, margins=(0, 4, 0, 0), spacing=10)
