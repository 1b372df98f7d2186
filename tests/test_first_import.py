"""The first minute: sessions that start together on a fresh server never meet a half-imported module.

Python's import locks hand a partially initialised module to a thread when two first imports wait on each other;
twelve people opening links in the same second on a fresh server were twelve threads importing the app for the
first time (issue 21). `python -m ui.launch` imports it in the main thread before the server accepts anyone."""
import ast
import importlib.metadata
import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = ROOT / "tests" / "first_import_probe.py"
# Without the launcher's preload, 15 fresh interpreters out of 20 failed. After it, the sessions import no module
# for the first time (asserted below, `fresh`): no import lock is left to race on, so each interpreter's outcome
# is settled, and a few fresh ones prove it (the suite ran 10 until the `fresh` check made the proof direct).
INTERPRETERS = 4


def probe(*flags: str) -> dict:
    out = subprocess.run([sys.executable, str(PROBE), *flags], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_twelve_sessions_importing_the_app_at_once_after_the_launcher_meet_no_half_imported_module():
    with ThreadPoolExecutor(2) as pool:  # two at a time: the machine has two cores
        runs = list(pool.map(lambda _: probe("--preload"), range(INTERPRETERS)))
    assert [run["errors"] for run in runs if run["errors"]] == []
    assert [run["fresh"] for run in runs if run["fresh"]] == []  # the launcher left them nothing to import


def test_after_the_launcher_a_page_imports_nothing_for_the_first_time():
    code = ("import json, sys; sys.path.insert(0, '.'); from ui import launch; launch.preload(); before = set(sys.modules)\n"
            "for path in launch.entry_files(): exec(launch.import_statements(path), {'__name__': 'page'})\n"
            "print(json.dumps(sorted(set(sys.modules) - before)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert out.returncode == 0, out.stderr[-3000:]
    assert json.loads(out.stdout) == []


def test_the_launcher_hands_over_to_the_command_that_streamlit_run_is():
    """ui.launch calls streamlit.web.cli.main as the `streamlit` command does; fails the day Streamlit's command
    moves (then ui/launch.py must follow it)."""
    scripts = {e.name: e.value for e in importlib.metadata.distribution("streamlit").entry_points
               if e.group == "console_scripts"}
    assert scripts["streamlit"] == "streamlit.web.cli:main"
    tree = ast.parse((ROOT / "ui" / "launch.py").read_text())
    assert any(isinstance(n, ast.ImportFrom) and n.module == "streamlit.web" and [a.name for a in n.names] == ["cli"]
               for n in ast.walk(tree))


def test_streamlit_still_chooses_lone_page_runs_by_the_class_flag_the_launcher_sets():
    """ui.launch sets PagesManager.uses_pages_directory (a Streamlit internal) to False before the server starts;
    fails the day Streamlit stops keeping a preset flag or stops reading it to run a page file alone."""
    import inspect

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.runtime.scriptrunner import script_runner

    saved = PagesManager.uses_pages_directory
    try:
        PagesManager.uses_pages_directory = None
        PagesManager(str(ROOT / "app.py"))
        assert PagesManager.uses_pages_directory is True  # unset, it comes from the pages/ folder beside app.py
        PagesManager.uses_pages_directory = False
        PagesManager(str(ROOT / "app.py"))
        assert PagesManager.uses_pages_directory is False  # preset, it is kept
    finally:
        PagesManager.uses_pages_directory = saved
    source = inspect.getsource(script_runner.ScriptRunner)
    assert "if PagesManager.uses_pages_directory:" in source and "_mpa_v1(" in source
