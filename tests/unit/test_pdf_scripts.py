"""Names in six scripts on paper: drawn through the real report code, parsed back with pypdf exactly.

The person's copy and the interview PDF are made with names in Vietnamese (Latin with stacked diacritics), Arabic,
Hebrew, Chinese, Devanagari and Cyrillic. Each name must read back from the file's text layer exactly as typed, in
logical order: pypdf turns a right-to-left run drawn in visual order (as it must be drawn) back into logical order,
so an Arabic name drawn left to right, unshaped, would read back reversed, and one shaped by reportlab's own
shaping would read back as presentation forms. The drawing itself is checked too: the Arabic letters are drawn
right to left and in their joined forms, Devanagari's vowel sign before its consonant, and no character falls to
the empty "missing glyph" box. With pdftoppm on the machine the pages are also rendered to PNG (``shots``), for a
person to look at. All names are fictional.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import tomllib
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app.reports import fonts
from app.reports.session_pdf import AnswerLine, SectionBlock, SessionReport, session_pdf
from app.reports.survivor_copy import CopySection, SurvivorCopy, survivor_copy_pdf

ROOT = Path(__file__).resolve().parents[2]

NAMES = {
    "vietnamese": "Nguyễn Thị Minh Khai",
    "arabic": "محمد علي",
    "hebrew": "שרה כהן",
    "chinese": "王小明",
    "devanagari": "प्रिया सिंह",
    "cyrillic": "Иван Петров",
}


def _lines(pdf: bytes) -> list[str]:
    out: list[str] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        out += [" ".join(line.split()) for line in page.extract_text().splitlines()]
    return out


def _copy() -> SurvivorCopy:
    contacts = tuple(f"{name}: 555-01{n:02d}" for n, name in enumerate(NAMES.values()))
    places = ("Nhà thờ Đức Bà, cửa bên", "بيت خالتي", "Библиотека на Садовой")
    return SurvivorCopy(
        (CopySection("People you can call", contacts), CopySection("Places you can go", places)),
        date(2026, 11, 24),
    )


def _report(**names: str) -> SessionReport:
    return SessionReport(
        kind="checklist",
        title="Interview checklist: before, during and after",
        template_id="interview-checklist",
        template_version="1",
        regime="advocacy",
        person_name=NAMES["vietnamese"],
        occurred_on=date(2026, 6, 3),
        status="Partial",
        recorded_by=NAMES["cyrillic"],
        sections=(
            SectionBlock(
                "Before the interview",
                tuple(AnswerLine(f"Who else is in the room ({kind})?", "Done", name) for kind, name in names.items()),
            ),
        ),
        generated_on=date(2026, 11, 24),
    )


# --- the text layer ------------------------------------------------------------------------------------------


def test_the_persons_copy_reads_back_every_name_exactly() -> None:
    lines = _lines(survivor_copy_pdf(_copy()))
    for n, name in enumerate(NAMES.values()):
        number = f"555-01{n:02d}"
        line = next(line for line in lines if line.endswith(number))
        if name in (NAMES["arabic"], NAMES["hebrew"]):
            # The colon is drawn right after the name, on its right, where it belongs in a left-to-right line;
            # pypdf reads the spaces and punctuation that follow a right-to-left run as part of it, and turns
            # them around with it. The name itself reads back exactly.
            assert line == f"{name} :{number}", line
        else:
            assert line == f"{name}: {number}", line
    for place in ("Nhà thờ Đức Bà, cửa bên", "بيت خالتي", "Библиотека на Садовой"):
        assert place in lines


def test_the_interview_pdf_reads_back_every_name_exactly_in_plain_and_bold() -> None:
    lines = _lines(session_pdf(_report(**NAMES)))
    # The header is a table: a label, then its value (bold) on a line of its own.
    assert lines[lines.index("Person") + 1] == NAMES["vietnamese"]
    assert lines[lines.index("Recorded by") + 1] == NAMES["cyrillic"]
    for name in NAMES.values():
        assert f"Note: {name}" in lines, (name, lines)  # "Note:" is bold, the note regular


def test_a_mixed_line_prints_every_glyph_and_reads_back_in_order() -> None:
    mixed = "Rosa 王小明 محمد علي Иван שרה प्रिया"
    copy = SurvivorCopy((CopySection("People you can call", (mixed,)),), date(2026, 11, 24))
    assert mixed in _lines(survivor_copy_pdf(copy))


def test_a_long_right_to_left_text_breaks_between_lines_in_reading_order() -> None:
    words = ["بيت", "خالتي", "قريب", "من", "المدرسة", "الكبيرة", "في", "الشارع", "الطويل"] * 4
    text = " ".join(words)
    copy = SurvivorCopy((CopySection("Places you can go", (text,)),), date(2026, 11, 24))
    lines = [line for line in _lines(survivor_copy_pdf(copy)) if re.search("[\u0600-\u06ff]", line)]
    assert len(lines) >= 2, "the run is longer than a line"
    assert " ".join(lines) == text  # each line holds the next words, in order


def _starts(pdf: bytes) -> dict[str, float]:
    """Where each line of text starts on the page (x in points), by its text as pypdf reads it."""
    found: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, _size: float) -> None:
        if text.strip():
            found.setdefault(" ".join(text.split()), tm[4] * cm[0] + tm[5] * cm[2] + cm[4])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return found


def test_a_line_all_in_arabic_or_hebrew_is_set_flush_right_and_a_mixed_one_left() -> None:
    lines = ("بيت خالتي", "שרה כהן", "Rosa محمد")
    starts = _starts(survivor_copy_pdf(SurvivorCopy((CopySection("Places you can go", lines),), date(2026, 11, 24))))
    left = starts["Places you can go"]
    assert starts["بيت خالتي"] > left + 300 and starts["שרה כהן"] > left + 300, starts
    assert abs(starts["Rosa"] - left) < 1, starts


def test_the_page_footer_prints_an_offices_name_in_any_script() -> None:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from app.reports.pdf import Document, page_footer

    style = ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=11)
    for office in ("مركز الأمل", "希望中心", "Центр Надежда"):
        doc = Document(title="Quarterly report", side_margin=72, top_margin=72)
        pdf = doc.render([Paragraph("Aggregates only.", style)], footer=page_footer(f"{office} · Quarterly report"))
        assert f"{office} · Quarterly report" in _lines(pdf), office


_SAME_BYTES = """
import hashlib, sys, datetime as dt
from app.reports import fonts
if sys.argv[1] == "warm":  # other text shaped first: its glyphs take the first private-use characters
    fonts.markup("שלום עולם سلام عليكم ज़िन्दगी", size=13)
from app.reports.survivor_copy import SurvivorCopy, CopySection, survivor_copy_pdf
lines = ("محمد علي: 555-0100", "प्रिया सिंह", "שרה כהן", "王小明")
print(hashlib.sha256(survivor_copy_pdf(SurvivorCopy((CopySection("People", lines),), dt.date(2026, 1, 2)))).hexdigest())
"""


def test_the_same_copy_makes_the_same_bytes_whatever_was_shaped_before() -> None:
    import sys

    def digest(history: str) -> str:
        run = [sys.executable, "-c", _SAME_BYTES, history]
        return subprocess.run(run, cwd=ROOT, capture_output=True, text=True, check=True, timeout=120).stdout.strip()

    digests = {digest("cold"), digest("warm")}
    assert len(digests) == 1, digests


# --- the drawing ---------------------------------------------------------------------------------------------------


def _drawn(text: str, *, bold: bool = False) -> list[tuple[str, int, str]]:
    """What markup() draws for ``text``: (font, glyph id, text the glyph reads as), left to right."""
    marked = fonts.markup(text, size=12, bold=bold)
    out: list[tuple[str, int, str]] = []
    for name, run in re.findall(r'<font name="([^"]+)">(.*?)</font>', marked):
        font = pdfmetrics.getFont(name)
        for char in run:
            code = ord(char)
            out.append((name, font.face.charToGlyph[code], font.glyph_text.get(code, char)))
    return out


def test_arabic_is_drawn_right_to_left_in_its_joined_forms() -> None:
    drawn = _drawn(NAMES["arabic"])
    assert {name for name, _g, _t in drawn} == {"NotoSansArabic-Regular"}
    # Left to right on the page: the last letter of the last word first.
    assert "".join(t for _n, _g, t in drawn) == NAMES["arabic"][::-1]
    face = pdfmetrics.getFont("NotoSansArabic-Regular").face
    nominal = [face.charToGlyph[ord(t)] for _n, _g, t in drawn if t.strip()]
    shaped = [g for _n, g, t in drawn if t.strip()]
    assert len(shaped) == len(nominal) and sum(a != b for a, b in zip(shaped, nominal, strict=True)) >= 4
    assert {n for n, _g, _t in _drawn(NAMES["arabic"], bold=True)} == {"NotoSansArabic-Bold"}


def test_hebrew_is_drawn_right_to_left() -> None:
    drawn = _drawn(NAMES["hebrew"])
    assert "".join(t for _n, _g, t in drawn) == NAMES["hebrew"][::-1]


def test_devanagari_is_shaped_its_vowel_sign_before_its_consonant() -> None:
    import uharfbuzz

    drawn = _drawn("सिंह")
    font = pdfmetrics.getFont("NotoSansDevanagari-Regular")
    names = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(font.face._ttf_data)))
    glyphs = [names.glyph_to_string(g) for _n, g, _t in drawn]
    # The i-sign "ि" comes after "स" in the text and is drawn before it (here joined with the anusvara "ं" above).
    assert glyphs[0].startswith("ivowelsign") and glyphs[1] == "sadeva", glyphs
    assert "".join(t for _n, _g, t in drawn) == "सिंह"  # read back in the text's order all the same


def test_every_character_of_the_six_names_has_a_glyph() -> None:
    for name in NAMES.values():
        assert fonts.uncovered(name) == set(), name
    assert fonts.uncovered("Rosa \U0001f600") == {"\U0001f600"}  # an emoji has none: it would print a box


def test_the_pages_render(shots: Path) -> None:
    if shutil.which("pdftoppm") is None:
        reason = "pdftoppm (poppler-utils) is not installed: scripts/install-system-deps.sh installs it"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run this test.", pytrace=False)
        pytest.skip(reason)
    for stem, pdf in (("copy", survivor_copy_pdf(_copy())), ("interview", session_pdf(_report(**NAMES)))):
        path = shots / f"{stem}.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "90", "-png", str(path), str(shots / stem)], check=True, timeout=60)
        pages = sorted(shots.glob(f"{stem}-*.png"))
        assert pages and all(page.stat().st_size > 10_000 for page in pages)


# --- the fonts ship with the app ------------------------------------------------------------------------------


def test_the_fonts_and_their_licence_ship_as_package_data_and_in_the_bundle() -> None:
    folder = fonts.font_dir()
    for file in (*fonts.FONT_FILES.values(), "OFL.txt", "README.txt"):
        assert (folder / file).is_file(), file
    assert "SIL OPEN FONT LICENSE Version 1.1" in (folder / "OFL.txt").read_text(encoding="utf-8")
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]
    assert set(data["app.reports"]) == {"fonts/*.ttf.xz", "fonts/*.txt"}
    spec = (ROOT / "installer" / "offramp.spec").read_text(encoding="utf-8")
    assert 'files("app/reports/fonts", "*.ttf.xz", "*.txt")' in spec.split("datas =")[1].split("\n")[0]
    from installer.bundle_filter import dropped

    for file in fonts.FONT_FILES.values():
        assert not dropped(f"app/reports/fonts/{file}", "linux")
    # The size the bundle grows by (the desktop bundle must stay within its target): xz-compressed, 6.2 MB.
    assert sum(p.stat().st_size for p in folder.iterdir()) < 6_500_000
