"""CSV formula injection (issue 16, item 5): a provider cell that begins ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return is exported with a single quote in front (OWASP's rule), so a spreadsheet shows it as text instead of
running it; phone numbers such as ``+1 555 0100`` survive the round trip unchanged. Real SQLCipher vault; every
provider is fictional."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.core.providers import CSV_COLUMNS, ProviderService
from app.core.workspace import Workspace
from app.reports.csv_cells import escape_cell, unescape_cell

HOSTILE = '=HYPERLINK("https://example.org/x","Open")'


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("  =1", "'  =1"),
        ("555-0100", "555-0100"),
        ("Alder Demo Legal Aid", "Alder Demo Legal Aid"),
        ("'quoted already", "'quoted already"),
        ("", ""),
    ],
)
def test_a_cell_that_could_start_a_formula_gets_a_quote_and_loses_it_on_import(value: str, written: str) -> None:
    assert escape_cell(value) == written
    assert unescape_cell(written) == value


def _cells(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))


def test_the_provider_export_escapes_formulas_and_the_phone_number_comes_back_whole(
    workspace: Workspace, tmp_path: Path
) -> None:
    service = ProviderService(workspace)
    service.save(None, {"name": "Alder Demo Legal Aid", "categories": ["legal_record_relief"],
                        "phone": "+1 555 0100", "notes": HOSTILE, "serves": "@everyone",
                        "public_address": "-1 Demo Street"})  # fmt: skip
    target = tmp_path / "providers.csv"
    assert service.export_csv(target) == 1
    [row] = _cells(target.read_bytes())
    assert list(row) == list(CSV_COLUMNS)
    # What a spreadsheet would read: no cell starts a formula.
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    assert row["notes"] == "'" + HOSTILE
    assert row["phone"] == "'+1 555 0100"
    assert row["serves"] == "'@everyone"

    # The file imports again unchanged: the added quotes are taken off.
    summary = service.import_csv(target)
    assert (summary.added, summary.updated, summary.unchanged) == (0, 0, 1)
    [provider] = service.list()
    assert provider.phone == "+1 555 0100"
    assert provider.notes == HOSTILE
    assert provider.serves == "@everyone"
    assert provider.public_address == "-1 Demo Street"
