"""What the two kinds of rules file (record-relief jurisdiction rules, charge rules) share: the check that ids are
used once, the wording that names the fields allowed at each table, reading a file whole into its model with every
problem located, and the bundled files that ship with Offramp.

Each problem is located by line and field (:func:`app.content.templates.located_problems`), so nothing half-valid
is used and the office's IT person can fix a file in one pass.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as PydanticValidationError

from app.content.templates import TemplateError, TemplateProblem, Wording, _Invalid, located_problems, read_toml

M = TypeVar("M", bound=BaseModel)

BUNDLED_PACKAGE = "app.content"


def ids_used_once(items: Sequence[Any], where: str, what: str) -> None:
    """Raise (inside a validator) for every item of ``items`` (at ``where``) whose ``id`` an earlier one has."""
    seen: dict[str, int] = {}
    found: list[tuple[tuple[str | int, ...], str, str | None]] = []
    for i, item in enumerate(items):
        if item.id in seen:
            found.append(
                ((where, i, "id"), f"the {what} id '{item.id}' is already used at {where}[{seen[item.id]}]",
                 "each id only once"),
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


@lru_cache(maxsize=4)
def _bundled(folder: str, load: Callable[..., BaseModel]) -> tuple[BaseModel, ...]:
    root = resources.files(BUNDLED_PACKAGE).joinpath(folder)
    files = sorted((f for f in root.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return tuple(load(f.read_text(encoding="utf-8"), name=f.name) for f in files)


def bundled(folder: str, load: Callable[..., M]) -> list[M]:
    """Every ``*.toml`` in the bundled ``folder``, sorted by file name, each read by ``load(text, name=...)``
    (once: a bundled file never changes while the app runs)."""
    return list(_bundled(folder, load))  # type: ignore[arg-type]


__all__ = ["BUNDLED_PACKAGE", "bundled", "ids_used_once", "load_checked", "table_wording"]
