"""Read tokens of the API: made once and shown once, kept as a SHA-256 digest in the inventory's file."""
from __future__ import annotations

import hashlib
import re
import secrets

from inventory import store as store_module
from inventory.store import Store

NAME = re.compile(r"[A-Za-z0-9._-]{1,64}")
PREFIX = "inv_"  # says what a stray token is when it turns up in a script or a log


def digest(token: str) -> str:
    """A token's digest: tokens are 256 random bits, so a plain SHA-256 is enough (no guessing to slow down)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def valid_name(name: str) -> bool:
    return bool(NAME.fullmatch(name))


def create(store: Store, name: str) -> str | None:
    """A new token named ``name``, returned once; None when a token of that name is in use."""
    token = PREFIX + secrets.token_urlsafe(32)
    return token if store_module.add_token(store, name, digest(token)) else None


def owner(store: Store, token: str | None) -> str | None:
    """The name of the token in use that ``token`` is, if any."""
    if not token:
        return None
    return store_module.token_owner(store, digest(token))
