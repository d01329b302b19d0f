"""Notifier's pure rules: back-off and giving up."""
from datetime import timedelta

from notifier import domain


def test_retries_back_off_exponentially_from_ten_seconds():
    assert [domain.retry_delay(n) for n in (1, 2, 3)] == [timedelta(seconds=10), timedelta(seconds=20), timedelta(seconds=40)]


def test_retries_never_wait_more_than_an_hour():
    assert domain.retry_delay(30) == timedelta(hours=1)


def test_an_email_is_given_up_only_after_the_last_attempt():
    assert domain.status_after_failure(7, 8) is domain.EmailStatus.PENDING
    assert domain.status_after_failure(8, 8) is domain.EmailStatus.FAILED


def test_one_shared_theme_professional_or_personal_expertise_makes_a_match():
    person = domain.Interests.of(["environnement"], ["Informatique / Web"], ["Jardinage"])
    assert person.overlaps(domain.Interests.of(themes=["environnement", "arts / culture"]))
    assert person.overlaps(domain.Interests.of(professional_expertises=["Informatique / Web"]))
    assert person.overlaps(domain.Interests.of(personal_expertises=["Jardinage"]))
    assert not person.overlaps(domain.Interests.of(["arts / culture"], ["Marketing / Communication"], ["Mentorat"]))


def test_an_expertise_does_not_match_a_theme_of_the_same_name():
    assert not domain.Interests.of(themes=["Jardinage"]).overlaps(domain.Interests.of(personal_expertises=["Jardinage"]))


def test_matching_ignores_case_and_stray_spaces():
    assert domain.Interests.of(themes=["Éducation /  formation "]).overlaps(domain.Interests.of(themes=["éducation / formation"]))


def test_nothing_selected_matches_nothing():
    assert not domain.Interests.of().overlaps(domain.Interests.of())


def test_a_mission_is_open_to_every_company_or_to_the_ones_it_names():
    assert domain.open_to_company(True, [], "c-1")
    assert domain.open_to_company(True, [], None)
    assert domain.open_to_company(False, ["c-1", "c-2"], "c-2")
    assert not domain.open_to_company(False, ["c-1"], "c-2")
    assert not domain.open_to_company(False, ["c-1"], None)


def test_only_an_active_person_who_opted_in_and_has_an_address_is_alerted():
    assert domain.wants_alerts(True, "active", "a@b.example")
    assert not domain.wants_alerts(False, "active", "a@b.example")
    assert not domain.wants_alerts(True, "disabled", "a@b.example")
    assert not domain.wants_alerts(True, "active", None)


def test_a_copy_only_moves_forward():
    from datetime import datetime, timezone

    earlier, later = datetime(2026, 11, 26, tzinfo=timezone.utc), datetime(2026, 11, 27, tzinfo=timezone.utc)
    assert domain.is_newer(earlier, None)
    assert domain.is_newer(later, earlier)
    assert not domain.is_newer(earlier, later)
    assert not domain.is_newer(later, later)


def test_the_place_reads_city_then_department():
    assert domain.place_label("Lyon", "69") == "Lyon (69)"
    assert domain.place_label("Lyon", None) == "Lyon"
    assert domain.place_label(None, "69") == "69"
    assert domain.place_label("", " ") is None


def test_a_message_is_quoted_line_by_line_and_a_blank_one_not_at_all():
    assert domain.quoted("Salut,\n\nÀ toi !") == "> Salut,\n>\n> À toi !"
    assert domain.quoted("   ") is None
    assert domain.quoted(None) is None


def test_a_header_text_is_one_line_and_never_too_long():
    assert domain.one_line("Camille\r\nMartin", 300) == "Camille Martin"
    assert domain.one_line("x" * 400, 300) == "x" * 299 + "…"


def test_dates_are_written_in_french_whatever_the_locale():
    from datetime import date

    assert domain.date_label(date(2027, 1, 25), "full_day") == "Lundi 25 janvier 2027 (journée)"
    assert domain.date_label(date(2027, 8, 1), "half_day") == "Dimanche 1er août 2027 (1/2 journée)"


def test_a_half_day_counts_half_and_days_are_plural_from_two_on():
    from decimal import Decimal

    dates = [{"format": "full_day"}, {"format": "half_day"}]
    assert domain.days_count(dates) == Decimal("1.5")
    assert [domain.days_label(n) for n in (0.5, 1, 1.5, 2, 10, Decimal("12.50"))] == [
        "0,5 jour", "1 jour", "1,5 jour", "2 jours", "10 jours", "12,5 jours",
    ]


def test_dates_in_e_mails_write_the_first_of_the_month_1er():
    from datetime import date
    assert domain.french_date(date(2027, 2, 1)) == "Lundi 1er février 2027"
    assert domain.french_date(date(2027, 1, 25)) == "Lundi 25 janvier 2027"


def test_a_moment_in_an_email_reads_as_the_page_it_links_to_writes_it():
    """Paris time, in words: « 1er décembre 2026 à 9 h 05 » (winter, UTC+1), « 14 juillet 2027 à 0 h 30 » (summer, UTC+2)."""
    from datetime import datetime, timezone

    from notifier.templates import paris_time

    assert paris_time(datetime(2026, 12, 1, 8, 5, tzinfo=timezone.utc)) == "1er décembre 2026 à 9 h 05"
    assert paris_time(datetime(2027, 7, 13, 22, 30, tzinfo=timezone.utc)) == "14 juillet 2027 à 0 h 30"
