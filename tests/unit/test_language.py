"""Product text follows DOMAIN.md section 8: the words that label people never appear in what Offramp says.

Every string literal in the app (what ``tr()`` translates, messages, labels) is scanned, as are the bundled
resources. Docstrings are left out: they are for developers, and say things like "the database never refuses a
value", about software, not people. A screening never shows "positive" or "confirmed victim" on a person.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BANNED = [
    "prostitute",
    "child prostitute",
    "underage sex worker",
    "illegal alien",
    "refused",
    "refuses",
    "non-compliant",
    "noncompliant",
    "uncooperative",
    "rescued",
    "sex slave",
    "confirmed victim",
    "addict",
]
PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in BANNED) + r")\b", re.IGNORECASE)
# A screening result is never "positive" on a person (a positive number elsewhere is fine, so only these phrasings).
POSITIVE = re.compile(r"\b(screened positive|positive screen|tested positive|is positive)\b", re.IGNORECASE)


def _strings(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _offences(text: str) -> list[str]:
    return [m.group(0) for m in PATTERN.finditer(text)] + [m.group(0) for m in POSITIVE.finditer(text)]


def test_no_product_string_uses_words_that_label_people() -> None:
    found = []
    ui_strings = sum(len(_strings(p)) for p in (ROOT / "app" / "ui").rglob("*.py"))
    assert ui_strings > 500, "the scan reads the interface's strings"
    for path in sorted((ROOT / "app").rglob("*.py")):
        for line, text in _strings(path):
            for word in _offences(text):
                found.append(f"{path.relative_to(ROOT)}:{line}: {word!r}")
    data_files = [*(ROOT / "app").rglob("*.toml")]
    if (ROOT / "resources").exists():
        data_files += list((ROOT / "resources").rglob("*"))
    assert any(p.parent.name == "bundled" for p in data_files), "the bundled templates are scanned"
    for path in sorted(data_files):
        if path.is_file() and path.suffix in {".toml", ".txt", ".md", ".json", ".csv"}:
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
                for word in _offences(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {word!r}")
    assert found == [], "DOMAIN.md section 8: use 'declined', 'chose not to', 'person', 'left'..."


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("The person refused the referral", True),
        ("Client was uncooperative", True),
        ("She was rescued from the house", True),
        ("Screened positive for trafficking", True),
        ("The person chose not to accept the referral today", False),
        ("Declined", False),
        ("Indicators present", False),
    ],
)
def test_the_scanner_catches_what_it_should(text: str, caught: bool) -> None:
    assert bool(_offences(text)) is caught
