"""The house's boundaries: the domain package never imports the screen, SQL is written only in the store and the
analytics, pages reach the store only through the app side (ui/), and importing the app side does nothing."""
import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SQL_HOMES = {ROOT / "inventory" / "store.py", ROOT / "inventory" / "analytics.py"}
# A statement, not a word: « select » or « update » alone may be French or English prose.
SQL = re.compile(r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bCREATE\s+(OR\s+REPLACE\s+)?(TEMP\s+)?"
                 r"(TABLE|VIEW|MACRO|INDEX|SEQUENCE|SCHEMA)\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b|"
                 r"\bDROP\s+(TABLE|VIEW|MACRO|INDEX)\b|\bALTER\s+TABLE\b|\bATTACH\b\s+'", re.IGNORECASE)


def _house() -> list[Path]:
    """The product's Python: the entry file, the app side, the pages and the domain (not tests nor benchmarks)."""
    return [ROOT / "app.py", *sorted((ROOT / "ui").glob("*.py")), *sorted((ROOT / "pages").glob("*.py")),
            *sorted((ROOT / "inventory").glob("*.py"))]


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
        "for m in pkgutil.iter_modules(inventory.__path__):\n"
        "    importlib.import_module('inventory.' + m.name)\n"
        "sys.exit(1 if 'streamlit' in sys.modules else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_no_sql_is_written_outside_the_store_and_the_analytics():
    found = {str(p.relative_to(ROOT)): _sql_in(p.read_text(encoding="utf-8")) for p in _house() if p not in SQL_HOMES}
    assert {path: hits for path, hits in found.items() if hits} == {}
    assert all(_sql_in(p.read_text(encoding="utf-8")) for p in SQL_HOMES)  # the scan does see SQL where it lives


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
