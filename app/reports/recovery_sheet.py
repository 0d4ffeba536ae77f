"""The printed recovery-code sheet: one calm page with the code in numbered groups and what to do with it.

The sheet names no agency and no person: it is meant to sit in a drawer. The same words feed the PDF (reportlab)
and the HTML the desktop app hands to a printer, so what is saved and what is printed say the same thing. Its words
are in the app's language (marked here with ``N_``, printed through the catalogue), the date with the catalogue's
month names.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app.core.i18n import N_, _
from app.reports import dates, fonts
from app.reports.pdf import INK, QUIET, Document
from app.storage import recovery

TITLE = N_("Offramp recovery code")
GROUPS_PER_ROW = 4

#: (heading, text) pairs, in the order they appear on the sheet (in English: :func:`sections` gives them in the
#: app's language).
SECTIONS: tuple[tuple[str, str], ...] = (
    (
        N_("What this code does"),
        N_(
            "If the passphrase is ever forgotten, this code opens the Offramp vault on the computer where it was "
            "made, so that a new passphrase can be chosen. No one else can reset the passphrase: not IT staff and "
            "not the makers of Offramp."
        ),
    ),
    (
        N_("Keep it safe"),
        N_(
            "Keep this sheet away from the computer, for example in a locked drawer. Anyone who has this code and a "
            "copy of that computer's vault file could open the vault. Please do not photograph it or keep a copy "
            "of it on the computer."
        ),
    ),
    (
        N_("Typing it in"),
        N_(
            "Capital or small letters, spaces and dashes do not matter. There is no letter O, I, L or U in a code, "
            "so 0 and 1 are always numbers. The group numbers help you keep your place."
        ),
    ),
    (
        N_("If you make a new code"),
        N_(
            "Making a new recovery code in Offramp stops this one from working. Then destroy this sheet, for "
            "example by shredding it."
        ),
    ),
)


def sections() -> list[tuple[str, str]]:
    """:data:`SECTIONS` in the app's language."""
    return [(_(head), _(text)) for head, text in SECTIONS]


def group_label(number: int) -> str:
    """ "Group 3" above a group of the code ("Grupo 3")."""
    return _("Group {number}").format(number=number)


def groups(code: str) -> list[str]:
    """The code's groups, in order. Raises :class:`MalformedRecoveryCode` for anything that is not a code."""
    recovery.parse(code)  # a typo here would print a sheet that opens nothing
    return [recovery.group_of(code, i) for i in range(recovery.GROUPS)]


def made_on(created: date) -> str:
    """ "Made on November 24, 2026" ("Hecho el 24 de noviembre de 2026")."""
    return _("Made on {day}").format(day=dates.month_day_year(created))


def group_grid(
    parts: Sequence[str], number: ParagraphStyle, group: ParagraphStyle, width: float, *, per_row: int = GROUPS_PER_ROW,
    gap: float = 12,
) -> Table:
    """A code written out in numbered groups ("Group 1" above each), ``per_row`` to a row, in one box: the shape of
    every printed code (the recovery sheet, the office recovery kit), so each is read and typed back the same way."""
    cells: list[list[Paragraph | str]] = []
    for start in range(0, len(parts), per_row):
        row = parts[start : start + per_row]
        pad = [""] * (per_row - len(row))
        cells.append([Paragraph(html.escape(group_label(start + i + 1)), number) for i in range(len(row))] + pad)
        cells.append([Paragraph(html.escape(part), group) for part in row] + pad)
    grid = Table(cells, colWidths=[width / per_row] * per_row)
    grid.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, colors.HexColor("#888888")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
            + [("TOPPADDING", (0, r), (-1, r), gap) for r in range(0, len(cells), 2)]
            + [("BOTTOMPADDING", (0, r), (-1, r), gap) for r in range(1, len(cells), 2)]
        )
    )
    return grid


def code_sheet_styles(
    *, group_size: float = 26, heading_space: float = 12, body_leading: float = 15.5
) -> dict[str, ParagraphStyle]:
    """The look of a printed code (the recovery sheet, the office recovery kit): a large title, the code's groups in
    a big fixed-width face under small group numbers, then short headed paragraphs, so both read the same way."""
    return {
        "title": ParagraphStyle("title", fontName=fonts.BOLD, fontSize=22, leading=28, textColor=INK),
        "subtitle": ParagraphStyle("subtitle", fontName=fonts.REGULAR, fontSize=11, leading=15, textColor=QUIET),
        "heading": ParagraphStyle("heading", fontName=fonts.BOLD, fontSize=12, leading=16, textColor=INK,
                                  spaceBefore=heading_space, spaceAfter=3),
        "body": ParagraphStyle("body", fontName=fonts.REGULAR, fontSize=11, leading=body_leading, textColor=INK),
        "number": ParagraphStyle("number", fontName=fonts.REGULAR, fontSize=9, leading=12, textColor=QUIET,
                                 alignment=TA_CENTER),
        "group": ParagraphStyle("group", fontName=fonts.BOLD, fontSize=group_size, leading=group_size + 6,
                                textColor=INK, alignment=TA_CENTER),
    }  # fmt: skip


def sections_story(sections: Sequence[tuple[str, str]], styles: dict[str, ParagraphStyle]) -> list[KeepTogether]:
    """Each (heading, text) pair kept together on its page."""
    return [
        KeepTogether([Paragraph(html.escape(head), styles["heading"]), Paragraph(html.escape(text), styles["body"])])
        for head, text in sections
    ]


def recovery_sheet_pdf(code: str, *, created: date) -> bytes:
    """The sheet as a one-page PDF (US Letter; fits A4 as well)."""
    parts = groups(code)
    doc = Document(title=_(TITLE), side_margin=0.9 * inch, top_margin=0.9 * inch)
    styles = code_sheet_styles()
    story = [
        Paragraph(html.escape(_(TITLE)), styles["title"]),
        Paragraph(html.escape(made_on(created)), styles["subtitle"]),
        Spacer(1, 0.3 * inch),
        group_grid(parts, styles["number"], styles["group"], doc.width),
        Spacer(1, 0.15 * inch),
        *sections_story(sections(), styles),
    ]
    return doc.render(story)


def recovery_sheet_html(code: str, *, created: date) -> str:
    """The same sheet as simple HTML, for a printer (Qt's rich text understands this subset)."""
    parts = groups(code)
    rows = []
    for start in range(0, len(parts), GROUPS_PER_ROW):
        row = parts[start : start + GROUPS_PER_ROW]
        numbers = "".join(
            f'<td align="center" style="color:#555555; font-size:9pt; padding-top:10px">'
            f"{html.escape(group_label(start + i + 1))}</td>"
            for i in range(len(row))
        )
        codes = "".join(
            '<td align="center" style="font-family:\'Courier New\', Courier, monospace; font-size:24pt; '
            f'font-weight:bold; padding:2px 14px 12px 14px">{html.escape(part)}</td>'
            for part in row
        )
        rows.append(f"<tr>{numbers}</tr><tr>{codes}</tr>")
    words = "".join(
        f'<h3 style="font-size:12pt; margin-top:14px; margin-bottom:3px">{html.escape(head)}</h3>'
        f'<p style="font-size:11pt; margin-top:0">{html.escape(text)}</p>'
        for head, text in sections()
    )
    return (
        "<html><body style=\"font-family:Helvetica, Arial, sans-serif; color:#222222\">"
        f'<h1 style="font-size:22pt; margin-bottom:2px">{html.escape(_(TITLE))}</h1>'
        f'<p style="color:#555555; font-size:11pt; margin-top:0">{html.escape(made_on(created))}</p>'
        # One frame around the code, no lines between the groups: an outer one-cell table holds the grid.
        '<table border="1" cellspacing="0" cellpadding="8" width="100%" '
        'style="border-color:#888888; border-style:solid; margin-top:18px"><tr><td style="border-style:none">'
        f'<table border="0" cellspacing="0" cellpadding="0" width="100%">{"".join(rows)}</table>'
        "</td></tr></table>"
        f"{words}</body></html>"
    )
