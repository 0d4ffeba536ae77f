"""AES-256 protection of PDFs that leave the vault, checked by parsing the result back with pypdf."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from app.errors import ValidationError
from app.reports.protect import is_protected, protect_pdf

SECRET_LINE = "Fictional answer: Robin Vale said the door was kept locked."


def _pdf() -> bytes:
    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=letter)
    c.drawString(72, 720, SECRET_LINE)
    c.showPage()
    c.save()
    return out.getvalue()


def test_a_protected_pdf_opens_only_with_its_password() -> None:
    plain = _pdf()
    assert not is_protected(plain)
    assert SECRET_LINE in PdfReader(io.BytesIO(plain)).pages[0].extract_text()

    locked = protect_pdf(plain, "correct horse battery")
    assert is_protected(locked)
    assert SECRET_LINE.encode() not in locked
    reader = PdfReader(io.BytesIO(locked))
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    assert not PdfReader(io.BytesIO(locked)).decrypt("wrong password")

    reader = PdfReader(io.BytesIO(locked))
    assert reader.decrypt("correct horse battery")
    assert SECRET_LINE in reader.pages[0].extract_text()
    # AES-256 is PDF encryption revision 6 (/V 5).
    assert reader.trailer["/Encrypt"]["/V"] == 5
    assert reader.trailer["/Encrypt"]["/R"] == 6


def test_a_short_password_is_refused_with_a_plain_message() -> None:
    with pytest.raises(ValidationError) as caught:
        protect_pdf(_pdf(), "short")
    assert "at least 8 characters" in caught.value.message
    assert caught.value.field == "password"
