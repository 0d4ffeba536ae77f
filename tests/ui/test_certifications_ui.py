"""Certifications on a prosecution vault, through the window: the person's section (record a request received, the
decision, one click into the disclosure review, the deadlines on the Overview) and the office-wide register from
the Person menu, whose Enter opens the person at Certifications. Every person and office here is fictional.
"""

from __future__ import annotations

import datetime as dt
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

from pathlib import Path

from app.core.certifications import CertificationService
from app.core.workspace import Workspace
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.certification_register import CertificationRegisterDialog
from app.ui.main_window import MainWindow
from app.ui.person.fields import ChoiceBox
from app.ui.person.workspace import ALL_KEYS
from app.ui.qt import QApplication, QKeySequence, QLineEdit, QPlainTextEdit, Qt, QWidget
from tests.ui import helpers
from tests.ui.helpers import PASSPHRASE, assert_all_named, click, settle, shot


def _widget(root: QWidget, name: str) -> QWidget:
    found = [w for w in root.findChildren(QWidget) if w.accessibleName() == name and w.isVisible()]
    assert len(found) == 1, f"expected one visible widget named {name!r}, found {len(found)}"
    return found[0]


def _type(qtbot, root: QWidget, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    widget = _widget(root, name)
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    widget.setFocus()
    if isinstance(widget, QLineEdit):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def _choose(root: QWidget, name: str, value: str) -> None:
    box = _widget(root, name)
    assert isinstance(box, ChoiceBox)
    box.setFocus()
    box.set_value(value)
    assert box.value() == value


def _save(qtbot, section: QWidget) -> None:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    assert focus is not None and section.isAncestorOf(focus)
    qtbot.keySequence(focus, QKeySequence(QKeySequence.StandardKey.Save))


def _overview_rows(page) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    model = page.overview.model
    return [tuple(str(model.index(r, c).data()) for c in range(3)) for r in range(model.rowCount())]


def test_a_request_is_recorded_decided_and_added_to_the_disclosure_review(qtbot, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with helpers.new_workspace(tmp_path / "vault", regime="prosecution") as ws:
        pid = ws.records.create("person", {"preferred_name": "Marisol Example"}).id
        ws.records.create("justice_contact", {"role": "witness", "court": "Example County Court",
                                              "docket_number": "27-CR-0142"}, person_id=pid)  # fmt: skip
        page = helpers.show_person_workspace(qtbot, runner)
        helpers.open_section(qtbot, page, ws, pid, runner, "certifications")
        listed = [page.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.nav.count())]
        assert listed[-1] == "certifications" and listed.index("certifications") == ALL_KEYS.index("certifications")
        section = page.certifications
        assert section.empty.isVisible() and not section.decide_button.isEnabled()
        assert_all_named(section)
        shot(page, "certifications-empty")

        click(qtbot, section, "Record a certification request received")
        assert section.pages.currentWidget() is section.form
        received = dt.date.today() - dt.timedelta(days=3)
        _type(qtbot, section.form, "Request received on (required)", received.isoformat())
        _choose(section.form, "Form (required)", "i918_supplement_b")
        _choose(section.form, "Requested by", "attorney")
        _type(qtbot, section.form, "Requester's name or organization", "Example Legal Aid")
        box = _widget(section.form, "Case it relates to")
        assert isinstance(box, ChoiceBox)
        assert box.currentText() == "Docket 27-CR-0142 · Example County Court (as witness)"
        _type(qtbot, section.form, "Helpfulness facts reviewed", "Testified at the preliminary hearing.")
        assert_all_named(section.form)
        shot(page, "certifications-request-form")
        _save(qtbot, section)
        settle(qtbot, runner)
        assert section.pages.currentWidget() is section.main_scroll
        assert section.requests.count() == 1
        text = section.requests.item(0).text()
        due = received + dt.timedelta(days=90)
        assert "U visa · Form I-918 Supplement B" in text and "Open: not decided yet" in text
        assert f"Office deadline to decide: {due.day} {due:%b %Y} (in 87 days)" in text
        assert "The person's attorney, Example Legal Aid" in text
        rows = _overview_rows(page)
        assert "Deadline: decide the certification request" in [r[1] for r in rows]
        shot(page, "certifications-open")

        # Declined needs the reason: said next to the field, nothing saved.
        click(qtbot, section, "Record the decision on the chosen request")
        _choose(section.form, "Decision (required)", "declined")
        assert not _is_shown(section.form, "Signed by")
        _type(qtbot, section.form, "Decided by (required)", "Dana Example")
        _save(qtbot, section)
        settle(qtbot, runner)
        assert section.pages.currentWidget() is section.form
        assert "reason the request was declined" in section.form.fields.errors["decision_reason"].text()

        # Certified: who signed, and when; the signature's fields appear only for it.
        _choose(section.form, "Decision (required)", "certified")
        assert _is_shown(section.form, "Signed by")
        _type(qtbot, section.form, "Signed by", "Chief Deputy Example")
        assert_all_named(section.form)
        shot(page, "certifications-decision-form")
        _save(qtbot, section)
        settle(qtbot, runner)
        assert section.pages.currentWidget() is section.main_scroll
        text = section.requests.item(0).text()
        today = dt.date.today()
        assert f"Certified: signed by Chief Deputy Example on {today.day} {today:%b %Y}" in text
        assert "USCIS accepts it until" in text
        assert not section.decide_button.isEnabled() and section.benefit_button.isEnabled()
        assert "Deadline: the last day USCIS accepts the signed supplement" in [r[1] for r in _overview_rows(page)]
        assert "Deadline: decide the certification request" not in [r[1] for r in _overview_rows(page)]

        click(qtbot, section, "Add the chosen certification to the disclosure review")
        settle(qtbot, runner)
        assert "Added to the disclosure review" in section.message.text() and section.message.isVisible()
        assert "In the disclosure review" in section.requests.item(0).text()
        assert not section.benefit_button.isEnabled()
        shot(page, "certifications-added")

        page.show_section("disclosure")
        page.disclosure.gather()
        qtbot.waitUntil(lambda: page.disclosure.entries.count() > 0, timeout=10_000)
        texts = [page.disclosure.entries.item(i).text() for i in range(page.disclosure.entries.count())]
        assert any("Immigration certification: The office signed a certification" in t for t in texts)
        page.clear()
        assert section.requests.count() == 0


def _is_shown(form: QWidget, name: str) -> bool:
    return any(w.accessibleName() == name and w.isVisible() for w in form.findChildren(QWidget))


def _vault_with_requests(folder: Path, regime: str) -> None:
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor(), regime=regime)
    try:
        ws = Workspace(unlocked)
        if regime != "prosecution":
            return
        svc = CertificationService(ws)
        today = svc.today()
        newer = ws.records.create("person", {"preferred_name": "Noor Example"}).id
        older = ws.records.create("person", {"preferred_name": "Marisol Example"}).id
        svc.receive(newer, received_on=today - dt.timedelta(days=10), form="i914_supplement_b")
        svc.receive(older, received_on=today - dt.timedelta(days=100), form="i918_supplement_b")
        decided = svc.receive(older, received_on=today - dt.timedelta(days=200), form="i918_supplement_b")
        svc.decide(decided, "withdrawn", decided_on=today - dt.timedelta(days=150), decided_by_name="Dana Example")
    finally:
        unlocked.lock()


def _window(qtbot, folder: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    helpers.use_readable_font()
    win = MainWindow(Vault(folder), kdf_params=KdfParams.floor())
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.unlock_page.passphrase.setFocus()
    qtbot.keyClicks(win.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.caseload_page, timeout=10_000)
    return win


def test_the_register_lists_open_requests_oldest_first_and_enter_opens_the_person(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _vault_with_requests(tmp_path / "advocacy", "advocacy")
    win = _window(qtbot, tmp_path / "advocacy")
    assert win.certifications_action in win.person_menu.actions()
    assert not win.certifications_action.isVisible()  # an advocacy vault keeps no certifications
    win.close()

    _vault_with_requests(tmp_path / "prosecution", "prosecution")
    win = _window(qtbot, tmp_path / "prosecution")
    assert win.certifications_action.isVisible()
    win.certifications_action.trigger()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in win.findChildren(CertificationRegisterDialog)), timeout=5_000)
    (dialog,) = [d for d in win.findChildren(CertificationRegisterDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=10_000)
    first, second = (dialog.list.item(i).text() for i in range(2))
    assert first.startswith("Marisol Example — U visa · Form I-918 Supplement B")
    assert "Overdue: was due" in first and "10 days ago" in first
    assert second.startswith("Noor Example — T visa · Form I-914 Supplement B") and "(in 80 days)" in second
    assert dialog.summary.text().startswith("2 open requests, 1 past the office's deadline.")
    assert_all_named(dialog)
    shot(dialog, "certification-register")
    assert dialog.list.hasFocus() and dialog.list.currentRow() == 0
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.person_page, timeout=5_000)
    page = win.person_page
    qtbot.waitUntil(lambda: page.certifications.requests.count() == 2, timeout=10_000)
    assert page.section == "certifications"
    assert not dialog.isVisible()
    win.lock()
    assert not win.certifications_action.isVisible()
    win.close()


def test_typing_in_a_decision_comes_back_after_a_lock(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _vault_with_requests(tmp_path / "vault", "prosecution")
    win = _window(qtbot, tmp_path / "vault")
    ws = win.workspace
    assert ws is not None
    (marisol,) = [r.person_id for r in CertificationService(ws).open_requests() if r.person_name == "Marisol Example"]
    win.open_person(marisol, "certifications")
    page = win.person_page
    section = page.certifications
    qtbot.waitUntil(lambda: section.requests.count() == 2, timeout=10_000)
    section.requests.setCurrentRow(0)
    click(qtbot, section, "Record the decision on the chosen request")
    _choose(section.form, "Decision (required)", "declined")
    _type(qtbot, section.form, "Decided by (required)", "Dana Example")
    _type(qtbot, section.form, "Reason", "The office has no case about this crime.")
    assert section.has_draft()

    win.lock()
    qtbot.waitUntil(lambda: win.pages.currentWidget() is win.unlock_page, timeout=10_000)
    assert section.requests.count() == 0 and section.pages.currentWidget() is section.main_scroll
    win.unlock_page.passphrase.setFocus()
    qtbot.keyClicks(win.unlock_page.passphrase, PASSPHRASE)
    qtbot.keyClick(win.unlock_page.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: section.pages.currentWidget() is section.form, timeout=10_000)
    assert page.section == "certifications"
    assert section.form.fields.value("decision") == "declined"
    assert section.form.fields.value("decided_by_name") == "Dana Example"
    assert section.form.fields.value("decision_reason") == "The office has no case about this crime."
    assert not _is_shown(section.form, "Signed by")
    _save(qtbot, section)
    qtbot.waitUntil(lambda: section.pages.currentWidget() is section.main_scroll, timeout=10_000)
    qtbot.waitUntil(lambda: section.requests.item(0).text().startswith("U visa"), timeout=10_000)
    qtbot.waitUntil(lambda: "Declined on" in section.requests.item(0).text(), timeout=10_000)  # latest decided first
    win.close()
