""""Consider a screening" on a real vault (issue 18, item 1): offered for a defendant on a listed charge, once per
matter, not for a witness, not once a screening is dated on or after the arrest, not after "Not now" with a reason;
the dismissal is a record and an audit event, in either regime; the words never label the person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.core.screening_prompts import PROMPT_FOLLOW_UP, ChargeRulesLibrary, ScreeningPromptService
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import ScreeningPrompt
from tests.ui.helpers import new_workspace

TODAY = dt.date(2026, 12, 4)
LOITERING = {"offence": "Loitering for the purpose of prostitution", "statute": "Example 240.37", "level": "violation"}
ASSAULT = {"offence": "Assault in the third degree", "statute": "Example 120.00", "level": "misdemeanor"}


@pytest.fixture(params=["prosecution", "advocacy"])
def ws(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workspace]:
    with new_workspace(tmp_path / "vault", regime=request.param) as workspace:
        yield workspace


def _prompts(ws: Workspace) -> ScreeningPromptService:
    return ScreeningPromptService(ws, today=lambda: TODAY)


def _person(ws: Workspace, name: str = "Ari Fictional") -> str:
    return str(ws.records.create("person", {"preferred_name": name}).id)


def _matter(ws: Workspace, pid: str, *charges: dict[str, Any], role: str = "defendant", **extra: Any) -> str:
    values = {"role": role, "charges": list(charges), "arrest_date": dt.date(2026, 11, 20), **extra}
    return str(ws.records.create("justice_contact", values, person_id=pid).id)


def _screening(ws: Workspace, pid: str, on: dt.date) -> str:
    values = {"template_id": "example-indicator-screening", "template_version": "1", "screened_on": on,
              "session_status": "partial"}  # fmt: skip
    return str(ws.records.create("screening", values, person_id=pid).id)


def test_a_defendant_on_a_listed_charge_is_offered_a_screening_with_the_reason_in_plain_words(ws: Workspace) -> None:
    pid = _person(ws)
    matter = _matter(ws, pid, ASSAULT, LOITERING, docket_number="EX-2026-001")
    (offer,) = _prompts(ws).offers(pid)
    assert offer.justice_contact_id == matter
    assert offer.docket_number == "EX-2026-001"
    assert offer.title == "Consider a screening"
    assert offer.reasons == (
        "Charges related to trading or selling sex are often linked to exploitation.",
        "Charges like loitering are often linked to exploitation.",
    )
    assert offer.text == (
        "Charges related to trading or selling sex are often linked to exploitation. "
        "A screening could help you see whether this person needs support."
    )
    assert offer.rules_version == "often-linked-charges@1"
    for word in ("victim", "suspect", "prostitute", "positive"):
        assert word not in offer.text.lower()


def test_not_for_a_witness_a_complainant_another_charge_or_a_deleted_matter(ws: Workspace) -> None:
    pid = _person(ws)
    _matter(ws, pid, LOITERING, role="witness")
    _matter(ws, pid, LOITERING, role="complainant")
    _matter(ws, pid, ASSAULT)
    gone = _matter(ws, pid, LOITERING)
    ws.records.delete("justice_contact", gone)
    assert _prompts(ws).offers(pid) == []


def test_a_screening_on_or_after_the_arrest_answers_it_and_an_older_one_does_not(ws: Workspace) -> None:
    pid = _person(ws)
    _matter(ws, pid, LOITERING, arrest_date=dt.date(2026, 11, 20))
    older = _screening(ws, pid, dt.date(2025, 3, 1))
    assert len(_prompts(ws).offers(pid)) == 1, "circumstances change: a screening from before this arrest"
    ws.records.delete("screening", older)
    _screening(ws, pid, dt.date(2026, 11, 20))  # the day of the arrest counts
    assert _prompts(ws).offers(pid) == []


def test_without_an_arrest_date_any_screening_answers_it(ws: Workspace) -> None:
    pid = _person(ws)
    _matter(ws, pid, LOITERING, arrest_date=None)
    assert len(_prompts(ws).offers(pid)) == 1
    _screening(ws, pid, dt.date(2024, 1, 5))
    assert _prompts(ws).offers(pid) == []


def test_not_now_needs_a_reason_is_recorded_and_audited_and_is_offered_once_per_matter(ws: Workspace) -> None:
    pid = _person(ws)
    first = _matter(ws, pid, LOITERING, arrest_date=dt.date(2026, 11, 20))
    second = _matter(ws, pid, {"offence": "Petit larceny", "statute": "", "level": "misdemeanor"},
                     arrest_date=dt.date(2026, 10, 2))  # fmt: skip
    prompts = _prompts(ws)
    assert [o.justice_contact_id for o in prompts.offers(pid)] == [first, second]  # the latest arrest first

    with pytest.raises(ValidationError, match="why not now"):
        prompts.dismiss(first, "   ")
    assert ws.records.list_for_person("screening_prompt", pid) == []

    record_id = prompts.dismiss(first, "  In court today; the advocate will screen next week. ")
    assert [o.justice_contact_id for o in prompts.offers(pid)] == [second]
    (record,) = ws.records.list_for_person("screening_prompt", pid)
    assert isinstance(record, ScreeningPrompt)
    assert record.id == record_id
    assert record.justice_contact_id == first
    assert record.reason == "In court today; the advocate will screen next week."
    assert record.dismissed_on == TODAY
    assert record.rules_version == "often-linked-charges@1"
    assert record.regime == ws.identity.regime
    events = [e for e in ws.history(record_id=record_id)]
    assert {e.action for e in events} == {"create", "screening_prompt_dismissed"}
    assert all(e.person_id == pid for e in events)
    assert all("In court" not in str(e.fields) for e in events)  # field names only, never the reason

    with pytest.raises(ValidationError, match="already answered on December 4, 2026"):
        prompts.dismiss(first, "Again")
    with ws.session() as s:
        assert len(list(s.scalars(select(ScreeningPrompt)))) == 1


def test_an_office_rule_adds_charges_and_its_version_is_kept_with_the_answer(ws: Workspace) -> None:
    pid = _person(ws)
    fraud = _matter(ws, pid, {"offence": "Forgery", "statute": "EX 170.05", "level": "misdemeanor"})
    assert _prompts(ws).offers(pid) == []
    ChargeRulesLibrary(ws).import_text(
        'id = "office"\ntitle = "Ours"\nversion = "3"\nlanguages = ["en"]\nsource = "The office"\n\n[[rules]]\n'
        'id = "forgery"\nreason = "Charges like forgery are often linked to exploitation."\nstatutes = ["ex 170"]\n',
        name="ours.toml",
    )
    (offer,) = _prompts(ws).offers(pid)
    assert offer.text == f"Charges like forgery are often linked to exploitation. {PROMPT_FOLLOW_UP}"
    record_id = _prompts(ws).dismiss(fraud, "Not relevant: a document error.")
    assert ws.records.get("screening_prompt", record_id).rules_version == "office@3"  # type: ignore[attr-defined]
