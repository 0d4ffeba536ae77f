"""Small-cell suppression for anything that leaves the office (DOMAIN.md section 6).

A count from 1 to ``threshold - 1`` is shown as "fewer than 5" (primary suppression). Then, so that a hidden count
cannot be worked out from the totals, every line of a table (a row with its total, a column with its total) that
hides exactly one cell hides a second one too (complementary suppression): the smallest non-zero count of the
line, else the line's total, else a zero. This repeats until no line hides exactly one cell. A complementary cell
is shown as "not shown". Zero is shown: it identifies nobody.

A hidden cell next to a non-zero complement can never be pinned down: each is known only to be some value in a
range, and their sum leaves at least two possibilities. ``tests/unit/test_quarterly.py`` checks this by brute
force on adversarial tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.errors import ValidationError

__all__ = [
    "DEFAULT_THRESHOLD",
    "NOT_SHOWN",
    "Cell",
    "SuppressedTable",
    "check_threshold",
    "fewer_than",
    "suppress_line",
    "suppress_rate",
    "suppress_table",
]

DEFAULT_THRESHOLD = 5
NOT_SHOWN = "not shown"


def fewer_than(threshold: int) -> str:
    return f"fewer than {threshold}"


def check_threshold(threshold: int) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not 2 <= threshold <= 100:
        raise ValidationError("Choose a small-cell threshold from 2 to 100 (the usual is 5).", field="threshold")
    return threshold


@dataclass(frozen=True)
class Cell:
    value: int
    #: "small" (primary), "complement", or None when the count is shown.
    hidden: str | None = None

    def text(self, threshold: int) -> str:
        if self.hidden == "small":
            return fewer_than(threshold)
        if self.hidden == "complement":
            return NOT_SHOWN
        return f"{self.value:,}"


@dataclass(frozen=True)
class SuppressedTable:
    """Interior cells with a total column (last) and, when there are several rows, a total row (last)."""

    cells: tuple[tuple[Cell, ...], ...]
    threshold: int

    def texts(self) -> list[list[str]]:
        return [[c.text(self.threshold) for c in row] for row in self.cells]


def _lines(n_rows: int, n_cols: int, total_row: bool) -> list[list[tuple[int, int]]]:
    """Every row (with its total) and every column (with its total when there is a total row)."""
    rows = [[(i, j) for j in range(n_cols + 1)] for i in range(n_rows + (1 if total_row else 0))]
    cols = [[(i, j) for i in range(n_rows + 1)] for j in range(n_cols + 1)] if total_row else []
    return rows + cols


def suppress_table(rows: Sequence[Sequence[int]], threshold: int = DEFAULT_THRESHOLD) -> SuppressedTable:
    """Suppress a table of counts; totals are added (a total column, and a total row when there are 2+ rows)."""
    check_threshold(threshold)
    if not rows or not rows[0]:
        return SuppressedTable((), threshold)
    n_rows, n_cols = len(rows), len(rows[0])
    if any(len(r) != n_cols for r in rows) or any(v < 0 for r in rows for v in r):
        raise ValueError("a table of counts needs rows of one length and no negative counts")
    total_row = n_rows > 1
    grid = [[*r, sum(r)] for r in rows]
    if total_row:
        grid.append([sum(grid[i][j] for i in range(n_rows)) for j in range(n_cols + 1)])
    hidden: dict[tuple[int, int], str] = {}
    for i, row in enumerate(grid):
        for j, value in enumerate(row):
            if 0 < value < threshold:
                hidden[(i, j)] = "small"
    lines = _lines(n_rows, n_cols, total_row)
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(1 for cell in line if cell in hidden) != 1:
                continue
            open_cells = [cell for cell in line if cell not in hidden]
            interior = [c for c in open_cells if c[1] < n_cols and (not total_row or c[0] < n_rows)]
            nonzero = sorted((c for c in interior if grid[c[0]][c[1]] > 0), key=lambda c: (grid[c[0]][c[1]], c))
            totals = [c for c in open_cells if c not in interior]
            pick = nonzero[0] if nonzero else (totals[0] if totals else open_cells[0] if open_cells else None)
            if pick is not None:
                hidden[pick] = "complement"
                changed = True
    cells = tuple(tuple(Cell(value, hidden.get((i, j))) for j, value in enumerate(row)) for i, row in enumerate(grid))
    return SuppressedTable(cells, threshold)


def suppress_line(values: Sequence[int], threshold: int = DEFAULT_THRESHOLD) -> tuple[list[Cell], Cell]:
    """One line of counts that add up to a total: the cells, then the total."""
    table = suppress_table([list(values)], threshold)
    row = list(table.cells[0]) if table.cells else [Cell(0)]
    return row[:-1], row[-1]


def suppress_rate(numerator: int, denominator: int, threshold: int = DEFAULT_THRESHOLD) -> tuple[Cell, Cell, bool]:
    """A numerator out of a denominator: the line [numerator, the rest] with the denominator as its total.

    The rest is never printed, but it is a count of people too, so a small rest hides the numerator. Returns the
    numerator, the denominator, and whether the rate may be shown.
    """
    rest = max(0, denominator - numerator)
    (num, _rest), den = suppress_line([numerator, rest], threshold)
    return num, den, num.hidden is None and den.hidden is None
