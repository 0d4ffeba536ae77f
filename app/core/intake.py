"""Intake: a new person from a short first form, and the possible-same-person check made before it is saved.

What is asked first is what the person wants to be called (DOMAIN.md sections 2 and 8: their chosen name, their
pronouns, their language, never a label), how old they are, and how it is safe to reach them. Everything else
waits for Details. The record takes the vault's regime, as every record made on this computer does.

The possible-same-person check looks for the typed names and other names in every name the vault knows (the same
full-text index as the caseload search) and for the exact date of birth, and answers with just enough to tell
people apart: name, other names, year of birth or age group, when they were last seen or their record last changed.
Nothing sensitive (no contact rules, no notes, no full date of birth) is in a match.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Float, Integer, column, func, literal_column, select, text

from app.core.hlc import Timestamp
from app.core.i18n import N_, _
from app.core.timeline import day_words
from app.errors import ValidationError
from app.models import Encounter, Person

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: Dates of birth further back than this are almost certainly a typing slip.
OLDEST_AGE = 120
#: Names longer than this are cut from the match query (a pasted paragraph is not a name).
MAX_WORDS = 12
NAME_LENGTH = 200

AGE_GROUPS = ("adult", "minor", "unknown")
_AGE_WORDS = {"adult": N_("Adult"), "minor": N_("Under 18"), "unknown": N_("Age not known")}
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class NewPerson:
    """What the first form asks. ``date_of_birth`` may be text as typed; the check says when it is not a date."""

    preferred_name: str
    other_names: Sequence[str] = ()
    pronouns: str | None = None
    languages: Sequence[str] = ()
    date_of_birth: dt.date | str | None = None
    age_group: str | None = None  # adult, minor or unknown; a date of birth decides it when given
    safe_to_call: bool | None = None
    safe_to_text: bool | None = None
    safe_to_leave_message: bool | None = None
    safe_to_send_mail: bool | None = None
    safe_times: str | None = None


@dataclass(frozen=True)
class PossibleMatch:
    """Someone already in the vault who may be the person at intake."""

    id: str
    preferred_name: str
    other_names: tuple[str, ...]
    year_of_birth: int | None
    age_group: str  # adult, minor or unknown
    last_contact: dt.date | None
    updated: dt.date
    same_date_of_birth: bool

    def describe(self) -> str:
        """One line that tells this person apart from another of the same name, in the app's language."""
        parts = []
        if self.other_names:
            parts.append(_("Also called {names}").format(names=", ".join(self.other_names)))
        if self.year_of_birth is not None:
            born = _("Born {year} (same date of birth)") if self.same_date_of_birth else _("Born {year}")
            parts.append(born.format(year=self.year_of_birth))
        else:
            parts.append(_(_AGE_WORDS.get(self.age_group, _AGE_WORDS["unknown"])))
        if self.last_contact is not None:
            parts.append(_("Last contact {day}").format(day=day_words(self.last_contact)))
        else:
            parts.append(_("No contact recorded · Updated {day}").format(day=day_words(self.updated)))
        return " · ".join(parts)


def age_in_years(born: dt.date, today: dt.date) -> int:
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def _folded(text: str) -> str:
    """Case and accents set aside, as the full-text index sets them aside ("Zoë" finds "Zoe")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return _WORD.findall(_folded(text))


class IntakeService:
    def __init__(self, workspace: Workspace, *, today: Callable[[], dt.date] = dt.date.today) -> None:
        self.ws = workspace
        self._today = today

    # --- checking ---------------------------------------------------------------------------------------------

    def check(self, new: NewPerson) -> dict[str, Any]:
        """The person's record values, cleaned; or a :class:`ValidationError` naming the field, in one sentence."""
        name = (new.preferred_name or "").strip()
        if not name:
            raise ValidationError("Please write the name they want to be called.", field="preferred_name")
        if len(name) > NAME_LENGTH:
            raise ValidationError(
                f"The name they want to be called can be at most {NAME_LENGTH} characters.", field="preferred_name"
            )
        others: list[str] = []
        seen = {_folded(name)}
        for other in new.other_names:
            other = (other or "").strip()
            if not other or _folded(other) in seen:
                continue
            if len(other) > NAME_LENGTH:
                raise ValidationError(f"Each other name can be at most {NAME_LENGTH} characters.", field="other_names")
            seen.add(_folded(other))
            others.append(other)
        born = self._birth(new.date_of_birth)
        age_group = self._age_group(new.age_group, born)
        values: dict[str, Any] = {
            "preferred_name": name,
            "aliases": others,
            "pronouns": (new.pronouns or "").strip() or None,
            "languages": [lang.strip() for lang in new.languages if lang and lang.strip()],
            "date_of_birth": born,
            "age_group": age_group,
            "safe_to_call": new.safe_to_call,
            "safe_to_text": new.safe_to_text,
            "safe_to_leave_message": new.safe_to_leave_message,
            "safe_to_send_mail": new.safe_to_send_mail,
            "safe_times": (new.safe_times or "").strip() or None,
        }
        from app.core.records import clean_value  # the column rules (lengths, kinds) say the rest

        for key, value in values.items():
            values[key] = clean_value(Person, key, value)
        return values

    def _birth(self, value: dt.date | str | None) -> dt.date | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValidationError(
                    "Please enter the date of birth as a date, for example 2026-03-31.", field="date_of_birth"
                ) from None
        today = self._today()
        if value > today:
            raise ValidationError("The date of birth cannot be in the future.", field="date_of_birth")
        if age_in_years(value, today) > OLDEST_AGE:
            raise ValidationError(
                f"That date of birth is more than {OLDEST_AGE} years ago; please check the year.",
                field="date_of_birth",
            )
        return value

    def _age_group(self, value: str | None, born: dt.date | None) -> str:
        value = (value or "").strip() or None
        if value is not None and value not in AGE_GROUPS:
            raise ValidationError("The age group must be adult, under 18 or not known.", field="age_group")
        if born is None:
            return value or "unknown"
        from_birth = "minor" if age_in_years(born, self._today()) < 18 else "adult"
        if value not in (None, "unknown", from_birth):
            said = "under 18" if from_birth == "minor" else "an adult"
            raise ValidationError(
                f"The date of birth makes them {said}; please check the date or the age group.", field="age_group"
            )
        return from_birth

    # --- saving -----------------------------------------------------------------------------------------------

    def create(self, new: NewPerson) -> str:
        """Save the new person (after :meth:`possible_matches` has been looked at); returns their id."""
        values = self.check(new)
        return self.ws.records.create("person", values).id

    # --- the possible-same-person check -----------------------------------------------------------------------

    def possible_matches(self, new: NewPerson, *, limit: int = 6) -> list[PossibleMatch]:
        """People already here who may be this person, best first: a name and the date of birth together, then
        the same name, then every word of the name, then the same date of birth, then some of the words."""
        typed_names = [n for n in (new.preferred_name, *new.other_names) if n and n.strip()]
        if not (new.preferred_name or "").strip():
            return []
        try:
            born = self._birth(new.date_of_birth)
        except ValidationError:
            born = None  # the form says so beside the field; the names can still be checked
        words: list[str] = []
        for name in typed_names:
            for word in _words(name):
                if word not in words:
                    words.append(word)
        words = words[:MAX_WORDS]
        fts_rank: dict[int, float] = {}
        with self.ws.session() as s:
            if words:
                # Any word of any typed name, as the start of a word of any name (bm25 favours more words matched).
                match = " OR ".join(f'"{w}"*' for w in words)
                hits = s.execute(
                    text("SELECT rowid AS rid, rank FROM person_fts WHERE person_fts MATCH :m ORDER BY rank LIMIT 60")
                    .bindparams(m=match)
                    .columns(column("rid", Integer), column("rank", Float))
                ).all()
                fts_rank = {int(h.rid): float(h.rank) for h in hits}
            rowid: Any = literal_column("person.rowid")
            fields = (
                Person.id,
                rowid.label("rid"),
                Person.preferred_name,
                Person.legal_name,
                Person.aliases,
                Person.date_of_birth,
                Person.age_group,
                Person.edited_hlc,
            )
            found: list[Any] = []
            if fts_rank:
                found += s.execute(select(*fields).where(rowid.in_(list(fts_rank)), Person.deleted.is_(False))).all()
            if born is not None:
                found += s.execute(
                    select(*fields).where(Person.date_of_birth == born, Person.deleted.is_(False)).limit(60)
                ).all()
            unique = {row.id: row for row in found}
            ranked = sorted(unique.values(), key=lambda row: self._order(row, new, words, born, fts_rank))
            chosen = ranked[:limit]
            contacts = dict(
                s.execute(
                    select(Encounter.person_id, func.max(Encounter.occurred_at))
                    .where(Encounter.person_id.in_([row.id for row in chosen]), Encounter.deleted.is_(False))
                    .group_by(Encounter.person_id)
                ).all()
            )
        return [self._match(row, born, contacts.get(row.id)) for row in chosen]

    @staticmethod
    def _order(
        row: Any, new: NewPerson, words: list[str], born: dt.date | None, fts_rank: dict[int, float]
    ) -> tuple[int, int, float, str]:
        their_names = [row.preferred_name, row.legal_name or "", *(row.aliases or [])]
        their_words = [w for name in their_names for w in _words(name)]
        matched = sum(1 for w in words if any(t.startswith(w) for t in their_words))
        same_name = bool(
            {_folded(n.strip()) for n in their_names if n}
            & {_folded(n.strip()) for n in (new.preferred_name, *new.other_names)}
        )
        preferred_words = _words(new.preferred_name)
        every_word = bool(preferred_words) and all(any(t.startswith(w) for t in their_words) for w in preferred_words)
        same_birth = born is not None and row.date_of_birth == born
        if same_birth and matched:
            group = 0
        elif same_name:
            group = 1
        elif every_word:
            group = 2
        elif same_birth:
            group = 3
        else:
            group = 4
        return (group, -matched, fts_rank.get(row.rid, 0.0), _folded(row.preferred_name))

    def _match(self, row: Any, born: dt.date | None, last_contact: dt.datetime | None) -> PossibleMatch:
        changed = dt.datetime.fromtimestamp(Timestamp.decode(row.edited_hlc).wall_ms / 1000, dt.UTC)
        if last_contact is not None and last_contact.tzinfo is None:
            last_contact = last_contact.replace(tzinfo=dt.UTC)
        return PossibleMatch(
            id=row.id,
            preferred_name=row.preferred_name,
            other_names=tuple(row.aliases or ()),
            year_of_birth=row.date_of_birth.year if row.date_of_birth else None,
            # A date of birth decides the age group, as it does on Details.
            age_group=(
                ("minor" if age_in_years(row.date_of_birth, self._today()) < 18 else "adult")
                if row.date_of_birth
                else row.age_group or "unknown"
            ),
            last_contact=last_contact.astimezone().date() if last_contact is not None else None,
            updated=changed.astimezone().date(),
            same_date_of_birth=born is not None and row.date_of_birth == born,
        )
