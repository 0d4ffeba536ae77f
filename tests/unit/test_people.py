"""Caseload queries on a real vault: filters, key paging in name order, unsynced changes, drafts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from app.core.people import CaseloadFilter, PeopleService
from app.core.workspace import Workspace
from app.models import JusticeContact, OutboxEntry, Person

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


# --- issue 18: "Charged, not yet screened", and certification deadlines in "Deadline this week" ----------------------


def test_charged_not_yet_screened_lists_defendants_on_a_listed_charge_until_a_screening_since_the_arrest(
    workspace: Workspace,
) -> None:
    from app.core.screening_prompts import ChargeRulesLibrary, ScreeningPromptService

    ws = workspace
    ids = {name: ws.records.create("person", {"preferred_name": name}).id for name in "ABCDEFGH"}

    def matter(person: str, offence: str, role: str = "defendant", arrested: dt.date | None = TODAY) -> str:
        charges = [{"offence": offence, "statute": "", "level": "misdemeanor"}]
        values = {"role": role, "charges": charges, "arrest_date": arrested}
        return str(ws.records.create("justice_contact", values, person_id=ids[person]).id)

    def screening(person: str, on: dt.date) -> None:
        values = {"template_id": "example-indicator-screening", "template_version": "1", "screened_on": on}
        ws.records.create("screening", values, person_id=ids[person])

    matter("A", "Loitering")  # listed, never screened
    matter("B", "LOITERING (second offense)")  # capitals fold
    screening("B", TODAY - dt.timedelta(days=400))  # screened before this arrest: still to screen
    matter("C", "Petit larceny")
    screening("C", TODAY)  # screened on the day of the arrest
    matter("D", "Loitering", role="witness")  # not a defendant
    matter("E", "Assault")  # not a listed charge
    gone = matter("F", "Loitering")
    ws.records.delete("justice_contact", gone)
    dismissed = matter("G", "Possession of a controlled substance")
    ScreeningPromptService(ws, today=lambda: TODAY).dismiss(dismissed, "In custody; at arraignment.")
    odd = ws.records.create("justice_contact", {"role": "defendant", "charges": []}, person_id=ids["H"]).id
    with ws.session() as s, s.begin():  # an old or damaged list: entries that are not charges read as nothing
        s.execute(update(JusticeContact).where(JusticeContact.id == odd).values(charges=["Loitering", 3, None]))

    people = _people(ws)
    names = lambda f: [r.preferred_name for r in people.search("", filters=f)]  # noqa: E731
    only = CaseloadFilter(charged_not_screened=True)
    assert only.any
    # "Not now" puts off the prompt, not the screening: G is still to screen.
    assert names(only) == ["A", "B", "G"]
    assert people.count(filters=only) == 3
    assert people.page("", filters=only)[1] == 3
    # The list and the prompt agree on who has something to screen for (G's prompt was answered).
    prompts = ScreeningPromptService(ws, today=lambda: TODAY)
    assert {n for n, pid in ids.items() if prompts.offers(pid)} == {"A", "B"}

    # An office rule adds a charge; its import is read by the next query.
    ChargeRulesLibrary(ws).import_text(
        'id = "office"\ntitle = "Ours"\nversion = "1"\nlanguages = ["en"]\nsource = "The office"\n\n[[rules]]\n'
        'id = "assault"\nreason = "Charges like these are often linked to exploitation."\n'
        'offense_words = ["assault"]\n',
        name="ours.toml",
    )
    assert names(only) == ["A", "B", "E", "G"]
    screening("A", TODAY + dt.timedelta(days=1))
    assert names(only) == ["B", "E", "G"]


def test_deadline_this_week_counts_certification_deadlines(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.helpers import new_workspace

    with new_workspace(tmp_path / "vault", regime="prosecution") as ws:
        ids = {name: ws.records.create("person", {"preferred_name": name}).id for name in "ABCDEFGH"}

        def request(person: str, form: str = "i918_supplement_b", **values: object) -> None:
            base = {"form": form, "received_on": TODAY - dt.timedelta(days=80)}
            ws.records.create("certification_request", {**base, **values}, person_id=ids[person])

        def signed(person: str, on: dt.date, form: str = "i918_supplement_b") -> None:
            request(person, form, decision="certified", signed_on=on, signed_by_name="A. Signer", decided_on=on)

        request("A", due_on=TODAY + dt.timedelta(days=5))  # open, due this week
        request("B", due_on=TODAY + dt.timedelta(days=20))  # open, due later
        request("C", due_on=TODAY + dt.timedelta(days=2), decision="declined", decision_reason="Not helpful",
                decided_on=TODAY)  # fmt: skip  # decided: no deadline left
        # USCIS accepts a signed I-918 Supplement B until the day before the 6-month anniversary of the signature;
        # this week is 24 November to 1 December 2026.
        signed("D", dt.date(2026, 5, 25))  # accepted until 24 November: ends this week
        signed("E", dt.date(2026, 5, 24))  # until 23 November: already over
        signed("F", dt.date(2026, 6, 2))  # until 1 December: the week's last day
        signed("G", dt.date(2026, 5, 28), form="i914_supplement_b")  # the T-visa supplement has no such window
        request("H", due_on=TODAY - dt.timedelta(days=1))  # overdue: not "this week"

        people = _people(ws)
        names = [r.preferred_name for r in people.search("", filters=CaseloadFilter(deadline_this_week=True))]
        assert names == ["A", "D", "F"]


def test_the_signing_days_whose_window_ends_in_a_week_are_an_interval() -> None:
    from app.core.certifications import add_months
    from app.core.people import signed_between

    first, last = dt.date(2027, 2, 27), dt.date(2027, 3, 6)
    lo, hi = signed_between(first, last, 6)
    # Signed 28 to 31 August: the anniversary is 28 February, so the last day is 27 February.
    assert (lo, hi) == (dt.date(2026, 8, 28), dt.date(2026, 9, 7))
    for n in range(-10, 20):
        day = lo + dt.timedelta(days=n)
        assert (lo <= day <= hi) == (first <= add_months(day, 6) - dt.timedelta(days=1) <= last)
    start, end = signed_between(dt.date(2026, 3, 2), dt.date(2026, 3, 1), 6)
    assert start > end  # no days: an empty interval
