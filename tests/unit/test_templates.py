"""Templates as data: the bundled checklist and example screening load, say the right things, and bad files are
refused with located, plain problems (issue 5, items 1-3; DOMAIN.md sections 1, 2 and 8)."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.content.templates import (
    ANSWER_TYPES,
    CHECKLIST_ANSWERS,
    INDICATOR_ANSWERS,
    Template,
    TemplateError,
    TemplateProblem,
    bundled_templates,
    load_template,
)
from app.errors import OfframpError

BUNDLED = resources.files("app.content").joinpath("bundled")


def _source(name: str) -> str:
    return BUNDLED.joinpath(name).read_text(encoding="utf-8")


def _by_id(template_id: str) -> Template:
    return next(t for t in bundled_templates() if t.id == template_id)


def _strings(value: Any) -> list[str]:
    """Every string inside a dumped template, however deep."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list | tuple):
        return [s for v in value for s in _strings(v)]
    return []


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if needle in line)


# --- the bundled templates -------------------------------------------------------------------------------------------


def test_every_bundled_file_loads() -> None:
    files = sorted(f.name for f in BUNDLED.iterdir() if f.name.endswith(".toml"))
    assert files == ["example-indicator-screening.toml", "interview-checklist.toml"]
    templates = bundled_templates()
    assert [t.id for t in templates] == ["example-indicator-screening", "interview-checklist"]
    for name, template in zip(files, templates, strict=True):
        assert load_template(_source(name), name=name) == template
        assert template.version == "1"
        assert name == f"{template.id}.toml"


def test_item_ids_are_unique_and_answers_are_the_fixed_sets() -> None:
    for template in bundled_templates():
        ids = [item.id for item in template.items()]
        assert len(ids) == len(set(ids)), template.id
        for item in template.items():
            assert item.answer_type in ANSWER_TYPES
            expected = CHECKLIST_ANSWERS if template.kind == "checklist" else INDICATOR_ANSWERS
            assert item.answers == expected
            assert "declined" in item.answers  # declining is always an answer, never "no"


def test_the_checklist_has_before_during_and_after() -> None:
    checklist = _by_id("interview-checklist")
    assert checklist.kind == "checklist"
    assert [s.phase for s in checklist.sections] == ["before", "during", "after"]
    before = " ".join(i.text for i in checklist.sections[0].items).lower()
    for needed in ("private", "door", "as few people", "only note-taker", "advocate", "under 18", "child advocacy"):
        assert needed in before, needed
    during = " ".join(i.text for i in checklist.sections[1].items).lower()
    for needed in ("where would you like to start", "no “why” questions", "breaks", "pause or stop", "no outcome"):
        assert needed in during, needed


def test_the_interpreter_is_never_family_another_victim_or_linked_to_the_trafficker() -> None:
    checklist = _by_id("interview-checklist")
    text = checklist.item("interpreter-neutral").text.lower()
    for needed in ("qualified", "neutral", "family", "another victim", "linked to the trafficker"):
        assert needed in text, needed
    assert "prefer" in checklist.item("interpreter-preference").text
    assert "briefed" in checklist.item("interpreter-briefed").text


PROMISES = re.compile(
    r"\b(?:will|would|is|are|stays?|remains?)\s+(?:be\s+)?(?:kept\s+)?(?:confidential|secret|private)\b"
    r"|\bin confidence\b|\bbetween us\b|\bnever (?:be )?shared\b|\bwe(?: will)? keep (?:it|this|everything)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    ("text", "promises"),
    [
        ("What you say will stay confidential.", True),
        ("It will be kept secret.", True),
        ("Everything stays private.", True),
        ("This is between us.", True),
        ("We cannot promise to keep it private: it may have to be shared.", False),
    ],
)
def test_the_promise_detector(text: str, promises: bool) -> None:
    assert bool(PROMISES.search(text)) is promises


def test_prosecution_wording_never_promises_confidentiality() -> None:
    worded = [i for t in bundled_templates() for i in t.items() if i.text_by_regime is not None]
    assert {i.id for i in worded} == {"roles-and-limits", "limits-confirmed"}
    for item in worded:
        prosecution = item.text_for("prosecution")
        assert prosecution == item.text_by_regime.prosecution  # type: ignore[union-attr]
        assert not PROMISES.search(prosecution), prosecution
        assert "defense" in prosecution  # says where it may go
        assert item.text_for("advocacy") != prosecution
        assert "confidential" in item.text_for("advocacy")
        assert item.text_for(None) == item.text
    roles = _by_id("interview-checklist").item("roles-and-limits").text_for("prosecution")
    assert "cannot promise" in roles


def test_the_after_section_must_hold_safety_next_contact_and_consent() -> None:
    after = _by_id("interview-checklist").sections[-1]
    assert after.phase == "after"
    required = {i.id: i.text for i in after.items if i.required_for_completion}
    assert {"safety-check", "next-contact", "consent-decisions", "limits-confirmed", "referrals-offered"} <= set(
        required
    )
    assert "Do you feel in danger right now?" in required["safety-check"]
    assert "tonight" in required["safety-check"]
    assert "phone safe" in required["next-contact"] and "message" in required["next-contact"]
    assert "chose not to share" in required["consent-decisions"]
    assert "declined" in CHECKLIST_ANSWERS  # a consent decision may be "declined" and still count as answered
    assert not _by_id("interview-checklist").item("staff-self-care").required_for_completion


def test_the_example_screening_is_labelled_short_and_grouped_by_domain() -> None:
    screening = _by_id("example-indicator-screening")
    assert screening.kind == "screening"
    for label in (screening.title, screening.source, screening.licence_note):
        assert "example" in label.lower()
    assert "replace" in screening.title.lower() and "validated" in screening.title.lower()
    assert "not validated" in screening.licence_note.lower()
    assert 12 <= len(screening.items()) <= 16  # ask only what is needed
    assert {d.id for d in screening.domains} == {
        "work-living",
        "debt-money",
        "violence",
        "isolation-control",
        "sex-exploitation",
        "migration-recruitment",
        "observed-account",
    }
    used = {item.domain for item in screening.items()}
    assert used == {d.id for d in screening.domains}  # every domain has at least one item
    rules = {step.rule: step.text for step in screening.next_steps}
    assert rules["any_yes_in_domain:violence"].startswith("Check safety now")
    assert "child advocacy center" in rules["minor"]
    assert "Offer a fuller, private conversation when the person is ready." in [
        s.text for s in screening.next_steps if s.rule == "any_yes"
    ]
    text = " ".join(_strings(screening.model_dump())).lower()
    for word in ("victim", "positive", "score"):
        assert not re.search(rf"\b{word}", text), word


BANNED = re.compile(
    r"\b(prostitute|child prostitute|underage sex worker|illegal alien|refused|refuses|non-?compliant|uncooperative"
    r"|rescued|sex slave|confirmed victim|positive|addict)\b",
    re.IGNORECASE,
)


def test_no_bundled_text_uses_words_section_8_rules_out() -> None:
    found = [s for t in bundled_templates() for s in _strings(t.model_dump()) if BANNED.search(s)]
    assert found == []
    for f in BUNDLED.iterdir():  # the comments in the files too
        if f.name.endswith(".toml"):
            assert not BANNED.search(f.read_text(encoding="utf-8")), f.name


# --- malformed templates -----------------------------------------------------------------------------------------

SCREENING = _source("example-indicator-screening.toml")
CHECKLIST = _source("interview-checklist.toml")


def _refused(text: str) -> TemplateError:
    with pytest.raises(TemplateError) as caught:
        load_template(text, name="office.toml")
    error = caught.value
    assert isinstance(error, OfframpError)
    assert error.problems and all(isinstance(p, TemplateProblem) for p in error.problems)
    assert error.message.startswith("The template “office.toml” could not be used. ")
    assert str(error.problems[0]) in error.message
    return error


def test_bad_toml_names_the_line() -> None:
    text = SCREENING.replace('id = "money"\n', 'id = "money\n', 1)
    error = _refused(text)
    line = _line_of(text, 'id = "money')
    assert error.problems[0].line == line
    assert f"Line {line}: this is not valid TOML" in error.message
    assert "expected every quote and bracket closed" in error.message


def test_toml_error_at_the_end_of_the_file_names_the_last_line() -> None:
    error = _refused('id = "x"\ntitle = ')
    assert error.problems[0].line == 2


def test_missing_field() -> None:
    text = SCREENING.replace('title = "Money"\n', "", 1)
    error = _refused(text)
    line = _line_of(text, 'id = "money"') - 1  # the [[sections]] header of that section
    assert (error.problems[0].line, error.problems[0].field) == (line, "sections[1].title")
    assert f"Line {line}, sections[1].title: is missing (expected a short title in quotes)." in error.message


def test_missing_top_level_field_has_no_line_but_names_the_field() -> None:
    error = _refused(SCREENING.replace('kind = "screening"\n', "", 1))
    assert error.problems[0].line is None
    assert "kind: is missing (expected checklist or screening)." in error.message


def test_duplicate_item_id() -> None:
    text = SCREENING.replace('id = "pay-withheld"', 'id = "owe-money"')
    error = _refused(text)
    second = [n for n, line in enumerate(text.splitlines(), 1) if line == 'id = "owe-money"'][1]
    assert error.problems[0].line == second
    assert (
        f"Line {second}, sections[1].items[1].id: the item id 'owe-money' is already used at sections[1].items[0] "
        "(expected each id only once)." in error.message
    )


def test_duplicate_id_across_sections() -> None:
    text = CHECKLIST.replace('id = "debrief"', 'id = "private-place"')
    error = _refused(text)
    assert error.problems[0].field == "sections[2].items[5].id"
    assert "already used at sections[0].items[0]" in error.message


def test_unknown_answer_type() -> None:
    text = SCREENING.replace(
        'answer_type = "indicator"\ndomain = "debt-money"', 'answer_type = "maybe"\ndomain = "debt-money"', 1
    )
    error = _refused(text)
    line = _line_of(text, '"maybe"')
    assert (
        f"Line {line}, sections[1].items[0].answer_type: 'maybe' is not an answer type "
        "(expected indicator, checklist, text or choice)." in error.message
    )


def test_unknown_domain() -> None:
    text = SCREENING.replace('domain = "violence"', 'domain = "violense"', 1)
    error = _refused(text)
    line = _line_of(text, "violense")
    assert (
        f"Line {line}, sections[2].items[0].domain: 'violense' is not one of this template's domains" in error.message
    )
    assert "(expected work-living, debt-money, violence," in error.message


def test_screening_item_without_a_domain() -> None:
    text = SCREENING.replace('domain = "violence"\n', "", 1)
    error = _refused(text)
    assert error.problems[0].field == "sections[2].items[0].domain"
    assert error.problems[0].line == _line_of(text, 'id = "hurt"') - 1
    assert "is missing for a screening item" in error.message


def test_unknown_next_step_rule() -> None:
    text = SCREENING.replace('rule = "minor"', 'rule = "two_yes"')
    error = _refused(text)
    line = _line_of(text, "two_yes")
    assert (
        f"Line {line}, next_steps[3].rule: 'two_yes' is not a next-step rule "
        "(expected any_yes, any_yes_in_domain:<domain id> or minor)." in error.message
    )


def test_next_step_rule_naming_an_unknown_domain() -> None:
    text = SCREENING.replace("any_yes_in_domain:violence", "any_yes_in_domain:money")
    error = _refused(text)
    line = _line_of(text, "any_yes_in_domain:money")
    assert f"Line {line}, next_steps[2].rule: 'money' is not one of this template's domains" in error.message


def test_unknown_field_lists_what_is_allowed() -> None:
    text = SCREENING.replace('rule = "minor"', 'rule = "minor"\ncolour = "red"')
    error = _refused(text)
    line = _line_of(text, "colour")
    assert f"Line {line}, next_steps[3].colour: 'colour' is not a field a template has here" in error.message
    assert "(expected only id, text or rule)." in error.message


def test_wrong_value_types_are_located() -> None:
    error = _refused(SCREENING.replace('version = "1"', "version = 1"))
    assert 'Line 7, version: 1 is not text (expected a version in quotes, such as version = "1").' in error.message
    text = CHECKLIST.replace("required_for_completion = true", 'required_for_completion = "yes"', 1)
    error = _refused(text)
    assert error.problems[0].line == _line_of(text, '"yes"')
    assert "is not true or false (expected true or false, without quotes)" in error.message


def test_checklist_rules() -> None:
    error = _refused(CHECKLIST.replace('phase = "during"\n', ""))
    assert "sections[1].phase: is missing for a checklist section (expected before, during or after)." in error.message
    text = CHECKLIST.replace(
        'id = "debrief"\ntext = "A short debrief with the person: how they are feeling now, and what happens next."\n'
        'answer_type = "checklist"',
        'id = "debrief"\ntext = "Something"\nanswer_type = "choice"',
    )
    error = _refused(text)
    assert "sections[2].items[5].choices: is missing for a 'choice' item" in error.message
    assert error.problems[0].line == _line_of(text, 'id = "debrief"') - 1


def test_regime_wording_needs_both_regimes() -> None:
    error = _refused(CHECKLIST.replace('advocacy = "The person was told', 'advocates = "The person was told'))
    fields = {p.field for p in error.problems}
    assert fields == {"sections[2].items[4].text_by_regime.advocacy", "sections[2].items[4].text_by_regime.advocates"}


def test_inline_tables_are_located_by_their_id() -> None:
    text = (
        'id = "t"\ntitle = "T"\nversion = "2"\nkind = "checklist"\nsource = "us"\nlicence_note = "ours"\n'
        'population = "adult"\nmode = "interview_questions"\nlanguages = ["en"]\n'
        "sections = [\n"
        '  { id = "s", title = "S", phase = "after", items = [\n'
        '    { id = "a", text = "A", answer_type = "checklist" },\n'
        '    { id = "b", text = "B", answer_type = "sometimes" },\n'
        "  ] },\n"
        "]\n"
    )
    error = _refused(text)
    assert error.problems[0].line == 13
    assert error.problems[0].field == "sections[0].items[1].answer_type"


def test_an_empty_file_lists_what_is_missing_and_counts_the_rest() -> None:
    error = _refused("")
    assert len(error.problems) > 3
    assert f"And {len(error.problems) - 3} more problems." in error.message


def test_the_library_can_raise_a_plain_template_error() -> None:
    error = TemplateError("Version 2 of the template 'x' is not on this computer.", problems=[])
    assert error.problems == [] and error.message.startswith("Version 2")


def test_a_text_item_has_no_fixed_answers() -> None:
    text = CHECKLIST.replace(
        'id = "debrief"\ntext = "A short debrief with the person: how they are feeling now, and what happens next."\n'
        'answer_type = "checklist"',
        'id = "debrief"\ntext = "Notes"\nanswer_type = "text"',
    )
    assert load_template(text, name="x").item("debrief").answers == ()


# --- junk never escapes as anything but TemplateError ---------------------------------------------------------------


def _load_or_refuse(text: str) -> None:
    try:
        load_template(text, name="junk.toml")
    except TemplateError as error:
        assert error.message.startswith("The template “junk.toml” could not be used.")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_random_text_only_ever_raises_template_error(text: str) -> None:
    _load_or_refuse(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    which=st.sampled_from([SCREENING, CHECKLIST]),
    at=st.floats(min_value=0, max_value=1),
    cut=st.integers(min_value=0, max_value=40),
    junk=st.text(alphabet=st.sampled_from(list("[]{}=\"'.,#\n abc-_1tru")), max_size=20),
)
def test_damaged_templates_only_ever_raise_template_error(which: str, at: float, cut: int, junk: str) -> None:
    pos = int(at * len(which))
    _load_or_refuse(which[:pos] + junk + which[pos + cut :])
