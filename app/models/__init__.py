"""SQLAlchemy models: the record envelope and every record type.

Shared by the desktop app and the office server.
"""

from __future__ import annotations

from app.errors import ValidationError
from app.models.base import (
    ENVELOPE_FIELDS,
    Base,
    Envelope,
    Regime,
    UTCDateTime,
    Visibility,
    utcnow,
    uuid7,
)
from app.models.local import AuditAction, AuditEvent, Draft, MetaKey, OutboxEntry, TemplateVersion, VaultMeta
from app.models.records import (
    AgeGroup,
    Benefit,
    BenefitKind,
    ChargeLevel,
    ChargeOutcome,
    ChecklistResponse,
    Consent,
    ConsentMethod,
    DangerNow,
    DeadlineKind,
    Disclosure,
    DisclosureChannel,
    Disposition,
    Eligibility,
    Encounter,
    EncounterKind,
    EncounterSetting,
    EncounterStatus,
    IdentificationDecision,
    IdentificationStatus,
    ItemAnswer,
    JusticeCaseStatus,
    JusticeContact,
    JusticeRole,
    LeavingIntent,
    NoteEntry,
    Person,
    PetitionOutcome,
    PlanComponent,
    PlanStatus,
    PractitionerAssessment,
    PreferredTerm,
    ProsecutorPosition,
    Provider,
    ProviderContact,
    Referral,
    ReferralDecision,
    ReferralEvent,
    ReferralEventKind,
    ReferralOutcome,
    ReliefCase,
    ReliefCaseStatus,
    ReliefCharge,
    ReliefDeadline,
    ReliefPetition,
    ReliefType,
    SafeContact,
    SafetyPlan,
    SafetyPlanItem,
    Screening,
    SessionStatus,
    SurvivorChoice,
    TraffickingType,
)

#: Every synced record type, by its ``RECORD_TYPE`` (which is also its table name).
RECORD_TYPES: dict[str, type[Envelope]] = {
    cls.RECORD_TYPE: cls
    for cls in (
        Person,
        JusticeContact,
        Encounter,
        ChecklistResponse,
        Screening,
        IdentificationDecision,
        SafetyPlan,
        SafetyPlanItem,
        SafeContact,
        Provider,
        Referral,
        ReferralEvent,
        Consent,
        ReliefCase,
        ReliefCharge,
        ReliefPetition,
        ReliefDeadline,
        NoteEntry,
        Disclosure,
        Benefit,
    )
}


def record_class(type_name: str) -> type[Envelope]:
    """The model class for a record type name.

    Raises :class:`ValidationError` for a type this version does not know.
    """
    try:
        return RECORD_TYPES[type_name]
    except KeyError:
        shown = type_name[:40] if isinstance(type_name, str) else repr(type_name)[:40]
        raise ValidationError(
            f"“{shown}” is not a kind of record this version of Offramp knows. It may come from a newer "
            "version: please update the app.",
            field="type",
        ) from None


__all__ = [
    "ENVELOPE_FIELDS",
    "RECORD_TYPES",
    "AgeGroup",
    "AuditAction",
    "AuditEvent",
    "Base",
    "Benefit",
    "BenefitKind",
    "ChargeLevel",
    "ChargeOutcome",
    "ChecklistResponse",
    "Consent",
    "ConsentMethod",
    "DangerNow",
    "DeadlineKind",
    "Disclosure",
    "DisclosureChannel",
    "Disposition",
    "Draft",
    "Eligibility",
    "Encounter",
    "EncounterKind",
    "EncounterSetting",
    "EncounterStatus",
    "Envelope",
    "IdentificationDecision",
    "IdentificationStatus",
    "ItemAnswer",
    "JusticeCaseStatus",
    "JusticeContact",
    "JusticeRole",
    "LeavingIntent",
    "MetaKey",
    "NoteEntry",
    "OutboxEntry",
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
    "Regime",
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
    "SessionStatus",
    "SurvivorChoice",
    "TemplateVersion",
    "TraffickingType",
    "UTCDateTime",
    "VaultMeta",
    "Visibility",
    "record_class",
    "utcnow",
    "uuid7",
]
