"""The outcome-measures dashboard as its user meets it: the real dialog, offscreen, over a bench vault.

Run as a child process by :mod:`bench.reports` (a Qt application of its own, the vault unlocked by the child)::

    python -m bench._dashboard VAULT_DIR OUT.json

It opens :class:`app.ui.dashboard.DashboardDialog` on the quarter the bench measures (the practice vault's demo
records counted, as a user of it sees them) and writes, in seconds from the dialog's creation: when the first
measure's number was on screen, when all 14 were, and when everything (every measure's parts and the eight-quarter
trend) was in; each also as the CPU time this process (the window and its worker) had used by then, which a busy
machine does not inflate. The moments are read on the event loop, between the task runner's deliveries, every 2 ms.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time
from pathlib import Path

#: The dialog opens on the last whole quarter before "today": FY2025 Q3 (April to June 2025), the bench's quarter.
TODAY = dt.date(2025, 8, 15)
LIMIT_S = 600.0


def main(vault_dir: Path, out: Path) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.core.workspace import Workspace
    from app.storage.vault import Vault
    from app.ui.dashboard import DashboardDialog
    from app.ui.qt import QApplication, QTimer
    from app.ui.tasks import TaskRunner
    from bench.vault import PASSPHRASE

    app = QApplication([sys.argv[0]])
    unlocked = Vault(vault_dir).unlock(PASSPHRASE)
    runner = TaskRunner()
    moments: dict[str, float] = {}
    result: dict[str, object] = {}
    try:
        ws = Workspace(unlocked)
        start, cpu_start = time.perf_counter(), time.process_time()
        dialog = DashboardDialog(ws, runner, today=TODAY)
        dialog.show()

        def mark(name: str) -> None:
            if name not in moments:
                moments[name] = time.perf_counter() - start
                moments[f"{name}_cpu"] = time.process_time() - cpu_start

        def look() -> None:
            now = time.perf_counter() - start
            if dialog.ready_count >= 1:
                mark("first")
            if dialog.ready_count >= 14:
                mark("all")
            if dialog.all_ready:
                mark("everything")
                app.quit()
            elif now > LIMIT_S:
                app.quit()

        timer = QTimer()
        timer.timeout.connect(look)
        timer.start(2)
        app.exec()
        timer.stop()
        result = {**moments, "period": dialog.selected_period().label, "status": dialog.status.text()}
        dialog.close()
    finally:
        runner.shutdown()
        unlocked.lock()
    out.write_text(json.dumps(result), encoding="utf-8")
    return 0 if "everything" in moments else 1


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1]), Path(sys.argv[2])))
