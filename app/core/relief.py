"""Criminal-record relief: cases, charges, petitions, the status list of DOMAIN.md section 5, and deadlines.

The law is never in this code. A case names a jurisdiction; its rules (``app.content.relief_rules``) say which
reliefs exist for which charges and with which time limits, and deadlines are computed from them (a filing limit
from a charge's disposition, the prosecution's response from the filing date, an appeal window from the decision).
Deadlines can also be entered by hand, and are marked done. Every change goes through ``ws.records`` (stamped,
audited, queued for sync); a status change also leaves a signed, dated note, so the history of a case reads plainly.

Everything is checked before anything is written: bad input changes nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import select

from app.content.relief_rules import JurisdictionRules, Relief, RuleBook, default_rule_book
from app.core.i18n import N_, _, ngettext
from app.core.records import clean_value, columns_of
from app.core.timeline import day_words
from app.errors import ValidationError
from app.models import (
    ChargeOutcome,
    DeadlineKind,
    NoteEntry,
    PetitionOutcome,
    ReliefCase,
    ReliefCaseStatus,
    ReliefCharge,
    ReliefDeadline,
    ReliefPetition,
)
from app.models.base import Envelope

if TYPE_CHECKING:
    from app.core.workspace import Workspace

T = TypeVar("T", bound=Envelope)

S = ReliefCaseStatus

#: How each status reads on screen (DOMAIN.md section 5's list, in its order).
STATUS_WORDS: dict[str, str] = {
    S.SCREENING: N_("Screening"),
    S.ELIGIBLE: N_("Eligible"),
    S.NOT_ELIGIBLE: N_("Not eligible"),
    S.SURVIVOR_DECIDING: N_("The person is deciding"),
    S.PREPARING: N_("Preparing the petition"),
    S.FILED: N_("Filed"),
    S.HEARING_SET: N_("Hearing set"),
    S.GRANTED: N_("Granted"),
    S.PARTLY_GRANTED: N_("Partly granted"),
    S.DENIED: N_("Denied"),
    S.RECORDS_CORRECTED: N_("Records corrected"),
    S.CLOSED: N_("Closed"),
    S.WITHDRAWN_BY_SURVIVOR: N_("Withdrawn by the person"),
}

#: Where a case may go next. Each step back is there to put a mistake right; "withdrawn by the person" is
#: always allowed (added in :func:`next_statuses`), and a withdrawn or closed case can be opened again.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    S.SCREENING: (S.ELIGIBLE, S.NOT_ELIGIBLE),
    S.ELIGIBLE: (S.SURVIVOR_DECIDING, S.PREPARING, S.NOT_ELIGIBLE, S.SCREENING),
    S.NOT_ELIGIBLE: (S.SCREENING, S.CLOSED),
    S.SURVIVOR_DECIDING: (S.PREPARING, S.CLOSED, S.ELIGIBLE),
    S.PREPARING: (S.FILED, S.SURVIVOR_DECIDING),
    S.FILED: (S.HEARING_SET, S.GRANTED, S.PARTLY_GRANTED, S.DENIED, S.PREPARING),
    S.HEARING_SET: (S.GRANTED, S.PARTLY_GRANTED, S.DENIED, S.FILED),
    S.GRANTED: (S.RECORDS_CORRECTED, S.HEARING_SET, S.FILED),
    S.PARTLY_GRANTED: (S.RECORDS_CORRECTED, S.PREPARING, S.HEARING_SET, S.FILED),
    S.DENIED: (S.PREPARING, S.CLOSED, S.HEARING_SET, S.FILED),
    S.RECORDS_CORRECTED: (S.CLOSED, S.GRANTED, S.PARTLY_GRANTED),
    S.CLOSED: (S.SCREENING,),
    S.WITHDRAWN_BY_SURVIVOR: (S.SCREENING,),
}

DEADLINE_WORDS: dict[str, str] = {
    DeadlineKind.FILING_LIMIT: N_("Filing limit"),
    DeadlineKind.RESPONSE: N_("Response due"),
    DeadlineKind.HEARING: N_("Hearing"),
    DeadlineKind.APPEAL: N_("Appeal window closes"),
    DeadlineKind.OTHER: N_("Deadline"),
}

RELIEF_WORDS: dict[str, str] = {
    "vacatur": N_("Vacatur"),
    "expungement": N_("Expungement"),
    "sealing": N_("Sealing"),
    "other": N_("Other relief"),
}
OUTCOME_WORDS: dict[str, str] = {
    "pending": N_("Pending"),
    "granted": N_("Granted"),
    "partly_granted": N_("Partly granted"),
    "denied": N_("Denied"),
    "withdrawn": N_("Withdrawn"),
}
POSITION_WORDS: dict[str, str] = {
    "consents": N_("Consents"),
    "no_objection": N_("Does not object"),
    "opposes": N_("Opposes"),
    "unknown": N_("Not known yet"),
}
ELIGIBILITY_WORDS: dict[str, str] = {
    "unknown": N_("Not checked yet"),
    "eligible": N_("Eligible"),
    "not_eligible": N_("Not eligible"),
}

CASE_FIELDS = tuple(columns_of(ReliefCase))
CHARGE_FIELDS = tuple(columns_of(ReliefCharge))
PETITION_FIELDS = tuple(columns_of(ReliefPetition))
DEADLINE_FIELDS = tuple(columns_of(ReliefDeadline))

#: Reminders start this many days before a deadline when the rules do not say.
DEFAULT_REMIND_DAYS = 14
_NOTE_MAX = 200


def status_words(status: str | None) -> str:
    """A case's status in the app's language."""
    return _(STATUS_WORDS.get(status or "", N_("Not set")))


def _words(table: dict[str, str], key: str | None, default: str) -> str:
    """One of this module's words for ``key`` in the app's language (``default``, already marked, when none)."""
    return _(table.get(key or "", default))


def relief_words(kind: str | None) -> str:
    return _words(RELIEF_WORDS, kind, kind or "")


def outcome_words(outcome: str | None) -> str:
    return _words(OUTCOME_WORDS, outcome or "pending", N_("Pending"))


def position_words(position: str | None) -> str:
    return _words(POSITION_WORDS, position or "unknown", N_("Not known yet"))


def eligibility_words(eligibility: str | None) -> str:
    return _words(ELIGIBILITY_WORDS, eligibility or "unknown", N_("Not checked yet"))


def next_statuses(status: str | None) -> tuple[str, ...]:
    """The statuses a case at ``status`` may move to; the person's withdrawal is always among them."""
    if status is None:
        return tuple(s.value for s in S)
    out = [str(s) for s in TRANSITIONS.get(status, ())]
    if status != S.WITHDRAWN_BY_SURVIVOR:
        out.append(S.WITHDRAWN_BY_SURVIVOR.value)
    return tuple(out)


# --- what the UI and reports are handed -------------------------------------------------------------------------


@dataclass(frozen=True)
class DeadlineRow:
    id: str
    case_id: str
    petition_id: str | None
    kind: str | None
    due_on: dt.date
    done_on: dt.date | None
    note: str | None
    days_left: int
    remind_days: int

    @property
    def is_done(self) -> bool:
        return self.done_on is not None

    @property
    def state(self) -> str:
        """done, overdue, due_soon (inside the reminder window) or upcoming."""
        if self.done_on is not None:
            return "done"
        if self.days_left < 0:
            return "overdue"
        if self.days_left <= self.remind_days:
            return "due_soon"
        return "upcoming"

    @property
    def title(self) -> str:
        return _(DEADLINE_WORDS.get(self.kind or "other", DEADLINE_WORDS[DeadlineKind.OTHER]))

    @property
    def when_words(self) -> str:
        if self.done_on is not None:
            return _("Done on {day}").format(day=day_words(self.done_on))
        if self.days_left == 0:
            return _("Due today")
        if self.days_left == 1:
            return _("Due tomorrow")
        if self.days_left > 1:
            return ngettext("Due in {n} day", "Due in {n} days", self.days_left).format(n=self.days_left)
        late = -self.days_left
        return ngettext("{n} day past the date", "{n} days past the date", late).format(n=late)


@dataclass(frozen=True)
class SuggestedDeadline:
    """A deadline the rules give for this case. ``passed``: its date is already behind us (shown, never added)."""

    kind: str
    due_on: dt.date
    note: str
    petition_id: str | None
    charge_id: str | None
    relief_id: str | None
    added: bool
    passed: bool


@dataclass(frozen=True)
class ReliefOption:
    """One relief the rules offer for a charge, with its limit worked out from the charge's dates."""

    relief: Relief
    last_day: dt.date | None
    passed: bool

    @property
    def words(self) -> str:
        r = self.relief
        if r.time_limit.kind == "none":
            limit = _("no time limit")
        elif self.last_day is None:
            limit = _("{limit} (add the date to see the last day)").format(limit=r.time_limit.words().lower())
        elif self.passed:
            limit = _("the time limit passed on {day}").format(day=day_words(self.last_day))
        else:
            limit = _("file by {day}").format(day=day_words(self.last_day))
        hearing = _("hearing required") if r.hearing_required else _("no hearing required")
        return _("{relief}: {limit}; {hearing}.").format(relief=r.title, limit=limit, hearing=hearing)


@dataclass(frozen=True)
class CaseView:
    case: dict[str, Any]
    charges: list[dict[str, Any]]
    petitions: list[dict[str, Any]]
    deadlines: list[DeadlineRow]
    rules: JurisdictionRules | None
    next_statuses: tuple[str, ...]
    suggestions: list[SuggestedDeadline] = field(default_factory=list)
    options: dict[str, list[ReliefOption]] = field(default_factory=dict)

    @property
    def id(self) -> str:
        return str(self.case["id"])


@dataclass(frozen=True)
class ReliefOverview:
    person_id: str
    cases: list[CaseView]
    jurisdictions: list[tuple[str, str]]  # (code, title) of every rule set on this computer
    today: dt.date


def _values(obj: Envelope, fields: Sequence[str]) -> dict[str, Any]:
    values = {name: getattr(obj, name) for name in fields}
    values["id"] = obj.id
    return values


# --- the service ----------------------------------------------------------------------------------------------------


class ReliefService:
    def __init__(
        self,
        ws: Workspace,
        rules: RuleBook | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self.ws = ws
        self.rules = rules or default_rule_book()
        self._today = today

    # --- cases ----------------------------------------------------------------------------------------------

    def open_case(self, person_id: str, jurisdiction: str, *, representation: str | None = None) -> str:
        """Start relief work for a person. It begins at "screening": every record is gathered and checked first."""
        code = (jurisdiction or "").strip()
        if not code:
            raise ValidationError(_("Please choose the jurisdiction whose rules apply."), field="jurisdiction")
        values = {"jurisdiction": code, "status": S.SCREENING.value, "representation": representation}
        case_id = self.ws.records.create("relief_case", values, person_id=person_id).id
        self._status_note(person_id, case_id, S.SCREENING.value, None, None)
        return case_id

    def update_case(self, case_id: str, changes: Mapping[str, Any]) -> None:
        """Representation, jurisdiction and the eligibility review date. The status changes through
        :meth:`change_status`, so each change is checked and leaves its note."""
        if "status" in changes:
            raise ValidationError(_("Please change the status with “Change status”."), field="status")
        if "jurisdiction" in changes and not str(changes["jurisdiction"] or "").strip():
            raise ValidationError(_("Please choose the jurisdiction whose rules apply."), field="jurisdiction")
        self._case(case_id)
        self.ws.records.update("relief_case", case_id, changes)

    def change_status(self, case_id: str, status: str, *, note: str | None = None) -> None:
        """Move a case to ``status`` if the list allows it; a dated, signed note records the change."""
        case = self._case(case_id)
        current = case.status
        status = str(clean_value(ReliefCase, "status", status) or "")
        if not status:
            raise ValidationError(_("Please choose the new status."), field="status")
        if status == current:
            return
        if status not in next_statuses(current):
            allowed = ", ".join(status_words(s).lower() for s in next_statuses(current))
            raise ValidationError(
                _("A case at “{status}” can move to: {allowed}.").format(
                    status=status_words(current).lower(), allowed=allowed
                ),
                field="status",
            )
        if note is not None and len(note) > 2000:
            raise ValidationError(_("Please keep the note on the change under 2,000 characters."), field="note")
        self.ws.records.update("relief_case", case_id, {"status": status})
        self._status_note(case.person_id, case_id, status, current, note)

    def _status_note(self, person_id: str | None, case_id: str, status: str, was: str | None, note: str | None) -> None:
        # Kept in the record as written, in the office's words (not the screen's language).
        english = {key: str(words) for key, words in STATUS_WORDS.items()}
        body = f"Record relief status: {english.get(status, 'Not set')}"
        body += f" (was {english.get(was, 'Not set').lower()})." if was else "."
        if note and note.strip():
            body += f" {note.strip()}"
        self.ws.records.create(
            "note_entry",
            {"parent_type": "relief_case", "parent_id": case_id, "body": body,
             "signed_at": dt.datetime.now(dt.UTC), "signed_by": self.ws.identity.user_id},
            person_id=person_id,
        )  # fmt: skip

    def status_history(self, case_id: str) -> list[tuple[dt.datetime, str]]:
        """(when, what) for each status the case has had, oldest first."""
        case = self._case(case_id)
        notes = self._list(NoteEntry, case.person_id)
        return [(n.created_at, n.body) for n in notes if n.parent_type == "relief_case" and n.parent_id == case_id]

    # --- charges --------------------------------------------------------------------------------------------

    def add_charge(self, case_id: str, values: Mapping[str, Any]) -> str:
        case = self._case(case_id)
        cleaned = self._check_charge(case, {k: clean_value(ReliefCharge, k, v) for k, v in values.items()})
        cleaned["case_id"] = case_id
        charge_id = self.ws.records.create("relief_charge", cleaned, person_id=case.person_id).id
        self.add_suggested_deadlines(case_id)
        return charge_id

    def update_charge(self, charge_id: str, changes: Mapping[str, Any]) -> None:
        charge = self._get(ReliefCharge, charge_id)
        case = self._case(charge.case_id)
        cleaned = {k: clean_value(ReliefCharge, k, v) for k, v in changes.items()}
        if "case_id" in cleaned and cleaned["case_id"] != case.id:
            raise ValidationError(_("A charge stays with the case it was added to."), field="case_id")
        merged = _values(charge, CHARGE_FIELDS) | cleaned
        self._check_charge(case, merged)
        self.ws.records.update("relief_charge", charge_id, cleaned)
        self.add_suggested_deadlines(case.id)

    def remove_charge(self, charge_id: str) -> None:
        self.ws.records.delete("relief_charge", charge_id)

    def _check_charge(self, case: ReliefCase, values: dict[str, Any]) -> dict[str, Any]:
        arrested, disposed = values.get("arrest_date"), values.get("disposition_date")
        if arrested and disposed and disposed < arrested:
            raise ValidationError(_("The disposition date cannot be before the arrest date."), field="disposition_date")
        decided = values.get("decided_on")
        if decided and disposed and decided < disposed:
            raise ValidationError(_("The relief decision cannot come before the disposition."), field="decided_on")
        rules = self.rules.get(case.jurisdiction)
        sought = values.get("relief_sought")
        if rules is not None and sought and not any(r.kind == sought for r in rules.reliefs):
            raise ValidationError(
                _("The {rules} rules on this computer offer no {relief}.").format(
                    rules=rules.title, relief=relief_words(sought).lower()
                ),
                field="relief_sought",
            )
        return values

    def relief_options(self, case: ReliefCase | dict[str, Any], charge: Mapping[str, Any]) -> list[ReliefOption]:
        """What the case's rules offer for one charge, with each time limit worked out."""
        jurisdiction = case["jurisdiction"] if isinstance(case, dict) else case.jurisdiction
        rules = self.rules.get(jurisdiction)
        if rules is None:
            return []
        today = self._today()
        out = []
        for relief in rules.reliefs_for(charge.get("level"), charge.get("relief_sought")):
            last = relief.time_limit.due(disposition=charge.get("disposition_date"), arrest=charge.get("arrest_date"))
            out.append(ReliefOption(relief, last, last is not None and last < today))
        return out

    # --- petitions ------------------------------------------------------------------------------------------

    def add_petition(self, case_id: str, values: Mapping[str, Any], charge_ids: Iterable[str] = ()) -> str:
        """A petition and the charges it asks relief for (each charge carries the relief it seeks)."""
        case = self._case(case_id)
        cleaned = {k: clean_value(ReliefPetition, k, v) for k, v in values.items()}
        charges = self._charges_of(case, charge_ids)
        if not cleaned.get("relief_types"):
            cleaned["relief_types"] = sorted({c.relief_sought for c in charges if c.relief_sought})
        self._check_petition(case, cleaned)
        cleaned["case_id"] = case_id
        petition_id = self.ws.records.create("relief_petition", cleaned, person_id=case.person_id).id
        for charge in charges:
            self.ws.records.update("relief_charge", charge.id, {"petition_id": petition_id})
        self.add_suggested_deadlines(case_id)
        return petition_id

    def update_petition(
        self, petition_id: str, changes: Mapping[str, Any], charge_ids: Iterable[str] | None = None
    ) -> None:
        petition = self._get(ReliefPetition, petition_id)
        case = self._case(petition.case_id)
        cleaned = {k: clean_value(ReliefPetition, k, v) for k, v in changes.items()}
        if "case_id" in cleaned and cleaned["case_id"] != case.id:
            raise ValidationError(_("A petition stays with the case it was added to."), field="case_id")
        self._check_petition(case, _values(petition, PETITION_FIELDS) | cleaned)
        chosen = None if charge_ids is None else self._charges_of(case, charge_ids)
        if chosen is not None and "relief_types" not in cleaned:
            cleaned["relief_types"] = sorted({c.relief_sought for c in chosen if c.relief_sought})
        self.ws.records.update("relief_petition", petition_id, cleaned)
        if chosen is not None:
            chosen_ids = {c.id for c in chosen}
            for charge in self._live_charges(case.id):
                linked = charge.petition_id == petition_id
                if charge.id in chosen_ids and not linked:
                    self.ws.records.update("relief_charge", charge.id, {"petition_id": petition_id})
                elif linked and charge.id not in chosen_ids:
                    self.ws.records.update("relief_charge", charge.id, {"petition_id": None})
        self.add_suggested_deadlines(case.id)

    def _check_petition(self, case: ReliefCase, values: Mapping[str, Any]) -> None:
        filed, hearing, decided = values.get("filed_on"), values.get("hearing_on"), values.get("decided_on")
        corrected = values.get("records_corrected_on")
        if hearing and filed and hearing < filed:
            raise ValidationError(_("The hearing cannot be before the petition was filed."), field="hearing_on")
        if decided and filed and decided < filed:
            raise ValidationError(_("The decision cannot be before the petition was filed."), field="decided_on")
        if corrected and decided and corrected < decided:
            raise ValidationError(_("Records cannot be corrected before the decision."), field="records_corrected_on")
        known = {"vacatur", "expungement", "sealing", "other"}
        rules = self.rules.get(case.jurisdiction)
        if rules is not None:
            known |= {r.id for r in rules.reliefs}
        for kind in values.get("relief_types") or []:
            if kind not in known:
                raise ValidationError(
                    _("Relief sought can be vacatur, expungement, sealing or other relief."), field="relief_types"
                )

    def record_decision(
        self,
        petition_id: str,
        decided_on: dt.date | str,
        outcomes: Mapping[str, str],
        *,
        order_reference: str | None = None,
    ) -> str:
        """The court's decision, charge by charge. The petition's outcome follows from them (all granted, all
        denied, or partly granted) and the case moves to it when its status list allows. Returns that outcome."""
        petition = self._get(ReliefPetition, petition_id)
        case = self._case(petition.case_id)
        day = clean_value(ReliefPetition, "decided_on", decided_on)
        if day is None:
            raise ValidationError(_("Please enter the date of the decision."), field="decided_on")
        reference = clean_value(ReliefPetition, "order_reference", order_reference)
        linked = {c.id: c for c in self._live_charges(case.id) if c.petition_id == petition_id}
        if not outcomes:
            raise ValidationError(_("Please give the outcome for at least one charge."), field="outcomes")
        cleaned: dict[str, str] = {}
        for charge_id, outcome in outcomes.items():
            if charge_id not in linked:
                raise ValidationError(_("That charge is not part of this petition."), field="outcomes")
            value = clean_value(ReliefCharge, "outcome", outcome)
            if value in (None, ChargeOutcome.PENDING):
                raise ValidationError(_("Please give each charge's outcome: granted, partly granted or denied."),
                                      field="outcomes")  # fmt: skip
            cleaned[charge_id] = value
        merged = _values(petition, PETITION_FIELDS) | {"decided_on": day}
        self._check_petition(case, merged)
        for charge_id in cleaned:
            self._check_charge(case, _values(linked[charge_id], CHARGE_FIELDS) | {"decided_on": day})
        results = set(cleaned.values())
        if results == {ChargeOutcome.GRANTED.value}:
            overall = PetitionOutcome.GRANTED.value
        elif results == {ChargeOutcome.DENIED.value}:
            overall = PetitionOutcome.DENIED.value
        else:
            overall = PetitionOutcome.PARTLY_GRANTED.value
        for charge_id, outcome in cleaned.items():
            self.ws.records.update(
                "relief_charge", charge_id, {"outcome": outcome, "decided_on": day, "order_reference": reference}
            )
        self.ws.records.update(
            "relief_petition", petition_id, {"outcome": overall, "decided_on": day, "order_reference": reference}
        )
        current = self._case(case.id).status
        if current != overall and overall in next_statuses(current):
            self.change_status(case.id, overall)
        self.add_suggested_deadlines(case.id)
        return overall

    # --- deadlines ------------------------------------------------------------------------------------------

    def add_deadline(
        self,
        case_id: str,
        kind: str | None,
        due_on: dt.date | str | None,
        note: str | None = None,
        *,
        petition_id: str | None = None,
    ) -> str:
        case = self._case(case_id)
        if petition_id is not None:
            petition = self._get(ReliefPetition, petition_id)
            if petition.case_id != case_id:
                raise ValidationError(_("That petition belongs to another case."), field="petition_id")
        values = {"case_id": case_id, "petition_id": petition_id, "kind": kind or DeadlineKind.OTHER.value,
                  "due_on": due_on, "note": note}  # fmt: skip
        return self.ws.records.create("relief_deadline", values, person_id=case.person_id).id

    def update_deadline(self, deadline_id: str, changes: Mapping[str, Any]) -> None:
        deadline = self._get(ReliefDeadline, deadline_id)
        if "case_id" in changes and changes["case_id"] != deadline.case_id:
            raise ValidationError(_("A deadline stays with the case it was added to."), field="case_id")
        self.ws.records.update("relief_deadline", deadline_id, changes)

    def mark_done(self, deadline_id: str, done_on: dt.date | str | None = None) -> None:
        self._get(ReliefDeadline, deadline_id)
        self.ws.records.update("relief_deadline", deadline_id, {"done_on": done_on or self._today()})

    def reopen_deadline(self, deadline_id: str) -> None:
        self._get(ReliefDeadline, deadline_id)
        self.ws.records.update("relief_deadline", deadline_id, {"done_on": None})

    def remove_deadline(self, deadline_id: str) -> None:
        self.ws.records.delete("relief_deadline", deadline_id)

    def suggested_deadlines(self, case_id: str) -> list[SuggestedDeadline]:
        """Every deadline the rules give for this case: filing limits for each charge's chosen relief, the
        prosecution's response, hearings and appeal windows. ``added`` says a live deadline already holds it."""
        case = self._case(case_id)
        rules = self.rules.get(case.jurisdiction)
        charges = self._live_charges(case_id)
        petitions = [p for p in self._list(ReliefPetition, case.person_id) if p.case_id == case_id]
        existing = {
            (d.kind, d.due_on, d.petition_id)
            for d in self._list(ReliefDeadline, case.person_id)
            if d.case_id == case_id
        }
        today = self._today()
        raw: list[tuple[str, dt.date, str, str | None, str | None, str | None]] = []
        if rules is not None:
            for c in charges:
                if not c.relief_sought or c.outcome in (ChargeOutcome.GRANTED, ChargeOutcome.PARTLY_GRANTED):
                    continue
                for option in self.relief_options(case, _values(c, CHARGE_FIELDS)):
                    if option.last_day is not None:
                        note = _filing_note(option.relief.title.lower(), c)
                        raw.append((DeadlineKind.FILING_LIMIT, option.last_day, note, None, c.id, option.relief.id))
        response_days = rules.deadlines.response_days_after_filing if rules is not None else None
        appeal_days = rules.deadlines.appeal_days_after_decision if rules is not None else None
        for p in petitions:
            court = p.filing_court
            undecided = p.outcome in (None, PetitionOutcome.PENDING)
            if response_days and p.filed_on and undecided:
                due = p.filed_on + dt.timedelta(days=response_days)
                said = (
                    _("The prosecution's response to the petition filed {day} in {court}")
                    if court
                    else _("The prosecution's response to the petition filed {day}")
                )
                note = said.format(day=day_words(p.filed_on), court=court)
                raw.append((DeadlineKind.RESPONSE, due, note, p.id, None, None))
            if p.hearing_on and undecided:
                note = _("Hearing on the petition in {court}").format(court=court) if court else _(
                    "Hearing on the petition")  # fmt: skip
                raw.append((DeadlineKind.HEARING, p.hearing_on, note, p.id, None, None))
            appealable = p.outcome in (PetitionOutcome.DENIED, PetitionOutcome.PARTLY_GRANTED)
            if appeal_days and p.decided_on and appealable:
                due = p.decided_on + dt.timedelta(days=appeal_days)
                said = (
                    _("Last day to appeal the decision of {day} in {court}")
                    if court
                    else _("Last day to appeal the decision of {day}")
                )
                note = said.format(day=day_words(p.decided_on), court=court)
                raw.append((DeadlineKind.APPEAL, due, note, p.id, None, None))
        out = []
        seen = set()
        for kind, due, note, petition_id, charge_id, relief_id in raw:
            key = (str(kind), due, petition_id)
            if key in seen:
                continue
            seen.add(key)
            out.append(SuggestedDeadline(str(kind), due, note[:_NOTE_MAX], petition_id, charge_id, relief_id,
                                         added=key in existing, passed=due < today))  # fmt: skip
        out.sort(key=lambda s: (s.due_on, s.kind))
        return out

    def add_suggested_deadlines(self, case_id: str) -> list[str]:
        """Add every deadline the rules give that is not there yet and still ahead; returns the new ids."""
        return [
            self.add_deadline(case_id, s.kind, s.due_on, s.note, petition_id=s.petition_id)
            for s in self.suggested_deadlines(case_id)
            if not s.added and not s.passed
        ]

    def remind_days(self, jurisdiction: str | None) -> int:
        rules = self.rules.get(jurisdiction)
        return rules.deadlines.remind_days_before if rules is not None else DEFAULT_REMIND_DAYS

    def _deadline_rows(self, deadlines: Iterable[ReliefDeadline], remind: Mapping[str, int]) -> list[DeadlineRow]:
        today = self._today()
        rows = [
            DeadlineRow(
                id=d.id, case_id=d.case_id, petition_id=d.petition_id, kind=d.kind, due_on=d.due_on,
                done_on=d.done_on, note=d.note, days_left=(d.due_on - today).days,
                remind_days=remind.get(d.case_id, DEFAULT_REMIND_DAYS),
            )
            for d in deadlines
        ]  # fmt: skip
        # What is due soonest on top; done deadlines after every open one, the latest done first.
        rows.sort(key=lambda r: (r.is_done, r.due_on if not r.is_done else dt.date.max - r.due_on, r.id))
        return rows

    def reminders(self, person_id: str | None = None) -> list[DeadlineRow]:
        """Open deadlines past their date or inside their reminder window, soonest first; one person or all."""
        with self.ws.session() as s:
            q = (
                select(ReliefDeadline, ReliefCase.jurisdiction)
                .join(ReliefCase, ReliefCase.id == ReliefDeadline.case_id)
                .where(
                    ReliefDeadline.deleted.is_(False), ReliefDeadline.done_on.is_(None), ReliefCase.deleted.is_(False)
                )
            )
            if person_id is not None:
                q = q.where(ReliefDeadline.person_id == person_id)
            found = s.execute(q).all()
            s.expunge_all()
        remind = {d.case_id: self.remind_days(j) for d, j in found}
        return [r for r in self._deadline_rows([d for d, _ in found], remind) if r.state in ("overdue", "due_soon")]

    # --- reading --------------------------------------------------------------------------------------------

    def overview(self, person_id: str) -> ReliefOverview:
        """Everything the relief section shows for one person, newest case first."""
        cases = self._list(ReliefCase, person_id)
        charges = self._list(ReliefCharge, person_id)
        petitions = self._list(ReliefPetition, person_id)
        deadlines = self._list(ReliefDeadline, person_id)
        views = []
        for rc in sorted(cases, key=lambda c: (c.created_at, c.id), reverse=True):
            remind = {rc.id: self.remind_days(rc.jurisdiction)}
            mine = [c for c in charges if c.case_id == rc.id]
            charge_values = [_values(c, CHARGE_FIELDS) for c in mine]
            views.append(
                CaseView(
                    case=_values(rc, CASE_FIELDS),
                    charges=charge_values,
                    petitions=[_values(p, PETITION_FIELDS) for p in petitions if p.case_id == rc.id],
                    deadlines=self._deadline_rows([d for d in deadlines if d.case_id == rc.id], remind),
                    rules=self.rules.get(rc.jurisdiction),
                    next_statuses=next_statuses(rc.status),
                    suggestions=self.suggested_deadlines(rc.id),
                    options={c["id"]: self.relief_options(rc, {**c, "relief_sought": None}) for c in charge_values},
                )
            )
        jurisdictions = [
            (
                r.jurisdiction,
                _("{rules} (example rules, not legal advice)").format(rules=r.title) if r.example else r.title,
            )
            for r in self.rules.all()
        ]
        return ReliefOverview(person_id, views, jurisdictions, self._today())

    # --- helpers --------------------------------------------------------------------------------------------

    def _list(self, cls: type[T], person_id: str | None) -> list[T]:
        if person_id is None:
            return []
        return [r for r in self.ws.records.list_for_person(cls.RECORD_TYPE, person_id) if isinstance(r, cls)]

    def _get(self, cls: type[T], record_id: str) -> T:
        found = self.ws.records.get(cls.RECORD_TYPE, record_id)
        if not isinstance(found, cls):
            raise ValidationError(_("That record is not the kind expected here."))
        return found

    def _case(self, case_id: str) -> ReliefCase:
        return self._get(ReliefCase, case_id)

    def _live_charges(self, case_id: str) -> list[ReliefCharge]:
        case = self._case(case_id)
        return [c for c in self._list(ReliefCharge, case.person_id) if c.case_id == case_id]

    def _charges_of(self, case: ReliefCase, charge_ids: Iterable[str]) -> list[ReliefCharge]:
        live = {c.id: c for c in self._live_charges(case.id)}
        out = []
        for charge_id in charge_ids:
            if charge_id not in live:
                raise ValidationError(_("One of the charges chosen is not part of this case."), field="charge_ids")
            out.append(live[charge_id])
        return out


#: The note :meth:`ReliefService._status_note` keeps in the record, in English (the office's shared words, whatever
#: the language of the computer that wrote it): "Record relief status: Eligible (was screening). Their own words."
_STATUS_NOTE = re.compile(
    r"^Record relief status: (?P<status>[^()]+?)(?: \(was (?P<was>[^()]+)\))?\.(?: (?P<rest>.*))?$", re.DOTALL
)


def status_note_words(body: str) -> str:
    """A note the app wrote at a status change, said in the app's language (the stored text stays as written); any
    other note, or one whose status words are not known, as it is."""
    found = _STATUS_NOTE.match(body)
    if found is None:
        return body
    by_words = {str(words): key for key, words in STATUS_WORDS.items()}
    by_lower = {str(words).lower(): key for key, words in STATUS_WORDS.items()}
    status = by_words.get(found["status"])
    was = by_lower.get(found["was"] or "")
    if status is None or (found["was"] and was is None):
        return body
    if was is None:
        said = _("Record relief status: {status}.").format(status=status_words(status))
    else:
        said = _("Record relief status: {status} (was {was}).").format(
            status=status_words(status), was=status_words(was).lower()
        )
    return f"{said} {found['rest']}" if found["rest"] else said


__all__ = [
    "DEADLINE_WORDS",
    "ELIGIBILITY_WORDS",
    "OUTCOME_WORDS",
    "POSITION_WORDS",
    "RELIEF_WORDS",
    "STATUS_WORDS",
    "TRANSITIONS",
    "CaseView",
    "DeadlineRow",
    "ReliefOption",
    "ReliefOverview",
    "ReliefService",
    "SuggestedDeadline",
    "eligibility_words",
    "next_statuses",
    "outcome_words",
    "position_words",
    "relief_words",
    "status_note_words",
    "status_words",
]


def _filing_note(relief: str, charge: ReliefCharge) -> str:
    """A suggested filing deadline's note, in the app's language when it is saved: which relief, for which charge."""
    if charge.docket_number:
        return _("Last day to file for {relief} (docket {docket})").format(relief=relief, docket=charge.docket_number)
    if charge.disposition_date:
        return _("Last day to file for {relief} (disposition {day})").format(
            relief=relief, day=day_words(charge.disposition_date)
        )
    return _("Last day to file for {relief} (a charge)").format(relief=relief)
