"""French words the services share: counts in the singular up to one."""
from tandem_shared.french import count_of


def test_a_count_is_singular_up_to_one_as_french_writes_it():
    assert [count_of(n, "ligne importée", "lignes importées") for n in (0, 1, 2)] == [
        "0 ligne importée", "1 ligne importée", "2 lignes importées"]
