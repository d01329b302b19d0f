"""French words the services share: counts in the singular up to one, a day in full."""
from datetime import date

from tandem_shared.french import count_of, long_date


def test_a_count_is_singular_up_to_one_as_french_writes_it():
    assert [count_of(n, "ligne importée", "lignes importées") for n in (0, 1, 2)] == [
        "0 ligne importée", "1 ligne importée", "2 lignes importées"]


def test_a_day_in_full_names_its_weekday_and_writes_the_first_as_french_does():
    assert long_date(date(2027, 1, 25)) == "lundi 25 janvier 2027"
    assert long_date(date(2027, 6, 1)) == "mardi 1er juin 2027"
