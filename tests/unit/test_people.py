"""Caseload queries on a real vault: filters, key paging in name order, unsynced changes, drafts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from app.core.people import CaseloadFilter, PeopleService
from app.core.workspace import Workspace
from app.models import OutboxEntry, Person

TODAY = dt.date(2026, 11, 24)


def _people(ws: Workspace) -> PeopleService:
    return PeopleService(ws, today=lambda: TODAY)


def test_filters_each_find_exactly_their_people(workspace: Workspace) -> None:
    ws = workspace
    ids = {name: ws.records.create("person", {"preferred_name": name}).id for name in "ABCDEF"}
    provider = ws.records.create("provider", {"name": "Demo Legal Aid"})

    def referral(person: str, due: dt.date, **extra: object) -> None:
        values = {
            "category": "legal_other",
            "offered_on": "2026-10-01",
            "provider_id": provider.id,
            "follow_up_due": due,
            "decision": "accepted",
            **extra,
        }
        ws.records.create("referral", values, person_id=ids[person])

    referral("A", TODAY)  # due today
    referral("B", TODAY + dt.timedelta(days=3))  # not yet due
    referral("C", TODAY - dt.timedelta(days=9), outcome="served")  # done
    referral("F", TODAY - dt.timedelta(days=1), decision="declined")  # the person chose not to: no follow-up
    case = ws.records.create("relief_case", {"jurisdiction": "Demo State"}, person_id=ids["D"])
    ws.records.create(
        "relief_deadline",
        {"case_id": case.id, "kind": "hearing", "due_on": TODAY + dt.timedelta(days=6)},
        person_id=ids["D"],
    )
    late = ws.records.create("relief_case", {"jurisdiction": "Demo State"}, person_id=ids["E"])
    ws.records.create(
        "relief_deadline",
        {"case_id": late.id, "kind": "appeal", "due_on": TODAY + dt.timedelta(days=30)},
        person_id=ids["E"],
    )

    people = _people(ws)
    names = lambda f: [r.preferred_name for r in people.search("", filters=f)]  # noqa: E731
    assert names(CaseloadFilter(follow_up_due=True)) == ["A"]
    assert names(CaseloadFilter(deadline_this_week=True)) == ["D"]
    assert people.count(filters=CaseloadFilter(follow_up_due=True, deadline_this_week=True)) == 0

    # Everything was made here and nothing synced yet; then pretend the office acknowledged all but E's changes.
    assert people.count(filters=CaseloadFilter(unsynced=True)) == 6
    with ws.session() as s, s.begin():
        s.execute(update(OutboxEntry).where(OutboxEntry.person_id != ids["E"]).values(sent_at=dt.datetime.now(dt.UTC)))
    assert names(CaseloadFilter(unsynced=True)) == ["E"]
    assert [r.unsynced for r in people.search("")] == [False, False, False, False, True, False]

    with ws.session() as s, s.begin():
        s.execute(update(Person).where(Person.id.in_([ids["B"], ids["C"]])).values(owner_user_id="a-colleague"))
    assert names(CaseloadFilter(mine=True)) == ["A", "D", "E", "F"]
    assert people.count("b", filters=CaseloadFilter(mine=True)) == 0


def test_name_order_pages_by_key_without_gaps_or_repeats(workspace: Workspace) -> None:
    ws = workspace
    for i in range(57):
        # Mixed case and a shared name: the order is case-blind, ties broken by id.
        ws.records.create("person", {"preferred_name": ["ada", "Bo", "carla", "Bo"][i % 4] + f" {i % 7}"})
    people = _people(ws)
    seen, after = [], None
    while page := people.search("", limit=10, after=after):
        seen.extend(page)
        after = page[-1].sort_key
    assert len(seen) == 57 and len({r.id for r in seen}) == 57
    assert [r.sort_key for r in seen] == sorted(r.sort_key for r in seen)
    assert seen == people.search("", limit=100)


def test_drafts_are_kept_until_they_are_back_in_their_forms(workspace: Workspace) -> None:
    ws = workspace
    ws.drafts.save_all({"note:p1": {"text": "half a sentence", "cursor": 6}, "place": {"person": "p1"}})
    ws.drafts.save_all({"note:p1": {"text": "half a sentence more", "cursor": 11}})
    assert ws.drafts.load_all() == {
        "note:p1": {"text": "half a sentence more", "cursor": 11},
        "place": {"person": "p1"},
    }
    ws.drafts.forget({"note:p1"})
    assert ws.drafts.load_all() == {"place": {"person": "p1"}}


def test_search_puts_the_exact_preferred_name_first_then_its_prefixes_then_other_names(workspace: Workspace) -> None:
    ws = workspace
    # Made in an order that gives the full-text rank no help: longer names and other names first.
    for name, aliases in (
        ("Rosarumbrel Example", []),
        ("Rosarendrel", []),
        ("Dana Sample", ["Rosa"]),
        ("Mira Rosa", []),
        ("Rosa Example", []),
        ("Rosa", ["Rosie Sample", "R. Example-Sample"]),  # a long entry, which full-text rank alone puts last
    ):
        ws.records.create("person", {"preferred_name": name, "aliases": aliases})
    people = _people(ws)

    found = [r.preferred_name for r in people.search("Rosa")]
    assert found[0] == "Rosa"  # the exact preferred name
    assert found[1] == "Rosa Example"  # the preferred name starts with the whole word typed
    assert set(found[2:4]) == {"Rosarumbrel Example", "Rosarendrel"}  # the preferred name starts with what was typed
    assert found[4] == "Mira Rosa"  # a later word of the preferred name
    assert found[5] == "Dana Sample"  # only another name matches
    assert people.count("Rosa") == 6

    # Case and spacing do not matter; ranked pages join up without gaps or repeats.
    assert [r.preferred_name for r in people.search("  rOSA ")][:2] == ["Rosa", "Rosa Example"]
    paged = people.search("rosa", limit=2) + people.search("rosa", limit=2, offset=2) + people.search(
        "rosa", limit=2, offset=4
    )
    assert [r.id for r in paged] == [r.id for r in people.search("rosa")]
    # Rosa is found by another name ("R. Example-Sample"), so after both preferred names.
    assert [r.preferred_name for r in people.search("rosa ex")] == ["Rosa Example", "Rosarumbrel Example", "Rosa"]
