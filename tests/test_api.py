"""The read API on a real server: the command line's numbers, read tokens, problem details, caching by ETag, CSV."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import re

import pytest

from inventory.__main__ import main
from inventory.api.app import LISTS
from inventory.outputs.listings import SHEETS
from tests.api_server import api_server, get, get_json
from tests.builders import inventory_sheets, write_xlsx

FORMULA = '=HYPERLINK("http://exemple.invalid","clic")'


def cli_json(capsys, *args):
    assert main([*map(str, args)]) == 0
    return json.loads(capsys.readouterr().out)


def make_token(capsys, db, name: str) -> str:
    assert main(["token", "create", "--name", name, "--db", str(db)]) == 0
    return re.search(r"inv_\S+", capsys.readouterr().out).group(0)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The demo (snapshots 1 and 2), then a small inventory as snapshot 3 whose first programme is named like a
    formula; published, and the API serving the published copy."""
    tmp = tmp_path_factory.mktemp("api")
    writer, published = tmp / "inventory.duckdb", tmp / "published" / "inventory.duckdb"
    sheets = inventory_sheets()
    sheets["programmes"][1][1] = "'" + FORMULA  # typed as text, as a spreadsheet keeps it (the import drops the ')
    write_xlsx(tmp / "petit.xlsx", sheets)
    out = io.StringIO()  # main prints; the fixture only needs the token's line
    with contextlib.redirect_stdout(out):
        assert main(["init", "--db", str(writer)]) == 0
        assert main(["import", str(tmp / "petit.xlsx"), "--as-of", "30/06/2020", "--label", "Petit", "--db",
                     str(writer)]) == 0
        assert main(["token", "create", "--name", "analyste", "--db", str(writer)]) == 0
        assert main(["publish", "--to", str(published), "--db", str(writer)]) == 0
    token = re.search(r"inv_\S+", out.getvalue()).group(0)
    with api_server(published, tmp / "api.log") as base:
        yield {"base": base, "token": token, "writer": writer, "published": published, "tmp": tmp}


@pytest.mark.parametrize("sid", [2, 3])
def test_every_list_gives_the_command_lines_numbers(served, capsys, sid):
    base, token, db = served["base"], served["token"], served["writer"]
    assert get_json(f"{base}/snapshots", token) == cli_json(capsys, "snapshots", "--json", "--db", db)
    for level, source in (("region", None), ("departement", None), ("departement", "ingenierie")):
        query, args = f"level={level}", ["--level", level]
        if source:
            query, args = f"{query}&source={source}", [*args, "--source", source]
        for name in ("matrix", "pathways", "results"):
            api = get_json(f"{base}/snapshots/{sid}/{name}?{query}", token)
            assert api == cli_json(capsys, name, "--json", "--snapshot", sid, *args, "--db", db), (name, query)
    assert get_json(f"{base}/snapshots/{sid}/commitments", token) == cli_json(
        capsys, "commitments", "--json", "--snapshot", sid, "--db", db)
    assert get_json(f"{base}/snapshots/{sid}/signals", token) == cli_json(  # against the import before it
        capsys, "signals", "--json", "--to", sid, "--db", db)


def test_a_small_inventorys_matrix_reads_as_worked_by_hand(served):
    # snapshot 3 at 30/06/2020: need B1 in DEP-69 (3 actors × intensity 4 = score 12), rolled up into REG-84;
    # P1 (FR, modele_socio_eco, 01/03–31/12/2020) is active and reaches it: 1 programme, all of the score covered
    rows = get_json(f"{served['base']}/snapshots/3/matrix", served["token"])
    cell = next(r for r in rows if (r["territoire"], r["thematique"]) == ("REG-84", "modele_socio_eco"))
    assert (cell["acteurs"], cell["score"], cell["programmes"], cell["score_couvert"], cell["part_couverte"],
            cell["zone_blanche"], cell["tension"]) == (3, 12, 1, 12, 1.0, False, 6.0)


def test_a_sheet_is_the_contracts_rows_and_its_csv_is_the_exports_own(served, capsys):
    base, token = served["base"], served["token"]
    programmes = get_json(f"{base}/snapshots/3/sheets/programmes", token)
    assert [p["id"] for p in programmes] == ["P1", "P2"]
    assert programmes[0]["nom"] == FORMULA and programmes[0]["investisseurs"] == ["INV1", "INV2"]
    assert programmes[0]["date_debut"] == "2020-03-01"
    export = served["tmp"] / "export"
    assert main(["export", str(export), "--snapshot", "3", "--db", str(served["writer"])]) == 0
    capsys.readouterr()
    for sheet in ("investisseurs", "programmes", "besoins"):
        status, headers, body = get(f"{base}/snapshots/3/sheets/{sheet}?format=csv", token)
        assert status == 200 and headers["content-type"].startswith("text/csv")
        assert body == (export / f"{sheet}.csv").read_bytes()
    assert body.startswith("\ufeffterritoire;source;thematique;".encode())
    status, _, body = get(f"{base}/snapshots/3/sheets/programmes?format=csv", token)
    assert '\r\nP1;"\'=HYPERLINK(""http' in body.decode("utf-8-sig")  # neutralised: a spreadsheet shows it as text


def test_lists_come_as_csv_for_french_excel(served):
    status, headers, body = get(f"{served['base']}/snapshots/2/commitments?format=csv", served["token"])
    text = body.decode("utf-8")
    assert status == 200 and text.startswith("\ufeffid;investisseurs;thematiques;territoires;statut;")
    snapshots = get(f"{served['base']}/snapshots?format=csv", served["token"])[2].decode("utf-8-sig").splitlines()
    assert snapshots[0] == "id;label;as_of;created_at;active;besoins;programmes;investisseurs;engagements;realisations"
    assert snapshots[3].startswith("3;Petit;2020-06-30;") and snapshots[3].endswith(";oui;3;2;3;0;0")
    matrix = get(f"{served['base']}/snapshots/3/matrix?format=csv", served["token"])[2].decode("utf-8-sig")
    assert "REG-84;Auvergne-Rhône-Alpes;modele_socio_eco;3;12;4;1;6;non;" in matrix


def test_every_sheet_of_the_contract_and_every_list_is_served_and_documented(served):
    doc = get_json(f"{served['base']}/openapi.json")  # no token needed to read the documentation
    for name in LISTS:
        assert f"/api/v1/snapshots/{{snapshot_id}}/{name}" in doc["paths"]
        assert get(f"{served['base']}/snapshots/2/{name}", served["token"])[0] == 200
    for sheet in SHEETS:
        assert get(f"{served['base']}/snapshots/2/sheets/{sheet}", served["token"])[0] == 200
    assert doc["paths"]["/api/v1/snapshots/{snapshot_id}/sheets/{sheet}"]["get"]["parameters"][1]["schema"][
        "enum"] == list(SHEETS)


def test_without_a_valid_token_nothing_is_read_and_the_problem_is_said_in_the_readers_language(served):
    base = served["base"]
    assert get_json(f"{base}/health") == {"status": "ok"}
    for token in (None, "inv_not-a-token", served["token"] + "x"):
        status, headers, body = get(f"{base}/snapshots/2/matrix", token)
        assert status == 401 and headers["www-authenticate"].startswith("Bearer")
        assert headers["content-type"] == "application/problem+json"
        problem = json.loads(body)
        assert problem["status"] == 401 and problem["title"] == "Jeton manquant ou invalide"
        assert set(problem) >= {"type", "title", "status", "detail"}
    status, headers, body = get(f"{base}/snapshots", None, Accept_Language="en-GB,en;q=0.9,fr;q=0.5")
    assert (status, json.loads(body)["title"], headers["content-language"]) == (401, "Missing or invalid token", "en")
    status, _, body = get(f"{base}/snapshots", None, Authorization=f"Basic {served['token']}")
    assert status == 401


def test_labels_the_tool_wrote_come_in_the_requests_language_and_typed_ones_as_typed(served):
    base, token = served["base"], served["token"]
    status, headers, body = get(f"{base}/snapshots", token, Accept_Language="en")
    assert status == 200 and "Accept-Language" in headers["vary"]
    assert [s["label"] for s in json.loads(body)] == [
        "Fictitious demo – inventory as of 30 Apr", "Fictitious demo – inventory as of 30 Jun", "Petit"]
    assert [s["label"] for s in get_json(f"{base}/snapshots", token)] == [
        "Démo fictive – inventaire au 30/04", "Démo fictive – inventaire au 30/06", "Petit"]


def test_unknown_snapshot_sheet_or_value_are_problems_not_tracebacks(served):
    base, token = served["base"], served["token"]
    status, _, body = get(f"{base}/snapshots/99/matrix", token)
    assert status == 404 and json.loads(body)["detail"] == "Aucun inventaire n° 99 : la liste est dans /api/v1/snapshots."
    status, _, body = get(f"{base}/snapshots/2/sheets/secrets", token, Accept_Language="en")
    assert status == 404 and json.loads(body)["detail"].startswith("There is no sheet “secrets” in the contract")
    status, _, body = get(f"{base}/snapshots/2/matrix?level=commune", token)
    assert status == 400 and json.loads(body)["detail"] == \
        "« commune » n'est pas une valeur de level : region, departement."


def test_a_snapshots_answers_are_cached_for_good_and_revalidate_with_304(served):
    base, token = served["base"], served["token"]
    status, headers, body = get(f"{base}/snapshots/2/matrix?level=departement", token)
    assert status == 200 and "immutable" in headers["cache-control"] and "max-age=31536000" in headers["cache-control"]
    etag = headers["etag"]
    status, again, body = get(f"{base}/snapshots/2/matrix?level=departement", token, If_None_Match=etag)
    assert (status, body, again["etag"]) == (304, b"", etag)
    assert get(f"{base}/snapshots/2/matrix?level=region", token)[1]["etag"] != etag
    assert get(f"{base}/snapshots/2/matrix?level=departement&format=csv", token)[1]["etag"] != etag
    assert get(f"{base}/snapshots/2/matrix?level=departement", None, If_None_Match=etag)[0] == 401  # token first
    status, headers, _ = get(f"{base}/snapshots", token)
    assert status == 200 and "etag" not in headers and headers["cache-control"] == "no-cache"


def test_a_revoked_token_stops_working_once_published_and_reading_goes_on_during_the_publish(served, capsys):
    base, writer, published = served["base"], served["writer"], served["published"]
    token = make_token(capsys, writer, "stagiaire")
    assert main(["publish", "--to", str(published), "--db", str(writer)]) == 0
    assert get(f"{base}/snapshots/2/commitments", token)[0] == 200
    assert main(["token", "revoke", "stagiaire", "--db", str(writer)]) == 0
    assert main(["token", "revoke", "stagiaire", "--db", str(writer)]) == 1  # only once
    assert get(f"{base}/snapshots/2/commitments", token)[0] == 200  # not published yet
    assert main(["publish", "--to", str(published), "--db", str(writer)]) == 0
    assert get(f"{base}/snapshots/2/commitments", token)[0] == 401
    assert get(f"{base}/snapshots/2/commitments", served["token"])[0] == 200
    out = capsys.readouterr().out
    assert "stagiaire" in out and token not in out.split("Bearer")[-1]


def test_token_names_and_the_token_list(served, capsys):
    db = served["writer"]
    assert main(["token", "create", "--name", "analyste", "--db", str(db)]) == 1  # in use
    assert "déjà en service" in capsys.readouterr().err
    assert main(["token", "create", "--name", "a b", "--db", str(db)]) == 2
    capsys.readouterr()
    assert main(["token", "list", "--db", str(db)]) == 0
    listed = capsys.readouterr().out
    today = dt.date.today().strftime("%d/%m/%Y")
    assert f"analyste  créé le {today}  en service" in listed and "inv_" not in listed


def test_the_readmes_pandas_one_liner_reads_a_snapshots_matrix(served):
    import pandas as pd

    url, token = f"{served['base']}/snapshots/3/matrix?level=departement", served["token"]
    m = pd.read_json(url, storage_options={"Authorization": f"Bearer {token}"})
    cell = m[(m.territoire == "DEP-69") & (m.thematique == "modele_socio_eco")].iloc[0]
    assert (cell.acteurs, cell.score, cell.programmes) == (3, 12, 1)  # B1, reached by P1 (FR)
