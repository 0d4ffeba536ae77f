"""The caseload-wide "follow-ups due" view: every open referral whose follow-up date is today or earlier, oldest
first, with the person's name; Enter opens that person at their referrals.

It reads through the task runner and closes with the vault (the main window closes every dialog on lock); the frame
is :class:`app.ui.person_list.PersonListDialog`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.i18n import _, ngettext
from app.core.referrals import FollowUpRow, ReferralService
from app.ui.i18n import QT_TRANSLATE_NOOP
from app.ui.person.fields import format_date
from app.ui.person_list import PersonListDialog
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def _when(row: FollowUpRow) -> str:
    if row.days_late <= 0:
        return _("Due today")
    return ngettext("Due {day} ({n} day ago)", "Due {day} ({n} days ago)", row.days_late).format(
        day=format_date(row.due), n=row.days_late
    )


class FollowUpsDialog(PersonListDialog):
    """Emits :attr:`open_requested` (person id) when a follow-up is chosen, then closes."""

    title = heading = list_name = QT_TRANSLATE_NOOP("FollowUpsDialog", "Follow-ups due")
    summary_name = QT_TRANSLATE_NOOP("FollowUpsDialog", "Follow-ups summary")
    list_description = QT_TRANSLATE_NOOP("FollowUpsDialog", "Referrals to follow up. Press Enter to open the person.")
    open_description = QT_TRANSLATE_NOOP("FollowUpsDialog", "Open the chosen person")
    close_description = QT_TRANSLATE_NOOP("FollowUpsDialog", "Close follow-ups")

    def read(self, ws: Workspace) -> list[FollowUpRow]:
        return ReferralService(ws).follow_ups_due()

    def show_rows(self, result: list[FollowUpRow]) -> list[FollowUpRow]:
        for row in result:
            what = " · ".join(p for p in (row.category_title, row.provider_name) if p)
            add_row(self.list, f"{row.person_name} — {_when(row)}\n{what}")
        if result:
            self.summary.setText(
                ngettext(
                    "{n} referral to follow up. Choose one and press Enter to open the person.",
                    "{n} referrals to follow up. Choose one and press Enter to open the person.",
                    len(result),
                ).format(n=len(result))
            )
        else:
            self.summary.setText(self.tr("Nothing to follow up today."))
        return result


__all__ = ["FollowUpsDialog"]
