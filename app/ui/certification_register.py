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
from app.core.i18n import _, ngettext
from app.core.timeline import day_words
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.palette import qcolor
from app.ui.person_list import PersonListDialog
from app.ui.qt import QFont
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def due_words(row: CertificationRow, today: dt.date) -> str:
    """ "Due 4 Apr 2027 (in 20 days)", "Due today", "Overdue: was due 4 Apr 2027, 5 days ago"."""
    if row.due_on is None:
        return _("No office deadline recorded")
    day = day_words(row.due_on)
    if row.due_on < today:
        late = (today - row.due_on).days
        return ngettext("Overdue: was due {day}, {n} day ago", "Overdue: was due {day}, {n} days ago", late).format(
            day=day, n=late
        )
    if row.due_on == today:
        return _("Due today, {day}").format(day=day)
    left = (row.due_on - today).days
    return ngettext("Due {day} (in {n} day)", "Due {day} (in {n} days)", left).format(day=day, n=left)


def register_text(row: CertificationRow, today: dt.date) -> str:
    received = _("Received {day}").format(day=day_words(row.received_on))
    return f"{row.person_name} — {row.form_words}\n{received} · {due_words(row, today)}"


class CertificationRegisterDialog(PersonListDialog):
    """Emits :attr:`open_requested` (person id) when a request is chosen, then closes."""

    title = QT_TRANSLATE_NOOP("CertificationRegisterDialog", "Certification register")
    heading = QT_TRANSLATE_NOOP("CertificationRegisterDialog", "Certification requests still open")
    intro = QT_TRANSLATE_NOOP(
        "CertificationRegisterDialog",
        "Every U- and T-visa certification request this office has not decided yet, oldest first, with the "
        "office's own deadline to decide.",
    )
    summary_name = QT_TRANSLATE_NOOP("CertificationRegisterDialog", "Certification register summary")
    list_name = QT_TRANSLATE_NOOP("CertificationRegisterDialog", "Open certification requests")
    list_description = QT_TRANSLATE_NOOP(
        "CertificationRegisterDialog", "Oldest first. Press Enter to open the person at Certifications."
    )
    open_description = QT_TRANSLATE_NOOP("CertificationRegisterDialog", "Open the chosen person at Certifications")
    close_description = QT_TRANSLATE_NOOP("CertificationRegisterDialog", "Close the certification register")
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
            if late:
                count = ngettext(
                    "{n} open request, {late} past the office's deadline.",
                    "{n} open requests, {late} past the office's deadline.",
                    len(rows),
                )
            else:
                count = ngettext("{n} open request.", "{n} open requests.", len(rows))
            choose = self.tr("Choose one and press Enter to open the person.")
            self.summary.setText(f"{count.format(n=len(rows), late=late)} {choose}")
        else:
            self.summary.setText(self.tr("No certification request is waiting for a decision."))
        return rows


__all__ = ["CertificationRegisterDialog", "due_words", "register_text"]
