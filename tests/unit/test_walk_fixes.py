"""Issue 15, item 3, on a real SQLCipher vault: the fixes below the screens that a walk through the window found.

- a screening's result for an adult never reads "the person is under 18": the rule note names only the rules that
  applied to these answers and this person;
- product text is US English (the offices are in the US): no British spelling in what the app says.

Every person is fictional.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.workspace import Workspace

SCREENING = ("example-indicator-screening", "1")


def _screening_with_a_yes(ws: Workspace, **person: object) -> str:
    pid = ws.records.create("person", {"preferred_name": "Sam Fictional", **person}).id
    sid = ws.sessions.start(pid, "screening", *SCREENING, minor_prompt_acknowledged=True)
    ws.sessions.answer("screening", sid, "hurt", "yes")
    return sid


def test_an_adults_screening_result_never_says_the_person_is_under_18(workspace: Workspace) -> None:
    ws = workspace
    for person in ({"date_of_birth": dt.date(1990, 5, 1)}, {"age_group": "adult"}, {}):
        sid = _screening_with_a_yes(ws, **person)
        result = ws.sessions.result(ws.sessions.view("screening", sid), minor=False)
        assert "under 18" not in result.rule_note, person
        assert not any("under 18" in step for step in result.next_steps)
        assert "any “yes”" in result.rule_note


def test_a_minors_screening_result_says_why_the_child_advocacy_step_is_there(workspace: Workspace) -> None:
    ws = workspace
    sid = _screening_with_a_yes(ws, date_of_birth=dt.date.today().replace(year=dt.date.today().year - 15))
    view = ws.sessions.view("screening", sid)
    minor = ws.sessions.needs_minor_prompt(view.person_id)
    assert minor
    result = ws.sessions.result(view, minor=minor)
    assert "under 18" in result.rule_note
    assert any("child advocacy center" in step for step in result.next_steps)


def test_a_result_with_no_yes_says_no_rule_applied(workspace: Workspace) -> None:
    ws = workspace
    pid = ws.records.create("person", {"preferred_name": "Sam Fictional", "age_group": "adult"}).id
    sid = ws.sessions.start(pid, "screening", *SCREENING)
    ws.sessions.answer("screening", sid, "hurt", "no")
    result = ws.sessions.result(ws.sessions.view("screening", sid), minor=False)
    assert result.next_steps == ()
    assert "under 18" not in result.rule_note and "any “yes”" not in result.rule_note


def test_the_header_works_out_the_age_group_from_a_date_of_birth(workspace: Workspace) -> None:
    from app.core.timeline import person_header

    ws = workspace
    today = dt.date.today()
    adult = ws.records.create("person", {"preferred_name": "Ana Fictional", "date_of_birth": dt.date(1990, 5, 1)}).id
    young = ws.records.create(
        "person", {"preferred_name": "Teo Fictional", "date_of_birth": today.replace(year=today.year - 15, day=1)}
    ).id
    unknown = ws.records.create("person", {"preferred_name": "Ira Fictional"}).id
    assert person_header(ws, adult).age_group == "Adult"
    assert person_header(ws, young).age_group == "Under 18" and person_header(ws, young).minor
    assert person_header(ws, unknown).age_group == "Age not known"


def test_the_timeline_names_a_screening_by_its_title_and_version_in_words(workspace: Workspace) -> None:
    from app.core.timeline import person_timeline

    ws = workspace
    pid = ws.records.create("person", {"preferred_name": "Sam Fictional", "age_group": "adult"}).id
    ws.sessions.start(pid, "screening", *SCREENING)
    title = ws.templates.get(*SCREENING).title
    lines = [f"{e.title} {e.detail}" for e in person_timeline(ws, pid) if e.kind == "screening"]
    assert lines and all("example-indicator-screening" not in line for line in lines), lines
    assert any(f"{title}, version 1" in line for line in lines), lines


def _pdf_text(pdf: bytes) -> str:
    import io

    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_interview_pdf_says_who_recorded_it_and_names_the_template_in_words(workspace: Workspace) -> None:
    from app.reports.sessions import session_pdf_bytes

    ws = workspace
    pid = ws.records.create("person", {"preferred_name": "Sam Fictional", "age_group": "adult"}).id
    rid = ws.sessions.start(pid, "checklist", "interview-checklist", "1")
    text = _pdf_text(session_pdf_bytes(ws, "checklist_response", rid))
    assert "Recorded by Not recorded" not in text
    assert "Recorded by The user of this vault, on this computer" in text
    title = ws.templates.get("interview-checklist", "1").title
    assert f"Template {title}, version 1" in text

    # Once this user has given their name (on an identification decision), the file says it.
    ws.sessions.decide(pid, status="unclear", reason="Too early to say.", decided_by_name="A. Advocate")
    text = _pdf_text(session_pdf_bytes(ws, "checklist_response", rid))
    assert "Recorded by A. Advocate, on this computer" in text


# --- US spelling in product text --------------------------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]
#: British spellings a US office would stop at. Identifiers that stored data, files or commands depend on (a charge's
#: "offence" key, the "labour" trafficking type, the `offramp enrol` command, "enrolment_code_used") are not
#: product text: strings that look like identifiers and command names are left out of the scan.
BRITISH = re.compile(
    r"\b(labour\w*|defence\w*|behaviour\w*|organis(?:e|ed|es|ing|ation|ations)\b|centres?\b|colour\w*|favour\w*"
    r"|programmes?\b|licence\b|licences\b|offences?\b|judgement\w*|recognis\w*|realis(?:e|ed|es|ing)\b"
    r"|apologis\w*|prioritis\w*|summaris\w*|minimis\w*|authoris\w*|criticis\w*|analys(?:e|ed|es|ing)\b"
    r"|catalogue\w*|dialogue\w*|neighbour\w*|honour\w*|enrol\b|enrols\b|enrolment\w*|cancelled|cancelling"
    r"|travelled|travelling|labelled|labelling|modelled|counsell\w*|fulfil\b|instalment\w*|grey\b|practis\w*"
    r"|cheque\w*|acknowledgement\w*|specialis\w*|utilis\w*|normalis\w*|finalis\w*|memoris\w*|categoris\w*"
    r"|whilst|amongst|paediatric\w*|learnt|spelt)",
    re.IGNORECASE,
)
# A key, a stored value, a class name, a constant's name (as ``__all__`` lists it): not product text.
IDENTIFIER = re.compile(r"^(?:[a-z0-9_\-.:/]+|[A-Z][a-z]+[A-Z]\w*|[A-Z][A-Z0-9]*_[A-Z0-9_]*|[A-Z]{2,})$")
COMMAND = re.compile(r"\bofframp(?:-server)? enrol\b")


def _british(text: str) -> list[str]:
    if IDENTIFIER.match(text):
        return []
    return [m.group(0) for m in BRITISH.finditer(COMMAND.sub("", text))]


def _toml_strings(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _toml_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _toml_strings(item)
    elif isinstance(value, str):
        yield value


def test_product_text_is_in_us_english() -> None:
    from tests.unit.test_language import _strings

    found = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        for line, text in _strings(path):
            found += [f"{path.relative_to(ROOT)}:{line}: {word}" for word in _british(text)]
    bundled = sorted((ROOT / "app" / "content" / "bundled").rglob("*.toml"))
    assert bundled, "the bundled content is scanned"
    for path in bundled:
        for text in _toml_strings(tomllib.loads(path.read_text(encoding="utf-8"))):
            found += [f"{path.relative_to(ROOT)}: {word}" for word in _british(text)]
    assert found == []


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("Labour trafficking", True),
        ("a child advocacy centre", True),
        ("Enrol this computer", True),
        ("the enrolment sheet", True),
        ("Type these with 'offramp enrol':", False),
        ("labour", False),  # a stored value, not words
        ("Offence", True),  # a label
        ("EnrolmentCode", False),  # a class name
        ("enrolment_code_used", False),
        ("Labor trafficking, a child advocacy center; enroll", False),
    ],
)
def test_the_spelling_check_catches_british_words_and_leaves_identifiers(text: str, caught: bool) -> None:
    assert bool(_british(text)) is caught


def test_the_screening_measure_names_each_tool_by_its_title(workspace: Workspace) -> None:
    from app.demo.people import generate
    from app.reports.measures import Scope, compute_measure
    from app.reports.periods import quarter_of, trailing_quarters

    ws = workspace
    generate(ws, persons=40, seed=7)
    title = ws.templates.get(*SCREENING).title
    labels: list[str] = []
    with ws.session() as s:
        for period in trailing_quarters(quarter_of(dt.date.today()), 8):
            result = compute_measure(s, 1, period, scope=Scope(include_demo=True))
            labels += [part.label for b in result.breakdowns for part in b.parts]
    assert labels, "the demo has screenings in some quarter"
    assert "example-indicator-screening" not in labels
    assert title in labels
