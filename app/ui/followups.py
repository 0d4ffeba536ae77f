"""The caseload-wide "follow-ups due" view: every open referral whose follow-up date is today or earlier, oldest
first, with the person's name; Enter opens that person at their referrals.

It reads through the task runner and closes with the vault (the main window closes every dialog on lock); the frame
is :class:`app.ui.person_list.PersonListDialog`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.core.referrals import FollowUpRow, ReferralService
from app.ui.person.fields import format_date
from app.ui.person_list import PersonListDialog
from app.ui.rows import add_row

if TYPE_CHECKING:
    from app.core.workspace import Workspace


def _when(row: FollowUpRow) -> str:
    if row.days_late <= 0:
        return "Due today"
    return f"Due {format_date(row.due)} ({row.days_late} day{'s' if row.days_late != 1 else ''} ago)"


class FollowUpsDialog(PersonListDialog):
    """Emits :attr:`open_requested` (person id) when a follow-up is chosen, then closes."""

    title = heading = list_name = "Follow-ups due"
    summary_name = "Follow-ups summary"
    list_description = "Referrals to follow up. Press Enter to open the person."
    open_description = "Open the chosen person"
    close_description = "Close follow-ups"

    def read(self, ws: Workspace) -> list[FollowUpRow]:
        return ReferralService(ws).follow_ups_due()

    def show_rows(self, result: list[FollowUpRow]) -> list[FollowUpRow]:
        for row in result:
            what = " · ".join(p for p in (row.category_title, row.provider_name) if p)
            add_row(self.list, f"{row.person_name} — {_when(row)}\n{what}")
        if result:
            self.summary.setText(
                f"{len(result)} referral{'s' if len(result) != 1 else ''} to follow up. "
                "Choose one and press Enter to open the person."
            )
        else:
            self.summary.setText("Nothing to follow up today.")
        return result


__all__ = ["FollowUpsDialog"]
