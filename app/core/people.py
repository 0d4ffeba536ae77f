"""Finding people: full-text search over preferred names, legal names and aliases (FTS5), and caseload pages."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import Float, Integer, column, func, literal_column, select, text

from app.models import Person

if TYPE_CHECKING:
    from app.core.workspace import Workspace

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(typed: str) -> str | None:
    """Search-as-you-type: every word the person typed must start a word of a name or alias."""
    words = _WORD.findall(typed)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words[:8])


@dataclass(frozen=True)
class PersonRow:
    """One line of a caseload: what the list shows, nothing more."""

    id: str
    preferred_name: str
    pronouns: str | None
    languages: list[str]
    regime: str
    edited_hlc: str
    unsynced: bool


class PeopleService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def _base(self):  # type: ignore[no-untyped-def]
        return select(
            Person.id,
            Person.preferred_name,
            Person.pronouns,
            Person.languages,
            Person.regime,
            Person.edited_hlc,
            Person.rev,
        ).where(Person.deleted.is_(False))

    def search(self, typed: str, *, limit: int = 200, offset: int = 0) -> list[PersonRow]:
        """People whose names or aliases match ``typed``, best match first; all people when it is empty."""
        match = fts_query(typed)
        q = self._base()
        if match is None:
            q = q.order_by(Person.preferred_name.collate("NOCASE"), Person.id)
        else:
            hits = (
                text("SELECT rowid AS rid, rank FROM person_fts WHERE person_fts MATCH :m")
                .bindparams(m=match)
                .columns(column("rid", Integer), column("rank", Float))
                .subquery("hits")
            )
            q = q.join(hits, hits.c.rid == literal_column("person.rowid")).order_by(hits.c.rank, Person.preferred_name)
        with self.ws.session() as s:
            rows = s.execute(q.limit(limit).offset(offset)).all()
        return [
            PersonRow(
                r.id, r.preferred_name, r.pronouns, list(r.languages or []), r.regime, r.edited_hlc, r.rev is None
            )
            for r in rows
        ]

    def count(self, typed: str = "") -> int:
        match = fts_query(typed)
        with self.ws.session() as s:
            if match is None:
                return int(s.scalar(select(func.count()).select_from(Person).where(Person.deleted.is_(False))) or 0)
            return int(
                s.scalar(
                    text(
                        "SELECT count(*) FROM person_fts JOIN person ON person.rowid = person_fts.rowid "
                        "WHERE person_fts MATCH :m AND person.deleted = 0"
                    ),
                    {"m": match},
                )
                or 0
            )
