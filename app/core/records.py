"""Creating, changing and deleting records: validation, the envelope, the audit trail and the outbox.

Every change goes through :class:`RecordService`, in one transaction that writes the record, an audit event (who,
which action, which type and id, which field *names* — never a value) and an outbox entry holding only the changed
fields for the next sync the person chooses to run.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _, ngettext
from app.core.record_shapes import check_structured
from app.core.workspace import Workspace
from app.errors import RecordDeleted, RecordNotFound, ValidationError
from app.models import RECORD_TYPES, OutboxEntry, record_class
from app.models.base import ENVELOPE_FIELDS, Envelope, Visibility, utcnow
from app.storage.engine import translate_errors

R = TypeVar("R", bound=Envelope)

#: Envelope fields a person may set on a record (the rest belong to the app and the server).
SETTABLE_ENVELOPE = frozenset({"visibility", "privileged", "consent_id"})

#: Kinds of record as a person says them: (one, several), marked for the catalogue and translated where shown
#: (:func:`kind_name`). The one source of these words: conflicts, "Not accepted", validation and the sync summary.
KINDS: dict[str, tuple[str, str]] = {
    "person": (N_("person"), N_("people")),
    "consent": (N_("consent"), N_("consents")),
    "disclosure": (N_("shared record"), N_("shared records")),
    "encounter": (N_("contact"), N_("contacts")),
    "note_entry": (N_("note"), N_("notes")),
    "checklist_response": (N_("interview checklist"), N_("interview checklists")),
    "screening": (N_("screening"), N_("screenings")),
    "safety_plan": (N_("safety plan"), N_("safety plans")),
    "safety_plan_item": (N_("safety plan step"), N_("safety plan steps")),
    "safe_contact": (N_("safe way to reach someone"), N_("safe ways to reach someone")),
    "referral": (N_("referral"), N_("referrals")),
    "referral_event": (N_("referral update"), N_("referral updates")),
    "provider": (N_("service provider"), N_("service providers")),
    "benefit": (N_("benefit"), N_("benefits")),
    "identification_decision": (N_("identification decision"), N_("identification decisions")),
    "justice_contact": (N_("justice system contact"), N_("justice system contacts")),
    "relief_case": (N_("record relief case"), N_("record relief cases")),
    "relief_charge": (N_("charge"), N_("charges")),
    "relief_deadline": (N_("deadline"), N_("deadlines")),
    "relief_petition": (N_("petition"), N_("petitions")),
    "charging_decision": (N_("charging decision"), N_("charging decisions")),
    "certification_request": (N_("certification request"), N_("certification requests")),
    "screening_prompt": (N_("screening prompt"), N_("screening prompts")),
}

#: How many records of a kind ("3 referrals"), with the plural forms in the catalogue: the words of :data:`KINDS`.
_COUNTED: dict[str, Callable[[int], str]] = {
    "person": lambda n: ngettext("{n} person", "{n} people", n),
    "consent": lambda n: ngettext("{n} consent", "{n} consents", n),
    "disclosure": lambda n: ngettext("{n} shared record", "{n} shared records", n),
    "encounter": lambda n: ngettext("{n} contact", "{n} contacts", n),
    "note_entry": lambda n: ngettext("{n} note", "{n} notes", n),
    "checklist_response": lambda n: ngettext("{n} interview checklist", "{n} interview checklists", n),
    "screening": lambda n: ngettext("{n} screening", "{n} screenings", n),
    "safety_plan": lambda n: ngettext("{n} safety plan", "{n} safety plans", n),
    "safety_plan_item": lambda n: ngettext("{n} safety plan step", "{n} safety plan steps", n),
    "safe_contact": lambda n: ngettext("{n} safe way to reach someone", "{n} safe ways to reach someone", n),
    "referral": lambda n: ngettext("{n} referral", "{n} referrals", n),
    "referral_event": lambda n: ngettext("{n} referral update", "{n} referral updates", n),
    "provider": lambda n: ngettext("{n} service provider", "{n} service providers", n),
    "benefit": lambda n: ngettext("{n} benefit", "{n} benefits", n),
    "identification_decision": lambda n: ngettext("{n} identification decision", "{n} identification decisions", n),
    "justice_contact": lambda n: ngettext("{n} justice system contact", "{n} justice system contacts", n),
    "relief_case": lambda n: ngettext("{n} record relief case", "{n} record relief cases", n),
    "relief_charge": lambda n: ngettext("{n} charge", "{n} charges", n),
    "relief_deadline": lambda n: ngettext("{n} deadline", "{n} deadlines", n),
    "relief_petition": lambda n: ngettext("{n} petition", "{n} petitions", n),
    "charging_decision": lambda n: ngettext("{n} charging decision", "{n} charging decisions", n),
    "certification_request": lambda n: ngettext("{n} certification request", "{n} certification requests", n),
    "screening_prompt": lambda n: ngettext("{n} screening prompt", "{n} screening prompts", n),
}


def kind_name(record_type: str, *, several: bool = False) -> str:
    """A kind of record in the app's language, lower case ("referral"; "derivación" in Spanish)."""
    words = KINDS.get(record_type)
    if words is None:
        return record_type.replace("_", " ")
    return _(words[1] if several else words[0])


def kind_words(record_type: str, count: int) -> str:
    """ "3 referrals" ("3 derivaciones" in Spanish)."""
    counted = _COUNTED.get(record_type)
    if counted is None:
        return f"{count} {record_type.replace('_', ' ')}"
    return counted(count).format(n=count)


#: Fields that can never change once written: the survivor's own choices and words are kept as said.
IMMUTABLE_FIELDS: dict[str, frozenset[str]] = {
    "safety_plan_item": frozenset({"component", "survivor_choice", "survivor_words", "revises_id"}),
    "note_entry": frozenset({"parent_type", "parent_id"}),
}


def _label(col: Any) -> str:
    """A column's label as it reads inside a sentence ("Preferred name" -> "preferred name"; "VOCA" stays)."""
    label = _(str(col.info.get("label") or col.key.replace("_", " ")))  # the catalogue's word for it, when it has one
    if len(label) > 1 and label[0].isupper() and not label[1].isupper():
        label = label[0].lower() + label[1:]
    return label


def _type_label(cls: type[Envelope]) -> str:
    return kind_name(cls.RECORD_TYPE)


def columns_of(cls: type[Envelope]) -> dict[str, Any]:
    """The domain columns of a record type (envelope excluded), keyed by attribute name."""
    table = cls.__table__  # type: ignore[attr-defined]
    return {c.key: c for c in table.columns if c.key not in ENVELOPE_FIELDS}


def _parse_date(value: Any, col: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    said = _("Please enter the {label} as a date, for example 2026-03-31.").format(label=_label(col))
    raise ValidationError(said, field=col.key)


def _parse_datetime(value: Any, col: Any) -> dt.datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(
                _("Please enter the {label} as a date and time.").format(label=_label(col)), field=col.key
            ) from None
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.astimezone()  # a time typed here is local time
        return value.astimezone(dt.UTC)
    raise ValidationError(_("Please enter the {label} as a date and time.").format(label=_label(col)), field=col.key)


def clean_value(cls: type[Envelope], key: str, value: Any) -> Any:
    """Check one value against its column and return it in stored form, or raise a human ValidationError."""
    if key in SETTABLE_ENVELOPE:
        return _clean_envelope(key, value)
    cols = columns_of(cls)
    col = cols.get(key)
    if col is None:
        raise ValidationError(
            _("A {kind} record has no field called '{key}'.").format(kind=_type_label(cls), key=key), field=key
        )
    kind = col.info.get("kind")
    label = _label(col)
    if isinstance(value, enum.Enum):
        value = value.value
    if kind == "text":
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise ValidationError(_("The {label} must be text.").format(label=label), field=key)
        max_length = col.info.get("max_length")
        if max_length and len(value) > max_length:
            said = _("The {label} can be at most {n} characters.").format(label=label, n=max_length)
            raise ValidationError(said, field=key)
        return value
    if kind == "choice":
        if value is None or value == "":
            return None
        choices = col.info["choices"]
        if value not in choices:
            shown = ", ".join(str(c).replace("_", " ") for c in choices)
            raise ValidationError(_("The {label} must be one of: {shown}.").format(label=label, shown=shown), field=key)
        return value
    if kind == "ref":
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            raise ValidationError(_("The {label} must be a record id.").format(label=label), field=key)
        return value
    if kind == "date":
        return _parse_date(value, col)
    if kind == "datetime":
        return _parse_datetime(value, col)
    if kind == "bool":
        if value is None or isinstance(value, bool):
            return value
        raise ValidationError(_("The {label} must be yes, no or not asked yet.").format(label=label), field=key)
    if kind == "int":
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValidationError(_("The {label} must be a whole number.").format(label=label), field=key)
        return value
    if kind == "list":
        if value is None:
            return []
        if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
            raise ValidationError(_("The {label} must be a list of texts.").format(label=label), field=key)
        return [v for v in value if v.strip()]
    if kind == "json":
        # Every structured field's shape, from one place (app.core.record_shapes): a charges object where a
        # list belongs is refused here with the field named, not stored to fail later in the window.
        return check_structured(cls.RECORD_TYPE, key, label, value)
    if kind == "blob":
        if value is None or isinstance(value, bytes | bytearray):
            return None if value is None else bytes(value)
        raise ValidationError(_("The {label} must be a file's contents.").format(label=label), field=key)
    raise ValidationError(_("The {label} cannot be set here.").format(label=label), field=key)


def _clean_envelope(key: str, value: Any) -> Any:
    if isinstance(value, enum.Enum):
        value = value.value
    if key == "visibility":
        allowed = tuple(v.value for v in Visibility)
        if value not in allowed:
            raise ValidationError(
                _("Choose who may see this: only me, my team, or shared with prosecution."), field=key
            )
        return value
    if key == "privileged":
        if not isinstance(value, bool):
            raise ValidationError(_("Privileged must be yes or no."), field=key)
        return value
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValidationError(_("The consent must be a record id."), field=key)
    return value


def check_regime(cls: type[Envelope], regime: str) -> None:
    """A record type kept by some regimes only (its ``REGIMES``) is made only in a vault of one of them."""
    regimes: tuple[str, ...] | None = getattr(cls, "REGIMES", None)
    if regimes and regime not in regimes:
        kind = kind_name(cls.RECORD_TYPE, several=True)
        kinds = f"{kind[:1].upper()}{kind[1:]}"
        if regimes == ("prosecution",):
            said = _("{kinds} are kept by the prosecution only.").format(kinds=kinds)
        elif regimes == ("advocacy",):
            said = _("{kinds} are kept by the advocacy only.").format(kinds=kinds)
        else:
            said = _("{kinds} are kept by the {regimes} only.").format(kinds=kinds, regimes=" or the ".join(regimes))
        raise ValidationError(said, field="regime")


def jsonable(value: Any) -> Any:
    """A stored value as it travels in an outbox patch."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bytes | bytearray):
        return {"$b64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


class RecordService:
    """The one door through which records change on this device."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # --- reading ---------------------------------------------------------------------------------------------

    def get(self, record_type: str, record_id: str, *, include_deleted: bool = False) -> Envelope:
        cls = record_class(record_type)
        with self.ws.session() as s:
            obj = s.get(cls, record_id)
            if obj is None:
                raise RecordNotFound(_("That {kind} record is not on this computer.").format(kind=_type_label(cls)))
            if obj.deleted and not include_deleted:
                raise RecordDeleted(_("That {kind} record was deleted.").format(kind=_type_label(cls)))
            s.expunge(obj)
            return obj

    def list_for_person(self, record_type: str, person_id: str) -> list[Envelope]:
        cls = record_class(record_type)
        with self.ws.session() as s:
            rows = list(
                s.scalars(
                    select(cls)
                    .where(cls.person_id == person_id, cls.deleted.is_(False))
                    .order_by(cls.created_at, cls.id)
                )
            )
            s.expunge_all()
            return rows

    # --- changing --------------------------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        with translate_errors(), self.ws.session() as s, s.begin():
            yield s

    @contextmanager
    def batch(self) -> Iterator[Session]:
        """One transaction for several changes (with :meth:`create_in` / :meth:`update_in`): all land, or none."""
        with self._transaction() as s:
            yield s

    def create(self, record_type: str, values: Mapping[str, Any], *, person_id: str | None = None) -> Envelope:
        with self._transaction() as s:
            return self.create_in(s, record_type, values, person_id=person_id)

    def create_in(
        self,
        s: Session,
        record_type: str,
        values: Mapping[str, Any],
        *,
        person_id: str | None = None,
        record_id: str | None = None,
    ) -> Envelope:
        """Create a record inside the caller's transaction (see :meth:`batch`), with every check of :meth:`create`."""
        cls = record_class(record_type)
        check_regime(cls, self.ws.identity.regime)
        cleaned = {k: clean_value(cls, k, v) for k, v in values.items()}
        for key, col in columns_of(cls).items():
            if col.info.get("required") and cleaned.get(key) in (None, "", []):
                raise ValidationError(_("Please fill in the {label}.").format(label=_label(col)), field=key)
        if cls.PERSONAL and record_type != "person":
            if not person_id:
                raise ValidationError(
                    _("A {kind} record must belong to a person.").format(kind=_type_label(cls)), field="person_id"
                )
            self._require_live(s, "person", person_id)
        self._check_refs(s, cls, cleaned)
        self._check_rules(record_type, cleaned, None)
        hlc = self.ws.clock.tick()
        ident = self.ws.identity
        maker: Any = cls
        obj = maker(
            **{k: v for k, v in cleaned.items() if k not in SETTABLE_ENVELOPE},
            owner_user_id=ident.user_id,
            team_id=ident.team_id,
            regime=ident.regime,
            visibility=cleaned.get("visibility") or Visibility.MY_TEAM.value,
            # Community-based advocacy records are privileged unless someone decides otherwise.
            privileged=cleaned.get("privileged", ident.regime == "advocacy" and cls.PERSONAL),
            consent_id=cleaned.get("consent_id"),
            edited_hlc=hlc,
            edited_by=ident.user_id,
            edited_device=ident.device_id,
            schema_version=cls.SCHEMA_VERSION,
        )
        if record_id:
            obj.id = record_id
        if record_type == "person":
            obj.person_id = obj.id = obj.id or _new_id()
        else:
            obj.person_id = person_id if cls.PERSONAL else None
        s.add(obj)
        s.flush()
        patch = {k: jsonable(getattr(obj, k)) for k in self._patch_keys(cls)}
        self._record_change(s, obj, "create", patch, hlc)
        return obj

    def update(self, record_type: str, record_id: str, changes: Mapping[str, Any]) -> Envelope:
        with self._transaction() as s:
            obj = self._live_for_change(s, record_type, record_id)
            if not self.update_in(s, obj, changes):
                s.expunge(obj)
            return obj

    def update_in(self, s: Session, obj: Envelope, changes: Mapping[str, Any]) -> bool:
        """Change a record (loaded in ``s``) inside the caller's transaction, with every check of :meth:`update`.

        Returns False when nothing actually changed (and nothing is written).
        """
        record_type = obj.RECORD_TYPE
        cls = type(obj)
        if obj.deleted:
            raise RecordDeleted(
                _("That {kind} record was deleted, so it cannot be changed.").format(kind=_type_label(cls))
            )
        cleaned = {k: clean_value(cls, k, v) for k, v in changes.items()}
        changed = {k: v for k, v in cleaned.items() if getattr(obj, k) != v}
        if not changed:
            return False
        for key, col in columns_of(cls).items():
            if key in changed and col.info.get("required") and changed[key] in (None, "", []):
                raise ValidationError(_("The {label} cannot be left empty.").format(label=_label(col)), field=key)
        frozen = IMMUTABLE_FIELDS.get(record_type, frozenset()) & changed.keys()
        if frozen:
            raise ValidationError(
                _("What the person chose and said is kept as it was recorded. Add a new dated entry instead."),
                field=sorted(frozen)[0],
            )
        self._check_append_only(obj, record_type)
        self._check_refs(s, cls, changed)
        merged = {k: getattr(obj, k) for k in columns_of(cls)} | changed
        self._check_rules(record_type, merged, obj)
        hlc = self.ws.clock.tick()
        for key, value in changed.items():
            setattr(obj, key, value)
        self._stamp(obj, hlc)
        s.flush()
        self._record_change(s, obj, "update", {k: jsonable(v) for k, v in changed.items()}, hlc)
        return True

    def _live_for_change(self, s: Session, record_type: str, record_id: str) -> Envelope:
        cls = record_class(record_type)
        obj = s.get(cls, record_id)
        if obj is None:
            raise RecordNotFound(_("That {kind} record is not on this computer.").format(kind=_type_label(cls)))
        if obj.deleted:
            raise RecordDeleted(
                _("That {kind} record was deleted, so it cannot be changed.").format(kind=_type_label(cls))
            )
        return obj

    def delete(self, record_type: str, record_id: str) -> Envelope:
        """Tombstone a record: it disappears from lists and syncs as deleted; nothing is erased until evicted."""
        cls = record_class(record_type)
        with self._transaction() as s:
            obj = s.get(cls, record_id)
            if obj is None:
                raise RecordNotFound(_("That {kind} record is not on this computer.").format(kind=_type_label(cls)))
            if obj.deleted:
                return obj
            self._check_append_only(obj, record_type)
            hlc = self.ws.clock.tick()
            obj.deleted = True
            obj.deleted_at = utcnow()
            obj.deleted_by = self.ws.identity.user_id
            self._stamp(obj, hlc)
            s.flush()
            self._record_change(s, obj, "delete", {}, hlc, deleted=True)
        return obj

    # --- helpers ---------------------------------------------------------------------------------------------

    @staticmethod
    def _patch_keys(cls: type[Envelope]) -> list[str]:
        return [*columns_of(cls).keys(), "visibility", "privileged", "consent_id"]

    def _stamp(self, obj: Envelope, hlc: str) -> None:
        obj.edited_hlc = hlc
        obj.edited_by = self.ws.identity.user_id
        obj.edited_device = self.ws.identity.device_id

    def _record_change(
        self, s: Session, obj: Envelope, action: str, patch: dict[str, Any], hlc: str, *, deleted: bool = False
    ) -> None:
        s.add(
            OutboxEntry(
                record_id=obj.id,
                record_type=obj.RECORD_TYPE,
                person_id=obj.person_id,
                base_rev=obj.rev,
                patch=patch,
                deleted=deleted,
                edited_hlc=hlc,
                created_at=utcnow(),
            )
        )
        self.ws.audit(
            s, action, record_type=obj.RECORD_TYPE, record_id=obj.id, person_id=obj.person_id,
            fields=sorted(patch), hlc=hlc,
        )

    def _require_live(self, s: Session, record_type: str, record_id: str) -> Envelope:
        cls = record_class(record_type)
        obj = s.get(cls, record_id)
        if obj is None or obj.deleted:
            raise ValidationError(
                _("The linked {kind} record was not found on this computer.").format(kind=_type_label(cls))
            )
        return obj

    def _check_refs(self, s: Session, cls: type[Envelope], values: Mapping[str, Any]) -> None:
        for key, col in columns_of(cls).items():
            if col.info.get("kind") != "ref" or not values.get(key):
                continue
            (fk,) = col.foreign_keys
            target = fk.column.table.name
            self._require_live(s, target, values[key])
        if values.get("consent_id"):
            self._require_live(s, "consent", values["consent_id"])

    def _check_append_only(self, obj: Envelope, record_type: str) -> None:
        if record_type == "note_entry":
            if obj.owner_user_id != self.ws.identity.user_id:
                raise ValidationError(_("Only the person who wrote a note can change it. Add a new entry instead."))
            if getattr(obj, "signed_at", None) is not None:
                raise ValidationError(_("A signed note cannot be changed. Add a new entry instead."))

    def _check_rules(self, record_type: str, values: Mapping[str, Any], existing: Envelope | None) -> None:
        """Rules that span fields. Kept few and stated in plain words."""
        today = dt.date.today()
        if record_type == "person":
            dob = values.get("date_of_birth")
            if dob is not None and dob > today:
                raise ValidationError(_("The date of birth cannot be in the future."), field="date_of_birth")
        if record_type == "consent":
            start, end = values.get("starts_on"), values.get("expires_on")
            if start and end and end < start:
                raise ValidationError(_("The consent cannot expire before it starts."), field="expires_on")
        if record_type in ("checklist_response", "screening"):
            from app.core.sessions import check_completion

            check_completion(self.ws, record_type, values)
        if record_type == "identification_decision" and not str(values.get("decided_by_name") or "").strip():
            raise ValidationError(
                _("An identification decision is made by a named person: please give the name."),
                field="decided_by_name",
            )
        if record_type == "justice_contact":
            disposed = values.get("disposition_date")
            arrested = values.get("arrest_date")
            if disposed and arrested and disposed < arrested:
                raise ValidationError(
                    _("The disposition date cannot be before the arrest date."), field="disposition_date"
                )


def _new_id() -> str:
    from app.models.base import uuid7

    return uuid7()


def known_record_types() -> list[str]:
    return sorted(RECORD_TYPES)
