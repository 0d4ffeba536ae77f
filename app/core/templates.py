"""The templates this vault can use: the bundled ones, and those an office imported.

An import is checked whole before anything is stored (a malformed file changes nothing), and a version that a
response or screening already uses is frozen: importing different text under the same id and version is refused
with a plain reason, so old records always render with the version they were made with.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from app.content.templates import Template, TemplateError, bundled_templates, load_template
from app.core.i18n import _
from app.models import ChecklistResponse, Screening, TemplateVersion

if TYPE_CHECKING:
    from app.core.workspace import Workspace


@dataclass(frozen=True)
class ImportResult:
    template_id: str
    version: str
    title: str
    outcome: str  # "added", "replaced" (an unused version) or "unchanged"


class TemplateLibrary:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def uses(self, template_id: str, version: str) -> int:
        """How many responses and screenings were made with this version (any use freezes it)."""
        with self.ws.session() as s:
            total = 0
            for cls in (ChecklistResponse, Screening):
                total += int(
                    s.scalar(
                        select(func.count())
                        .select_from(cls)
                        .where(cls.template_id == template_id, cls.template_version == version)
                    )
                    or 0
                )
            return total

    def import_text(self, text: str, *, name: str) -> ImportResult:
        """Check ``text`` whole, then store it; raises TemplateError (nothing stored) when it cannot be used."""
        template = load_template(text, name=name)
        if any(b.id == template.id and b.version == template.version for b in bundled_templates()):
            raise TemplateError(
                _(
                    "{name}: version {version} of '{template}' comes with Offramp and cannot be replaced. "
                    "Give the office's template its own id or a new version number."
                ).format(name=name, version=template.version, template=template.id),
                problems=[],
            )
        with self.ws.session() as s, s.begin():
            existing = s.get(TemplateVersion, (template.id, template.version))
            if existing is not None and existing.source_text == text:
                return ImportResult(template.id, template.version, template.title, "unchanged")
            if existing is not None and self.uses(template.id, template.version):
                raise TemplateError(
                    _(
                        "{name}: version {version} of '{template}' is already used by records on this computer, so "
                        "it cannot change. Nothing was imported; give the edited template a new version number."
                    ).format(name=name, version=template.version, template=template.id),
                    problems=[],
                )
            outcome = "replaced" if existing is not None else "added"
            s.merge(
                TemplateVersion(
                    template_id=template.id,
                    version=template.version,
                    kind=template.kind,
                    title=template.title,
                    source_text=text,
                )
            )
            self.ws.audit(s, "template_imported", record_type="template", record_id=None)
        return ImportResult(template.id, template.version, template.title, outcome)

    def available(self) -> list[Template]:
        """Every template version this vault can use: bundled first, then imported, each as it was given."""
        found = list(bundled_templates())
        with self.ws.session() as s:
            order = (TemplateVersion.template_id, TemplateVersion.version)
            # The office's charge rules share this store (app.core.screening_prompts); they are not templates.
            kinds = TemplateVersion.kind.in_(("checklist", "screening"))
            rows = list(s.scalars(select(TemplateVersion).where(kinds).order_by(*order)))
        found.extend(load_template(row.source_text, name=f"{row.template_id} {row.version}") for row in rows)
        return found

    def get(self, template_id: str, version: str) -> Template:
        for template in bundled_templates():
            if template.id == template_id and template.version == version:
                return template
        with self.ws.session() as s:
            row = s.get(TemplateVersion, (template_id, version))
        if row is None:
            raise TemplateError(
                _(
                    "Version {version} of the template '{template}' is not on this computer. "
                    "Ask your office for it, or sync."
                ).format(version=version, template=template_id),
                problems=[],
            )
        return load_template(row.source_text, name=f"{template_id} {version}")
