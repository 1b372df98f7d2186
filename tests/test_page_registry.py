"""One page registry (ui/registry.py): app.py routes exactly its pages, every page file is in it, and the tests that
walk the pages read it, so that a new page is never silently skipped."""
from __future__ import annotations

import ast
from pathlib import Path

from ui import registry

ROOT = Path(__file__).resolve().parent.parent


def _literal_pages(source: str) -> set[str]:
    """The page files named by a literal ``st.Page("pages/…")`` in a script."""
    out = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("Page") and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                out.add(first.value)
    return out


def test_every_page_file_is_in_the_registry_and_every_entry_has_its_file():
    files = {f"pages/{p.name}" for p in (ROOT / "pages").glob("*.py")}
    assert {p.file for p in registry.PAGES} == files
    assert len({p.url_path for p in registry.PAGES}) == len(registry.PAGES)
    assert [p.url_path for p in registry.PAGES if p.default] == ["home"]


def test_app_routes_the_registry_and_names_no_page_of_its_own():
    assert _literal_pages((ROOT / "app.py").read_text(encoding="utf-8")) == set()
    assert "registry.PAGES" in (ROOT / "app.py").read_text(encoding="utf-8")


def test_the_scan_would_catch_a_page_added_by_hand_to_app_py():
    source = (ROOT / "app.py").read_text(encoding="utf-8") + '\nst.Page("pages/signaux.py", title="Signaux")\n'
    assert _literal_pages(source) == {"pages/signaux.py"}


def test_workshop_mode_lists_every_page_but_those_that_write():
    assert [p.url_path for p in registry.listed(True)] == [p.url_path for p in registry.PAGES
                                                            if not p.writes and not p.hidden]
    assert {p.url_path for p in registry.routed(True)} == {p.url_path for p in registry.PAGES if not p.writes}
    assert "importer" not in {p.url_path for p in registry.listed(True)}


def test_page_walking_tests_read_the_registry():
    from tests.e2e import helpers
    assert [path for path, _ in helpers.PAGES] == [p.url_path if not p.default else "accueil" for p in registry.PAGES
                                                   if not p.hidden]


def test_no_page_relies_on_streamlit_magic_which_the_config_turns_off():
    """.streamlit/config.toml turns « magic » off (a bare value on its own line written to the page): a page with
    such a line would silently show nothing there."""
    import ast
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False
    bare = []
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            body = getattr(node, "body", None)
            for i, statement in enumerate(body if isinstance(body, list) else []):
                if not isinstance(statement, ast.Expr) or isinstance(statement.value, (ast.Call, ast.Await)):
                    continue
                if i == 0 and isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str):
                    continue  # a docstring
                bare.append(f"{path.name}:{statement.lineno}")
    assert bare == []
