"""The office policy inside the vault: what the office decided for this computer, and the office's "today".

The policy (unsynced reminder, survivor's copy, quick unlock, longest idle lock, time zone, the days to decide a
certification request) comes from the office
server at every hello and is kept in ``vault_meta``, encrypted with everything else. It is never read from the
settings file, so editing that file cannot switch it off: :class:`app.core.settings.Settings` lays it over the
person's own choices once the vault is open (see :meth:`~app.core.settings.Settings.use_office_policy`).

A vault that was never enrolled has no office: it keeps the settings file's values and counts days by this
computer's own clock. An enrolled vault that has not synced yet uses the policy's defaults (days counted in UTC,
as the server counts them for an office that set no zone), so the laptop and the server never judge a release by
two different days.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError as PydanticValidationError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.models import VaultMeta
from app.protocol.office_policy import DEFAULT_CERTIFICATION_DECISION_DAYS, OfficePolicy

if TYPE_CHECKING:
    from app.core.workspace import Workspace

log = logging.getLogger(__name__)

#: The ``vault_meta`` row holding the policy as the office last sent it (JSON).
POLICY_KEY = "office_policy"
#: Written by enrolment (``app.sync.state.OFFICE_ID``; the core does not import the sync client): the vault belongs
#: to an office from then on.
ENROLLED_KEY = "sync_office_id"


def _get(s: Session, key: str) -> str | None:
    return s.scalar(select(VaultMeta.value).where(VaultMeta.key == key))


def parse(data: Mapping[str, Any]) -> OfficePolicy:
    """The policy the office sent; a value this version cannot use (an unknown time zone...) takes its default.

    Field by field, so one value this computer cannot understand never throws away the rest of the office's word.
    """
    try:
        return OfficePolicy.model_validate(dict(data))
    except PydanticValidationError:
        good: dict[str, Any] = {}
        for key, value in data.items():
            if key not in OfficePolicy.model_fields:
                continue
            try:
                OfficePolicy.model_validate({key: value})
            except PydanticValidationError:
                log.warning("office policy: a value for %s could not be used; its default applies", key)
                continue
            good[key] = value
        return OfficePolicy.model_validate(good)


def remember(s: Session, data: Mapping[str, Any]) -> OfficePolicy:
    """Keep the policy the office sent at hello (in the caller's transaction)."""
    policy = parse(data)
    s.merge(VaultMeta(key=POLICY_KEY, value=json.dumps(policy.model_dump(), sort_keys=True)))
    return policy


def forget(s: Session) -> None:
    s.execute(delete(VaultMeta).where(VaultMeta.key == POLICY_KEY))


def stored(s: Session) -> OfficePolicy | None:
    """The office's policy for this vault; None when the vault was never enrolled (the person's settings rule)."""
    raw = _get(s, POLICY_KEY)
    if raw is None:
        return OfficePolicy() if _get(s, ENROLLED_KEY) else None
    try:
        data = json.loads(raw)
    except ValueError:
        data = {}
    return parse(data if isinstance(data, dict) else {})


def load(ws: Workspace) -> OfficePolicy | None:
    with ws.session() as s:
        return stored(s)


def today_in(policy: OfficePolicy | None, instant: dt.datetime | None = None) -> dt.date:
    """Today as this vault counts it: in the office's zone when it has an office, else by this computer's clock."""
    if policy is not None:
        return policy.today(instant)
    if instant is None:
        return dt.date.today()
    if instant.tzinfo is None:
        raise ValueError("today_in needs an aware datetime (one that knows its offset)")
    return instant.astimezone().date()


def today(s: Session, instant: dt.datetime | None = None) -> dt.date:
    """Today for judging a release (its first and last days): the office's day, as the office server counts it."""
    return today_in(stored(s), instant)


def office_today(ws: Workspace, instant: dt.datetime | None = None) -> dt.date:
    with ws.session() as s:
        return today(s, instant)


def certification_decision_days(s: Session) -> int:
    """The office's internal deadline to decide a U- or T-visa certification request, in days from receipt; a vault
    with no office takes the default (90)."""
    policy = stored(s)
    return policy.certification_decision_days if policy is not None else DEFAULT_CERTIFICATION_DECISION_DAYS


__all__ = [
    "ENROLLED_KEY",
    "POLICY_KEY",
    "certification_decision_days",
    "forget",
    "load",
    "office_today",
    "parse",
    "remember",
    "stored",
    "today",
    "today_in",
]
