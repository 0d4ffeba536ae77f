"""The person's copy in the person's language: Spanish for a person whose language is Spanish, whatever the app's.

Made on a real SQLCipher vault through make_copy and parsed back with pypdf. The words of each language have
exactly the English keys, and the Spanish follows DOMAIN.md section 8 in Spanish. All names are fictional.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.core.safety import SafetyService
from app.core.settings import SURVIVOR_COPY_ALLOWED_BY_OFFICE, Settings
from app.core.workspace import Workspace
from app.models import PlanComponent
from app.reports import copy_text
from app.reports.survivor_copy import make_copy


def _settings(tmp_path: Path) -> Settings:
    settings = Settings(tmp_path / "config")
    settings.set(SURVIVOR_COPY_ALLOWED_BY_OFFICE, True)
    return settings


def _person_with_plan(ws: Workspace, languages: list[str]) -> str:
    pid = ws.records.create("person", {"preferred_name": "Luz", "age_group": "adult", "languages": languages}).id
    safety = SafetyService(ws)
    plan = safety.open_plan(pid, {"survivor_choice": "chosen", "leaving_intent": "not_ready"})
    safety.add_contact(
        plan.id,
        {"name": "Tía Rosa", "relationship": "tía", "phone": "555-0142", "safe_word": "girasol",
         "unsafe_word": "paraguas", "action_on_unsafe": "llama al 911"},
    )  # fmt: skip
    safety.record_item(plan.id, "safe_contacts", choice="chosen", words="Mi tía contesta de día o de noche")
    safety.record_item(plan.id, "health", choice="chosen", words="Mi inhalador")
    return pid


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages).split())


def test_a_person_whose_language_is_spanish_gets_a_spanish_copy(workspace: Workspace, tmp_path: Path) -> None:
    pid = _person_with_plan(workspace, ["Spanish", "English"])
    text = _text(make_copy(workspace, pid, _settings(tmp_path), include_code_words=True))
    today = dt.date.today()
    for spanish in (
        "Cosas para recordar",
        f"Escrito el {today.day} de {copy_text.SPANISH[f'month.{today.month}']} de {today.year}",
        "En una emergencia, llame al 911.",
        "Personas a las que puede llamar",
        "Tía Rosa (tía): 555-0142",
        "Si usted dice «girasol», quiere decir que puede hablar sin peligro.",
        "Si usted dice «paraguas», quiere decir que no está a salvo. Tía Rosa hará esto: llama al 911.",
        "Mi tía contesta de día o de noche",
        "Su salud",
        "Mi inhalador",
    ):
        assert spanish in text, spanish
    for english in ("Things to remember", "Written on", "In an emergency", "People you can call", "If you say"):
        assert english not in text, english


def test_a_person_with_no_language_we_have_gets_the_english_copy(workspace: Workspace, tmp_path: Path) -> None:
    pid = _person_with_plan(workspace, ["Tagalog"])
    text = _text(make_copy(workspace, pid, _settings(tmp_path)))
    assert "Things to remember" in text and "People you can call" in text and "Cosas" not in text


@pytest.mark.parametrize(
    ("languages", "code"),
    [
        (["Spanish"], "es"),
        (["español"], "es"),
        (["ESPAÑOL"], "es"),
        (["Spanish (Mexico)"], "es"),
        (["es-MX"], "es"),
        (["castellano"], "es"),
        (["Tagalog", "Spanish", "English"], "es"),  # the first we have words for
        (["English", "Spanish"], "en"),
        (["Tagalog (some Spanish)"], "en"),  # an entry's first word names its language
        (["Vietnamese"], "en"),
        ([], "en"),
        (None, "en"),
    ],
)
def test_the_copys_language_is_the_first_of_the_persons_we_have(languages: list[str] | None, code: str) -> None:
    assert copy_text.copy_language(languages) == code


def test_every_language_has_exactly_the_english_keys_and_a_heading_for_every_part() -> None:
    for code, words in copy_text.CATALOGUE.items():
        assert set(words) == set(copy_text.ENGLISH), code
        assert all(words[key].strip() for key in words), code
        for key in ("safe_word", "unsafe_word"):
            assert words[key].format(word="X")  # the same placeholders
    assert {f"heading.{key}" for key in PlanComponent} <= set(copy_text.ENGLISH)
    assert set(copy_text.NAMES.values()) == set(copy_text.CATALOGUE)


#: DOMAIN.md section 8 in Spanish: words that label a person or blame them.
BANNED_ES = re.compile(
    r"\b(prostitut\w*|ilegal\w*|v[ií]ctima\w*|rescatad\w*|se neg[oó]|negad[oa]|adict[oa]s?|esclav\w*|"
    r"indocumentad\w*|no coopera\w*)\b",
    re.IGNORECASE,
)


def test_the_spanish_words_follow_the_language_rules() -> None:
    for key, value in copy_text.SPANISH.items():
        assert not BANNED_ES.search(value), (key, value)
    assert BANNED_ES.search("una prostituta ilegal")  # the check can fail
