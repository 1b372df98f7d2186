"""The app side's data room (ui/data.py): ``q`` calls, through a cache, the very function it is given; one helper
gives a snapshot's theme labels."""
import pytest

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


def test_a_cached_frame_changed_by_one_page_reaches_the_next_unchanged(tiny_db, monkeypatch):
    """Results are shared live between sessions (no unpickling per run); each caller changes its own copy only."""
    from inventory.analysis import coverage

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    fresh = coverage.need_matrix(Store(tiny_db), 2, level="region")
    first = q(coverage.need_matrix, 2, level="region")
    first["acteurs"] = -1  # a page's assign, cells set, an index renamed
    first.loc[first.index[0], "score"] = 999.0
    first.index.name = "changé"
    first.columns.name = "changé"
    first.iloc[-1, first.columns.get_loc("score")] = -5.0
    again = q(coverage.need_matrix, 2, level="region")
    assert again.equals(fresh) and again.index.name == fresh.index.name and again.columns.name is None
    assert again is not first


def test_a_chart_is_built_once_per_data_options_and_language_then_shared(tiny_db, monkeypatch):
    from inventory import texts as T
    from inventory.outputs import charts as real
    from ui.data import built
    from ui.figures import charts

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    built_calls = []
    counting = real.ranked_bars

    def ranked_bars(*args, **kwargs):
        built_calls.append(T.language())
        return counting(*args, **kwargs)

    monkeypatch.setattr(real, "ranked_bars", ranked_bars)
    frame = q(needs.themes, 2).assign(n=[3, 1, 2, 5, 4, 6, 7, 8, 9, 10, 11][:len(q(needs.themes, 2))])
    a = charts.ranked_bars(frame, label="libelle", value="n")
    b = charts.ranked_bars(frame.copy(), label="libelle", value="n")  # equal data, another object: the same build
    with T.speaking("en"):
        english = charts.ranked_bars(frame, label="libelle", value="n")
    larger = charts.ranked_bars(frame, label="libelle", value="n", large=True)
    other = charts.ranked_bars(frame.assign(n=frame["n"] + 1), label="libelle", value="n")
    assert built_calls == ["fr", "en", "fr", "fr"]  # a, english, larger, other; b came from the cache
    assert a is b and english is not a and larger is not a and other is not a
    assert charts.OFFLINE == real.OFFLINE  # the module's constants read through
    assert built(str.upper, "sans cadre") == "SANS CADRE"  # no frame given: a plain call, nothing kept


@pytest.mark.filterwarnings("ignore:The inplace keyword")
def test_a_frame_from_q_is_known_by_its_query_until_a_page_changes_it(tiny_db, monkeypatch):
    """A builder given a frame just as ``q`` handed it out is keyed by the query (no hashing of rows); any change
    a page makes to its copy, in place or not, makes it a frame like any other, keyed by its contents."""
    import pandas as pd

    from inventory.analysis import coverage
    from ui import data

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    ask = lambda: q(coverage.need_matrix, 2, level="region")  # noqa: E731
    first, second = ask(), ask()
    assert data._frame_key(first)[0] == "query" and data._frame_key(first) == data._frame_key(second)
    assert data._frame_key(first["acteurs"])[0] != "query"  # a column taken out is another object

    changes = {
        "column set": lambda f: f.__setitem__("acteurs", -1),
        "cell written": lambda f: f.loc.__setitem__((f.index[0], "score"), 999),
        "cell by position": lambda f: f.iloc.__setitem__((0, 0), "X"),
        "sorted in place": lambda f: f.sort_values("score", ascending=False, inplace=True),
        "rows dropped in place": lambda f: f.drop(index=f.index[0], inplace=True),
        "index renamed": lambda f: setattr(f.index, "name", "changé"),
        "columns named": lambda f: setattr(f.columns, "name", "changé"),
        "columns renamed": lambda f: f.rename(columns={"acteurs": "a"}, inplace=True),
        "index replaced": lambda f: setattr(f, "index", pd.RangeIndex(1, len(f) + 1)),
        "column added": lambda f: f.insert(0, "nouvelle", 1),
        "column dropped": lambda f: f.drop(columns=["score"], inplace=True),
        "values replaced in place": lambda f: f.replace({"acteurs": {f["acteurs"].iloc[0]: -7}}, inplace=True),
        "filled in place": lambda f: f.fillna(-1, inplace=True),
    }
    unchanged = data._frame_key(ask())
    for name, change in changes.items():
        frame = ask()
        before = frame.copy(deep=True)
        change(frame)
        if frame.equals(before) and list(frame.columns) == list(before.columns) \
                and frame.index.name == before.index.name and frame.columns.name == before.columns.name:
            continue  # the change changed nothing (no missing value to fill): any key is right
        key = data._frame_key(frame)
        assert key[0] != "query" and key != unchanged, name
    # and a changed frame never gets the unchanged frame's chart
    from inventory.outputs import charts as real
    from ui.figures import charts

    shown = charts.need_heatmap(ask())
    changed = ask()
    changed.loc[changed.index[0], "acteurs"] = 12345
    assert charts.need_heatmap(changed) is not shown
    assert charts.need_heatmap(ask()) is shown
    assert real.need_heatmap(changed).to_dict() == charts.need_heatmap(changed).to_dict()


def test_the_shared_cache_makes_each_value_once_when_many_sessions_ask_at_once(tiny_db, monkeypatch):
    import threading
    import time

    from ui import data

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    made = []

    def slow(store: Store, snapshot_id: int) -> int:
        made.append(snapshot_id)
        time.sleep(0.2)
        return snapshot_id * 10

    got = []
    threads = [threading.Thread(target=lambda: got.append(q(slow, 2))) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got == [20] * 12 and made == [2]  # twelve sessions, one computation
    data.clear_results()
    assert q(slow, 2) == 20 and made == [2, 2]


def test_a_built_figure_is_frozen_and_hands_out_the_dict_of_a_fresh_build(tiny_db, monkeypatch):
    """st.plotly_chart asks a figure for its dict on every run: a built one makes it once, equal to a fresh one's."""
    from inventory.analysis import coverage
    from inventory.outputs import charts as real
    from ui.figures import charts

    monkeypatch.setenv("INVENTORY_DB", str(tiny_db))
    shown = charts.need_heatmap(q(coverage.need_matrix, 2, level="region"))
    assert shown.to_dict() is shown.to_dict()
    assert shown.to_dict() == real.need_heatmap(q(coverage.need_matrix, 2, level="region")).to_dict()
