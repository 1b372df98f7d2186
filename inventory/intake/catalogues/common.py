"""What every catalogue converter shares: its result, set-aside rows, investors matched by name, text clean-up."""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Iterable, Iterator

from inventory import limits, texts
from inventory.intake.catalogues.correspondences import Tally
from inventory.parsing import is_blank
from inventory import identifiers
from inventory.reference import fold as _fold_uncached

fold = lru_cache(maxsize=65536)(_fold_uncached)  # catalogue values repeat: fold each once

# contract sheets a catalogue fills, in the order the report lists them
SHEETS = ("investisseurs", "programmes", "besoins", "realisations")
NAME_LIMIT = 100  # the contract's identifiers and names (parsing.code)
TEXT_LIMIT = limits.MAX_CELL_CHARS


class CatalogueRefused(ValueError):
    """A catalogue file that cannot be read, with the French sentence that says why."""


@dataclass(frozen=True)
class SetAside:
    """A catalogue row that cannot be placed: where it is, the value that stops it, and why."""

    sheet: str  # the catalogue file (or sheet) as the user knows it
    row: int  # 1-based position of the aid in a JSON export; the spreadsheet row number otherwise
    value: str
    message: str
    ref: str = ""  # the catalogue's own id of the row (an aid's id), when it has one
    title: str = ""  # what the row is called (an aid's name; a 3W row's organisation and activity)
    positional: bool = False  # ``row`` is a position in a JSON file (which has no lines), not a line

    def as_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "row": self.row, "value": self.value, "message": self.message}


@dataclass
class Converted:
    """A catalogue as rows of the contract, ready for the normal check.

    ``sheets`` holds row dicts per contract sheet (values typed: lists as lists, dates as dates); ``rows``
    the catalogue row each one came from, for reports. ``new_investors`` are the investors created for
    financers no existing investor matched; ``mapping`` says how many rows each correspondence applied to."""

    catalogue: str  # "aides-territoires" | "hxl"
    prefix: str  # the id prefix of this catalogue's programmes ("AT-", "HXL-"): a refresh replaces those
    sheets: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {s: [] for s in SHEETS})
    rows: dict[str, list[int]] = field(default_factory=lambda: {s: [] for s in SHEETS})
    set_aside: list[SetAside] = field(default_factory=list)
    new_investors: list[dict[str, Any]] = field(default_factory=list)
    tally: Tally = field(default_factory=Tally)
    read: int = 0  # catalogue rows read
    warnings: list[str] = field(default_factory=list)

    def add(self, sheet: str, row: dict[str, Any], source_row: int) -> None:
        self.sheets[sheet].append(row)
        self.rows[sheet].append(source_row)

    @property
    def mapping(self) -> list[dict[str, Any]]:
        return self.tally.rows()

    def counts(self) -> dict[str, int]:
        return {s: len(rows) for s, rows in self.sheets.items()}

    def grid(self, sheet: str, columns: list[str]) -> list[list[str]]:
        """The sheet as a spreadsheet would hold it: a header row of ``columns`` then one row of text per
        converted row (lists joined by « ; », dates as JJ/MM/AAAA), for the reader of ordinary sheets."""
        out = [list(columns)]
        for row in self.sheets[sheet]:
            out.append([cell_text(row.get(c)) for c in columns])
        return out


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ; ".join(cell_text(v) for v in value)
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- text ----------------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_DROP = re.compile(r"<(script|style|head|template)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/h[1-6]|/tr|/ul|/ol|/table|/blockquote|p|div|h[1-6]|tr)\b[^>]*>", re.I)
_ITEM = re.compile(r"<\s*li\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LINES = re.compile(r"\s*\n\s*(?:\n\s*)+")
_MARKUP = re.compile(r"[<&\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def plain_text(value: Any, limit: int = TEXT_LIMIT) -> str | None:
    """HTML (as the catalogues write descriptions) reduced to text: tags dropped (scripts and styles with
    their content), entities decoded, paragraphs and list items kept as line breaks, no control characters,
    cut to ``limit`` characters. Never rendered: what is left is stored and shown as text."""
    if is_blank(value):
        return None
    s = str(value)
    if "<" in s:
        s = _DROP.sub(" ", s)
        s = _ITEM.sub("\n- ", _BREAK.sub("\n", s))
        s = _TAG.sub("", s)
    s = html.unescape(s) if "&" in s else s
    s = _CONTROL.sub("", s.replace("\r\n", "\n"))
    s = _SPACES.sub(" ", s)
    s = _LINES.sub("\n", "\n".join(line.strip() for line in s.split("\n"))).strip()
    return shorten(s, limit) or None


def shorten(s: str, limit: int) -> str:
    return s if len(s) <= limit else s[: limit - 1].rstrip() + "…"


def one_line(value: Any, limit: int = NAME_LIMIT) -> str | None:
    """A name on one line (HTML and control characters dropped), cut to the contract's length."""
    if isinstance(value, str) and not _MARKUP.search(value):
        s = " ".join(value.split())
        return shorten(s, limit) if s else None
    s = plain_text(value, limit=10 * limit)
    return shorten(" ".join(s.split()), limit) if s else None


def as_date(value: Any) -> dt.date | None | str:
    """A catalogue date (ISO ``2024-03-31``, a timestamp, or ``31/03/2024``); the raw text when it is none."""
    if is_blank(value):
        return None
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        pass
    try:
        return dt.datetime.strptime(s.split(" ")[0], "%d/%m/%Y").date()
    except ValueError:
        return s


# --- investors -----------------------------------------------------------------------------------------
class Investors:
    """Financers matched to investors by their register number (SIREN, RNA) when the catalogue gives one and an
    investor carries it, else by name (or id), case-, accent- and space-insensitively; a financer no investor
    matches becomes a new investor, with an id made from its name, listed in ``new``. ``matches`` says, per
    financer as written, which investor and how: « identifiant », « nom » or « nouveau »."""

    def __init__(self, existing: Iterable[tuple[str, str]] = (), identifiers: Iterable[tuple[str, str]] = ()):
        self.by_name: dict[str, str] = {}
        self.by_identifier: dict[str, str] = {ident: str(inv_id) for ident, inv_id in identifiers if ident}
        self.matches: dict[str, tuple[str, str]] = {}
        self.ids: set[str] = set()
        for inv_id, nom in existing:
            if inv_id:
                self.ids.add(str(inv_id))
                self.by_name.setdefault(fold(inv_id), str(inv_id))
                if nom:
                    self.by_name[fold(nom)] = str(inv_id)
        self.new: list[dict[str, Any]] = []

    def id_for(self, name: str, identifier: str | None = None) -> str:
        key = fold(name)
        ident = register_number(identifier)
        found = self.by_identifier.get(ident) if ident else None
        how = "identifiant"
        if found is None:
            found, how = self.by_name.get(key), "nom"
        if found is not None:
            self.matches.setdefault(name, (found, how))
            return found
        new_id = self._new_id(name)
        nom = one_line(name) or new_id
        self.new.append({"id": new_id, "nom": nom,
                         "type": "fondation" if "fondation" in key.split() else "institution", "site_web": None,
                         "siren": ident if ident and ident.isdigit() else None,
                         "rna": ident if ident and ident.startswith("W") else None})
        self.ids.add(new_id)
        self.by_name[key] = new_id
        if ident:
            self.by_identifier[ident] = new_id
        self.matches.setdefault(name, (new_id, "nouveau"))
        return new_id

    def _new_id(self, name: str) -> str:
        """``ANCT`` for « Agence nationale de la cohésion des territoires (ANCT) », else the name's words in
        capitals (``REGION-OCCITANIE``), numbered when taken."""
        acronym = re.search(r"\(([A-Za-zÀ-ÿ0-9&\-]{2,15})\)\s*$", name)
        base = fold(acronym.group(1) if acronym else name).upper()
        words = [w for w in re.split(r"[^A-Z0-9]+", base) if w]
        base = "-".join(words[:1] + [w for i, w in enumerate(words[1:], 1)
                                     if len("-".join(words[:i + 1])) <= 30])[:30] or "FINANCEUR"
        candidate, n = base, 2
        while candidate in self.ids or fold(candidate) in self.by_name:
            candidate, n = f"{base}-{n}", n + 1
        return candidate


def register_number(value: Any) -> str | None:
    """A SIREN (or the SIREN of a SIRET) or an RNA number as a catalogue writes it, when it is a valid one."""
    if value is None:
        return None
    s = identifiers.digits_of(str(value).strip().upper(), 9)
    if identifiers.is_siret(s):
        return s[:9]
    return s if identifiers.is_siren(s) or identifiers.is_rna(s) else None


# --- CSV -----------------------------------------------------------------------------------------------
def decode(data: bytes) -> str:
    """Text of a catalogue file: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def csv_stream(data: bytes) -> Iterator[list[str]]:
    """The rows ``csv_rows`` reads, handed over one at a time and decoded as they go, so that a large export never
    lives whole as text and as rows at once. The file is read through once first, so that it is refused (binary,
    broken quoting) before any row is handed over, as ``csv_rows`` refuses it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 (rare): decoded whole
        return iter(csv_rows(data))
    start = 3 if data[:3] == b"\xef\xbb\xbf" else 0
    encoding = "utf-8" if _is_utf8(data, start) else "cp1252"
    if data.find(b"\x00", start) >= 0:  # in both encodings, the NUL character is the zero byte
        raise CatalogueRefused(texts.ERR_CATALOGUE_BINARY)
    line_end = data.find(b"\n", start)
    first = data[start:line_end if line_end >= 0 else len(data)].decode(encoding, errors="replace")
    delimiter = max(("\t", ";", ","), key=first.count)

    def reader():
        stream = io.BytesIO(data)  # shares the bytes, no copy
        stream.seek(start)
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        return csv.reader(text, delimiter=delimiter, strict=True)

    try:
        for _ in reader():
            pass
    except csv.Error:
        raise CatalogueRefused(texts.ERR_CATALOGUE_CSV) from None
    return reader()


def _is_utf8(data: bytes, start: int, chunk: int = 1 << 20) -> bool:
    """``data[start:]`` decodes as UTF-8, checked a megabyte at a time (``decode`` would hold the whole text)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        for at in range(start, len(data), chunk):
            decoder.decode(data[at:at + chunk])
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def csv_rows(data: bytes) -> list[list[str]]:
    """The rows of a CSV (separator ``;``, ``,`` or tab, guessed from the first line)."""
    text = decode(data)
    if "\x00" in text:
        raise CatalogueRefused(texts.ERR_CATALOGUE_BINARY)
    first = text.split("\n", 1)[0]
    delimiter = max(("\t", ";", ","), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        raise CatalogueRefused(texts.ERR_CATALOGUE_CSV) from None
