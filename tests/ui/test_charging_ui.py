"""The "Charging decisions" part of a justice matter (issue 18, item 2), on a prosecution vault only: record a
decision linked to the identification decision in force that day, revise it, and both show (the earlier one as
history). An advocacy vault shows none of it. Real SQLCipher vaults, the real person workspace, offscreen."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.core.charging import ChargingService
from app.core.workspace import Workspace
from app.ui.person import PersonWorkspace
from app.ui.qt import QApplication, QLabel, Qt
from app.ui.tasks import TaskRunner
from tests.ui.helpers import (
    assert_all_named,
    new_workspace,
    open_section,
    press,
    settle,
    shot,
    show_person_workspace,
)

FEB_3, FEB_10 = dt.date(2026, 2, 3), dt.date(2026, 2, 10)
SCREENING = ("example-indicator-screening", "1")


def _defendant(ws: Workspace) -> tuple[str, str]:
    pid = ws.records.create("person", {"preferred_name": "Robin Fictional"}).id
    jid = ws.records.create(
        "justice_contact", {"role": "defendant", "docket_number": "CR-26-0101", "court": "County Court"},
        person_id=pid,
    ).id  # fmt: skip
    return pid, jid


def _choose(qtbot, box, value: str) -> None:  # type: ignore[no-untyped-def]
    """Choose with the keyboard, as a person without a mouse does: Down until the value is chosen."""
    box.setFocus()
    for _ in range(box.count()):
        if box.value() == value:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == value


def _type(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_a_prosecutor_records_a_divert_decision_linked_to_the_identification_and_revises_it(  # type: ignore[no-untyped-def]
    qtbot, runner: TaskRunner, tmp_path: Path
) -> None:
    with new_workspace(tmp_path / "vault", regime="prosecution") as ws:
        pid, jid = _defendant(ws)
        ws.sessions.decide(pid, status="identified", reason="From the interview.", decided_by_name="Dana Fictional",
                           decided_on=FEB_3, trafficking_type="sex")  # fmt: skip
        ident = ws.sessions.decisions(pid)[0].record_id
        ws.sessions.start(pid, "screening", *SCREENING, today=dt.date(2026, 2, 1))
        page: PersonWorkspace = show_person_workspace(qtbot, runner, size=(1280, 800))
        open_section(qtbot, page, ws, pid, runner, "justice")
        panel = page.justice.editor.charging
        qtbot.waitUntil(panel.isVisible, timeout=10_000)
        assert panel.current.text() == "No charging decision recorded for this matter yet."
        assert not panel.revise_button.isVisible()
        # The matter saved first: its "Saved." is about the matter, and must not stay under a decision saved later.
        editor = page.justice.editor
        court = editor.fields.widgets["court"]
        _type(qtbot, court, "Example County Court")
        qtbot.keyClick(court, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        qtbot.waitUntil(lambda: editor.status.text() == "Saved.", timeout=10_000)

        press(qtbot, panel.record_button)
        assert panel.form_open and QApplication.focusWidget() is panel.decision
        assert_all_named(panel)
        # Decided by: the name this user gave on their last decision.
        assert panel.decided_by.text() == "Dana Fictional"
        _choose(qtbot, panel.decision, "divert")
        _type(qtbot, panel.decided_on, FEB_10.isoformat())
        # The identification decision in force that day, shown and linked by default.
        assert panel.identification.isVisible() and panel.identification.isChecked()
        assert panel.identification.text() == "Identification decision of 3 Feb 2026 (identified)"
        # Before it was decided, none was in force: the form says so instead.
        _type(qtbot, panel.decided_on, "2026-02-01")
        assert not panel.identification.isVisible() and panel.no_identification.isVisible()
        _type(qtbot, panel.decided_on, FEB_10.isoformat())
        assert panel.identification.isVisible()
        _choose(qtbot, panel.screening, panel.screening.itemData(1))
        panel.account.setFocus()
        qtbot.keyClick(panel.account, Qt.Key.Key_Space)
        assert panel.account.isChecked()
        _type(qtbot, panel.reason, "Identified as having been exploited; diversion to services fits.")
        assert page.justice.editor.has_draft(), "leaving now would ask first"
        shot(page, "charging-form")
        # Ctrl+S in the form saves the charging decision (not the justice contact).
        panel.reason.setFocus()
        qtbot.keyClick(panel.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        settle(qtbot, runner)
        qtbot.waitUntil(lambda: "Divert from prosecution" in panel.current.text(), timeout=10_000)
        assert not panel.form_open
        text = panel.current.text()
        assert "decided by Dana Fictional on 10 Feb 2026" in text
        assert "Identification decision of 3 Feb 2026 (identified); a screening on 1 Feb 2026; the person's own " \
               "account." in text  # fmt: skip
        assert editor.status.text() == ""  # the decision was saved, not the matter: no stale "Saved." under it
        first = ChargingService(ws).decisions(jid)[0]
        assert first.identification_decision_id == ident and first.persons_account is True

        # Revise it: a new decision, the earlier one kept as history.
        assert panel.revise_button.isVisible()
        press(qtbot, panel.revise_button)
        assert "Revise the decision of 10 Feb 2026 (Divert from prosecution)" in panel.form_title.text()
        _choose(qtbot, panel.decision, "dismiss")
        _type(qtbot, panel.reason, "The diversion program was completed.")
        press(qtbot, panel.save_button)  # with the keyboard: Tab there and Space
        settle(qtbot, runner)
        assert not panel.form_error.isVisible(), panel.form_error.text()
        qtbot.waitUntil(lambda: "Dismiss the charges" in panel.current.text(), timeout=10_000)
        assert panel.history.isVisible() and "Divert from prosecution" in panel.history.text()
        assert "10 Feb 2026" in panel.history.text()
        rows = ChargingService(ws).decisions(jid)
        assert [r.decision for r in rows] == ["dismiss", "divert"]
        assert rows[0].revises_id == rows[1].record_id and rows[1].revised
        # Today's decision is linked to the identification in force today (the same one).
        assert rows[0].identification_decision_id == ident
        shot(page, "charging-history")

        # A problem is said in words, at the field, and nothing is saved.
        press(qtbot, panel.revise_button)
        _choose(qtbot, panel.decision, "other")
        press(qtbot, panel.save_button)
        settle(qtbot, runner)
        assert panel.form_error.isVisible() and "reason" in panel.form_error.text()
        assert QApplication.focusWidget() is panel.reason
        press(qtbot, panel.cancel_button)
        assert not panel.form_open and len(ChargingService(ws).decisions(jid)) == 2

        page.clear()
        assert panel.current.text() == "" and panel.history.text() == "" and not panel.isVisible()


def test_an_advocacy_vault_shows_no_charging_decisions(qtbot, runner: TaskRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with new_workspace(tmp_path / "vault", regime="advocacy") as ws:
        pid, _jid = _defendant(ws)
        page = show_person_workspace(qtbot, runner)
        open_section(qtbot, page, ws, pid, runner, "justice")
        editor = page.justice.editor
        assert editor.record_id is not None
        settle(qtbot, runner)
        panel = editor.charging
        assert not panel.isVisible() and panel.view is None
        assert not [b for b in page.findChildren(type(panel.record_button)) if b.isVisible()
                    and "charging" in b.accessibleName().lower()]  # fmt: skip


def test_typing_in_the_charging_form_survives_a_lock(qtbot, runner: TaskRunner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from app.ui.drafts import collect_drafts, restore_drafts

    with new_workspace(tmp_path / "vault", regime="prosecution") as ws:
        pid, jid = _defendant(ws)
        page = show_person_workspace(qtbot, runner)
        open_section(qtbot, page, ws, pid, runner, "justice")
        panel = page.justice.editor.charging
        qtbot.waitUntil(panel.isVisible, timeout=10_000)
        press(qtbot, panel.record_button)
        _choose(qtbot, panel.decision, "defer")
        _type(qtbot, panel.decided_by, "Ari Fictional")
        _type(qtbot, panel.reason, "Waiting for the screening.")
        assert page.unsaved_sections() == ["Justice contacts"]
        drafts = collect_drafts(page)
        assert set(drafts) == {f"justice:{pid}:{jid}"}

        page.clear()  # the vault locks
        assert not panel.form_open and panel.reason.toPlainText() == ""
        open_section(qtbot, page, ws, pid, runner, "justice")
        assert restore_drafts(page, drafts) == set(drafts)
        qtbot.waitUntil(lambda: panel.form_open, timeout=10_000)
        assert panel.decision.value() == "defer" and panel.decided_by.text() == "Ari Fictional"
        assert panel.reason.toPlainText() == "Waiting for the screening."
        assert ChargingService(ws).decisions(jid) == [], "a draft is not a save"


def test_choosing_another_matter_asks_before_a_started_decision_is_lost(  # type: ignore[no-untyped-def]
    qtbot, runner: TaskRunner, tmp_path: Path
) -> None:
    with new_workspace(tmp_path / "vault", regime="prosecution") as ws:
        pid, jid = _defendant(ws)
        ws.records.create("justice_contact", {"role": "witness"}, person_id=pid)
        page = show_person_workspace(qtbot, runner)
        open_section(qtbot, page, ws, pid, runner, "justice")
        section = page.justice
        assert section.editor.record_id != jid
        section.matters.setCurrentRow(1)
        assert section.editor.record_id == jid
        panel = section.editor.charging
        qtbot.waitUntil(lambda: panel.view is not None and panel.view.justice_contact_id == jid, timeout=10_000)
        press(qtbot, panel.record_button)
        assert panel.form_open
        _type(qtbot, panel.reason, "Started, not finished.")
        section.matters.setCurrentRow(0)
        assert section.switch_confirm.isVisible() and section.editor.record_id == jid
        question = section.switch_confirm.findChild(QLabel)
        assert question is not None and "charging decision you started" in question.text()
        assert panel.reason.toPlainText() == "Started, not finished."
