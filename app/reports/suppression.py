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

from app.core.i18n import N_, _
from app.errors import ValidationError

__all__ = [
    "DEFAULT_THRESHOLD",
    "NOT_SHOWN",
    "Cell",
    "Ledger",
    "SuppressedTable",
    "check_threshold",
    "fewer_than",
    "suppress_line",
    "suppress_rate",
    "suppress_table",
]

DEFAULT_THRESHOLD = 5
#: How every hidden count reads (marked for the catalogue: a report prints ``_(NOT_SHOWN)``).
NOT_SHOWN = N_("not shown")


def fewer_than(threshold: int) -> str:
    return _("fewer than {threshold}").format(threshold=threshold)


def check_threshold(threshold: int) -> int:
    if isinstance(threshold, bool) or not isinstance(threshold, int) or not 2 <= threshold <= 100:
        raise ValidationError(_("Choose a small-cell threshold from 2 to 100 (the usual is 5)."), field="threshold")
    return threshold


@dataclass(frozen=True)
class Cell:
    value: int
    #: "small" (primary), "complement", or None when the count is shown.
    hidden: str | None = None

    def text(self, threshold: int) -> str:
        # Every hidden count reads the same: a label that told small cells from their complements would say
        # which hidden cells are 0 or at least the threshold, and pin the others down.
        if self.hidden is not None:
            return _(NOT_SHOWN)
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


# --- every relation a report prints ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sum:
    total: str
    parts: tuple[str, ...]


class Ledger:
    """Every count a report prints, and every linear relation between them, suppressed as one.

    A report prints the same count in several places (a measure's "out of" is its breakdown's total, measure 3's
    denominator is measure 2's count), splits one count several ways, and nests parts in parents (a VOCA category
    is the sum of the categories that map to it). A reader who knows these relations can solve for a hidden cell
    that any one line protects on its own. So the report registers each count once (:meth:`count`), says which are
    the same count (:meth:`same`) and which add up to which (:meth:`adds_up`), and :meth:`hidden` suppresses
    across all of them:

    - a count from 1 to ``threshold - 1`` is hidden; a count that is never printed (the people a rate leaves out)
      is always hidden, and protected like a printed one when it is small;
    - where a shown total has a protected hidden part, the hidden parts are at least two and add up to at least
      the threshold, so each could be anything from 0 to that sum: the smallest shown non-zero part is hidden
      next, else a zero part, else the total;
    - where a hidden total is protected, every non-zero part is hidden too, so the total could be 0, and at
      least one part is hidden, so it cannot be added up.

    This repeats until nothing changes. ``tests/unit/test_suppression_attack.py`` plays the attacker with an
    exact integer solver over every relation and checks that each hidden cell could still be anything from 0 to
    the threshold.
    """

    def __init__(self) -> None:
        self._values: dict[str, int] = {}
        self._parent: dict[str, str] = {}
        self._printed: set[str] = set()
        self._sums: list[_Sum] = []

    def count(self, key: str, value: int, *, printed: bool = True) -> str:
        if value < 0:
            raise ValueError("a count cannot be negative")
        if key in self._values and self._values[key] != value:
            raise ValueError(f"{key} registered twice with different counts")
        self._values[key] = int(value)
        self._parent.setdefault(key, key)
        if printed:
            self._printed.add(key)
        return key

    def _root(self, key: str) -> str:
        while self._parent[key] != key:
            self._parent[key] = self._parent[self._parent[key]]
            key = self._parent[key]
        return key

    def same(self, key: str, other: str) -> None:
        """Two printed places hold the same count: hidden together, always."""
        a, b = self._root(key), self._root(other)
        if self._values[a] != self._values[b]:
            raise ValueError(f"{key} and {other} are not the same count")
        if a != b:
            self._parent[b] = a
            if b in self._printed:
                self._printed.add(a)

    def adds_up(self, total: str, parts: list[str]) -> None:
        """``total`` is the sum of ``parts`` (each registered)."""
        if sum(self._values[p] for p in parts) != self._values[total]:
            raise ValueError(f"the parts of {total} do not add up to it")
        self._sums.append(_Sum(total, tuple(parts)))

    def value(self, key: str) -> int:
        return self._values[key]

    @property
    def relations(self) -> list[tuple[str, tuple[str, ...]]]:
        """(total, parts), with every key as its canonical (shared) key: what the attacker knows."""
        return [(self._root(r.total), tuple(self._root(p) for p in r.parts)) for r in self._sums]

    def canonical(self, key: str) -> str:
        return self._root(key)

    def cells(self) -> dict[str, tuple[int, bool]]:
        """Each distinct count by its canonical key: (value, printed somewhere)."""
        printed = {self._root(k) for k in self._printed}
        return {r: (self._values[r], r in printed) for r in {self._root(k) for k in self._values}}

    def printed(self, key: str) -> bool:
        return self._root(key) in {self._root(k) for k in self._printed}

    def hidden(self, threshold: int = DEFAULT_THRESHOLD) -> set[str]:
        """Every registered key whose count must not be printed."""
        check_threshold(threshold)
        roots = {self._root(k) for k in self._values}
        printed = {self._root(k) for k in self._printed}
        value = {r: self._values[r] for r in roots}
        hidden = {r for r in roots if 0 < value[r] < threshold or r not in printed}

        def protected(r: str) -> bool:
            return r in hidden and (r in printed or 0 < value[r] < threshold)

        sums = [(self._root(r.total), [self._root(p) for p in r.parts]) for r in self._sums]
        changed = True
        while changed:
            changed = False
            for total, parts in sums:
                shown = [p for p in parts if p not in hidden]
                if total in hidden:
                    if not protected(total):
                        continue
                    more = [p for p in shown if value[p] > 0]
                    if not more and len(shown) == len(parts) and shown:
                        more = [shown[0]]
                    if more:
                        hidden.update(more)
                        changed = True
                    continue
                if not any(protected(p) for p in parts if p in hidden):
                    continue
                hidden_parts = [p for p in parts if p in hidden]
                if len(hidden_parts) >= 2 and sum(value[p] for p in hidden_parts) >= threshold:
                    continue
                candidates = sorted((p for p in shown if value[p] > 0), key=lambda p: (value[p], p))
                if not candidates and len(hidden_parts) < 2:
                    candidates = shown
                hidden.add(candidates[0] if candidates else total)
                changed = True
        return {k for k in self._values if self._root(k) in hidden}
