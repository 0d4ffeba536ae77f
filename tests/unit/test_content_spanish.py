"""The bundled charge rules and record-relief rules in Spanish (issue 19): the same rules in other words.

A language version sits in ``bundled/<language>/<kind>/`` under the English file's name, with the same ids, version,
phrases, levels and limits; only what a person reads differs. The phrases stay in English: they are matched against
charges as US courts write them. The app's language picks the version; an office's own file is never replaced.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
import tomllib
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from app.content import charge_rules, relief_rules, rule_files
from app.content.charge_rules import ChargeRules, ChargeRuleSet, bundled_charge_rules, load_charge_rules
from app.content.relief_rules import JurisdictionRules, bundled_rules, load_rule_files, load_rules
from app.core import i18n
from app.core.relief import ReliefService
from app.core.screening_prompts import ChargeRulesLibrary, ScreeningPromptService
from app.core.workspace import Workspace
from tests.unit.test_copy_language import BANNED_ES

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 3, 2)
#: "tú" forms: the Spanish speaks to the reader as "usted".
INFORMAL = re.compile(r"\b(tú|tienes|puedes|quieres|debes|escribe|elige|pulsa|reemplaza|habla|tu|tus)\b", re.I)
#: Words that would show an English sentence left in a Spanish text.
ENGLISH = re.compile(r"\b(the|and|of|with|are|often|linked|charges|example|made up|not)\b", re.I)


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    i18n.set_language(i18n.DEFAULT)


def _charge_words(rule_set: ChargeRuleSet) -> list[str]:
    return [rule_set.title, rule_set.source, *(r.reason for r in rule_set.rules)]


def _relief_words(rules: JurisdictionRules) -> list[str]:
    words = [rules.title, rules.notice, rules.source]
    for relief in rules.reliefs:
        words += [relief.title, *relief.offences, *([relief.notes] if relief.notes else []), relief.citation]
    return words


KINDS = [
    (charge_rules.BUNDLED_FOLDER, load_charge_rules, charge_rules.shape, _charge_words),
    (relief_rules.BUNDLED_FOLDER, load_rules, relief_rules.shape, _relief_words),
]


# --- every English file and rule has its Spanish version ------------------------------------------------------------


@pytest.mark.parametrize(("folder", "load", "shape", "words"), KINDS, ids=["charge-rules", "relief"])
def test_every_bundled_rules_file_has_a_spanish_version_of_the_same_shape(folder, load, shape, words) -> None:  # type: ignore[no-untyped-def]
    english = dict(rule_files._read(folder, load))
    spanish = rule_files.language_versions(folder, load, "es")
    assert english and set(spanish) == set(english), "each English file has a Spanish file of the same name"
    for name, original in english.items():
        version = spanish[name]
        # The same ids, version, phrases, levels and limits: a rule added to (or changed in) the English file without
        # its Spanish fails here, instead of the Spanish app quietly falling back to the English file.
        assert shape(version) == shape(original), name
        untranslated = [w for w, e in zip(words(version), words(original), strict=True) if w == e]
        assert untranslated == [], name
        left_in_english = [w for w in words(version) if ENGLISH.search(w)]
        assert left_in_english == [], name


def test_the_spanish_follows_the_language_rules() -> None:
    texts = [*_charge_words(bundled_charge_rules("es")[0]), *_relief_words(bundled_rules("es")[0])]
    assert [t for t in texts if BANNED_ES.search(t)] == []
    assert [t for t in texts if INFORMAL.search(t)] == []
    assert INFORMAL.search("Reemplaza estas reglas") and BANNED_ES.search("la víctima")  # the checks can fail


def test_the_spanish_charge_rules_keep_the_english_phrases_and_say_their_language() -> None:
    (english,) = bundled_charge_rules("en")
    (spanish,) = bundled_charge_rules("es")
    assert spanish.languages == ["es"] and english.languages == ["en"]
    assert (spanish.id, spanish.version, spanish.label) == (english.id, english.version, "often-linked-charges@1")
    assert ChargeRules([spanish]).offense_words == ChargeRules([english]).offense_words


# --- the app's language picks the version -----------------------------------------------------------------------------


def test_in_spanish_the_charge_rules_title_and_every_reason_are_spanish_and_match_english_charges() -> None:
    i18n.set_language("es")
    (rules,) = bundled_charge_rules()
    assert rules.title == "Cargos que a menudo están vinculados con la explotación"
    assert [r.id for r in rules.rules] == ["trading-sex", "loitering", "theft", "drug-possession"]
    assert all(r.reason.startswith("Los cargos") for r in rules.rules)
    charges = [
        {"offence": "Loitering for the purpose of prostitution", "statute": "", "level": "misdemeanor"},
        {"offence": "PETIT LARCENY", "statute": None},
    ]
    matched = ChargeRules(bundled_charge_rules()).matching(charges)
    assert [m.rule.id for m in matched] == ["trading-sex", "loitering", "theft"]
    assert (
        matched[1].rule.reason == "Los cargos como el merodeo (loitering) a menudo están vinculados con la explotación."
    )
    assert {m.rule_set.label for m in matched} == {"often-linked-charges@1"}


def test_in_spanish_the_relief_rules_the_person_sees_are_spanish_with_the_same_limits() -> None:
    i18n.set_language("es")
    (rules,) = bundled_rules()
    (english,) = bundled_rules("en")
    assert (rules.jurisdiction, rules.version, rules.example) == ("EXAMPLE", "1", True)
    assert rules.title == "Estado de Ejemplo"
    assert "no es asesoría legal" in rules.notice
    assert [r.id for r in rules.reliefs] == [r.id for r in english.reliefs]
    assert rules.relief("vacatur").title == "Anulación (vacatur) de condenas vinculadas con la trata"
    for relief in rules.reliefs:
        assert "inventado" in relief.citation, "no citation may look like a real statute, in Spanish too"
        assert relief.time_limit == english.relief(relief.id).time_limit
    assert relief_rules.default_rule_book().get("EXAMPLE") == rules


def test_in_spanish_the_prompt_gives_the_spanish_reason_for_an_english_charge(workspace: Workspace) -> None:
    i18n.set_language("es")
    pid = workspace.records.create("person", {"preferred_name": "Ari Fictional"}).id
    charges = [{"offence": "Shoplifting", "statute": "", "level": "misdemeanor"}]
    workspace.records.create("justice_contact", {"role": "defendant", "charges": charges}, person_id=pid)
    (offer,) = ScreeningPromptService(workspace).offers(pid)
    assert offer.reasons == (
        "Los cargos como el robo o el hurto en tiendas a menudo están vinculados con la explotación.",
    )
    assert offer.rules_version == "often-linked-charges@1"  # the same label in every language
    assert offer.text.startswith(offer.reasons[0])


def test_in_spanish_the_relief_options_and_the_list_of_rules_are_spanish(workspace: Workspace) -> None:
    i18n.set_language("es")
    pid = workspace.records.create("person", {"preferred_name": "Jordan Example"}).id
    svc = ReliefService(workspace, today=lambda: TODAY)
    case_id = svc.open_case(pid, "EXAMPLE")
    charge_id = svc.add_charge(case_id, {"level": "misdemeanor", "disposition_date": "2025-01-20"})
    overview = svc.overview(pid)
    assert overview.jurisdictions[0][0] == "EXAMPLE"
    assert overview.jurisdictions[0][1].startswith("Estado de Ejemplo")
    options = overview.cases[0].options[charge_id]
    assert [(o.relief.id, o.last_day) for o in options] == [
        ("vacatur", None), ("expungement", dt.date(2030, 1, 20)), ("sealing", dt.date(2028, 1, 20)),
    ]  # fmt: skip
    assert options[0].words.startswith("Anulación (vacatur) de condenas vinculadas con la trata: ")
    assert options[2].words.startswith("Sellado del antecedente para que no sea público: ")


# --- English unchanged, offices' files never replaced, a stale version never used ------------------------------------


@pytest.mark.parametrize("language", ["en", "pseudo", "fr"])
def test_in_english_and_without_a_version_the_english_files_as_they_were(language: str) -> None:
    i18n.set_language(language)
    (charges,) = bundled_charge_rules()
    (relief,) = bundled_rules()
    assert charges.title == "Charges often linked to exploitation" and charges.languages == ["en"]
    assert charges.rules[1].reason == "Charges like loitering are often linked to exploitation."
    assert relief.title == "Example State"
    assert relief.relief("sealing").title == "Sealing from public view"
    assert bundled_charge_rules("en")[0] is charges  # read once, the same file
    assert bundled_charge_rules("xx")[0] is charges


def test_an_office_file_is_never_replaced_by_the_spanish_version(workspace: Workspace) -> None:
    i18n.set_language("es")
    office = (
        'id = "often-linked-charges"\ntitle = "Our office\'s list"\nversion = "2"\nlanguages = ["en"]\n'
        'source = "Agreed by the office, 2026"\n\n[[rules]]\nid = "loitering"\n'
        'reason = "Charges like loitering are often linked to exploitation."\noffense_words = ["loiter"]\n'
    )
    ChargeRulesLibrary(workspace).import_text(office, name="ours.toml")
    (in_force,) = ChargeRulesLibrary(workspace).in_force().sets
    assert (in_force.title, in_force.version) == ("Our office's list", "2")

    text = (ROOT / "app/content/bundled/relief/example-state.toml").read_text(encoding="utf-8")
    ours = text.replace('title = "Example State"', 'title = "Our Example State"')
    book = load_rule_files([("ours.toml", ours)], base=bundled_rules())
    assert book.get("EXAMPLE").title == "Our Example State"  # type: ignore[union-attr]
    assert book.get("EXAMPLE").relief("sealing").title == "Sealing from public view"  # type: ignore[union-attr]


def test_a_language_version_that_no_longer_has_the_english_shape_is_not_used() -> None:
    folder = charge_rules.BUNDLED_FOLDER
    # A shape the two files differ in (their "languages") stands for an English file changed after its Spanish.
    (chosen,) = rule_files.bundled(folder, load_charge_rules, lambda s: (s.id, s.languages), language="es")
    assert chosen.languages == ["en"] and chosen.title == "Charges often linked to exploitation"
    (chosen,) = rule_files.bundled(folder, load_charge_rules, lambda s: (s.id, s.version), language="es")
    assert chosen.languages == ["es"]


# --- shipped ----------------------------------------------------------------------------------------------------------


def test_the_spanish_files_are_package_data_and_in_the_bundle() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    globs = pyproject["tool"]["setuptools"]["package-data"]["app.content"]
    bundled = ROOT / "app" / "content"
    files = sorted(p.relative_to(bundled).as_posix() for p in (bundled / "bundled").rglob("*.toml"))
    assert "bundled/es/charge-rules/often-linked-charges.toml" in files
    assert "bundled/es/relief/example-state.toml" in files
    # setuptools globs: "*" stays inside one folder, as fnmatch does once each part is matched on its own.
    unshipped = [
        f for f in files
        if not any(len(g.split("/")) == len(f.split("/"))
                   and all(fnmatch.fnmatchcase(a, b) for a, b in zip(f.split("/"), g.split("/"), strict=True))
                   for g in globs)
    ]  # fmt: skip
    assert unshipped == []
    spec = (ROOT / "installer" / "offramp.spec").read_text(encoding="utf-8")
    assert 'files("app/content/bundled", "*.toml")' in spec  # rglob: every folder below bundled/
    assert resources.files("app.content").joinpath("bundled/es/relief/example-state.toml").is_file()


def test_a_spanish_reason_that_labels_the_person_is_refused_too() -> None:
    (spanish,) = bundled_charge_rules("es")
    text = (ROOT / "app/content/bundled/es/charge-rules/often-linked-charges.toml").read_text(encoding="utf-8")
    assert load_charge_rules(text, name="es.toml") == spanish
    for said in ("Esta persona es probablemente una víctima.", "Una persona SOSPECHOSA de trata."):
        labelling = text.replace(spanish.rules[1].reason, said)
        with pytest.raises(charge_rules.ChargeRulesError, match="would label the person"):
            load_charge_rules(labelling, name="es.toml")
