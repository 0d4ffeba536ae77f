"""The prosecution's disclosure review for one person: every statement, interview note and benefit given, in date
order, each with its source record (DOMAIN.md section 4: Brady and Giglio material must be findable, never hidden).

Only the prosecution regime may gather it. Privileged advocacy records never reach prosecution (DESIGN.md section
4), so an advocacy vault is refused with a plain reason, and an advocacy record that somehow sits in a prosecution
vault is left out. Deleted records are included and marked: deleting a benefit must not hide it from the defence.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select

from app.core.timeline import day_words, who
from app.errors import OfframpError
from app.models import Benefit, Disclosure, Encounter, NoteEntry, Person, ReliefPetition

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: The audit action written each time a review is gathered (ids only, like every audit event).
REVIEW_ACTION = "disclosure_review"

#: Kinds of entry, in the order they sort within one day.
KINDS: dict[str, str] = {
    "statement": "Statement",
    "interview_note": "Interview note",
    "note": "Note",
    "shared_fact": "Shared with consent",
    "benefit": "Benefit given",
    "possible_benefit": "Possible benefit",
}
KIND_PLURALS: dict[str, tuple[str, str]] = {
    "statement": ("statement", "statements"),
    "interview_note": ("interview note", "interview notes"),
    "note": ("other note", "other notes"),
    "shared_fact": ("fact shared with consent", "facts shared with consent"),
    "benefit": ("benefit given", "benefits given"),
    "possible_benefit": ("possible benefit", "possible benefits"),
}
BENEFIT_WORDS: dict[str, str] = {
    "dismissed_charge": "Dismissed charge",
    "reduced_charge": "Reduced charge",
    "immigration_certification": "Immigration certification",
    "relocation": "Relocation help",
    "compensation": "Compensation help",
    "other": "Other benefit",
}
_ENCOUNTER_WORDS = {"interview": "Interview", "court": "Court date", "phone": "Phone call", "visit": "Visit",
                    "other": "Contact"}  # fmt: skip
_PARENT_WORDS = {"person": "the person's record", "relief_case": "a record-relief case", "benefit": "a benefit",
                 "justice_contact": "a justice contact", "referral": "a referral"}  # fmt: skip
_POSITION_WORDS = {"consents": "consented to", "no_objection": "did not object to"}


class DisclosureReviewRefused(OfframpError):
    """The review was asked for outside the prosecution regime."""

    code = "disclosure_review_refused"


REFUSAL = (
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
        return KINDS[self.kind]

    @property
    def when_words(self) -> str:
        return day_words(self.when) if self.when else "Date not recorded"


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
        parts = []
        for kind, n in self.counts().items():
            one, many = KIND_PLURALS[kind]
            parts.append(f"{n} {one if n == 1 else many}")
        if not parts:
            return "No statements, interview notes or benefits are recorded for this person."
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _local(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().date()


def _deleted_on(row: Any) -> dt.date | None:
    return _local(row.deleted_at) if row.deleted else None


def _kept(cls: Any) -> Any:
    """Records of the prosecution regime only: a privileged advocacy record is never shown to prosecution."""
    return (cls.regime == "prosecution", or_(cls.privileged.is_(False), cls.privileged.is_(None)))


def gather_review(ws: Workspace, person_id: str, *, today: dt.date | None = None) -> DisclosureReview:
    """Gather one person's statements, interview notes and benefits; raises :class:`DisclosureReviewRefused`
    outside the prosecution regime. Each gathering is written to the audit trail (ids only)."""
    if ws.identity.regime != "prosecution":
        raise DisclosureReviewRefused(REFUSAL)
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
            title = _ENCOUNTER_WORDS.get(e.kind or "other", "Contact")
            entries.append(ReviewEntry(
                when=day, kind="statement", text=e.summary.strip(), detail=e.purpose or "", record_type="encounter",
                record_id=e.id, source=f"{title} on {day_words(day)}" if day else title, deleted_on=_deleted_on(e),
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
                title = _ENCOUNTER_WORDS.get(parent.kind or "other", "Contact").lower()
                about = f"Note on the {title} of {day_words(day)}" if day else f"Note on a {title}"
                kind = "interview_note"
            else:
                about = f"Note on {_PARENT_WORDS.get(n.parent_type or 'person', 'a record')}"
                kind = "note"
            author = who(ws, n.owner_user_id)
            written = "Written by you" if author == "You" else f"Written by {author.lower()}"
            signed = "signed" if n.signed_at else "not signed yet"
            entries.append(ReviewEntry(
                when=_local(n.created_at), kind=kind, text=n.body, detail=f"{written}, {signed}",
                record_type="note_entry", record_id=n.id, source=about, deleted_on=_deleted_on(n),
            ))  # fmt: skip

        benefits = s.execute(
            select(Benefit.id, Benefit.kind, Benefit.given_on, Benefit.description, Benefit.given_by,
                   Benefit.created_at, Benefit.deleted, Benefit.deleted_at)
            .where(Benefit.person_id == person_id, *_kept(Benefit))
        ).all()  # fmt: skip
        for b in benefits:
            words = BENEFIT_WORDS.get(b.kind, "Other benefit")
            text = f"{words}: {b.description.strip()}" if (b.description or "").strip() else words
            entries.append(ReviewEntry(
                when=b.given_on, kind="benefit", text=text, detail=f"Given by {b.given_by}" if b.given_by else "",
                record_type="benefit", record_id=b.id, source="Benefit record", deleted_on=_deleted_on(b),
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
                detail=f"Purpose: {d.purpose}" if d.purpose else "", record_type="disclosure", record_id=d.id,
                source=f"Shared with {d.recipient}", deleted_on=_deleted_on(d),
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
            relief = ", ".join(p.relief_types or []) or "record relief"
            outcome = f" The outcome: {str(p.outcome).replace('_', ' ')}." if p.outcome else ""
            entries.append(ReviewEntry(
                when=p.filed_on, kind="possible_benefit",
                text=f"The prosecution {_POSITION_WORDS[p.prosecutor_position]} a petition for {relief}.{outcome}",
                detail=f"Filed in {p.filing_court}" if p.filing_court else "", record_type="relief_petition",
                record_id=p.id, source="Record-relief petition", deleted_on=_deleted_on(p),
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
    "REFUSAL",
    "REVIEW_ACTION",
    "DisclosureReview",
    "DisclosureReviewRefused",
    "ReviewEntry",
    "gather_review",
]
