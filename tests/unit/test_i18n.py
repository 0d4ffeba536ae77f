"""The core's message catalogue (app.core.i18n): the language chosen, gettext's Spanish, plurals, the pseudo-locale."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from app.core import i18n
from app.core import settings as declared


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language(i18n.DEFAULT)


def test_the_environment_wins_then_the_setting_then_the_system() -> None:
    assert i18n.resolve("en", env={"OFFRAMP_LANGUAGE": "pseudo"}) == "pseudo"
    assert i18n.resolve("en", env={"OFFRAMP_LANGUAGE": "es"}) == "es"
    assert i18n.resolve("es", env={"OFFRAMP_LANGUAGE": "klingon"}) == "es"  # an unknown override is ignored
    assert i18n.resolve("system", system="es_US", env={}) == "es"
    assert i18n.resolve("system", system="fr_FR", env={}) == "en"  # no French yet: English
    assert i18n.resolve("system", env={"LANG": "es_MX.UTF-8"}) == "es"
    assert i18n.resolve("system", env={"LANGUAGE": "es:en", "LANG": "en_US.UTF-8"}) == "es"
    assert i18n.resolve("system", env={"LANG": "de_DE.UTF-8"}) == "en"


def test_the_language_setting_offers_the_system_and_every_catalogue() -> None:
    assert declared.LANGUAGE.default == i18n.SYSTEM
    assert declared.LANGUAGE.choices == (i18n.SYSTEM, *i18n.LANGUAGES)
    assert declared.LANGUAGE.coerce("tlh") == i18n.SYSTEM  # a hand-edited file never breaks start-up


def test_spanish_comes_from_the_compiled_catalogue_with_its_plurals() -> None:
    assert i18n._("Language") == "Language"
    i18n.set_language("es")
    assert i18n.current_language() == "es"
    assert i18n._("Language") == "Idioma"
    assert i18n._(declared.IDLE_LOCK_SECONDS.label) == "Bloquear cuando me haya ausentado durante"
    assert i18n.ngettext("{n} minute", "{n} minutes", 1).format(n=1) == "1 minuto"
    assert i18n.ngettext("{n} minute", "{n} minutes", 5).format(n=5) == "5 minutos"
    assert i18n._("A sentence nobody translated") == "A sentence nobody translated"  # English, never blank
    i18n.set_language("en")
    assert i18n.ngettext("{n} minute", "{n} minutes", 5).format(n=5) == "5 minutes"


def test_every_setting_has_spanish() -> None:
    i18n.set_language("es")
    for setting in declared.ALL:
        for text in (setting.label, setting.help):
            if text:
                assert i18n._(text) != text, f"no Spanish for {text!r}"


def test_pseudo_text_is_accented_padded_and_keeps_what_code_fills_in() -> None:
    source = "Open {name}'s page with &Enter: %n <b>people</b> &amp; %1 %(count)s, %Ln found"
    text = i18n.pseudo(source)
    assert text.startswith("[") and text.endswith("]")
    assert len(text) >= len(source) * 1.25
    for kept in ("{name}", "&E", "%n", "<b>", "</b>", "&amp;", "%1", "%(count)s", "%Ln"):
        assert kept in text, kept
    assert not re.search(r"[a-df-zA-DF-Z]{3}", re.sub(r"\{[^}]*\}|<[^>]*>|&\w+;|%\(\w+\)s", "", text))
    assert i18n.pseudo("") == "" and i18n.pseudo("  ") == "  "
    i18n.set_language("pseudo")
    assert i18n._("Language") == i18n.pseudo("Language")
    assert i18n.ngettext("{n} minute", "{n} minutes", 2) == i18n.pseudo("{n} minutes")
