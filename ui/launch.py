"""``python -m ui.launch [SCRIPT.py] [streamlit run options]``: serve the dashboard (``app.py`` unless another entry
file is named) with the app's modules imported first.

Why: until ``st.navigation`` has run once, Streamlit runs a deep link's page file directly (its ``pages/``
folder), one thread per session. Twelve people opening twelve links in the first second on a fresh server were
twelve threads importing ``ui`` and ``inventory`` for the first time at once; Python's import locks then hand a
half-initialised module to a thread when two imports wait on each other (an import cycle), and people met
« cannot import name 'chart_table' from 'ui' ». Here the main thread imports every module the entry file and
the pages import (and every module of ``ui`` and ``inventory``, which functions import lazily) before
Streamlit's server exists, so no session ever imports one of them for the first time; and every run, the first
ones too, goes through app.py's ``st.navigation`` (``route_every_run_through_the_entry_file``). Then it hands
over to Streamlit's own command line (``streamlit.web.cli``, what ``streamlit run`` calls), options unchanged.
"""
from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path
from types import CodeType

ROOT = Path(__file__).resolve().parents[1]
ENTRY = "app.py"
PACKAGES = ("ui", "inventory")
NOT_PRELOADED = {"inventory.__main__", "ui.launch"}  # the command lines: running them is not importing them


def entry_files() -> list[Path]:
    """The files Streamlit executes: the entry file and every page of ``pages/``."""
    return [ROOT / ENTRY, *sorted((ROOT / "pages").glob("*.py"))]


def import_statements(path: Path) -> CodeType:
    """A file's top-level ``import``/``from … import`` statements, compiled alone: what a session's thread imports
    first when Streamlit executes that file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    imports = [node for node in tree.body if isinstance(node, (ast.Import, ast.ImportFrom))]
    return compile(ast.Module(body=imports, type_ignores=[]), str(path), "exec")


def app_modules_on_disk() -> list[str]:
    """Every module of the app's packages, by its file (nothing imported to list them); functions import some of
    them lazily (a report, a catalogue), so a session may be the first to need any of them."""
    names = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            if name not in NOT_PRELOADED:
                names.append(name)
    return names


def preload() -> None:
    """Import, in this thread, everything a first session imports (see the module's docstring)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    for path in entry_files():
        exec(import_statements(path), {"__name__": "__preload__", "__file__": str(path)})
    for name in app_modules_on_disk():
        importlib.import_module(name)


def route_every_run_through_the_entry_file() -> None:
    """Every run of every session executes app.py, the first ones too.

    Until ``st.navigation`` has run once in the process, Streamlit (``PagesManager.uses_pages_directory``, true
    when a ``pages/`` folder sits beside the entry file) runs a deep link's page file alone and first sends the
    folder's file names as the navigation, which a cold server's first visitors saw flash in the sidebar. The
    flag is a class attribute that Streamlit sets once from the folder, unless already set, and that
    ``st.navigation`` itself sets to False: setting it first is what app.py's first run would do anyway. A Streamlit
    internal, so tests/test_first_import.py fails the day it changes."""
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False


def main(argv: list[str] | None = None) -> None:
    preload()
    route_every_run_through_the_entry_file()
    from streamlit.web import cli  # Streamlit's public command line: `streamlit run` is this call

    args = list(sys.argv[1:] if argv is None else argv)
    script = args.pop(0) if args and args[0].endswith(".py") else str(ROOT / ENTRY)
    cli.main(args=["run", script, *args], prog_name="streamlit")


if __name__ == "__main__":
    main()
