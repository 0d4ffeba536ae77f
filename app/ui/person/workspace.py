"""One person's workspace: the header (name, how to reach them safely, whose rules govern the record), a side list of
sections and the section on show.

Everything is read and written through the task runner; a result that arrives after :meth:`PersonWorkspace.clear`
or after another person was opened is dropped (a generation counter). :meth:`clear` empties every widget at once:
the main window calls it when the vault locks. The window title is never touched: it must never show a name.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.ui.errors import human_message
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.person.certifications import CertificationsSection
from app.ui.person.data import PersonData, load_person
from app.ui.person.details import PersonDetailsForm
from app.ui.person.fields import ConfirmBar, column_of, row_of
from app.ui.person.header import PersonHeaderView
from app.ui.person.host import SelfLoadingSection
from app.ui.person.interviews import InterviewsSection
from app.ui.person.justice import JusticeSection
from app.ui.person.notes import NotesSection
from app.ui.person.prompt import ScreeningPromptBanner
from app.ui.person.received import ReceivedSection
from app.ui.person.referrals import ReferralsSection
from app.ui.person.relief import DisclosureReviewPanel, ReliefSection
from app.ui.person.safety import SafetyPlanSection
from app.ui.person.screening import ScreeningSection
from app.ui.person.tables import HistorySection, OverviewSection
from app.ui.qt import (
    QAbstractItemView,
    QAction,
    QApplication,
    QCoreApplication,
    QFrame,
    QKeyEvent,
    QKeySequence,
    QListWidget,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QWidget,
    Signal,
)
from app.ui.rows import add_row
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: (key, title) in the order of the side list; Ctrl+1 … Ctrl+9 and Ctrl+0 reach them.
SECTIONS: tuple[tuple[str, str], ...] = (
    ("overview", QT_TRANSLATE_NOOP("PersonWorkspace", "Overview")),
    ("details", QT_TRANSLATE_NOOP("PersonWorkspace", "Details")),
    ("interviews", QT_TRANSLATE_NOOP("PersonWorkspace", "Interviews")),
    ("screening", QT_TRANSLATE_NOOP("PersonWorkspace", "Screening")),
    ("safety", QT_TRANSLATE_NOOP("PersonWorkspace", "Safety plan")),
    ("referrals", QT_TRANSLATE_NOOP("PersonWorkspace", "Referrals & consent")),
    ("relief", QT_TRANSLATE_NOOP("PersonWorkspace", "Record relief")),
    ("justice", QT_TRANSLATE_NOOP("PersonWorkspace", "Justice contacts")),
    ("notes", QT_TRANSLATE_NOOP("PersonWorkspace", "Notes")),
    ("history", QT_TRANSLATE_NOOP("PersonWorkspace", "History")),
)
SECTION_KEYS = tuple(key for key, _title in SECTIONS)
#: Sections shown only to some regimes, after the others and without a number shortcut: the disclosure review is
#: the prosecution's (statements, notes and benefits the defence must be told about).
PROSECUTION_SECTIONS: tuple[tuple[str, str], ...] = (
    ("received", QT_TRANSLATE_NOOP("PersonWorkspace", "From the advocate")),
    ("disclosure", QT_TRANSLATE_NOOP("PersonWorkspace", "Disclosure review")),
    ("certifications", QT_TRANSLATE_NOOP("PersonWorkspace", "Certifications")),
)
ALL_SECTIONS = SECTIONS + PROSECUTION_SECTIONS
ALL_KEYS = tuple(key for key, _title in ALL_SECTIONS)


def _shortcut(index: int) -> str:
    return f"Ctrl+{(index + 1) % 10}"


def section_title(title: str) -> str:
    """A section's title (from :data:`ALL_SECTIONS`) in the app's language."""
    return QCoreApplication.translate("PersonWorkspace", title)


class PersonWorkspace(QWidget):
    """Open with :meth:`open`; :meth:`location` says where it is; :meth:`clear` forgets everything."""

    #: Escape, Alt+Left or the Back button: the person wants the caseload again.
    back_requested = Signal()
    #: The person's data has arrived and every form holds its draft slot (restore drafts now).
    loaded = Signal()

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._ws: Workspace | None = None
        self._person_id: str | None = None
        self._section = "overview"
        self._generation = 0
        self._loaded = False

        self.header = PersonHeaderView(self)
        self.header.back_button.clicked.connect(self.request_back)

        self.leave_confirm = ConfirmBar(self.tr("Leave without saving"), self.tr("Stay here"), self)
        self.leave_confirm.confirmed.connect(self.back_requested)

        # "Consider a screening": a calm banner above the sections, for the worker, never about the person.
        self.prompt = ScreeningPromptBanner(self, self)

        self.nav = QListWidget(self)
        self.nav.setAccessibleName(self.tr("Sections"))
        self.nav.setAccessibleDescription(
            self.tr("Choose a section with the arrow keys, or press Control and its number.")
        )
        self.nav.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setSpacing(1)
        for index, (key, title) in enumerate(SECTIONS):
            item = add_row(self.nav, section_title(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            tip = self.tr("{section} ({shortcut})")
            item.setToolTip(tip.format(section=section_title(title), shortcut=_shortcut(index)))
        widest = max(self.nav.fontMetrics().horizontalAdvance(section_title(title)) for _key, title in ALL_SECTIONS)
        self.nav.setFixedWidth(widest + 48)
        self.nav.setStyleSheet("QListWidget::item { padding: 4px 8px; }")

        self.stack = QStackedWidget(self)
        self.overview = OverviewSection(self.stack)
        self.details = PersonDetailsForm(self, self.stack)
        self.justice = JusticeSection(self, self.stack)
        self.notes = NotesSection(self, self.stack)
        self.history = HistorySection(self.stack)
        self.interviews = InterviewsSection(self, self.stack)
        self.screening = ScreeningSection(self, self.stack)
        self.safety = SafetyPlanSection(self, self.stack)
        self.referrals = ReferralsSection(self, self.stack)
        self.relief = ReliefSection(self, self.stack)
        self.disclosure = DisclosureReviewPanel(self, self.stack)
        self.certifications = CertificationsSection(self, self.stack)
        self.received = ReceivedSection(self, self.stack)
        #: Sections that read their own records when the person arrives (key -> section).
        self.self_loading: dict[str, SelfLoadingSection] = {
            "interviews": self.interviews,
            "screening": self.screening,
            "safety": self.safety,
            "referrals": self.referrals,
            "relief": self.relief,
            "received": self.received,
            "certifications": self.certifications,
        }
        self.sections: dict[str, QWidget] = {
            "overview": self.overview,
            "details": self.details,
            "interviews": self.interviews,
            "screening": self.screening,
            "safety": self.safety,
            "referrals": self.referrals,
            "relief": self.relief,
            "justice": self.justice,
            "notes": self.notes,
            "history": self.history,
            "disclosure": self.disclosure,
            "received": self.received,
            "certifications": self.certifications,
        }
        for key in ALL_KEYS:
            self.stack.addWidget(self.sections[key])
        self.details.saved.connect(lambda: self.record_changed("details"))

        # At large text sizes a section can be taller than a small screen: the sections scroll down instead of
        # making the window taller than 800 pixels. Only the shown section counts towards the size (a hidden page
        # of a QStackedWidget otherwise sets the minimum for all of them).
        self.stack.currentChanged.connect(self._size_to_current_section)
        self._size_to_current_section(self.stack.currentIndex())
        self.section_area = QScrollArea(self)
        self.section_area.setWidgetResizable(True)
        self.section_area.setFrameShape(QFrame.Shape.NoFrame)
        self.section_area.setWidget(self.stack)
        self.section_area.setAccessibleName(self.tr("Section"))
        body = row_of(self.nav, (self.section_area, 1), spacing=20)

        layout = column_of(self, self.header, self.leave_confirm, self.prompt, margins=(24, 14, 24, 12), spacing=12)
        layout.addSpacing(4)
        layout.addLayout(body, 1)

        self.nav.currentRowChanged.connect(self._row_changed)
        QWidget.setTabOrder(self.header.back_button, self.nav)
        self._wire_prompt()
        self._build_actions()
        self._show_section("overview")

    def _build_actions(self) -> None:
        back = QAction(self.tr("Back to caseload"), self)
        back.setShortcut(QKeySequence("Alt+Left"))
        back.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.triggered.connect(self.request_back)
        self.addAction(back)
        for index, (key, title) in enumerate(SECTIONS):
            action = QAction(section_title(title), self)
            action.setShortcut(QKeySequence(_shortcut(index)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, key=key: self.show_section(key, focus=True))
            self.addAction(action)

    def _wire_prompt(self) -> None:
        """The banner sits between the header and the sections, in the Tab order too."""
        self.prompt.start_requested.connect(self.start_screening)
        self.prompt.closed.connect(lambda: self.nav.setFocus(Qt.FocusReason.OtherFocusReason))
        stops = [self.header.back_button, *self.prompt.focus_widgets(), self.nav]
        for i in range(len(stops) - 1):
            QWidget.setTabOrder(stops[i], stops[i + 1])

    def start_screening(self) -> None:
        """The prompt's "Start a screening": the Screening section's list, with the keyboard on its start button."""
        self.show_section("screening")
        self.screening.show_list()
        self.screening.list_page.start_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the public face ---------------------------------------------------------------------------------------

    def open(self, ws: Workspace, person_id: str, section: str = "overview") -> None:
        """Show a person (reading them on the worker) at ``section``; the same person only changes section."""
        prosecution = ws.identity.regime == "prosecution"
        allowed = ALL_KEYS if prosecution else SECTION_KEYS
        section = section if section in allowed else "overview"
        if ws is self._ws and person_id == self._person_id:
            self.show_section(section)
            return
        self.clear()
        self._show_prosecution_sections(prosecution)
        self._ws = ws
        self._person_id = person_id
        self._show_section(section)
        self.header.show_loading()
        # A new note needs nothing read first: typing can start at once. The forms wait for the record.
        self.notes.composer.set_person(person_id)
        self._set_forms_ready(False)
        self._load(first=True)

    def _show_prosecution_sections(self, shown: bool) -> None:
        """The side list ends with the prosecution's own sections only in that regime (never merely hidden: a
        hidden row can still be reached with the End key)."""
        if shown:
            for key, title in PROSECUTION_SECTIONS[self.nav.count() - len(SECTIONS) :]:
                item = add_row(self.nav, section_title(title))
                item.setData(Qt.ItemDataRole.UserRole, key)
                item.setToolTip(section_title(title))
        else:
            while self.nav.count() > len(SECTIONS):
                self.nav.takeItem(self.nav.count() - 1)

    def location(self) -> tuple[str, str] | None:
        """(person id, section key) while a person is open, else None."""
        if self._person_id is None:
            return None
        return (self._person_id, self._section)

    def clear(self) -> None:
        """Drop every piece of person data from every widget at once; results still on their way are ignored."""
        self._generation += 1
        self._ws = None
        self._person_id = None
        self._loaded = False
        self.leave_confirm.dismiss()
        self.header.clear()
        self.overview.clear()
        self.details.clear()
        self.justice.clear()
        self.notes.clear()
        self.history.clear()
        for section in self.self_loading.values():
            section.clear()
        self.disclosure.clear()
        self.prompt.clear()
        self._show_section("overview")
        self._show_prosecution_sections(False)

    def show_section(self, key: str, *, focus: bool = False) -> None:
        """Switch to a section (by key); ``focus`` moves the keyboard into it."""
        if key not in ALL_KEYS or ALL_KEYS.index(key) >= self.nav.count():
            return
        self._show_section(key)
        if focus:
            self.sections[key].setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def section(self) -> str:
        return self._section

    @property
    def is_loaded(self) -> bool:
        return self._loaded

    def unsaved_sections(self) -> list[str]:
        """Titles of the sections holding typing that is not saved yet."""
        titles = {key: section_title(title) for key, title in ALL_SECTIONS}
        out = []
        if self.details.has_draft():
            out.append(titles["details"])
        if self.justice.editor.has_draft():
            out.append(titles["justice"])
        if self.notes.composer.has_draft() or any(card.has_draft() for card in self.notes.cards):
            out.append(titles["notes"])
        out.extend(titles[key] for key, section in self.self_loading.items() if section.has_draft())
        if self.prompt.has_draft():
            out.append(self.tr("Consider a screening"))
        return out

    def request_back(self) -> None:
        """Back to the caseload, after asking when some typing would be lost."""
        if self.leave_confirm.isVisible():
            self.leave_confirm.dismiss()  # a second Escape means "stay"
            return
        unsaved = self.unsaved_sections()
        if unsaved:
            self.leave_confirm.ask(
                self.tr("Some typing is not saved yet ({sections}). Leave it and go back to the caseload?").format(
                    sections=", ".join(unsaved)
                )
            )
            return
        self.back_requested.emit()

    # --- PersonHost: what sections ask of the workspace -------------------------------------------------------

    @property
    def person_id(self) -> str | None:
        return self._person_id

    def run(
        self,
        work: Callable[[Workspace], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> bool:
        ws, generation = self._ws, self._generation
        if ws is None or self._person_id is None or self._runner.closed:
            return False

        def done(result: Any) -> None:
            if generation == self._generation:
                on_done(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                on_error(exc)

        self._runner.run(lambda: work(ws), on_done=done, on_error=failed)
        return True

    def record_changed(self, section: str) -> None:
        self._load(first=False)

    def reload(self) -> None:
        """Read the open person again into every section (after a sync changed the vault underneath); typing that
        is not saved yet stays, as after a save."""
        self._load(first=False)

    # --- loading -----------------------------------------------------------------------------------------------

    def _load(self, *, first: bool) -> None:
        person_id = self._person_id
        if person_id is None:
            return
        self.run(
            lambda ws: load_person(ws, person_id, viewed=first),
            on_done=lambda data: self._arrived(data, first),
            on_error=lambda exc: self._failed(exc, first),
        )

    def _arrived(self, data: PersonData, first: bool) -> None:
        if data.person_id != self._person_id:
            return
        self.header.show_header(data.header)
        self.overview.show_entries(data.timeline, data.today)
        self.details.load(data.person)
        self.justice.load(data.person_id, data.justice)
        self.notes.load(data.person_id, data.notes)
        self.history.show_rows(data.history)
        for section in self.self_loading.values():
            section.load(data.person_id)
        self.prompt.load(data.person_id)
        self._set_forms_ready(True)
        if first:
            self._loaded = True
            # The application's focus, not this widget's remembered one: after an unlock the keyboard can sit in a
            # hidden page (the caseload search), where Ctrl+1 … Ctrl+0 do nothing.
            focus = QApplication.focusWidget()
            if focus is None or not (self.isAncestorOf(focus) and focus.isVisible()):
                self.nav.setFocus(Qt.FocusReason.OtherFocusReason)
            self.loaded.emit()

    def _failed(self, exc: BaseException, first: bool) -> None:
        message = human_message(exc, self.tr("This person's record could not be read. Please go back and try again."))
        if first:
            self.header.show_problem(message)
        else:
            self.header.status.setText(message)

    def _set_forms_ready(self, ready: bool) -> None:
        for form in (self.details, self.justice):
            form.setEnabled(ready)

    # --- moving around -----------------------------------------------------------------------------------------

    def _show_section(self, key: str) -> None:
        self._section = key
        index = ALL_KEYS.index(key)
        if self.nav.currentRow() != index:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(index)
            self.nav.blockSignals(False)
        self.stack.setCurrentIndex(index)

    def _size_to_current_section(self, index: int) -> None:
        for i in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            page = self.stack.widget(i)
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.stack.updateGeometry()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(ALL_KEYS):
            self._section = ALL_KEYS[row]
            self.stack.setCurrentIndex(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape reaches here only when the focused field did not use it. It is a key press, not a shortcut, so the
        # main window's double-Escape quick exit still sees every press.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.request_back()
            event.accept()
            return
        super().keyPressEvent(event)
