"""The PDF of a finished interview checklist or screening, for the case file.

Every page is marked with the record's confidentiality regime, its template id and version and the date it was made,
so a page that strays from the file still says what it is and whose rules it falls under. A screening shows its
result first, in the three parts of DOMAIN.md 1.3, and says plainly that it is not a determination. With a password
the document is AES-256 protected (:mod:`app.reports.protect`).
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from app.core.i18n import N_, _
from app.errors import ValidationError
from app.reports import dates, fonts, tagging
from app.reports.pdf import Document

# --- what the caller gives ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerLine:
    item_text: str  # the question or checklist step, in the regime's wording
    answer: str  # the human label ("Yes", "Declined to answer", "Done"...) or free text; "" = not answered yet
    note: str | None = None


@dataclass(frozen=True)
class SectionBlock:
    title: str
    lines: tuple[AnswerLine, ...]


@dataclass(frozen=True)
class DomainSummary:
    """One domain of a screening's indicator summary. "Declined" is never counted as "no"."""

    title: str
    endorsed: tuple[str, ...]  # item texts answered "yes"
    unsure: int
    declined: int
    not_asked: int


@dataclass(frozen=True)
class SessionReport:
    kind: str  # "checklist" or "screening"
    title: str  # the template's title
    template_id: str
    template_version: str
    regime: str  # "prosecution" or "advocacy"
    person_name: str  # the preferred name: this copy is for the case file
    occurred_on: datetime.date | None
    status: str  # "Complete", "Partial" or "Stopped at the person's request"
    recorded_by: str | None
    sections: tuple[SectionBlock, ...]
    domain_summaries: tuple[DomainSummary, ...] = ()
    rule_note: str | None = None
    next_steps: tuple[str, ...] = ()
    assessment: str | None = None  # the practitioner's assessment label, e.g. "Indicators present"
    assessment_reason: str | None = None
    source_note: str = ""  # the template's source and licence note
    # Keyword-only and without a default: a document that does not say when it was made is never printed.
    generated_on: datetime.date = field(kw_only=True)


KINDS = ("checklist", "screening")

#: The marking on every page, in plain words (DOMAIN.md 4): who may see this record and what follows from that.
#: The document's own words are marked for the catalogue here and printed in the app's language (``_()``); what the
#: caller gives (the template's texts, the answers' labels, names, notes) comes already in the words to print.
REGIME_MARKING = {
    "prosecution": N_("Prosecution team record: not confidential. It may have to be shared with the defense."),
    "advocacy": N_("Advocacy record: confidential. Share only with the person’s written consent."),
}

KIND_LABEL = {"checklist": N_("Interview checklist"), "screening": N_("Screening")}

NOT_A_DETERMINATION = N_(
    "A screening is not a determination. It shows which signs came up in this conversation, to help decide what "
    "to offer next: more time to talk, services or legal advice. Whether someone has been trafficked is a separate "
    "decision, made by a person and recorded apart from this form."
)

#: Answers that say the person chose not to answer: never merged with "No", always set in italics.
DECLINED_LABELS = frozenset({"declined to answer", "declined", "the person declined"})
#: Answers that say nothing was asked or it did not apply: shown quietly, in italics.
QUIET_LABELS = frozenset({"not asked", "not applicable"})
#: The fixed labels, set in bold; anything else is the practitioner's own words and is set like body text.
LABELS = frozenset({"yes", "no", "unsure", "done", "not done"})
NOT_ANSWERED = N_("Not answered yet")
NOT_RECORDED = N_("Not recorded")

#: Metadata travels with the file and shows in file browsers and search indexes: nothing about the person.
METADATA_TITLE = N_("Offramp session record")


def regime_marking(regime: str) -> str:
    return _(REGIME_MARKING[regime])


def template_marking(report: SessionReport) -> str:
    return f"{report.template_id} v{report.template_version}"


def long_date(day: datetime.date) -> str:
    """ "June 3, 2026" ("3 de junio de 2026" in Spanish)."""
    return dates.month_day_year(day)


def _label_words(labels: frozenset[str]) -> frozenset[str]:
    """``labels`` (lower case, English) and the same labels in the app's language, lower case: the answers come
    as sessions.py prints them."""
    return labels | {_(label[:1].upper() + label[1:]).lower() for label in labels}


# --- the look --------------------------------------------------------------------------------------------------------

INK = colors.HexColor("#222222")
QUIET = colors.HexColor("#555555")
DECLINED_INK = colors.HexColor("#3a4f7a")  # a calm blue-grey: clearly not the black of "No"
RULE = colors.HexColor("#b8b8b8")
SOFT = colors.HexColor("#f3f1ec")

MARGIN = 0.9 * inch
BOTTOM_MARGIN = 1.15 * inch  # room for the two-line footer
FOOTER_SIZE = 9
ANSWER_INDENT = 26  # room for a three-digit item number
KEEP_WHOLE_UP_TO = 3.5 * inch  # a block taller than this may split: a page never starts half empty for it
KEEP_NOTE_START = 0.9 * inch  # a long note starts where at least a few of its lines fit
FRAME_PADDING = 6  # reportlab's frame padding: tables and the footer line up with the text, not the margin


def _styles() -> dict[str, ParagraphStyle]:
    # allowWidows=0: the last line of a paragraph never stands alone at the top of a page.
    base = ParagraphStyle(
        "body",
        fontName=fonts.REGULAR,
        fontSize=11,
        leading=16,
        textColor=INK,
        allowWidows=0,
        bulletFontName=fonts.REGULAR,
    )

    def like(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "kind": like("kind", fontSize=11, textColor=QUIET, spaceAfter=2),
        "title": like("title", fontName=fonts.BOLD, fontSize=20, leading=26, spaceAfter=10),
        "label": like("label", textColor=QUIET),
        "value": like("value", fontName=fonts.BOLD),
        "h1": like("h1", fontName=fonts.BOLD, fontSize=15, leading=20, spaceBefore=18, spaceAfter=6),
        "h2": like("h2", fontName=fonts.BOLD, fontSize=12.5, leading=17, spaceBefore=12, spaceAfter=4),
        "body": base,
        "notice": like("notice", fontSize=11.5, leading=17),
        "item": like("item", spaceBefore=10, leftIndent=ANSWER_INDENT, bulletIndent=0, bulletFontSize=11),
        "answer": like("answer", leftIndent=ANSWER_INDENT, spaceBefore=2),
        "note": like("note", leftIndent=ANSWER_INDENT + 12, textColor=QUIET, spaceBefore=2),
        "domain": like("domain", fontName=fonts.BOLD, spaceBefore=10, spaceAfter=2),
        "counts": like("counts", textColor=QUIET, leftIndent=ANSWER_INDENT, spaceBefore=2),
        "bullet": like("bullet", bulletFontSize=11),
        "assessment": like("assessment", fontName=fonts.BOLD, fontSize=13, leading=18, spaceAfter=3),
        "small": like("small", fontSize=10, leading=14, textColor=QUIET),
        "footer": like("footer", fontSize=FOOTER_SIZE, leading=12, textColor=QUIET),
        "footer_mark": like("footer_mark", fontName=fonts.BOLD, fontSize=FOOTER_SIZE, leading=12),
    }


def _text(value: str, style: ParagraphStyle, *, bold: bool | None = None) -> str:
    """Caller text made safe for reportlab's paragraph markup, in any script (app.reports.fonts); line breaks kept.

    ``style`` is the paragraph's, ``bold`` says when the text sits inside ``<b>`` markup of a regular style.
    """
    return fonts.style_markup(value.strip(), style, bold=bold)


# --- page furniture: the footer on every page, and "Page N of M" ---------------------------------------------------


def _footer_canvas(report: SessionReport, styles: dict[str, ParagraphStyle]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, so each footer can say how many pages there are."""
    mark = regime_marking(report.regime)
    session = (
        _("Session of {day}").format(day=long_date(report.occurred_on))
        if report.occurred_on
        else _("Session date not recorded")
    )
    details = _("Template {template} · {session} · Made on {day}").format(
        template=template_marking(report), session=session, day=long_date(report.generated_on)
    )
    page_of = _("Page {number} of {total}")

    class FooterCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._held)
            for number, state in enumerate(self._held, start=1):
                self.__dict__.update(state)
                start = len(self._code)
                self._draw_footer(number, total)
                tagging.artifact(self, start)  # the footer is skipped by whoever reads the page aloud
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            left, right = MARGIN + FRAME_PADDING, width - MARGIN - FRAME_PADDING
            usable = right - left
            page_label = page_of.format(number=number, total=total)
            page_width = self.stringWidth(page_label, fonts.REGULAR, FOOTER_SIZE)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.6)
            self.line(left, 0.92 * inch, right, 0.92 * inch)
            # Paragraphs wrap, so a long template id or a long date never runs into the page number.
            first = Paragraph(_text(mark, styles["footer_mark"]), styles["footer_mark"])
            second = Paragraph(_text(details, styles["footer"]), styles["footer"])
            text_width = usable - page_width - 18
            _w, first_height = first.wrapOn(self, text_width, inch)
            _w, second_height = second.wrapOn(self, text_width, inch)
            top = 0.85 * inch
            first.drawOn(self, left, top - first_height)
            second.drawOn(self, left, top - first_height - 1 - second_height)
            self.setFont(fonts.REGULAR, FOOTER_SIZE)
            self.setFillColor(QUIET)
            self.drawRightString(right, top - 9, page_label)

    return FooterCanvas


# --- the story -------------------------------------------------------------------------------------------------------


def _header(report: SessionReport, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    not_recorded = _(NOT_RECORDED)
    rows = [
        (_("Person"), report.person_name.strip() or not_recorded),
        (_("Date of the session"), long_date(report.occurred_on) if report.occurred_on else not_recorded),
        (_("Status"), report.status.strip() or not_recorded),
        (_("Recorded by"), (report.recorded_by or "").strip() or not_recorded),
        (_("Record"), regime_marking(report.regime)),
        # Its title, as people know it.
        (_("Template"), _("{title}, version {version}").format(title=report.title, version=report.template_version)),
    ]
    label_width = 1.75 * inch
    table = Table(
        [
            [Paragraph(html.escape(label), styles["label"]), Paragraph(_text(value, styles["value"]), styles["value"])]
            for label, value in rows
        ],
        colWidths=[label_width, width - label_width],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 10),
            ]
        )
    )
    return [
        Paragraph(html.escape(_(KIND_LABEL[report.kind])), styles["kind"]),
        Paragraph(_text(report.title, styles["title"]), styles["title"]),
        table,
    ]


def _notice(text: str, styles: dict[str, ParagraphStyle], width: float) -> Flowable:
    box = Table([[Paragraph(html.escape(text), styles["notice"])]], colWidths=[width])
    box.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), SOFT),
                ("BOX", (0, 0), (-1, -1), 0.6, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 12),
                ("RIGHTPADDING", (0, 0), (-1, -1), 12),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 12),
            ]
        )
    )
    return box


def _bullets(
    items: tuple[str, ...], styles: dict[str, ParagraphStyle], indent: float = ANSWER_INDENT
) -> list[Flowable]:
    style = ParagraphStyle(
        f"bullet{indent}", parent=styles["bullet"], leftIndent=indent + 16, bulletIndent=indent + 3, spaceBefore=3
    )
    return [Paragraph(_text(item, style), style, bulletText="•") for item in items]


def _result(report: SessionReport, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    """The three parts of a screening's result (DOMAIN.md 1.3), before any answer."""
    story: list[Flowable] = [Spacer(1, 14), _notice(_(NOT_A_DETERMINATION), styles, width)]
    lead: list[Flowable] = [Paragraph(_("Result"), styles["h1"]), Paragraph(_("Indicators by domain"), styles["h2"])]
    if not report.domain_summaries:
        none = Paragraph(html.escape(_("No domains were recorded for this screening.")), styles["body"])
        story += _together([*lead, none], width)
    for domain in report.domain_summaries:
        block: list[Flowable] = [*lead, Paragraph(_text(domain.title, styles["domain"]), styles["domain"])]
        lead = []
        if domain.endorsed:
            block.append(Paragraph(html.escape(_("Answered “yes”:")), styles["answer"]))
            block += _bullets(domain.endorsed, styles)
        else:
            block.append(Paragraph(html.escape(_("No question here was answered “yes”.")), styles["answer"]))
        counts = _("Unsure: {unsure} · Declined to answer: {declined} · Not asked: {not_asked}").format(
            unsure=domain.unsure, declined=domain.declined, not_asked=domain.not_asked
        )
        block.append(Paragraph(html.escape(counts), styles["counts"]))
        story += _together(block, width)

    steps: list[Flowable] = [Paragraph(html.escape(_("Suggested next steps")), styles["h2"])]
    if report.rule_note:
        steps.append(Paragraph(_text(report.rule_note, styles["body"]), styles["body"]))
    if report.next_steps:
        steps += _bullets(report.next_steps, styles, indent=0)
    else:
        steps.append(
            Paragraph(html.escape(_("The template suggests no next steps for these answers.")), styles["body"])
        )
    story += _together(steps, width)

    assessment: list[Flowable] = [Paragraph(html.escape(_("Practitioner’s assessment")), styles["h2"])]
    if report.assessment:
        assessment.append(Paragraph(_text(report.assessment, styles["assessment"]), styles["assessment"]))
        reason = (report.assessment_reason or "").strip()
        reason_label = _("Reason:")
        shown = (
            f"<b>{html.escape(reason_label)}</b> {_text(reason, styles['body'])}"
            if reason
            else html.escape(_("No reason was recorded."))
        )
        assessment.append(Paragraph(shown, styles["body"]))
    else:
        assessment.append(Paragraph(html.escape(_("No assessment has been recorded yet.")), styles["body"]))
    assessment.append(Spacer(1, 4))
    judgment = _("The assessment is the practitioner’s judgment from the whole conversation, not a count of answers.")
    assessment.append(Paragraph(html.escape(judgment), styles["small"]))
    story += _together(assessment, width)
    return story


def _answer(line: AnswerLine, styles: dict[str, ParagraphStyle]) -> Paragraph:
    style = styles["answer"]
    answer = line.answer.strip()
    lowered = answer.lower()
    if not answer:
        shown = f'<i><font color="{QUIET.hexval()}">{html.escape(_(NOT_ANSWERED))}</font></i>'
    elif lowered in _label_words(DECLINED_LABELS):
        # Italic and a different colour: a declined answer is never mistaken for "No" on paper.
        shown = f'<b><i><font color="{DECLINED_INK.hexval()}">{_text(answer, style, bold=True)}</font></i></b>'
    elif lowered in _label_words(QUIET_LABELS):
        shown = f'<i><font color="{QUIET.hexval()}">{_text(answer, style)}</font></i>'
    elif lowered in _label_words(LABELS):
        shown = f"<b>{_text(answer, style, bold=True)}</b>"
    else:
        shown = _text(answer, style)
    label = html.escape(_("Answer:"))
    return Paragraph(f'<font color="{QUIET.hexval()}">{label}</font> {shown}', style)


def _height(flowables: list[Flowable], width: float) -> float:
    """How tall these stand on a page ``width`` wide, with the space above each."""
    total = 0.0
    for flowable in flowables:
        _w, h = flowable.wrap(width, 100 * inch)
        total += h + flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _together(flowables: list[Flowable], width: float, most: float = KEEP_WHOLE_UP_TO) -> list[Flowable]:
    """These on one page when they fit on one (up to ``most`` tall); a taller run starts a page and flows on.

    Used instead of nested KeepTogether, which reportlab cannot measure, so a heading always travels with what
    follows it.
    """
    return [CondPageBreak(min(_height(flowables, width), most)), *flowables]


def _answers(report: SessionReport, styles: dict[str, ParagraphStyle], width: float) -> list[Flowable]:
    story: list[Flowable] = []
    heading = "h2" if report.kind == "screening" else "h1"
    # Headings never end a page: they move on with (the start of) the first item under them.
    lead: list[Flowable] = [Paragraph(html.escape(_("Answers")), styles["h1"])] if report.kind == "screening" else []
    number = 0
    for section in report.sections:
        title = [*lead, Paragraph(_text(section.title, styles[heading]), styles[heading])]
        lead = []
        if not section.lines:
            nothing = Paragraph(html.escape(_("Nothing was recorded in this section.")), styles["body"])
            story.append(KeepTogether([*title, nothing]))
        for line in section.lines:
            number += 1
            question = [
                Paragraph(_text(line.item_text, styles["item"]), styles["item"], bulletText=f"{number}."),
                _answer(line, styles),
            ]
            note = []
            if line.note and line.note.strip():
                label = html.escape(_("Note:"))
                note.append(Paragraph(f"<b>{label}</b> {_text(line.note, styles['note'])}", styles["note"]))
            # An item starts a new page unless it fits whole; a long one needs only room for its start, and
            # its note then flows on, so no page is left half empty.
            most = min(_height(title + question, width) + KEEP_NOTE_START, KEEP_WHOLE_UP_TO)
            story += _together([*title, *question, *note], width, most)
            title = []
    if not report.sections:
        story.append(KeepTogether([*lead, Paragraph(html.escape(_("No answers were recorded.")), styles["body"])]))
    return story


def _about(report: SessionReport, styles: dict[str, ParagraphStyle]) -> list[Flowable]:
    parts: list[Flowable] = [Paragraph(html.escape(_("About this form")), styles["h2"])]
    if report.source_note.strip():
        parts.append(Paragraph(_text(report.source_note, styles["small"]), styles["small"]))
    parts.append(
        Paragraph(
            _text(
                _("Template: {title}, version {version} (reference {reference}). Made with Offramp on {day}.").format(
                    title=report.title,
                    version=report.template_version,
                    reference=report.template_id,
                    day=long_date(report.generated_on),
                ),
                styles["small"],
            ),
            styles["small"],
        )
    )
    return [Spacer(1, 6), KeepTogether(parts)]


def _check(report: SessionReport) -> None:
    if report.kind not in KINDS:
        raise ValidationError(
            _("Only an interview checklist or a screening can be made into this document."), field="kind"
        )
    if report.regime not in REGIME_MARKING:
        raise ValidationError(
            _("This record has no confidentiality regime, so it cannot be printed until it has one."), field="regime"
        )
    if not isinstance(report.generated_on, datetime.date):
        raise ValidationError(_("The document needs the date it is made on."), field="generated_on")


def session_pdf(report: SessionReport, *, password: str | None = None) -> bytes:
    """The document; with a password it is AES-256 protected via app.reports.protect.protect_pdf.

    Raises :class:`ValidationError` for a report that cannot be printed as it is, or a password that is too short;
    nothing is made in either case.
    """
    _check(report)
    styles = _styles()
    doc = Document(title=_(METADATA_TITLE), side_margin=MARGIN, top_margin=MARGIN, bottom_margin=BOTTOM_MARGIN)
    width = doc.width - 2 * FRAME_PADDING
    story: list[Flowable] = _header(report, styles, width)
    if report.kind == "screening":
        story += _result(report, styles, width)
    story += _answers(report, styles, width)
    story += _about(report, styles)
    return doc.render(story, canvasmaker=_footer_canvas(report, styles), password=password)
