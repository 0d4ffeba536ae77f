"""From a session in the vault to the PDF for the file: fills :class:`~app.reports.session_pdf.SessionReport`.

The answers are shown in the wording of the regime the record was made under, with the template version it was made
with (old responses always render with their own version). The document's words, the answers' labels, the status and
the assessment are in the app's language (the interview PDF goes in the office's file, in the office's language).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.content.templates import Item
from app.core.i18n import N_, _
from app.core.sessions import ASSESSMENT_LABELS, STATUS_LABELS, label_for
from app.core.workspace import Workspace
from app.models import ChecklistResponse, Person, Screening
from app.reports.session_pdf import AnswerLine, DomainSummary, SectionBlock, SessionReport, session_pdf
from app.storage.atomic import atomic_write_bytes


def build_session_report(
    ws: Workspace, record_type: str, record_id: str, *, today: dt.date | None = None
) -> SessionReport:
    view = ws.sessions.view(record_type, record_id)
    template = view.template
    row = ws.records.get(record_type, record_id)
    assert isinstance(row, ChecklistResponse | Screening)
    person = ws.records.get("person", view.person_id)
    assert isinstance(person, Person)
    sections = tuple(
        SectionBlock(
            section.title,
            tuple(
                AnswerLine(
                    item.text_for(view.regime),
                    view.answer(item.id) or "" if item.answer_type == "text" else _label(item, view.answer(item.id)),
                    view.note(item.id) or None,
                )
                for item in section.items
            ),
        )
        for section in template.sections
    )
    occurred = (row.screened_on if isinstance(row, Screening) else None) or view.started_at.date()
    status = _(STATUS_LABELS.get(view.status or "", NOT_FINISHED))
    source = f"{template.source} {template.licence_note}"
    recorded_by = _recorded_by(ws, row.owner_user_id)
    if template.kind != "screening":
        return SessionReport(
            "checklist", template.title, template.id, template.version, view.regime, person.preferred_name,
            occurred, status, recorded_by, sections, source_note=source, generated_on=today or dt.date.today(),
        )  # fmt: skip
    result = ws.sessions.result(view, minor=ws.sessions.needs_minor_prompt(view.person_id, today))
    domains = tuple(
        DomainSummary(d.title, tuple(i.text_for(view.regime) for i in d.endorsed), d.unsure, d.declined, d.not_asked)
        for d in result.domains
    )
    return SessionReport(
        "screening", template.title, template.id, template.version, view.regime, person.preferred_name,
        occurred, status, recorded_by, sections, domain_summaries=domains, rule_note=result.rule_note,
        next_steps=result.next_steps,
        assessment=_(ASSESSMENT_LABELS[view.assessment]) if view.assessment in ASSESSMENT_LABELS else None,
        assessment_reason=view.assessment_reason, source_note=source, generated_on=today or dt.date.today(),
    )  # fmt: skip


NOT_FINISHED = N_("Not finished")


def _label(item: Item, answer: str | None) -> str:
    """The answer's label in the app's language ("" when not answered yet)."""
    label = label_for(item, answer)
    return _(label) if label else ""


def _recorded_by(ws: Workspace, owner_user_id: str | None) -> str:
    """Who made the record, as well as this computer knows: staff names live on the office server, so the name this
    user gave on their last identification decision when there is one."""
    if owner_user_id and owner_user_id == ws.identity.user_id:
        name = ws.sessions.last_decider_name().strip()
        if name:
            return _("{name}, on this computer").format(name=name)
        return _("The user of this vault, on this computer")
    if owner_user_id:
        return _("A colleague (user {user}), from the office").format(user=owner_user_id.replace("-", "")[:8])
    return _("Not known on this computer")


def session_pdf_bytes(ws: Workspace, record_type: str, record_id: str, *, password: str | None = None) -> bytes:
    """The session's PDF, AES-256 protected when ``password`` is given; the export is audited (no content)."""
    data = session_pdf(build_session_report(ws, record_type, record_id), password=password or None)
    view_person = ws.sessions.view(record_type, record_id).person_id
    ws.log_event(
        "session_pdf_exported", record_type=record_type, record_id=record_id, person_id=view_person,
        fields=["password_protected" if password else "not_protected"],
    )  # fmt: skip
    return data


def suggested_file_name(record_type: str, day: dt.date) -> str:
    """A file name that says what the file is and names nobody (file names show in lists and backups)."""
    kind = "interview" if record_type == "checklist_response" else "screening"
    return f"{kind}-{day.isoformat()}.pdf"


def save_session_pdf(
    ws: Workspace, record_type: str, record_id: str, target: Path, *, password: str | None = None
) -> Path:
    """Write the PDF to ``target`` atomically (a temp file, then a rename: never a half-written file)."""
    data = session_pdf_bytes(ws, record_type, record_id, password=password)
    target = target if target.suffix.lower() == ".pdf" else target.with_suffix(".pdf")
    atomic_write_bytes(target, data)
    return target
