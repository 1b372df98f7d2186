"""Texts of issue 23, part 6 (the import page): the rows an upload changes, what a catalogue upload was read as,
the rows set aside named by their aid, and every kind of file the uploader takes."""

# the preview: per sheet the upload replaces, its rows added, removed and changed against the active inventory
PREVIEW_ROWS_HEADER = "The rows that change"
PREVIEW_ROWS_INTRO = ("For each uploaded sheet, compared with the active inventory: the rows added, removed, and for "
                      "each changed row the cells that change, before → after. Carried-over sheets do not change.")
PREVIEW_ADDED = "{n} added"
PREVIEW_REMOVED = "{n} removed"
PREVIEW_CHANGED = "{n} changed"
PREVIEW_SHEET_LINE = "{sheet}: {parts}"
PREVIEW_NO_CHANGE = "{sheet}: no change"
PREVIEW_COLUMNS = {"ligne": "Row", "changement": "Change", "colonne": "Column", "avant": "Before",
                   "apres": "After"}
PREVIEW_CHANGE_LABELS = {"ajoute": "added", "retire": "removed", "modifie": "changed"}
PREVIEW_CUT = "Only the first {limit} rows of each kind are listed; the numbers above count them all."
# what a catalogue upload was read as (the read step's label)
PREVIEW_CATALOGUES = "{n} {{n|catalogue|catalogues}} recognised: {catalogues}"
PREVIEW_CATALOGUE_READ = {"aides-territoires": "aides-territoires ({n} {{n|aid|aids}})",
                          "hxl": "3W HXL ({n} {{n|row|rows}})"}
PREVIEW_READ_CATALOGUES = "Reading: {catalogues}"
PREVIEW_READ_BOTH = "{sheets}; {catalogues}"
# where a set-aside row is: a spreadsheet's line, or an aid's position in a JSON file (which has no lines)
PREVIEW_WHERE_LINE = "row {n}"
PREVIEW_WHERE_POSITION = "aid no. {n} in the file"
# every kind of file the uploader takes, from the readers (inventory.intake.reading.accepted)
PREVIEW_UPLOADER = "Files accepted: {kinds}"
PREVIEW_KIND = "{kind} ({shapes})"
PREVIEW_KINDS = {"workbook": "the template's workbook", "csv": "one sheet of the template as CSV",
                 "aides-territoires": "aides-territoires catalogue", "hxl": "HXL table (3W)"}
PREVIEW_SHAPES = {"workbook": "workbook", "csv": "CSV", "json": "JSON"}
PREVIEW_KINDS_JOIN = "; "
PREVIEW_OR = " or "
