"""The text tables: one key per sentence, the same keys and placeholders in every language, no sentence left in
the code."""
import ast
import re
import string
from pathlib import Path

import pytest

from inventory import texts as T

ROOT = Path(__file__).resolve().parent.parent
ACCENTS = re.compile(r"[éèàùâêîôûçœ«»]")
FRENCH_WORDS = re.compile(r"\b(le|la|les|des|du|une|est|et|pour|dans|par|de|ne|pas|au|aux|ce|qui|que|sans|sur)\b", re.I)


def placeholders(value) -> set[str]:
    if isinstance(value, dict):
        return {f"{k}:{p}" for k, v in value.items() for p in placeholders(v)}
    if isinstance(value, (list, tuple)):
        return {p for v in value for p in placeholders(v)}
    if not isinstance(value, str):
        return set()
    return {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}


# French leaves these empty on purpose: its sentences live elsewhere (the models' own help, inventory/models.py)
FALLS_BACK_IN_FRENCH = {"CONTRACT_HELP"}


def shape(value) -> object:
    """What must match across languages besides placeholders: a table's keys, a list's length."""
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return len(value)
    return type(value).__name__


@pytest.mark.parametrize("language", T.LANGUAGES)
def test_every_language_has_the_french_keys_and_placeholders(language):
    french, other = T.TABLES["fr"], T.TABLES[language]
    assert set(other) == set(french)
    assert {k for k in french if placeholders(french[k]) != placeholders(other[k])} == set()
    assert {k for k in french if k not in FALLS_BACK_IN_FRENCH and shape(french[k]) != shape(other[k])} == set()


def test_a_key_is_read_in_the_language_of_the_run():
    assert T.language() == "fr"
    assert T.ERR_REQUIRED == T.TABLES["fr"]["ERR_REQUIRED"]
    assert T.use("xx") == "fr"  # an unknown language falls back to French
    with pytest.raises(AttributeError):
        T.NO_SUCH_KEY


def _sentences(path: Path):
    """String literals that read as French sentences, docstrings aside."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
                and ACCENTS.search(node.value) and FRENCH_WORDS.search(node.value) and "SELECT" not in node.value
                and "CREATE" not in node.value):
            yield node.lineno, node.value


# Data, not interface: the fictitious demo inventory, the closed lists' labels and the contract's own vocabulary
# (models: labels and help that generate the template and docs/contract.md), and the catalogues' real column names.
NOT_INTERFACE = {"inventory/intake/demo.py", "inventory/reference.py", "inventory/models.py",
                 "inventory/intake/catalogues/aides_territoires.py", "inventory/intake/catalogues/__init__.py"}


def test_no_french_sentence_is_written_outside_the_text_tables():
    files = [ROOT / "app.py", *sorted((ROOT / "ui").rglob("*.py")), *sorted((ROOT / "pages").rglob("*.py")),
             *sorted((ROOT / "inventory").rglob("*.py"))]
    found = [f"{p.relative_to(ROOT)}:{line}: {text[:70]!r}" for p in files
             if "texts" not in p.parts and str(p.relative_to(ROOT)) not in NOT_INTERFACE
             for line, text in _sentences(p)]
    assert found == []
