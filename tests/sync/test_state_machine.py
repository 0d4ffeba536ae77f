"""A hypothesis state machine over 3-5 real vaults and a real server process (SQLite and PostgreSQL).

Devices make random offline edits, deletes, visibility changes, consent grants and withdrawals; two people change
one field differently or delete what another edits; people decide the conflicts that come down (two of them
deciding one conflict, or deciding before someone's later edit); syncs drop the connection after the server
answered a push or a pull page, or send a push twice.

After every clean sync: the device holds no synced record the access predicate does not let it see, keeps only
conflicts it may decide, and the summary's "removed from this computer" counts are what left its vault. After a
final full sync of every device: every mutation ended as a revision, a conflict or a quarantine entry; no value was
lost (no revision overwrote a field someone else changed after the revision its mutation was made on, and no
revision brought a deleted record back); every device holds exactly what the server says it may see, with the
server's values; replaying a push changes nothing.

``OFFRAMP_SYNC_EXAMPLES`` (default 5) and ``OFFRAMP_SYNC_STEPS`` (default 16) set the size; raise them for a soak run.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy as sa
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from app.core import conflicts, not_accepted
from app.core.office_policy import office_today
from app.models import RECORD_TYPES, OutboxEntry
from app.protocol import certs, codec, merge, signing
from app.server import admin
from app.server.access import visible_to
from app.server.conflicts import decidable_by
from app.server.models import Conflict, Device, MutationResult, Quarantine, RecordHead, Revision
from app.server.records import values_of
from app.sync import run, state
from app.sync.client import SyncError
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, consent_values, make_laptop

EXAMPLES = int(os.environ.get("OFFRAMP_SYNC_EXAMPLES", "5"))
STEPS = int(os.environ.get("OFFRAMP_SYNC_STEPS", "16"))
VALUES = ["Mornings", "Evenings", None, "Weekends"]
COMPARED_OUT = {"extra", "person_id"}
DEBUG = {"decided": 0}


class Flaky(httpx.HTTPTransport):
    """The real TLS transport, which may drop a reply after the server handled it, or send a push twice."""

    def __init__(self, ca_pem: bytes, fault: str, laptop: Laptop) -> None:
        super().__init__(verify=certs.client_context(ca_pem))
        self.fault = fault
        self.laptop = laptop
        self.fired = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        path = request.url.path
        if not self.fired and self.fault == "drop_push" and path == "/v1/sync/push":
            self.fired = True
            raise httpx.ReadError("dropped")
        if not self.fired and self.fault == "drop_pull" and path == "/v1/sync/pull":
            self.fired = True
            raise httpx.ReadError("dropped")
        if self.fault == "duplicate" and path == "/v1/sync/push":
            body = request.read()
            with self.laptop.ws.session() as s:
                office = state.office(s)
            headers = signing.sign_headers(office.key, office.device_id, "POST", path, body)
            headers["Content-Type"] = "application/json"
            again = super().handle_request(httpx.Request("POST", request.url, headers=headers, content=body))
            again.read()
            assert again.status_code == 200 and again.json() == response.json(), "a resent batch answers the same"
        return response


def _make_machine(office: Office, root: Path) -> type[RuleBasedStateMachine]:
    class SyncMachine(RuleBasedStateMachine):
        @initialize(advocates=st.integers(2, 3), prosecutors=st.integers(1, 2))
        def setup(self, advocates: int, prosecutors: int) -> None:
            tag = uuid.uuid4().hex[:6]
            adv = f"Adv {tag}"
            pros = f"Pros {tag}"
            admin.add_team(office.engine, adv, "advocacy")
            self.pros_team = admin.add_team(office.engine, pros, "prosecution").id
            self.pros_name = pros  # a release names the prosecution team its shares may reach
            folder = root / tag
            self.laptops: list[Laptop] = []
            for i in range(advocates + prosecutors):
                team, role = (adv, "advocate") if i < advocates else (pros, "prosecutor")
                self.laptops.append(make_laptop(office, folder / str(i), team, role))
            self.mutations: set[str] = set()
            #: mutation id -> the revision it was made on (None for a new record)
            self.bases: dict[str, int | None] = {}
            # A shared starting point: each advocate has one person the team sees, and everyone has synced once.
            for laptop in self._advocates():
                laptop.ws.records.create("person", {"preferred_name": "Example Person", "pronouns": "they/them"})
            for laptop in self.laptops:
                self._note_outbox(laptop)
                laptop.sync()

        def teardown(self) -> None:
            for laptop in getattr(self, "laptops", []):
                laptop.close()

        # --- helpers ------------------------------------------------------------------------------------------

        def _advocates(self) -> list[Laptop]:
            return [lp for lp in self.laptops if lp.vault.identity.regime == "advocacy"]

        def _live(self, laptop: Laptop, record_type: str, *, own: bool = False) -> list[Any]:
            me = laptop.vault.identity.user_id
            return sorted(
                (
                    r
                    for r in laptop.records(record_type).values()
                    if not r.deleted and (not own or r.owner_user_id == me)
                ),
                key=lambda r: r.id,
            )

        def _note_outbox(self, laptop: Laptop) -> None:
            with laptop.vault.session() as s:
                for mutation_id, base_rev in s.execute(sa.select(OutboxEntry.mutation_id, OutboxEntry.base_rev)):
                    self.mutations.add(mutation_id)
                    self.bases[mutation_id] = base_rev

        def _held(self, laptop: Laptop) -> dict[str, tuple[str, int | None]]:
            """Every record in the vault: its type and the revision it holds (None: never synced)."""
            out: dict[str, tuple[str, int | None]] = {}
            with laptop.vault.session() as s:
                for name, cls in RECORD_TYPES.items():
                    out.update({rid: (name, rev) for rid, rev in s.execute(sa.select(cls.id, cls.rev))})
            return out

        def _clean_sync(self, laptop: Laptop) -> None:
            """A sync as a person runs it, then what must hold after it (see the module's docstring)."""
            from sqlalchemy.orm import Session

            self._note_outbox(laptop)
            with laptop.vault.session() as s:
                sent = {m: r for m, r in s.execute(sa.select(OutboxEntry.mutation_id, OutboxEntry.record_id))}
            before = self._held(laptop)
            summary = run.run_sync(laptop.ws, timeout=20)
            after = self._held(laptop)
            with office.engine.connect() as conn:
                refused = set(
                    conn.scalars(
                        sa.select(MutationResult.record_id).where(
                            MutationResult.mutation_id.in_(sent), MutationResult.outcome == "quarantined"
                        )
                    )
                )
            kept_aside = {item.id for item in not_accepted.items(laptop.ws)}
            assert refused <= kept_aside | after.keys(), "work the office did not take stays with its author"
            gone: dict[str, int] = {}
            for record_id in before.keys() - after.keys():
                gone[before[record_id][0]] = gone.get(before[record_id][0], 0) + 1
            said: dict[str, int] = {}
            for removed in summary.removed:
                said[removed.record_type] = said.get(removed.record_type, 0) + removed.count
            assert said == gone, "the summary counts exactly what left this computer"
            with Session(office.engine) as s:
                device = s.get(Device, laptop.vault.identity.device_id)
                assert device is not None
                principal = admin.principal_for(s, device)
                synced = {rid for rid, (_type, rev) in after.items() if rev is not None}
                allowed = set(
                    s.scalars(
                        sa.select(RecordHead.id).where(RecordHead.id.in_(synced), visible_to(principal, RecordHead))
                    )
                )
                assert synced <= allowed, "no synced record is held beyond what the device may see"
                kept = {c["id"] for c in conflicts.stored(laptop.ws)}
                decidable = set(
                    s.scalars(
                        sa.select(Conflict.id)
                        .join(RecordHead, RecordHead.id == Conflict.record_id)
                        .where(Conflict.id.in_(kept), decidable_by(principal))
                    )
                )
                assert kept <= decidable, "a vault keeps only conflicts its user may decide"

        def _pair(self, data: st.DataObject) -> tuple[Laptop, Laptop, Any] | None:
            """Two advocates of the team and a live person both hold (None when there is none yet)."""
            first, second = data.draw(st.permutations(self._advocates()))[:2]
            theirs = {p.id for p in self._live(second, "person")}
            both = [p for p in self._live(first, "person") if p.id in theirs]
            if not both:
                return None
            return first, second, data.draw(st.sampled_from(both))

        # --- rules --------------------------------------------------------------------------------------------

        @rule(data=st.data())
        def create_person(self, data: st.DataObject) -> None:
            laptop = data.draw(st.sampled_from(self.laptops))
            visibility = data.draw(st.sampled_from(["my_team", "only_me"]))
            laptop.ws.records.create("person", {"preferred_name": "Example Person", "visibility": visibility})

        @rule(data=st.data())
        def edit(self, data: st.DataObject) -> None:
            laptop = data.draw(st.sampled_from(self.laptops))
            people = self._live(laptop, "person")
            if people:
                person = data.draw(st.sampled_from(people))
                field = data.draw(st.sampled_from(["safe_times", "pronouns"]))
                laptop.ws.records.update("person", person.id, {field: data.draw(st.sampled_from(VALUES))})

        @rule(data=st.data())
        def delete(self, data: st.DataObject) -> None:
            laptop = data.draw(st.sampled_from(self.laptops))
            people = self._live(laptop, "person")
            if people:
                laptop.ws.records.delete("person", data.draw(st.sampled_from(people)).id)

        @rule(data=st.data())
        def change_visibility(self, data: st.DataObject) -> None:
            laptop = data.draw(st.sampled_from(self.laptops))
            people = self._live(laptop, "person", own=True)
            if people:
                person = data.draw(st.sampled_from(people))
                visibility = "only_me" if person.visibility == "my_team" else "my_team"
                laptop.ws.records.update("person", person.id, {"visibility": visibility})

        @rule(data=st.data(), term=st.sampled_from(["ongoing", "last day today", "first day today"]))
        def share(self, data: st.DataObject, term: str) -> None:
            """A release and a share under it; the release may be on its last or its first day, in the office's
            time zone, where the app and the office must agree that it is live."""
            laptop = data.draw(st.sampled_from(self._advocates()))
            people = self._live(laptop, "person")
            if not people:
                return
            person = data.draw(st.sampled_from(people))
            today = office_today(laptop.ws)
            dates = {
                "ongoing": {},
                "last day today": {"starts_on": today - dt.timedelta(days=5), "expires_on": today},
                "first day today": {"starts_on": today, "expires_on": today + dt.timedelta(days=30)},
            }[term]
            with laptop.ws.records.batch() as s:
                consent = laptop.ws.records.create_in(
                    s, "consent", consent_values(recipient=self.pros_name, **dates), person_id=person.id
                )
                laptop.ws.records.create_in(
                    s,
                    "disclosure",
                    {
                        "recipient": "Prosecution",
                        "recipient_team_id": self.pros_team,
                        "facts": "Statements: the statement the person agreed to share.",
                        "disclosed_on": today,
                        "allowed": True,
                        "visibility": "shared_with_prosecution",
                        "privileged": False,
                        "consent_id": consent.id,
                    },
                    person_id=person.id,
                )

        @rule(data=st.data())
        def withdraw_consent(self, data: st.DataObject) -> None:
            laptop = data.draw(st.sampled_from(self._advocates()))
            consents = [c for c in self._live(laptop, "consent") if c.revoked_on is None]
            if consents:
                consent = data.draw(st.sampled_from(consents))
                laptop.ws.records.update("consent", consent.id, {"revoked_on": dt.date.today()})

        @rule(data=st.data(), then=st.sampled_from(["wait", "decide apart", "decide, later edit"]))
        def same_field_changed_apart(self, data: st.DataObject, then: str) -> None:
            """Two people change one field differently while apart, and both sync: a conflict. Then it may wait,
            or be decided at once on two computers (see :meth:`decide_apart`)."""
            self._same_field(data)
            if then != "wait":
                self._decide_apart(data, later_edit=then != "decide apart")

        def _same_field(self, data: st.DataObject) -> None:
            pair = self._pair(data)
            if pair is None:
                return
            first, second, person = pair
            field = data.draw(st.sampled_from(["safe_times", "pronouns"]))
            mine, theirs = data.draw(st.permutations([v for v in VALUES if v is not None]))[:2]
            first.ws.records.update("person", person.id, {field: mine})
            second.ws.records.update("person", person.id, {field: theirs})
            self._clean_sync(first)
            self._clean_sync(second)

        @rule(data=st.data(), delete_first=st.booleans(), decide=st.booleans())
        def delete_against_edit(self, data: st.DataObject, delete_first: bool, decide: bool) -> None:
            """One person deletes a record another is changing; either may reach the office first. Then someone
            may keep it as the office has it now."""
            pair = self._pair(data)
            if pair is None:
                return
            deleter, editor, person = pair
            deleter.ws.records.delete("person", person.id)
            editor.ws.records.update("person", person.id, {"safe_times": data.draw(st.sampled_from(VALUES[:2]))})
            for laptop in (deleter, editor) if delete_first else (editor, deleter):
                self._clean_sync(laptop)
            if decide:
                self._decide_apart(data, later_edit=False)

        def _waiting(self, data: st.DataObject) -> tuple[Laptop, conflicts.Group] | None:
            """A laptop with a conflict waiting for a decision, and that conflict (None when none waits)."""
            deciders = [lp for lp in self.laptops if conflicts.pending(lp.ws)]
            if not deciders:
                return None
            laptop = data.draw(st.sampled_from(deciders))
            return laptop, data.draw(st.sampled_from(conflicts.groups(laptop.ws)))

        def _decide(self, data: st.DataObject, laptop: Laptop, group: conflicts.Group) -> None:
            """One of its values, what this computer holds now, or a new value; "keep it as the office has it now"
            for a deleted-against-changed record."""
            DEBUG["decided"] += 1
            if group.whole_record:
                conflicts.decide(laptop.ws, group, None)
                return
            choices = [v.value for v in group.values] + [group.current, data.draw(st.sampled_from(VALUES))]
            conflicts.decide(laptop.ws, group, data.draw(st.sampled_from(choices)))

        @rule(data=st.data())
        def decide(self, data: st.DataObject) -> None:
            """Someone decides a conflict that came down (it goes to the office with their next sync)."""
            found = self._waiting(data)
            if found is not None:
                self._decide(data, *found)

        @rule(data=st.data(), later_edit=st.booleans())
        def decide_apart(self, data: st.DataObject, later_edit: bool) -> None:
            """Two people decide one conflict, each on their own computer; or one decides it while another, not
            knowing, changes the same field. Both sync, in either order."""
            self._decide_apart(data, later_edit)

        def _decide_apart(self, data: st.DataObject, later_edit: bool) -> None:
            found = self._waiting(data)
            if found is None:
                return
            first, group = found
            self._decide(data, first, group)
            others = [lp for lp in self._advocates() if lp is not first]
            second = data.draw(st.sampled_from(others)) if others else None
            if second is not None:
                theirs = [
                    g for g in conflicts.groups(second.ws) if (g.record_id, g.field) == (group.record_id, group.field)
                ]
                held = second.records(group.record_type).get(group.record_id)
                if theirs and not later_edit:
                    self._decide(data, second, theirs[0])
                elif held is not None and not held.deleted and not group.whole_record:
                    value = data.draw(st.sampled_from(VALUES))
                    second.ws.records.update(group.record_type, group.record_id, {group.field: value})
                order = data.draw(st.permutations([first, second]))
                for laptop in order:
                    self._clean_sync(laptop)

        @rule(data=st.data())
        def crafted_pull_without_cursor(self, data: st.DataObject) -> None:
            """A pull signed with a device's own key and no cursor, whose answer never arrives: nothing the device
            holds may be forgotten by the office (a later withdrawal must still evict it)."""
            laptop = data.draw(st.sampled_from(self.laptops))
            with laptop.ws.session() as s:
                mine = state.office(s)
            body = b'{"cursor":null}'
            headers = signing.sign_headers(mine.key, mine.device_id, "POST", "/v1/sync/pull", body)
            headers["Content-Type"] = "application/json"
            with office.client() as client:
                assert client.post("/v1/sync/pull", content=body, headers=headers).status_code == 200

        @rule(data=st.data())
        def note_about_a_person_deleted_meanwhile(self, data: st.DataObject) -> None:
            """A colleague deletes a person at the office while another writes a note about them offline."""
            pair = self._pair(data)
            if pair is None:
                return
            deleter, writer, person = pair
            deleter.ws.records.delete("person", person.id)
            self._clean_sync(deleter)
            writer.ws.records.create(
                "note_entry",
                {"parent_type": "person", "parent_id": person.id, "body": "A fictional note written offline."},
                person_id=person.id,
            )
            self._clean_sync(writer)

        @rule(data=st.data())
        def edit_while_made_private(self, data: st.DataObject) -> None:
            """The owner makes a person private (only_me) while a colleague, offline, changes them."""
            pair = self._pair(data)
            if pair is None:
                return
            owner, colleague, person = pair
            if person.owner_user_id != owner.vault.identity.user_id or person.visibility != "my_team":
                return
            owner.ws.records.update("person", person.id, {"visibility": "only_me"})
            self._clean_sync(owner)
            colleague.ws.records.update("person", person.id, {"safe_times": data.draw(st.sampled_from(VALUES[:2]))})
            self._clean_sync(colleague)

        @rule(data=st.data(), fault=st.sampled_from(["none", "none", "drop_push", "drop_pull", "duplicate"]))
        def sync(self, data: st.DataObject, fault: str) -> None:
            laptop = data.draw(st.sampled_from(self.laptops))
            if fault == "none":
                self._clean_sync(laptop)
                return
            self._note_outbox(laptop)
            try:
                laptop.sync(transport=Flaky(office.ca_pem, fault, laptop))
            except SyncError:
                assert fault in ("drop_push", "drop_pull")

        # --- the end ------------------------------------------------------------------------------------------

        @precondition(lambda self: hasattr(self, "laptops"))
        @invariant()
        def outbox_entries_are_never_lost(self) -> None:
            for laptop in self.laptops:
                self._note_outbox(laptop)

        def teardown_check(self) -> None:
            for _round in range(2):
                for laptop in self.laptops:
                    self._note_outbox(laptop)
                    laptop.sync()
            self._check_mutations()
            self._check_no_value_lost()
            self._check_agreement()
            if os.environ.get("OFFRAMP_SYNC_DEBUG"):
                with office.engine.connect() as conn:
                    rows = conn.execute(
                        sa.select(MutationResult.outcome, sa.func.count())
                        .where(MutationResult.mutation_id.in_(self.mutations))
                        .group_by(MutationResult.outcome)
                    ).all()
                held = [sum(len(lp.records(n)) for n in RECORD_TYPES) for lp in self.laptops]
                print("outcomes", dict(rows), "held", held, "decided", DEBUG["decided"])

        def _check_mutations(self) -> None:
            with office.engine.connect() as conn:
                results = {
                    r.mutation_id: r for r in conn.execute(sa.select(MutationResult).where(
                        MutationResult.mutation_id.in_(self.mutations)))
                }  # fmt: skip
                assert set(results) == self.mutations, "every mutation reached the server exactly once"
                quarantined = set(conn.scalars(sa.select(Quarantine.mutation_id)))
                revised = set(conn.scalars(sa.select(Revision.mutation_id).where(Revision.mutation_id.is_not(None))))
                conflicted = {
                    v.get("mutation_id")
                    for row in conn.scalars(sa.select(Conflict.values))
                    for v in row
                    if v.get("side") == "incoming"
                }
            for mutation_id, result in results.items():
                if result.outcome == "quarantined":
                    assert mutation_id in quarantined
                elif result.outcome == "conflict":
                    assert mutation_id in conflicted
                elif result.outcome in ("applied", "merged"):
                    assert mutation_id in revised
                else:
                    assert result.outcome == "unchanged"  # its values were already the current revision

        def _check_no_value_lost(self) -> None:
            """No revision made by a mutation replaced a field another device changed after the revision the
            mutation was made on (that is a conflict, every value kept), and none brought a deleted record back."""
            with office.engine.connect() as conn:
                made = conn.execute(
                    sa.select(Revision.record_id, Revision.rev, Revision.mutation_id).where(
                        Revision.mutation_id.in_(self.mutations)
                    )
                ).all()
                touched = {r.record_id for r in made}
                history: dict[str, dict[int, Any]] = {}
                for row in conn.execute(
                    sa.select(Revision).where(Revision.record_id.in_(touched)).order_by(Revision.rev)
                ).all():
                    history.setdefault(row.record_id, {})[row.rev] = row
            for record_id, rev, mutation_id in made:
                revs = history[record_id]
                if rev - 1 not in revs:
                    continue
                now, before = revs[rev], revs[rev - 1]
                assert not (before.deleted and not now.deleted), "a revision brought a deleted record back"
                base = self.bases.get(mutation_id)
                if base is None or base >= rev - 1:
                    continue
                others: set[str] = set()
                for between in range(base + 1, rev):
                    step, prior = revs.get(between), revs.get(between - 1)
                    if step is None or prior is None or step.device_id == now.device_id:
                        continue
                    others |= _changed(prior.values, step.values)
                    if step.deleted and not prior.deleted:
                        others.add(merge.WHOLE_RECORD)
                changed = _changed(before.values, now.values)
                assert not (changed & others), f"a change replaced {sorted(changed & others)} made after its base"
                if now.deleted and not before.deleted:
                    assert not others, "a delete went through over someone's later edit"

        def _check_agreement(self) -> None:
            from sqlalchemy.orm import Session

            with Session(office.engine) as s:
                for laptop in self.laptops:
                    device = s.get(Device, laptop.vault.identity.device_id)
                    assert device is not None
                    principal = admin.principal_for(s, device)
                    may_see = {
                        h.id: h for h in s.scalars(sa.select(RecordHead).where(visible_to(principal, RecordHead)))
                    }
                    held: dict[str, Any] = {}
                    for name in RECORD_TYPES:
                        held.update(laptop.records(name))
                    assert set(held) == set(may_see), "a device holds exactly what it may see"
                    for record_id, local in held.items():
                        head = may_see[record_id]
                        server = s.get(RECORD_TYPES[head.type], record_id)
                        assert server is not None
                        mine = {k: v for k, v in codec.encode_record(local).items() if k not in COMPARED_OUT}
                        theirs = {k: v for k, v in values_of(server).items() if k not in COMPARED_OUT}
                        assert mine == theirs, f"{head.type} differs on a device"
                        linked = local.person_id or (local.extra or {}).get("_unlinked", {}).get("person_id")
                        assert linked == server.person_id

    return SyncMachine


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    return {k for k in before.keys() | after.keys() if before.get(k) != after.get(k)} - merge._BOOKKEEPING


def test_devices_agree_after_random_offline_work_and_faults(office: Office, tmp_path: Path) -> None:
    machine = _make_machine(office, tmp_path)

    class Checked(machine):  # type: ignore[misc, valid-type]
        def teardown(self) -> None:
            try:
                if hasattr(self, "laptops"):
                    self.teardown_check()
            finally:
                super().teardown()

    run_state_machine_as_test(
        Checked,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=os.environ.get("OFFRAMP_SYNC_SOAK") is None,
        ),
    )
