"""What two services must say alike, checked here because no service may import another.

Catalog (missions and their filters) and engagement (people's preferences) each keep the guide's
lists word for word: a preference saved in one is matched against a mission of the other. The demo
data of the two services describe the same associations and people.
"""
from __future__ import annotations

import pytest

from catalog import taxonomy
from catalog.demo_content import ASSOCIATIONS
from engagement import domain as engagement_domain
from engagement.demo import DEMO_ASSOCIATION_IDS, DEMO_LOGINS


@pytest.mark.parametrize("name", ["PROFESSIONAL_EXPERTISES", "PERSONAL_EXPERTISES", "THEMES"])
def test_catalog_and_engagement_hold_the_same_guide_list_in_the_same_order(name):
    assert getattr(taxonomy, name) == getattr(engagement_domain, name)


def test_catalogs_first_five_associations_are_engagements_demo_associations_with_the_same_ids():
    first_five = {association["name"]: association["id"] for association in ASSOCIATIONS[:5]}

    assert first_five == DEMO_ASSOCIATION_IDS
    assert [association["name"] for association in ASSOCIATIONS[:5]] == list(DEMO_ASSOCIATION_IDS)


def test_the_petits_savants_referent_in_catalog_is_an_engagement_demo_login():
    (referent,) = [association["referent"] for association in ASSOCIATIONS if association["name"] == "Les Petits Savants"]

    assert referent["email"] in {email for _label, email in DEMO_LOGINS}


def test_impact_counts_the_bilans_closed_questions_as_engagement_asks_them():
    from impact import domain as impact_domain

    asked = {q["key"]: (tuple(q["choices"]), q["label"]) for q in engagement_domain.BILAN_QUESTIONS if q["type"] == "choice"}
    counted = {q["key"]: (tuple(q["choices"]), q["label"]) for q in impact_domain.BILAN_CHOICE_QUESTIONS}
    assert counted == asked


def test_impact_reads_the_day_formats_engagement_writes():
    from impact import domain as impact_domain

    assert impact_domain.DAY_FORMATS == engagement_domain.DATE_FORMATS
    assert impact_domain.FORMAT_DAYS == engagement_domain.FORMAT_DAYS
