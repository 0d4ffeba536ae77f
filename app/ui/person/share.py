"""The "Share with the prosecution" dialog (advocacy vaults), opened from the person's Referrals & consent section.

Two calm steps. First, pick the release (only the person's releases in effect today that name a prosecution team are
offered) and tick the facts it covers. Then, before anything is saved, read exactly what will travel, to which team,
under which release and until when, and that it leaves only at the next Sync now; "Share these facts" records it.
With no release to share under, the dialog says so in one kind sentence with the way forward, and offers nothing to
tick. Everything works from the keyboard; every control has an accessible name. The checking and saving are
:mod:`app.core.sharing`'s, run on the vault worker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.consent import kind_words
from app.core.i18n import ngettext
from app.core.sharing import SharePreview, ShareRelease, SharingService
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import box_style, labels_in, text_style
from app.ui.person.fields import ErrorLine, column_of, heading_label, plain_button, row_of, wrapped_label
from app.ui.person.forms import message_of
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFrame,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QVBoxLayout,
    QWidget,
)
from app.ui.style import readable_checkbox

if TYPE_CHECKING:
    from app.core.workspace import Workspace

TITLE = QT_TRANSLATE_NOOP("ShareDialog", "Share with the prosecution")
INTRO = QT_TRANSLATE_NOOP(
    "ShareDialog",
    "Share only what the person agreed to, under their release. Tick the facts to share; you will see exactly what "
    "goes before anything is saved.",
)


def _review_frame() -> str:
    return box_style("#review", "calm", text=False) + labels_in("#review", "calm")


def _stop_frame() -> str:
    return box_style("#stopped", "warn", text=False) + labels_in("#stopped", "warn")


def load_sharing(ws: Workspace, person_id: str) -> tuple[list[ShareRelease], str | None]:
    """The releases to share under, and why nothing can be shared (that refusal recorded) when nothing can."""
    service = SharingService(ws)
    return service.releases(person_id), service.refusal(person_id)


class ShareDialog(QDialog):
    """Pick a release, tick facts, review exactly what will travel, share. ``shared_text`` says what was recorded."""

    def __init__(self, host: PersonHost, person_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id = person_id
        self._releases: list[ShareRelease] = []
        self._checks: list[QCheckBox] = []
        self._busy = False
        self.shared_text: str | None = None
        self.setWindowTitle(self.tr(TITLE))
        self.setAccessibleName(self.tr(TITLE))
        self.setModal(True)

        self.pages = QStackedWidget(self)
        # --- step 1: choose ---
        choose = QWidget(self.pages)
        self.intro = wrapped_label(self.tr(INTRO), choose, text_style("quiet"))
        self.stopped = QFrame(choose)
        self.stopped.setObjectName("stopped")
        self.stopped.setStyleSheet(_stop_frame())
        self.stopped_text = wrapped_label("", self.stopped)
        self.stopped_text.setAccessibleName(self.tr("Why nothing can be shared"))
        stop_layout = QVBoxLayout(self.stopped)
        stop_layout.setContentsMargins(12, 10, 12, 10)
        stop_layout.addWidget(self.stopped_text)
        self.stopped.hide()
        self.release_box = QComboBox(choose)
        self.release_box.setAccessibleName(self.tr("Release to share under"))
        self.release_box.view().setAccessibleName(self.tr("Release to share under choices"))
        self.release_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.release_box.setMinimumContentsLength(20)
        self.release_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.release_box.currentIndexChanged.connect(lambda _i: self._show_facts())
        self.release_label = QLabel(self.tr("&Release"), choose)
        self.release_label.setBuddy(self.release_box)
        self.release_words = wrapped_label("", choose, text_style("quiet"))
        self.release_words.setAccessibleName(self.tr("About the chosen release"))
        self.facts_heading = heading_label(self.tr("Facts the release covers"), choose, 1.0)
        self.facts_area = QScrollArea(choose)
        self.facts_area.setWidgetResizable(True)
        self.facts_area.setFrameShape(QFrame.Shape.NoFrame)
        self.facts_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.facts_area.setAccessibleName(self.tr("Facts to share"))
        self.facts_body = QWidget(self.facts_area)
        self.facts_layout = QVBoxLayout(self.facts_body)
        self.facts_layout.setContentsMargins(0, 0, 0, 0)
        self.facts_area.setWidget(self.facts_body)
        self.nothing = wrapped_label("", choose, text_style("quiet"))
        self.nothing.setAccessibleName(self.tr("Covered, but nothing recorded"))
        self.error = ErrorLine(choose)
        self.error.setAccessibleName(self.tr("Problem"))
        self.cancel_button = plain_button(self.tr("Cancel"), self.tr("Cancel sharing"), choose)
        self.review_button = plain_button(
            self.tr("Review what will be shared…"), self.tr("Review what will be shared"), choose
        )
        self.review_button.setDefault(True)
        self.cancel_button.clicked.connect(self.reject)
        self.review_button.clicked.connect(self._review)

        # The label above its choice, so the release's words have the dialog's whole width (at 200 % text too).
        release_row = QVBoxLayout()
        release_row.setSpacing(4)
        release_row.addWidget(self.release_label)
        release_row.addWidget(self.release_box)
        buttons = row_of(1, self.cancel_button, self.review_button)
        # A refusal is one sentence: its box is as tall as its words, the space below it left to the stretch.
        self.stopped.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column_of(
            choose,
            self.intro,
            self.stopped,
            release_row,
            self.release_words,
            self.facts_heading,
            (self.facts_area, 1),
            self.nothing,
            self.error,
            0,  # takes what room is left only while the facts are hidden (a refusal): the sentence stays on top
            buttons,
            margins=(0, 0, 0, 0),
            spacing=10,
        )

        # --- step 2: review ---
        review = QWidget(self.pages)
        self.review_page = review
        self.review_heading = heading_label(
            self.tr("Before anything is saved: this is exactly what will go"), review, 1.0
        )
        self.review_frame = QFrame(review)
        self.review_frame.setObjectName("review")
        self.review_frame.setStyleSheet(_review_frame())
        self.review_text = wrapped_label("", self.review_frame)
        self.review_text.setAccessibleName(self.tr("What will be shared"))
        self.review_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.review_text.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        review_layout = QVBoxLayout(self.review_frame)
        review_layout.setContentsMargins(12, 10, 12, 10)
        review_layout.addWidget(self.review_text)
        review_layout.addStretch(1)  # read from the top, as a letter is
        review_scroll = QScrollArea(review)
        review_scroll.setWidgetResizable(True)
        review_scroll.setFrameShape(QFrame.Shape.NoFrame)
        review_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        review_scroll.setAccessibleName(self.tr("What will be shared, to read"))
        review_scroll.setWidget(self.review_frame)
        self.review_error = ErrorLine(review)
        self.review_error.setAccessibleName(self.tr("Problem with the share"))
        self.back_button = plain_button(self.tr("Back"), self.tr("Back to the facts"), review)
        self.share_button = plain_button(self.tr("Share these facts"), self.tr("Share these facts"), review)
        self.back_button.clicked.connect(self._back)
        self.share_button.clicked.connect(self._share)
        review_buttons = row_of(1, self.back_button, self.share_button)
        column_of(
            review,
            self.review_heading,
            (review_scroll, 1),
            self.review_error,
            review_buttons,
            margins=(0, 0, 0, 0),
            spacing=10,
        )

        self.pages.addWidget(choose)
        self.pages.addWidget(review)
        column_of(self, heading_label(self.tr(TITLE), self, 1.15), (self.pages, 1), margins=(18, 16, 18, 16))
        self._size_from(parent)
        self._set_ready(False)
        self.release_words.setText(self.tr("Reading the person's releases…"))
        host.run(lambda ws: load_sharing(ws, person_id), self._arrived, self._failed)

    # --- reading ------------------------------------------------------------------------------------------------

    def _arrived(self, found: tuple[list[ShareRelease], str | None]) -> None:
        releases, why = found
        self._releases = releases
        self.release_box.blockSignals(True)
        self.release_box.clear()
        for r in releases:
            self.release_box.addItem(r.words, r.id)
        self.release_box.blockSignals(False)
        if why is not None or not releases:
            self.stopped_text.setText(why or self.tr("There is no release to share under."))
            self.stopped.show()
            for w in (self.intro, self.release_label, self.release_box, self.release_words, self.facts_heading):
                w.hide()
            self.facts_area.hide()
            self.nothing.hide()
            self.review_button.hide()
            self.cancel_button.setText(self.tr("Close"))
            self.cancel_button.setAccessibleName(self.tr("Close"))
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
            # Nothing to review: the review page goes, so its room does not keep the dialog tall.
            self.pages.removeWidget(self.review_page)
            self.review_page.hide()
            self._fit_height()
            return
        self._show_facts()
        self._set_ready(True)
        self.release_box.setFocus(Qt.FocusReason.OtherFocusReason)

    def _size_from(self, parent: QWidget | None) -> None:
        """Most of the window it opens over, and wide enough for a release's words at the text size in use (at
        200 % text too); never larger than that window. With no window, a size for the text size alone."""
        chars = self.fontMetrics().horizontalAdvance("n") * 64
        window = parent.window() if parent is not None else None
        if window is None or window is self:
            self.resize(max(560, chars), max(480, self.fontMetrics().height() * 22))
            return
        width = min(window.width() - 40, max(560, int(window.width() * 0.62), chars))
        # Tall enough for the intro, the release and a dozen facts at this text size, within most of the window.
        height = min(int(window.height() * 0.9), self.fontMetrics().lineSpacing() * 34)
        self.resize(max(width, 400), max(height, 360))

    def _fit_height(self) -> None:
        """As tall as what is shown (a refusal's one sentence), not a large box around it."""
        layout = self.layout()
        if layout is None:
            return
        page = self.pages.currentWidget()
        for inner in (page.layout() if page is not None else None, self.pages.layout(), layout):
            if inner is not None:
                inner.invalidate()
                inner.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(self.width(), max(need, self.minimumSizeHint().height()))

    def _failed(self, exc: BaseException) -> None:
        self.release_words.setText("")
        self.error.show_message(self.tr("The releases could not be read. {reason}").format(reason=message_of(exc)))

    def _current(self) -> ShareRelease | None:
        rid = self.release_box.currentData()
        return next((r for r in self._releases if r.id == rid), None)

    def _show_facts(self) -> None:
        # A fresh list each time a release is chosen: the facts of one release never linger under another.
        old = self.facts_area.takeWidget()
        if old is not None:
            old.deleteLater()
        self.facts_body = QWidget()
        self.facts_layout = QVBoxLayout(self.facts_body)
        self.facts_layout.setContentsMargins(0, 0, 0, 0)
        self._checks = []
        self.error.clear_message()
        release = self._current()
        if release is None:
            self.facts_area.setWidget(self.facts_body)
            return
        # The whole release in the tooltip and the description too, should a narrow window cut the box's words.
        self.release_box.setToolTip(release.words)
        self.release_box.setAccessibleDescription(self.tr("Chosen: {release}").format(release=release.words))
        covered = self._and(kind_words(d).lower() for d in release.data_covered)
        self.release_words.setText(
            self.tr("Purpose: {purpose}. It covers {covered}, goes to {team} and is in effect until {day}.").format(
                purpose=release.purpose, covered=covered, team=release.team.name, day=_day(release)
            )
        )
        for fact in release.facts:
            check = readable_checkbox(QCheckBox(fact.line, self.facts_body))
            check.setAccessibleName(fact.line)
            self.facts_layout.addWidget(check)
            self._checks.append(check)
        self.facts_layout.addStretch(1)
        # Room for five facts at least before the list scrolls, at any text size.
        row = max((c.sizeHint().height() for c in self._checks), default=0) + max(self.facts_layout.spacing(), 0)
        self.facts_area.setMinimumHeight(5 * row if self._checks else 0)
        self.facts_area.setWidget(self.facts_body)  # after its contents: a scroll area shows what it was given
        previous: QWidget = self.release_box
        for check in self._checks:  # Tab goes from the release through each fact to the buttons
            QWidget.setTabOrder(previous, check)
            previous = check
        QWidget.setTabOrder(previous, self.cancel_button)
        QWidget.setTabOrder(self.cancel_button, self.review_button)
        if release.nothing_recorded:
            kinds = ", ".join(kind_words(k).lower() for k in release.nothing_recorded)
            self.nothing.setText(
                self.tr("The release also covers {kinds}, but nothing of that is recorded here to share.").format(
                    kinds=kinds
                )
            )
            self.nothing.show()
        else:
            self.nothing.hide()
        if not release.facts:
            self.nothing.setText(
                self.tr(
                    "Nothing this release covers is recorded for the person yet, so there is nothing to share under it."
                )
            )
            self.nothing.show()

    def picked(self) -> list[str]:
        return [c.accessibleName() for c in self._checks if c.isChecked()]

    # --- review and share ---------------------------------------------------------------------------------------

    def _review(self) -> None:
        release = self._current()
        lines = self.picked()
        if release is None or self._busy:
            return
        if not lines:
            self.error.show_message(self.tr("Please tick at least one fact the person agreed to share."))
            (self._checks[0] if self._checks else self.release_box).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._busy = True
        self._set_ready(False)
        person_id, consent_id = self._person_id, release.id

        def done(preview: SharePreview) -> None:
            self._busy = False
            self._set_ready(True)
            self.review_text.setText(preview.words)
            self.review_error.clear_message()
            self.pages.setCurrentIndex(1)
            self.share_button.setFocus(Qt.FocusReason.OtherFocusReason)

        def failed(exc: BaseException) -> None:
            self._busy = False
            self._set_ready(True)
            self.error.show_message(message_of(exc))

        self._host.run(lambda ws: SharingService(ws).preview(person_id, consent_id, lines), done, failed)

    def _back(self) -> None:
        self.pages.setCurrentIndex(0)
        (self._checks[0] if self._checks else self.release_box).setFocus(Qt.FocusReason.OtherFocusReason)

    def _share(self) -> None:
        release = self._current()
        if release is None or self._busy:
            return
        self._busy = True
        self.share_button.setEnabled(False)
        self.back_button.setEnabled(False)
        person_id, consent_id, lines, team = self._person_id, release.id, self.picked(), release.team.name

        def done(_id: Any) -> None:
            self._busy = False
            self.shared_text = ngettext(
                "Shared {n} fact with {team}. It goes to the office at your next Sync now, and from there to {team} "
                "at their next sync.",
                "Shared {n} facts with {team}. They go to the office at your next Sync now, and from there to {team} "
                "at their next sync.",
                len(lines),
            ).format(n=len(lines), team=team)
            self.accept()

        def failed(exc: BaseException) -> None:
            self._busy = False
            self.share_button.setEnabled(True)
            self.back_button.setEnabled(True)
            self.review_error.show_message(self.tr("Nothing was shared. {reason}").format(reason=message_of(exc)))
            self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

        self._host.run(lambda ws: SharingService(ws).share(person_id, consent_id, lines), done, failed)

    def _and(self, items: Any) -> str:
        """ "name, date of birth and court dates", in the app's language."""
        words = list(items)
        if not words:
            return self.tr("nothing")
        if len(words) == 1:
            return words[0]
        return self.tr("{items} and {last}").format(items=", ".join(words[:-1]), last=words[-1])

    def _set_ready(self, ready: bool) -> None:
        for w in (self.release_box, self.review_button):
            w.setEnabled(ready)


def _day(release: ShareRelease) -> str:
    from app.core.timeline import day_words

    return day_words(release.expires_on)


__all__ = ["ShareDialog", "load_sharing"]
