"""Referrals offered to a person, their decision, the steps that follow, and the gate on sharing (DOMAIN.md 4, 7).

Offering a referral and recording the person's decision (accepted, declined, not now: each a choice) shares nothing.
*Making* it — sending the provider the person's identifying information — passes a gate first:

- the way the provider will reach the person must respect the person's safe-contact rules. A "no" blocks (mail to a
  home where mail is unsafe, a call where calls are unsafe); "nobody asked yet" only warns, because most people
  are never asked about every channel and blocking would stop help over a missing answer. A safe-contact block
  cannot be overridden: the fix is another way to connect, or asking the person again;
- a referral that shares identifying information needs a release from the person in effect on the office's day, names
  this provider, covers the information sent and the purpose. Each way it can fail has its own plain reason. A
  supervisor may override with a written reason, which is recorded on the referral and the disclosure.

Every allowed or stopped disclosure writes a :class:`~app.models.Disclosure` and an audit event (field names only).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.content.taxonomy import category_title, current_taxonomy, find_category
from app.core.consent import ConsentStatus, consent_state, kind_words
from app.core.i18n import N_, _
from app.core.office_policy import office_today
from app.core.office_policy import today as office_today_in
from app.core.providers import create_in
from app.core.row_copy import copied
from app.errors import OfframpError, ValidationError
from app.models import (
    AuditAction,
    Consent,
    DisclosureChannel,
    Person,
    Provider,
    ProviderContact,
    Referral,
    ReferralDecision,
    ReferralEvent,
    ReferralEventKind,
    ReferralOutcome,
)
from app.storage.engine import translate_errors

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: What a referral sends when nobody says otherwise: enough for the provider to reach the person.
DEFAULT_SHARING: tuple[str, ...] = ("Name",)
#: Decisions that keep a referral's follow-up alive (the caseload filter uses the same list).
OPEN_DECISIONS = (ReferralDecision.ACCEPTED.value, ReferralDecision.PENDING.value, ReferralDecision.NOT_NOW.value)

DECISION_WORDS = {
    ReferralDecision.PENDING.value: N_("The person is deciding"),
    ReferralDecision.ACCEPTED.value: N_("The person accepted"),
    ReferralDecision.DECLINED.value: N_("The person declined"),
    ReferralDecision.NOT_NOW.value: N_("Not now, by the person's choice"),
}
CONTACT_WORDS = {
    ProviderContact.WARM_HANDOFF.value: N_("Warm handoff, with the advocate present"),
    ProviderContact.PERSON_CONTACTS_PROVIDER.value: N_("The person gets in touch with the provider"),
    ProviderContact.CALL_PERSON.value: N_("The provider calls the person"),
    ProviderContact.TEXT_PERSON.value: N_("The provider texts the person"),
    ProviderContact.MAIL_TO_PERSON.value: N_("The provider sends the person a letter"),
    ProviderContact.MESSAGE_FOR_PERSON.value: N_("The provider leaves the person a message"),
}
EVENT_WORDS = {
    ReferralEventKind.MADE.value: N_("Referral made"),
    ReferralEventKind.ACCEPTED_BY_PROVIDER.value: N_("Provider confirmed a place"),
    ReferralEventKind.FIRST_SERVICE_CONFIRMED.value: N_("First service confirmed"),
    ReferralEventKind.FOLLOW_UP_DONE.value: N_("Follow-up done"),
    ReferralEventKind.CLOSED.value: N_("Referral closed"),
}
OUTCOME_WORDS = {
    ReferralOutcome.OPEN.value: N_("Open"),
    ReferralOutcome.SERVED.value: N_("Served"),
    ReferralOutcome.NOT_SERVED.value: N_("Not served"),
    ReferralOutcome.CLOSED.value: N_("Closed"),
}

#: The bundled category list's titles (app/content/bundled/taxonomy), marked for the catalogue so that they show in
#: the app's language; an office's own list shows as it is written.
BUNDLED_CATEGORY_TITLES: tuple[str, ...] = (
    N_("Case management and advocacy"),
    N_("Crisis intervention"),
    N_("Emergency shelter"),
    N_("Transitional housing"),
    N_("Housing and rental assistance"),
    N_("Basic necessities (food, clothing, hygiene, phone)"),
    N_("Financial assistance, public benefits and crime-victim compensation"),
    N_("Medical care"),
    N_("Dental care"),
    N_("Mental health support"),
    N_("Substance use treatment and harm reduction"),
    N_("Support group or survivor-led peer support"),
    N_("Legal help: criminal-record relief"),
    N_("Legal help: immigration (T visa, U visa, Continued Presence, SIJS)"),
    N_("Legal help: other civil (family, protection orders, labor, credit and identity)"),
    N_("Criminal-justice advocacy and court accompaniment"),
    N_("Interpretation and translation"),
    N_("Transportation"),
    N_("Education (ESL, GED, college)"),
    N_("Employment and job training"),
    N_("Childcare"),
    N_("Replacing identity documents"),
    N_("Life skills and financial literacy"),
    N_("Family reunification"),
    N_("Other"),
)


def category_words(title: str) -> str:
    """A category's title in the app's language, when the catalogue has it (the bundled list's do)."""
    return _(title) if title else title


#: The person's safe-contact flag each way of connecting depends on, with the sentences said when the person said
#: no (a block) and when nobody asked yet (a warning): whole sentences per way, so each language words them its way.
_CONTACT_FLAGS = {
    ProviderContact.CALL_PERSON.value: (
        "safe_to_call",
        N_(
            "This person has said calls are not safe for them, so a call from the provider could put them at risk. "
            "Choose another way to connect, such as a warm handoff or the person getting in touch themselves."
        ),
        N_(
            "Nobody has asked this person yet whether calls are safe. Please ask them before the provider sends a call."
        ),
    ),
    ProviderContact.TEXT_PERSON.value: (
        "safe_to_text",
        N_(
            "This person has said texts are not safe for them, so a text from the provider could put them at risk. "
            "Choose another way to connect, such as a warm handoff or the person getting in touch themselves."
        ),
        N_(
            "Nobody has asked this person yet whether texts are safe. Please ask them before the provider sends a text."
        ),
    ),
    ProviderContact.MAIL_TO_PERSON.value: (
        "safe_to_send_mail",
        N_(
            "This person has said mail is not safe for them, so a letter from the provider could put them at risk. "
            "Choose another way to connect, such as a warm handoff or the person getting in touch themselves."
        ),
        N_(
            "Nobody has asked this person yet whether mail is safe. Please ask them before the provider sends a letter."
        ),
    ),
    ProviderContact.MESSAGE_FOR_PERSON.value: (
        "safe_to_leave_message",
        N_(
            "This person has said messages are not safe for them, so a message from the provider could put them at "
            "risk. Choose another way to connect, such as a warm handoff or the person getting in touch themselves."
        ),
        N_(
            "Nobody has asked this person yet whether messages are safe. Please ask them before the provider sends "
            "a message."
        ),
    ),
}


#: The person's safe-contact flags, by name: True safe, False not safe, None nobody asked yet.
ContactFlags = Mapping[str, bool | None]


@dataclass(frozen=True)
class ContactConcern:
    """What the person said about a way the provider would reach them. ``unsafe``: they said no (a block);
    otherwise nobody has asked yet (a warning)."""

    unsafe: bool
    words: str


def contact_concern(contact: str | None, flags: ContactFlags) -> ContactConcern | None:
    """The person's own rule about this way of connecting, in one sentence; None when it is safe or needs no
    channel of theirs (a warm handoff, the person getting in touch). The form shows it as soon as the way is
    chosen, and the gate uses the same sentence to stop or warn."""
    if contact not in _CONTACT_FLAGS:
        return None
    flag_name, unsafe, unasked = _CONTACT_FLAGS[contact]
    flag = flags.get(flag_name)
    if flag is False:
        return ContactConcern(True, _(unsafe))
    if flag is None:
        return ContactConcern(False, _(unasked))
    return None


def _flags_of(person: Person) -> dict[str, bool | None]:
    return {name: getattr(person, name) for name, _unsafe, _unasked in _CONTACT_FLAGS.values()}


class Block(enum.StrEnum):
    """Why making a referral is stopped. Each has its own sentence (:data:`BLOCK_WORDS`)."""

    NO_CONSENT = "no_consent"
    EXPIRED = "expired"
    REVOKED = "revoked"
    NOT_STARTED = "not_started"
    OTHER_RECIPIENT = "other_recipient"
    DATA_NOT_COVERED = "data_not_covered"
    PURPOSE_NOT_COVERED = "purpose_not_covered"
    NO_RECIPIENT = "no_recipient"
    CONTACT_UNSAFE = "contact_unsafe"


#: A release that is not in force today: what blocks the referral, and why (the day read from the release's field).
_RELEASE_NOT_LIVE: dict[ConsentStatus, tuple[Block, str, str]] = {
    ConsentStatus.REVOKED: (
        Block.REVOKED,
        N_("The person withdrew their release for {recipient} on {day}, so nothing more may be shared with them."),
        "revoked_on",
    ),
    ConsentStatus.EXPIRED: (
        Block.EXPIRED,
        N_("The release for {recipient} ended on {day}. Ask the person whether they want to give a new one."),
        "expires_on",
    ),
    ConsentStatus.NOT_STARTED: (
        Block.NOT_STARTED,
        N_("The release for {recipient} starts on {day}; nothing may be shared before then."),
        "starts_on",
    ),
}

#: Blocks a supervisor may override with a reason. An unsafe way of contact is the person's own rule: never.
OVERRIDABLE = frozenset(set(Block) - {Block.CONTACT_UNSAFE, Block.NO_RECIPIENT})

_HELP_WITHOUT = N_(
    "The person can still be helped: give them the provider's details to get in touch themselves, or record a "
    "release if they choose to give one."
)


@dataclass(frozen=True)
class Gate:
    """The answer to "may this referral be made now?"."""

    allowed: bool
    blocks: tuple[Block, ...] = ()
    #: One plain sentence per block, in the same order.
    reasons: tuple[str, ...] = ()
    #: Things to check that do not stop it ("nobody has asked yet whether mail is safe").
    warnings: tuple[str, ...] = ()
    #: The release that allows it, when one does.
    consent_id: str | None = None
    recipient: str | None = None

    @property
    def overridable(self) -> bool:
        return not self.allowed and all(b in OVERRIDABLE for b in self.blocks)

    @property
    def message(self) -> str:
        return " ".join(self.reasons)


class ReferralBlocked(OfframpError):
    """Making the referral was stopped; ``gate`` says why. The stopped disclosure was recorded."""

    code = "referral_blocked"

    def __init__(self, gate: Gate) -> None:
        super().__init__(gate.message)
        self.gate = gate


@dataclass(frozen=True)
class EventRow:
    id: str
    kind: str
    occurred_on: dt.date
    note: str | None

    @property
    def words(self) -> str:
        words = EVENT_WORDS.get(self.kind)
        return _(words) if words else self.kind.replace("_", " ")


@dataclass(frozen=True)
class ReferralRow:
    id: str
    category: str
    category_title: str
    provider_id: str | None
    provider_name: str | None
    offered_on: dt.date
    decision: str | None
    shares_identifying: bool
    provider_contact: str | None
    follow_up_due: dt.date | None
    outcome: str | None
    consent_id: str | None
    override_reason: str | None
    events: list[EventRow] = field(default_factory=list)

    @property
    def made(self) -> bool:
        return any(e.kind == ReferralEventKind.MADE.value for e in self.events)

    @property
    def is_open(self) -> bool:
        return self.outcome in (None, ReferralOutcome.OPEN.value) and (self.decision in (None, *OPEN_DECISIONS))


@dataclass(frozen=True)
class FollowUpRow:
    """One referral whose follow-up is due: the person it belongs to and what to follow up."""

    referral_id: str
    person_id: str
    person_name: str
    category_title: str
    provider_name: str | None
    due: dt.date
    days_late: int


def follow_up_due_clauses(today: dt.date) -> list[Any]:
    """The "follow-up due" rule, in one place: a date on or before today, the referral still open, and the person's
    decision one that keeps it alive (accepted, deciding, not now). The caseload filter applies the same rule."""
    return [
        Referral.deleted.is_(False),
        Referral.follow_up_due.is_not(None),
        Referral.follow_up_due <= today,
        or_(Referral.outcome.is_(None), Referral.outcome == ReferralOutcome.OPEN.value),
        or_(Referral.decision.is_(None), Referral.decision.in_(OPEN_DECISIONS)),
    ]


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("-", " ").split())


def purpose_covers(consent_purpose: str, category: str, version: str | None = None) -> bool:
    """A release's purpose covers a referral when it speaks of referrals in general or names this kind of help.

    Purposes are the person's own words, so this reads them generously: "referral", "refer", or the category's
    title or code. Anything else (say, "court updates") does not cover a referral.
    """
    purpose = _norm(consent_purpose)
    if "referral" in purpose or "refer " in f"{purpose} ":
        return True
    title = _norm(category_title(category, version))
    return bool(title and title in purpose) or _norm(category.replace("_", " ")) in purpose


def _covers(data_covered: Sequence[str], sharing: Sequence[str]) -> list[str]:
    """What is to be shared that the release does not cover (empty when it covers it all)."""
    covered = {_norm(d) for d in data_covered}
    return [item for item in sharing if _norm(item) not in covered]


class ReferralService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # --- reading -----------------------------------------------------------------------------------------------

    def list_for_person(self, person_id: str) -> list[ReferralRow]:
        """The person's referrals, newest offer first, each with its steps in date order."""
        with self.ws.session() as s:
            refs = list(
                s.execute(
                    select(Referral, Provider.name)
                    .outerjoin(Provider, Provider.id == Referral.provider_id)
                    .where(Referral.person_id == person_id, Referral.deleted.is_(False))
                )
            )
            events = list(
                s.scalars(
                    select(ReferralEvent)
                    .where(ReferralEvent.person_id == person_id, ReferralEvent.deleted.is_(False))
                    .order_by(ReferralEvent.occurred_on, ReferralEvent.created_at)
                )
            )
            by_referral: dict[str, list[EventRow]] = {}
            for e in events:
                by_referral.setdefault(e.referral_id, []).append(EventRow(e.id, e.kind, e.occurred_on, e.note))
            rows = [
                copied(
                    ReferralRow,
                    r,
                    category_title=category_words(category_title(r.category, r.taxonomy_version)),
                    provider_name=name,
                    shares_identifying=bool(r.shares_identifying),
                    events=by_referral.get(r.id, []),
                )
                for r, name in refs
            ]
        rows.sort(key=lambda r: (r.offered_on, r.id), reverse=True)
        return rows

    def follow_ups_due(self, today: dt.date | None = None, *, limit: int = 500) -> list[FollowUpRow]:
        """Across the caseload: referrals whose follow-up is due today or earlier and still open, oldest first."""
        today = today or dt.date.today()
        with self.ws.session() as s:
            q = (
                select(
                    Referral.id,
                    Referral.person_id,
                    Person.preferred_name,
                    Referral.category,
                    Referral.taxonomy_version,
                    Provider.name,
                    Referral.follow_up_due,
                )
                .join(Person, Person.id == Referral.person_id)
                .outerjoin(Provider, Provider.id == Referral.provider_id)
                .where(*follow_up_due_clauses(today), Person.deleted.is_(False))
                .order_by(Referral.follow_up_due, Person.preferred_name, Referral.id)
                .limit(limit)
            )
            found = list(s.execute(q))
        return [
            FollowUpRow(rid, pid, name, category_words(category_title(cat, version)), provider, due, (today - due).days)
            for rid, pid, name, cat, version, provider, due in found
            if due is not None and pid is not None
        ]

    # --- offering and deciding -----------------------------------------------------------------------------------

    def save(self, person_id: str, referral_id: str | None, values: Mapping[str, Any]) -> str:
        """Offer a referral (``referral_id`` None) or change its details and the person's decision. Shares nothing."""
        values = dict(values)
        if referral_id is None:
            category = str(values.get("category") or "").strip()
            if not category:
                raise ValidationError(_("Please choose the kind of help."), field="category")
            known = find_category(category, current_taxonomy().version)
            if known is None:
                raise ValidationError(_("That kind of help is not in the category list."), field="category")
            values.setdefault("taxonomy_version", current_taxonomy().version)
            values.setdefault("offered_on", dt.date.today())
            values.setdefault("decision", ReferralDecision.PENDING.value)
            values.setdefault("outcome", ReferralOutcome.OPEN.value)
            return self.ws.records.create("referral", values, person_id=person_id).id
        for frozen in ("consent_id", "override_reason", "override_by"):
            values.pop(frozen, None)  # set only by making a referral through the gate
        if "provider_contact" in values:
            self._check_contact_change(referral_id, values["provider_contact"])
        self.ws.records.update("referral", referral_id, values)
        return referral_id

    def _check_contact_change(self, referral_id: str, contact: str | None) -> None:
        """The way to connect may change until the referral is made (say, after the gate stopped a call the
        person said is unsafe); once made, the provider already has it, so it stays as it was sent."""
        with self.ws.session() as s:
            referral = s.get(Referral, referral_id)
            if referral is None or referral.deleted or referral.provider_contact == contact:
                return
            made = s.scalar(
                select(ReferralEvent.id).where(
                    ReferralEvent.referral_id == referral_id,
                    ReferralEvent.kind == ReferralEventKind.MADE.value,
                    ReferralEvent.deleted.is_(False),
                )
            )
        if made is not None:
            raise ValidationError(
                _(
                    "This referral is already made, so the way to connect stays as it was sent. Offer a new "
                    "referral to connect another way."
                ),
                field="provider_contact",
            )

    def contact_flags(self, person_id: str) -> dict[str, bool | None]:
        """The person's safe-contact flags the ways of connecting depend on (for the form's warning)."""
        with self.ws.session() as s:
            person = s.get(Person, person_id)
            if person is None or person.deleted:
                return {}
            return _flags_of(person)

    def add_event(self, referral_id: str, kind: str, on: dt.date | None = None, note: str | None = None) -> str:
        """A later step: provider accepted, first service confirmed, follow-up done, closed (made goes through
        :meth:`make`). Closing sets the outcome to closed unless it says served or not served."""
        if kind == ReferralEventKind.MADE.value:
            raise ValidationError("A referral is made with “Make the referral”, which checks the release first.")
        referral = self.ws.records.get("referral", referral_id)
        assert isinstance(referral, Referral)
        day = on or dt.date.today()
        if isinstance(day, dt.date) and day < referral.offered_on:
            raise ValidationError("A step cannot be dated before the referral was offered.", field="occurred_on")
        event_id = self.ws.records.create(
            "referral_event",
            {"referral_id": referral_id, "kind": kind, "occurred_on": day, "note": note},
            person_id=referral.person_id,
        ).id
        if kind == ReferralEventKind.CLOSED.value and referral.outcome in (None, ReferralOutcome.OPEN.value):
            self.ws.records.update("referral", referral_id, {"outcome": ReferralOutcome.CLOSED.value})
        if kind == ReferralEventKind.FIRST_SERVICE_CONFIRMED.value and referral.outcome in (None, "open"):
            self.ws.records.update("referral", referral_id, {"outcome": ReferralOutcome.SERVED.value})
        return event_id

    # --- the gate ------------------------------------------------------------------------------------------------

    def check(
        self,
        referral_id: str,
        *,
        sharing: Sequence[str] = DEFAULT_SHARING,
        consent_id: str | None = None,
        today: dt.date | None = None,
    ) -> Gate:
        """May this referral be made now? Reads only; records nothing."""
        with self.ws.session() as s:
            referral = s.get(Referral, referral_id)
            if referral is None or referral.deleted:
                raise OfframpError(_("That referral is not on this computer."))
            return self._check(s, referral, sharing, consent_id, today or office_today_in(s))

    def _check(
        self, s: Session, referral: Referral, sharing: Sequence[str], consent_id: str | None, today: dt.date
    ) -> Gate:
        person = s.get(Person, referral.person_id)
        provider = s.get(Provider, referral.provider_id) if referral.provider_id else None
        recipient = provider.name if provider is not None else None
        blocks: list[tuple[Block, str]] = []
        warnings: list[str] = []

        if person is not None:
            concern = contact_concern(referral.provider_contact, _flags_of(person))
            if concern is not None and concern.unsafe:
                blocks.append((Block.CONTACT_UNSAFE, concern.words))
            elif concern is not None:
                warnings.append(concern.words)

        if not referral.shares_identifying:
            return self._gate(blocks, warnings, None, recipient)
        if provider is None:
            blocks.append(
                (
                    Block.NO_RECIPIENT,
                    _("Choose the provider first: a release names who may receive the person's information."),
                )
            )
            return self._gate(blocks, warnings, None, recipient)

        consents = [
            c
            for c in s.scalars(
                select(Consent).where(Consent.person_id == referral.person_id, Consent.deleted.is_(False))
            )
        ]
        if consent_id:
            consents = [c for c in consents if c.id == consent_id]
            if not consents:
                raise ValidationError(_("That release is not one of this person's."), field="consent_id")
        if not consents:
            blocks.append(
                (
                    Block.NO_CONSENT,
                    _(
                        "This referral shares the person's identifying information, and there is no release from them "
                        "to share it. {help}"
                    ).format(help=_(_HELP_WITHOUT)),
                )
            )
            return self._gate(blocks, warnings, None, recipient)

        def for_this_provider(c: Consent) -> bool:
            if c.recipient_provider_id:
                return c.recipient_provider_id == provider.id
            return _norm(c.recipient) == _norm(provider.name)

        mine = [c for c in consents if for_this_provider(c)]
        if not mine:
            others = sorted({c.recipient for c in consents})
            shown = (
                ", ".join(others[:3])
                if len(others) <= 3
                else _("{names} and others").format(names=", ".join(others[:3]))
            )
            blocks.append(
                (
                    Block.OTHER_RECIPIENT,
                    _("The person's release is for another recipient ({shown}), not {provider}. {help}").format(
                        shown=shown, provider=provider.name, help=_(_HELP_WITHOUT)
                    ),
                )
            )
            return self._gate(blocks, warnings, None, recipient)

        # The best release for this provider: one that allows it, else the newest, whose reason is then given.
        reasons_by_consent: list[tuple[Consent, list[tuple[Block, str]]]] = []
        for c in sorted(mine, key=lambda c: (c.starts_on, c.created_at), reverse=True):
            found: list[tuple[Block, str]] = []
            state = consent_state(c.starts_on, c.expires_on, c.revoked_on, today)
            stopped = _RELEASE_NOT_LIVE.get(state.status)
            if stopped is not None:
                block, words, day_of = stopped
                found.append((block, _(words).format(recipient=c.recipient, day=_day(getattr(c, day_of)))))
            else:
                missing = _covers(c.data_covered or [], sharing)
                if missing:
                    found.append(
                        (
                            Block.DATA_NOT_COVERED,
                            _("The release does not cover {missing}: it covers only {covered}.").format(
                                missing=", ".join(kind_words(m).lower() for m in missing),
                                covered=", ".join(kind_words(d).lower() for d in c.data_covered) or _("nothing"),
                            ),
                        )
                    )
                if not purpose_covers(c.purpose, referral.category, referral.taxonomy_version):
                    title = category_words(category_title(referral.category, referral.taxonomy_version)).lower()
                    found.append(
                        (
                            Block.PURPOSE_NOT_COVERED,
                            _("The release's purpose (“{purpose}”) does not cover a referral for {title}.").format(
                                purpose=c.purpose, title=title
                            ),
                        )
                    )
            if not found:
                return self._gate(blocks, warnings, c.id, recipient)
            reasons_by_consent.append((c, found))
        newest, found = reasons_by_consent[0]
        blocks.extend(found)
        return self._gate(blocks, warnings, newest.id if consent_id else None, recipient)

    @staticmethod
    def _gate(
        blocks: list[tuple[Block, str]], warnings: list[str], consent_id: str | None, recipient: str | None
    ) -> Gate:
        return Gate(
            allowed=not blocks,
            blocks=tuple(b for b, _ in blocks),
            reasons=tuple(r for _, r in blocks),
            warnings=tuple(warnings),
            consent_id=consent_id if not blocks else None,
            recipient=recipient,
        )

    # --- making ------------------------------------------------------------------------------------------------

    def make(
        self,
        referral_id: str,
        *,
        sharing: Sequence[str] = DEFAULT_SHARING,
        consent_id: str | None = None,
        override_reason: str | None = None,
        approved_by: str | None = None,
        on: dt.date | None = None,
        note: str | None = None,
    ) -> Gate:
        """Make the referral: check the gate, then record the disclosure, the "made" step and the release used.

        Stopped: the stopped disclosure is recorded and audited, then :class:`ReferralBlocked` is raised. A
        supervisor's override (``override_reason``, and who approved it) lets through what :attr:`Gate.overridable`
        allows, and is recorded on the referral and the disclosure.
        """
        # The release is judged on the office's day, as the office server will judge the disclosure it records.
        today = on or office_today(self.ws)
        sharing = [item.strip() for item in sharing if item.strip()] or list(DEFAULT_SHARING)
        override = (override_reason or "").strip()
        if override_reason is not None and not override:
            raise ValidationError(_("An override needs the reason, in a sentence."), field="override_reason")
        if override and not (approved_by or "").strip():
            raise ValidationError(_("Please give the name of the supervisor who approved it."), field="approved_by")
        with translate_errors(), self.ws.session() as s, s.begin():
            referral = s.get(Referral, referral_id)
            if referral is None or referral.deleted:
                raise OfframpError(_("That referral is not on this computer."))
            if referral.decision != ReferralDecision.ACCEPTED.value:
                raise ValidationError(
                    _(
                        "A referral is made only when the person has accepted it. Their decision is theirs: record "
                        "it first."
                    ),
                    field="decision",
                )
            gate = self._check(s, referral, sharing, consent_id, today)
            overridden = bool(override) and gate.overridable
            if not gate.allowed and not overridden:
                if referral.shares_identifying and Block.CONTACT_UNSAFE not in gate.blocks:
                    self._disclosure(s, referral, gate, sharing, today, allowed=False)
                else:
                    self.ws.audit(
                        s,
                        "referral_blocked",
                        record_type="referral",
                        record_id=referral.id,
                        person_id=referral.person_id,
                        fields=["provider_contact"],
                    )
                blocked = gate
            else:
                blocked = None
                reason = f"{override} (approved by {approved_by.strip()})" if overridden and approved_by else None
                if referral.shares_identifying:
                    self._disclosure(s, referral, gate, sharing, today, allowed=True, override=reason)
                changes: dict[str, Any] = {"consent_id": gate.consent_id}
                if reason:
                    changes |= {"override_reason": reason, "override_by": self.ws.identity.user_id}
                self._update_in(s, referral, changes)
                create_in(
                    self.ws,
                    s,
                    "referral_event",
                    {"referral_id": referral.id, "kind": "made", "occurred_on": today, "note": note},
                    person_id=referral.person_id,
                )
        if blocked is not None:
            raise ReferralBlocked(blocked)
        return gate

    def _disclosure(
        self,
        s: Session,
        referral: Referral,
        gate: Gate,
        sharing: Sequence[str],
        today: dt.date,
        *,
        allowed: bool,
        override: str | None = None,
    ) -> None:
        title = category_title(referral.category, referral.taxonomy_version)
        obj = create_in(
            self.ws,
            s,
            "disclosure",
            {
                "recipient": gate.recipient or "No provider chosen",
                # What would leave, by kind ("Name, Phone number"): never the values themselves.
                "facts": ", ".join(sharing),
                "purpose": f"Referral for {title.lower()}",
                "disclosed_on": today,
                "channel": DisclosureChannel.SHARE.value,
                "allowed": allowed,
                "override_reason": override,
                "consent_id": gate.consent_id if allowed else None,
            },
            person_id=referral.person_id,
        )
        action = AuditAction.DISCLOSURE_ALLOWED if allowed else AuditAction.DISCLOSURE_BLOCKED
        fields = sorted(["recipient", "facts", "purpose", *(["override_reason"] if override else [])])
        self.ws.audit(
            s, action.value, record_type="disclosure", record_id=obj.id, person_id=referral.person_id, fields=fields
        )

    def _update_in(self, s: Session, referral: Referral, changes: Mapping[str, Any]) -> None:
        self.ws.records.update_in(s, referral, changes)


def _day(value: dt.date | None) -> str:
    from app.core.timeline import day_words

    return day_words(value) if value else _("an unknown date")


__all__ = [
    "BUNDLED_CATEGORY_TITLES",
    "CONTACT_WORDS",
    "DECISION_WORDS",
    "DEFAULT_SHARING",
    "EVENT_WORDS",
    "OUTCOME_WORDS",
    "Block",
    "ContactConcern",
    "EventRow",
    "FollowUpRow",
    "Gate",
    "ReferralBlocked",
    "ReferralRow",
    "ReferralService",
    "category_words",
    "contact_concern",
    "follow_up_due_clauses",
    "purpose_covers",
]
