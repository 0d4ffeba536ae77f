"""The per-field three-way merge (DESIGN.md section 3): ONE module, used by the office server and the client.

A mutation carries only the fields its device changed (``patch``) and the revision it started from (``base``). The
other side is everything committed since the base by *other* devices (a device's own later edits build on its own
earlier ones, so they never conflict with each other). Per field:

- changed by the mutation only → take the mutation's value;
- changed by both to the same value → take it (nothing to decide);
- changed by both to different values → the current value stays and a conflict keeps every value;
- a delete against an edit (either way round) is a conflict of the whole record, and nothing is lost.

The hybrid logical clock never decides a winner here: it is only carried along for display.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

#: The "field" of a delete-versus-edit conflict.
WHOLE_RECORD = ""


@dataclass(frozen=True)
class Step:
    """One committed revision after the base: who made it, whether it deleted, and its full values."""

    device_id: str
    deleted: bool
    values: Mapping[str, Any]


@dataclass
class Merge:
    #: Fields to write, with their new values.
    apply: dict[str, Any] = field(default_factory=dict)
    #: Fields in conflict (or :data:`WHOLE_RECORD`), the current value kept.
    conflicts: list[str] = field(default_factory=list)
    #: Fields both sides had set to the same value.
    same: list[str] = field(default_factory=list)
    #: The mutation deletes the record and nothing stands against it.
    delete: bool = False

    @property
    def changes_anything(self) -> bool:
        return bool(self.apply) or self.delete


def changed_by_others(
    base: Mapping[str, Any], steps: Sequence[Step], device_id: str, fields: Iterable[str]
) -> tuple[set[str], bool, bool]:
    """Which of ``fields`` other devices changed since ``base``; whether they edited at all; whether they deleted."""
    changed: set[str] = set()
    edited = deleted = False
    before: Mapping[str, Any] = base
    wanted = list(fields)
    for step in steps:
        if step.device_id != device_id:
            if step.deleted and not _was_deleted(before):
                deleted = True
            else:
                moved = {f for f in step.values if step.values.get(f) != before.get(f)} - {"rev", "edited_hlc"}
                if moved - _BOOKKEEPING:
                    edited = True
                changed |= {f for f in wanted if step.values.get(f) != before.get(f)}
        before = step.values
    return changed, edited, deleted


_BOOKKEEPING = frozenset(
    {"rev", "edited_hlc", "edited_by", "edited_device", "deleted", "deleted_at", "deleted_by", "extra"}
)


def _was_deleted(values: Mapping[str, Any]) -> bool:
    return bool(values.get("deleted"))


def three_way(
    base: Mapping[str, Any],
    current: Mapping[str, Any],
    steps: Sequence[Step],
    *,
    device_id: str,
    patch: Mapping[str, Any],
    deletes: bool = False,
) -> Merge:
    """Merge one mutation (``patch`` / ``deletes`` by ``device_id``, made on ``base``) into ``current``.

    ``steps`` are the revisions committed after the base, oldest first, ending with ``current``.
    """
    result = Merge()
    current_deleted = _was_deleted(current)
    theirs, others_edited, _others_deleted = changed_by_others(base, steps, device_id, patch)
    if deletes:
        if current_deleted:
            return result  # already gone: nothing to do, nothing lost
        if others_edited:
            result.conflicts.append(WHOLE_RECORD)
        else:
            result.delete = True
        return result
    if current_deleted:
        # An edit against a delete: the record stays deleted and the edit is kept whole in the conflict.
        result.conflicts.append(WHOLE_RECORD)
        return result
    for name, mine in patch.items():
        now = current.get(name)
        if name not in theirs:
            if now != mine:
                result.apply[name] = mine
        elif now == mine:
            result.same.append(name)
        else:
            result.conflicts.append(name)
    return result
