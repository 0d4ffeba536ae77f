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

DEMO_PASSPHRASE = "offramp demo"  # noqa: S105 - a published demo passphrase for fictional data
DEMO_DIR_NAME = "demo-data"
DEMO_PEOPLE = 500
DEMO_SEED = 1

def demo_dir(cwd: Path | None = None) -> Path:
    return (cwd or Path.cwd()) / DEMO_DIR_NAME


def _fill(ws: Workspace) -> None:
    from app.core.demo import generate

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

    data_dir = demo_dir()
    try:
        ensure_demo_vault(data_dir)
    except OfframpError as exc:
        print(exc.message, file=sys.stderr)
        return 1
    print(
        f"Demo vault: the passphrase is '{DEMO_PASSPHRASE}'. Every person in it is fictional.",
        flush=True,
    )
    from app.ui.app import main as app_main

    return app_main(["--data-dir", str(data_dir), "--demo", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    raise SystemExit(main())
