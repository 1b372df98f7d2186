"""aides-territoires exports (the JSON of its API, or a CSV) → programmes and investors of the contract.

Field names, as the catalogue publishes them (checked against its public code, github.com/MTES-MCT/aides-territoires):
- API ``/api/aids/`` (``src/aids/api/serializers.py``, AidSerializer 1.0–1.6): a page
  ``{"count", "next", "previous", "results": [...]}``, each aid with ``id``, ``slug``, ``url`` (its page on
  aides-territoires), ``name``, ``name_initial``, ``short_title``, ``financers`` and ``instructors`` (lists of
  backer names), ``programs``, ``description`` and ``eligibility`` (HTML), ``perimeter``, ``mobilization_steps``,
  ``origin_url``, ``categories`` (``"Thème|Catégorie"``), ``application_url``, ``targeted_audiences`` and
  ``aid_types`` (their French labels), ``destinations``, ``start_date``, ``predeposit_date``,
  ``submission_deadline`` (ISO dates or null), ``recurrence``, ``date_created``, ``date_updated``…; the newer
  API adds ``perimeter_scale`` (a typed client of it: ``financers_full``, ``perimeter_scale``…).
- ``perimeter`` is ``str(Perimeter)`` (``src/geofr/models.py``): ``"Hérault (Département)"``,
  ``"Occitanie (Région)"``, ``"Montpellier (Commune – 34000, 34070)"``, ``"CA du Pays de l'Or (EPCI)"``,
  ``"Rhône-Méditerranée (Bassin hydrographique)"``: a scale up to the region is written in brackets; broader
  perimeters (``France``, ``Europe``, ``Outre-mer``, ``France métropolitaine``) and ad-hoc ones are a bare name.
- audiences and aid types are the labels of ``src/aids/constants.py`` (``Communes``, ``Intercommunalités / Pays``,
  ``Associations``, ``Entreprises privées``…; ``Subvention``, ``Prêt``, ``Avance récupérable``,
  ``Ingénierie technique``…).
- the site's CSV exports (``src/aids/resources.py``, django-import-export) name columns by the model's
  ``verbose_name`` (``Nom``, ``Porteurs d’aides``, ``Périmètre`` — the perimeter's bare name —,
  ``Sous-thématiques``, ``Bénéficiaires de l’aide``, ``Types d’aide``, ``Date d’ouverture``, ``Date de clôture``,
  ``Plus d’informations``, ``Adresse de la fiche aide``) and join lists with commas; a CSV with the API's field
  names (a flattened JSON) is read too.

Each aid that can be placed becomes one programme ``AT-<id>``. Financers become investors (matched by name);
categories → themes, audiences → publics, aid types → nature, ``programs`` → phase through the correspondence
tables; ``start_date`` → ``date_debut``; ``submission_deadline`` is the deadline to *apply*, not the end of the
aid: it becomes ``date_limite_candidature`` (shown and exported) and never ``date_fin``, so an aid does not leave
the coverage the day its call closes; ``origin_url`` (else the
aides-territoires page) → ``url``; the description's HTML → text. An aid is set aside, with its reason, when
its perimeter is finer than a département or not a whole territory, when no category maps to a theme, when none
of its audiences is one of the inventory's, when it names no financer, or when its dates cannot be read.
"""
from __future__ import annotations

import ast
import itertools
import json
import re
from typing import Any, Iterator

from inventory import formats, texts
from inventory.intake.catalogues.common import (TEXT_LIMIT, CatalogueRefused, Converted, Investors, SetAside, as_date,
                                         csv_stream, fold, one_line, plain_text, shorten)
from inventory.intake.catalogues import json_items
from inventory.intake.catalogues.correspondences import Correspondences, shipped
from inventory.parsing import is_blank, show
from inventory.reference import NATIONAL, overseas_region_to_departement, resolve_territory

NAME = "aides-territoires"
PREFIX = "AT-"
SHAPES = ("json", "csv", "workbook")  # the files it is published as: its API's JSON, its CSV export, that CSV saved
DEFAULT_PHASE = "structurel"  # when neither the table's « phase » row nor a programme says otherwise

# CSV headers (folded) → API field: the API's own names and the site export's verbose names
COLUMNS: dict[str, str] = {fold(k): v for k, v in {
    "id": "id", "ID": "id", "slug": "slug", "Fragment d’URL": "slug", "url": "url",
    "Adresse de la fiche aide": "url", "name": "name", "Nom": "name", "name_initial": "name_initial",
    "Nom initial": "name_initial", "short_title": "short_title", "Titre court": "short_title",
    "financers": "financers", "Porteurs d’aides": "financers", "Porteurs d'aides": "financers",
    "Financeurs": "financers", "instructors": "instructors", "Instructeurs": "instructors",
    "programs": "programs", "Programmes": "programs", "description": "description",
    "Description complète de l’aide et de ses objectifs": "description", "description_clean": "description",
    "perimeter": "perimeter", "Périmètre": "perimeter", "perimeter_scale": "perimeter_scale",
    "Échelle": "perimeter_scale", "origin_url": "origin_url", "Plus d’informations": "origin_url",
    "categories": "categories", "Sous-thématiques": "categories", "Catégories": "categories",
    "Thématiques": "categories", "targeted_audiences": "targeted_audiences",
    "Bénéficiaires de l’aide": "targeted_audiences", "Bénéficiaires": "targeted_audiences",
    "aid_types": "aid_types", "Types d’aide": "aid_types", "start_date": "start_date",
    "Date d’ouverture": "start_date", "submission_deadline": "submission_deadline",
    "Date de clôture": "submission_deadline", "application_url": "application_url",
    "Candidater à l’aide": "application_url",
}.items()}
REQUIRED = ("name", "perimeter")

_SCALED = re.compile(r"^(?P<name>.+?)\s*\((?P<scale>[^()]*)\)\s*$")
WHOLE_COUNTRY = {"france", "europe", "union europeenne"}  # names of perimeters holding all of France
FINER = {"commune", "epci", "intercommunalite", "intercommunalites", "bassin hydrographique", "basin",
         "quartier", "arrondissement", "canton", "metropole du grand paris"}
PARTIAL = {"outre mer", "france metropolitaine", "metropole", "mainland", "overseas", "ad hoc", "adhoc"}


# --- recognising -----------------------------------------------------------------------------------------
def _json_text(data: bytes | str) -> str:
    """A JSON file's text: UTF-8 (with or without BOM), or UTF-16 with its BOM (as some Windows tools save)."""
    if isinstance(data, str):
        return data
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def looks_like_json(data: bytes) -> bool:
    head = data[:64]
    if head[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 with its BOM: a JSON, not a CSV
        head = head.decode("utf-16", errors="ignore").encode()
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"{", b"[")


def aids_of(payload: Any) -> list[Any] | None:
    """The aids of a decoded JSON export (an API page or a plain list), or None when it is not one."""
    aids = payload.get("results") if isinstance(payload, dict) else payload
    if not isinstance(aids, list) or not _are_aids(aids[:20]):
        return None
    return aids


def _are_aids(first: list[Any]) -> bool:
    """The first aids of an export (up to 20) look like aids: one has a name and a perimeter or financers."""
    sample = [a for a in first if isinstance(a, dict)]
    return not first or any("name" in a and ("perimeter" in a or "financers" in a) for a in sample)


def is_csv_export(headers: list[Any]) -> bool:
    known = {COLUMNS.get(fold(h)) for h in headers if isinstance(h, str)}
    return all(r in known for r in REQUIRED)


# --- converting ------------------------------------------------------------------------------------------
def convert_json(data: bytes, *, file: str = NAME, investors: Investors | None = None,
                 table: Correspondences | None = None) -> Converted:
    """An API page (or a list of aids) → contract rows. Refuses, in French, a truncated or foreign JSON.

    The aids are decoded one at a time from the bytes (``json_items``) and each let go once converted; a file
    that is not a plain export is decoded whole, as before, to say what is wrong with it."""
    located = json_items.page(data) if isinstance(data, (bytes, bytearray)) else None
    if located is None:
        payload = _decoded(data)
        aids = aids_of(payload)
        count = payload.get("count") if isinstance(payload, dict) else None
        del payload
        first = aids[:20] if aids is not None else []
        rows: Iterator[tuple[int, Any]] = _consumed(aids) if aids is not None else iter(())
    else:
        aids = located.aids()
        first = list(itertools.islice(aids, 20))
        count = located.skeleton.get("count") if isinstance(located.skeleton, dict) else None
        rows = enumerate(itertools.chain(_drained(first), aids), start=1)
    if aids is None or not _are_aids(first):
        raise CatalogueRefused(texts.ERR_CATALOGUE_NOT_AT)
    if not first:
        raise CatalogueRefused(texts.ERR_CATALOGUE_NO_AIDS)
    del first, aids
    out = convert_aids(rows, file=file, investors=investors, table=table)
    if isinstance(count, int) and count > out.read:
        out.warnings.append(formats.counted(texts.WARN_CATALOGUE_PAGE, read=out.read, count=count))
    return out


def _decoded(data: bytes | str) -> Any:
    """A JSON file decoded whole, or refused with the French sentence saying why."""
    try:
        return json.loads(_json_text(data))
    except UnicodeDecodeError:
        raise CatalogueRefused(texts.ERR_CATALOGUE_BINARY) from None
    except json.JSONDecodeError as exc:
        raise CatalogueRefused(texts.ERR_CATALOGUE_JSON.format(line=exc.lineno, column=exc.colno)) from None
    except RecursionError:  # lists in lists thousands deep: no export is built like that
        raise CatalogueRefused(texts.ERR_JSON_TOO_DEEP) from None
    except ValueError:  # an integer of thousands of digits (Python refuses to read past 4 300)
        raise CatalogueRefused(texts.ERR_JSON_HUGE_NUMBER) from None


def _drained(items: list[Any]) -> Iterator[Any]:
    """The items of a list in order, each let go as it is handed over."""
    items.reverse()
    while items:
        yield items.pop()


def _consumed(aids: list[Any]) -> Iterator[tuple[int, Any]]:
    """(row number, aid) in order, each aid let go once converted: the decoded JSON (several times the file's
    size in Python objects) shrinks as the rows grow, instead of both being held at the peak."""
    return enumerate(_drained(aids), start=1)


def convert_csv(data: bytes | list[list[Any]], *, file: str = NAME, investors: Investors | None = None,
                table: Correspondences | None = None) -> Converted:
    """A CSV export (bytes, read a row at a time; or rows already read; header on row 1) → contract rows."""
    rows = csv_stream(data) if isinstance(data, (bytes, bytearray)) else iter(data)
    header = next(rows, None)
    if header is None:
        raise CatalogueRefused(texts.ERR_CATALOGUE_NO_AIDS)
    fields = [COLUMNS.get(fold(h)) if isinstance(h, str) else None for h in header]
    missing = [r for r in REQUIRED if r not in fields]
    if missing:
        raise CatalogueRefused(texts.ERR_CATALOGUE_CSV_COLUMNS.format(missing=", ".join(missing)))

    def aids():
        for n, row in enumerate(rows, start=2):
            if all(is_blank(c) for c in row):
                continue
            aid: dict[str, Any] = {}
            for f, cell in zip(fields, row):
                if f is not None and f not in aid:
                    aid[f] = cell
            yield n, aid

    out = convert_aids(aids(), file=file, investors=investors, table=table, from_csv=True)
    if not out.read:
        raise CatalogueRefused(texts.ERR_CATALOGUE_NO_AIDS)
    return out


def convert_aids(aids, *, file: str, investors: Investors | None = None, table: Correspondences | None = None,
                 from_csv: bool = False) -> Converted:
    investors = investors if investors is not None else Investors()
    table = table if table is not None else shipped()
    out = Converted(catalogue=NAME, prefix=PREFIX)
    seen: dict[str, int] = {}
    default = table.lookup("phase", NAME)
    for n, aid in aids:
        out.read += 1
        if not isinstance(aid, dict):
            out.set_aside.append(SetAside(file, n, show(aid)[:80], texts.ERR_CATALOGUE_NOT_AT,
                                          positional=not from_csv))
            continue
        row = _programme(n, aid, file, out, investors, table, default, from_csv)
        if row is None:
            continue
        if row["id"] in seen:
            out.set_aside.append(SetAside(file, n, row["id"], texts.SET_ASIDE_DUPLICATE.format(
                first=_where(seen[row["id"]], from_csv)), row["id"][len(PREFIX):], row["nom"], not from_csv))
            continue
        seen[row["id"]] = n
        out.add("programmes", row, n)
    for inv in investors.new:
        out.add("investisseurs", inv, 0)
    out.new_investors = list(investors.new)
    return out


def _where(n: int, from_csv: bool) -> str:
    return f"ligne {n}" if from_csv else f"en position {n}"


def _programme(n: int, aid: dict[str, Any], file: str, out: Converted, investors: Investors,
               table: Correspondences, default_phase, from_csv: bool) -> dict[str, Any] | None:
    reasons: list[tuple[str, str]] = []  # (value, message)
    used: list[tuple[str, str, tuple[str, ...] | None]] = []  # correspondences applied, counted if the row stays

    def aside(value: Any, message: str) -> None:
        reasons.append((show(value) if value is not None else "", message))

    name = one_line(aid.get("name")) or one_line(aid.get("short_title")) or one_line(aid.get("name_initial"))
    if not name:
        aside(aid.get("id"), texts.SET_ASIDE_NO_NAME)
    # where
    territory, why = place(aid.get("perimeter"), aid.get("perimeter_scale"))
    if territory is None:
        aside(aid.get("perimeter"), why)
    # themes: every category is counted, the row needs at least one theme
    categories = listed(aid.get("categories"), from_csv)
    themes, unknown, outside = [], [], []
    for cat in categories:
        entry = table.lookup("categorie", cat)
        used.append(("categorie", entry.valeur if entry else cat, entry.targets if entry else None))
        if entry is None:
            unknown.append(cat)
        elif not entry.targets:
            outside.append(cat)
        themes += [t for t in (entry.targets if entry else ()) if t not in themes]
    if not categories:
        aside("", texts.SET_ASIDE_NO_CATEGORY)
    elif not themes and unknown:
        aside(", ".join(unknown), texts.SET_ASIDE_NO_THEME.format(values=_quoted(unknown), source="categorie"))
    elif not themes:
        aside(", ".join(outside), texts.SET_ASIDE_OUT_OF_SCOPE.format(values=_quoted(outside)))
    # publics: none listed means every audience; listed but none of ours: set aside
    audiences = listed(aid.get("targeted_audiences"), from_csv)
    publics = mapped(table, used, "public", audiences)
    if audiences and not publics:
        aside(", ".join(audiences), texts.SET_ASIDE_NO_PUBLIC.format(values=_quoted(audiences)))
    nature = mapped(table, used, "nature", listed(aid.get("aid_types"), from_csv))
    # who
    financers = [f for f in (one_line(x) for x in listed(aid.get("financers"), from_csv)) if f]
    if not financers:
        aside("", texts.SET_ASIDE_NO_FINANCER)
    # when
    start, end = as_date(aid.get("start_date")), as_date(aid.get("submission_deadline"))
    for d in (start, end):
        if isinstance(d, str):
            aside(d, texts.SET_ASIDE_BAD_DATE.format(value=d))
    if not isinstance(start, str) and not isinstance(end, str) and start and end and end < start:
        aside(end.strftime("%d/%m/%Y"), texts.ERR_END_BEFORE_START.format(
            fin=end.strftime("%d/%m/%Y"), debut=start.strftime("%d/%m/%Y")))
    if reasons:
        ref = "" if is_blank(aid.get("id")) else show(aid["id"]).strip()
        out.set_aside += [SetAside(file, n, value, message, ref, name or "", not from_csv)
                          for value, message in reasons]
        return None
    phase = None
    for prog in listed(aid.get("programs"), from_csv):
        entry = table.lookup("programme", prog)
        if entry is not None and entry.targets:
            used.append(("programme", entry.valeur, entry.targets))
            phase = entry.targets[0]
            break
    if phase is None:
        if default_phase is not None and default_phase.targets:
            used.append(("phase", default_phase.valeur, default_phase.targets))
        phase = default_phase.targets[0] if default_phase is not None and default_phase.targets else DEFAULT_PHASE
    for source, valeur, targets in used:
        out.tally.add(source, valeur, targets)
    page = None if is_blank(aid.get("url")) else str(aid["url"]).strip()
    if page and page.startswith("/"):
        page = "https://aides-territoires.beta.gouv.fr" + page
    description = plain_text(aid.get("description"))
    if page and aid.get("origin_url"):  # the link column holds the origin; the catalogue's page stays in the text
        line = f"Fiche aides-territoires : {page}"
        description = shorten(f"{description}\n{line}", TEXT_LIMIT) if description else line
    return {
        "id": PREFIX + aid_id(aid, n),
        "nom": name,
        "investisseurs": list(dict.fromkeys(investors.id_for(f) for f in financers)),
        "phase": phase,
        "nature": nature,
        "thematiques": themes,
        "territoires": [territory],
        "publics": publics,
        "budget_eur": None,
        "date_debut": start,
        "date_fin": None,  # the deadline to apply is not the end of the aid
        "odd": [],
        "url": (None if is_blank(aid.get("origin_url")) else str(aid["origin_url"]).strip()) or page,
        "description": description,
        "date_limite_candidature": end,  # the deadline to apply, never the end of the aid
    }


def aid_id(aid: dict[str, Any], n: int) -> str:
    """The catalogue's id (``123``), else the slug of its page, else its position."""
    raw = aid.get("id")
    if not is_blank(raw):
        return show(raw).strip()
    for key in ("slug", "url"):
        if not is_blank(aid.get(key)):
            slug = str(aid[key]).rstrip("/").rsplit("/", 1)[-1]
            if slug:
                return slug[:60]
    return str(n)


def place(perimeter: Any, scale: Any = None) -> tuple[str | None, str]:
    """A perimeter as the catalogue writes it → (territory key, "") or (None, the reason it is set aside).

    ``Hérault (Département)`` → DEP-34, ``Occitanie (Région)`` or ``Occitanie`` → REG-76, ``France`` (and
    ``Europe``, which holds all of it) → FR; a commune, an EPCI, a drainage basin, overseas or mainland France
    only, an ad-hoc perimeter or a name that is no territory → set aside."""
    if is_blank(perimeter):
        return None, texts.SET_ASIDE_NO_PERIMETER
    text = " ".join(str(perimeter).split())
    m = _SCALED.match(text)
    name, written = (m.group("name"), m.group("scale")) if m else (text, "" if is_blank(scale) else str(scale))
    written = re.split(r"\s[–—-]\s", written, maxsplit=1)[0].strip()  # « Commune – 34000, 34070 »
    level, folded = fold(written), fold(name)
    if level in FINER:
        return None, texts.SET_ASIDE_FINER.format(scale=written)
    if level in PARTIAL or folded in PARTIAL:
        return None, texts.SET_ASIDE_PARTIAL_PERIMETER.format(scale=written or name)
    if folded in WHOLE_COUNTRY:
        return NATIONAL, ""
    if level in ("pays", "continent"):
        return None, texts.SET_ASIDE_NOT_FRANCE.format(value=name)
    key = resolve_territory(name)
    if key is None:
        return None, texts.SET_ASIDE_UNKNOWN_PERIMETER
    single = set(overseas_region_to_departement().values())  # an overseas region is stored as its département
    if level in ("departement", "department") and not key.startswith("DEP-"):
        return None, texts.SET_ASIDE_UNKNOWN_PERIMETER
    if level in ("region",) and not (key.startswith("REG-") or key in single):
        return None, texts.SET_ASIDE_UNKNOWN_PERIMETER
    return key, ""


def listed(value: Any, from_csv: bool = False) -> list[str]:
    """A list field: a JSON list, or a CSV cell (``;`` or line breaks, else commas not followed by a space —
    django-import-export joins with bare commas and names such as « Innovation, créativité et recherche »
    keep theirs; a Python list written as text is read as one)."""
    if is_blank(value):
        return []
    if isinstance(value, (list, tuple)):
        return [" ".join(str(v).split()) for v in value if not is_blank(v)]
    s = str(value).strip()
    if s.startswith("[") and s.endswith("]"):
        try:
            items = ast.literal_eval(s)
            if isinstance(items, (list, tuple)):
                return [" ".join(str(v).split()) for v in items if not is_blank(v)]
        except (ValueError, SyntaxError):
            pass
    parts = re.split(r"[;\n]", s) if (";" in s or "\n" in s) else re.split(r",(?!\s)", s)
    return [" ".join(p.split()) for p in parts if p.strip()]


def mapped(table: Correspondences, used: list, source: str, values: list[str]) -> list[str]:
    """The codes ``values`` map to (each correspondence applied noted in ``used``)."""
    codes: list[str] = []
    for v in values:
        entry = table.lookup(source, v)
        used.append((source, entry.valeur if entry else v, entry.targets if entry else None))
        if entry is not None:
            codes += [c for c in entry.targets if c not in codes]
    return codes


def _quoted(values: list[str]) -> str:
    return ", ".join(texts.QUOTED.format(value=v) for v in values)
