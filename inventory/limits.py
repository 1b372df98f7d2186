"""Limits enforced before expensive work (documented in docs/security.md)."""

MAX_FILE_BYTES = 50 * 1024 * 1024  # one uploaded file
MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024  # sum of a workbook's inflated parts (zip bomb guard)
MAX_COMPRESSION_RATIO = 200  # inflated / compressed, per workbook part above 1 MiB
MAX_ROWS = 1_500_000  # data rows per sheet
MAX_COLUMNS = 200
MAX_CELL_CHARS = 5_000
MAX_CODE_CHARS = 100  # an identifier (investor, programme, need, theme code)
MAX_NUMBER = 1e12  # no budget or count above a thousand billion
MAX_FILES = 10  # files in one upload
MAX_LABEL_CHARS = 200  # a snapshot's label, typed in the dashboard or given with --label
MAX_NAME_CHARS = 200  # a name (investor, programme, theme label)
