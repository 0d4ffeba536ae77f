"""Interview checklists and screenings being filled in, their result, and the human identification decision.

A session is one :class:`~app.models.ChecklistResponse` (with the :class:`~app.models.Encounter` it belongs to) or
one :class:`~app.models.Screening`, made from a frozen template version. Answers are saved one at a time as they are
given (autosave), each as ``{"answer": <value>, "note": <text>}`` under the item's stable id.

The rules here come from DOMAIN.md sections 1.3 and 2:

- every item may be answered "declined" (the person's choice) and "declined" is never counted as "no";
- a session may always be left partial or stopped at the person's request; it can be marked complete only when the
  template's required items (the "after" section's safety check, next contact and consent decisions) are answered —
  each of which may be "declined";
- a screening's result is the endorsed indicators by domain, the source's own rule, and the suggested next steps.
  It never says "positive", "victim" or a score. The practitioner's assessment is separate and needs a reason, and
  the identification decision is a third, human act: named, dated, reasoned, audited, revised with history;
- a person under 18 (from the date of birth, or the age group) first gets the child-advocacy-centre prompt, and
  nothing starts until it is acknowledged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from app.content.templates import Item, Template, in_language
from app.core.i18n import N_, _, current_language, ngettext
from app.core.record_shapes import readable_structured
from app.core.workspace import Workspace
from app.errors import OfframpError, ValidationError
from app.models import (
    ChecklistResponse,
    IdentificationDecision,
    IdentificationStatus,
    Person,
    PractitionerAssessment,
    Screening,
    SessionStatus,
    TraffickingType,
)
from app.models.base import utcnow

#: Human words for every answer value (checklist and indicator items).
ANSWER_LABELS: dict[str, str] = {
    "yes": N_("Yes"),
    "no": N_("No"),
    "unsure": N_("Unsure"),
    "declined": N_("Declined to answer"),
    "not_asked": N_("Not asked"),
    "done": N_("Done"),
    "not_done": N_("Not done"),
    "not_applicable": N_("Not applicable"),
}
#: A checklist item's "declined" means the person chose not to (e.g. declined to share a consent decision).
CHECKLIST_DECLINED_LABEL = N_("The person declined")

STATUS_LABELS: dict[str, str] = {
    SessionStatus.COMPLETE: N_("Complete"),
    SessionStatus.PARTIAL: N_("Partial"),
    SessionStatus.STOPPED_AT_REQUEST: N_("Stopped at the person's request"),
}
ASSESSMENT_LABELS: dict[str, str] = {
    PractitionerAssessment.INDICATORS_PRESENT: N_("Indicators present"),
    PractitionerAssessment.UNCLEAR: N_("Unclear"),
    PractitionerAssessment.NOT_INDICATED: N_("Not indicated"),
}
IDENTIFICATION_LABELS: dict[str, str] = {
    IdentificationStatus.IDENTIFIED: N_("Identified as having experienced trafficking or exploitation"),
    IdentificationStatus.NOT_IDENTIFIED: N_("Not identified"),
    IdentificationStatus.UNCLEAR: N_("Not clear yet"),
}
TRAFFICKING_TYPE_LABELS: dict[str, str] = {
    TraffickingType.SEX: N_("Sex trafficking"),
    TraffickingType.LABOUR: N_("Labor trafficking"),
    TraffickingType.BOTH: N_("Sex and labor trafficking"),
    TraffickingType.EXPLOITATION: N_("Sexual exploitation"),
    TraffickingType.UNKNOWN: N_("Not known"),
}

#: Answers that satisfy a required checklist item: it was done, or the person declined it (their choice).
_CHECKLIST_SATISFIED = frozenset({"done", "declined"})
MAX_NOTE = 4000

MINOR_PROMPT_TITLE = N_("This person is under 18")
MINOR_PROMPT = N_(
    "A child or teenager should not be interviewed about what happened to them here. Arrange a forensic interview "
    "at a child advocacy center, where one trained person asks once, so the young person does not have to tell it "
    "again and again. Make the report the law requires of you (child protective services or law enforcement), and "
    "remember that a person under 18 cannot consent to being exploited: no force, fraud or coercion needs to be "
    "shown."
)


class MinorPromptNeeded(OfframpError):
    """Raised when a session for a person under 18 starts before the child-advocacy-centre prompt was acknowledged."""

    code = "minor_prompt"


def label_for(item: Item, answer: str | None) -> str:
    """The words shown for an answer to ``item`` ("" when not answered yet)."""
    if not answer:
        return ""
    if item.answer_type == "checklist" and answer == "declined":
        return CHECKLIST_DECLINED_LABEL
    return ANSWER_LABELS.get(answer, answer)


def is_minor(person: Person, today: dt.date) -> bool:
    """Under 18 today, from the date of birth when known, otherwise from the recorded age group."""
    dob = person.date_of_birth
    if dob is not None:
        years = today.year - dob.year - ((today.month, today.day) < (dob.month, dob.day))
        return years < 18
    return person.age_group == "minor"


# --- what a session looks like to the screen -----------------------------------------------------------------


@dataclass(frozen=True)
class SessionSummary:
    """One session in a person's list."""

    record_type: str  # "checklist_response" or "screening"
    record_id: str
    template_id: str
    template_version: str
    title: str
    started_at: dt.datetime
    status: str | None
    answered: int
    total: int


@dataclass(frozen=True)
class SessionView:
    """Everything needed to fill in or read one session."""

    record_type: str
    record_id: str
    person_id: str
    template: Template
    regime: str
    answers: dict[str, dict[str, str]]
    status: str | None
    started_at: dt.datetime
    completed_at: dt.datetime | None
    assessment: str | None = None
    assessment_reason: str | None = None

    def answer(self, item_id: str) -> str | None:
        return (self.answers.get(item_id) or {}).get("answer") or None

    def note(self, item_id: str) -> str:
        return (self.answers.get(item_id) or {}).get("note") or ""


@dataclass(frozen=True)
class DomainResult:
    domain_id: str
    title: str
    endorsed: tuple[Item, ...]
    unsure: int
    declined: int
    not_asked: int
    unanswered: int


@dataclass(frozen=True)
class ScreeningResult:
    """The three parts of a screening's result (DOMAIN.md 1.3), without ever labelling the person."""

    domains: tuple[DomainResult, ...]
    next_steps: tuple[str, ...]
    rule_note: str
    declined_total: int
    assessment: str | None
    assessment_reason: str | None


@dataclass(frozen=True)
class Decision:
    record_id: str
    decided_on: dt.date
    decided_by_name: str
    status: str
    trafficking_type: str | None
    reason: str
    revises_id: str | None
    created_at: dt.datetime


# --- the service ---------------------------------------------------------------------------------------------------


class SessionService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # --- templates ---------------------------------------------------------------------------------------------

    def templates(self, kind: str) -> list[Template]:
        """The newest version of each template of ``kind`` ("checklist" or "screening") this vault can use."""
        newest: dict[str, Template] = {}
        for template in self.ws.templates.available():
            if template.kind != kind:
                continue
            known = newest.get(template.id)
            if known is None or _version_key(template.version) > _version_key(known.version):
                newest[template.id] = template
        shown = [in_language(t, [current_language()]) for t in newest.values()]  # the app's language, if we have it
        return sorted(shown, key=lambda t: t.title.lower())

    # --- the under-18 prompt -------------------------------------------------------------------------------------

    def needs_minor_prompt(self, person_id: str, today: dt.date | None = None) -> bool:
        with self.ws.session() as s:
            person = s.get(Person, person_id)
            if person is None or person.deleted:
                raise ValidationError(_("This person's record was not found on this computer."))
            return is_minor(person, today or dt.date.today())

    # --- starting ------------------------------------------------------------------------------------------------

    def start(
        self,
        person_id: str,
        kind: str,
        template_id: str,
        version: str,
        *,
        minor_prompt_acknowledged: bool = False,
        today: dt.date | None = None,
    ) -> str:
        """Start a checklist (with its encounter) or a screening; returns the new record's id.

        Raises :class:`MinorPromptNeeded` for a person under 18 unless the prompt was acknowledged.
        """
        template = self.ws.templates.get(template_id, version)
        if template.kind != kind:
            if kind == "screening":
                said = _("“{title}” is not a screening.")
            elif kind == "checklist":
                said = _("“{title}” is not a checklist.")
            else:
                said = _("“{title}” is not a {kind}.")
            raise ValidationError(said.format(title=template.title, kind=kind), field="template_id")
        today = today or dt.date.today()
        minor = self.needs_minor_prompt(person_id, today)
        if minor and not minor_prompt_acknowledged:
            raise MinorPromptNeeded(_("{title}. {prompt}").format(title=_(MINOR_PROMPT_TITLE), prompt=_(MINOR_PROMPT)))
        now = utcnow()
        ack: dict[str, Any] = {}
        if minor:
            ack = {"minor_prompt_acknowledged_at": now, "minor_prompt_acknowledged_by": self.ws.identity.user_id}
        if kind == "checklist":
            encounter = self.ws.records.create(
                "encounter",
                {"occurred_at": now, "kind": "interview", "purpose": template.title[:200], "status": "partial"},
                person_id=person_id,
            )
            record = self.ws.records.create(
                "checklist_response",
                {
                    "encounter_id": encounter.id,
                    "template_id": template.id,
                    "template_version": template.version,
                    "answers": {},
                    "status": SessionStatus.PARTIAL.value,
                    **ack,
                },
                person_id=person_id,
            )
        else:
            record = self.ws.records.create(
                "screening",
                {
                    "template_id": template.id,
                    "template_version": template.version,
                    "screened_on": today,
                    "answers": {},
                    "session_status": SessionStatus.PARTIAL.value,
                    **ack,
                },
                person_id=person_id,
            )
        return record.id

    # --- reading -------------------------------------------------------------------------------------------------

    def list_for_person(self, person_id: str, kind: str) -> list[SessionSummary]:
        """The person's sessions of ``kind``, newest first."""
        record_type = _record_type(kind)
        out = []
        for row in self.ws.records.list_for_person(record_type, person_id):
            assert isinstance(row, ChecklistResponse | Screening)
            try:
                template: Template | None = self.ws.templates.get(row.template_id, row.template_version)
            except OfframpError:
                template = None
            answers = row.answers or {}
            total = len(template.items()) if template else len(answers)
            answered = sum(1 for v in answers.values() if isinstance(v, dict) and v.get("answer"))
            status = row.status if isinstance(row, ChecklistResponse) else row.session_status
            title = (
                in_language(template, [current_language()]).title  # the Spanish version's title, when it ships
                if template
                else _("{template} (version {version})").format(template=row.template_id, version=row.template_version)
            )
            out.append(
                SessionSummary(
                    record_type,
                    row.id,
                    row.template_id,
                    row.template_version,
                    title,
                    row.created_at,
                    status,
                    answered,
                    total,
                )
            )
        out.sort(key=lambda summary: (summary.started_at, summary.record_id), reverse=True)
        return out

    def view(self, record_type: str, record_id: str) -> SessionView:
        row = self.ws.records.get(record_type, record_id)
        assert isinstance(row, ChecklistResponse | Screening)
        # Read in the app's language when the template has a version in it (same ids: the answers fit either).
        template = in_language(self.ws.templates.get(row.template_id, row.template_version), [current_language()])
        # Answers that arrived malformed (pulled from the office) are left out, never a failing window.
        readable, _problem = readable_structured(record_type, "answers", row.answers)
        answers = {k: dict(v) for k, v in readable.items()}
        if isinstance(row, ChecklistResponse):
            return SessionView(record_type, row.id, str(row.person_id), template, row.regime, answers, row.status,
                               row.created_at, row.completed_at)  # fmt: skip
        return SessionView(
            record_type, row.id, str(row.person_id), template, row.regime, answers, row.session_status,
            row.created_at, row.completed_at, row.practitioner_assessment, row.assessment_reason,
        )  # fmt: skip

    # --- answering (autosave) ------------------------------------------------------------------------------------

    def answer(
        self, record_type: str, record_id: str, item_id: str, answer: str | None, note: str | None = None
    ) -> SessionView:
        """Save one item's answer and/or note; ``None`` leaves that part as it was, ``""`` clears it."""
        view = self.view(record_type, record_id)
        try:
            item = view.template.item(item_id)
        except KeyError:
            raise ValidationError(_("That question is not part of this template version."), field="answers") from None
        current = dict(view.answers.get(item_id) or {})
        if answer is not None:
            if answer and item.answer_type != "text" and answer not in item.answers:
                raise ValidationError(
                    _("“{answer}” is not one of the answers to this question.").format(answer=answer), field="answers"
                )
            if item.answer_type == "text" and len(answer) > MAX_NOTE:
                raise ValidationError(
                    _("Please keep an answer under {n} characters.").format(n=MAX_NOTE), field="answers"
                )
            current["answer"] = answer
        if note is not None:
            if len(note) > MAX_NOTE:
                raise ValidationError(_("Please keep a note under {n} characters.").format(n=MAX_NOTE), field="answers")
            current["note"] = note
        current = {k: v for k, v in current.items() if v}
        answers = dict(view.answers)
        if current:
            answers[item_id] = current
        else:
            answers.pop(item_id, None)
        self.ws.records.update(record_type, record_id, {"answers": answers})
        return replace(view, answers=answers)  # what was just written: no second read on every keystroke's save

    # --- finishing -----------------------------------------------------------------------------------------------

    def missing_for_completion(self, view: SessionView) -> list[Item]:
        return missing_for_completion(view)

    def finish(self, record_type: str, record_id: str, status: str) -> SessionView:
        """Mark the session complete, partial or stopped at the person's request.

        Complete is refused, with the items named, until the required items are answered.
        """
        if status not in STATUS_LABELS:
            raise ValidationError(_("Please choose complete, partial or stopped at the person's request."))
        view = self.view(record_type, record_id)
        if status == SessionStatus.COMPLETE:
            missing = self.missing_for_completion(view)
            if missing:
                names = "; ".join(_short(item.text_for(view.regime)) for item in missing)
                said = ngettext(
                    "Before this can be marked complete, please record one item from the end of the session (each "
                    "may be “declined” if the person chose not to): {names}.",
                    "Before this can be marked complete, please record {n} items from the end of the session (each "
                    "may be “declined” if the person chose not to): {names}.",
                    len(missing),
                )
                raise ValidationError(said.format(n=len(missing), names=names), field="status")
        finished = utcnow() if status != SessionStatus.PARTIAL else None
        if record_type == "checklist_response":
            self.ws.records.update(record_type, record_id, {"status": status, "completed_at": finished})
            row = self.ws.records.get(record_type, record_id)
            assert isinstance(row, ChecklistResponse)
            if row.encounter_id:
                self.ws.records.update("encounter", row.encounter_id, {"status": status})
        else:
            self.ws.records.update(record_type, record_id, {"session_status": status, "completed_at": finished})
        return self.view(record_type, record_id)

    # --- the screening result -------------------------------------------------------------------------------------

    def result(self, view: SessionView, *, minor: bool = False) -> ScreeningResult:
        """Endorsed indicators by domain and the next steps the template's own rules suggest."""
        template = view.template
        domains = []
        any_yes = False
        yes_domains: set[str] = set()
        declined_total = 0
        for domain in template.domains:
            items = [i for i in template.items() if i.domain == domain.id and i.answer_type == "indicator"]
            answers = [view.answer(i.id) for i in items]
            endorsed = tuple(i for i, a in zip(items, answers, strict=True) if a == "yes")
            if endorsed:
                any_yes = True
                yes_domains.add(domain.id)
            declined = sum(1 for a in answers if a == "declined")
            declined_total += declined
            domains.append(
                DomainResult(
                    domain.id,
                    domain.title,
                    endorsed,
                    unsure=sum(1 for a in answers if a == "unsure"),
                    declined=declined,
                    not_asked=sum(1 for a in answers if a == "not_asked"),
                    unanswered=sum(1 for a in answers if a is None),
                )
            )
        steps = []
        applied: list[str] = []  # the rules that fired, in the template's order, each named once
        titles = {d.id: d.title for d in template.domains}
        for step in template.next_steps:
            if (
                (step.rule == "any_yes" and any_yes)
                or (step.domain is not None and step.domain in yes_domains)
                or (step.rule == "minor" and minor)
            ):
                steps.append(step.text)
                words = _rule_words(step.rule, titles.get(step.domain or ""))
                if words not in applied:
                    applied.append(words)
        # Only the rules that applied are named: listing every rule read as a statement about this person
        # ("the person is under 18" on an adult's result).
        if not template.next_steps:
            rule_note = _(
                "This template suggests no next steps of its own: use your judgment and your office's protocol."
            )
        elif applied:
            rule_note = _("These next steps come from this template's own rules, because of {reasons}.").format(
                reasons="; ".join(applied)
            )
        else:
            rule_note = _("None of this template's rules for next steps applied to these answers.")
        return ScreeningResult(tuple(domains), tuple(steps), rule_note, declined_total, view.assessment,
                               view.assessment_reason)  # fmt: skip

    def assess(self, screening_id: str, assessment: str, reason: str) -> SessionView:
        """The practitioner's own reading of a screening, with a reason. It is not an identification decision."""
        if assessment not in ASSESSMENT_LABELS:
            raise ValidationError(_("Please choose indicators present, unclear or not indicated."), field="assessment")
        if not reason.strip():
            raise ValidationError(_("Please give a short reason for your assessment."), field="assessment_reason")
        self.ws.records.update(
            "screening", screening_id, {"practitioner_assessment": assessment, "assessment_reason": reason.strip()}
        )
        return self.view("screening", screening_id)

    # --- identification decisions ---------------------------------------------------------------------------------

    def decisions(self, person_id: str) -> list[Decision]:
        """Every identification decision for the person, newest first; the first is the one in force."""
        rows = self.ws.records.list_for_person("identification_decision", person_id)
        out = []
        for row in rows:
            assert isinstance(row, IdentificationDecision)
            out.append(
                Decision(
                    row.id,
                    row.decided_on,
                    row.decided_by_name or "",
                    row.status,
                    row.trafficking_type,
                    row.reason,
                    row.revises_id,
                    row.created_at,
                )
            )
        out.sort(key=lambda d: (d.created_at, d.record_id), reverse=True)
        return out

    def decide(
        self,
        person_id: str,
        *,
        status: str,
        reason: str,
        decided_by_name: str,
        decided_on: dt.date | None = None,
        trafficking_type: str | None = None,
        screening_id: str | None = None,
    ) -> Decision:
        """Record a human identification decision; a later one revises the one in force, which stays in history."""
        if status not in IDENTIFICATION_LABELS:
            raise ValidationError(_("Please choose a decision."), field="status")
        if not decided_by_name.strip():
            raise ValidationError(_("Please give your name: a decision is made by a named person."), field="decided_by")
        if not reason.strip():
            raise ValidationError(_("Please give the reason for this decision."), field="reason")
        decided_on = decided_on or dt.date.today()
        if decided_on > dt.date.today():
            raise ValidationError(_("The date of a decision cannot be in the future."), field="decided_on")
        current = self.decisions(person_id)
        values: Mapping[str, Any] = {
            "decided_on": decided_on,
            "decided_by_name": decided_by_name.strip(),
            "decided_by": self.ws.identity.user_id,
            "status": status,
            "trafficking_type": trafficking_type if status == IdentificationStatus.IDENTIFIED else None,
            "reason": reason.strip(),
            "screening_id": screening_id,
            "revises_id": current[0].record_id if current else None,
        }
        row = self.ws.records.create("identification_decision", values, person_id=person_id)
        assert isinstance(row, IdentificationDecision)
        return self.decisions(person_id)[0]

    def last_decider_name(self) -> str:
        """The name this user gave on their last decision (to fill the field in again)."""
        with self.ws.session() as s:
            name = s.scalar(
                select(IdentificationDecision.decided_by_name)
                .where(IdentificationDecision.decided_by == self.ws.identity.user_id)
                .order_by(IdentificationDecision.created_at.desc())
                .limit(1)
            )
        return name or ""


# --- helpers -----------------------------------------------------------------------------------------------------


def _record_type(kind: str) -> str:
    if kind == "checklist":
        return "checklist_response"
    if kind == "screening":
        return "screening"
    raise ValidationError(_("“{kind}” is not a kind of session.").format(kind=kind))


def _version_key(version: str) -> tuple[tuple[int, Any], ...]:
    parts = version.replace("-", ".").split(".")
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip(" ,.;:") + "…"


def _rule_words(rule: str, domain_title: str | None = None) -> str:
    """Why a next step is suggested, said of this screening (used only for a rule that applied), in the app's
    language."""
    if rule == "any_yes":
        return _("any “yes” answer")
    if rule == "minor":
        return _("the person being under 18")
    if domain_title:
        return _("a “yes” about {area}").format(area=domain_title.lower())
    return _("a “yes” in one area")


def missing_for_completion(view: SessionView) -> list[Item]:
    """Required items not yet answered in a way that lets the session be complete ("declined" counts)."""
    missing = []
    for item in view.template.items():
        if not item.required_for_completion:
            continue
        answer = view.answer(item.id)
        if item.answer_type == "checklist":
            ok = answer in _CHECKLIST_SATISFIED
        elif item.answer_type == "indicator":
            ok = answer is not None and answer != "not_asked"
        else:
            ok = bool(answer)
        if not ok:
            missing.append(item)
    return missing


def check_completion(ws: Workspace, record_type: str, values: Mapping[str, Any]) -> None:
    """The completion rule, for :class:`~app.core.records.RecordService` (any path that sets "complete")."""
    status = values.get("status") if record_type == "checklist_response" else values.get("session_status")
    if status != SessionStatus.COMPLETE:
        return
    try:
        template = ws.templates.get(str(values.get("template_id")), str(values.get("template_version")))
    except OfframpError:
        return
    answers = {k: dict(v) for k, v in (values.get("answers") or {}).items() if isinstance(v, dict)}
    view = SessionView(record_type, "", "", template, ws.identity.regime, answers, status, utcnow(), None)
    if missing_for_completion(view):
        raise ValidationError(
            _(
                "Before this can be marked complete, please record the items from the end of the session "
                "(each may be “declined” if the person chose not to)."
            ),
            field="status",
        )
