"""What ``make run`` opens: Offramp on a demo vault of fictional people in ./demo-data.

The first run creates the vault (passphrase ``offramp demo``) and fills it; later runs just open it. Every person
in it is made up. Never point this at a real vault.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.core.workspace import Workspace
    from app.demo.office import DemoServer

DEMO_PASSPHRASE = "offramp demo"  # noqa: S105 - a published demo passphrase for fictional data
DEMO_DIR_NAME = "demo-data"
DEMO_PEOPLE = 500
DEMO_SEED = 1

NO_WINDOW = (
    "Offramp could not open a window on this screen: run 'sudo bash scripts/install-system-deps.sh' to add the "
    "system libraries it needs, then 'make run' again."
)

# Creating the application is where Qt gives up when its platform plugin cannot load (a missing libxcb-cursor0, no
# display): it aborts the whole interpreter, so no ``finally`` runs. Trying it in a throwaway process first lets the
# demo say one plain sentence instead, before it builds anything or starts its office server.
_PROBE = "import sys\nfrom app.ui.qt import QApplication\nQApplication(sys.argv[:1])\n"


def window_can_open() -> bool:
    import subprocess

    try:
        probe = subprocess.run([sys.executable, "-c", _PROBE], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return probe.returncode == 0


def demo_dir(cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / DEMO_DIR_NAME


def _fill(ws: Workspace) -> None:
    from app.demo.people import generate

    generate(ws, persons=DEMO_PEOPLE, seed=DEMO_SEED)


def ensure_demo_vault(data_dir: Path) -> bool:
    """Create and fill the demo vault unless one is there. True when it was created now."""
    from app.core.workspace import Workspace
    from app.storage.kdf import KdfParams
    from app.storage.vault import Vault

    vault = Vault(data_dir)
    if vault.exists():
        return False
    print(f"Creating a demo vault with fictional people in {data_dir} (a few seconds)...", flush=True)
    unlocked, _recovery_code = vault.create(DEMO_PASSPHRASE, kdf_params=KdfParams.floor())
    try:
        ws = Workspace(unlocked)
        ws.log_event("vault_created")
        _fill(ws)
    finally:
        unlocked.lock()
    return True


def main(argv: Sequence[str] | None = None) -> int:
    from app.errors import OfframpError

    args = list(sys.argv[1:] if argv is None else argv)
    second = "--second" in args  # make run-second: the second demo advocate, to see a conflict decided
    prosecutor = "--prosecutor" in args  # make run-prosecutor: the demo prosecutor's desk
    args = [a for a in args if a not in ("--second", "--prosecutor")]
    if not window_can_open():
        print(NO_WINDOW, file=sys.stderr)
        return 1
    data_dir = demo_dir()
    try:
        ensure_demo_vault(data_dir)
        if prosecutor:
            from app.demo.office import ensure_prosecutor_vault, prosecutor_dir

            if ensure_prosecutor_vault(prosecutor_dir(), DEMO_PASSPHRASE):
                print(f"Made the demo prosecutor's vault in {prosecutor_dir()}.", flush=True)
    except OfframpError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    server = _demo_office(data_dir, second=second, prosecutor=prosecutor)
    if second:
        data_dir = _second_dir()
    if prosecutor:
        from app.demo.office import prosecutor_dir

        data_dir = prosecutor_dir()
    print(
        f"Demo vault: the passphrase is '{DEMO_PASSPHRASE}'. Every person in it is fictional.",
        flush=True,
    )
    from app.ui.app import main as app_main

    try:
        return app_main(["--data-dir", str(data_dir), "--demo", *args])
    finally:
        if server is not None:
            server.stop()


def _second_dir() -> Path:
    from app.demo.office import second_dir

    return second_dir()


def _demo_office(first_dir: Path, *, second: bool, prosecutor: bool = False) -> DemoServer | None:
    """Start the demo office beside the demo vaults and enrol them (once). The app opens even if this fails."""
    from app.demo import office as demo_office
    from app.errors import OfframpError

    root = demo_office.office_dir()
    try:
        demo_office.ensure(root)
        demo_office.ensure_second_vault(_second_dir(), DEMO_PASSPHRASE)
        server = demo_office.start(root)
    except (OfframpError, OSError) as exc:
        print(f"The demo office could not start, so Sync now will not connect: {exc}", file=sys.stderr)
        return None
    vaults = [(first_dir, demo_office.FIRST_USER), (_second_dir(), demo_office.SECOND_USER)]
    if prosecutor:
        vaults.append((demo_office.prosecutor_dir(), demo_office.PROSECUTOR))
    for folder, user in vaults if not second else vaults[::-1]:
        try:
            done = demo_office.connect(folder, DEMO_PASSPHRASE, root, server.url, user)
            print(f"Demo office at {server.url}: {folder.name} {done}.", flush=True)
        except OfframpError as exc:  # open in another demo window: it keeps the address it has
            print(f"{folder.name}: {exc.message}", file=sys.stderr)
    if prosecutor:  # the advocate's shares reach the office before the prosecutor's window opens (once)
        try:
            said = demo_office.share_with_prosecution(first_dir, DEMO_PASSPHRASE, server.url)
            if said:
                print(f"Demo office: {first_dir.name} {said}.", flush=True)
        except OfframpError as exc:  # the advocate's vault open in another demo window: shared there, or later
            print(f"{first_dir.name}: {exc.message}", file=sys.stderr)
    return server


if __name__ == "__main__":
    raise SystemExit(main())
