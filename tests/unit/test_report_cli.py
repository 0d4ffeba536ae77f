"""``offramp report --period P --format pdf|csv --out FILE``: the quarterly report as one file, aggregates only."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from app.cli import main


def test_offramp_report_writes_one_pdf_or_csv(tmp_path: Path, capsys: Any) -> None:
    data, pw = tmp_path / "data", tmp_path / "pw"
    pw.write_text("a long test passphrase\n")
    common = ["--data-dir", str(data), "--passphrase-file", str(pw)]
    assert main(["demo", *common, "--persons", "120", "--fast-kdf", "--quiet"]) == 0
    csv_out, pdf_out = tmp_path / "q.csv", tmp_path / "q.pdf"
    assert (
        main(["report", *common, "--period", "2025Q3", "--include-demo", "--format", "csv", "--out", str(csv_out)]) == 0
    )
    assert csv_out.read_bytes().decode("utf-8-sig").startswith("period,measure,title,line,item,value")
    assert not pdf_out.exists()
    assert main(["report", *common, "--period", "2025Q3", "--format", "pdf", "--out", str(pdf_out)]) == 0
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf_out.read_bytes())).pages)
    assert "People served" in text
    capsys.readouterr()
    # Called the wrong way: argparse's usage error, exit 2, and nothing written.
    with pytest.raises(SystemExit) as wrong:
        main(["report", *common, "--period", "2025Q3", "--format", "doc", "--out", str(tmp_path / "x.doc")])
    assert wrong.value.code == 2 and not (tmp_path / "x.doc").exists()
