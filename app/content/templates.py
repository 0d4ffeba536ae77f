"""Versioned checklist and screening templates: the models, the TOML loader and the bundled files.

A template is data (DESIGN.md section 6): an office can replace the bundled example screening with the validated
instrument it is licensed to use. :func:`load_template` checks a file whole and raises :class:`TemplateError` with
every problem it finds, each located by line and field and saying what is expected, so nothing half-valid is used.

Freezing a used version and storing imports belong to ``app.core.templates``; this module only reads and checks.
"""

from __future__ import annotations

import re
import tomllib
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, field_validator, model_validator

from app.core.i18n import N_, _, ngettext
from app.errors import OfframpError

# --- the closed vocabularies --------------------------------------------------------------------------------------

KINDS = ("checklist", "screening")
POPULATIONS = ("adult", "youth", "any")
MODES = ("interview_questions", "observed_indicators", "information_integration")
PHASES = ("before", "during", "after")
REGIMES = ("prosecution", "advocacy")
ANSWER_TYPES = ("indicator", "checklist", "text", "choice")

#: Answers to an indicator item. "declined" is the person's choice and is never counted as "no".
INDICATOR_ANSWERS = ("yes", "no", "unsure", "declined", "not_asked")
#: Answers to a checklist item. "declined" records that the person chose not to (e.g. a consent decision).
CHECKLIST_ANSWERS = ("done", "not_done", "not_applicable", "declined")
#: The fixed answers of each answer type ("text" is free text; "choice" takes the item's own choices).
ANSWERS_BY_TYPE: dict[str, tuple[str, ...]] = {
    "indicator": INDICATOR_ANSWERS,
    "checklist": CHECKLIST_ANSWERS,
    "text": (),
    "choice": (),
}

#: Next-step rules: only rules a source itself defines. ``any_yes_in_domain:<domain id>`` names one of the domains.
NEXT_STEP_RULES = ("any_yes", "any_yes_in_domain:<domain id>", "minor")
_SIMPLE_RULES = frozenset({"any_yes", "minor"})
_DOMAIN_RULE = "any_yes_in_domain:"

_SLUG = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
_SLUG_EXPECTED = N_("lower-case letters, digits and dashes, such as 'safety-check'")

Slug = Annotated[str, StringConstraints(pattern=_SLUG)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Version = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z][0-9A-Za-z.\-]*$", max_length=40)]


class Choices(str):
    """ "a, b or c" (the English words, as before), keeping the words so :meth:`said` joins them in the app's
    language when a problem is shown ("a, b o c")."""

    words: tuple[str, ...]

    def __new__(cls, words: Sequence[str]) -> Choices:
        listed = tuple(words)
        made = super().__new__(cls, listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " or " + listed[-1])
        made.words = listed
        return made

    def said(self) -> str:
        if len(self.words) == 1:
            return self.words[0]
        return _("{items} or {last}").format(items=", ".join(self.words[:-1]), last=self.words[-1])


def _or_list(words: Sequence[str]) -> Choices:
    return Choices(words)


# --- errors ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TemplateProblem:
    """One thing wrong with a template: where (line, field path), what, and what is expected."""

    line: int | None
    field: str
    problem: str
    expected: str | None = None

    def __str__(self) -> str:
        """ "Line 3, sections.0.title: is missing (expected a short title in quotes)." in the app's language (the
        problem and what is expected are said in it where they are found)."""
        line = _("Line {line}").format(line=self.line) if self.line else ""
        where = ", ".join(p for p in (line, self.field) if p)
        text = _("{where}: {problem}").format(where=where, problem=self.problem) if where else (
            self.problem[:1].upper() + self.problem[1:])  # fmt: skip
        if self.expected:
            return _("{problem} (expected {expected}).").format(problem=text, expected=self.expected)
        return text + "."


class TemplateError(OfframpError):
    """A template that cannot be used. ``problems`` lists every located problem found (may be empty)."""

    code = "template"

    def __init__(self, message: str, *, problems: Sequence[TemplateProblem], detail: str | None = None) -> None:
        super().__init__(message, detail=detail)
        self.problems = list(problems)


_SHOWN_PROBLEMS = 3


E = typing.TypeVar("E", bound="TemplateError")


#: "The template “x” could not be used.", a whole sentence for each kind of content file (``what``).
_NOT_USED: dict[str, str] = {
    "template": N_("The template “{name}” could not be used."),
    "category list": N_("The category list “{name}” could not be used."),
    "charge rules": N_("The charge rules “{name}” could not be used."),
    "relief rules": N_("The relief rules “{name}” could not be used."),
}


def content_error(kind: type[E], what: str, name: str, problems: Sequence[TemplateProblem]) -> E:
    """One error for a content file (``what``: "template", "category list"...) naming its first few problems."""
    shown = " ".join(str(p) for p in problems[:_SHOWN_PROBLEMS])
    rest = len(problems) - _SHOWN_PROBLEMS
    more = " " + ngettext("And {n} more problem.", "And {n} more problems.", rest).format(n=rest) if rest > 0 else ""
    said = _(_NOT_USED[what]) if what in _NOT_USED else f"The {what} “{{name}}” could not be used."
    return kind(f"{said.format(name=name)} {shown}{more}", problems=problems)


def _error(name: str, problems: list[TemplateProblem]) -> TemplateError:
    return content_error(TemplateError, "template", name, problems)


class _Invalid(ValueError):
    """Raised inside validators: problems at paths relative to the model being validated."""

    def __init__(self, found: list[tuple[tuple[str | int, ...], str, str | None]]) -> None:
        super().__init__("; ".join(problem for _, problem, _ in found))
        self.found = found


# --- the models -----------------------------------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class RegimeText(_Strict):
    """Wording that differs by regime: a prosecution-side user and a community advocate say different things."""

    prosecution: Text
    advocacy: Text


class Item(_Strict):
    id: Slug
    text: Text
    help: Text | None = None
    answer_type: Literal["indicator", "checklist", "text", "choice"]
    choices: list[Text] = Field(default_factory=list)
    domain: Slug | None = None
    text_by_regime: RegimeText | None = None
    required_for_completion: bool = False

    @model_validator(mode="after")
    def _choices_fit(self) -> Item:
        if self.answer_type == "choice" and not self.choices:
            raise _Invalid([(("choices",), _("is missing for a 'choice' item"), N_("a list of at least one choice"))])
        if self.answer_type != "choice" and self.choices:
            said = _("only 'choice' items have choices, not '{kind}' items").format(kind=self.answer_type)
            raise _Invalid([(("choices",), said, None)])
        if len(set(self.choices)) != len(self.choices):
            raise _Invalid([(("choices",), _("lists the same choice twice"), N_("each choice once"))])
        return self

    @property
    def answers(self) -> tuple[str, ...]:
        """The answers this item accepts (empty for free text)."""
        return tuple(self.choices) if self.answer_type == "choice" else ANSWERS_BY_TYPE[self.answer_type]

    def text_for(self, regime: str | None) -> str:
        """The wording for a regime ("prosecution" or "advocacy"); the plain text when it does not differ."""
        if self.text_by_regime is not None and regime in REGIMES:
            return str(getattr(self.text_by_regime, str(regime)))
        return self.text


class Section(_Strict):
    id: Slug
    title: Text
    phase: Literal["before", "during", "after"] | None = None
    help: Text | None = None
    items: list[Item] = Field(min_length=1)


class Domain(_Strict):
    id: Slug
    title: Text


class NextStep(_Strict):
    id: Slug
    text: Text
    rule: str

    @field_validator("rule")
    @classmethod
    def _known_rule(cls, rule: str) -> str:
        rule = rule.strip()
        if rule in _SIMPLE_RULES:
            return rule
        if rule.startswith(_DOMAIN_RULE) and re.match(_SLUG, rule.removeprefix(_DOMAIN_RULE)):
            return rule
        raise _Invalid([((), _("'{rule}' is not a next-step rule").format(rule=rule), _or_list(NEXT_STEP_RULES))])

    @property
    def domain(self) -> str | None:
        """The domain an ``any_yes_in_domain`` rule names."""
        return self.rule.removeprefix(_DOMAIN_RULE) if self.rule.startswith(_DOMAIN_RULE) else None


class Template(_Strict):
    id: Slug
    title: Text
    version: Version
    kind: Literal["checklist", "screening"]
    source: Text
    licence_note: Text
    population: Literal["adult", "youth", "any"]
    mode: Literal["interview_questions", "observed_indicators", "information_integration"]
    languages: list[Text] = Field(min_length=1)
    domains: list[Domain] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    next_steps: list[NextStep] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Template:
        found: list[tuple[tuple[str | int, ...], str, str | None]] = []

        def unique(kind: str, entries: list[tuple[tuple[str | int, ...], str]]) -> None:
            seen: dict[str, tuple[str | int, ...]] = {}
            for path, ident in entries:
                if ident in seen:
                    first = _dotted(seen[ident][:-1])
                    said = _("the {kind} id '{ident}' is already used at {first}").format(
                        kind=_(kind), ident=ident, first=first
                    )
                    found.append((path, said, N_("each id only once")))
                else:
                    seen[ident] = path

        unique(N_("section"), [(("sections", i, "id"), s.id) for i, s in enumerate(self.sections)])
        unique(
            N_("item"),
            [
                (("sections", i, "items", j, "id"), item.id)
                for i, s in enumerate(self.sections)
                for j, item in enumerate(s.items)
            ],
        )
        unique(N_("domain"), [(("domains", i, "id"), d.id) for i, d in enumerate(self.domains)])
        unique(N_("next step"), [(("next_steps", i, "id"), n.id) for i, n in enumerate(self.next_steps)])

        domain_ids = [d.id for d in self.domains]
        known = _or_list(domain_ids) if domain_ids else N_("a domain listed under [[domains]]")
        if self.kind == "screening" and not self.domains:
            hint = N_("at least one [[domains]] with id and title")
            found.append((("domains",), _("a screening needs its domains"), hint))
        if self.kind == "checklist" and self.domains:
            found.append((("domains",), _("only screenings have domains"), None))
        for i, section in enumerate(self.sections):
            if self.kind == "checklist" and section.phase is None:
                found.append((("sections", i, "phase"), _("is missing for a checklist section"), _or_list(PHASES)))
            for j, item in enumerate(section.items):
                path: tuple[str | int, ...] = ("sections", i, "items", j, "domain")
                if self.kind == "screening" and item.domain is None:
                    found.append((path, _("is missing for a screening item"), known))
                elif self.kind == "checklist" and item.domain is not None:
                    found.append((path, _("only screening items have a domain"), None))
                elif item.domain is not None and item.domain not in domain_ids:
                    said = _("'{domain}' is not one of this template's domains").format(domain=item.domain)
                    found.append((path, said, known))
        for i, step in enumerate(self.next_steps):
            if step.domain is not None and step.domain not in domain_ids:
                said = _("'{domain}' is not one of this template's domains").format(domain=step.domain)
                found.append((("next_steps", i, "rule"), said, known))
        if found:
            raise _Invalid(found)
        return self

    def items(self) -> list[Item]:
        """Every item, in order."""
        return [item for section in self.sections for item in section.items]

    def item(self, item_id: str) -> Item:
        for item in self.items():
            if item.id == item_id:
                return item
        raise KeyError(item_id)


# --- loading --------------------------------------------------------------------------------------------------------


def _dotted(path: Sequence[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(r"""^\s*((?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_\-]+|"[^"]*"|'[^']*'))*)\s*=""")


def _parts(dotted: str) -> list[str]:
    return [p.strip().strip("\"'") for p in re.split(r"\.(?=(?:[^\"']*[\"'][^\"']*[\"'])*[^\"']*$)", dotted)]


def _line_index(text: str) -> dict[tuple[str | int, ...], int]:
    """Best-effort map from a field path to the line it is on (table headers and ``key =`` lines)."""
    lines: dict[tuple[str | int, ...], int] = {}
    counts: dict[tuple[str | int, ...], int] = {}
    current: tuple[str | int, ...] = ()
    quote: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if quote is not None:  # inside a multi-line string
            if line.count(quote) % 2 == 1:
                quote = None
            continue
        header = _HEADER.match(line)
        if header:
            names = _parts(header.group(2))
            path: list[str | int] = []
            for name in names[:-1]:
                path.append(name)
                if tuple(path) in counts:
                    path.append(counts[tuple(path)] - 1)
            path.append(names[-1])
            if header.group(1) == "[[":
                index = counts.get(tuple(path), 0)
                counts[tuple(path)] = index + 1
                path.append(index)
            current = tuple(path)
            lines.setdefault(current, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*current, *_parts(key.group(1))), number)
            rest = line[key.end() :]
            for mark in ('"""', "'''"):
                if rest.count(mark) % 2 == 1:
                    quote = mark
                    break
    return lines


def _locate(path: Sequence[str | int], text: str, data: Any, index: dict[tuple[str | int, ...], int]) -> int | None:
    """The line of ``path``, or of the nearest enclosing table / entry whose ``id`` can be found in the text."""
    for end in range(len(path), 0, -1):
        prefix = tuple(path[:end])
        if prefix in index:
            return index[prefix]
        node: Any = data
        for part in prefix:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                node = None
                break
        if isinstance(node, dict) and isinstance(node.get("id"), str):
            pattern = re.compile(r"""\bid\s*=\s*["']""" + re.escape(node["id"]) + r"""["']""")
            for number, line in enumerate(text.splitlines(), start=1):
                if pattern.search(line):
                    return number
    return None


_FIELD_EXPECTED = {
    "id": _SLUG_EXPECTED,
    "title": N_("a short title in quotes"),
    "text": N_("the wording in quotes"),
    "help": N_("help text in quotes"),
    "version": N_('a version in quotes, such as version = "1"'),
    "source": N_("where the content comes from, in quotes"),
    "licence_note": N_("a note on who may use and share it, in quotes"),
    "languages": N_('a list of languages, such as languages = ["en"]'),
    "sections": N_("at least one [[sections]] with items"),
    "items": N_("at least one item in the section"),
    "rule": _or_list(NEXT_STEP_RULES),
    "required_for_completion": N_("true or false"),
    "domain": N_("a domain id"),
    "kind": _or_list(KINDS),
    "population": _or_list(POPULATIONS),
    "mode": _or_list(MODES),
    "phase": _or_list(PHASES),
    "answer_type": _or_list(ANSWER_TYPES),
    "prosecution": N_("the prosecution-side wording in quotes"),
    "advocacy": N_("the advocacy wording in quotes"),
}
_CHOICE_NAMES = {
    "kind": N_("a kind of template"),
    "population": N_("a population"),
    "mode": N_("a mode"),
    "phase": N_("a phase"),
    "answer_type": N_("an answer type"),
}


def _show(value: Any) -> str:
    shown = f"'{value}'" if isinstance(value, str) else repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def _model_fields(path: Sequence[str | int]) -> list[str]:
    """The field names of the model at ``path`` (for "expected one of" on an unknown key)."""
    model: Any = Template
    for part in path:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[part].annotation if part in model.model_fields else None
        candidates = [annotation, *typing.get_args(annotation)]
        for arg in list(candidates):
            candidates.extend(typing.get_args(arg))
        nested = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        if not nested:
            return []
        model = nested[0]
    return list(model.model_fields)


@dataclass(frozen=True)
class Wording:
    """How one kind of content file talks about its problems: what each field expects, the fields allowed where,
    and the names of closed choices. Templates, the referral taxonomy and relief rules share one locator."""

    thing: str  # "a template", "a category list", "the rules"
    expected: Mapping[str, str]  # field name -> what is expected there
    fields_at: Callable[[tuple[str | int, ...]], list[str]]  # the fields a table at this path may have
    choice_names: Mapping[str, str] = field(default_factory=dict)  # field -> "an answer type"
    table_hint: str = N_("a table of fields")
    longest: int = 40


def located_problems(error: ValidationError, text: str, data: Any, wording: Wording) -> list[TemplateProblem]:
    """Every problem pydantic found, located by line and field, in plain words with what is expected."""
    index = _line_index(text)
    expected = wording.expected
    problems: list[TemplateProblem] = []
    for e in error.errors():
        # Pydantic labels which branch of ``X | None`` failed; drop those labels from the path.
        loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith(("function-", "constrained-str"))))
        name = next((p for p in reversed(loc) if isinstance(p, str)), "")
        kind, value = e["type"], e.get("input")
        found: list[tuple[tuple[str | int, ...], str, str | None]]
        cause = (e.get("ctx") or {}).get("error")
        if isinstance(cause, _Invalid):
            found = [((*loc, *sub), problem, hint) for sub, problem, hint in cause.found]
        elif kind == "missing":
            found = [(loc, _("is missing"), expected.get(name))]
        elif kind == "extra_forbidden":
            allowed = wording.fields_at(loc[:-1])
            hint = _("only {fields}").format(fields=_or_list(allowed).said()) if allowed else None
            found = [(loc, _("'{field}' is not a field {thing} has here").format(field=loc[-1], thing=_(wording.thing)),
                      hint)]  # fmt: skip
        elif kind == "literal_error":
            what = _(wording.choice_names.get(name, N_("a known value")))
            found = [(loc, _("{value} is not {what}").format(value=_show(value), what=what), expected.get(name))]
        elif kind in {"too_short", "string_too_short"}:
            found = [(loc, _("is empty"), expected.get(name))]
        elif kind == "string_pattern_mismatch":
            found = [(loc, _("{value} does not fit").format(value=_show(value)),
                      expected.get(name, N_("a different form")))]  # fmt: skip
        elif kind == "string_too_long":
            found = [(loc, _("{value} is too long").format(value=_show(value)),
                      _("at most {n} characters").format(n=wording.longest))]  # fmt: skip
        elif kind == "string_type":
            found = [(loc, _("{value} is not text").format(value=_show(value)),
                      expected.get(name, N_("text in quotes")))]  # fmt: skip
        elif kind in {"bool_type", "bool_parsing"}:
            found = [(loc, _("{value} is not true or false").format(value=_show(value)),
                      N_("true or false, without quotes"))]  # fmt: skip
        elif kind in {"int_type", "int_parsing", "int_from_float"}:
            found = [(loc, _("{value} is not a whole number").format(value=_show(value)),
                      expected.get(name, N_("a whole number")))]  # fmt: skip
        elif kind in {"greater_than_equal", "less_than_equal"}:
            found = [(loc, _("{value} is out of range").format(value=_show(value)), str(e["msg"]).lower())]
        elif kind == "list_type":
            found = [(loc, _("is not a list"), expected.get(name, N_("a list in [ ]")))]
        elif kind in {"model_type", "model_attributes_type", "dict_type"}:
            found = [(loc, _("is not a table"), expected.get(name, wording.table_hint))]
        else:
            found = [(loc, str(e["msg"]).rstrip("."), None)]
        for path, problem, hint in found:
            # What is expected is marked for the catalogue where it is declared, and said here in the app's language.
            said = hint.said() if isinstance(hint, Choices) else _(hint) if hint else hint
            problems.append(TemplateProblem(_locate(path, text, data, index), _dotted(path), problem, said))
    return problems


_TEMPLATE_WORDING = Wording(
    N_("a template"),
    _FIELD_EXPECTED,
    lambda loc: _model_fields(loc),
    _CHOICE_NAMES,
    N_("a table of fields, such as [[sections]] or { key = value }"),
)


def _problems_from(error: ValidationError, text: str, data: Any) -> list[TemplateProblem]:
    return located_problems(error, text, data, _TEMPLATE_WORDING)


_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


def read_toml(text: str, fail: Callable[[list[TemplateProblem]], TemplateError]) -> dict[str, Any]:
    """Parse a content file's TOML; a file that is not TOML raises ``fail([problem])`` with its line."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raw = str(exc)
        where = _AT.search(raw)
        line: int | None = None
        if where:
            line = int(where.group(1)) if where.group(1) else max(1, len(text.splitlines()))
        reason = _AT.sub("", raw) or _("it could not be read")
        reason = reason[:1].lower() + reason[1:]
        expected = _("every quote and bracket closed, and one key = value per line")
        said = _("this is not valid TOML ({reason})").format(reason=reason)  # the parser's own reason stays English
        raise fail([TemplateProblem(line, "", said, expected)]) from None
    except (RecursionError, ValueError) as exc:  # very deep nesting; text that is not text
        problem = TemplateProblem(None, "", _("the file could not be read as TOML"), _("a plain-text TOML file"))
        raise fail([problem]) from exc


def load_template(text: str, *, name: str) -> Template:
    """Parse and check one TOML template; raises :class:`TemplateError` listing every located problem."""
    data = read_toml(text, lambda problems: _error(name, problems))
    try:
        return Template.model_validate(data)
    except ValidationError as exc:
        raise _error(name, _problems_from(exc, text, data)) from None


# --- the bundled templates ------------------------------------------------------------------------------------------

BUNDLED_PACKAGE = "app.content"
BUNDLED_FOLDER = "bundled"


@lru_cache(maxsize=1)
def _bundled() -> tuple[Template, ...]:
    folder = resources.files(BUNDLED_PACKAGE).joinpath(BUNDLED_FOLDER)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return tuple(load_template(f.read_text(encoding="utf-8"), name=f.name) for f in files)


def bundled_templates() -> list[Template]:
    """The templates that ship with Offramp (``app/content/bundled/*.toml``), sorted by file name."""
    return list(_bundled())


# --- language versions ----------------------------------------------------------------------------------------------

#: A bundled template's version in another language sits in ``bundled/<language>/`` under the same file name, with
#: the same id, version, kind and ids (sections, items, domains, next steps), so answers and records are the same
#: whatever the language they were read in; only the words differ, and ``languages`` names the language.
_LANGUAGE_FOLDER = re.compile(r"^[a-z]{2,3}$")


@lru_cache(maxsize=1)
def _bundled_language_versions() -> dict[tuple[str, str, str], Template]:
    found: dict[tuple[str, str, str], Template] = {}
    root = resources.files(BUNDLED_PACKAGE).joinpath(BUNDLED_FOLDER)
    for folder in sorted((f for f in root.iterdir() if _LANGUAGE_FOLDER.match(f.name)), key=lambda f: f.name):
        for file in sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name):
            template = load_template(file.read_text(encoding="utf-8"), name=f"{folder.name}/{file.name}")
            found[(template.id, template.version, folder.name)] = template
    return found


def bundled_language_versions() -> list[Template]:
    """Every bundled template's version in another language (``app/content/bundled/<language>/*.toml``)."""
    return list(_bundled_language_versions().values())


def in_language(template: Template, languages: Sequence[str]) -> Template:
    """``template`` in the first of ``languages`` that it is written in or has a bundled version in; the template
    itself when it has none of them (an office's imported template is used as it was given)."""
    for language in languages:
        if language in template.languages:
            return template
        version = _bundled_language_versions().get((template.id, template.version, language))
        if version is not None:
            return version
    return template


__all__ = [
    "ANSWERS_BY_TYPE",
    "ANSWER_TYPES",
    "CHECKLIST_ANSWERS",
    "INDICATOR_ANSWERS",
    "KINDS",
    "MODES",
    "NEXT_STEP_RULES",
    "PHASES",
    "POPULATIONS",
    "REGIMES",
    "Domain",
    "Item",
    "NextStep",
    "RegimeText",
    "Section",
    "Template",
    "TemplateError",
    "TemplateProblem",
    "bundled_language_versions",
    "bundled_templates",
    "in_language",
    "load_template",
]
