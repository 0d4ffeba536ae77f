"""Sharing agreed facts with the prosecution (DESIGN.md section 4, DOMAIN.md section 4), from an advocacy vault.

Facts reach a prosecution team only through a ``disclosure`` record holding exactly what the person agreed to share,
under a release of theirs that is in effect today, names that team as its recipient and covers each fact shared.

- A release *names a prosecution team* when its recipient is, word for word (case and spacing aside), the name of one
  of the office's prosecution teams. This computer learns those names from the office at each Sync now (the sync
  client calls :func:`remember_prosecution_teams`), so a vault that never synced knows none and shares nothing.
- The facts on offer come from what the vault records in structured fields, one kind of information at a time
  ("Name", "Date of birth", "Service needs", "Case status", "Court dates"), and only for the kinds the release
  covers. Notes are never a source: a note may hold privileged words, and the person agreed to facts, not notes.
- A disclosure's ``facts`` are lines of the form ``Kind: value`` (:func:`fact_line`), so the office server can check
  each kind against the release's "information covered" (:func:`fact_kinds`) without reading anything else.
- A share that cannot be made is still recorded, as a blocked disclosure (the kinds asked for, never the values) and
  an audit event, like the referral gate does; the person sharing is told the way forward in one kind sentence.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.core.consent import kind_words
from app.core.i18n import N_, _, ngettext
from app.core.office_policy import office_today
from app.core.office_policy import today as office_today_in
from app.errors import OfframpError, ValidationError
from app.models import (
    AuditAction,
    Consent,
    Disclosure,
    DisclosureChannel,
    Encounter,
    EncounterKind,
    JusticeContact,
    Person,
    Referral,
    ReliefCase,
    ReliefPetition,
    VaultMeta,
)
from app.models.base import Visibility

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: Where the office's prosecution teams (id and name, as the office told us at the last sync) are kept in the vault.
PROSECUTION_TEAMS_KEY = "office_prosecution_teams"

NO_RELEASE = N_(
    "Record a release first: the person's written consent to share with the prosecution team, saying which "
    "information and until when. Then you can share exactly that."
)
NOT_SYNCED = N_(
    "This computer does not know the office's prosecution teams yet. Press Sync now once, then share again; "
    "nothing was shared."
)
ADVOCACY_ONLY = N_("Sharing with the prosecution is done from an advocate's vault; this vault already belongs to it.")


def _norm(text: str | None) -> str:
    """Names and kinds of information compared as people read them: case, hyphens and spacing aside."""
    return " ".join((text or "").lower().replace("-", " ").split())


def fact_line(kind: str, value: str) -> str:
    """One shared fact as a prosecutor reads it, on one line: "Court dates: 12 Jan 2027"."""
    clean = " ".join(str(value).split())
    return f"{kind.strip()}: {clean}"


def fact_kinds(facts: str | None) -> list[str] | None:
    """The kinds of information a disclosure's facts hold, one per line; None when a line names no kind.

    The office server grants a share only when every kind is in the release's "information covered", so a line
    that does not say what kind of information it is can never be granted.
    """
    kinds: list[str] = []
    for line in (facts or "").splitlines():
        if not line.strip():
            continue
        kind, sep, value = line.partition(": ")
        if not sep or not kind.strip() or not value.strip():
            return None
        kinds.append(kind.strip())
    return kinds or None


def within_covered(facts: str | None, data_covered: Sequence[str] | None) -> bool:
    """Every fact is of a kind the release covers (and there is at least one)."""
    kinds = fact_kinds(facts)
    covered = {_norm(d) for d in (data_covered or [])}
    return kinds is not None and all(_norm(k) in covered for k in kinds)


# --- the office's prosecution teams ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ProsecutionTeam:
    id: str
    name: str


def remember_prosecution_teams(s: Session, teams: Sequence[Mapping[str, Any]]) -> None:
    """Keep the office's prosecution teams in the vault (called by the sync client after hello)."""
    clean = [
        {"id": str(t["id"]), "name": str(t["name"])} for t in teams if t.get("id") and str(t.get("name") or "").strip()
    ]
    s.merge(VaultMeta(key=PROSECUTION_TEAMS_KEY, value=json.dumps(clean, separators=(",", ":"))))


def prosecution_teams(s: Session) -> list[ProsecutionTeam]:
    raw = s.scalar(select(VaultMeta.value).where(VaultMeta.key == PROSECUTION_TEAMS_KEY))
    if not raw:
        return []
    try:
        return [ProsecutionTeam(str(t["id"]), str(t["name"])) for t in json.loads(raw)]
    except (ValueError, KeyError, TypeError):
        return []


# --- what can be shared --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    kind: str
    value: str

    @property
    def line(self) -> str:
        return fact_line(self.kind, self.value)


@dataclass(frozen=True)
class ShareRelease:
    """A release of the person's, in effect today, naming a prosecution team: what may go under it."""

    id: str
    recipient: str
    team: ProsecutionTeam
    purpose: str
    starts_on: dt.date
    expires_on: dt.date
    data_covered: list[str]
    facts: list[Fact] = field(default_factory=list)
    #: Kinds the release covers for which this vault records nothing to share.
    nothing_recorded: list[str] = field(default_factory=list)

    @property
    def words(self) -> str:
        return _("{recipient}, for {purpose}, until {day}").format(
            recipient=self.recipient, purpose=self.purpose, day=_day(self.expires_on)
        )


@dataclass(frozen=True)
class SharePreview:
    """Exactly what will travel, said before anything is saved."""

    team_name: str
    release_words: str
    expires_on: dt.date
    lines: list[str]

    @property
    def words(self) -> str:
        facts = "\n".join(f"• {line}" for line in self.lines)
        # The facts stay as they travel (the office's words); the sentences around them are in the app's language.
        return _(
            "This will go to {team}:\n{facts}\n\nUnder the release: {release}. It can be seen there until {day}, or "
            "until the person withdraws the release.\nNothing leaves this computer now: it goes to the office at your "
            "next Sync now."
        ).format(team=self.team_name, facts=facts, release=self.release_words, day=_day(self.expires_on))


@dataclass(frozen=True)
class ShareRow:
    """A share already made: what went, to whom, under which release."""

    id: str
    recipient: str
    consent_id: str | None
    disclosed_on: dt.date
    lines: list[str]


class SharingRefused(OfframpError):
    """Nothing was shared; the message says the way forward. The stopped share was recorded."""

    code = "sharing_refused"


class SharingService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # --- reading -------------------------------------------------------------------------------------------

    def releases(self, person_id: str, today: dt.date | None = None) -> list[ShareRelease]:
        """The person's releases that are in effect today and name a prosecution team, newest first."""
        with self.ws.session() as s:
            return self._releases(s, person_id, today or office_today_in(s))

    def _releases(self, s: Session, person_id: str, today: dt.date) -> list[ShareRelease]:
        teams = {_norm(t.name): t for t in prosecution_teams(s)}
        found: list[ShareRelease] = []
        for c in self._consents(s, person_id):
            team = teams.get(_norm(c.recipient))
            if team is None or not _live(c, today):
                continue
            facts, nothing = self._facts(s, person_id, list(c.data_covered or []))
            found.append(
                ShareRelease(
                    id=c.id,
                    recipient=c.recipient,
                    team=team,
                    purpose=c.purpose,
                    starts_on=c.starts_on,
                    expires_on=c.expires_on,
                    data_covered=list(c.data_covered or []),
                    facts=facts,
                    nothing_recorded=nothing,
                )
            )
        found.sort(key=lambda r: (r.starts_on, r.id), reverse=True)
        return found

    def why_none(self, person_id: str, today: dt.date | None = None) -> str | None:
        """Why nothing can be shared for this person today, in one kind sentence; None when something can."""
        with self.ws.session() as s:
            return self._why_none(s, person_id, today or office_today_in(s))

    def refusal(self, person_id: str, today: dt.date | None = None) -> str | None:
        """Why nothing can be shared for this person today, as :meth:`why_none`; when it is refused, the stopped
        share is recorded as :meth:`share` records one (a blocked disclosure holding no facts, since none could be
        picked, and its audit event). None, recording nothing, when there is something to share.

        The share screen calls this as it opens: a share refused before anything could be picked is still a
        refusal. Only an advocate's vault shares, so only there is a refusal recorded."""
        day = today or office_today(self.ws)
        with self.ws.session() as s, s.begin():
            why = self._why_none(s, person_id, day)
            if why is not None and why != _(ADVOCACY_ONLY):
                self._record(s, person_id, None, [], day, allowed=False)
        return why

    def _why_none(self, s: Session, person_id: str, today: dt.date) -> str | None:
        if self.ws.identity.regime != "advocacy":
            return _(ADVOCACY_ONLY)
        if self._releases(s, person_id, today):
            return None
        if not prosecution_teams(s):
            return _(NOT_SYNCED)
        teams = {_norm(t.name) for t in prosecution_teams(s)}
        theirs = [c for c in self._consents(s, person_id) if _norm(c.recipient) in teams]
        if theirs:
            newest = max(theirs, key=lambda c: (c.starts_on, c.id))
            if newest.revoked_on is not None and newest.revoked_on <= today:
                return _(
                    "The person withdrew their release for {recipient} on {day}, so nothing more may be shared. If "
                    "they choose to give a new one, record it first."
                ).format(recipient=newest.recipient, day=_day(newest.revoked_on))
            if today < newest.starts_on:
                return _("The release for {recipient} starts on {day}; share from then on.").format(
                    recipient=newest.recipient, day=_day(newest.starts_on)
                )
            return _(
                "The release for {recipient} ended on {day}. Record a new release first, if the person chooses to "
                "give one."
            ).format(recipient=newest.recipient, day=_day(newest.expires_on))
        live = [c for c in self._consents(s, person_id) if _live(c, today)]
        if live:
            # A release for someone else, or a team's name written differently: name the teams it must match.
            names = ", ".join(t.name for t in prosecution_teams(s))
            return _(
                "None of the person's releases names one of the office's prosecution teams ({names}). Record a "
                "release first that names the team, as written here, if the person chooses to give one."
            ).format(names=names)
        return _(NO_RELEASE)

    def shares(self, person_id: str) -> list[ShareRow]:
        """The person's shares with the prosecution that were made (not the stopped ones), newest first."""
        with self.ws.session() as s:
            rows = s.scalars(
                select(Disclosure).where(
                    Disclosure.person_id == person_id,
                    Disclosure.deleted.is_(False),
                    Disclosure.allowed.is_(True),
                    Disclosure.visibility == Visibility.SHARED_WITH_PROSECUTION.value,
                )
            ).all()
            out = [
                ShareRow(d.id, d.recipient, d.consent_id, d.disclosed_on, (d.facts or "").splitlines()) for d in rows
            ]
        out.sort(key=lambda r: (r.disclosed_on, r.id), reverse=True)
        return out

    def lapsing(self, consent_id: str) -> list[ShareRow]:
        """The shares made under this release: withdrawing it takes each back from the prosecution's computers."""
        with self.ws.session() as s:
            consent = s.get(Consent, consent_id)
            person_id = consent.person_id if consent is not None else None
        if person_id is None:
            return []
        return [r for r in self.shares(person_id) if r.consent_id == consent_id]

    def lapse_words(self, consent_id: str) -> str | None:
        """What withdrawing this release means for the shares made under it; None when nothing was shared."""
        rows = self.lapsing(consent_id)
        if not rows:
            return None
        kinds: list[str] = []
        for row in reversed(rows):  # in the order they were made
            for line in row.lines:
                kind = line.partition(": ")[0]
                if kind and kind not in kinds:
                    kinds.append(kind)
        return ngettext(
            "{n} share with {recipient} made under this release will lapse ({kinds}): after your next Sync now, the "
            "office takes it back from the prosecution's computers at their next sync.",
            "{n} shares with {recipient} made under this release will lapse ({kinds}): after your next Sync now, the "
            "office takes them back from the prosecution's computers at their next sync.",
            len(rows),
        ).format(n=len(rows), recipient=rows[0].recipient, kinds=", ".join(kind_words(k) for k in kinds).lower())

    def preview(
        self, person_id: str, consent_id: str, picked: Sequence[str], today: dt.date | None = None
    ) -> SharePreview:
        """Exactly what :meth:`share` would send, checked the same way; records nothing."""
        with self.ws.session() as s:
            release, lines = self._check(s, person_id, consent_id, picked, today or office_today_in(s))
        return SharePreview(release.team.name, release.words, release.expires_on, lines)

    # --- sharing -------------------------------------------------------------------------------------------

    def share(self, person_id: str, consent_id: str | None, picked: Sequence[str], today: dt.date | None = None) -> str:
        """Record the share of exactly the picked facts under the release; returns the disclosure's id.

        Refused (:class:`SharingRefused`, after recording the stopped share and its audit event) when the release
        is not the person's, not in effect today, names no prosecution team, or does not cover a fact picked.
        """
        day = today or office_today(self.ws)  # the office's day: the server judges the grant on the same one
        if not [p for p in picked if p.strip()]:
            raise ValidationError(_("Please tick at least one fact the person agreed to share."), field="facts")
        refused: str | None = None
        with self.ws.session() as s, s.begin():
            try:
                release, lines = self._check(s, person_id, consent_id, picked, day)
            except SharingRefused as exc:
                refused = str(exc)
                self._record(s, person_id, None, picked, day, allowed=False, consent=s.get(Consent, consent_id or ""))
                disclosure_id = None
            else:
                disclosure_id = self._record(s, person_id, release, lines, day, allowed=True)
        if refused is not None or disclosure_id is None:
            raise SharingRefused(refused or NO_RELEASE)
        return disclosure_id

    def _check(
        self, s: Session, person_id: str, consent_id: str | None, picked: Sequence[str], today: dt.date
    ) -> tuple[ShareRelease, list[str]]:
        why = self._why_none(s, person_id, today)
        if why is not None:
            raise SharingRefused(why)
        release = next((r for r in self._releases(s, person_id, today) if r.id == consent_id), None)
        if release is None:
            raise SharingRefused(
                _(
                    "That release is not one this person has in effect today for a prosecution team. Choose one of "
                    "theirs, or record a release first."
                )
            )
        offered = {f.line: f for f in release.facts}
        lines = [p for p in dict.fromkeys(p.strip() for p in picked) if p]
        outside = [p for p in lines if p not in offered]
        if outside or not lines:
            covered = ", ".join(kind_words(d).lower() for d in release.data_covered)
            raise SharingRefused(
                _(
                    "The release covers only {covered}, and only what this computer records for it; nothing else "
                    "can be shared under it. Ask the person about a new release first if they want to share more."
                ).format(covered=covered)
            )
        return release, lines

    def _record(
        self,
        s: Session,
        person_id: str,
        release: ShareRelease | None,
        lines: Sequence[str],
        day: dt.date,
        *,
        allowed: bool,
        consent: Consent | None = None,
    ) -> str:
        if allowed and release is not None:
            values: dict[str, Any] = {
                "recipient": release.team.name,
                "recipient_team_id": release.team.id,
                "facts": "\n".join(lines),
                "purpose": release.purpose,
                "disclosed_on": day,
                "channel": DisclosureChannel.SHARE.value,
                "allowed": True,
                "consent_id": release.id,
                # The release never reaches the prosecution's computers: its last day travels with the share.
                "release_until": release.expires_on,
                "visibility": Visibility.SHARED_WITH_PROSECUTION.value,
                # The person agreed to these facts reaching the prosecution: the share itself is not privileged.
                "privileged": False,
            }
        else:
            kinds = list(dict.fromkeys(line.partition(": ")[0].strip() for line in lines if line.strip()))
            values = {
                "recipient": consent.recipient if consent is not None else "The prosecution",
                # What would have left, by kind: never the values themselves.
                "facts": ", ".join(kinds) or None,
                "purpose": "Share with the prosecution",
                "disclosed_on": day,
                "channel": DisclosureChannel.SHARE.value,
                "allowed": False,
                "consent_id": None,
            }
        obj = self.ws.records.create_in(s, "disclosure", values, person_id=person_id)
        action = AuditAction.DISCLOSURE_ALLOWED if allowed else AuditAction.DISCLOSURE_BLOCKED
        self.ws.audit(
            s,
            action.value,
            record_type="disclosure",
            record_id=obj.id,
            person_id=person_id,
            fields=["facts", "purpose", "recipient"],
        )
        return obj.id

    # --- the facts -----------------------------------------------------------------------------------------

    @staticmethod
    def _consents(s: Session, person_id: str) -> list[Consent]:
        return list(s.scalars(select(Consent).where(Consent.person_id == person_id, Consent.deleted.is_(False))))

    def _facts(self, s: Session, person_id: str, covered: Sequence[str]) -> tuple[list[Fact], list[str]]:
        """The facts of each kind the release covers, from structured fields only (never a note)."""
        facts: list[Fact] = []
        nothing: list[str] = []
        for kind in covered:
            made = _FACT_MAKERS.get(_norm(kind))
            found = [Fact(kind.strip(), v) for v in made(s, person_id)] if made is not None else []
            found = [f for f in found if f.value.strip()]
            if found:
                facts.extend(found)
            else:
                nothing.append(kind.strip())
        return facts, nothing


def _live(c: Consent, today: dt.date) -> bool:
    return (c.revoked_on is None or c.revoked_on > today) and c.starts_on <= today <= c.expires_on


def _day(value: dt.date | None) -> str:
    from app.core.timeline import day_words

    return day_words(value) if value else _("an unknown date")


def _live_rows(s: Session, cls: Any, person_id: str) -> list[Any]:
    return list(s.scalars(select(cls).where(cls.person_id == person_id, cls.deleted.is_(False))))


def _names(s: Session, person_id: str) -> list[str]:
    person = s.get(Person, person_id)
    if person is None or person.deleted:
        return []
    out = [person.preferred_name]
    if person.legal_name and _norm(person.legal_name) != _norm(person.preferred_name):
        out.append(f"{person.legal_name} (legal name)")
    return out


def _birth(s: Session, person_id: str) -> list[str]:
    person = s.get(Person, person_id)
    return [_day(person.date_of_birth)] if person is not None and person.date_of_birth else []


def _service_needs(s: Session, person_id: str) -> list[str]:
    from app.content.taxonomy import category_title

    titles = [category_title(r.category, r.taxonomy_version) for r in _live_rows(s, Referral, person_id)]
    return [", ".join(dict.fromkeys(titles))] if titles else []


def _case_status(s: Session, person_id: str) -> list[str]:
    out = []
    for jc in sorted(_live_rows(s, JusticeContact, person_id), key=lambda j: (j.arrest_date or dt.date.min, j.id)):
        if not jc.case_status:
            continue
        where = ", ".join(p for p in (jc.court, jc.docket_number and f"docket {jc.docket_number}") if p)
        status = jc.case_status.replace("_", " ").capitalize()
        role = jc.role.replace("_", " ") if jc.role else None
        out.append(" — ".join(p for p in (status, where, role and f"as {role}") if p))
    return out


def _court_dates(s: Session, person_id: str) -> list[str]:
    out: list[tuple[dt.date, str]] = []
    for e in _live_rows(s, Encounter, person_id):
        if e.kind == EncounterKind.COURT.value and e.occurred_at is not None:
            out.append((e.occurred_at.date(), _day(e.occurred_at.date())))
    cases = {c.id for c in _live_rows(s, ReliefCase, person_id)}
    for p in _live_rows(s, ReliefPetition, person_id):
        if p.hearing_on and p.case_id in cases:
            where = f" ({p.filing_court})" if p.filing_court else ""
            out.append((p.hearing_on, f"{_day(p.hearing_on)}, hearing on a record-relief petition{where}"))
    return [words for _day_, words in sorted(out)]


_FACT_MAKERS = {
    "name": _names,
    "date of birth": _birth,
    "service needs": _service_needs,
    "case status": _case_status,
    "court dates": _court_dates,
}


__all__ = [
    "NOT_SYNCED",
    "NO_RELEASE",
    "PROSECUTION_TEAMS_KEY",
    "Fact",
    "ProsecutionTeam",
    "SharePreview",
    "ShareRelease",
    "ShareRow",
    "SharingRefused",
    "SharingService",
    "fact_kinds",
    "fact_line",
    "prosecution_teams",
    "remember_prosecution_teams",
    "within_covered",
]
