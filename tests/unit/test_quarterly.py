"""Small-cell suppression, the quarterly PDF and CSV, and the funder export, on real vaults and real PDFs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.demo.people import generate
from app.models import RECORD_TYPES, Person
from app.reports.funder import funder_csv, funder_rows
from app.reports.measures import Scope, compute, trend
from app.reports.periods import Period, trailing_quarters
from app.reports.quarterly import quarterly_csv, quarterly_pdf, report_rows
from app.reports.suppression import NOT_SHOWN, SuppressedTable, suppress_rate, suppress_table
from tests.unit.test_measures import AFTER, Q2, build

T = 5


def _solutions(table: SuppressedTable, n_rows: int, n_cols: int) -> list[dict[tuple[int, int], int]]:
    """Every way of filling the hidden cells that agrees with what is shown: a search that fills a line's last
    unknown cell from its total, and branches only where it must."""
    grid = [[c.value for c in row] for row in table.cells]
    hidden = [(i, j) for i, row in enumerate(table.cells) for j, c in enumerate(row) if c.hidden]
    total_row = len(grid) > n_rows
    lines = [[(i, j) for j in range(n_cols + 1)] for i in range(len(grid))]
    if total_row:
        lines += [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols + 1)]
    bound = grid[-1][-1] if not table.cells[-1][-1].hidden else sum(v for row in grid for v in row)
    allowed = {
        cell: range(1, T) if table.cells[cell[0]][cell[1]].hidden == "small" else range(0, bound + 1) for cell in hidden
    }
    found: list[dict[tuple[int, int], int]] = []

    def value(cell: tuple[int, int], guess: dict[tuple[int, int], int]) -> int | None:
        return guess.get(cell) if cell in allowed else grid[cell[0]][cell[1]]

    def search(guess: dict[tuple[int, int], int]) -> None:
        guess = dict(guess)
        changed = True
        while changed:
            changed = False
            for line in lines:
                parts, total = line[:-1], line[-1]
                known = [value(c, guess) for c in line]
                unknown = [c for c, v in zip(line, known, strict=True) if v is None]
                if not unknown:
                    if sum(v for v in known[:-1] if v is not None) != known[-1]:
                        return
                elif len(unknown) == 1:
                    cell = unknown[0]
                    others = sum(v for c, v in zip(line, known, strict=True) if v is not None and c != total)
                    forced = (known[-1] or 0) - others if cell in parts else others
                    if cell in parts and known[-1] is None:
                        continue
                    if forced not in allowed[cell]:
                        return
                    guess[cell] = forced
                    changed = True
        open_cells = [c for c in hidden if c not in guess]
        if not open_cells:
            found.append(guess)
            return
        cell = min(open_cells, key=lambda c: len(allowed[c]))
        for v in allowed[cell]:
            search({**guess, cell: v})

    search({})
    return found


ADVERSARIAL = [
    # One small cell in a row whose other cells are shown: the row total would give it away.
    [[3, 10, 12]],
    # A small cell whose only companions are zeros: the total must go too.
    [[2, 0, 0]],
    # Two-way tables where row and column totals could each recover a hidden cell.
    [[3, 10, 12], [6, 8, 20], [9, 7, 11]],
    [[1, 0, 7], [0, 9, 6], [8, 5, 0]],
    [[4, 4, 30], [12, 2, 9]],
    # A small total with shown parts.
    [[0, 3], [0, 6]],
]


@pytest.mark.parametrize("rows", ADVERSARIAL)
def test_no_small_cell_can_be_worked_out_from_the_totals(rows: list[list[int]]) -> None:
    table = suppress_table(rows, T)
    n_rows, n_cols = len(rows), len(rows[0])
    grid = [[c.value for c in row] for row in table.cells]
    small = [(i, j) for i, row in enumerate(table.cells) for j, c in enumerate(row) if c.hidden == "small"]
    # Every count from 1 to 4 is hidden, totals included.
    assert small == [(i, j) for i, row in enumerate(grid) for j, value in enumerate(row) if 0 < value < T]
    solutions = _solutions(table, n_rows, n_cols)
    assert solutions, "the true table is one of the solutions"
    for cell in small:
        possible = {s[cell] for s in solutions}
        assert grid[cell[0]][cell[1]] in possible
        assert len(possible) >= 2, f"the hidden count at {cell} could be worked out"
    texts = table.texts()
    for i, j in small:
        assert texts[i][j] == NOT_SHOWN  # every hidden cell reads the same


def test_a_rate_hides_what_would_give_a_small_count_away() -> None:
    num, den, ok = suppress_rate(3, 40)
    assert (num.text(T), den.text(T), ok) == (NOT_SHOWN, "40", False)
    num, den, ok = suppress_rate(38, 40)  # 2 people not counted is a small count too
    assert (num.text(T), ok) == (NOT_SHOWN, False)
    num, den, ok = suppress_rate(20, 40)
    assert (num.text(T), den.text(T), ok) == ("20", "40", True)
    assert suppress_table([[3, 10]], 3).texts() == [["3", "10", "13"]]  # the threshold is configurable


def _pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_hand_built_report_suppresses_its_small_counts(workspace: Any) -> None:
    with workspace.session() as s, s.begin():
        build(s)
    with workspace.session() as s:
        report = compute(s, Q2, as_of=AFTER)
    rows = {(r.measure, r.line, r.item): r.value for r in report_rows(report)}
    # Measure 1 is 2 of 5: the 2 is hidden, and so is the rate that would give it away.
    assert rows[(1, "Headline", "Counted")] == NOT_SHOWN
    assert rows[(1, "Headline", "Out of")] == "5"
    assert rows[(1, "Headline", "Rate")] == NOT_SHOWN
    assert rows[(6, "Headline", "People")] == "8"
    unsuppressed = {(r.measure, r.line, r.item): r.value for r in report_rows(report, None)}
    assert unsuppressed[(1, "Headline", "Counted")] == "2" and unsuppressed[(1, "Headline", "Rate")] == "40%"


@pytest.fixture
def demo_workspace(workspace: Any) -> Any:
    generate(workspace, persons=1500, seed=3)
    return workspace


def test_pdf_csv_and_funder_export_agree_and_name_nobody(demo_workspace: Any, tmp_path: Any) -> None:
    ws = demo_workspace
    period = Period.fiscal_quarter(2025, 3)
    scope = Scope(include_demo=True)
    as_of = dt.date(2026, 1, 1)
    with ws.session() as s:
        report = compute(s, period, scope=scope, as_of=as_of)
        series = trend(s, trailing_quarters(period, 8), scope=scope, as_of=as_of)
        ids = {str(i) for cls in RECORD_TYPES.values() for i in s.scalars(select(cls.id))}
        names = {n for row in s.execute(select(Person.preferred_name, Person.legal_name)) for n in row if n}
    assert report.get(6).numerator > 100, "a quarter with enough people to show real numbers"

    csv_bytes = quarterly_csv(report)
    pdf = quarterly_pdf(report, series)
    (tmp_path / "quarterly.pdf").write_bytes(pdf)
    text = _pdf_text(pdf)
    assert "includes demo records" in text
    lines = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert lines[0] == ["period", "measure", "title", "line", "item", "value"]
    body = [row for row in lines[1:] if row[1] != "0"]
    # Every measure's printed rows appear in the PDF's detail section, in order, with the same values.
    detail = text[text.index("Each measure") :]
    for number in range(1, 15):
        mine = [row for row in body if row[1] == str(number)]
        start = detail.index(f"{number}. {mine[0][2]}")
        at = start
        for row in mine:
            at = detail.index(row[5], at)
            assert at >= start
    # The summary page shows the same headline numbers as the CSV.
    summary = text[: text.index("Trend over the last eight quarters")]
    for number in range(1, 15):
        head = {row[4]: row[5] for row in body if row[1] == str(number) and row[3] == "Headline"}
        value = head.get("Rate") or next(iter(head.values()))
        assert value in summary
    # The same numbers as the dashboard's (the report computed from the vault).
    m6 = report.get(6)
    assert [row[5] for row in body if row[1] == "6" and row[4] == "People"] == [f"{m6.numerator:,}"]
    assert len(re.findall(r"\d+%", text)) > 14 * 2

    funder = funder_csv(report)
    frows = funder_rows(report)
    assert frows[2].item == "Total" and frows[2].people == f"{m6.numerator:,}"
    for data in (csv_bytes.decode("utf-8-sig"), funder.decode("utf-8-sig"), text):
        assert not any(i in data for i in ids), "no record or person id leaves"
        assert not any(n in data for n in names), "no name leaves"


def test_the_measures_command_writes_the_csv_and_pdf(tmp_path: Any, capsys: Any) -> None:
    from app.cli import main

    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text("a long test passphrase\n")
    common = ["--data-dir", str(data), "--passphrase-file", str(pw)]
    assert main(["demo", *common, "--persons", "300", "--fast-kdf", "--quiet"]) == 0
    out_csv, out_pdf = tmp_path / "q.csv", tmp_path / "q.pdf"
    args = ["measures", *common, "--period", "2025Q3", "--include-demo", "--csv", str(out_csv), "--pdf", str(out_pdf)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "People served" in printed and "Demo records included" in printed
    assert out_csv.read_bytes().decode("utf-8-sig").startswith("period,measure,title,line,item,value")
    assert "Trend over the last eight quarters" in _pdf_text(out_pdf.read_bytes())
    # A period it cannot read is one sentence and exit 1, with nothing written.
    assert main(["measures", *common, "--period", "last quarter"]) == 1
    assert "fiscal quarter like 2026Q1" in capsys.readouterr().err
