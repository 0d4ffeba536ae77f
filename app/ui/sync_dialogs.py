"""Syncing with the office from the app: enrol this computer, sync (preview, progress with stop, summary), decide.

- **Enrol this computer…** takes what the enrolment sheet says (server address, one-time code, fingerprint, forgiving
  about spaces and capitals) and the person's passphrase (the vault's key is sealed again for the office). A
  certificate that does not match the sheet stops it, with the reason; there is no way to carry on anyway.
- **Sync now** is one button and never runs by itself. It first says what would be sent, to which office, and under
  which consents anything shared travels; the person confirms. While it runs the dialog is modal and the sync holds
  the one vault worker, so editing waits: nothing can be changed half-way through a sync, and work asked for
  meanwhile simply runs after it. A lost connection says so and offers to carry on where it stopped.
- **Changes that need a decision…** (the merge screen) shows, for each field two people changed differently, the
  value it started from and every competing value with who, on which computer and when; the person picks one or
  writes a combined value (for text, a proposed merge to accept or edit).

Heavy modules (the sync client, SQLAlchemy) are imported when first used, so the window's first paint stays fast.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from app.ui.errors import human_message
from app.ui.office_parts import (
    ItemPanes,
    big_button,
    big_heading,
    button_row,
    calm_box,
    say,
    scrolls_down,
    selectable_text,
    warn_box,
)
from app.ui.palette import colour
from app.ui.qt import (
    QAction,
    QButtonGroup,
    QCoreApplication,
    QDialog,
    QFont,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QLocale,
    QMenu,
    QObject,
    QPlainTextEdit,
    QProgressBar,
    QRadioButton,
    QShowEvent,
    QSizePolicy,
    QStackedWidget,
    Qt,
    QToolBar,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from app.core.conflicts import Group
    from app.core.vault_access import UnlockedVault
    from app.core.workspace import Workspace
    from app.sync.enrol import Enrolled
    from app.sync.run import Outlook, Summary
    from app.ui.not_accepted import NotAcceptedDialog


def _field(label: str, parent: QWidget, form: QGridLayout, *, placeholder: str = "") -> QLineEdit:
    """A labelled field on the next row of ``form``, the label beside it."""
    caption = QLabel(label, parent)
    edit = QLineEdit(parent)
    edit.setAccessibleName(label)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(max(34, edit.fontMetrics().height() * 2))
    caption.setBuddy(edit)
    row = form.rowCount() if form.count() else 0
    form.addWidget(caption, row, 0)
    form.addWidget(edit, row, 1)
    return edit


def _grow_to_fit(dialog: QDialog) -> None:
    """A window whose wrapped words need more height than it has grows (up to most of the screen): a top-level
    window's size does not follow a wrapped label's height for its width, so at 200 % text, or in a longer language,
    the last lines were cut off or drawn over the next field."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()
    needed = layout.totalHeightForWidth(dialog.width())
    if needed <= dialog.height():
        return
    screen = dialog.screen()
    limit = int(screen.availableGeometry().height() * 0.9) if screen is not None else needed
    dialog.resize(dialog.width(), max(dialog.height(), min(needed, limit)))


class _Bridge(QObject):
    """Progress sentences from the sync worker to the dialog, delivered on the main thread."""

    said = Signal(str)


# --- enrol ----------------------------------------------------------------------------------------------------


def _enrol_work(unlocked: UnlockedVault, passphrase: str, server: str, code: str, fingerprint: str) -> Enrolled:
    from app.core.vault_access import confirm_passphrase
    from app.sync.enrol import enrol

    # The passphrase first: enrolment seals the vault's key again with it, so a slip must stop before anything leaves.
    confirm_passphrase(unlocked, passphrase)
    return enrol(unlocked, passphrase, server=server, code=code, fingerprint=fingerprint)


class EnrolDialog(QDialog):
    """Enrol this computer with the office, from the enrolment sheet."""

    enrolled = Signal(object)

    def __init__(self, unlocked: UnlockedVault, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.unlocked = unlocked
        self.runner = runner
        self.setWindowTitle(self.tr("Enroll this computer"))
        self.setAccessibleName(self.tr("Enroll this computer with the office"))
        self.setMinimumWidth(max(560, self.fontMetrics().averageCharWidth() * 70))
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(big_heading(self.tr("Enroll this computer with your office"), self))
        layout.addWidget(
            selectable_text(
                self.tr(
                    "Your office admin gives you an enrollment sheet. Type or paste what it says below. Spaces and "
                    "capital letters in the fingerprint do not matter. Nothing is sent until the office server "
                    "proves it is the one on the sheet."
                ),
                self,
            )
        )
        # Each label beside its field: with the labels above, at 200 % text the form ran taller than the screen
        # and the explanation above it lost its last lines.
        form = QGridLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setColumnStretch(1, 1)
        self.server = _field(self.tr("Server address"), self, form, placeholder="https://")
        self.code = _field(self.tr("One-time code"), self, form, placeholder=self.tr("four groups of four"))
        self.fingerprint = _field(
            self.tr("Fingerprint"), self, form, placeholder=self.tr("13 groups of four letters and digits")
        )
        self.passphrase = _field(self.tr("Your passphrase"), self, form)
        layout.addLayout(form)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = selectable_text("", self, name=self.tr("What happened"))
        self.status.hide()
        layout.addWidget(self.status)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = big_button(self.tr("Cancel"), self.tr("Cancel"), self)
        enroll = self.tr("Enroll this computer")
        self.enrol_button = big_button(enroll, enroll, self, default=True)
        row.addWidget(self.cancel_button)
        row.addWidget(self.enrol_button)
        layout.addLayout(row)
        self.cancel_button.clicked.connect(self.reject)
        self.enrol_button.clicked.connect(self.start)
        self.server.setFocus()
        self._done = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        _grow_to_fit(self)

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(warn_box() if problem else calm_box())
        self.status.show()
        _grow_to_fit(self)

    def start(self) -> None:
        if self._done:
            self.accept()
            return
        server, code = self.server.text().strip(), self.code.text().strip()
        fingerprint, passphrase = self.fingerprint.text(), self.passphrase.text()
        for value, edit, message in (
            (server, self.server, self.tr("Please type the server address from the sheet.")),
            (code, self.code, self.tr("Please type the one-time code from the sheet.")),
            (fingerprint.strip(), self.fingerprint, self.tr("Please type the fingerprint from the sheet.")),
            (passphrase, self.passphrase, self.tr("Please type your passphrase, the one you unlock Offramp with.")),
        ):
            if not value:
                self._say(message, problem=True)
                edit.setFocus()
                return
        self._busy(True)
        self._say(self.tr("Checking the office server…"))
        unlocked = self.unlocked
        self.runner.run(
            lambda: _enrol_work(unlocked, passphrase, server, code, fingerprint),
            on_done=self._finished,
            on_error=self._failed,
        )

    def _busy(self, busy: bool) -> None:
        for widget in (self.server, self.code, self.fingerprint, self.passphrase, self.enrol_button):
            widget.setEnabled(not busy)

    def _finished(self, done: Enrolled) -> None:
        self._busy(False)
        self._done = True
        for widget in (self.server, self.code, self.fingerprint, self.passphrase):
            widget.setEnabled(False)
        self.passphrase.clear()
        lines = [
            self.tr("This computer is enrolled with {office} as {user} ({team}).").format(
                office=done.office_name, user=done.username, team=done.team_name
            )
        ]
        # One of each has its own sentence (English has no plural form in the catalogue: "1 records" read wrong);
        # the others pick the catalogue's plural form, the count in the app's language's digits.
        if done.will_send == 1:
            lines.append(self.tr("1 record already here will go to the office at your next sync."))
        elif done.will_send:
            lines.append(
                self.tr("{n} records already here will go to the office at your next sync.", "", done.will_send).format(
                    n=QLocale().toString(done.will_send)
                )
            )
        if done.kept_here == 1:
            lines.append(
                self.tr(
                    "1 demo record stays on this computer: it is a fictional practice record and never goes to the "
                    "office."
                )
            )
        elif done.kept_here:
            lines.append(
                self.tr(
                    "{n} demo records stay on this computer: they are fictional practice records and never go to "
                    "the office.",
                    "",
                    done.kept_here,
                ).format(n=QLocale().toString(done.kept_here))
            )
        lines.append(self.tr("Nothing syncs by itself: press Sync now when you want to."))
        self._say(" ".join(lines))
        self.cancel_button.hide()
        self.enrol_button.setText(self.tr("Done"))
        self.enrol_button.setAccessibleName(self.tr("Done"))
        self.enrol_button.setFocus()
        self.enrolled.emit(done)

    def _failed(self, exc: BaseException) -> None:
        from app.errors import WrongPassphrase

        self._busy(False)
        if isinstance(exc, WrongPassphrase):
            self._say(self.tr("That passphrase is not the one this vault opens with. Nothing was sent."), problem=True)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        message = human_message(
            exc, self.tr("Something went wrong while enrolling, and nothing was changed. Please try again.")
        )
        self._say(message, problem=True)
        if "fingerprint" in message.lower():
            self.fingerprint.setFocus()
            self.fingerprint.selectAll()


# --- sync -----------------------------------------------------------------------------------------------------


class SyncDialog(QDialog):
    """Preview → progress with stop → summary (or what went wrong, and a way to carry on)."""

    synced = Signal(object)
    decide_requested = Signal()
    not_accepted_requested = Signal()

    def __init__(
        self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None, *, timeout: float = 60.0
    ) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.timeout = timeout
        self.running = False
        self.cancel_event = threading.Event()
        self.summary: Summary | None = None
        self.setWindowTitle(self.tr("Sync with the office"))
        self.setAccessibleName(self.tr("Sync with the office"))
        self.setModal(True)
        self.setMinimumWidth(max(600, self.fontMetrics().averageCharWidth() * 76))
        self.setMinimumHeight(self.fontMetrics().height() * 22)
        self.bridge = _Bridge(self)
        self.bridge.said.connect(self._progress_text)

        outer = QVBoxLayout(self)
        self.pages = QStackedWidget(self)
        outer.addWidget(self.pages, 1)
        self.heading = big_heading(self.tr("Getting ready…"), self)
        self.body = selectable_text("", self, name=self.tr("Sync details"))
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        page = QWidget(self)
        col = QVBoxLayout(page)
        col.setSpacing(12)
        col.addWidget(self.heading)
        self.step = selectable_text("", self, name=self.tr("Sync step"))
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Sync progress"))
        self.bar.setRange(0, 0)
        self.bar.setTextVisible(False)
        self.bar.setMinimumHeight(self.fontMetrics().height())
        self.bar.hide()
        self.step.hide()
        # A long summary (removals, work set aside, warnings) scrolls down instead of being cut off at the window's
        # edge once the window has grown as far as the screen allows.
        holder = QWidget(self)
        held = QVBoxLayout(holder)
        held.setContentsMargins(0, 0, 0, 0)
        held.setSpacing(12)
        held.addWidget(self.body)
        held.addWidget(self.bar)
        held.addWidget(self.step)
        held.addStretch(1)
        self.body_area = scrolls_down(holder, self)
        col.addWidget(self.body_area, 1)
        self.pages.addWidget(page)

        row = QHBoxLayout()
        row.addStretch(1)
        self.close_button = big_button(self.tr("Not now"), self.tr("Not now"), self)
        self.decide_button = big_button(self.tr("Decide now…"), self.tr("Decide now"), self)
        self.not_accepted_button = big_button(
            self.tr("See what was not accepted…"), self.tr("See what the office did not accept"), self
        )
        self.stop_button = big_button(self.tr("Stop"), self.tr("Stop sync"), self)
        self.go_button = big_button(self.tr("Sync now"), self.tr("Sync now"), self, default=True)
        for b in (self.close_button, self.not_accepted_button, self.decide_button, self.stop_button, self.go_button):
            row.addWidget(b)
        outer.addLayout(row)
        self.close_button.clicked.connect(self.reject)
        self.stop_button.clicked.connect(self.stop)
        self.go_button.clicked.connect(self.start)
        self.decide_button.clicked.connect(self._decide)
        self.not_accepted_button.clicked.connect(self._not_accepted)
        self._show_buttons(close=self.tr("Not now"))
        self.go_button.setEnabled(False)
        self.load_preview()

    # --- pages as states ----------------------------------------------------------------------------------------

    def _show_buttons(
        self,
        *,
        close: str | None = None,
        go: str | None = None,
        stop: bool = False,
        decide: bool = False,
        not_accepted: bool = False,
    ) -> None:
        self.close_button.setVisible(close is not None)
        if close is not None:
            self.close_button.setText(close)
            self.close_button.setAccessibleName(close.replace("…", ""))
        self.go_button.setVisible(go is not None)
        if go is not None:
            self.go_button.setText(go)
            self.go_button.setAccessibleName(go.replace("…", ""))
            self.go_button.setEnabled(True)
            self.go_button.setDefault(True)
        self.stop_button.setVisible(stop)
        self.stop_button.setEnabled(stop)
        self.stop_button.setText(self.tr("Stop"))
        self.decide_button.setVisible(decide)
        self.not_accepted_button.setVisible(not_accepted)

    def load_preview(self) -> None:
        from app.sync.run import outlook

        ws = self.ws
        self.runner.run(lambda: outlook(ws), on_done=self._show_preview, on_error=self._problem)

    def _show_preview(self, view: Outlook) -> None:
        self.heading.setText(self.tr("Ready to sync with your office"))
        lines = [self.tr("Office server: {server}").format(server=view.server), ""]
        if view.total:
            lines.append(self.tr("To send from this computer: {what}.").format(what=", ".join(view.kinds)))
        else:
            lines.append(self.tr("Nothing new to send from this computer. Sync will bring your office's changes here."))
        lines.append("")
        if view.consents:
            lines.append(self.tr("Some of it is shared with another team, under these consents:"))
            lines.extend(f"  •  {c}" for c in view.consents)
        else:
            lines.append(self.tr("Nothing in it is shared outside your team."))
        lines.append("")
        lines.append(self.tr("Editing waits while the sync runs. You can stop it at any time; nothing is lost."))
        self.body.setText("\n".join(lines))
        self._show_buttons(close=self.tr("Not now"), go=self.tr("Sync now"))
        self.go_button.setFocus()

    def start(self) -> None:
        """Run the sync (also "Try again" after a lost connection: it carries on where it stopped)."""
        from app.sync.run import run_sync

        if self.running:
            return
        self.running = True
        self.cancel_event = threading.Event()
        self.heading.setText(self.tr("Syncing with your office…"))
        self.body.setText(
            self.tr("Please keep Offramp open. Editing waits until the sync has finished; stopping loses nothing.")
        )
        self.step.setText(self.tr("Starting"))
        self.step.show()
        self.bar.show()
        self._show_buttons(stop=True)
        self.stop_button.setFocus()
        ws, cancel, say, timeout = self.ws, self.cancel_event, self.bridge.said.emit, self.timeout
        self.runner.run(
            lambda: run_sync(ws, progress=say, cancel=cancel, timeout=timeout),
            on_done=self._finished,
            on_error=self._problem,
        )

    def stop(self) -> None:
        self.cancel_event.set()
        self.stop_button.setEnabled(False)
        self.stop_button.setText(self.tr("Stopping…"))
        self.step.setText(self.tr("Stopping after the step under way…"))

    def _progress_text(self, text: str) -> None:
        if self.running and not self.cancel_event.is_set():
            self.step.setText(text)

    def _finished(self, summary: Summary) -> None:
        self.running = False
        self.summary = summary
        self.bar.hide()
        self.step.hide()
        self.heading.setText(self.tr("Sync finished"))
        self.body.setStyleSheet("")  # after "Try again" the summary is news, not the warning that came before it
        self.body.setText(_spaced(summary_lines(summary)))
        self._fit_body()
        self._show_buttons(
            close=self.tr("Close"), decide=summary.needs_decision > 0, not_accepted=summary.kept_aside > 0
        )
        if summary.needs_decision:
            self.decide_button.setFocus()
        elif summary.kept_aside:
            self.not_accepted_button.setFocus()
        else:
            self.close_button.setFocus()
        self.synced.emit(summary)

    def _fit_body(self) -> None:
        """A summary with removals and set-aside work runs longer than the preview: the dialog grows (up to most of
        the screen) instead of cutting its last lines off."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
        extra = self.body.heightForWidth(max(1, self.body.width())) - self.body_area.viewport().height()
        if extra <= 0:
            return
        screen = self.screen()
        limit = int(screen.availableGeometry().height() * 0.9) if screen is not None else self.height() + extra
        self.resize(self.width(), max(self.height(), min(self.height() + extra, limit)))

    def _problem(self, exc: BaseException) -> None:
        from app.sync.client import SyncCancelled, SyncInterrupted
        from app.sync.state import NotEnrolled

        was_running, self.running = self.running, False
        self.bar.hide()
        self.step.hide()
        message = human_message(
            exc, self.tr("Something went wrong during the sync. Nothing was lost; please try again.")
        )
        if isinstance(exc, SyncCancelled):
            self.heading.setText(self.tr("Sync stopped"))
            self.body.setText(message)
            self._show_buttons(close=self.tr("Close"), go=self.tr("Carry on syncing"))
        elif isinstance(exc, SyncInterrupted):
            self.heading.setText(self.tr("The connection was lost"))
            self.body.setText(message)
            self._show_buttons(close=self.tr("Close"), go=self.tr("Try again"))
        elif isinstance(exc, NotEnrolled):
            self.heading.setText(self.tr("This computer is not enrolled yet"))
            self.body.setText(
                self.tr(
                    "Ask your office admin for an enrollment sheet, then choose Office → Enroll this computer… to "
                    "connect it. Your work stays safe on this computer until then."
                )
            )
            self._show_buttons(close=self.tr("Close"))
        else:
            self.heading.setText(
                self.tr("The sync did not go through") if was_running else self.tr("Sync cannot start")
            )
            self.body.setText(message)
            self._show_buttons(close=self.tr("Close"))
        self.body.setStyleSheet(warn_box())
        (self.go_button if self.go_button.isVisible() else self.close_button).setFocus()

    def _decide(self) -> None:
        self.accept()
        self.decide_requested.emit()

    def _not_accepted(self) -> None:
        self.accept()
        self.not_accepted_requested.emit()

    def reject(self) -> None:
        if self.running:
            self.stop()  # Escape or a lock while syncing: stop at the next step; what is done is kept
        super().reject()


def _spaced(lines: list[str]) -> str:
    """One fact a paragraph (a blank line between), bullets kept under the line they belong to."""
    out = ""
    for line in lines:
        out += ("\n" if line.startswith("  •") else "\n\n") + line if out else line
    return out


class SyncSummary(QObject):
    """The summary's words: each count a whole sentence, its plural forms in the catalogue (``self.tr`` with the
    count, which is what lupdate reads as a plural)."""

    def lines(self, summary: Summary) -> list[str]:
        """The summary in plain words, one fact a line."""
        lines = [
            self.tr("Sent to the office: 1 change.")
            if summary.sent == 1
            else self.tr("Sent to the office: %n changes.", "", summary.sent),
            self.tr("Received from the office: 1 record.")
            if summary.received == 1
            else self.tr("Received from the office: %n records.", "", summary.received),
            self.tr("Merged with a colleague's changes: 1 record.")
            if summary.merged == 1
            else self.tr("Merged with a colleague's changes: %n records.", "", summary.merged),
        ]
        if summary.needs_decision == 1:
            lines.append(
                self.tr("Needs your decision: 1 change two people made differently. Nothing is lost until you decide.")
            )
        elif summary.needs_decision:
            lines.append(
                self.tr(
                    "Needs your decision: %n changes two people made differently. Nothing is lost until you decide.",
                    "",
                    summary.needs_decision,
                )
            )
        else:
            lines.append(self.tr("Needs your decision: nothing."))
        if summary.removed:
            lines.append(self.tr("Removed from this computer (the office keeps them):"))
            lines.extend(f"  •  {r.sentence}" for r in summary.removed)
        else:
            lines.append(self.tr("Removed from this computer: nothing."))
        if summary.kept_aside == 1:
            lines.append(
                self.tr(
                    "Not accepted by the office: your work on 1 record. Nothing you wrote is lost: your copy is kept "
                    "on this computer, with the reason and what you can do, under Office → Not accepted by the office."
                )
            )
        elif summary.kept_aside:
            lines.append(
                self.tr(
                    "Not accepted by the office: your work on %n records. Nothing you wrote is lost: your copy is kept "
                    "on this computer, with the reason and what you can do, under Office → Not accepted by the office.",
                    "",
                    summary.kept_aside,
                )
            )
        if summary.waiting == 1:
            lines.append(
                self.tr(
                    "Waiting here: 1 change to a record whose link the office does not have yet. It stays on this "
                    "computer and goes again with your next sync."
                )
            )
        elif summary.waiting:
            lines.append(
                self.tr(
                    "Waiting here: %n changes to a record whose links the office does not have yet. They stay on this "
                    "computer and go again with your next sync.",
                    "",
                    summary.waiting,
                )
            )
        if summary.conflicts_problem:
            lines.append(
                self.tr("Changes that need a decision could not be checked this time: {problem}").format(
                    problem=summary.conflicts_problem
                )
            )
        lines.extend(w for w in summary.report.warnings if w)
        return lines


def summary_lines(summary: Summary) -> list[str]:
    """The summary in plain words, one fact a line."""
    return SyncSummary().lines(summary)


# --- the merge screen -----------------------------------------------------------------------------------------


def _shown(value: Any) -> str:
    if value is None or value == "" or value == []:
        return QCoreApplication.translate("MergeDialog", "(nothing written)")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("MergeDialog", "yes")
            if value
            else QCoreApplication.translate("MergeDialog", "no")
        )
    return str(value)


class MergeDialog(QDialog):
    """Each field two people changed differently, side by side; the person picks a value or writes one."""

    decided = Signal()
    sync_requested = Signal()

    def __init__(self, ws: Workspace, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.runner = runner
        self.groups: list[Group] = []
        self.choices: list[tuple[QRadioButton, Any]] = []
        self.setWindowTitle(self.tr("Changes that need a decision"))
        self.setAccessibleName(self.tr("Changes that need a decision"))
        self.resize(1000, 640)
        outer = QVBoxLayout(self)
        outer.addWidget(big_heading(self.tr("Changes that need your decision"), self))
        outer.addWidget(
            selectable_text(
                self.tr(
                    "Two people changed the same thing differently while apart. Every version is kept until you "
                    "choose. Pick the one to keep, or write one that combines them."
                ),
                self,
            )
        )
        self.panes = ItemPanes(self, outer, self.tr("Changes to decide"))
        self.list, self.detail_area = self.panes.list, self.panes.detail_area
        self.list.currentRowChanged.connect(self._show)
        self.status = selectable_text("", self, name=self.tr("What happened"))
        self.status.hide()
        outer.addWidget(self.status)
        self.close_button = big_button(self.tr("Close"), self.tr("Close"), self)
        self.sync_button = big_button(self.tr("Sync now"), self.tr("Send my decisions now"), self)
        self.sync_button.setText(self.tr("Send decisions now"))
        self.sync_button.hide()
        self.use_button = big_button(self.tr("Keep my choice"), self.tr("Keep the chosen value"), self, default=True)
        button_row(outer, self.close_button, self.sync_button, self.use_button)
        self.close_button.clicked.connect(self.reject)
        self.use_button.clicked.connect(self.use)
        self.sync_button.clicked.connect(self._sync)
        self.combined: QPlainTextEdit | None = None
        self.combined_choice: QRadioButton | None = None
        self.load()

    def load(self) -> None:
        from app.core.conflicts import groups

        ws = self.ws
        self.runner.run(lambda: groups(ws), on_done=self._loaded, on_error=self._failed)

    def _loaded(self, found: list[Group]) -> None:
        self.groups = found
        nameless = self.tr("a record")  # lupdate does not read a tr() inside an f-string
        if not self.panes.fill([f"{g.person_name or nameless}\n{g.title}" for g in found]):
            self._empty()

    def _empty(self) -> None:
        self.panes.show_nothing(self.tr("Nothing waits for a decision."), self.tr("Nothing to decide"))
        self.use_button.setEnabled(False)
        self.close_button.setFocus()

    def _show(self, row: int) -> None:
        if row < 0 or row >= len(self.groups):
            return
        g = self.groups[row]
        page, col = self.panes.detail_page()
        who = g.person_name or self.tr("A record")
        col.addWidget(big_heading(self.tr("{who}: {what}").format(who=who, what=g.title), page))
        self.choices = []
        self.combined = None
        self.combined_choice = None
        group = QButtonGroup(page)
        if g.whole_record:
            col.addWidget(
                selectable_text(
                    self.tr(
                        "This record was deleted on one computer while it was being changed on another. The "
                        "change is kept at the office."
                    ),
                    page,
                )
            )
            keep = QRadioButton(self.tr("Keep it as the office has it now"), page)
            keep.setAccessibleName(self.tr("Keep it as the office has it now"))
            keep.setChecked(True)
            group.addButton(keep)
            col.addWidget(keep)
            self.choices.append((keep, None))
        else:
            if g.decided_differently:
                col.addWidget(
                    selectable_text(
                        self.tr(
                            "Someone decided this differently, or it was changed after a decision was made. "
                            "Nothing was replaced: every version is here for you to choose again."
                        ),
                        page,
                        name=self.tr("Decided differently"),
                    )
                )
            col.addWidget(
                selectable_text(
                    self.tr("It started as: {value}").format(value=_shown(g.base)),
                    page,
                    name=self.tr("Started as"),
                    style=calm_box(),
                )
            )
            for i, v in enumerate(g.values):
                # The office names another computer by its enrolment date; beside the date of the change that
                # read as the date said twice, so the line says only whose computer it was.
                where = self.tr("on this computer") if v.this_device else self.tr("on another computer")
                box = QFrame(page)
                box.setFrameShape(QFrame.Shape.StyledPanel)
                inner = QVBoxLayout(box)
                radio = QRadioButton(self.tr("Keep this version"), box)
                radio.setAccessibleName(self.tr("Keep version {n}: {value}").format(n=i + 1, value=_shown(v.value)))
                group.addButton(radio)
                inner.addWidget(radio)
                value = selectable_text(_shown(v.value), box, name=self.tr("Version {n}").format(n=i + 1))
                font = QFont(value.font())
                font.setPointSizeF(font.pointSizeF() * 1.15)
                font.setWeight(QFont.Weight.DemiBold)
                value.setFont(font)
                inner.addWidget(value)
                whose = self.tr("{who}'s decision").format(who=v.who) if v.decision else v.who
                said = self.tr("{who}, {where}, {when}").format(who=whose, where=where, when=v.when)
                inner.addWidget(selectable_text(said, box, name=self.tr("Who and when")))
                if g.current == v.value:
                    inner.addWidget(selectable_text(self.tr("This is what your records show now."), box))
                col.addWidget(box)
                self.choices.append((radio, v.value))
            if g.kind == "text":
                combined = QRadioButton(self.tr("Write a combined version"), page)
                combined.setAccessibleName(self.tr("Write a combined version"))
                group.addButton(combined)
                col.addWidget(combined)
                edit = QPlainTextEdit(page)
                edit.setAccessibleName(self.tr("Combined version"))
                edit.setPlainText(g.proposal or "")
                edit.setTabChangesFocus(True)
                edit.setMinimumHeight(edit.fontMetrics().height() * 5)
                edit.textChanged.connect(lambda: combined.setChecked(True))
                col.addWidget(
                    selectable_text(self.tr("A proposed combination of both versions; change it as you need."), page)
                )
                col.addWidget(edit)
                self.combined = edit
                self.combined_choice = combined
            if self.choices:
                self.choices[0][0].setChecked(True)
        col.addStretch(1)
        self.detail_area.setWidget(page)
        self.use_button.setEnabled(True)

    def chosen(self) -> Any:
        if self.combined_choice is not None and self.combined_choice.isChecked() and self.combined is not None:
            return self.combined.toPlainText()
        for radio, value in self.choices:
            if radio.isChecked():
                return value
        return None

    def use(self) -> None:
        from app.core.conflicts import decide

        row = self.list.currentRow()
        if row < 0 or row >= len(self.groups):
            return
        g, value, ws = self.groups[row], self.chosen(), self.ws
        self.use_button.setEnabled(False)
        self.runner.run(lambda: decide(ws, g, value), on_done=lambda _r: self._decided(row), on_error=self._failed)

    def _decided(self, row: int) -> None:
        del self.groups[row]
        say(self.status, self.tr("Decided. Your choice is saved here and goes to the office with your next sync."))
        self.sync_button.show()
        self.decided.emit()
        if not self.panes.drop(row, len(self.groups)):
            self._empty()
            self.sync_button.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self.use_button.setEnabled(bool(self.groups))
        message = human_message(exc, self.tr("That could not be saved, and nothing was changed. Please try again."))
        say(self.status, message, problem=True)

    def _sync(self) -> None:
        self.accept()
        self.sync_requested.emit()


# --- in the main window ---------------------------------------------------------------------------------------


class SyncControls(QObject):
    """The Office menu, the Sync now button and the reminder banner of the main window."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.ws: Workspace | None = None
        self.sync_action = QAction(self.tr("&Sync now"), window)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+Y"))
        self.sync_action.setToolTip(
            self.tr("Sync now: send your changes to the office and receive theirs (Ctrl+Shift+Y)")
        )
        self.sync_action.triggered.connect(self.open_sync)
        self.decide_action = QAction(self.tr("Changes that need a &decision…"), window)
        self.decide_action.triggered.connect(self.open_merge)
        self.not_accepted_action = QAction(self.tr("&Not accepted by the office…"), window)
        self.not_accepted_action.triggered.connect(self.open_not_accepted)
        self.enrol_action = QAction(self.tr("&Enroll this computer…"), window)
        self.enrol_action.triggered.connect(self.open_enrol)
        menu = QMenu(self.tr("&Office"), window.menuBar())
        # Help stays last on the menu bar, where people look for it.
        window.menuBar().insertMenu(window.help_menu.menuAction(), menu)
        for action in (self.sync_action, self.decide_action, self.not_accepted_action, self.enrol_action):
            menu.addAction(action)
            action.setEnabled(False)
        window.addAction(self.sync_action)
        window.toolbar.addSeparator()
        window.toolbar.addAction(self.sync_action)
        button = window.toolbar.widgetForAction(self.sync_action)
        if button is not None:
            button.setAccessibleName(self.tr("Sync now"))
        self.banner_bar = QToolBar(self.tr("Sync reminder"), window)
        self.banner_bar.setObjectName("sync-reminder")
        self.banner_bar.setMovable(False)
        self.banner_bar.setFloatable(False)
        self.banner = QLabel("", self.banner_bar)
        self.banner.setAccessibleName(self.tr("Sync reminder"))
        self.banner.setWordWrap(True)
        self.banner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.banner.setStyleSheet(
            f"QLabel {{ background: {colour('notice_bg')}; color: {colour('notice_text')}; padding: 8px 12px; }}"
        )
        self.banner_bar.addWidget(self.banner)
        window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner_bar)
        self.banner_bar.hide()

    # --- the window's moments ---------------------------------------------------------------------------------

    def unlocked(self, ws: Workspace) -> None:
        self.ws = ws
        for action in (self.sync_action, self.decide_action, self.not_accepted_action, self.enrol_action):
            action.setEnabled(True)
        self.refresh_banner()

    def locked(self) -> None:
        self.ws = None
        for action in (self.sync_action, self.decide_action, self.not_accepted_action, self.enrol_action):
            action.setEnabled(False)
        self.banner_bar.hide()

    def refresh_banner(self) -> None:
        from app.core.settings import UNSYNCED_WARNING_DAYS
        from app.sync.run import is_enrolled, unsynced_days

        ws = self.ws
        if ws is None:
            return
        limit = self.window.settings.get(UNSYNCED_WARNING_DAYS)

        def work() -> tuple[int | None, bool]:
            return unsynced_days(ws), is_enrolled(ws)

        self.window.runner.run(work, on_done=lambda result: self._banner(ws, limit, *result))

    def _banner(self, ws: Workspace, limit: int, days: int | None, enrolled: bool) -> None:
        if ws is not self.ws:
            return
        self.enrol_action.setEnabled(not enrolled)
        self.sync_action.setEnabled(enrolled)
        self.decide_action.setEnabled(enrolled)
        if days is None or days < limit:
            self.banner_bar.hide()
            return
        self.banner.setText(
            self.tr(
                "This computer holds changes not synced with your office for {days} days. When you are on the "
                "office network, press Sync now."
            ).format(days=days)
        )
        self.banner_bar.show()

    # --- dialogs ----------------------------------------------------------------------------------------------

    def open_sync(self) -> SyncDialog | None:
        if self.ws is None:
            return None
        dialog = SyncDialog(self.ws, self.window.runner, self.window)
        dialog.synced.connect(self._synced)
        dialog.decide_requested.connect(self.open_merge)
        dialog.not_accepted_requested.connect(self.open_not_accepted)
        dialog.open()
        return dialog

    def open_not_accepted(self) -> NotAcceptedDialog | None:
        from app.ui.not_accepted import NotAcceptedDialog

        if self.ws is None:
            return None
        dialog = NotAcceptedDialog(self.ws, self.window.runner, self.window)
        dialog.open()
        return dialog

    def open_merge(self) -> MergeDialog | None:
        if self.ws is None:
            return None
        dialog = MergeDialog(self.ws, self.window.runner, self.window)
        dialog.decided.connect(self.refresh_banner)
        dialog.decided.connect(self.window.refresh_after_sync)  # a decision changes the record here at once
        dialog.sync_requested.connect(self.open_sync)
        dialog.open()
        return dialog

    def open_enrol(self) -> EnrolDialog | None:
        unlocked = getattr(self.window, "_unlocked", None)
        if self.ws is None or unlocked is None:
            return None
        dialog = EnrolDialog(unlocked, self.window.runner, self.window)
        dialog.enrolled.connect(lambda _done: self.refresh_banner())
        dialog.open()
        return dialog

    def _synced(self, summary: Summary) -> None:
        """What the window shows may have changed: the caseload, and the person open now (read again). A person
        the sync removed from this computer is not left open: the window goes back to the caseload and says why."""
        self.refresh_banner()
        ws = self.ws
        if ws is None:
            return
        page = getattr(self.window, "_person_page", None)
        where = page.location() if page is not None and self.window.pages.currentWidget() is page else None
        if where is None or not summary.removed:
            self.window.refresh_after_sync()
            return
        person_id = where[0]

        def still_here() -> bool:
            from app.errors import OfframpError

            try:
                ws.records.get("person", person_id)
            except OfframpError:
                return False
            return True

        self.window.runner.run(still_here, on_done=lambda here: self._after_sync(ws, bool(here)))

    def _after_sync(self, ws: Workspace, person_still_here: bool) -> None:
        if ws is not self.ws:
            return
        if not person_still_here:
            self.window.show_caseload()
            self.window.statusBar().showMessage(
                self.tr(
                    "The person you had open is no longer on this computer after the sync; the sync summary says why."
                ),
                15000,
            )
        self.window.refresh_after_sync()
