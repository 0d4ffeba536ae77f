"""Charge rules as data: which charges are often linked to exploitation, each with a reason in plain words.

A rule only ever makes Offramp offer the worker "Consider a screening" on a justice matter where the person is the
defendant (``app.core.screening_prompts``). It never says anything about the person: the reason speaks of the charge
("Charges like loitering are often linked to exploitation."), and a reason that labels a person is refused.

A rules file is versioned TOML (DESIGN.md section 6). :func:`load_charge_rules` checks a file whole and raises
:class:`ChargeRulesError` listing every problem, each located by line and field, so nothing half-valid is used; the
office's imports are stored by ``app.core.screening_prompts``. No state's law is written here: the bundled file
(``bundled/charge-rules/``) lists offense words only, and an office adds its own statutes. The bundled file has a
version in Spanish (``bundled/es/charge-rules/``): the same ids, version and phrases, its title and reasons in
Spanish, used when the app speaks Spanish.

Matching is plain and the same in Python and in SQL: a phrase matches wherever it appears in a charge's offense
(``offense_words``) or statute (``statutes``), with the ASCII capitals folded (what SQLite's ``lower()`` folds).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import Field, StringConstraints, model_validator

from app.content.rule_files import bundled, ids_used_once, load_checked, table_wording
from app.content.templates import TemplateError, TemplateProblem, _Invalid, _Strict, content_error
from app.core.i18n import N_, _

_SLUG = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
#: A rule set's id and version together fit the 40 characters a screening prompt keeps of them ("id@version").
MAX_ID = 24
MAX_VERSION = 15
MIN_PHRASE = 3
MAX_PHRASE = 80
MAX_REASON = 200

Slug = Annotated[str, StringConstraints(pattern=_SLUG, max_length=MAX_ID)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.\-]*$", max_length=MAX_VERSION)]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=MIN_PHRASE, max_length=MAX_PHRASE)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_REASON)]

#: Words that would label the person rather than speak of a charge (DOMAIN.md sections 1.3 and 8), in English and in
#: Spanish (the bundled rules have a Spanish version, and an office may write its own in Spanish).
LABELLING_WORDS = (
    "victim", "victims", "suspect", "suspected", "suspicion", "positive", "confirmed", "trafficked",
    "víctima", "víctimas", "sospechoso", "sospechosa", "sospechosos", "sospechosas", "sospecha", "positivo",
    "positiva", "confirmado", "confirmada", "traficado", "traficada", "traficados", "traficadas",
)  # fmt: skip
_LABELLING = re.compile(r"\b(" + "|".join(LABELLING_WORDS) + r")\b", re.IGNORECASE)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """Lower-case the ASCII letters only: exactly what SQLite's ``lower()`` does, so Python and SQL agree."""
    return text.translate(_ASCII_LOWER)


# --- errors ---------------------------------------------------------------------------------------------------------


class ChargeRulesError(TemplateError):
    """A charge rules file that cannot be used. ``problems`` lists every located problem found."""

    code = "charge_rules"


def _error(name: str, problems: list[TemplateProblem]) -> ChargeRulesError:
    return content_error(ChargeRulesError, "charge rules", name, problems)


# --- the models -----------------------------------------------------------------------------------------------------


class ChargeRule(_Strict):
    """One kind of charge and why a screening could help: what it matches, and the reason in plain words."""

    id: Slug
    reason: Reason
    offense_words: list[Phrase] = Field(default_factory=list)
    statutes: list[Phrase] = Field(default_factory=list)

    @model_validator(mode="after")
    def _fits(self) -> ChargeRule:
        found: list[tuple[tuple[str | int, ...], str, str | None]] = []
        if not self.offense_words and not self.statutes:
            found.append(
                (("offense_words",), _("the rule matches nothing"),
                 N_('offense_words or statutes with at least one phrase, such as offense_words = ["loiter"]')),
            )  # fmt: skip
        label = _LABELLING.search(self.reason)
        if label:
            found.append(
                (("reason",), _("'{word}' would label the person, and a prompt never does").format(word=label.group(0)),
                 N_("words about the charge, such as 'Charges like loitering are often linked to exploitation.'")),
            )  # fmt: skip
        for key in ("offense_words", "statutes"):
            seen: set[str] = set()
            for i, phrase in enumerate(getattr(self, key)):
                if fold(phrase) in seen:
                    said = _("'{phrase}' is listed twice").format(phrase=phrase)
                    found.append(((key, i), said, N_("each phrase once")))
                seen.add(fold(phrase))
        if found:
            raise _Invalid(found)
        return self

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(fold(w) for w in self.offense_words)

    @property
    def statute_words(self) -> tuple[str, ...]:
        return tuple(fold(s) for s in self.statutes)

    def matches(self, charge: Any) -> bool:
        """Whether one charge (``{"offence": ..., "statute": ...}``) is of this kind; anything else never is."""
        if not isinstance(charge, Mapping):
            return False
        offence, statute = charge.get("offence"), charge.get("statute")
        offence = fold(offence) if isinstance(offence, str) else ""
        statute = fold(statute) if isinstance(statute, str) else ""
        return any(w in offence for w in self.words) or any(s in statute for s in self.statute_words)


class ChargeRuleSet(_Strict):
    id: Slug
    title: Text
    version: Version
    languages: list[Text] = Field(min_length=1)
    source: Text
    rules: list[ChargeRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> ChargeRuleSet:
        ids_used_once(self.rules, "rules", N_("rule"))
        return self

    @property
    def label(self) -> str:
        """``id@version``: what a screening prompt keeps of the rules that raised it (at most 40 characters)."""
        return f"{self.id}@{self.version}"


# --- the rules in force -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleMatch:
    """A charge rule that one of a matter's charges meets."""

    rule_set: ChargeRuleSet
    rule: ChargeRule


class ChargeRules:
    """The rule sets in force, one per id: an office's import of an id replaces the bundled set of that id."""

    def __init__(self, sets: Iterable[ChargeRuleSet]) -> None:
        by_id: dict[str, ChargeRuleSet] = {}
        for rule_set in sets:  # later sets replace earlier ones with the same id
            by_id[rule_set.id] = rule_set
        self.sets = list(by_id.values())

    def __iter__(self) -> Any:
        return ((rule_set, rule) for rule_set in self.sets for rule in rule_set.rules)

    def __bool__(self) -> bool:
        return any(True for _ in self)

    def matching(self, charges: Any) -> list[RuleMatch]:
        """The rules some charge in ``charges`` (a justice matter's list) meets, in the files' order."""
        if not isinstance(charges, list):
            return []
        return [RuleMatch(s, r) for s, r in self if any(r.matches(c) for c in charges)]

    @property
    def offense_words(self) -> list[str]:
        return sorted({w for _s, r in self for w in r.words})

    @property
    def statute_words(self) -> list[str]:
        return sorted({w for _s, r in self for w in r.statute_words})


# --- loading --------------------------------------------------------------------------------------------------------

_FIELD_EXPECTED = {
    # The limits are written out (MAX_ID, MAX_VERSION, MIN_PHRASE, MAX_PHRASE) so the catalogue holds each sentence
    # whole; a test keeps them equal to the constants.
    "id": N_("lower-case letters, digits and dashes, at most 24 characters, such as 'loitering'"),
    "title": N_("a title in quotes"),
    "version": N_('a version in quotes, at most 15 characters, such as version = "1"'),
    "languages": N_('a list of languages, such as languages = ["en"]'),
    "source": N_("where the rules come from, in quotes"),
    "rules": N_("at least one [[rules]] table"),
    "reason": N_("the reason in plain words, such as 'Charges like loitering are often linked to exploitation.'"),
    "offense_words": N_('a list of phrases of 3 to 80 characters, such as ["loiter"]'),
    "statutes": N_("a list of statute texts of 3 to 80 characters, in quotes"),
}
_WORDING = table_wording(
    N_("a charge rules file"), _FIELD_EXPECTED, {"": ChargeRuleSet, "rules": ChargeRule}, longest=MAX_REASON
)


def load_charge_rules(text: str, *, name: str) -> ChargeRuleSet:
    """Parse and check one charge rules file; raises :class:`ChargeRulesError` listing every located problem."""
    return load_checked(ChargeRuleSet, text, lambda problems: _error(name, problems), _WORDING, _own_limits)


_PHRASE_AT = re.compile(r"^rules\[(\d+)\]\.(offense_words|statutes)\[(\d+)\]$")


def _own_limits(problem: TemplateProblem, data: Any) -> TemplateProblem:
    """Each field's own limit in words: "too long" names it, and a phrase too short is not called "empty"."""
    field = problem.field.rsplit(".", 1)[-1].split("[")[0]
    # The problems are said in the app's language already: compared in it.
    if problem.problem.endswith(_("{value} is too long").format(value="").strip()):
        limit = {"id": MAX_ID, "version": MAX_VERSION, "reason": MAX_REASON}.get(field, MAX_PHRASE)
        said = _("at most {n} characters").format(n=limit)
        return TemplateProblem(problem.line, problem.field, problem.problem, said)
    phrase = _PHRASE_AT.match(problem.field)
    if problem.problem == _("is empty") and phrase:
        try:
            value = data["rules"][int(phrase.group(1))][phrase.group(2)][int(phrase.group(3))]
        except (KeyError, IndexError, TypeError):
            return problem
        if isinstance(value, str) and value.strip():
            shown = value.strip()
            return TemplateProblem(problem.line, problem.field, _("'{value}' is too short").format(value=shown),
                                   _("at least {n} characters").format(n=MIN_PHRASE))  # fmt: skip
    return problem


# --- the bundled rules ----------------------------------------------------------------------------------------------

BUNDLED_FOLDER = "bundled/charge-rules"


def shape(rule_set: ChargeRuleSet) -> Any:
    """Everything of a rule set but its words: what a version in another language shares with the English file. The
    phrases are part of it: they are matched against charges as a US court writes them, in English."""
    return (rule_set.id, rule_set.version, [(r.id, r.offense_words, r.statutes) for r in rule_set.rules])


def bundled_charge_rules(language: str | None = None) -> list[ChargeRuleSet]:
    """The charge rules that ship with Offramp, sorted by file name, in ``language`` (by default the app's) where
    they have a version in it (``bundled/<language>/charge-rules/``), in English otherwise. An office's imported
    rules are never replaced by these."""
    return bundled(BUNDLED_FOLDER, load_charge_rules, shape, language=language)


__all__ = [
    "LABELLING_WORDS",
    "ChargeRule",
    "ChargeRuleSet",
    "ChargeRules",
    "ChargeRulesError",
    "RuleMatch",
    "bundled_charge_rules",
    "fold",
    "load_charge_rules",
    "shape",
]
