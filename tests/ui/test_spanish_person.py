"""A person's workspace in Spanish (issue 19): the header, the side list and the translated sections show no English.

The translators are installed as the app installs them at start; a real vault holds one fictional person with
safe-contact answers, a justice matter, record-relief deadlines, a safety plan and a note. Each translated section
(Overview, Details, Interviews, Screening, Safety plan, Referrals & consent, Notes, History) is
shown in turn and compared with the English source strings of the catalogue (tests/ui/test_spanish_window.py), and
saved as a screenshot at 1280x800, in Spanish and in the pseudo-locale, for a person to look at.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any Qt import

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.consent import ConsentService, stored_kind
from app.core.providers import ProviderService
from app.core.referrals import ReferralService
from app.core.safety import SafetyService
from app.core.sharing import remember_prosecution_teams
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.storage.kdf import KdfParams
from app.storage.vault import Vault
from app.ui.person import SECTIONS, PersonWorkspace
from app.ui.qt import QApplication, QCheckBox
from app.ui.tasks import TaskRunner
from tests.ui import helpers
from tests.ui.test_spanish_window import english_in, english_sources, visible_texts

PASSPHRASE = "a long passphrase"
#: The sections whose modules are translated whole (tests/unit/test_translations.py COVERED).
TRANSLATED = (
    "overview",
    "details",
    "interviews",
    "screening",
    "safety",
    "referrals",
    "relief",
    "justice",
    "notes",
    "history",
)
TODAY = dt.date.today()


@pytest.fixture
def person(tmp_path: Path) -> Iterator[tuple[Workspace, str]]:
    unlocked, _code = Vault(tmp_path / "vault").create(PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        pid = ws.records.create(
            "person",
            {"preferred_name": "Marisol Example", "pronouns": "ella", "languages": ["Spanish"],
             "interpreter_needed": True, "safe_to_call": False, "safe_to_text": True, "safe_times": "por la tarde",
             "contact_notes": "Su hermana comparte el teléfono.", "age_group": "adult", "is_demo": True},
        ).id  # fmt: skip
        ws.records.create(
            "justice_contact",
            {"role": "witness", "court": "Alder County District Court", "docket_number": "AC-2026-0042",
             "arrest_date": TODAY - dt.timedelta(days=40)},
            person_id=pid,
        )  # fmt: skip
        case = ws.records.create("relief_case", {"jurisdiction": "Demo State"}, person_id=pid).id
        ws.records.create(
            "relief_charge",
            {"case_id": case, "level": "misdemeanor", "offence": "Loitering", "docket_number": "AC-2019-7",
             "relief_sought": "vacatur"},
            person_id=pid,
        )  # fmt: skip
        for kind, due in (("appeal", -2), ("response", 4)):
            due_on = TODAY + dt.timedelta(days=due)
            ws.records.create("relief_deadline", {"case_id": case, "kind": kind, "due_on": due_on}, person_id=pid)
        plan = SafetyService(ws).open_plan(pid, {"survivor_choice": "chosen", "leaving_intent": "not_ready"})
        SafetyService(ws).record_item(plan.id, "safe_places", choice="chosen", words="la casa de mi tía",
                                      details="12 Elm Street")  # fmt: skip
        # A release ending within 30 days, and an accepted referral the person's safe-contact rules stop (no calls).
        clinic = ProviderService(ws).save(None, {"name": "Birch Demo Clinic", "categories": ["medical"]})
        ConsentService(ws).record(
            pid,
            {"recipient_provider_id": clinic, "data_covered": ["Name"], "purpose": "Referral for medical care",
             "starts_on": TODAY - dt.timedelta(days=300), "expires_on": TODAY + dt.timedelta(days=10),
             "method": "written"},
        )  # fmt: skip
        # A release naming the office's prosecution team, to share the person's name and court dates under.
        with ws.session() as s, s.begin():
            remember_prosecution_teams(s, [{"id": "team-p", "name": "Prosecution P"}])
        ConsentService(ws).record(
            pid,
            {"recipient": "Prosecution P", "data_covered": ["Name", "Court dates", "Service needs"],
             "purpose": "Her case", "starts_on": TODAY - dt.timedelta(days=5),
             "expires_on": TODAY + dt.timedelta(days=400), "method": "written"},
        )  # fmt: skip
        ReferralService(ws).save(
            pid, None,
            {"category": "medical", "provider_id": clinic, "decision": "accepted", "provider_contact": "call_person"},
        )  # fmt: skip
        ws.records.create(
            "note_entry",
            {"parent_type": "person", "parent_id": pid, "body": "Nos vimos en la biblioteca."},
            person_id=pid,
        )
        yield ws, pid
    finally:
        unlocked.lock()


def _open(qtbot, person: tuple[Workspace, str]) -> tuple[PersonWorkspace, TaskRunner]:  # type: ignore[no-untyped-def]
    runner = TaskRunner()
    page = helpers.show_person_workspace(qtbot, runner, size=(1280, 800))
    ws, pid = person
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.open(ws, pid, "overview")
    helpers.settle(qtbot, runner)
    return page, runner


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_the_person_workspace_in_spanish(qtbot, language: str, person: tuple[Workspace, str]) -> None:  # type: ignore[no-untyped-def]
    sources = english_sources()
    assert {"Overview", "Save changes", "Add note"} <= sources  # the comparison has the workspace's English
    page, runner = _open(qtbot, person)
    try:
        titles = [page.nav.item(i).text() for i in range(page.nav.count())]
        assert titles[0] == "Resumen" and titles[-1] == "Historial"
        assert not set(titles) & {title for _key, title in SECTIONS}, "the side list is in Spanish"
        rules = page.header.rules.accessibleDescription()  # the rules as words, without the markup
        assert "No llamar" in rules and "Se pueden enviar mensajes" in rules and "Horarios seguros" in rules
        assert page.header.badge.text().startswith("Apoyo")
        assert "necesita intérprete" in page.header.about.text()
        summary = page.overview.summary.text()
        assert summary.startswith("Hay 4 fechas próximas, 1 de ellas vencida"), summary  # the releases end too
        assert "(vencida, 2 días de retraso)" in page.overview.model.row_text(0)[0]
        assert "(próximamente)" in page.overview.model.row_text(1)[0]
        titles = [page.overview.model.row_text(r)[1] for r in range(page.overview.model.rowCount())]
        assert titles[:2] == ["Plazo: período de apelación", "Plazo: vence la respuesta"]
        assert {"Arresto", "Plan de seguridad empezado", "Se ofreció un plan de seguridad"} <= set(titles), titles
        for key in TRANSLATED:
            page.show_section(key)
            helpers.settle(qtbot, runner)
            assert english_in(page, sources) == [], key
            helpers.shot(page, f"person-{key}-{language}")
            if key in ("interviews", "screening"):
                panel = page.sections[key]
                panel.list_page.start_button.click()  # the form's own words (the questions are the template's)
                helpers.settle(qtbot, runner)
                assert panel.currentWidget() is panel.form
                assert panel.form.position.text().startswith("Pregunta 1 de")
                assert english_in(page, sources) == [], f"the {key} form"
                helpers.shot(page, f"person-{key}-form-{language}")
                if key == "screening":
                    panel.form.result_button.click()
                    helpers.settle(qtbot, runner)
                    assert english_in(page, sources) == [], "the screening's result"
                    helpers.shot(page, f"person-screening-result-{language}")
            if key == "safety":
                section = page.safety
                section.parts.setCurrentRow(4)  # safe places: the street address warns, in Spanish
                helpers.settle(qtbot, runner)
                assert section.editor.warnings.text().startswith("Esto parece una dirección")
                assert section.parts.item(4).text() == "Lugares seguros · Lo eligió"
                assert "Queda por hablar" in section.summary.text()
                assert english_in(page, sources) == [], "the safe places part"
                helpers.shot(page, f"person-safety-places-{language}")
                section.parts.setCurrentRow(3)  # safe contacts: saving one without a name says why, in Spanish
                helpers.settle(qtbot, runner)
                section.editor.contacts.save_button.click()
                helpers.settle(qtbot, runner)
                assert section.editor.contacts.error.text() == "Dé al contacto un nombre, un apodo o una inicial."
            if key == "referrals":
                section = page.referrals
                assert section.warning.text().startswith("⚠ 1 autorización termina en los próximos 30 días")
                releases = [section.consents.item(i).text() for i in range(section.consents.count())]
                assert "Vigente hasta el" in releases[0] and releases[1].startswith("⚠ Birch Demo Clinic · Vigente")
                assert "Cubre: nombre, fechas de audiencia, necesidades de servicios · Para:" in releases[0]
                assert [stored_kind(w) for w in (" nombre ", "Name", "Llaves")] == ["Name", "Name", "Llaves"]
                assert section.referrals.item(0).text().startswith("Atención médica · Birch Demo Clinic\nOfrecida el")
                section.make_button.click()  # the person said calls are not safe: stopped, and why, in Spanish
                helpers.settle(qtbot, runner)
                assert section.gate_text.text().startswith("Todavía no se hizo. Esta persona dijo que las llamadas")
                assert "Cambie «Cómo se conectan» abajo" in section.gate_text.text()
                assert english_in(page, sources) == [], "the referral's gate"
                helpers.shot(page, f"person-referrals-gate-{language}")
                section.start_share()  # the share dialog: the release, its facts, then exactly what will go
                dialog = section.share_dialog
                qtbot.waitUntil(dialog.review_button.isEnabled, timeout=10_000)
                assert dialog.windowTitle() == "Compartir con la fiscalía"
                assert dialog.release_words.text().startswith("Propósito: Her case. Cubre nombre, fechas de audiencia")
                assert english_in(dialog, sources) == [], "the share dialog"
                helpers.shot(dialog, f"person-share-{language}")
                dialog.review_button.click()
                helpers.settle(qtbot, runner)
                assert dialog.error.text() == "Marque por lo menos un dato que la persona aceptó compartir, por favor."
                dialog.findChildren(QCheckBox)[0].setChecked(True)
                dialog.review_button.click()
                qtbot.waitUntil(lambda d=dialog: d.pages.currentIndex() == 1, timeout=10_000)
                assert dialog.review_text.text().startswith("Esto irá a Prosecution P:\n• Name: Marisol Example")
                assert english_in(dialog, sources) == [], "the share's review"
                helpers.shot(dialog, f"person-share-review-{language}")
                dialog.reject()
                helpers.settle(qtbot, runner)
                for start in (section.start_referral, section.start_consent):
                    start()
                    helpers.settle(qtbot, runner)
                    assert english_in(page, sources) == [], start.__name__
                    helpers.shot(page, f"person-referrals-{start.__name__}-{language}")
            if key == "relief":
                section = page.relief
                assert section.heading.text().startswith("Limpieza de antecedentes")
                charge = section.charges.item(0).text()
                assert charge.startswith("Delito menor · Loitering · Expediente AC-2019-7\nAnulación"), charge
                assert (
                    "Vence" in section.deadlines.item(1).text()
                    or "después de la fecha" in section.deadlines.item(0).text()
                )
                for start in (section._add_charge, section._add_petition, section._add_deadline):
                    start()
                    helpers.settle(qtbot, runner)
                    assert english_in(page, sources) == [], start.__name__
                    helpers.shot(page, f"person-relief{start.__name__}-{language}")
                    section.show_main()
                    helpers.settle(qtbot, runner)
            if key == "justice":
                section = page.justice
                assert section.matters.item(0).text().startswith("Testigo"), section.matters.item(0).text()
                assert section.editor.title.text() == "Contacto con la justicia"
                assert "Expediente AC-2026-0042" in section.matters.item(0).text()
            if key == "details":
                page.details.fields.widgets["pronouns"].setText("elle")  # type: ignore[attr-defined]
                page.details.save()
                helpers.settle(qtbot, runner)
                assert page.details.status.text() == "Guardado."
            if key == "history":
                actions = [page.history.model.row_text(r)[1] for r in range(page.history.model.rowCount())]
                assert "Agregó a esta persona" in actions and "Agregó una nota" in actions, actions
                assert "Cambió pronombres" in actions, actions
            if key == "notes":
                assert "Notas, la más reciente primero" in visible_texts(page)
    finally:
        page.clear()
        runner.shutdown()


@pytest.mark.parametrize("language", ["pseudo"], indirect=True)
def test_the_person_workspace_in_the_pseudo_locale(qtbot, language: str, person: tuple[Workspace, str]) -> None:  # type: ignore[no-untyped-def]
    page, runner = _open(qtbot, person)
    try:
        for key in TRANSLATED:
            page.show_section(key)
            helpers.settle(qtbot, runner)
            helpers.shot(page, f"person-{key}-{language}")
        assert page.nav.item(0).text().startswith("[")
    finally:
        page.clear()
        runner.shutdown()


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_the_spanish_workspace_fits_at_200_percent_text(qtbot, language: str, person: tuple[Workspace, str]) -> None:  # type: ignore[no-untyped-def]
    """Spanish runs longer than English: at twice the text size every translated section still fits the screen and
    never scrolls sideways (tests/ui/test_big_text.py does the same in English)."""
    from app.ui.qt import QScrollArea

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    helpers.use_readable_font()
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    runner = TaskRunner()
    page = PersonWorkspace(runner)
    qtbot.addWidget(page)
    try:
        page.resize(1280, 800)
        page.show()
        qtbot.waitExposed(page)
        ws, pid = person
        with qtbot.waitSignal(page.loaded, timeout=10_000):
            page.open(ws, pid, "overview")
        helpers.settle(qtbot, runner)
        for key in TRANSLATED:
            page.show_section(key)
            helpers.settle(qtbot, runner)
            page.resize(1280, 800)
            helpers.shot(page, f"person-{key}-{language}-200")
            hint = page.minimumSizeHint()
            assert hint.width() <= 1280 and hint.height() <= 800, (key, hint)
            sideways = [area.accessibleName() for area in page.findChildren(QScrollArea)
                        if area.isVisible() and area.horizontalScrollBar().maximum() > 0]  # fmt: skip
            assert sideways == [], key
            if key == "referrals":  # the share dialog too: within the window, its words wrapped
                page.referrals.start_share()
                dialog = page.referrals.share_dialog
                qtbot.waitUntil(dialog.review_button.isEnabled, timeout=10_000)
                helpers.shot(dialog, f"person-share-{language}-200")
                assert dialog.width() <= 1280 and dialog.height() <= 800, dialog.size()
                assert dialog.minimumSizeHint().width() <= dialog.width()
                dialog.reject()
                helpers.settle(qtbot, runner)
    finally:
        page.clear()
        runner.shutdown()
        app.setFont(original)


def test_the_safety_plan_says_the_reports_own_words_when_the_copy_is_turned_off() -> None:
    """The safety plan shows the survivor-copy report's NOT_ALLOWED sentence through its own tr(): the two stay the
    same sentence (else the screen and the refusal would say different things)."""
    import xml.etree.ElementTree as ET

    from app.reports.survivor_copy import NOT_ALLOWED
    from tests.unit.test_translations import TS

    tree = ET.parse(TS)  # noqa: S314 - the project's own catalogue
    sources = {
        (ctx.findtext("name"), message.findtext("source"))
        for ctx in tree.iter("context")
        for message in ctx.iter("message")
    }
    assert ("SafetyPlanSection", NOT_ALLOWED) in sources


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_a_charging_decision_in_spanish(qtbot, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a prosecution vault, the justice matter's charging decisions speak Spanish: the form, what informed the
    decision, and the decision in force once saved, with no English source string."""
    from app.core.charging import ChargingService

    sources = english_sources()
    runner = TaskRunner()
    with helpers.new_workspace(tmp_path / "vault", regime="prosecution") as ws:
        pid = ws.records.create("person", {"preferred_name": "Robin Fictional"}).id
        jid = ws.records.create(
            "justice_contact", {"role": "defendant", "docket_number": "CR-26-0101"}, person_id=pid
        ).id
        day = TODAY - dt.timedelta(days=7)
        ws.sessions.decide(pid, status="identified", reason="De la entrevista.", decided_by_name="Dana Fictional",
                           decided_on=day, trafficking_type="sex")  # fmt: skip
        page = helpers.show_person_workspace(qtbot, runner, size=(1280, 800))
        try:
            helpers.open_section(qtbot, page, ws, pid, runner, "justice")
            panel = page.justice.editor.charging
            qtbot.waitUntil(panel.isVisible, timeout=10_000)
            assert panel.current.text() == "Todavía no hay una decisión sobre los cargos registrada para este asunto."
            panel.open_form(revise=False)
            helpers.settle(qtbot, runner)
            assert panel.identification.text().startswith("Decisión de identificación del")
            assert english_in(page, sources) == [], "the charging form"
            helpers.shot(page, f"person-charging-form-{language}")
            ChargingService(ws).record(jid, decision="divert", decided_on=TODAY, decided_by_name="Dana Fictional",
                                       reason="Desvío a servicios.", persons_account=True)  # fmt: skip
            panel.close_form()
            panel.reload()
            helpers.settle(qtbot, runner)
            text = panel.current.text()
            assert text.startswith("Vigente: Desviar del proceso penal — decidido por Dana Fictional el"), text
            assert text.endswith("Se basó en: el relato de la propia persona."), text
            assert english_in(page, sources) == [], "the decision in force"
            helpers.shot(page, f"person-charging-{language}")
        finally:
            page.clear()
            runner.shutdown()


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_what_the_advocate_shared_in_spanish(qtbot, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a prosecution vault, "From the advocate" says in Spanish what was shared, under which release, and then
    only that it was withdrawn; the facts stay as they travelled."""
    from app.core import office_policy
    from app.core.received import ReceivedShares
    from tests.unit.test_received import evict, received

    sources = english_sources()
    runner = TaskRunner()
    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        dana = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
        share = received(ws, shared_on=TODAY - dt.timedelta(days=1))
        ReceivedShares(ws).link(share, dana)
        page = helpers.show_person_workspace(qtbot, runner, size=(1280, 800))
        try:
            helpers.open_section(qtbot, page, ws, dana, runner, "received")
            section = page.received
            assert section.summary.text() == "1 envío del defensor, solo para leer."
            text = section.entries.item(0).text()
            assert text.startswith("Compartido por el defensor con la autorización de la persona"), text
            assert "Cubre nombre, fechas de audiencia:" in text, text
            assert english_in(page, sources) == [], "the shares"
            helpers.shot(page, f"person-received-{language}")
            evict(ws, [share])
            page.reload()
            helpers.settle(qtbot, runner)
            with ws.session() as s:
                day = office_policy.today(s)
            assert section.entries.item(0).text() == (
                f"Un envío del defensor (nombre, fechas de audiencia) se retiró el {day_words(day)}. Lo que decía ya "
                "no está en este equipo."
            )
            assert section.summary.text() == "Desde entonces se retiró 1 envío."
            assert english_in(page, sources) == [], "the withdrawn share"
            helpers.shot(page, f"person-received-withdrawn-{language}")
        finally:
            page.clear()
            runner.shutdown()


@pytest.mark.parametrize("language", ["es"], indirect=True)
def test_the_prosecution_sections_fit_at_200_percent_text(qtbot, language: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A prosecution vault's Spanish sections (Justice contacts with a charging decision, From the advocate) fit
    1280x800 at twice the text size without sideways scrolling."""
    from app.core.charging import ChargingService
    from app.core.received import ReceivedShares
    from app.ui.qt import QScrollArea
    from tests.unit.test_received import received

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    helpers.use_readable_font()
    font = app.font()
    font.setPointSizeF(font.pointSizeF() * 2)
    app.setFont(font)
    runner = TaskRunner()
    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        pid = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
        jid = ws.records.create(
            "justice_contact", {"role": "defendant", "docket_number": "CR-26-0101"}, person_id=pid
        ).id
        ChargingService(ws).record(jid, decision="divert", decided_on=TODAY, decided_by_name="Dana Fictional",
                                   reason="Desvío a servicios.", persons_account=True)  # fmt: skip
        ReceivedShares(ws).link(received(ws, shared_on=TODAY - dt.timedelta(days=1)), pid)
        ws.sessions.decide(pid, status="identified", reason="De la entrevista.", decided_by_name="Dana Fictional",
                           decided_on=TODAY - dt.timedelta(days=7), trafficking_type="sex")  # fmt: skip
        page = PersonWorkspace(runner)
        qtbot.addWidget(page)
        try:
            page.resize(1280, 800)
            page.show()
            qtbot.waitExposed(page)
            with qtbot.waitSignal(page.loaded, timeout=10_000):
                page.open(ws, pid, "justice")
            helpers.settle(qtbot, runner)
            for key in ("justice", "received"):
                page.show_section(key)
                helpers.settle(qtbot, runner)
                if key == "justice":
                    page.justice.editor.charging.open_form(revise=True)
                    helpers.settle(qtbot, runner)
                page.resize(1280, 800)
                helpers.shot(page, f"person-{key}-{language}-200")
                sideways = [area.accessibleName() for area in page.findChildren(QScrollArea)
                            if area.isVisible() and area.horizontalScrollBar().maximum() > 0]  # fmt: skip
                assert sideways == [], key
        finally:
            page.clear()
            runner.shutdown()
            app.setFont(original)


@pytest.mark.parametrize("language", ["es"], indirect=True)
@pytest.mark.parametrize("big", [False, True], ids=["1x", "2x"])
def test_certifications_in_spanish(qtbot, language: str, big: bool, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """On a prosecution vault, Certifications speak Spanish: the requests with their deadlines and decisions, and
    both forms; at twice the text size too, without sideways scrolling."""
    from app.core.certifications import CertificationService
    from app.ui.qt import QScrollArea

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.font()
    if big:
        helpers.use_readable_font()
        font = app.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        app.setFont(font)
    sources = english_sources()
    runner = TaskRunner()
    with helpers.new_workspace(tmp_path / "p", regime="prosecution") as ws:
        pid = ws.records.create("person", {"preferred_name": "Dana Fictional"}).id
        ws.records.create("justice_contact", {"role": "witness", "docket_number": "CR-26-0101"}, person_id=pid)
        svc = CertificationService(ws)
        svc.receive(pid, received_on=TODAY - dt.timedelta(days=10), form="i918_supplement_b", requested_by="attorney",
                    requester_name="Example Legal Aid")  # fmt: skip
        declined = svc.receive(pid, received_on=TODAY - dt.timedelta(days=60), form="i914_supplement_b")
        svc.decide(declined, "declined", decided_on=TODAY - dt.timedelta(days=30), decided_by_name="Dana Example",
                   reason="Sin relación con el caso.")  # fmt: skip
        page = PersonWorkspace(runner)
        qtbot.addWidget(page)
        try:
            page.resize(1280, 800)
            page.show()
            qtbot.waitExposed(page)
            with qtbot.waitSignal(page.loaded, timeout=10_000):
                page.open(ws, pid, "certifications")
            helpers.settle(qtbot, runner)
            section = page.certifications
            rows = [section.requests.item(i).text() for i in range(section.requests.count())]
            assert rows[0].startswith("Visa U · Formulario I-918 Suplemento B · recibida el"), rows
            assert "Abierta: todavía sin decidir" in rows[0] and "Plazo de la oficina para decidir" in rows[0]
            assert "La pidió: El abogado de la persona, Example Legal Aid" in rows[0]
            assert "Rechazada el" in rows[1] and "Sin relación con el caso." in rows[1], rows
            size = "200" if big else "100"
            checks = [("list", lambda: None), ("receive", section._receive), ("decide", section._decide)]
            for name, start in checks:
                if name == "decide":
                    section.show_main()
                    section.requests.setCurrentRow(0)
                start()
                helpers.settle(qtbot, runner)
                page.resize(1280, 800)
                assert english_in(page, sources) == [], name
                helpers.shot(page, f"person-certifications-{name}-{language}-{size}")
                sideways = [area.accessibleName() for area in page.findChildren(QScrollArea)
                            if area.isVisible() and area.horizontalScrollBar().maximum() > 0]  # fmt: skip
                assert sideways == [], name
        finally:
            page.clear()
            runner.shutdown()
            app.setFont(original)
