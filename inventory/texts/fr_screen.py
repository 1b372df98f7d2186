"""Texts of issue 23 (answers on the screen): the territory that follows, plurals, the home page's first words."""

SCREEN_ALL_TERRITORIES = "Tous les territoires"
SCREEN_COMMITMENTS_IN = "{n} {{n|engagement|engagements}} sur {total} {{n|concerne|concernent}} {place}."
SCREEN_NEEDS_THEMES = "Les besoins de {nom}, du plus fort au plus faible"

# --- Accueil: what the inventory is, who feeds it, where to start ------------------------------------------------
SCREEN_HOME_WHAT = (
    "Un inventaire commun : les besoins que remontent les acteurs de terrain et l'écosystème d'accompagnement, mis "
    "en face des programmes d'urgence et de relance des investisseurs sociétaux (institutions, fondations, "
    "entreprises) qui l'alimentent ensemble, séance après séance."
)
SCREEN_HOME_START = "Par où commencer ?"
SCREEN_HOME_START_NEEDS = "Où sont les besoins"
SCREEN_HOME_START_GAPS = "Où personne n'agit"
SCREEN_HOME_START_POSITION = "Se positionner parmi les investisseurs"

# --- Jouer collectif › Se positionner, for an investor not yet in the inventory ---------------------------------
SCREEN_PROSPECT_OPTION = "Un investisseur qui n'est pas encore dans l'inventaire"
SCREEN_PROSPECT_INTRO = ("Choisissez les thématiques, les territoires et le public que vous envisagez : rien n'est "
                         "enregistré, vos choix ne vivent que dans l'adresse de la page.")
SCREEN_PROSPECT_TERRITORIES = "Territoires envisagés"
SCREEN_PROSPECT_TERRITORIES_PLACEHOLDER = "Toutes les régions"
SCREEN_PROSPECT_PROMPT = "Choisissez au moins une thématique ou un territoire pour voir vos alliés probables et les zones blanches à votre portée."
