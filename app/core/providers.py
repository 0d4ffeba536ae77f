"""The office's provider directory: adding and editing providers, and CSV import and export.

An import reads the whole file first and names every bad row by its number (the header is row 1, as a spreadsheet
shows it) and its reason; until the file is clean nothing is imported, and a clean file is written in one
transaction. Export writes the same columns, so an exported file imports again unchanged. A provider is not about
any one person: nothing here reads or writes personal data.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.content.taxonomy import current_taxonomy, find_category
from app.core.i18n import N_, _, ngettext
from app.core.records import clean_value, columns_of
from app.core.row_copy import copied
from app.errors import OfframpError, ValidationError
from app.models import Provider
from app.models.base import Envelope
from app.reports.csv_cells import escape_cell, unescape_cell
from app.storage.atomic import atomic_write_bytes
from app.storage.engine import translate_errors

if TYPE_CHECKING:
    from app.core.workspace import Workspace

#: The CSV columns, in order. Lists (categories, languages) are separated by semicolons inside their cell.
CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "name",
    "categories",
    "languages",
    "serves",
    "phone",
    "email",
    "website",
    "public_address",
    "notes",
)
LIST_COLUMNS = frozenset({"categories", "languages"})
REQUIRED_COLUMNS = frozenset({"name", "categories"})
MAX_IMPORT_BYTES = 5 * 1024 * 1024
_EMAIL = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")
_PHONE = re.compile(r"^[0-9+()\-.\s/x]{3,40}$", re.IGNORECASE)
_WEBSITE = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)

#: Marks a row with more cells than the header has columns (usually a comma in a cell that is not in quotes).
EXTRA_CELLS = "_extra_cells"
NOT_CSV = N_("That file is not a CSV file saved as UTF-8 text, so nothing was imported.")


@dataclass(frozen=True)
class RowProblem:
    """One bad row: its number as a spreadsheet shows it (the header is row 1), the column, and why."""

    row: int
    column: str
    reason: str

    def __str__(self) -> str:
        return _("Row {row}: {reason}").format(row=self.row, reason=self.reason)


class ProviderImportError(OfframpError):
    """A provider file that cannot be imported. ``problems`` names every bad row; nothing was imported."""

    code = "provider_import"

    def __init__(self, message: str, *, problems: Sequence[RowProblem] = ()) -> None:
        super().__init__(message)
        self.problems = list(problems)


@dataclass(frozen=True)
class ImportSummary:
    added: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ProviderRow:
    """One provider as the directory shows it."""

    id: str
    name: str
    categories: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    serves: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    public_address: str | None = None
    notes: str | None = None
    taxonomy_version: str | None = None

    def values(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in CSV_COLUMNS if k != "id"}


def _haystack(row: ProviderRow) -> str:
    return " ".join([row.name, row.serves or "", *row.languages, *row.categories]).lower()


def _row(p: Provider) -> ProviderRow:
    return copied(ProviderRow, p, categories=list(p.categories or []), languages=list(p.languages or []))


def create_in(ws: Workspace, s: Session, record_type: str, values: Mapping[str, Any],
              *, person_id: str | None = None, record_id: str | None = None) -> Envelope:  # fmt: skip
    """Create a record inside a transaction the caller holds (``ws.records.batch()``), with every check."""
    return ws.records.create_in(s, record_type, values, person_id=person_id, record_id=record_id)


# --- checking one provider --------------------------------------------------------------------------------------


def check_provider(values: Mapping[str, Any], *, version: str | None = None) -> list[tuple[str, str]]:
    """Every problem with a provider's values as (field, plain reason); empty when it can be saved."""
    problems: list[tuple[str, str]] = []
    name = str(values.get("name") or "").strip()
    if not name:
        problems.append(("name", _("the provider's name is missing")))
    taxonomy = current_taxonomy()
    version = version or taxonomy.version
    categories = [c for c in (values.get("categories") or []) if str(c).strip()]
    if not categories:
        problems.append(("categories", _("no service category is given (at least one, such as 'medical')")))
    for code in categories:
        category = find_category(str(code), version)
        if category is None:
            reason = _("'{code}' is not a service category in list {version}")
            problems.append(("categories", reason.format(code=code, version=taxonomy.version)))
        elif category.retired and version == taxonomy.version:
            reason = _("'{code}' is no longer offered in list {version}")
            problems.append(("categories", reason.format(code=code, version=taxonomy.version)))
    email = str(values.get("email") or "").strip()
    if email and not _EMAIL.match(email):
        problems.append(("email", _("'{email}' does not look like an email address").format(email=email)))
    phone = str(values.get("phone") or "").strip()
    if phone and not _PHONE.match(phone):
        problems.append(("phone", _("'{phone}' does not look like a phone number").format(phone=phone)))
    website = str(values.get("website") or "").strip()
    if website and not _WEBSITE.match(website):
        reason = _("'{website}' is not a web address starting with https://").format(website=website)
        problems.append(("website", reason))
    for key, col in columns_of(Provider).items():
        limit = col.info.get("max_length")
        value = values.get(key)
        if limit and isinstance(value, str) and len(value) > limit:
            label = _(str(col.info["label"])).lower()
            problems.append((key, _("the {label} is longer than {limit} characters").format(label=label, limit=limit)))
    return problems


def _raise_first(problems: list[tuple[str, str]]) -> None:
    if problems:
        column, reason = problems[0]
        raise ValidationError(reason[:1].upper() + reason[1:] + ".", field=column)


# --- the service ----------------------------------------------------------------------------------------------------


class ProviderService:
    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def list(self, search: str = "", *, category: str | None = None) -> list[ProviderRow]:
        """Providers by name; ``search`` matches the name, who they serve, or a language; ``category`` filters.

        A directory holds hundreds of providers, not millions: filtering the read rows is simple and fast enough.
        """
        with self.ws.session() as s:
            q = select(Provider).where(Provider.deleted.is_(False)).order_by(func.lower(Provider.name), Provider.id)
            rows = [_row(p) for p in s.scalars(q)]
        words = search.strip().lower().split()
        if words:
            rows = [r for r in rows if all(w in _haystack(r) for w in words)]
        if category:
            rows = [r for r in rows if category in r.categories]
        return rows

    def get(self, provider_id: str) -> ProviderRow:
        obj = self.ws.records.get("provider", provider_id)
        assert isinstance(obj, Provider)
        return _row(obj)

    def save(self, provider_id: str | None, values: Mapping[str, Any]) -> str:
        """Add a provider (``provider_id`` None) or change one; returns its id."""
        values = dict(values)
        merged = dict(values)
        if provider_id is not None:
            merged = self.get(provider_id).values() | values
        _raise_first(check_provider(merged))
        clash = self._same_name(str(merged.get("name") or ""), provider_id)
        if clash:
            raise ValidationError(_("A provider with this name is already in the directory."), field="name")
        values["taxonomy_version"] = current_taxonomy().version
        if provider_id is None:
            return self.ws.records.create("provider", values).id
        self.ws.records.update("provider", provider_id, values)
        return provider_id

    def delete(self, provider_id: str) -> None:
        self.ws.records.delete("provider", provider_id)

    def _same_name(self, name: str, other_than: str | None) -> bool:
        with self.ws.session() as s:
            q = select(Provider.id).where(
                Provider.deleted.is_(False), func.lower(Provider.name) == name.strip().lower()
            )
            return any(found != other_than for found in s.scalars(q))

    # --- CSV ---------------------------------------------------------------------------------------------------

    def import_csv(self, path: str | Path) -> ImportSummary:
        try:
            data = Path(path).read_bytes()
        except OSError:
            raise ProviderImportError(_("That file could not be read, so nothing was imported.")) from None
        return self.import_bytes(data)

    def import_bytes(self, data: bytes) -> ImportSummary:
        """Check the whole file, then import every row in one transaction; raise and import nothing if any row
        is bad."""
        rows = parse_csv(data)
        with self.ws.session() as s:
            existing = {p.id: p for p in s.scalars(select(Provider).where(Provider.deleted.is_(False)))}
            by_name = {p.name.strip().lower(): p.id for p in existing.values()}
            for p in existing.values():
                s.expunge(p)
        problems: list[RowProblem] = []
        seen_names: dict[str, int] = {}
        plan: list[tuple[str | None, dict[str, Any]]] = []
        for number, values in rows:
            row_problems = [RowProblem(number, c, r) for c, r in check_provider(values)]
            if values.pop(EXTRA_CELLS, False):
                reason = _("it has more cells than there are columns (put a cell that holds a comma in quotes)")
                row_problems.append(RowProblem(number, "", reason))
            key = str(values.get("name") or "").strip().lower()
            given_id = str(values.pop("id", "") or "").strip() or None
            target = given_id if given_id in existing else None
            if key:
                if key in seen_names:
                    row_problems.append(
                        RowProblem(
                            number,
                            "name",
                            _("the same provider name is already on row {row}").format(row=seen_names[key]),
                        )
                    )
                else:
                    seen_names[key] = number
                holder = by_name.get(key)
                if holder is not None and holder != target:
                    row_problems.append(
                        RowProblem(
                            number,
                            "name",
                            _(
                                "a provider with this name is already in the directory (keep its id in the id column "
                                "to update it)"
                            ),
                        )
                    )
            problems.extend(row_problems)
            plan.append((target, values))
        if problems:
            bad_rows = sorted({p.row for p in problems})
            listed = ", ".join(str(n) for n in bad_rows[:12])
            if len(bad_rows) > 12:
                said = ngettext(
                    "Nothing was imported: {n} row needs fixing first (row {rows} and more).",
                    "Nothing was imported: {n} rows need fixing first (row {rows} and more).",
                    len(bad_rows),
                )
            else:
                said = ngettext(
                    "Nothing was imported: {n} row needs fixing first (row {rows}).",
                    "Nothing was imported: {n} rows need fixing first (row {rows}).",
                    len(bad_rows),
                )
            raise ProviderImportError(said.format(n=len(bad_rows), rows=listed), problems=problems)
        version = current_taxonomy().version
        added = updated = unchanged = 0
        with translate_errors(), self.ws.session() as s, s.begin():
            for target, values in plan:
                values = {k: v for k, v in values.items()} | {"taxonomy_version": version}
                if target is None:
                    create_in(self.ws, s, "provider", values)
                    added += 1
                    continue
                if self._update_in(s, target, values):
                    updated += 1
                else:
                    unchanged += 1
            self.ws.audit(s, "providers_imported", record_type="provider", fields=sorted(CSV_COLUMNS))
        return ImportSummary(added, updated, unchanged)

    def _update_in(self, s: Session, provider_id: str, values: Mapping[str, Any]) -> bool:
        obj = s.get(Provider, provider_id)
        assert obj is not None
        cleaned = {k: clean_value(Provider, k, v) for k, v in values.items()}
        changed = {k: v for k, v in cleaned.items() if getattr(obj, k) != v}
        if set(changed) <= {"taxonomy_version"}:
            return False
        return self.ws.records.update_in(s, obj, changed)

    def export_csv(self, path: str | Path) -> int:
        """Write every provider to ``path`` (atomically); returns how many."""
        rows = self.list()
        atomic_write_bytes(Path(path), to_csv(rows))
        self.ws.log_event("export", record_type="provider", fields=list(CSV_COLUMNS))
        return len(rows)


# --- the file format ----------------------------------------------------------------------------------------------


def to_csv(rows: Iterable[ProviderRow]) -> bytes:
    """Every cell that a spreadsheet would run as a formula gets a quote in front (app.reports.csv_cells);
    :func:`parse_csv` takes it off again."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        cells = []
        for column in CSV_COLUMNS:
            value = getattr(row, column)
            cells.append(escape_cell("; ".join(value) if column in LIST_COLUMNS else (value or "")))
        writer.writerow(cells)
    return out.getvalue().encode("utf-8")


def parse_csv(data: bytes) -> list[tuple[int, dict[str, Any]]]:
    """Rows as (row number, values); refuses a file that is not UTF-8 CSV with the expected header."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ProviderImportError(
            _("That file is larger than a provider list can be (5 MB), so nothing was imported.")
        )
    if b"\x00" in data:
        raise ProviderImportError(_(NOT_CSV))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProviderImportError(_(NOT_CSV)) from None
    try:
        table = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    except csv.Error:
        raise ProviderImportError(_(NOT_CSV)) from None
    if not table or not any(cell.strip() for cell in table[0]):
        raise ProviderImportError(_("That file is empty, so nothing was imported."))
    header = [cell.strip().lower() for cell in table[0]]
    unknown = [h for h in header if h and h not in CSV_COLUMNS]
    missing = [c for c in CSV_COLUMNS if c in REQUIRED_COLUMNS and c not in header]
    if missing or unknown:
        names = {
            "missing": _(" or ").join(f"'{c}'" for c in missing),
            "unknown": ", ".join(f"'{c}'" for c in unknown[:5]),
            "columns": ", ".join(CSV_COLUMNS),
        }
        if missing and unknown:
            said = _(
                "The first row must name the columns, and it has no {missing} column and it has columns Offramp does "
                "not know ({unknown}). The columns are: {columns}. Nothing was imported."
            )
        elif missing:
            said = _(
                "The first row must name the columns, and it has no {missing} column. The columns are: {columns}. "
                "Nothing was imported."
            )
        else:
            said = _(
                "The first row must name the columns, and it has columns Offramp does not know ({unknown}). "
                "The columns are: {columns}. Nothing was imported."
            )
        raise ProviderImportError(said.format(**names))
    if len(set(header)) != len(header):
        raise ProviderImportError(_("The first row names a column twice. Nothing was imported."))
    rows: list[tuple[int, dict[str, Any]]] = []
    for number, cells in enumerate(table[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines (a trailing newline, a spacer row) are not providers
        values: dict[str, Any] = {}
        for column, cell in zip(header, cells, strict=False):
            cell = unescape_cell(cell.strip())  # the quote our export puts before "+1 555 0100" or "=..."
            if column in LIST_COLUMNS:
                values[column] = [part.strip() for part in re.split(r"[;|]", cell) if part.strip()]
            else:
                values[column] = cell or None
        if len(cells) > len(header):
            values[EXTRA_CELLS] = True
        rows.append((number, values))
    if not rows:
        raise ProviderImportError(
            _("That file has no providers in it, only the column names. Nothing was imported.")
        )
    return rows


__all__ = [
    "CSV_COLUMNS",
    "ImportSummary",
    "ProviderImportError",
    "ProviderRow",
    "ProviderService",
    "RowProblem",
    "check_provider",
    "create_in",
    "parse_csv",
    "to_csv",
]
