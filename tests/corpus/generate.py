"""The bad-file corpus: inputs a facilitator may upload by mistake, each with the French message they must get.

Every case is built here at test time (binary ones by code, the big ones never committed):
``tests/test_corpus.py`` runs each through the real import path and checks the message, that nothing was
written and that no traceback escaped. To look at the files themselves::

    .venv/bin/python -m tests.corpus.generate OUTDIR          # one folder per case
    .venv/bin/python -m tests.corpus.generate --list          # the index: case, file, expected message

``BAD`` are refused (``expect`` is a distinctive substring of the message the user reads); ``GOOD`` are
awkward but legitimate inputs that must be accepted (see the tests for what is checked on each).
"""
from __future__ import annotations

import csv
import io
import random
import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from inventory.intake.report import column_letter

Rows = list[list[Any]]
Files = list[tuple[str, bytes]]

# --- a small valid inventory (fictitious) -------------------------------------------------------------
INVESTISSEURS: Rows = [
    ["id", "nom", "type", "site_web"],
    ["CI1", "Fondation Corpus (fictive)", "fondation", None],
    ["CI2", "Banque Corpus (fictive)", "entreprise", "https://exemple.org"],
]
PROGRAMMES: Rows = [
    ["id", "nom", "investisseurs", "phase", "nature", "thematiques", "territoires", "publics", "budget_eur",
     "date_debut", "date_fin", "odd", "url", "description"],
    ["CP1", "Fonds corpus", "CI1;CI2", "urgence", "subvention", "numerique", "FR", "association", 10000,
     "01/03/2020", "31/12/2020", "8", None, "Programme fictif"],
    ["CP2", "Relance corpus", "CI2", "relance", "formation", "juridique;numerique", "REG-84", None, "2 500,5",
     "2020-04-01", None, "9;17", None, None],
]
BESOINS: Rows = [
    ["territoire", "source", "thematique", "intensite", "nb_acteurs", "public", "secteur", "date", "description",
     "odd", "id"],
    ["69", "terrain", "numerique", 3, 2, "association", "culture", "30/06/2020", "Outils en ligne", "8", "CB1"],
    ["Bretagne", "ingenierie", "juridique", 4, 1, None, None, None, None, None, "CB2"],
    ["FR", "terrain", "modele_socio_eco", 5, 10, "structure_ess", "social", "2020-05-15", None, "16;17", "CB3"],
]
NEED_HEADERS = BESOINS[0]


def inventory() -> dict[str, Rows]:
    """Fresh copies of the three sheets, so a case may edit them."""
    return {"investisseurs": [list(r) for r in INVESTISSEURS], "programmes": [list(r) for r in PROGRAMMES],
            "besoins": [list(r) for r in BESOINS]}


def with_cell(sheet: str, row: int, column: str, value: Any) -> dict[str, Rows]:
    """The valid inventory with one cell changed (``row`` as in the spreadsheet: 2 is the first data row)."""
    sheets = inventory()
    rows = sheets[sheet]
    rows[row - 1][rows[0].index(column)] = value
    return sheets


# --- writers ----------------------------------------------------------------------------------------------
def csv_bytes(rows: Rows, *, sep: str = ";", encoding: str = "utf-8-sig") -> bytes:
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\r\n").writerows(
        [["" if v is None else v for v in r] for r in rows])
    return buf.getvalue().encode(encoding)


def xlsx_bytes(sheets: dict[str, Rows], *, merges: dict[str, list[str]] | None = None) -> bytes:
    """A workbook as openpyxl writes it (text stays text, numbers are numbers)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(r, c, value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # typed text, not a formula (openpyxl would take it for one)
        for ref in (merges or {}).get(name, []):
            ws.merge_cells(ref)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def workbook_files(sheets: dict[str, Rows], name: str = "inventaire.xlsx") -> Files:
    return [(name, xlsx_bytes(sheets))]


def csv_files(sheets: dict[str, Rows]) -> Files:
    return [(f"{sheet}.csv", csv_bytes(rows)) for sheet, rows in sheets.items()]


# --- hand-made zip parts (xlsx skeleton, zip bombs) -------------------------------------------------------
_CT = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
       '<Default Extension="xml" ContentType="application/xml"/>'
       '<Override PartName="/xl/workbook.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
       '<Override PartName="/xl/styles.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
       '<Override PartName="/xl/worksheets/sheet1.xml" '
       'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             '<sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>')
_STYLES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>'
           '</fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>'
           '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
           '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/>'
           '</border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
           '</cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="0" fillId="2" borderId="1" xfId="0" applyFill="1" applyBorder="1"/>'
           '</cellXfs></styleSheet>')
_SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')


def _xml_escape(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _row_xml(r: int, values: list[Any]) -> str:
    cells = []
    for c, v in enumerate(values):
        ref = f"{column_letter(c)}{r}"
        if v is None:
            continue
        if isinstance(v, (int, float)):
            cells.append(f'<c r="{ref}"><v>{v}</v></c>')
        else:
            cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_xml_escape(str(v))}</t></is></c>')
    return f'<row r="{r}">{"".join(cells)}</row>'


@dataclass
class Part:
    """One zip member as raw deflate bytes, so a part may be far larger inflated than it costs to build."""

    name: str
    deflated: bytes
    crc: int
    size: int


def part(name: str, data: str | bytes, level: int = 6) -> Part:
    raw = data.encode() if isinstance(data, str) else data
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Part(name, c.compress(raw) + c.flush(), zlib.crc32(raw), len(raw))


def repeated_part(name: str, head: bytes, unit: bytes, times: int, tail: bytes) -> Part:
    """``head + unit * times + tail`` deflated without ever building it: the unit is compressed once into a
    byte-aligned block sequence (full flush) that is repeated ``times``. This is how zip bombs are made."""
    def block(data: bytes, final: bool) -> bytes:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        return c.compress(data) + c.flush(zlib.Z_FINISH if final else zlib.Z_FULL_FLUSH)

    unit_block = block(unit, False)
    crc = zlib.crc32(head)
    for _ in range(times):
        crc = zlib.crc32(unit, crc)
    crc = zlib.crc32(tail, crc)
    deflated = block(head, False) + unit_block * times + block(tail, True)
    return Part(name, deflated, crc, len(head) + len(unit) * times + len(tail))


def zip_of(parts: list[Part]) -> bytes:
    """A plain (non-zip64) zip archive of pre-deflated parts."""
    out = io.BytesIO()
    central = []
    for p in parts:
        name = p.name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, p.crc, len(p.deflated), p.size,
                              len(name), 0))
        out.write(name)
        out.write(p.deflated)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, p.crc,
                                   len(p.deflated), p.size, len(name), 0, 0, 0, 0, 0, offset) + name)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), out.tell() - start, start, 0))
    return out.getvalue()


def xlsx_skeleton(sheet_name: str, sheet: Part, extra: list[Part] = ()) -> bytes:
    return zip_of([part("[Content_Types].xml", _CT), part("_rels/.rels", _RELS),
                   part("xl/workbook.xml", _WORKBOOK.format(name=sheet_name)), part("xl/_rels/workbook.xml.rels", _WB_RELS),
                   part("xl/styles.xml", _STYLES), sheet, *extra])


def million_empty_rows(n: int = 1_000_000) -> bytes:
    """Two needs, then ``n`` rows of four empty cells with a fill and borders, as when a whole range is
    formatted down to the bottom of the sheet."""
    head = "".join([_SHEET_HEAD, f'<dimension ref="A1:K{n + 3}"/><sheetData>',
                    _row_xml(1, NEED_HEADERS), _row_xml(2, BESOINS[1]), _row_xml(3, BESOINS[2])])
    chunks = [head]
    batch = []
    for r in range(4, n + 4):
        batch.append(f'<row r="{r}"><c r="A{r}" s="1"/><c r="B{r}" s="1"/><c r="C{r}" s="1"/><c r="D{r}" s="1"/></row>')
        if len(batch) == 20000:
            chunks.append("".join(batch))
            batch = []
    chunks.append("".join(batch))
    chunks.append("</sheetData></worksheet>")
    return xlsx_skeleton("besoins", part("xl/worksheets/sheet1.xml", "".join(chunks), level=1))


def zip_bomb(inflated_mib: int = 1024) -> bytes:
    """A 1 MB workbook whose sheet inflates to ``inflated_mib`` MiB of blanks inside valid XML."""
    head = (_SHEET_HEAD + "<sheetData>" + _row_xml(1, NEED_HEADERS)).encode()
    sheet = repeated_part("xl/worksheets/sheet1.xml", head, b" " * 2**20, inflated_mib,
                          b"</sheetData></worksheet>")
    return xlsx_skeleton("besoins", sheet)


def zip_bomb_many_parts(parts: int = 450, part_kib: int = 1000) -> bytes:
    """Many parts each under 1 MiB (so no single part looks suspicious) that add up past the total limit."""
    head = (_SHEET_HEAD + "<sheetData>" + _row_xml(1, NEED_HEADERS) + _row_xml(2, BESOINS[1])).encode()
    sheet = part("xl/worksheets/sheet1.xml", head + b"</sheetData></worksheet>")
    filler = repeated_part("x", b"", b"\0" * 1024 * part_kib, 1, b"")
    extra = [Part(f"xl/media/image{i}.bin", filler.deflated, filler.crc, filler.size) for i in range(parts)]
    return xlsx_skeleton("besoins", sheet, extra)


def bad_sheet_xml() -> bytes:
    """A workbook whose sheet is not well-formed XML."""
    return xlsx_skeleton("besoins", part("xl/worksheets/sheet1.xml",
                                         _SHEET_HEAD + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>territ"))


# --- OLE (old .xls and encrypted workbooks) ---------------------------------------------------------------
def ole_xls() -> bytes:
    """A minimal compound document with a BIFF8 ``Workbook`` stream, as an old Excel 97-2003 file starts."""
    endchain, fatsect, free = 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    stream = struct.pack("<HHHHIHH", 0x0809, 16, 0x0600, 0x0005, 0x2CC1, 0x07CD, 0) + b"\0" * 4
    stream += struct.pack("<HH", 0x000A, 0)  # EOF record
    stream = stream.ljust(4096, b"\0")  # >= the mini-stream cutoff: stored in regular sectors
    n = len(stream) // 512
    header = bytearray(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16)
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\0" * 6
    header += struct.pack("<IIIIIIII", 0, 1, 1, 0, 4096, endchain, 0, endchain) + struct.pack("<I", 0)
    header += struct.pack("<I", 0)  # DIFAT[0] = sector 0 holds the FAT
    header += struct.pack("<I", free) * 108
    fat = [fatsect, endchain] + [3 + i for i in range(n - 1)] + [endchain]
    fat_sector = struct.pack(f"<{len(fat)}I", *fat) + struct.pack("<I", free) * (128 - len(fat))

    def entry(name: str, kind: int, child: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, free, free, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IIi", start, size, 0))

    directory = entry("Root Entry", 5, 1, endchain, 0) + entry("Workbook", 2, free, 2, len(stream))
    directory += (b"\0" * 64 + struct.pack("<HBBIII", 0, 0, 0, free, free, free) + b"\0" * 48) * 2
    return bytes(header) + fat_sector + directory + stream


def encrypted_xlsx(password: str = "secret") -> bytes:
    """A valid workbook saved with « Protect with password » (agile encryption, as Excel does)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(xlsx_bytes(inventory()))
    out = io.BytesIO()
    OOXMLFile(plain).encrypt(password, out)
    return out.getvalue()


def random_bytes(n: int = 4096, seed: int = 6) -> bytes:
    return random.Random(seed).randbytes(n)


def pdf() -> bytes:
    return (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nstream\n" + random_bytes(600)
            + b"\nendstream\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")


def unicode_text(rows: Rows) -> bytes:
    """Excel's « Texte Unicode (*.txt) »: UTF-16 LE with a BOM, tab-separated, CRLF, decimal commas."""
    buf = io.StringIO()
    csv.writer(buf, delimiter="\t", lineterminator="\r\n").writerows(
        [["" if v is None else str(v).replace(".", ",") if isinstance(v, float) else v for v in r] for r in rows])
    return buf.getvalue().encode("utf-16")


def html_table_xls() -> bytes:
    """An « Excel export » from a web tool: an HTML table saved with the .xls extension."""
    cells = "".join(f"<td>{h}</td>" for h in NEED_HEADERS)
    return f"<html><body><table><tr>{cells}</tr></table></body></html>".encode()


# --- the cases --------------------------------------------------------------------------------------------
@dataclass
class Case:
    name: str
    what: str
    files: Callable[[], Files]
    expect: str  # distinctive substring of the French message (compared case-insensitively)


def need_csv(*rows: list[Any], headers: list[str] = NEED_HEADERS) -> Files:
    return [("besoins.csv", csv_bytes([headers, *[list(r) for r in rows]]))]


def need_row(**changes: Any) -> list[Any]:
    row = list(BESOINS[1])
    for k, v in changes.items():
        row[NEED_HEADERS.index(k)] = v
    return row


def _wb(sheets: Callable[[], dict[str, Rows]], **kw: Any) -> Callable[[], Files]:
    return lambda: [("inventaire.xlsx", xlsx_bytes(sheets(), **kw))]


BAD: list[Case] = [
    # files that are not spreadsheets
    Case("empty-xlsx", "an empty file named .xlsx", lambda: [("inventaire.xlsx", b"")], "le fichier est vide"),
    Case("empty-csv", "an empty CSV", lambda: [("besoins.csv", b"")], "le fichier est vide"),
    Case("blank-csv", "a CSV of blank lines and spaces", lambda: [("besoins.csv", b"  \r\n\r\n \t\r\n")],
         "le fichier est vide"),
    Case("bom-only-csv", "a CSV with only a UTF-8 BOM", lambda: [("besoins.csv", b"\xef\xbb\xbf")],
         "aucune ligne de données"),
    Case("random-xlsx", "random bytes named .xlsx", lambda: [("inventaire.xlsx", random_bytes())],
         "n'est pas un classeur lisible"),
    Case("random-csv", "random bytes named .csv", lambda: [("besoins.csv", random_bytes())], "contenu binaire"),
    Case("pdf-as-xlsx", "a PDF renamed .xlsx", lambda: [("inventaire.xlsx", pdf())], "n'est pas un classeur lisible"),
    Case("truncated-zip", "a workbook cut in the middle (interrupted download)",
         lambda: [("inventaire.xlsx", xlsx_bytes(inventory())[:3000])], "archive endommagée"),
    Case("zip-not-workbook", "a plain zip archive renamed .xlsx",
         lambda: [("inventaire.xlsx", zip_of([part("notes.txt", "bonjour")]))], "n'est pas un classeur lisible"),
    Case("bad-sheet-xml", "a workbook whose sheet XML is cut", lambda: [("inventaire.xlsx", bad_sheet_xml())],
         "n'est pas un classeur lisible"),
    Case("zip-bomb", "1 MB that inflates to 1 GiB", lambda: [("inventaire.xlsx", zip_bomb())], "volume anormal"),
    Case("zip-bomb-parts", "450 parts of 1000 KiB (ratio under the radar per part, 440 MiB in all)",
         lambda: [("inventaire.xlsx", zip_bomb_many_parts())], "volume anormal"),
    Case("encrypted-xlsx", "a workbook protected by a password", lambda: [("inventaire.xlsx", encrypted_xlsx())],
         "protégé par un mot de passe"),
    Case("old-xls", "an Excel 97-2003 .xls", lambda: [("inventaire.xls", ole_xls())], "ancien format Excel .xls"),
    Case("xls-renamed-xlsx", "an old .xls renamed .xlsx", lambda: [("inventaire.xlsx", ole_xls())],
         "ancien format Excel .xls"),
    Case("html-as-xls", "an HTML table saved as .xls by a web tool", lambda: [("export.xls", html_table_xls())],
         "ancien format Excel .xls"),
    Case("unknown-extension", "a Numbers file", lambda: [("inventaire.numbers", b"PK\x03\x04...")],
         "non pris en charge"),
    Case("csv-as-xlsx", "a CSV renamed .xlsx",
         lambda: [("inventaire.xlsx", csv_bytes(BESOINS))], "n'est pas un classeur lisible"),
    Case("unterminated-quote", "a CSV whose quote never closes",
         lambda: [("besoins.csv", b'territoire;source;thematique;intensite\r\n69;"terrain;numerique;3\r\n')],
         "guillemet ouvert n'est jamais refermé"),
    Case("csv-huge-cell", "a CSV with a 200 000-character cell",
         lambda: need_csv(need_row(description="x" * 200_000)), "caractères"),
    # layout of the sheets
    Case("merged-column", "a workbook whose territory column is merged over three rows",
         _wb(lambda: {"besoins": [NEED_HEADERS, BESOINS[1], need_row(territoire=None), need_row(territoire=None)]},
             merges={"besoins": ["A2:A4"]}), "fusionnées"),
    Case("title-row", "a title row above the headers",
         _wb(lambda: {"besoins": [["Inventaire des besoins au 30/06"], *BESOINS]}), "supprimez les lignes au-dessus"),
    Case("duplicate-header", "the intensite column twice",
         lambda: need_csv([*BESOINS[1], 2], headers=[*NEED_HEADERS, "Intensité"]), "apparaît deux fois"),
    Case("duplicate-header-alias", "territoire and its English alias territory",
         lambda: need_csv([*BESOINS[1], "69"], headers=[*NEED_HEADERS, "territory"]), "apparaît deux fois"),
    Case("missing-column", "besoins without intensite",
         lambda: [("besoins.csv", csv_bytes([[c for c in r[:3]] for r in BESOINS]))],
         "colonne obligatoire « intensite » absente"),
    Case("unknown-sheets", "a workbook with only Feuil1 and Feuil2",
         _wb(lambda: {"Feuil1": BESOINS, "Feuil2": PROGRAMMES}), "aucune feuille reconnue"),
    Case("csv-wrong-name", "a CSV named export.csv whose headers fit no sheet",
         lambda: [("export.csv", csv_bytes([["lieu", "sujet", "note"], ["Rhône", "numerique", "4"]]))],
         "ni le nom du fichier ni sa ligne d'en-têtes"),
    Case("headers-only", "a needs sheet without data", lambda: need_csv(), "aucune ligne de données"),
    Case("sheet-twice", "besoins in a workbook and in a CSV",
         lambda: workbook_files(inventory()) + need_csv(BESOINS[1]), "fournie deux fois"),
    Case("too-many-columns", "201 columns",
         lambda: need_csv([*BESOINS[1], *range(200)], headers=[*NEED_HEADERS, *(f"x{i}" for i in range(200))]),
         "trop de colonnes"),
    Case("too-many-files", "eleven CSV files", lambda: need_csv(BESOINS[1]) * 11, "au plus 10 fichiers"),
    Case("too-big", "a 51 MB file", lambda: [("inventaire.xlsx", b"PK\x03\x04" + bytes(51 * 2**20))],
         "fichier trop volumineux"),
    # values
    Case("nan", "NaN as a number of actors", lambda: need_csv(need_row(nb_acteurs="NaN")), "pas un nombre fini"),
    Case("inf", "inf as an intensity", lambda: need_csv(need_row(intensite="inf")), "pas un nombre fini"),
    Case("negative-budget", "a negative budget", _wb(lambda: with_cell("programmes", 2, "budget_eur", -5000)),
         "est négatif"),
    Case("negative-actors", "-3 actors", lambda: need_csv(need_row(nb_acteurs=-3)), "doit être au moins 1"),
    Case("huge-number", "1e300 euros", _wb(lambda: with_cell("programmes", 2, "budget_eur", 1e300)), "démesuré"),
    Case("huge-number-text", "a budget of forty digits",
         _wb(lambda: with_cell("programmes", 2, "budget_eur", "9" * 40)), "démesuré"),
    Case("intensity-range", "intensity 7", lambda: need_csv(need_row(intensite=7)), "n'est pas entre 1 et 5"),
    Case("intensity-decimal", "intensity 2,5", lambda: need_csv(need_row(intensite="2,5")), "pas un nombre entier"),
    Case("not-a-number", "three as a word", lambda: need_csv(need_row(nb_acteurs="trois")), "n'est pas un nombre"),
    Case("sdg-range", "SDG 18", lambda: need_csv(need_row(odd="8;18")), "n'est pas entre 1 et 17"),
    Case("impossible-date", "31/02/2020", lambda: need_csv(need_row(date="31/02/2020")),
         "la date 31/02/2020 n'existe pas"),
    Case("not-a-date", "« bientôt » as a date", lambda: need_csv(need_row(date="bientôt")), "n'est pas une date"),
    Case("end-before-start", "a programme ending before it starts",
         _wb(lambda: with_cell("programmes", 2, "date_fin", "01/01/2020")), "précède la date de début"),
    Case("unknown-choice", "source « partenaire »", lambda: need_csv(need_row(source="partenaire")),
         "n'est pas une valeur permise"),
    Case("required-blank", "a need without territory", lambda: need_csv(need_row(territoire=None)),
         "valeur obligatoire manquante"),
    Case("excel-error", "#REF! left by a broken formula", lambda: need_csv(need_row(description="#REF!")),
         "erreur Excel #REF!"),
    # references
    Case("unknown-territory", "Atlantide", lambda: need_csv(need_row(territoire="Atlantide")),
         "territoire « Atlantide » inconnu"),
    Case("ambiguous-territory", "20: the old code of all Corsica", lambda: need_csv(need_row(territoire="20")),
         "2A"),
    Case("old-region", "Rhône-Alpes, a region merged in 2016", lambda: need_csv(need_row(territoire="Rhône-Alpes")),
         "ancienne région (avant 2016) : indiquez Auvergne-Rhône-Alpes"),
    Case("unknown-investor", "a programme funded by an investor not in the sheet",
         _wb(lambda: with_cell("programmes", 2, "investisseurs", "CI1;ZZZ")), "investisseur « ZZZ » inconnu"),
    Case("unknown-theme", "theme « mobilité »", lambda: need_csv(need_row(thematique="mobilité")),
         "thématique « mobilité » inconnue"),
    Case("duplicate-id", "two needs with id CB1", lambda: need_csv(BESOINS[1], BESOINS[1]), "en double"),
    # texts
    Case("long-text", "a 6 000-character description",
         lambda: need_csv(need_row(description="é" * 6000)), "texte trop long"),
    Case("control-chars", "a bell and an escape character in a text",
         lambda: need_csv(need_row(secteur="cul\x07ture\x1b")), "caractères de contrôle"),
]

def mixed_encodings_csv() -> Files:
    """Rows pasted from two exports: the header and the first need in UTF-8, the second in Windows-1252."""
    utf8 = csv_bytes([NEED_HEADERS, need_row(description="Été solidaire", id="M1")], encoding="utf-8")
    ansi = csv_bytes([need_row(description="Café associatif", id="M2")], encoding="cp1252")
    return [("besoins.csv", utf8 + ansi)]


# Hostile or careless inputs found in the hardening review (issue 24)
BAD += [
    Case("mixed-encodings", "a CSV whose rows mix UTF-8 and Windows-1252", mixed_encodings_csv,
         "la ligne 2 est en UTF-8 mais la ligne 3 en Windows-1252"),
    Case("bidi-override", "a right-to-left override (U+202E) that reverses how a name reads",
         lambda: need_csv(need_row(secteur="culture\u202eerutluc")), "caractères de contrôle"),
    Case("zero-width-space", "a zero-width space hidden in a sector",
         lambda: need_csv(need_row(secteur="cul\u200bture")), "caractères de contrôle"),
    Case("terminal-escape", "ESC[2J (clears a terminal) in a description",
         lambda: need_csv(need_row(description="\x1b[2JBonjour")), "caractères de contrôle"),
    Case("javascript-url", "a javascript: address as a programme's link",
         _wb(lambda: with_cell("programmes", 2, "url", "javascript:alert(document.cookie)")), "http:// ou https://"),
    Case("data-url", "a data: address as an investor's website",
         _wb(lambda: with_cell("investisseurs", 2, "site_web", "data:text/html;base64,PHNjcmlwdD4=")),
         "http:// ou https://"),
    Case("vbscript-url", "a vbscript: address", _wb(lambda: with_cell("programmes", 3, "url", "VBScript:msgbox(1)")),
         "http:// ou https://"),
    Case("deep-json", "a JSON of lists nested 100 000 deep",
         lambda: [("aides.json", b'{"results": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")], "milliers de niveaux"),
    Case("huge-integer-json", "a JSON whose aid id has 4 400 digits",
         lambda: [("aides.json", b'{"results": [{"id": ' + b"9" * 4400 + b', "name": "x"}]}')],
         "plusieurs milliers de chiffres"),
    Case("utf16-json", "a JSON saved in UTF-16 that is no aides-territoires export",
         lambda: [("aides.json", '{"results": [{"id": 1, "nom": "Été"}]}'.encode("utf-16"))],
         "ce fichier JSON n'est pas un export aides-territoires"),
    Case("half-surrogate-json", "an aid whose description holds a JSON escape \\ud800 alone (half a character)",
         lambda: [("aides.json", b'{"results": [{"id": 1, "name": "Aide", "perimeter": "H\\u00e9rault (D\\u00e9partement)", '
                                 b'"categories": ["Num\\u00e9rique|Inclusion num\\u00e9rique"], "financers": ["Fondation"], '
                                 b'"targeted_audiences": ["Associations"], "description": "Une aide \\ud800"}]}')],
         "caractères de contrôle"),
    Case("huge-count", "a count of 4 000 digits (echoed whole before)",
         lambda: need_csv(need_row(nb_acteurs="9" * 4000)), "999999999…"),
    Case("long-name", "a programme name of 250 characters",
         _wb(lambda: with_cell("programmes", 2, "nom", "Fonds " * 50)), "nom trop long"),
]

def formula_first_in_lists() -> Files:
    """An investor id and a theme that are formulas, each used first in a list cell (issue 24): accepted as
    typed, neutralised when they leave the tool."""
    sheets = inventory()
    sheets["investisseurs"][1][0] = "+cmd|'/C calc'!A0"
    sheets["programmes"][1][2] = "+cmd|'/C calc'!A0;CI2"
    sheets["thematiques"] = [["code", "libelle"], ["=2+3", "Thème piégé"]]
    sheets["programmes"][1][5] = "=2+3;numerique"
    return csv_files(sheets)


def html_in_names() -> Files:
    """Names that are HTML (issue 24): accepted as typed, drawn as text in charts."""
    sheets = inventory()
    sheets["investisseurs"][1][1] = '<a href="https://exemple.org/piege">Cliquez</a>'
    sheets["investisseurs"][2][1] = '<span style="font-size:60px;color:red">Énorme</span>'
    sheets["thematiques"] = [["code", "libelle"], ["piege", "&lt;a href=x&gt;lien&lt;/a&gt;"]]
    return csv_files(sheets)


GOOD = {
    "million-empty-rows": lambda: [("besoins.xlsx", million_empty_rows())],
    "unicode-text": lambda: [("besoins.txt", unicode_text(BESOINS))],
    "formula-first-in-lists": formula_first_in_lists,
    "html-in-names": html_in_names,
}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--list"]:
        for c in BAD:
            print(f"{c.name:24} {c.what:70} → « {c.expect} »")
        return 0
    if len(argv) != 1:
        print(__doc__)
        return 2
    out = Path(argv[0])
    for name, files in [(c.name, c.files) for c in BAD] + list(GOOD.items()):
        folder = out / name
        folder.mkdir(parents=True, exist_ok=True)
        for fname, data in files():
            (folder / fname).write_bytes(data)
    print(f"{len(BAD)} bad and {len(GOOD)} good cases written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
