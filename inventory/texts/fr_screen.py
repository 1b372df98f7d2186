"""Texts of issue 23 (answers on the screen): the territory that follows, plurals, the home page's first words."""

SCREEN_ALL_TERRITORIES = "Tous les territoires"
SCREEN_COMMITMENTS_IN = "{n} {{n|engagement|engagements}} sur {total} {{n|concerne|concernent}} {place}."
SCREEN_NEEDS_THEMES = "Les besoins de {nom}, du plus fort au plus faible"
