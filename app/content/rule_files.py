"""What the two kinds of rules file (record-relief jurisdiction rules, charge rules) share: the check that ids are
used once, the wording that names the fields allowed at each table, reading a file whole into its model with every
problem located, and the bundled files that ship with Offramp, each in the app's language when a version in that
language ships.

Each problem is located by line and field (:func:`app.content.templates.located_problems`), so nothing half-valid
is used and the office's IT person can fix a file in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar, cast

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from app.content.templates import TemplateError, TemplateProblem, Wording, _Invalid, located_problems, read_toml
from app.core.i18n import N_, _, current_language

M = TypeVar("M", bound=BaseModel)

BUNDLED_PACKAGE = "app.content"


def ids_used_once(items: Sequence[Any], where: str, what: str) -> None:
    """Raise (inside a validator) for every item of ``items`` (at ``where``) whose ``id`` an earlier one has."""
    seen: dict[str, int] = {}
    found: list[tuple[tuple[str | int, ...], str, str | None]] = []
    for i, item in enumerate(items):
        if item.id in seen:
            found.append(
                ((where, i, "id"), _("the {kind} id '{ident}' is already used at {first}").format(
                    kind=_(what), ident=item.id, first=f"{where}[{seen[item.id]}]"), N_("each id only once")),
            )  # fmt: skip
        else:
            seen[item.id] = i
    if found:
        raise _Invalid(found)


def table_wording(
    thing: str, expected: Mapping[str, str], models: Mapping[str, type[BaseModel]], *, longest: int = 40
) -> Wording:
    """The wording of a rules file whose tables are ``models`` by the name of the key that holds them (``""``: the
    file itself)."""

    def fields_at(loc: Sequence[str | int]) -> list[str]:
        names = [p for p in loc if isinstance(p, str)]
        return list(models.get(names[-1] if names else "", models[""]).model_fields)

    return Wording(thing, expected, fields_at, longest=longest)


def load_checked(
    model: type[M],
    text: str,
    fail: Callable[[list[TemplateProblem]], TemplateError],
    wording: Wording,
    adjust: Callable[[TemplateProblem, Any], TemplateProblem] = lambda problem, _data: problem,
) -> M:
    """Parse ``text`` and check it whole as ``model``; raises ``fail(problems)`` listing every located problem
    (each passed through ``adjust`` with the parsed data, for a file's own limits in words)."""
    data = read_toml(text, fail)
    try:
        return model.model_validate(data)
    except PydanticValidationError as exc:
        raise fail([adjust(p, data) for p in located_problems(exc, text, data, wording)]) from None


#: A bundled rules file's version in another language sits in ``bundled/<language>/<kind>/`` under the same file
#: name as its English file in ``bundled/<kind>/`` (the templates' ``bundled/<language>/`` layout, one level down):
#: the same ids, version, matching and limits; only the words a person reads differ.
_LANGUAGE_FOLDER = "bundled/{language}/{kind}"


def language_folder(folder: str, language: str) -> str:
    """Where the versions in ``language`` of the bundled ``folder`` (``bundled/<kind>``) sit."""
    return _LANGUAGE_FOLDER.format(language=language, kind=folder.removeprefix("bundled/"))


def _toml_files(folder: str) -> list[Any]:
    root = resources.files(BUNDLED_PACKAGE).joinpath(folder)
    if not root.is_dir():
        return []
    return sorted((f for f in root.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)


@lru_cache(maxsize=32)
def _read(folder: str, load: Callable[..., BaseModel], named: str = "{name}") -> tuple[tuple[str, BaseModel], ...]:
    """(file name, model) for every ``*.toml`` in ``folder``, read once: a bundled file never changes while the app
    runs."""
    files = _toml_files(folder)
    return tuple((f.name, load(f.read_text(encoding="utf-8"), name=named.format(name=f.name))) for f in files)


def language_versions(folder: str, load: Callable[..., M], language: str) -> dict[str, M]:
    """The bundled ``folder``'s files in ``language``, by file name (the English file's), as they are written."""
    return cast(dict[str, M], dict(_read(language_folder(folder, language), load, f"{language}/{{name}}")))


def bundled(folder: str, load: Callable[..., M], shape: Callable[[M], Any], *, language: str | None = None) -> list[M]:
    """Every ``*.toml`` in the bundled ``folder``, sorted by file name, each read by ``load(text, name=...)``, in
    ``language`` (by default the app's: :func:`app.core.i18n.current_language`) where a version in it ships with the
    same ``shape`` as the English file (everything but the words: ids, version, matching, limits), so a language
    version left behind by a change to the English file is never used; the English file otherwise."""
    versions = language_versions(folder, load, current_language() if language is None else language)
    out: list[M] = []
    for name, model in _read(folder, load):
        english, version = cast(M, model), versions.get(name)
        out.append(version if version is not None and shape(version) == shape(english) else english)
    return out


__all__ = [
    "BUNDLED_PACKAGE",
    "bundled",
    "ids_used_once",
    "language_folder",
    "language_versions",
    "load_checked",
    "table_wording",
]
