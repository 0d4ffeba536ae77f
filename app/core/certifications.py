"""The office's register of U- and T-visa certification requests (the prosecutor's desk).

A prosecutor's office is a certifying agency: a person's attorney or advocate may ask it to sign USCIS Form I-918
Supplement B (U visa, "U Nonimmigrant Status Certification") or Form I-914 Supplement B (T visa, "Declaration for
Trafficking Victim"). Signing is the office's decision, never an obligation, and never a word about who the person is.

- A request is recorded when it arrives: the day it was received, the form, who asked (the person's attorney or
  advocate...), the justice matter it relates to and the helpfulness facts reviewed. The office's own deadline to
  decide is set then: the day received plus the office policy's days (90 when the office set none).
- A decision is named and dated, and audited like every change (:class:`app.core.records.RecordService`):
  certified (signed by whom and on which day), declined (with the reason, in words) or withdrawn.
- USCIS accepts a signed I-918 Supplement B for 6 months: it must be "signed by a certifying official within the six
  months immediately preceding the filing of Form I-918" (8 CFR 214.14(c)(2)(i)); its instructions call it valid for
  six months from the date of signature. No such window is set for the I-914 Supplement B, so no validity deadline
  is shown for it.
- A certification that is signed is something of value given to the person in a prosecution: one call
  (:meth:`CertificationService.add_benefit`) records it as a benefit, so the disclosure review lists it.

Only a prosecution vault keeps these records (the record type's ``REGIMES``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.core import office_policy
from app.core.i18n import N_, _, ngettext
from app.core.row_copy import copied
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.errors import OfframpError, ValidationError
from app.models import (
    Benefit,
    BenefitKind,
    CertificationDecision,
    CertificationForm,
    CertificationRequest,
    JusticeContact,
    Person,
    VaultMeta,
)

#: The form, as the register and the person's page name it.
FORM_WORDS: dict[str, str] = {
    CertificationForm.U_VISA_I918_SUPPLEMENT_B: N_("U visa · Form I-918 Supplement B"),
    CertificationForm.T_VISA_I914_SUPPLEMENT_B: N_("T visa · Form I-914 Supplement B"),
}
#: Who asked, on the person's behalf.
REQUESTER_WORDS: dict[str, str] = {
    "attorney": N_("The person's attorney"),
    "advocate": N_("The person's advocate"),
    "person": N_("The person"),
    "other": N_("Someone else"),
}
#: How a request ended. A request that is not certified is "declined", with the reason (DOMAIN.md section 8).
DECISION_WORDS: dict[str, str] = {
    CertificationDecision.CERTIFIED: N_("Certified"),
    CertificationDecision.DECLINED: N_("Declined"),
    CertificationDecision.WITHDRAWN: N_("Withdrawn"),
}
#: A decision inside a sentence ("already decided on 3 Mar 2027 (declined)"), and with its day: words of their own,
#: since "Declined" alone is also the person's choice elsewhere and reads differently in other languages.
DECISION_IN_SENTENCE: dict[str, str] = {
    CertificationDecision.CERTIFIED: N_("certified"),
    CertificationDecision.DECLINED: N_("declined"),
    CertificationDecision.WITHDRAWN: N_("withdrawn"),
}
DECISION_ON_DAY: dict[str, str] = {
    CertificationDecision.CERTIFIED: N_("Certified on {day}"),
    CertificationDecision.DECLINED: N_("Declined on {day}"),
    CertificationDecision.WITHDRAWN: N_("Withdrawn on {day}"),
}
#: How long USCIS accepts a signed supplement, in months from the signature, by form. The I-918 Supplement B must be
#: signed within the six months before the petition is filed (8 CFR 214.14(c)(2)(i)); the I-914 Supplement B has no
#: such window, so it is not here.
USCIS_ACCEPTS_MONTHS: dict[str, int] = {CertificationForm.U_VISA_I918_SUPPLEMENT_B: 6}
#: The ``vault_meta`` row holding the office's name, when enrolment kept it.
OFFICE_NAME_KEY = "sync_office_name"
#: Who gave the benefit when the office's name is not on this computer.
THIS_OFFICE = "This prosecutor's office, as the certifying agency"
ONLY_PROSECUTION = N_("Certification requests are kept by the prosecution only.")


class CertificationProblem(OfframpError):
    """A request that cannot be changed that way (already decided, not signed...)."""

    code = "certification_problem"


def uscis_last_day(form: str, signed_on: dt.date | None) -> dt.date | None:
    """The last day to file with a signed supplement, for a form that has such a window: the day before the
    6-month anniversary of the signature (signed 1 April: 30 September). The rule says "within the six months
    immediately preceding the filing"; whether the anniversary itself still counts is not said, and a petition
    refused for a stale signature costs the person months, so the safer reading is the one shown."""
    months = USCIS_ACCEPTS_MONTHS.get(form)
    if signed_on is None or months is None:
        return None
    return add_months(signed_on, months) - dt.timedelta(days=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved ``months`` months on; the 31st becomes the last day of a shorter month."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def _days(n: int) -> str:
    return ngettext("{n} day", "{n} days", n).format(n=n)


def matter_words(court: str | None, docket: str | None, arrest_date: dt.date | None, role: str | None = None) -> str:
    """A justice matter in a few words: "Docket 27-CR-0142 · Example County Court"."""
    parts = [_("Docket {number}").format(number=docket) if docket else None, court]
    if not docket and not court and arrest_date:
        parts.append(_("Arrest of {day}").format(day=day_words(arrest_date)))
    words = " · ".join(p for p in parts if p) or _("A justice matter")
    if role and role != "other":
        from app.core.timeline import choice_label

        return _("{matter} (as {role})").format(matter=words, role=_(choice_label("role", role)).lower())
    return words


@dataclass(frozen=True)
class CertificationRow:
    """One certification request as the register and the person's page show it."""

    id: str
    person_id: str
    person_name: str
    form: str
    received_on: dt.date
    requested_by: str | None
    requester_name: str | None
    justice_contact_id: str | None
    matter: str | None  # the justice matter in words, None when none is linked
    helpfulness_facts: str | None
    due_on: dt.date | None
    decision: str | None
    decision_reason: str | None
    decided_on: dt.date | None
    decided_by_name: str | None
    signed_by_name: str | None
    signed_on: dt.date | None
    benefit_id: str | None

    @property
    def is_open(self) -> bool:
        return self.decision is None

    @property
    def is_certified(self) -> bool:
        return self.decision == CertificationDecision.CERTIFIED

    @property
    def form_words(self) -> str:
        words = FORM_WORDS.get(self.form)
        return _(words) if words else self.form.replace("_", " ")

    @property
    def decision_words(self) -> str:
        """The decision alone, as the register shows it ("Declined"), in the app's language."""
        if self.decision == CertificationDecision.DECLINED:
            return _(N_("Declined by the office"))
        return _(DECISION_WORDS.get(self.decision or "", N_("Decided")))

    @property
    def requester_words(self) -> str:
        known = REQUESTER_WORDS.get(self.requested_by or "")
        who = _(known) if known else ""
        if who and self.requester_name:
            return f"{who}, {self.requester_name}"
        return who or self.requester_name or _("Not recorded")

    @property
    def valid_until(self) -> dt.date | None:
        """The last day to file with the signed supplement (:func:`uscis_last_day`), once it is certified."""
        if not self.is_certified:
            return None
        return uscis_last_day(self.form, self.signed_on)

    def overdue(self, today: dt.date) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < today

    def status_words(self) -> str:
        """ "Open", "Certified: signed by Dana Example on 3 Mar 2027", "Declined on 3 Mar 2027: <reason>"."""
        if self.is_open:
            return _("Open: not decided yet")
        word = self.decision_words
        if self.is_certified and self.signed_on is not None:
            signed = day_words(self.signed_on)
            if self.signed_by_name:
                return _("Certified: signed by {name} on {day}").format(name=self.signed_by_name, day=signed)
            return _("Certified: signed on {day}").format(day=signed)
        if self.decided_on:
            on_day = DECISION_ON_DAY.get(self.decision or "", N_("{decision} on {day}"))
            word = _(on_day).format(decision=word, day=day_words(self.decided_on))
        why = (self.decision_reason or "").strip()
        return f"{word}: {why}" if why else word

    def deadline_words(self, today: dt.date) -> str:
        """The deadline that matters now, in plain words ("" when none does)."""
        if self.is_open:
            if self.due_on is None:
                return _("No office deadline recorded")
            due = day_words(self.due_on)
            if self.due_on < today:
                late = _days((today - self.due_on).days)
                return _("Office deadline to decide: {day} (overdue by {days})").format(day=due, days=late)
            if self.due_on == today:
                return _("Office deadline to decide: today, {day}").format(day=due)
            left = _days((self.due_on - today).days)
            return _("Office deadline to decide: {day} (in {days})").format(day=due, days=left)
        until = self.valid_until
        if until is None:
            return ""
        if until < today:
            return _("USCIS accepted it until {day}").format(day=day_words(until))
        return _("USCIS accepts it until {day}").format(day=day_words(until))


def _row(r: CertificationRequest, name: str, matter: str | None) -> CertificationRow:
    return copied(CertificationRow, r, person_id=r.person_id or "", person_name=name, matter=matter)


def register_order(rows: list[CertificationRow]) -> list[CertificationRow]:
    """Open requests first, oldest received first; then the decided ones, latest decided first."""
    open_rows = sorted((r for r in rows if r.is_open), key=lambda r: (r.received_on, r.id))
    decided = sorted(
        (r for r in rows if not r.is_open),
        key=lambda r: (r.decided_on or r.signed_on or r.received_on, r.id),
        reverse=True,
    )
    return [*open_rows, *decided]


def _date(value: dt.date | str | None, what: str, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
        raise ValidationError(
            _("Please enter the {what} as a date, for example 2027-03-31.").format(what=_(what)), field=field
        )
    raise ValidationError(_("Please fill in the {what}.").format(what=_(what)), field=field)


def _text(value: str | None) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


class CertificationService:
    """Receive, decide and list certification requests; one click makes a signed one a benefit for disclosure."""

    def __init__(self, ws: Workspace, *, today: Callable[[], dt.date] | None = None) -> None:
        self.ws = ws
        self._today = today

    # --- days --------------------------------------------------------------------------------------------------

    def today(self) -> dt.date:
        """The office's day (its time zone; this computer's clock when the vault has no office)."""
        return self._today() if self._today is not None else office_policy.office_today(self.ws)

    def decision_days(self) -> int:
        with self.ws.session() as s:
            return office_policy.certification_decision_days(s)

    def _require_prosecution(self) -> None:
        if self.ws.identity.regime != "prosecution":
            raise CertificationProblem(_(ONLY_PROSECUTION))

    def _not_future(self, day: dt.date, what: str, field: str) -> None:
        if day > self.today():
            raise ValidationError(_("The {what} cannot be in the future.").format(what=_(what)), field=field)

    def _since_received(
        self, request: CertificationRequest, value: dt.date | str | None, what: str, field: str, too_early: str
    ) -> dt.date:
        """A day given for ``request``: required, not in the future, and not before the request was received
        (``too_early`` is the sentence that says so, with the day the request was received as ``{day}``)."""
        day = _date(value, what, field)
        self._not_future(day, what, field)
        if day < request.received_on:
            raise ValidationError(_(too_early).format(day=day_words(request.received_on)), field=field)
        return day

    # --- receiving ---------------------------------------------------------------------------------------------

    def receive(
        self,
        person_id: str,
        *,
        received_on: dt.date | str | None,
        form: str | None,
        requested_by: str | None = None,
        requester_name: str | None = None,
        justice_contact_id: str | None = None,
        helpfulness_facts: str | None = None,
    ) -> str:
        """Record a request as it arrives; the office's deadline to decide is set from the policy's days."""
        self._require_prosecution()
        day = _date(received_on, N_("day the request was received"), "received_on")
        self._not_future(day, N_("day the request was received"), "received_on")
        if not form:
            raise ValidationError(_("Please choose the form: U visa (I-918) or T visa (I-914)."), field="form")
        if justice_contact_id:
            with self.ws.session() as s:
                matter = s.get(JusticeContact, justice_contact_id)
                if matter is None or matter.deleted or matter.person_id != person_id:
                    raise ValidationError(
                        _("That justice matter is not one of this person's."), field="justice_contact_id"
                    )
        due = day + dt.timedelta(days=self.decision_days())
        values: dict[str, Any] = {
            "form": form,
            "received_on": day,
            "requested_by": requested_by or None,
            "requester_name": _text(requester_name),
            "justice_contact_id": justice_contact_id or None,
            "helpfulness_facts": _text(helpfulness_facts),
            "due_on": due,
        }
        return self.ws.records.create("certification_request", values, person_id=person_id).id

    # --- deciding ----------------------------------------------------------------------------------------------

    def decide(
        self,
        request_id: str,
        decision: str | None,
        *,
        decided_on: dt.date | str | None,
        decided_by_name: str | None,
        reason: str | None = None,
        signed_by_name: str | None = None,
        signed_on: dt.date | str | None = None,
    ) -> None:
        """Decide an open request: named and dated; certified needs who signed and when, declined needs a reason."""
        self._require_prosecution()
        request = self._get(request_id)
        if request.decision is not None:
            decision_words = _(DECISION_IN_SENTENCE.get(request.decision, N_("decided")))
            if request.decided_on:
                raise CertificationProblem(
                    _("This request was already decided on {day} ({decision}).").format(
                        day=day_words(request.decided_on), decision=decision_words
                    )
                )
            raise CertificationProblem(
                _("This request was already decided ({decision}).").format(decision=decision_words)
            )
        if decision not in {d.value for d in CertificationDecision}:
            raise ValidationError(_("Please choose the decision: certified, declined or withdrawn."), field="decision")
        by = _text(decided_by_name)
        if by is None:
            raise ValidationError(_("Please give the name of the person who decided."), field="decided_by_name")
        day = self._since_received(
            request,
            decided_on,
            N_("day of the decision"),
            "decided_on",
            N_("The decision cannot be before the request was received ({day})."),
        )
        why = _text(reason)
        changes: dict[str, Any] = {
            "decision": decision,
            "decided_on": day,
            "decided_by_name": by,
            "decision_reason": why,
        }
        if decision == CertificationDecision.CERTIFIED:
            signer = _text(signed_by_name)
            if signer is None:
                raise ValidationError(_("Please give the name of the official who signed."), field="signed_by_name")
            signed = self._since_received(
                request,
                signed_on,
                N_("day it was signed"),
                "signed_on",
                N_("It cannot be signed before the request was received ({day})."),
            )
            changes |= {"signed_by_name": signer, "signed_on": signed}
        elif decision == CertificationDecision.DECLINED and why is None:
            raise ValidationError(_("Please give the reason the request was declined."), field="decision_reason")
        self.ws.records.update("certification_request", request_id, changes)

    # --- the benefit for the disclosure review ------------------------------------------------------------------

    def add_benefit(self, request_id: str) -> str:
        """Record a signed certification as a benefit given to the person (for the disclosure review), linked to the
        request; asked again, it returns the benefit already there."""
        self._require_prosecution()
        request = self._get(request_id)
        if request.decision != CertificationDecision.CERTIFIED or request.signed_on is None:
            raise CertificationProblem(_("Only a signed certification is a benefit to disclose."))
        with self.ws.records.batch() as s:
            if request.benefit_id:
                existing = s.get(Benefit, request.benefit_id)
                if existing is not None and not existing.deleted:
                    return existing.id
            office = s.get(VaultMeta, OFFICE_NAME_KEY)
            given_by = office.value if office is not None and office.value else THIS_OFFICE
            benefit = self.ws.records.create_in(
                s,
                "benefit",
                {
                    "kind": BenefitKind.IMMIGRATION_CERTIFICATION,
                    "given_on": request.signed_on,
                    "given_by": given_by,
                    "description": benefit_words(request),
                    "justice_contact_id": request.justice_contact_id,
                },
                person_id=request.person_id,
            )
            live = s.get(CertificationRequest, request_id)
            assert live is not None
            self.ws.records.update_in(s, live, {"benefit_id": benefit.id})
            return benefit.id

    # --- reading -----------------------------------------------------------------------------------------------

    def register(self, person_id: str | None = None, *, open_only: bool = False) -> list[CertificationRow]:
        """The requests of one person (or of the whole vault): open ones oldest first, then decided, latest first."""
        c, p, j = CertificationRequest, Person, JusticeContact
        q = (
            select(c, p.preferred_name, j.court, j.docket_number, j.arrest_date, j.role, j.deleted)
            .join(p, p.id == c.person_id)
            .outerjoin(j, j.id == c.justice_contact_id)
            .where(c.deleted.is_(False), p.deleted.is_(False))
        )
        if person_id is not None:
            q = q.where(c.person_id == person_id)
        if open_only:
            q = q.where(c.decision.is_(None))
        with self.ws.session() as s:
            rows = []
            for r, name, court, docket, arrest, role, gone in s.execute(q):
                matter = None
                if r.justice_contact_id and gone is not None:
                    matter = matter_words(court, docket, arrest, role)
                    if gone:
                        matter = _("{matter} (deleted)").format(matter=matter)
                rows.append(_row(r, name, matter))
        return register_order(rows)

    def open_requests(self) -> list[CertificationRow]:
        """Every open request in the vault, oldest received first (the office-wide register)."""
        return self.register(open_only=True)

    def matters(self, person_id: str) -> list[tuple[str, str]]:
        """The person's justice matters (id, words), for choosing the one a request relates to."""
        j = JusticeContact
        q = (
            select(j.id, j.court, j.docket_number, j.arrest_date, j.role)
            .where(j.person_id == person_id, j.deleted.is_(False))
            .order_by(j.arrest_date.desc(), j.created_at.desc())
        )
        with self.ws.session() as s:
            return [(r.id, matter_words(r.court, r.docket_number, r.arrest_date, r.role)) for r in s.execute(q)]

    def _get(self, request_id: str) -> CertificationRequest:
        obj = self.ws.records.get("certification_request", request_id)
        assert isinstance(obj, CertificationRequest)
        return obj


def benefit_words(request: CertificationRequest) -> str:
    """What was given, in plain words, for the disclosure review."""
    form = FORM_WORDS.get(request.form, "A visa certification")
    signed = day_words(request.signed_on) if request.signed_on else "a day not recorded"
    by = f" by {request.signed_by_name}" if request.signed_by_name else ""
    text = f"The office signed a certification for the person's visa application ({form}) on {signed}{by}."
    asked = REQUESTER_WORDS.get(request.requested_by or "")
    if asked:
        who = f"{asked.lower()}, {request.requester_name}" if request.requester_name else asked.lower()
        text += f" Requested by {who}, received {day_words(request.received_on)}."
    return text


__all__ = [
    "DECISION_WORDS",
    "FORM_WORDS",
    "ONLY_PROSECUTION",
    "REQUESTER_WORDS",
    "USCIS_ACCEPTS_MONTHS",
    "CertificationProblem",
    "CertificationRow",
    "CertificationService",
    "add_months",
    "benefit_words",
    "matter_words",
    "register_order",
    "uscis_last_day",
]
