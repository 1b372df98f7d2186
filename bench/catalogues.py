"""A public catalogue imported next to a large inventory: a synthetic aides-territoires API export of 5,000 aids
(the shapes of the real one: HTML descriptions, perimeters from the whole country down to communes and EPCIs,
``Thème|Catégorie`` categories, several financers), against parsing the same JSON alone.

- parse: ``json.loads`` of the file, the floor under any reading of it;
- convert: ``inventory.intake.catalogues.convert`` (perimeters, correspondences, financers, HTML to text);
- import: the product's read + check + commit of the file next to an active snapshot of ``programmes``
  programmes (when the importer registers catalogues).
"""
from __future__ import annotations

import json
import random
import time
from pathlib import Path
from typing import Any

from bench.common import median

PERIMETERS = (["France"] * 6 + ["Occitanie (Région)", "Auvergne-Rhône-Alpes (Région)", "Bretagne (Région)",
              "La Réunion (Région)", "Hérault (Département)", "Rhône (Département)", "Gironde (Département)",
              "Corse-du-Sud (Département)", "Paris (Département)"] * 3
              + ["Montpellier (Commune – 34000, 34070, 34080, 34090)", "Lyon (Commune – 69001, 69002)",
                 "CA du Pays de l'Or (EPCI)", "Métropole de Lyon (EPCI)", "Outre-mer",
                 "Rhône-Méditerranée (Bassin hydrographique)"])
CATEGORIES = ["Numérique|Inclusion numérique", "Fonctions support|Formation", "Fonctions support|Ingénierie financière",
              "Développement économique / production et consommation|Économie sociale et solidaire",
              "Fonctions support|Appui méthodologique", "Fonctions support|Animation et mise en réseau",
              "Eau et milieux aquatiques|Eau potable", "Mobilité / transports|Transports collectifs",
              "Culture et identité collective|Patrimoine"]
FINANCERS = ["Agence nationale de la cohésion des territoires (ANCT)", "Banque des Territoires", "Région Occitanie",
             "Fondation de France", "Département de l'Hérault", "ADEME", "Caisse des dépôts", "Fondation Orange",
             "Ministère de la Culture", "Union européenne"] + [f"Financeur local {i}" for i in range(40)]
AUDIENCES = ["Associations", "Communes", "Intercommunalités / Pays", "Entreprises privées", "Particuliers",
             "Départements", "Régions"]
TYPES = ["Subvention", "Prêt", "Avance récupérable", "Ingénierie technique", "Ingénierie financière",
         "Formation / montée en compétence"]
PARAGRAPH = ("<p>Cette aide soutient les <strong>projets d&#8217;intérêt général</strong> portés par les acteurs "
             "du territoire&nbsp;: associations, collectivités et structures de l&rsquo;ESS.</p>")


def aides_territoires_json(aids: int = 5_000, *, seed: int = 5) -> bytes:
    """One API page holding ``aids`` aids (about 1.5 kB of HTML each)."""
    rng = random.Random(seed)
    results: list[dict[str, Any]] = []
    for i in range(aids):
        start = f"2024-{rng.randint(1, 6):02d}-{rng.randint(1, 28):02d}"
        results.append({
            "id": 100_000 + i, "slug": f"{i:x}-aide-{i}", "url": f"/aides/{i:x}-aide-{i}/",
            "name": f"Aide n° {i} : accompagner les projets {rng.choice(['numériques', 'solidaires', 'locaux'])}",
            "name_initial": None, "short_title": None,
            "financers": rng.sample(FINANCERS, rng.randint(1, 3)), "instructors": [], "programs": [],
            "description": PARAGRAPH * rng.randint(3, 8) + "<ul><li>investissement</li><li>fonctionnement</li></ul>",
            "eligibility": "<p>Être une association loi 1901.</p>", "perimeter": rng.choice(PERIMETERS),
            "mobilization_steps": ["Réflexion / conception"], "origin_url": f"https://example.org/aides/{i}",
            "categories": rng.sample(CATEGORIES, rng.randint(1, 3)), "is_call_for_project": rng.random() < 0.3,
            "application_url": "", "targeted_audiences": rng.sample(AUDIENCES, rng.randint(1, 3)),
            "aid_types": rng.sample(TYPES, rng.randint(1, 2)), "destinations": [],
            "start_date": start if rng.random() < 0.7 else None, "predeposit_date": None,
            "submission_deadline": f"2025-{rng.randint(1, 12):02d}-28" if rng.random() < 0.6 else None,
            "recurrence": rng.choice(["Ponctuelle", "Permanente", "Récurrente"]),
            "date_created": "2023-11-02T10:12:00+01:00", "date_updated": "2024-01-05T09:00:00+01:00",
        })
    return json.dumps({"count": aids, "next": None, "previous": None, "results": results},
                      ensure_ascii=False).encode()


def run_convert(workdir: Path, *, aids: int, repeat: int) -> dict[str, Any]:
    """Median seconds of parsing the JSON alone and of converting it, and their ratio."""
    from inventory.intake import catalogues

    path = workdir / f"aides-territoires-{aids}.json"
    if not path.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(aides_territoires_json(aids))
    data = path.read_bytes()
    parse, convert = [], []
    out = None
    for _ in range(repeat):
        t = time.perf_counter()
        json.loads(data)
        parse.append(time.perf_counter() - t)
        t = time.perf_counter()
        out = catalogues.convert(data, file=path.name)
        convert.append(time.perf_counter() - t)
    return {"aids": aids, "bytes": len(data), "parse_s": median(parse), "convert_s": median(convert),
            "ratio": median(convert) / median(parse), "programmes": len(out.sheets["programmes"]),
            "set_aside": len({s.row for s in out.set_aside}), "new_investors": len(out.new_investors)}


def run_import(workdir: Path, *, aids: int, programmes: int, repeat: int) -> dict[str, Any]:
    """Median seconds of the product's read + check + commit of the export into a copy of a database whose
    active snapshot holds ``programmes`` hand-made programmes, and the ratio to ``json.loads`` alone."""
    import shutil

    from inventory.intake import demo, importer
    from inventory.store import Store

    path = workdir / f"aides-territoires-{aids}.json"
    if not path.exists():
        workdir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(aides_territoires_json(aids))
    data = path.read_bytes()
    pristine = workdir / f"catalogue-base-{programmes}.duckdb"
    if not pristine.exists():
        store = Store(pristine)
        demo.load_synthetic(store, 1_000, programmes, seed=3)
        store.close()
    parse, read, check, commit = [], [], [], []
    result = None
    for _ in range(repeat):
        db = workdir / "catalogue-import.duckdb"
        shutil.copy(pristine, db)
        store = Store(db)
        t = time.perf_counter()
        json.loads(data)
        parse.append(time.perf_counter() - t)
        t = time.perf_counter()
        upload = importer.read_upload([(path.name, data)])
        read.append(time.perf_counter() - t)
        t = time.perf_counter()
        checked = importer.check(upload, store)
        check.append(time.perf_counter() - t)
        t = time.perf_counter()
        result = importer.commit(store, checked, label="bench")
        commit.append(time.perf_counter() - t)
        store.close()
        db.unlink()
    total = median([r + c + m for r, c, m in zip(read, check, commit)])
    conv = run_convert(workdir, aids=aids, repeat=repeat)
    return {"aids": aids, "bytes": len(data), "programmes_before": programmes, "parse_s": median(parse),
            "convert_s": conv["convert_s"], "read_s": median(read),
            "check_s": median(check), "commit_s": median(commit), "total_s": total,
            "ratio": total / median(parse), "ok": result.ok, "programmes_after": result.counts.get("programmes", 0),
            "set_aside": len({(a["sheet"], a["row"]) for a in result.set_aside})}


if __name__ == "__main__":
    import os
    import sys

    workdir = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out")
    print(run_import(workdir, aids=5_000, programmes=10_000, repeat=3), "load average", os.getloadavg())
