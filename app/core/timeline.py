"""One person at a glance: the header facts, a dated timeline of their records, their notes and their history.

Plain words for the person workspace. Each record type is read with its own small query (only the columns the line
needs, deleted records left out), never by loading everything. Words follow DOMAIN.md section 8: a screening says
what the practitioner assessed ("indicators present"), never "positive", and never labels the person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, select

from app.core.i18n import N_, _
from app.errors import RecordDeleted, RecordNotFound
from app.models import (
    RECORD_TYPES,
    CertificationRequest,
    ChargingDecision,
    Consent,
    Encounter,
    IdentificationDecision,
    JusticeContact,
    NoteEntry,
    Person,
    Provider,
    Referral,
    ReferralEvent,
    ReliefDeadline,
    SafetyPlan,
    Screening,
    TemplateVersion,
)
from app.models.base import ENVELOPE_FIELDS

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.core.workspace import Workspace
    from app.models import AuditEvent

__all__ = [
    "HistoryRow",
    "NoteRow",
    "PersonHeader",
    "TimelineEntry",
    "choice_label",
    "day_words",
    "field_label",
    "history_rows",
    "person_header",
    "person_notes",
    "person_timeline",
    "split_timeline",
    "who",
]


# --- words --------------------------------------------------------------------------------------------------

#: How each stored choice reads on screen. Anything missing falls back to the value with spaces.
CHOICE_WORDS: dict[str, dict[str, str]] = {
    # "Victim" has no Spanish yet: DOMAIN.md section 8 keeps "víctima" out of Spanish text, and this is the person's
    # own word for themself (a wording decision for the lead; issue 19).
    "preferred_term": {"person": N_("Person"), "survivor": N_("Survivor"), "victim": "Victim"},
    "age_group": {"adult": N_("Adult (18 or over)"), "minor": N_("Under 18"), "unknown": N_("Not known")},
    "role": {"defendant": "Defendant", "witness": "Witness", "complainant": "Complainant", "other": "Other"},
    "case_status": {"open": "Open", "disposed": "Disposed", "unknown": "Not known"},
    "disposition": {
        "pending": "Pending",
        "dismissed": "Dismissed",
        "declined": "Declined to prosecute",
        "diverted": "Diverted",
        "acquitted": "Acquitted",
        "convicted": "Convicted",
        "other_non_conviction": "Other outcome, no conviction",
    },
    "level": {
        "felony": "Felony",
        "misdemeanor": "Misdemeanor",
        "violation": "Violation",
        "juvenile": "Juvenile",
        "other": "Other",
    },
    "visibility": {
        "only_me": N_("only me"), "my_team": N_("my team"), "shared_with_prosecution": N_("shared with prosecution")
    },
    "regime": {"advocacy": N_("Advocacy"), "prosecution": N_("Prosecution")},
}


def choice_label(field: str, value: str | None) -> str:
    """A stored choice as people read it ("other_non_conviction" -> "Other outcome, no conviction")."""
    if value is None or value == "":
        return ""
    words = CHOICE_WORDS.get(field, {}).get(value)
    if words:
        return words
    text = value.replace("_", " ")
    return text[:1].upper() + text[1:]


_AGE_SHORT = {"adult": N_("Adult"), "minor": N_("Under 18"), "unknown": N_("Age not known")}  # shown through _()

_ENCOUNTER_TITLES = {
    "interview": N_("Interview"),
    "court": N_("Court date"),
    "phone": N_("Phone call"),
    "visit": N_("Visit"),
    "other": N_("Contact"),
}
_ENCOUNTER_STATUS = {
    "planned": N_("planned"),
    "partial": N_("partly done"),
    "stopped_at_request": N_("stopped at the person's request"),
}
_SETTING_WORDS = {
    "courthouse": N_("At the courthouse"),
    "jail": N_("At the jail"),
    "office": N_("At the office"),
    "community": N_("In the community"),
    "phone": N_("By phone"),
    "video": N_("By video"),
    "other": "",
}
_ASSESSMENT_TITLES = {
    "indicators_present": N_("Screening: indicators present"),
    "unclear": N_("Screening: unclear"),
    "not_indicated": N_("Screening: no indicators noted"),
}
_SESSION_WORDS = {
    "complete": N_("complete"),
    "partial": N_("partly done"),
    "stopped_at_request": N_("stopped at the person's request"),
}
#: Bundled and well-known screening tools; an office's own template shows its id.
_TOOL_NAMES = {
    "tvit-short": "TVIT, short form",
    "tvit-long": "TVIT",
    "tvit": "TVIT",
    "ahtst": "AHTST",
    "qyit": "QYIT",
    "cse-it": "CSE-IT",
    "cse-it-brief": "CSE-IT Brief",
}
_IDENTIFICATION_WORDS = {"identified": N_("identified"), "not_identified": N_("not identified"), "unclear": "unclear"}
_TRAFFICKING_WORDS = {
    "sex": N_("Sex trafficking"),
    "labour": N_("Labor trafficking"),
    "both": N_("Sex and labor trafficking"),
    "exploitation": N_("Exploitation"),
    "unknown": "",
}
_PLAN_CHOICE_WORDS = {
    "chosen": N_("The person chose to plan"),
    "declined": N_("The person declined for now"),
    "not_now": N_("Not now, by the person's choice"),
}
_LEAVING_WORDS = {
    "not_ready": N_("Not ready to leave: a complete plan"),
    "planning": N_("Planning to leave"),
    "left": N_("Has left"),
    "not_asked": "",
}
_DECISION_WORDS = {
    "accepted": N_("The person accepted"),
    "declined": N_("The person declined"),
    "not_now": N_("Not now, by the person's choice"),
    "pending": N_("The person is deciding"),
}
_EVENT_TITLES = {
    "accepted_by_provider": N_("Provider confirmed a place"),
    "first_service_confirmed": N_("First service confirmed"),
    "follow_up_done": N_("Follow-up done"),
    "closed": N_("Referral closed"),
}
_DEADLINE_WORDS = {
    "filing_limit": N_("Deadline: filing limit"),
    "response": N_("Deadline: response due"),
    "hearing": N_("Deadline: hearing"),
    "appeal": N_("Deadline: appeal window"),
    "other": N_("Deadline"),
}


def _category_words(code: str) -> str:
    """A referral's category in the app's language (the bundled categories' titles are in the catalogue)."""
    from app.content.taxonomy import category_title

    title = category_title(code)
    return _(title) if title else title


def _tool_name(template_id: str, version: str | None, s: Session | None = None) -> str:
    """The template's own title and its version in words ("Example indicator screening, version 1"), never its id."""
    name = _TOOL_NAMES.get(template_id) or _template_title(template_id, version, s) or _("a screening template")
    return _("{tool}, version {version}").format(tool=name, version=version) if version else name


def _template_title(template_id: str, version: str | None, s: Session | None) -> str | None:
    from app.content.templates import bundled_templates, in_language
    from app.core.i18n import current_language

    for template in bundled_templates():
        if template.id == template_id and (version is None or template.version == version):
            return in_language(template, [current_language()]).title  # the Spanish version's title, when it ships
    if s is not None:
        q = select(TemplateVersion.title).where(TemplateVersion.template_id == template_id)
        if version is not None:
            q = q.where(TemplateVersion.version == version)
        return s.scalar(q.limit(1))
    return None


#: The months as a date shows them, short ("4 Mar 2026"), through the catalogue: never the C library's locale.
_MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
           N_("Oct"), N_("Nov"), N_("Dec"))  # fmt: skip


def day_words(value: dt.date) -> str:
    """A date as people read it, in the app's language: "4 Mar 2026" ("4 mar 2026" in Spanish)."""
    return f"{value.day} {_(_MONTHS[value.month - 1])} {value.year}"


def _w(text: str | None) -> str:
    """Words of this module's tables (marked with N_) in the app's language; "" stays "" (the catalogue's empty
    message is its header)."""
    return _(text) if text else ""


def _join(*parts: str | None) -> str:
    return " · ".join(p for p in parts if p)


# --- the header ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonHeader:
    """What the top of a person's workspace shows. ``contact_rules`` come first because they keep people safe."""

    person_id: str
    preferred_name: str
    pronouns: str | None
    languages: tuple[str, ...]
    interpreter_needed: bool | None
    preferred_term: str | None  # "Survivor", "Victim" or "Person"; None when nobody asked
    age_group: str  # "Adult", "Under 18", "Age not known"
    contact_rules: tuple[str, ...]  # "Do not leave voicemail", "Safe to text", "Ask before calling", "Safe times: …"
    contact_notes: str | None
    safe_times: str | None
    regime: str
    visibility: str
    privileged: bool
    is_demo: bool

    @property
    def badge(self) -> str:
        """Whose rules govern the record and who may see it: "Advocacy · privileged · my team"."""
        return _join(
            choice_label("regime", self.regime),
            "privileged" if self.privileged else None,
            choice_label("visibility", self.visibility),
        )

    @property
    def minor(self) -> bool:
        return self.age_group == _AGE_SHORT["minor"]


# (field, yes, no, not asked yet). "Do not" first in the header: the rule that keeps someone safe comes first.
_CONTACT_RULES = (
    ("safe_to_call", N_("Safe to call"), N_("Do not call"), N_("Ask before calling")),
    ("safe_to_text", N_("Safe to text"), N_("Do not text"), N_("Ask before texting")),
    ("safe_to_leave_message", N_("Safe to leave a message"), N_("Do not leave voicemail"),
     N_("Ask before leaving a message")),
    ("safe_to_send_mail", N_("Safe to send mail"), N_("Do not send mail"), N_("Ask before sending mail")),
)  # fmt: skip


def contact_rules(values: dict[str, Any]) -> tuple[str, ...]:
    """The safe-contact flags and safe times as plain phrases, in the app's language: every "do not" first, then
    "safe", then "ask"."""
    do_not: list[str] = []
    safe: list[str] = []
    ask: list[str] = []
    for field, yes, no, unknown in _CONTACT_RULES:
        flag = values.get(field)
        (safe if flag is True else do_not if flag is False else ask).append(
            _(yes if flag is True else no if flag is False else unknown)
        )
    # Nobody has asked about any way yet: one phrase says it better than four.
    rules = [*do_not, *safe, *ask] if (do_not or safe) else [_("Ask before any contact: nobody has asked yet")]
    times = (values.get("safe_times") or "").strip()
    if times:
        rules.append(_("Safe times: {times}").format(times=times))
    return tuple(rules)


def _live_person(s: Session, person_id: str) -> Person:
    person = s.get(Person, person_id)
    if person is None:
        raise RecordNotFound("That person's record is not on this computer.")
    if person.deleted:
        raise RecordDeleted("That person's record was deleted.")
    return person


def _age_words(date_of_birth: dt.date | None, age_group: str | None) -> str:
    """A known date of birth decides (never "Age not known" beside it); otherwise the recorded age group."""
    if date_of_birth is not None:
        today = dt.date.today()
        years = today.year - date_of_birth.year - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))
        return _AGE_SHORT["minor"] if years < 18 else _AGE_SHORT["adult"]
    return _AGE_SHORT.get(age_group or "unknown", _AGE_SHORT["unknown"])


def person_header(ws: Workspace, person_id: str) -> PersonHeader:
    with ws.session() as s:
        p = _live_person(s, person_id)
        values = {f: getattr(p, f) for f in ("safe_to_call", "safe_to_text", "safe_to_leave_message",
                                             "safe_to_send_mail", "safe_times")}  # fmt: skip
        return PersonHeader(
            person_id=p.id,
            preferred_name=p.preferred_name,
            pronouns=p.pronouns,
            languages=tuple(p.languages or ()),
            interpreter_needed=p.interpreter_needed,
            preferred_term=choice_label("preferred_term", p.preferred_term) or None,
            age_group=_age_words(p.date_of_birth, p.age_group),
            contact_rules=contact_rules(values),
            contact_notes=p.contact_notes,
            safe_times=p.safe_times,
            regime=p.regime,
            visibility=p.visibility,
            privileged=bool(p.privileged),
            is_demo=bool(p.is_demo),
        )


# --- the timeline -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    """One dated line of a person's story, in plain words. ``kind`` is a stable key for icons and tests."""

    when: dt.date
    kind: str
    title: str
    record_type: str
    record_id: str
    detail: str = ""
    #: Something to be done by ``when`` (a deadline, a follow-up, a plan review): it can be overdue.
    due: bool = False
    #: A due thing already done: it is history, never "coming up".
    done: bool = False

    def overdue(self, today: dt.date) -> bool:
        return self.due and not self.done and self.when < today

    def coming_up(self, today: dt.date) -> bool:
        """Still ahead, or due and not done (overdue and due today included)."""
        if self.done:
            return False
        return self.when > today or (self.due and self.when <= today)


def split_timeline(entries: list[TimelineEntry], today: dt.date) -> tuple[list[TimelineEntry], list[TimelineEntry]]:
    """The Overview's two parts: what is coming up, soonest first (so what is overdue leads), and what has
    happened, newest first. Done deadlines are history, never "coming up"."""
    ahead = sorted(
        (e for e in entries if e.coming_up(today)),
        key=lambda e: (e.when, _KIND_ORDER.get(e.kind, 99), e.record_id),
    )
    past = [e for e in entries if not e.coming_up(today)]
    return ahead, past


def _local_date(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().date()


def _encounters(s: Session, pid: str) -> list[TimelineEntry]:
    q = select(Encounter.id, Encounter.occurred_at, Encounter.kind, Encounter.setting, Encounter.purpose,
               Encounter.status).where(Encounter.person_id == pid, Encounter.deleted.is_(False))  # fmt: skip
    out = []
    for r in s.execute(q):
        when = _local_date(r.occurred_at)
        if when is None:
            continue
        title = _w(_ENCOUNTER_TITLES.get(r.kind or "other", _ENCOUNTER_TITLES["other"]))
        if r.status in _ENCOUNTER_STATUS:
            title = f"{title} ({_w(_ENCOUNTER_STATUS[r.status])})"
        detail = _join(r.purpose, _w(_SETTING_WORDS.get(r.setting or "other", "")))
        out.append(TimelineEntry(when, "encounter", title, "encounter", r.id, detail))
    return out


def _screenings(s: Session, pid: str) -> list[TimelineEntry]:
    q = select(Screening.id, Screening.screened_on, Screening.created_at, Screening.template_id,
               Screening.template_version, Screening.session_status, Screening.practitioner_assessment,
               ).where(Screening.person_id == pid, Screening.deleted.is_(False))  # fmt: skip
    out = []
    for r in s.execute(q):
        when = r.screened_on or _local_date(r.created_at)
        if when is None:
            continue
        title = _w(_ASSESSMENT_TITLES.get(r.practitioner_assessment or "", N_("Screening: no assessment recorded yet")))
        detail = _join(_tool_name(r.template_id, r.template_version, s), _w(_SESSION_WORDS.get(r.session_status or "")))
        out.append(TimelineEntry(when, "screening", title, "screening", r.id, detail))
    return out


def _identifications(s: Session, pid: str) -> list[TimelineEntry]:
    d = IdentificationDecision
    q = select(d.id, d.decided_on, d.status, d.trafficking_type, d.decided_by_name).where(
        d.person_id == pid, d.deleted.is_(False)
    )
    out = []
    for r in s.execute(q):
        known = r.status in _IDENTIFICATION_WORDS
        status = _w(_IDENTIFICATION_WORDS[r.status]) if known else r.status.replace("_", " ")
        by = _("Decided by {name}").format(name=r.decided_by_name) if r.decided_by_name else None
        detail = _join(_w(_TRAFFICKING_WORDS.get(r.trafficking_type or "unknown", "")), by)
        title = _("Identification decision: {status}").format(status=status)
        out.append(TimelineEntry(r.decided_on, "identification", title, "identification_decision", r.id, detail))
    return out


def _safety_plans(s: Session, pid: str) -> list[TimelineEntry]:
    p = SafetyPlan
    q = select(p.id, p.offered_on, p.survivor_choice, p.started_on, p.review_due, p.leaving_intent, p.status).where(
        p.person_id == pid, p.deleted.is_(False)
    )
    out = []
    for r in s.execute(q):
        if r.offered_on:
            out.append(TimelineEntry(r.offered_on, "safety_plan_offered", _("Safety planning offered"), "safety_plan",
                                     r.id, _w(_PLAN_CHOICE_WORDS.get(r.survivor_choice or "", ""))))  # fmt: skip
        if r.started_on:
            out.append(TimelineEntry(r.started_on, "safety_plan_started", _("Safety plan started"), "safety_plan",
                                     r.id, _w(_LEAVING_WORDS.get(r.leaving_intent or "", ""))))  # fmt: skip
        if r.review_due and r.status != "closed":
            out.append(TimelineEntry(r.review_due, "safety_plan_review", _("Safety plan review due"), "safety_plan",
                                     r.id, "", due=True))  # fmt: skip
    return out


def _referrals(s: Session, pid: str) -> list[TimelineEntry]:
    q = (
        select(Referral.id, Referral.category, Referral.offered_on, Referral.decision, Referral.follow_up_due,
               Referral.outcome, Provider.name.label("provider"))
        .outerjoin(Provider, Provider.id == Referral.provider_id)
        .where(Referral.person_id == pid, Referral.deleted.is_(False))
    )
    out = []
    for r in s.execute(q):
        category = _category_words(r.category)
        out.append(
            TimelineEntry(r.offered_on, "referral_offered", _("Referral offered: {category}").format(category=category),
                          "referral", r.id, _join(_w(_DECISION_WORDS.get(r.decision or "", "")), r.provider))
        )
        still_open = r.outcome in (None, "open") and r.decision in (None, "accepted", "pending", "not_now")
        if r.follow_up_due and still_open:
            out.append(TimelineEntry(r.follow_up_due, "referral_follow_up",
                                     _("Follow-up due: {category}").format(category=category),
                                     "referral", r.id, r.provider or "", due=True))  # fmt: skip
    e = ReferralEvent
    q2 = (
        select(e.id, e.kind, e.occurred_on, Referral.category)
        .join(Referral, Referral.id == e.referral_id)
        .where(e.person_id == pid, e.deleted.is_(False), Referral.deleted.is_(False), e.kind.in_(list(_EVENT_TITLES)))
    )
    for ev in s.execute(q2):
        title = f"{_w(_EVENT_TITLES[ev.kind])}: {_category_words(ev.category)}"
        out.append(TimelineEntry(ev.occurred_on, "referral_step", title, "referral_event", ev.id, ""))
    return out


def _consents(s: Session, pid: str, today: dt.date) -> list[TimelineEntry]:
    c = Consent
    q = select(c.id, c.recipient, c.purpose, c.starts_on, c.expires_on, c.revoked_on).where(
        c.person_id == pid, c.deleted.is_(False)
    )
    out = []
    for r in s.execute(q):
        given = _("Consent given: sharing with {recipient}").format(recipient=r.recipient)
        out.append(TimelineEntry(r.starts_on, "consent_start", given, "consent", r.id, r.purpose or ""))
        if r.revoked_on:
            withdrawn = _("Consent withdrawn: sharing with {recipient}").format(recipient=r.recipient)
            out.append(TimelineEntry(r.revoked_on, "consent_withdrawn", withdrawn, "consent", r.id, r.purpose or ""))
        if r.expires_on and not (r.revoked_on and r.revoked_on <= r.expires_on):
            ends = (_("Consent ended: sharing with {recipient}") if r.expires_on < today
                    else _("Consent ends: sharing with {recipient}")).format(recipient=r.recipient)  # fmt: skip
            out.append(TimelineEntry(r.expires_on, "consent_expiry", ends, "consent", r.id, r.purpose or ""))
    return out


def _deadlines(s: Session, pid: str) -> list[TimelineEntry]:
    d = ReliefDeadline
    q = select(d.id, d.kind, d.due_on, d.done_on, d.note).where(d.person_id == pid, d.deleted.is_(False))
    out = []
    for r in s.execute(q):
        title = _w(_DEADLINE_WORDS.get(r.kind or "other", _DEADLINE_WORDS["other"]))
        done = _("Done on {date}").format(date=day_words(r.done_on)) if r.done_on else None
        out.append(TimelineEntry(r.due_on, "relief_deadline", title, "relief_deadline", r.id, _join(done, r.note),
                                 due=True, done=r.done_on is not None))  # fmt: skip
    return out


def _certifications(s: Session, pid: str, today: dt.date) -> list[TimelineEntry]:
    """The office's deadline to decide each open certification request, and the last day USCIS accepts each signed
    supplement that has such a window (deadlines, in the shape of record-relief deadlines)."""
    from app.core.certifications import DECISION_WORDS, FORM_WORDS, USCIS_ACCEPTS_MONTHS, uscis_last_day

    c = CertificationRequest
    q = select(c.id, c.form, c.received_on, c.due_on, c.decision, c.decided_on, c.signed_on, c.signed_by_name).where(
        c.person_id == pid, c.deleted.is_(False)
    )
    out = []
    for r in s.execute(q):
        form = _(FORM_WORDS.get(r.form, N_("Visa certification")))
        out.append(TimelineEntry(r.received_on, "certification_received", _("Certification request received"),
                                 "certification_request", r.id, form))  # fmt: skip
        if r.decision is not None and r.decided_on:
            word = _(DECISION_WORDS.get(r.decision, N_("Decided")))
            out.append(TimelineEntry(r.decided_on, "certification_decided",
                                     _("Certification request: {decision}").format(decision=word.lower()),
                                     "certification_request", r.id, form))  # fmt: skip
        if r.decision is None and r.due_on:
            out.append(TimelineEntry(r.due_on, "certification_due", _("Deadline: decide the certification request"),
                                     "certification_request", r.id,
                                     _join(form, _("received {day}").format(day=day_words(r.received_on))),
                                     due=True))  # fmt: skip
        months = USCIS_ACCEPTS_MONTHS.get(r.form)
        until = uscis_last_day(r.form, r.signed_on)
        if r.decision == "certified" and until is not None:
            title = (_("USCIS no longer accepts the signed supplement ({months} months after signing)").format(
                         months=months) if until < today
                     else _("Deadline: the last day USCIS accepts the signed supplement"))  # fmt: skip
            signed = (_("signed by {name} on {day}").format(name=r.signed_by_name, day=day_words(r.signed_on))
                      if r.signed_by_name else _("signed on {day}").format(day=day_words(r.signed_on)))  # fmt: skip
            out.append(TimelineEntry(until, "certification_validity", title, "certification_request", r.id,
                                     _join(form, signed), due=True, done=until < today))  # fmt: skip
    return out


def _justice(s: Session, pid: str) -> list[TimelineEntry]:
    j = JusticeContact
    q = select(j.id, j.court, j.docket_number, j.arrest_date, j.arresting_agency, j.disposition,
               j.disposition_date).where(j.person_id == pid, j.deleted.is_(False))  # fmt: skip
    out = []
    for r in s.execute(q):
        where = _join(r.court, _("docket {number}").format(number=r.docket_number) if r.docket_number else None)
        if r.arrest_date:
            out.append(TimelineEntry(r.arrest_date, "arrest", _("Arrest"), "justice_contact", r.id,
                                     _join(r.arresting_agency, where)))  # fmt: skip
        if r.disposition_date:
            outcome = (_w(choice_label("disposition", r.disposition)) or _("recorded")).lower()
            out.append(TimelineEntry(r.disposition_date, "disposition",
                                     _("Case outcome: {outcome}").format(outcome=outcome),
                                     "justice_contact", r.id, where))  # fmt: skip
    return out


def _charging(s: Session, pid: str) -> list[TimelineEntry]:
    """The prosecutor's charging decisions (a prosecution vault's), each on its day, with who decided."""
    from app.core.charging import DECISION_LABELS

    c = ChargingDecision
    q = select(c.id, c.decided_on, c.decision, c.decided_by_name).where(c.person_id == pid, c.deleted.is_(False))

    def decision(code: str) -> str:
        words = DECISION_LABELS.get(code)
        return (_(words) if words else code.replace("_", " ")).lower()

    return [
        TimelineEntry(r.decided_on, "charging_decision",
                      _("Charging decision: {decision}").format(decision=decision(r.decision)),
                      "charging_decision", r.id,
                      _("decided by {name}").format(name=r.decided_by_name) if r.decided_by_name else "")
        for r in s.execute(q)
    ]  # fmt: skip


#: Same-day order, newest first: what happened later in a day's work reads first.
_KIND_ORDER = {
    kind: i
    for i, kind in enumerate(
        ("arrest", "encounter", "screening", "identification", "charging_decision", "certification_received",
         "safety_plan_offered", "safety_plan_started", "referral_offered", "referral_step", "consent_start",
         "disposition", "certification_decided", "consent_withdrawn",
         "referral_follow_up", "safety_plan_review", "relief_deadline", "certification_due",
         "certification_validity", "consent_expiry")
    )
}  # fmt: skip


def person_timeline(ws: Workspace, person_id: str, *, today: dt.date | None = None) -> list[TimelineEntry]:
    """Every dated event of one person's records, newest (and upcoming) first; deleted records left out."""
    today = today or dt.date.today()
    with ws.session() as s:
        entries = [
            *_encounters(s, person_id),
            *_screenings(s, person_id),
            *_identifications(s, person_id),
            *_safety_plans(s, person_id),
            *_referrals(s, person_id),
            *_consents(s, person_id, today),
            *_deadlines(s, person_id),
            *_certifications(s, person_id, today),
            *_justice(s, person_id),
            *_charging(s, person_id),
        ]
    entries.sort(key=lambda e: (e.when, _KIND_ORDER.get(e.kind, 99), e.record_id), reverse=True)
    return entries


# --- notes --------------------------------------------------------------------------------------------------


def who(ws: Workspace, user_id: str | None) -> str:
    """"You" for this vault's user; anyone else by a short id (names of staff live on the office server)."""
    if not user_id:
        return "Someone"
    if user_id == ws.identity.user_id:
        return "You"
    return f"User {user_id.replace('-', '')[:8]}"


def _device(ws: Workspace, device_id: str | None) -> str:
    if not device_id:
        return ""
    if device_id == ws.identity.device_id:
        return "This computer"
    return f"Device {device_id.replace('-', '')[:8]}"


@dataclass(frozen=True)
class NoteRow:
    """One note entry as the Notes section shows it. ``editable``: the author may still change it (unsigned)."""

    id: str
    body: str
    written_at: dt.datetime  # local time
    author: str  # "You" or a short id
    mine: bool
    signed_at: dt.datetime | None  # local time
    signed_by: str | None
    about: str  # "" for a note on the person; "About the contact on 2026-03-04" for one on an encounter

    @property
    def editable(self) -> bool:
        return self.mine and self.signed_at is None


def person_notes(ws: Workspace, person_id: str) -> list[NoteRow]:
    """The person's note entries (on them and on their records), newest first; deleted ones left out."""
    n = NoteEntry
    q = (
        select(n.id, n.body, n.created_at, n.owner_user_id, n.signed_at, n.signed_by, n.parent_type,
               Encounter.occurred_at.label("encounter_at"))
        .outerjoin(Encounter, and_(n.parent_type == "encounter", Encounter.id == n.parent_id))
        .where(n.person_id == person_id, n.deleted.is_(False))
        .order_by(n.created_at.desc(), n.id.desc())
    )
    me = ws.identity.user_id
    with ws.session() as s:
        rows = s.execute(q).all()
    out = []
    for r in rows:
        about = ""
        if r.parent_type == "encounter":
            day = _local_date(r.encounter_at)
            about = _("About the contact on {date}").format(date=day_words(day)) if day else _("About a contact")
        elif r.parent_type and r.parent_type != "person":
            about = _("About {thing}").format(thing=_w(_TYPE_WORDS.get(r.parent_type, _A_RECORD)))
        out.append(
            NoteRow(
                id=r.id,
                body=r.body,
                written_at=r.created_at.astimezone(),
                author=who(ws, r.owner_user_id),
                mine=r.owner_user_id == me,
                signed_at=r.signed_at.astimezone() if r.signed_at else None,
                signed_by=who(ws, r.signed_by) if r.signed_at else None,
                about=about,
            )
        )
    return out


# --- history ------------------------------------------------------------------------------------------------

_A_RECORD = N_("a record")
_TYPE_WORDS = {
    "person": N_("this person"),
    "justice_contact": N_("a justice contact"),
    "encounter": N_("a contact"),
    "checklist_response": N_("an interview checklist"),
    "screening": N_("a screening"),
    "identification_decision": N_("an identification decision"),
    "safety_plan": N_("a safety plan"),
    "safety_plan_item": N_("a part of the safety plan"),
    "safe_contact": N_("a safe contact"),
    "provider": N_("a provider"),
    "referral": N_("a referral"),
    "referral_event": N_("a referral step"),
    "consent": N_("a consent"),
    "relief_case": N_("a record-relief case"),
    "relief_petition": N_("a petition"),
    "relief_charge": N_("a charge for record relief"),
    "relief_deadline": N_("a deadline"),
    "note_entry": N_("a note"),
    "disclosure": N_("a disclosure"),
    "certification_request": N_("a certification request"),
    "benefit": N_("a benefit"),
}

#: Shorter words for a few fields whose full label is long, and the person's own fields (what "Changed …" names
#: most), in the core's catalogue; the rest use the column's own label.
_SHORT_FIELD_WORDS = {
    "safe_times": N_("safe times"),
    "preferred_term": N_("preferred term"),
    "contact_notes": N_("contact notes"),
    "visibility": N_("who can see it"),
    "privileged": N_("privilege"),
    "consent_id": N_("linked consent"),
    "preferred_name": N_("preferred name"),
    "legal_name": N_("legal name"),
    "aliases": N_("other names"),
    "pronouns": N_("pronouns"),
    "languages": N_("languages"),
    "interpreter_needed": N_("interpreter needed"),
    "date_of_birth": N_("date of birth"),
    "age_group": N_("age group"),
    "safe_to_call": N_("safe to call"),
    "safe_to_text": N_("safe to text"),
    "safe_to_leave_message": N_("safe to leave a message"),
    "safe_to_send_mail": N_("safe to send mail"),
}

_OTHER_ACTIONS = {
    "referral_blocked": N_("Referral stopped: the way of contact is not safe"),
    "view": N_("Viewed"),
    "export": N_("Exported"),
    "disclosure_allowed": N_("Shared, with consent"),
    "disclosure_blocked": N_("Sharing stopped: no valid consent"),
}


def field_label(record_type: str | None, field: str) -> str:
    """A field's name as it reads inside a sentence ("safe_to_text" -> "safe to text")."""
    if field in _SHORT_FIELD_WORDS:
        return _(_SHORT_FIELD_WORDS[field])
    cls = RECORD_TYPES.get(record_type or "")
    label = None
    if cls is not None and field not in ENVELOPE_FIELDS:
        col = cls.__table__.columns.get(field)  # type: ignore[attr-defined]
        if col is not None:
            label = col.info.get("label")
    text = str(label or field.replace("_", " "))
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


@dataclass(frozen=True)
class HistoryRow:
    """One line of a person's history: what was done, by whom, on which device, when (local time)."""

    when: dt.datetime
    action: str
    who: str
    device: str
    record_type: str | None
    record_id: str | None


def describe(event: AuditEvent) -> str:
    """An audit event in plain words: "Changed pronouns, safe times", "Added a note", "Deleted a justice contact"."""
    rtype = event.record_type or ""
    thing = _w(_TYPE_WORDS.get(rtype, _A_RECORD))
    fields = [f for f in (event.fields or []) if f != "signed_by"]
    if event.action == "create":
        return _("Added this person") if rtype == "person" else _("Added {thing}").format(thing=thing)
    if event.action == "delete":
        return _("Deleted this person") if rtype == "person" else _("Deleted {thing}").format(thing=thing)
    if event.action == "update":
        if rtype == "note_entry":
            return _("Signed a note") if "signed_at" in fields else _("Edited a note")
        names = ", ".join(field_label(rtype, f) for f in fields)
        if rtype == "person":
            return _("Changed {fields}").format(fields=names) if names else _("Changed this person's details")
        if names:
            return _("Changed {thing}: {fields}").format(thing=thing, fields=names)
        return _("Changed {thing}").format(thing=thing)
    if event.action in _OTHER_ACTIONS:
        return _w(_OTHER_ACTIONS[event.action])
    words = event.action.replace("_", " ")
    return words[:1].upper() + words[1:]


def history_rows(ws: Workspace, person_id: str, *, limit: int = 500) -> list[HistoryRow]:
    """The audit trail of one person's records, newest first, in words."""
    return [
        HistoryRow(
            when=e.occurred_at.astimezone(),
            action=describe(e),
            who=who(ws, e.user_id),
            device=_device(ws, e.device_id),
            record_type=e.record_type,
            record_id=e.record_id,
        )
        for e in ws.history(person_id=person_id, limit=limit)
    ]
