"""``pip install offramp`` without the ``desktop`` extra has no Qt: ``python -m app`` (the window) then says in one
calm sentence how to add the window and exits non-zero, with no traceback and without trying to import Qt first."""

from __future__ import annotations

import os
import subprocess

from tests.server.conftest import ROOT, refusing


def test_the_window_without_the_desktop_extra_says_how_to_install_it() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFRAMP_")}
    result = subprocess.run(
        refusing("PySide6", "shiboken6", module="app"), env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    # The blocker answers a look-up of the package as an import; only that look-up may reach it, never Qt itself.
    lines = result.stderr.splitlines()
    refused = [line for line in lines if line.startswith("refused import:")]
    assert refused in ([], ["refused import: PySide6"]), "it tried to import Qt before saying so:\n" + result.stderr
    said = "\n".join(line for line in lines if line not in refused).strip()
    assert said == "Offramp's window is not installed here; to add it, run: pip install 'offramp[desktop]'", said
    assert result.stdout == ""
