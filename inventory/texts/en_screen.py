"""Texts of issue 23 (answers on the screen): the territory that follows, plurals, the home page's first words."""

SCREEN_ALL_TERRITORIES = "All territories"
SCREEN_COMMITMENTS_IN = "{n} {{n|commitment|commitments}} out of {total} {{n|concerns|concern}} {place}."
SCREEN_NEEDS_THEMES = "The needs of {nom}, largest first"
