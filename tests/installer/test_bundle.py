"""The frozen desktop bundle, built for real with PyInstaller and run from its unpacked archive.

Only when ``OFFRAMP_BUILD_BUNDLE=1`` (``.ci/run`` sets it; about a minute on two CPUs). The archive is unpacked
into an empty folder and run from there with a bare environment, outside the project, so nothing can come from the
source tree or the virtualenv: ``offramp --self-test`` (encrypted in-memory database, SQLCipher version, a window
rendered offscreen) and ``offramp-cli`` making and opening a vault (Argon2id, the vault's migrations loaded from
the bundle, bundled templates). Its unpacked size is printed and held to the 160 MB target.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import app
from installer import build
from installer.bundle_filter import SYSTEM_LIBRARIES

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("OFFRAMP_BUILD_BUNDLE") != "1",
        reason="builds the PyInstaller bundle (about a minute): set OFFRAMP_BUILD_BUNDLE=1 (.ci/run does)",
    ),
]

#: Libraries every Linux system has, which PyInstaller never bundles (glibc and the dynamic loader).
GLIBC = ("libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libutil.so", "ld-linux", "libresolv.so")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    took = build.build()
    archive = build.pack()
    unpacked = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(archive) as tar:
        tar.extractall(unpacked, filter="tar")
    folder = unpacked / f"offramp-{app.__version__}"
    size = build.unpacked_bytes(folder)
    print(
        f"\n[bundle] built in {took:.0f} s; {archive.name} {build.mb(archive.stat().st_size):.1f} MB; "
        f"{build.size_line(folder)}",
        file=sys.__stdout__,
        flush=True,
    )
    assert size <= build.TARGET_MB * 1_000_000
    yield folder


def _bare_env(tmp: Path) -> dict[str, str]:
    """What a person's session would have: no virtualenv, no PYTHONPATH, a fresh home and cache."""
    home = tmp / "home"
    home.mkdir(exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "XDG_CACHE_HOME": str(home / ".cache")}
    env["XDG_RUNTIME_DIR"] = str(home)
    return env


def test_the_bundle_passes_its_self_test_from_the_unpacked_archive(bundle: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(build.executable("offramp", bundle)), "--self-test"],
        cwd=tmp_path,
        env={**_bare_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert re.search(rf"Offramp {re.escape(app.__version__)} self-test passed: SQLCipher 4\.\d+", result.stdout)
    print(f"[bundle] {result.stdout.strip()}", file=sys.__stdout__, flush=True)


def test_the_bundled_command_makes_and_opens_a_vault(bundle: Path, tmp_path: Path) -> None:
    cli = bundle / "offramp-cli"
    assert cli.is_symlink() and os.readlink(cli) == "offramp"
    secret = tmp_path / "passphrase"
    secret.write_text("a fictional passphrase for the bundle test\n", encoding="utf-8")
    env = _bare_env(tmp_path)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(cli), *args], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)

    vault = tmp_path / "vault"
    made = run("vault", "create", "--data-dir", str(vault), "--passphrase-file", str(secret), "--fast-kdf")
    assert made.returncode == 0, made.stderr
    opened = run("vault", "unlock-check", "--data-dir", str(vault), "--passphrase-file", str(secret))
    assert opened.returncode == 0, opened.stderr
    listed = run("templates", "list", "--data-dir", str(vault), "--passphrase-file", str(secret))
    assert listed.returncode == 0, listed.stderr
    assert "interview-checklist" in listed.stdout  # bundled content, read through importlib.resources
    wrong = tmp_path / "wrong"
    wrong.write_text("not the passphrase\n", encoding="utf-8")
    refused = run("vault", "unlock-check", "--data-dir", str(vault), "--passphrase-file", str(wrong))
    assert refused.returncode == 1 and "Traceback" not in refused.stderr


def test_the_bundle_holds_no_server_code_and_no_broken_links(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    modules = list(CArchiveReader(str(build.executable("offramp", bundle))).open_embedded_archive("PYZ.pyz").toc)
    assert "app.ui.main_window" in modules and "app.storage.vault" in modules
    server = [m for m in modules if m.split(".")[0] in {"fastapi", "uvicorn", "starlette", "psycopg"}]
    assert not server and not [m for m in modules if m.startswith("app.server")]
    assert not [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("readelf") is None, reason="ELF and readelf only")
def test_every_library_the_bundle_needs_is_in_it_or_named_as_a_system_library(bundle: Path) -> None:
    """What the filters took out must be exactly what README.md tells people to have installed."""
    present = {p.name for p in bundle.rglob("*") if p.is_file() or p.is_symlink()}
    system = SYSTEM_LIBRARIES["linux"] + GLIBC
    missing: dict[str, set[str]] = {}
    for path in bundle.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        with open(path, "rb") as fh:
            if fh.read(4) != b"\x7fELF":
                continue
        dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, check=False).stdout
        for needed in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic):
            if needed not in present and not needed.startswith(system):
                missing.setdefault(needed, set()).add(str(path.relative_to(bundle)))
    assert not missing, f"needed but neither bundled nor a named system library: {missing}"
