"""Record relief's lists hold rows Qt makes itself, so refilling them never has PySide release a row it made.

The window tests crashed (a segmentation fault) in shiboken's BindingManager::releaseWrapper, called from the
destructor of a QListWidgetItem made in Python while QListWidget::clear() deleted it: relief refilling its lists as a
task's result arrived, after about thirty other window tests in the same process. A row made by ``addItem(text)`` is
plain C++, and deleting it never calls into the binding. Here the section is filled, refilled and cleared for real.
"""

from __future__ import annotations

import datetime as dt

import shiboken6

from app.core.relief import ReliefService
from app.core.workspace import Workspace
from app.ui.person import PersonWorkspace
from app.ui.qt import QListWidget, Qt
from app.ui.tasks import TaskRunner
from tests.ui.helpers import open_section, settle


def _rows(widget: QListWidget) -> list[tuple[str, object, bool]]:
    out = []
    for row in range(widget.count()):
        item = widget.item(row)
        assert item is not None
        out.append((item.text().split("\n")[0], item.data(Qt.ItemDataRole.UserRole), shiboken6.createdByPython(item)))
    return out


def test_relief_rows_are_made_by_qt_and_survive_refills_and_clear(  # type: ignore[no-untyped-def]
    qtbot, page: PersonWorkspace, ws: Workspace, runner: TaskRunner
) -> None:
    pid = ws.records.create("person", {"preferred_name": "Robin Example"}).id
    svc = ReliefService(ws)
    case_id = svc.open_case(pid, "EXAMPLE")
    charge = svc.add_charge(case_id, {"level": "felony", "offence": "Example offence", "relief_sought": "vacatur"})
    petition = svc.add_petition(case_id, {"filed_on": dt.date.today().isoformat()}, [charge])
    deadline = svc.add_deadline(case_id, "response", dt.date.today() + dt.timedelta(days=2), "Reply")
    open_section(qtbot, page, ws, pid, runner, "relief")
    section = page.relief

    for _ in range(3):  # each save reads the person again and refills the three lists
        charges, petitions, deadlines = _rows(section.charges), _rows(section.petitions), _rows(section.deadlines)
        assert [(key, made_in_python) for _text, key, made_in_python in charges] == [(charge, False)]
        assert [(key, made_in_python) for _text, key, made_in_python in petitions] == [(petition, False)]
        assert (deadline, False) in [(key, made_in_python) for _text, key, made_in_python in deadlines]
        assert charges[0][0].endswith("Example offence")
        page.record_changed("relief")
        settle(qtbot, runner)

    page.clear()
    assert section.charges.count() == section.petitions.count() == section.deadlines.count() == 0
