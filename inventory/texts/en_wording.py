"""Texts of issue 23, part 8 (each language as its readers expect): the command line's snapshot list, quotes."""

CLI_SNAPSHOT_LINE = ("{as_of}  {label}  ({besoins} {{besoins|need|needs}}, {programmes} "
                     "{{programmes|programme|programmes}}, {investisseurs} {{investisseurs|investor|investors}})")
QUOTED = "“{value}”"  # a value quoted inside a sentence, as the language quotes
SET_ASIDE_EMPTY_SECTOR = "(empty sector)"
CLI_ROW = "row {row}"  # where an import problem is, in the command line's list
