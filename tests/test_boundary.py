"""The house's boundaries: the domain package never imports the screen, SQL is written only in the store and the
analysis, data flows one way (intake never imports analysis, outputs never write), no module imports itself back
through a cycle (not even inside a function), pages reach the store only through the app side (ui/), and importing
the app side does nothing."""
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_HOMES = {*(ROOT / "inventory" / "store").glob("*.py"), *(ROOT / "inventory" / "analysis").glob("*.py")} - {
    ROOT / "inventory" / "store" / "__init__.py", ROOT / "inventory" / "analysis" / "__init__.py"}
# A statement, not a word: « select » or « update » alone may be French or English prose.
SQL = re.compile(r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bCREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?"
                 r"(TABLE|VIEW|MACRO|INDEX|SEQUENCE|SCHEMA)\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|"
                 r"\bDROP\s+(TABLE|VIEW|MACRO|INDEX)\b|\bALTER\s+TABLE\b|\bATTACH\b\s+'", re.IGNORECASE)


def _house() -> list[Path]:
    """The product's Python: the entry file, the app side, the pages and the domain (not tests nor benchmarks)."""
    return [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
            *sorted((ROOT / "inventory").rglob("*.py"))]


def _strings(tree: ast.AST) -> list[tuple[int, str]]:
    """Every string literal (f-strings as their literal parts joined), docstrings left out."""
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            out.append((node.lineno, " ".join(v.value for v in node.values if isinstance(v, ast.Constant))))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            out.append((node.lineno, node.value))
    return out


def _sql_in(source: str) -> list[str]:
    return [f"{line}: {text[:80]!r}" for line, text in _strings(ast.parse(source)) if SQL.search(text)]


def test_inventory_package_never_imports_streamlit():
    code = (
        "import importlib, pkgutil, sys, inventory\n"
        "for m in pkgutil.walk_packages(inventory.__path__, 'inventory.'):\n"
        "    importlib.import_module(m.name)\n"
        "sys.exit(1 if 'streamlit' in sys.modules else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_no_sql_is_written_outside_the_store_and_the_analysis():
    found = {str(p.relative_to(ROOT)): _sql_in(p.read_text(encoding="utf-8")) for p in _house() if p not in SQL_HOMES}
    assert {path: hits for path, hits in found.items() if hits} == {}
    seen = {p.parent.name for p in SQL_HOMES if _sql_in(p.read_text(encoding="utf-8"))}
    assert seen == {"store", "analysis"}  # the scan does see SQL where it lives


def test_the_sql_scan_would_catch_a_query_in_any_form():
    caught = _sql_in('a = "SELECT code FROM thematiques"\n'
                     'b = f"select {col} from {table} where x = ?"\n'
                     'c = "INSERT INTO besoins VALUES (?)"\n'
                     'd = ("CREATE OR REPLACE VIEW v AS " "SELECT 1 FROM t")\n'
                     'e = "UPDATE snapshots SET active = true"\n'
                     'f = "DELETE FROM snapshots"\n')
    assert len(caught) == 6
    assert _sql_in('"""SELECT … FROM, in a docstring, explains."""\nx = "Sélectionnez un territoire"\n') == []


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
    return names


def test_pages_reach_the_store_only_through_the_app_side():
    """Pages and the entry file never import inventory.store (nor its Store): the app side's ``current_store()``
    hands them the server's one cached Store, and its ``q`` the cached analytics."""
    for path in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        imported = _imports(path)
        assert not {n for n in imported if n == "inventory.store" or n.startswith("inventory.store.")}, path.name
        assert "Store" not in {n.rsplit(".", 1)[-1] for n in imported}, path.name
        assert "ui" in {n.split(".")[0] for n in imported}, f"{path.name} should use the app side"
    assert "inventory.store" in _imports(ROOT / "ui" / "data.py")


def test_importing_the_app_side_runs_no_streamlit_command():
    """No st.rerun(), st.stop() or drawing while a module of ui/ is imported: a session importing it at the same
    moment as another would see a half-initialised module. Module level holds imports, definitions, and constants."""
    for path in sorted((ROOT / "ui").glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.ClassDef)):
                continue
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
                continue  # the docstring
            if isinstance(node, ast.If) and ast.unparse(node.test) == "__name__ == '__main__'":
                continue  # a command line's entry (ui/launch.py): runs when executed, never when imported
            assert isinstance(node, (ast.Assign, ast.AnnAssign)), f"{path.name}:{node.lineno}: {ast.unparse(node)}"
            calls = [ast.unparse(c.func) for c in ast.walk(node) if isinstance(c, ast.Call)]
            assert not [c for c in calls if c.startswith("st.")], f"{path.name}:{node.lineno}: {calls}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports, at any depth of the file (an import inside a function runs too,
    later, possibly while another thread imports the same modules)."""
    files = {_module_name(p): p for p in [ROOT / "app.py", *ROOT.glob("ui/*.py"), *ROOT.glob("pages/*.py"),
                                          *ROOT.glob("inventory/**/*.py")]}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                for a in node.names:  # ``from pkg import sub`` imports the module pkg.sub when there is one
                    targets.add(f"{base}.{a.name}" if f"{base}.{a.name}" in files else base)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each strongly connected group of two or more modules (Tarjan), sorted."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop(); on.discard(w); group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def _package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same imports between folders: a module stands for its package (``inventory.intake.reading.sheet`` for
    ``inventory.intake.reading``), modules of the ground floor and the app side for themselves."""
    packages = {m for m in graph if any(other.startswith(m + ".") for other in graph)}

    def home(m: str) -> str:
        parent = m.rpartition(".")[0]
        return parent if parent in packages and parent.count(".") >= 2 else m

    out: dict[str, set[str]] = {}
    for m, targets in graph.items():
        out.setdefault(home(m), set()).update(home(t) for t in targets if home(t) != home(m))
    return out


def test_no_module_imports_itself_back_through_a_cycle():
    """A cycle, even through an import inside a function, is how twelve first visitors got half-initialised modules
    (« cannot import name 'FileRefused' from partially initialized module »): none between modules, and none
    between the folders of intake (reading ↔ catalogues was one)."""
    graph = _import_graph()
    assert _cycles(graph) == []
    assert _cycles(_package_graph(graph)) == []


def test_the_cycle_scan_sees_an_import_inside_a_function():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]
    assert "inventory.intake.reading.sheet" in _import_graph()["inventory.intake.reading"]


def test_data_flows_one_way_intake_never_imports_analysis_nor_outputs():
    graph = _import_graph()
    for name, targets in graph.items():
        if name.startswith("inventory.intake"):
            assert not {t for t in targets if t.startswith(("inventory.analysis", "inventory.outputs"))}, name
        if name.startswith(("inventory.analysis", "inventory.store")):
            assert not {t for t in targets if t.startswith(("inventory.intake", "inventory.outputs"))}, name


def test_outputs_never_write():
    """Charts, exports and the report read: no module of outputs imports a writer nor calls a writing method."""
    writers = re.compile(r"\bstore\.(write_snapshot|activate|delete|rename|cursor)\(|\bnote_commitment\(")
    graph = _import_graph()
    for path in sorted((ROOT / "inventory" / "outputs").glob("*.py")):
        name = _module_name(path)
        assert not {t for t in graph[name] if t.startswith(("inventory.intake.importer", "inventory.intake.noting"))}
        assert not writers.search(path.read_text(encoding="utf-8")), name
