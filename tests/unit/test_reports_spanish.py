"""The reports in the app's language: with Spanish chosen, the quarterly report (PDF, CSV, funder export), the
interview PDF, the recovery sheet and the disclosure review speak Spanish, with dates from the catalogue's month
names; with English, they are what they always were. PDFs are rendered and parsed back with pypdf, CSVs read back.
All data is fictional (the measures' hand-built vault)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.core import i18n
from app.models import Base
from app.reports import dates
from app.reports.funder import funder_csv
from app.reports.measures import compute, trend
from app.reports.periods import Period, parse_period, trailing_quarters
from app.reports.quarterly import quarterly_csv, quarterly_pdf
from tests.unit.test_measures import AFTER, Q2, build


@pytest.fixture
def spanish() -> Iterator[None]:
    i18n.set_language("es")
    try:
        yield
    finally:
        i18n.set_language(i18n.DEFAULT)


def _text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def _reports(**kw: Any) -> tuple[Any, Any]:
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        build(s)
        s.commit()
        as_of = kw.get("as_of", AFTER)
        return compute(s, Q2, as_of=as_of), trend(s, trailing_quarters(Q2, 8), as_of=as_of)


#: English that must not be left in a Spanish quarterly report (headings, table words, notes, units, dates).
QUARTERLY_ENGLISH = (
    "Outcome measures", "Worked out on", "Summary", "Each measure", "Trend over", "Counted", "Out of", "Rate",
    "Page", "Status", "Headline", "Final", "Provisional", "not shown", "people", "referrals", "Alongside",
    "Screening reach", "Of the people", "FY2026", "FY26", " Q2", "October", "June", "Demo records", "hatched",
    "aggregates only", "Connected to services", "Median days", "none yet", "by screening tool", "Dispositions",
)  # fmt: skip


def test_the_quarterly_pdf_in_spanish(spanish: None) -> None:
    report, series = _reports()
    text = _text(quarterly_pdf(report, series, office="Oficina de Apoyo Riverside"))
    for words in (
        "Medidas de resultados: Oficina de Apoyo Riverside",
        "AF2026 T2 (1 ene 2026 al 31 mar 2026)",
        "Calculado el 1 de junio de 2026.",
        "el AF2026 va del 1 de octubre de 2025 al 30 de septiembre de 2026",
        "Resumen",
        "Tendencia de los últimos ocho trimestres",
        "Cada medida",
        "Alcance de la evaluación",
        "no se muestra",
        "Página 1",
    ):
        assert words in text
    assert "AF26 T2" in text or "AF26T2" in text.replace(" ", "")  # the chart's labels
    left = [w for w in QUARTERLY_ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    assert left == [], "English left in the Spanish quarterly report"


def test_the_dashboard_fraction_in_spanish(spanish: None) -> None:
    report, _series = _reports()
    rate = report.get(1)
    assert rate.fraction_text() == f"{rate.numerator} de {rate.denominator} personas"
    assert report.get(6).fraction_text() == f"{report.get(6).numerator} personas"


def test_a_provisional_quarter_says_so_in_spanish(spanish: None) -> None:
    report, series = _reports(as_of=dt.date(2026, 4, 10))  # the 30-day windows of Q2 still open
    text = _text(quarterly_pdf(report, series, threshold=None))
    assert "Provisional." not in text and "Provisional" not in text
    assert "La ventana de 30 días cierra el 30 abr 2026" in text
    assert "se muestran tal como son" in text


def test_the_quarterly_csv_and_the_funder_export_in_spanish(spanish: None) -> None:
    report, _series = _reports()
    rows = list(csv.reader(io.StringIO(quarterly_csv(report).decode("utf-8-sig"))))
    assert rows[0] == ["period", "measure", "title", "line", "item", "value"], "the columns stay codes for programs"
    assert rows[1][0] == "2026Q1" or rows[1][0] == Q2.code, "the period code stays one parse_period reads"
    cells = {cell for row in rows[1:] for cell in row[2:]}
    assert {"Acerca de este informe", "Periodo", "Resumen principal", "Contados", "De un total de"} <= cells
    assert "no se muestra" in cells and "not shown" not in cells
    funder = list(csv.reader(io.StringIO(funder_csv(report).decode("utf-8-sig"))))
    assert funder[0] == ["period", "section", "item", "people", "service_events"]
    assert any(row[1].startswith("Personas atendidas") for row in funder[1:])
    assert any(row[2] == "Nuevas en el año fiscal" for row in funder[1:])


def test_periods_and_dates_in_spanish(spanish: None) -> None:
    q = Period.fiscal_quarter(2025, 3)
    assert q.label == "AF2025 T3"
    assert q.long_label == "AF2025 T3 (1 abr 2025 al 30 jun 2025)"
    assert Period(dt.date(2025, 10, 1), dt.date(2026, 2, 15)).long_label == "1 oct 2025 al 15 feb 2026"
    assert parse_period("AF2025 T3") == q, "what a Spanish report prints can be typed back"
    assert q.code == "2025Q3"
    day = dt.date(2026, 5, 4)
    assert (dates.short_date(day), dates.long_date(day), dates.month_day_year(day)) == (
        "4 may 2026", "4 de mayo de 2026", "4 de mayo de 2026"
    )


def test_english_periods_and_dates_are_as_before() -> None:
    q = Period.fiscal_quarter(2025, 3)
    assert (q.label, q.long_label) == ("FY2025 Q3", "FY2025 Q3 (01 Apr 2025 to 30 Jun 2025)")
    day = dt.date(2026, 5, 4)
    assert (dates.short_date(day), dates.long_date(day), dates.month_day_year(day), dates.month_year(day)) == (
        "04 May 2026", "04 May 2026", "May 4, 2026", "May 26"
    )


# --- the interview/session PDF -------------------------------------------------------------------------------------


def _spanish_session_reports() -> tuple[Any, Any]:
    """The session PDF tests' checklist and screening, with the labels sessions.py gives in Spanish."""
    from tests.unit.test_session_pdf import CHECKLIST, SCREENING

    def answers(report: Any, words: dict[str, str]) -> Any:
        sections = tuple(
            dataclasses.replace(s, lines=tuple(dataclasses.replace(ln, answer=words.get(ln.answer, ln.answer))
                                               for ln in s.lines))
            for s in report.sections
        )  # fmt: skip
        return dataclasses.replace(report, sections=sections)

    words = {"Done": "Hecho", "Not done": "Sin hacer", "Not applicable": "No corresponde", "Yes": "Sí",
             "Declined to answer": "Prefirió no responder", "Declined": "La persona prefirió que no",
             "Unsure": "No lo sabe", "Not asked": "Sin preguntar"}  # fmt: skip
    # The template's own texts come in its Spanish version when it has one; here only its title does.
    checklist = dataclasses.replace(
        answers(CHECKLIST, words), status="A medias", title="Lista para la entrevista: antes, durante y después"
    )
    screening = dataclasses.replace(
        answers(SCREENING, words), status="Detenida a petición de la persona", assessment="Hay indicadores"
    )
    return checklist, screening


#: English of the session PDF's own words, none of which may be left in the Spanish one.
SESSION_ENGLISH = (
    "Interview checklist", "Screening", "Person", "Date of the session", "Status", "Recorded by", "Record",
    "Template", "version", "Prosecution team record", "Advocacy record", "Answer:", "Note:", "Page 1 of",
    "Session of", "Made on", "About this form", "Made with Offramp", "reference", "Result", "Indicators by domain",
    "Answered", "Suggested next steps", "Practitioner", "Reason:", "Unsure:", "Not asked:", "Not answered yet",
    "Nothing was recorded in this section", "is not a determination", "June", "July", "November",
)  # fmt: skip


def test_the_session_pdf_in_spanish(spanish: None) -> None:
    from app.reports.session_pdf import session_pdf

    checklist, screening = _spanish_session_reports()
    text = _text(session_pdf(checklist))
    for words in (
        "Lista de verificación de la entrevista",
        "Fecha de la sesión 3 de junio de 2026",
        "Estado A medias",
        "Registro del equipo de la fiscalía: no es confidencial.",
        "Respuesta: Hecho",
        "Nota: Two people: the lead and Ana.",  # the practitioner's own words, as typed
        "Respuesta: Todavía sin responder",
        "No se registró nada en esta sección.",
        "Página 1 de",
        "Sesión del 3 de junio de 2026",
        "Hecho el 24 de noviembre de 2026",
        "Acerca de este formulario",
    ):
        assert words in text, words
    text = _text(session_pdf(screening))
    for words in (
        "Evaluación",
        "Registro de apoyo: confidencial.",
        "Una evaluación no es una determinación.",
        "Resultado",
        "Indicadores por área",
        "Respondió «sí»:",
        "No lo sabe: 1 · Prefirió no responder: 1 · Sin preguntar: 1",
        "Próximos pasos sugeridos",
        "Valoración de quien hizo la evaluación",
        "Hay indicadores",
        "Motivo:",
    ):
        assert words in text, words
    for report in (checklist, screening):
        text = _text(session_pdf(report))
        left = [w for w in SESSION_ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
        assert left == [], "English left in the Spanish session PDF"


def test_a_declined_answer_in_spanish_still_never_looks_like_no(spanish: None) -> None:
    from app.reports.session_pdf import session_pdf
    from tests.unit.test_session_pdf import runs

    _checklist, screening = _spanish_session_reports()
    found = runs(session_pdf(screening))
    declined = [font for text, font, _x, _size in found if text.strip() == "Prefirió no responder"]
    no = [font for text, font, _x, _size in found if text.strip() == "No"]
    assert declined and all("Italic" in f for f in declined), "set in italics, as in English"
    assert no and not any("Italic" in f for f in no)


def test_a_screening_from_the_vault_prints_in_spanish(spanish: None, workspace: Any) -> None:
    """Through sessions.py on a real vault: the answers' labels, the status, the assessment and who recorded it."""
    from app.reports.sessions import session_pdf_bytes
    from tests.unit.test_sessions import SCREENING, _person

    ws = workspace
    pid = _person(ws)
    sid = ws.sessions.start(pid, "screening", *SCREENING)
    ws.sessions.answer("screening", sid, "hurt", "yes", note="Nota ficticia sobre un moretón")
    ws.sessions.answer("screening", sid, "threatened", "declined")
    ws.sessions.assess(sid, "unclear", "Hace falta una conversación más larga.")
    text = _text(session_pdf_bytes(ws, "screening", sid))
    for words in (
        "Respuesta: Sí",
        "Respuesta: Prefirió no responder",
        "Nota ficticia sobre un moretón",
        "Estado A medias",
        "No está claro",
        "Motivo: Hace falta una conversación más larga.",
        "en esta computadora",
        "Registro de apoyo: confidencial.",
    ):
        assert words in text, words
    assert not re.search(r"\b(Yes|Declined to answer|Partial|Unclear|on this computer)\b", text)


# --- the recovery sheet --------------------------------------------------------------------------------------------

RECOVERY_ENGLISH = (
    "Offramp recovery code", "Made on", "Group", "What this code does", "Keep it safe", "Typing it in",
    "If you make a new code", "passphrase", "November",
)  # fmt: skip


def test_the_recovery_sheet_in_spanish(spanish: None) -> None:
    from app.reports.recovery_sheet import recovery_sheet_html, recovery_sheet_pdf
    from app.storage import recovery

    code, _secret = recovery.generate()
    created = dt.date(2026, 11, 24)
    pdf = recovery_sheet_pdf(code, created=created)
    assert len(PdfReader(io.BytesIO(pdf)).pages) == 1, "still one page in Spanish"
    text = _text(pdf)
    page = html_text = recovery_sheet_html(code, created=created)
    for words in (
        "Código de recuperación de Offramp",
        "Hecho el 24 de noviembre de 2026",
        "Grupo 1",
        "Grupo 8",
        "Qué hace este código",
        "Guárdelo en un lugar seguro",
        "Cómo escribirlo",
        "Si hace un código nuevo",
    ):
        assert words in text, words
        assert words in html_text, words
    for i in range(recovery.GROUPS):
        assert recovery.group_of(code, i) in text.replace(" ", "") and recovery.group_of(code, i) in page
    for source in (text, html_text):
        left = [w for w in RECOVERY_ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", source)]
        assert left == [], "English left on the Spanish recovery sheet"


# --- the disclosure review -----------------------------------------------------------------------------------------

DISCLOSURE_ENGLISH = (
    "Disclosure review", "prepared on", "Statements, interview notes", "Date", "What was said", "Source record",
    "Statement", "Interview note", "Benefit given", "Possible benefit", "Interview on", "Note on", "Written by",
    "not signed yet", "Given by", "Benefit record", "Filed in", "Record-relief petition", "The prosecution",
    "Page", "deleted on", "statements", "and 1 possible", "prosecution team file", "Nov", "Jan",
)  # fmt: skip


@pytest.fixture
def prosecution(tmp_path: Path) -> Iterator[Any]:
    """A prosecution team's vault (the disclosure review is theirs alone)."""
    from app.core.workspace import Workspace
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault
    from tests.unit.test_disclosure_review import PASSPHRASE

    unlocked, _ = Vault(tmp_path / "vault").create(PASSPHRASE, kdf_params=KdfParams.floor(), regime="prosecution")
    yield Workspace(unlocked)
    unlocked.lock()


def test_the_disclosure_review_in_spanish(spanish: None, prosecution: Any) -> None:
    from app.core.disclosure_review import gather_review
    from app.reports.disclosure_review import disclosure_review_pdf, suggested_file_name
    from tests.unit.test_disclosure_review import fill

    ids = fill(prosecution)
    review = gather_review(prosecution, ids["pid"], today=dt.date(2026, 3, 2))
    assert review.summary() == (
        "2 declaraciones, 1 nota de entrevista, 1 nota de otro tipo, 2 beneficios dados y 1 posible beneficio"
    )
    text = _text(disclosure_review_pdf(review))
    for words in (
        "Revisión para la defensa",
        "preparada el 2 mar 2026",
        "Fecha",
        "Lo que se dijo, escribió o dio",
        "Registro de origen",
        "Declaración",
        "Entrevista del 3 nov 2025",
        "Nota sobre la entrevista del 12 ene 2026",
        "Escrita por usted, todavía sin firmar",
        "Certificación de inmigración: Law enforcement certification signed for a T visa application.",
        "Dado por Example County Prosecutor",
        "La fiscalía dio su consentimiento a una petición de anulación (vacatur).",
        "Presentada en Example County Court",
        "borrado el",
        "archivo del equipo de la fiscalía",
        "Página 1",
    ):
        assert words in text, words
    left = [w for w in DISCLOSURE_ENGLISH if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text)]
    assert left == [], "English left in the Spanish disclosure review"
    assert re.search(r"Registro [0-9a-f]{8}", text) and not re.search(r"Record [0-9a-f]{8}", text)
    assert suggested_file_name(review) == "revision-para-la-defensa-2026-03-02.pdf"
    nobody = gather_review(prosecution, prosecution.records.create("person", {"preferred_name": "Alex Ejemplo"}).id)
    assert "No hay declaraciones, notas de entrevista ni beneficios registrados para esta persona." in _text(
        disclosure_review_pdf(nobody)
    )


def test_the_reports_render_in_the_pseudo_locale() -> None:
    """The pseudo-locale accents every catalogue string but keeps its placeholders, the dates' %(day)02d too."""
    from app.reports.recovery_sheet import recovery_sheet_pdf
    from app.reports.session_pdf import session_pdf
    from app.storage import recovery
    from tests.unit.test_session_pdf import SCREENING

    i18n.set_language(i18n.PSEUDO)
    try:
        report, series = _reports()
        text = _text(quarterly_pdf(report, series))
        assert "Šúɱɱáŕý" in text, "the headings went through the catalogue"
        assert "Outcome measures" not in text
        assert dates.long_date(dt.date(2026, 6, 1)).startswith("[01 Ĵúñé 2026")
        assert "Ŕéšúĺţ" in _text(session_pdf(SCREENING))
        assert "Ĝŕóúþ 1" in _text(recovery_sheet_pdf(recovery.generate()[0], created=dt.date(2026, 11, 24)))
    finally:
        i18n.set_language(i18n.DEFAULT)
