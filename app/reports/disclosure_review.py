"""The disclosure review as a PDF for the prosecution's file: every entry in date order with its source record.

Plain, legible and complete: date, what kind of entry, the words as recorded, and where they come from (the record
and its id), so a reviewer can find each one again. A password protects the file with AES-256 when given. The
document's metadata names no person; the file name is the caller's, and must not either. Its words are in the app's
language (the entries' own words come from :mod:`app.core.disclosure_review`, in that language too).
"""

from __future__ import annotations

import html
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from app.core.disclosure_review import DisclosureReview
from app.core.i18n import N_, _
from app.core.timeline import day_words
from app.reports import fonts
from app.reports.pdf import INK, QUIET, Document, page_footer

TITLE = N_("Disclosure review")
INTRO = N_(
    "Statements, interview notes and benefits held by the prosecution team for this person, in date order. Each "
    "entry names the record it comes from. Records marked deleted are listed too: deleting a record does not "
    "remove it from review."
)
FOOTER = N_("Disclosure review · prosecution team file")

_INK = INK
_QUIET = QUIET
_RULE = colors.HexColor("#c8c8c8")
_BAND = colors.HexColor("#f3f3f3")


def _p(text: str, style: ParagraphStyle | None = None, *, width: float = fonts.RUN_WIDTH) -> str:
    """Paragraph markup for ``text`` in any script (app.reports.fonts), set in ``style``'s size and weight."""
    if style is None:
        return html.escape(text).replace("\n", "<br/>")
    return fonts.style_markup(text, style, width=width)


def disclosure_review_pdf(review: DisclosureReview, *, password: str | None = None) -> bytes:
    """The review as a PDF (US Letter, fits A4); AES-256 protected when ``password`` is given."""
    doc = Document(title=_(TITLE), side_margin=0.75 * inch, top_margin=0.75 * inch, bottom_margin=0.8 * inch)
    title = ParagraphStyle("title", fontName=fonts.BOLD, fontSize=20, leading=25, textColor=_INK)
    subtitle = ParagraphStyle("subtitle", fontName=fonts.REGULAR, fontSize=11.5, leading=16, textColor=_INK)
    intro = ParagraphStyle("intro", fontName=fonts.REGULAR, fontSize=10, leading=14, textColor=_QUIET)
    head = ParagraphStyle("head", fontName=fonts.BOLD, fontSize=9.5, leading=12, textColor=_INK)
    cell = ParagraphStyle("cell", fontName=fonts.REGULAR, fontSize=10, leading=13.5, textColor=_INK)
    kind = ParagraphStyle("kind", fontName=fonts.BOLD, fontSize=10, leading=13.5, textColor=_INK)
    small = ParagraphStyle("small", fontName=fonts.REGULAR, fontSize=8.5, leading=11, textColor=_QUIET)

    prepared = _("prepared on {day}").format(day=day_words(review.prepared_on))
    story: list[Any] = [
        Paragraph(_p(_(TITLE)), title),
        Paragraph(_p(f"{review.person_name} · {prepared}", subtitle), subtitle),
        Spacer(1, 6),
        Paragraph(_p(_(INTRO)), intro),
        Spacer(1, 4),
        Paragraph(_p(review.summary().rstrip(".") + "."), intro),
        Spacer(1, 12),
    ]
    date_w, source_w = 1.05 * inch, 1.85 * inch
    middle = doc.width - date_w - source_w - 12  # the "what was said" column, inside its padding
    if review.entries:
        rows: list[list[object]] = [[Paragraph(_p(_("Date")), head),
                                     Paragraph(_p(_("What was said, written or given")), head),
                                     Paragraph(_p(_("Source record")), head)]]  # fmt: skip
        for entry in review.entries:
            what = [f"<b>{_p(entry.kind_words, kind, width=middle)}</b>"]
            if entry.deleted_on:
                deleted = _("deleted on {day}").format(day=day_words(entry.deleted_on))
                what[0] += f" · <font color='#8a1c1c'>{_p(deleted)}</font>"
            what.append(_p(entry.text, cell, width=middle))
            body: list[Paragraph] = [Paragraph("<br/>".join(what), cell)]
            if entry.detail:
                body.append(Paragraph(_p(entry.detail, small, width=middle), small))
            source = [
                Paragraph(_p(entry.source, cell, width=source_w - 12), cell),
                Paragraph(_p(_("Record {id}").format(id=entry.record_id)), small),
            ]
            rows.append([Paragraph(_p(entry.when_words), kind), body, source])
        table = Table(rows, colWidths=[date_w, doc.width - date_w - source_w, source_w], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, 0), 1, _INK),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.5, _RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                    ("LEFTPADDING", (0, 0), (-1, -1), 5),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 7),
                ]
                + [("BACKGROUND", (0, r), (-1, r), _BAND) for r in range(2, len(rows), 2)]
            )
        )
        story.append(table)
    return doc.render(story, footer=page_footer(_(FOOTER)), password=password or None)


def suggested_file_name(review: DisclosureReview) -> str:
    """A file name that names no person: the date only."""
    return _("disclosure-review-{day}.pdf").format(day=review.prepared_on.isoformat())


__all__ = ["FOOTER", "INTRO", "TITLE", "disclosure_review_pdf", "suggested_file_name"]
