"""The caseload: a lazily loaded table of people with search-as-you-type and filters.

:class:`CaseloadModel` pages through :meth:`PeopleService.search` 200 rows at a time on the task runner (by key in
name order, so a vault of 100,000 people opens and scrolls as fast as one of 20); :class:`CaseloadPage` is the
search box, the filters, the count and the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from app.core.people import CaseloadFilter
from app.ui.errors import human_message
from app.ui.qt import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractTableModel,
    QAction,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QResizeEvent,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from app.ui.style import readable_checkbox
from app.ui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from app.core.people import PeopleService, PersonRow

PAGE_SIZE = 200
SEARCH_DELAY_MS = 150

Index = QModelIndex | QPersistentModelIndex


class CaseloadModel(QAbstractTableModel):
    """People matching the current search, fetched a page at a time as the view scrolls."""

    NAME, PRONOUNS, LANGUAGES, UNSYNCED = range(4)
    COLUMN_COUNT = 4
    PersonIdRole = Qt.ItemDataRole.UserRole + 1

    #: How many people match the current search (after the first page of a new search arrives).
    total_changed = Signal(int)
    #: A query failed; the text is one human sentence.
    problem = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._people: PeopleService | None = None
        self._rows: list[PersonRow] = []
        self._query = ""
        self._filters = CaseloadFilter()
        self._total: int | None = None
        self._generation = 0  # bumped on every reset; results from an older generation are ignored
        self._fetching = False
        self._exhausted = True
        self._handle: TaskHandle | None = None
        self._headers = (self.tr("Name"), self.tr("Pronouns"), self.tr("Languages"), self.tr("Not yet synced"))

    # --- what the view asks ------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == self.NAME:
                return row.preferred_name
            if col == self.PRONOUNS:
                return row.pronouns or ""
            if col == self.LANGUAGES:
                return ", ".join(row.languages)
            if col == self.UNSYNCED:
                if role == Qt.ItemDataRole.ToolTipRole:
                    return self.tr("Changed on this computer and not yet sent to the office") if row.unsynced else ""
                return self.tr("Yes") if row.unsynced else ""
        if role == self.PersonIdRole:
            return row.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._people is not None and not self._exhausted and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        self._fetch_page(with_count=False)

    # --- what the page asks ------------------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @property
    def filters(self) -> CaseloadFilter:
        return self._filters

    def set_filters(self, filters: CaseloadFilter) -> None:
        if filters != self._filters:
            self._filters = filters
            self.set_query(self._query)

    @property
    def total(self) -> int | None:
        """How many people match the current search; None until the first page has arrived."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._fetching

    def set_people(self, people: PeopleService | None) -> None:
        """Point the model at an open vault's people (None when it locks) and show everyone."""
        self._people = people
        self.set_query("")

    def set_query(self, text: str) -> None:
        """Start over with a new search; the first page and the count are fetched in the background."""
        self._query = text.strip()
        self._reset()
        if self._people is not None:
            self._exhausted = False
            self._fetch_page(with_count=True)

    def clear(self) -> None:
        """Forget every row and the vault they came from (on lock). Results still on their way are ignored."""
        self._people = None
        self._query = ""
        self._filters = CaseloadFilter()
        self._reset()

    def person_id(self, row: int) -> str | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    # --- the work ----------------------------------------------------------------------------------------------

    def _reset(self) -> None:
        if self._handle is not None:
            self._handle.cancel()  # a page still queued for an older search never runs
            self._handle = None
        self.beginResetModel()
        self._generation += 1
        self._rows = []
        self._total = None
        self._fetching = False
        self._exhausted = True
        self.endResetModel()

    def _fetch_page(self, *, with_count: bool) -> None:
        people = self._people
        assert people is not None
        query, filters, generation = self._query, self._filters, self._generation
        # Name order pages by key (fast deep into the list); ranked search results page by position.
        after = self._rows[-1].sort_key if (self._rows and not query) else None
        offset = len(self._rows) if query else 0
        self._fetching = True

        def work() -> tuple[list[PersonRow], int | None]:
            return people.page(
                query, filters=filters, limit=PAGE_SIZE, offset=offset, after=after, with_count=with_count
            )

        self._handle = self._runner.run(
            work,
            on_done=lambda result: self._page_arrived(generation, result),
            on_error=lambda exc: self._page_failed(generation, exc),
        )

    def _page_arrived(self, generation: int, result: tuple[list[PersonRow], int | None]) -> None:
        if generation != self._generation:
            return  # an older search, or the vault has locked since
        rows, total = result
        self._fetching = False
        self._exhausted = len(rows) < PAGE_SIZE
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if total is not None:
            self._total = total
            self.total_changed.emit(total)

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._exhausted = True
        self.problem.emit(
            human_message(exc, self.tr("The list could not be loaded. Please try again, or lock and unlock the vault."))
        )


class _SearchBox(QLineEdit):
    """The search field: Down moves into the list, Escape clears the search."""

    move_down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.move_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class _FilterBar(QWidget):
    """"Show:" and the filter check boxes, on as many lines as the width needs (at twice the text size they no
    longer fit on one line, and a cut-off label is a filter nobody can read)."""

    def __init__(self, label: QLabel, boxes: tuple[QCheckBox, ...], parent: QWidget) -> None:
        super().__init__(parent)
        self._label, self._boxes = label, boxes
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(18)
        self._grid.setVerticalSpacing(6)
        self._columns = 0
        self._place(len(boxes))
        # Never wider than the label and the widest box: the window may narrow, and the boxes then go on more lines.
        self.setMinimumWidth(
            label.sizeHint().width() + max(box.sizeHint().width() for box in boxes) + 2 * self._grid.horizontalSpacing()
        )

    def _fitting(self, width: int) -> int:
        """How many boxes fit on a line of ``width`` beside the label."""
        spacing = self._grid.horizontalSpacing()
        room = width - self._label.sizeHint().width() - spacing
        widest = max(box.sizeHint().width() for box in self._boxes) + spacing
        return max(1, min(len(self._boxes), room // max(1, widest)))

    def _place(self, columns: int) -> None:
        if columns == self._columns:
            return
        self._columns = columns
        for widget in (self._label, *self._boxes):
            self._grid.removeWidget(widget)
        self._grid.addWidget(self._label, 0, 0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for i, box in enumerate(self._boxes):
            self._grid.addWidget(box, i // columns, 1 + i % columns, Qt.AlignmentFlag.AlignLeft)
        for column in range(1, len(self._boxes) + 2):
            self._grid.setColumnStretch(column, 0)
        self._grid.setColumnStretch(columns + 1, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place(self._fitting(event.size().width()))
        super().resizeEvent(event)


class CaseloadPage(QWidget):
    """Search box, count and the people table. Knows nothing of vaults: it is given a :class:`PeopleService`."""

    #: A person was chosen (Enter or double-click); carries their id.
    open_requested = Signal(str)
    #: "Add a new person" from an empty caseload or an empty search; carries the name searched for, if any.
    new_person_requested = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CaseloadModel(runner, self)

        # Filters: each a checkbox with a mnemonic (Alt+M, Alt+F, Alt+W, Alt+N, Alt+C).
        self.filter_mine = QCheckBox(self.tr("&My people"), self)
        self.filter_mine.setAccessibleName(self.tr("Show only my people"))
        self.filter_follow_up = QCheckBox(self.tr("&Follow-up due"), self)
        self.filter_follow_up.setAccessibleName(self.tr("Show only people with a referral follow-up due"))
        self.filter_deadline = QCheckBox(self.tr("Deadline this &week"), self)
        self.filter_deadline.setAccessibleName(self.tr("Show only people with a deadline this week"))
        self.filter_deadline.setToolTip(
            self.tr("Within the next 7 days: a record-relief deadline, a certification request to decide, or the "
                    "last day USCIS accepts a signed U-visa certification")
        )
        self.filter_unsynced = QCheckBox(self.tr("&Not yet synced"), self)
        self.filter_unsynced.setAccessibleName(self.tr("Show only people with changes not yet sent to the office"))
        self.filter_charged = QCheckBox(self.tr("&Charged, not yet screened"), self)
        self.filter_charged.setAccessibleName(
            self.tr("Show only people charged with an offense often linked to exploitation and not yet screened")
        )
        self.filter_charged.setToolTip(
            self.tr("Defendants on a charge your office's rules list, with no screening since that arrest")
        )
        self._filter_boxes = (
            self.filter_mine, self.filter_follow_up, self.filter_deadline, self.filter_unsynced, self.filter_charged
        )
        for box in self._filter_boxes:
            readable_checkbox(box)
            box.toggled.connect(self._filters_changed)

        self.search = _SearchBox(self)
        self.search.setPlaceholderText(self.tr("Search by name or other name"))
        self.search.setAccessibleName(self.tr("Search people"))
        self.search.setAccessibleDescription(self.tr("The list narrows as you type. Press Down to move into it."))
        self.search.setClearButtonEnabled(True)
        for button in self.search.findChildren(QAbstractButton):  # the clear button Qt adds inside the field
            button.setAccessibleName(self.tr("Clear search"))
        self.search.setMinimumWidth(320)

        # Shown only when nobody is listed: an empty vault, or a search that finds no one.
        self.add_button = QPushButton(self.tr("Add a new person"), self)
        self.add_button.setAccessibleName(self.tr("Add a new person"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.new_person_requested.emit(self.model.query))
        self.add_button.hide()

        self.count_label = QLabel(self)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._set_count(self.tr("Loading…"))

        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("People"))
        self.table.setAccessibleDescription(self.tr("Your caseload. Use the arrow keys to move through it."))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move inside it
        self.table.setCornerButtonEnabled(False)
        for button in self.table.findChildren(QAbstractButton):  # the corner button
            button.setAccessibleName(self.tr("Select all"))
        # Fixed row heights: measuring rows to fit their contents is what makes big tables slow.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 14)
        rows.setAccessibleName(self.tr("Row numbers"))
        rows.hide()
        columns = self.table.horizontalHeader()
        columns.setAccessibleName(self.tr("Column headings"))
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setStretchLastSection(False)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        columns.setSectionResizeMode(CaseloadModel.LANGUAGES, QHeaderView.ResizeMode.Stretch)
        columns.setSectionResizeMode(CaseloadModel.UNSYNCED, QHeaderView.ResizeMode.ResizeToContents)
        em = self.fontMetrics().horizontalAdvance("M")
        self.table.setColumnWidth(CaseloadModel.NAME, 22 * em)
        self.table.setColumnWidth(CaseloadModel.PRONOUNS, 9 * em)
        # A little air around the text; the rest of the look comes from the platform.
        self.table.setStyleSheet(
            "QTableView::item { padding-left: 8px; padding-right: 8px; }"
            "QHeaderView::section { padding: 4px 8px 4px 11px; }"
        )

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)

        show = QLabel(self.tr("Show:"), self)
        filters = _FilterBar(show, self._filter_boxes, self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 12)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(filters)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.table, 1)

        self.setTabOrder(self.search, self.add_button)
        self.setTabOrder(self.add_button, self.filter_mine)
        self.setTabOrder(self.filter_mine, self.filter_follow_up)
        self.setTabOrder(self.filter_follow_up, self.filter_deadline)
        self.setTabOrder(self.filter_deadline, self.filter_unsynced)
        self.setTabOrder(self.filter_unsynced, self.filter_charged)
        self.setTabOrder(self.filter_charged, self.table)
        self.table.activated.connect(self._open_index)  # Enter on a row, or a double-click

        # Search as you type, but wait for a short pause so each key does not start a query.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._run_search)
        self.search.move_down.connect(self._enter_table)

        self.model.total_changed.connect(self._show_count)
        self.model.problem.connect(self._set_count)

        # Ctrl+F from anywhere on the page goes back to the search box.
        find = QAction(self.tr("Find a person"), self)
        find.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        find.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.triggered.connect(self._focus_search)
        self.addAction(find)

    # --- used by the main window ---------------------------------------------------------------------------------

    def show_people(self, people: PeopleService) -> None:
        self._set_search_text("")
        self._set_count(self.tr("Loading…"))
        self.model.set_people(people)
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Read the current search again (someone was added), leaving the search text and the keyboard alone."""
        self._set_count(self.tr("Loading…"))
        self.model.set_query(self.model.query)

    def clear(self) -> None:
        """Forget everything on screen (the vault is locking)."""
        self._debounce.stop()
        self._set_search_text("")
        for box in self._filter_boxes:
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.model.clear()
        self._set_count("")

    def current_filters(self) -> CaseloadFilter:
        return CaseloadFilter(
            mine=self.filter_mine.isChecked(),
            follow_up_due=self.filter_follow_up.isChecked(),
            deadline_this_week=self.filter_deadline.isChecked(),
            unsynced=self.filter_unsynced.isChecked(),
            charged_not_screened=self.filter_charged.isChecked(),
        )

    def _filters_changed(self) -> None:
        self._set_count(self.tr("Loading…"))
        self.model.set_filters(self.current_filters())

    def _open_index(self, index: QModelIndex) -> None:
        person_id = self.model.person_id(index.row())
        if person_id:
            self.open_requested.emit(person_id)

    # --- behaviour -----------------------------------------------------------------------------------------------

    def _set_search_text(self, text: str) -> None:
        self.search.blockSignals(True)
        self.search.setText(text)
        self.search.blockSignals(False)

    def _run_search(self) -> None:
        self._debounce.stop()
        if self.search.text().strip() != self.model.query:
            self._set_count(self.tr("Loading…"))
            self.model.set_query(self.search.text())

    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _enter_table(self) -> None:
        if self.model.rowCount() == 0:
            if self.add_button.isVisible():  # nobody listed: Down reaches "Add a new person" instead
                self.add_button.setFocus(Qt.FocusReason.TabFocusReason)
            return
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _show_count(self, total: int) -> None:
        searching = bool(self.model.query) or self.model.filters.any
        if total == 0:
            if self.model.query:
                text = self.tr("No one matches that search")
            elif searching:
                text = self.tr("No one matches these filters")
            else:
                text = self.tr("No people in this vault yet")
        elif total == 1:
            text = self.tr("1 person found") if searching else self.tr("1 person")
        elif searching:
            text = self.tr("%Ln people found", "", total)
        else:
            text = self.tr("%Ln people", "", total)
        self._set_count(text)
        query = self.model.query
        if total == 0 and query:
            shown = query.replace("&", "&&")  # a typed "&" is text, not a keyboard mnemonic
            self.add_button.setText(self.tr("No one called “%1” — add a new person").replace("%1", shown))
            self.add_button.setAccessibleDescription(self.tr("Starts a new person with the name you searched for"))
            self.add_button.show()
        elif total == 0 and not searching:
            self.add_button.setText(self.tr("Add a new person"))
            self.add_button.setAccessibleDescription(self.tr("Starts the short form for someone new"))
            self.add_button.show()

    def _set_count(self, text: str) -> None:
        """The count as shown is also what a screen reader says ("12 people"), not only what the label is for."""
        self.count_label.setText(text)
        self.count_label.setAccessibleName(text or self.tr("Number of people"))
        self.count_label.setAccessibleDescription(self.tr("Number of people"))
        self.add_button.hide()  # shown again by _show_count when the answer is that nobody is listed
