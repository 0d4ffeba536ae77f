"""Safety plans: the person's own choices about each part of the plan, kept as dated revisions (DOMAIN.md section 3).

The plan belongs to the person. Each part (danger now, the trafficker's access, phone, safe contacts, places, papers,
money, children, health, leaving, after leaving, court days) holds what the person chose — chosen, declined or not
now — in their own words. Nothing they chose is ever overwritten: a change is a new dated
:class:`~app.models.SafetyPlanItem` whose ``revises_id`` points at the one it revises, so the current plan shows the
newest revision of each part and the history keeps every one. Changes to the plan's own answers (the choice to plan
at all, leaving, "Do you feel in danger?") are kept the same way, as signed dated notes on the plan.

"Not ready to leave" is a complete plan: completeness never asks for a leaving plan. Place fields warn (never block)
when the text looks like a shelter's street address or holds one of the person's code words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.core.i18n import N_, _
from app.core.records import columns_of
from app.core.row_copy import copied
from app.core.timeline import day_words
from app.core.workspace import Workspace
from app.errors import ValidationError
from app.models import (
    DangerNow,
    LeavingIntent,
    NoteEntry,
    PlanComponent,
    PlanStatus,
    SafeContact,
    SafetyPlan,
    SafetyPlanItem,
    SurvivorChoice,
)
from app.models.base import utcnow

__all__ = [
    "CHOICE_LABELS",
    "COMPONENTS",
    "DANGER_LABELS",
    "LEAVING_LABELS",
    "PERSONS_OWN_DETAILS",
    "PLACE_COMPONENTS",
    "PLAN_CHOICE_LABELS",
    "ComponentInfo",
    "ComponentView",
    "ContactInfo",
    "ItemRevision",
    "PlanInfo",
    "PlanNote",
    "PlanView",
    "SafetyService",
    "looks_like_street_address",
    "place_warnings",
]


# --- words ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComponentInfo:
    key: str
    title: str
    #: A gentle prompt for the conversation, never a demand.
    prompt: str


COMPONENTS: tuple[ComponentInfo, ...] = (
    ComponentInfo(
        PlanComponent.DANGER_NOW,
        N_("Danger now"),
        N_("Do you feel in danger? Any threats, weapons, or things getting worse?"),
    ),
    ComponentInfo(
        PlanComponent.TRAFFICKER_ACCESS,
        N_("Trafficker's access"),
        N_("Where the person lives and works, who knows court dates, who controls transport."),
    ),
    ComponentInfo(
        PlanComponent.PHONE_TECHNOLOGY,
        N_("Phone and technology"),
        N_("Who holds or pays for the phone, location sharing, accounts someone watches, numbers on paper."),
    ),
    ComponentInfo(
        PlanComponent.SAFE_CONTACTS,
        N_("Safe contacts and code words"),
        N_("People the person trusts, a word for “safe to talk”, one for “not safe”, and what each does."),
    ),
    ComponentInfo(
        PlanComponent.SAFE_PLACES,
        N_("Safe places"),
        N_("Places the person can go, by a name or code only — never a shelter's street address."),
    ),
    ComponentInfo(
        PlanComponent.DOCUMENTS,
        N_("Documents"),
        N_(
            "ID, birth certificate, Social Security card, passport and immigration papers, court papers: "
            "who holds them, where copies are, how to replace them."
        ),
    ),
    ComponentInfo(
        PlanComponent.MONEY,
        N_("Money"),
        N_("Access to money, a little set aside, cards someone else controls."),
    ),
    ComponentInfo(
        PlanComponent.CHILDREN,
        N_("Children"),
        N_("Who may collect the children, school, custody, how the children can call for help."),
    ),
    ComponentInfo(
        PlanComponent.HEALTH,
        N_("Health"),
        N_("Medications, health care, substance use, what would help."),
    ),
    ComponentInfo(
        PlanComponent.LEAVING_PLAN,
        N_("Leaving plan"),
        N_("Only if and when the person wants it: when they are alone, route, transport, what to take."),
    ),
    ComponentInfo(
        PlanComponent.AFTER_LEAVING,
        N_("After leaving"),
        N_("Routines to change, who to tell, release notification."),
    ),
    ComponentInfo(
        PlanComponent.COURT_DAY,
        N_("Court-day safety"),
        N_("Getting to and from court, waiting apart, who will be there."),
    ),
)
COMPONENT_BY_KEY: dict[str, ComponentInfo] = {c.key: c for c in COMPONENTS}

CHOICE_LABELS: dict[str, str] = {
    SurvivorChoice.CHOSEN: N_("Chosen"),
    SurvivorChoice.DECLINED: N_("Declined"),
    SurvivorChoice.NOT_NOW: N_("Not now"),
}
LEAVING_LABELS: dict[str, str] = {
    LeavingIntent.NOT_READY: N_("Not ready to leave"),
    LeavingIntent.PLANNING: N_("Planning to leave"),
    LeavingIntent.LEFT: N_("Has left"),
    LeavingIntent.NOT_ASKED: N_("Not asked yet"),
}
DANGER_LABELS: dict[str, str] = {
    DangerNow.YES: N_("Yes"),
    DangerNow.NO: N_("No"),
    DangerNow.UNSURE: N_("Unsure"),
    DangerNow.DECLINED: N_("Declined to answer"),
    DangerNow.NOT_ASKED: N_("Not asked yet"),
}
PLAN_CHOICE_LABELS: dict[str, str] = {
    SurvivorChoice.CHOSEN: N_("Chose to plan"),
    SurvivorChoice.DECLINED: N_("Declined"),
    SurvivorChoice.NOT_NOW: N_("Not now"),
}

#: Parts of the plan whose text names places: these get the address and code-word warnings.
PLACE_COMPONENTS = frozenset({PlanComponent.SAFE_PLACES, PlanComponent.LEAVING_PLAN, PlanComponent.AFTER_LEAVING})
#: Parts whose "details" are the person's own list (places by a name or code they will recognise), so the person's
#: copy prints them. Everywhere else "details" are the advocate's own notes ("weapon in vehicle"), never printed.
PERSONS_OWN_DETAILS = frozenset({PlanComponent.SAFE_PLACES})
#: Parts a person who is not ready to leave is never asked to complete.
LEAVING_COMPONENTS = frozenset({PlanComponent.LEAVING_PLAN, PlanComponent.AFTER_LEAVING})

#: Plan fields that are the person's own answers: a change to one is kept as a dated note, never lost.
_PLAN_ANSWERS: dict[str, tuple[str, dict[str, str]]] = {
    "survivor_choice": ("the choice to plan", PLAN_CHOICE_LABELS),
    "leaving_intent": ("leaving", LEAVING_LABELS),
    "danger_now": ("“Do you feel in danger?”", DANGER_LABELS),
}
PLAN_FIELDS: tuple[str, ...] = tuple(columns_of(SafetyPlan))
CONTACT_FIELDS: tuple[str, ...] = ("name", "relationship", "phone", "safe_word", "unsafe_word", "action_on_unsafe")


# --- warnings on place fields ---------------------------------------------------------------------------------

# A street word that is almost never anything else: "12 elm street" warns even in small letters.
_CLEAR_STREET = r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|highway|hwy|parkway|pkwy)"
# Words that are also everyday words ("2 hours before court", "3 blocks from her place"): only after a capitalised
# street name ("5 Oak Court", "9 Birch Way").
_SHARED_STREET = r"(?:Court|Ct|Drive|Dr|Way|Place|Pl|Terrace|Ter|Circle|Cir|Square|Sq|Row|Alley)"
_NUMBER = r"\b\d{1,6}[A-Za-z]?(?:-\d{1,4})?"
_DIRECTION = r"(?:(?:[NSEW]|North|South|East|West)\.?\s+)?"
_ADDRESS_CLEAR = re.compile(
    _NUMBER + r"\s+" + _DIRECTION + r"(?:[\w'.-]+\s+){1,3}" + _CLEAR_STREET + r"\b\.?", re.IGNORECASE
)
_ADDRESS_SHARED = re.compile(
    _NUMBER + r"\s+" + _DIRECTION + r"(?:(?:[A-Z][\w'.-]*|\d+(?:st|nd|rd|th))\s+){1,3}" + _SHARED_STREET + r"\b\.?"
)

ADDRESS_WARNING = N_(
    "This looks like a street address. A shelter's address written down can be found and put people in danger: "
    "please use a name or a code the person will recognize instead."
)


def looks_like_street_address(text: str) -> bool:
    """True when ``text`` holds something shaped like a street address (a number, then a street name and word)."""
    return bool(_ADDRESS_CLEAR.search(text) or _ADDRESS_SHARED.search(text))


def _code_word_found(text: str, word: str) -> bool:
    word = word.strip()
    if not word:
        return False
    return re.search(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text, re.IGNORECASE) is not None


def code_word_warning(word: str) -> str:
    """The warning for a place field holding a code word verbatim, in the app's language."""
    return _(
        "This holds the code word “{word}”. Anyone who reads it could learn what the word means: "
        "please describe the place by a name or code that does not use a code word."
    ).format(word=word)


def place_warnings(text: str | None, code_words: Iterable[str] = ()) -> list[str]:
    """Plain warnings (never blocks) for a place field, in the app's language: a street address, or a verbatim code
    word."""
    if not text or not text.strip():
        return []
    warnings: list[str] = []
    if looks_like_street_address(text):
        warnings.append(_(ADDRESS_WARNING))
    seen: set[str] = set()
    for word in code_words:
        key = word.strip().casefold()
        if key and key not in seen and _code_word_found(text, word):
            seen.add(key)
            warnings.append(code_word_warning(word.strip()))
    return warnings


# --- values the service hands out -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanInfo:
    id: str
    person_id: str
    offered_on: dt.date | None
    survivor_choice: str | None
    started_on: dt.date | None
    review_due: dt.date | None
    leaving_intent: str | None
    danger_now: str | None
    status: str | None
    danger_assessment_on: dt.date | None = None
    danger_assessment_level: str | None = None
    danger_assessment_scorer: str | None = None

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in PLAN_FIELDS}


@dataclass(frozen=True)
class ItemRevision:
    id: str
    component: str
    survivor_choice: str | None
    survivor_words: str | None
    details: str | None
    recorded_on: dt.date | None
    revises_id: str | None
    created_at: dt.datetime

    @property
    def choice_label(self) -> str:
        return CHOICE_LABELS.get(self.survivor_choice or "", "Not recorded")

    @property
    def day(self) -> dt.date:
        return self.recorded_on or self.created_at.astimezone().date()


@dataclass(frozen=True)
class ComponentView:
    info: ComponentInfo
    #: The newest revision, or None when nothing has been recorded for this part.
    current: ItemRevision | None
    #: Every revision, newest first (the current one included).
    revisions: tuple[ItemRevision, ...] = ()

    @property
    def key(self) -> str:
        return self.info.key

    @property
    def earlier(self) -> tuple[ItemRevision, ...]:
        return self.revisions[1:]


@dataclass(frozen=True)
class ContactInfo:
    id: str
    name: str
    relationship: str | None
    phone: str | None
    safe_word: str | None
    unsafe_word: str | None
    action_on_unsafe: str | None

    def values(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in CONTACT_FIELDS}


@dataclass(frozen=True)
class PlanNote:
    """A dated line of the plan's own history ("Changed on 4 Mar 2026: leaving was … now …")."""

    written_at: dt.datetime
    text: str


@dataclass(frozen=True)
class PlanView:
    """One person's plan as the section and the person's copy show it."""

    plan: PlanInfo
    components: tuple[ComponentView, ...]
    contacts: tuple[ContactInfo, ...]
    notes: tuple[PlanNote, ...] = ()
    today: dt.date = field(default_factory=dt.date.today)

    def component(self, key: str) -> ComponentView:
        return next(c for c in self.components if c.key == key)

    @property
    def code_words(self) -> list[str]:
        return [w for c in self.contacts for w in (c.safe_word, c.unsafe_word) if w and w.strip()]

    @property
    def review_due_now(self) -> bool:
        """The review date is today or past (and the plan is still open)."""
        due = self.plan.review_due
        return due is not None and due <= self.today and self.plan.status != PlanStatus.CLOSED

    @property
    def missing(self) -> list[str]:
        """What the plan still needs to be complete, in plain words (the app's language); empty when it is complete.

        The person declining to plan is their complete answer. Otherwise each part needs the person's choice (any
        of chosen / declined / not now), plus leaving and "Do you feel in danger?"; a person not ready to leave is
        never asked for a leaving plan.
        """
        plan = self.plan
        if plan.survivor_choice in (SurvivorChoice.DECLINED, SurvivorChoice.NOT_NOW):
            return []
        out: list[str] = []
        if plan.survivor_choice is None:
            out.append(_("whether the person wants to plan"))
        if plan.danger_now in (None, DangerNow.NOT_ASKED):
            out.append(_("“Do you feel in danger?”"))
        if plan.leaving_intent in (None, LeavingIntent.NOT_ASKED):
            out.append(_("where the person is with leaving"))
        not_ready = plan.leaving_intent == LeavingIntent.NOT_READY
        for view in self.components:
            if not_ready and view.key in LEAVING_COMPONENTS:
                continue
            if view.current is None or view.current.survivor_choice is None:
                out.append(_(view.info.title).lower() if view.key != PlanComponent.TRAFFICKER_ACCESS
                           else _("trafficker's access"))  # fmt: skip
        return out

    @property
    def complete(self) -> bool:
        return not self.missing


# --- the service ----------------------------------------------------------------------------------------------


def _plan_info(p: SafetyPlan) -> PlanInfo:
    return copied(PlanInfo, p, person_id=p.person_id or "")


def _revision(i: SafetyPlanItem) -> ItemRevision:
    return copied(ItemRevision, i, component=i.component or "")


def _contact(c: SafeContact) -> ContactInfo:
    return copied(ContactInfo, c)


def _ordered(revisions: list[ItemRevision]) -> list[ItemRevision]:
    """Newest first: a revision always comes before the one it revises; then by date recorded and creation."""
    by_id = {r.id: r for r in revisions}

    def depth(r: ItemRevision) -> int:
        n, seen = 0, {r.id}
        while r.revises_id and r.revises_id in by_id and r.revises_id not in seen:
            r = by_id[r.revises_id]
            seen.add(r.id)
            n += 1
        return n

    return sorted(revisions, key=lambda r: (depth(r), r.day, r.created_at, r.id), reverse=True)


class SafetyService:
    """The person's safety plan, through :class:`~app.core.records.RecordService` (stamped, audited, outboxed)."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # --- the plan ---------------------------------------------------------------------------------------------

    def current_plan(self, person_id: str) -> PlanInfo | None:
        """The person's open plan (the newest, when several exist), else their newest closed one, else None."""
        with self.ws.session() as s:
            plans = list(
                s.scalars(
                    select(SafetyPlan)
                    .where(SafetyPlan.person_id == person_id, SafetyPlan.deleted.is_(False))
                    .order_by(SafetyPlan.created_at.desc(), SafetyPlan.id.desc())
                )
            )
            if not plans:
                return None
            open_plans = [p for p in plans if p.status != PlanStatus.CLOSED]
            return _plan_info((open_plans or plans)[0])

    def open_plan(self, person_id: str, values: Mapping[str, Any] | None = None) -> PlanInfo:
        """The person's open plan; a new one (offered today, active) when they have none. ``values`` are applied."""
        values = dict(values or {})
        existing = self.current_plan(person_id)
        if existing is not None and existing.status != PlanStatus.CLOSED:
            return self.update_plan(existing.id, values) if values else existing
        today = dt.date.today()
        start = {"offered_on": today, "status": PlanStatus.ACTIVE.value}
        if values.get("survivor_choice") == SurvivorChoice.CHOSEN:
            start["started_on"] = today
        self._check_plan(values)
        plan = self.ws.records.create("safety_plan", start | values, person_id=person_id)
        return _plan_info(plan)  # type: ignore[arg-type]

    def update_plan(self, plan_id: str, changes: Mapping[str, Any]) -> PlanInfo:
        """Change the plan's dates and answers. A change to one of the person's answers is kept as a dated note."""
        before = self._plan(plan_id)
        self._check_plan(changes)
        changes = dict(changes)
        if changes.get("survivor_choice") == SurvivorChoice.CHOSEN and before.started_on is None:
            changes.setdefault("started_on", dt.date.today())
        plan = self.ws.records.update("safety_plan", plan_id, changes)
        after = _plan_info(plan)  # type: ignore[arg-type]
        lines = []
        for key, (what, labels) in _PLAN_ANSWERS.items():
            old, new = getattr(before, key), getattr(after, key)
            if old is not None and old != new:
                lines.append(f"{what} was “{labels.get(old, old)}”, now “{labels.get(new or '', 'not recorded')}”")
        if lines:
            body = f"Changed on {day_words(dt.date.today())}: " + "; ".join(lines) + "."
            now = utcnow()
            self.ws.records.create(
                "note_entry",
                {"parent_type": "safety_plan", "parent_id": plan_id, "body": body, "signed_at": now,
                 "signed_by": self.ws.identity.user_id},
                person_id=after.person_id,
            )  # fmt: skip
        return after

    def _check_plan(self, values: Mapping[str, Any]) -> None:
        offered = values.get("offered_on")
        review = values.get("review_due")
        if isinstance(offered, dt.date) and offered > dt.date.today():
            raise ValidationError(
                _("The date safety planning was offered cannot be in the future."), field="offered_on"
            )
        if isinstance(offered, dt.date) and isinstance(review, dt.date) and review < offered:
            raise ValidationError(_("The review date cannot be before the plan was offered."), field="review_due")

    def _plan(self, plan_id: str) -> PlanInfo:
        return _plan_info(self.ws.records.get("safety_plan", plan_id))  # type: ignore[arg-type]

    # --- the parts of the plan --------------------------------------------------------------------------------

    def record_item(
        self,
        plan_id: str,
        component: str,
        *,
        choice: str,
        words: str | None = None,
        details: str | None = None,
        recorded_on: dt.date | None = None,
    ) -> ItemRevision:
        """Record the person's choice about one part: a new dated revision of that part (the first, or the next).

        Nothing already recorded changes; the new revision points at the one it revises.
        """
        if component not in COMPONENT_BY_KEY:
            raise ValidationError(_("That is not a part of the safety plan."), field="component")
        if choice not in CHOICE_LABELS:
            raise ValidationError(
                _("Please record the person's choice: chosen, declined or not now."), field="survivor_choice"
            )
        plan = self._plan(plan_id)
        revisions = self.revisions(plan_id, component)
        current = revisions[0] if revisions else None
        words, details = _clean(words), _clean(details)
        if current is not None and (current.survivor_choice, current.survivor_words, current.details) == (
            choice, words, details,
        ):  # fmt: skip
            return current  # nothing changed: no empty revision
        recorded_on = recorded_on or dt.date.today()
        if recorded_on > dt.date.today():
            raise ValidationError(_("The date recorded cannot be in the future."), field="recorded_on")
        item = self.ws.records.create(
            "safety_plan_item",
            {
                "plan_id": plan_id,
                "component": component,
                "survivor_choice": choice,
                "survivor_words": words,
                "details": details,
                "revises_id": current.id if current else None,
                "recorded_on": recorded_on,
            },
            person_id=plan.person_id,
        )
        return _revision(item)  # type: ignore[arg-type]

    def change_item(self, item_id: str, changes: Mapping[str, Any]) -> None:
        """Always refused: what the person chose and said is kept as recorded. Use :meth:`record_item`."""
        raise ValidationError(
            _("What the person chose and said is kept as it was recorded. Save a new dated revision instead."),
            field=next(iter(sorted(changes)), "survivor_choice"),
        )

    def revisions(self, plan_id: str, component: str) -> list[ItemRevision]:
        """Every revision of one part, newest first."""
        with self.ws.session() as s:
            rows = list(
                s.scalars(
                    select(SafetyPlanItem).where(
                        SafetyPlanItem.plan_id == plan_id,
                        SafetyPlanItem.component == component,
                        SafetyPlanItem.deleted.is_(False),
                    )
                )
            )
            return _ordered([_revision(r) for r in rows])

    # --- safe contacts ----------------------------------------------------------------------------------------

    def add_contact(self, plan_id: str, values: Mapping[str, Any]) -> ContactInfo:
        plan = self._plan(plan_id)
        contact = self.ws.records.create(
            "safe_contact", {**_contact_values(values), "plan_id": plan_id}, person_id=plan.person_id
        )
        return _contact(contact)  # type: ignore[arg-type]

    def update_contact(self, contact_id: str, values: Mapping[str, Any]) -> ContactInfo:
        return _contact(self.ws.records.update("safe_contact", contact_id, _contact_values(values)))  # type: ignore[arg-type]

    def remove_contact(self, contact_id: str) -> None:
        self.ws.records.delete("safe_contact", contact_id)

    # --- reading it all ---------------------------------------------------------------------------------------

    def view(self, person_id: str, *, today: dt.date | None = None) -> PlanView | None:
        """The person's plan with the newest revision of every part, all history, contacts and plan notes."""
        plan = self.current_plan(person_id)
        if plan is None:
            return None
        with self.ws.session() as s:
            items = [_revision(i) for i in s.scalars(
                select(SafetyPlanItem).where(SafetyPlanItem.plan_id == plan.id, SafetyPlanItem.deleted.is_(False))
            )]  # fmt: skip
            contacts = [_contact(c) for c in s.scalars(
                select(SafeContact)
                .where(SafeContact.plan_id == plan.id, SafeContact.deleted.is_(False))
                .order_by(SafeContact.created_at, SafeContact.id)
            )]  # fmt: skip
            notes = [
                PlanNote(n.created_at.astimezone(), n.body)
                for n in s.scalars(
                    select(NoteEntry)
                    .where(
                        NoteEntry.parent_type == "safety_plan",
                        NoteEntry.parent_id == plan.id,
                        NoteEntry.deleted.is_(False),
                    )
                    .order_by(NoteEntry.created_at.desc(), NoteEntry.id.desc())
                )
            ]
        components = []
        for info in COMPONENTS:
            revisions = tuple(_ordered([i for i in items if i.component == info.key]))
            components.append(ComponentView(info, revisions[0] if revisions else None, revisions))
        return PlanView(
            plan=plan,
            components=tuple(components),
            contacts=tuple(contacts),
            notes=tuple(notes),
            today=today or dt.date.today(),
        )

    def warnings_for(self, person_id: str, text: str | None) -> list[str]:
        """Place-field warnings for this person's plan (their contacts' code words included)."""
        view = self.view(person_id)
        return place_warnings(text, view.code_words if view else ())


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _contact_values(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(CONTACT_FIELDS)
    if unknown:
        raise ValidationError(_("A safe contact has no field called that."), field=sorted(unknown)[0])
    out = {k: (v.strip() if isinstance(v, str) else v) for k, v in values.items()}
    if "name" in out and not out["name"]:
        raise ValidationError(_("Please give the contact a name, a nickname or an initial."), field="name")
    return out
