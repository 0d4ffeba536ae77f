"""Structured record fields are checked in the core, from one place (issue 16, item 11): a charges object where a
list belongs is refused naming the field; what arrives malformed is kept, flagged and shown in part."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.core.record_shapes import FLAGGED, SHAPES, readable_structured
from app.core.records import columns_of
from app.errors import ValidationError
from app.models import RECORD_TYPES, JusticeContact, Screening

GOOD_CHARGE = {"offence": "Trespass", "statute": "Demo Penal Code 140.05", "level": "violation"}


def test_every_structured_column_of_every_record_type_has_a_shape() -> None:
    structured = {
        (cls.RECORD_TYPE, key)
        for cls in RECORD_TYPES.values()
        for key, col in columns_of(cls).items()
        if col.info.get("kind") == "json"
    }
    assert structured and structured == set(SHAPES)


@pytest.fixture
def person_id(workspace) -> str:  # type: ignore[no-untyped-def]
    return workspace.records.create("person", {"preferred_name": "Test Person One"}).id


@pytest.mark.parametrize(
    ("charges", "words"),
    [
        ({"offence": "Trespass"}, "must be a list of charges"),  # the object the issue found stored
        (["Trespass"], "charge 1 is not a charge"),
        ([GOOD_CHARGE, {"offence": "Theft", "level": "capital"}], "level of charge 2 must be one of"),
        ([{"offence": 42}], "offense of charge 1 must be text"),
        ([{"offence": "Theft", "victim": "x"}], "charge 1 has a part Offramp does not know"),
    ],
)
def test_records_create_refuses_a_malformed_charges_value_naming_the_field(
    workspace, person_id: str, charges: object, words: str
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as refused:
        workspace.records.create("justice_contact", {"role": "witness", "charges": charges}, person_id=person_id)
    assert refused.value.field == "charges"
    assert refused.value.message.startswith("The charges are not in the expected shape")
    assert words in refused.value.message
    assert workspace.records.list_for_person("justice_contact", person_id) == []


def test_good_charges_and_answers_are_stored_as_given(workspace, person_id: str) -> None:  # type: ignore[no-untyped-def]
    jc = workspace.records.create(
        "justice_contact", {"role": "witness", "charges": [GOOD_CHARGE, {"offence": "Theft", "level": None}]},
        person_id=person_id,
    )  # fmt: skip
    assert workspace.records.get("justice_contact", jc.id).charges[0] == GOOD_CHARGE
    with pytest.raises(ValidationError) as refused:
        workspace.records.update("justice_contact", jc.id, {"charges": {"0": GOOD_CHARGE}})
    assert refused.value.field == "charges"


def test_screening_answers_must_be_one_answer_per_question() -> None:
    assert readable_structured("screening", "answers", {"q1": {"answer": "yes", "note": "said twice"}}) == (
        {"q1": {"answer": "yes", "note": "said twice"}},
        None,
    )
    from app.core.record_shapes import check_structured

    with pytest.raises(ValidationError) as refused:
        check_structured("screening", "answers", "answers", [{"answer": "yes"}])
    assert "must be a set of answers" in refused.value.message
    with pytest.raises(ValidationError):
        check_structured("checklist_response", "answers", "answers", {"q1": "yes"})


def test_a_stored_malformed_value_is_kept_and_what_fits_is_shown(workspace, person_id: str) -> None:  # type: ignore[no-untyped-def]
    """As a record pulled from the office arrives: written without the service's checks."""
    jc = workspace.records.create(
        "justice_contact", {"role": "witness", "docket_number": "BC-2024-CR-7"}, person_id=person_id
    )
    bad = [GOOD_CHARGE, {"offence": 42}, "stray"]
    with workspace.session() as s, s.begin():
        s.execute(update(JusticeContact).where(JusticeContact.id == jc.id).values(charges=bad))
    stored = workspace.records.get("justice_contact", jc.id)
    assert stored.charges == bad  # kept
    assert readable_structured("justice_contact", "charges", stored.charges) == ([GOOD_CHARGE], FLAGGED)
    assert readable_structured("justice_contact", "charges", {"offence": "x"}) == ([], FLAGGED)
    assert readable_structured("screening", "answers", ["x"]) == ({}, FLAGGED)
    assert Screening.RECORD_TYPE == "screening"
