"""The shape of every structured record field, in one place: what may be written, and what can be shown.

Most record fields are one value each and ``app.core.records.clean_value`` checks them by their column's kind. A
structured field (a JSON column) holds several: a justice contact's charges, a checklist's or a screening's
answers. Without a shape a charges *object* where a list belongs was stored, and the window failed later, in a Qt
slot, when the person was opened. Here each structured field has its shape:

- :func:`check_structured` refuses what does not fit, before it is stored, with one sentence naming the field and
  the part that is wrong (``records.create`` and ``update`` call it through ``clean_value``);
- :func:`readable_structured` is for what arrives already stored (a record pulled from the office, written by
  another version): it gives the parts that fit, to show, and a sentence when some did not, to flag. The stored
  value itself is kept as it is, so nothing is lost by reading it.

A new structured column without a shape here is caught by tests/core/test_record_shapes.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.core.i18n import N_, _
from app.errors import ValidationError
from app.models.records import ChargeLevel

#: Longest text inside a structured field (a charge's offense, an answer's note).
MAX_TEXT = 4000


@dataclass(frozen=True)
class Entry:
    """One entry of a structured field: an object whose keys are all optional texts or choices."""

    #: What one entry is called in a sentence ("charge", "answer").
    noun: str
    #: key -> (its name in a sentence, allowed values or None for any text)
    keys: dict[str, tuple[str, tuple[str, ...] | None]]

    def problem(self, value: Any, where: str) -> str | None:
        """None when ``value`` fits, else what is wrong with it, in words."""
        if not isinstance(value, dict):
            return f"{where} is not a {self.noun} with its parts"
        for key, part in value.items():
            if key not in self.keys:
                return f"{where} has a part Offramp does not know ('{str(key)[:40]}')"
            name, allowed = self.keys[key]
            if part is None or part == "":
                continue
            if not isinstance(part, str):
                return f"the {name} of {where} must be text"
            if len(part) > MAX_TEXT:
                return f"the {name} of {where} can be at most {MAX_TEXT} characters"
            if allowed is not None and part not in allowed:
                shown = ", ".join(a.replace("_", " ") for a in allowed)
                return f"the {name} of {where} must be one of: {shown}"
        return None


@dataclass(frozen=True)
class Shape:
    """A list of entries, or a mapping from a stable id to an entry."""

    container: str  # "list" or "map"
    entry: Entry

    @property
    def empty(self) -> Any:
        return [] if self.container == "list" else {}

    def _where(self, position: int, key: str) -> str:
        return f"{self.entry.noun} {position}" if self.container == "list" else f"the {self.entry.noun} to '{key[:40]}'"

    def entries(self, value: Any) -> list[tuple[str, Any, str]] | None:
        """(key, entry, where) for each entry, or None when ``value`` is not the container at all."""
        if self.container == "list":
            if not isinstance(value, list):
                return None
            return [(str(i), item, self._where(i, "")) for i, item in enumerate(value, start=1)]
        if not isinstance(value, dict):
            return None
        return [(str(k), item, self._where(0, str(k))) for k, item in value.items()]


def _charge() -> Entry:
    levels = tuple(level.value for level in ChargeLevel)
    return Entry("charge", {"offence": ("offense", None), "statute": ("statute", None), "level": ("level", levels)})


def _answer() -> Entry:
    # The answer's allowed values depend on the template's item (checklists have their own, text items any text);
    # app.core.sessions checks that against the template. Here: the shape.
    return Entry("answer", {"answer": ("answer", None), "note": ("note", None)})


#: Every structured field of every record type: (record type, field) -> its shape.
SHAPES: dict[tuple[str, str], Shape] = {
    ("justice_contact", "charges"): Shape("list", _charge()),
    ("checklist_response", "answers"): Shape("map", _answer()),
    ("screening", "answers"): Shape("map", _answer()),
}

_CONTAINER_WORDS = {"list": "a list of {noun}s", "map": "a set of {noun}s, one per question"}

def _problem(shape: Shape, value: Any) -> str | None:
    entries = shape.entries(value)
    if entries is None:
        return "must be " + _CONTAINER_WORDS[shape.container].format(noun=shape.entry.noun)
    for key, item, where in entries:
        if shape.container == "map" and not key.strip():
            return f"has a {shape.entry.noun} without a question"
        problem = shape.entry.problem(item, where)
        if problem is not None:
            return problem
    return None


def check_structured(record_type: str, key: str, label: str, value: Any) -> Any:
    """``value`` as it will be stored (None becomes the empty container), or a ValidationError naming ``label``
    (the field, as it reads in a sentence) and what is wrong."""
    shape = SHAPES.get((record_type, key))
    if shape is None:
        raise ValidationError(_("The {label} cannot be set here.").format(label=label), field=key)
    if value is None:
        return shape.empty
    problem = _problem(shape, value)
    if problem is not None:
        said = _("The {label} are not in the expected shape: {problem}.").format(label=label, problem=problem)
        raise ValidationError(said, field=key)
    return value


def readable_structured(record_type: str, key: str, value: Any) -> tuple[Any, str | None]:
    """What of a stored structured ``value`` can be shown (the entries that fit), and a sentence for the person
    when something was left out (None when all of it fits). Never raises: a malformed record must not break the
    window; the stored value is not changed."""
    shape = SHAPES.get((record_type, key))
    if shape is None:
        return value, None
    if value is None:
        return shape.empty, None
    entries = shape.entries(value)
    if entries is None:
        return shape.empty, _(FLAGGED)
    fitting = [(k, item) for k, item, where in entries if shape.entry.problem(item, where) is None]
    if len(fitting) == len(entries):
        return value, None
    shown: Any = [item for _k, item in fitting] if shape.container == "list" else dict(fitting)
    return shown, _(FLAGGED)


FLAGGED = N_(
    "Part of this record arrived in a shape Offramp cannot show, so it is left out here. It is kept unchanged; "
    "ask your office's IT contact to look at it."
)
