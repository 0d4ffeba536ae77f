"""The referral service categories (DOMAIN.md section 7) as a versioned TOML list, each mapped to a VOCA category.

A list is data (DESIGN.md section 6): :func:`load_taxonomy` checks a file whole and raises :class:`TaxonomyError`
naming every problem by line and field, as templates do. A referral and a provider keep the version of the list they
were made with, so :func:`category_title` looks a category up in that version first and an old referral keeps its
meaning after the list changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from pydantic import Field, model_validator
from pydantic import ValidationError as PydanticError

from app.content.templates import (
    Slug,
    TemplateError,
    TemplateProblem,
    Text,
    Version,
    Wording,
    _dotted,
    _Invalid,
    _line_index,
    _locate,
    _or_list,
    _Strict,
    content_error,
    located_problems,
    read_toml,
)
from app.core.i18n import N_, _

#: The five VOCA service categories (the VOCA performance measures group every service under one of these).
#: The VOCA categories, marked for the message catalogue (the reports print them in the app's language).
VOCA_CATEGORIES: dict[str, str] = {
    "information_referral": N_("Information and referral"),
    "personal_advocacy": N_("Personal advocacy and accompaniment"),
    "emotional_support_safety": N_("Emotional support or safety services"),
    "shelter_housing": N_("Shelter and housing services"),
    "justice_assistance": N_("Criminal and civil justice system assistance"),
}
VocaCategory = Literal[
    "information_referral", "personal_advocacy", "emotional_support_safety", "shelter_housing", "justice_assistance"
]


class TaxonomyError(TemplateError):
    """A category list that cannot be used. ``problems`` lists every located problem found."""

    code = "taxonomy"


class Category(_Strict):
    id: Slug
    title: Text
    voca: VocaCategory
    #: No longer offered for new referrals; kept so old referrals still read as they were meant.
    retired: bool = False


def _duplicates(ids: Sequence[object]) -> list[tuple[tuple[str | int, ...], str, str | None]]:
    seen: dict[object, int] = {}
    found: list[tuple[tuple[str | int, ...], str, str | None]] = []
    for i, ident in enumerate(ids):
        if not isinstance(ident, str):
            continue
        if ident in seen:
            problem = _("the {kind} id '{ident}' is already used at {first}").format(
                kind=_("category"), ident=ident, first=f"categories[{seen[ident]}]"
            )
            found.append((("categories", i, "id"), problem, _("each id only once")))
        else:
            seen[ident] = i
    return found


class Taxonomy(_Strict):
    id: Slug
    title: Text
    version: Version
    source: Text
    categories: list[Category] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Taxonomy:
        found = _duplicates([c.id for c in self.categories])
        if found:
            raise _Invalid(found)
        return self

    def get(self, category_id: str) -> Category | None:
        return next((c for c in self.categories if c.id == category_id), None)

    def offered(self) -> list[Category]:
        """The categories a new referral or provider may use, in the list's order."""
        return [c for c in self.categories if not c.retired]


_EXPECTED = {
    "id": "lower-case letters, digits, dashes or underscores, such as 'legal_immigration'",
    "title": "a plain title in quotes",
    "version": 'a version in quotes, such as version = "2026.1"',
    "source": "where the wording comes from, in quotes",
    "categories": "at least one [[categories]] with id, title and voca",
    "voca": _or_list(list(VOCA_CATEGORIES)),
    "retired": "true or false, without quotes",
}
_FIELDS = {"taxonomy": list(Taxonomy.model_fields), "category": list(Category.model_fields)}


_WORDING = Wording(
    "a category list",
    _EXPECTED,
    lambda loc: _FIELDS["category" if "categories" in loc else "taxonomy"],
    {"voca": "a VOCA category"},
    "a [[categories]] table with id, title and voca",
)


def _problems_from(error: PydanticError, text: str, data: Any) -> list[TemplateProblem]:
    return located_problems(error, text, data, _WORDING)


def _error(name: str, problems: Sequence[TemplateProblem]) -> TaxonomyError:
    return content_error(TaxonomyError, "category list", name, problems)


def load_taxonomy(text: str, *, name: str) -> Taxonomy:
    """Parse and check one TOML category list; raises :class:`TaxonomyError` listing every located problem."""
    data = read_toml(text, lambda problems: _error(name, problems))
    try:
        return Taxonomy.model_validate(data)
    except PydanticError as exc:
        problems = _problems_from(exc, text, data)
        # The duplicate check runs only once every field fits; find duplicates now too, so one pass names them all.
        entries = data.get("categories") if isinstance(data, dict) else None
        if isinstance(entries, list):
            index = _line_index(text)
            ids = [c.get("id") if isinstance(c, dict) else None for c in entries]
            named = {p.problem for p in problems}  # a duplicate the model's own check named already is not repeated
            extra = [
                TemplateProblem(_locate(path, text, data, index), _dotted(path), problem, expected)
                for path, problem, expected in _duplicates(ids)
                if problem not in named
            ]
            if extra:
                problems += extra
                problems.sort(key=lambda p: (p.line or 0, p.field))
        raise _error(name, problems) from None


# --- the bundled lists ---------------------------------------------------------------------------------------------


def _version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in version.replace("-", ".").split("."))


@lru_cache(maxsize=1)
def _bundled() -> tuple[Taxonomy, ...]:
    folder = resources.files("app.content").joinpath("bundled").joinpath("taxonomy")
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    found = [load_taxonomy(f.read_text(encoding="utf-8"), name=f.name) for f in files]
    return tuple(sorted(found, key=lambda t: _version_key(t.version)))


def bundled_taxonomies() -> list[Taxonomy]:
    """Every category list that ships with Offramp, oldest version first."""
    return list(_bundled())


def current_taxonomy() -> Taxonomy:
    """The newest list: the one new referrals and providers use."""
    return _bundled()[-1]


def find_category(category_id: str, version: str | None = None) -> Category | None:
    """A category as the given version of the list defines it, else as the newest list that knows it."""
    lists = bundled_taxonomies()
    exact = [t for t in lists if t.version == version]
    for taxonomy in [*exact, *reversed(lists)]:
        category = taxonomy.get(category_id)
        if category is not None:
            return category
    return None


def category_title(category_id: str, version: str | None = None) -> str:
    """A category's plain title; an unknown id reads as its own words ("food_bank" -> "Food bank")."""
    category = find_category(category_id, version)
    if category is not None:
        return category.title
    words = category_id.replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:]


__all__ = [
    "VOCA_CATEGORIES",
    "Category",
    "Taxonomy",
    "TaxonomyError",
    "bundled_taxonomies",
    "category_title",
    "current_taxonomy",
    "find_category",
    "load_taxonomy",
]
