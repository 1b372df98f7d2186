"""The app side's data room (ui/data.py): ``q`` calls, through a cache, the very function it is given; one helper
gives a snapshot's theme labels."""
from inventory.analysis import needs
from inventory.store import Store
from ui.data import q, theme_labels


def counts(store: Store, snapshot_id: int) -> dict:
    """Not needs.counts: a function of the same name that q must not mistake for it."""
    return {"appelée": "la fonction du test", "inventaire": snapshot_id}


def test_q_calls_the_function_it_is_given_even_when_analytics_has_one_of_the_same_name(tiny_db, monkeypatch):
    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    assert q(counts, 2) == {"appelée": "la fonction du test", "inventaire": 2}
    # and the analytics one is itself: tiny « juin » has 5 need rows (N1–N5), 3 programmes, 2 investors
    got = q(needs.counts, 2)
    assert (got["besoins"], got["programmes"], got["investisseurs"]) == (5, 3, 2)


def test_q_computes_once_per_function_snapshot_filters_and_database(tiny_db, empty_db, monkeypatch):
    calls = []

    def seen(store: Store, snapshot_id: int, *, level: str = "region") -> str:
        calls.append((store.path.name, store.path.parent.name, snapshot_id, level))
        return f"{snapshot_id}/{level}"

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    assert [q(seen, 1), q(seen, 1), q(seen, 1, level="departement"), q(seen, 2), q(seen, 1)] == [
        "1/region", "1/region", "1/departement", "2/region", "1/region"]
    assert len(calls) == 3  # (1, region), (1, departement), (2, region)
    monkeypatch.setenv("INVENTORY_DB", str(empty_db))
    q(seen, 1)
    assert len(calls) == 4  # another database file: computed again


def test_theme_labels_are_the_snapshots_themes_by_code_in_order(tiny_db, monkeypatch):
    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    labels = theme_labels(2)
    assert labels["numerique"] == "Outils numériques"  # data/reference/thematiques.csv
    assert list(labels) == q(needs.themes, 2)["code"].tolist()


def test_snapshots_are_read_once_until_someone_writes_the_database(tiny_db, monkeypatch):
    from ui import data

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    reads = []
    store = data.current_store()
    real = Store.snapshots
    monkeypatch.setattr(Store, "snapshots", lambda self: reads.append(1) or real(self))
    first = data.snapshots()
    assert data.snapshots() is first and data.snapshots() is first
    assert len(reads) == 1  # a run asks three times; DuckDB is asked once
    # another writer (the command line, another process) activates the other snapshot: the list is read again
    other = Store(tiny_db)
    other.activate(next(s.id for s in first if not s.active))
    other.close()
    store.close()
    again = data.snapshots()
    assert len(reads) == 2 and [s.active for s in again] == [not s.active for s in first]
