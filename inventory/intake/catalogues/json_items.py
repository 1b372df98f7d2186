"""A JSON export's aids read one at a time from its bytes, so that a large page never lives whole as Python objects.

``json.loads`` of a whole page holds its text (one to four bytes per character: a single emoji makes every
character four) and every aid as Python objects at once, several times the file. Here the bytes are cut into the
aids of the ``results`` array (or of a top-level list) by a tokenizer that only follows strings and brackets, and
each aid is decoded by ``json.loads`` when it is converted, then let go.

What is accepted stays exactly ``json.loads``'s: the document minus the array (the « skeleton ») and each aid are
decoded by it, so the whole is valid JSON exactly when all of them are; anything unusual (invalid bytes or JSON,
a ``results`` key twice or not holding an array, nesting deeper than any export) returns ``None`` and the caller
reads the file the old way, which gives the same French sentence as before.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Iterator

# A string (escapes included, as JSON writes them), a bracket or a comma: all a cut needs to know. Numbers,
# literals, colons and spaces are left to json.loads. A string left open runs to the end of the file (one match,
# never a scan to the end from each later quote: the reading stays linear whatever the file).
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*(?:"|\\?\Z)|[\[\]{},]', re.S)
_COLON = re.compile(rb"[ \t\r\n]*:")
_SPACES = re.compile(rb"[ \t\r\n]*")  # JSON's white space (matched in place: slicing would copy the file)
MAX_DEPTH = 64  # exports nest four or five deep; deeper files are read (and refused) the old way
_OPEN, _CLOSE, _QUOTE = frozenset(b"[{"), frozenset(b"]}"), ord('"')


@dataclass
class Page:
    """An export located in its bytes: ``skeleton`` is the document decoded without its aids (an API page's
    ``count``, ``next``…; ``[]`` for a plain list); the aids are the bytes between ``start`` and ``end``."""

    data: bytes  # UTF-8 (a byte-order mark before ``origin``)
    origin: int  # where the JSON text starts: after the byte-order mark, if any
    skeleton: Any
    start: int  # just after the array's « [ »
    end: int  # at the array's « ] »

    def spans(self) -> Iterator[tuple[int, int]]:
        """Each aid's bytes, as (start, end) offsets, in order."""
        data, depth, first = self.data, 0, self.start
        if _SPACES.match(data, self.start).end() >= self.end:  # an empty list
            return
        for m in _TOKEN.finditer(data, self.start, self.end):
            c = data[m.start()]
            if c == _QUOTE:
                continue
            if c in _OPEN:
                depth += 1
            elif c in _CLOSE:
                depth -= 1
            elif depth == 0:  # a comma between two aids
                yield first, m.start()
                first = m.end()
        yield first, self.end

    def aids(self) -> Iterator[Any]:
        """Each aid decoded, one at a time (``check`` has proved they all decode)."""
        for start, end in self.spans():
            yield json.loads(self.data[start:end].decode("utf-8"))

    def check(self) -> bool:
        """Every aid decodes as JSON (each is decoded, then dropped): the page is the file ``json.loads`` reads."""
        try:
            for _ in self.aids():
                pass
        except (ValueError, RecursionError):  # UnicodeDecodeError and JSONDecodeError are ValueErrors
            return False
        return True


def page(data: bytes) -> Page | None:
    """The export's aids located in ``data`` (UTF-8, with or without BOM, or UTF-16 with its BOM), proved to be
    exactly what ``json.loads`` reads; None when the file is anything else, to be read the old way."""
    origin = 0
    try:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # rare (some Windows tools): re-encoded once
            data = data.decode("utf-16").encode("utf-8")
        elif data[:3] == b"\xef\xbb\xbf":
            origin = 3  # not sliced off: that would copy the file
    except UnicodeDecodeError:
        return None
    found = _locate(data, origin)
    if found is None:
        return None
    start, end = found
    objects: list[list] = []  # every object's (key, value) pairs, the top-level one last

    def pairs(items: list) -> dict:
        objects.append(items)
        return dict(items)

    try:
        skeleton = json.loads((data[origin:start] + data[end:]).decode("utf-8"), object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        return None
    if isinstance(skeleton, dict) and ([k for k, _ in objects[-1] if k == "results"] != ["results"]
                                       or skeleton["results"] != []):
        return None  # « results » spelled twice (json.loads keeps the last), or not the array found
    if not isinstance(skeleton, (dict, list)) or (isinstance(skeleton, list) and skeleton != []):
        return None
    located = Page(data, origin, skeleton, start, end)
    return located if located.check() else None


def _locate(data: bytes, origin: int) -> tuple[int, int] | None:
    """Where the aids' array sits: the top-level list, or the value of the top-level object's one ``results``
    key; None when there is no such array, when ``results`` is written twice, or when brackets go too deep or do
    not balance."""
    first = _SPACES.match(data, origin).end()
    head = data[first:first + 1]
    if head not in (b"{", b"["):
        return None
    in_object = head == b"{"
    depth, found, expected, results_keys = 0, None, -1, 0
    start = -1
    for m in _TOKEN.finditer(data, origin):
        at = m.start()
        c = data[at]
        if c == _QUOTE:
            if in_object and depth == 1 and _COLON.match(data, m.end()):
                if data[at:m.end()] == b'"results"':
                    results_keys += 1
                    expected = _SPACES.match(data, _COLON.match(data, m.end()).end()).end()  # where its value starts
            continue
        if c in _OPEN:
            if in_object and depth == 1 and at == expected and c == ord("["):  # the value of « results »
                start = at + 1
            elif not in_object and depth == 0:
                start = at + 1
            depth += 1
            if depth > MAX_DEPTH:
                return None
        elif c in _CLOSE:
            depth -= 1
            if depth < 0:
                return None
            if start >= 0 and found is None and depth == (1 if in_object else 0):
                found = (start, at)
    if depth != 0 or found is None or (in_object and results_keys != 1):
        return None
    return found
