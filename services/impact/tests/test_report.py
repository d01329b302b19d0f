"""The company report from the real events: a known story with its exact figures, then generated data where every
aggregate must equal the sums of the rows of the days export."""
import csv
import io
import random
from collections import Counter, defaultdict
from datetime import date, timedelta

import pytest

from .conftest import COMPANY, ENTITY, OTHER_COMPANY, Feed, admin_headers, example

BILAN = {"relevance": "Très bonne", "welcome": "Bonne", "welcome_reasons": None, "expertise_match": "Oui",
         "expertise_gap": None, "advice_to_colleague": "Fonce !", "would_do_again": "Oui"}


def report(service, tokens, year=2026, **query):
    response = service.client.get(f"/companies/{COMPANY}/report", query_string={"year": year, **query},
                                  headers=admin_headers(tokens))
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def test_two_people_through_a_mission_give_the_expected_figures(service, tokens, feed):
    feed.company(entities=((ENTITY, "Direction financière"), ("ent-rh", "Ressources humaines")))
    camille = feed.person(first_name="Camille")
    lucas = feed.person(first_name="Lucas", entity=("ent-rh", "Ressources humaines"))
    feed.person(first_name="Inès")  # engaged in nothing: counts in the headcount only
    feed.association()
    tutoring = feed.mission(themes=("éducation / formation", "enfance"))
    feed.participation(camille, tutoring, [("2026-03-18", "full_day"), ("2026-03-25", "half_day")],
                       attend={"2026-03-18": True, "2026-03-25": True}, bilan=BILAN)
    feed.participation(lucas, tutoring, [("2026-04-02", "full_day"), ("2026-04-09", "full_day")],
                       attend={"2026-04-02": True, "2026-04-09": False})
    feed.participation(lucas, tutoring, [("2026-05-05", "half_day")], refuse=True)

    figures = report(service, tokens)

    assert figures["company_name"] == "Groupe Horizon"
    assert figures["headcount"] == 3 and figures["people_engaged"] == 2 and figures["engaged_share"] == 0.6667
    assert figures["days"] == {"asked": 4.0, "approved": 3.5, "done": 2.5}
    assert figures["missions_helped"] == 1 and figures["associations_helped"] == 1
    assert {r["label"]: r["done"] for r in figures["by_theme"]} == {"éducation / formation": 2.5, "enfance": 2.5}
    assert {r["label"]: r["done"] for r in figures["by_entity"]} == {"Direction financière": 1.5, "Ressources humaines": 1.0}
    months = {r["key"]: (r["asked"], r["done"]) for r in figures["by_month"]}
    assert months["2026-03"] == (1.5, 1.5) and months["2026-04"] == (2.0, 1.0) and months["2026-05"] == (0.5, 0.0)
    assert [s["count"] for s in figures["funnel"]] == [3, 2, 2, 2, 1]
    relevance = next(q for q in figures["bilan"] if q["question"] == "relevance")
    assert {a["answer"]: a["count"] for a in relevance["answers"]}["Très bonne"] == 1
    # The company reads a title of its own; the question, as the employee was asked it, stays beside it.
    assert relevance["title"] == "Pertinence des missions proposées"
    assert relevance["label"].startswith("Que penses-tu de la pertinence des missions")

    by_entity = report(service, tokens, entity_id="ent-rh")
    assert by_entity["headcount"] == 1 and by_entity["days"] == {"asked": 2.5, "approved": 2.0, "done": 1.0}


def test_events_in_any_order_or_twice_end_in_the_same_state(service, tokens, feed):
    feed.company()
    person = feed.person()
    mission = feed.mission()
    step = {"participation_id": "p-late", "person_id": person, "mission_id": mission, "year": 2026}
    dates = [{"date": "2026-06-01", "format": "full_day"}]
    # The approval arrives before the request it decides; the request's older event then changes nothing.
    approved = example("approval.request.approved", **step, dates=dates, decided_at="2026-05-02T09:00:00+00:00")
    assert service.deliver("approval.request.approved", approved, event_id="evt-approved") == "processed"
    assert service.deliver("approval.request.approved", approved, event_id="evt-approved") == "duplicate"
    service.deliver("engagement.dates.requested", example("engagement.dates.requested", **step, dates=dates,
                                                          requested_at="2026-05-01T09:00:00+00:00"))
    assert report(service, tokens)["days"] == {"asked": 1.0, "approved": 1.0, "done": 0.0}


def test_another_companys_days_are_not_counted(service, tokens, feed):
    feed.company()
    mine, theirs = feed.person(), feed.person(company_id=OTHER_COMPANY, entity=None)
    mission = feed.mission()
    feed.participation(mine, mission, [("2026-02-02", "full_day")], attend={"2026-02-02": True})
    feed.participation(theirs, mission, [("2026-02-03", "full_day")], attend={"2026-02-03": True})
    assert report(service, tokens)["days"]["done"] == 1.0


def test_days_are_counted_in_their_own_year(service, tokens, feed):
    feed.company()
    person, mission = feed.person(), feed.mission()
    feed.participation(person, mission, [("2025-12-30", "full_day"), ("2026-01-05", "half_day")],
                       attend={"2025-12-30": True, "2026-01-05": True}, year=2026)
    assert report(service, tokens, year=2026)["days"]["done"] == 0.5
    assert report(service, tokens, year=2025)["days"]["done"] == 1.0


def _csv_rows(service, tokens, year=2026):
    response = service.client.get(f"/companies/{COMPANY}/exports/days.csv", query_string={"year": year},
                                  headers=admin_headers(tokens))
    assert response.status_code == 200
    text = response.get_data(as_text=True).lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_on_generated_data_every_aggregate_equals_the_sums_of_the_export_rows(service, tokens, feed):
    rng = random.Random(15)
    feed.company(entities=[(f"ent-{i}", f"Entité {i}") for i in range(3)])
    people = [feed.person(entity=(f"ent-{i % 3}", f"Entité {i % 3}"), first_name=f"P{i}") for i in range(12)]
    themes = ["éducation / formation", "environnement", "santé", "culture"]
    missions = []
    for i in range(5):
        feed.association(f"assoc-{i % 3}", f"Association {i % 3}")
        missions.append(feed.mission(association_id=f"assoc-{i % 3}", association_name=f"Association {i % 3}",
                                     themes=tuple(rng.sample(themes, rng.randint(0, 2))), title=f"Mission {i}"))
    for _ in range(30):
        start = date(2026, 1, 1) + timedelta(days=rng.randint(0, 360))
        days = sorted({(start + timedelta(days=7 * k)).isoformat() for k in range(rng.randint(1, 3))})
        days = [(d, rng.choice(["full_day", "half_day"])) for d in days if d.startswith("2026")]
        outcome = rng.choice(["refuse", "pending", "approved", "attended", "cancel"])
        feed.participation(
            rng.choice(people), rng.choice(missions), days,
            refuse=outcome == "refuse", approve=outcome != "pending",
            cancel=(days[0][0],) if outcome == "cancel" else (),
            attend={d: rng.random() < 0.8 for d, _ in days} if outcome == "attended" else None,
            bilan=BILAN if outcome == "attended" and rng.random() < 0.5 else None,
            end_of_career=rng.random() < 0.2,
        )

    figures = report(service, tokens)
    rows = _csv_rows(service, tokens)

    asked_states, approved_states = {"demandée", "validée", "refusée", "réalisée", "absence"}, {"validée", "réalisée", "absence"}

    def total(selected, states):
        return sum(float(r["Jours"].replace(",", ".")) for r in selected if r["État"] in states)

    assert figures["days"] == {"asked": total(rows, asked_states), "approved": total(rows, approved_states),
                               "done": total(rows, {"réalisée"})}
    for key, column in (("by_entity", "Entité"), ("by_association", "Association")):
        groups = defaultdict(list)
        for row in rows:
            groups[row[column]].append(row)
        assert {r["label"]: (r["asked"], r["approved"], r["done"]) for r in figures[key]} == {
            label: (total(g, asked_states), total(g, approved_states), total(g, {"réalisée"})) for label, g in groups.items()}
    theme_groups = defaultdict(list)
    for row in rows:
        for theme in (row["Thèmes"].split(", ") if row["Thèmes"] else ["Sans thème"]):
            theme_groups[theme].append(row)
    assert {r["label"]: r["done"] for r in figures["by_theme"]} == {t: total(g, {"réalisée"}) for t, g in theme_groups.items()}
    month_done = Counter()
    for row in rows:
        if row["État"] == "réalisée":
            month_done[row["Date"][:7]] += float(row["Jours"].replace(",", "."))
    assert {r["key"]: r["done"] for r in figures["by_month"] if r["done"]} == dict(month_done)
    assert sum(r["done"] for r in figures["by_month"]) == figures["days"]["done"]
    assert figures["people_engaged"] == len({r["E-mail"] for r in rows if r["État"] in approved_states})
    assert figures["missions_helped"] == len({r["Mission"] for r in rows if r["État"] == "réalisée"})
    assert figures["associations_helped"] == len({r["Association"] for r in rows if r["État"] == "réalisée"})


def test_end_of_career_days_are_counted_apart(service, tokens, feed):
    feed.company()
    ines, camille, mission = feed.person(first_name="Inès"), feed.person(), feed.mission()
    feed.participation(ines, mission, [("2026-09-07", "full_day"), ("2026-09-14", "half_day")],
                       attend={"2026-09-07": True, "2026-09-14": True}, end_of_career=True)
    feed.participation(camille, mission, [("2026-09-08", "full_day")], attend={"2026-09-08": True})
    figures = report(service, tokens)
    assert figures["end_of_career_days"] == {"asked": 1.5, "approved": 1.5, "done": 1.5}
    assert figures["days"]["done"] == 2.5


def test_the_operator_sees_every_company_with_a_row_for_each(service, tokens, feed):
    feed.company()
    feed.company(OTHER_COMPANY, name="Maison Voisine", entities=())
    mine, theirs = feed.person(), feed.person(company_id=OTHER_COMPANY, entity=None)
    mission = feed.mission()
    feed.participation(mine, mission, [("2026-02-02", "full_day")], attend={"2026-02-02": True})
    feed.participation(theirs, mission, [("2026-02-03", "half_day")], attend={"2026-02-03": True})
    operator = tokens.headers("op-1", roles=("platform_operator",))
    response = service.client.get("/platform/report?year=2026", headers=operator)
    assert response.status_code == 200, response.get_json()
    figures = response.get_json()
    assert figures["company_id"] is None and figures["company_name"] == "Toutes les entreprises"
    assert figures["days"]["done"] == 1.5 and figures["headcount"] == 2
    assert {r["label"]: r["done"] for r in figures["by_company"]} == {"Groupe Horizon": 1.0, "Maison Voisine": 0.5}
    assert service.client.get("/platform/report?year=2026", headers=admin_headers(tokens)).status_code == 404


def test_the_quiz_participants_of_the_year_are_counted(service, tokens, feed):
    feed.company()
    camille, lucas = feed.person(), feed.person()
    for attempt, person, at in (("a1", camille, "2026-02-02T12:00:00+00:00"), ("a2", camille, "2026-05-02T12:00:00+00:00"),
                                ("a3", lucas, "2025-12-31T12:00:00+00:00")):
        feed.deliver("quiz.attempt.completed", attempt_id=attempt, person_id=person, company_id=COMPANY, submitted_at=at)
    feed.deliver("quiz.attempt.completed", attempt_id="a1", person_id=camille, company_id=COMPANY,
                 submitted_at="2026-02-02T12:00:00+00:00")
    figures = report(service, tokens)
    assert (figures["quiz_participants"], figures["quiz_attempts"]) == (1, 2)
    assert report(service, tokens, year=2025)["quiz_participants"] == 1


def test_people_engaged_who_left_since_still_count_in_the_years_headcount(service, tokens, feed):
    """A past year compared its engaged people with today's active ones: with departures, « 133 % » of the staff engaged."""
    feed.company()
    camille, lucas = feed.person(first_name="Camille"), feed.person(first_name="Lucas")
    feed.association()
    mission = feed.mission()
    for person, day in ((camille, "2026-03-18"), (lucas, "2026-03-19")):
        feed.participation(person, mission, [(day, "full_day")], attend={day: True})
    figures = report(service, tokens)
    assert (figures["headcount"], figures["people_engaged"], figures["engaged_share"]) == (2, 2, 1.0)
    # Lucas leaves the company afterwards (disabled, or his account deleted): his days of 2026 stay, and so does he in 2026's staff.
    feed.deliver("engagement.person.updated", person_id=lucas, company_id=COMPANY, entity_id=ENTITY,
                 entity_name="Direction financière", roles=["employee"], email=f"{lucas}@horizon.example",
                 first_name="Lucas", last_name="Martin", status="disabled", at="2026-11-02T09:00:00+00:00")
    figures = report(service, tokens)
    assert (figures["headcount"], figures["people_engaged"], figures["engaged_share"]) == (2, 2, 1.0)
    # Someone who joined and gave nothing counts once, as before.
    feed.person(first_name="Inès")
    assert report(service, tokens)["engaged_share"] == 0.6667


@pytest.fixture(params=["sqlite", "postgresql"])
def any_service(request):
    return request.getfixturevalue("service" if request.param == "sqlite" else "service_on_real_infrastructure")


def test_a_year_files_each_persons_days_under_the_entity_they_were_in_then(any_service, tokens):
    """Lucas gave his 2026 days from « Ressources humaines » and moved to « Direction financière » in 2027: the 2026
    report, its entity filter, its headcount and its export keep them in HR (they followed him to finance), as the
    valuation does; 2027's report files him in finance."""
    service, feed = any_service, Feed(any_service)
    feed.company(entities=((ENTITY, "Direction financière"), ("ent-rh", "Ressources humaines")))
    camille = feed.person(first_name="Camille")
    lucas = feed.person(first_name="Lucas", entity=("ent-rh", "Ressources humaines"))
    feed.association()
    mission = feed.mission()
    feed.participation(camille, mission, [("2026-03-18", "full_day")], attend={"2026-03-18": True})
    feed.participation(lucas, mission, [("2026-04-02", "full_day"), ("2026-04-09", "half_day")],
                       attend={"2026-04-02": True, "2026-04-09": True})
    feed.participation(lucas, mission, [("2027-02-10", "full_day")], attend={"2027-02-10": True}, year=2027)
    feed.deliver("engagement.person.updated", person_id=lucas, company_id=COMPANY, entity_id=ENTITY,
                 entity_name="Direction financière", roles=["employee"], email=f"{lucas}@horizon.example",
                 first_name="Lucas", last_name="Martin", status="active", at="2027-01-15T09:00:00+00:00")

    figures = report(service, tokens)
    assert {r["label"]: r["done"] for r in figures["by_entity"]} == {"Direction financière": 1.0, "Ressources humaines": 1.5}
    hr = report(service, tokens, entity_id="ent-rh")
    assert (hr["headcount"], hr["people_engaged"], hr["days"]["done"]) == (1, 1, 1.5)
    finance = report(service, tokens, entity_id=ENTITY)
    assert (finance["headcount"], finance["people_engaged"], finance["days"]["done"]) == (1, 1, 1.0)
    rows = _csv_rows(service, tokens)
    assert {(r["Personne"].split()[0], r["Entité"]) for r in rows} == {
        ("Camille", "Direction financière"), ("Lucas", "Ressources humaines")}

    later = report(service, tokens, year=2027)
    assert {r["label"]: r["done"] for r in later["by_entity"]} == {"Direction financière": 1.0}
    assert report(service, tokens, year=2027, entity_id="ent-rh")["days"]["done"] == 0.0
