"""Memory of one upload, as the import page holds it: an aides-territoires JSON of ``--mb`` megabytes read,
checked and committed against the demo inventory, in a fresh child process.

    .venv/bin/python -m bench.upload_memory --mb 45

Prints the process's resident memory before (modules imported, demo inventory open), its peak during the import
(VmHWM) and after the upload's objects are released, against the issue-24 bound: peak ≤ base + 3 × the file.
"""
from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _status(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # MiB
    return float("nan")


def aides_json(megabytes: float) -> bytes:
    """A catalogue page of fictitious aids, each with a description of about 4 KB of HTML, up to the size."""
    text = "<p>" + "Accompagnement des associations du territoire, formation des bénévoles. " * 55 + "</p>"
    aid = {"name": "", "financers": ["Fondation de mesure (fictive)"], "perimeter": "Hérault (Département)",
           "categories": ["Numérique|Inclusion numérique"], "targeted_audiences": ["Associations"],
           "aid_types": ["Subvention"], "start_date": "2024-01-15", "submission_deadline": "2024-06-30",
           "description": text, "url": "/aides/x/"}
    one = len(json.dumps(aid, ensure_ascii=False).encode())
    aids = [dict(aid, id=i, name=f"Aide de mesure {i}", url=f"/aides/{i}-aide/")
            for i in range(int(megabytes * 2**20 / one))]
    return json.dumps({"count": len(aids), "results": aids}, ensure_ascii=False).encode()


def child(path: str, db: str) -> dict:
    from inventory.intake import importer
    from inventory.store import Store

    store = Store(db)
    store.snapshots()
    warm = importer.check(importer.read_upload([("aides.json", aides_json(0.05))]), store)  # every module loaded
    del warm
    data = Path(path).read_bytes()
    gc.collect()
    base = _status("VmRSS")
    start = time.perf_counter()
    upload = importer.read_upload([("aides.json", data)])
    checked = importer.check(upload, store)
    result = importer.commit(store, checked, label="mesure", as_of=None) if checked.ok else None
    took = time.perf_counter() - start
    peak, ok = _status("VmHWM"), result is not None
    del upload, checked, data, result
    from inventory import memory

    memory.release()
    after = _status("VmRSS")
    return {"file_mib": Path(path).stat().st_size / 2**20, "base_mib": base, "peak_mib": peak, "after_mib": after,
            "seconds": took, "ok": ok}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.upload_memory")
    ap.add_argument("--mb", type=float, default=45)
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "aides.json", Path(tmp) / "inventory.duckdb"
        path.write_bytes(aides_json(args.mb))
        subprocess.run([sys.executable, "-m", "inventory", "init", "--db", str(db)], check=True, capture_output=True)
        out = subprocess.run([sys.executable, "-m", "bench.upload_memory", "--child", str(path), str(db)],
                             check=True, capture_output=True, text=True)
    got = json.loads(out.stdout.strip().splitlines()[-1])
    bound = got["base_mib"] + 3 * got["file_mib"]
    print(f"| {got['file_mib']:.1f} MiB | {got['base_mib']:.0f} MiB | {got['peak_mib']:.0f} MiB "
          f"({(got['peak_mib'] - got['base_mib']) / got['file_mib']:.1f} × the file) | {bound:.0f} MiB | "
          f"{got['after_mib']:.0f} MiB | {got['seconds']:.1f} s | {'yes' if got['ok'] else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
