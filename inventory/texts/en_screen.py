"""Texts of issue 23 (answers on the screen): the territory that follows, plurals, the home page's first words."""

SCREEN_ALL_TERRITORIES = "All territories"
SCREEN_COMMITMENTS_IN = "{n} {{n|commitment|commitments}} out of {total} {{n|concerns|concern}} {place}."
SCREEN_NEEDS_THEMES = "The needs of {nom}, largest first"

# --- Accueil: what the inventory is, who feeds it, where to start ------------------------------------------------
SCREEN_HOME_WHAT = (
    "A shared inventory: the needs reported by grassroots organisations and by the support ecosystem, set against "
    "the emergency and recovery programmes of the societal investors (public bodies, foundations, companies) who "
    "feed it together, session after session."
)
SCREEN_HOME_START = "Where to start?"
SCREEN_HOME_START_NEEDS = "Where the needs are"
SCREEN_HOME_START_GAPS = "Where nobody acts"
SCREEN_HOME_START_POSITION = "Find your place among the investors"

# --- Jouer collectif › Se positionner, for an investor not yet in the inventory ---------------------------------
SCREEN_PROSPECT_OPTION = "An investor not yet in the inventory"
SCREEN_PROSPECT_INTRO = ("Choose the themes, territories and audience you have in mind: nothing is saved, your "
                         "choices live only in the page's address.")
SCREEN_PROSPECT_TERRITORIES = "Territories in mind"
SCREEN_PROSPECT_TERRITORIES_PLACEHOLDER = "All regions"
SCREEN_PROSPECT_PROMPT = "Choose at least one theme or territory to see your likely allies and the white zones within your reach."
