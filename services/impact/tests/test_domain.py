"""Impact's pure rules at their boundaries: the day's states, the valuation (cap, half day, mid-year joiner), the
60/40 threshold and its exceptions, the ceiling and the five-year carry-forward."""
from datetime import date
from decimal import Decimal

import pytest

from impact import domain, rates

D = Decimal


@pytest.fixture
def y2026() -> domain.YearRates:
    return rates.rates_for(2026)


def test_the_dated_figures_come_from_the_data_file_with_their_sources():
    r = rates.rates_for(2026)
    assert r.pass_amount == D("48060") and r.working_days == 218
    assert (r.rate, r.reduced_rate, r.reduced_rate_threshold) == (D("0.60"), D("0.40"), D("2000000"))
    assert (r.ceiling_floor, r.ceiling_turnover_share, r.carry_forward_years) == (D("20000"), D("0.005"), 5)
    assert rates.rates_for(2025).pass_amount == D("47100")
    assert all(url.startswith("https://") for url in rates.sources(2026).values())
    with pytest.raises(rates.UnknownYear):
        rates.rates_for(1999)


# -- the value of a day -------------------------------------------------------------------------------------------------


def test_a_day_is_pay_plus_charges_over_the_working_days(y2026):
    # 50,000 € gross, 45 % charges: 72,500 € / 218 days = 332.57 €.
    assert domain.day_value(y2026, D("50000"), D("0.45")) == D("332.57")


def test_the_pay_is_capped_at_three_pass(y2026):
    cap = 3 * y2026.pass_amount  # 144,180 €
    at_cap = domain.day_value(y2026, cap, D("0.40"))
    assert at_cap == domain.money(cap * D("1.40") / 218)
    assert domain.day_value(y2026, cap + D("0.01"), D("0.40")) == at_cap
    assert domain.day_value(y2026, D("300000"), D("0.40")) == at_cap
    assert domain.day_value(y2026, cap - D("218"), D("0")) < domain.day_value(y2026, cap, D("0"))


def test_a_half_day_counts_half():
    assert domain.day_count(domain.HALF_DAY) == D("0.5")
    assert domain.day_count(domain.FULL_DAY) == D("1")


def test_a_person_who_joined_mid_year_is_valued_as_a_full_year_at_the_same_pay(y2026):
    # Joined on 1 July 2026 (184 of 365 days), earned 25,000 € that year: as if 49,592 € over the full year.
    joined = date(2026, 7, 2)
    share = domain.employed_share(2026, joined)
    assert share == D(183) / D(365)
    assert domain.day_value(y2026, D("25000"), D("0.45"), joined) == domain.money(D("25000") * D("1.45") / (218 * share))
    # The cap is prorated too: 3 PASS for half a year is about 72,000 €.
    capped = domain.day_value(y2026, D("100000"), D("0"), joined)
    assert capped == domain.money(3 * y2026.pass_amount * share / (218 * share))
    # Joined before the year, or on 1 January: a full year.
    assert domain.employed_share(2026, date(2019, 5, 1)) == 1
    assert domain.employed_share(2026, date(2026, 1, 1)) == 1
    with pytest.raises(domain.ValuationError):
        domain.day_value(y2026, D("1000"), D("0.4"), date(2027, 1, 1))


def test_absurd_pay_figures_are_refused(y2026):
    with pytest.raises(domain.ValuationError):
        domain.day_value(y2026, D("-1"), D("0.4"))
    with pytest.raises(domain.ValuationError):
        domain.day_value(y2026, D("1000"), D("1.51"))


# -- the reduction --------------------------------------------------------------------------------------------------------


def test_the_ceiling_is_the_greater_of_20000_and_half_a_percent_of_turnover(y2026):
    assert domain.ceiling(y2026, None) == D("20000")
    assert domain.ceiling(y2026, D("4000000")) == D("20000")  # 0.5 % = 20,000
    assert domain.ceiling(y2026, D("3999999")) == D("20000")
    assert domain.ceiling(y2026, D("4000200")) == D("20001.00")


def test_within_the_ceiling_the_reduction_is_60_percent(y2026):
    result = domain.year_reduction(y2026, D("10000"), D("0"), None)
    assert result.reduction == D("6000.00") and result.excess == 0 and result.carried_left == ()


def test_above_2_million_the_part_above_gives_40_percent(y2026):
    turnover = D("1000000000")  # ceiling 5,000,000
    at_threshold = domain.year_reduction(y2026, D("2000000"), D("0"), turnover)
    assert at_threshold.reduction == D("1200000.00") and at_threshold.base_at_reduced_rate == 0
    above = domain.year_reduction(y2026, D("2000001"), D("0"), turnover)
    assert above.base_at_reduced_rate == D("1")
    assert above.reduction == D("1200000.40")


def test_the_laws_exceptions_keep_60_percent_and_do_not_count_toward_2_million(y2026):
    turnover = D("1000000000")
    result = domain.year_reduction(y2026, D("2000000"), D("500000"), turnover)
    assert result.base_at_reduced_rate == 0
    assert result.reduction == D("1500000.00")


def test_the_excess_above_the_ceiling_is_carried_five_years_oldest_first(y2026):
    first = domain.year_reduction(y2026, D("30000"), D("0"), None)
    assert first.within_ceiling == D("20000") and first.excess == D("10000")
    assert first.reduction == D("12000.00")
    assert first.carried_left == (domain.Excess(2026, D("10000")),)
    y2027 = domain.YearRates(**{**y2026.__dict__, "year": 2027})
    # Next year, 15,000 € given: 5,000 € of room take the 2026 excess first.
    second = domain.year_reduction(y2027, D("15000"), D("0"), None, first.carried_left)
    assert second.carry_forward_used == D("5000") and second.reduction == D("12000.00")
    assert second.carried_left == (domain.Excess(2026, D("5000")),)
    # An excess is usable in the five following years, and lost after.
    y2031 = domain.YearRates(**{**y2026.__dict__, "year": 2031})
    assert domain.year_reduction(y2031, D("0"), D("0"), None, second.carried_left).carry_forward_used == D("5000")
    y2032 = domain.YearRates(**{**y2026.__dict__, "year": 2032})
    lost = domain.year_reduction(y2032, D("0"), D("0"), None, second.carried_left)
    assert lost.carry_forward_used == 0 and lost.expired == (domain.Excess(2026, D("5000")),) and lost.carried_left == ()


def test_carried_amounts_are_used_oldest_first(y2026):
    y2028 = domain.YearRates(**{**y2026.__dict__, "year": 2028})
    carried = [domain.Excess(2027, D("8000")), domain.Excess(2025, D("8000"))]
    result = domain.year_reduction(y2028, D("10000"), D("0"), None, carried)
    assert result.carry_forward_used == D("10000")
    assert result.carried_left == (domain.Excess(2027, D("6000")),)


# -- the days and the report -----------------------------------------------------------------------------------------------


def test_a_newer_change_wins_and_at_the_same_instant_the_further_state():
    assert domain.may_follow(domain.REFUSED, 1, domain.REQUESTED, 2)  # asked again after a refusal
    assert not domain.may_follow(domain.APPROVED, 2, domain.REQUESTED, 1)  # a late, older request
    assert not domain.may_follow(domain.APPROVED, 1, domain.REQUESTED, 1)
    assert domain.may_follow(domain.REQUESTED, 1, domain.APPROVED, 1)


def test_presence_attested_wins_whatever_the_clocks_and_only_a_newer_attestation_changes_it():
    # The approval's clock may run ahead of engagement's (the embedded mode's /dev/clock moves engagement's only).
    assert domain.may_follow(domain.APPROVED, 5, domain.ATTENDED, 1)
    assert not domain.may_follow(domain.ATTENDED, 1, domain.APPROVED, 5)
    assert not domain.may_follow(domain.ABSENT, 1, domain.CANCELLED, 5)
    assert domain.may_follow(domain.ABSENT, 1, domain.ATTENDED, 2)
    assert not domain.may_follow(domain.ATTENDED, 2, domain.ABSENT, 1)


def test_only_the_closed_bilan_answers_are_kept():
    kept = domain.closed_bilan_answers({"relevance": "Bonne", "welcome": "Nulle", "advice_to_colleague": "Vas-y",
                                        "would_do_again": "Peut-être"})
    assert kept == {"relevance": "Bonne", "would_do_again": "Peut-être"}


def test_a_later_step_of_the_funnel_implies_the_earlier_ones():
    row = domain.funnel_row(dates_approved=False, convention_signed=False, presence_attested=False, bilan=True, bilan_answers={})
    assert (row.applied, row.dates_approved, row.convention_signed, row.presence_attested, row.bilan) == (True,) * 5
    row = domain.funnel_row(dates_approved=True, convention_signed=False, presence_attested=False, bilan=False, bilan_answers={})
    assert (row.dates_approved, row.convention_signed) == (True, False)


def test_a_row_that_does_not_know_its_entitys_name_never_hides_the_name_another_row_gave():
    # A deleted account's copy keeps the entity but once lost its name: the whole entity read « Sans entité » in the report.
    def day(person_id, entity_name, on):
        return domain.DayRow(person_id=person_id, entity_id="e-dsi", entity_name=entity_name, association_id="a-1",
                             association_name=None if person_id == "gone" else "Les Pages voyageuses", mission_id="m-1",
                             themes=(), day=on, format="full_day", state=domain.ATTENDED, company_id="c-1", company_name="Horizon")

    for order in ((day("lucas", "Direction des systèmes d'information", date(2025, 3, 3)), day("gone", None, date(2025, 3, 4))),
                  (day("gone", None, date(2025, 3, 4)), day("lucas", "Direction des systèmes d'information", date(2025, 3, 3)))):
        report = domain.ReportAccumulator(2025)
        for row in order:
            report.add_day(row)
        assert report.labels[("entity", "e-dsi")] == "Direction des systèmes d'information"
        assert report.labels[("association", "a-1")] == "Les Pages voyageuses"
    alone = domain.ReportAccumulator(2025)
    alone.add_day(day("gone", None, date(2025, 3, 4)))
    assert alone.labels[("entity", "e-dsi")] == domain.NO_ENTITY
