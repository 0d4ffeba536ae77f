"""Intake on a real vault: a new person from a short first form, checked in human words, and the possible-same-person
check over names, other names and the date of birth, which shows just enough to tell people apart."""

from __future__ import annotations

import datetime as dt

import pytest

from app.core.intake import IntakeService, NewPerson
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import Person

TODAY = dt.date(2026, 12, 4)


def _intake(ws: Workspace) -> IntakeService:
    return IntakeService(ws, today=lambda: TODAY)


def _person(ws: Workspace, person_id: str) -> Person:
    with ws.session() as s:
        person = s.get(Person, person_id)
        assert person is not None
        s.expunge(person)
        return person


def test_a_new_person_is_made_from_the_short_form_in_the_vaults_regime(workspace: Workspace) -> None:
    ws = workspace
    new = NewPerson(
        preferred_name="  Rosa  ",
        other_names=("Rosie", " ", "Rosa", "R. Example", "Rosie"),
        pronouns="she/her",
        languages=("Spanish", "English"),
        date_of_birth="1994-05-17",
        safe_to_call=False,
        safe_to_text=True,
        safe_times="Weekdays after 6 pm",
    )
    person_id = _intake(ws).create(new)

    person = _person(ws, person_id)
    assert person.preferred_name == "Rosa"
    # Blank and repeated other names, and the preferred name itself, are not kept twice.
    assert person.aliases == ["Rosie", "R. Example"]
    assert person.pronouns == "she/her"
    assert person.languages == ["Spanish", "English"]
    assert person.date_of_birth == dt.date(1994, 5, 17)
    assert person.age_group == "adult"  # the date of birth decides it
    assert (person.safe_to_call, person.safe_to_text, person.safe_to_leave_message) == (False, True, None)
    assert person.safe_times == "Weekdays after 6 pm"
    assert person.regime == ws.identity.regime == "advocacy"
    assert person.privileged  # community-based advocacy records are privileged
    assert [r.id for r in ws.people.search("Rosie")] == [person_id]  # findable by another name at once


def test_an_age_group_can_stand_in_for_a_date_of_birth(workspace: Workspace) -> None:
    person_id = _intake(workspace).create(NewPerson(preferred_name="Kit", age_group="minor"))
    person = _person(workspace, person_id)
    assert (person.date_of_birth, person.age_group) == (None, "minor")
    nobody_asked = _person(workspace, _intake(workspace).create(NewPerson(preferred_name="Lee")))
    assert nobody_asked.age_group == "unknown"


@pytest.mark.parametrize(
    ("new", "field", "message"),
    [
        (NewPerson(preferred_name="   "), "preferred_name", "Please write the name they want to be called."),
        (NewPerson(preferred_name="A" * 201), "preferred_name", "200 characters"),
        (NewPerson(preferred_name="Ana", date_of_birth="17/05/1994"), "date_of_birth", "for example 2026-03-31"),
        (NewPerson(preferred_name="Ana", date_of_birth="2027-01-01"), "date_of_birth", "cannot be in the future"),
        (NewPerson(preferred_name="Ana", date_of_birth="1890-01-01"), "date_of_birth", "more than 120 years ago"),
        (
            NewPerson(preferred_name="Ana", date_of_birth="2015-01-01", age_group="adult"),
            "age_group",
            "The date of birth makes them under 18; please check the date or the age group.",
        ),
        (NewPerson(preferred_name="Ana", age_group="teen"), "age_group", "adult, under 18 or not known"),
        (NewPerson(preferred_name="Ana", pronouns="x" * 61), "pronouns", "60 characters"),
        (NewPerson(preferred_name="Ana", other_names=("B" * 201,)), "other_names", "200 characters"),
    ],
)
def test_bad_input_gets_one_human_sentence_about_its_field_and_saves_nothing(
    workspace: Workspace, new: NewPerson, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        _intake(workspace).create(new)
    assert caught.value.field == field
    assert message in caught.value.message
    assert "Traceback" not in caught.value.message and "Ana" not in caught.value.message  # no personal data
    assert workspace.people.count() == 0


def test_possible_matches_by_name_other_name_and_date_of_birth_best_first(workspace: Workspace) -> None:
    ws = workspace
    rec = ws.records
    rosa = rec.create("person", {"preferred_name": "Rosa", "aliases": ["Rosie"], "date_of_birth": "1994-05-17"}).id
    rosa_e = rec.create("person", {"preferred_name": "Rosa Example", "age_group": "adult"}).id
    known_as = rec.create("person", {"preferred_name": "Dana Sample", "aliases": ["Rosita Example"]}).id
    same_day = rec.create("person", {"preferred_name": "Mo Placeholder", "date_of_birth": "1990-02-03"}).id
    rec.create("person", {"preferred_name": "Bexley Notreal"})
    gone = rec.create("person", {"preferred_name": "Rosa Gone"}).id
    rec.delete("person", gone)
    rec.create(
        "encounter",
        {"occurred_at": dt.datetime(2026, 11, 2, 15, 0, tzinfo=dt.UTC), "kind": "interview"},
        person_id=rosa,
    )
    intake = _intake(ws)

    found = intake.possible_matches(NewPerson(preferred_name="Rosa"))
    assert [m.id for m in found] == [rosa, rosa_e]
    first = found[0]
    # Just enough to tell them apart, and nothing sensitive: no contact rules, no notes, no full date of birth.
    assert first.preferred_name == "Rosa"
    assert first.other_names == ("Rosie",)
    assert first.year_of_birth == 1994 and first.age_group == "adult"
    assert first.last_contact == dt.date(2026, 11, 2)
    assert first.updated <= dt.date.today()
    assert found[1].year_of_birth is None and found[1].age_group == "adult" and found[1].last_contact is None
    assert first.describe() == "Also called Rosie · Born 1994 · Last contact 2 Nov 2026"
    assert "Adult" in found[1].describe() and "No contact recorded" in found[1].describe()

    # Another name typed finds a person by theirs; the same date of birth finds someone by another name entirely.
    by_other = intake.possible_matches(NewPerson(preferred_name="Dee", other_names=("Rosita",)))
    assert [m.id for m in by_other] == [known_as]
    by_birth = intake.possible_matches(NewPerson(preferred_name="Someone New", date_of_birth="1990-02-03"))
    assert [m.id for m in by_birth] == [same_day] and by_birth[0].same_date_of_birth
    # A name and the date of birth together come first, ahead of a closer-looking name.
    both = intake.possible_matches(NewPerson(preferred_name="Rosa Example", date_of_birth="1994-05-17"))
    assert [m.id for m in both][:2] == [rosa, rosa_e]

    assert intake.possible_matches(NewPerson(preferred_name="Zelie Pretend")) == []
    assert intake.possible_matches(NewPerson(preferred_name="  ")) == []  # nothing typed yet: nothing to check


def test_possible_matches_stay_short_and_quick_in_a_big_caseload(workspace: Workspace) -> None:
    ws = workspace
    with ws.records.batch() as s:
        for i in range(400):
            ws.records.create_in(s, "person", {"preferred_name": f"Maria Example{i:03d}"})
    found = _intake(ws).possible_matches(NewPerson(preferred_name="Maria"), limit=8)
    assert len(found) == 8


def test_a_possible_match_reads_in_the_apps_language() -> None:
    """The words that tell two people apart go through the core's catalogue: a Spanish app shows them in Spanish."""
    from app.core import i18n
    from app.core.intake import PossibleMatch
    from app.core.timeline import day_words

    seen = PossibleMatch("p1", "Rosa", ("Rosie",), 1994, "adult", dt.date(2026, 11, 2), dt.date(2026, 11, 3), True)
    never = PossibleMatch("p2", "Rosa", (), None, "minor", None, dt.date(2026, 11, 3), False)
    assert seen.describe() == "Also called Rosie · Born 1994 (same date of birth) · Last contact 2 Nov 2026"
    assert never.describe() == "Under 18 · No contact recorded · Updated 3 Nov 2026"
    i18n.set_language("es")
    try:
        # The dates as the app writes them in its language (day_words).
        last, updated = day_words(dt.date(2026, 11, 2)), day_words(dt.date(2026, 11, 3))
        assert seen.describe() == (
            f"Otros nombres: Rosie · Nació en 1994 (misma fecha de nacimiento) · Último contacto: {last}"
        )
        assert never.describe() == f"Menor de 18 · Sin contacto registrado · Actualizado el {updated}"
    finally:
        i18n.set_language(i18n.DEFAULT)
