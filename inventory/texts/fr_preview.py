"""Texts of issue 23, part 6 (the import page): the rows an upload changes, what a catalogue upload was read as,
the rows set aside named by their aid, and every kind of file the uploader takes."""

# the preview: per sheet the upload replaces, its rows added, removed and changed against the active inventory
PREVIEW_ROWS_HEADER = "Les lignes qui changent"
PREVIEW_ROWS_INTRO = ("Par feuille déposée, comparée à l'inventaire actif : les lignes ajoutées, retirées, et pour "
                      "chaque ligne modifiée les cellules qui changent, avant → après. Les feuilles reprises ne "
                      "changent pas.")
PREVIEW_ADDED = "{n} {{n|ajout|ajouts}}"
PREVIEW_REMOVED = "{n} {{n|retrait|retraits}}"
PREVIEW_CHANGED = "{n} {{n|modification|modifications}}"
PREVIEW_SHEET_LINE = "{sheet} : {parts}"
PREVIEW_NO_CHANGE = "{sheet} : aucun changement"
PREVIEW_COLUMNS = {"ligne": "Ligne", "changement": "Changement", "colonne": "Colonne", "avant": "Avant",
                   "apres": "Après"}
PREVIEW_CHANGE_LABELS = {"ajoute": "ajout", "retire": "retrait", "modifie": "modification"}
PREVIEW_CUT = ("Seules les {limit} premières lignes de chaque sorte sont listées ; les nombres ci-dessus les "
               "comptent toutes.")
# what a catalogue upload was read as (the read step's label)
PREVIEW_CATALOGUES = "{n} {{n|catalogue reconnu|catalogues reconnus}} : {catalogues}"
PREVIEW_CATALOGUE_READ = {"aides-territoires": "aides-territoires ({n} {{n|aide|aides}})",
                          "hxl": "3W HXL ({n} {{n|ligne|lignes}})"}
PREVIEW_READ_CATALOGUES = "Lecture : {catalogues}"
PREVIEW_READ_BOTH = "{sheets} ; {catalogues}"
# where a set-aside row is: a spreadsheet's line, or an aid's position in a JSON file (which has no lines)
PREVIEW_WHERE_LINE = "ligne {n}"
PREVIEW_WHERE_POSITION = "aide n° {n} du fichier"
# every kind of file the uploader takes, from the readers (inventory.intake.reading.accepted)
PREVIEW_UPLOADER = "Fichiers acceptés : {kinds}"
PREVIEW_KIND = "{kind} ({shapes})"
PREVIEW_KINDS = {"workbook": "classeur du modèle", "csv": "une feuille du modèle en CSV",
                 "aides-territoires": "catalogue aides-territoires", "hxl": "tableau HXL (3W)"}
PREVIEW_SHAPES = {"workbook": "classeur", "csv": "CSV", "json": "JSON"}
PREVIEW_KINDS_JOIN = " ; "
PREVIEW_OR = " ou "
