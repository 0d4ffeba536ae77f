"""The prosecution's disclosure review for one person: every statement, interview note and benefit given, in date
order, each with its source record (DOMAIN.md section 4: Brady and Giglio material must be findable, never hidden).

Only the prosecution regime may gather it. Privileged advocacy records never reach prosecution (DESIGN.md section
4), so an advocacy vault is refused with a plain reason, and an advocacy record that somehow sits in a prosecution
vault is left out. Deleted records are included and marked: deleting a benefit must not hide it from the defence.

The review's words (kinds, sources, details, the summary) are in the app's language; what was recorded (a statement,
a note, a benefit's description, a court's name) is shown as it was typed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from app.core.i18n import N_, _, ngettext
from app.core.timeline import day_words
from app.errors import OfframpError
from app.models import Benefit, Disclosure, Encounter, NoteEntry, Person, ReliefPetition

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: The audit action written each time a review is gathered (ids only, like every audit event).
REVIEW_ACTION = "disclosure_review"

#: Kinds of entry, in the order they sort within one day.
KINDS: dict[str, str] = {
    "statement": N_("Statement"),
    "interview_note": N_("Interview note"),
    "note": N_("Note"),
    "shared_fact": N_("Shared with consent"),
    "benefit": N_("Benefit given"),
    "possible_benefit": N_("Possible benefit"),
}
#: "3 statements": each kind counted, in the app's language (its plural through the catalogue).
KIND_COUNTS: dict[str, Callable[[int], str]] = {
    "statement": lambda n: ngettext("{n} statement", "{n} statements", n).format(n=n),
    "interview_note": lambda n: ngettext("{n} interview note", "{n} interview notes", n).format(n=n),
    "note": lambda n: ngettext("{n} other note", "{n} other notes", n).format(n=n),
    "shared_fact": lambda n: ngettext("{n} fact shared with consent", "{n} facts shared with consent", n).format(n=n),
    "benefit": lambda n: ngettext("{n} benefit given", "{n} benefits given", n).format(n=n),
    "possible_benefit": lambda n: ngettext("{n} possible benefit", "{n} possible benefits", n).format(n=n),
}
BENEFIT_WORDS: dict[str, str] = {
    "dismissed_charge": N_("Dismissed charge"),
    "reduced_charge": N_("Reduced charge"),
    "immigration_certification": N_("Immigration certification"),
    "relocation": N_("Relocation help"),
    "compensation": N_("Compensation help"),
    "other": N_("Other benefit"),
}
_ENCOUNTER_WORDS = {"interview": N_("Interview"), "court": N_("Court date"), "phone": N_("Phone call"),
                    "visit": N_("Visit"), "other": N_("Contact")}  # fmt: skip
#: "Interview on 3 Nov 2025" (the contact a statement was made in).
_ENCOUNTER_ON = {"interview": N_("Interview on {day}"), "court": N_("Court date on {day}"),
                 "phone": N_("Phone call on {day}"), "visit": N_("Visit on {day}"),
                 "other": N_("Contact on {day}")}  # fmt: skip
#: A note on a contact: each its own sentence, so a language can give each contact its own article.
_NOTE_ON_CONTACT = {"interview": N_("Note on the interview of {day}"), "court": N_("Note on the court date of {day}"),
                    "phone": N_("Note on the phone call of {day}"), "visit": N_("Note on the visit of {day}"),
                    "other": N_("Note on the contact of {day}")}  # fmt: skip
_NOTE_ON_UNDATED = {"interview": N_("Note on an interview"), "court": N_("Note on a court date"),
                    "phone": N_("Note on a phone call"), "visit": N_("Note on a visit"),
                    "other": N_("Note on a contact")}  # fmt: skip
_NOTE_ON_PARENT = {"person": N_("Note on the person's record"), "relief_case": N_("Note on a record-relief case"),
                   "benefit": N_("Note on a benefit"), "justice_contact": N_("Note on a justice contact"),
                   "referral": N_("Note on a referral")}  # fmt: skip
_POSITION_WORDS = {"consents": N_("The prosecution consented to a petition for {relief}."),
                   "no_objection": N_("The prosecution did not object to a petition for {relief}.")}  # fmt: skip
#: The kinds of relief a petition asks for, as printed in the review (in English, the stored word itself).
_RELIEF_WORDS = {"vacatur": N_("vacatur"), "expungement": N_("expungement"), "sealing": N_("sealing")}
_OUTCOME_WORDS = {"pending": N_("The outcome: pending."), "granted": N_("The outcome: granted."),
                  "partly_granted": N_("The outcome: partly granted."), "denied": N_("The outcome: denied."),
                  "withdrawn": N_("The outcome: withdrawn.")}  # fmt: skip


class DisclosureReviewRefused(OfframpError):
    """The review was asked for outside the prosecution regime."""

    code = "disclosure_review_refused"


REFUSAL = N_(
    "The disclosure review is for the prosecution team only. This computer holds advocacy records, which stay "
    "confidential: they never go to the prosecution."
)


@dataclass(frozen=True)
class ReviewEntry:
    when: dt.date | None
    kind: str
    text: str
    detail: str
    record_type: str
    record_id: str
    source: str
    deleted_on: dt.date | None = None

    @property
    def kind_words(self) -> str:
        return _(KINDS[self.kind])

    @property
    def when_words(self) -> str:
        return day_words(self.when) if self.when else _("Date not recorded")


@dataclass(frozen=True)
class DisclosureReview:
    person_id: str
    person_name: str
    prepared_on: dt.date
    prepared_by: str  # a user id: staff names live on the office server
    entries: list[ReviewEntry]

    def counts(self) -> dict[str, int]:
        found = Counter(e.kind for e in self.entries)
        return {kind: found[kind] for kind in KINDS if found[kind]}

    def summary(self) -> str:
        """ "3 statements, 2 interview notes and 1 benefit given" (or that nothing was found)."""
        parts = [KIND_COUNTS[kind](n) for kind, n in self.counts().items()]
        if not parts:
            return _("No statements, interview notes or benefits are recorded for this person.")
        if len(parts) == 1:
            return parts[0]
        return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


def _local(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().date()


def _deleted_on(row: Any) -> dt.date | None:
    return _local(row.deleted_at) if row.deleted else None


def _written(ws: Workspace, user_id: str | None, signed_at: Any) -> str:
    """ "Written by you, signed": who wrote a note (staff names live on the office server) and whether it is signed."""
    signed = bool(signed_at)
    if user_id and user_id == ws.identity.user_id:
        return _("Written by you, signed") if signed else _("Written by you, not signed yet")
    if user_id:
        user = user_id.replace("-", "")[:8]
        words = _("Written by user {user}, signed") if signed else _("Written by user {user}, not signed yet")
        return words.format(user=user)
    return _("Written by someone, signed") if signed else _("Written by someone, not signed yet")


def _kept(cls: Any) -> Any:
    """Records of the prosecution regime only: a privileged advocacy record is never shown to prosecution."""
    return (cls.regime == "prosecution", or_(cls.privileged.is_(False), cls.privileged.is_(None)))


def gather_review(ws: Workspace, person_id: str, *, today: dt.date | None = None) -> DisclosureReview:
    """Gather one person's statements, interview notes and benefits; raises :class:`DisclosureReviewRefused`
    outside the prosecution regime. Each gathering is written to the audit trail (ids only)."""
    if ws.identity.regime != "prosecution":
        raise DisclosureReviewRefused(_(REFUSAL))
    person = ws.records.get("person", person_id)
    assert isinstance(person, Person)
    entries: list[ReviewEntry] = []
    with ws.session() as s:
        encounters = {
            r.id: r
            for r in s.execute(
                select(Encounter.id, Encounter.occurred_at, Encounter.kind, Encounter.purpose, Encounter.summary,
                       Encounter.deleted, Encounter.deleted_at)
                .where(Encounter.person_id == person_id, *_kept(Encounter))
            )
        }  # fmt: skip
        for e in encounters.values():
            if not (e.summary or "").strip():
                continue
            day = _local(e.occurred_at)
            contact = e.kind if e.kind in _ENCOUNTER_WORDS else "other"
            source = _(_ENCOUNTER_ON[contact]).format(day=day_words(day)) if day else _(_ENCOUNTER_WORDS[contact])
            entries.append(ReviewEntry(
                when=day, kind="statement", text=e.summary.strip(), detail=e.purpose or "", record_type="encounter",
                record_id=e.id, source=source, deleted_on=_deleted_on(e),
            ))  # fmt: skip

        notes = s.execute(
            select(NoteEntry.id, NoteEntry.body, NoteEntry.created_at, NoteEntry.parent_type, NoteEntry.parent_id,
                   NoteEntry.owner_user_id, NoteEntry.signed_at, NoteEntry.deleted, NoteEntry.deleted_at)
            .where(NoteEntry.person_id == person_id, *_kept(NoteEntry))
        ).all()  # fmt: skip
        for n in notes:
            parent = encounters.get(n.parent_id) if n.parent_type == "encounter" else None
            if parent is not None:
                day = _local(parent.occurred_at)
                contact = parent.kind if parent.kind in _ENCOUNTER_WORDS else "other"
                about = _(_NOTE_ON_CONTACT[contact]).format(day=day_words(day)) if day else _(_NOTE_ON_UNDATED[contact])
                kind = "interview_note"
            else:
                on = _NOTE_ON_PARENT.get(n.parent_type or "person")
                about = _(on) if on else _("Note on a record")
                kind = "note"
            entries.append(ReviewEntry(
                when=_local(n.created_at), kind=kind, text=n.body, detail=_written(ws, n.owner_user_id, n.signed_at),
                record_type="note_entry", record_id=n.id, source=about, deleted_on=_deleted_on(n),
            ))  # fmt: skip

        benefits = s.execute(
            select(Benefit.id, Benefit.kind, Benefit.given_on, Benefit.description, Benefit.given_by,
                   Benefit.created_at, Benefit.deleted, Benefit.deleted_at)
            .where(Benefit.person_id == person_id, *_kept(Benefit))
        ).all()  # fmt: skip
        for b in benefits:
            words = _(BENEFIT_WORDS.get(b.kind, BENEFIT_WORDS["other"]))
            text = f"{words}: {b.description.strip()}" if (b.description or "").strip() else words
            given_by = _("Given by {name}").format(name=b.given_by) if b.given_by else ""
            entries.append(ReviewEntry(
                when=b.given_on, kind="benefit", text=text, detail=given_by,
                record_type="benefit", record_id=b.id, source=_("Benefit record"), deleted_on=_deleted_on(b),
            ))  # fmt: skip

        shared = s.execute(
            select(Disclosure.id, Disclosure.facts, Disclosure.purpose, Disclosure.disclosed_on, Disclosure.recipient,
                   Disclosure.deleted, Disclosure.deleted_at)
            .where(Disclosure.person_id == person_id, Disclosure.allowed.is_(True), *_kept(Disclosure))
        ).all()  # fmt: skip
        for d in shared:
            if not (d.facts or "").strip():
                continue
            entries.append(ReviewEntry(
                when=d.disclosed_on, kind="shared_fact", text=d.facts.strip(),
                detail=_("Purpose: {purpose}").format(purpose=d.purpose) if d.purpose else "",
                record_type="disclosure", record_id=d.id,
                source=_("Shared with {recipient}").format(recipient=d.recipient), deleted_on=_deleted_on(d),
            ))  # fmt: skip

        # Record relief the prosecution agreed to is something of value to a witness: listed for the reviewer.
        petitions = s.execute(
            select(ReliefPetition.id, ReliefPetition.prosecutor_position, ReliefPetition.filed_on,
                   ReliefPetition.relief_types, ReliefPetition.outcome, ReliefPetition.filing_court,
                   ReliefPetition.deleted, ReliefPetition.deleted_at)
            .where(ReliefPetition.person_id == person_id, *_kept(ReliefPetition),
                   ReliefPetition.prosecutor_position.in_(tuple(_POSITION_WORDS)))
        ).all()  # fmt: skip
        for p in petitions:
            relief = ", ".join(_(_RELIEF_WORDS[r]) if r in _RELIEF_WORDS else r for r in p.relief_types or [])
            text = _(_POSITION_WORDS[p.prosecutor_position]).format(relief=relief or _("record relief"))
            if p.outcome:
                known = _OUTCOME_WORDS.get(str(p.outcome))
                outcome = str(p.outcome).replace("_", " ")
                text += " " + (_(known) if known else _("The outcome: {outcome}.").format(outcome=outcome))
            entries.append(ReviewEntry(
                when=p.filed_on, kind="possible_benefit", text=text,
                detail=_("Filed in {court}").format(court=p.filing_court) if p.filing_court else "",
                record_type="relief_petition", record_id=p.id, source=_("Record-relief petition"),
                deleted_on=_deleted_on(p),
            ))  # fmt: skip

    order = list(KINDS)
    entries.sort(key=lambda e: (e.when is None, e.when or dt.date.min, order.index(e.kind), e.record_id))
    ws.log_event(REVIEW_ACTION, record_type="person", record_id=person_id, person_id=person_id)
    return DisclosureReview(
        person_id=person_id,
        person_name=person.preferred_name,
        prepared_on=today or dt.date.today(),
        prepared_by=ws.identity.user_id,
        entries=entries,
    )


__all__ = [
    "BENEFIT_WORDS",
    "KINDS",
    "KIND_COUNTS",
    "REFUSAL",
    "REVIEW_ACTION",
    "DisclosureReview",
    "DisclosureReviewRefused",
    "ReviewEntry",
    "gather_review",
]
