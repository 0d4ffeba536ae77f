"""What an office hands its funder: the funder export from the command line, and a quarterly PDF a director can send
without edits (office name, fiscal quarters that cannot be misread, one label for every hidden count)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.models import Base
from app.reports.funder import FUNDER_COLUMNS
from app.reports.measures import compute, trend
from app.reports.periods import trailing_quarters
from app.reports.quarterly import quarterly_pdf, report_rows
from app.reports.suppression import NOT_SHOWN
from tests.unit.test_measures import AFTER, Q2, build


def _text(data: bytes) -> str:
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_the_quarterly_pdf_reads_right_to_a_funder() -> None:
    engine = sa.create_engine("sqlite://")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        build(s)
        s.commit()
        report = compute(s, Q2, as_of=AFTER)
        series = trend(s, trailing_quarters(Q2, 8), as_of=AFTER)
    text = _text(quarterly_pdf(report, series, office="Riverside Advocacy Office"))
    assert "Outcome measures: Riverside Advocacy Office" in text
    assert "FY2026 runs from 1 October 2025 to 30 September 2026, so Q1 is October to December" in text
    assert "FY26 Q2" in text or "FY26Q2" in text.replace(" ", "")  # chart labels carry the fiscal year
    assert "A hatched bar is a quarter whose number is not shown" in text
    assert NOT_SHOWN in text and "fewer than" not in text
    assert not re.search(r"not shown of \d", text) and "Provisional No" not in text  # was "fewer than 5 of 5"
    assert "Counted Out of Rate Status" in text
    # Screening tools by the name people know, never a bare internal id.
    tools = [r.item for r in report_rows(report) if r.measure == 1 and r.line.startswith("Screenings")]
    assert tools and all(t.startswith("The office's own tool") or t == "Total" for t in tools)


def test_the_funder_export_from_the_command_line(tmp_path: Path, capsys: Any) -> None:
    from app.cli import main

    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text("a long test passphrase for the funder report\n")
    common = ["--data-dir", str(data), "--passphrase-file", str(pw)]
    assert main(["demo", *common, "--persons", "300", "--fast-kdf", "--quiet"]) == 0
    out = tmp_path / "funder.csv"
    args = ["report", *common, "--period", "2025Q3", "--include-demo", "--format", "funder", "--out", str(out)]
    assert main(args) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    assert tuple(rows[0]) == FUNDER_COLUMNS
    sections = {r["section"] for r in rows}
    assert sections == {"People served (PMT: victims served)", "Services by VOCA category"}
    for r in rows:  # aggregates only: every cell a count, "not shown" or empty
        for value in (r["people"], r["service_events"]):
            assert value in ("", NOT_SHOWN) or value.replace(",", "").isdigit()
    assert main([*args[:-2], "--out", str(tmp_path / "again.csv"), "--threshold", "0"]) == 0  # still suppressed
