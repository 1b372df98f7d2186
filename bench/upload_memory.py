"""Memory of one upload, as the import page holds it: an aides-territoires catalogue of ``--mb`` megabytes read,
checked and committed against the demo inventory, each in a fresh child process.

    .venv/bin/python -m bench.upload_memory --mb 45 [--kinds json csv xlsx ods] [--runs 3]

The catalogue is a page of fictitious aids with about 4 KB of HTML description each, every one different and
written with the accents and the typographic apostrophe (’) of real French text. ``json`` is the API's page of
``--mb`` megabytes; ``csv``, ``xlsx`` and ``ods`` are the same aids as the site's export (one row per aid, lists
joined by « ; »), so a workbook is smaller than its JSON (zipped) and holds the same rows.

For each kind, the median over ``--runs`` children of: *before*, the resident memory with every module loaded
(a small upload first), the inventory open and the file's bytes in hand, as the import page has them; *peak*,
VmHWM during read + check + commit; *after*, the resident memory once the upload's objects are dropped and
``inventory.memory.release()`` has run, as the import page does after a commit. The bound is the issue's:
before + 3 × the file.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KINDS = ("json", "csv", "xlsx", "ods")
_WORDS = ("accompagnement associations territoire formation bénévoles numérique inclusion structures "
          "économie sociale solidaire collectivités projets développement emploi jeunes quartiers ruraux "
          "financement investissement fonds propres trésorerie ingénierie diagnostic stratégie gouvernance "
          "coopération mutualisation réseau têtes acteurs d’intérêt général l’innovation d’utilité sociale "
          "l’échelle départementale régionale nationale équipement matériel logiciel données usagers publics "
          "fragiles médiation culturelle sportive éducative santé alimentation mobilité transition écologique "
          "énergie rénovation bâtiment tiers-lieux fabriques services proximité commerces artisans "
          "entrepreneurs créateurs repreneurs dirigeants salariés compétences qualification insertion").split()


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # MiB
    return float("nan")


def _description(rng: random.Random, i: int) -> str:
    """About 4 KB of HTML, different for every aid."""
    def sentence() -> str:
        words = rng.choices(_WORDS, k=rng.randint(8, 16))
        return " ".join(words).capitalize() + "."

    paragraphs = [f"<p>Aide n° {i} : " + " ".join(sentence() for _ in range(6)) + "</p>"]
    while sum(map(len, paragraphs)) < 3600:
        paragraphs.append("<p>" + " ".join(sentence() for _ in range(4)) + "</p>")
        paragraphs.append("<ul>" + "".join(f"<li>{sentence()}</li>" for _ in range(3)) + "</ul>")
    return "".join(paragraphs)


def aids(megabytes: float) -> list[dict]:
    """Aids whose API page weighs about ``megabytes`` MiB."""
    rng, out, size, i = random.Random(24), [], 40, 0
    while size < megabytes * 2**20:
        i += 1
        aid = {"id": i, "name": f"Aide de mesure {i}", "financers": ["Fondation de mesure (fictive)"],
               "perimeter": "Hérault (Département)", "categories": ["Numérique|Inclusion numérique"],
               "targeted_audiences": ["Associations"], "aid_types": ["Subvention"], "start_date": "2024-01-15",
               "submission_deadline": "2024-06-30", "description": _description(rng, i), "url": f"/aides/{i}-aide/"}
        size += len(json.dumps(aid, ensure_ascii=False).encode()) + 2
        out.append(aid)
    return out


def aides_json(megabytes: float) -> bytes:
    """A catalogue page of fictitious aids up to the size."""
    found = aids(megabytes)
    return json.dumps({"count": len(found), "results": found}, ensure_ascii=False).encode()


def catalogue_file(kind: str, megabytes: float) -> tuple[str, bytes]:
    """The catalogue as the kind of file a facilitator would upload: its name and bytes."""
    if kind == "json":
        return "aides.json", aides_json(megabytes)
    import pandas as pd

    from bench import files

    frame = pd.DataFrame([{k: " ; ".join(v) if isinstance(v, list) else v for k, v in aid.items()}
                          for aid in aids(megabytes)])
    if kind == "csv":
        return "aides.csv", files.csv_bytes(frame)
    return f"aides.{kind}", files.WRITERS[kind](frame, sheet="Export aides")


def child(path: str, db: str) -> dict:
    from inventory.intake import importer
    from inventory.store import Store

    store = Store(db)
    store.snapshots()
    warm = importer.check(importer.read_upload([("aides.json", aides_json(0.05))]), store)  # every module loaded
    del warm
    data = Path(path).read_bytes()
    from inventory import memory

    memory.release()
    base = _status("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # the peak counted from here
    start = time.perf_counter()
    upload = importer.read_upload([(Path(path).name, data)])
    checked = importer.check(upload, store)
    result = importer.commit(store, checked, label="mesure", as_of=None) if checked.ok else None
    took = time.perf_counter() - start
    peak, ok = _status("VmHWM"), result is not None and result.ok
    problems = [i.message for i in checked.issues[:3]]
    del upload, checked, data, result
    memory.release()
    after = _status("VmRSS")
    return {"file_mib": Path(path).stat().st_size / 2**20, "base_mib": base, "peak_mib": peak, "after_mib": after,
            "seconds": took, "ok": ok, "problems": problems}


def measure(kind: str, megabytes: float, runs: int) -> dict:
    """The medians of ``runs`` fresh children importing the same file into a fresh copy of the demo inventory."""
    got = []
    with tempfile.TemporaryDirectory() as tmp:
        name, data = catalogue_file(kind, megabytes)
        path = Path(tmp) / name
        path.write_bytes(data)
        del data
        for n in range(runs):
            db = Path(tmp) / f"inventory{n}.duckdb"
            subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(db)], check=True,
                           capture_output=True)
            out = subprocess.run([sys.executable, "-m", "bench.upload_memory", "--child", str(path), str(db)],
                                 check=True, capture_output=True, text=True)
            got.append(json.loads(out.stdout.strip().splitlines()[-1]))
    median = {k: statistics.median(g[k] for g in got) for k in ("file_mib", "base_mib", "peak_mib", "after_mib",
                                                                "seconds")}
    return {**median, "kind": kind, "ok": all(g["ok"] for g in got), "problems": got[0]["problems"],
            "rows": len(aids(megabytes))}


def row(m: dict) -> str:
    bound = m["base_mib"] + 3 * m["file_mib"]
    grown = (m["peak_mib"] - m["base_mib"]) / m["file_mib"]
    aids_count = f"{m['rows']:,}".replace(",", " ")
    return (f"| {m['kind']} | {m['file_mib']:.1f} MiB ({aids_count} aids) | {m['base_mib']:.0f} MiB | "
            f"{m['peak_mib']:.0f} MiB (+{grown:.1f} × the file) | {bound:.0f} MiB "
            f"{'within' if m['peak_mib'] <= bound else '**over**'} | {m['after_mib']:.0f} MiB | {m['seconds']:.1f} s | "
            f"{'yes' if m['ok'] else 'no: ' + '; '.join(m['problems'])} |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.upload_memory")
    ap.add_argument("--mb", type=float, default=45, help="size of the JSON page (the other kinds hold its aids)")
    ap.add_argument("--kinds", nargs="+", choices=KINDS, default=["json"])
    ap.add_argument("--runs", type=int, default=1, help="fresh children per kind (medians are printed)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    print("| kind | file | before | peak | bound (before + 3 × file) | after | read + check + commit | committed |")
    print("|---|---|---|---|---|---|---|---|")
    for kind in args.kinds:
        print(row(measure(kind, args.mb, args.runs)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
