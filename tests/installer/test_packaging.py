"""The packaging files, checked without building: what the desktop bundle leaves out (and must keep), the macOS
plists, the Windows script's references, and the ``offramp-cli`` name dispatch of the bundle's entry point."""

from __future__ import annotations

import importlib.util
import plistlib
import re
import sys
from pathlib import Path

import pytest

import app
from installer import build
from installer.bundle_filter import DROP, EXCLUDED_MODULES, REQUIRED, SYSTEM_LIBRARIES, dropped, keep

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"


@pytest.mark.parametrize(
    "path",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/platforms/libqwayland-egl.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libQt6WaylandClient.so.6",  # PyInstaller's top-level link to it
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "libgtk-3.so.0",
        "libcairo.so.2",
        "psycopg_binary/_psycopg.cpython-311-x86_64-linux-gnu.so",
        "psycopg_binary.libs/libpq-abcdef12.so.5.16",
        "libstdc++.so.6",
        "libcups.so.2",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libavif-c6062d5f.so.16.4.2",
        "libavif-c6062d5f.so.16.4.2",
    ],
)
def test_what_section_7_measured_is_left_out_on_linux(path: str) -> None:
    assert dropped(path, "linux")


@pytest.mark.parametrize(
    "path",
    [
        *REQUIRED["linux"],
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # typing accents
        "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so",
        "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",  # reportlab imports Pillow's core
        "pillow.libs/libxcb-9065bb12.so.1.1.0",  # Pillow's own copy, not the system's libxcb-*
        "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
        "libssl.so.3",  # Python's own ssl and hashlib: bundled, the target may have another OpenSSL
        "libcrypto.so.3",
        "libffi.so.8",
        "libpython3.11.so.1.0",
        "app/content/bundled/interview-checklist.toml",
        "app/storage/migrations/env.py",
    ],
)
def test_what_the_app_needs_is_kept_on_linux(path: str) -> None:
    assert not dropped(path, "linux")


def test_windows_and_macos_keep_their_platforms_and_drop_the_server() -> None:
    for platform in ("win32", "darwin"):
        assert not any(dropped(path, platform) for path in REQUIRED[platform])
        assert dropped("psycopg_binary/_psycopg.pyd", platform)
        assert not SYSTEM_LIBRARIES[platform]
    assert keep([("a/b.so", "src", "BINARY"), ("psycopg/x.so", "src", "BINARY")], "win32") == [
        ("a/b.so", "src", "BINARY")
    ]
    # Backslashes (Windows paths) are read as folders.
    assert dropped("PySide6\\Qt\\plugins\\qmltooling\\qmldbg_debugger.dll", "win32")


def test_the_server_and_dev_tools_are_kept_out_of_the_analysis() -> None:
    for name in ("app.server", "fastapi", "uvicorn", "starlette", "psycopg", "pytest", "PyInstaller"):
        assert name in EXCLUDED_MODULES
    # The desktop's sync client speaks httpx: it must never be excluded wholesale.
    assert "httpx" not in EXCLUDED_MODULES
    assert all(not p.startswith(("app/", "/")) for patterns in DROP.values() for p in patterns)


def test_the_spec_bundles_every_content_file_and_migration() -> None:
    spec = (INSTALLER / "offramp.spec").read_text(encoding="utf-8")
    compile(spec, "offramp.spec", "exec")
    assert 'files("app/content/bundled", "*.toml")' in spec
    assert 'files("app/storage/migrations", "*.py", "*.mako")' in spec
    assert "app/server/migrations" not in spec.split("datas =")[1].split("\n")[0]
    # The filters run on both tables of every analysis, and a bundle without its platform plugin stops the build.
    assert "a.binaries = keep(a.binaries, PLATFORM)" in spec and "a.datas = keep(a.datas, PLATFORM)" in spec
    assert "raise SystemExit" in spec


def test_the_archive_is_named_by_version_and_platform() -> None:
    name = build.archive_path().name
    assert name == f"offramp-{app.__version__}-{build.platform_tag()}.tar.gz"
    assert re.fullmatch(r"(linux|windows|macos)-[a-z0-9_]+", build.platform_tag())


def test_unpacked_size_counts_files_once_and_links_as_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").write_bytes(b"x" * 1000)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b").write_bytes(b"y" * 500)
    (tmp_path / "link").symlink_to("a")
    assert build.unpacked_bytes(tmp_path) == 1500


def test_the_macos_plists_parse_and_match_the_spec() -> None:
    with open(INSTALLER / "macos" / "Info.plist", "rb") as fh:
        info = plistlib.load(fh)
    with open(INSTALLER / "macos" / "entitlements.plist", "rb") as fh:
        entitlements = plistlib.load(fh)
    assert info["CFBundleExecutable"] == "offramp"  # DESKTOP_NAME on darwin in offramp.spec
    assert info["CFBundleIdentifier"] == "org.offramp.desktop"
    assert info["NSHighResolutionCapable"] is True
    # The hardened runtime's exceptions stay minimal: nothing that would let code be injected or debugged.
    assert set(entitlements) == {"com.apple.security.cs.allow-unsigned-executable-memory"}


def test_the_inno_setup_script_installs_the_bundle_per_user_and_never_deletes_data() -> None:
    iss = (INSTALLER / "windows" / "offramp.iss").read_text(encoding="utf-8")
    assert 'Source: "..\\..\\dist\\offramp\\*"' in iss
    assert "PrivilegesRequired=lowest" in iss
    assert 'AppExe "Offramp.exe"' in iss  # DESKTOP_NAME on win32 in offramp.spec
    uninstall = iss.split("[UninstallDelete]")[1]
    assert "{app}\\_internal" in uninstall and "{userappdata}" not in uninstall and "{localappdata}" not in uninstall


@pytest.mark.parametrize(("argv0", "expected"), [("offramp-cli", "cli"), ("/opt/offramp/offramp", "app")])
def test_the_entry_point_is_the_cli_when_called_offramp_cli(
    argv0: str, expected: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("offramp_entry", INSTALLER / "entry_desktop.py")
    assert spec is not None and spec.loader is not None
    entry = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(entry)
    monkeypatch.setattr(sys, "argv", [argv0, "--help"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    usage = capsys.readouterr().out
    assert usage.startswith("usage: offramp " if expected == "cli" else "usage: offramp-app ")


# --- what each install brings (pyproject.toml) ----------------------------------------------------------------


def _project() -> dict:  # type: ignore[type-arg]
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _requirements(extra: str | None) -> set[str]:
    """The distribution names an install of ``offramp`` (or ``offramp[extra]``) asks for, extras followed."""
    project = _project()["project"]
    extras = project["optional-dependencies"]
    names: set[str] = set()
    todo = list(project["dependencies"]) + (list(extras[extra]) if extra else [])
    while todo:
        spec = todo.pop()
        name = re.split(r"[\[<>=!~; ]", spec, maxsplit=1)[0].lower()
        if name == "offramp":
            inner = re.search(r"\[([^\]]+)\]", spec)
            for each in (inner.group(1).split(",") if inner else []):
                todo.extend(extras[each.strip()])
            continue
        names.add(name)
    return names


def test_the_client_install_has_no_qt_and_no_server_packages_but_can_sync() -> None:
    base = _requirements(None)
    assert not {n for n in base if n.startswith("pyside6") or n.startswith("shiboken6")}
    assert not base & {"fastapi", "uvicorn", "psycopg", "starlette"}
    assert "httpx" in base  # enrol and sync talk to the office with it


def test_the_server_install_has_no_qt() -> None:
    server = _requirements("server")
    assert {"fastapi", "uvicorn", "psycopg"} <= server
    assert not {n for n in server if n.startswith("pyside6") or n.startswith("shiboken6")}


def test_the_desktop_and_dev_installs_bring_qt_and_dev_brings_the_server() -> None:
    assert any(n.startswith("pyside6") for n in _requirements("desktop"))
    dev = _requirements("dev")
    assert any(n.startswith("pyside6") for n in dev) and {"fastapi", "uvicorn", "psycopg", "pytest"} <= dev


def test_the_server_contract_covers_every_part_of_the_app_but_the_server_and_the_demo() -> None:
    """import-linter's forbidden contract names its sources one by one; a new module must not slip past it."""
    (contract,) = [
        c for c in _project()["tool"]["importlinter"]["contracts"] if c["forbidden_modules"] == ["app.server"]
    ]
    parts = {
        f"app.{p.stem if p.suffix == '.py' else p.name}"
        for p in (ROOT / "app").iterdir()
        if (p.suffix == ".py" or (p / "__init__.py").exists()) and p.name != "__init__.py"
    }
    allowed = {p for p in parts if p == "app.server" or p.removeprefix("app.").startswith("demo")}
    # Of the demo, only the office and what `make run` runs start a server: its fictional people are client code.
    assert set(contract["source_modules"]) == (parts - allowed) | {"app.demo.people"}


def test_the_lock_pins_every_dependency_with_hashes() -> None:
    """`make setup` installs requirements.lock with --require-hashes: it must hold everything pyproject.toml asks
    for (run `make lock` after changing the dependencies), each pinned to one version with its hashes."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+) \\$", text, flags=re.MULTILINE))
    normal = {re.sub(r"[-_.]+", "-", n) for n in pins}
    missing = {n for n in _requirements("dev") if re.sub(r"[-_.]+", "-", n) not in normal}
    assert not missing, f"run `make lock`: {sorted(missing)} are not in requirements.lock"
    entries = re.split(r"^(?=[a-z0-9])", text, flags=re.MULTILINE)
    unhashed = [e.split("==")[0] for e in entries if "==" in e and "--hash=sha256:" not in e]
    assert not unhashed


def test_the_system_packages_include_what_a_real_x11_window_needs() -> None:
    """Without libxcb-cursor0 and the rest, Qt's xcb plugin does not load and a desktop `make run` cannot open."""
    script = (ROOT / "scripts" / "install-system-deps.sh").read_text(encoding="utf-8")
    listed = set(re.search(r"^packages=\((.*?)^\)", script, flags=re.MULTILINE | re.DOTALL).group(1).split())  # type: ignore[union-attr]
    xcb = {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-render-util0",
           "libxcb-shape0", "libxcb-xkb1", "libxkbcommon-x11-0", "libx11-xcb1"}  # fmt: skip
    assert xcb <= listed
