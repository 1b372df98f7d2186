"""The domain package never imports the screen."""
import subprocess
import sys


def test_inventory_package_never_imports_streamlit():
    code = (
        "import importlib, pkgutil, sys, inventory\n"
        "for m in pkgutil.iter_modules(inventory.__path__):\n"
        "    importlib.import_module('inventory.' + m.name)\n"
        "sys.exit(1 if 'streamlit' in sys.modules else 0)\n"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
