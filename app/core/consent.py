"""Releases of information (DOMAIN.md section 4): recording one, withdrawing it, and where it stands today.

A release is informed, written (or given aloud with a witness) and time-limited; it names who may receive which
information for what purpose. Signing one is never a condition of help, and the words here never say otherwise.
A scanned release is kept inside the encrypted vault, never as a loose file.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.i18n import N_, _, ngettext
from app.core.office_policy import office_today
from app.core.row_copy import copied
from app.core.timeline import day_words
from app.errors import OfframpError, ValidationError
from app.models import Consent, ConsentMethod, Provider

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: A release ending within this many days shows a warning, so there is time to ask the person about renewing it.
EXPIRY_WARNING_DAYS = 30
#: Information a release commonly covers (offered as suggestions; an office may write its own words).
DATA_KINDS: tuple[str, ...] = (
    N_("Name"),
    N_("Phone number"),
    N_("Date of birth"),
    N_("Address"),
    N_("Service needs"),
    N_("Case status"),
    N_("Court dates"),
)


def kind_words(kind: str) -> str:
    """A kind of information a release covers, in the app's language: the common kinds are stored in English (the
    gate and the office server compare them), an office's own words as written."""
    return _(kind) if kind in DATA_KINDS else kind


def stored_kind(text: str) -> str:
    """What to store for a kind typed in the app's language: "Nombre" is the common kind "Name"."""
    words = text.strip()
    for kind in DATA_KINDS:
        if words.casefold() in (kind.casefold(), _(kind).casefold()):
            return kind
    return words


METHOD_WORDS = {
    ConsentMethod.WRITTEN.value: N_("Written and signed"),
    ConsentMethod.VERBAL_WITNESSED.value: N_("Given aloud, with a witness"),
}
MAX_SCAN_BYTES = 20 * 1024 * 1024
SCAN_TYPES = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}


class ConsentStatus(enum.StrEnum):
    VALID = "valid"
    EXPIRING = "expiring"  # valid, but ends within EXPIRY_WARNING_DAYS
    NOT_STARTED = "not_started"
    EXPIRED = "expired"
    REVOKED = "revoked"


STATUS_WORDS = {
    ConsentStatus.VALID: N_("In effect"),
    ConsentStatus.EXPIRING: N_("In effect, ending soon"),
    ConsentStatus.NOT_STARTED: N_("Not started yet"),
    ConsentStatus.EXPIRED: N_("Ended"),
    ConsentStatus.REVOKED: N_("Withdrawn by the person"),
}


@dataclass(frozen=True)
class ConsentState:
    status: ConsentStatus
    #: One plain sentence: "In effect until 4 Mar 2026 (12 days left)".
    words: str

    @property
    def usable(self) -> bool:
        return self.status in (ConsentStatus.VALID, ConsentStatus.EXPIRING)

    @property
    def warning(self) -> bool:
        return self.status is ConsentStatus.EXPIRING


def consent_state(
    starts_on: dt.date, expires_on: dt.date, revoked_on: dt.date | None, today: dt.date | None = None
) -> ConsentState:
    """Where a release stands on ``today``. Withdrawal wins over everything; a release is in effect on its last day.

    ``today`` is the office's day (:func:`app.core.office_policy.today`), as the office server counts it; the
    computer's own date is only for a caller with no vault at hand.
    """
    today = today or dt.date.today()
    if revoked_on is not None and revoked_on <= today:
        return ConsentState(
            ConsentStatus.REVOKED, _("Withdrawn by the person on {day}").format(day=day_words(revoked_on))
        )
    if today < starts_on:
        return ConsentState(ConsentStatus.NOT_STARTED, _("Starts on {day}").format(day=day_words(starts_on)))
    if today > expires_on:
        return ConsentState(ConsentStatus.EXPIRED, _("Ended on {day}").format(day=day_words(expires_on)))
    left = (expires_on - today).days
    if left <= EXPIRY_WARNING_DAYS:
        if left == 0:
            words = _("In effect until {day}: it ends today. Ask the person whether they want to renew it.")
        else:
            words = ngettext(
                "In effect until {day}: it ends in {n} day. Ask the person whether they want to renew it.",
                "In effect until {day}: it ends in {n} days. Ask the person whether they want to renew it.",
                left,
            )
        return ConsentState(ConsentStatus.EXPIRING, words.format(day=day_words(expires_on), n=left))
    return ConsentState(ConsentStatus.VALID, _("In effect until {day}").format(day=day_words(expires_on)))


@dataclass(frozen=True)
class ConsentRow:
    """One release as the person's section shows it (the scan's bytes stay in the vault)."""

    id: str
    recipient: str
    recipient_provider_id: str | None
    data_covered: list[str]
    purpose: str
    starts_on: dt.date
    expires_on: dt.date
    method: str | None
    witness_name: str | None
    revoked_on: dt.date | None
    revocation_note: str | None
    has_scan: bool
    scan_mime: str | None
    state: ConsentState = field(compare=False)


def consent_row(c: Consent, today: dt.date | None = None) -> ConsentRow:
    return copied(
        ConsentRow,
        c,
        data_covered=list(c.data_covered or []),
        has_scan=c.scan is not None,
        state=consent_state(c.starts_on, c.expires_on, c.revoked_on, today),
    )


def read_scan(path: str | Path) -> tuple[bytes, str]:
    """A scanned release's bytes and type, checked: a PDF or an image, at most 20 MB."""
    source = Path(path)
    mime = SCAN_TYPES.get(source.suffix.lower())
    if mime is None:
        raise ValidationError(_("The scan must be a PDF or a picture (PNG, JPEG or TIFF)."), field="scan")
    try:
        size = source.stat().st_size
        if size > MAX_SCAN_BYTES:
            raise ValidationError(
                _("The scan is larger than 20 MB; please scan it at a lower resolution."), field="scan"
            )
        data = source.read_bytes()
    except OSError:
        raise ValidationError(_("The scan could not be read. Please choose the file again."), field="scan") from None
    if not data:
        raise ValidationError(_("The scan file is empty."), field="scan")
    return data, mime


class ConsentService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def list_for_person(self, person_id: str, today: dt.date | None = None) -> list[ConsentRow]:
        """The person's releases, newest first, judged on the office's day (the office server's, not this clock's)."""
        today = today or office_today(self.ws)
        found = self.ws.records.list_for_person("consent", person_id)
        rows = [consent_row(c, today) for c in found if isinstance(c, Consent)]
        rows.sort(key=lambda r: (r.starts_on, r.id), reverse=True)
        return rows

    def record(self, person_id: str, values: Mapping[str, Any], *, scan_path: str | Path | None = None) -> str:
        """Record a release the person gave; returns its id. The scan, if any, is stored encrypted in the vault."""
        values = dict(values)
        check_release(values)
        provider_id = values.get("recipient_provider_id")
        if provider_id and not str(values.get("recipient") or "").strip():
            provider = self.ws.records.get("provider", provider_id)
            assert isinstance(provider, Provider)
            values["recipient"] = provider.name
        if scan_path is not None:
            values["scan"], values["scan_mime"] = read_scan(scan_path)
        values.pop("revoked_on", None)
        values.pop("revocation_note", None)
        if isinstance(values.get("data_covered"), list | tuple):
            values["data_covered"] = [stored_kind(str(kind)) for kind in values["data_covered"]]
        return self.ws.records.create("consent", values, person_id=person_id).id

    def revoke(self, consent_id: str, on: dt.date | str | None, note: str | None = None) -> None:
        """The person withdrew the release on ``on``. Everything it allowed stops from that day."""
        if on in (None, ""):
            raise ValidationError(_("Please give the date the person withdrew it."), field="revoked_on")
        consent = self.ws.records.get("consent", consent_id)
        assert isinstance(consent, Consent)
        if consent.revoked_on is not None:
            raise OfframpError(_("This release was already withdrawn."))
        day = on if isinstance(on, dt.date) else _date(on, "revoked_on")
        if day > office_today(self.ws):
            raise ValidationError(_("The date it was withdrawn cannot be in the future."), field="revoked_on")
        self.ws.records.update("consent", consent_id, {"revoked_on": day, "revocation_note": note or None})

    def scan(self, consent_id: str) -> tuple[bytes, str] | None:
        consent = self.ws.records.get("consent", consent_id)
        assert isinstance(consent, Consent)
        if consent.scan is None:
            return None
        return consent.scan, consent.scan_mime or "application/octet-stream"


def _date(value: Any, field_name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError(
            "Please enter the date as YYYY-MM-DD, for example 2026-03-31.", field=field_name
        ) from None


def check_release(values: Mapping[str, Any]) -> None:
    """The rules of a release that the column checks cannot see, each in a plain sentence."""
    if not str(values.get("recipient") or "").strip() and not values.get("recipient_provider_id"):
        raise ValidationError("Please say who may receive the information.", field="recipient")
    covered = [d for d in (values.get("data_covered") or []) if str(d).strip()]
    if not covered:
        raise ValidationError("Please list the information the person agreed to share.", field="data_covered")
    if not str(values.get("purpose") or "").strip():
        raise ValidationError("Please give the purpose the person agreed to.", field="purpose")
    for key, words in (("starts_on", "start date"), ("expires_on", "end date")):
        if values.get(key) in (None, ""):
            raise ValidationError(f"A release is time-limited: please give its {words}.", field=key)
    method = values.get("method")
    method = method.value if isinstance(method, enum.Enum) else method
    if method not in (ConsentMethod.WRITTEN.value, ConsentMethod.VERBAL_WITNESSED.value):
        raise ValidationError("Please say how the person gave it: written, or aloud with a witness.", field="method")
    if method == ConsentMethod.VERBAL_WITNESSED.value and not str(values.get("witness_name") or "").strip():
        raise ValidationError("A release given aloud needs the name of the witness.", field="witness_name")


__all__ = [
    "DATA_KINDS",
    "EXPIRY_WARNING_DAYS",
    "METHOD_WORDS",
    "STATUS_WORDS",
    "ConsentRow",
    "ConsentService",
    "ConsentState",
    "ConsentStatus",
    "check_release",
    "consent_row",
    "consent_state",
    "kind_words",
    "read_scan",
    "stored_kind",
]
