"""The ``offramp-server`` admin command, run on the office server by its admin.

Exit status as ``offramp``: 0 done; 1 declined with one plain sentence on stderr; 2 a usage error. Every subcommand
takes ``--data-dir`` (default: ``OFFRAMP_SERVER_DIR``, else the platform's data folder for "Offramp Server");
``OFFRAMP_DATABASE_URL`` chooses PostgreSQL instead of the SQLite file in that folder.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from app.command_line import EXIT_OK, CommandParser, run_main
from app.errors import OfframpError


def _new_private_file(path: str, what: str) -> int:
    """Create ``path`` readable by its owner only, never over an existing file; ``what`` names it in the refusal."""
    try:
        return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise OfframpError(f"That file already exists; choose a new name for the {what}.") from None
    except OSError:
        raise OfframpError(f"The {what} file could not be created there.") from None


def default_data_dir() -> str:
    env = os.environ.get("OFFRAMP_SERVER_DIR", "").strip()
    if env:
        return env
    from platformdirs import user_data_dir

    return user_data_dir("Offramp Server", appauthor=False)


def _say(text: str = "") -> None:
    print(text, flush=True)


def _home(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from app.server.admin import ServerHome

    return ServerHome(Path(args.data_dir))


def cmd_init(args: argparse.Namespace) -> int:
    from app.server.admin import init_office

    hosts = [h for group in args.host for h in group.split(",") if h.strip()]
    result = init_office(
        _home(args),
        office_name=args.office,
        hosts=hosts,
        kit_path=Path(args.kit),
        port=args.port,
        time_zone=args.time_zone,
    )
    _say(f"Created the office server in {args.data_dir}.")
    _say(f"    Address:         {result.url}")
    _say(f"    CA fingerprint:  {result.fingerprint}")
    _say("")
    _say(f"The Office Recovery Kit was written once, to {result.kit_path}.")
    _say(f"Its public key check is {result.public_check}.")
    _say("Print it now, keep the printed copies locked away, then delete the file. The server does not keep")
    _say("this key: it cannot be printed again.")
    if args.time_zone is None:
        _say("")
        _say("The office's days are counted in UTC until you set its time zone, for example:")
        _say("    offramp-server policy set --time-zone America/Chicago")
    return EXIT_OK


def cmd_upgrade(args: argparse.Namespace) -> int:
    """Bring the database to this version: encrypt a SQLite database made before encryption, then migrate.

    Encrypting is part of ``upgrade`` rather than a command of its own because ``upgrade`` is the step every install
    of a new version already ends with, and the new version refuses to serve an unencrypted database.
    """
    from app.server import db

    home = _home(args)
    home.config()
    url = home.database_url()
    path = db.sqlite_file(url)
    if path is not None and db.is_plaintext(path):
        key_file = db.key_path(path.parent)
        db.encrypt_plaintext(path, key_file)
        _say(f"The server's database is now encrypted; its key is in {key_file}, outside the data folder.")
        _say("Keep a copy of that key with the recovery kit. Backups made before today hold the records in the")
        _say("clear: destroy them once a new backup has been made.")
    engine = db.make_engine(url)
    try:
        if db.current_revision(engine) == db.head_revision():
            _say("The server's database is already up to date.")
            return EXIT_OK
        db.upgrade(engine)
    finally:
        engine.dispose()
    _say("The server's database was updated.")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the office over TLS, in one process or in ``--workers`` processes that share the database.

    The server keeps nothing between requests that is not in its database (replay nonces, refusal counts, enrolment
    codes, the ``server_seq`` lock), so several worker processes, or several hosts on one PostgreSQL database
    (deploy/SCALE-OUT.md), serve the same office. With more than one worker, uvicorn's supervisor binds the port and
    starts the workers; each opens its own connections (:func:`app.server.app.from_environment`).
    """
    import uvicorn

    from app.server.admin import AdminError
    from app.server.app import DATA_DIR_ENV, create_app

    if args.workers < 1:
        raise OfframpError("--workers takes how many server processes to run: 1 or more.")
    home = _home(args)
    config = home.config()
    for path in (home.server_cert, home.server_key, home.ca_cert):
        if not path.is_file():
            raise AdminError(
                "The server's TLS certificate or key is missing, and it never serves without TLS. Restore the "
                "tls folder from a backup."
            )
    engine = home.engine()  # checks the database answers and is up to date before anything listens
    port = args.port or int(config.get("port", 8443))
    options: dict[str, object] = {
        "host": args.bind,
        "port": port,
        "ssl_certfile": str(home.server_cert),
        "ssl_keyfile": str(home.server_key),
        "log_level": "warning",
        "access_log": False,
        "server_header": False,
        "date_header": True,
        # A device's address (for the per-address limits and the audit log) comes from X-Forwarded-For only when the
        # request came from a proxy named here; from anyone else that header is ignored.
        "proxy_headers": bool(args.trusted_proxy),
        "forwarded_allow_ips": ",".join(args.trusted_proxy) if args.trusted_proxy else None,
    }
    processes = f" in {args.workers} processes" if args.workers > 1 else ""
    _say(f"Serving the office at {config.get('url', '')} on {args.bind}:{port}{processes}. Press Ctrl+C to stop.")
    if args.workers == 1:
        app = create_app(engine, ca_pem=home.ca_cert.read_bytes())
        try:
            uvicorn.run(app, **options)  # type: ignore[arg-type]
        finally:
            engine.dispose()
        return EXIT_OK
    engine.dispose()
    # The workers are new processes: they find the data folder (and OFFRAMP_DATABASE_URL) in their environment.
    os.environ[DATA_DIR_ENV] = str(home.root.resolve())
    uvicorn.run("app.server.app:from_environment", factory=True, workers=args.workers, **options)  # type: ignore[arg-type]
    return EXIT_OK


def cmd_team_add(args: argparse.Namespace) -> int:
    from app.server.admin import add_team

    engine = _home(args).engine()
    team = add_team(engine, args.name, args.compartment)
    _say(f"Added the team '{team.name}' ({team.compartment}). Its id is {team.id}.")
    return EXIT_OK


def cmd_team_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from app.server.admin import session_for
    from app.server.models import Team

    engine = _home(args).engine()
    with session_for(engine) as s:
        for team in s.scalars(select(Team).order_by(Team.name)):
            _say(f"{team.name}  ({team.compartment})  {team.id}")
    return EXIT_OK


def cmd_user_add(args: argparse.Namespace) -> int:
    from app.server.admin import add_user

    engine = _home(args).engine()
    user = add_user(engine, args.username, team=args.team, role=args.role, display_name=args.name)
    _say(f"Added {user.username} as {user.role.replace('_', ' ')}. Next: 'offramp-server enrol {user.username}'.")
    return EXIT_OK


def cmd_enrol(args: argparse.Namespace) -> int:
    from app.server.admin import issue_code

    home = _home(args)
    engine = home.engine()
    issued = issue_code(home, engine, args.username)
    local = issued.expires_at.astimezone()
    _say(f"Enrollment for {issued.username}. Type these on their computer with 'offramp enrol':")
    _say("")
    _say(f"    Server:       {issued.url}")
    _say(f"    Code:         {issued.code}")
    _say(f"    Fingerprint:  {issued.fingerprint}")
    _say("")
    _say(f"The code works once, until {local:%H:%M} ({local:%Z}), 15 minutes from now.")
    return EXIT_OK


def cmd_device_list(args: argparse.Namespace) -> int:
    from app.server.admin import list_devices

    for device, username in list_devices(_home(args).engine()):
        when = device.enrolled_at.astimezone()
        _say(f"{device.id}  {username}  {device.status}  enrolled {when:%Y-%m-%d %H:%M}")
    return EXIT_OK


def cmd_device_revoke(args: argparse.Namespace) -> int:
    from app.server.admin import revoke_device

    report = revoke_device(_home(args).engine(), args.device_id)
    _say(f"Revoked device {report.device_id}: from now on every request it makes is turned away.")
    _say("")
    _say("Exposure report (what that laptop may still hold, from what the office delivered to it; no content):")
    if not report.by_type:
        _say("    no records")
    withdrawn = report.withdrawn_by_type
    for kind, count in report.by_type.items():
        since = f"   {withdrawn[kind]:,} withdrawn from it since" if kind in withdrawn else ""
        _say(f"    {kind.replace('_', ' '):<28}{count:>8,}{since}")
    _say(f"    {'total':<28}{report.total:>8,}")
    _say(f"    of which privileged: {report.privileged:,}; up to server sequence {report.highest_seq:,}")
    for held in report.records:
        if held.withdrawn:
            revs = ", ".join(str(r) for r in held.revs)
            _say(f"    withdrawn, still there: {held.type.replace('_', ' ')} {held.record_id} (revision {revs})")
    _say("Every record and revision it may hold is in the audit log (device_revoked).")
    return EXIT_OK


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    """Set-aside changes by id, newest first: who, when, which kind of record and why. Never a value."""
    from app.server.admin import quarantine_list

    items = quarantine_list(_home(args).engine(), limit=args.limit)
    if not items:
        _say("Nothing is set aside: the office applied every change it received.")
        return EXIT_OK
    for item in items:
        when = item.created_at.astimezone()
        settled = "  (sent again since and applied)" if item.arrived_since else ""
        kind = item.record_type.replace("_", " ")
        _say(f"{item.id}  {when:%Y-%m-%d %H:%M}  {item.username}  {kind}  {item.reason}{settled}")
    _say("")
    _say("'offramp-server quarantine show ID' says more about one. Their authors keep what they wrote on their own")
    _say("computers, under Not accepted by the office.")
    return EXIT_OK


def cmd_quarantine_show(args: argparse.Namespace) -> int:
    """One set-aside change by id. Field names only: an admin reads no client content (DESIGN.md section 4)."""
    from app.server.admin import quarantine_show

    item = quarantine_show(_home(args).engine(), args.id)
    when = item.created_at.astimezone()
    _say(f"Set-aside change {item.id}")
    _say(f"    When:       {when:%Y-%m-%d %H:%M %Z}")
    _say(f"    From:       {item.username} ({item.user_id}), device {item.device_id}")
    what = "a new record" if item.new_record else ("a deletion" if item.deleted else "a change to a record")
    _say(f"    What:       {what}, {item.record_type.replace('_', ' ')} {item.record_id}")
    if item.person_id:
        _say(f"    Person:     {item.person_id}")
    _say(f"    Why:        {item.explanation} ({item.reason})")
    _say(f"    Fields:     {', '.join(item.fields) if item.fields else 'none'}")
    if item.arrived_since:
        _say("    Since:      the device sent it again with what it lacked, and the office applied it.")
    _say("")
    _say("What was written is not shown here: admins do not read case records. The author's computer keeps it,")
    _say("under Office > Not accepted by the office; the author can copy it and ask the record's owner.")
    return EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from app.server.admin import audit_export, audit_rows

    since = None
    if args.since:
        try:
            since = dt.datetime.fromisoformat(args.since)
        except ValueError:
            raise OfframpError("--since takes a date like 2026-11-24, or a date and time.") from None
        if since.tzinfo is None:
            since = since.replace(tzinfo=dt.UTC)
    engine = _home(args).engine()
    rows = audit_rows(engine, since=since)
    if args.out:
        fd = _new_private_file(args.out, "export")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            count = audit_export(rows, args.format, fh)
        print(f"Wrote {count:,} audit events to {args.out}.", file=sys.stderr)
    else:
        audit_export(rows, args.format, sys.stdout)
    return EXIT_OK


def cmd_backup(args: argparse.Namespace) -> int:
    from app.server.backup import backup

    summary = backup(_home(args), Path(args.file))
    _say(f"Wrote a backup of the office server to {args.file}: {summary.records:,} records, {summary.rows:,} rows.")
    _say("It is sealed to the office's recovery key: only the printed Office Recovery Kit can restore it.")
    return EXIT_OK


NEEDS_KIT = (
    "Restoring a backup needs the office recovery key from the printed Office Recovery Kit: type it when asked, "
    "or give a file holding it with --recovery-key-file."
)


def _recovery_key(args: argparse.Namespace) -> bytearray:
    """The office recovery private key, typed from the kit (no echo) or read from a file the admin made."""
    from app.server.kit import parse_key

    if args.recovery_key_file:
        try:
            typed = Path(args.recovery_key_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            raise OfframpError("The recovery key file could not be read.") from None
    elif sys.stdin.isatty():
        import getpass

        typed = getpass.getpass("Office recovery key, from the printed kit (13 groups): ")
    else:
        raise OfframpError(NEEDS_KIT)
    if not typed.strip():
        raise OfframpError(NEEDS_KIT)
    return bytearray(parse_key(typed))


def cmd_restore(args: argparse.Namespace) -> int:
    from app.server.backup import restore

    key = _recovery_key(args)
    try:
        summary = restore(_home(args), Path(args.file), key)
    finally:
        for i in range(len(key)):
            key[i] = 0
    _say(f"Restored the office server from {args.file}: {summary.records:,} records, {summary.rows:,} rows.")
    _say("Every device's next sync starts afresh from this copy (a new sync epoch); no record is doubled.")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    """What protects the office's data at rest and on the way to its database, as far as this machine can tell."""
    from app.server.admin import AdminError
    from app.server.at_rest import check_server

    home = _home(args)
    home.config()
    findings = check_server(home)
    label = {"ok": "ok     ", "problem": "PROBLEM", "ask": "CONFIRM"}
    for finding in findings:
        _say(f"{label[finding.status]}  {finding.text}")
    problems = sum(1 for f in findings if not f.ok)
    if problems:
        raise AdminError(f"{problems} of these need attention before the server holds real records.")
    return EXIT_OK


def cmd_purge_tombstones(args: argparse.Namespace) -> int:
    """Forget deletion markers older than 18 months; devices whose cursor predates them take a fresh copy."""
    from sqlalchemy.orm import Session

    from app.server.admin import audit
    from app.server.sync import purge_tombstones

    engine = _home(args).engine()
    with Session(engine) as s, s.begin():
        purged = purge_tombstones(s)
        audit(s, "tombstones_purged", detail={"count": purged})
    _say(f"Forgot {purged:,} deletion marker{'s' if purged != 1 else ''} older than 18 months.")
    _say("A device that last synced before them takes a fresh copy at its next sync; nothing is lost.")
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    """The office's outcome measures from what the server holds: aggregates only, small cells suppressed."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from app.reports.measures import Scope, compute, trend
    from app.reports.periods import parse_period, trailing_quarters
    from app.reports.quarterly import report_file
    from app.server.admin import office_policy
    from app.server.models import Office, Team

    period = parse_period(args.period)
    engine = _home(args).engine()
    with Session(engine) as s:
        team_ids: tuple[str, ...] | None = None
        if args.team:
            team_id = s.scalar(select(Team.id).where(Team.name == args.team))
            if team_id is None:
                raise OfframpError(f"There is no team called “{args.team}”. 'offramp-server team list' shows them.")
            team_ids = (team_id,)
        # Days are the office's (DOMAIN.md 6): its time zone from the office policy, UTC when none is set.
        scope = Scope(team_ids=team_ids, regime=args.compartment, time_zone=office_policy(s).time_zone)
        report = compute(s, period, scope=scope)
        series = trend(s, trailing_quarters(period, 8), scope=scope) if args.format == "pdf" else []
        office = s.scalar(select(Office.name))
        data = report_file(report, series, args.format, threshold=args.threshold or None, office=office)
    fd = _new_private_file(args.out, "report")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    print(f"Wrote the {period.label} report ({args.format.upper()}, aggregates only) to {args.out}.", file=sys.stderr)
    return EXIT_OK


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _show_policy(policy: object) -> None:
    from app.protocol.office_policy import DEFAULT_TIME_ZONE, OfficePolicy

    assert isinstance(policy, OfficePolicy)
    minutes = policy.idle_lock_max_seconds // 60
    zone = policy.time_zone or f"{DEFAULT_TIME_ZONE} (not set)"
    _say("Office policy (every enrolled computer takes it at its next sync):")
    _say(f"    Time zone (a release's days are counted here):  {zone}")
    _say(f"    Unsynced reminder after:                        {policy.unsynced_warning_days} days")
    _say(f"    Survivor's own copy may be printed or saved:    {_yes_no(policy.survivor_copy_allowed)}")
    _say(f"    Quick unlock with a PIN allowed:                {_yes_no(policy.quick_unlock_allowed)}")
    _say(f"    Longest idle time before the vault locks:       {minutes} minute{'s' if minutes != 1 else ''}")
    days = policy.certification_decision_days
    _say(f"    Days to decide a U- or T-visa certification:    {days} day{'s' if days != 1 else ''} from receipt")


def cmd_policy_show(args: argparse.Namespace) -> int:
    from app.server.admin import office_policy, session_for

    engine = _home(args).engine()
    with session_for(engine) as s:
        policy = office_policy(s)
    _show_policy(policy)
    return EXIT_OK


def cmd_policy_set(args: argparse.Namespace) -> int:
    from app.server.admin import set_office_policy

    changes: dict[str, object] = {
        "unsynced_warning_days": args.unsynced_days,
        "survivor_copy_allowed": None if args.survivor_copy is None else args.survivor_copy == "yes",
        "quick_unlock_allowed": None if args.quick_unlock is None else args.quick_unlock == "yes",
        "idle_lock_max_seconds": None if args.idle_lock_max is None else args.idle_lock_max * 60,
        "certification_decision_days": args.certification_days,
    }
    if args.time_zone is not None:
        changes["time_zone"] = None if args.time_zone.strip().upper() == "UTC" else args.time_zone.strip()
    changes = {k: v for k, v in changes.items() if v is not None or k == "time_zone"}
    if not changes:
        raise OfframpError("Say what to change, for example --time-zone America/Chicago. See --help.")
    policy = set_office_policy(_home(args).engine(), **changes)
    _show_policy(policy)
    return EXIT_OK


# --- parser -----------------------------------------------------------------------------------------------------


class _Parser(CommandParser):
    command_name = "offramp-server"


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--data-dir", default=default_data_dir(), help="the server's data folder")

    parser = _Parser(prog="offramp-server", description="Set up and run the Offramp office server.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def add(
        parent: argparse._SubParsersAction,
        name: str,
        func: Callable[[argparse.Namespace], int],
        help_: str,
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, parents=[common], help=help_)
        p.set_defaults(func=func)
        return p

    p = add(sub, "init", cmd_init, "create the office, its certificates and the recovery kit (once)")
    p.add_argument("--office", required=True, help="the office's name, as shown to staff")
    p.add_argument(
        "--host",
        action="append",
        required=True,
        help="a host name or IP address devices use (repeat or comma-separate)",
    )
    p.add_argument("--kit", required=True, help="where to write the Office Recovery Kit PDF (a new file)")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument(
        "--time-zone", help="the office's time zone, e.g. America/Chicago (a release's days are counted there)"
    )
    add(sub, "upgrade", cmd_upgrade, "update the server's database after installing a new version")
    p = add(sub, "serve", cmd_serve, "run the server (always over TLS)")
    p.add_argument("--bind", default="0.0.0.0", help="address to listen on")  # noqa: S104 - an office server
    p.add_argument("--port", type=int, default=None)
    p.add_argument(
        "--workers",
        type=int,
        default=1,
        help="server processes on this host (default 1); they share the database, so 2 per CPU core suit PostgreSQL",
    )
    p.add_argument(
        "--trusted-proxy",
        action="append",
        default=[],
        metavar="ADDRESS",
        help="a proxy in front of this server whose X-Forwarded-For names the device (repeat for several)",
    )

    team = sub.add_parser("team", help="teams and their compartments")
    tsub = team.add_subparsers(dest="team_command", required=True, parser_class=_Parser)
    p = add(tsub, "add", cmd_team_add, "add a team")
    p.add_argument("name")
    p.add_argument("--compartment", required=True, choices=["advocacy", "prosecution", "administration"])
    add(tsub, "list", cmd_team_list, "list the teams")

    user = sub.add_parser("user", help="staff accounts")
    usub = user.add_subparsers(dest="user_command", required=True, parser_class=_Parser)
    p = add(usub, "add", cmd_user_add, "add a member of staff")
    p.add_argument("username")
    p.add_argument("--team", required=True)
    p.add_argument(
        "--role",
        required=True,
        choices=[
            "advocate",
            "advocate_supervisor",
            "prosecutor",
            "paralegal",
            "prosecution_supervisor",
            "analyst",
            "office_admin",
        ],
    )
    p.add_argument("--name", help="the name colleagues see (default: the user name)")

    policy = sub.add_parser("policy", help="the office policy every enrolled computer follows")
    psub = policy.add_subparsers(dest="policy_command", required=True, parser_class=_Parser)
    add(psub, "show", cmd_policy_show, "show the office policy")
    p = add(psub, "set", cmd_policy_set, "change the office policy (computers take it at their next sync)")
    p.add_argument("--time-zone", help="IANA name such as America/Chicago; UTC to unset")
    p.add_argument("--unsynced-days", type=int, choices=[1, 2, 3, 5, 7, 10, 14, 30], help="reminder after N days")
    p.add_argument("--survivor-copy", choices=["yes", "no"], help="may the person's own copy be printed or saved")
    p.add_argument("--quick-unlock", choices=["yes", "no"], help="may a PIN open the vault for the rest of the day")
    p.add_argument("--idle-lock-max", type=int, choices=[1, 2, 5, 10, 15, 30, 60], help="longest idle time in minutes")
    p.add_argument(
        "--certification-days",
        type=int,
        metavar="DAYS",
        help="days the office gives itself to decide a U- or T-visa certification request (1 to 365)",
    )

    p = add(sub, "enrol", cmd_enrol, "print a one-time code for enrolling a user's device (15 minutes)")
    p.add_argument("username")

    device = sub.add_parser("device", help="enrolled devices")
    dsub = device.add_subparsers(dest="device_command", required=True, parser_class=_Parser)
    add(dsub, "list", cmd_device_list, "list enrolled devices")
    p = add(dsub, "revoke", cmd_device_revoke, "withdraw a device's enrollment and show what it could see")
    p.add_argument("device_id")

    quarantine = sub.add_parser("quarantine", help="changes the office received but could not apply")
    qsub = quarantine.add_subparsers(dest="quarantine_command", required=True, parser_class=_Parser)
    p = add(qsub, "list", cmd_quarantine_list, "list set-aside changes by id, newest first (no content)")
    p.add_argument("--limit", type=int, default=500, help="at most this many (default 500)")
    p = add(qsub, "show", cmd_quarantine_show, "who, when, which record and why for one id (field names, no values)")
    p.add_argument("id")

    p = add(
        sub, "backup", cmd_backup, "write the database, config and TLS files to one new sealed file (while serving)"
    )
    p.add_argument("file")
    p = add(sub, "restore", cmd_restore, "bring a backup back into an empty data folder and database (needs the kit)")
    p.add_argument("file")
    p.add_argument(
        "--recovery-key-file",
        help="a file holding the office recovery key as typed from the kit (default: type it when asked)",
    )
    add(sub, "check", cmd_check, "report how the server's data is protected at rest and on the way to its database")

    add(sub, "purge-tombstones", cmd_purge_tombstones, "forget deletion markers older than 18 months")

    p = add(sub, "report", cmd_report, "the office's outcome measures for a period, aggregates only (PDF or CSV)")
    p.add_argument("--period", required=True, help="a fiscal quarter like 2026Q1, FY2026, or 2025-10-01..2025-12-31")
    p.add_argument("--format", choices=["pdf", "csv", "funder"], required=True,
                   help="pdf with charts, csv of the same rows, or funder: the VOCA PMT-shaped CSV")  # fmt: skip
    p.add_argument("--out", required=True, help="the new file to write")
    p.add_argument("--team", help="one team only (by name)")
    p.add_argument("--compartment", choices=["advocacy", "prosecution"], help="one compartment only")
    p.add_argument("--threshold", type=int, default=5, help="hide counts below this (0 shows every count)")

    p = add(sub, "audit", cmd_audit, "export the server audit log")
    p.add_argument("--format", choices=["csv", "jsonl"], default="jsonl")
    p.add_argument("--out", help="write to this new file instead of the screen")
    p.add_argument("--since", help="only events from this date or time on (ISO 8601)")
    return parser


UNEXPECTED = (
    "The office server command stopped because of an unexpected problem. Run it again with "
    "OFFRAMP_DEBUG=1 set for technical detail."
)


def main(argv: Sequence[str] | None = None) -> int:
    # Everything the server writes (database, WAL, keys, exports, backups) is for its own account only; each file
    # is also created 0600 explicitly, this covers what a library creates.
    os.umask(0o077)
    return run_main(build_parser(), argv, unexpected=UNEXPECTED)


if __name__ == "__main__":
    sys.exit(main())
