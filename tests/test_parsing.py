"""Cell parsers: every form people type is accepted, anything else is refused with a French sentence."""
from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic_core import PydanticCustomError

from inventory import parsing as p
from inventory.reference import AUDIENCES, PHASES

FAST = settings(max_examples=80, deadline=None)


def refused(parser, value) -> str:
    with pytest.raises(PydanticCustomError) as exc:
        parser(value)
    return str(exc.value)


# --- blanks and text ------------------------------------------------------------------------------------
@pytest.mark.parametrize("value", [None, "", "   ", "\t", float("nan")])
def test_blank_cells_are_none_or_empty(value):
    assert p.is_blank(value)
    assert p.text(value) is None
    assert p.number(value) is None
    assert p.date(value) is None
    assert p.territory(value) is None
    assert p.split_list(value) == []


def test_text_is_stored_as_typed_without_surrounding_spaces():
    assert p.text("  <b>Fonds</b> =SOMME(A1)  ") == "<b>Fonds</b> =SOMME(A1)"
    assert p.text(3.0) == "3"
    assert p.text(3.5) == "3.5"
    assert p.text(dt.date(2020, 6, 30)) == "2020-06-30"
    assert p.code("  FDN1 ") == "FDN1"


@pytest.mark.parametrize("error", sorted(p.EXCEL_ERRORS))
def test_excel_error_cells_are_reported(error):
    for parser in (p.text, p.number, p.date, p.territory, p.split_list, p.choice(PHASES)):
        msg = refused(parser, error)
        assert f"erreur Excel {error}" in msg
        assert "remplacez-la" in msg


@pytest.mark.parametrize("typed, stored", [("'=1+1", "=1+1"), ("'+33 1 23", "+33 1 23"), ("'-5 %", "-5 %"),
                                           ("'@moi", "@moi"), ("'hello", "'hello"), ("l'asso", "l'asso")])
def test_export_formula_guard_is_undone(typed, stored):
    assert p.text(typed) == stored


def test_control_characters_and_overlong_text_are_refused():
    assert "caractères de contrôle" in refused(p.text, "a\x00b")
    assert "texte trop long" in refused(p.text, "x" * 6000)


# --- closed lists -----------------------------------------------------------------------------------------
def test_choice_matches_code_or_label_any_case_or_accent():
    phase = p.choice(PHASES)
    assert phase("urgence") == phase("URGENCE") == phase(" Urgence ") == "urgence"
    assert phase("Structurel") == "structurel"
    public = p.choice(AUDIENCES)
    assert public("Structures de l'ESS") == public("structure_ess") == public("STRUCTURE ESS") == "structure_ess"
    assert public("Collectivités") == public("collectivites") == "collectivite"
    assert refused(phase, "crise") == (
        "« crise » n'est pas une valeur permise (valeurs possibles : urgence, relance, structurel)")


def test_choice_list_splits_on_semicolon_or_comma_and_deduplicates():
    publics = p.choice_list(AUDIENCES)
    assert publics("association; tpe_pme,association") == ["association", "tpe_pme"]
    assert publics("") == []
    assert "« banque »" in refused(publics, "association;banque")


@pytest.mark.parametrize("cell, items", [
    ("a;b", ["a", "b"]), ("a,b", ["a", "b"]), (" a ; b , c ", ["a", "b", "c"]), ("a;;b;", ["a", "b"]),
    ("a\nb", ["a", "b"]), ("solo", ["solo"]), (17.0, ["17"]), ("", []),
])
def test_split_list(cell, items):
    assert p.split_list(cell) == items


# --- territories ------------------------------------------------------------------------------------------
def test_territory_lists_accept_names_codes_and_numbers():
    assert p.territory_list("69; Rhône, REG-84 ;auvergne-rhone-alpes") == ["DEP-69", "REG-84"]
    assert p.territory_list("La Réunion;REG-04;974") == ["DEP-974"]
    assert p.territory_list("2A, 2B") == ["DEP-2A", "DEP-2B"]
    assert p.territory_list("FR") == ["FR"]
    assert p.territory("National") == "FR"
    assert p.territory(1.0) == "DEP-01"


def test_unknown_territory_says_what_is_expected():
    assert refused(p.territory, "Atlantide") == (
        "territoire « Atlantide » inconnu : indiquez FR, le nom d'une région ou d'un département, REG-84, DEP-69 "
        "ou un numéro de département")
    assert "« REG-99 »" in refused(p.territory_list, "69;REG-99")


# --- numbers ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed, value", [
    ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("1\u202f234,5", 1234.5), ("1234.5", 1234.5),
    ("1234,5", 1234.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("1 234 567,89", 1234567.89),
    ("12 €", 12.0), ("1 000 000 €", 1e6), (" 42 ", 42.0), (42, 42.0), (42.5, 42.5), ("0", 0.0), ("-3,5", -3.5),
    ("12.345.678", 12345678.0), ("12,345,678", 12345678.0), ("1.000.000 €", 1e6), ("-2.500.000", -2.5e6),
    ("1.5", 1.5), ("1,234", 1.234),  # one separator alone is a decimal one
])
def test_numbers_as_typed_in_france_or_elsewhere(typed, value):
    assert p.number(typed) == pytest.approx(value)


@pytest.mark.parametrize("typed, message", [
    ("abc", "« abc » n'est pas un nombre"), (True, "« True » n'est pas un nombre"),
    ("inf", "« inf » n'est pas un nombre fini"), ("1.23.4", "« 1.23.4 » n'est pas un nombre"),
    ("1e13", "1e13 est démesuré (au plus 1 000 000 000 000)"),
])
def test_bad_numbers_are_refused(typed, message):
    assert refused(p.number, typed) == message


def test_budget_must_not_be_negative():
    assert p.non_negative("1 500,50") == 1500.5
    assert p.non_negative(0) == 0
    assert refused(p.non_negative, "-5") == "-5 est négatif : indiquez un montant positif ou nul"


@pytest.mark.parametrize("typed", [3, 3.0, "3", "3,0", "3.0", " 3 "])
def test_integers_written_any_way(typed):
    assert p.integer(1, 5)(typed) == 3


@pytest.mark.parametrize("typed, message", [
    (7, "7 n'est pas entre 1 et 5"), ("7", "7 n'est pas entre 1 et 5"), (0.0, "0 n'est pas entre 1 et 5"),
    ("3,5", "3,5 n'est pas un nombre entier"), ("trois", "« trois » n'est pas un nombre"),
])
def test_intensity_out_of_range_or_not_integer(typed, message):
    assert refused(p.integer(1, 5), typed) == message


def test_actor_count_is_at_least_one():
    assert p.integer(1)("120") == 120
    assert refused(p.integer(1), 0) == "0 doit être au moins 1"


def test_sdg_lists():
    odd = p.integer_list(1, 17)
    assert odd("17; 8, 8") == [8, 17]
    assert odd(4.0) == [4]
    assert refused(odd, "3;18") == "18 n'est pas entre 1 et 17"


# --- dates ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("typed", [
    "30/06/2020", "2020-06-30", "30/06/20", "30-06-2020", "30.06.2020", "2020/06/30", " 30/06/2020 ",
    "2020-06-30 00:00:00", "2020-06-30T00:00:00", dt.date(2020, 6, 30), dt.datetime(2020, 6, 30, 14, 5), 44012,
    44012.0,
])
def test_dates_as_typed_or_real(typed):
    assert p.date(typed) == dt.date(2020, 6, 30)


def test_pandas_timestamps_are_dates():
    import pandas as pd

    assert p.date(pd.Timestamp("2020-06-30")) == dt.date(2020, 6, 30)


@pytest.mark.parametrize("typed, message", [
    ("31/02/2020", "la date 31/02/2020 n'existe pas"),
    ("demain", "« demain » n'est pas une date (attendu : JJ/MM/AAAA ou AAAA-MM-JJ)"),
    (-3, "-3 n'est pas une date (attendu : JJ/MM/AAAA)"),
])
def test_bad_dates_are_refused(typed, message):
    assert refused(p.date, typed) == message


def test_show_values_as_the_user_typed_them():
    assert p.show(7.0) == "7"
    assert p.show(dt.date(2020, 6, 30)) == "30/06/2020"
    assert p.show("x") == "x"


# --- properties -------------------------------------------------------------------------------------------
@FAST
@given(st.integers(1, 5), st.sampled_from(["int", "float", "text", "text_float", "text_comma", "padded"]))
def test_any_intensity_written_any_way_parses(i, form):
    typed = {"int": i, "float": float(i), "text": str(i), "text_float": f"{i}.0", "text_comma": f"{i},0",
             "padded": f"  {i}\u00a0"}[form]
    assert p.integer(1, 5)(typed) == i


@FAST
@given(st.integers().filter(lambda i: not 1 <= i <= 5 and abs(i) < 10**9))
def test_any_intensity_outside_one_to_five_is_refused(i):
    assert refused(p.integer(1, 5), str(i)) == f"{i} n'est pas entre 1 et 5"


def french(value: float, sep: str) -> str:
    """``value`` as French Excel shows it: thousands grouped by ``sep``, decimal comma."""
    whole, frac = f"{abs(value):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return ("-" if value < 0 else "") + sep.join(groups) + "," + frac


@FAST
@given(st.integers(-10**11, 10**11), st.sampled_from([" ", "\u00a0", "\u202f", ""]))
def test_numbers_formatted_the_french_way_round_trip(cents, sep):
    value = cents / 100
    assert math.isclose(p.number(french(value, sep)), value, rel_tol=0, abs_tol=1e-6)
    assert math.isclose(p.number(f"{value:.2f}"), value, rel_tol=0, abs_tol=1e-6)  # 1234.5 the English way


@FAST
@given(st.dates(dt.date(1900, 3, 1), dt.date(2100, 12, 31)),
       st.sampled_from(["fr", "iso", "date", "datetime", "serial"]))
def test_any_date_written_any_way_parses(d, form):
    typed = {"fr": d.strftime("%d/%m/%Y"), "iso": d.isoformat(), "date": d,
             "datetime": dt.datetime(d.year, d.month, d.day, 12), "serial": (d - dt.date(1899, 12, 30)).days}[form]
    assert p.date(typed) == d


@FAST
@given(st.lists(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), min_size=1, max_size=5),
       st.lists(st.sampled_from([";", ",", " ; ", ", ", ";  "]), min_size=4, max_size=4))
def test_lists_split_on_any_separator(items, seps):
    cell = items[0] + "".join(seps[i % 4] + item for i, item in enumerate(items[1:]))
    assert p.split_list(cell) == items


@FAST
@given(st.text(max_size=50))
def test_parsers_never_crash_on_arbitrary_text(s):
    """Any text either parses or is refused with a French sentence: never another exception."""
    for parser in (p.text, p.number, p.date, p.territory, p.territory_list, p.integer(1, 5), p.choice(PHASES),
                   p.integer_list(1, 17)):
        try:
            parser(s)
        except PydanticCustomError as exc:
            assert str(exc)
