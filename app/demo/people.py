"""Fictional demo people and their records, made deterministically from a seed.

Demo data lets people look around, train and measure without touching anyone's real story. Everything here is
invented: names are built from made-up given names and family-name syllables, courts and counties are
imaginary ("Alder County District Court", "Demo State"), phone numbers are in the 555-01xx range kept for fiction,
e-mail and web addresses use example.org. Every person carries ``is_demo = True`` so measures leave them out.

The same ``seed`` and ``persons`` always give the same rows, ids included: ids are UUIDv7-shaped, with the
record's own (fictional) creation time and bits drawn from a ``random.Random`` seeded from ``seed`` and the
person's number, never from the clock or ``os.urandom``. Each person has their own random stream, so person *i*
is the same whatever the batch size. Dates run over two federal fiscal years, 2024-10-01 to 2026-09-30.

Speed: rows are plain dicts (no ORM objects, no RecordService), written with SQLAlchemy Core ``insert(table)``
as one executemany per table per batch of people, one transaction per batch (see :class:`_TableWriter`). Demo
rows are not a person's edits, so there is no outbox entry and no per-record audit event; :func:`generate`
writes one ``demo_generated`` audit event per call.

Values are what :class:`~app.core.records.RecordService` would accept (choices from the column info, required
fields filled, lengths respected, dates in order), because people open and edit demo records in the app. Text
follows DOMAIN.md section 8.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import itertools
import operator
import random
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Connection, Dialect, Engine
from sqlalchemy.orm import Session

from app.core.hlc import Timestamp
from app.errors import ValidationError
from app.models import RECORD_TYPES, AuditAction, Base
from app.models.base import ENVELOPE_FIELDS, Visibility

if TYPE_CHECKING:
    from app.core.workspace import Workspace

__all__ = ["BASE_DATE", "END_DATE", "MAX_PERSONS", "DemoSummary", "generate", "generate_into", "insert_order"]

#: The demo timeline: federal fiscal years 2025 and 2026.
BASE_DATE = dt.date(2024, 10, 1)
END_DATE = dt.date(2026, 9, 30)
#: First contacts end early enough for a few weeks of follow-up inside the timeline.
_FIRST_CONTACT_DAYS = (END_DATE - BASE_DATE).days - 45
MAX_PERSONS = 1_000_000

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_MS = dt.timedelta(milliseconds=1)
_RAND_B = (1 << 62) - 1

T = TypeVar("T")


class DemoIdentity(Protocol):
    """Whose demo data this is: :class:`app.storage.vault.Identity` fits."""

    @property
    def user_id(self) -> str: ...

    @property
    def device_id(self) -> str: ...

    @property
    def team_id(self) -> str | None: ...

    @property
    def regime(self) -> str: ...


@dataclass(frozen=True)
class DemoSummary:
    """What a run wrote. ``records`` counts every record other than the people themselves (providers included)."""

    persons: int
    records: int
    by_type: dict[str, int]


# --- invented words -----------------------------------------------------------------------------------------

GIVEN_NAMES = (
    "Amarel", "Brenvy", "Calyra", "Dorvin", "Elsora", "Faelin", "Gavreth", "Halvie", "Ivrena", "Jessamar",
    "Kestrin", "Lomira", "Marivel", "Nerith", "Orlaya", "Pellam", "Quenna", "Rovanne", "Sylvek", "Tamsor",
    "Ulvina", "Varenne", "Wrenlow", "Yselde", "Zorvan", "Aubrin", "Belsa", "Corwenna", "Davrel", "Emberlin",
    "Fiorel", "Gessaly", "Hennow", "Ilvaro", "Jorlen", "Kavrel", "Lunavel", "Mirelo", "Navrith", "Odrisa",
    "Pirrel", "Quillara", "Risova", "Senthe", "Torvessa", "Umbrisa", "Valdry", "Wystrel", "Yorrin", "Zelune",
    "Ashlo", "Brivane", "Celdry", "Dunmara", "Esvelle", "Farrowyn", "Galvie", "Harnessa", "Ittara", "Jevrin",
)  # fmt: skip
_FAMILY_HEADS = (
    "Ash", "Bram", "Cor", "Dal", "Ember", "Fen", "Gil", "Har", "Isk", "Jun", "Kel", "Lom", "Mor", "Nyr",
    "Orr", "Pell", "Quill", "Ros", "Sel", "Tav", "Ulm", "Vey", "Wren", "Yar", "Zan",
)  # fmt: skip
_FAMILY_MIDDLES = ("", "", "", "a", "e", "i", "o", "ar", "en", "il")
_FAMILY_TAILS = (
    "ovari", "endrel", "ithwin", "aquist", "ovane", "umbrel", "essary", "olvik", "anthe", "iscombe",
    "errow", "adine", "ulmer", "ivost", "orrel", "ezzard", "amble", "ystra", "ochet", "unwell",
)  # fmt: skip
_NICK_ENDINGS = ("ie", "o", "a", "y", "i")
#: Staff who take notes, decide and score: invented too.
STAFF = tuple(
    f"{initial}. {head}{tail}"
    for initial, head, tail in zip(
        "RTMJAKSDLN", ("Ash", "Bram", "Cor", "Dal", "Fen", "Gil", "Lom", "Pell", "Sel", "Vey"),
        ("ovari", "endrel", "ithwin", "aquist", "ovane", "olvik", "anthe", "orrel", "adine", "ystra"), strict=True,
    )
)  # fmt: skip
COUNTIES = (
    "Alder County", "Birch County", "Hazelmark County", "Willowmere County", "Thistledown County",
    "Quillfern County",
)  # fmt: skip
STATES = ("Demo State", "Demo State", "Demo State", "Demo State", "Example State")
_TOWNS = ("Demo City", "Larkmoor", "Emberlyn", "Fernhollow", "Marrowby")
_COURT_KINDS = ("District Court", "Criminal Court", "Municipal Court")
_LANGUAGES = (
    (["English"], 62), (["Spanish", "English"], 10), (["Spanish"], 8), (["Tagalog", "English"], 3),
    (["Mandarin"], 3), (["Vietnamese", "English"], 3), (["Haitian Creole"], 2), (["Russian", "English"], 2),
    (["Amharic"], 2), (["Korean"], 2), (["Portuguese", "English"], 2), (["Arabic"], 1),
)  # fmt: skip

#: The referral taxonomy of DOMAIN.md section 7 (codes, with words for purposes).
TAXONOMY_VERSION = "2026.1"
CATEGORIES = {
    "case_management": "case management and advocacy",
    "crisis_intervention": "crisis intervention",
    "emergency_shelter": "emergency shelter",
    "transitional_housing": "transitional housing",
    "housing_assistance": "housing and rental assistance",
    "basic_necessities": "basic necessities",
    "financial_assistance": "financial assistance and benefits",
    "medical": "medical care",
    "dental": "dental care",
    "mental_health": "mental health support",
    "substance_use": "substance use treatment and harm reduction",
    "peer_support": "survivor-led peer support",
    "legal_record_relief": "legal help with criminal-record relief",
    "legal_immigration": "immigration legal help",
    "legal_civil": "other civil legal help",
    "justice_advocacy": "court accompaniment",
    "interpretation": "interpretation and translation",
    "transportation": "transportation",
    "education": "education",
    "employment": "employment and job training",
    "childcare": "childcare",
    "id_documents": "replacing identity documents",
    "life_skills": "life skills and financial literacy",
    "family_reunification": "family reunification",
}
# (name part, categories, whether a public office address may be listed: never for housing or shelter)
_PROVIDER_KINDS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("Housing Collective", ("emergency_shelter", "transitional_housing", "housing_assistance"), False),
    ("Legal Aid", ("legal_record_relief", "legal_civil", "legal_immigration"), True),
    ("Health Clinic", ("medical", "dental", "substance_use"), True),
    ("Counseling Center", ("mental_health", "crisis_intervention", "peer_support"), True),
    ("Community Services", ("case_management", "basic_necessities", "financial_assistance", "transportation"), True),
    ("Immigration Project", ("legal_immigration", "id_documents", "interpretation"), True),
    ("Peer Support Circle", ("peer_support", "life_skills"), True),
    ("Employment Hub", ("employment", "education", "life_skills"), True),
    ("Family Center", ("childcare", "family_reunification", "case_management"), True),
    ("Court Advocacy Program", ("justice_advocacy", "case_management"), True),
)
_PROVIDER_PLACES = (
    "Alder", "Birch", "Hazelmark", "Willowmere", "Thistledown", "Quillfern", "Larkmoor", "Emberlyn",
    "Fernhollow", "Marrowby",
)  # fmt: skip
_SERVES = ("Adults of any gender", "Young people 16 to 24", "Anyone", "Women and girls", "Families with children")

# Charges as docket data (DOMAIN.md section 8: the statute's name stays in the docket, never labels the person).
_DEFENDANT_CHARGES = (
    ("Loitering", "Demo Penal Code 240.10", "misdemeanor"),
    ("Trespass", "Demo Penal Code 140.05", "violation"),
    ("Commercial sexual activity", "Demo Penal Code 230.00", "misdemeanor"),
    ("Possession of a controlled substance", "Demo Penal Code 220.03", "misdemeanor"),
    ("Petit theft", "Demo Penal Code 155.25", "misdemeanor"),
    ("Use of a false identity document", "Demo Penal Code 170.20", "felony"),
    ("Receiving stolen property", "Demo Penal Code 165.40", "felony"),
    ("Unlicensed street vending", "Demo Municipal Code 20-453", "violation"),
)
_CASE_CHARGES = (
    ("Trafficking in persons", "Demo Penal Code 135.35", "felony"),
    ("Labor trafficking", "Demo Penal Code 135.36", "felony"),
    ("Promoting commercial sexual exploitation", "Demo Penal Code 230.30", "felony"),
    ("Unlawful withholding of identity documents", "Demo Penal Code 135.70", "misdemeanor"),
    ("Assault", "Demo Penal Code 120.00", "misdemeanor"),
    ("Wage theft", "Demo Labor Code 198.5", "misdemeanor"),
)

#: The demo fills in the templates that ship with Offramp, so every demo session opens in the app as it was made.
DEMO_CHECKLIST = ("interview-checklist", "1")
DEMO_SCREENING = ("example-indicator-screening", "1")


@cache
def _template_items(template_id: str, version: str) -> tuple[tuple[str, str, bool], ...]:
    """(item id, answer type, needed to finish) of a bundled template, in order."""
    from app.content.templates import bundled_templates

    for template in bundled_templates():
        if (template.id, template.version) == (template_id, version):
            return tuple((i.id, i.answer_type, i.required_for_completion) for i in template.items())
    raise LookupError(f"{template_id} {version} is not bundled")


_FIRST_PURPOSE = "First conversation and introductions"
_PURPOSES = {
    "interview": (
        "Follow-up conversation",
        "Record-relief consultation",
        "Interview with the person's attorney present",
    ),
    "court": ("Court accompaniment", "Hearing preparation", "Court-day check-in"),
    "phone": ("Check-in call", "Referral follow-up", "Agreeing the next contact"),
    "visit": ("Follow-up visit", "Dropping off documents", "Safety planning conversation"),
    "other": ("Video check-in", "Meeting with the person's attorney"),
}
_SETTINGS = {
    "interview": ("office", "community", "courthouse", "jail"),
    "court": ("courthouse",),
    "phone": ("phone",),
    "visit": ("community", "office"),
    "other": ("video", "other"),
}
# Summaries of completed contacts by kind; of other contacts by status.
_SUMMARIES = {
    "interview": (
        "Met in a private room; the person chose where to sit. Explained roles and the limits of "
        "confidentiality. Agreed a safe way to make the next contact.",
        "Talked through what the person wants help with first. They chose to start with housing.",
    ),
    "court": (
        "Went over the court date and what to expect. The person asked to wait in a separate room.",
        "Sat with the person during the hearing; the next date is on the calendar.",
    ),
    "phone": ("Short check-in call. The person said things are calmer this week.", "Confirmed the next appointment."),
    "visit": ("Dropped off the documents the person asked for.", "Short visit; the person chose to meet outside."),
    "other": ("Video call at the time the person chose.",),
    "partial": (
        "Chose not to continue today; offered another time that suits the person.",
        "We covered introductions only. The person wants to talk again next week.",
    ),
    "stopped_at_request": ("The person asked to stop, and we stopped. Agreed to talk again when they are ready.",),
    "planned": ("Planned contact, at a time the person chose.",),
}
_NOTES = (
    "Talked about what the person wants help with first. They chose to start with housing.",
    "The person asked for an interpreter of their choosing next time.",
    "Court date reminder sent by text, as the person agreed.",
    "Explained what the advocate can and cannot keep confidential.",
    "Chose not to continue today; agreed to call back next week.",
    "Dropped off a hygiene kit and a bus pass.",
    "Checked in after the hearing; the person said they felt listened to.",
    "Talked about options for replacing ID. The person will decide after talking with family.",
    "The person prefers to be called by their chosen name in every record.",
    "Asked for help with a letter to the landlord.",
)
_SCREENING_REASONS = {
    "indicators_present": (
        "Indicators in work conditions and control of documents. Offered a fuller conversation and legal advice.",
        "Several indicators in the isolation and control domain. Next step: a fuller interview when the person "
        "is ready.",
    ),
    "unclear": (
        "Some answers were declined; more conversation is needed when the person is ready.",
        "Chose not to continue today. Nothing is concluded from the items not asked.",
    ),
    "not_indicated": ("No indicators in what the person chose to share today. Other services offered.",),
}
_ID_REASONS = {
    "identified": (
        "Reviewed the person's account, the screening and the case file with the supervising attorney.",
        "The person's own account, with the indicators noted at screening, supports identification.",
    ),
    "unclear": ("Not enough information yet; the person chose not to continue today.",),
    "not_identified": ("Indicators not present in the information available. Services remain open to the person.",),
}
_PLAN_DETAILS = {
    "danger_now": ("Talked through what feels unsafe right now.", "Checked for threats since the last contact."),
    "trafficker_access": (
        "The trafficker knows the old workplace; the person now takes a different route.",
        "Asked the court to keep the person's new address off public filings.",
    ),
    "phone_technology": (
        "The phone is paid for by someone else; key numbers are also kept on paper.",
        "Location sharing turned off together.",
    ),
    "safe_contacts": ("Two people the person trusts; code words agreed with each.",),
    "safe_places": ("A safe place recorded by code name only; no street address.",),
    "documents": (
        "ID is held by someone else; talked about how to replace it.",
        "Copies of court papers kept with the advocate.",
    ),
    "money": ("Wants to open a bank account in their own name.", "Keeping some cash somewhere only they know."),
    "children": ("Agreed who may collect the children from school.",),
    "health": ("Medication list kept with the person.", "Talked about harm reduction supplies."),
    "leaving_plan": (
        "Not ready to leave; the person wants to keep the plan for later.",
        "Route, transport and what to take, agreed for when the person is alone.",
    ),
    "after_leaving": ("Varying routines; release notification requested.",),
    "court_day": ("Separate waiting room requested for court days.", "A ride to court arranged for the hearing."),
}
_SURVIVOR_WORDS = (
    "I want to keep my phone.",
    "Not right now.",
    "My sister can help with this.",
    "I'll think about it.",
    "I want to do this part myself.",
    "That feels like too much this week.",
)
_DA_LEVELS = ("Variable danger", "Increased danger", "Severe danger", "Extreme danger")
_RELATIONSHIPS = ("Sister", "Friend", "Cousin", "Neighbor", "Faith leader", "Former coworker", "Aunt")
_SAFE_WORDS = ("Blue kettle", "Sunday soup", "The red scarf", "Ask about the garden", "Library book")
_UNSAFE_WORDS = ("Gray sky", "Cold tea", "Missed the bus", "Lost my keys", "The dog is sick")
#: In the person's voice, as the form asks ("come and collect me"): the person's copy turns "me" into "you".
_UNSAFE_ACTIONS = (
    "Calls 911.",
    "Comes to pick me up.",
    "Calls the number we agreed on.",
    "Hangs up and calls back in ten minutes.",
)
_EVENT_NOTES = {
    "made": ("Referral sent with the person's agreement.", None),
    "accepted_by_provider": ("Provider has space and confirmed intake.", None),
    "first_service_confirmed": ("The person attended intake.", "Provider confirmed the first appointment."),
    "follow_up_done": ("Checked in with the person; they want to keep going.", None),
    "closed": ("Chose not to continue today.", "The person chose not to go ahead for now.", None),
}
_DATA_COVERED = (
    ["Name", "Phone number", "Service needs"],
    ["Name", "Date of birth", "Service needs"],
    ["Name", "Phone number"],
    ["Name", "Case status", "Court dates"],
)
_REPRESENTATION = (
    "Demo Survivor Reentry Clinic",
    "Self-represented, with advocate support",
    "Alder Legal Aid (demo)",
    "Pro bono counsel (demo)",
)
_SENTENCE = ("Completed", "Fines outstanding", "Probation completed", "On probation", None)
_RELIEF_STATUS = (
    ("screening", 14), ("eligible", 8), ("not_eligible", 5), ("survivor_deciding", 9), ("preparing", 12),
    ("filed", 10), ("hearing_set", 8), ("granted", 10), ("partly_granted", 5), ("denied", 4),
    ("records_corrected", 6), ("closed", 5), ("withdrawn_by_survivor", 4),
)  # fmt: skip
_RELIEF_STAGE = {
    "screening": 0, "eligible": 1, "not_eligible": 1, "survivor_deciding": 2, "preparing": 3, "filed": 4,
    "hearing_set": 5, "granted": 6, "partly_granted": 6, "denied": 6, "records_corrected": 7, "closed": 8,
    "withdrawn_by_survivor": 2,
}  # fmt: skip


# --- small helpers ------------------------------------------------------------------------------------------


class _Weighted:
    """A weighted choice with precomputed cumulative weights (fast in the hot loop)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = list(itertools.accumulate(p[1] for p in pairs))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


_W_ENCOUNTERS = _Weighted([(1, 35), (2, 30), (3, 20), (4, 15)])
_W_LANGUAGES = _Weighted(_LANGUAGES)
_W_PRONOUNS = _Weighted([("she/her", 55), ("he/him", 25), ("they/them", 8), (None, 12)])
_W_TERM = _Weighted([("person", 70), ("survivor", 15), ("victim", 5), (None, 10)])
_W_FLAG = _Weighted([(True, 55), (False, 25), (None, 20)])
_W_SAFE_TIMES = _Weighted(
    [("Weekday mornings", 3), ("After 6 pm", 2), ("Only during work hours", 1), ("Any time", 1), (None, 4)]
)
_W_CONTACT_NOTES = _Weighted(
    [
        ("Text first; do not leave details in messages.", 3),
        ("Use the office number only.", 1),
        ("Someone else may see the phone: no names in texts.", 2),
        (None, 6),
    ]
)
_W_ADULT_AGE = _Weighted([((18, 22), 15), ((23, 35), 50), ((36, 60), 35)])
_W_ID_STATUS = _Weighted([("identified", 78), ("unclear", 14), ("not_identified", 8)])
_W_TYPE = _Weighted([("sex", 45), ("labour", 30), ("both", 12), ("exploitation", 8), ("unknown", 5)])
_W_ROLE_IDENTIFIED = _Weighted([("defendant", 55), ("witness", 25), ("complainant", 15), ("other", 5)])
_W_ROLE_OTHER = _Weighted([("defendant", 40), ("witness", 30), ("complainant", 20), ("other", 10)])
_W_CASE_STATUS = _Weighted([("open", 40), ("disposed", 55), ("unknown", 5)])
_W_DISPOSITION_IDENTIFIED = _Weighted(
    [("dismissed", 30), ("declined", 10), ("diverted", 25), ("acquitted", 5), ("convicted", 20),
     ("other_non_conviction", 10)]
)  # fmt: skip
_W_DISPOSITION_OTHER = _Weighted(
    [("dismissed", 20), ("declined", 10), ("diverted", 15), ("acquitted", 5), ("convicted", 45),
     ("other_non_conviction", 5)]
)  # fmt: skip
_W_ENCOUNTER_STATUS = _Weighted([("complete", 76), ("partial", 12), ("stopped_at_request", 9), ("planned", 3)])
_W_FIRST_KIND = _Weighted([("interview", 60), ("phone", 15), ("visit", 15), ("court", 10)])
_W_LATER_KIND = _Weighted([("interview", 25), ("phone", 30), ("visit", 20), ("court", 20), ("other", 5)])
# Screening answers for a person with experiences the tool looks for, and for one without.
_W_ITEM_ANSWER = _Weighted([("yes", 30), ("no", 45), ("unsure", 10), ("declined", 10), ("not_asked", 5)])
_W_ITEM_ANSWER_FEW = _Weighted([("yes", 3), ("no", 78), ("unsure", 8), ("declined", 7), ("not_asked", 4)])
_W_CHECK_ANSWER = _Weighted([("done", 85), ("not_done", 5), ("not_applicable", 6), ("declined", 4)])
_W_SESSION = _Weighted([("complete", 80), ("partial", 15), ("stopped_at_request", 5)])
_W_PLAN_CHOICE = _Weighted([("chosen", 82), ("not_now", 11), ("declined", 7)])
_W_ITEM_CHOICE = _Weighted([("chosen", 65), ("declined", 15), ("not_now", 20)])
_W_LEAVING = _Weighted([("not_ready", 30), ("planning", 28), ("left", 32), ("not_asked", 10)])
_W_DANGER = _Weighted([("no", 50), ("yes", 15), ("unsure", 20), ("declined", 8), ("not_asked", 7)])
_W_REFERRAL_DECISION = _Weighted([("accepted", 62), ("declined", 14), ("not_now", 14), ("pending", 10)])
_W_RELIEF_STATUS = _Weighted(_RELIEF_STATUS)
_W_POSITION = _Weighted([("consents", 30), ("no_objection", 35), ("opposes", 15), ("unknown", 20)])
_W_RELIEF_TYPES = _Weighted(
    [(["vacatur"], 45), (["vacatur", "expungement"], 25), (["expungement"], 15), (["sealing"], 15)]
)
_DEADLINE_KINDS = ("filing_limit", "response", "hearing", "appeal", "other")
_DEADLINE_NOTES = {
    "filing_limit": "Filing limit from the office's jurisdiction rules.",
    "response": "Prosecutor's response due.",
    "hearing": "Hearing date; ride and interpreter arranged.",
    "appeal": "Appeal window closes.",
    "other": "Certified copies requested from the court clerk.",
}
_W_CHANNEL = _Weighted([("share", 60), ("export", 25), ("sync", 15)])
_W_NOTES = _Weighted([(0, 30), (1, 35), (2, 22), (3, 13)])


#: An encounter as later records see it: (id, date, date and time).
_Contact = tuple[str, dt.date, dt.datetime]


#: (kind, description) of benefits given to witnesses, for the disclosure review. Fictional.
_BENEFITS: tuple[tuple[str, str], ...] = (
    ("immigration_certification", "Signed the certification for a U visa application."),
    ("relocation", "Paid two weeks in a motel after threats, through the witness fund."),
    ("compensation", "Helped with the victim compensation application for lost wages."),
    ("dismissed_charge", "Dismissed an open loitering charge in the interest of justice."),
)


# --- the prosecutor's desk (a prosecution vault's demo only) -----------------------------------------------------

#: Charging decisions, weighted: for a defendant identified before the decision, and for anyone else.
_W_CHARGING_INFORMED = _Weighted(
    [("divert", 35), ("decline", 20), ("dismiss", 15), ("reduce", 15), ("defer", 10), ("file_as_charged", 5)]
)
_W_CHARGING_OTHER = _Weighted(
    [("file_as_charged", 40), ("reduce", 20), ("defer", 20), ("divert", 10), ("decline", 10)]
)
_CHARGING_REASONS: dict[str, tuple[str, ...]] = {
    "divert": ("Diversion to services fits what the person described.", "Referred to the diversion court."),
    "decline": ("Declined: the conduct was part of the exploitation the person described.",),
    "dismiss": ("Dismissed in the interest of justice after the identification.",),
    "reduce": ("Reduced to a violation; no jail time sought.", "Reduced after speaking with the advocate."),
    "defer": ("Deferred until the screening and the person's account are in.",),
    "file_as_charged": ("Filed as charged; nothing yet suggests exploitation.",),
}
_REQUESTERS = ("Demo Legal Aid Society", "Riverside Immigrant Rights Clinic", "Demo County Advocacy Center")
_HELPFULNESS = (
    "Gave a statement about the recruiter and came to two interviews.",
    "Identified the employer's manager and gave pay records to the detective.",
    "Testified at the preliminary hearing.",
)


def _pick(rng: random.Random, seq: Sequence[T]) -> T:
    return seq[int(rng.random() * len(seq))]


def _days(d: dt.date, n: int) -> dt.date:
    return d + dt.timedelta(days=n)


def _capped(d: dt.date) -> dt.date:
    return d if d <= END_DATE else END_DATE


def _family(rng: random.Random) -> str:
    return _pick(rng, _FAMILY_HEADS) + _pick(rng, _FAMILY_MIDDLES) + _pick(rng, _FAMILY_TAILS)


def _phone(rng: random.Random) -> str:
    return f"555-01{rng.randrange(100):02d}"


def insert_order() -> list[Table]:
    """The record tables, parents before children (foreign keys are on in the vault)."""
    return [t for t in Base.metadata.sorted_tables if t.name in RECORD_TYPES]


def _template(table: Table, identity: DemoIdentity, privileged: bool) -> dict[str, Any]:
    """Every column of a record row: envelope constants filled in, empty lists where a list is expected."""
    cls = RECORD_TYPES[table.name]
    row: dict[str, Any] = {}
    for col in table.columns:
        kind = col.info.get("kind")
        row[col.key] = [] if kind == "list" else ({} if kind == "json" else None)
    row.update(
        type=cls.RECORD_TYPE,
        schema_version=cls.SCHEMA_VERSION,
        owner_user_id=identity.user_id,
        team_id=identity.team_id,
        regime=identity.regime,
        visibility=Visibility.MY_TEAM.value,
        privileged=privileged,
        consent_id=None,
        rev=None,
        deleted=False,
        deleted_at=None,
        deleted_by=None,
        edited_by=identity.user_id,
        edited_device=identity.device_id,
        extra={},
    )
    assert set(row) >= ENVELOPE_FIELDS
    return row


# --- the generator ------------------------------------------------------------------------------------------


class _Maker:
    """Builds rows for a range of people into ``rows`` (table name -> list of row dicts)."""

    def __init__(self, identity: DemoIdentity, seed: int, persons: int) -> None:
        self.seed = seed
        self.days_per_person = _FIRST_CONTACT_DAYS / max(1, persons)
        self.identity = identity
        self.node = identity.device_id.replace("-", "")[:12]
        privileged = identity.regime == "advocacy"
        self.templates = {name: _template(Base.metadata.tables[name], identity, privileged) for name in RECORD_TYPES}
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in RECORD_TYPES}
        self.seq = 0
        self.last_hlc: str | None = None
        self.rng = random.Random(0)
        self.person_id: str | None = None
        # Facts about the current person that later records follow.
        self.age = 30
        self.minor = False
        self.language = "English"
        self.interpreter = False
        self.providers = self._provider_pool(max(10, persons // 50)) if persons > 0 else []

    # --- rows and envelopes ----------------------------------------------------------------------------------

    def _at(self, day: dt.date) -> dt.datetime:
        """A time on ``day`` during office hours (in UTC), to the millisecond."""
        r = self.rng
        return dt.datetime(
            day.year, day.month, day.day, 13 + int(r.random() * 10), int(r.random() * 60), int(r.random() * 60),
            int(r.random() * 1000) * 1000, tzinfo=dt.UTC,
        )  # fmt: skip

    def add(self, table: str, when: dt.datetime, values: dict[str, Any]) -> str:
        ms = (when - _EPOCH) // _MS
        rand = self.rng.getrandbits(74)
        value = (ms << 80) | (0x7 << 76) | ((rand >> 62) << 64) | (0b10 << 62) | (rand & _RAND_B)
        h = f"{value:032x}"
        rid = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
        self.seq += 1
        hlc = Timestamp(ms, self.seq % 100_000, self.node).encode()
        if self.last_hlc is None or hlc > self.last_hlc:
            self.last_hlc = hlc
        row = self.templates[table].copy()
        row.update(values)
        row["id"] = rid
        row["person_id"] = rid if table == "person" else self.person_id
        row["created_at"] = when
        row["edited_hlc"] = hlc
        self.rows[table].append(row)
        return rid

    def take(self) -> dict[str, list[dict[str, Any]]]:
        rows, self.rows = self.rows, {name: [] for name in RECORD_TYPES}
        return rows

    # --- providers (not about any one person) ----------------------------------------------------------------

    def _provider_pool(self, count: int) -> list[tuple[str, str, tuple[str, ...]]]:
        self.rng = random.Random(f"offramp-demo:{self.seed}:providers")
        self.person_id = None
        pool = []
        combos = [(place, kind) for kind in _PROVIDER_KINDS for place in _PROVIDER_PLACES]
        for i in range(count):
            place, (kind_name, categories, public) = combos[i % len(combos)]
            name = f"{place} {kind_name}"
            if i >= len(combos):
                name += f" (site {i // len(combos) + 1})"
            offered = tuple(c for c in categories if self.rng.random() < 0.8) or categories[:1]
            when = self._at(_days(BASE_DATE, int(self.rng.random() * 30)))
            pid = self.add(
                "provider",
                when,
                {
                    "name": name,
                    "categories": list(offered),
                    "taxonomy_version": TAXONOMY_VERSION,
                    "languages": list(_W_LANGUAGES.pick(self.rng)),
                    "serves": _pick(self.rng, _SERVES),
                    "phone": _phone(self.rng),
                    "email": f"intake{i + 1}@example.org",
                    "website": f"https://example.org/demo-provider-{i + 1}",
                    "public_address": (
                        f"{100 + i} Demo Street, {_pick(self.rng, COUNTIES)}, Demo State" if public else None
                    ),
                    "notes": "A fictional provider, for demonstration only.",
                },
            )
            pool.append((pid, name, offered))
        return pool

    # --- one person ------------------------------------------------------------------------------------------

    def person(self, index: int) -> None:
        r = self.rng = random.Random(f"offramp-demo:{self.seed}:{index}")
        # People arrive over the two years in order of their number: records (and their time-based ids) are
        # then written roughly in time order, as in a real vault, which keeps the indexes' hot pages few.
        first = _days(BASE_DATE, int((index + r.random()) * self.days_per_person))
        first_at = self._at(first)
        self.person_id = None
        pid = self._person_row(first, first_at)
        self.person_id = pid
        full = index == 0  # the first person has one of everything, so every record type appears

        encounters = self._encounters(first, first_at, full)
        screening = self._screening(first, encounters, full)
        decision = self._identification(first, screening, full)
        identified = decision is not None and decision[1] == "identified"
        id_date = decision[0] if decision else None
        contacts = self._justice(first, identified, full)
        if full or r.random() < (0.45 if identified else 0.28):
            self._safety_plan(first, full)
        if full or r.random() < (0.7 if identified else 0.42):
            self._referrals(id_date or first, full)
        defendant = next((c for c in contacts if c[1] == "defendant"), None)
        if full or r.random() < (0.45 if defendant else 0.035):
            self._relief(first, defendant)
        self._notes(pid, first, encounters, full)
        if r.random() < 0.01:
            self._blocked_disclosure(first)
        if self.identity.regime == "prosecution":
            decision_id = self.rows["identification_decision"][-1]["id"] if decision is not None else None
            self._prosecutors_desk(pid, contacts, decision_id if identified else None, id_date, full)

    def _prosecutors_desk(
        self,
        pid: str,
        contacts: list[tuple[str, str, dict[str, Any]]],
        identification_id: str | None,
        identified_on: dt.date | None,
        full: bool,
    ) -> None:
        """A prosecution vault's own records: charging decisions on defendants' matters (linked to the identification
        when one was made first), a prompt answered now and then, and U- or T-visa certification requests from the
        people the office's cases are about. A random stream of its own, after everything else of the person."""
        r = random.Random(f"offramp-demo:{self.seed}:desk:{pid}")
        for k, (jid, role, values) in enumerate(contacts):
            opened = values["arrest_date"] or BASE_DATE
            if role == "defendant" and (full or r.random() < 0.55):
                decided = _capped(_days(opened, 5 + int(r.random() * 55)))
                informed = identification_id is not None and identified_on is not None and identified_on <= decided
                kind = "divert" if full else (_W_CHARGING_INFORMED if informed else _W_CHARGING_OTHER).pick(r)
                self.add(
                    "charging_decision",
                    self._at(decided),
                    {
                        "justice_contact_id": jid,
                        "decided_on": decided,
                        "decided_by_name": _pick(r, STAFF),
                        "decision": kind,
                        "reason": _pick(r, _CHARGING_REASONS[kind]),
                        "identification_decision_id": identification_id if informed else None,
                        "persons_account": True if informed and r.random() < 0.5 else None,
                    },
                )
            elif role == "defendant" and r.random() < 0.1:
                self.add(
                    "screening_prompt",
                    self._at(_capped(_days(opened, 3))),
                    {
                        "justice_contact_id": jid,
                        "rules_version": "2026.1",
                        "dismissed_on": _capped(_days(opened, 3)),
                        "dismissed_by_name": _pick(r, STAFF),
                        "reason": "Screened by the advocate last week.",
                    },
                )
            victim = role in ("witness", "complainant") and identification_id is not None
            if (full and k == 0) or (victim and r.random() < 0.3):
                self._certification_request(r, jid, opened)

    def _certification_request(self, r: random.Random, justice_id: str, opened: dt.date) -> None:
        received = _capped(_days(opened, 30 + int(r.random() * 200)))
        values: dict[str, Any] = {
            "form": "i914_supplement_b" if r.random() < 0.4 else "i918_supplement_b",
            "received_on": received,
            "requested_by": "attorney" if r.random() < 0.7 else "advocate",
            "requester_name": _pick(r, _REQUESTERS),
            "justice_contact_id": justice_id,
            "helpfulness_facts": _pick(r, _HELPFULNESS),
            "due_on": received + dt.timedelta(days=90),
        }
        if received < END_DATE - dt.timedelta(days=60) and r.random() < 0.85:
            decided = _capped(_days(received, 10 + int(r.random() * 70)))
            outcome = "certified" if r.random() < 0.8 else ("declined" if r.random() < 0.5 else "withdrawn")
            values.update(decision=outcome, decided_on=decided, decided_by_name=_pick(r, STAFF))
            if outcome == "certified":
                values.update(signed_by_name=values["decided_by_name"], signed_on=decided)
            elif outcome == "declined":
                values["decision_reason"] = "The person's help with the case could not be confirmed from the file."
        self.add("certification_request", self._at(received), values)

    def _person_row(self, first: dt.date, first_at: dt.datetime) -> str:
        r = self.rng
        given = _pick(r, GIVEN_NAMES)
        family = _family(r)
        x = r.random()
        if x < 0.25:
            preferred = given
        elif x < 0.35:  # a chosen name, different from the legal one
            preferred = f"{_pick(r, GIVEN_NAMES)} {family}"
        else:
            preferred = f"{given} {family}"
        legal = None if r.random() < 0.3 else f"{given} {family}"
        aliases: list[str] = []
        if r.random() < 0.2:
            aliases.append(given[: 3 + int(r.random() * 2)] + _pick(r, _NICK_ENDINGS))
            if r.random() < 0.3:
                aliases.append(_pick(r, GIVEN_NAMES))
        minor = r.random() < 0.08
        low, high = (14, 17) if minor else _W_ADULT_AGE.pick(r)
        age = low + int(r.random() * (high - low + 1))
        dob: dt.date | None = None
        if r.random() < 0.75:
            dob = first - dt.timedelta(days=int(age * 365.25) + 1 + int(r.random() * 363))
            age_group = "minor" if minor else "adult"
        else:
            age_group = "minor" if minor else ("adult" if r.random() < 0.8 else "unknown")
        self.age = age
        self.minor = minor
        languages = list(_W_LANGUAGES.pick(r))
        self.language = languages[0]
        self.interpreter = "English" not in languages
        return self.add(
            "person",
            first_at,
            {
                "preferred_name": preferred,
                "legal_name": legal,
                "aliases": aliases,
                "pronouns": _W_PRONOUNS.pick(r),
                "preferred_term": _W_TERM.pick(r),
                "languages": languages,
                "interpreter_needed": True if self.interpreter else (False if r.random() < 0.7 else None),
                "date_of_birth": dob,
                "age_group": age_group,
                "safe_to_call": _W_FLAG.pick(r),
                "safe_to_text": _W_FLAG.pick(r),
                "safe_to_leave_message": False if r.random() < 0.5 else _W_FLAG.pick(r),
                "safe_to_send_mail": False if r.random() < 0.6 else _W_FLAG.pick(r),
                "safe_times": _W_SAFE_TIMES.pick(r),
                "contact_notes": _W_CONTACT_NOTES.pick(r),
                "is_demo": True,
            },
        )

    def _encounters(self, first: dt.date, first_at: dt.datetime, full: bool) -> list[_Contact]:
        """1-4 contacts; returns (id, date, time) of each."""
        r = self.rng
        n = 4 if full else _W_ENCOUNTERS.pick(r)
        out: list[_Contact] = []
        day = first
        for k in range(n):
            if k:
                day = _days(day, 3 + int(r.random() * 40))
                if day > END_DATE:
                    break
            when = first_at if k == 0 else self._at(day)
            kind = (_W_FIRST_KIND if k == 0 else _W_LATER_KIND).pick(r)
            status = _W_ENCOUNTER_STATUS.pick(r)
            if full or (status == "planned" and k != n - 1):
                status = "complete"
            interpreter = self.interpreter and r.random() < 0.9
            eid = self.add(
                "encounter",
                when,
                {
                    "occurred_at": when,
                    "kind": kind,
                    "setting": _pick(r, _SETTINGS[kind]),
                    "purpose": _FIRST_PURPOSE if k == 0 and kind == "interview" else _pick(r, _PURPOSES[kind]),
                    "status": status,
                    "interpreter_used": interpreter,
                    "interpreter_language": self.language if interpreter else None,
                    "note_taker": _pick(r, STAFF),
                    "summary": _pick(r, _SUMMARIES[kind if status == "complete" else status])
                    if r.random() < 0.8
                    else None,
                },
            )
            out.append((eid, day, when))
            if kind == "interview" and status != "planned" and (full or r.random() < 0.8):
                self._checklist(eid, when, status)
        return out

    def _checklist(self, encounter_id: str, when: dt.datetime, status: str) -> None:
        """The bundled interview checklist: a finished one holds every item needed to finish; an unfinished one
        stops before the "after" items."""
        r = self.rng
        session = {"complete": "complete", "partial": "partial"}.get(status, "stopped_at_request")
        answers: dict[str, Any] = {}
        reached_after = False
        for item_id, kind, required in _template_items(*DEMO_CHECKLIST):
            reached_after = reached_after or required
            if kind != "checklist" or (session != "complete" and reached_after):
                continue
            answer = _W_CHECK_ANSWER.pick(r)
            if required and answer not in ("done", "declined"):
                answer = "done"
            entry: dict[str, Any] = {"answer": answer}
            if item_id == "consent-decisions" and r.random() < 0.3:
                entry["note"] = "Declined to share with the prosecutor for now; agreed to the housing referral."
            answers[item_id] = entry
        self.add(
            "checklist_response",
            when + dt.timedelta(minutes=50),
            {"encounter_id": encounter_id, "template_id": DEMO_CHECKLIST[0], "template_version": DEMO_CHECKLIST[1],
             "answers": answers, "status": session},
        )  # fmt: skip

    def _screening(self, first: dt.date, encounters: list[_Contact], full: bool) -> tuple[dt.date, str] | None:
        """~70% are screened, mostly within 30 days of first contact. Returns (date, practitioner assessment)."""
        r = self.rng
        if not (full or r.random() < 0.7):
            return None
        eid, day, met_at = encounters[1 if len(encounters) > 1 and r.random() < 0.3 else 0]
        tool, version = DEMO_SCREENING
        items = [item_id for item_id, kind, _required in _template_items(*DEMO_SCREENING) if kind == "indicator"]
        session = _W_SESSION.pick(r)
        answers: dict[str, Any] = {}
        yes = 0
        weights = _W_ITEM_ANSWER if r.random() < 0.6 else _W_ITEM_ANSWER_FEW
        for i, item_id in enumerate(items, start=1):
            answer = weights.pick(r)
            if session != "complete" and i > len(items) // 2:
                continue  # the session ended before these were reached
            yes += answer == "yes"
            answers[item_id] = {"answer": answer}
        if yes >= 2:
            assessment = "indicators_present" if r.random() < 0.8 else "unclear"
        elif yes == 1:
            assessment = "unclear" if r.random() < 0.6 else "indicators_present"
        elif session != "complete":
            assessment = "unclear"
        else:
            assessment = "not_indicated" if r.random() < 0.85 else "unclear"
        self.add(
            "screening",
            met_at + dt.timedelta(minutes=40),
            {
                "encounter_id": eid,
                "template_id": tool,
                "template_version": version,
                "screened_on": day,
                "answers": answers,
                "session_status": session,
                "practitioner_assessment": assessment,
                "assessment_reason": _pick(r, _SCREENING_REASONS[assessment]),
            },
        )
        return day, assessment

    def _identification(
        self, first: dt.date, screening: tuple[dt.date, str] | None, full: bool
    ) -> tuple[dt.date, str] | None:
        """~40% have a human identification decision, mostly after a screening."""
        r = self.rng
        chance = 0.12 if screening is None else (0.72 if screening[1] == "indicators_present" else 0.3)
        if not (full or r.random() < chance):
            return None
        start = screening[0] if screening else first
        decided = _capped(_days(start, int(r.random() * 21)))
        status = "identified" if full else _W_ID_STATUS.pick(r)
        if screening and screening[1] == "not_indicated" and status == "identified" and not full and r.random() < 0.7:
            status = "not_identified"
        self.add(
            "identification_decision",
            self._at(decided),
            {
                "decided_on": decided,
                "decided_by_name": _pick(r, STAFF),
                "status": status,
                "trafficking_type": _W_TYPE.pick(r) if status == "identified" else (
                    "unknown" if status == "unclear" and r.random() < 0.5 else None
                ),
                "reason": _pick(r, _ID_REASONS[status]),
            },
        )  # fmt: skip
        return decided, status

    def _court(self) -> tuple[str, str, str]:
        r = self.rng
        county = _pick(r, COUNTIES)
        court = "Demo County Court" if r.random() < 0.15 else f"{county} {_pick(r, _COURT_KINDS)}"
        return court, county, _pick(r, STATES)

    def _agency(self, county: str) -> str:
        if self.rng.random() < 0.5:
            return f"{county} Sheriff's Office"
        return f"{_pick(self.rng, _TOWNS)} Police Department"

    def _docket(self, county: str, year: int, kind: str = "CR") -> str:
        prefix = "".join(w[0] for w in county.split())
        return f"{prefix}-{year}-{kind}-{self.rng.randrange(1, 1_000_000):06d}"

    def _charges(self, pool: Sequence[tuple[str, str, str]], n: int) -> list[dict[str, Any]]:
        r = self.rng
        picked = r.sample(range(len(pool)), n)
        out = []
        for i in picked:
            offence, statute, level = pool[i]
            if self.minor and pool is _DEFENDANT_CHARGES:
                level = "juvenile"
            out.append({"offence": offence, "statute": statute, "level": level})
        return out

    def _justice(self, first: dt.date, identified: bool, full: bool) -> list[tuple[str, str, dict[str, Any]]]:
        """~60% are part of a justice-system matter. Returns (id, role, values) of each."""
        r = self.rng
        if not (full or r.random() < 0.6):
            return []
        n = 2 if (full or r.random() < 0.15) else 1
        out = []
        for k in range(n):
            role = "defendant" if (full and k == 0) else (_W_ROLE_IDENTIFIED if identified else _W_ROLE_OTHER).pick(r)
            court, county, state = self._court()
            defendant = role == "defendant"
            charges = self._charges(_DEFENDANT_CHARGES if defendant else _CASE_CHARGES, 1 + int(r.random() * 3))
            arrest = _days(first, -int(r.random() * 90)) if defendant else None
            opened = arrest or _days(first, -int(r.random() * 60))
            status = "disposed" if (full and k == 0) else _W_CASE_STATUS.pick(r)
            disposition: str | None
            disposed_on: dt.date | None = None
            if status == "open":
                disposition = "pending"
            elif status == "disposed":
                w = _W_DISPOSITION_IDENTIFIED if identified else _W_DISPOSITION_OTHER
                disposition = w.pick(r)
                disposed_on = _capped(_days(max(opened, first), 20 + int(r.random() * 240)))
            else:
                disposition = None
            values = {
                "court": court,
                "county": county,
                "state": state,
                "docket_number": self._docket(county, opened.year),
                "role": role,
                "charges": charges,
                "arrest_date": arrest,
                "arresting_agency": self._agency(county) if defendant else None,
                "case_status": status,
                "disposition": disposition,
                "disposition_date": disposed_on,
            }
            jid = self.add("justice_contact", self._at(max(first, opened)), values)
            out.append((jid, role, values))
            if role in ("witness", "complainant"):
                self._benefit(jid, opened, full and k == 0)
        return out

    def _benefit(self, justice_id: str, opened: dt.date, full: bool) -> None:
        """Now and then a witness is given something the defence must be told about (the disclosure review).

        A separate random stream, so adding benefits left every other demo record as it was.
        """
        r = random.Random(f"offramp-demo:{self.seed}:benefit:{justice_id}")
        if not (full or r.random() < 0.25):
            return
        kind, description = _pick(r, _BENEFITS)
        given = _capped(_days(opened, 10 + int(r.random() * 120)))
        self.add(
            "benefit",
            self._at(given),
            {
                "kind": kind,
                "given_on": given,
                "description": description,
                "given_by": "Demo County Prosecutor's Office",
                "justice_contact_id": justice_id,
            },
        )

    def _safety_plan(self, first: dt.date, full: bool) -> None:
        r = self.rng
        offered = _capped(_days(first, int(r.random() * 30)))
        choice = "chosen" if full else _W_PLAN_CHOICE.pick(r)
        chosen = choice == "chosen"
        leaving = _W_LEAVING.pick(r) if chosen else None
        da = chosen and (full or r.random() < 0.2)
        plan_at = self._at(offered)
        plan_id = self.add(
            "safety_plan",
            plan_at,
            {
                "offered_on": offered,
                "survivor_choice": choice,
                "started_on": offered if chosen else None,
                "review_due": _days(offered, 30 + int(r.random() * 60)) if chosen else None,
                "leaving_intent": leaving,
                "danger_now": _W_DANGER.pick(r) if chosen else None,
                "danger_assessment_on": _capped(_days(offered, int(r.random() * 14))) if da else None,
                "danger_assessment_level": _pick(r, _DA_LEVELS) if da else None,
                "danger_assessment_scorer": f"{_pick(r, STAFF)} (certified)" if da else None,
                "status": ("active" if r.random() < 0.75 else "closed") if chosen else "closed",
            },
        )
        if not chosen:
            return
        n = 8 if full else 3 + int(r.random() * 6)
        components = r.sample(list(_PLAN_DETAILS), n)
        items: list[tuple[str, str, str, dt.date]] = []
        for k, component in enumerate(components):
            on = offered if k < 3 else _capped(_days(offered, int(r.random() * 30)))
            item_choice = _W_ITEM_CHOICE.pick(r)
            if component == "leaving_plan" and leaving == "not_ready":
                item_choice = "not_now"
            revises: str | None = None
            if items and ((full and k == n - 1) or r.random() < 0.08):
                # A later, dated entry revising an earlier one: the earlier choice stays as it was recorded.
                revises, component, _old_choice, old_on = items[int(r.random() * len(items))]
                on = _capped(_days(max(on, old_on), 1 + int(r.random() * 20)))
            details = _pick(r, _PLAN_DETAILS[component])
            if component == "leaving_plan" and leaving == "not_ready":
                details = _PLAN_DETAILS["leaving_plan"][0]
            iid = self.add(
                "safety_plan_item",
                self._at(on),
                {
                    "plan_id": plan_id,
                    "component": component,
                    "survivor_choice": item_choice,
                    "survivor_words": _pick(r, _SURVIVOR_WORDS) if r.random() < 0.4 else None,
                    "details": details,
                    "revises_id": revises,
                    "recorded_on": on,
                },
            )
            items.append((iid, component, item_choice, on))
        for _ in range(2 if full else int(r.random() * 3)):
            self.add(
                "safe_contact",
                self._at(offered),
                {
                    "plan_id": plan_id,
                    "name": _pick(r, GIVEN_NAMES),
                    "relationship": _pick(r, _RELATIONSHIPS),
                    "phone": _phone(r),
                    "safe_word": _pick(r, _SAFE_WORDS),
                    "unsafe_word": _pick(r, _UNSAFE_WORDS),
                    "action_on_unsafe": _pick(r, _UNSAFE_ACTIONS),
                },
            )

    def _referrals(self, start: dt.date, full: bool) -> None:
        r = self.rng
        n = 3 if full else 1 + int(r.random() * 3)
        for k in range(n):
            provider_id, provider_name, categories = self.providers[int(r.random() * len(self.providers))]
            category = _pick(r, categories)
            offered = _capped(_days(start, int(r.random() * 25) + 14 * k))
            decision = ("accepted", "declined", "not_now")[k] if full else _W_REFERRAL_DECISION.pick(r)
            accepted = decision == "accepted"
            consent_id: str | None = None
            consent: tuple[dt.date, dt.date, dt.date | None] | None = None
            if accepted and (full or r.random() < 0.8):
                consent_id, consent = self._consent(provider_id, provider_name, category, offered)
            outcome = "open"
            events: list[tuple[str, dt.date]] = []
            if accepted:
                made = offered
                events.append(("made", made))
                if full or r.random() < 0.85:
                    taken = _days(made, 1 + int(r.random() * 7))
                    if taken <= END_DATE:
                        events.append(("accepted_by_provider", taken))
                        if full or r.random() < 0.75:
                            served = _days(taken, 1 + int(r.random() * 40))
                            if served <= END_DATE:
                                events.append(("first_service_confirmed", served))
                                outcome = "served"
                if r.random() < 0.1 and outcome != "served":
                    outcome = "not_served"
            elif decision in ("declined", "not_now"):
                outcome = "closed"
                events.append(("closed", offered))
            follow_up = _days(offered, 14)
            if accepted and follow_up <= END_DATE and (full or r.random() < 0.55):
                # Mostly on time (measure 8), some late.
                on_time = r.random() < 0.8
                late_by = int(r.random() * 10) - 5 if on_time else 3 + int(r.random() * 20)
                done = _days(follow_up, late_by)
                if done <= END_DATE:
                    events.append(("follow_up_done", max(done, offered)))
            if outcome == "served" and r.random() < 0.3:
                closed = _days(max(d for _k, d in events), 30 + int(r.random() * 60))
                if closed <= END_DATE:
                    events.append(("closed", closed))
                    outcome = "closed"
            rid = self.add(
                "referral",
                self._at(offered),
                {
                    "provider_id": provider_id,
                    "category": category,
                    "taxonomy_version": TAXONOMY_VERSION,
                    "offered_on": offered,
                    "decision": decision,
                    "shares_identifying": consent_id is not None,
                    "follow_up_due": follow_up,
                    "outcome": outcome,
                    "consent_id": consent_id,
                },
            )
            for kind, day in events:
                note = _pick(r, _EVENT_NOTES[kind])
                self.add("referral_event", self._at(day), {"referral_id": rid, "kind": kind, "occurred_on": day,
                                                           "note": note})  # fmt: skip
            if consent_id is not None and consent is not None and ((full and k == 0) or r.random() < 0.12):
                self._disclosure(consent_id, provider_name, category, consent)

    def _consent(
        self, provider_id: str, provider_name: str, category: str, start: dt.date
    ) -> tuple[str, tuple[dt.date, dt.date, dt.date | None]]:
        r = self.rng
        expires = _days(start, 90 + int(r.random() * 276))
        revoked: dt.date | None = None
        if r.random() < 0.05:
            last = min(expires, END_DATE)
            if last > start:
                revoked = _days(start, 1 + int(r.random() * (last - start).days))
                revoked = min(revoked, last)
        verbal = r.random() < 0.2
        cid = self.add(
            "consent",
            self._at(start),
            {
                "recipient": provider_name,
                "recipient_provider_id": provider_id,
                "data_covered": list(_pick(r, _DATA_COVERED)),
                "purpose": f"Referral for {CATEGORIES[category]}",
                "starts_on": start,
                "expires_on": expires,
                "method": "verbal_witnessed" if verbal else "written",
                "witness_name": _pick(r, STAFF) if verbal else None,
                "revoked_on": revoked,
                "revocation_note": "The person withdrew this release." if revoked else None,
            },
        )
        return cid, (start, expires, revoked)

    def _disclosure(
        self, consent_id: str, recipient: str, category: str, consent: tuple[dt.date, dt.date, dt.date | None]
    ) -> None:
        r = self.rng
        start, expires, revoked = consent
        last = min(expires, revoked or expires, END_DATE)
        day = _days(start, int(r.random() * max(1, min(10, (last - start).days + 1))))
        day = min(day, last)
        self.add(
            "disclosure",
            self._at(day),
            {
                "recipient": recipient,
                "recipient_team_id": None,
                "facts": "Name and a phone number, for intake.",
                "purpose": f"Referral for {CATEGORIES[category]}",
                "disclosed_on": day,
                "channel": _W_CHANNEL.pick(r),
                "allowed": True,
                "consent_id": consent_id,
            },
        )

    def _blocked_disclosure(self, first: dt.date) -> None:
        """A share the app stopped: no release covered it. Logged all the same (measure 10)."""
        r = self.rng
        day = _capped(_days(first, int(r.random() * 40)))
        self.add(
            "disclosure",
            self._at(day),
            {
                "recipient": "Demo County Court",
                "recipient_team_id": None,
                "facts": None,
                "purpose": "Export requested; no release covers this recipient.",
                "disclosed_on": day,
                "channel": "export",
                "allowed": False,
            },
        )

    def _relief(self, first: dt.date, defendant: tuple[str, str, dict[str, Any]] | None) -> None:
        r = self.rng
        status = _W_RELIEF_STATUS.pick(r)
        stage = _RELIEF_STAGE[status]
        opened = _capped(_days(first, int(r.random() * 60)))
        if defendant is not None and not (
            defendant[2]["case_status"] == "disposed"
            and defendant[2]["disposition_date"]
            and defendant[2]["disposition_date"] < _days(END_DATE, -7)
        ):
            # Relief is about a matter that has ended (at least a week before the demo's last day); an open case,
            # or one that ended too late for relief work to have started, is not part of it.
            defendant = None
        if defendant is not None:
            opened = _capped(max(opened, _days(defendant[2]["disposition_date"], 7 + int(r.random() * 60))))
        state = defendant[2]["state"] if defendant else "Demo State"
        review_done = _capped(_days(opened, 7 + int(r.random() * 40))) if stage >= 1 else None
        case_id = self.add(
            "relief_case",
            self._at(opened),
            {
                "jurisdiction": state,
                "status": status,
                "representation": _pick(r, _REPRESENTATION) if stage >= 2 else None,
                "eligibility_review_done_on": review_done,
            },
        )
        # Petitions: drafted when preparing, filed from "filed" on.
        petitions: list[tuple[str, dict[str, Any]]] = []
        if stage >= 3 and status != "withdrawn_by_survivor":
            court, county, _state = self._court()
            base = review_done or opened
            filed = _capped(_days(base, 10 + int(r.random() * 60))) if stage >= 4 else None
            hearing = _days(filed, 30 + int(r.random() * 60)) if filed and stage >= 5 else None
            decided = _capped(hearing) if hearing and stage >= 6 else None
            if hearing and decided and hearing > END_DATE:
                hearing = decided
            if status in ("granted", "partly_granted", "denied"):
                outcome = status
            elif stage >= 7:
                outcome = "granted"
            else:
                outcome = "pending"
            corrected = _capped(_days(decided, 20 + int(r.random() * 60))) if decided and stage >= 7 else None
            values = {
                "case_id": case_id,
                "relief_types": list(_W_RELIEF_TYPES.pick(r)),
                "legal_basis": f"{state} vacatur provision for survivors (fictional)",
                "filing_court": court,
                "filed_on": filed,
                "prosecutor_position": _W_POSITION.pick(r) if filed else "unknown",
                "hearing_on": hearing,
                "decided_on": decided,
                "outcome": outcome,
                "order_reference": f"ORD-{decided.year}-{r.randrange(1, 100_000):05d}" if decided and
                outcome != "denied" else None,
                "records_corrected_on": corrected,
            }  # fmt: skip
            petitions.append((self.add("relief_petition", self._at(filed or base), values), values))
        # Charges: the defendant matter first (when there is one), then older records.
        n = 1 + int(r.random() * 4)
        petition_id, petition = petitions[0] if petitions else (None, None)
        for k in range(n):
            if k == 0 and defendant is not None:
                jc = defendant[2]
                charge = jc["charges"][0]
                arrest = jc["arrest_date"]
                agency, court, county = jc["arresting_agency"], jc["court"], jc["county"]
                docket = jc["docket_number"]
                disposed = jc["disposition_date"]
                disposition = (jc["disposition"] or "pending").replace("_", " ").capitalize()
                justice_id: str | None = defendant[0]
            else:
                offence, statute, level = _pick(r, _DEFENDANT_CHARGES)
                charge = {"offence": offence, "statute": statute, "level": "juvenile" if self.minor else level}
                arrest = dt.date(2010 + int(r.random() * 13), 1 + int(r.random() * 12), 1 + int(r.random() * 28))
                court, county, _state = self._court()
                agency = self._agency(county)
                docket = self._docket(county, arrest.year)
                disposed = _days(arrest, 30 + int(r.random() * 300))
                disposition = "Adjudicated (juvenile)" if self.minor else _pick(
                    r, ("Convicted after a plea", "Convicted", "Plea to a lesser charge")
                )  # fmt: skip
                justice_id = None
            if stage == 0:
                eligibility = "unknown"
            elif status == "not_eligible":
                eligibility = "not_eligible"
            else:
                eligibility = "eligible" if r.random() < 0.85 else "not_eligible"
            outcome = "pending"
            decided = None
            if petition is not None and petition["decided_on"] is not None and eligibility == "eligible":
                decided = petition["decided_on"]
                outcome = {"granted": "granted", "denied": "denied"}.get(
                    petition["outcome"], "granted" if r.random() < 0.6 else "denied"
                )
            self.add(
                "relief_charge",
                self._at(opened),
                {
                    "case_id": case_id,
                    "justice_contact_id": justice_id,
                    "petition_id": petition_id if eligibility == "eligible" else None,
                    "arrest_date": arrest,
                    "arresting_agency": agency,
                    "offence": charge["offence"],
                    "statute": charge["statute"],
                    "level": charge["level"],
                    "court": court,
                    "county": county,
                    "state": state,
                    "docket_number": docket,
                    "disposition": disposition,
                    "disposition_date": disposed,
                    "sentence_status": _pick(r, _SENTENCE),
                    "relief_sought": _pick(r, ("vacatur", "vacatur", "expungement", "sealing")),
                    "eligibility": eligibility,
                    "outcome": outcome,
                    "decided_on": decided,
                    "order_reference": petition["order_reference"] if petition and outcome == "granted" else None,
                },
            )
        # Deadlines: statutory limits, responses, hearings, appeal windows, following the petition's dates.
        pet_id, pet = petitions[0] if petitions else (None, None)
        for kind in r.sample(_DEADLINE_KINDS, 1 + int(r.random() * 3)):
            linked = pet_id
            if kind == "response" and pet and pet["filed_on"]:
                due = _days(pet["filed_on"], 21)
            elif kind == "hearing" and pet and pet["hearing_on"]:
                due = pet["hearing_on"]
            elif kind == "appeal" and pet and pet["decided_on"]:
                due = _days(pet["decided_on"], 30)
            elif kind == "filing_limit":
                due, linked = _days(opened, 90 + int(r.random() * 275)), None
            else:
                kind, due, linked = "other", _days(opened, 14 + int(r.random() * 100)), None
            done: dt.date | None = None
            if due <= END_DATE and r.random() < 0.85:
                done = due if kind == "hearing" else max(opened, _days(due, -int(r.random() * 10)))
            self.add(
                "relief_deadline",
                self._at(opened),
                {
                    "case_id": case_id,
                    "petition_id": linked,
                    "kind": kind,
                    "due_on": due,
                    "done_on": done,
                    "note": _DEADLINE_NOTES[kind],
                },
            )

    def _notes(self, pid: str, first: dt.date, encounters: list[_Contact], full: bool) -> None:
        r = self.rng
        for _ in range(3 if full else _W_NOTES.pick(r)):
            if encounters and r.random() < 0.5:
                parent_id, _day, met_at = encounters[int(r.random() * len(encounters))]
                parent_type, when = "encounter", met_at + dt.timedelta(minutes=10 + int(r.random() * 50))
            else:
                parent_type, parent_id = "person", pid
                when = self._at(_capped(_days(first, int(r.random() * 60))))
            signed = r.random() < 0.6
            self.add(
                "note_entry",
                when,
                {
                    "parent_type": parent_type,
                    "parent_id": parent_id,
                    "body": _pick(r, _NOTES),
                    "signed_at": when + dt.timedelta(minutes=5 + int(r.random() * 120)) if signed else None,
                    "signed_by": self.identity.user_id if signed else None,
                },
            )


# --- writing ------------------------------------------------------------------------------------------------

SessionFactory = Callable[[], Session]

#: Envelope fields that differ from row to row; the others are the same on every demo row of a run.
_PER_ROW = frozenset({"id", "person_id", "created_at", "edited_hlc", "consent_id"})
_CONSTANT = ENVELOPE_FIELDS - _PER_ROW


class _TableWriter:
    """``insert(table)`` compiled once by SQLAlchemy for this dialect, and its bind processors.

    Handing SQLAlchemy a list of dicts costs about as much Python per row as making the row: it rebuilds a
    parameter dict per row and runs every bind processor, the JSON ``extra`` and the constant envelope included.
    Here the statement and the processors are SQLAlchemy's own (so values are stored exactly as the ORM stores
    them), constants are processed once, and the rows go to the driver's ``executemany`` as tuples.
    """

    def __init__(self, table: Table, dialect: Dialect, template: dict[str, Any]) -> None:
        compiled = insert(table).compile(dialect=dialect)
        self.name = table.name
        self.sql = str(compiled)
        # SQLite binds by position; PostgreSQL's driver by name (an office server's database, for its report's bench)
        self._named = not compiled.positional
        keys = list(compiled.params) if self._named else list(compiled.positiontup or ())
        self._keys = keys
        if set(keys) != set(template):
            raise RuntimeError(f"insert({table.name}) does not bind every column")  # pragma: no cover
        self._get = operator.itemgetter(*keys)
        self._procs: list[tuple[int, Callable[[Any], Any]]] = []
        self._consts: list[tuple[int, Any]] = []
        for i, key in enumerate(keys):
            proc = table.c[key].type.dialect_impl(dialect).bind_processor(dialect)
            if proc is None:
                continue
            if key in _CONSTANT:
                self._consts.append((i, proc(template[key])))
            else:
                self._procs.append((i, proc))

    def params(self, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]] | list[dict[str, Any]]:
        out = []
        procs, consts, get = self._procs, self._consts, self._get
        for row in rows:
            values = list(get(row))
            for i, proc in procs:
                values[i] = proc(values[i])
            for i, const in consts:
                values[i] = const
            out.append(tuple(values))
        if self._named:
            return [dict(zip(self._keys, values, strict=True)) for values in out]
        return out


@contextmanager
def _transaction(target: Engine | SessionFactory) -> Iterator[Connection]:
    if isinstance(target, Engine):
        with target.begin() as conn:
            yield conn
    else:
        with target() as session, session.begin():
            yield session.connection()


def _check_arguments(persons: int, seed: int, batch: int) -> None:
    if isinstance(persons, bool) or not isinstance(persons, int) or not 0 <= persons <= MAX_PERSONS:
        raise ValidationError(f"Choose a number of demo people from 0 to {MAX_PERSONS:,}.", field="persons")
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValidationError("The seed must be a whole number.", field="seed")
    if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
        raise ValidationError("The batch size must be at least 1.", field="batch")


def _run(
    target: Engine | SessionFactory,
    identity: DemoIdentity,
    *,
    persons: int,
    seed: int,
    progress: Callable[[int, int], None] | None,
    batch: int,
    cancel: Callable[[], bool] | None,
) -> tuple[DemoSummary, str | None]:
    _check_arguments(persons, seed, batch)
    maker = _Maker(identity, seed, persons)
    tables = insert_order()
    writers: list[_TableWriter] = []
    person_table = Base.metadata.tables["person"]
    by_type = dict.fromkeys(RECORD_TYPES, 0)
    done = 0
    while done < persons:
        if cancel is not None and cancel():
            break
        end = min(persons, done + batch)
        for i in range(done, end):
            maker.person(i)
        rows = maker.take()
        with _transaction(target) as conn:
            if done == 0:
                first_id = rows["person"][0]["id"]
                if conn.execute(select(person_table.c.id).where(person_table.c.id == first_id)).first():
                    raise ValidationError(
                        f"This vault already holds the demo people made with seed {seed}. "
                        "Choose another seed to add more.",
                        field="seed",
                    )
            if not writers:
                writers = [_TableWriter(t, conn.dialect, maker.templates[t.name]) for t in tables]
            for writer in writers:
                chunk = rows[writer.name]
                if chunk:
                    conn.exec_driver_sql(writer.sql, writer.params(chunk))
        for name, chunk in rows.items():
            by_type[name] += len(chunk)
        done = end
        if progress is not None:
            progress(done, persons)
    summary = DemoSummary(
        persons=by_type["person"],
        records=sum(n for name, n in by_type.items() if name != "person"),
        by_type=by_type,
    )
    return summary, maker.last_hlc


def generate_into(
    target: Engine | SessionFactory,
    identity: DemoIdentity,
    *,
    persons: int,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 2000,
    cancel: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Write ``persons`` fictional people and their records into any database with our schema.

    ``target`` is an :class:`~sqlalchemy.engine.Engine` or a session factory. One transaction per ``batch`` of
    people; ``progress(done, total)`` after each; ``cancel()`` is asked before each batch and, when it returns
    true, the run stops there: what was committed stays, and the summary says how much that was. Writes no audit
    event: :func:`generate` does that for a workspace.
    """
    summary, _last = _run(target, identity, persons=persons, seed=seed, progress=progress, batch=batch, cancel=cancel)
    return summary


def generate(
    ws: Workspace,
    *,
    persons: int,
    seed: int,
    progress: Callable[[int, int], None] | None = None,
    batch: int = 2000,
    cancel: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill the workspace's vault with fictional demo people; one ``demo_generated`` audit event per call."""
    from app.storage.engine import translate_errors

    committed = 0

    def track(done: int, total: int) -> None:
        nonlocal committed
        committed = done
        if progress is not None:
            progress(done, total)

    try:
        with translate_errors():
            summary, last_hlc = _run(
                ws.session, ws.identity, persons=persons, seed=seed, progress=track, batch=batch, cancel=cancel
            )
    except BaseException:
        if committed:
            # Some batches are in the vault: the trail must say so even though the run did not finish.
            with contextlib.suppress(Exception):  # the original error is the one to report
                ws.log_event(AuditAction.DEMO_GENERATED.value)
        raise
    with translate_errors(), ws.session() as s, s.begin():
        # The clock has now seen the demo records' timestamps: later edits sort after them.
        hlc = ws.clock.observe(last_hlc) if last_hlc else ws.clock.tick()
        ws.audit(s, AuditAction.DEMO_GENERATED.value, hlc=hlc)
        ws.remember_clock(s, hlc)
    return summary
