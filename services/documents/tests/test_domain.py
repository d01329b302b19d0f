"""Documents's pure rules: the dates a convention covers, when a version may be signed, who may read it."""
from datetime import date, datetime, timezone

import pytest

from documents import domain

CONSENT = "2026-11-v1"


def refusal(**overrides):
    given = dict(version=2, current_version=2, withdrawn=False, already_signed=False, shown_sha256="a" * 64,
                 version_sha256="a" * 64, consent=True, consent_version=CONSENT, expected_consent_version=CONSENT)
    return domain.signature_refusal(**{**given, **overrides})


def test_a_convention_covers_every_approved_date_once_in_calendar_order():
    dates = domain.covered_dates(2027, [
        [{"date": "2027-02-01", "format": "half_day"}],
        [{"date": "2027-01-25", "format": "full_day"}, {"date": date(2027, 1, 28), "format": "half_day"}],
        [{"date": "2027-02-01", "format": "full_day"}],  # approved twice: the first approval's format holds
    ])
    assert dates == [{"date": "2027-01-25", "format": "full_day"}, {"date": "2027-01-28", "format": "half_day"},
                     {"date": "2027-02-01", "format": "half_day"}]
    assert domain.total_days(dates) == 2.0


def test_one_convention_is_one_civil_year():
    with pytest.raises(domain.DomainError, match="pas dans l'année 2027"):
        domain.covered_dates(2027, [[{"date": "2028-01-03", "format": "full_day"}]])


def test_dates_read_in_french():
    assert domain.date_label(date(2027, 2, 1), "full_day") == "Lundi 1er février 2027 — journée"
    assert domain.date_label(date(2027, 1, 28), "half_day") == "Jeudi 28 janvier 2027 — 1/2 journée"


def test_a_signature_is_refused_in_the_order_the_employee_can_act_on():
    assert refusal() is None
    assert refusal(consent=False) == domain.SignatureRefusal(422, domain.CONSENT_REQUIRED, "consent")
    assert refusal(consent_version="old").field == "consent_version"
    assert refusal(version=3).status == 404
    superseded = refusal(version=1, already_signed=True)
    assert (superseded.status, superseded.message) == (409, domain.superseded_message(1, 2))
    assert "signe la version 2" in superseded.message
    assert refusal(already_signed=True).message == domain.ALREADY_SIGNED
    assert refusal(shown_sha256="b" * 64) == domain.SignatureRefusal(422, domain.PDF_CHANGED, "pdf_sha256")
    assert refusal(shown_sha256="A" * 64) is None
    assert refusal(withdrawn=True).message == domain.NOTHING_TO_SIGN


def test_the_state_is_to_sign_until_the_current_version_is_signed():
    assert domain.convention_state(1, None, False) == "to_sign"
    assert domain.convention_state(2, 1, False) == "to_sign"
    assert domain.convention_state(2, 2, False) == "signed"
    assert domain.convention_state(2, 2, True) == "withdrawn"


PARTIES = domain.Parties(person_id="camille", company_id="horizon", association_id="petits-savants",
                         decider_emails=frozenset({"sophie@horizon.example"}), deciders=frozenset({"sophie"}))


def reader(subject="x", email="", roles=(), company_id=None, associations=()):
    return domain.Reader(subject=subject, email=email, roles=frozenset(roles), company_id=company_id,
                         association_ids=frozenset(associations))


@pytest.mark.parametrize("who, expected", [
    (reader("camille"), True),
    (reader(email="Sophie@Horizon.example"), True),
    (reader("sophie"), True),
    (reader(roles=["association_referent"], associations=["petits-savants"]), True),
    (reader(roles=["company_admin"], company_id="horizon"), True),
    (reader(roles=["employee"], company_id="horizon"), False),
    (reader(roles=["association_referent"], associations=["autre"]), False),
    (reader(associations=["petits-savants"]), False),
    (reader(roles=["company_admin"], company_id="autre"), False),
    (reader(roles=["company_admin"]), False),
    (reader(roles=["platform_operator"]), False),
])
def test_who_may_read_a_convention(who, expected):
    assert domain.may_read(who, PARTIES) is expected


def test_an_older_event_never_overwrites_a_newer_copy():
    earlier, later = datetime(2026, 1, 1, tzinfo=timezone.utc), datetime(2026, 2, 1, tzinfo=timezone.utc)
    assert domain.is_newer(later, earlier) and domain.is_newer(later, later) and not domain.is_newer(earlier, later)


def test_file_names():
    assert domain.convention_filename(2027, 2) == "convention-2027-v2.pdf"
    assert domain.convention_filename(2027, 2, signed=True) == "convention-2027-v2-signee.pdf"
    assert domain.bilan_filename(2027) == "bilan-2027.pdf"


def test_a_file_name_part_is_plain_ascii_words_joined_by_hyphens():
    assert domain.file_name_part("Les Restos du Cœur") == "les-restos-du-coeur"
    assert domain.file_name_part("L'Écho des Pentes — Lyon 1er") == "l-echo-des-pentes-lyon-1er"
    assert domain.file_name_part("Association « Très longue » pour l'entraide des quartiers Nord") == "association-tres-longue-pour-l-entraide"
    assert domain.file_name_part(None) == "" and domain.file_name_part("« »") == ""
    assert domain.receipt_filename(2027, 2, None, "Groupe Horizon") == "donnees-recu-cerfa-16216-2027-groupe-horizon-v2.pdf"
