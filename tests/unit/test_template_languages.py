"""The bundled checklist and example screening in Spanish (issue 19): the same template in other words.

A language version has the same id, version, kind and ids as the English file, so an answer given while reading
one fits the other; every text is translated; the Spanish follows DOMAIN.md section 8 in Spanish. The app's
language picks the version a session is read in.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.content.templates import Template, bundled_language_versions, bundled_templates, in_language
from app.core import i18n
from app.core.workspace import Workspace
from tests.unit.test_copy_language import BANNED_ES


def _shape(template: Template) -> Any:
    """Everything of a template but its words."""
    return (
        template.id, template.version, template.kind, template.population, template.mode,
        [d.id for d in template.domains],
        [
            (s.id, s.phase, [
                (i.id, i.answer_type, i.domain, i.required_for_completion, i.text_by_regime is None)
                for i in s.items
            ])
            for s in template.sections
        ],
        [(n.id, n.rule) for n in template.next_steps],
    )  # fmt: skip


def _words(template: Template) -> list[str]:
    words = [template.title, template.source, template.licence_note]
    words += [d.title for d in template.domains]
    for section in template.sections:
        words += [section.title, *([section.help] if section.help else [])]
        for item in section.items:
            words += [item.text, *([item.help] if item.help else [])]
            if item.text_by_regime is not None:
                words += [item.text_by_regime.prosecution, item.text_by_regime.advocacy]
    words += [n.text for n in template.next_steps]
    return words


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language(i18n.DEFAULT)


def test_each_bundled_template_has_a_spanish_version_of_the_same_shape() -> None:
    spanish = {t.id: t for t in bundled_language_versions() if t.languages == ["es"]}
    english = {t.id: t for t in bundled_templates()}
    assert set(spanish) == set(english) == {"interview-checklist", "example-indicator-screening"}
    for template_id, original in english.items():
        version = spanish[template_id]
        assert _shape(version) == _shape(original), template_id
        assert original.languages == ["en"]
        untranslated = [w for w, e in zip(_words(version), _words(original), strict=True) if w == e]
        assert untranslated == [], template_id


def test_the_spanish_follows_the_language_rules() -> None:
    offending = [w for t in bundled_language_versions() for w in _words(t) if BANNED_ES.search(w)]
    assert offending == []
    assert BANNED_ES.search("otra víctima")  # what the English "another victim" must not become


def test_the_language_asked_for_picks_the_version() -> None:
    checklist = next(t for t in bundled_templates() if t.id == "interview-checklist")
    assert in_language(checklist, ["es"]).title.startswith("Lista para la entrevista")
    assert in_language(checklist, ["en", "es"]) is checklist  # English first: the template as it is
    assert in_language(checklist, ["fr"]) is checklist  # no French: as it is
    office = checklist.model_copy(update={"id": "office-checklist"})
    assert in_language(office, ["es"]) is office  # an office's template is used as it was given


def test_a_session_is_read_in_the_apps_language(workspace: Workspace) -> None:
    ws = workspace
    pid = ws.records.create("person", {"preferred_name": "Sam Fictional", "languages": ["Spanish"]}).id
    rid = ws.sessions.start(pid, "checklist", "interview-checklist", "1")
    ws.sessions.answer("checklist_response", rid, "private-place", "done")
    assert ws.sessions.view("checklist_response", rid).template.title.startswith("Interview checklist")
    i18n.set_language("es")
    view = ws.sessions.view("checklist_response", rid)
    assert view.template.title == "Lista para la entrevista: antes, durante y después"
    assert view.answer("private-place") == "done"  # the same answers, read in Spanish
    titles = [t.title for t in ws.sessions.templates("screening")]
    assert titles == [next(t for t in bundled_language_versions() if t.kind == "screening").title]
