"""``offramp-server report``: the office's measures from what the server holds, by team or compartment, as
aggregates with small cells suppressed; no person id or name leaves."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.models import Encounter, Person, uuid7
from app.server import admin, db
from app.server.records import store
from tests.server.conftest import run_cli


def _people(s: Session, team_id: str, n: int, prefix: str) -> list[str]:
    ids = []
    for i in range(n):
        pid = uuid7()
        common = {"owner_user_id": "u-" + team_id[:8], "team_id": team_id, "regime": "advocacy",
                  "visibility": "my_team", "privileged": True, "edited_hlc": f"0000000000001-{i:04d}-dev",
                  "edited_by": "u", "edited_device": "d"}  # fmt: skip
        store(s, Person(id=pid, person_id=pid, preferred_name=f"{prefix} {i}", **common), user_id="u", device_id="d",
              new=True)  # fmt: skip
        met = dt.datetime(2025, 11, 3, 15, tzinfo=dt.UTC)
        contact = Encounter(id=uuid7(), person_id=pid, occurred_at=met, kind="interview", status="complete", **common)
        store(s, contact, user_id="u", device_id="d", new=True)
        ids.append(pid)
    return ids


def _served(path: Path) -> str:
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    (row,) = [r for r in rows if r["measure"] == "6" and r["line"] == "Headline"]
    return row["value"]


def test_the_office_report_by_team_and_compartment(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(tmp_path / "server")
    run_cli("init", "--data-dir", str(home.root), "--office", "Fictional Office", "--host", "localhost",
            "--kit", str(tmp_path / "kit.pdf"), env=env)  # fmt: skip
    engine = db.make_engine(db.database_url(home.root))
    team_a = admin.add_team(engine, "Advocacy A", "advocacy").id
    team_b = admin.add_team(engine, "Advocacy B", "advocacy").id
    with Session(engine) as s, s.begin():
        ids = _people(s, team_a, 6, "Fictional A") + _people(s, team_b, 3, "Fictional B")
    engine.dispose()

    def report(name: str, *extra: str) -> Path:
        out = tmp_path / name
        run_cli("report", "--data-dir", str(home.root), "--period", "2026Q1", "--format", out.suffix[1:],
                "--out", str(out), *extra, env=env)  # fmt: skip
        return out

    office, a, b = (
        report("office.csv"),
        report("a.csv", "--team", "Advocacy A"),
        report("b.csv", "--team", "Advocacy B"),
    )
    assert (_served(office), _served(a)) == ("9", "6")
    assert _served(b) == "not shown"  # a small team's count is suppressed
    assert _served(report("advocacy.csv", "--compartment", "advocacy")) == "9"
    assert _served(report("prosecution.csv", "--compartment", "prosecution")) == "0"
    pdf = report("office.pdf")
    funder = report("funder.funder")
    for path in (office, a, b, pdf, funder):
        data = path.read_bytes()
        assert not any(pid.encode() in data for pid in ids)
        assert b"Fictional A" not in data and b"Fictional B" not in data
        assert (path.stat().st_mode & 0o777) == 0o600
    # The PDF names the office and says what its quarters are; the funder export is the PMT-shaped CSV.
    text = " ".join((page.extract_text() or "") for page in PdfReader(pdf).pages)
    assert "Outcome measures: Fictional Office" in " ".join(text.split())
    assert "Q1 is October to December" in " ".join(text.split())
    rows = list(csv.DictReader(io.StringIO(funder.read_bytes().decode("utf-8-sig"))))
    assert list(rows[0]) == ["period", "section", "item", "people", "service_events"]
    total = next(r for r in rows if r["section"].startswith("People served") and r["item"] == "Total")
    assert total["people"] == "9" == _served(office)
    # An unknown team is one plain sentence and exit 1; an existing file is never overwritten.
    wrong = run_cli("report", "--data-dir", str(home.root), "--period", "2026Q1", "--format", "csv",
                    "--out", str(tmp_path / "x.csv"), "--team", "Nobody", env=env, check=False)  # fmt: skip
    assert wrong.returncode == 1 and "no team called" in wrong.stderr
    again = run_cli("report", "--data-dir", str(home.root), "--period", "2026Q1", "--format", "csv",
                    "--out", str(office), env=env, check=False)  # fmt: skip
    assert again.returncode == 1 and "already exists" in again.stderr


def test_purge_tombstones_from_the_command_line_is_audited(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"OFFRAMP_DATABASE_URL", "OFFRAMP_SERVER_DIR"}}
    home = admin.ServerHome(tmp_path / "server")
    run_cli("init", "--data-dir", str(home.root), "--office", "Fictional Office", "--host", "localhost",
            "--kit", str(tmp_path / "kit.pdf"), env=env)  # fmt: skip
    done = run_cli("purge-tombstones", "--data-dir", str(home.root), env=env)
    assert "Forgot 0 deletion markers older than 18 months." in done.stdout
    events = run_cli("audit", "--data-dir", str(home.root), "--format", "jsonl", env=env).stdout
    assert '"tombstones_purged"' in events
