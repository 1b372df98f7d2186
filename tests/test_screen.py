"""Issue 23's small rules: plurals in both languages, one territory's share of a table, its themes ranked, and
the deciding columns squeezed into the width of a 1280 px screen."""
import pandas as pd

from inventory import texts as T
from inventory.analysis.places import inside, ranked_needs, ranked_themes, within
from ui.display import counted, fitted_widths


def test_a_count_takes_the_french_singular_up_to_one_and_the_english_singular_only_at_one():
    late = T.TABLES["fr"]["COMMIT_LATE_WARNING"]
    with T.speaking("fr"):
        assert [counted(late, n=n, as_of="30/06/2020") for n in (0, 1, 2)] == [
            "0 engagement en retard : échéance passée au 30/06/2020, ni réalisé ni abandonné.",
            "1 engagement en retard : échéance passée au 30/06/2020, ni réalisé ni abandonné.",
            "2 engagements en retard : échéance passée au 30/06/2020, ni réalisés ni abandonnés."]
        assert counted(T.COVER_CATALOGUE_COUNT, n=1234) == "1\u202f234 programmes correspondent aux filtres."
    with T.speaking("en"):
        assert [counted(T.COVER_CATALOGUE_COUNT, n=n) for n in (0, 1, 2)] == [
            "0 programmes match the filters.", "1 programme matches the filters.", "2 programmes match the filters."]


def test_the_pages_sentences_write_no_plural_as_s_in_brackets():
    pages = {"IMP_STEP_READ_DONE", "IMP_STEP_CHECK_KO", "IMP_ROWS_READ", "IMP_REJECTED", "COVER_CATALOGUE_COUNT",
             "TOGETHER_COFUNDING_DETAIL", "TOGETHER_FOOTPRINT_SUMMARY", "COMMIT_LATE_WARNING", "COMMIT_ON_TRACK_COUNT",
             "COMMIT_PREMIUM_DETAIL", "COVERAGE_WORDS", "PATHWAY_HOVER"}
    assert {f"{lang}:{k}" for lang, table in T.TABLES.items() for k in pages if "(s)" in table[k]} == set()


def test_a_departement_lies_in_its_region_and_a_commitment_in_every_territory_it_names():
    assert inside("DEP-31", "REG-76") and inside("REG-76", "REG-76")
    assert not inside("REG-76", "DEP-31") and not inside("DEP-69", "REG-76") and not inside(None, "REG-76")
    rows = pd.DataFrame({"territoire": ["REG-76", "DEP-31", "REG-84", "FR"],
                         "territoires": [["REG-84", "REG-76"], ["DEP-69"], [], ["DEP-34"]]})
    assert within(rows, "REG-76")["territoire"].tolist() == ["REG-76", "DEP-31"]
    assert within(rows, "REG-76", "territoires")["territoire"].tolist() == ["REG-76", "FR"]
    assert within(rows, "")["territoire"].tolist() == ["REG-76", "DEP-31", "REG-84", "FR"]


def test_a_territorys_themes_white_zones_first_then_tension_and_its_needs_biggest_first():
    cells = pd.DataFrame({"thematique": ["a", "b", "c", "d"], "zone_blanche": [False, True, False, True],
                          "tension": [50.0, 10.0, 80.0, 30.0], "score": [100, 10, 160, 30], "acteurs": [9, 1, 12, 3]})
    assert ranked_themes(cells)["thematique"].tolist() == ["d", "b", "c", "a"]
    assert ranked_needs(cells)["thematique"].tolist() == ["c", "a", "d", "b"]


def test_the_deciding_columns_are_narrowed_to_one_cap_until_they_fit_800_px():
    assert fitted_widths([220, 220, 220, 220, 100], 5) == [175, 175, 175, 175, 100]
    assert fitted_widths([220, 100, 220, 220], 2) == [220, 100, 220, 220]  # they fit already
    assert fitted_widths([220] * 10, 10) == [90] * 10  # never narrower than a dozen characters
