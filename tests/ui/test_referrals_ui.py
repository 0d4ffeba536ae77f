"""The "Referrals & consent" section, the provider directory and the follow-ups view, driven by keyboard through the
real person workspace on a real SQLCipher vault. Every person and provider is fictional; typing is ASCII only."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.core.providers import ProviderService
from app.core.workspace import Workspace
from app.models import Disclosure, Referral
from app.storage.kdf import KdfParams
from app.storage.vault import LOCK_NAME, Vault
from app.ui.followups import FollowUpsDialog
from app.ui.person import PersonWorkspace
from app.ui.person.fields import ChoiceBox
from app.ui.providers import ProviderDirectoryDialog
from app.ui.qt import Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.ui.helpers import (
    PASSPHRASE,
    assert_all_named,
    focused,
    open_section,
    press,
    settle,
    shot,
    use_readable_font,
)

TODAY = dt.date.today()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, str, str]:
    folder = tmp_path_factory.mktemp("referrals-ui") / "vault"
    unlocked, _ = Vault(folder).create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        pid = ws.records.create(
            "person", {"preferred_name": "Rowan Example", "safe_to_call": True, "safe_to_send_mail": False}
        ).id
        providers = ProviderService(ws)
        alder = providers.save(None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"]})
        birch = providers.save(None, {"name": "Birch Demo Clinic", "categories": ["medical", "dental"]})
    finally:
        unlocked.lock()
    return folder, pid, alder, birch


@pytest.fixture
def ws(template: tuple[Path, str, str, str], tmp_path: Path) -> Iterator[Workspace]:
    folder = tmp_path / "vault"
    shutil.copytree(template[0], folder, ignore=shutil.ignore_patterns(LOCK_NAME))
    unlocked = Vault(folder).unlock(PASSPHRASE)
    try:
        yield Workspace(unlocked)
    finally:
        unlocked.lock()


def choose(qtbot, box: ChoiceBox, value: object) -> None:  # type: ignore[no-untyped-def]
    """Pick a value with the arrow keys, as a person would."""
    box.setCurrentIndex(0)
    for _ in range(box.count()):
        if box.value() == value:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == value


def tab(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    return focused()


def open_referrals(qtbot, page: PersonWorkspace, ws: Workspace, pid: str, runner: TaskRunner):  # type: ignore[no-untyped-def]
    open_section(qtbot, page, ws, pid, runner, "referrals")
    return page.referrals


def test_consent_and_referral_by_keyboard_then_made(qtbot, page, ws, runner, template) -> None:  # type: ignore[no-untyped-def]
    _folder, pid, alder, _birch = template
    section = open_referrals(qtbot, page, ws, pid, runner)
    assert_all_named(section)
    assert "never depends on signing one" in section.intro.text()
    shot(page, "01-empty")

    # A release, by keyboard.
    press(qtbot, section.add_consent_button)
    assert focused() is section.recipient_box
    choose(qtbot, section.recipient_box, alder)
    assert tab(qtbot) is section.consent_form.fields["data_covered"]  # the free-text recipient is skipped
    qtbot.keyClicks(focused(), "Name, Phone number")
    assert tab(qtbot) is section.consent_form.fields["purpose"]
    qtbot.keyClicks(focused(), "Referral for legal help")
    assert tab(qtbot) is section.consent_form.fields["starts_on"]
    tab(qtbot)
    end = focused()
    end.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(end, (TODAY + dt.timedelta(days=20)).isoformat())
    method = tab(qtbot)
    assert isinstance(method, ChoiceBox)
    choose(qtbot, method, "written")
    shot(page, "02-consent-form")
    while focused() is not section.consent_form.save_button:
        tab(qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    settle(qtbot, runner)
    assert section.consent_form.isHidden(), section.consent_form.error.text()
    assert section.consents.count() == 1
    assert "Alder Demo Legal Aid" in section.consents.item(0).text()
    assert section.consents.item(0).text().startswith("⚠")  # ends within 30 days
    assert "within 30 days" in section.warning.text()

    # A referral, by keyboard; due for follow-up today.
    press(qtbot, section.add_referral_button)
    assert focused() is section.category_box
    choose(qtbot, section.category_box, "legal_record_relief")
    provider = tab(qtbot)
    assert provider is section.provider_box and provider.count() == 2  # only providers offering this help
    choose(qtbot, section.provider_box, alder)
    tab(qtbot)  # date offered, prefilled today
    decision = tab(qtbot)
    choose(qtbot, decision, "accepted")  # type: ignore[arg-type]
    contact = tab(qtbot)
    choose(qtbot, contact, "warm_handoff")  # type: ignore[arg-type]
    tab(qtbot)  # shares identifying information: ticked
    due = tab(qtbot)
    assert due is section.referral_form.fields["follow_up_due"]
    due.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(due, TODAY.isoformat())
    shot(page, "03-referral-form")
    while focused() is not section.referral_form.save_button:
        tab(qtbot)
    qtbot.keyClick(focused(), Qt.Key.Key_Space)
    settle(qtbot, runner)
    assert section.referral_form.isHidden(), section.referral_form.error.text()
    assert section.referrals.count() == 1
    assert "The person accepted" in section.referrals.item(0).text()

    press(qtbot, section.make_button)
    settle(qtbot, runner)
    assert "made and recorded" in section.status.text()
    assert "Referral made" in section.detail.text()
    with ws.session() as s:
        (d,) = s.scalars(select(Disclosure)).all()
        assert d.allowed and d.consent_id is not None
    shot(page, "04-made")

    # The follow-ups view lists it (due today) and Enter opens the person.
    dialog = FollowUpsDialog(ws, runner)
    qtbot.addWidget(dialog)
    dialog.resize(1100, 750)
    dialog.show()
    settle(qtbot, runner)
    assert dialog.list.count() == 1 and "Rowan Example" in dialog.list.item(0).text()
    assert "Due today" in dialog.list.item(0).text()
    assert_all_named(dialog)
    shot(dialog, "05-follow-ups")
    with qtbot.waitSignal(dialog.open_requested, timeout=2_000) as opened:
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    assert opened.args == [pid]


def test_a_blocked_referral_shows_its_reason_and_the_override(qtbot, page, ws, runner, template) -> None:  # type: ignore[no-untyped-def]
    _folder, pid, _alder, birch = template
    from app.core.referrals import ReferralService

    ReferralService(ws).save(
        pid,
        None,
        {"category": "medical", "provider_id": birch, "decision": "accepted", "provider_contact": "call_person"},
    )
    section = open_referrals(qtbot, page, ws, pid, runner)
    press(qtbot, section.make_button)
    settle(qtbot, runner)
    assert section.gate.isVisible()
    assert "no release from them" in section.gate_text.text()
    assert "can still be helped" in section.gate_text.text()
    assert section.override_box.isVisible() and focused() is section.override_by
    shot(page, "06-blocked")
    qtbot.keyClicks(section.override_by, "Dana Supervisor")
    press(qtbot, section.override_button)  # no reason yet
    settle(qtbot, runner)
    assert "needs the reason" in section.override_error.text()
    qtbot.keyClicks(section.override_reason, "The person asked us to call the clinic for them today.")
    press(qtbot, section.override_button)
    settle(qtbot, runner)
    assert section.gate.isHidden() and "override" in section.status.text()
    with ws.session() as s:
        allowed = sorted(bool(d.allowed) for d in s.scalars(select(Disclosure)))
        referral = s.scalars(select(Referral)).one()
    assert allowed == [False, True]
    assert referral.override_reason is not None and "Dana Supervisor" in referral.override_reason


def test_a_letter_where_mail_is_unsafe_is_stopped_without_an_override(qtbot, page, ws, runner, template) -> None:  # type: ignore[no-untyped-def]
    _folder, pid, _alder, birch = template
    from app.core.referrals import ReferralService

    ReferralService(ws).save(
        pid,
        None,
        {
            "category": "medical",
            "provider_id": birch,
            "decision": "accepted",
            "provider_contact": "mail_to_person",
            "shares_identifying": False,
        },
    )
    section = open_referrals(qtbot, page, ws, pid, runner)
    press(qtbot, section.make_button)
    settle(qtbot, runner)
    assert "mail is not safe" in section.gate_text.text()
    assert not section.override_box.isVisible()


def test_provider_directory_import_shows_each_bad_row(qtbot, ws, runner, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    use_readable_font()
    dialog = ProviderDirectoryDialog(ws, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, runner)
    assert dialog.list.count() == 2
    assert_all_named(dialog)
    shot(dialog, "07-directory")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,categories,email\nWillow Demo Centre,food_bank,\n,medical,x\n")
    dialog.import_file(str(bad))
    settle(qtbot, runner)
    rows = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(r.startswith("Row 2: 'food_bank'") for r in rows)
    assert any(r.startswith("Row 3: the provider's name is missing") for r in rows)
    assert "Nothing was imported" in dialog.status.text() and dialog.list.count() == 2
    shot(dialog, "08-import-errors")
    # Add one by keyboard: name, then tick a kind of help with the space bar.
    press(qtbot, dialog.add_button)
    assert focused() is dialog.fields["name"]
    qtbot.keyClicks(focused(), "Hazel Demo Peer Circle")
    dialog.categories.setFocus()
    dialog.categories.setCurrentRow(11)
    qtbot.keyClick(dialog.categories, Qt.Key.Key_Space)
    press(qtbot, dialog.save_button)
    settle(qtbot, runner)
    assert dialog.status.text() == "Saved.", dialog.error.text()
    assert dialog.list.count() == 3
    out = tmp_path / "out.csv"
    dialog.export_file(str(out))
    settle(qtbot, runner)
    assert "Exported 3 providers" in dialog.status.text() and "Hazel Demo Peer Circle" in out.read_text()
