"""The record-relief section in the real person workspace, driven from the keyboard: start a case, add a charge and a
deadline, mark it done, change the status; and the prosecution's disclosure review panel (refused for advocacy).

Every test runs against a real SQLCipher vault (KDF at the floor) with one fictional person. Typing is ASCII only.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt

import pytest
from pypdf import PdfReader

from app.content.relief_rules import add_years
from app.core.people import CaseloadFilter, PeopleService
from app.core.relief import ReliefService
from app.core.timeline import person_timeline
from app.core.workspace import Workspace
from app.ui.person import PersonWorkspace
from app.ui.person.relief import DisclosureReviewPanel
from app.ui.qt import QApplication, QComboBox, QLineEdit, Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.ui.helpers import assert_all_named, button, field, new_workspace, open_section, settle

NAME = "Robin Example"


@pytest.fixture
def pid(ws: Workspace) -> str:
    return ws.records.create("person", {"preferred_name": NAME}).id


def open_person(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    open_section(qtbot, page, ws, pid, runner, "relief")


def press(qtbot, root: QWidget, name: str) -> None:  # type: ignore[no-untyped-def]
    """Focus a button by its accessible name and press Space, as a keyboard user does."""
    target = button(root, name)
    assert target.isEnabled(), f"{name!r} is disabled"
    target.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(target, Qt.Key.Key_Space)


def type_into(qtbot, widget: QLineEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def combo(root: QWidget, name: str) -> QComboBox:
    found = [c for c in root.findChildren(QComboBox) if c.accessibleName() == name and c.isVisible()]
    assert len(found) == 1, f"expected one visible choice named {name!r}, found {len(found)}"
    return found[0]


def choose(qtbot, box: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Home)
    for _ in range(box.count()):
        if box.currentText() == text:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.currentText() == text, f"{text!r} is not a choice"


def start_case(qtbot, page: PersonWorkspace, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    section = page.relief
    assert section.start_panel.isVisible() and combo(section, "Jurisdiction").currentText() == (
        "Example State (example rules, not legal advice)"
    )
    press(qtbot, section, "Start record relief")
    settle(qtbot, runner)
    assert section.case_panel.isVisible()


def test_start_a_case_add_a_charge_and_a_deadline_by_keyboard(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, runner)
    section = page.relief
    start_case(qtbot, page, runner)
    assert section.heading.text() == "Record relief · Example State"
    assert section.status_label.text() == "Status: Screening"
    assert section.rules_box.text().startswith("EXAMPLE RULES · Example only, not legal advice.")

    # A charge, with the relief the person chose: the rules give its filing limit.
    today = dt.date.today()
    disposed = add_years(today, -3) + dt.timedelta(days=4)
    press(qtbot, section, "Add a charge")
    assert section.has_draft() is False and section.form.title.text() == "New charge"
    type_into(qtbot, field(section, "Offense"), "Loitering")
    choose(qtbot, combo(section, "Level"), "Misdemeanor")
    type_into(qtbot, field(section, "Docket number"), "EX-2023-0042")
    type_into(qtbot, field(section, "Date of conviction or disposition"), disposed.isoformat())
    choose(qtbot, combo(section, "Relief sought"), "Sealing")
    assert section.has_draft() is True and page.unsaved_sections() == ["Record relief"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, runner)
    assert section.pages.currentWidget() is section.main_scroll and not section.has_draft()
    (charge,) = ws.records.list_for_person("relief_charge", pid)
    assert (charge.offence, charge.level, charge.relief_sought) == ("Loitering", "misdemeanor", "sealing")  # type: ignore[attr-defined]
    assert section.charges.count() == 1
    assert section.charges.item(0).text().startswith("Misdemeanor · Loitering · Docket EX-2023-0042")
    assert section.deadlines.count() == 1
    assert section.deadlines.item(0).text().startswith("Due in 4 days · Filing limit · ")

    # A deadline by hand, due sooner: it goes on top.
    press(qtbot, section, "Add a deadline")
    choose(qtbot, combo(section, "Kind of deadline"), "Response")
    type_into(qtbot, field(section, "Due on (required)"), (today + dt.timedelta(days=2)).isoformat())
    type_into(qtbot, field(section, "Note"), "Reply to the prosecution")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, runner)
    assert section.deadlines.count() == 2
    assert section.deadlines.item(0).text().startswith("Due in 2 days · Response due")
    assert section.deadlines.item(0).text().endswith("Reply to the prosecution")
    week = CaseloadFilter(deadline_this_week=True)
    assert [r.id for r in PeopleService(ws).search(filters=week)] == [pid]
    titles = [e.title for e in person_timeline(ws, pid) if e.kind == "relief_deadline"]
    assert sorted(titles) == ["Deadline: filing limit", "Deadline: response due"]

    # Mark the top one done: it moves below the open one.
    section.deadlines.setFocus()
    qtbot.keyClick(section.deadlines, Qt.Key.Key_Home)
    press(qtbot, section, "Mark the chosen deadline done")
    settle(qtbot, runner)
    assert section.deadlines.item(0).text().startswith("Due in 4 days · Filing limit")
    assert section.deadlines.item(1).text().startswith("Done on ")
    done = [d for d in ws.records.list_for_person("relief_deadline", pid) if d.done_on is not None]  # type: ignore[attr-defined]
    assert len(done) == 1 and done[0].kind == "response"  # type: ignore[attr-defined]


def test_the_status_moves_by_keyboard_and_a_wrong_date_is_named(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, runner)
    section = page.relief
    start_case(qtbot, page, runner)
    press(qtbot, section, "Change status")
    assert "choose the new status" in section.status_error.text()
    choice = combo(section, "New status")
    assert [choice.itemText(i) for i in range(choice.count())] == [
        "Choose the new status", "Eligible", "Not eligible", "Withdrawn by the person"]  # fmt: skip
    choose(qtbot, choice, "Eligible")
    type_into(qtbot, field(section, "Note on the status change"), "Every record gathered")
    press(qtbot, section, "Change status")
    settle(qtbot, runner)
    assert section.status_label.text() == "Status: Eligible"
    (case,) = ws.records.list_for_person("relief_case", pid)
    assert case.status == "eligible"  # type: ignore[attr-defined]
    assert [b for _w, b in ReliefService(ws).status_history(case.id)][-1] == (
        "Record relief status: Eligible (was screening). Every record gathered"
    )

    # A date that is not a date: the form says so next to the field and nothing is saved.
    press(qtbot, section, "Add a deadline")
    type_into(qtbot, field(section, "Due on (required)"), "next Friday")
    press(qtbot, section, "Save")
    settle(qtbot, runner)
    assert section.pages.currentWidget() is section.form
    errors = [e.text() for e in section.form.fields.errors.values() if e.isVisible()]
    assert errors == ["Please enter the due on as a date, for example 2026-03-31."]
    assert ws.records.list_for_person("relief_deadline", pid) == []
    press(qtbot, section, "Cancel and go back to record relief")
    assert section.pages.currentWidget() is section.main_scroll


def test_every_control_in_the_relief_section_is_named(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    svc = ReliefService(ws)
    case_id = svc.open_case(pid, "EXAMPLE")
    charge = svc.add_charge(case_id, {"level": "felony", "offence": "Example offence", "relief_sought": "vacatur"})
    svc.add_petition(case_id, {"filed_on": dt.date.today().isoformat()}, [charge])
    open_person(qtbot, page, ws, pid, runner)
    settle(qtbot, runner)
    section = page.relief
    assert section.charges.count() == 1 and section.petitions.count() == 1 and section.deadlines.count() == 1
    assert_all_named(section)
    for name in (
        "Change the chosen charge",
        "Change the chosen petition",
        "Record the decision on the chosen petition",
    ):
        press(qtbot, section, name)
        assert section.pages.currentWidget() is section.form
        assert_all_named(section)
        press(qtbot, section, "Cancel and go back to record relief")
    page.clear()
    assert section.charges.count() == 0 and section.rules_box.text() == "" and not section.case_panel.isVisible()


def test_a_decision_is_recorded_per_charge_from_the_form(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    svc = ReliefService(ws)
    case_id = svc.open_case(pid, "EXAMPLE")
    for status in ("eligible", "preparing", "filed"):
        svc.change_status(case_id, status)
    one = svc.add_charge(case_id, {"level": "misdemeanor", "offence": "First", "relief_sought": "vacatur"})
    two = svc.add_charge(case_id, {"level": "misdemeanor", "offence": "Second", "relief_sought": "vacatur"})
    svc.add_petition(case_id, {"filed_on": "2026-01-05"}, [one, two])
    open_person(qtbot, page, ws, pid, runner)
    settle(qtbot, runner)
    section = page.relief
    press(qtbot, section, "Record the decision on the chosen petition")
    type_into(qtbot, field(section, "Date of the decision (required)"), "2026-02-10")
    choose(qtbot, combo(section, "Outcome: Misdemeanor · First"), "Granted")
    press(qtbot, section, "Save")
    assert section.form.error.text() == "Please choose the outcome for each charge."
    choose(qtbot, combo(section, "Outcome: Misdemeanor · Second"), "Granted")
    press(qtbot, section, "Save")
    settle(qtbot, runner)
    assert section.status_label.text() == "Status: Granted"
    assert {c.outcome for c in ws.records.list_for_person("relief_charge", pid)} == {"granted"}  # type: ignore[attr-defined]


# --- the disclosure review panel ----------------------------------------------------------------------------------


def test_the_disclosure_review_is_refused_in_an_advocacy_vault(qtbot, page, ws, pid, runner) -> None:  # type: ignore[no-untyped-def]
    open_person(qtbot, page, ws, pid, runner)
    panel = DisclosureReviewPanel(page, page)
    panel.show()
    press(qtbot, panel, "Gather the disclosure review")
    settle(qtbot, runner)
    assert panel.error.isVisible() and "for the prosecution team only" in panel.error.text()
    assert panel.entries.count() == 0 and not panel.save_button.isEnabled()


def test_the_disclosure_review_lists_and_saves_for_prosecution(qtbot, page, runner, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with new_workspace(tmp_path / "prosecution", regime="prosecution") as pws:
        pid = pws.records.create("person", {"preferred_name": NAME}).id
        when = dt.datetime(2026, 1, 12, 10, tzinfo=dt.UTC)
        pws.records.create("encounter", {"occurred_at": when, "kind": "interview",
                                         "summary": "Said the work began in April."}, person_id=pid)  # fmt: skip
        pws.records.create("benefit", {"kind": "relocation", "given_on": "2026-01-20",
                                       "description": "Help with a move."}, person_id=pid)  # fmt: skip
        open_person(qtbot, page, pws, pid, runner)
        panel = DisclosureReviewPanel(page, page)
        panel.resize(900, 600)
        panel.show()
        assert_all_named(panel)
        press(qtbot, panel, "Gather the disclosure review")
        settle(qtbot, runner)
        assert panel.entries.count() == 2
        assert panel.entries.item(0).text().startswith("12 Jan 2026 · Statement\nSaid the work began in April.")
        assert (
            panel.entries.item(1).text().startswith("20 Jan 2026 · Benefit given\nRelocation help: Help with a move.")
        )
        assert panel.summary.text() == "1 statement and 1 benefit given."
        target = tmp_path / "out" / "review.pdf"
        target.parent.mkdir()
        panel.save_pdf(target)
        settle(qtbot, runner)
        text = " ".join((PdfReader(target).pages[0].extract_text() or "").split())
        assert "Said the work began in April." in text and "Relocation help: Help with a move." in text
        assert panel.summary.text() == "Saved as review.pdf."
