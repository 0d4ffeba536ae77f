"""The one document set-up every PDF shares (app.reports.pdf), parsed back with pypdf: properties, bytes, footer."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, PageBreak, Paragraph

from app.errors import ValidationError
from app.reports.pdf import Document, page_footer
from app.reports.protect import is_protected

BODY = ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15)


def _story() -> list[Flowable]:
    return [Paragraph("First page of a fictional form.", BODY), PageBreak(), Paragraph("Second page.", BODY)]


def _doc(**kw: object) -> Document:
    return Document(title="Offramp test sheet", side_margin=0.9 * inch, top_margin=0.8 * inch, **kw)  # type: ignore[arg-type]


def test_the_properties_carry_the_title_and_the_app_name_only() -> None:
    meta = dict(PdfReader(io.BytesIO(_doc().render(_story()))).metadata or {})
    assert meta["/Title"] == "Offramp test sheet"
    assert meta["/Author"] == "Offramp"
    assert meta.get("/Subject", "") == ""
    assert "20000101" in str(meta.get("/CreationDate", "20000101"))  # reportlab's invariant date, not the clock


def test_a_discreet_document_has_no_properties_at_all() -> None:
    pdf = _doc(discreet=True).render(_story())
    reader = PdfReader(io.BytesIO(pdf))
    assert not dict(reader.metadata or {})
    assert b"Offramp" not in pdf and b"ReportLab" not in pdf
    assert "First page of a fictional form." in reader.pages[0].extract_text()


def test_the_same_story_makes_the_same_bytes() -> None:
    assert _doc().render(_story()) == _doc().render(_story())


def test_the_margins_and_width_follow_the_page() -> None:
    doc = Document(title="x", side_margin=inch, top_margin=0.75 * inch, bottom_margin=1.15 * inch)
    assert (doc.leftMargin, doc.rightMargin, doc.topMargin, doc.bottomMargin) == (inch, inch, 0.75 * inch, 1.15 * inch)
    assert doc.width == 8.5 * inch - 2 * inch
    assert doc.pagesize == (612.0, 792.0)


def test_the_footer_is_on_every_page_with_its_number() -> None:
    pdf = _doc().render(_story(), footer=page_footer("Fictional footer · aggregate"))
    pages = PdfReader(io.BytesIO(pdf)).pages
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert "Fictional footer · aggregate" in text and f"Page {number}" in text


def test_a_password_protects_the_file_and_a_short_one_makes_nothing() -> None:
    pdf = _doc().render(_story(), password="quiet river lantern")
    assert is_protected(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    reader.decrypt("quiet river lantern")
    assert "Second page." in reader.pages[1].extract_text()

    laid_out: list[bool] = []

    class Probe(Flowable):
        def wrap(self, *_args: object) -> tuple[float, float]:
            laid_out.append(True)
            return (0, 0)

    with pytest.raises(ValidationError, match="at least 8 characters"):
        _doc().render([Probe()], password="short")
    assert not laid_out  # refused before any work
