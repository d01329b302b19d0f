"""The fixed vocabularies (taxonomy) and the demo content built on them: exact, consistent, stable."""
from __future__ import annotations

import importlib
import re
import uuid
from collections import Counter
from datetime import date

import pytest

from catalog import demo_content, taxonomy
from catalog.demo_content import ASSOCIATIONS, MISSIONS, SPOTLIGHTS
from catalog.taxonomy import (
    DEPARTMENTS, GENERAL_INTEREST_CATEGORIES, METROPOLITAN_REGIONS, MISSION_FORMATS, OVERSEAS_REGIONS,
    PERSONAL_EXPERTISES, PROFESSIONAL_EXPERTISES, REGIONS, THEMES,
)

PUBLISHED = [mission for mission in MISSIONS if mission["status"] == "published"]
ASSOCIATIONS_BY_NAME = {association["name"]: association for association in ASSOCIATIONS}


def sentences(text: str) -> int:
    return len(re.findall(r"[.!?](?=\s|$)", text))


def luhn_valid(number: str) -> bool:
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if position % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


# --- taxonomy ---------------------------------------------------------------------------------------

def test_there_are_101_departments_with_unique_codes_and_names():
    codes = [code for code, _name, _region in DEPARTMENTS]
    assert len(DEPARTMENTS) == 101
    assert len(set(codes)) == 101
    assert len({name for _code, name, _region in DEPARTMENTS}) == 101
    assert {"01", "2A", "2B", "75", "95", "971", "972", "973", "974", "976"} <= set(codes)
    assert "20" not in codes


def test_every_department_belongs_to_one_of_the_18_regions_and_every_region_has_departments():
    assert len(REGIONS) == len(set(REGIONS)) == 18
    assert len(METROPOLITAN_REGIONS) == 13 and len(OVERSEAS_REGIONS) == 5
    assert {region for _code, _name, region in DEPARTMENTS} == set(REGIONS)
    for region in OVERSEAS_REGIONS:
        assert len(taxonomy.departments_of_region(region)) == 1
    assert len(taxonomy.departments_of_region("Île-de-France")) == 8


def test_a_department_code_gives_its_region_and_its_name():
    assert taxonomy.region_of_department("69") == "Auvergne-Rhône-Alpes"
    assert taxonomy.region_of_department("2B") == "Corse"
    assert taxonomy.region_of_department("974") == "La Réunion"
    assert taxonomy.department_name("21") == "Côte-d'Or"
    assert taxonomy.department_name("976") == "Mayotte"
    # A lost leading zero or a lowercase Corsican code still means the same department.
    assert taxonomy.department_name("1") == "Ain"
    assert taxonomy.region_of_department("2a") == "Corse"


@pytest.mark.parametrize("code", ["20", "00", "96", "975", "", "Paris"])
def test_an_unknown_department_code_raises_key_error(code):
    with pytest.raises(KeyError):
        taxonomy.region_of_department(code)
    with pytest.raises(KeyError):
        taxonomy.department_name(code)
    assert not taxonomy.is_department(code)


def test_the_guides_lists_have_their_exact_counts_without_duplicates():
    assert len(THEMES) == len(set(THEMES)) == 12
    assert len(PROFESSIONAL_EXPERTISES) == len(set(PROFESSIONAL_EXPERTISES)) == 7
    assert len(PERSONAL_EXPERTISES) == len(set(PERSONAL_EXPERTISES)) == 11
    assert all(theme == theme.lower() for theme in THEMES)


def test_the_guides_typo_bureauatique_is_spelled_correctly():
    assert "Administratif / Bureautique" in PROFESSIONAL_EXPERTISES
    assert not any("Bureauatique" in expertise for expertise in PROFESSIONAL_EXPERTISES)


def test_the_mission_formats_are_the_guides_three():
    assert dict(MISSION_FORMATS) == {"full_day": "100% journée", "half_day": "1/2 journée", "undefined": "Durée à définir"}


def test_the_general_interest_categories_follow_article_238_bis():
    assert GENERAL_INTEREST_CATEGORIES["social"] == "Caractère social"
    for character in ("philanthropique", "educatif", "scientifique", "humanitaire", "sportif", "familial", "culturel"):
        assert character in GENERAL_INTEREST_CATEGORIES
    assert "utilite_publique" in GENERAL_INTEREST_CATEGORIES


# --- associations -----------------------------------------------------------------------------------

# That they are engagement's demo associations and people: tests/test_shared_vocabularies.py.

def test_the_petits_savants_referent_is_the_demo_referent():
    referent = ASSOCIATIONS_BY_NAME["Les Petits Savants"]["referent"]
    assert referent["email"] == "referente@petits-savants.example"
    assert (referent["first_name"], referent["last_name"]) == ("Amina", "Benali")


def test_there_are_at_least_40_associations_with_unique_names_and_stable_ids():
    assert len(ASSOCIATIONS) >= 40
    assert len(ASSOCIATIONS_BY_NAME) == len(ASSOCIATIONS)
    for association in ASSOCIATIONS:
        expected = str(uuid.uuid5(uuid.NAMESPACE_URL, f"tandem-demo-association:{association['name']}"))
        assert association["id"] == expected


def test_association_legal_numbers_are_well_formed_and_unique():
    rnas = [association["rna"] for association in ASSOCIATIONS]
    sirens = [association["siren"] for association in ASSOCIATIONS if association["siren"] is not None]
    assert all(re.fullmatch(r"W\d{9}", rna) for rna in rnas)
    assert len(set(rnas)) == len(rnas)
    assert all(re.fullmatch(r"\d{9}", siren) and luhn_valid(siren) for siren in sirens)
    assert len(set(sirens)) == len(sirens)
    assert len(sirens) < len(ASSOCIATIONS), "some associations have no SIREN"


def test_every_association_uses_only_the_taxonomys_values():
    for association in ASSOCIATIONS:
        assert 1 <= len(association["themes"]) <= 3
        assert set(association["themes"]) <= set(THEMES)
        assert association["general_interest_category"] in GENERAL_INTEREST_CATEGORIES
        assert taxonomy.is_department(association["department"])
        assert association["region"] == taxonomy.region_of_department(association["department"])


def test_every_association_address_is_in_its_department():
    for association in ASSOCIATIONS:
        postal_code = re.search(r"\b(\d{5}) ", association["address"]).group(1)
        department = association["department"]
        expected_prefix = "20" if department in ("2A", "2B") else department
        assert postal_code.startswith(expected_prefix), association["name"]
        assert association["address"].endswith(association["city"])


def test_every_association_has_its_own_example_domain_and_a_referent():
    for association in ASSOCIATIONS:
        domain = association["website"].removeprefix("https://www.")
        assert association["website"].startswith("https://www.") and domain.endswith(".example")
        referent = association["referent"]
        assert referent["email"].endswith("@" + domain)
        assert association["contact_email"] == referent["email"]
        assert referent["first_name"] and referent["last_name"]
        assert re.fullmatch(r"0\d( \d\d){4}", referent["phone"])
        assert association["representative_name"] and association["representative_title"]
        assert 2 <= sentences(association["description"]) <= 4, association["name"]


# --- missions ---------------------------------------------------------------------------------------

def test_there_are_at_least_150_missions_with_unique_stable_ids():
    assert len(MISSIONS) >= 150
    ids = [mission["id"] for mission in MISSIONS]
    assert len(set(ids)) == len(ids)
    for index, mission in enumerate(MISSIONS):
        assert mission["id"] == str(uuid.uuid5(uuid.NAMESPACE_URL, f"tandem-demo-mission:{index}:{mission['title']}"))


def test_the_demo_content_is_the_same_at_every_import():
    again = importlib.reload(demo_content)
    assert [mission["id"] for mission in again.MISSIONS] == [mission["id"] for mission in MISSIONS]
    assert again.MISSIONS == MISSIONS


def test_every_mission_uses_only_the_taxonomys_values():
    for mission in MISSIONS:
        assert 1 <= len(mission["themes"]) <= 3 and set(mission["themes"]) <= set(THEMES)
        assert len(mission["professional_expertises"]) <= 2
        assert set(mission["professional_expertises"]) <= set(PROFESSIONAL_EXPERTISES)
        assert len(mission["personal_expertises"]) <= 2
        assert set(mission["personal_expertises"]) <= set(PERSONAL_EXPERTISES)
        assert mission["professional_expertises"] or mission["personal_expertises"]
        assert mission["format"] in MISSION_FORMATS
        assert taxonomy.is_department(mission["department"])
        assert mission["region"] == taxonomy.region_of_department(mission["department"])
        assert mission["status"] in ("published", "draft", "closed")
        assert 1 <= mission["places"] <= 10
        assert mission["all_jobs"] == (not mission["professional_expertises"])


def test_every_mission_belongs_to_a_known_association_and_shares_its_themes():
    for mission in MISSIONS:
        association = ASSOCIATIONS_BY_NAME[mission["association"]]
        assert mission["association_id"] == association["id"]
        assert set(mission["themes"]) <= set(association["themes"])
        assert (mission["city"], mission["department"]) == (association["city"], association["department"])


def test_every_mission_reads_as_a_real_card():
    for mission in MISSIONS:
        text = mission["description"]
        assert "{" not in text and "}" not in text
        assert 3 <= sentences(text) <= 6, mission["title"]
        assert re.search(r"\b[Tt]u\b", text), mission["title"]
        assert not re.search(r"\bde [AEIOUÉ]", text.replace("de Les", "")), mission["title"]
        assert not re.search(r"\bMission \d", mission["title"])
    assert len({mission["title"] for mission in MISSIONS}) >= 60


def test_most_missions_are_published_open_to_all_companies_with_a_few_drafts_and_closed_ones():
    statuses = Counter(mission["status"] for mission in MISSIONS)
    assert statuses["published"] > 0.85 * len(MISSIONS)
    assert statuses["draft"] >= 3 and statuses["closed"] >= 3
    assert sum(mission["open_to_all_companies"] for mission in MISSIONS) > 0.85 * len(MISSIONS)


def test_every_theme_and_expertise_is_covered_by_a_published_mission():
    assert {theme for mission in PUBLISHED for theme in mission["themes"]} == set(THEMES)
    assert {e for mission in PUBLISHED for e in mission["professional_expertises"]} == set(PROFESSIONAL_EXPERTISES)
    assert {e for mission in PUBLISHED for e in mission["personal_expertises"]} == set(PERSONAL_EXPERTISES)
    assert {mission["format"] for mission in PUBLISHED} == set(MISSION_FORMATS)


def test_every_metropolitan_region_and_some_overseas_ones_have_a_published_mission():
    regions = {mission["region"] for mission in PUBLISHED}
    assert set(METROPOLITAN_REGIONS) <= regions
    assert len(regions & set(OVERSEAS_REGIONS)) >= 2


def test_the_demo_referent_has_published_missions():
    assert any(mission["association"] == "Les Petits Savants" for mission in PUBLISHED)


# --- L'actu solidaire -------------------------------------------------------------------------------

def test_spotlights_are_dated_causes_over_the_twelve_months_from_december_2026():
    assert 8 <= len(SPOTLIGHTS) <= 12
    assert len({spotlight["id"] for spotlight in SPOTLIGHTS}) == len(SPOTLIGHTS)
    for spotlight in SPOTLIGHTS:
        starts = date.fromisoformat(spotlight["date"])
        assert date(2026, 12, 1) <= starts <= date(2027, 11, 30), spotlight["title"]
        if spotlight["end_date"] is not None:
            assert starts < date.fromisoformat(spotlight["end_date"])
        assert set(spotlight["themes"]) <= set(THEMES) and spotlight["themes"]
        assert spotlight["keywords"]
        assert 2 <= sentences(spotlight["description"]) <= 3, spotlight["title"]


def test_every_spotlight_links_to_published_missions():
    for spotlight in SPOTLIGHTS:
        assert any(set(spotlight["themes"]) & set(mission["themes"]) for mission in PUBLISHED), spotlight["title"]


def test_every_demo_mission_has_its_own_title_and_the_guides_examples_keep_theirs():
    """Issue 16 (11): 145 missions shared about 64 titles. The same offer elsewhere names its city."""
    titles = Counter(mission["title"] for mission in MISSIONS)
    assert [title for title, count in titles.items() if count > 1] == []
    by_association = {(m["association"], m["title"]) for m in MISSIONS}
    assert ("Les Petits Savants", "Aidez des collégiens dans leurs devoirs après la classe") in by_association
    assert any(title.startswith("Aidez des collégiens dans leurs devoirs après la classe à ") for _, title in by_association)
