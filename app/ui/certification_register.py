"""The office-wide certification register (prosecution vaults): every open U- or T-visa certification request in the
vault, oldest received first, with the person's name, the form, the day it was received and the office's deadline
to decide (an overdue one says so in words, not only in colour). Enter or a double click opens the person at their
Certifications section.

It reads through the task runner and closes with the vault (the main window closes every dialog on lock); the frame
is :class:`app.ui.person_list.PersonListDialog`.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.core.certifications import CertificationRow, CertificationService
from app.core.timeline import day_words
from app.ui.palette import qcolor
from app.ui.person_list import PersonListDialog
from app.ui.qt import QFont
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def _days(n: int) -> str:
    return f"{n} day{'s' if n != 1 else ''}"


def due_words(row: CertificationRow, today: dt.date) -> str:
    """ "Due 4 Apr 2027 (in 20 days)", "Due today", "Overdue: was due 4 Apr 2027, 5 days ago"."""
    if row.due_on is None:
        return "No office deadline recorded"
    if row.due_on < today:
        return f"Overdue: was due {day_words(row.due_on)}, {_days((today - row.due_on).days)} ago"
    if row.due_on == today:
        return f"Due today, {day_words(row.due_on)}"
    return f"Due {day_words(row.due_on)} (in {_days((row.due_on - today).days)})"


def register_text(row: CertificationRow, today: dt.date) -> str:
    return f"{row.person_name} — {row.form_words}\nReceived {day_words(row.received_on)} · {due_words(row, today)}"


class CertificationRegisterDialog(PersonListDialog):
    """Emits :attr:`open_requested` (person id) when a request is chosen, then closes."""

    title = "Certification register"
    heading = "Certification requests still open"
    intro = (
        "Every U- and T-visa certification request this office has not decided yet, oldest first, with the "
        "office's own deadline to decide."
    )
    summary_name = "Certification register summary"
    list_name = "Open certification requests"
    list_description = "Oldest first. Press Enter to open the person at Certifications."
    open_description = "Open the chosen person at Certifications"
    close_description = "Close the certification register"
    initial_size = (780, 540)

    def read(self, ws: Workspace) -> tuple[list[CertificationRow], dt.date]:
        svc = CertificationService(ws)
        return svc.open_requests(), svc.today()

    def show_rows(self, result: tuple[list[CertificationRow], dt.date]) -> list[CertificationRow]:
        rows, today = result
        for row in rows:
            item = add_row(self.list, register_text(row, today))
            if row.overdue(today):
                item.setForeground(qcolor("danger"))
                bold = QFont(self.list.font())
                bold.setWeight(QFont.Weight.DemiBold)
                item.setFont(bold)
        if rows:
            late = sum(1 for r in rows if r.overdue(today))
            count = f"{len(rows)} open request{'s' if len(rows) != 1 else ''}"
            overdue = f", {late} past the office's deadline" if late else ""
            self.summary.setText(f"{count}{overdue}. Choose one and press Enter to open the person.")
        else:
            self.summary.setText("No certification request is waiting for a decision.")
        return rows


__all__ = ["CertificationRegisterDialog", "due_words", "register_text"]
