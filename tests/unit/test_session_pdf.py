"""The PDF of a finished interview or screening, parsed back with pypdf: answers, notes, markings, result, password.

All names and answers here are fictional.
"""

from __future__ import annotations

import dataclasses
import io
import re
from datetime import date
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.errors import FileNotDecryptedError
from reportlab.lib.pagesizes import letter
from reportlab.pdfbase.pdfmetrics import stringWidth

from app.errors import ValidationError
from app.reports.session_pdf import (
    MARGIN,
    METADATA_TITLE,
    NOT_A_DETERMINATION,
    AnswerLine,
    DomainSummary,
    SectionBlock,
    SessionReport,
    session_pdf,
)
from tests.unit.test_language import _offences

MADE = date(2026, 11, 24)
PASSWORD = "quiet river lantern"

CHECKLIST = SessionReport(
    kind="checklist",
    title="Interview checklist: before, during and after",
    template_id="interview-checklist",
    template_version="1",
    regime="prosecution",
    person_name="Rosa Quill",
    occurred_on=date(2026, 6, 3),
    status="Partial",
    recorded_by="Dana Fairweather",
    sections=(
        SectionBlock(
            "Before the interview",
            (
                AnswerLine("As few people as possible will be in the room.", "Done", "Two people: the lead and Ana."),
                AnswerLine("One person is named as the only note-taker.", "Not done"),
                AnswerLine("If an interpreter is needed, they are qualified and neutral.", "Not applicable"),
            ),
        ),
        SectionBlock(
            "After the interview",
            (
                AnswerLine("Do you feel in danger right now?", "Declined to answer", "Wants to talk about it later."),
                AnswerLine("Is the phone safe for a call or a message?", "No", "Call the cousin's number instead."),
                AnswerLine("Consent to share with the housing programme", "Declined"),
                AnswerLine("Safe way to reach the person next", "Through the cousin,\nweekday mornings only."),
                AnswerLine("Referrals offered", ""),
            ),
        ),
        SectionBlock("Notes for next time", ()),
    ),
    source_note="Written for Offramp in its own words, from published interviewing guidance.",
    generated_on=MADE,
)

SCREENING = SessionReport(
    kind="screening",
    title="Example indicator screening",
    template_id="example-indicator-screening",
    template_version="2",
    regime="advocacy",
    person_name="Mira Okonjo-Lind",
    occurred_on=date(2026, 7, 14),
    status="Stopped at the person's request",
    recorded_by="Sam Ibarra",
    sections=(
        SectionBlock(
            "Work and where you live",
            (
                AnswerLine("Have you done work that felt unsafe?", "Yes", "Long shifts at the bakery, no breaks."),
                AnswerLine("Does the person you work for decide where you sleep?", "No"),
            ),
        ),
        SectionBlock(
            "Money",
            (
                AnswerLine("Has anyone said you owe them money you must work off?", "Declined to answer"),
                AnswerLine("Have you been paid less than you were promised?", "Unsure"),
                AnswerLine("Does someone else keep the money you earn?", "Not asked"),
            ),
        ),
    ),
    domain_summaries=(
        DomainSummary("Work and living conditions", ("Have you done work that felt unsafe?",), 0, 0, 0),
        DomainSummary("Debt and control of money", (), 1, 1, 1),
    ),
    rule_note="Rule from the source: any “yes” suggests the next steps below.",
    next_steps=("Offer a fuller, private conversation when the person is ready.", "Offer services and legal advice."),
    assessment="Indicators present",
    assessment_reason="Unsafe work she felt she could not leave.",
    source_note="An example written for Offramp. It is not a validated instrument.",
    generated_on=MADE,
)


def plain(text: str) -> str:
    # pypdf reads the bullet glyph of reportlab's standard fonts back as DEL: it is a list marker, so it goes.
    return " ".join(text.replace("\x7f", " ").split())


def pages(pdf: bytes, password: str | None = None) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf))
    if password is not None:
        assert reader.decrypt(password)
    return [plain(page.extract_text()) for page in reader.pages]


def runs(pdf: bytes) -> list[tuple[str, str, float, float]]:
    """Every piece of text drawn: (text, font, x where it starts, font size), in page space."""
    found: list[tuple[str, str, float, float]] = []
    for page in PdfReader(io.BytesIO(pdf)).pages:

        def visit(text: str, cm: list[float], tm: list[float], font: dict | None, size: float) -> None:
            if text.strip() and font is not None:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                # The embedded fonts are subsets, named "ABCDEF+NotoSans-Regular": the name after the tag is the
                # one they are registered under.
                name = str(font.get("/BaseFont", "")).lstrip("/").split("+")[-1]
                found.append((text, name, x, size))

        page.extract_text(visitor_text=visit)
    return found


@pytest.fixture(scope="module")
def checklist_pdf() -> bytes:
    return session_pdf(CHECKLIST)


@pytest.fixture(scope="module")
def screening_pdf() -> bytes:
    return session_pdf(SCREENING)


# --- what the file holds -------------------------------------------------------------------------------------------


def test_the_checklist_holds_the_header_every_answer_and_every_note(checklist_pdf: bytes) -> None:
    text = " ".join(pages(checklist_pdf))
    assert text.startswith("Interview checklist Interview checklist: before, during and after")
    for label, value in [
        ("Person", "Rosa Quill"),
        ("Date of the session", "June 3, 2026"),
        ("Status", "Partial"),
        ("Recorded by", "Dana Fairweather"),
        ("Template", "Interview checklist: before, during and after, version 1"),
    ]:
        assert f"{label} {value}" in text
    expected = [
        "1. As few people as possible will be in the room. Answer: Done Note: Two people: the lead and Ana.",
        "2. One person is named as the only note-taker. Answer: Not done",
        "3. If an interpreter is needed, they are qualified and neutral. Answer: Not applicable",
        "4. Do you feel in danger right now? Answer: Declined to answer Note: Wants to talk about it later.",
        "5. Is the phone safe for a call or a message? Answer: No Note: Call the cousin's number instead.",
        "6. Consent to share with the housing programme Answer: Declined",
        # Free text keeps its line break and is not mistaken for a label.
        "7. Safe way to reach the person next Answer: Through the cousin, weekday mornings only.",
        "8. Referrals offered Answer: Not answered yet",
    ]
    positions = []
    for line in expected:
        assert line in text
        positions.append(text.index(line))
    assert positions == sorted(positions), "answers appear in the order they were asked"
    assert text.index("Before the interview") < positions[0] < text.index("After the interview") < positions[3]
    assert "Notes for next time Nothing was recorded in this section." in text
    assert "Written for Offramp in its own words, from published interviewing guidance." in text


def test_declined_is_labelled_as_declined_and_never_looks_like_no(checklist_pdf: bytes) -> None:
    fonts: dict[str, set[str]] = {}
    for text, font, _x, _size in runs(checklist_pdf):
        fonts.setdefault(text.strip(), set()).add(font)
    assert fonts["Declined to answer"] == {"NotoSans-BoldItalic"}
    assert fonts["Declined"] == {"NotoSans-BoldItalic"}
    assert fonts["No"] == {"NotoSans-Bold"}
    assert fonts["Done"] == {"NotoSans-Bold"}
    assert fonts["Not answered yet"] == {"NotoSans-Italic"}
    # The practitioner's own words read as text, not as a label.
    assert fonts["Answer: Through the cousin,"] == {"NotoSans-Regular"}


def test_every_page_is_marked_with_its_regime_template_and_date(checklist_pdf: bytes, screening_pdf: bytes) -> None:
    for pdf, regime, template, session in [
        (checklist_pdf, "Prosecution team record: not confidential.", "interview-checklist v1", "June 3, 2026"),
        (screening_pdf, "Advocacy record: confidential.", "example-indicator-screening v2", "July 14, 2026"),
    ]:
        texts = pages(pdf)
        assert len(texts) >= 2, "the markings are checked on more than one page"
        for number, text in enumerate(texts, start=1):
            assert regime in text
            assert f"Template {template} · Session of {session} · Made on November 24, 2026" in text
            assert f"Page {number} of {len(texts)}" in text
    assert "Advocacy" not in " ".join(pages(checklist_pdf))
    assert "Prosecution" not in " ".join(pages(screening_pdf))


def test_a_screening_shows_its_result_in_three_parts_before_the_answers(screening_pdf: bytes) -> None:
    text = " ".join(pages(screening_pdf))
    assert plain(NOT_A_DETERMINATION) in text
    summary = text.index("Indicators by domain")
    steps = text.index("Suggested next steps")
    assessment = text.index("Practitioner’s assessment")
    answers = text.index("Answers Work and where you live")
    assert text.index("A screening is not a determination") < summary < steps < assessment < answers
    assert (
        "Work and living conditions Answered “yes”: • Have you done work that felt unsafe? "
        "Unsure: 0 · Declined to answer: 0 · Not asked: 0" in text
    )
    assert (
        "Debt and control of money No question here was answered “yes”. "
        "Unsure: 1 · Declined to answer: 1 · Not asked: 1" in text
    )
    assert (
        # The bullets are in Noto Sans now, and read back as "•".
        "Rule from the source: any “yes” suggests the next steps below. "
        "• Offer a fuller, private conversation when the person is ready. • Offer services and legal advice." in text
    )
    assert "Indicators present Reason: Unsafe work she felt she could not leave." in text
    assert "Status Stopped at the person's request" in text
    for line in [
        "1. Have you done work that felt unsafe? Answer: Yes Note: Long shifts at the bakery, no breaks.",
        "2. Does the person you work for decide where you sleep? Answer: No",
        "3. Has anyone said you owe them money you must work off? Answer: Declined to answer",
        "4. Have you been paid less than you were promised? Answer: Unsure",
        "5. Does someone else keep the money you earn? Answer: Not asked",
    ]:
        assert line in text[answers:]


def test_a_screening_never_says_positive_negative_victim_or_a_score(screening_pdf: bytes) -> None:
    text = " ".join(pages(screening_pdf))
    assert _offences(text) == []
    for word in ("positive", "negative", "victim", "score", "points"):
        assert re.search(rf"\b{word}", text, re.IGNORECASE) is None, word
    assert not re.search(r"\b\d+\s*(/|of|out of)\s*\d+\b", text.replace("Page ", "Page_")), "no score like 3/12"


def test_a_screening_without_an_assessment_or_next_steps_says_so() -> None:
    bare = dataclasses.replace(
        SCREENING, domain_summaries=(), rule_note=None, next_steps=(), assessment=None, assessment_reason=None
    )
    text = " ".join(pages(session_pdf(bare)))
    assert "No domains were recorded for this screening." in text
    assert "The template suggests no next steps for these answers." in text
    assert "No assessment has been recorded yet." in text
    assert "Indicators present" not in text


def test_the_file_metadata_names_nobody(checklist_pdf: bytes, screening_pdf: bytes) -> None:
    for pdf, report in [(checklist_pdf, CHECKLIST), (screening_pdf, SCREENING)]:
        meta: dict[str, Any] = dict(PdfReader(io.BytesIO(pdf)).metadata or {})
        assert meta.get("/Title") == METADATA_TITLE
        assert meta.get("/Author") == "Offramp"
        values = " ".join(str(v) for v in meta.values())
        assert report.person_name not in values
        assert str(report.recorded_by) not in values
        assert report.title not in values
        # Made twice, the same bytes: no clock and no random id in the file.
        assert session_pdf(report) == pdf


# --- a password ------------------------------------------------------------------------------------------------------


def test_with_a_password_the_file_opens_only_with_it() -> None:
    locked = session_pdf(SCREENING, password=PASSWORD)
    reader = PdfReader(io.BytesIO(locked))
    assert reader.is_encrypted
    with pytest.raises(FileNotDecryptedError):
        reader.pages[0].extract_text()
    for secret in ("Mira Okonjo-Lind", "Long shifts at the bakery", "Declined to answer"):
        assert secret.encode() not in locked
    assert not PdfReader(io.BytesIO(locked)).decrypt("quiet river lanterns")

    text = " ".join(pages(locked, PASSWORD))
    assert "Person Mira Okonjo-Lind" in text
    assert "Answer: Yes Note: Long shifts at the bakery, no breaks." in text
    assert "Answer: Declined to answer" in text
    assert "Advocacy record: confidential." in text
    encrypt: Any = PdfReader(io.BytesIO(locked)).trailer["/Encrypt"].get_object()
    assert (encrypt["/V"], encrypt["/R"]) == (5, 6)  # AES-256


def test_a_short_password_makes_nothing_and_says_why() -> None:
    with pytest.raises(ValidationError) as caught:
        session_pdf(CHECKLIST, password="short")
    assert caught.value.field == "password"
    assert "at least 8 characters" in caught.value.message


# --- a long record ---------------------------------------------------------------------------------------------------

LONG_TOKEN = "https://example.org/" + "a-very-long-address-without-spaces-" * 6 + "end"


def _long_report() -> SessionReport:
    lines = tuple(
        AnswerLine(
            f"Question {n}: " + "a long question that wraps over more than one line on the page, " * 2 + f"Q{n}END",
            ("Yes", "No", "Declined to answer", "Unsure")[n % 4],
            f"Note {n}: "
            + "what the person chose to say, written down with care and in their words. " * 6
            + (LONG_TOKEN if n == 30 else f"N{n}END"),
        )
        for n in range(1, 61)
    )
    return dataclasses.replace(
        CHECKLIST,
        title="A long checklist " * 8,
        person_name="Jo Testperson " * 12,
        sections=(SectionBlock("First half", lines[:30]), SectionBlock("Second half", lines[30:])),
    )


def test_a_long_record_flows_over_pages_and_nothing_is_cut_off() -> None:
    pdf = session_pdf(_long_report())
    texts = pages(pdf)
    assert len(texts) >= 5
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Template interview-checklist v1" in text
        assert "Prosecution team record" in text
    for text in texts:
        body = text[: text.rindex("Prosecution team record")].rstrip()
        assert not body.endswith(("First half", "Second half")), "a section's title never ends a page"
    assert "Second half 31. Question 31:" in " ".join(texts)
    whole = " ".join(texts)
    for n in range(1, 61):
        assert f"{n}. Question {n}:" in whole
        assert f"Q{n}END" in whole
        if n != 30:
            assert f"N{n}END" in whole
    # A word longer than the line is broken, never run off the edge of the page.
    assert LONG_TOKEN in "".join(whole.split())
    right_edge = letter[0] - MARGIN
    for text, font, x, size in runs(pdf):
        assert x >= MARGIN - 0.5, text
        assert x + stringWidth(text.rstrip(), font, size) <= right_edge + 0.5, text


HEADINGS = ("Result", "Indicators by domain", "Suggested next steps", "Practitioner’s assessment", "Answers", "Money")


def test_a_heading_never_ends_a_page() -> None:
    # A domain title of more and more words pushes every later heading down, line by line, so that each of them
    # meets the foot of page 1 somewhere in this range.
    for words in range(140, 240, 7):
        summaries = (DomainSummary("Domain " + "long " * words, ("Have you done work that felt unsafe?",), 1, 0, 1),)
        texts = pages(session_pdf(dataclasses.replace(SCREENING, domain_summaries=summaries)))
        for text in texts:
            body = text[: text.rindex("Advocacy record: confidential.")].rstrip()
            assert not body.endswith(HEADINGS), (words, body[-80:])


def test_a_screening_with_no_answers_says_so() -> None:
    text = " ".join(pages(session_pdf(dataclasses.replace(SCREENING, sections=()))))
    assert "Answers No answers were recorded." in text


# --- what cannot be printed ------------------------------------------------------------------------------------------


def test_a_report_that_cannot_be_printed_is_turned_back_with_a_plain_reason() -> None:
    with pytest.raises(ValidationError) as caught:
        session_pdf(dataclasses.replace(CHECKLIST, kind="intake"))
    assert caught.value.field == "kind"
    with pytest.raises(ValidationError) as caught:
        session_pdf(dataclasses.replace(CHECKLIST, regime="shared"))
    assert caught.value.field == "regime"
    fields = {f.name: f for f in dataclasses.fields(SessionReport)}
    assert fields["generated_on"].kw_only
    assert fields["generated_on"].default is dataclasses.MISSING, "the date made is required"
