""""Consider a screening" on the person's page and "Charged, not yet screened" in the caseload, driven by keyboard on a
real vault (issue 18, item 1): the calm banner with the reason, Tab reaches it, "Not now…" asks a reason and records
it, "Start a screening" opens the Screening section ready to start, and the caseload's new filter.

Typing is ASCII only: non-ASCII ``keyClicks`` aborts the process.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.people import PeopleService
from app.core.workspace import Workspace
from app.models import ScreeningPrompt
from app.ui.caseload import CaseloadPage
from app.ui.person import PersonWorkspace
from app.ui.person.prompt import NOTED
from app.ui.qt import QApplication, Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.ui.helpers import assert_all_named, new_workspace, shot

LOITERING = {"offence": "Loitering for the purpose of prostitution", "statute": "Example 240.37", "level": "violation"}


@pytest.fixture
def pws(tmp_path: Path) -> Iterator[Workspace]:
    """A prosecution vault: the prosecutor's desk is where the prompt matters most."""
    with new_workspace(tmp_path / "vault", regime="prosecution") as workspace:
        yield workspace


def idle(qtbot, runner: TaskRunner) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        qtbot.wait(10)
        qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def _defendant(ws: Workspace, name: str = "Ari Fictional", role: str = "defendant") -> str:
    pid = str(ws.records.create("person", {"preferred_name": name, "age_group": "adult"}).id)
    values = {"role": role, "charges": [LOITERING], "arrest_date": dt.date(2026, 11, 20),
              "docket_number": "EX-2026-0417"}  # fmt: skip
    ws.records.create("justice_contact", values, person_id=pid)
    return pid


def _open(qtbot, page: PersonWorkspace, ws: Workspace, pid: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, "overview")
    idle(qtbot, page._runner)


def test_the_banner_offers_a_screening_and_not_now_records_the_reason(qtbot, page: PersonWorkspace, pws) -> None:  # type: ignore[no-untyped-def]
    ws = pws
    pid = _defendant(ws)
    _open(qtbot, page, ws, pid)
    banner = page.prompt
    assert banner.isVisible()
    assert banner.title.text() == "Consider a screening"
    assert banner.reason_text.text() == (
        "Charges related to trading or selling sex are often linked to exploitation. "
        "A screening could help you see whether this person needs support."
    )
    assert "EX-2026-0417" in banner.matter_text.text()
    shown = " ".join(w.text() for w in (banner.title, banner.reason_text, banner.matter_text)).lower()
    for word in ("victim", "suspect", "prostitute", "positive"):
        assert word not in shown
    assert_all_named(banner)
    shot(page, "screening-prompt")

    # Tab from the Back button reaches the banner's buttons, then the sections.
    page.header.back_button.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is banner.start_button
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is banner.not_now_button

    # "Not now…" asks a reason; an empty one is not accepted; Escape puts the question away.
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert focused() is banner.reason
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert banner.error.text() == "Please say in a few words why not now."
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    assert banner.reason_row.isHidden() and focused() is banner.not_now_button
    assert page.location() is not None  # Escape in the reason did not leave the person's page

    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    qtbot.keyClicks(banner.reason, "In court today, the advocate will screen next week")
    assert page.prompt.has_draft()
    assert page.unsaved_sections() == ["Consider a screening"]  # going back now would ask first
    shot(page, "screening-prompt-not-now")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    idle(qtbot, page._runner)
    assert banner.noted.text() == NOTED and banner.isVisible()
    assert focused() is banner.close_button
    assert not banner.start_button.isVisible()
    shot(page, "screening-prompt-noted")

    (record,) = ws.records.list_for_person("screening_prompt", pid)
    assert isinstance(record, ScreeningPrompt)
    assert record.reason == "In court today, the advocate will screen next week"
    assert "screening_prompt_dismissed" in {e.action for e in ws.history(person_id=pid)}

    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # Close
    assert not banner.isVisible()
    assert focused() is page.nav
    page.reload()
    idle(qtbot, page._runner)
    assert not banner.isVisible(), "offered once per matter"


def test_start_a_screening_opens_the_screening_section_and_starting_one_answers_the_prompt(  # type: ignore[no-untyped-def]
    qtbot, page: PersonWorkspace, pws
) -> None:
    ws = pws
    pid = _defendant(ws)
    _open(qtbot, page, ws, pid)
    banner = page.prompt
    banner.start_button.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    assert page.section == "screening"
    assert focused() is page.screening.list_page.start_button
    qtbot.keyClick(focused(), Qt.Key.Key_Space)  # starts the screening
    idle(qtbot, page._runner)
    assert page.screening.currentWidget() is page.screening.form
    assert not banner.isVisible()
    assert ws.records.list_for_person("screening_prompt", pid) == []  # nothing to dismiss: it was acted on


def test_no_banner_for_a_witness_and_none_left_over_after_another_person(qtbot, page: PersonWorkspace, pws) -> None:  # type: ignore[no-untyped-def]
    ws = pws
    witness = _defendant(ws, "Bea Fictional", role="witness")
    defendant = _defendant(ws, "Cy Fictional")
    _open(qtbot, page, ws, defendant)
    assert page.prompt.isVisible()
    _open(qtbot, page, ws, witness)
    assert not page.prompt.isVisible()
    assert page.prompt.offer is None
    page.clear()
    assert page.prompt.reason_text.text() == ""


def test_the_caseload_filter_charged_not_yet_screened(qtbot, runner: TaskRunner, pws) -> None:  # type: ignore[no-untyped-def]
    ws = pws
    _defendant(ws, "Ari Fictional")
    _defendant(ws, "Bea Fictional", role="witness")
    ws.records.create("person", {"preferred_name": "Cy Fictional"})
    caseload = CaseloadPage(runner)
    qtbot.addWidget(caseload)
    caseload.resize(1100, 600)
    caseload.show()
    qtbot.waitExposed(caseload)
    caseload.show_people(PeopleService(ws))
    idle(qtbot, runner)
    assert caseload.model.total == 3

    box = caseload.filter_charged
    assert box.text() == "&Charged, not yet screened"
    assert "not yet screened" in box.accessibleName()
    assert caseload.filter_deadline.accessibleName() == "Show only people with a deadline this week"
    caseload.filter_unsynced.setFocus()
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is box
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    idle(qtbot, runner)
    assert caseload.current_filters().charged_not_screened
    assert caseload.model.total == 1
    assert caseload.model.data(caseload.model.index(0, 0)) == "Ari Fictional"
    assert caseload.count_label.text() == "1 person found"
    assert_all_named(caseload)
    shot(caseload, "caseload-charged-not-yet-screened")


def test_vault_templates_imports_charge_rules_checked_whole(qtbot, runner: TaskRunner, pws, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.templates_dialog import TemplatesDialog
    from tests.unit.test_charge_rules import GOOD

    ws = pws
    dialog = TemplatesDialog(ws, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, runner)
    assert dialog.rules_button.accessibleName() == "Import charge rules"
    assert dialog.rules_list.count() == 1
    bundled = dialog.rules_list.item(0).text()
    assert "often-linked-charges · version 1 · 4 kinds of charge · comes with Offramp" in bundled

    broken = tmp_path / "broken.toml"
    broken.write_text(GOOD.replace('reason = "Charges like', 'reason = "This person is a victim. Charges like'),
                      encoding="utf-8")  # fmt: skip
    dialog.import_rules_file(broken)
    idle(qtbot, runner)
    assert dialog.error.text() == "Nothing was imported. 1 problem to fix in the file:"
    (problem,) = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problem.startswith("Line 9, rules[0].reason: 'victim' would label the person")
    assert dialog.rules_list.count() == 1

    good = tmp_path / "ours.toml"
    good.write_text(GOOD, encoding="utf-8")
    dialog.import_rules_file(good)
    idle(qtbot, runner)
    assert dialog.status.text() == "Imported “Our office's list” (version 2)."
    assert dialog.rules_list.count() == 2
    assert "imported by the office" in dialog.rules_list.item(1).text()
    assert dialog.list.count() == 2  # the templates list is unchanged: charge rules are not templates
    assert_all_named(dialog)
    shot(dialog, "templates-dialog-charge-rules")
