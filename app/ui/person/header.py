"""The top of a person's workspace: their name, how to speak with them, how to reach them safely, and whose rules
govern their record. The safe-contact rules stand out on purpose: they are what keeps someone safe at 2 AM.
"""

from __future__ import annotations

import html

from app.core.i18n import _
from app.core.timeline import PersonHeader, choice_label
from app.ui.palette import box_style, colour, labels_in, text_style
from app.ui.person.fields import plain_button
from app.ui.qt import QFont, QFrame, QHBoxLayout, QLabel, QSizePolicy, Qt, QVBoxLayout, QWidget


def rules_style() -> str:
    """The safe-contact rules: the notice box, with a thick edge on the left in the notice's edge colour."""
    return (
        box_style("#contact-rules", "notice", radius=4)
        + f"#contact-rules {{ border-left: 6px solid {colour('notice_edge')}; }}"
        + labels_in("#contact-rules", "notice")
    )


def badge_style() -> str:
    return box_style("#regime-badge", "badge", radius=10, padding="3px 10px")


def demo_style() -> str:
    return box_style("#demo-badge", "neutral", radius=10, padding="3px 10px")


def _label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes are text, never markup
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


class PersonHeaderView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("person-header")
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.back_button = plain_button(self.tr("← Back to caseload"), self.tr("Back to caseload"), self)
        self.back_button.setToolTip(self.tr("Back to the caseload (Escape or Alt+Left)"))

        self.status = _label(self, self.tr("Status"))
        self.status.setStyleSheet(text_style("quiet"))  # palette(mid) was about 2.3:1 on the window

        self.badge = _label(self, self.tr("Confidentiality"))
        self.badge.setObjectName("regime-badge")
        self.badge.setStyleSheet(badge_style())
        self.badge.setWordWrap(False)
        self.badge.hide()
        self.demo_badge = _label(self, self.tr("Demo record"))
        self.demo_badge.setObjectName("demo-badge")
        self.demo_badge.setStyleSheet(demo_style())
        self.demo_badge.setWordWrap(False)
        self.demo_badge.setToolTip(self.tr("Fictional demo data: left out of every report"))
        self.demo_badge.hide()

        self.name = _label(self, self.tr("Preferred name"))
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.5)
        font.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.name.setWordWrap(False)

        self.about = _label(self, self.tr("Pronouns, languages and age group"))
        self.about.setContentsMargins(0, 0, 0, 3)

        self.rules_frame = QFrame(self)
        self.rules_frame.setObjectName("contact-rules")
        self.rules_frame.setStyleSheet(rules_style())
        self.rules = _label(self.rules_frame, self.tr("How to reach them safely"))
        self.rules.setTextFormat(Qt.TextFormat.RichText)  # the title and the rules in one line; text is escaped
        bigger = QFont(self.font())
        bigger.setPointSizeF(max(bigger.pointSizeF(), 9.0) * 1.12)
        self.rules.setFont(bigger)
        self.contact_notes = _label(self.rules_frame, self.tr("Contact notes"))
        rules_layout = QVBoxLayout(self.rules_frame)
        rules_layout.setContentsMargins(14, 7, 14, 8)
        rules_layout.setSpacing(3)
        rules_layout.addWidget(self.rules)
        rules_layout.addWidget(self.contact_notes)
        self.rules_frame.hide()

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.back_button)
        top.addWidget(self.status, 1)
        top.addWidget(self.demo_badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        # The name and what to call them share a line when there is room; "about" wraps under itself if not.
        who = QHBoxLayout()
        who.setSpacing(18)
        who.addWidget(self.name, 0, Qt.AlignmentFlag.AlignBottom)
        who.addWidget(self.about, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(top)
        layout.addLayout(who)
        layout.addWidget(self.rules_frame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def show_loading(self) -> None:
        self.clear()
        self.status.setText(self.tr("Opening…"))

    def show_problem(self, message: str) -> None:
        self.clear()
        self.status.setText(message)

    def show_header(self, header: PersonHeader) -> None:
        self.status.setText("")
        self.name.setText(header.preferred_name)
        languages = ", ".join(header.languages)
        if languages and header.interpreter_needed:
            languages = self.tr("{languages} (interpreter needed)").format(languages=languages)
        elif header.interpreter_needed:
            languages = self.tr("Interpreter needed")
        own_words = (choice_label("preferred_term", "survivor"), choice_label("preferred_term", "victim"))
        term = self.tr("Prefers the word “{word}”").format(word=header.preferred_term.lower()) if (
            header.preferred_term in own_words) else None  # fmt: skip
        parts = [header.pronouns, languages, _(header.age_group), term]
        self.about.setText("  ·  ".join(p for p in parts if p))
        self.rules.setText(self.rules_html(header.contact_rules))
        self.rules.setAccessibleDescription("; ".join(header.contact_rules))
        notes = (header.contact_notes or "").strip()
        self.contact_notes.setText(self.tr("Contact notes: {notes}").format(notes=notes) if notes else "")
        self.contact_notes.setVisible(bool(notes))
        self.rules_frame.show()
        self.badge.setText(self.badge_text(header))
        self.badge.setToolTip(self._badge_tip(header))
        self.badge.setAccessibleDescription(self._badge_tip(header))
        self.badge.show()
        self.demo_badge.setText(self.tr("Demo record") if header.is_demo else "")
        self.demo_badge.setVisible(header.is_demo)

    def badge_text(self, header: PersonHeader) -> str:
        """Whose rules govern the record and who may see it: "Advocacy · privileged · my team"."""
        parts = (
            _(choice_label("regime", header.regime)),
            self.tr("privileged") if header.privileged else "",
            _(choice_label("visibility", header.visibility)),
        )
        return " · ".join(p for p in parts if p)

    def rules_html(self, rules: tuple[str, ...]) -> str:
        """"How to reach them safely:" then each rule in bold; a rule never breaks across lines, only between."""
        def one(rule: str) -> str:
            text = html.escape(rule)
            return f"<b>{text.replace(' ', '&nbsp;') if len(rule) <= 32 else text}</b>"

        shown = " &nbsp;·&nbsp; ".join(one(rule) for rule in rules)
        return self.tr("How to reach them safely:&nbsp; {rules}").format(rules=shown)

    def _badge_tip(self, header: PersonHeader) -> str:
        if header.regime == "advocacy":
            rules = self.tr("Kept under a community advocate's confidentiality.")
        else:
            rules = self.tr("Part of the prosecution's file: not confidential from the prosecution team.")
        privilege = self.tr("Privileged: it never reaches the prosecution.") if header.privileged else ""
        seen = {
            "only_me": self.tr("Only you can see it."),
            "my_team": self.tr("Your team can see it."),
            "shared_with_prosecution": self.tr("Shared with the prosecution under a consent."),
        }.get(header.visibility, "")
        return " ".join(p for p in (rules, privilege, seen) if p)

    def clear(self) -> None:
        for label in (self.status, self.name, self.about, self.rules, self.contact_notes, self.badge):
            label.setText("")
        self.rules.setAccessibleDescription("")
        self.badge.setToolTip("")
        self.badge.setAccessibleDescription("")
        self.badge.hide()
        self.demo_badge.hide()
        self.rules_frame.hide()
