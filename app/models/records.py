"""Every synced record type (DOMAIN.md sections 1-7, DESIGN.md section 3).

Each class mixes in :class:`~app.models.base.Envelope`; every domain column is made with a helper from
:mod:`app.models.base`, so it carries ``info`` (label, kind, choices, required) for validation and tests.

Allowed values are :class:`enum.StrEnum` classes stored as lower_snake_case strings. The database does not
enforce them (an older client must keep a value a newer one sent); ``app.core`` checks them on local edits.

Words follow DOMAIN.md section 8: "declined" or "not now", never "refused"; "indicators present", never
"positive"; a person is a person unless they choose "survivor" or "victim".
"""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any

from sqlalchemy import Index, LargeBinary, func
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import (
    N_,
    Base,
    Envelope,
    choice,
    date,
    flag,
    ref,
    structured,
    text,
    text_list,
    timestamp,
)

__all__ = [
    "AgeGroup",
    "Benefit",
    "BenefitKind",
    "CertificationDecision",
    "CertificationForm",
    "CertificationRequest",
    "CertificationRequester",
    "ChargeLevel",
    "ChargeOutcome",
    "ChargingDecision",
    "ChargingDecisionKind",
    "ChecklistResponse",
    "Consent",
    "ConsentMethod",
    "DangerNow",
    "DeadlineKind",
    "Disclosure",
    "DisclosureChannel",
    "Disposition",
    "Eligibility",
    "Encounter",
    "EncounterKind",
    "EncounterSetting",
    "EncounterStatus",
    "IdentificationDecision",
    "IdentificationStatus",
    "ItemAnswer",
    "JusticeCaseStatus",
    "JusticeContact",
    "JusticeRole",
    "LeavingIntent",
    "NoteEntry",
    "Person",
    "PetitionOutcome",
    "PlanComponent",
    "PlanStatus",
    "PractitionerAssessment",
    "PreferredTerm",
    "ProsecutorPosition",
    "Provider",
    "ProviderContact",
    "Referral",
    "ReferralDecision",
    "ReferralEvent",
    "ReferralEventKind",
    "ReferralOutcome",
    "ReliefCase",
    "ReliefCaseStatus",
    "ReliefCharge",
    "ReliefDeadline",
    "ReliefPetition",
    "ReliefType",
    "SafeContact",
    "SafetyPlan",
    "SafetyPlanItem",
    "Screening",
    "ScreeningPrompt",
    "SessionStatus",
    "SurvivorChoice",
    "TraffickingType",
]


# --- allowed values -----------------------------------------------------------------------------------------


class PreferredTerm(enum.StrEnum):
    """How the person wants to be referred to (DOMAIN.md section 8). "Person" unless they choose otherwise."""

    PERSON = "person"
    SURVIVOR = "survivor"
    VICTIM = "victim"


class AgeGroup(enum.StrEnum):
    ADULT = "adult"
    MINOR = "minor"
    UNKNOWN = "unknown"


class JusticeRole(enum.StrEnum):
    """The person's role in a justice-system matter (measure 2 splits by it)."""

    DEFENDANT = "defendant"
    WITNESS = "witness"
    COMPLAINANT = "complainant"
    OTHER = "other"


class JusticeCaseStatus(enum.StrEnum):
    OPEN = "open"
    DISPOSED = "disposed"
    UNKNOWN = "unknown"


class Disposition(enum.StrEnum):
    """How a justice-system matter ended (measure 14 counts the non-conviction outcomes)."""

    PENDING = "pending"
    DISMISSED = "dismissed"
    DECLINED = "declined"
    DIVERTED = "diverted"
    ACQUITTED = "acquitted"
    CONVICTED = "convicted"
    OTHER_NON_CONVICTION = "other_non_conviction"


class ChargeLevel(enum.StrEnum):
    FELONY = "felony"
    MISDEMEANOR = "misdemeanor"
    VIOLATION = "violation"
    JUVENILE = "juvenile"
    OTHER = "other"


class EncounterKind(enum.StrEnum):
    INTERVIEW = "interview"
    COURT = "court"
    PHONE = "phone"
    VISIT = "visit"
    OTHER = "other"


class EncounterSetting(enum.StrEnum):
    """Where an encounter took place, as a kind of place: never an address."""

    COURTHOUSE = "courthouse"
    JAIL = "jail"
    OFFICE = "office"
    COMMUNITY = "community"
    PHONE = "phone"
    VIDEO = "video"
    OTHER = "other"


class EncounterStatus(enum.StrEnum):
    PLANNED = "planned"
    COMPLETE = "complete"
    PARTIAL = "partial"
    STOPPED_AT_REQUEST = "stopped_at_request"


class SessionStatus(enum.StrEnum):
    """How far a checklist or screening session went. Stopping at the person's request is always allowed."""

    COMPLETE = "complete"
    PARTIAL = "partial"
    STOPPED_AT_REQUEST = "stopped_at_request"


class ItemAnswer(enum.StrEnum):
    """The answer to one screening or checklist item (the ``answer`` inside ``answers``).

    "Declined" is a choice the person made and is never counted as "no" (DOMAIN.md section 1.3).
    """

    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    DECLINED = "declined"
    NOT_ASKED = "not_asked"


class PractitionerAssessment(enum.StrEnum):
    """The practitioner's reading of a screening: a screen is not a determination."""

    INDICATORS_PRESENT = "indicators_present"
    UNCLEAR = "unclear"
    NOT_INDICATED = "not_indicated"


class IdentificationStatus(enum.StrEnum):
    IDENTIFIED = "identified"
    NOT_IDENTIFIED = "not_identified"
    UNCLEAR = "unclear"


class TraffickingType(enum.StrEnum):
    SEX = "sex"
    LABOUR = "labour"
    BOTH = "both"
    EXPLOITATION = "exploitation"
    UNKNOWN = "unknown"


class LeavingIntent(enum.StrEnum):
    """Where the person is with leaving. "Not ready" is a complete, valid plan."""

    NOT_READY = "not_ready"
    PLANNING = "planning"
    LEFT = "left"
    NOT_ASKED = "not_asked"


class DangerNow(enum.StrEnum):
    YES = "yes"
    NO = "no"
    UNSURE = "unsure"
    DECLINED = "declined"
    NOT_ASKED = "not_asked"


class PlanStatus(enum.StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class PlanComponent(enum.StrEnum):
    """The parts of a safety plan (DOMAIN.md section 3)."""

    DANGER_NOW = "danger_now"
    TRAFFICKER_ACCESS = "trafficker_access"
    PHONE_TECHNOLOGY = "phone_technology"
    SAFE_CONTACTS = "safe_contacts"
    SAFE_PLACES = "safe_places"
    DOCUMENTS = "documents"
    MONEY = "money"
    CHILDREN = "children"
    HEALTH = "health"
    LEAVING_PLAN = "leaving_plan"
    AFTER_LEAVING = "after_leaving"
    COURT_DAY = "court_day"


class SurvivorChoice(enum.StrEnum):
    """What the person chose. Recorded as given; never overwritten."""

    CHOSEN = "chosen"
    DECLINED = "declined"
    NOT_NOW = "not_now"


class ReferralDecision(enum.StrEnum):
    """The person's decision on a referral offered: a choice, not a failure."""

    ACCEPTED = "accepted"
    DECLINED = "declined"
    NOT_NOW = "not_now"
    PENDING = "pending"


class ReferralOutcome(enum.StrEnum):
    OPEN = "open"
    SERVED = "served"
    NOT_SERVED = "not_served"
    CLOSED = "closed"


class ReferralEventKind(enum.StrEnum):
    MADE = "made"
    ACCEPTED_BY_PROVIDER = "accepted_by_provider"
    FIRST_SERVICE_CONFIRMED = "first_service_confirmed"
    FOLLOW_UP_DONE = "follow_up_done"
    CLOSED = "closed"


class ProviderContact(enum.StrEnum):
    """How the provider and the person will reach each other. Each must respect the person's safe-contact rules."""

    WARM_HANDOFF = "warm_handoff"
    PERSON_CONTACTS_PROVIDER = "person_contacts_provider"
    CALL_PERSON = "call_person"
    TEXT_PERSON = "text_person"
    MAIL_TO_PERSON = "mail_to_person"
    MESSAGE_FOR_PERSON = "message_for_person"


class BenefitKind(enum.StrEnum):
    """Something of value given to a person in a prosecution, which the defence must be told about."""

    DISMISSED_CHARGE = "dismissed_charge"
    REDUCED_CHARGE = "reduced_charge"
    IMMIGRATION_CERTIFICATION = "immigration_certification"
    RELOCATION = "relocation"
    COMPENSATION = "compensation"
    OTHER = "other"


class ChargingDecisionKind(enum.StrEnum):
    """What a prosecutor decided about a charge (issue: the prosecutor's desk). Not a disposition: a court's
    outcome stays on the justice matter."""

    FILE_AS_CHARGED = "file_as_charged"
    REDUCE = "reduce"
    DIVERT = "divert"
    DEFER = "defer"
    DECLINE = "decline"
    DISMISS = "dismiss"
    MOVE_TO_VACATE = "move_to_vacate"
    OTHER = "other"


class CertificationForm(enum.StrEnum):
    """The USCIS supplements a certifying agency signs."""

    U_VISA_I918_SUPPLEMENT_B = "i918_supplement_b"
    T_VISA_I914_SUPPLEMENT_B = "i914_supplement_b"


class CertificationRequester(enum.StrEnum):
    """Who asked for the certification, on the person's behalf."""

    ATTORNEY = "attorney"
    ADVOCATE = "advocate"
    PERSON = "person"
    OTHER = "other"


class CertificationDecision(enum.StrEnum):
    """How a certification request ended. None while it is open."""

    CERTIFIED = "certified"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"


class ConsentMethod(enum.StrEnum):
    WRITTEN = "written"
    VERBAL_WITNESSED = "verbal_witnessed"


class ReliefCaseStatus(enum.StrEnum):
    """Record-relief status, the fixed list of DOMAIN.md section 5."""

    SCREENING = "screening"
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"
    SURVIVOR_DECIDING = "survivor_deciding"
    PREPARING = "preparing"
    FILED = "filed"
    HEARING_SET = "hearing_set"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    DENIED = "denied"
    RECORDS_CORRECTED = "records_corrected"
    CLOSED = "closed"
    WITHDRAWN_BY_SURVIVOR = "withdrawn_by_survivor"


class ReliefType(enum.StrEnum):
    VACATUR = "vacatur"
    EXPUNGEMENT = "expungement"
    SEALING = "sealing"
    OTHER = "other"


class Eligibility(enum.StrEnum):
    UNKNOWN = "unknown"
    ELIGIBLE = "eligible"
    NOT_ELIGIBLE = "not_eligible"


class ChargeOutcome(enum.StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    DENIED = "denied"


class PetitionOutcome(enum.StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    PARTLY_GRANTED = "partly_granted"
    DENIED = "denied"
    WITHDRAWN = "withdrawn"


class ProsecutorPosition(enum.StrEnum):
    CONSENTS = "consents"
    NO_OBJECTION = "no_objection"
    OPPOSES = "opposes"
    UNKNOWN = "unknown"


class DeadlineKind(enum.StrEnum):
    FILING_LIMIT = "filing_limit"
    RESPONSE = "response"
    HEARING = "hearing"
    APPEAL = "appeal"
    OTHER = "other"


class DisclosureChannel(enum.StrEnum):
    SYNC = "sync"
    EXPORT = "export"
    SHARE = "share"


# --- the person and the justice system ----------------------------------------------------------------------


class Person(Envelope, Base):
    """A person the office works with. Their ``person_id`` is their own ``id``."""

    __tablename__ = "person"
    RECORD_TYPE = "person"

    preferred_name: Mapped[str] = text(N_("Preferred name"), length=200, required=True)
    legal_name: Mapped[str | None] = text(N_("Legal name"), length=200)
    aliases: Mapped[list[str]] = text_list(N_("Other names"))
    pronouns: Mapped[str | None] = text(N_("Pronouns"), length=60)
    preferred_term: Mapped[str | None] = choice(N_("How they want to be referred to"), PreferredTerm)
    languages: Mapped[list[str]] = text_list(N_("Languages"))
    interpreter_needed: Mapped[bool | None] = flag(N_("Interpreter needed"))
    date_of_birth: Mapped[dt.date | None] = date(N_("Date of birth"))
    age_group: Mapped[str] = choice(N_("Age group"), AgeGroup, default=AgeGroup.UNKNOWN)
    # Safe ways to reach the person: None means nobody has asked yet, which is not the same as "no".
    safe_to_call: Mapped[bool | None] = flag(N_("Safe to call"))
    safe_to_text: Mapped[bool | None] = flag(N_("Safe to text"))
    safe_to_leave_message: Mapped[bool | None] = flag(N_("Safe to leave a message"))
    safe_to_send_mail: Mapped[bool | None] = flag(N_("Safe to send mail"))
    safe_times: Mapped[str | None] = text(N_("Safe times to make contact"), length=200)
    contact_notes: Mapped[str | None] = text(N_("Contact notes"), long=True)
    is_demo: Mapped[bool] = flag(N_("Demo record"), default=False)


class JusticeContact(Envelope, Base):
    """One justice-system matter the person is part of, in any role."""

    __tablename__ = "justice_contact"
    RECORD_TYPE = "justice_contact"

    court: Mapped[str | None] = text(N_("Court"), length=200)
    county: Mapped[str | None] = text(N_("County"), length=80)
    state: Mapped[str | None] = text(N_("State"), length=40)
    docket_number: Mapped[str | None] = text(N_("Docket number"), length=80)
    role: Mapped[str] = choice(N_("Role in the case"), JusticeRole, required=True)
    # Each entry: {"offence": str, "statute": str, "level": ChargeLevel value}. A charge's statutory name
    # stays in this docket data and is never used as a label for the person (DOMAIN.md section 8).
    charges: Mapped[list[dict[str, Any]]] = structured(N_("Charges"), default=list)
    arrest_date: Mapped[dt.date | None] = date(N_("Arrest date"))
    arresting_agency: Mapped[str | None] = text(N_("Arresting agency"), length=200)
    case_status: Mapped[str | None] = choice(N_("Case status"), JusticeCaseStatus)
    disposition: Mapped[str | None] = choice(N_("Disposition"), Disposition)
    disposition_date: Mapped[dt.date | None] = date(N_("Disposition date"), index=True)


# --- encounters, checklists, screenings, identification -----------------------------------------------------


class Encounter(Envelope, Base):
    """One contact with the person: an interview, a court date, a call, a visit."""

    __tablename__ = "encounter"
    RECORD_TYPE = "encounter"

    #: Indexed with the columns the measures read of a period's contacts (``ix_encounter_occurred_at_cover``).
    occurred_at: Mapped[dt.datetime] = timestamp(N_("Date and time"), required=True)
    kind: Mapped[str | None] = choice(N_("Kind of contact"), EncounterKind)
    setting: Mapped[str | None] = choice(N_("Setting"), EncounterSetting)
    purpose: Mapped[str | None] = text(N_("Purpose"), length=200)
    status: Mapped[str | None] = choice(N_("Status"), EncounterStatus)
    interpreter_used: Mapped[bool | None] = flag(N_("Interpreter used"))
    interpreter_language: Mapped[str | None] = text(N_("Interpreter language"), length=60)
    note_taker: Mapped[str | None] = text(N_("Note-taker"), length=120)
    summary: Mapped[str | None] = text(N_("Summary"), long=True)


class ChecklistResponse(Envelope, Base):
    """The before / during / after interview checklist for one encounter, from a versioned template."""

    __tablename__ = "checklist_response"
    RECORD_TYPE = "checklist_response"

    encounter_id: Mapped[str | None] = ref(N_("Encounter"), "encounter.id")
    template_id: Mapped[str] = text(N_("Checklist"), length=120, required=True)
    template_version: Mapped[str] = text(N_("Checklist version"), length=40, required=True)
    # item_id -> {"answer": ItemAnswer value, "note": str}
    answers: Mapped[dict[str, Any]] = structured(N_("Answers"))
    status: Mapped[str | None] = choice(N_("Status"), SessionStatus)
    completed_at: Mapped[dt.datetime | None] = timestamp(N_("Finished at"))
    # A person under 18 goes to a child advocacy centre; the prompt about it is acknowledged before anything is asked.
    minor_prompt_acknowledged_at: Mapped[dt.datetime | None] = timestamp(
        N_("Child advocacy center prompt acknowledged at")
    )
    minor_prompt_acknowledged_by: Mapped[str | None] = text(N_("Acknowledged by"), length=120)


class Screening(Envelope, Base):
    """One screening session from a versioned template. A screen is not a determination."""

    __tablename__ = "screening"
    RECORD_TYPE = "screening"

    encounter_id: Mapped[str | None] = ref(N_("Encounter"), "encounter.id")
    template_id: Mapped[str] = text(N_("Screening tool"), length=120, required=True)
    template_version: Mapped[str] = text(N_("Screening tool version"), length=40, required=True)
    screened_on: Mapped[dt.date | None] = date(N_("Date of screening"), index=True)
    # item_id -> {"answer": ItemAnswer value, "note": str}
    answers: Mapped[dict[str, Any]] = structured(N_("Answers"))
    session_status: Mapped[str | None] = choice(N_("Session status"), SessionStatus)
    completed_at: Mapped[dt.datetime | None] = timestamp(N_("Finished at"))
    minor_prompt_acknowledged_at: Mapped[dt.datetime | None] = timestamp(
        N_("Child advocacy center prompt acknowledged at")
    )
    minor_prompt_acknowledged_by: Mapped[str | None] = text(N_("Acknowledged by"), length=120)
    practitioner_assessment: Mapped[str | None] = choice(N_("Practitioner's assessment"), PractitionerAssessment)
    assessment_reason: Mapped[str | None] = text(N_("Reason for the assessment"), long=True)


class IdentificationDecision(Envelope, Base):
    """A human decision on identification, by a named user with a date and a reason. The app never sets it."""

    __tablename__ = "identification_decision"
    RECORD_TYPE = "identification_decision"

    decided_on: Mapped[dt.date] = date(N_("Date decided"), required=True, index=True)
    decided_by_name: Mapped[str | None] = text(N_("Decided by"), length=120)
    status: Mapped[str] = choice(N_("Identification status"), IdentificationStatus, required=True)
    trafficking_type: Mapped[str | None] = choice(N_("Type of trafficking or exploitation"), TraffickingType)
    reason: Mapped[str] = text(N_("Reason"), long=True, required=True)
    decided_by: Mapped[str | None] = text(N_("Decided by (user)"), length=36)
    screening_id: Mapped[str | None] = ref(N_("Screening"), "screening.id", cascade=False)
    # A revision is a new decision pointing at the one it replaces: the history keeps every decision.
    revises_id: Mapped[str | None] = ref(N_("Revises"), "identification_decision.id", cascade=False)


# --- safety planning ----------------------------------------------------------------------------------------


class SafetyPlan(Envelope, Base):
    """The person's safety plan. It belongs to them; "not ready to leave" is a complete plan."""

    __tablename__ = "safety_plan"
    RECORD_TYPE = "safety_plan"

    # Whether the person chose to plan at all (measure 9 counts offers, accepted and declined separately).
    offered_on: Mapped[dt.date | None] = date(N_("Date safety planning was offered"), index=True)
    survivor_choice: Mapped[str | None] = choice(N_("The person's choice"), SurvivorChoice)
    started_on: Mapped[dt.date | None] = date(N_("Date started"))
    review_due: Mapped[dt.date | None] = date(N_("Review due"))
    leaving_intent: Mapped[str | None] = choice(N_("Leaving"), LeavingIntent)
    danger_now: Mapped[str | None] = choice(N_("In danger right now"), DangerNow)
    # A Danger Assessment is kept as "completed, level, certified scorer": no items, no weights (DOMAIN.md 3).
    danger_assessment_on: Mapped[dt.date | None] = date(N_("Danger Assessment completed on"))
    danger_assessment_level: Mapped[str | None] = text(N_("Danger Assessment level"), length=40)
    danger_assessment_scorer: Mapped[str | None] = text(N_("Danger Assessment certified scorer"), length=120)
    status: Mapped[str | None] = choice(N_("Status"), PlanStatus)


class SafetyPlanItem(Envelope, Base):
    """One part of a safety plan and the person's choice about it.

    Items are never overwritten: a change is a new dated item whose ``revises_id`` points at the one it
    revises.
    """

    __tablename__ = "safety_plan_item"
    RECORD_TYPE = "safety_plan_item"

    plan_id: Mapped[str] = ref(N_("Safety plan"), "safety_plan.id", required=True)
    component: Mapped[str | None] = choice(N_("Part of the plan"), PlanComponent)
    survivor_choice: Mapped[str | None] = choice(N_("The person's choice"), SurvivorChoice)
    survivor_words: Mapped[str | None] = text(N_("In the person's words"), long=True)
    details: Mapped[str | None] = text(N_("Details"), long=True)
    revises_id: Mapped[str | None] = ref(N_("Revises"), "safety_plan_item.id", cascade=False)
    recorded_on: Mapped[dt.date | None] = date(N_("Date recorded"))


class SafeContact(Envelope, Base):
    """Someone the person trusts, with their code words and what the contact does on each."""

    __tablename__ = "safe_contact"
    RECORD_TYPE = "safe_contact"

    plan_id: Mapped[str | None] = ref(N_("Safety plan"), "safety_plan.id")
    name: Mapped[str] = text(N_("Name"), length=120, required=True)
    relationship: Mapped[str | None] = text(N_("Relationship"), length=80)
    phone: Mapped[str | None] = text(N_("Phone"), length=40)
    safe_word: Mapped[str | None] = text(N_("Word for “safe to talk”"), length=80)
    unsafe_word: Mapped[str | None] = text(N_("Word for “not safe”"), length=80)
    action_on_unsafe: Mapped[str | None] = text(N_("What the contact does if not safe"), length=200)


# --- providers and referrals --------------------------------------------------------------------------------


class Provider(Envelope, Base):
    """A service provider in the office directory. Not about any one person."""

    __tablename__ = "provider"
    RECORD_TYPE = "provider"
    PERSONAL = False

    name: Mapped[str] = text(N_("Name"), length=200, required=True)
    categories: Mapped[list[str]] = text_list(N_("Service categories"))
    taxonomy_version: Mapped[str | None] = text(N_("Category list version"), length=20)
    languages: Mapped[list[str]] = text_list(N_("Languages"))
    serves: Mapped[str | None] = text(N_("Who they serve"), length=200)
    phone: Mapped[str | None] = text(N_("Phone"), length=40)
    email: Mapped[str | None] = text(N_("Email"), length=200)
    website: Mapped[str | None] = text(N_("Website"), length=200)
    public_address: Mapped[str | None] = text(N_("Public office address"), length=200)
    notes: Mapped[str | None] = text(N_("Notes"), long=True)


class Referral(Envelope, Base):
    """A referral offered to the person, and their decision. The consent reference is the envelope's."""

    __tablename__ = "referral"
    RECORD_TYPE = "referral"

    provider_id: Mapped[str | None] = ref(N_("Provider"), "provider.id", cascade=False)
    category: Mapped[str] = text(N_("Service category"), length=80, required=True)
    taxonomy_version: Mapped[str | None] = text(N_("Category list version"), length=20)
    offered_on: Mapped[dt.date] = date(N_("Date offered"), required=True, index=True)
    decision: Mapped[str | None] = choice(N_("The person's decision"), ReferralDecision)
    shares_identifying: Mapped[bool] = flag(N_("Shares identifying information"), default=True)
    provider_contact: Mapped[str | None] = choice(N_("How the provider and the person connect"), ProviderContact)
    follow_up_due: Mapped[dt.date | None] = date(N_("Follow-up due"), index=True)
    outcome: Mapped[str | None] = choice(N_("Outcome"), ReferralOutcome)
    override_reason: Mapped[str | None] = text(N_("Reason for the override"), long=True)
    override_by: Mapped[str | None] = text(N_("Override by"), length=36)


class ReferralEvent(Envelope, Base):
    """A dated step of a referral: made, accepted by provider, first service confirmed, follow-up, closed."""

    __tablename__ = "referral_event"
    RECORD_TYPE = "referral_event"

    #: Both indexed with the columns the measures read: ``ix_referral_event_referral_cover``, ``..._occurred_on_cover``.
    referral_id: Mapped[str] = ref(N_("Referral"), "referral.id", required=True, index=False)
    kind: Mapped[str] = choice(N_("Step"), ReferralEventKind, required=True)
    occurred_on: Mapped[dt.date] = date(N_("Date"), required=True)
    note: Mapped[str | None] = text(N_("Note"), long=True)


# --- consent ------------------------------------------------------------------------------------------------


class Consent(Envelope, Base):
    """A release: informed, written (or witnessed), time-limited consent to share named data with a recipient.

    Signing one is never a condition of service (DOMAIN.md section 4).
    """

    __tablename__ = "consent"
    RECORD_TYPE = "consent"

    recipient: Mapped[str] = text(N_("Recipient"), length=200, required=True)
    recipient_provider_id: Mapped[str | None] = ref(N_("Recipient provider"), "provider.id", cascade=False)
    data_covered: Mapped[list[str]] = text_list(N_("Information covered"))
    purpose: Mapped[str] = text(N_("Purpose"), length=200, required=True)
    starts_on: Mapped[dt.date] = date(N_("Starts on"), required=True)
    expires_on: Mapped[dt.date] = date(N_("Expires on"), required=True)
    method: Mapped[str | None] = choice(N_("How consent was given"), ConsentMethod)
    witness_name: Mapped[str | None] = text(N_("Witness"), length=120)
    revoked_on: Mapped[dt.date | None] = date(N_("Withdrawn on"))
    revocation_note: Mapped[str | None] = text(N_("Note on withdrawal"), long=True)
    scan: Mapped[bytes | None] = mapped_column(
        LargeBinary(),
        nullable=True,
        info={"label": "Scanned release", "kind": "blob", "required": False},
    )
    scan_mime: Mapped[str | None] = text(N_("Scan file type"), length=80)


# --- record relief ------------------------------------------------------------------------------------------


class ReliefCase(Envelope, Base):
    """Criminal-record relief work for one person in one jurisdiction. The law comes from office rules."""

    __tablename__ = "relief_case"
    RECORD_TYPE = "relief_case"

    jurisdiction: Mapped[str] = text(N_("Jurisdiction"), length=40, required=True)
    status: Mapped[str | None] = choice(N_("Status"), ReliefCaseStatus)
    representation: Mapped[str | None] = text(N_("Representation"), length=200)
    eligibility_review_done_on: Mapped[dt.date | None] = date(N_("Eligibility review completed on"))


class ReliefPetition(Envelope, Base):
    """One petition filed (or to be filed) in a court."""

    __tablename__ = "relief_petition"
    RECORD_TYPE = "relief_petition"

    case_id: Mapped[str] = ref(N_("Relief case"), "relief_case.id", required=True)
    relief_types: Mapped[list[str]] = text_list(N_("Relief sought"))
    legal_basis: Mapped[str | None] = text(N_("Legal basis"), length=200)
    representation: Mapped[str | None] = text(N_("Representation"), length=200)
    filing_court: Mapped[str | None] = text(N_("Filing court"), length=200)
    filed_on: Mapped[dt.date | None] = date(N_("Filed on"))
    prosecutor_position: Mapped[str | None] = choice(N_("Prosecutor's position"), ProsecutorPosition)
    hearing_on: Mapped[dt.date | None] = date(N_("Hearing date"))
    decided_on: Mapped[dt.date | None] = date(N_("Decided on"))
    outcome: Mapped[str | None] = choice(N_("Outcome"), PetitionOutcome)
    order_reference: Mapped[str | None] = text(N_("Order reference"), length=120)
    records_corrected_on: Mapped[dt.date | None] = date(N_("Records confirmed corrected on"))


class ReliefCharge(Envelope, Base):
    """One arrest or conviction considered for relief, with the relief sought and the outcome for it."""

    __tablename__ = "relief_charge"
    RECORD_TYPE = "relief_charge"

    case_id: Mapped[str] = ref(N_("Relief case"), "relief_case.id", required=True)
    justice_contact_id: Mapped[str | None] = ref(N_("Justice-system matter"), "justice_contact.id", cascade=False)
    petition_id: Mapped[str | None] = ref(N_("Petition"), "relief_petition.id", cascade=False)
    arrest_date: Mapped[dt.date | None] = date(N_("Arrest date"))
    arresting_agency: Mapped[str | None] = text(N_("Arresting agency"), length=200)
    offence: Mapped[str | None] = text(N_("Offense"), length=200)
    statute: Mapped[str | None] = text(N_("Statute"), length=120)
    level: Mapped[str | None] = choice(N_("Level"), ChargeLevel)
    court: Mapped[str | None] = text(N_("Court"), length=200)
    county: Mapped[str | None] = text(N_("County"), length=80)
    state: Mapped[str | None] = text(N_("State"), length=40)
    docket_number: Mapped[str | None] = text(N_("Docket number"), length=80)
    disposition: Mapped[str | None] = text(N_("Disposition"), length=200)
    disposition_date: Mapped[dt.date | None] = date(N_("Date of conviction or disposition"))
    sentence_status: Mapped[str | None] = text(N_("Sentence status"), length=200)
    relief_sought: Mapped[str | None] = choice(N_("Relief sought"), ReliefType)
    eligibility: Mapped[str | None] = choice(N_("Eligibility"), Eligibility)
    outcome: Mapped[str | None] = choice(N_("Outcome"), ChargeOutcome)
    decided_on: Mapped[dt.date | None] = date(N_("Decided on"), index=True)
    order_reference: Mapped[str | None] = text(N_("Order reference"), length=120)


class ReliefDeadline(Envelope, Base):
    """A date that must not be missed: filing limits, responses, hearings, appeal windows."""

    __tablename__ = "relief_deadline"
    RECORD_TYPE = "relief_deadline"

    case_id: Mapped[str] = ref(N_("Relief case"), "relief_case.id", required=True)
    petition_id: Mapped[str | None] = ref(N_("Petition"), "relief_petition.id")
    kind: Mapped[str | None] = choice(N_("Kind of deadline"), DeadlineKind)
    due_on: Mapped[dt.date] = date(N_("Due on"), required=True)
    done_on: Mapped[dt.date | None] = date(N_("Done on"))
    note: Mapped[str | None] = text(N_("Note"), length=200)


class Benefit(Envelope, Base):
    """Something of value given to the person in a prosecution (a dismissed charge, an immigration certification,
    relocation or compensation help). Gathered for the disclosure review: the defence must be told."""

    __tablename__ = "benefit"
    RECORD_TYPE = "benefit"

    kind: Mapped[str] = choice(N_("Kind of benefit"), BenefitKind, required=True)
    given_on: Mapped[dt.date | None] = date(N_("Date given"))
    description: Mapped[str | None] = text(N_("What was given"), long=True)
    given_by: Mapped[str | None] = text(N_("Given by (agency or office)"), length=200)
    justice_contact_id: Mapped[str | None] = ref(N_("Justice-system matter"), "justice_contact.id", cascade=False)


# --- the prosecutor's desk ----------------------------------------------------------------------------------


class ChargingDecision(Envelope, Base):
    """A prosecutor's charging decision on one justice matter, and what informed it. Prosecution records only.

    A later decision is a new record pointing at the one it replaces (``revises_id``): the history keeps every
    decision. What informed it is linked, never copied: the identification decision in force that day, a
    screening, the advocate's input as a disclosure received under the person's release.
    """

    __tablename__ = "charging_decision"
    RECORD_TYPE = "charging_decision"
    REGIMES = ("prosecution",)

    justice_contact_id: Mapped[str] = ref(N_("Justice-system matter"), "justice_contact.id", required=True)
    decided_on: Mapped[dt.date] = date(N_("Date decided"), required=True, index=True)
    decided_by_name: Mapped[str] = text(N_("Decided by"), length=120, required=True)
    decided_by: Mapped[str | None] = text(N_("Decided by (user)"), length=36)
    decision: Mapped[str] = choice(N_("Decision"), ChargingDecisionKind, required=True)
    reason: Mapped[str] = text(N_("Reason"), long=True, required=True)
    identification_decision_id: Mapped[str | None] = ref(
        N_("Identification decision that informed it"), "identification_decision.id", cascade=False
    )
    screening_id: Mapped[str | None] = ref(N_("Screening that informed it"), "screening.id", cascade=False)
    persons_account: Mapped[bool | None] = flag(N_("Informed by the person's own account"))
    # The advocate's input, as a disclosure received under the person's release. No foreign key: the disclosure
    # leaves this device when the release lapses, and the decision must keep saying it was informed by it.
    disclosure_id: Mapped[str | None] = text(N_("Advocate's input (shared under a release)"), length=36)
    revises_id: Mapped[str | None] = ref(N_("Revises"), "charging_decision.id", cascade=False)


class CertificationRequest(Envelope, Base):
    """A request that the office, as a certifying agency, sign a U- or T-visa supplement (I-918 or I-914
    Supplement B) for the person. Prosecution records; granted, it is a benefit the defence must be told about."""

    __tablename__ = "certification_request"
    RECORD_TYPE = "certification_request"
    REGIMES = ("prosecution",)

    form: Mapped[str] = choice(N_("Form"), CertificationForm, required=True)
    received_on: Mapped[dt.date] = date(N_("Request received on"), required=True, index=True)
    requested_by: Mapped[str | None] = choice(N_("Requested by"), CertificationRequester)
    requester_name: Mapped[str | None] = text(N_("Requester's name or organization"), length=200)
    justice_contact_id: Mapped[str | None] = ref(N_("Case it relates to"), "justice_contact.id", cascade=False)
    helpfulness_facts: Mapped[str | None] = text(N_("Helpfulness facts reviewed"), long=True)
    # The office's own deadline to decide (received + the office's policy days, set when the request is recorded).
    due_on: Mapped[dt.date | None] = date(N_("Office deadline to decide"), index=True)
    decision: Mapped[str | None] = choice(N_("Decision"), CertificationDecision)
    decision_reason: Mapped[str | None] = text(N_("Reason for the decision"), long=True)
    decided_on: Mapped[dt.date | None] = date(N_("Decided on"), index=True)
    decided_by_name: Mapped[str | None] = text(N_("Decided by"), length=120)
    signed_by_name: Mapped[str | None] = text(N_("Signed by"), length=120)
    signed_on: Mapped[dt.date | None] = date(N_("Signed on"))
    benefit_id: Mapped[str | None] = ref(N_("Benefit for the disclosure review"), "benefit.id", cascade=False)


class ScreeningPrompt(Envelope, Base):
    """A worker's answer to the prompt "Consider a screening" on a justice matter: dismissed with a reason.

    The prompt itself is computed from the office's charge rules; only the worker's answer is kept, so it is
    offered once. It is about the worker's task, never a mark on the person. Prosecution or advocacy alike.
    """

    __tablename__ = "screening_prompt"
    RECORD_TYPE = "screening_prompt"

    justice_contact_id: Mapped[str] = ref(N_("Justice-system matter"), "justice_contact.id", required=True)
    rules_version: Mapped[str | None] = text(N_("Charge rules version"), length=40)
    dismissed_on: Mapped[dt.date] = date(N_("Dismissed on"), required=True)
    dismissed_by_name: Mapped[str | None] = text(N_("Dismissed by"), length=120)
    reason: Mapped[str] = text(N_("Reason"), long=True, required=True)


# --- notes and disclosures ----------------------------------------------------------------------------------


class NoteEntry(Envelope, Base):
    """Long free text attached to a record.

    Append-only (``app.core`` enforces it): editable by its author until signed, so two people writing offline
    add two entries, not a conflict.
    """

    __tablename__ = "note_entry"
    RECORD_TYPE = "note_entry"

    parent_type: Mapped[str | None] = text(N_("Attached to (type)"), length=40)
    # No foreign key: a note may annotate any record type.
    parent_id: Mapped[str | None] = text(N_("Attached to"), length=36)
    body: Mapped[str] = text(N_("Note"), long=True, required=True)
    signed_at: Mapped[dt.datetime | None] = timestamp(N_("Signed at"))
    signed_by: Mapped[str | None] = text(N_("Signed by"), length=36)


class Disclosure(Envelope, Base):
    """Identifying information leaving its confidentiality regime (sync, export or share), allowed or blocked.

    The release that allowed it is the envelope's ``consent_id``.
    """

    __tablename__ = "disclosure"
    RECORD_TYPE = "disclosure"

    recipient: Mapped[str] = text(N_("Recipient"), length=200, required=True)
    recipient_team_id: Mapped[str | None] = text(N_("Recipient team"), length=36)
    facts: Mapped[str | None] = text(N_("What the person agreed to share"), long=True)
    purpose: Mapped[str | None] = text(N_("Purpose"), length=200)
    disclosed_on: Mapped[dt.date] = date(N_("Date shared"), required=True, index=True)
    channel: Mapped[str | None] = choice(N_("How it was shared"), DisclosureChannel)
    allowed: Mapped[bool] = flag(N_("Allowed"), default=True)
    override_reason: Mapped[str | None] = text(N_("Reason for the override"), long=True)
    #: The last day of the release a share with the prosecution was made under, as the release said when shared:
    #: the release itself never reaches a prosecution computer, and the prosecutor reads "under a release until".
    release_until: Mapped[dt.date | None] = date(N_("Release until"))


# The caseload's default order (name, then id) read straight off an index, on SQLite and PostgreSQL alike.
Index("ix_person_caseload", Person.deleted, func.lower(Person.preferred_name), Person.id)

# Covering indexes for the outcome measures (issue 20): a period's contacts and service steps, and a referral's steps,
# read off the index alone, without fetching each row (a quarter at 100,000 people reads some 30,000 of each). Each
# leads with the column the single-column index it replaced led with, so every query that used that one uses these.
Index(
    "ix_encounter_occurred_at_cover",
    Encounter.occurred_at, Encounter.deleted, Encounter.status, Encounter.kind, Encounter.person_id,
)  # fmt: skip
Index(
    "ix_referral_event_occurred_on_cover",
    ReferralEvent.occurred_on, ReferralEvent.kind, ReferralEvent.deleted, ReferralEvent.referral_id,
    ReferralEvent.person_id,
)  # fmt: skip
Index(
    "ix_referral_event_referral_cover",
    ReferralEvent.referral_id, ReferralEvent.kind, ReferralEvent.deleted, ReferralEvent.occurred_on,
)  # fmt: skip
