"""Beyond one dashboard process, in Chromium with every outside request blocked: the API's documentation page, and
two read-only replicas behind a real HAProxy that a publish reaches without an error."""
from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import threading

import pytest
from playwright.sync_api import expect

from inventory.__main__ import main
from inventory.replicas import Replicas
from inventory.store import Store, publish
from tests.api_server import api_server
from tests.e2e.helpers import assert_no_exception, goto_app, wait_for_app

NEW_LABEL = "Séance plénière du 30/09"
CONNECTED = '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'


@pytest.fixture(scope="session")
def base_url():
    """Nothing here uses the shared dashboard server: no base URL, so none is started for these tests."""
    return None


def _cli(*args) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main([*map(str, args)]) == 0
    return out.getvalue()


def test_the_api_documentation_page_calls_the_api_offline(tmp_path, page, external_requests):
    db = tmp_path / "inventory.duckdb"
    _cli("init", "--db", db)
    token = re.search(r"inv_\S+", _cli("token", "create", "--name", "navigateur", "--db", db)).group(0)
    with api_server(db, tmp_path / "api.log") as base:
        page.goto(f"{base}/docs")
        expect(page.get_by_role("heading", level=1)).to_have_text("API de l'inventaire partagé — documentation")
        section = page.locator("section", has=page.get_by_role("heading", name="GET /api/v1/snapshots", exact=True))
        section.get_by_role("button", name="Essayer").click()
        expect(section.locator("output")).to_contain_text("401")  # no token typed yet
        page.get_by_label("Jeton").fill(token)
        section.get_by_role("button", name="Essayer").click()
        expect(section.locator("output")).to_contain_text("200 application/json")
        expect(section.locator("output")).to_contain_text("Démo fictive – inventaire au 30/06")
        matrix = page.locator("section", has=page.get_by_role(
            "heading", name="GET /api/v1/snapshots/{snapshot_id}/matrix", exact=True))
        matrix.locator("input[name=snapshot_id]").fill("2")
        matrix.locator("select[name=format]").select_option("csv")
        matrix.get_by_role("button", name="Essayer").click()
        expect(matrix.locator("output")).to_contain_text("territoire;nom;thematique;acteurs;score")
    assert external_requests == []


def _publish_new_snapshot(writer, published, errors: list[str]) -> None:
    store = Store(writer)
    try:
        sid = store.active_snapshot_id()
        frames = {sheet: store.sheet(sid, sheet) for sheet in ("investisseurs", "programmes", "besoins")}
        store.write_snapshot(frames, label=NEW_LABEL, as_of=dt.date(2020, 9, 30))
        publish(store, published)
    except Exception as exc:
        errors.append(repr(exc))
    finally:
        store.close()


def test_two_replicas_behind_haproxy_serve_pages_and_show_a_publish_without_an_error(tmp_path, new_context,
                                                                                   external_requests):
    writer, published = tmp_path / "inventory.duckdb", tmp_path / "published" / "inventory.duckdb"
    _cli("init", "--db", writer)
    _cli("publish", "--to", published, "--db", writer)
    options = {"server.fileWatcherType": "none", "client.showErrorDetails": "full"}
    with Replicas(published, 2, workdir=tmp_path / "replicas", options=options) as running:
        people = [new_context().new_page() for _ in range(2)]  # two browsers: two sessions, two cookies
        for person, path in zip(people, ("/besoins", "/couverture?vue=lacunes")):
            person.goto(running.url + path)  # the next one arrives once this one's websocket holds its replica
            expect(person.locator(CONNECTED)).to_have_count(1, timeout=60_000)
        for person in people:  # both first runs (the replicas' coldest) at once, one per replica
            wait_for_app(person, timeout=90_000)
            assert_no_exception(person)
        replicas = {c["value"] for p in people for c in p.context.cookies() if c["name"] == "INVENTAIRE_REPLIQUE"}
        assert replicas == {"r1", "r2"}  # HAProxy gave each newcomer the replica with fewer sessions
        # one person keeps reading while the facilitator publishes a new snapshot
        errors: list[str] = []
        publisher = threading.Thread(target=_publish_new_snapshot, args=(writer, published, errors))
        publisher.start()
        reader = people[0]
        goto_app(reader, running.url + "/couverture?vue=carte", timeout=60_000)
        assert_no_exception(reader)
        publisher.join()
        assert errors == []
        for person in people:  # on both replicas, the next run shows the new snapshot
            person.reload()
            wait_for_app(person, timeout=60_000)
            expect(person.get_by_text(NEW_LABEL).first).to_be_visible(timeout=30_000)
            assert_no_exception(person)
        assert "Traceback" not in running.logs()
    assert external_requests == []
