"""Issue 19, item 4: every colour the window draws comes from app/ui/palette.py, and every pair of colours it
declares reads at WCAG 2.1 AA (4.5:1 for text, 3:1 for focus rings, control edges and chart marks) in the light,
dark and both high-contrast palettes. A colour written anywhere else in app/ui, or a fixed font size that would
ignore the system's text size, fails here by file and line."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from app.ui import palette
from app.ui.palette import COLOUR_ROLES, DECORATIVE, PAIRS, PALETTES, contrast

UI = Path(palette.__file__).parent

#: Files other work held on the day the palette came; each still writes colours of its own. The test below fails
#: once one of them no longer does, so the list only shrinks.
NOT_YET_ON_THE_PALETTE: frozenset[str] = frozenset()

HEX = re.compile(r"(?<![\w#&])#(?:[0-9a-fA-F]{8}|[0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")
FUNCTION = re.compile(r"\b(?:rgba?|hsla?|hsva?)\s*\(", re.IGNORECASE)
COLOUR_PROPERTY = re.compile(
    r"(?:^|[;{\s])(?:color|background(?:-color)?|border(?:-(?:top|right|bottom|left))?(?:-color)?|"
    r"selection-(?:background-)?color|alternate-background-color|outline(?:-color)?|gridline-color)"
    r"\s*:\s*([^;{}]*)",
    re.IGNORECASE,
)
NAMED = {name.lower() for name in QColor.colorNames()} - {"transparent"}
#: Palette roles that are too faint for text (the platform's bevel shades).
FAINT_TEXT = re.compile(r"(?:^|[;{\s])color\s*:\s*palette\((?:mid|midlight|light|dark|shadow|button)\)")
FONT_SIZE = re.compile(r"font(?:-size)?\s*:[^;{}]*\b\d+(?:\.\d+)?\s*(?:px|pt)\b", re.IGNORECASE)


# --- the palette's own pairs --------------------------------------------------------------------------------------


def test_contrast_matches_the_wcag_formula_on_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic "just fails" grey
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # and the one that passes
    assert contrast("#ffffff", "#777777") == contrast("#777777", "#ffffff")


@pytest.mark.parametrize("chosen", PALETTES, ids=lambda p: p.name)
def test_every_declared_pair_reads_at_aa(chosen: palette.Palette) -> None:
    weak = [
        f"{fg} {getattr(chosen, fg)} on {bg} {getattr(chosen, bg)}:"
        f" {contrast(getattr(chosen, fg), getattr(chosen, bg)):.2f} < {least}"
        for fg, bg, least in PAIRS
        if contrast(getattr(chosen, fg), getattr(chosen, bg)) < least
    ]
    assert weak == []


@pytest.mark.parametrize("chosen", PALETTES, ids=lambda p: p.name)
def test_every_colour_is_six_hex_digits(chosen: palette.Palette) -> None:
    assert [r for r in COLOUR_ROLES if not re.fullmatch(r"#[0-9a-f]{6}", getattr(chosen, r))] == []


def test_every_role_is_checked_in_a_pair_or_said_to_be_decorative() -> None:
    in_pairs = {role for fg, bg, _ in PAIRS for role in (fg, bg)}
    assert set(COLOUR_ROLES) - in_pairs - DECORATIVE == set()
    assert in_pairs & DECORATIVE == set()
    assert in_pairs <= set(COLOUR_ROLES)


def test_high_contrast_palettes_are_stronger_than_the_plain_ones() -> None:
    for plain, strong in ((palette.LIGHT, palette.HIGH_CONTRAST_LIGHT), (palette.DARK, palette.HIGH_CONTRAST_DARK)):
        assert contrast(strong.text, strong.window) >= 15
        assert contrast(strong.quiet, strong.window) >= 15  # no faint text at all
        assert contrast(strong.focus, strong.window) > contrast(plain.focus, plain.window)
        assert strong.focus_width > plain.focus_width


# --- nothing else in app/ui writes a colour or a font size --------------------------------------------------------


def _strings(source: str) -> list[tuple[int, str]]:
    """Every string literal's text with its line (f-string parts included, comments and docstrings left out)."""
    docstrings: set[int] = set()
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            value = body[0].value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                docstrings.add(value.lineno)
    found: list[tuple[int, str]] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        text = token.string
        if token.type == tokenize.STRING and token.start[0] not in docstrings:
            if re.match(r"[rRbB]*[fF]", text):  # an f-string: what it puts in a {} is a value, not a selector
                text = re.sub(r"(?<!\{)\{[^{}]*\}(?!\})", "0", text)
            found.append((token.start[0], text))
        elif token.type == getattr(tokenize, "FSTRING_MIDDLE", -1):
            found.append((token.start[0], text))
    return found


def _colour_calls(source: str) -> list[tuple[int, str]]:
    """``QColor("...")``/``QColor(1, 2, 3)`` with literals, and ``Qt.GlobalColor.x`` / ``Qt.red``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "QColor"
            and node.args
            and all(isinstance(a, ast.Constant) for a in node.args)
        ):
            found.append((node.lineno, ast.unparse(node)))
        if isinstance(node, ast.Attribute) and node.attr == "GlobalColor":
            found.append((node.lineno, ast.unparse(node)))
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "Qt"
            and node.attr.lower() in NAMED
        ):
            found.append((node.lineno, ast.unparse(node)))
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr
            in (
                "setPixelSize",
                "setPointSize",
            )
        ):
            found.append((node.lineno, ast.unparse(node)))
    return found


def colours_written_in(path: Path, root: Path = UI) -> list[str]:
    source = path.read_text(encoding="utf-8")
    name = path.relative_to(root).as_posix()
    problems: list[str] = []
    for line, text in _strings(source):
        where = f"{name}:{line}"
        problems += [f"{where} {m.group()}" for m in HEX.finditer(text)]
        problems += [f"{where} {m.group()}" for m in FUNCTION.finditer(text)]
        problems += [f"{where} {m.group()}" for m in FAINT_TEXT.finditer(text)]
        problems += [f"{where} {m.group()}" for m in FONT_SIZE.finditer(text)]
        for m in COLOUR_PROPERTY.finditer(text):
            named = [w for w in re.findall(r"[a-zA-Z]+", m.group(1)) if w.lower() in NAMED]
            problems += [f"{where} {m.group().strip()}" for _ in named[:1]]
    problems += [f"{name}:{line} {code}" for line, code in _colour_calls(source)]
    return problems


def ui_files() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "palette.py")


def test_the_scan_finds_each_kind_of_written_colour(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "# a comment may say #ffffff\n"
        "A = 'color: #a4262c;'\n"
        "B = f'background: rgb(1, 2, 3); border: {1}px solid red;'\n"
        "C = QColor('#222')\n"
        "D = Qt.GlobalColor.darkGray\n"
        "E = '#gate { background: palette(base); color: palette(mid); }'\n"
        "F = 'QLabel { font-size: 11px; }'\n"
        "G = font.setPointSize(9)\n"
        "H = '#form { border: 1px solid transparent; }'\n",
        encoding="utf-8",
    )
    found = [p.split(" ", 1)[0] for p in colours_written_in(sample, tmp_path)]
    name = "sample.py"
    assert sorted(set(found)) == [f"{name}:{n}" for n in (2, 3, 4, 5, 6, 7, 8)]
    assert found.count(f"{name}:3") == 2  # rgb( and red


def test_no_colour_or_fixed_font_size_is_written_outside_the_palette() -> None:
    problems = [
        p
        for path in ui_files()
        if path.relative_to(UI).as_posix() not in NOT_YET_ON_THE_PALETTE
        for p in colours_written_in(path)
    ]
    assert problems == []


def test_the_files_still_waiting_for_the_palette_still_need_it() -> None:
    """When one of them moves to the palette, take it off NOT_YET_ON_THE_PALETTE so it stays there."""
    done = [name for name in sorted(NOT_YET_ON_THE_PALETTE) if not colours_written_in(UI / name)]
    assert done == []
