"""The last English the core showed in a Spanish app, each case triggered for real: a conflict to decide with two
versions (its title, field, who and when), a change the office did not accept, a form check naming a field and a
kind of record, a malformed template file line by line, record relief's time limits and rules label, the "Consider a
screening" prompt and a suggested filing deadline. With English, the words are those the app always said (or, where
they were wrong English, the right English). All data is fictional."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from app.content import charge_rules
from app.content.charge_rules import ChargeRulesError, load_charge_rules
from app.content.relief_rules import TimeLimit
from app.content.taxonomy import TaxonomyError, load_taxonomy
from app.content.templates import TemplateError, load_template
from app.core import conflicts, i18n, not_accepted
from app.core.received import ReceivedShareProblem, ReceivedShares
from app.core.records import kind_name, kind_words
from app.core.relief import ReliefService, _filing_note
from app.core.screening_prompts import ScreeningPromptService
from app.core.workspace import Workspace
from app.errors import RecordNotFound, ValidationError
from app.models import Referral
from app.protocol.certs import CertificateError, parse_fingerprint
from app.storage.kdf import KdfParams
from app.storage.vault import UnlockedVault, Vault
from app.sync.enrol import enrol
from tests.conftest import TEST_PASSPHRASE
from tests.ui.helpers import new_workspace

STAMP = "2026-03-05T14:30:00+00:00"


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language(i18n.DEFAULT)


@pytest.fixture
def unlocked_vault(tmp_path: Path) -> Iterator[UnlockedVault]:
    opened, _code = Vault(tmp_path / "v").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        yield opened
    finally:
        opened.lock()


def _conflict(ws: Workspace) -> tuple[str, str]:
    """A person whose pronouns two computers changed differently, kept as the office sends such a conflict."""
    person = ws.records.create("person", {"preferred_name": "Ana Ejemplo", "pronouns": "she/her"}).id
    item = {
        "id": "c-1",
        "record_id": person,
        "record_type": "person",
        "person_id": person,
        "field": "pronouns",
        "values": [
            {"side": "base", "value": "she/her"},
            {"side": "a", "value": "ella", "user": "Rosa Demo", "device": "Laptop A", "when": STAMP},
            {"side": "b", "value": "she/they", "user": None, "device": None, "when": None, "this_device": True},
        ],
    }
    conflicts.keep(ws, [item])
    return person, "c-1"


def _local(stamp: str) -> str:
    moment = dt.datetime.fromisoformat(stamp).astimezone()
    return f"{moment.hour:02d}:{moment.minute:02d}"


def test_a_conflict_with_two_versions_is_said_in_spanish(workspace: Workspace, spanish: None) -> None:
    _conflict(workspace)
    (group,) = conflicts.groups(workspace)
    assert group.title == "Persona: Pronombres"
    assert group.field_label == "Pronombres"
    first, second = group.values
    assert first.who == "Rosa Demo"
    assert first.when.startswith("5 mar 2026, ") and first.when.endswith(_local(STAMP))
    assert second.who == "alguien de la oficina"
    assert second.device == "otro equipo"
    assert second.when == "en un momento que no quedó registrado"


def test_a_conflict_in_english_reads_as_it_always_did(workspace: Workspace) -> None:
    _conflict(workspace)
    (group,) = conflicts.groups(workspace)
    assert group.title == "Person: Pronouns"
    first, second = group.values
    moment = dt.datetime.fromisoformat(STAMP).astimezone()
    assert first.when == f"{moment:%d %b %Y, %H:%M}"  # the English words strftime gave, now from the catalogue
    assert (second.who, second.device, second.when) == (
        "someone at the office",
        "another computer",
        "at a time not recorded",
    )


def test_a_whole_record_conflict_title_in_spanish(workspace: Workspace, spanish: None) -> None:
    person = workspace.records.create("person", {"preferred_name": "Ana Ejemplo"}).id
    note = workspace.records.create("note_entry", {"body": "Texto de ejemplo"}, person_id=person)
    conflicts.keep(workspace, [{
        "id": "c-2", "record_id": note.id, "record_type": "note_entry", "person_id": person, "field": "",
        "values": [{"side": "a", "value": None, "user": "Rosa Demo", "device": "Laptop A", "when": STAMP}],
    }])  # fmt: skip
    titles = [g.title for g in conflicts.groups(workspace)]
    assert titles == ["Nota: se borró en un equipo y se cambió en otro"]


def test_kind_words_come_from_one_table_in_the_apps_language(spanish: None) -> None:
    assert kind_name("referral") == "derivación"
    assert kind_name("referral", several=True) == "derivaciones"
    assert kind_words("safety_plan", 3) == "3 planes de seguridad"
    assert kind_words("charging_decision", 1) == "1 decisión sobre los cargos"
    assert conflicts.kind_words is kind_words  # the sync summary and the conflicts share it


def test_a_change_the_office_did_not_accept_is_titled_in_spanish(workspace: Workspace, spanish: None) -> None:
    person = workspace.records.create("person", {"preferred_name": "Ana Ejemplo"}).id
    with workspace.session() as s, s.begin():
        for record_type, new in (("referral", True), ("note_entry", False)):
            not_accepted.set_aside(s, record_type=record_type, record_id=f"{record_type}-1", person_id=person,
                                   patch={"outcome": "x"} if new else {"body": "Otro texto"}, reason="not_allowed",
                                   local=None, new_record=new)  # fmt: skip
    titles = sorted(item.title for item in not_accepted.items(workspace))
    assert titles == ["Cambios en una nota sobre Ana Ejemplo", "Derivación de Ana Ejemplo"]
    (kept,) = [item for item in not_accepted.items(workspace) if item.record_type == "note_entry"]
    assert kept.fields[0] == ("Nota", "Otro texto")


def test_titles_in_english_are_the_words_they_were(workspace: Workspace) -> None:
    person = workspace.records.create("person", {"preferred_name": "Ana Ejemplo"}).id
    with workspace.session() as s, s.begin():
        not_accepted.set_aside(s, record_type="referral", record_id="referral-1", person_id=person, patch={},
                               reason="not_allowed", local=None, new_record=False)  # fmt: skip
    (item,) = not_accepted.items(workspace)
    assert item.title == "Changes to a referral about Ana Ejemplo"


def test_a_form_check_names_the_field_and_the_kind_of_record_in_spanish(workspace: Workspace, spanish: None) -> None:
    with pytest.raises(ValidationError) as err:
        workspace.records.create("person", {"preferred_name": "Ana Ejemplo", "date_of_birth": "pronto"})
    assert err.value.message == "Escriba el campo «fecha de nacimiento» como una fecha, por ejemplo 2026-03-31."
    with pytest.raises(ValidationError) as err:
        workspace.records.create("person", {"preferred_name": "x" * 300})
    assert "«nombre preferido»" in err.value.message
    with pytest.raises(RecordNotFound) as missing:
        workspace.records.update("referral", "no-such-id", {"notes": "x"})
    assert missing.value.message == "Ese registro de tipo «derivación» no está en este equipo."
    assert Referral.RECORD_TYPE == "referral"


def test_form_checks_in_english_name_the_field_as_before(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as err:
        workspace.records.create("person", {"preferred_name": "Ana Ejemplo", "date_of_birth": "soon"})
    assert err.value.message == "Please enter the date of birth as a date, for example 2026-03-31."


BAD_TEMPLATE = """\
id = "Not A Slug"
title = "Ejemplo"
version = "1"
kind = "checklist"
population = "adult"
mode = "interview_questions"
languages = ["es"]
"""


def test_a_malformed_template_is_explained_line_by_line_in_spanish(spanish: None) -> None:
    with pytest.raises(TemplateError) as err:
        load_template(BAD_TEMPLATE, name="oficina.toml")
    said = err.value.message
    assert said.startswith("No se pudo usar la plantilla «oficina.toml».")
    shown = [str(p) for p in err.value.problems]
    assert "Línea 1, id: 'Not A Slug' no tiene la forma esperada (se esperaba: letras minúsculas, cifras y guiones, " \
        "como 'safety-check')." in shown  # fmt: skip
    assert any(p.startswith("sections: falta (se esperaba: al menos una [[sections]] con elementos)") for p in shown)
    bad_kind = BAD_TEMPLATE.replace('id = "Not A Slug"', 'id = "ejemplo"').replace('"checklist"', '"encuesta"')
    with pytest.raises(TemplateError) as err:
        load_template(bad_kind, name="oficina.toml")
    assert "Línea 4, kind: 'encuesta' no es un tipo de plantilla (se esperaba: checklist o screening)." in [
        str(p) for p in err.value.problems
    ]
    with pytest.raises(TemplateError) as err:
        load_template('id = "sin cerrar\n', name="roto.toml")
    assert str(err.value.problems[0]).startswith("Línea 1: esto no es TOML válido (")


def test_a_malformed_template_in_english_reads_as_before() -> None:
    with pytest.raises(TemplateError) as err:
        load_template(BAD_TEMPLATE, name="office.toml")
    assert err.value.message.startswith("The template “office.toml” could not be used. Line 1, id: 'Not A Slug' does")
    assert "(expected lower-case letters, digits and dashes, such as 'safety-check')." in err.value.message
    with pytest.raises(TemplateError) as err:
        load_template(BAD_TEMPLATE.replace('"checklist"', '"survey"'), name="office.toml")
    assert "Line 4, kind: 'survey' is not a kind of template (expected checklist or screening)." in [
        str(p) for p in err.value.problems
    ]


def test_relief_time_limits_and_the_rules_label_in_spanish(spanish: None) -> None:
    assert TimeLimit(kind="none").words() == "Sin plazo"
    assert TimeLimit(kind="within_years", years=1, counted_from="arrest").words() == (
        "En el plazo de 1 año desde el arresto"
    )
    assert TimeLimit(kind="within_years", years=5, counted_from="disposition").words() == (
        "En el plazo de 5 años desde la resolución"
    )


def test_relief_time_limits_in_english_are_unchanged() -> None:
    assert TimeLimit(kind="none").words() == "No time limit"
    assert TimeLimit(kind="within_years", years=1, counted_from="arrest").words() == "Within 1 year of the arrest"
    assert TimeLimit(kind="within_years", years=5, counted_from="disposition").words() == (
        "Within 5 years of the disposition"
    )


def test_the_screening_prompt_in_spanish(tmp_path: Path, spanish: None) -> None:
    with new_workspace(tmp_path / "vault", regime="advocacy") as ws:
        person = ws.records.create("person", {"preferred_name": "Ana Ejemplo"}).id
        charge = {"offence": "Loitering for the purpose of prostitution", "statute": "Example 240.37",
                  "level": "violation"}  # fmt: skip
        ws.records.create("justice_contact", {"role": "defendant", "charges": [charge],
                          "arrest_date": dt.date(2026, 11, 20)}, person_id=person)  # fmt: skip
        (offer,) = ScreeningPromptService(ws, today=lambda: dt.date(2026, 12, 4)).offers(person)
        assert offer.title == "Considere una evaluación"
        assert offer.text.startswith(offer.reasons[0] + " ")
        follow_up = i18n._("A screening could help you see whether this person needs support.")
        assert follow_up != "A screening could help you see whether this person needs support."
        assert offer.text.endswith(" " + follow_up)


def test_the_relief_rules_label_and_a_suggested_deadline_in_spanish(workspace: Workspace, spanish: None) -> None:
    service = ReliefService(workspace)
    rules = service.rules.all()[0]
    assert rules.label == f"{rules.title} (versión {rules.version})"
    # The note a suggested filing deadline is saved with, in the app's language when it is saved.
    charge = SimpleNamespace(docket_number="EX-2026-001", disposition_date=None)
    assert _filing_note("anulación", charge) == "Último día para solicitar anulación (expediente EX-2026-001)"  # type: ignore[arg-type]
    charge = SimpleNamespace(docket_number=None, disposition_date=dt.date(2020, 3, 5))
    assert _filing_note("anulación", charge).startswith("Último día para solicitar anulación (resolución del 5")  # type: ignore[arg-type]


def test_a_suggested_deadline_note_in_english_is_unchanged() -> None:
    charge = SimpleNamespace(docket_number="EX-2026-001", disposition_date=None)
    assert _filing_note("vacatur", charge) == "Last day to file for vacatur (docket EX-2026-001)"  # type: ignore[arg-type]
    charge = SimpleNamespace(docket_number=None, disposition_date=None)
    assert _filing_note("vacatur", charge) == "Last day to file for vacatur (a charge)"  # type: ignore[arg-type]


def test_a_mistyped_fingerprint_is_said_in_spanish_when_enrolling(unlocked_vault: UnlockedVault, spanish: None) -> None:
    for typed, said in (
        ("ABCD-EFGH", "Esa huella digital no parece completa: tiene 13 grupos de cuatro letras y cifras. "
                      "Compárela con la hoja de inscripción."),
        ("-".join(["ZZZZ"] * 13), "Esa huella digital tiene un error de escritura en su último grupo. "
                                  "Compárela con la hoja."),
    ):  # fmt: skip
        with pytest.raises(CertificateError) as err:
            enrol(unlocked_vault, TEST_PASSPHRASE, server="https://office.example", code="x", fingerprint=typed)
        assert err.value.message == said
    assert unlocked_vault.identity.kind == "personal"


def test_a_mistyped_fingerprint_in_english_is_unchanged() -> None:
    with pytest.raises(CertificateError) as err:
        parse_fingerprint("ABCD")
    assert err.value.message.startswith("That fingerprint does not look complete: it has 13 groups")


CHARGE_RULES = """\
id = "reglas-oficina"
title = "Lista de la oficina"
version = "2"
languages = ["es"]
source = "Acordada por la oficina, 2026"

[[rules]]
id = "nombre-falso"
reason = "This victim gave a false name."
offense_words = ["false personation", "False personation"]
"""


def test_a_charge_rules_import_is_explained_line_by_line_in_spanish(spanish: None) -> None:
    with pytest.raises(ChargeRulesError) as err:
        load_charge_rules(CHARGE_RULES, name="reglas.toml")
    assert err.value.message.startswith(
        "No se pudieron usar las reglas de cargos «reglas.toml». Línea 9, rules[0].reason: "
    )
    shown = [str(p) for p in err.value.problems]
    assert any("'victim' pondría una etiqueta a la persona, y un aviso nunca lo hace" in p for p in shown)
    twice = "Línea 10, rules[0].offense_words[1]: 'False personation' aparece dos veces"
    assert any(p.startswith(twice) for p in shown)


def test_a_charge_rules_import_in_english_reads_as_before() -> None:
    with pytest.raises(ChargeRulesError) as err:
        load_charge_rules(CHARGE_RULES, name="rules.toml")
    assert err.value.message.startswith("The charge rules “rules.toml” could not be used. Line 9, rules[0].reason: ")
    assert "'victim' would label the person, and a prompt never does" in err.value.message


def test_the_charge_rules_limits_written_out_in_their_hints_are_the_real_ones() -> None:
    hints = charge_rules._FIELD_EXPECTED
    assert f"at most {charge_rules.MAX_ID} characters" in hints["id"]
    assert f"at most {charge_rules.MAX_VERSION} characters" in hints["version"]
    for key in ("offense_words", "statutes"):
        assert f"of {charge_rules.MIN_PHRASE} to {charge_rules.MAX_PHRASE} characters" in hints[key]


def test_a_category_list_with_a_repeated_id_is_explained_in_spanish_once(spanish: None) -> None:
    listed = (
        'id = "lista"\ntitle = "Nuestras categorías"\nversion = "3"\nsource = "Nuestra oficina"\n\n'
        '[[categories]]\nid = "vivienda"\ntitle = "Vivienda"\nvoca = "shelter_housing"\n\n'
        '[[categories]]\nid = "vivienda"\ntitle = "Vivienda otra vez"\nvoca = "shelter_housing"\n\n'
        '[[categories]]\nid = "comida"\nvoca = "groceries"\n'
    )
    with pytest.raises(TaxonomyError) as err:
        load_taxonomy(listed, name="nuestra.toml")
    assert err.value.message.startswith("No se pudo usar la lista de categorías «nuestra.toml». Línea ")
    shown = [str(p) for p in err.value.problems]
    repeated = [p for p in shown if "el id de categoría 'vivienda' ya se usa en categories[0]" in p]
    assert len(repeated) == 1, shown
    assert any("categories[2].title: falta" in p for p in shown)


def test_linking_a_share_is_refused_in_spanish(tmp_path: Path, workspace: Workspace, spanish: None) -> None:
    rosa = workspace.records.create("person", {"preferred_name": "Rosa Ejemplo"}).id
    with pytest.raises(ReceivedShareProblem) as refused:
        ReceivedShares(workspace).link("a-share", rosa)  # an advocate's vault
    assert refused.value.message == (
        "Lo que envían los defensores llega a una bóveda de la fiscalía; esta bóveda es de un defensor."
    )
    opened, _code = Vault(tmp_path / "fiscalia").create(TEST_PASSPHRASE, kdf_params=KdfParams.floor(),
                                                        regime="prosecution")  # fmt: skip
    try:
        ws = Workspace(opened)
        dana = ws.records.create("person", {"preferred_name": "Dana Ejemplo"}).id
        with pytest.raises(ReceivedShareProblem) as refused:
            ReceivedShares(ws).link("a-share-gone", dana)
        assert refused.value.message.startswith("Ese envío ya no está en este equipo: puede que la autorización")
    finally:
        opened.lock()



# --- the note the app writes at a relief case's status change ------------------------------------------------------


def test_the_status_note_is_said_in_the_apps_language_and_kept_as_written(spanish: None) -> None:
    from app.core.relief import status_note_words, status_words

    screening, eligible = status_words("screening"), status_words("eligible")
    assert "Record" not in screening + eligible, "the status words themselves are in Spanish"
    assert status_note_words("Record relief status: Screening.") == (
        f"Estado de la limpieza de antecedentes: {screening}."
    )
    assert status_note_words("Record relief status: Eligible (was screening). Every record gathered.") == (
        f"Estado de la limpieza de antecedentes: {eligible} (antes: {screening.lower()}). Every record gathered."
    )  # the person's own words after it stay as they typed them
    # A status this version does not know, and a note a person typed: as written.
    for body in ("Record relief status: Something new.", "A note a person typed."):
        assert status_note_words(body) == body


def test_the_status_note_reads_as_written_in_english() -> None:
    from app.core.relief import status_note_words

    for body in (
        "Record relief status: Screening.",
        "Record relief status: The person is deciding (was eligible). Wants to talk to immigration counsel first.",
    ):
        assert status_note_words(body) == body
