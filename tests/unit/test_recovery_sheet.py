"""The recovery-code sheet: one page, every group of the code, the instructions, nothing personal, and a look at it."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.errors import MalformedRecoveryCode
from app.reports.recovery_sheet import SECTIONS, TITLE, made_on, recovery_sheet_html, recovery_sheet_pdf
from app.storage import recovery
from tests.unit.test_tagged_pdfs import embedded_fonts

CREATED = date(2026, 11, 24)


@pytest.fixture(scope="module")
def code() -> str:
    code, _secret = recovery.generate()
    return code


@pytest.fixture(scope="module")
def pdf(code: str) -> bytes:
    return recovery_sheet_pdf(code, created=CREATED)


def plain(text: str) -> str:
    return " ".join(text.split())


def test_the_sheet_is_one_page_with_every_group(pdf: bytes, code: str) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = plain(reader.pages[0].extract_text())
    for i in range(recovery.GROUPS):
        assert recovery.group_of(code, i) in text
        assert f"Group {i + 1}" in text
    # The groups appear in order.
    positions = [text.index(recovery.group_of(code, i)) for i in range(recovery.GROUPS)]
    assert positions == sorted(positions)


def test_the_sheet_says_what_the_code_does_and_how_to_keep_it(pdf: bytes) -> None:
    text = plain(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    assert TITLE in text
    assert "Made on November 24, 2026" in text
    for heading, body in SECTIONS:
        assert heading in text
        assert plain(body) in text
    assert "opens the Offramp vault on the computer where it was made" in text
    assert "locked drawer" in text
    assert "Anyone who has this code and a copy of that computer's vault file could open the vault" in text


def test_nothing_personal_and_no_timestamp_in_the_file(pdf: bytes, code: str) -> None:
    reader = PdfReader(io.BytesIO(pdf))
    meta = reader.metadata or {}
    assert meta.get("/Title") == TITLE
    assert "/CreationDate" not in meta or "20000101" in str(meta.get("/CreationDate"))  # reportlab's invariant date
    # Made twice, the same bytes: no clock, no random id, nothing about where or when it was printed.
    assert recovery_sheet_pdf(code, created=CREATED) == pdf
    for word in ("agency", "office", "client", "victim", "survivor"):
        assert word not in plain(reader.pages[0].extract_text()).lower()


def test_a_malformed_code_is_refused(code: str) -> None:
    broken = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(MalformedRecoveryCode):
        recovery_sheet_pdf(broken, created=CREATED)
    with pytest.raises(MalformedRecoveryCode):
        recovery_sheet_html("not a code", created=CREATED)


def test_the_html_for_printing_says_the_same(code: str) -> None:
    html = recovery_sheet_html(code, created=CREATED)
    assert TITLE in html and made_on(CREATED) in html
    for i in range(recovery.GROUPS):
        assert recovery.group_of(code, i) in html
    for heading, body in SECTIONS:
        assert heading in html
        assert body.replace("'", "&#x27;") in html


def test_the_sheet_renders_to_an_image(pdf: bytes, tmp_path: Path, shots: Path) -> None:
    """Render with poppler so a person can look at sheet-1.png in the shots folder."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (apt-get install poppler-utils); the PDF itself was checked above")
    source = tmp_path / "sheet.pdf"
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(source), str(shots / "sheet")], check=True, timeout=60)
    image = shots / "sheet-1.png"
    assert image.exists()
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (shots / "sheet-2.png").exists()



def test_every_font_on_the_sheet_is_embedded(pdf: bytes) -> None:
    """The code is printed in the embedded Noto Sans Bold, not a standard PDF font a viewer substitutes (PDF/UA asks
    for embedded fonts; the code's alphabet has no O, I or L, so no monospace face is needed to tell 0 from O)."""
    fonts = embedded_fonts(PdfReader(io.BytesIO(pdf)))
    assert fonts and all(fonts.values()), fonts
    assert not any("Courier" in name or "Helvetica" in name for name in fonts)
