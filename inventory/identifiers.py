"""Organisations' legal identity: the French registers' identifiers (SIREN, SIRET, RNA) checked as the registers
define them, and the folded form of an organisation's name under which two spellings are one « doublon probable »."""
from __future__ import annotations

import re

from inventory.reference import fold

# A SIRET of La Poste's establishments does not pass Luhn: the sum of its digits is a multiple of 5 instead.
LA_POSTE_SIREN = "356000000"
_SEPARATORS = re.compile(r"[\s.\u00a0\u202f-]+")
# Legal-form words that say what an organisation is, not which one: « Fondation Horizon » and « Horizon » are one.
LEGAL_FORM_WORDS = frozenset({
    "fondation", "fonds", "dotation", "association", "asso", "federation", "societe", "sa", "sas", "sasu", "sarl",
    "eurl", "scop", "scic", "sci", "gie", "gip", "eig", "ong", "cooperative", "mutuelle", "groupe", "reseau",
    "de", "du", "des", "la", "le", "les", "l", "d", "et", "pour", "en",
})


def luhn(digits: str) -> bool:
    """Whether a string of digits passes the Luhn checksum (every second digit from the right doubled)."""
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = int(ch) * (2 if i % 2 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def digits_of(value: object, width: int) -> str:
    """An identifier as typed (spaces, dots, a number a spreadsheet kept without its leading zeros) as digits."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return str(value).zfill(width)
    return _SEPARATORS.sub("", str(value))


def is_siren(s: str) -> bool:
    return len(s) == 9 and s.isdigit() and luhn(s)


def is_siret(s: str) -> bool:
    if len(s) != 14 or not s.isdigit() or not is_siren(s[:9]):
        return False
    return luhn(s) or (s[:9] == LA_POSTE_SIREN and sum(map(int, s)) % 5 == 0)


def is_rna(s: str) -> bool:
    return len(s) == 10 and s[0] == "W" and s[1:].isdigit()


def name_key(name: object) -> str:
    """An organisation's name folded for comparison: accents, case, punctuation and legal-form words gone
    (« Fondation  Horizon-Commun » and « fondation horizon commun » both give « horizon commun »)."""
    words = re.sub(r"[^a-z0-9 ]+", " ", fold(name)).split()
    kept = [w for w in words if w not in LEGAL_FORM_WORDS]
    return " ".join(kept or words)


def with_luhn(prefix: str) -> str:
    """``prefix`` followed by the one digit that makes it pass Luhn (fictitious identifiers for the demo)."""
    return next(prefix + str(d) for d in range(10) if luhn(prefix + str(d)))
