"""Record-relief jurisdiction rules as data: which reliefs a jurisdiction offers, for which charges, with which time
limits, hearings and proof rules (DOMAIN.md section 5, DESIGN.md section 6).

No state's law is written in code. An office keeps its own rules in TOML files; :func:`load_rules` checks a file
whole and raises :class:`RulesError` listing every problem, each located by line and field, so nothing half-valid
is used. The bundled file (``bundled/relief/``) is a clearly labelled example, not a claim about any real state; its
version in Spanish (``bundled/es/relief/``, the same reliefs, limits and version in other words) is used when the app
speaks Spanish.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, model_validator

from app.content.rule_files import bundled, ids_used_once, load_checked, table_wording
from app.content.templates import TemplateError, TemplateProblem, _Invalid, _Strict, content_error
from app.core.i18n import N_, _, ngettext
from app.models import ChargeLevel

# --- the closed vocabularies --------------------------------------------------------------------------------------

#: The kinds of relief (DOMAIN.md section 5); "other" covers what a jurisdiction calls something else.
RELIEF_KINDS = ("vacatur", "expungement", "sealing", "other")
#: Charge levels a relief can cover (the values a charge stores).
LEVELS = tuple(level.value for level in ChargeLevel)
#: The date a time limit counts from.
COUNTED_FROM = ("disposition", "arrest")
LIMIT_KINDS = ("within_years", "none")

_SLUG = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
Slug = Annotated[str, StringConstraints(pattern=_SLUG)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.\-]*$", max_length=40)]
Code = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9\-_]*$", max_length=40)]


def _or_list(words: Sequence[str]) -> str:
    words = list(words)
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` moved ``years`` years on; 29 February becomes 28 February in a year without one."""
    year = day.year + years
    last = calendar.monthrange(year, day.month)[1]
    return day.replace(year=year, day=min(day.day, last))


# --- errors ---------------------------------------------------------------------------------------------------------


class RulesError(TemplateError):
    """A rules file that cannot be used. ``problems`` lists every located problem found."""

    code = "relief_rules"


def _error(name: str, problems: list[TemplateProblem]) -> RulesError:
    return content_error(RulesError, "relief rules", name, problems)


# --- the models -----------------------------------------------------------------------------------------------------


class TimeLimit(_Strict):
    """How long after a charge's disposition (or arrest) a petition may be filed; ``none`` means no limit."""

    kind: Literal["within_years", "none"]
    years: int | None = None
    counted_from: Literal["disposition", "arrest"] | None = None

    @model_validator(mode="after")
    def _fits(self) -> TimeLimit:
        found: list[tuple[tuple[str | int, ...], str, str | None]] = []
        if self.kind == "within_years":
            if self.years is None:
                found.append((("years",), _("is missing for a 'within_years' limit"), N_("a whole number of years")))
            elif not 1 <= self.years <= 100:
                said = _("{n} is not a number of years").format(n=self.years)
                found.append((("years",), said, N_("a whole number from 1 to 100")))
            if self.counted_from is None:
                found.append((("counted_from",), _("is missing for a 'within_years' limit"), _or_list(COUNTED_FROM)))
        else:
            for key in ("years", "counted_from"):
                if getattr(self, key) is not None:
                    found.append(((key,), _("only a 'within_years' limit has this"), None))
        if found:
            raise _Invalid(found)
        return self

    def due(self, *, disposition: dt.date | None, arrest: dt.date | None) -> dt.date | None:
        """The last day to file, or None (no limit, or the date it counts from is not recorded)."""
        if self.kind == "none" or self.years is None:
            return None
        start = disposition if self.counted_from == "disposition" else arrest
        return None if start is None else add_years(start, self.years)

    def words(self) -> str:
        """ "Within 5 years of the disposition" in the app's language, whole sentences so each reads right."""
        if self.kind == "none":
            return _("No time limit")
        n = self.years or 0
        if self.counted_from == "disposition":
            said = ngettext("Within {n} year of the disposition", "Within {n} years of the disposition", n)
        else:
            said = ngettext("Within {n} year of the arrest", "Within {n} years of the arrest", n)
        return said.format(n=self.years)


class Relief(_Strict):
    """One kind of relief a jurisdiction offers and the rules it comes with."""

    id: Slug
    kind: Literal["vacatur", "expungement", "sealing", "other"]
    title: Text
    levels: list[Literal["felony", "misdemeanor", "violation", "juvenile", "other"]] = Field(min_length=1)
    offences: list[Text] = Field(default_factory=list)
    time_limit: TimeLimit
    hearing_required: bool
    proof_of_trafficking: Literal["required", "helpful", "not_required"] = "helpful"
    notes: Text | None = None
    citation: Text

    def covers(self, level: str | None) -> bool:
        """Whether a charge of ``level`` may qualify (an unknown level may: the advocate checks)."""
        return level is None or level in self.levels


class Deadlines(_Strict):
    """Dates the court process sets once a petition moves: the prosecution's response and the appeal window."""

    response_days_after_filing: int | None = Field(default=None, ge=1, le=365)
    appeal_days_after_decision: int | None = Field(default=None, ge=1, le=365)
    remind_days_before: int = Field(default=14, ge=0, le=120)


class JurisdictionRules(_Strict):
    jurisdiction: Code
    title: Text
    version: Version
    example: bool
    notice: Text
    source: Text
    reliefs: list[Relief] = Field(min_length=1)
    deadlines: Deadlines = Field(default_factory=Deadlines)

    @model_validator(mode="after")
    def _unique(self) -> JurisdictionRules:
        ids_used_once(self.reliefs, "reliefs", N_("relief"))
        return self

    def relief(self, relief_id: str) -> Relief:
        for relief in self.reliefs:
            if relief.id == relief_id:
                return relief
        raise KeyError(relief_id)

    def reliefs_for(self, level: str | None, kind: str | None = None) -> list[Relief]:
        """The reliefs a charge of ``level`` may qualify for (only those of ``kind`` when given)."""
        return [r for r in self.reliefs if r.covers(level) and (kind is None or r.kind == kind)]

    @property
    def label(self) -> str:
        return _("{title} (version {version})").format(title=self.title, version=self.version)


# --- loading --------------------------------------------------------------------------------------------------------

_FIELD_EXPECTED = {
    "jurisdiction": N_("a short code in quotes, such as 'EX'"),
    "title": N_("a title in quotes"),
    "version": N_('a version in quotes, such as version = "1"'),
    "example": N_("true or false"),
    "notice": N_("a plain warning in quotes, such as 'Not legal advice'"),
    "source": N_("where the rules come from, in quotes"),
    "reliefs": N_("at least one [[reliefs]] table"),
    "id": N_("lower-case letters, digits and dashes, such as 'vacatur'"),
    "kind": _or_list(RELIEF_KINDS),
    "levels": "a list of charge levels: " + _or_list(LEVELS),
    "offences": N_("a list of offenses in quotes"),
    "time_limit": N_('a table such as { kind = "within_years", years = 3, counted_from = "disposition" }'),
    "hearing_required": N_("true or false"),
    "proof_of_trafficking": N_("required, helpful or not_required"),
    "notes": N_("notes in quotes"),
    "citation": N_("the statute or rule it comes from, in quotes"),
    "years": N_("a whole number of years"),
    "counted_from": _or_list(COUNTED_FROM),
    "response_days_after_filing": N_("a whole number of days"),
    "appeal_days_after_decision": N_("a whole number of days"),
    "remind_days_before": N_("a whole number of days"),
}
_WORDING = table_wording(
    N_("a rules file"),
    _FIELD_EXPECTED,
    {"": JurisdictionRules, "reliefs": Relief, "time_limit": TimeLimit, "deadlines": Deadlines},
)


def load_rules(text: str, *, name: str) -> JurisdictionRules:
    """Parse and check one rules file; raises :class:`RulesError` listing every located problem."""
    return load_checked(JurisdictionRules, text, lambda problems: _error(name, problems), _WORDING)


class RuleBook:
    """Every jurisdiction's rules known on this computer, by jurisdiction code."""

    def __init__(self, rules: Iterable[JurisdictionRules]) -> None:
        self._by_code: dict[str, JurisdictionRules] = {}
        for r in rules:
            self._by_code[r.jurisdiction] = r

    def get(self, jurisdiction: str | None) -> JurisdictionRules | None:
        return self._by_code.get(jurisdiction or "")

    def all(self) -> list[JurisdictionRules]:
        return sorted(self._by_code.values(), key=lambda r: r.title.lower())

    def __contains__(self, jurisdiction: object) -> bool:
        return jurisdiction in self._by_code


def load_rule_files(files: Iterable[tuple[str, str]], *, base: Iterable[JurisdictionRules] = ()) -> RuleBook:
    """A rule book from (name, text) pairs, all or nothing: one bad file (or two files for one jurisdiction)
    raises :class:`RulesError` and nothing is loaded. Files replace ``base`` rules for the same jurisdiction."""
    loaded: list[tuple[str, JurisdictionRules]] = []
    problems: list[TemplateProblem] = []
    first_error: RulesError | None = None
    for name, text in files:
        try:
            loaded.append((name, load_rules(text, name=name)))
        except RulesError as exc:
            first_error = first_error or exc
            problems.extend(TemplateProblem(p.line, f"{name}: {p.field}" if p.field else name, p.problem, p.expected)
                            for p in exc.problems)  # fmt: skip
    seen: dict[str, str] = {}
    for name, rules in loaded:
        if rules.jurisdiction in seen:
            first = seen[rules.jurisdiction]
            said = _("'{code}' is already set out in {file}").format(code=rules.jurisdiction, file=first)
            problems.append(TemplateProblem(None, f"{name}: jurisdiction", said, _("one file per jurisdiction")))
        seen.setdefault(rules.jurisdiction, name)
    if problems:
        if first_error is not None and len(problems) == len(first_error.problems):
            raise first_error
        raise RulesError(
            _("The relief rules could not be loaded, so none were.") + " " + " ".join(str(p) for p in problems[:3]),
            problems=problems,
        )
    return RuleBook([*base, *(r for _, r in loaded)])


def load_rules_folder(folder: Path, *, base: Iterable[JurisdictionRules] = ()) -> RuleBook:
    """Every ``*.toml`` in ``folder``, all or nothing (see :func:`load_rule_files`)."""
    files = sorted(Path(folder).glob("*.toml"))
    return load_rule_files(((f.name, f.read_text(encoding="utf-8")) for f in files), base=base)


# --- the bundled example --------------------------------------------------------------------------------------------

BUNDLED_FOLDER = "bundled/relief"


def shape(rules: JurisdictionRules) -> Any:
    """Everything of a rules file but its words: what a version in another language shares with the English file."""
    reliefs = [
        (r.id, r.kind, r.levels, len(r.offences), r.time_limit, r.hearing_required, r.proof_of_trafficking,
         r.notes is None)
        for r in rules.reliefs
    ]  # fmt: skip
    return (rules.jurisdiction, rules.version, rules.example, rules.deadlines, reliefs)


def bundled_rules(language: str | None = None) -> list[JurisdictionRules]:
    """The rules that ship with Offramp: one labelled example, never a real state's law; in ``language`` (by
    default the app's) where they have a version in it (``bundled/<language>/relief/``), in English otherwise."""
    return bundled(BUNDLED_FOLDER, load_rules, shape, language=language)


def default_rule_book() -> RuleBook:
    return RuleBook(bundled_rules())


__all__ = [
    "COUNTED_FROM",
    "LEVELS",
    "RELIEF_KINDS",
    "Deadlines",
    "JurisdictionRules",
    "Relief",
    "RuleBook",
    "RulesError",
    "TimeLimit",
    "add_years",
    "bundled_rules",
    "default_rule_book",
    "load_rule_files",
    "load_rules",
    "load_rules_folder",
    "shape",
]
