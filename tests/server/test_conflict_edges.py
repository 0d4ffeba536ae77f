"""Who is sent a conflict (issue 21, item 1), on SQLite and PostgreSQL: only a principal who may decide it. A
prosecution team sees a shared disclosure but never edits it, so it is never sent the advocates' competing drafts of
its facts (before the fix it got every value: base, kept and incoming). A conflict over who may see a record goes to
its owner only; an analyst gets none."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models.base import uuid7
from app.server import records
from app.server.access import Principal
from app.server.conflicts import visible_conflicts
from app.server.models import Conflict
from tests.server import test_disclosure_grant as grant
from tests.server.test_disclosure_grant import ADVOCATE, ADVOCATE_A, PROSECUTOR_P, A, P, consent, person, seen, share

engine = grant.engine  # the office database, one per backend, and a rolled-back transaction per test
s = grant.s

COLLEAGUE_A = Principal("user-colleague", A, "advocacy", "advocate", "dc")
ANALYST_P = Principal("user-analyst", P, "prosecution", "analyst", "dn")


def conflict(session: Session, record_id: str, field: str, *values: str) -> str:
    row = Conflict(
        id=uuid7(),
        record_id=record_id,
        field=field,
        base_rev=1,
        values=[
            {"side": "base", "value": values[0]},
            {"side": "kept", "value": values[1], "user_id": ADVOCATE},
            {"side": "incoming", "value": values[2], "user_id": ADVOCATE},
        ],
        server_seq=records.sequence_for(session),
    )
    session.add(row)
    session.flush()
    return row.id


def ids(session: Session, principal: Principal) -> set[str]:
    return {c.id for c in visible_conflicts(session, principal)}


def test_the_prosecution_is_never_sent_a_conflict_on_a_record_shared_with_it(s: Session) -> None:
    pid = person(s)
    did = share(s, pid, consent(s, pid).id, facts="Name: Fictional Person")
    assert seen(s, PROSECUTOR_P, did)
    cid = conflict(s, did, "facts", "Name: Fictional Person", "Name: F. Person", "Name: a draft never shared")
    assert cid not in ids(s, PROSECUTOR_P)
    assert cid in ids(s, ADVOCATE_A) and cid in ids(s, COLLEAGUE_A)
    assert ids(s, ANALYST_P) == set()


def test_a_conflict_over_who_may_see_a_record_goes_to_its_owner_only(s: Session) -> None:
    pid = person(s)
    over_visibility = conflict(s, pid, "visibility", "my_team", "only_me", "my_team")
    over_times = conflict(s, pid, "safe_times", "Mornings", "Evenings", "Weekends")
    assert {over_visibility, over_times} <= ids(s, ADVOCATE_A)
    colleague = ids(s, COLLEAGUE_A)
    assert over_times in colleague and over_visibility not in colleague
