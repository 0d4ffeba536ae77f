"""Notes: append-only entries about the person, newest first, with who wrote each and when.

The author may change their own entry until they sign it; a signed entry is read-only and says so. Two people writing
offline add two entries, never a conflict. Unsaved typing in the composer (``note:<person id>``) and in an entry being
changed (``note-edit:<person id>:<note id>``) survives a lock, cursor and all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.core.relief import status_note_words
from app.core.timeline import NoteRow
from app.ui.palette import text_style
from app.ui.person.data import add_note, edit_note, sign_note
from app.ui.person.fields import (
    ConfirmBar,
    ErrorLine,
    column_of,
    format_datetime,
    plain_button,
    restore_widget_state,
    widget_state,
)
from app.ui.person.forms import message_of
from app.ui.person.host import PersonHost
from app.ui.qt import (
    QAction,
    QFont,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    Qt,
    QWidget,
)

CARD_STYLE = (
    "#note-card { border: 1px solid palette(mid); border-radius: 6px; background: palette(base); }"
    '#note-card[signed="true"] { background: palette(alternate-base); }'
)


def _text_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    return label


class NoteComposer(QWidget):
    """Write a new entry. Implements ``DraftAware``: the slot is ``note:<person id>``."""

    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self._busy = False
        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("New note"))
        self.editor.setAccessibleDescription(
            self.tr("Write a new entry. It is added with your name and the time. Press Control and Enter to add it.")
        )
        self.editor.setPlaceholderText(self.tr("Write a new note. It is added with your name and the time."))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 3 + 16)
        self.label = QLabel(self.tr("New note"), self)
        self.label.setBuddy(self.editor)
        self.error = ErrorLine(self)
        self.status = _text_label(self, self.tr("New note status"))
        self.add_button = plain_button(self.tr("Add note"), self.tr("Add the note"), self)
        self.add_button.setToolTip(self.tr("Add the note (Ctrl+Enter)"))
        self.add_button.clicked.connect(self.submit)
        self.editor.textChanged.connect(self._update_buttons)

        add = QAction(self.tr("Add the note"), self)
        add.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.submit)
        self.addAction(add)

        row = QHBoxLayout()
        row.addWidget(self.status, 1)
        row.addWidget(self.add_button)
        column_of(self, self.label, self.editor, self.error, row, margins=(0, 0, 0, 0), spacing=6)
        QWidget.setTabOrder(self.editor, self.add_button)
        self.setFocusProxy(self.editor)
        self._update_buttons()

    def set_person(self, person_id: str | None) -> None:
        if person_id != self._person_id:
            self.clear()
        self._person_id = person_id
        self._update_buttons()

    def clear(self) -> None:
        self._person_id = None
        self._busy = False
        self.editor.setPlainText("")
        self.error.clear_message()
        self.status.setText("")
        self._update_buttons()

    # --- DraftAware --------------------------------------------------------------------------------------------

    def draft_slot(self) -> str | None:
        return f"note:{self._person_id}" if self._person_id else None

    def has_draft(self) -> bool:
        return self._person_id is not None and bool(self.editor.toPlainText())

    def draft_state(self) -> dict[str, Any]:
        return widget_state(self.editor)

    def restore_draft(self, state: dict[str, Any]) -> None:
        restore_widget_state(self.editor, state)
        self._update_buttons()

    # --- adding ------------------------------------------------------------------------------------------------

    def submit(self) -> None:
        person_id = self._person_id
        body = self.editor.toPlainText()
        if person_id is None or self._busy:
            return
        if not body.strip():
            self.error.show_message(self.tr("Write something first: an empty note cannot be added."))
            return
        self._busy = True
        self.error.clear_message()
        self.status.setText(self.tr("Adding…"))
        self._update_buttons()
        if not self._host.run(lambda ws: add_note(ws, person_id, body), self._added, self._failed):
            self._busy = False
            self._update_buttons()

    def _added(self, _note_id: str) -> None:
        self._busy = False
        self.editor.setPlainText("")
        self.status.setText(self.tr("Note added."))
        self._update_buttons()
        self._host.record_changed("notes")

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self.status.setText("")
        self.error.show_message(self.tr("The note was not added. {reason}").format(reason=message_of(exc)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_text = bool(self.editor.toPlainText().strip())
        self.add_button.setEnabled(self._person_id is not None and has_text and not self._busy)
        self.editor.setReadOnly(self._busy)
        if has_text and self.status.text() == self.tr("Note added."):
            self.status.setText("")


#: How the notes Offramp writes by itself begin (app.core.relief writes one at each status change of a case).
AUTOMATIC_NOTE_STARTS = ("Record relief status: ",)


def written_by_the_app(note: NoteRow) -> bool:
    """A note the app wrote (signed at once, on a record-relief case), not one a person typed."""
    return note.signed_at is not None and note.body.startswith(AUTOMATIC_NOTE_STARTS)


class NoteCard(QFrame):
    """One entry. Its author may change it or sign it until it is signed. Implements ``DraftAware`` while editing."""

    def __init__(self, host: PersonHost, person_id: str, note: NoteRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id = person_id
        self.note = note
        self._busy = False
        self.setObjectName("note-card")
        self.setProperty("signed", "true" if note.signed_at else "false")
        self.setStyleSheet(CARD_STYLE)

        self.meta = _text_label(self, self.tr("Written by and when"))
        meta_font = QFont(self.meta.font())
        meta_font.setWeight(QFont.Weight.DemiBold)
        self.meta.setFont(meta_font)
        automatic = written_by_the_app(note)
        author = note.author if note.author != "You" else self.tr("You")
        author = self.tr("Offramp (automatic)") if automatic else author
        self.meta.setText("  ·  ".join(p for p in (author, format_datetime(note.written_at), note.about) if p))
        self.body = _text_label(self, self.tr("Note"))
        # A note the app wrote is said in the app's language; the record keeps it as written.
        self.body.setText(status_note_words(note.body) if automatic else note.body)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.signed = _text_label(self, self.tr("Signed"))
        if note.signed_at and automatic:
            # The app wrote it when the status changed: "Signed by you" would claim words the person never wrote.
            when = format_datetime(note.signed_at)
            if note.signed_by == "You":
                text = self.tr("Written automatically by Offramp when you recorded the status, on {when}. It is "
                               "read-only; add a new note to say more.")
            else:
                text = self.tr("Written automatically by Offramp when the status was recorded (by {who}), on {when}. "
                               "It is read-only; add a new note to say more.")
            self.signed.setText(text.format(who=note.signed_by or self.tr("someone"), when=when))
        elif note.signed_at:
            when = format_datetime(note.signed_at)
            if note.signed_by == "You":
                text = self.tr("Signed by you on {when}. A signed note is read-only; add a new note to say more.")
            else:
                text = self.tr("Signed by {who} on {when}. A signed note is read-only; add a new note to say more.")
            self.signed.setText(text.format(who=note.signed_by or self.tr("its author"), when=when))
        self.signed.setVisible(note.signed_at is not None)
        self.signed.setStyleSheet(text_style("quiet", italic=True))

        self.editor = QPlainTextEdit(self)
        self.editor.setAccessibleName(self.tr("Change this note"))
        self.editor.setTabChangesFocus(True)
        self.editor.setFixedHeight(self.editor.fontMetrics().lineSpacing() * 5 + 16)
        self.editor.hide()
        self.error = ErrorLine(self)
        self.confirm = ConfirmBar(self.tr("Sign it"), self.tr("Not yet"), self)
        self.confirm.confirmed.connect(self._sign_confirmed)

        self.edit_button = plain_button(self.tr("Change"), self.tr("Change this note"), self)
        self.sign_button = plain_button(self.tr("Sign…"), self.tr("Sign this note"), self)
        self.save_button = plain_button(self.tr("Save changes"), self.tr("Save the changes to this note"), self)
        self.cancel_button = plain_button(self.tr("Cancel"), self.tr("Cancel changing this note"), self)
        self.edit_button.clicked.connect(self.start_editing)
        self.sign_button.clicked.connect(self._ask_sign)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.stop_editing)
        self.status = _text_label(self, self.tr("Note status"))

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.status, 1)
        for button in (self.edit_button, self.sign_button, self.cancel_button, self.save_button):
            buttons.addWidget(button)
        column_of(
            self,
            self.meta,
            self.body,
            self.editor,
            self.error,
            self.signed,
            self.confirm,
            buttons,
            margins=(14, 10, 14, 10),
            spacing=6,
        )
        self._show_buttons()

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    @property
    def editing(self) -> bool:
        return not self.editor.isHidden()

    def _show_buttons(self) -> None:
        editable = self.note.editable
        self.edit_button.setVisible(editable and not self.editing)
        self.sign_button.setVisible(editable and not self.editing)
        self.save_button.setVisible(self.editing)
        self.cancel_button.setVisible(self.editing)
        for button in (self.edit_button, self.sign_button, self.save_button, self.cancel_button):
            button.setEnabled(not self._busy)
        if not editable:
            self._say("")
        elif not self.editing and not self._busy:
            self._say(self.tr("Not signed yet: you can still change it."))

    def start_editing(self) -> None:
        if not self.note.editable:
            return
        self.editor.setPlainText(self.note.body)
        self.editor.show()
        self.body.hide()
        self.confirm.dismiss()
        self._show_buttons()
        self._say("")
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop_editing(self) -> None:
        self.editor.setPlainText("")
        self.editor.hide()
        self.body.show()
        self.error.clear_message()
        self._show_buttons()
        self.edit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save(self) -> None:
        body = self.editor.toPlainText()
        if not body.strip():
            self.error.show_message(self.tr("A note cannot be left empty. Cancel to keep it as it was."))
            return
        if body == self.note.body:
            self.stop_editing()
            return
        note_id = self.note.id
        self._busy = True
        self._show_buttons()
        self._say(self.tr("Saving…"))
        if not self._host.run(lambda ws: edit_note(ws, note_id, body), self._done, self._failed):
            self._busy = False
            self._show_buttons()

    def _ask_sign(self) -> None:
        self.confirm.ask(self.tr("Sign this note? Once signed, nobody can change it, not even you."))

    def _sign_confirmed(self) -> None:
        note_id = self.note.id
        self._busy = True
        self._show_buttons()
        self._say(self.tr("Signing…"))
        if not self._host.run(lambda ws: sign_note(ws, note_id), self._done, self._failed):
            self._busy = False
            self._show_buttons()

    def _done(self, _result: object) -> None:
        self._busy = False
        self.editor.setPlainText("")
        self.editor.hide()
        self._host.record_changed("notes")

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        self._say("")
        self.error.show_message(self.tr("Nothing was changed. {reason}").format(reason=message_of(exc)))
        self._show_buttons()

    # --- DraftAware ----------------------------------------------------------------------------------------------

    def draft_slot(self) -> str | None:
        return f"note-edit:{self._person_id}:{self.note.id}" if self.note.editable else None

    def has_draft(self) -> bool:
        return self.editing and self.editor.toPlainText() != self.note.body

    def draft_state(self) -> dict[str, Any]:
        return widget_state(self.editor)

    def restore_draft(self, state: dict[str, Any]) -> None:
        if not self.note.editable:
            return
        self.start_editing()
        restore_widget_state(self.editor, state)

    def wipe(self) -> None:
        """Forget the text before the card goes (a lock must leave nothing behind)."""
        for label in (self.meta, self.body, self.signed, self.status):
            label.setText("")
        self.editor.setPlainText("")
        self.confirm.dismiss()


class NotesSection(QWidget):
    def __init__(self, host: PersonHost, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self._person_id: str | None = None
        self.cards: list[NoteCard] = []

        self.composer = NoteComposer(host, self)
        heading = QLabel(self.tr("Notes, newest first"), self)
        font = QFont(heading.font())
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        self.empty = QLabel(self.tr("No notes yet. Anything you add appears here with your name and the time."), self)
        self.empty.setWordWrap(True)
        self.empty.hide()

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setAccessibleName(self.tr("Notes"))
        self.list_body = QWidget(self.scroll_area)
        self.list_layout = column_of(self.list_body, 1, margins=(0, 0, 12, 0), spacing=10)
        self.scroll_area.setWidget(self.list_body)

        layout = column_of(self, self.composer, margins=(0, 0, 0, 0), spacing=10)
        layout.addSpacing(6)
        layout.addWidget(heading)
        layout.addWidget(self.empty)
        layout.addWidget(self.scroll_area, 1)
        self.setFocusProxy(self.composer)

    def load(self, person_id: str, notes: Sequence[NoteRow]) -> None:
        """Show the entries; an entry being changed keeps its unsaved typing across the refresh."""
        kept = {c.note.id: c.draft_state() for c in self.cards if c.has_draft()} if person_id == self._person_id else {}
        self._person_id = person_id
        self.composer.set_person(person_id)
        self._drop_cards()
        for note in notes:
            card = NoteCard(self._host, person_id, note, self.list_body)
            self.list_layout.insertWidget(self.list_layout.count() - 1, card)
            self.cards.append(card)
            if note.id in kept:
                card.restore_draft(kept[note.id])
        self.empty.setVisible(not notes)
        previous: QWidget = self.composer.add_button
        for card in self.cards:
            for button in (card.edit_button, card.sign_button, card.editor, card.cancel_button, card.save_button,
                           card.confirm.cancel_button, card.confirm.confirm_button):  # fmt: skip
                QWidget.setTabOrder(previous, button)
                previous = button

    def _drop_cards(self) -> None:
        for card in self.cards:
            card.wipe()
            card.hide()
            card.setParent(None)
            card.deleteLater()
        self.cards = []

    def clear(self) -> None:
        self._person_id = None
        self._drop_cards()
        self.composer.clear()
        self.empty.hide()
