"""Issue 15, item 3, in the window, on a real SQLCipher vault, by keyboard: the referral form starts with no decision
made for the person and names an unsafe way of contact at once; after the gate stops one, the way of contact is
changed on the saved referral and the referral is made; two referrals to one provider read apart; the Overview's
"Coming up"; and every drop-down in the person's sections tied to a label. Every person and provider is fictional.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt

import pytest
from sqlalchemy import select

from app.core.providers import ProviderService
from app.core.referrals import ReferralService
from app.core.workspace import Workspace
from app.models import Referral
from app.ui.person import PersonWorkspace
from app.ui.person.fields import ChoiceBox
from app.ui.qt import QApplication, QComboBox, QLabel, Qt
from app.ui.tasks import TaskRunner
from tests.ui.helpers import focused, open_section, press, settle, shot, show_person_workspace, use_readable_font

TODAY = dt.date.today()


@pytest.fixture
def people(ws: Workspace) -> tuple[str, str]:
    pid = ws.records.create(
        "person", {"preferred_name": "Rowan Example", "safe_to_call": False, "safe_to_send_mail": True}
    ).id
    clinic = ProviderService(ws).save(None, {"name": "Birch Demo Clinic", "categories": ["medical", "dental"]})
    return pid, clinic


@pytest.fixture
def page(qtbot, runner: TaskRunner) -> PersonWorkspace:  # type: ignore[no-untyped-def]
    return show_person_workspace(qtbot, runner, size=(1100, 800))


def choose(qtbot, box: ChoiceBox, value: object) -> None:  # type: ignore[no-untyped-def]
    """Pick a value with the arrow keys, as a person would."""
    box.setFocus()
    box.setCurrentIndex(0)
    for _ in range(box.count()):
        if box.value() == value:
            return
        qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == value


# --- referrals ----------------------------------------------------------------------------------------------------


def test_the_offer_starts_with_no_decision_and_names_an_unsafe_way_at_once(  # type: ignore[no-untyped-def]
    qtbot, page, ws, runner, people, tmp_path
) -> None:
    pid, clinic = people
    open_section(qtbot, page, ws, pid, runner, "referrals")
    section = page.referrals
    press(qtbot, section.add_referral_button)
    form = section.referral_form
    decision = form.fields["decision"]
    contact = form.fields["provider_contact"]
    assert isinstance(decision, ChoiceBox) and isinstance(contact, ChoiceBox)
    assert decision.value() is None, "the person's decision is theirs: nothing is chosen for them"
    choose(qtbot, section.category_box, "medical")
    choose(qtbot, section.provider_box, clinic)

    # Calls are unsafe for this person: said at once, under the choice, before anything is saved.
    choose(qtbot, contact, "call_person")
    assert section.contact_warning.isVisible()
    assert "not safe" in section.contact_warning.text() and "calls" in section.contact_warning.text()
    shot(page, "01-unsafe-way-warned")
    choose(qtbot, contact, "mail_to_person")  # the person said mail is safe
    assert section.contact_warning.isHidden()
    choose(qtbot, contact, "text_person")  # nobody asked about texts
    assert section.contact_warning.isVisible() and "Nobody has asked" in section.contact_warning.text()
    choose(qtbot, contact, "call_person")

    # Saving without the person's decision: one sentence, the decision in focus, nothing saved.
    press(qtbot, form.save_button)
    settle(qtbot, runner)
    assert form.isVisible() and "choose the person's decision" in form.error.text()
    assert focused() is decision
    with ws.session() as s:
        assert s.scalars(select(Referral)).all() == []
    choose(qtbot, decision, "accepted")
    box = form.fields["shares_identifying"]
    box.setChecked(False)  # type: ignore[attr-defined]
    press(qtbot, form.save_button)
    settle(qtbot, runner)
    assert form.isHidden(), form.error.text()
    assert section.referrals.count() == 1

    # Making it by an unsafe way is stopped; the way of contact is right there to change, and then it is made.
    press(qtbot, section.make_button)
    settle(qtbot, runner)
    assert section.gate.isVisible() and "calls are not safe" in section.gate_text.text()
    assert focused() is section.contact_box and section.contact_box.isEnabled()
    assert "not safe" in section.saved_contact_warning.text()
    shot(page, "02-stopped-change-the-way")
    choose(qtbot, section.contact_box, "warm_handoff")
    assert section.saved_contact_warning.isHidden()
    press(qtbot, section.contact_button)
    settle(qtbot, runner)
    assert "way to connect is saved" in section.status.text()
    press(qtbot, section.make_button)
    settle(qtbot, runner)
    assert "made and recorded" in section.status.text(), section.status.text()
    assert not section.contact_box.isEnabled(), "once made, the way of contact stays as it was sent"
    with ws.session() as s:
        (referral,) = s.scalars(select(Referral)).all()
        assert referral.provider_contact == "warm_handoff"
    shot(page, "03-made")


def test_two_referrals_to_one_provider_read_apart(qtbot, page, ws, runner, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pid, clinic = people
    service = ReferralService(ws)
    for contact in ("warm_handoff", "person_contacts_provider"):
        service.save(pid, None, {"category": "medical", "provider_id": clinic, "decision": "pending",
                                 "provider_contact": contact, "offered_on": TODAY})  # fmt: skip
    for _ in range(2):  # and two that say exactly the same
        service.save(pid, None, {"category": "dental", "provider_id": clinic, "decision": "pending",
                                 "offered_on": TODAY - dt.timedelta(days=3)})  # fmt: skip
    open_section(qtbot, page, ws, pid, runner, "referrals")
    lines = [page.referrals.referrals.item(i).text() for i in range(page.referrals.referrals.count())]
    assert len(lines) == 4 and len(set(lines)) == 4, lines
    assert all("Birch Demo Clinic" in line and "Offered " in line for line in lines)
    assert any("Dental" in line and "offer 1 of 2 that day" in line for line in lines)
    shot(page, "04-two-to-one-provider")


# --- the Overview ---------------------------------------------------------------------------------------------------


def test_overview_coming_up_is_soonest_first_and_says_overdue(qtbot, page, ws, runner, people, tmp_path) -> None:  # type: ignore[no-untyped-def]
    pid, _clinic = people
    case = ws.records.create("relief_case", {"jurisdiction": "Demo State"}, person_id=pid).id
    for kind, due, done in (("filing_limit", 200, None), ("response", 4, None), ("appeal", -2, None),
                            ("hearing", 30, -1)):  # fmt: skip
        ws.records.create("relief_deadline", {"case_id": case, "kind": kind, "due_on": TODAY + dt.timedelta(days=due),
                          "done_on": TODAY + dt.timedelta(days=done) if done else None}, person_id=pid)  # fmt: skip
    open_section(qtbot, page, ws, pid, runner, "overview")
    model = page.overview.model
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    titles = [r[1] for r in rows[:3]]
    assert titles == ["Deadline: appeal window", "Deadline: response due", "Deadline: filing limit"], rows
    assert "overdue, 2 days late" in rows[0][0]
    assert "coming up" in rows[1][0] and "coming up" in rows[2][0]
    assert all("coming up" not in r[0] and "overdue" not in r[0] for r in rows[3:])
    assert "Deadline: hearing" in [r[1] for r in rows[3:]], "a deadline already done is not coming up"
    assert "3 dates are coming up, 1 of them overdue" in page.overview.summary.text()
    shot(page, "05-overview")


# --- labels ---------------------------------------------------------------------------------------------------------


def test_every_drop_down_in_the_persons_sections_has_a_label_tied_to_it(page: PersonWorkspace) -> None:
    """The identification decision and type, a saved referral's decision, next step and way to connect, the relief
    case, its status and jurisdiction, a charge's level: each has an accessible name and a visible label tied to it
    (a charge's column headings are tied to the first row; every row's fields carry their own names)."""
    page.justice.editor.charges.add_row()
    buddies = {id(label.buddy()) for label in page.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for section in (page.screening, page.referrals, page.relief, page.justice):
        combos = section.findChildren(QComboBox)
        assert combos, type(section).__name__
        for combo in combos:
            name = combo.accessibleName()
            if not name or id(combo) not in buddies:
                missing.append(f"{type(section).__name__}: {name or combo.currentText()!r}")
    assert missing == [], missing


# --- the dashboard --------------------------------------------------------------------------------------------------


def _dashboard(qtbot, ws: Workspace, runner: TaskRunner):  # type: ignore[no-untyped-def]
    """Open the dashboard as the window does; returns it with the seconds, from the moment it is asked for, to
    its first paint, to its first number on screen, and to all 14 headline numbers on screen (each measured when
    it shows, not when the list's placeholders do)."""
    import time

    from app.ui.dashboard import DashboardDialog

    use_readable_font()
    started = time.perf_counter()
    dialog = DashboardDialog(ws, runner)
    qtbot.addWidget(dialog)
    dialog.resize(1280, 800)
    dialog.show()
    QApplication.processEvents()
    first_paint = time.perf_counter() - started
    seen: dict[str, float] = {}

    def numbers_in() -> bool:
        now = time.perf_counter() - started
        if dialog.ready_count >= 1:
            seen.setdefault("first", now)
        if dialog.ready_count == 14:
            seen.setdefault("all", now)
        return "all" in seen

    qtbot.waitUntil(numbers_in, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.trend_ready, timeout=20_000)
    return dialog, (first_paint, seen["first"], seen["all"])


def test_a_practice_vault_opens_on_numbers_and_exports_the_quarterly_report(  # type: ignore[no-untyped-def]
    qtbot, ws, runner, tmp_path, monkeypatch
) -> None:
    """The demo vault at `offramp demo`'s default size opens on real numbers, and exports the quarterly report.

    The issue's target is held as it is: the first number, and every one of the 14 headline numbers, on screen
    within a second of asking for the dashboard (timed when each shows, not when the list's placeholders do).
    Measured at about 0.02 s to paint, 0.05 s to the first number and 0.16 s to all 14 on a 2-core machine with
    another job running, so the second leaves a sixfold margin for a slower CI without loosening the target.
    The seven earlier quarters of the trend and each measure's parts arrive after; they are not timed here.
    """
    import csv
    import io

    from pypdf import PdfReader

    from app.cli import build_parser
    from app.demo.people import END_DATE, generate
    from app.models import AuditEvent
    from app.reports.periods import quarter_of, trailing_quarters
    from app.ui.qt import QFileDialog

    # The demo vault as `offramp demo` makes it, at its default size (200 people).
    generate(ws, persons=build_parser().parse_args(["demo"]).persons, seed=1)
    dialog, (first_paint, first_number, all_numbers) = _dashboard(qtbot, ws, runner)
    timings = f"paint {first_paint:.2f} s, first number {first_number:.2f} s, all 14 {all_numbers:.2f} s"
    assert first_paint < 1.0, f"the window paints at once ({timings})"
    assert first_number < 1.0, f"the first numbers are on screen in under a second ({timings})"
    assert all_numbers < 1.0, f"all 14 headline numbers are on screen in under a second ({timings})"
    # A practice vault counts its demo records by default and says so; it opens on a quarter with data.
    assert dialog.demo_box.isChecked() and dialog.demo_banner.isVisible()
    last_whole = list(reversed(trailing_quarters(quarter_of(TODAY), 12)))[1]
    expected = min(last_whole, quarter_of(END_DATE), key=lambda p: p.start)
    assert dialog.selected_period() == expected
    values = {m.number: m for m in dialog._data.report.measures}  # type: ignore[union-attr]
    assert values[6].numerator > 0 and values[1].denominator > 0, "real numbers, not zeros"
    assert dialog.chart.isVisible() and dialog.chart.accessibleDescription().startswith("Trend over 8 quarters")
    shot(dialog, "06-dashboard-practice")

    # Export from the window: the button, by keyboard, then the file chooser (the OS dialog is the one stand-in).
    target = tmp_path / "out" / "report.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF with charts (*.pdf)"))
    assert dialog.export_button.isEnabled() and dialog.export_button.accessibleName()
    press(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: "saved as a PDF" in dialog.status.text(), timeout=20_000)
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Outcome measures" in text and expected.label in text
    assert "Rowan" not in text
    csv_target = tmp_path / "out" / "report"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(csv_target), "CSV for a spreadsheet (*.csv)")
    )
    press(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: "saved as a CSV file" in dialog.status.text(), timeout=20_000)
    rows = list(csv.reader(io.StringIO((tmp_path / "out" / "report.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["period", "measure", "title", "line", "item", "value"] and len(rows) > 14
    with ws.session() as s:
        exports = s.scalars(select(AuditEvent).where(AuditEvent.action == "export")).all()
        assert sorted(e.fields for e in exports) == [["csv"], ["pdf"]]
    shot(dialog, "07-dashboard-exported")


def test_a_real_vault_leaves_demo_records_out_by_default(qtbot, ws, runner, people) -> None:  # type: ignore[no-untyped-def]
    dialog, _timings = _dashboard(qtbot, ws, runner)
    assert not dialog.demo_box.isChecked() and dialog.demo_banner.isHidden()
    last_whole = dialog.period_box.itemData(1)
    assert dialog.selected_period() == last_whole, "a real office opens on the last whole quarter"
