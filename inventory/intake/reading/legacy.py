"""Files in a format we cannot read but can name: old Excel ``.xls`` and password-protected workbooks.

Both are OLE containers (a protected ``.xlsx`` too, whatever its name): refused with what to do instead.
"""
from __future__ import annotations

from pathlib import Path

from inventory import texts as T
from inventory.intake.reading.sheet import FileRefused, Grid

ACCEPTS = ()  # nothing: it names what it refuses
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def recognises(name: str, data: bytes) -> bool:
    return data[:8] == _OLE or Path(name).suffix.lower() == ".xls"


def read(name: str, data: bytes) -> list[tuple[str, Grid]]:
    if data[:8] == _OLE and ("EncryptionInfo".encode("utf-16-le") in data[:65536]
                             or b"E\x00n\x00c\x00r\x00y\x00p\x00t" in data):
        raise FileRefused(T.ERR_ENCRYPTED)
    raise FileRefused(T.ERR_XLS)
