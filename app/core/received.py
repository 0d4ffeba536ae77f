"""Shares received from the advocacy side, on a prosecution vault (issue 18, item 4; DESIGN.md section 4).

An advocate shares agreed facts with a prosecution team as a ``disclosure`` record (:mod:`app.core.sharing`): regime
advocacy, visibility ``shared_with_prosecution``, the facts as lines "Kind: value", ``consent_id`` naming the
person's release. The office lets it reach the team's computers while that release is live, and takes it back (sync
evicts it) when the release lapses or is withdrawn.

On the prosecution's computer the share arrives without its person: its ``person_id`` is the advocacy vault's, whom
this vault does not hold (the sync client keeps that id aside in ``extra``). So a share first waits in the inbox
(:meth:`ReceivedShares.inbox`) until the prosecutor says which of their own people it is about
(:meth:`ReceivedShares.link`). From then on the person's page shows it (:meth:`ReceivedShares.for_person`), read-only.

The link is a row of :class:`~app.models.local.ReceivedShareLink`, local to this vault (its docstring says why it is
not synced). When sync evicts a linked share, :func:`mark_withdrawn` notes the office's day on the link and keeps
the kinds of information only: the page then says a share was withdrawn, and when, never what it said.

What "until" means: the last day of the release the share was made under. The consent record itself never reaches
a prosecution computer (only the disclosure is shared), so it is read from the consent when this computer holds it,
else from the share's ``release_until`` (the release's last day as it was when the advocate shared), else (a share
made by an earlier version) it is not known here (``None``) and the page says "under the person's release" without
a date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.consent import kind_words
from app.core.i18n import N_, _
from app.core.office_policy import today as office_today_in
from app.core.sharing import fact_kinds
from app.errors import OfframpError, RecordNotFound, ValidationError
from app.models import AuditAction, Consent, Disclosure, Person
from app.models.base import Regime, Visibility
from app.models.local import ReceivedShareLink

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: The audit action of a link (ids only: the share, the person; never a fact).
LINK_ACTION = AuditAction.RECEIVED_SHARE_LINKED.value

PROSECUTION_ONLY = N_("Shares from advocates arrive on a prosecution vault; this vault is an advocate's.")
NOT_HERE = N_(
    "That share is no longer on this computer: the person's release for it may have ended or been withdrawn. "
    "Sync now brings what is still shared."
)


class ReceivedShareProblem(OfframpError):
    """A received share cannot be used as asked; the message says why in one sentence."""

    code = "received_share"


@dataclass(frozen=True)
class ReceivedShare:
    """A share from an advocate, as a prosecutor reads it: when, under a release until when, and exactly the facts."""

    disclosure_id: str
    shared_on: dt.date
    #: The release's last day, or None when this computer does not know it.
    until: dt.date | None
    #: The kinds of information, in order ("Name", "Court dates").
    kinds: list[str]
    #: The facts, one "Kind: value" line each, exactly as shared.
    facts: list[str]
    #: The prosecution team it was shared with.
    recipient: str
    #: The person this vault links it to (None while it waits in the inbox).
    person_id: str | None = None

    @property
    def name(self) -> str:
        """The shared name (the first "Name" fact, without "(legal name)"), or "" when no name was shared."""
        for line in self.facts:
            kind, _sep, value = line.partition(": ")
            if kind.strip().lower() == "name" and value.strip():
                return value.removesuffix("(legal name)").strip()
        return ""

    @property
    def kinds_words(self) -> str:
        """The kinds as a reader says them: "name, court dates"."""
        return kinds_words(self.kinds)


@dataclass(frozen=True)
class WithdrawnShare:
    """A share that was linked to the person and has since left this computer: when, and of which kinds only."""

    disclosure_id: str
    shared_on: dt.date | None
    until: dt.date | None
    kinds: list[str]
    withdrawn_on: dt.date

    @property
    def kinds_words(self) -> str:
        return kinds_words(self.kinds)


def kinds_words(kinds: list[str]) -> str:
    """The kinds as a reader says them, in the app's language: "name, court dates" ("nombre, fechas de corte")."""
    return ", ".join(kind_words(k).lower() for k in kinds)


class ReceivedShares:
    """Received shares on a prosecution vault: the inbox, linking, and what the person's page shows."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # --- reading -------------------------------------------------------------------------------------------

    def inbox(self) -> list[ReceivedShare]:
        """Shares received and not yet linked to one of this vault's people, newest first (a share linked to someone
        deleted since waits here again). None on an advocate's vault: its shares are its own, made there."""
        if self.ws.identity.regime != Regime.PROSECUTION.value:
            return []
        with self.ws.session() as s:
            linked = set(
                s.scalars(
                    select(ReceivedShareLink.disclosure_id)
                    .join(Person, Person.id == ReceivedShareLink.person_id)
                    .where(Person.deleted.is_(False))
                )
            )
            out = [self._share(s, d) for d in _received(s) if d.id not in linked]
        return _newest_first(out)

    def count(self) -> int:
        """How many received shares wait in the inbox (what the window's toolbar shows)."""
        return len(self.inbox())

    def for_person(self, person_id: str) -> list[ReceivedShare]:
        """The shares linked to this person that are still on this computer, newest first."""
        with self.ws.session() as s:
            links = {
                link.disclosure_id: link
                for link in s.scalars(select(ReceivedShareLink).where(ReceivedShareLink.person_id == person_id))
            }
            if not links:
                return []
            rows = s.scalars(_received_query().where(Disclosure.id.in_(list(links)))).all()
            out = [self._share(s, d, person_id=person_id, link=links[d.id]) for d in rows]
        return _newest_first(out)

    def withdrawn_for_person(self, person_id: str) -> list[WithdrawnShare]:
        """Shares once linked to this person that have left this computer: when, and the kinds (never the facts)."""
        with self.ws.session() as s:
            links = s.scalars(
                select(ReceivedShareLink).where(
                    ReceivedShareLink.person_id == person_id, ReceivedShareLink.withdrawn_at.is_not(None)
                )
            ).all()
            held = set(
                s.scalars(select(Disclosure.id).where(Disclosure.id.in_([link.disclosure_id for link in links])))
            )
            out = [
                WithdrawnShare(
                    link.disclosure_id, link.shared_on, link.until, list(link.kinds or []), link.withdrawn_at
                )
                for link in links
                if link.withdrawn_at is not None and link.disclosure_id not in held
            ]
        out.sort(key=lambda w: (w.withdrawn_on, w.disclosure_id), reverse=True)
        return out

    # --- linking -------------------------------------------------------------------------------------------

    def link(self, disclosure_id: str, person_id: str) -> None:
        """Say which of this vault's people a received share is about (again: a later link replaces the first).

        Audited with ids only. Refused on an advocacy vault, for a share no longer here, or for a person who is not.
        """
        if self.ws.identity.regime != Regime.PROSECUTION.value:
            raise ReceivedShareProblem(_(PROSECUTION_ONLY))
        with self.ws.session() as s, s.begin():
            share = s.scalar(_received_query().where(Disclosure.id == disclosure_id))
            if share is None:
                raise ReceivedShareProblem(_(NOT_HERE))
            person = s.get(Person, person_id)
            if person is None or person.deleted:
                raise RecordNotFound(_("That person is not in this vault any more. Choose someone else, or add them."))
            if person.regime != Regime.PROSECUTION.value:
                raise ValidationError(_("Choose one of the prosecution's own people."), field="person_id")
            found = self._share(s, share)
            link = s.get(ReceivedShareLink, disclosure_id)
            if link is None:
                link = ReceivedShareLink(disclosure_id=disclosure_id)
                s.add(link)
            link.person_id = person_id
            link.linked_at = dt.datetime.now(dt.UTC)
            link.linked_by = self.ws.identity.user_id
            link.kinds = list(found.kinds)
            link.shared_on = found.shared_on
            link.until = found.until
            link.withdrawn_at = None
            self.ws.audit(s, LINK_ACTION, record_type="disclosure", record_id=disclosure_id, person_id=person_id,
                          fields=["person_id"])  # fmt: skip

    # --- pieces --------------------------------------------------------------------------------------------

    def _share(
        self, s: Session, d: Disclosure, *, person_id: str | None = None, link: ReceivedShareLink | None = None
    ) -> ReceivedShare:
        lines = [line for line in (d.facts or "").splitlines() if line.strip()]
        kinds = list(dict.fromkeys(fact_kinds(d.facts) or []))
        until = release_until(s, d)
        if until is None and link is not None:
            until = link.until
        return ReceivedShare(d.id, d.disclosed_on, until, kinds, lines, d.recipient, person_id)


def release_until(s: Session, d: Disclosure) -> dt.date | None:
    """The last day of the release a share was made under, as far as this computer can tell (see the module)."""
    if d.consent_id:
        consent = s.get(Consent, d.consent_id)
        if consent is not None and not consent.deleted:
            return consent.expires_on
    return d.release_until


def _received_query() -> Any:
    """Shares from the advocacy side that this computer holds: allowed, shared with the prosecution, not deleted."""
    return select(Disclosure).where(
        Disclosure.regime == Regime.ADVOCACY.value,
        Disclosure.visibility == Visibility.SHARED_WITH_PROSECUTION.value,
        Disclosure.allowed.is_(True),
        Disclosure.deleted.is_(False),
        Disclosure.privileged.is_(False),
    )


def _received(s: Session) -> list[Disclosure]:
    return list(s.scalars(_received_query()))


def _newest_first(shares: list[ReceivedShare]) -> list[ReceivedShare]:
    return sorted(shares, key=lambda r: (r.shared_on, r.disclosure_id), reverse=True)


def mark_withdrawn(s: Session, record_ids: list[str] | set[str], day: dt.date | None = None) -> int:
    """Called by the sync client just before it evicts ``record_ids``: each linked share among them that is here now
    is noted as withdrawn on the office's ``day``. The row keeps the kinds of information, never the facts."""
    ids = list(record_ids)
    if not ids:
        return 0
    links = s.scalars(
        select(ReceivedShareLink).where(
            ReceivedShareLink.disclosure_id.in_(ids), ReceivedShareLink.withdrawn_at.is_(None)
        )
    ).all()
    if not links:
        return 0
    here = set(s.scalars(select(Disclosure.id).where(Disclosure.id.in_([link.disclosure_id for link in links]))))
    when = day or office_today_in(s)
    marked = 0
    for link in links:
        if link.disclosure_id in here:
            link.withdrawn_at = when
            marked += 1
    s.flush()
    return marked


__all__ = [
    "LINK_ACTION",
    "NOT_HERE",
    "PROSECUTION_ONLY",
    "ReceivedShare",
    "ReceivedShareProblem",
    "ReceivedShares",
    "WithdrawnShare",
    "kinds_words",
    "mark_withdrawn",
    "release_until",
]
