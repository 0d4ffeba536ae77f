""""Consider a screening": a prompt for the worker on a justice matter, never a label on the person.

The office's charge rules (``app.content.charge_rules``: the bundled set, and the sets an office imported, kept in
the vault's template store) list charges often linked to exploitation. For a person, each live justice matter where
they are the **defendant** and some charge meets a rule is offered once, with the rule's reason in plain words,
unless:

- a screening of the person is dated **on or after the matter's arrest date** (any screening session that is not
  deleted, whatever its status: starting one is acting on the prompt). A screening from before this arrest does not
  answer a new charge, since circumstances change; when the matter has no arrest date, any screening answers it; or
- the worker answered the prompt for that matter with "Not now" and a reason: a :class:`~app.models.ScreeningPrompt`
  record (prosecution or advocacy regime alike) and an audit event. It is never offered again for that matter.

Nothing here is stored about the person: the prompt is computed, and only the worker's answer is kept. The caseload's
"Charged, not yet screened" filter (:func:`charged_not_screened`) is the same rule in SQL, without the dismissals:
it lists the people still to screen, including those whose prompt was put off.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import exists, false, func, or_, select

from app.content.charge_rules import (
    ChargeRules,
    ChargeRulesError,
    ChargeRuleSet,
    bundled_charge_rules,
    load_charge_rules,
)
from app.core.i18n import N_, _
from app.errors import ValidationError
from app.models import JusticeContact, Person, Screening, ScreeningPrompt, TemplateVersion

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: Charge rules share the vault's template store, under ids no template can have (a template id has no colon).
RULES_KIND = "charge_rules"
STORE_PREFIX = "charge-rules:"

PROMPT_TITLE = N_("Consider a screening")
PROMPT_FOLLOW_UP = N_("A screening could help you see whether this person needs support.")
MAX_REASON = 500


# --- the office's charge rules ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RulesImportResult:
    rules_id: str
    version: str
    title: str
    outcome: str  # "added", "replaced" (an unused version) or "unchanged"


class ChargeRulesLibrary:
    """The charge rules in force on this computer: the bundled set, and the sets an office imported."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def uses(self, label: str) -> int:
        """How many screening prompt answers were given under this rule set version (any use freezes it)."""
        with self.ws.session() as s:
            q = select(func.count()).select_from(ScreeningPrompt).where(ScreeningPrompt.rules_version == label)
            return int(s.scalar(q) or 0)

    def import_text(self, text: str, *, name: str) -> RulesImportResult:
        """Check ``text`` whole, then store it; raises ChargeRulesError (nothing stored) when it cannot be used."""
        rules = load_charge_rules(text, name=name)
        if any(b.id == rules.id and b.version == rules.version for b in bundled_charge_rules()):
            raise ChargeRulesError(
                _(
                    "{name}: version {version} of '{rules}' comes with Offramp and cannot be replaced. "
                    "Give the office's rules a new version number, or their own id."
                ).format(name=name, version=rules.version, rules=rules.id),
                problems=[],
            )
        key = (STORE_PREFIX + rules.id, rules.version)
        with self.ws.session() as s, s.begin():
            existing = s.get(TemplateVersion, key)
            if existing is not None and existing.source_text == text:
                return RulesImportResult(rules.id, rules.version, rules.title, "unchanged")
            if existing is not None and self.uses(rules.label):
                raise ChargeRulesError(
                    _(
                        "{name}: version {version} of '{rules}' was in force when a prompt was answered on this "
                        "computer, so it cannot change. Nothing was imported; give the edited rules a new version "
                        "number."
                    ).format(name=name, version=rules.version, rules=rules.id),
                    problems=[],
                )
            outcome = "replaced" if existing is not None else "added"
            if existing is not None:
                s.delete(existing)
                s.flush()
            s.add(TemplateVersion(template_id=key[0], version=key[1], kind=RULES_KIND, title=rules.title,
                                  source_text=text))  # fmt: skip
            self.ws.audit(s, "charge_rules_imported", record_type="charge_rules", record_id=None)
        return RulesImportResult(rules.id, rules.version, rules.title, outcome)

    def imported(self) -> list[ChargeRuleSet]:
        """The sets the office imported, oldest import first."""
        with self.ws.session() as s:
            rows = s.execute(
                select(TemplateVersion.template_id, TemplateVersion.version, TemplateVersion.source_text)
                .where(TemplateVersion.kind == RULES_KIND)
                .order_by(TemplateVersion.imported_at, TemplateVersion.template_id, TemplateVersion.version)
            ).all()
        return [load_charge_rules(row.source_text, name=f"{row.template_id} {row.version}") for row in rows]

    def in_force(self) -> ChargeRules:
        """Bundled first, then the imports in order: an import with a set's id replaces it (the latest wins)."""
        return ChargeRules([*bundled_charge_rules(), *self.imported()])


# --- the prompt -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromptOffer:
    """"Consider a screening" on one justice matter, with the reason in plain words."""

    justice_contact_id: str
    person_id: str
    docket_number: str | None
    arrest_date: dt.date | None
    reasons: tuple[str, ...]  # one per rule met, in the rules' order
    rules_version: str  # the rule set of the first reason, "id@version"

    @property
    def title(self) -> str:
        return _(PROMPT_TITLE)

    @property
    def text(self) -> str:
        """The first reason and what a screening could do: about the charge and the worker's task, never a label."""
        return _("{reason} {follow_up}").format(reason=self.reasons[0], follow_up=_(PROMPT_FOLLOW_UP))


def screened_since_arrest() -> Any:
    """SQL: the person of the justice matter in the enclosing query has a screening dated on or after its arrest."""
    return exists().where(
        Screening.person_id == JusticeContact.person_id,
        Screening.deleted.is_(False),
        or_(
            JusticeContact.arrest_date.is_(None),
            Screening.screened_on.is_(None),
            Screening.screened_on >= JusticeContact.arrest_date,
        ),
    )


def listed_charge(rules: ChargeRules) -> Any:
    """SQL: some charge of the justice matter in the enclosing query meets one of ``rules``.

    The same plain matching as :meth:`ChargeRule.matches`: a phrase anywhere in the offense (or the statute), ASCII
    capitals folded by SQLite's ``lower()``. Each charge is read by its path in the list, so an entry that is not a
    charge reads as nothing instead of failing the query.
    """
    words, statutes = rules.offense_words, rules.statute_words
    if not words and not statutes:
        return false()
    charge = func.json_each(JusticeContact.charges).table_valued("fullkey").alias("charge")

    def field(name: str) -> Any:
        return func.lower(func.json_extract(JusticeContact.charges, charge.c.fullkey + f".{name}"))

    offence, statute = field("offence"), field("statute")
    meets = [offence.contains(w, autoescape=True) for w in words]
    meets += [statute.contains(w, autoescape=True) for w in statutes]
    return exists().select_from(charge).where(or_(*meets))


def charged_not_screened(rules: ChargeRules) -> Any:
    """SQL, for a caseload query over ``person``: defendant on a live matter with a listed charge, and no screening
    since that matter's arrest. A prompt put off with "Not now" does not take the person off this list."""
    # Read from the matters once (an IN list), not asked of each person in turn: at 100,000 people the correlated
    # EXISTS took 1.7 s of CPU, this 0.4 s, for the same people.
    return Person.id.in_(
        select(JusticeContact.person_id).where(
            JusticeContact.deleted.is_(False),
            JusticeContact.role == "defendant",
            listed_charge(rules),
            ~screened_since_arrest(),
        )
    )


class ScreeningPromptService:
    def __init__(self, workspace: Workspace, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.ws = workspace
        self._today = today

    def offers(self, person_id: str) -> list[PromptOffer]:
        """The matters on which to offer "Consider a screening" for this person, the latest arrest first."""
        rules = ChargeRulesLibrary(self.ws).in_force()
        if not rules:
            return []
        answered = exists().where(
            ScreeningPrompt.justice_contact_id == JusticeContact.id, ScreeningPrompt.deleted.is_(False)
        )
        q = (
            select(JusticeContact)
            .where(
                JusticeContact.person_id == person_id,
                JusticeContact.deleted.is_(False),
                JusticeContact.role == "defendant",
                ~answered,
                ~screened_since_arrest(),
            )
            .order_by(JusticeContact.arrest_date.desc().nulls_last(), JusticeContact.created_at.desc())
        )
        with self.ws.session() as s:
            matters = list(s.scalars(q))
            found = [(m, rules.matching(m.charges)) for m in matters]
        offers = []
        for m, matches in found:
            if matches:
                reasons = tuple(dict.fromkeys(match.rule.reason for match in matches))
                label = matches[0].rule_set.label
                offers.append(PromptOffer(m.id, person_id, m.docket_number, m.arrest_date, reasons, label))
        return offers

    def dismiss(self, justice_contact_id: str, reason: str, *, dismissed_by_name: str | None = None) -> str:
        """"Not now", with the worker's reason: recorded once per matter (a record and an audit event)."""
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(_("Please say in a few words why not now."), field="reason")
        if len(reason) > MAX_REASON:
            said = _("Please keep the reason under {n} characters.").format(n=MAX_REASON)
            raise ValidationError(said, field="reason")
        name = (dismissed_by_name or "").strip() or self.ws.sessions.last_decider_name() or None
        with self.ws.session() as s:
            matter = s.get(JusticeContact, justice_contact_id)
            if matter is None or matter.deleted or matter.person_id is None:
                raise ValidationError(_("That justice matter is not on this computer any more."))
            person_id = matter.person_id
            charges = matter.charges
            earlier = s.scalar(
                select(ScreeningPrompt.dismissed_on).where(
                    ScreeningPrompt.justice_contact_id == justice_contact_id, ScreeningPrompt.deleted.is_(False)
                )
            )
        if earlier is not None:
            from app.reports.dates import month_day_year

            raise ValidationError(
                _("The prompt for this matter was already answered on {day}.").format(day=month_day_year(earlier))
            )
        matches = ChargeRulesLibrary(self.ws).in_force().matching(charges)
        values = {
            "justice_contact_id": justice_contact_id,
            "rules_version": matches[0].rule_set.label if matches else None,
            "dismissed_on": self._today(),
            "dismissed_by_name": name,
            "reason": reason,
        }
        with self.ws.records.batch() as s:
            record = self.ws.records.create_in(s, "screening_prompt", values, person_id=person_id)
            self.ws.audit(
                s, "screening_prompt_dismissed", record_type="screening_prompt", record_id=record.id,
                person_id=person_id, fields=["reason"],
            )  # fmt: skip
            return str(record.id)


__all__ = [
    "PROMPT_FOLLOW_UP",
    "PROMPT_TITLE",
    "ChargeRulesLibrary",
    "PromptOffer",
    "RulesImportResult",
    "ScreeningPromptService",
    "charged_not_screened",
    "listed_charge",
    "screened_since_arrest",
]
