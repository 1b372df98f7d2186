"""AppTest fixtures shared by the page tests: real DuckDB files built once per module (the demo inventory, an
empty one, the tiny hand-made one of ``tiny.py``, one without programmes) and ``open_page`` to run a page on
one of them; ``downloads`` records what each download button hands over."""
from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from inventory.store import Store
from tests.app.tiny import APRIL, JUNE, build, tiny_frames

ROOT = Path(__file__).resolve().parents[2]
# the views' folder (its name may change; the page files keep theirs)
PAGES_DIR = next(d for d in ("pages", "views") if (ROOT / d / "accueil.py").exists())


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("demo") / "inventory.duckdb", [], demo_data=True)


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("empty") / "inventory.duckdb", [])


@pytest.fixture(scope="module")
def tiny_db(tmp_path_factory) -> Path:
    """Two snapshots: « avril » (id 1) then « juin » (id 2, active)."""
    return build(tmp_path_factory.mktemp("tiny") / "inventory.duckdb",
                  [(APRIL, tiny_frames(APRIL)), (JUNE, tiny_frames(JUNE))])


@pytest.fixture(scope="module")
def no_programmes_db(tmp_path_factory) -> Path:
    """The tiny « juin » needs and investors, without a single programme."""
    return build(tmp_path_factory.mktemp("noprog") / "inventory.duckdb", [(JUNE, tiny_frames(JUNE, programmes=False))])


@pytest.fixture
def open_page(monkeypatch):
    """``open_page(db, "besoins", niveau="departement")`` runs that page on that database with those URL
    parameters, as a browser opening ``/besoins?niveau=departement`` would."""
    def open_(db: Path, page: str, **params: str) -> AppTest:
        monkeypatch.setenv("INVENTORY_DB", str(db))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.query_params.update({k: str(v) for k, v in params.items()})
        at.switch_page(f"{PAGES_DIR}/{page}.py")
        return at.run()
    return open_


@pytest.fixture(scope="session", autouse=True)
def _close_app_stores():
    """Close the Stores the app cached (one per database) before the interpreter exits: a DuckDB connection
    torn down during interpreter shutdown, or an idle-close timer firing then, aborts the process."""
    yield
    for obj in gc.get_objects():
        if isinstance(obj, Store):
            obj.close()


@pytest.fixture(autouse=True)
def _fresh_login_guard():
    """Each test is a fresh server as far as failed logins go (the guard is shared by the whole process)."""
    from ui.login_guard import GUARD

    GUARD.reset()
    yield
    GUARD.reset()


@pytest.fixture
def downloads(monkeypatch) -> dict[str, Callable[[], bytes]]:
    """What each download button would hand over, by file name (deferred callables resolved on demand)."""
    seen: dict[str, Callable[[], bytes]] = {}

    class Recording(MediaFileManager):
        def add(self, path_or_data, mimetype, coordinates, file_name=None, is_for_static_download=False):
            if file_name:
                seen[file_name] = lambda data=path_or_data: data
            return super().add(path_or_data, mimetype, coordinates, file_name, is_for_static_download)

        def add_deferred(self, data_callable, mimetype, coordinates, file_name=None, **kw):
            if file_name:
                seen[file_name] = data_callable
            return super().add_deferred(data_callable, mimetype, coordinates, file_name, **kw)

    monkeypatch.setattr("streamlit.testing.v1.app_test.MediaFileManager", Recording)
    return seen
