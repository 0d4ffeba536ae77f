"""Charging decisions on a justice matter, and what informed them (the prosecutor's desk).

A charging decision is the prosecution's decision about a charge — never about who the person is (DOMAIN.md
section 8). It is made by a named person, on a day that is not in the future, with the decision and a reason in
words. What informed it is linked, never copied:

- the identification decision in force that day (:func:`in_force`: the latest decided on or before that day, then
  the latest recorded; the reading of DOMAIN.md section 6, "Conventions, precise", that measure 14 uses too);
- a screening of the person;
- the person's own account (a yes or no);
- the advocate's input: a disclosure received from the advocacy side under the person's release. It is kept by id
  only, because the disclosure leaves this computer when the release lapses and the decision must still say it
  was informed by it.

A later decision revises the earlier one (``revises_id``), which stays as history. Only a prosecution vault keeps
charging decisions (the record type's ``REGIMES``, enforced by :class:`app.core.records.RecordService` and by the
office server).
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from app.core.consent import kind_words
from app.core.i18n import N_, _
from app.core.row_copy import copied
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.errors import OfframpError, ValidationError
from app.models import (
    ChargingDecision,
    ChargingDecisionKind,
    IdentificationDecision,
    JusticeContact,
    Screening,
)

#: The decision in words: what is decided about the charge, never a word about the person.
DECISION_LABELS: dict[str, str] = {
    ChargingDecisionKind.FILE_AS_CHARGED: N_("File as charged"),
    ChargingDecisionKind.REDUCE: N_("Reduce the charges"),
    ChargingDecisionKind.DIVERT: N_("Divert from prosecution"),
    ChargingDecisionKind.DEFER: N_("Defer prosecution"),
    ChargingDecisionKind.DECLINE: N_("Decline to prosecute"),
    ChargingDecisionKind.DISMISS: N_("Dismiss the charges"),
    ChargingDecisionKind.MOVE_TO_VACATE: N_("Move to vacate"),
    ChargingDecisionKind.OTHER: N_("Another decision (see the reason)"),
}
#: An identification decision's status, short, as it reads inside "Identification decision of 3 Feb 2027 (…)".
IDENTIFICATION_WORDS: dict[str, str] = {
    "identified": N_("identified"),
    "not_identified": N_("not identified"),
    "unclear": N_("not clear yet"),
}
PERSONS_ACCOUNT_WORDS = N_("the person's own account")
ADVOCATE_INPUT_WORDS = N_("the advocate's input, shared under a release")
ONLY_PROSECUTION = N_("Charging decisions are kept by the prosecution only.")


@dataclass(frozen=True)
class IdentificationRef:
    """One identification decision of the person, enough to find the one in force on a day and to name it."""

    record_id: str
    decided_on: dt.date
    status: str
    created_at: dt.datetime

    @property
    def words(self) -> str:
        known = IDENTIFICATION_WORDS.get(self.status)
        status = _(known) if known else self.status.replace("_", " ")
        return _("Identification decision of {day} ({status})").format(day=day_words(self.decided_on), status=status)


@dataclass(frozen=True)
class ScreeningOption:
    record_id: str
    title: str
    screened_on: dt.date | None

    @property
    def words(self) -> str:
        return f"{day_words(self.screened_on)}: {self.title}" if self.screened_on else self.title


@dataclass(frozen=True)
class ShareOption:
    """A disclosure received from the advocate for this person (app.core.received), as a choice."""

    disclosure_id: str
    shared_on: dt.date | None
    until: dt.date | None
    kinds: tuple[str, ...]

    @property
    def words(self) -> str:
        what = ", ".join(kind_words(k) for k in self.kinds) if self.kinds else _("shared facts")
        what = what[:1].upper() + what[1:]
        if self.shared_on and self.until:
            words = _("{what} (shared {day}, under a release until {until})")
        elif self.shared_on:
            words = _("{what} (shared {day}, under a release)")
        elif self.until:
            words = _("{what} (shared, under a release until {until})")
        else:
            words = _("{what} (shared, under a release)")
        return words.format(
            what=what,
            day=day_words(self.shared_on) if self.shared_on else "",
            until=day_words(self.until) if self.until else "",
        )


@dataclass(frozen=True)
class ChargingRow:
    """One charging decision as the screen shows it."""

    record_id: str
    justice_contact_id: str
    decided_on: dt.date
    decided_by_name: str
    decision: str
    reason: str
    identification_decision_id: str | None
    screening_id: str | None
    persons_account: bool | None
    disclosure_id: str | None
    revises_id: str | None
    created_at: dt.datetime
    #: What informed it, each in words ("Identification decision of 3 Feb 2027 (identified)", ...).
    informed_by: tuple[str, ...]
    #: A later decision revises this one: it is history.
    revised: bool

    @property
    def decision_words(self) -> str:
        words = DECISION_LABELS.get(self.decision)
        return _(words) if words else self.decision.replace("_", " ")


@dataclass(frozen=True)
class ChargingView:
    """Everything the "Charging decisions" part of a justice matter shows and offers, read in one go."""

    person_id: str
    justice_contact_id: str
    #: The decision in force first, then the history, latest first.
    decisions: tuple[ChargingRow, ...]
    identifications: tuple[IdentificationRef, ...]
    screenings: tuple[ScreeningOption, ...]
    shares: tuple[ShareOption, ...]
    #: The name to fill "Decided by" with: the one this user gave last, if any.
    decider: str
    today: dt.date

    @property
    def current(self) -> ChargingRow | None:
        return self.decisions[0] if self.decisions and not self.decisions[0].revised else None

    def in_force_on(self, day: dt.date) -> IdentificationRef | None:
        return in_force(self.identifications, day)


def in_force(decisions: Iterable[IdentificationRef], on_day: dt.date) -> IdentificationRef | None:
    """The identification decision in force on ``on_day``: the latest decided on or before it, then the latest
    recorded (a later "not identified" ends an earlier "identified"). DOMAIN.md section 6, conventions."""
    eligible = [d for d in decisions if d.decided_on <= on_day]
    return max(eligible, key=lambda d: (d.decided_on, d.created_at, d.record_id), default=None)


def _history_order(rows: Sequence[ChargingRow]) -> list[ChargingRow]:
    """The decision in force first (not revised by another; the latest of those), then the rest, latest first."""
    latest_first = sorted(rows, key=lambda r: (r.decided_on, r.created_at, r.record_id), reverse=True)
    current = next((r for r in latest_first if not r.revised), None)
    if current is None:
        return latest_first
    return [current, *(r for r in latest_first if r is not current)]


def _received_shares(ws: Workspace, person_id: str) -> list[ShareOption]:
    """Disclosures received from the advocate for this person, from ``app.core.received`` when this build has it
    (an empty list otherwise: nothing received can be offered)."""
    try:
        module = importlib.import_module("app.core.received")
    except ModuleNotFoundError:
        return []
    out = []
    for share in module.ReceivedShares(ws).for_person(person_id):
        out.append(
            ShareOption(
                disclosure_id=str(share.disclosure_id),
                shared_on=getattr(share, "shared_on", None),
                until=getattr(share, "until", None),
                kinds=tuple(str(k) for k in (getattr(share, "kinds", None) or ())),
            )
        )
    return out


class ChargingService:
    """Charging decisions for a person's justice matters: read them with what informed them, record and revise."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    @property
    def allowed(self) -> bool:
        """This vault may keep charging decisions (a prosecution vault)."""
        return self.ws.identity.regime in ChargingDecision.REGIMES

    # --- reading -------------------------------------------------------------------------------------------------

    def _matter(self, justice_contact_id: str) -> JusticeContact:
        with self.ws.session() as s:
            matter = s.get(JusticeContact, justice_contact_id)
            if matter is None or matter.deleted:
                raise ValidationError(_("That justice matter is not on this computer."), field="justice_contact_id")
            s.expunge(matter)
            return matter

    def identifications(self, person_id: str) -> list[IdentificationRef]:
        rows = self.ws.records.list_for_person("identification_decision", person_id)
        out = []
        for row in rows:
            assert isinstance(row, IdentificationDecision)
            out.append(IdentificationRef(row.id, row.decided_on, row.status, row.created_at))
        out.sort(key=lambda d: (d.decided_on, d.created_at, d.record_id), reverse=True)
        return out

    def in_force_identification(self, person_id: str, on_day: dt.date) -> IdentificationRef | None:
        """The identification decision in force on ``on_day`` (None when none was decided by then)."""
        return in_force(self.identifications(person_id), on_day)

    def screenings(self, person_id: str) -> list[ScreeningOption]:
        """The person's screenings to pick from, latest first."""
        out = []
        for row in self.ws.records.list_for_person("screening", person_id):
            assert isinstance(row, Screening)
            try:
                title = self.ws.templates.get(row.template_id, row.template_version).title
            except OfframpError:
                title = "A screening"
            on = row.screened_on or row.created_at.date()
            out.append(ScreeningOption(row.id, title, on))
        out.sort(key=lambda o: (o.screened_on or dt.date.min, o.record_id), reverse=True)
        return out

    def received(self, person_id: str) -> list[ShareOption]:
        """The advocate's input received for this person under a release, to pick from."""
        return _received_shares(self.ws, person_id)

    def decisions(self, justice_contact_id: str) -> list[ChargingRow]:
        """The matter's charging decisions: the one in force first, then the history, latest first."""
        matter = self._matter(justice_contact_id)
        person_id = matter.person_id or ""
        rows = [
            r
            for r in self.ws.records.list_for_person("charging_decision", person_id)
            if isinstance(r, ChargingDecision) and r.justice_contact_id == justice_contact_id
        ]
        revised = {r.revises_id for r in rows if r.revises_id}
        idents = {d.record_id: d for d in self.identifications(person_id)}
        screens = {o.record_id: o for o in self.screenings(person_id)}
        out = []
        for r in rows:
            out.append(
                copied(
                    ChargingRow,
                    r,
                    record_id=r.id,
                    decided_by_name=r.decided_by_name or "",
                    reason=r.reason or "",
                    informed_by=self._informed_words(r, idents, screens),
                    revised=r.id in revised,
                )
            )
        return _history_order(out)

    def _informed_words(
        self, r: ChargingDecision, idents: dict[str, IdentificationRef], screens: dict[str, ScreeningOption]
    ) -> tuple[str, ...]:
        words = []
        if r.identification_decision_id:
            ident = idents.get(r.identification_decision_id)
            words.append(ident.words if ident else _("an identification decision (no longer on this computer)"))
        if r.screening_id:
            screen = screens.get(r.screening_id)
            on = screen.screened_on if screen else None
            words.append(_("a screening on {day}").format(day=day_words(on)) if on else _("a screening"))
        if r.persons_account:
            words.append(_(PERSONS_ACCOUNT_WORDS))
        if r.disclosure_id:
            words.append(_(ADVOCATE_INPUT_WORDS))
        return tuple(words)

    def last_decider_name(self) -> str:
        """The name this user gave on their last charging decision, else on their last identification decision."""
        mine = [
            r
            for r in self._all_decisions()
            if r.decided_by == self.ws.identity.user_id and (r.decided_by_name or "").strip()
        ]
        if mine:
            return max(mine, key=lambda r: (r.created_at, r.id)).decided_by_name
        return self.ws.sessions.last_decider_name()

    def _all_decisions(self) -> list[ChargingDecision]:
        from sqlalchemy import select

        with self.ws.session() as s:
            rows = list(s.scalars(select(ChargingDecision).where(ChargingDecision.deleted.is_(False))))
            s.expunge_all()
            return rows

    def view(self, justice_contact_id: str) -> ChargingView | None:
        """What the matter's "Charging decisions" part shows; None on a vault that does not keep them."""
        if not self.allowed:
            return None
        matter = self._matter(justice_contact_id)
        person_id = matter.person_id or ""
        return ChargingView(
            person_id=person_id,
            justice_contact_id=justice_contact_id,
            decisions=tuple(self.decisions(justice_contact_id)),
            identifications=tuple(self.identifications(person_id)),
            screenings=tuple(self.screenings(person_id)),
            shares=tuple(self.received(person_id)),
            decider=self.last_decider_name(),
            today=dt.date.today(),
        )

    # --- recording -----------------------------------------------------------------------------------------------

    def record(
        self,
        justice_contact_id: str,
        *,
        decision: str,
        reason: str,
        decided_by_name: str,
        decided_on: dt.date | str | None = None,
        identification_decision_id: str | None = None,
        screening_id: str | None = None,
        persons_account: bool | None = None,
        disclosure_id: str | None = None,
        revises_id: str | None = None,
    ) -> ChargingRow:
        """Record a charging decision on a justice matter. When the matter has one in force already, the new one
        revises it (``revises_id``, given or not), and the earlier one stays as history. Returns the new decision as
        the screen shows it."""
        if not self.allowed:
            raise ValidationError(_(ONLY_PROSECUTION), field="regime")
        matter = self._matter(justice_contact_id)
        person_id = matter.person_id or ""
        if decision not in DECISION_LABELS:
            raise ValidationError(_("Please choose a decision."), field="decision")
        if not decided_by_name.strip():
            raise ValidationError(
                _("A charging decision is made by a named person: please give the name."), field="decided_by_name"
            )
        day = _day(decided_on)
        if day > dt.date.today():
            raise ValidationError(_("The date of a decision cannot be in the future."), field="decided_on")
        if not reason.strip():
            raise ValidationError(_("Please give the reason for this decision, in words."), field="reason")
        if identification_decision_id:
            self._same_person("identification_decision", identification_decision_id, person_id,
                              _("That identification decision is not this person's."))  # fmt: skip
        if screening_id:
            self._same_person("screening", screening_id, person_id, _("That screening is not this person's."))
        if disclosure_id and disclosure_id not in {s.disclosure_id for s in self.received(person_id)}:
            raise ValidationError(
                _("That input from the advocate is no longer on this computer (its release may have ended)."),
                field="disclosure_id",
            )
        rows = self.decisions(justice_contact_id)
        if not revises_id and rows and not rows[0].revised:
            revises_id = rows[0].record_id  # a later decision on the matter replaces the one in force
        if revises_id:
            earlier = {r.record_id: r for r in rows}.get(revises_id)
            if earlier is None:
                raise ValidationError(_("The decision to revise is not one of this matter's."), field="revises_id")
            if earlier.revised:
                raise ValidationError(
                    _("That decision was already revised. Please revise the decision in force."), field="revises_id"
                )
            # The decision in force is the latest by day (as measure 14 reads it): a revision is not dated before.
            if day < earlier.decided_on:
                raise ValidationError(
                    _("A revision cannot be dated before the decision it revises ({day}).").format(
                        day=day_words(earlier.decided_on)
                    ),
                    field="decided_on",
                )
        values: dict[str, Any] = {
            "justice_contact_id": justice_contact_id,
            "decided_on": day,
            "decided_by_name": decided_by_name.strip(),
            "decided_by": self.ws.identity.user_id,
            "decision": decision,
            "reason": reason.strip(),
            "identification_decision_id": identification_decision_id or None,
            "screening_id": screening_id or None,
            "persons_account": persons_account,
            "disclosure_id": disclosure_id or None,
            "revises_id": revises_id or None,
        }
        row = self.ws.records.create("charging_decision", values, person_id=person_id)
        return next(r for r in self.decisions(justice_contact_id) if r.record_id == row.id)

    def _same_person(self, record_type: str, record_id: str, person_id: str, message: str) -> None:
        field = "screening_id" if record_type == "screening" else "identification_decision_id"
        with self.ws.session() as s:
            cls: Any = IdentificationDecision if record_type == "identification_decision" else Screening
            row = s.get(cls, record_id)
            if row is None or row.deleted:
                words = (
                    _("The linked screening is not on this computer.")
                    if record_type == "screening"
                    else _("The linked identification decision is not on this computer.")
                )
                raise ValidationError(words, field=field)
            if row.person_id != person_id:
                raise ValidationError(message, field=field)


def _day(value: dt.date | str | None) -> dt.date:
    if value is None or value == "":
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            _("Please enter the date decided as a date, for example 2026-03-31."), field="decided_on"
        ) from None


__all__ = [
    "ADVOCATE_INPUT_WORDS",
    "DECISION_LABELS",
    "ONLY_PROSECUTION",
    "PERSONS_ACCOUNT_WORDS",
    "ChargingRow",
    "ChargingService",
    "ChargingView",
    "IdentificationRef",
    "ScreeningOption",
    "ShareOption",
    "in_force",
]
