"""Command line for facilitators who script refreshes and reports: ``python -m inventory COMMAND``."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import secrets
import sys
from pathlib import Path

import pandas as pd

from inventory import formats, reference, texts
from inventory.analysis import base, coverage, followup, organisations, pathways
from inventory.intake import demo, importer
from inventory.outputs import exports
from inventory.store import DEFAULT_DB, Store, StoreBusy

SECRETS_FILE = Path(".streamlit/secrets.toml")


def _date(value: str) -> dt.date:
    from inventory.parsing import date

    try:
        return date(value)
    except Exception:
        raise argparse.ArgumentTypeError(texts.CLI_BAD_DATE.format(value=value)) from None


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
        print(texts.CLI_REJECTED.format(n=len(result.errors)), file=sys.stderr)
        for e in result.errors:
            where = " ".join(x for x in (e.sheet, f"ligne {e.row}" if e.row else "", e.column or "") if x)
            print(f"  {where} : {e.message}", file=sys.stderr)
    return 0 if result.ok else 1


def cmd_snapshots(store: Store, args) -> int:
    snaps = store.snapshots()
    if args.json:
        _print_json([{"id": s.id, "label": s.label, "as_of": s.as_of.isoformat(), "created_at": s.created_at.isoformat(),
                      "active": s.active, "counts": s.counts} for s in snaps])
        return 0
    if not snaps:
        print(texts.CLI_NO_SNAPSHOT)
    for s in snaps:
        mark = "*" if s.active else " "
        print(f"{mark} {s.id:>4}  {s.as_of:%d/%m/%Y}  {s.label}  ({s.counts['besoins']} besoins, "
              f"{s.counts['programmes']} programmes, {s.counts['investisseurs']} investisseurs)")
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


def cmd_matrix(store: Store, args) -> int:
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    m = coverage.need_matrix(store, sid, level=args.level, needs=base.NeedFilter(source=args.source))
    m = m.drop(columns=["alliance"])
    if args.json:
        records = m.astype(object).where(m.notna(), None).to_dict(orient="records")
        _print_json(records)
    else:
        print(m.to_string(index=False))
    return 0


def _records(frame, columns: list[str]) -> list[dict]:
    """Rows as JSON-ready dicts: lists as lists, dates as ISO strings, missing values as null."""
    out = []
    for row in frame[columns].to_dict(orient="records"):
        clean = {}
        for key, value in row.items():
            if hasattr(value, "tolist") and not isinstance(value, str):
                value = value.tolist()
            if not isinstance(value, (list, dict)) and pd.isna(value):  # NaT too, before it passes for a date
                value = None
            elif isinstance(value, (dt.date, dt.datetime)):
                value = value.isoformat()[:10]
            clean[key] = value
        out.append(clean)
    return out


COMMITMENT_KEYS = ["id", "investisseurs", "thematiques", "territoires", "statut", "montant_eur", "date", "echeance",
                   "en_retard", "zones_blanches"]
PATHWAY_KEYS = ["territoire", "nom", "thematique", "acteurs", "score", "programmes", "phases", "natures", "urgence",
                "relance", "structurel", "argent", "accompagnement", "maillon_manquant"]


def cmd_commitments(store: Store, args) -> int:
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    rows = followup.commitments(store, sid)
    if args.json:
        _print_json(_records(rows, COMMITMENT_KEYS))
    elif rows.empty:
        print(texts.CLI_NO_COMMITMENTS)
    else:
        shown = rows.assign(zones_blanches=[len(z) for z in rows["zones_blanches"]])
        print(shown[[k for k in COMMITMENT_KEYS if k != "investisseurs"] + ["noms_investisseurs"]].to_string(index=False))
    return 0


def cmd_pathways(store: Store, args) -> int:
    sid = _snapshot(store, args.snapshot)
    if sid is None:
        return 1
    rows = pathways.pathways(store, sid, level=args.level, source=args.source)
    if args.json:
        _print_json(_records(rows, PATHWAY_KEYS))
    else:
        print(rows[PATHWAY_KEYS].to_string(index=False))
    return 0


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
            print(" · ".join(str(x) for x in (o["id"], o["nom"], ", ".join(o["roles"]), ", ".join(o["financeurs"]),
                                              "" if share is None else formats.number(100 * share, 1) + " %")))
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


def cmd_demo(store: Store, args) -> int:
    if args.needs is None:
        print(demo.load_demo(store))
    else:
        print(demo.load_synthetic(store, args.needs, args.programmes or 1000, n_commitments=args.commitments or 0,
                                  n_results=args.results or 0))
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m inventory", description=texts.CLI_DESCRIPTION)
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
    p.add_argument("--label")
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
    cells("matrix", texts.CLI_HELP_MATRIX, cmd_matrix)
    p = add("commitments", texts.CLI_HELP_COMMITMENTS)
    p.add_argument("--snapshot", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_commitments)
    cells("pathways", texts.CLI_HELP_PATHWAYS, cmd_pathways)
    p = add("organisations", texts.CLI_ORGANISATIONS_HELP)
    p.add_argument("--snapshot", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_organisations)
    p = add("report", texts.CLI_HELP_REPORT)
    p.add_argument("path")
    p.add_argument("--snapshot", type=int)
    p.add_argument("--lang", choices=texts.LANGUAGES, default=argparse.SUPPRESS, help=texts.CLI_HELP_LANG)
    p.set_defaults(func=cmd_report)
    p = add("demo", texts.CLI_HELP_DEMO)
    p.add_argument("--needs", type=int)
    p.add_argument("--programmes", type=int)
    p.add_argument("--commitments", type=int, help=texts.CLI_HELP_COMMITMENTS_N)
    p.add_argument("--results", type=int, help=texts.CLI_HELP_RESULTS_N)
    p.set_defaults(func=cmd_demo)
    return ap


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
        return args.func(None, args)
    # how long to wait for the dashboard (or another import) to let go of the file before giving up
    store = Store(args.db, lock_timeout=_lock_timeout())
    try:
        return args.func(store, args)
    except StoreBusy as exc:
        print(str(exc), file=sys.stderr)
        return 3
    except FileNotFoundError as exc:
        print(texts.CLI_FILE_NOT_FOUND.format(path=exc.filename), file=sys.stderr)
        return 2
    except Exception as exc:  # never a traceback for a facilitator
        print(texts.CLI_UNEXPECTED.format(error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        return 4
    finally:
        store.close()


if __name__ == "__main__":
    sys.exit(main())
