"""Work the office did not accept, kept for its author ("Not accepted by the office").

The office sets a change aside (quarantine) when it cannot take it: the person it is about was deleted by a
colleague, the owner made the person private (``only_me``) while this computer was offline, only the owner may
change who sees a record... The office then no longer serves that record to this computer, so the sync removes
it here; without this module the author's typing would vanish with it. The sync client (:mod:`app.sync.client`)
calls :func:`set_aside` in the same vault transaction that takes the office's answer, so the author's copy exists
before anything is removed.

The copies live in ``vault_meta`` (encrypted with everything else, never in a plain file), one per record, holding
what this computer had written: every field of a new record, the changed fields of an edit. :func:`items` gives them
with the reason and what to do in plain words; :func:`discard` forgets one when the person is done with it. The
audit trail notes both, by record id and field names only.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.records import columns_of, jsonable, kind_name
from app.core.workspace import Workspace
from app.errors import OfframpError
from app.models import Person, VaultMeta
from app.models.base import Envelope, utcnow

NOT_ACCEPTED_KEY = "sync_not_accepted"
MISSING_LINK = "missing_link"
#: Columns that link a record to another (ids, not words): left out of what is shown and copied.
LINK_FIELDS = frozenset({"parent_type", "parent_id", "revises_id", "recipient_team_id"})
#: Why a sync removed a record whose changes the office did not take (the sync summary's words).
REASON_NOT_ACCEPTED = N_("the office did not accept it; your copy is kept here (see below)")

#: Why, and what to do, for each reason code the office gives (the codes never carry a value).
REASONS: dict[str, tuple[str, str]] = {
    "person_deleted": (
        N_(
            "A colleague deleted this person at the office while you were working offline, so the office could not add "
            "this to their records."
        ),
        N_(
            "Copy what you wrote if you still need it, and talk with your colleague or supervisor about where it "
            "belongs. Discard it when you are done."
        ),
    ),
    "not_allowed": (
        N_(
            "The person's owner made their records private while you were working offline, so the office no longer "
            "lets you add to them."
        ),
        N_("Copy what you wrote and ask the owner to add it, or to share the person with your team again."),
    ),
    "not_owner": (
        N_("Only the person who made this record can change who may see it."),
        N_("Copy what you changed and ask the owner to make the change."),
    ),
    MISSING_LINK: (
        N_("The record this belongs to is no longer at the office."),
        N_("Copy what you wrote and ask the owner of the record, or your supervisor, where it belongs now."),
    ),
    "link_not_accepted": (
        N_("The record this belongs to was not accepted by the office either, so this could not go without it."),
        N_("Copy what you wrote; the other item in this list says why the record it belongs to was not accepted."),
    ),
    "bad_value": (
        N_("The office could not read one of its entries."),
        N_("Copy what you wrote, check it, and enter it again. If it keeps happening, tell your office admin."),
    ),
    "wrong_regime": (
        N_("This kind of record is kept by the prosecution only, so the office did not take it from this computer."),
        N_("Copy what you wrote if you still need it, and discard it here when you are done."),
    ),
    "unknown_type": (
        N_("The office does not know this kind of record yet."),
        N_("Copy what you wrote and tell your office admin: the office server may need an update."),
    ),
}
OTHER = (
    N_("The office could not take this change."),
    N_("Copy what you wrote and tell your office admin; they can look it up at the office."),
)

#: An item's title for each kind of record: (a new record, changes to one), whole sentences so that each language
#: says its own article and gender ("Derivación de Ana", "Cambios en una nota sobre Ana").
TITLES: dict[str, tuple[str, str]] = {
    "consent": (N_("Consent about {name}"), N_("Changes to a consent about {name}")),
    "disclosure": (N_("Shared record about {name}"), N_("Changes to a shared record about {name}")),
    "encounter": (N_("Contact about {name}"), N_("Changes to a contact about {name}")),
    "note_entry": (N_("Note about {name}"), N_("Changes to a note about {name}")),
    "checklist_response": (
        N_("Interview checklist about {name}"),
        N_("Changes to an interview checklist about {name}"),
    ),
    "screening": (N_("Screening about {name}"), N_("Changes to a screening about {name}")),
    "safety_plan": (N_("Safety plan about {name}"), N_("Changes to a safety plan about {name}")),
    "safety_plan_item": (N_("Safety plan step about {name}"), N_("Changes to a safety plan step about {name}")),
    "safe_contact": (
        N_("Safe way to reach someone about {name}"),
        N_("Changes to a safe way to reach someone about {name}"),
    ),
    "referral": (N_("Referral about {name}"), N_("Changes to a referral about {name}")),
    "referral_event": (N_("Referral update about {name}"), N_("Changes to a referral update about {name}")),
    "provider": (N_("Service provider about {name}"), N_("Changes to a service provider about {name}")),
    "benefit": (N_("Benefit about {name}"), N_("Changes to a benefit about {name}")),
    "identification_decision": (
        N_("Identification decision about {name}"),
        N_("Changes to an identification decision about {name}"),
    ),
    "justice_contact": (
        N_("Justice system contact about {name}"),
        N_("Changes to a justice system contact about {name}"),
    ),
    "relief_case": (N_("Record relief case about {name}"), N_("Changes to a record relief case about {name}")),
    "relief_charge": (N_("Charge about {name}"), N_("Changes to a charge about {name}")),
    "relief_deadline": (N_("Deadline about {name}"), N_("Changes to a deadline about {name}")),
    "relief_petition": (N_("Petition about {name}"), N_("Changes to a petition about {name}")),
    "charging_decision": (N_("Charging decision about {name}"), N_("Changes to a charging decision about {name}")),
    "certification_request": (
        N_("Certification request about {name}"),
        N_("Changes to a certification request about {name}"),
    ),
    "screening_prompt": (N_("Screening prompt about {name}"), N_("Changes to a screening prompt about {name}")),
}


class NotFound(OfframpError):
    code = "not_accepted_not_found"


@dataclass(frozen=True)
class Item:
    """One record's work the office did not take."""

    id: str
    record_type: str
    person_id: str | None
    person_name: str
    reason: str
    at: dt.datetime
    fields: list[tuple[str, str]]
    new_record: bool

    @property
    def title(self) -> str:
        name = self.person_name or _("someone")
        if self.record_type == "person":
            if self.new_record:
                return _("New person: {name}").format(name=name)
            return _("Changes to {name}'s details").format(name=name)
        titles = TITLES.get(self.record_type)
        if titles is not None:
            return _(titles[0] if self.new_record else titles[1]).format(name=name)
        one = kind_name(self.record_type)
        if self.new_record:
            return _("{kind} about {name}").format(kind=one[0].upper() + one[1:], name=name)
        return _("Changes to a {kind} about {name}").format(kind=one, name=name)

    @property
    def why(self) -> str:
        return _(REASONS.get(self.reason, OTHER)[0])

    @property
    def what_to_do(self) -> str:
        return _(REASONS.get(self.reason, OTHER)[1])

    @property
    def text(self) -> str:
        """What the person wrote, as plain text to copy: one "Label: value" a paragraph."""
        lines = [self.title, ""]
        for label, value in self.fields:
            lines.append(f"{label}: {value}" if "\n" not in value else f"{label}:\n{value}")
        return "\n".join(lines).rstrip() + "\n"


# --- kept by the sync client ----------------------------------------------------------------------------------


def set_aside(
    s: Session,
    *,
    record_type: str,
    record_id: str,
    person_id: str | None,
    patch: dict[str, Any],
    reason: str,
    local: Envelope | None,
    new_record: bool,
) -> None:
    """Keep what this computer wrote for a record the office did not accept (inside the caller's transaction).

    ``patch`` is what was sent; ``local`` the record as this computer holds it (its current values win, so several
    changes to one record are one item holding the latest of each field)."""
    items = _get(s)
    found = next((i for i in items if i["id"] == record_id), None)
    fields: dict[str, Any] = dict(found["fields"]) if found else {}
    fields.update(patch)
    if local is not None:
        cls = type(local)
        keys = columns_of(cls).keys() if new_record else fields.keys()
        for key in keys:
            if hasattr(local, key) and key in columns_of(cls):
                fields[key] = jsonable(getattr(local, key))
    person = s.get(Person, person_id) if person_id else None
    item = {
        "id": record_id,
        "record_type": record_type,
        "person_id": person_id,
        "person_name": person.preferred_name if person is not None else (found or {}).get("person_name", ""),
        "reason": reason,
        "at": utcnow().isoformat(),
        "fields": fields,
        "new_record": new_record or bool(found and found.get("new_record")),
    }
    items = [i for i in items if i["id"] != record_id] + [item]
    _put(s, items)


# --- for the screen -------------------------------------------------------------------------------------------


def items(ws: Workspace) -> list[Item]:
    """What waits here, newest first."""
    with ws.session() as s:
        raw = _get(s)
    out = [_item(i) for i in raw]
    out.sort(key=lambda i: i.at, reverse=True)
    return out


def count(ws: Workspace) -> int:
    with ws.session() as s:
        return len(_get(s))


def discard(ws: Workspace, item_id: str) -> None:
    """Forget one item for good (the person confirmed): it leaves this computer; the office keeps its own copy."""
    with ws.session() as s, s.begin():
        kept = _get(s)
        found = next((i for i in kept if i["id"] == item_id), None)
        if found is None:
            raise NotFound(_("That item is no longer in the list; it may have been discarded already."))
        _put(s, [i for i in kept if i["id"] != item_id])
        ws.audit(
            s,
            "not_accepted_discarded",
            record_type=found["record_type"],
            record_id=item_id,
            person_id=found.get("person_id"),
            fields=sorted(found.get("fields") or {}),
        )


# --- helpers --------------------------------------------------------------------------------------------------


def _item(raw: dict[str, Any]) -> Item:
    from app.models import RECORD_TYPES

    cls = RECORD_TYPES.get(raw["record_type"])
    cols = columns_of(cls) if cls is not None else {}
    fields: list[tuple[str, str]] = []
    for key, value in (raw.get("fields") or {}).items():
        if value in (None, "", [], {}):
            continue
        col = cols.get(key)
        if col is None or col.info.get("kind") == "ref" or key in LINK_FIELDS:
            continue  # envelope settings and links: not what the person wrote
        label = _(str(col.info.get("label"))) if col.info.get("label") else key.replace("_", " ")
        fields.append((label[0].upper() + label[1:], _shown(value)))
    try:
        at = dt.datetime.fromisoformat(str(raw.get("at")))
    except ValueError:
        at = utcnow()
    return Item(
        id=raw["id"],
        record_type=raw["record_type"],
        person_id=raw.get("person_id"),
        person_name=str(raw.get("person_name") or ""),
        reason=str(raw.get("reason") or ""),
        at=at if at.tzinfo else at.replace(tzinfo=dt.UTC),
        fields=fields,
        new_record=bool(raw.get("new_record")),
    )


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _get(s: Session) -> list[dict[str, Any]]:
    raw = s.scalar(select(VaultMeta.value).where(VaultMeta.key == NOT_ACCEPTED_KEY))
    return [] if raw is None else list(json.loads(raw))


def _put(s: Session, items: list[dict[str, Any]]) -> None:
    if not items:
        s.execute(delete(VaultMeta).where(VaultMeta.key == NOT_ACCEPTED_KEY))
    else:
        s.merge(VaultMeta(key=NOT_ACCEPTED_KEY, value=json.dumps(items, separators=(",", ":"), default=str)))
