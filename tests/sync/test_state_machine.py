"""A hypothesis state machine over 3-5 real vaults and a real server process (SQLite and PostgreSQL).

Devices make random offline edits, deletes, visibility changes, consent grants and withdrawals; syncs drop the
connection after the server answered a push or a pull page, or send a push twice. After a final full sync of every
device: every mutation ended as a revision, a conflict or a quarantine entry; every device holds exactly what the
server says it may see, with the server's values; replaying a push changes nothing.

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

from app.models import RECORD_TYPES, OutboxEntry
from app.protocol import certs, codec, signing
from app.server import admin
from app.server.access import visible_to
from app.server.models import Conflict, Device, MutationResult, Quarantine, RecordHead, Revision
from app.server.records import values_of
from app.sync import state
from app.sync.client import SyncError
from tests.server.conftest import Office
from tests.sync.conftest import Laptop, consent_values, make_laptop

EXAMPLES = int(os.environ.get("OFFRAMP_SYNC_EXAMPLES", "5"))
STEPS = int(os.environ.get("OFFRAMP_SYNC_STEPS", "16"))
VALUES = ["Mornings", "Evenings", None, "Weekends"]
COMPARED_OUT = {"extra", "person_id"}


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
                self.mutations.update(s.scalars(sa.select(OutboxEntry.mutation_id)))

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

        @rule(data=st.data())
        def share(self, data: st.DataObject) -> None:
            laptop = data.draw(st.sampled_from(self._advocates()))
            people = self._live(laptop, "person")
            if not people:
                return
            person = data.draw(st.sampled_from(people))
            with laptop.ws.records.batch() as s:
                consent = laptop.ws.records.create_in(
                    s, "consent", consent_values(recipient=self.pros_name), person_id=person.id
                )
                laptop.ws.records.create_in(
                    s,
                    "disclosure",
                    {
                        "recipient": "Prosecution",
                        "recipient_team_id": self.pros_team,
                        "facts": "Statements: the statement the person agreed to share.",
                        "disclosed_on": dt.date.today(),
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

        @rule(data=st.data(), fault=st.sampled_from(["none", "none", "drop_push", "drop_pull", "duplicate"]))
        def sync(self, data: st.DataObject, fault: str) -> None:
            laptop = data.draw(st.sampled_from(self.laptops))
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
            self._check_agreement()
            if os.environ.get("OFFRAMP_SYNC_DEBUG"):
                with office.engine.connect() as conn:
                    rows = conn.execute(
                        sa.select(MutationResult.outcome, sa.func.count())
                        .where(MutationResult.mutation_id.in_(self.mutations))
                        .group_by(MutationResult.outcome)
                    ).all()
                held = [sum(len(lp.records(n)) for n in RECORD_TYPES) for lp in self.laptops]
                print("outcomes", dict(rows), "held", held)

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
