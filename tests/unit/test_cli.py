"""The ``offramp`` command as IT staff and scripts run it: real processes, no stdin, exit codes and one sentence."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import TEST_PASSPHRASE, snapshot_files

NEW_PASSPHRASE = "the new long passphrase"


def offramp(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFRAMP_DEBUG")}
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
        env=env,
        check=False,
    )


def _secret(tmp_path: Path, name: str, value: str) -> str:
    path = tmp_path / name
    path.write_text(value + "\n")
    path.chmod(0o600)
    return str(path)


def _refused_cleanly(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.fixture
def cli_vault(tmp_path: Path) -> tuple[Path, str, str]:
    data = tmp_path / "data"
    pw = _secret(tmp_path, "pw", TEST_PASSPHRASE)
    result = offramp("vault", "create", "--data-dir", str(data), "--passphrase-file", pw, "--fast-kdf")
    assert result.returncode == 0, result.stderr
    code = re.search(r"([0-9A-Z]{5}(?:-[0-9A-Z]{5}){7})", result.stdout)
    assert code, result.stdout
    assert "shown only this once" in result.stdout
    return data, pw, code.group(1)


def test_create_check_and_unlock_check(cli_vault: tuple[Path, str, str], tmp_path: Path) -> None:
    data, pw, _code = cli_vault
    ok = offramp("vault", "unlock-check", "--data-dir", str(data), "--passphrase-file", pw)
    assert ok.returncode == 0 and "opens this vault" in ok.stdout
    assert offramp("vault", "check", "--data-dir", str(data), "--passphrase-file", pw).returncode == 0
    again = offramp("vault", "create", "--data-dir", str(data), "--passphrase-file", pw, "--fast-kdf")
    assert "already a vault" in _refused_cleanly(again)


def test_four_failures_four_sentences_and_nothing_touched(tmp_path: Path) -> None:
    messages = {}
    for name in ("wrong", "keyfile", "truncated", "flipped"):
        data = tmp_path / name
        pw = _secret(tmp_path, "pw", TEST_PASSPHRASE)
        assert (
            offramp("vault", "create", "--data-dir", str(data), "--passphrase-file", pw, "--fast-kdf").returncode == 0
        )
        assert (
            offramp("demo", "--data-dir", str(data), "--passphrase-file", pw, "--persons", "150", "--quiet").returncode
            == 0
        )
        db, key = data / "vault.db", data / "vault.key"
        if name == "wrong":
            pw = _secret(tmp_path, "wrong-pw", "not the right passphrase")
        elif name == "keyfile":
            text = key.read_text()
            key.write_text(text.replace('"ct": "', '"ct": "AAAA', 1))
        elif name == "truncated":
            with open(db, "r+b") as fh:
                fh.truncate(db.stat().st_size // 2)
        else:
            size = db.stat().st_size
            with open(db, "r+b") as fh:
                fh.seek(size // 2 + 77)
                b = fh.read(1)
                fh.seek(size // 2 + 77)
                fh.write(bytes([b[0] ^ 0x10]))
        before = snapshot_files(data)
        messages[name] = _refused_cleanly(
            offramp("vault", "unlock-check", "--data-dir", str(data), "--passphrase-file", pw)
        )
        assert snapshot_files(data) == before, f"{name}: files changed"
    assert len(set(messages.values())) == 4, messages


def test_change_passphrase_then_recover(cli_vault: tuple[Path, str, str], tmp_path: Path) -> None:
    data, pw, code = cli_vault
    new_pw = _secret(tmp_path, "new-pw", NEW_PASSPHRASE)
    db_before = (data / "vault.db").read_bytes()
    changed = offramp(
        "vault",
        "change-passphrase",
        "--data-dir",
        str(data),
        "--passphrase-file",
        pw,
        "--new-passphrase-file",
        new_pw,
        "--fast-kdf",
    )
    assert changed.returncode == 0, changed.stderr
    # Re-wrapped, not re-keyed: only the pages the audit entry touched differ, not every page.
    db_after = (data / "vault.db").read_bytes()
    pages = [(db_before[i : i + 4096], db_after[i : i + 4096]) for i in range(0, len(db_before), 4096)]
    assert sum(a != b for a, b in pages) <= max(4, len(pages) // 10)
    assert "does not open" in _refused_cleanly(
        offramp("vault", "unlock-check", "--data-dir", str(data), "--passphrase-file", pw)
    )
    assert offramp("vault", "unlock-check", "--data-dir", str(data), "--passphrase-file", new_pw).returncode == 0

    code_file = _secret(tmp_path, "code", code.lower())
    third = _secret(tmp_path, "third-pw", "a third long passphrase")
    recovered = offramp(
        "vault",
        "recover",
        "--data-dir",
        str(data),
        "--recovery-code-file",
        code_file,
        "--new-passphrase-file",
        third,
        "--fast-kdf",
    )
    assert recovered.returncode == 0, recovered.stderr
    assert offramp("vault", "unlock-check", "--data-dir", str(data), "--passphrase-file", third).returncode == 0
    bad_code = _secret(tmp_path, "bad-code", "ABCDE-FGHJK")
    assert "8 groups" in _refused_cleanly(
        offramp(
            "vault",
            "recover",
            "--data-dir",
            str(data),
            "--recovery-code-file",
            bad_code,
            "--new-passphrase-file",
            third,
        )
    )


def test_backup_to_a_stick_and_restore(cli_vault: tuple[Path, str, str], tmp_path: Path) -> None:
    data, pw, code = cli_vault
    stick = tmp_path / "usb"
    stick.mkdir()
    made = offramp("vault", "backup", "--data-dir", str(data), "--passphrase-file", pw, "--to", str(stick))
    assert made.returncode == 0, made.stderr
    (archive,) = stick.iterdir()
    fresh = tmp_path / "other-laptop"
    restored = offramp("vault", "restore", str(archive), "--data-dir", str(fresh), "--passphrase-file", pw)
    assert restored.returncode == 0, restored.stderr
    assert offramp("vault", "unlock-check", "--data-dir", str(fresh), "--passphrase-file", pw).returncode == 0
    again = offramp(
        "vault",
        "restore",
        str(archive),
        "--data-dir",
        str(fresh),
        "--recovery-code-file",
        _secret(tmp_path, "code", code),
    )
    assert again.returncode == 0 and "kept in" in again.stdout
    missing = offramp(
        "vault", "backup", "--data-dir", str(data), "--passphrase-file", pw, "--to", str(tmp_path / "nope")
    )
    assert "does not exist" in _refused_cleanly(missing)


def test_usage_errors_exit_2_and_no_prompt_without_a_terminal(tmp_path: Path) -> None:
    assert offramp("vault").returncode == 2
    assert offramp("vault", "frobnicate").returncode == 2
    no_stdin = offramp("vault", "unlock-check", "--data-dir", str(tmp_path))
    assert no_stdin.returncode == 2 and "Passphrase is needed" in no_stdin.stderr
    empty = tmp_path / "empty"
    empty.write_text("")
    assert "is empty" in _refused_cleanly(
        offramp("vault", "unlock-check", "--data-dir", str(tmp_path), "--passphrase-file", str(empty))
    )
    nothing = offramp(
        "vault",
        "unlock-check",
        "--data-dir",
        str(tmp_path / "x"),
        "--passphrase-file",
        _secret(tmp_path, "p", TEST_PASSPHRASE),
    )
    assert "no Offramp vault" in _refused_cleanly(nothing)


def test_vault_in_use_by_another_process(cli_vault: tuple[Path, str, str]) -> None:
    from app.storage.vault import Vault

    data, pw, _ = cli_vault
    holder = Vault(data).unlock(TEST_PASSPHRASE)
    try:
        assert "already open" in _refused_cleanly(
            offramp("vault", "unlock-check", "--data-dir", str(data), "--passphrase-file", pw)
        )
    finally:
        holder.lock()


def test_demo_is_deterministic_and_fictional(tmp_path: Path) -> None:
    pw = _secret(tmp_path, "pw", TEST_PASSPHRASE)
    outs = []
    for name in ("one", "two"):
        result = offramp(
            "demo",
            "--persons",
            "120",
            "--seed",
            "7",
            "--data-dir",
            str(tmp_path / name),
            "--passphrase-file",
            pw,
            "--fast-kdf",
            "--quiet",
        )
        assert result.returncode == 0, result.stderr
        assert "fictional" in result.stdout
        outs.append(re.sub(r"Recovery code: \S+", "", result.stdout).replace(str(tmp_path / name), ""))
    assert outs[0] == outs[1]
