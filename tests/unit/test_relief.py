"""Record relief: jurisdiction rules as data, cases and their status list, charges, petitions, decisions per
charge, and deadlines computed from the rules or entered by hand, in a real SQLCipher vault.

Everything here is fictional: the bundled "Example State" rules are made up, and so is every person and docket.
"""

from __future__ import annotations

import datetime as dt
import typing

import pytest

from app.content.relief_rules import (
    LEVELS,
    Relief,
    RuleBook,
    RulesError,
    add_years,
    bundled_rules,
    load_rule_files,
    load_rules,
)
from app.core.people import CaseloadFilter, PeopleService
from app.core.relief import STATUS_WORDS, TRANSITIONS, ReliefService, next_statuses
from app.core.timeline import person_timeline
from app.errors import ValidationError
from app.models import AuditEvent, NoteEntry, OutboxEntry, ReliefCaseStatus
from app.models.base import Envelope

TODAY = dt.date(2026, 3, 2)


def example_text() -> str:
    from importlib import resources

    return resources.files("app.content").joinpath("bundled/relief/example-state.toml").read_text(encoding="utf-8")


@pytest.fixture
def svc(workspace) -> ReliefService:  # type: ignore[no-untyped-def]
    return ReliefService(workspace, today=lambda: TODAY)


@pytest.fixture
def person(workspace) -> str:  # type: ignore[no-untyped-def]
    return workspace.records.create("person", {"preferred_name": "Jordan Example"}).id


def count_rows(workspace, cls: type[Envelope]) -> int:  # type: ignore[no-untyped-def]
    with workspace.session() as s:
        return s.query(cls).count()


# --- rules as data ----------------------------------------------------------------------------------------------


def test_the_bundled_rules_load_and_say_plainly_they_are_an_example() -> None:
    (rules,) = bundled_rules()
    assert rules.jurisdiction == "EXAMPLE" and rules.example is True
    assert rules.title == "Example State"
    assert "not legal advice" in rules.notice.lower() and "replace" in rules.notice.lower()
    assert {r.kind for r in rules.reliefs} == {"vacatur", "expungement", "sealing"}
    for relief in rules.reliefs:
        assert "made up" in relief.citation, "no citation may look like a real statute"
    sealing = rules.relief("sealing")
    assert sealing.time_limit.words() == "Within 3 years of the disposition"
    assert rules.relief("vacatur").time_limit.words() == "No time limit"
    assert [r.id for r in rules.reliefs_for("felony")] == ["vacatur", "sealing"]
    assert [r.id for r in rules.reliefs_for("juvenile", "expungement")] == ["expungement"]


def test_the_levels_a_relief_covers_are_the_levels_a_charge_stores() -> None:
    annotation = Relief.model_fields["levels"].annotation
    (literal,) = typing.get_args(annotation)
    assert set(typing.get_args(literal)) == set(LEVELS)


def test_a_time_limit_counts_years_from_its_date_and_leap_days_land_on_the_28th() -> None:
    sealing = bundled_rules()[0].relief("sealing")
    assert sealing.time_limit.due(disposition=dt.date(2021, 6, 15), arrest=None) == dt.date(2024, 6, 15)
    assert sealing.time_limit.due(disposition=None, arrest=dt.date(2021, 6, 15)) is None
    assert add_years(dt.date(2024, 2, 29), 3) == dt.date(2027, 2, 28)


def test_a_malformed_rules_file_is_refused_with_every_problem_located() -> None:
    text = (
        example_text()
        .replace("hearing_required = true", 'hearing_required = "yes"')
        .replace('years = 5, counted_from = "disposition"', "years = 5")
        .replace('kind = "sealing"', 'kind = "seal"')
        .replace('levels = ["felony", "misdemeanor", "violation"]', 'levels = ["felony", "parking"]')
    )
    lines = text.splitlines()
    with pytest.raises(RulesError) as caught:
        load_rules(text, name="office-rules.toml")
    problems = {p.field: p for p in caught.value.problems}
    assert set(problems) == {
        "reliefs[0].hearing_required",
        "reliefs[1].time_limit.counted_from",
        "reliefs[2].kind",
        "reliefs[2].levels[1]",
    }
    assert "hearing_required" in lines[problems["reliefs[0].hearing_required"].line - 1]  # type: ignore[operator]
    assert 'kind = "seal"' in lines[problems["reliefs[2].kind"].line - 1]  # type: ignore[operator]
    assert problems["reliefs[2].kind"].expected == "vacatur, expungement, sealing or other"
    assert "within_years" in problems["reliefs[1].time_limit.counted_from"].problem
    message = caught.value.message
    assert message.startswith("The relief rules “office-rules.toml” could not be used.")
    assert "Line " in message and "And 1 more problem." in message


def test_broken_toml_unknown_fields_and_duplicate_ids_are_named() -> None:
    with pytest.raises(RulesError) as caught:
        load_rules('jurisdiction = "X"\ntitle = "Broken\n', name="broken.toml")
    assert caught.value.problems[0].line == 2 and "not valid TOML" in caught.value.problems[0].problem

    text = example_text().replace("remind_days_before = 14", "remind_days_before = 14\nremind_by_pigeon = true")
    with pytest.raises(RulesError) as caught:
        load_rules(text, name="x.toml")
    (problem,) = caught.value.problems
    assert problem.field == "deadlines.remind_by_pigeon" and "'remind_by_pigeon' is not a field" in problem.problem
    assert problem.line is not None and "remind_by_pigeon" in text.splitlines()[problem.line - 1]

    with pytest.raises(RulesError) as caught:
        load_rules(example_text().replace('id = "sealing"', 'id = "vacatur"'), name="x.toml")
    (problem,) = caught.value.problems
    assert problem.field == "reliefs[2].id" and "already used at reliefs[0]" in problem.problem


def test_one_bad_file_loads_nothing_and_two_files_for_one_jurisdiction_are_refused() -> None:
    good = example_text().replace('jurisdiction = "EXAMPLE"', 'jurisdiction = "OTHER-EXAMPLE"')
    bad = example_text().replace("years = 3", "years = 0")
    with pytest.raises(RulesError) as caught:
        load_rule_files([("a-good.toml", good), ("b-bad.toml", bad)])
    assert caught.value.problems[0].field.startswith("reliefs[2].time_limit.years")
    with pytest.raises(RulesError) as caught:
        load_rule_files([("one.toml", example_text()), ("two.toml", example_text())])
    assert "already set out in one.toml" in caught.value.message
    book = load_rule_files([("a-good.toml", good)], base=bundled_rules())
    assert [r.jurisdiction for r in book.all()] == ["EXAMPLE", "OTHER-EXAMPLE"]


# --- cases and their status -------------------------------------------------------------------------------------


def test_a_case_starts_at_screening_and_each_status_change_is_recorded(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE", representation="Example Legal Aid")
    assert workspace.records.get("relief_case", case_id).status == "screening"
    svc.change_status(case_id, "eligible")
    svc.change_status(case_id, "survivor_deciding", note="Wants to talk to immigration counsel first.")
    assert workspace.records.get("relief_case", case_id).status == "survivor_deciding"

    history = [body for _when, body in svc.status_history(case_id)]
    assert history == [
        "Record relief status: Screening.",
        "Record relief status: Eligible (was screening).",
        "Record relief status: The person is deciding (was eligible). Wants to talk to immigration counsel first.",
    ]
    notes = [n for n in workspace.records.list_for_person("note_entry", person) if n.parent_id == case_id]
    assert all(n.signed_at is not None for n in notes), "a status note is signed, so nobody can rewrite it"
    with workspace.session() as s:
        updates = s.query(AuditEvent).filter_by(record_id=case_id, action="update").all()
        assert [e.fields for e in updates] == [["status"], ["status"]]
        assert all("eligible" not in str(e.fields) for e in updates), "the audit names fields, never values"


def test_a_status_the_list_does_not_allow_is_refused_and_changes_nothing(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    notes_before = count_rows(workspace, NoteEntry)
    with pytest.raises(ValidationError) as caught:
        svc.change_status(case_id, "granted")
    assert caught.value.field == "status"
    assert caught.value.message.startswith("A case at “screening” can move to: eligible, not eligible")
    with pytest.raises(ValidationError):
        svc.change_status(case_id, "finished")
    assert workspace.records.get("relief_case", case_id).status == "screening"
    assert count_rows(workspace, NoteEntry) == notes_before


@pytest.mark.parametrize("status", [s.value for s in ReliefCaseStatus if s != ReliefCaseStatus.WITHDRAWN_BY_SURVIVOR])
def test_the_person_can_always_withdraw(status: str) -> None:
    assert "withdrawn_by_survivor" in next_statuses(status)


def test_every_status_has_words_and_a_way_on() -> None:
    for status in ReliefCaseStatus:
        assert status in STATUS_WORDS and status in TRANSITIONS
        for target in TRANSITIONS[status]:
            assert target in ReliefCaseStatus.__members__.values()


def test_the_full_road_from_screening_to_closed(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    for status in ("eligible", "survivor_deciding", "preparing", "filed", "hearing_set", "granted",
                   "records_corrected", "closed"):  # fmt: skip
        svc.change_status(case_id, status)
    assert workspace.records.get("relief_case", case_id).status == "closed"
    svc.change_status(case_id, "withdrawn_by_survivor")
    svc.change_status(case_id, "screening")  # they came back: the case opens again


# --- charges, petitions and decisions ---------------------------------------------------------------------------


def test_a_filing_limit_is_computed_from_the_rules_and_the_disposition_date(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    charge_id = svc.add_charge(
        case_id,
        {"offence": "Loitering", "level": "misdemeanor", "docket_number": "EX-2024-0117",
         "arrest_date": "2024-05-01", "disposition": "Convicted", "disposition_date": "2024-06-10",
         "relief_sought": "expungement"},
    )  # fmt: skip
    (deadline,) = workspace.records.list_for_person("relief_deadline", person)
    assert deadline.kind == "filing_limit" and deadline.case_id == case_id
    assert deadline.due_on == dt.date(2029, 6, 10), "5 years after the disposition (Example State expungement)"
    assert deadline.note == "Last day to file for expungement of arrest and court records (docket EX-2024-0117)"

    # Saving again adds nothing twice; choosing sealing adds its own, earlier limit.
    svc.update_charge(charge_id, {"relief_sought": "sealing"})
    dues = sorted(d.due_on for d in workspace.records.list_for_person("relief_deadline", person))
    assert dues == [dt.date(2027, 6, 10), dt.date(2029, 6, 10)]
    svc.update_charge(charge_id, {"sentence_status": "Completed"})
    assert len(workspace.records.list_for_person("relief_deadline", person)) == 2


def test_a_passed_limit_is_shown_never_added_and_undecided_charges_only_suggest(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    old = svc.add_charge(case_id, {"level": "violation", "disposition_date": "2019-01-15", "relief_sought": "sealing"})
    open_choice = svc.add_charge(case_id, {"level": "misdemeanor", "disposition_date": "2025-01-20"})
    assert workspace.records.list_for_person("relief_deadline", person) == []
    suggestions = svc.suggested_deadlines(case_id)
    assert [(s.charge_id, s.due_on, s.passed) for s in suggestions] == [(old, dt.date(2022, 1, 15), True)]
    overview = svc.overview(person)
    words = [o.words for o in overview.cases[0].options[open_choice]]
    assert words == [
        "Vacatur for convictions linked to trafficking: no time limit; hearing required.",
        "Expungement of arrest and court records: file by 20 Jan 2030; no hearing required.",
        "Sealing from public view: file by 20 Jan 2028; no hearing required.",
    ]


def test_bad_charge_input_is_refused_and_writes_nothing(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    before = count_rows(workspace, OutboxEntry)
    with pytest.raises(ValidationError) as caught:
        svc.add_charge(case_id, {"arrest_date": "2024-05-01", "disposition_date": "2024-04-01"})
    assert caught.value.field == "disposition_date"
    with pytest.raises(ValidationError) as caught:
        svc.add_charge(case_id, {"disposition_date": "10 June"})
    assert caught.value.field == "disposition_date" and "2026-03-31" in caught.value.message
    no_sealing = RuleBook([bundled_rules()[0].model_copy(update={"reliefs": bundled_rules()[0].reliefs[:2]})])
    with pytest.raises(ValidationError) as caught:
        ReliefService(workspace, no_sealing).add_charge(case_id, {"relief_sought": "sealing"})
    assert caught.value.message == "The Example State rules on this computer offer no sealing."
    assert count_rows(workspace, OutboxEntry) == before


def test_a_petition_its_court_dates_and_a_decision_per_charge(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    for status in ("eligible", "survivor_deciding", "preparing"):
        svc.change_status(case_id, status)
    first = svc.add_charge(case_id, {"level": "misdemeanor", "docket_number": "EX-1", "relief_sought": "vacatur"})
    second = svc.add_charge(case_id, {"level": "felony", "docket_number": "EX-2", "relief_sought": "vacatur"})
    petition_id = svc.add_petition(
        case_id,
        {"legal_basis": "Example State Code 00-101", "representation": "Example Legal Aid",
         "filing_court": "Example County Court", "filed_on": "2026-02-20", "prosecutor_position": "no_objection",
         "hearing_on": "2026-04-01"},
        [first, second],
    )  # fmt: skip
    petition = workspace.records.get("relief_petition", petition_id)
    assert petition.relief_types == ["vacatur"]
    assert {c.petition_id for c in workspace.records.list_for_person("relief_charge", person)} == {petition_id}
    kinds = {(d.kind, d.due_on) for d in workspace.records.list_for_person("relief_deadline", person)}
    assert kinds == {("response", dt.date(2026, 3, 22)), ("hearing", dt.date(2026, 4, 1))}

    svc.change_status(case_id, "filed")
    svc.change_status(case_id, "hearing_set")
    outcome = svc.record_decision(petition_id, "2026-04-01", {first: "granted", second: "denied"},
                                  order_reference="ORD-EX-77")  # fmt: skip
    assert outcome == "partly_granted"
    charges = {c.id: c for c in workspace.records.list_for_person("relief_charge", person)}
    assert (charges[first].outcome, charges[second].outcome) == ("granted", "denied")
    assert charges[first].decided_on == dt.date(2026, 4, 1) and charges[first].order_reference == "ORD-EX-77"
    assert workspace.records.get("relief_case", case_id).status == "partly_granted"
    appeal = [d for d in workspace.records.list_for_person("relief_deadline", person) if d.kind == "appeal"]
    assert [d.due_on for d in appeal] == [dt.date(2026, 5, 1)]


def test_a_decision_that_does_not_fit_changes_nothing(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    charge = svc.add_charge(case_id, {"level": "misdemeanor"})
    other = svc.add_charge(case_id, {"level": "misdemeanor"})
    petition_id = svc.add_petition(case_id, {"filed_on": "2026-02-20"}, [charge])
    before = count_rows(workspace, OutboxEntry)
    with pytest.raises(ValidationError, match="not part of this petition"):
        svc.record_decision(petition_id, "2026-03-01", {charge: "granted", other: "granted"})
    with pytest.raises(ValidationError, match="before the petition was filed"):
        svc.record_decision(petition_id, "2026-01-01", {charge: "granted"})
    with pytest.raises(ValidationError, match="each charge's outcome"):
        svc.record_decision(petition_id, "2026-03-01", {charge: "pending"})
    assert count_rows(workspace, OutboxEntry) == before
    assert workspace.records.get("relief_charge", charge).outcome is None


# --- deadlines: by hand, done, reminders, the caseload and the timeline ------------------------------------------


def test_deadlines_by_hand_reach_this_week_filter_and_leave_it_when_done(workspace, person) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    svc = ReliefService(workspace)
    other = workspace.records.create("person", {"preferred_name": "Sam Example"}).id
    case_id = svc.open_case(person, "EXAMPLE")
    later_case = svc.open_case(other, "EXAMPLE")
    soon = svc.add_deadline(case_id, "response", today + dt.timedelta(days=3), "Reply to the prosecution's answer")
    svc.add_deadline(later_case, "hearing", today + dt.timedelta(days=10))

    people = PeopleService(workspace)
    week = CaseloadFilter(deadline_this_week=True)
    assert [r.id for r in people.search(filters=week)] == [person]
    svc.mark_done(soon)
    assert workspace.records.get("relief_deadline", soon).done_on == today
    assert people.search(filters=week) == []
    svc.reopen_deadline(soon)
    assert [r.id for r in people.search(filters=week)] == [person]


def test_a_computed_deadline_due_this_week_shows_in_the_caseload_and_the_timeline(workspace, person) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    svc = ReliefService(workspace)
    case_id = svc.open_case(person, "EXAMPLE")
    disposed = add_years(today, -3) + dt.timedelta(days=5)  # sealing: 3 years, so the last day is in 5 days
    svc.add_charge(case_id, {"level": "misdemeanor", "disposition_date": disposed, "relief_sought": "sealing",
                             "docket_number": "EX-2023-0999"})  # fmt: skip
    assert [r.id for r in PeopleService(workspace).search(filters=CaseloadFilter(deadline_this_week=True))] == [person]
    entries = [e for e in person_timeline(workspace, person) if e.kind == "relief_deadline"]
    assert [(e.when, e.title) for e in entries] == [(add_years(disposed, 3), "Deadline: filing limit")]
    assert "EX-2023-0999" in entries[0].detail


def test_reminders_list_what_is_past_or_close_soonest_first(workspace, person) -> None:  # type: ignore[no-untyped-def]
    svc = ReliefService(workspace, today=lambda: TODAY)
    case_id = svc.open_case(person, "EXAMPLE")
    svc.add_deadline(case_id, "other", TODAY + dt.timedelta(days=40), "Far away")
    near = svc.add_deadline(case_id, "hearing", TODAY + dt.timedelta(days=9))
    late = svc.add_deadline(case_id, "response", TODAY - dt.timedelta(days=2))
    done = svc.add_deadline(case_id, "appeal", TODAY + dt.timedelta(days=1))
    svc.mark_done(done)
    rows = svc.reminders()
    assert [(r.id, r.state, r.when_words) for r in rows] == [
        (late, "overdue", "2 days past the date"),
        (near, "due_soon", "Due in 9 days"),
    ]
    listed = svc.overview(person).cases[0].deadlines
    assert [r.state for r in listed] == ["overdue", "due_soon", "upcoming", "done"], "soonest on top, done last"


def test_a_deadline_needs_a_date_and_its_own_case(svc, workspace, person) -> None:  # type: ignore[no-untyped-def]
    case_id = svc.open_case(person, "EXAMPLE")
    with pytest.raises(ValidationError) as caught:
        svc.add_deadline(case_id, "hearing", None)
    assert caught.value.field == "due_on"
    with pytest.raises(ValidationError) as caught:
        svc.add_deadline(case_id, "someday", "2026-05-01")
    assert caught.value.field == "kind"
    other_case = svc.open_case(person, "EXAMPLE")
    petition = svc.add_petition(other_case, {})
    with pytest.raises(ValidationError, match="another case"):
        svc.add_deadline(case_id, "hearing", "2026-05-01", petition_id=petition)
    assert workspace.records.list_for_person("relief_deadline", person) == []
