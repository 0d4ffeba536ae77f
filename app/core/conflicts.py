"""The vault's own copy of the conflicts waiting for a person's decision.

:func:`keep` stores the conflicts this user may see as the sync client (:mod:`app.sync.run`) brought them down from
the office (``POST /v1/sync/conflicts``); this module never talks to the office itself, so the core works without
the sync client.

Conflicts are kept in ``vault_meta`` (encrypted with everything else) as the office sent them, with every value:
nothing is discarded until the person decides. :func:`decide` turns a decision into a normal edit of the record
whose outbox entry names the conflict it resolves, so it goes to the office at the next sync, in order with the
person's other edits, and the office marks the conflict resolved. Until the office confirms, a decided conflict
is not shown again.

:func:`propose_merge` proposes a three-way merge of two texts (line by line against the value both started from),
for the person to accept or edit.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.core.i18n import N_, _
from app.core.records import KINDS, columns_of, jsonable, kind_name, kind_words
from app.core.workspace import Workspace
from app.models import RECORD_TYPES, OutboxEntry, Person, VaultMeta
from app.models.base import utcnow
from app.protocol.merge import WHOLE_RECORD
from app.reports.dates import short_date

__all__ = ["KINDS", "REASON_ACCESS", "REASON_CONSENT", "Competing", "Group", "kind_name", "kind_words"]

CONFLICTS_KEY = "sync_conflicts"
DECIDED_KEY = "sync_conflicts_decided"

REASON_CONSENT = N_("the consent it was shared under ended or was withdrawn")
REASON_ACCESS = N_("the office changed who may see it")


def unsynced_since(ws: Workspace) -> dt.datetime | None:
    """When the oldest change not yet sent to the office was made (None: nothing is waiting)."""
    with ws.session() as s:
        oldest = s.scalar(select(func.min(OutboxEntry.created_at)).where(OutboxEntry.sent_at.is_(None)))
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=dt.UTC)
    return oldest


# --- conflicts kept in the vault ------------------------------------------------------------------------------


def keep(ws: Workspace, items: list[dict[str, Any]]) -> None:
    """Keep the conflicts the office just sent (replacing the last copy); a decision made here stays hidden until
    the office confirms it, that is while the conflict is still listed or its outbox entry is still unsent.

    Only conflicts this computer could decide are kept: on a record it holds, of its own regime. The office sends
    no others; should one come anyway (an office not yet updated), a prosecution vault never keeps the advocates'
    competing drafts of a shared record."""
    with ws.session() as s, s.begin():
        items = _decidable_here(s, ws.identity.regime, items)
        decided = set(_get_json(s, DECIDED_KEY, []))
        pending_push = set(s.scalars(select(OutboxEntry.resolves).where(OutboxEntry.resolves.is_not(None))))
        still = sorted(decided & ({c["id"] for c in items} | pending_push))
        _put_json(s, CONFLICTS_KEY, items)
        _put_json(s, DECIDED_KEY, still or None)


def _decidable_here(s: Session, regime: str, items: list[Any]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for c in items:
        if not isinstance(c, dict) or not all(isinstance(c.get(k), str) for k in ("id", "record_id", "record_type")):
            continue
        cls = RECORD_TYPES.get(c["record_type"])
        obj = s.get(cls, c["record_id"]) if cls is not None else None
        if obj is not None and obj.regime == regime:
            out.append(c)
    return out


def _get_json(s: Session, key: str, default: Any) -> Any:
    raw = s.scalar(select(VaultMeta.value).where(VaultMeta.key == key))
    return default if raw is None else json.loads(raw)


def _put_json(s: Session, key: str, value: Any) -> None:
    if value is None:
        s.execute(delete(VaultMeta).where(VaultMeta.key == key))
    else:
        s.merge(VaultMeta(key=key, value=json.dumps(value, separators=(",", ":"))))


def stored(ws: Workspace) -> list[dict[str, Any]]:
    with ws.session() as s:
        return _decidable_here(s, ws.identity.regime, list(_get_json(s, CONFLICTS_KEY, [])))


def pending(ws: Workspace) -> list[dict[str, Any]]:
    """Conflicts kept here that no one on this computer has decided yet."""
    with ws.session() as s:
        items = _decidable_here(s, ws.identity.regime, list(_get_json(s, CONFLICTS_KEY, [])))
        decided = set(_get_json(s, DECIDED_KEY, []))
    return [c for c in items if c["id"] not in decided]


@dataclass
class Competing:
    value: Any
    who: str
    device: str
    when: str
    this_device: bool
    #: Someone's decision on an earlier conflict about this field.
    decision: bool = False


@dataclass
class Group:
    """One field of one record with a conflict: where it started, what it holds now, and every competing value."""

    conflict_ids: list[str]
    record_type: str
    record_id: str
    person_id: str | None
    person_name: str
    field: str
    field_label: str
    kind: str
    base: Any
    current: Any
    values: list[Competing]
    whole_record: bool = False

    @property
    def decided_differently(self) -> bool:
        """Someone decided this already and another decision, or a later change, does not agree with it."""
        return any(v.decision for v in self.values)

    @property
    def title(self) -> str:
        one = kind_name(self.record_type)
        where = one[:1].upper() + one[1:]
        if self.whole_record:
            return _("{kind}: deleted on one computer, changed on another").format(kind=where)
        return _("{kind}: {field}").format(kind=where, field=self.field_label)

    @property
    def proposal(self) -> str | None:
        """For text: a proposed three-way merge of the competing values (None for other kinds)."""
        if self.kind != "text" or self.whole_record:
            return None
        texts = _distinct([_text(v.value) for v in self.values])
        merged = texts[0] if texts else ""
        for other in texts[1:]:
            merged = propose_merge(_text(self.base), merged, other)
        return merged


def groups(ws: Workspace) -> list[Group]:
    """The pending conflicts, one group per record and field, with what this computer holds now."""
    by_key: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for c in pending(ws):
        by_key.setdefault((c["record_id"], c["field"]), []).append(c)
    out: list[Group] = []
    with ws.session() as s:
        for (record_id, field_name), items in by_key.items():
            record_type = items[0]["record_type"]
            cls = RECORD_TYPES.get(record_type)
            if cls is None:
                continue
            obj = s.get(cls, record_id)
            person_id = items[0].get("person_id")
            person = s.get(Person, person_id) if person_id else None
            col = columns_of(cls).get(field_name)
            whole = field_name == WHOLE_RECORD
            current = jsonable(getattr(obj, field_name)) if obj is not None and col is not None else None
            base: Any = None
            competing: list[Competing] = []
            for c in items:
                for v in c["values"]:
                    if v["side"] == "base":
                        base = v.get("value")
                    else:
                        competing.append(
                            Competing(
                                value=v.get("value"),
                                who=v.get("user") or _("someone at the office"),
                                device=v.get("device") or _("another computer"),
                                when=_when(v.get("when")),
                                this_device=bool(v.get("this_device")),
                                decision=bool(v.get("decision")),
                            )
                        )
            out.append(
                Group(
                    conflict_ids=[c["id"] for c in items],
                    record_type=record_type,
                    record_id=record_id,
                    person_id=person_id,
                    person_name=person.preferred_name if person is not None else "",
                    field=field_name,
                    field_label=_field_label(col, field_name),
                    kind=str(col.info.get("kind")) if col is not None else "",
                    base=base,
                    current=current,
                    values=_dedupe(competing),
                    whole_record=whole,
                )
            )
    return out


def decide(ws: Workspace, group: Group, value: Any) -> None:
    """The person's decision: ``value`` becomes the field's value here (a normal edit, audited, in the outbox) and
    the office is told which conflicts it settles. For a whole-record conflict the office's state stays: the
    decision sets nothing, so it never brings a deleted record back.

    Each decision names the value chosen, even when this computer holds it already, and is made on the revision
    this computer holds (``base_rev``): should someone else decide differently, or change the field after that
    revision, the office keeps both as a new conflict instead of one silently replacing the other."""
    cls = RECORD_TYPES[group.record_type]
    with ws.records.batch() as s:
        obj = s.get(cls, group.record_id)
        changed = False
        chosen: dict[str, Any] = {}
        if obj is not None and not group.whole_record and not obj.deleted:
            changed = ws.records.update_in(s, obj, {group.field: value})
            chosen = {group.field: jsonable(getattr(obj, group.field))}
        first = None
        if changed:
            first = s.scalars(
                select(OutboxEntry)
                .where(OutboxEntry.record_id == group.record_id, OutboxEntry.sent_at.is_(None))
                .order_by(OutboxEntry.edited_hlc.desc())
                .limit(1)
            ).first()
            if first is not None:
                first.resolves = group.conflict_ids[0]
        for conflict_id in group.conflict_ids[1 if first is not None else 0 :]:
            hlc = ws.clock.tick()
            s.add(
                OutboxEntry(
                    record_id=group.record_id,
                    record_type=group.record_type,
                    person_id=group.person_id,
                    base_rev=obj.rev if obj is not None else None,
                    patch=chosen,
                    deleted=False,
                    resolves=conflict_id,
                    edited_hlc=hlc,
                    created_at=utcnow(),
                )
            )
            ws.remember_clock(s, hlc)
        ws.audit(
            s,
            "conflict_decided",
            record_type=group.record_type,
            record_id=group.record_id,
            person_id=group.person_id,
            fields=[group.field] if group.field else [],
        )
        decided = set(_get_json(s, DECIDED_KEY, []))
        _put_json(s, DECIDED_KEY, sorted(decided | set(group.conflict_ids)))


# --- a proposed three-way merge of text -----------------------------------------------------------------------


def propose_merge(base: str, mine: str, theirs: str) -> str:
    """Both sides' changes to ``base`` together, line by line; where both changed the same lines, both versions
    are kept one after the other (nothing is lost; the person edits what they want)."""
    if mine == theirs:
        return mine
    if not base.strip():
        return mine if theirs in mine else theirs if mine in theirs else f"{mine.rstrip()}\n\n{theirs.lstrip()}"
    if mine == base:
        return theirs
    if theirs == base:
        return mine
    b = _lines(base)
    ours, other = _edits(b, _lines(mine)), _edits(b, _lines(theirs))
    out: list[str] = []
    pos = 0
    while ours or other:
        start = min(e[0] for e in (ours[:1] + other[:1]))
        out.extend(b[pos:start])
        end = start
        taken: tuple[list[Edit], list[Edit]] = ([], [])
        grew = True
        while grew:
            grew = False
            for side, edits in zip(taken, (ours, other), strict=True):
                while edits and (edits[0][0] < end or edits[0][0] == start):
                    edit = edits.pop(0)
                    side.append(edit)
                    end = max(end, edit[1])
                    grew = True
        mine_part, theirs_part = (_apply(b, side, start, end) for side in taken)
        if not taken[1] or mine_part == theirs_part:
            out.extend(mine_part)
        elif not taken[0]:
            out.extend(theirs_part)
        else:
            out.extend(mine_part)
            out.extend(theirs_part)
        pos = end
    out.extend(b[pos:])
    return "".join(out).rstrip("\n") if not mine.endswith("\n") else "".join(out)


Edit = tuple[int, int, list[str]]


def _lines(text: str) -> list[str]:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    return lines


def _edits(base: list[str], other: list[str]) -> list[Edit]:
    """Where ``other`` differs from ``base``: (start, end) in base and the lines that replace them, in order."""
    return [
        (i1, i2, other[j1:j2])
        for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=base, b=other, autojunk=False).get_opcodes()
        if tag != "equal"
    ]


def _apply(base: list[str], edits: list[Edit], start: int, end: int) -> list[str]:
    """``base[start:end]`` with ``edits`` (all inside that span) applied."""
    out: list[str] = []
    pos = start
    for i1, i2, lines in edits:
        out.extend(base[pos:i1])
        out.extend(lines)
        pos = i2
    out.extend(base[pos:end])
    return out


# --- small helpers --------------------------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _distinct(values: list[str]) -> list[str]:
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def _dedupe(values: list[Competing]) -> list[Competing]:
    out: list[Competing] = []
    for v in values:
        same = [o for o in out if o.value == v.value and o.who == v.who and o.device == v.device]
        if same:
            same[0].decision = same[0].decision or v.decision
        else:
            out.append(v)
    return out


def _field_label(col: Any, name: str) -> str:
    """The field's label in the app's language (the models' labels are in the catalogue)."""
    if col is None:
        return name.replace("_", " ")
    label = col.info.get("label")
    return _(str(label)) if label else name.replace("_", " ")


def _when(stamp: Any) -> str:
    """ "05 Dec 2026, 14:30" ("5 dic 2026, 14:30" in Spanish), in this computer's time zone."""
    if not stamp:
        return _("at a time not recorded")
    try:
        moment = dt.datetime.fromisoformat(str(stamp))
    except ValueError:
        return _("at a time not recorded")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone()
    return _("{day}, {time}").format(day=short_date(local.date()), time=f"{local.hour:02d}:{local.minute:02d}")
