"""Every page of the registry in English, after a séance noted in French (issue 23, part 8): the labels the tool
wrote (the demo's, the séance's, the note's) read in English in the picker, the banner and the sentences; no French
quotes, no French percent spacing, no French interface word. The demo inventory (tests/app/tiny.py ``build``)."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from inventory.intake.noting import note_commitment
from inventory.store import Store
from tests.app.pagetools import assert_clean, metrics, texts
from tests.app.test_english import FRENCH
from tests.app.tiny import build
from ui import registry

# What the tool writes in French and an English page must never show (the séance's default name, a note's words,
# an import's default label, the demo's label), French quotes, and French spacing before « % ».
GENERATED_FRENCH = re.compile(r"Séance du|engagement noté|Inventaire au|Démo fictive|[«»]|\d[ \u00a0\u202f]%")
PARAMS = {"organisation": {"organisation": "INS1"}}


@pytest.fixture(scope="module")
def seance_db(tmp_path_factory):
    """The demo, then a séance noted from a French page with the form's default name."""
    path = build(tmp_path_factory.mktemp("seance") / "inventory.duckdb", [], demo_data=True)
    store = Store(path)
    done = note_commitment(store, {"investisseurs": "INS1", "thematiques": "numerique", "territoires": "REG-76",
                                   "statut": "envisage", "session": "Séance du 06/12/2026"},
                           at=dt.datetime(2026, 12, 6, 10, 42))
    assert done.ok
    store.close()
    return path


def _shown(at) -> str:
    """Every word the page shows but the data people typed: sentences, metrics, widget labels, the tool's choices,
    and the tables' headers."""
    words = [texts(at), *metrics(at), *metrics(at).values()]
    for kind in ("radio", "selectbox", "multiselect", "toggle", "text_input", "button", "checkbox"):
        words += [str(widget.label) for widget in getattr(at, kind)]
    # the choices the tool words (a page's views, the snapshot picker), not those naming people's organisations
    words += [str(o) for widget in [*at.radio, *at.sidebar.selectbox] for o in widget.options]
    for kind in ("success", "error", "exception"):
        words += [str(e.value) for e in getattr(at, kind)]
    for frame in at.dataframe:
        words.append(" ".join(map(str, frame.value.columns)))
    return "\n".join(words)


@pytest.mark.parametrize("page", registry.PAGES, ids=lambda p: p.url_path)
def test_every_page_in_english_names_the_seance_and_the_demo_in_english(seance_db, open_page, page):
    at = open_page(seance_db, page.file.removeprefix("pages/").removesuffix(".py"), lang="en",
                   **PARAMS.get(page.url_path, {}))
    assert_clean(at)
    shown = _shown(at)
    assert GENERATED_FRENCH.findall(shown) == []
    assert FRENCH.findall(shown) == []
    # the picker: the séance once, by its English name, and the demo's two imports in English
    picker = at.sidebar.selectbox[0]
    assert list(picker.options) == [
        "30 Jun 2020 · Session of 6 Dec 2026 – 1 commitment noted – active",
        "30 Jun 2020 · Fictitious demo – inventory as of 30 Jun",
        "30 Apr 2020 · Fictitious demo – inventory as of 30 Apr"]
    assert "Session of 6 Dec 2026" in texts(at)  # the line naming the inventory shown


def test_the_same_picker_in_french(seance_db, open_page):
    at = open_page(seance_db, "methode")
    assert list(at.sidebar.selectbox[0].options) == [
        "30/06/2020 · Séance du 06/12/2026 – 1 engagement noté – actif",
        "30/06/2020 · Démo fictive – inventaire au 30/06", "30/04/2020 · Démo fictive – inventaire au 30/04"]
