"""Command line for facilitators who script refreshes and reports: ``python -m inventory COMMAND``."""
from __future__ import annotations

import argparse
import datetime as dt
import errno
import json
import os
import re
import secrets
import sys
from pathlib import Path

import pandas as pd

from inventory import formats, reference, texts
from inventory.analysis import base, followup, organisations
from inventory.intake import demo, importer
from inventory.outputs import exports, listings
from inventory.parsing import visible
from inventory.store import DEFAULT_DB, Store, StoreBusy, StoreNotCurrent

SECRETS_FILE = Path(".streamlit/secrets.toml")
PUBLISHED_DB = "data/published/inventory.duckdb"  # what read-only replicas open (publish writes it)


def _date(value: str) -> dt.date:
    from inventory.parsing import date

    try:
        return date(value)
    except Exception:
        raise argparse.ArgumentTypeError(texts.CLI_BAD_DATE.format(value=value)) from None


def _label(value: str) -> str:
    """``--label``: the same one-line text rule as the dashboard's label field."""
    from inventory import limits
    from inventory.parsing import entry

    try:
        return entry(value, limit=limits.MAX_LABEL_CHARS)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(texts.CLI_BAD_LABEL.format(reason=exc)) from None


class _Parser(argparse.ArgumentParser):
    """argparse speaking the language of the run: its refusals (an unknown choice, a number that is not one, a
    missing argument) become one sentence of the text tables, without argparse's English."""

    _PATTERNS = (
        (re.compile(r"argument (?P<option>[^:]+): invalid choice: '?(?P<value>.*?)'? \(choose from (?P<choices>.*)\)$"),
         "CLI_ARG_INVALID_CHOICE"),
        (re.compile(r"argument (?P<option>[^:]+): invalid (?:int|float) value: '?(?P<value>.*?)'?$"),
         "CLI_ARG_NOT_INTEGER"),
        (re.compile(r"argument (?P<option>[^:]+): expected one argument$"), "CLI_ARG_EXPECTS_ONE"),
        (re.compile(r"the following arguments are required: (?P<names>.*)$"), "CLI_ARG_REQUIRED"),
        (re.compile(r"unrecognized arguments: (?P<args>.*)$"), "CLI_ARG_UNKNOWN"),
    )

    def error(self, message: str):  # noqa: D401 (argparse's hook)
        self.exit(2, texts.CLI_ARGUMENT_ERROR.format(prog=self.prog, message=self.french(message)) + "\n")

    @classmethod
    def french(cls, message: str) -> str:
        for pattern, key in cls._PATTERNS:
            found = pattern.match(message)
            if found:
                fields = {k: v.replace("'", "") if k == "choices" else v for k, v in found.groupdict().items()}
                return getattr(texts, key).format(**fields)
        own = re.match(r"argument (?P<option>[^:]+): (?P<detail>.*)$", message, re.S)
        if own:  # our own ArgumentTypeError: already a sentence of the text tables
            return own["detail"]
        return texts.CLI_ARG_OTHER.format(detail=message)


def _print_json(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, default=str))


def cmd_init(store: Store, args) -> int:
    fresh = store.active_snapshot_id() is None and not store.snapshots()
    if fresh and not args.empty:
        demo.load_demo(store)
        print(texts.CLI_INIT_CREATED.format(path=store.path))
    else:
        print(texts.CLI_INIT_EXISTS.format(path=store.path))
    if args.ensure_password:
        ensure_password()
    return 0


def ensure_password(path: Path = SECRETS_FILE) -> None:
    """Create a facilitator password on first start unless one is configured (environment or secrets)."""
    if os.environ.get("INVENTORY_FACILITATOR_PASSWORD"):
        return
    if path.exists() and "facilitator_password" in path.read_text(encoding="utf-8"):
        return
    password = secrets.token_urlsafe(12)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f'facilitator_password = "{password}"\n')
    os.chmod(path, 0o600)
    print(texts.CLI_PASSWORD_CREATED.format(password=password, path=path))


def cmd_import(store: Store, args) -> int:
    result = importer.import_files(store, args.files, label=args.label, as_of=args.as_of, format=args.format)
    if args.json:
        # exactly the shape documented in the README (command line) (scripts rely on it): no internal keys such as "kind"
        _print_json({
            "ok": result.ok, "snapshot_id": result.snapshot_id,
            "counts": {k: int(result.counts.get(k, 0)) for k in
                       ("besoins", "programmes", "investisseurs", "engagements", "realisations")},
            "carried_over": list(result.carried_over),
            "set_aside": [{k: s[k] for k in ("sheet", "row", "value", "message")} for s in result.set_aside],
            "errors": [{"sheet": e.sheet, "row": e.row, "column": e.column, "value": e.value, "message": e.message}
                       for e in result.errors],
            "duplicates": list(result.duplicates),
        })
    elif result.ok:
        print(texts.CLI_SNAPSHOT_MADE.format(id=result.snapshot_id, **result.counts))
        # the per-sheet "carried over" warnings are already summed up in CLI_CARRIED_OVER
        carried = {texts.WARN_CARRIED.format(sheet=s) for s in result.carried_over}
        if result.carried_over:
            print(texts.CLI_CARRIED_OVER.format(sheets=", ".join(result.carried_over)))
        for w in result.warnings:
            if w not in carried:
                print(w)
        for a in result.set_aside:
            print(texts.CLI_SET_ASIDE.format(**a))
    else:
        print(formats.counted(texts.CLI_REJECTED, n=len(result.errors)), file=sys.stderr)
        for e in result.errors:
            row = texts.CLI_ROW.format(row=e.row) if e.row else ""
            where = " ".join(x for x in (e.sheet, row, e.column or "") if x)
            print(f"  {where}{texts.COLON}{e.message}", file=sys.stderr)
    return 0 if result.ok else 1


def cmd_snapshots(store: Store, args) -> int:
    snaps = store.snapshots()
    if args.json:
        _print_json(listings.snapshots(store))
        return 0
    if not snaps:
        print(texts.CLI_NO_SNAPSHOT)
    for s in snaps:
        mark = "*" if s.active else " "
        # a label written before labels were checked may hold terminal escapes: shown, never obeyed
        print(f"{mark} {s.id:>4}  " + formats.counted(
            texts.CLI_SNAPSHOT_LINE, as_of=formats.date(s.as_of), label=visible(s.title), besoins=s.counts["besoins"],
            programmes=s.counts["programmes"], investisseurs=s.counts["investisseurs"]))
    return 0


def cmd_activate(store: Store, args) -> int:
    try:
        store.activate(args.id)
    except KeyError:
        print(texts.CLI_UNKNOWN_SNAPSHOT.format(id=args.id), file=sys.stderr)
        return 1
    print(texts.CLI_ACTIVATED.format(id=args.id))
    return 0


def _snapshot(store: Store, wanted: int | None) -> int | None:
    sid = wanted if wanted is not None else store.active_snapshot_id()
    if sid is None or store.snapshot(sid) is None:
        print(texts.CLI_UNKNOWN_SNAPSHOT.format(id=sid) if sid else texts.CLI_NO_SNAPSHOT, file=sys.stderr)
        return None
    return sid


def cmd_export(store: Store, args) -> int:
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    exports.export_snapshot(store, sid, args.path)
    print(texts.CLI_EXPORTED.format(id=sid, path=args.path))
    return 0


def cmd_template(store: Store | None, args) -> int:
    Path(args.path).write_bytes(exports.template_bytes())
    print(texts.CLI_TEMPLATE.format(path=args.path))
    return 0


def cmd_contract(store: Store | None, args) -> int:
    sys.stdout.write(exports.contract_markdown())
    return 0


def _print_rows(frame: pd.DataFrame, as_json: bool, empty: str | None = None) -> None:
    if as_json:
        _print_json(listings.records(frame))
    elif frame.empty and empty:
        print(empty)
    else:
        print(frame.to_string(index=False))


def cell_rows(listing):
    """The command printing ``listing``'s rows (one per territory × theme) of a snapshot: matrix, pathways, results."""
    def command(store: Store, args) -> int:
        sid = _snapshot(store, args.snapshot)
        if sid is None:
            return 1
        _print_rows(listing(store, sid, level=args.level, source=args.source), args.json)
        return 0
    return command


def cmd_commitments(store: Store, args) -> int:
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    if args.json:
        _print_json(listings.records(listings.commitments(store, sid)))
        return 0
    rows = followup.commitments(store, sid)
    if rows.empty:
        print(texts.CLI_NO_COMMITMENTS)
    else:
        shown = rows.assign(zones_blanches=[len(z) for z in rows["zones_blanches"]])
        keys = listings.COMMITMENT_KEYS
        print(shown[[k for k in keys if k != "investisseurs"] + ["noms_investisseurs"]].to_string(index=False))
    return 0


def cmd_note(store: Store, args) -> int:
    from inventory.intake.noting import note_commitment

    fields = {"investisseurs": args.investisseurs, "thematiques": args.thematiques, "territoires": args.territoires,
              "statut": args.statut, "montant_eur": args.montant, "echeance": args.echeance,
              "session": args.seance or texts.NOTE_SESSION_DEFAULT.format(date=formats.date(dt.date.today())),
              "description": args.description}
    return _session_change(store, args, note_commitment(store, {k: v for k, v in fields.items() if v is not None}),
                           None)


def cmd_status(store: Store, args) -> int:
    from inventory.intake.noting import update_commitment

    changes = {k: v for k, v in (("statut", args.statut), ("echeance", args.echeance), ("montant_eur", args.montant))
               if v is not None}
    return _session_change(store, args, update_commitment(store, args.id, changes, seance=args.seance), args.id)


def _session_change(store: Store, args, result, commitment_id: str | None) -> int:
    """What ``note`` and ``status`` print: the new snapshot and the commitment as ``commitments --json`` shows it,
    or every problem in the form's own words."""
    if not result.ok:
        if args.json:
            _print_json({"ok": False, "errors": [{"column": e.column, "value": e.value, "message": e.message}
                                                 for e in result.errors]})
        else:
            for e in result.errors:  # as the form lists them: the field, then what is wrong
                field = texts.NOTE_FIELDS.get(e.column or "", e.column or "")
                said = f"{field}{texts.COLON}{e.message}" if field and not e.message.startswith(field) else e.message
                print(f"  {said}", file=sys.stderr)
        return 1
    rows = followup.commitments(store, result.snapshot_id)
    wanted = commitment_id or rows.sort_values("ordre")["id"].iloc[-1]
    commitment = listings.records(rows[rows["id"] == wanted][listings.COMMITMENT_KEYS])[0]
    if args.json:
        _print_json({"ok": True, "snapshot_id": result.snapshot_id, "engagement": commitment})
    else:
        snap = store.snapshot(result.snapshot_id)
        print(texts.SESSION_CLI_SAVED.format(id=result.snapshot_id, label=snap.title if snap else ""))
        print(json.dumps(commitment, ensure_ascii=False))
    return 0


def cmd_api(store: Store, args) -> int:
    from inventory.api import app

    store.active_snapshot_id()  # a missing or unprepared file is said now, in one sentence, not at the first request
    print(texts.CLI_API_LISTENING.format(host=args.host, port=args.port), flush=True)
    app.serve(store, args.host, args.port)
    return 0


def cmd_token(store: Store, args) -> int:
    from inventory.api import tokens
    from inventory.store import revoke_token
    from inventory.store import tokens as made

    if args.action == "list":
        rows = made(store)
        if not rows:
            print(texts.CLI_TOKEN_NONE)
        for name, created, revoked in rows:
            state = texts.CLI_TOKEN_REVOKED_ON.format(date=formats.date(revoked)) if revoked else texts.CLI_TOKEN_IN_USE
            print(texts.CLI_TOKEN_LINE.format(name=name, created=formats.date(created), state=state))
        return 0
    if not args.name or not tokens.valid_name(args.name):
        print(texts.CLI_TOKEN_BAD_NAME.format(name=args.name or ""), file=sys.stderr)
        return 2
    if args.action == "revoke":
        if not revoke_token(store, args.name):
            print(texts.CLI_TOKEN_UNKNOWN.format(name=args.name), file=sys.stderr)
            return 1
        print(texts.CLI_TOKEN_REVOKED.format(name=args.name))
        return 0
    token = tokens.create(store, args.name)
    if token is None:
        print(texts.CLI_TOKEN_EXISTS.format(name=args.name), file=sys.stderr)
        return 1
    print(texts.CLI_TOKEN_CREATED.format(name=args.name, token=token))
    return 0


def cmd_publish(store: Store, args) -> int:
    from inventory.store import publish

    try:
        path = publish(store, args.to)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    print(texts.CLI_PUBLISHED.format(path=path, size=formats.number(path.stat().st_size / 1e6, 1)))
    return 0


def cmd_serve(store: Store | None, args) -> int:
    from inventory import replicas

    return replicas.main(args)


def cmd_organisations(store: Store, args) -> int:
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    records = organisations.organisation_records(store, sid)
    if args.json:
        _print_json(records)
    else:
        for o in records:
            share = o["part_premier_financeur"]
            dependence = "" if share is None else formats.percent(share, "part_premier_financeur")
            roles = ", ".join(texts.ORG_ROLES.get(r, r) for r in o["roles"])
            print(" · ".join(str(x) for x in (o["id"], o["nom"], roles, ", ".join(o["financeurs"]),
                                              dependence)))
    return 0


def cmd_report(store: Store, args) -> int:
    from inventory.outputs import session_report

    if Path(args.path).suffix.lower() not in (".html", ".htm", ".pdf"):
        print(texts.REPORT_BAD_PATH.format(path=args.path), file=sys.stderr)
        return 2
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    try:
        path = session_report.write(store, args.path, sid, lang=texts.language())  # --lang, before or after
    except (session_report.ChromiumMissing, RuntimeError) as exc:
        print(str(exc), file=sys.stderr)
        return 5
    print(texts.CLI_REPORT_WRITTEN.format(id=sid, path=path, size=formats.number(path.stat().st_size / 1024)))
    return 0


def cmd_signals(store: Store, args) -> int:
    from inventory.analysis import signals

    before, after = signals.snapshot_pair(store, args.before, args.after)
    if after is None or store.snapshot(after) is None or (before is not None and store.snapshot(before) is None):
        print(texts.CLI_UNKNOWN_SNAPSHOT.format(id=args.after or args.before) if (args.after or args.before)
              else texts.CLI_SIGNALS_NO_SNAPSHOT, file=sys.stderr)
        return 1
    found = signals.signals_json(store, before, after, investisseur=args.investisseur)
    if args.json:
        _print_json(found)
    elif not found:
        print(texts.SIGNALS_NONE)
    else:
        from inventory.outputs import digest

        frame = signals.signals(store, before, after, investisseur=args.investisseur)
        themes = digest.theme_names(store, after)
        for s in frame.to_dict(orient="records"):
            print(f"{s['rang']:>3}. {texts.SIGNAL_TYPES[s['type']]} — {digest.sentence(s, themes)}")
            print(f"     {texts.SIGNALS_FOR_LINE.format(members=digest.members_line(s))}")
    return 0


def cmd_digest(store: Store, args) -> int:
    from inventory.analysis import signals
    from inventory.outputs import digest

    before, after = signals.snapshot_pair(store, args.before, args.after)
    if after is None or store.snapshot(after) is None:
        print(texts.CLI_SIGNALS_NO_SNAPSHOT, file=sys.stderr)
        return 1
    settings = digest.smtp_settings() if args.send else None
    if args.send and settings is None:
        print(texts.CLI_DIGEST_NO_SMTP, file=sys.stderr)
        return 2
    letters = digest.letters(store, before, after, base_url=args.base_url)
    if not letters:
        print(texts.CLI_DIGEST_NONE)
        return 0
    for letter, html_path, text_path in digest.write(letters, args.dir):
        print(formats.counted(texts.CLI_DIGEST_WRITTEN, investisseur=letter.investisseur, nom=letter.nom,
                              signaux=letter.signaux, html=html_path, text=text_path))
    if not args.send:
        print(texts.CLI_DIGEST_NOT_SENT)
        return 0
    sent = digest.send(letters, settings)
    for member, contact, error in sent:
        if contact is None:
            print(texts.CLI_DIGEST_NO_CONTACT.format(investisseur=member))
        elif error is None:
            print(texts.CLI_DIGEST_SENT.format(investisseur=member, contact=contact))
        else:
            print(texts.CLI_DIGEST_FAILED.format(investisseur=member, contact=contact, error=error), file=sys.stderr)
    failed = sum(1 for _, c, e in sent if c and e)
    print(formats.counted(texts.CLI_DIGEST_SUMMARY, sent=sum(1 for _, c, e in sent if c and not e), failed=failed,
                          missing=sum(1 for _, c, _ in sent if c is None)))
    return 6 if failed else 0


def cmd_demo(store: Store, args) -> int:
    if args.needs is None:
        print(demo.load_demo(store))
    else:
        print(demo.load_synthetic(store, args.needs, args.programmes or 1000, n_commitments=args.commitments or 0,
                                  n_results=args.results or 0))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="python -m inventory", description=texts.CLI_DESCRIPTION)
    ap.add_argument("--lang", choices=texts.LANGUAGES, default=argparse.SUPPRESS, help=texts.CLI_HELP_LANG)
    sub = ap.add_subparsers(dest="command", required=True)

    def add(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help)
        p.add_argument("--db", default=os.environ.get("INVENTORY_DB", DEFAULT_DB), help=texts.CLI_HELP_DB)
        return p

    def cells(name: str, help: str, func) -> None:
        """A command printing one row per territory × theme of a snapshot (matrix, pathways)."""
        p = add(name, help)
        p.add_argument("--snapshot", type=int)
        p.add_argument("--level", choices=base.LEVELS, default="region")
        p.add_argument("--source", choices=list(reference.SOURCES))
        p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)

    p = add("init", texts.CLI_HELP_INIT)
    p.add_argument("--empty", action="store_true", help=texts.CLI_HELP_EMPTY)
    p.add_argument("--ensure-password", action="store_true", help=texts.CLI_HELP_ENSURE_PASSWORD)
    p.set_defaults(func=cmd_init)
    p = add("import", texts.CLI_HELP_IMPORT)
    p.add_argument("files", nargs="+")
    p.add_argument("--label", type=_label)
    p.add_argument("--as-of", type=_date)
    p.add_argument("--format", choices=["aides-territoires", "hxl"],
                   help=texts.CLI_HELP_FORMAT)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_import)
    p = add("snapshots", texts.CLI_HELP_SNAPSHOTS)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_snapshots)
    p = add("activate", texts.CLI_HELP_ACTIVATE)
    p.add_argument("id", type=int)
    p.set_defaults(func=cmd_activate)
    p = add("export", texts.CLI_HELP_EXPORT)
    p.add_argument("path")
    p.add_argument("--snapshot", type=int)
    p.set_defaults(func=cmd_export)
    p = add("template", texts.CLI_HELP_TEMPLATE)
    p.add_argument("path")
    p.add_argument("--lang", choices=texts.LANGUAGES, default=argparse.SUPPRESS, help=texts.CLI_HELP_LANG)
    p.set_defaults(func=cmd_template, no_store=True)
    p = add("contract", texts.CLI_HELP_CONTRACT)
    p.set_defaults(func=cmd_contract, no_store=True)
    cells("matrix", texts.CLI_HELP_MATRIX, cell_rows(listings.matrix))
    p = add("commitments", texts.CLI_HELP_COMMITMENTS)
    p.add_argument("--snapshot", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_commitments)
    cells("pathways", texts.CLI_HELP_PATHWAYS, cell_rows(listings.pathways))
    cells("results", texts.CLI_HELP_RESULTS, cell_rows(listings.results))
    p = add("api", texts.CLI_HELP_API)
    p.add_argument("--host", default="127.0.0.1", help=texts.CLI_HELP_HOST)
    p.add_argument("--port", type=int, default=8502, help=texts.CLI_HELP_PORT)
    # read-only: no DDL on open, reopened when a publish replaces the file; lets go of it when idle (imports)
    p.set_defaults(func=cmd_api, store_options={"read_only": True, "idle_close": 5.0})
    p = add("token", texts.CLI_HELP_TOKEN)
    p.add_argument("action", choices=["create", "list", "revoke"])
    p.add_argument("name", nargs="?", help=texts.CLI_HELP_TOKEN_NAME)
    p.add_argument("--name", dest="name", default=argparse.SUPPRESS, help=texts.CLI_HELP_TOKEN_NAME)
    p.set_defaults(func=cmd_token)
    p = add("publish", texts.CLI_HELP_PUBLISH)
    p.add_argument("--to", default=os.environ.get("INVENTORY_PUBLISHED") or PUBLISHED_DB, help=texts.CLI_HELP_PUBLISH_TO)
    p.set_defaults(func=cmd_publish)
    p = add("serve", texts.CLI_HELP_SERVE)
    p.add_argument("--replicas", type=int, default=2, help=texts.CLI_HELP_REPLICAS)
    p.add_argument("--host", default="127.0.0.1", help=texts.CLI_HELP_HOST)
    p.add_argument("--port", type=int, default=8501, help=texts.CLI_HELP_PORT)
    p.add_argument("--published", default=os.environ.get("INVENTORY_PUBLISHED") or PUBLISHED_DB,
                   help=texts.CLI_HELP_PUBLISH_TO)
    p.set_defaults(func=cmd_serve, no_store=True)
    p = add("note", texts.CLI_HELP_NOTE)
    for name in ("investisseurs", "thematiques", "territoires"):
        p.add_argument(f"--{name}", required=True, help=texts.CLI_HELP_LIST)
    p.add_argument("--statut", required=True)
    for name in ("montant", "echeance", "description"):
        p.add_argument(f"--{name}")
    p.add_argument("--seance", help=texts.CLI_HELP_SEANCE)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_note)
    p = add("status", texts.CLI_HELP_STATUS)
    p.add_argument("id")
    for name in ("statut", "montant", "echeance"):
        p.add_argument(f"--{name}")
    p.add_argument("--seance", help=texts.CLI_HELP_SEANCE)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_status)
    p = add("organisations", texts.CLI_ORGANISATIONS_HELP)
    p.add_argument("--snapshot", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_organisations)
    p = add("report", texts.CLI_HELP_REPORT)
    p.add_argument("path")
    p.add_argument("--snapshot", type=int)
    p.add_argument("--lang", choices=texts.LANGUAGES, default=argparse.SUPPRESS, help=texts.CLI_HELP_LANG)
    p.set_defaults(func=cmd_report)
    for name, help, func in (("signals", texts.CLI_HELP_SIGNALS, cmd_signals),
                             ("digest", texts.CLI_HELP_DIGEST, cmd_digest)):
        p = add(name, help)
        if name == "digest":
            p.add_argument("dir")
            p.add_argument("--send", action="store_true", help=texts.CLI_HELP_SEND)
            p.add_argument("--base-url", default=os.environ.get("INVENTORY_BASE_URL", "http://localhost:8501"))
        p.add_argument("--lang", choices=texts.LANGUAGES, default=argparse.SUPPRESS, help=texts.CLI_HELP_LANG)
        p.add_argument("--from", dest="before", type=int)
        p.add_argument("--to", dest="after", type=int)
        if name == "signals":
            p.add_argument("--investisseur")
            p.add_argument("--json", action="store_true")
        p.set_defaults(func=func)
    p = add("demo", texts.CLI_HELP_DEMO)
    p.add_argument("--needs", type=int)
    p.add_argument("--programmes", type=int)
    p.add_argument("--commitments", type=int, help=texts.CLI_HELP_COMMITMENTS_N)
    p.add_argument("--results", type=int, help=texts.CLI_HELP_RESULTS_N)
    p.set_defaults(func=cmd_demo)
    return ap


_WRITE_REASONS = {errno.ENOSPC: "WRITE_NO_SPACE", errno.EDQUOT: "WRITE_NO_SPACE", errno.EACCES: "WRITE_NOT_ALLOWED",
                  errno.EPERM: "WRITE_NOT_ALLOWED", errno.ENOTDIR: "WRITE_PARENT_NOT_FOLDER",
                  errno.EISDIR: "WRITE_IS_FOLDER", errno.EROFS: "WRITE_READ_ONLY", errno.EEXIST: "WRITE_PARENT_NOT_FOLDER",
                  errno.ENOENT: "WRITE_NO_FOLDER"}


def _is_write_error(exc: OSError, target: str | None) -> bool:
    """An error while writing the command's output (``PATH`` of export, template, report), not while reading
    its input: the file or one of its folders is named, or the disk itself refused (full, read-only)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EROFS):
        return True
    if not target or not exc.filename:
        return False
    failed, wanted = Path(exc.filename).resolve(), Path(target).resolve()
    return failed == wanted or failed in wanted.parents


def _write_reason(exc: OSError) -> str:
    return getattr(texts, _WRITE_REASONS.get(exc.errno, "WRITE_OTHER"))


def _lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get("INVENTORY_LOCK_TIMEOUT") or 30))
    except ValueError:
        return 30.0


def _language(argv: list[str]) -> str | None:
    """The ``--lang`` of the command line (or $INVENTORY_LANG), read before the parser is built: its help speaks
    that language too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return os.environ.get("INVENTORY_LANG")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    with texts.speaking(_language(argv)):
        return _run(argv)


def _run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    if getattr(args, "no_store", False):
        return _answer(args, lambda: args.func(None, args))
    # how long to wait for the dashboard (or another import) to let go of the file before giving up
    store = Store(args.db, lock_timeout=_lock_timeout(), **getattr(args, "store_options", {}))
    try:
        return _answer(args, lambda: args.func(store, args))
    finally:
        store.close()


def _answer(args, run) -> int:
    """``run()``'s exit code, or one French sentence for what went wrong (never a traceback for a facilitator)."""
    try:
        return run()
    except (StoreBusy, StoreNotCurrent) as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except OSError as exc:
        target = getattr(args, "path", None)
        if _is_write_error(exc, target):
            print(texts.CLI_WRITE_FAILED.format(path=target or exc.filename, reason=_write_reason(exc)), file=sys.stderr)
            return 2
        if isinstance(exc, FileNotFoundError):
            print(texts.CLI_FILE_NOT_FOUND.format(path=exc.filename), file=sys.stderr)
            return 2
        print(texts.CLI_UNEXPECTED.format(error=_write_reason(exc)), file=sys.stderr)
        return 4
    except Exception as exc:
        print(texts.CLI_UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 4


if __name__ == "__main__":
    sys.exit(main())
