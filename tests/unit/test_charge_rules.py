"""Charge rules as data (issue 18, item 1): the bundled file loads and matches the charges it names, a bad file is
refused whole with located, plain problems, and an office's import is stored only when the whole file is good."""

from __future__ import annotations

from importlib import resources

import pytest

from app.content.charge_rules import (
    ChargeRules,
    ChargeRulesError,
    bundled_charge_rules,
    fold,
    load_charge_rules,
)
from app.content.templates import TemplateError
from app.core.screening_prompts import ChargeRulesLibrary
from app.core.workspace import Workspace

FOLDER = resources.files("app.content").joinpath("bundled/charge-rules")

GOOD = """\
id = "office-rules"
title = "Our office's list"
version = "2"
languages = ["en"]
source = "Agreed by the office, 2026"

[[rules]]
id = "false-id"
reason = "Charges like giving a false name are often linked to exploitation."
offense_words = ["false personation"]
statutes = ["PC 148.9"]
"""


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


def _problems(text: str) -> list[str]:
    with pytest.raises(ChargeRulesError) as caught:
        load_charge_rules(text, name="rules.toml")
    assert isinstance(caught.value, TemplateError)  # the dialogs show it like a template's problems
    assert caught.value.message.startswith("The charge rules “rules.toml” could not be used.")
    return [str(p) for p in caught.value.problems]


# --- the bundled rules ---------------------------------------------------------------------------------------------


def test_the_bundled_file_loads_and_speaks_of_charges_never_of_the_person() -> None:
    files = sorted(f.name for f in FOLDER.iterdir() if f.name.endswith(".toml"))
    assert files == ["often-linked-charges.toml"]
    (rules,) = bundled_charge_rules()
    assert rules.label == "often-linked-charges@1"
    assert [r.id for r in rules.rules] == ["trading-sex", "loitering", "theft", "drug-possession"]
    for rule in rules.rules:
        assert rule.reason.startswith("Charges ")
        assert rule.reason.endswith("are often linked to exploitation.")
        for word in ("victim", "suspect", "prostitute", "positive"):
            assert word not in rule.reason.lower()
        assert rule.statutes == []  # no state's law is written into Offramp


@pytest.mark.parametrize(
    ("offence", "expected"),
    [
        ("Loitering for the purpose of engaging in a prostitution offense", {"loitering", "trading-sex"}),
        ("LOITERING", {"loitering"}),
        ("Petit larceny", {"theft"}),
        ("Retail theft (shoplifting)", {"theft"}),
        ("Criminal possession of a controlled substance, 7th degree", {"drug-possession"}),
        ("Soliciting", {"trading-sex"}),
        ("Assault in the third degree", set()),
        ("Sale of a controlled substance", set()),
        ("", set()),
    ],
)
def test_the_bundled_rules_match_the_charges_they_name(offence: str, expected: set[str]) -> None:
    rules = ChargeRules(bundled_charge_rules())
    found = {m.rule.id for m in rules.matching([{"offence": offence, "statute": "", "level": "misdemeanor"}])}
    assert found == expected


def test_statutes_match_and_anything_that_is_not_a_charge_never_does() -> None:
    rules = ChargeRules([load_charge_rules(GOOD, name="good.toml")])
    assert [m.rule.id for m in rules.matching([{"offence": "Other", "statute": "pc 148.9(a)"}])] == ["false-id"]
    assert rules.matching([{"offence": "Obstruction", "statute": "PC 148"}]) == []
    assert rules.matching(["false personation", None, 3]) == []
    assert rules.matching({"offence": "false personation"}) == []  # not a list of charges
    assert rules.matching([{"offence": None, "statute": None}]) == []


def test_capitals_fold_like_sqlite_lower_so_python_and_sql_agree() -> None:
    assert fold("LOITERING Ó") == "loitering Ó"  # SQLite's lower() folds ASCII only


def test_an_office_set_with_a_bundled_id_replaces_it_and_a_new_id_adds_to_it() -> None:
    (bundled,) = bundled_charge_rules()
    replacement = load_charge_rules(GOOD.replace('"office-rules"', '"often-linked-charges"'), name="r.toml")
    rules = ChargeRules([bundled, replacement])
    assert [s.label for s in rules.sets] == ["often-linked-charges@2"]
    rules = ChargeRules([bundled, load_charge_rules(GOOD, name="good.toml")])
    assert [s.label for s in rules.sets] == ["often-linked-charges@1", "office-rules@2"]


# --- located problems ----------------------------------------------------------------------------------------------


def test_bad_toml_names_the_line() -> None:
    text = GOOD.replace('reason = "Charges', 'reason = Charges')
    (problem,) = _problems(text)
    assert problem.startswith(f"Line {_line_of(text, 'reason =')}: this is not valid TOML")


def test_every_problem_is_found_at_once_each_by_line_and_field() -> None:
    text = GOOD + """
[[rules]]
id = "fraud"
reason = "Charges like fraud are often linked to exploitation."
offense_words = ["ab", "Fraud"]
colour = "red"

[[rules]]
id = "nothing"
reason = "Charges like these are often linked to exploitation."
"""
    problems = _problems(text)
    words_line = _line_of(text, 'offense_words = ["ab"')
    short = f"Line {words_line}, rules[1].offense_words[0]: 'ab' is too short (expected at least 3 characters)."
    assert short in problems
    colour_line = _line_of(text, "colour")
    assert any(p.startswith(f"Line {colour_line}, rules[1].colour: 'colour' is not a field") for p in problems)
    nothing_line = _line_of(text, 'id = "nothing"') - 1  # the rule's [[rules]] line: the field is not written
    assert any(p.startswith(f"Line {nothing_line}, rules[2].offense_words: the rule matches nothing") for p in problems)
    assert len(problems) == 3


def test_a_reason_that_labels_the_person_and_repeats_are_refused_where_they_are() -> None:
    text = GOOD + """
[[rules]]
id = "false-id"
reason = "This person is probably a victim."
offense_words = ["Fraud", "FRAUD"]
"""
    problems = _problems(text)
    reason_line = _line_of(text, "probably a victim")
    labels = f"Line {reason_line}, rules[1].reason: 'victim' would label the person, and a prompt never does"
    assert any(p.startswith(labels) for p in problems)
    assert any("rules[1].offense_words[1]: 'FRAUD' is listed twice" in p for p in problems)
    fixed = text.replace("This person is probably a victim.", "Charges like fraud are often linked to exploitation.")
    fixed = fixed.replace('"Fraud", "FRAUD"', '"Fraud"')
    (duplicate,) = _problems(fixed)
    dup_line = [n for n, line in enumerate(fixed.splitlines(), start=1) if line == 'id = "false-id"'][1]
    assert duplicate == (
        f"Line {dup_line}, rules[1].id: the rule id 'false-id' is already used at rules[0] "
        "(expected each id only once)."
    )


def test_missing_fields_and_limits_say_what_is_expected() -> None:
    problems = _problems('id = "a-very-long-identifier-for-rules"\nversion = "1"\nlanguages = ["en"]\n')
    assert any(p.startswith("Line 1, id:") and "at most 24 characters" in p for p in problems)
    assert "title: is missing (expected a title in quotes)." in problems
    assert "rules: is missing (expected at least one [[rules]] table)." in problems
    assert "source: is missing (expected where the rules come from, in quotes)." in problems


def test_a_template_is_not_a_charge_rules_file() -> None:
    text = resources.files("app.content").joinpath("bundled/interview-checklist.toml").read_text(encoding="utf-8")
    problems = _problems(text)
    assert any("'kind' is not a field a charge rules file has here" in p for p in problems)


# --- the office's import, stored in the vault --------------------------------------------------------------------


def test_an_import_is_stored_and_in_force_and_a_bad_one_stores_nothing(workspace: Workspace) -> None:
    library = ChargeRulesLibrary(workspace)
    assert [s.label for s in library.in_force().sets] == ["often-linked-charges@1"]
    with pytest.raises(ChargeRulesError):
        library.import_text(GOOD.replace("[[rules]]", "[[rule]]"), name="bad.toml")
    assert library.imported() == []
    result = library.import_text(GOOD, name="ours.toml")
    assert (result.rules_id, result.version, result.outcome) == ("office-rules", "2", "added")
    assert library.import_text(GOOD, name="ours.toml").outcome == "unchanged"
    assert [s.label for s in library.imported()] == ["office-rules@2"]
    assert [s.label for s in library.in_force().sets] == ["often-linked-charges@1", "office-rules@2"]
    # The template library does not list charge rules as templates (they share the vault's store).
    assert all(t.id != "office-rules" for t in workspace.templates.available())
    actions = [e.action for e in workspace.history()]
    assert actions.count("charge_rules_imported") == 1


def test_the_bundled_version_cannot_be_replaced_but_a_new_version_can(workspace: Workspace) -> None:
    library = ChargeRulesLibrary(workspace)
    same = GOOD.replace('"office-rules"', '"often-linked-charges"').replace('version = "2"', 'version = "1"')
    with pytest.raises(ChargeRulesError, match="comes with Offramp"):
        library.import_text(same, name="same.toml")
    newer = same.replace('version = "1"', 'version = "1.1"')
    library.import_text(newer, name="newer.toml")
    assert [s.label for s in library.in_force().sets] == ["often-linked-charges@1.1"]


def test_a_version_in_force_when_a_prompt_was_answered_is_frozen(workspace: Workspace) -> None:
    from app.core.screening_prompts import ScreeningPromptService

    library = ChargeRulesLibrary(workspace)
    library.import_text(GOOD, name="ours.toml")
    edited = GOOD.replace('"false personation"', '"false personation", "false name"')
    assert library.import_text(edited, name="ours.toml").outcome == "replaced"  # unused: may still change

    pid = workspace.records.create("person", {"preferred_name": "Ari Fictional"}).id
    charges = [{"offence": "False personation", "statute": "", "level": "misdemeanor"}]
    matter = workspace.records.create("justice_contact", {"role": "defendant", "charges": charges}, person_id=pid)
    ScreeningPromptService(workspace).dismiss(matter.id, "Spoke with the advocate already.")
    assert library.uses("office-rules@2") == 1
    with pytest.raises(ChargeRulesError, match="was in force when a prompt was answered"):
        library.import_text(GOOD, name="ours.toml")
    assert library.import_text(edited, name="ours.toml").outcome == "unchanged"
    assert library.import_text(edited.replace('version = "2"', 'version = "3"'), name="ours.toml").outcome == "added"
    assert [s.label for s in library.in_force().sets] == ["often-linked-charges@1", "office-rules@3"]
