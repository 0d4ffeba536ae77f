"""One way to set up a printed document: page, margins, properties that name nobody, the same bytes every time.

Every PDF Offramp makes (a session record, the person's copy, the recovery sheet, the quarterly report, the
disclosure review, the office recovery kit) starts from :class:`Document`, so the rules that keep a file from
giving anything away live in one place:

- Text is set in Noto Sans with a fallback chain for every other script (:mod:`app.reports.fonts`), never in the
  standard PDF fonts, which print a name in Arabic or Chinese as boxes.
- The page is US Letter; each document chooses only its margins, and the text fits A4 as well.
- The file's properties carry the document's title and the app's name, never a person's name, and nothing else.
  A *discreet* document (the person's own copy, which whoever finds it must learn nothing from) carries no
  properties at all: not a title, not even the app's name.
- No creation time and no random document id (reportlab's ``invariant``), so the same content makes the same bytes
  and nothing in the file says when or where it was printed.
- Every document is tagged (:mod:`app.reports.tagging`): read aloud in order, in its language, headings as
  headings, charts in words, footers skipped. The caller says the language it rendered in (``language``, the
  app's by default).
- A password protects the finished file with AES-256 (:mod:`app.reports.protect`); a password too short to protect
  anything is refused before any work is done. The file is tagged before it is protected.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.lib import colors
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageTemplate, Paragraph, SimpleDocTemplate

from app.core.i18n import _, current_language
from app.reports import fonts, tagging
from app.reports.protect import check_password, protect_pdf

__all__ = ["APP_NAME", "INK", "QUIET", "Document", "PageCallback", "page_footer"]

APP_NAME = "Offramp"
INK = colors.HexColor("#222222")  # body text: a soft black that prints well on any printer
QUIET = colors.HexColor("#555555")  # dates, footers, notes: readable, one step back

#: Drawn on each page once its story is laid out (reportlab's onFirstPage / onLaterPages).
PageCallback = Callable[[Canvas, SimpleDocTemplate], None]


class Document(SimpleDocTemplate):
    """A US Letter document written into memory; :meth:`render` lays out a story and returns the file's bytes.

    ``side_margin`` is the left and right margin, ``bottom_margin`` defaults to ``top_margin``. ``width`` (the text
    width between the margins) is known as soon as the document is made, for tables sized to the page.
    ``language`` is the language the document is written in ("en", "es"; the app's when None), for its tags.
    """

    def __init__(
        self,
        *,
        title: str,
        side_margin: float,
        top_margin: float,
        bottom_margin: float | None = None,
        discreet: bool = False,
        language: str | None = None,
    ) -> None:
        fonts.register()  # every document draws in Noto Sans and its fallback chain (app.reports.fonts)
        self._buffer = io.BytesIO()
        self.discreet = discreet
        self.titled = bool(title) and not discreet
        self.language = tagging.language_tag(language or current_language())
        self._tagger = tagging.Tagger(lambda: self.page)
        if discreet:
            properties = {"title": "", "author": "", "subject": "", "creator": "", "producer": "", "keywords": ""}
        else:
            properties = {"title": title, "author": APP_NAME, "subject": "", "creator": APP_NAME}
        super().__init__(
            self._buffer,
            pagesize=letter,
            leftMargin=side_margin,
            rightMargin=side_margin,
            topMargin=top_margin,
            bottomMargin=top_margin if bottom_margin is None else bottom_margin,
            invariant=1,  # no creation time and no random document id
            # Every page starts in Noto Sans, not reportlab's Helvetica, which would otherwise be listed among each
            # page's fonts without being embedded (PDF/UA wants every font embedded, even one no glyph is drawn in).
            initialFontName=fonts.REGULAR,
            **properties,
        )

    def render(
        self,
        story: Sequence[Flowable],
        *,
        footer: PageCallback | None = None,
        canvasmaker: type[Canvas] | None = None,
        password: str | None = None,
    ) -> bytes:
        """The finished file: ``footer`` drawn on every page, AES-256 protected when ``password`` is not None.

        Raises :class:`~app.errors.ValidationError` for a password too short to protect the file, before laying
        out anything.
        """
        if password is not None:
            check_password(password)
        options: dict[str, Any] = {}
        if footer is not None:
            decoration = _as_artifact(footer)
            options.update(onFirstPage=decoration, onLaterPages=decoration)
        if canvasmaker is not None:
            options["canvasmaker"] = canvasmaker
        self.build(list(story), **options)
        pdf = self._finished(self._buffer.getvalue())
        return pdf if password is None else protect_pdf(pdf, password)  # tagged first: the tags are encrypted too

    def build(self, flowables: list[Flowable], onFirstPage: Any = None, onLaterPages: Any = None,
              canvasmaker: Any = Canvas) -> None:  # fmt: skip
        """SimpleDocTemplate's build, with a frame that tags what it draws (:class:`tagging.TaggedFrame`)."""
        self._calc()
        frame = tagging.TaggedFrame(self.leftMargin, self.bottomMargin, self.width, self.height, id="normal")
        frame.tagger = self._tagger
        nothing = _nothing
        self.addPageTemplates(
            [
                PageTemplate(id="First", frames=frame, onPage=onFirstPage or nothing, pagesize=self.pagesize),
                PageTemplate(id="Later", frames=frame, onPage=onLaterPages or nothing, pagesize=self.pagesize),
            ]
        )
        super(SimpleDocTemplate, self).build(flowables, canvasmaker=canvasmaker)

    def _finished(self, pdf: bytes) -> bytes:
        """The built file with its structure tree, language and marks added; without properties if discreet."""
        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
        tagging.finish(writer, self._tagger, language=self.language, title=self.title if self.titled else None)
        if self.discreet:
            writer.metadata = None  # an empty information dictionary: no producer, no title, nothing to search for
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def _nothing(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    """A page with nothing drawn around its story."""


def _as_artifact(callback: PageCallback) -> PageCallback:
    """``callback`` drawing as an artifact: a footer and its page number are skipped by whoever reads aloud."""

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        start = len(canvas._code)
        callback(canvas, doc)
        tagging.artifact(canvas, start)

    return draw


def page_footer(text: str, *, size: float = 8.5) -> PageCallback:
    """A quiet line at the foot of every page: ``text`` at the left margin, "Page N" at the right one ("Página N")."""

    marked = fonts.markup(text, size=size, breaks=False)
    plain = "<font" not in marked  # Noto Sans has every character: drawn as a plain string

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(fonts.REGULAR, size)
        canvas.setFillColor(QUIET)
        if plain:
            canvas.drawString(doc.leftMargin, 0.5 * inch, text)
        else:  # an office's name in another script: each run in a font that has it, on the same baseline
            style = ParagraphStyle("footer", fontName=fonts.REGULAR, fontSize=size, leading=size, textColor=QUIET)
            line = Paragraph(marked, style)
            _w, height = line.wrap(doc.width - 0.75 * inch, inch)
            line.drawOn(canvas, doc.leftMargin, 0.5 * inch - height + size)
        page = _("Page {number}").format(number=canvas.getPageNumber())  # in the app's language
        canvas.drawRightString(doc.leftMargin + doc.width, 0.5 * inch, page)
        canvas.restoreState()

    return draw
