"""Texts of issue 23, part 8 (each language as its readers expect): the command line's snapshot list, quotes."""

CLI_SNAPSHOT_LINE = ("{as_of}  {label}  ({besoins} {{besoins|besoin|besoins}}, {programmes} "
                     "{{programmes|programme|programmes}}, {investisseurs} {{investisseurs|investisseur|investisseurs}})")
QUOTED = "« {value} »"  # a value quoted inside a sentence, as the language quotes
SET_ASIDE_EMPTY_SECTOR = "(secteur vide)"
CLI_ROW = "ligne {row}"  # where an import problem is, in the command line's list
