"""``python -m installer.build``: build the desktop bundle with PyInstaller and pack it as a versioned archive.

    dist/offramp/                                  the one-folder bundle (offramp, offramp-cli, _internal/)
    dist/offramp-<version>-<os>-<arch>.tar.gz      that folder as offramp-<version>/, for handing out

Prints the unpacked size against the 160 MB target. ``--no-archive`` builds only; ``--skip-build`` packs the
bundle already in dist/. Run on the platform you build for (PyInstaller does not cross-compile).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import subprocess
import sys
import tarfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "offramp.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "installer"
BUNDLE = DIST / "offramp"
#: The unpacked bundle's ceiling. 175 MB since the PDFs embed Noto fonts for every script a name may be written in
#: (6.2 MB, xz-compressed) and HarfBuzz shapes them (4.6 MB): issue 19 set this ceiling for exactly that.
TARGET_MB = 175.0


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if found is None:
        raise RuntimeError("app/__init__.py has no __version__")
    return found.group(1)


def platform_tag() -> str:
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower()
    machine = {"amd64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    return f"{system}-{machine}"


def archive_path() -> Path:
    return DIST / f"offramp-{version()}-{platform_tag()}.tar.gz"


def executable(name: str, bundle: Path = BUNDLE) -> Path:
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def unpacked_bytes(folder: Path) -> int:
    """The bundle's size on disk once unpacked: every regular file once (symbolic links count as nothing)."""
    total = 0
    for dirpath, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(dirpath) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def mb(size: int) -> float:
    return size / 1_000_000


def build(*, clean: bool = False) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        command.insert(3, "--clean")
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True)
    link_cli()
    return time.perf_counter() - started


def link_cli(bundle: Path = BUNDLE) -> None:
    """Linux: ``offramp-cli`` is a relative symbolic link to ``offramp`` (the program dispatches on its name)."""
    if sys.platform in ("win32", "darwin"):
        return  # the spec builds offramp-cli as its own console program there
    link = bundle / "offramp-cli"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to("offramp")


def pack(bundle: Path = BUNDLE) -> Path:
    """The bundle as ``offramp-<version>/`` in a gzip tar; permissions kept, owners and times made neutral."""
    out = archive_path()
    top = f"offramp-{version()}"

    def neutral(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        return info

    tmp = out.with_name(out.name + ".partial")
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=top, filter=neutral)
    tmp.replace(out)
    return out


def size_line(bundle: Path = BUNDLE) -> str:
    size = mb(unpacked_bytes(bundle))
    verdict = "within" if size <= TARGET_MB else "OVER"
    return f"Bundle unpacked: {size:.1f} MB ({verdict} the {TARGET_MB:.0f} MB target)"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m installer.build", description=__doc__)
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache (slower)")
    parser.add_argument("--no-archive", action="store_true", help="build the folder only")
    parser.add_argument("--skip-build", action="store_true", help="pack the bundle already in dist/")
    args = parser.parse_args(argv)

    if not args.skip_build:
        took = build(clean=args.clean)
        print(f"Built {BUNDLE.relative_to(ROOT)} in {took:.0f} s")
    elif not executable("offramp").is_file():
        print("There is no bundle in dist/offramp to pack; build it first.", file=sys.stderr)
        return 1
    print(size_line())
    if not args.no_archive:
        out = pack()
        print(f"Archive: {out.relative_to(ROOT)} ({mb(out.stat().st_size):.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
