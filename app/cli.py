"""The ``offramp`` command, for IT staff, scripts and tests.

Exit status: 0 done; 1 refused, with one human sentence on stderr (wrong passphrase, damaged file, bad input);
2 a usage error. Never a traceback for a person's mistake. Passphrases come from a prompt with no echo, or from
``--passphrase-file`` for scripts (the file's first line; keep such files on encrypted storage).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.command_line import EXIT_OK, EXIT_REFUSED, CommandParser, UsageError, run_main
from app.errors import OfframpError
from app.memory import disable_core_dumps


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Offramp", appauthor=False))


def _read_secret_file(path: str, what: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            line = fh.readline()
    except OSError:
        raise OfframpError(f"The {what} file could not be read.") from None
    secret = line.rstrip("\r\n")
    if not secret:
        raise OfframpError(f"The {what} file is empty.")
    return secret


def _prompt(label: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise UsageError(f"{label} is needed: run this in a terminal, or give it with a file option.")
    try:
        return getpass.getpass(f"{label}: ")
    except EOFError:
        raise UsageError(f"{label} is needed.") from None


def _passphrase(args: argparse.Namespace) -> str:
    if args.passphrase_file:
        return _read_secret_file(args.passphrase_file, "passphrase")
    return _prompt("Passphrase")


def _new_passphrase(file: str | None, label: str = "New passphrase") -> str:
    if file:
        return _read_secret_file(file, "new passphrase")
    first = _prompt(label)
    second = _prompt("Type it again")
    if first != second:
        raise OfframpError("The two passphrases are not the same. Nothing was changed.")
    return first


def _kdf(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.storage.kdf import KdfParams

    return KdfParams.floor() if getattr(args, "fast_kdf", False) else None


#: The vault folders this run opened, so what was finished or undone in them is said before the command ends.
_opened_vaults: list[Any] = []


def _vault(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The vault folder, with anything a crash left half done in it finished or undone first (and said)."""
    from app.errors import VaultInUse
    from app.storage.vault import Vault

    vault = Vault(args.data_dir)
    _opened_vaults.append(vault)
    with contextlib.suppress(VaultInUse):  # open elsewhere: not ours to tidy; the command will say it is in use
        vault.finish_interrupted()
    _say_notices()
    return vault


def _say_notices() -> None:
    for vault in _opened_vaults:
        for sentence in vault.take_notices():
            _say(sentence)


def _say(text: str) -> None:
    print(text, flush=True)


# --- vault commands -----------------------------------------------------------------------------------------


@contextmanager
def _logged_then_locked(unlocked: Any, event: str) -> Iterator[None]:
    """Around work on an open vault: the event goes in its audit trail only if the work succeeded, and the vault is
    locked again whatever happens."""
    try:
        yield
        from app.core.workspace import Workspace

        Workspace(unlocked).log_event(event)
    finally:
        unlocked.lock()


def _log_then_lock(unlocked: Any, event: str) -> None:
    with _logged_then_locked(unlocked, event):
        pass  # nothing more to do on the open vault than to note the event


def cmd_vault_create(args: argparse.Namespace) -> int:
    vault = _vault(args)
    if vault.exists():
        raise OfframpError("There is already a vault in that folder; it was left as it is.")
    if args.passphrase_file:
        passphrase = _read_secret_file(args.passphrase_file, "passphrase")
    else:
        passphrase = _new_passphrase(None, "Passphrase")
    if not args.fast_kdf:
        _say("Creating the vault (tuning the key derivation to this computer takes a few seconds)...")
    unlocked, code = vault.create(passphrase, kdf_params=_kdf(args), regime=args.regime)
    _log_then_lock(unlocked, "vault_created")
    _say(f"Created an encrypted vault in {args.data_dir}.")
    _say("")
    _say("Recovery code (shown only this once; write it down or print it, and keep it apart from this computer):")
    _say(f"    {code}")
    _say("")
    _say("With this code the vault can be opened if the passphrase is forgotten.")
    return EXIT_OK


def cmd_vault_unlock_check(args: argparse.Namespace) -> int:
    unlocked = _vault(args).unlock(_passphrase(args), full_check=not args.quick)
    unlocked.lock()
    _say("The passphrase opens this vault.")
    return EXIT_OK


def cmd_vault_change_passphrase(args: argparse.Namespace) -> int:
    current = _passphrase(args)
    new = _new_passphrase(args.new_passphrase_file)
    unlocked = _vault(args).unlock(current)
    with _logged_then_locked(unlocked, "passphrase_changed"):
        unlocked.change_passphrase(current, new, kdf_params=_kdf(args))
    _say("The passphrase was changed. The old one no longer opens this vault.")
    return EXIT_OK


def cmd_vault_recover(args: argparse.Namespace) -> int:
    code = (
        _read_secret_file(args.recovery_code_file, "recovery code")
        if args.recovery_code_file
        else _prompt("Recovery code")
    )
    new = _new_passphrase(args.new_passphrase_file)
    unlocked = _vault(args).recover(code, new, kdf_params=_kdf(args))
    _log_then_lock(unlocked, "recovered")
    _say("The vault is open again with the new passphrase. The recovery code still works; keep it safe.")
    return EXIT_OK


def cmd_vault_check(args: argparse.Namespace) -> int:
    health = _vault(args).check(_passphrase(args))
    health.raise_if_bad()
    if health.key_file:
        _say("Every page of the database checks out, but the key file does not:")
        for sentence in health.key_file:
            _say(f"  {sentence}")
        return EXIT_REFUSED
    _say("The key file and every page of the database check out.")
    return EXIT_OK


def cmd_vault_backup(args: argparse.Namespace) -> int:
    unlocked = _vault(args).unlock(_passphrase(args))
    with _logged_then_locked(unlocked, "backup"):
        path = unlocked.backup(Path(args.to))
    _say(f"Backup written: {path}")
    _say("It is encrypted and opens with this vault's passphrase or recovery code.")
    return EXIT_OK


def cmd_vault_restore(args: argparse.Namespace) -> int:
    from app.storage.backup import restore_backup

    kwargs: dict[str, str] = {}
    if args.recovery_code_file:
        kwargs["recovery_code"] = _read_secret_file(args.recovery_code_file, "recovery code")
    else:
        kwargs["passphrase"] = _passphrase(args)
    from app.storage.backup import other_vault_question

    _vault(args)  # finish or undo a restore a crash interrupted, first
    question = other_vault_question(Path(args.backup), Path(args.data_dir))
    if question is not None and not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise OfframpError(f"{question} To replace it, run the command again with --yes.")
        answer = input(f"{question}\nReplace this vault with the backup? [y/N] ").strip().lower()
        if answer not in ("y", "yes"):
            _say("Nothing was changed.")
            return EXIT_REFUSED
    moved = restore_backup(Path(args.backup), Path(args.data_dir), replace_other_vault=question is not None, **kwargs)
    _say("The backup was restored.")
    if moved is not None:
        _say(f"The vault it replaced was kept in {moved}.")
    return EXIT_OK


# --- demo ---------------------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from app.core.workspace import Workspace
    from app.demo.people import generate

    vault = _vault(args)
    if vault.exists():
        unlocked = vault.unlock(_passphrase(args))
    else:
        passphrase = (
            _read_secret_file(args.passphrase_file, "passphrase")
            if args.passphrase_file
            else _new_passphrase(None, "Passphrase for the new demo vault")
        )
        unlocked, code = vault.create(passphrase, kdf_params=_kdf(args), regime=args.regime)
        _say(f"Created a demo vault in {args.data_dir}. Recovery code: {code}")
    try:
        ws = Workspace(unlocked)

        def progress(done: int, total: int) -> None:
            if not args.quiet and (done == total or done % 10_000 == 0):
                print(f"  {done:,} of {total:,} people", file=sys.stderr, flush=True)

        summary = generate(ws, persons=args.persons, seed=args.seed, progress=progress)
    finally:
        unlocked.lock()
    _say(f"Added {summary.persons:,} fictional people and {summary.records:,} of their records (seed {args.seed}).")
    return EXIT_OK


# --- templates ----------------------------------------------------------------------------------------------


def cmd_templates_import(args: argparse.Namespace) -> int:
    from app.core.workspace import Workspace

    try:
        text = Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise OfframpError("That template file could not be read as text. Nothing was imported.") from None
    unlocked = _vault(args).unlock(_passphrase(args))
    try:
        result = Workspace(unlocked).templates.import_text(text, name=Path(args.file).name)
    finally:
        unlocked.lock()
    words = {"added": "Imported", "replaced": "Replaced the unused", "unchanged": "Already had"}[result.outcome]
    _say(f"{words} '{result.title}' ({result.template_id}, version {result.version}).")
    return EXIT_OK


def cmd_templates_list(args: argparse.Namespace) -> int:
    from app.core.workspace import Workspace

    unlocked = _vault(args).unlock(_passphrase(args))
    try:
        templates = Workspace(unlocked).templates.available()
    finally:
        unlocked.lock()
    for t in templates:
        _say(f"{t.id}  version {t.version}  {t.kind}  {t.title}")
    return EXIT_OK


# --- providers ----------------------------------------------------------------------------------------------


def cmd_providers_import(args: argparse.Namespace) -> int:
    from app.core.providers import ProviderImportError, ProviderService
    from app.core.workspace import Workspace

    unlocked = _vault(args).unlock(_passphrase(args))
    try:
        summary = ProviderService(Workspace(unlocked)).import_csv(args.file)
    except ProviderImportError as exc:
        for problem in exc.problems:
            print(str(problem), file=sys.stderr)
        raise
    finally:
        unlocked.lock()
    _say(f"Imported the provider list: {summary.added} added, {summary.updated} updated, "
         f"{summary.unchanged} unchanged.")  # fmt: skip
    return EXIT_OK


def cmd_providers_export(args: argparse.Namespace) -> int:
    from app.core.providers import ProviderService
    from app.core.workspace import Workspace

    unlocked = _vault(args).unlock(_passphrase(args))
    try:
        count = ProviderService(Workspace(unlocked)).export_csv(args.file)
    finally:
        unlocked.lock()
    _say(f"Exported {count} provider{'s' if count != 1 else ''} to {args.file}.")
    return EXIT_OK


# --- outcome measures -------------------------------------------------------------------------------------------


def cmd_measures(args: argparse.Namespace) -> int:
    from app.core.workspace import Workspace
    from app.reports.measures import compute, trend, vault_scope
    from app.reports.periods import parse_period, trailing_quarters
    from app.reports.quarterly import export_quarterly, report_rows

    period = parse_period(args.period)
    unlocked = _vault(args).unlock(_passphrase(args))
    try:
        ws = Workspace(unlocked)
        with ws.session() as s:
            scope = vault_scope(s, include_demo=args.include_demo)  # days in the office's time zone
            report = compute(s, period, scope=scope)
            series = trend(s, trailing_quarters(period, 8), scope=scope) if args.pdf else []
        threshold = None if args.threshold == 0 else args.threshold
        for fmt, target in (("csv", args.csv), ("pdf", args.pdf), ("funder", getattr(args, "funder", None))):
            if target:
                export_quarterly(ws, report, series, Path(target), fmt, threshold=threshold)  # audited there
    finally:
        unlocked.lock()
    for row in report_rows(report, threshold):
        if row.line in ("Report", "Headline"):
            _say(f"{row.measure or '':>2} {row.title}: {row.item} {row.value}")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """``offramp report --period P --format pdf|csv|funder --out FILE``: the quarterly report as one file."""
    args.csv = args.out if args.format == "csv" else None
    args.pdf = args.out if args.format == "pdf" else None
    args.funder = args.out if args.format == "funder" else None
    return cmd_measures(args)


# --- the office server: enrolment and sync --------------------------------------------------------------------


def cmd_enrol(args: argparse.Namespace) -> int:
    from app.core.i18n import ngettext
    from app.sync.enrol import enrol

    passphrase = _passphrase(args)
    unlocked = _vault(args).unlock(passphrase)
    try:
        done = enrol(unlocked, passphrase, server=args.server, code=args.code, fingerprint=args.fingerprint)
    finally:
        unlocked.lock()
    _say(f"This computer is enrolled with {done.office_name} as {done.username} ({done.team_name}).")
    _say("The office certificate and this device's key are kept inside the vault; the office recovery kit can")
    _say("now open this vault if the passphrase is lost.")
    if done.will_send:
        _say(
            ngettext(
                "{n} record already here will go to the office at the next sync.",
                "{n} records already here will go to the office at the next sync.",
                done.will_send,
            ).format(n=f"{done.will_send:,}")
        )
    if done.kept_here:
        if done.kept_here == 1:  # the command line speaks English only
            _say("1 demo record stays on this computer: it is a fictional practice record and never goes to the")
            _say("office.")
        else:
            n = f"{done.kept_here:,}"
            _say(f"{n} demo records stay on this computer: they are fictional practice records and never")
            _say("go to the office.")
    _say("Nothing syncs by itself: run 'offramp sync' when you want to.")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from app.core.workspace import Workspace
    from app.sync.client import SyncSession

    unlocked = _vault(args).unlock(_passphrase(args))
    try:
        session = SyncSession(Workspace(unlocked), progress=lambda line: _say(f"  {line}"))
        preview = session.preview()
        if preview.total:
            kinds = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in sorted(preview.by_type.items()))
            _say(f"To send to {preview.server}: {preview.total} change{'s' if preview.total != 1 else ''} ({kinds}).")
            if preview.consents:
                _say(f"Under {len(preview.consents)} consent{'s' if len(preview.consents) != 1 else ''} on file.")
        else:
            _say(f"Nothing to send to {preview.server}; checking for changes from the office.")
        if not args.yes:
            if not sys.stdin or not sys.stdin.isatty():
                raise UsageError("add --yes to sync without being asked (scripts), or run this in a terminal.")
            if input("Go ahead? [y/N] ").strip().lower() not in ("y", "yes"):
                _say("Nothing was sent.")
                return EXIT_OK
        report = session.run()
    finally:
        unlocked.lock()
    outcomes = ", ".join(f"{n} {o}" for o, n in sorted(report.outcomes.items()))
    _say(f"Sync finished: sent {report.sent}{f' ({outcomes})' if outcomes else ''}, received {report.received}, "
         f"removed {report.evicted} no longer shared with you.")  # fmt: skip
    if report.outcomes.get("conflict"):
        _say("Some changes differ from a colleague's: both versions are kept for you to choose between.")
    if report.not_accepted:
        n = len(report.not_accepted)
        _say(f"The office did not accept your work on {n} record{'s' if n != 1 else ''}. Nothing is lost: it is kept "
             "in this vault; open Offramp and choose Office, then Not accepted by the office.")  # fmt: skip
    if report.waiting:
        _say(f"{report.waiting} change{'s' if report.waiting != 1 else ''} wait here for a record they belong to; "
             "they go again with your next sync.")  # fmt: skip
    return EXIT_OK


# --- parser -------------------------------------------------------------------------------------------------


class _Parser(CommandParser):
    command_name = "offramp"


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", default=str(default_data_dir()), help="the vault's folder")
    common.add_argument("--passphrase-file", help="read the passphrase from the first line of this file")

    parser = _Parser(prog="offramp", description="Offramp's command line, for IT staff and scripts.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    vault = sub.add_parser("vault", help="create, check, back up and recover the encrypted vault")
    vsub = vault.add_subparsers(dest="vault_command", required=True, parser_class=_Parser)

    def add(name: str, func: Callable[[argparse.Namespace], int], help_: str) -> argparse.ArgumentParser:
        p = vsub.add_parser(name, parents=[common], help=help_)
        p.set_defaults(func=func)
        return p

    p = add("create", cmd_vault_create, "make a new vault and show its recovery code once")
    p.add_argument("--regime", choices=["advocacy", "prosecution"], default="advocacy")
    p.add_argument("--fast-kdf", action="store_true", help="use the minimum Argon2id cost (tests and scripts)")
    p = add("unlock-check", cmd_vault_unlock_check, "check that the passphrase opens the vault")
    p.add_argument("--quick", action="store_true", help="skip verifying every page of the database")
    p = add("change-passphrase", cmd_vault_change_passphrase, "set a new passphrase")
    p.add_argument("--new-passphrase-file")
    p.add_argument("--fast-kdf", action="store_true", help=argparse.SUPPRESS)
    p = add("recover", cmd_vault_recover, "open with the recovery code and set a new passphrase")
    p.add_argument("--recovery-code-file")
    p.add_argument("--new-passphrase-file")
    p.add_argument("--fast-kdf", action="store_true", help=argparse.SUPPRESS)
    add("check", cmd_vault_check, "verify the key file and every page of the database")
    p = add("backup", cmd_vault_backup, "write an encrypted backup file into a folder (a USB stick, say)")
    p.add_argument("--to", required=True, help="folder to write the backup into")
    p = add("restore", cmd_vault_restore, "put a backup in place of this vault (the current one is kept aside)")
    p.add_argument("backup", help="the backup file")
    p.add_argument("--recovery-code-file")
    p.add_argument("--yes", action="store_true", help="replace the vault even when the backup is another vault's")

    templates = sub.add_parser("templates", help="checklist and screening templates")
    tsub = templates.add_subparsers(dest="templates_command", required=True, parser_class=_Parser)
    p = tsub.add_parser("import", parents=[common], help="import an office's template (TOML); all or nothing")
    p.add_argument("file", help="the template file")
    p.set_defaults(func=cmd_templates_import)
    p = tsub.add_parser("list", parents=[common], help="the templates this vault can use")
    p.set_defaults(func=cmd_templates_list)

    providers = sub.add_parser("providers", help="the office's provider directory (CSV)")
    psub = providers.add_subparsers(dest="providers_command", required=True, parser_class=_Parser)
    p = psub.add_parser("import", parents=[common], help="import providers from CSV; all or nothing")
    p.add_argument("file", help="the CSV file (UTF-8)")
    p.set_defaults(func=cmd_providers_import)
    p = psub.add_parser("export", parents=[common], help="write every provider to a CSV file")
    p.add_argument("file", help="the CSV file to write")
    p.set_defaults(func=cmd_providers_export)

    p = sub.add_parser("enrol", parents=[common], help="enroll this computer with the office server (from its sheet)")
    p.add_argument("--server", required=True, help="the server address on the enrollment sheet (https://...)")
    p.add_argument("--code", required=True, help="the one-time enrollment code (valid 15 minutes)")
    p.add_argument("--fingerprint", required=True, help="the office certificate fingerprint on the sheet")
    p.set_defaults(func=cmd_enrol)
    p = sub.add_parser("sync", parents=[common], help="send this computer's changes to the office, then receive")
    p.add_argument("--yes", action="store_true", help="do not ask before sending (scripts)")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("demo", parents=[common], help="fill a vault with fictional demo people")
    p.add_argument("--persons", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--regime", choices=["advocacy", "prosecution"], default="advocacy")
    p.add_argument("--fast-kdf", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)
    p = sub.add_parser("measures", parents=[common], help="the 14 outcome measures for a period; CSV and PDF reports")
    p.add_argument("--period", required=True, help="a fiscal quarter like 2026Q1, FY2026, or 2025-10-01..2025-12-31")
    p.add_argument("--csv", help="write the aggregates to this CSV file")
    p.add_argument("--pdf", help="write the quarterly report with charts to this PDF file")
    p.add_argument("--threshold", type=int, default=5, help="hide counts below this (0 shows every count)")
    p.add_argument("--include-demo", action="store_true", help="count demo records too (practice data)")
    p.set_defaults(func=cmd_measures)
    p = sub.add_parser("report", parents=[common], help="the quarterly report (aggregates only) as a PDF or CSV file")
    p.add_argument("--period", required=True, help="a fiscal quarter like 2026Q1, FY2026, or 2025-10-01..2025-12-31")
    p.add_argument(
        "--format",
        choices=["pdf", "csv", "funder"],
        required=True,
        help="pdf: the report with charts; csv: its aggregates; funder: the VOCA PMT-shaped CSV (always suppressed)",
    )
    p.add_argument("--out", required=True, help="the file to write")
    p.add_argument("--threshold", type=int, default=5, help="hide counts below this (0 shows every count)")
    p.add_argument("--include-demo", action="store_true", help="count demo records too (practice data)")
    p.set_defaults(func=cmd_report)
    return parser


UNEXPECTED = (
    "Offramp stopped because of an unexpected problem. For technical detail for your IT contact, "
    "run the same command again with OFFRAMP_DEBUG=1 set."
)


def main(argv: Sequence[str] | None = None) -> int:
    disable_core_dumps()  # a crash must not leave the passphrase or the key in a core file (issue 16, item 2)
    try:
        return run_main(build_parser(), argv, unexpected=UNEXPECTED)
    finally:
        _say_notices()  # e.g. an unfinished passphrase change undone at unlock
        _opened_vaults.clear()


if __name__ == "__main__":
    sys.exit(main())
