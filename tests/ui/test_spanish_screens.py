"""The windows outside the person's workspace in Spanish (issue 19): the outcome-measures dashboard, the
follow-ups due, the certification register and the shares received from advocates.

The translators are installed as the app installs them at start, then each window is built on a real vault and
compared with the English source strings of the catalogue (tests/ui/test_spanish_window.py): none may show in
English, at the usual text size and at twice it, and nothing scrolls sideways. Screenshots are saved to look at.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from app.core.workspace import Workspace
from app.ui.dashboard import DashboardDialog
from app.ui.qt import QDialog, QScrollArea, Qt, QWidget
from app.ui.tasks import TaskRunner
from tests.ui import helpers
from tests.ui.test_spanish_window import english_in, english_sources
from tests.unit.test_measures import build

TODAY = dt.date(2026, 6, 1)  # the default period is FY2026 Q2, every window closed (as tests/ui/test_dashboard.py)


def _sideways(root: QWidget) -> list[str]:
    return [area.accessibleName() or type(area).__name__ for area in root.findChildren(QScrollArea)
            if area.isVisible() and area.horizontalScrollBar().maximum() > 0]  # fmt: skip


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_dashboard_in_spanish(
    qtbot: Any, language: str, text_size: float, workspace: Workspace, runner: TaskRunner
) -> None:
    with workspace.session() as s, s.begin():
        build(s)
    sources = english_sources()
    assert {"Outcome measures", "What this counts (F1)", "Screening reach"} <= sources
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    dialog = DashboardDialog(workspace, runner, window, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.list.count() == 14 and dialog.trend_ready, timeout=30_000)
    size = "200" if text_size > 1 else "100"

    assert dialog.windowTitle() == "Medidas de resultados"
    assert dialog.title.text().split(". ", 1)[1] not in sources
    assert (dialog.value.text(), dialog.fraction.text()) == ("40%", "2 de 5 personas")
    assert (
        dialog.status.text().startswith("AF2026 T2 (1 ene 2026 al 31 mar 2026), calculado el 1 jun 2026.")
        and "No se incluyen los registros de demostración" in dialog.status.text()
    )
    items = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    english_items = [t for t in items if t.split("\n")[0].split(". ", 1)[1] in sources]
    assert english_items == []
    assert english_in(dialog, sources) == []
    qtbot.waitUntil(lambda: _sideways(dialog) == [], timeout=3_000)  # once the layouts have settled
    helpers.shot(dialog, f"dashboard-{language}-{size}")

    # What the measure counts, in Spanish, and a measure with parts and the trend.
    qtbot.keyClick(dialog.list, Qt.Key.Key_F1)
    assert dialog.definition.isVisible() and dialog.definition_button.text() == "Ocultar qué cuenta (F1)"
    assert english_in(dialog, sources) == []
    helpers.shot(dialog, f"dashboard-definition-{language}-{size}")
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_F1)
    dialog.list.setCurrentRow(5)  # 6. People served: parts and figures
    assert dialog.chart_title.text() == "Últimos 8 trimestres"
    assert dialog.chart.accessibleDescription().startswith("Tendencia de 8 trimestres. 24 T3: 0")
    assert english_in(dialog, sources) == [], dialog.parts.text()
    qtbot.waitUntil(lambda: _sideways(dialog) == [], timeout=3_000)  # once the layouts have settled
    helpers.shot(dialog, f"dashboard-parts-{language}-{size}")
    for row in range(dialog.list.count()):
        dialog.list.setCurrentRow(row)
        assert english_in(dialog, sources) == [], row + 1
    dialog.reject()


def _list_dialog_in_spanish(qtbot: Any, dialog: QDialog, runner: TaskRunner, name: str, size: str) -> list[str]:
    """Show a person-list dialog at 1280x800's room, wait for its rows; what it shows in English (none expected)."""
    qtbot.addWidget(dialog)
    dialog.show()
    helpers.settle(qtbot, runner)
    qtbot.waitUntil(lambda: dialog.list.count() > 0, timeout=10_000)  # type: ignore[attr-defined]
    helpers.shot(dialog, f"{name}-es-{size}")
    assert dialog.width() <= 1280 and dialog.height() <= 800
    assert dialog.list.horizontalScrollBar().maximum() == 0  # type: ignore[attr-defined]
    return english_in(dialog, english_sources())


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_follow_ups_due_in_spanish(
    qtbot: Any, language: str, text_size: float, workspace: Workspace, runner: TaskRunner
) -> None:
    from app.core.providers import ProviderService
    from app.ui.followups import FollowUpsDialog
    from tests.unit.test_referrals import accepted_referral, days

    pid = workspace.records.create("person", {"preferred_name": "Sam Example"}).id
    alder = ProviderService(workspace).save(
        None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"]}
    )
    accepted_referral(workspace, pid, alder, offered_on=days(-20), follow_up_due=days(-2))
    accepted_referral(workspace, pid, alder, follow_up_due=days(0))
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    dialog = FollowUpsDialog(workspace, runner, window)
    size = "200" if text_size > 1 else "100"
    assert _list_dialog_in_spanish(qtbot, dialog, runner, "follow-ups", size) == []
    assert dialog.windowTitle() == "Seguimientos pendientes"
    rows = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert rows[0].startswith("Sam Example — Vencía el") and rows[0].split("\n")[0].endswith("(hace 2 días)"), rows
    assert "Vence hoy" in rows[1]
    assert (
        dialog.summary.text()
        == "2 derivaciones para darles seguimiento. Elija una y pulse Intro para abrir a la persona."
    )
    assert dialog.open_button.text() == "Abrir a la persona"


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_certification_register_in_spanish(
    qtbot: Any, language: str, text_size: float, tmp_path: Path, runner: TaskRunner
) -> None:
    from app.core.certifications import CertificationService
    from app.ui.certification_register import CertificationRegisterDialog

    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        svc = CertificationService(ws)
        today = svc.today()
        for name, received, form in (
            ("Marisol Example", 100, "i918_supplement_b"),
            ("Noor Example", 10, "i914_supplement_b"),
        ):
            pid = ws.records.create("person", {"preferred_name": name}).id
            ws.records.create("justice_contact", {"role": "witness", "docket_number": "CR-26-0101"}, person_id=pid)
            svc.receive(pid, received_on=today - dt.timedelta(days=received), form=form)
        window = QWidget()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        dialog = CertificationRegisterDialog(ws, runner, window)
        size = "200" if text_size > 1 else "100"
        assert _list_dialog_in_spanish(qtbot, dialog, runner, "certification-register", size) == []
        assert dialog.windowTitle() == "Registro de certificaciones"
        first, second = (dialog.list.item(i).text() for i in range(2))
        assert first.startswith("Marisol Example — Visa U · Formulario I-918 Suplemento B\nRecibida el"), first
        assert "· Vencida: vencía el" in first and first.endswith(" días"), first
        assert "Recibida el" in second and "· Vence el" in second and second.endswith(" días)"), second
        assert dialog.summary.text() == (
            "2 solicitudes abiertas, 1 con el plazo de la oficina vencido. "
            "Elija una y pulse Intro para abrir a la persona."
        )
        dialog.reject()


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("text_size", [1.0, 2.0], indirect=True, ids=["1x", "2x"])
def test_the_shares_inbox_in_spanish(
    qtbot: Any, language: str, text_size: float, tmp_path: Path, runner: TaskRunner
) -> None:
    from app.ui.received import ReceivedSharesDialog, inbox_words
    from tests.unit.test_received import received

    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        received(ws, shared_on=dt.date.today())
        received(ws, facts="Court dates: 3 Feb 2027", shared_on=dt.date.today())
        window = QWidget()
        qtbot.addWidget(window)
        window.resize(1280, 800)
        dialog = ReceivedSharesDialog(ws, runner, window)
        size = "200" if text_size > 1 else "100"
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.inbox.count() == 2, timeout=10_000)
        rosa = next(i for i in range(2) if dialog.inbox.item(i).text().startswith("Rosa Fictional"))
        dialog.inbox.setCurrentRow(rosa)  # both were shared today: either may be first
        qtbot.waitUntil(lambda: dialog.search.text() == "Rosa Fictional", timeout=10_000)
        helpers.settle(qtbot, runner)
        qtbot.waitUntil(lambda: dialog.people.count() > 0 or dialog.no_one.isVisible(), timeout=10_000)
        assert dialog.windowTitle() == "Compartido por defensores"
        rows = [dialog.inbox.item(i).text() for i in range(dialog.inbox.count())]
        assert any(r.endswith("abarca: nombre, fechas de audiencia") for r in rows), rows
        assert any(r.startswith("No se compartió un nombre\n") for r in rows), rows
        assert dialog.summary.text().startswith("2 envíos compartidos en espera.")
        assert dialog.no_one.text().startswith("Aquí nadie se llama Rosa Fictional.")
        assert inbox_words(2) == "Compartido por defensores (2)"
        assert english_in(dialog, english_sources()) == []
        assert dialog.width() <= 1280 and dialog.height() <= 800
        helpers.shot(dialog, f"shares-inbox-es-{size}")
        dialog.reject()
