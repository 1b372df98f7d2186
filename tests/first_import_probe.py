"""One fresh interpreter, as a server meets its first visitors: twelve threads (sessions) start at the same
instant; each imports the app's modules in its own order (a page's first import may be any of them: the pages
differ and change, functions import lazily), then executes the imports of one entry file (app.py or a page: a
deep link) as Streamlit does. Prints one JSON object: the errors met (a half-initialised module, an import
deadlock) and the modules the sessions were the first to import (``fresh``).

``--preload`` first does what ``python -m ui.launch`` does before Streamlit accepts a session; without it, the
sessions are the first to import the app, as under a plain ``streamlit run``. Run by tests/test_first_import.py."""
import importlib
import importlib.util
import json
import random
import sys
import threading
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SESSIONS = 12


def launcher():
    """ui/launch.py loaded from its file, so that this thread does not import the package ``ui`` by loading it."""
    spec = importlib.util.spec_from_file_location("launch_probe", ROOT / "ui" / "launch.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import streamlit  # noqa: F401  (a server has imported Streamlit before any session)

    launch = launcher()
    files = launch.entry_files()
    codes = [launch.import_statements(path) for path in files]
    modules = launch.app_modules_on_disk()
    if "--preload" in sys.argv:
        launch.preload()
    orders = [random.sample(modules, len(modules)) for _ in range(SESSIONS)]
    start = threading.Barrier(SESSIONS)
    errors: list[str] = []
    before = set(sys.modules)

    def session(k: int) -> None:
        start.wait()
        where = ""
        try:
            for name in orders[k]:
                where = name
                importlib.import_module(name)
            where = files[k % len(files)].name
            exec(codes[k % len(codes)], {"__name__": f"__session_{k}__"})
        except Exception as exc:
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            errors.append(f"session {k} ({where}): {type(exc).__name__}: {exc} "
                          f"[{Path(frame.filename).name}:{frame.lineno}]")

    threads = [threading.Thread(target=session, args=(k,)) for k in range(SESSIONS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"errors": errors, "fresh": sorted(set(sys.modules) - before)}))


if __name__ == "__main__":
    main()
