"""The mission workflow through engagement's API: apply, dates, the manager's decision, withdrawing,
attendance, the bilan, the next civil year, and « MES MISSIONS ».

Dates are next civil year's working days (from the holidays package), so nothing depends on today's date;
where a test needs time to pass, it moves engagement's clock.
"""
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from engagement.models import DateRequest, MissionDate, Participation, Person
from engagement.my_account import erase_account

ASSOCIATION_ID = "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"  # the association of catalog's mission example
NEXT_YEAR = date.today().year + 1


def working_days(year: int, count: int, start: date | None = None) -> list[date]:
    """The first `count` French working days of `year` from `start`, by the holidays package (not engagement's code)."""
    import holidays

    closed = holidays.France(years=year)
    day, found = start or date(year, 1, 1), []
    while len(found) < count:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += timedelta(days=1)
    return found


def full_working_week(year: int) -> list[date]:
    """Monday to Friday of the first week of `year` without a holiday."""
    monday = date(year, 1, 1) + timedelta(days=(7 - date(year, 1, 1).weekday()) % 7)
    while working_days(year, 5, monday) != [monday + timedelta(days=n) for n in range(5)]:
        monday += timedelta(days=7)
    return [monday + timedelta(days=n) for n in range(5)]


DAYS = working_days(NEXT_YEAR, 6, start=date(NEXT_YEAR, 1, 12))


@pytest.fixture
def camille(person):
    return person(phone=None, manager_email="sophie.laurent@horizon.test")


@pytest.fixture
def mission(publish_mission):
    return publish_mission()


def apply(caller, mission_id, year=NEXT_YEAR, **overrides):
    body = {"mission_id": mission_id, "message": "Bonjour, je suis Camille et je souhaite vous aider.", "phone": "06 12 34 56 78",
            "year": year, **overrides}
    return caller.post("/applications", json=body)


def request_dates(caller, participation_id, *days, fmt="full_day", **overrides):
    body = {"dates": [{"date": d.isoformat(), "format": fmt} for d in days], **overrides}
    return caller.post(f"/participations/{participation_id}/date-requests", json=body)


def counts(service):
    with service.runtime.db.reading() as session:
        return {model.__tablename__: session.scalar(sa.select(sa.func.count()).select_from(model))
                for model in (Participation, DateRequest, MissionDate)}


@pytest.fixture
def applied(camille, mission):
    response = apply(camille, mission)
    assert response.status_code == 201, response.json
    return response.json["id"]


@pytest.fixture
def approved(service, camille, applied, decide):
    """Camille's participation with two approved dates: DAYS[0] (journée) and DAYS[1] (1/2 journée); 0.5 day left."""
    response = camille.post(f"/participations/{applied}/date-requests", json={"dates": [
        {"date": DAYS[0].isoformat(), "format": "full_day"}, {"date": DAYS[1].isoformat(), "format": "half_day"}]})
    assert response.status_code == 201, response.json
    assert decide(response.json["id"]) == "processed"
    return applied


@pytest.fixture
def referent(person):
    return person(email="referente@petits-savants.test", first_name="Amina", last_name="Benali", roles=("association_referent",),
                  company_id=None, entity_id=None, association_ids=(ASSOCIATION_ID,))


# -- step 1 -------------------------------------------------------------------------------------


def test_the_application_form_is_prefilled_with_the_guides_message_and_my_phone(person, mission):
    ines = person(email="ines.petit@horizon.test", first_name="Inès", last_name="Petit", phone="04 91 55 40 12")
    draft = ines.get(f"/applications/draft?mission_id={mission}").json
    assert draft["message"].startswith("Bonjour,\nJe suis Inès Petit, collaborateur·rice de l'entreprise Groupe Horizon (Direction financière)")
    assert "Pourriez-vous me recontacter afin que nous convenions ensemble des modalités ?" in draft["message"]
    # « auprès de l'association X », as the guide writes it: « auprès de Les Petits Savants » is not French.
    assert "programme de mécénat de compétences auprès de l'association " in draft["message"]
    assert draft["message"].endswith("Très cordialement,\nInès Petit")
    assert draft["phone"] == "04 91 55 40 12"
    assert draft["years"] == [date.today().year, NEXT_YEAR]


def test_applying_creates_the_participation_tells_the_association_and_saves_my_phone(service, camille, mission):
    response = apply(camille, mission)
    assert response.status_code == 201, response.json
    body = response.json
    assert body["detail"].startswith("Ta candidature est envoyée !")
    # Issue 16 (7): only the current step is « À faire »; the convention waits for approved dates (locked, saying why).
    assert [step["state"] for step in body["steps"]] == ["done", "todo", "locked", "locked"]
    assert body["steps"][2]["hint"] == "Une fois tes dates validées par ton manager, ta convention est préparée : tu la signeras ici."
    assert body["year"] == NEXT_YEAR and body["can_request_dates"] and not body["can_add_dates"]
    (event,) = service.published("engagement.application.submitted")
    assert event.data["participation_id"] == body["id"]
    assert event.data["person_phone"] == "06 12 34 56 78"
    assert event.data["referent_email"] == "referente@petits-savants.example"
    assert event.data["referent_name"] == "Nadia Benali"
    assert event.data["company_name"] == "Groupe Horizon" and event.data["entity_name"] == "Direction financière"
    assert camille.get("/me").json["phone"] == "06 12 34 56 78"


def test_a_mission_not_published_or_not_open_to_my_company_cannot_be_applied_to(service, camille, publish_mission):
    reserved = publish_mission(open_to_all_companies=False, company_ids=["c-other"])
    closed = publish_mission(status="closed")
    for mission_id in (reserved, closed, "inconnue"):
        response = apply(camille, mission_id)
        assert response.status_code == 404
        assert response.json["detail"] == "Cette mission n'existe pas ou n'est plus en ligne."
    mine = publish_mission(open_to_all_companies=False, company_ids=["c-horizon"])
    assert apply(camille, mine).status_code == 201
    assert counts(service)["participations"] == 1


def test_applying_twice_for_the_same_mission_and_year_is_refused(service, camille, mission, applied):
    response = apply(camille, mission)
    assert response.status_code == 409
    assert "Tu as déjà postulé à « Aide aux devoirs pour collégiens »" in response.json["detail"]
    assert len(service.published("engagement.application.submitted")) == 1


def test_a_year_other_than_this_one_or_the_next_is_refused(camille, mission):
    response = apply(camille, mission, year=NEXT_YEAR + 1)
    assert response.status_code == 422
    assert response.json["errors"] == {"year": [f"Tu peux postuler pour {NEXT_YEAR - 1} ou {NEXT_YEAR} (1 convention = 1 année civile)."]}


def test_a_second_application_waiting_at_step_one_is_refused_with_the_guides_words(service, camille, applied, publish_mission):
    other = publish_mission(title="Atelier d'écriture")
    before = counts(service)
    response = apply(camille, other)
    assert response.status_code == 409
    assert response.json["detail"].startswith("Merci de ne contacter qu'une association à la fois !")
    assert "« Aide aux devoirs pour collégiens » (Les Petits Savants)" in response.json["detail"]
    assert counts(service) == before
    assert len(service.published("engagement.application.submitted")) == 1
    # Once the first has moved on to step 2, another association may be contacted.
    assert request_dates(camille, applied, DAYS[0]).status_code == 201
    assert apply(camille, other).status_code == 201


def test_only_company_employees_apply(referent, mission):
    assert apply(referent, mission).status_code == 403


# -- step 2 -------------------------------------------------------------------------------------


def test_requesting_dates_sends_them_to_my_manager_and_shows_them_by_month(service, camille, applied):
    draft = camille.get(f"/participations/{applied}/date-requests/draft").json
    assert draft["manager_email"] == "sophie.laurent@horizon.test"
    assert "je souhaite réaliser une mission auprès de l'association Les Petits Savants" in draft["message"]
    response = request_dates(camille, applied, DAYS[1], DAYS[0], fmt="half_day")
    assert response.status_code == 201, response.json
    request = response.json
    assert request["status"] == "pending" and request["kind"] == "initial"
    assert [d["date"] for d in request["dates"]] == [DAYS[0].isoformat(), DAYS[1].isoformat()]
    (event,) = service.published("engagement.dates.requested")
    assert event.data["request_id"] == request["id"]
    assert event.data["manager_email"] == "sophie.laurent@horizon.test"
    assert event.data["kind"] == "initial" and event.data["year"] == NEXT_YEAR
    assert event.data["end_of_career"] is False
    assert event.data["dates"] == [{"date": DAYS[0].isoformat(), "format": "half_day"}, {"date": DAYS[1].isoformat(), "format": "half_day"}]
    assert event.data["message"] == draft["message"]
    (card,) = camille.get("/me/participations").json["items"]
    assert card["steps"][1]["state"] == "in_progress"
    assert card["months"][0]["month"] == f"JANVIER {NEXT_YEAR}"
    assert card["months"][0]["dates"][0]["label"].endswith(f"{DAYS[0].day} (1/2 journée)")
    assert card["can_add_dates"] and card["days_pending"] == 1.0


def test_the_request_goes_to_the_recorded_manager_by_default_and_never_to_myself(service, person, mission):
    lucas = person(email="lucas.bernard@horizon.test", first_name="Lucas", manager_email=None)
    participation = apply(lucas, mission).json["id"]
    response = request_dates(lucas, participation, DAYS[0])
    assert response.status_code == 422
    assert response.json["errors"] == {"manager_email": ["Renseigne l'adresse e-mail de ton manager."]}
    for own in ("Lucas.Bernard@horizon.test", "lucas.bernard+chef@horizon.test"):
        mine = request_dates(lucas, participation, DAYS[0], manager_email=own)
        assert mine.json["errors"] == {"manager_email": ["Indique l'adresse de ton manager, pas la tienne."]}, own
    assert counts(service)["date_requests"] == 0


def test_a_manager_who_lost_access_is_not_sent_a_request(service, person, mission):
    lucas = person(email="lucas.bernard@horizon.test", first_name="Lucas", manager_email="sophie.laurent@horizon.test")
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie")
    with service.runtime.unit_of_work() as uow:
        uow.session.get(Person, sophie.id).status = "disabled"
    participation = apply(lucas, mission).json["id"]
    for named in ({}, {"manager_email": "Sophie.Laurent@horizon.test"}):
        refused = request_dates(lucas, participation, DAYS[0], **named)
        assert refused.status_code == 422, named
        assert refused.json["errors"]["manager_email"][0].startswith("sophie.laurent@horizon.test n'a plus accès à Tandem")
    assert counts(service)["date_requests"] == 0


def test_issue_19_an_employee_cannot_approve_their_own_absence_from_a_personal_address(service, camille, applied, decide):
    """The attack: name a personal address, get the link, accept; the owner of that address reads the convention."""
    before = counts(service)
    for address in ("camille.perso@gmail.example", "camille@horizon.test.evil.example", "camille@sub.horizon.test"):
        response = request_dates(camille, applied, DAYS[0], manager_email=address)
        assert response.status_code == 422, (address, response.json)
        assert response.json["errors"] == {"manager_email": [
            "Indique l'adresse professionnelle de ton manager : une adresse @horizon.test."]}
    assert counts(service) == before
    assert service.published("engagement.dates.requested") == []
    # Nor may the employee rewrite their recorded manager to send it there by default.
    changed = camille.patch("/me", json={"manager_email": "camille.perso@gmail.example"})
    assert changed.status_code == 422
    assert changed.json["errors"]["manager_email"][0].startswith("Ton manager est enregistré par le responsable de l'engagement de ton entreprise")
    assert camille.get("/me").json["manager_email"] == "sophie.laurent@horizon.test"
    assert request_dates(camille, applied, DAYS[0]).json["manager_email"] == "sophie.laurent@horizon.test"


def _policy(service, policy):
    from engagement.models import Company

    with service.runtime.unit_of_work() as uow:
        uow.session.get(Company, "c-horizon").other_manager_policy = policy


@pytest.fixture
def horizon_admin(person):
    return person(email="nathalie.roux@horizon.test", first_name="Nathalie", last_name="Roux", roles=("company_admin", "employee"))


def test_another_manager_of_the_company_is_refused_when_the_policy_says_so(service, camille, applied):
    _policy(service, "refused")
    response = request_dates(camille, applied, DAYS[0], manager_email="marc.dupuis@horizon.test")
    assert response.status_code == 422
    assert response.json["errors"] == {"manager_email": [
        "Ton entreprise demande que tes dates soient validées par ton manager enregistré (sophie.laurent@horizon.test) : "
        "pour en changer, adresse-toi au responsable de l'engagement de ton entreprise."]}
    assert camille.get(f"/participations/{applied}/date-requests/draft").json["other_manager_policy"] == "refused"
    assert request_dates(camille, applied, DAYS[0], manager_email="Sophie.Laurent@horizon.test").status_code == 201


def test_without_a_recorded_manager_the_refused_policy_asks_the_admin_first(service, person, mission):
    _policy(service, "refused")
    lucas = person(email="lucas.bernard@horizon.test", first_name="Lucas", manager_email=None)
    participation = apply(lucas, mission).json["id"]
    response = request_dates(lucas, participation, DAYS[0], manager_email="sophie.laurent@horizon.test")
    assert response.status_code == 422
    assert response.json["errors"]["manager_email"][0].startswith("Ton manager n'est pas encore enregistré")


def test_another_manager_allowed_with_the_admin_notified(service, camille, applied, horizon_admin, person):
    person(email="ancien.admin@horizon.test", roles=("company_admin",))  # active too: both are told
    response = request_dates(camille, applied, DAYS[0], manager_email="Marc.Dupuis@horizon.test")
    assert response.status_code == 201, response.json
    assert response.json["manager_email"] == "marc.dupuis@horizon.test"
    (event,) = service.published("engagement.dates.other_manager_named")
    assert event.data["request_id"] == response.json["id"]
    assert event.data["manager_email"] == "marc.dupuis@horizon.test"
    assert event.data["recorded_manager_email"] == "sophie.laurent@horizon.test"
    assert event.data["admin_emails"] == ["ancien.admin@horizon.test", "nathalie.roux@horizon.test"]
    # The recorded manager stays as the admin set it.
    assert camille.get("/me").json["manager_email"] == "sophie.laurent@horizon.test"
    listed = horizon_admin.get("/companies/c-horizon/other-manager-requests").json
    assert listed["total"] == 1
    (item,) = listed["items"]
    assert item["id"] == response.json["id"] and item["person"]["email"] == "camille.martin@horizon.test"
    assert item["recorded_manager_email"] == "sophie.laurent@horizon.test" and item["status"] == "pending"
    # Listed inline in the admin's « Politique » tab, under no month heading: each date says its month and year.
    (day,) = item["dates"]
    months = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
    assert day["label"].endswith(f" {months[DAYS[0].month - 1]} {DAYS[0].year} (journée)"), day["label"]


def test_the_recorded_manager_needs_no_notice_and_an_allowed_policy_sends_none(service, camille, applied, horizon_admin):
    assert request_dates(camille, applied, DAYS[0]).status_code == 201
    _policy(service, "allowed")
    assert request_dates(camille, applied, DAYS[1], manager_email="marc.dupuis@horizon.test").status_code == 201
    assert service.published("engagement.dates.other_manager_named") == []
    listed = horizon_admin.get("/companies/c-horizon/other-manager-requests").json
    assert [item["manager_email"] for item in listed["items"]] == ["marc.dupuis@horizon.test"]


def _holiday_on_a_weekday(year):
    import holidays

    return next((day, name) for day, name in sorted(holidays.France(years=year, language="fr").items()) if day.weekday() < 5)


def _refusals():
    saturday = next(d for d in (date(NEXT_YEAR, 1, 1) + timedelta(days=n) for n in range(7)) if d.weekday() == 5)
    holiday, name = _holiday_on_a_weekday(NEXT_YEAR)
    return {
        "weekend": ([saturday], 0, "tombe un week-end : choisis un jour ouvré."),
        "public holiday": ([DAYS[0], holiday], 1, f"est férié ({name})."),
        "another civil year": ([DAYS[0], working_days(NEXT_YEAR + 1, 1)[0]], 1, "1 convention = 1 année civile"),
        "allowance exceeded": ([DAYS[0], DAYS[1], DAYS[2]], 2, "dépasse ton allocation : il te reste 2 jours sur 2 en"),
    }


@pytest.mark.parametrize("case", list(_refusals()))
def test_each_date_refusal_is_a_french_422_on_the_date_and_writes_nothing(service, camille, applied, case):
    days, index, words = _refusals()[case]
    before = counts(service)
    response = request_dates(camille, applied, *days)
    assert response.status_code == 422, response.json
    assert response.mimetype == "application/problem+json"
    (message,) = response.json["errors"]["dates"][str(index)]
    assert words in message
    assert words in response.json["detail"]
    assert list(response.json["errors"]["dates"]) == [str(index)]
    assert counts(service) == before
    assert service.published("engagement.dates.requested") == []


def test_a_date_in_the_past_is_refused(service, camille, applied, clock):
    clock.at(DAYS[3])
    response = request_dates(camille, applied, DAYS[0])
    assert response.status_code == 422
    assert response.json["errors"]["dates"]["0"][0].endswith("est déjà passé.")


def test_a_date_already_requested_on_any_participation_is_refused(service, camille, applied, publish_mission):
    assert request_dates(camille, applied, DAYS[0]).status_code == 201
    other = apply(camille, publish_mission(title="Atelier d'écriture")).json["id"]
    response = request_dates(camille, other, DAYS[0])
    assert response.status_code == 422
    assert response.json["errors"]["dates"]["0"][0].startswith("Tu as déjà demandé le ")
    assert counts(service)["mission_dates"] == 1


def test_the_end_of_career_weekly_allowance_is_enforced(service, person, mission, clock):
    # In November, retiring on 1 April: the requested weeks of January are in the last twelve months of work.
    clock.at(date(NEXT_YEAR - 1, 11, 2))
    retirement = date(NEXT_YEAR, 4, 1)
    ines = person(email="ines.petit@horizon.test", first_name="Inès", manager_email="sophie.laurent@horizon.test",
                  retirement_date=retirement, retirement_confirmed=True)
    assert ines.get("/me/dashboard").json["allowance"] == {"kind": "weekly", "days": 1.0, "label": "1 jour par semaine (mécénat fin de carrière)",
                                                         "weekly_from": None}
    participation = apply(ines, mission).json["id"]
    monday, tuesday, *_ = full_working_week(NEXT_YEAR)
    next_monday, following_monday = monday + timedelta(days=7), monday + timedelta(days=14)
    assert request_dates(ines, participation, monday, fmt="half_day").status_code == 201
    refused = request_dates(ines, participation, tuesday)
    assert refused.status_code == 422
    assert "Mécénat fin de carrière : 1 jour par semaine au plus" in refused.json["detail"]
    assert "il te reste 0.5 jour" in refused.json["detail"]
    # Three full days in three weeks: more than the annual 2 days, within one a week.
    assert request_dates(ines, participation, tuesday, fmt="half_day").status_code == 201
    assert request_dates(ines, participation, next_monday, following_monday).status_code == 201
    assert counts(service)["mission_dates"] == 4
    # Impact counts the end-of-career days apart: every request says it was made under that allowance.
    assert {event.data["end_of_career"] for event in service.published("engagement.dates.requested")} == {True}
    # From the retirement date on, there is no working day left to give.
    after = working_days(NEXT_YEAR, 1, start=retirement)[0]
    refused = request_dates(ines, participation, after)
    assert refused.status_code == 422
    (message,) = refused.json["errors"]["dates"]["0"]
    assert message.startswith("Tu pars à la retraite le ") and f"1er avril {NEXT_YEAR} : le " in message
    assert message.endswith(f"avril {NEXT_YEAR} n'est plus un jour de travail."), message
    assert counts(service)["mission_dates"] == 4


def test_the_weekly_allowance_starts_twelve_months_before_the_retirement_not_when_the_dates_are_asked(service, person, mission, clock):
    """In January, retiring on 1 March of the year after: February's days are on the year's 2 days, June's one a week."""
    clock.at(date(NEXT_YEAR, 1, 5))
    ines = person(email="ines.petit@horizon.test", first_name="Inès", manager_email="sophie.laurent@horizon.test",
                  retirement_date=date(NEXT_YEAR + 1, 3, 1), retirement_confirmed=True)
    allowance = ines.get("/me/dashboard").json["allowance"]
    assert allowance["kind"] == "annual"  # today is not yet in the twelve months
    assert allowance["weekly_from"] == date(NEXT_YEAR, 3, 1).isoformat()
    assert allowance["label"].startswith("2 jours par an, puis 1 jour par semaine à partir du ")
    participation = apply(ines, mission).json["id"]
    june = working_days(NEXT_YEAR, 30, start=date(NEXT_YEAR, 6, 1))
    mondays = [day for day in june if day.weekday() == 0][:3]
    assert request_dates(ines, participation, *mondays).status_code == 201  # three days, one a week
    february = working_days(NEXT_YEAR, 3, start=date(NEXT_YEAR, 2, 2))
    over = request_dates(ines, participation, *february)
    assert over.status_code == 422 and list(over.json["errors"]["dates"]) == ["2"]
    assert "dépasse ton allocation" in over.json["errors"]["dates"]["2"][0]
    assert request_dates(ines, participation, february[0]).status_code == 201
    assert [event.data["end_of_career"] for event in service.published("engagement.dates.requested")] == [True, False]
    # June's three weekly days do not use the year's 2 days: February's one does. The figures agree with each other.
    board = ines.get("/me/dashboard").json
    assert (board["days_remaining"], board["days_pending"], board["days_planned"], board["days_used"]) == (1.0, 1.0, 0.0, 0.0)
    assert board["days_end_of_career"] == 3.0


def test_an_unconfirmed_retirement_keeps_the_annual_allowance(person, mission):
    ines = person(email="ines.petit@horizon.test", manager_email="sophie.laurent@horizon.test",
                  retirement_date=date.today() + timedelta(days=200), retirement_confirmed=False)
    participation = apply(ines, mission).json["id"]
    assert request_dates(ines, participation, *DAYS[:3]).status_code == 422


def test_a_pending_request_whose_date_has_passed_tells_the_employee_to_ask_again(camille, applied, clock):
    """Approval no longer accepts it (the dates are validated before the mission): the employee's card says so."""
    request = request_dates(camille, applied, DAYS[0], DAYS[1]).json["id"]
    assert camille.get(f"/date-requests/{request}").json["date_passed"] is False
    clock.at(DAYS[0], hour=23)
    assert camille.get(f"/date-requests/{request}").json["date_passed"] is False  # the day itself is not yet past
    clock.at(DAYS[1])
    assert camille.get(f"/date-requests/{request}").json["date_passed"] is True
    (card,) = camille.get("/me/participations").json["items"]
    assert [r["date_passed"] for r in card["requests"]] == [True]
    step = card["steps"][1]
    assert step["state"] == "todo" and step["hint"].startswith("Une des dates demandées est passée sans réponse")
    # Date by date: the day gone by no longer reads « en attente », the one to come still does.
    labels = {d["date"]: (d["too_late"], d["state_label"]) for month in card["months"] for d in month["dates"]}
    assert labels == {DAYS[0].isoformat(): (True, "passée sans validation"), DAYS[1].isoformat(): (False, "en attente de validation")}


# -- the manager's decision ---------------------------------------------------------------------


def test_the_managers_approval_records_the_dates_and_the_days_used(service, camille, applied, decide, clock):
    request = request_dates(camille, applied, DAYS[0]).json["id"]
    assert request_dates(camille, applied, DAYS[1], fmt="half_day").json["kind"] == "additional"
    assert decide(request) == "processed"
    (card,) = camille.get("/me/participations").json["items"]
    assert [r["status"] for r in card["requests"]] == ["pending", "approved"]
    # Step 2 waits again while the added half day waits for the manager; step 3 is under way for the approved day.
    assert [step["state"] for step in card["steps"]] == ["done", "in_progress", "in_progress", "locked"]
    assert card["days_approved"] == 1.0 and card["days_pending"] == 0.5
    # Issue 16 (4): an approved date still to come is planned, not used; it is used once its day has come.
    clock.at(date(NEXT_YEAR, 1, 2))
    dashboard = camille.get("/me/dashboard").json
    assert dashboard["days_used"] == 0
    assert dashboard["days_used_label"] == "Tu as déjà utilisé 0 jour de mission."
    assert dashboard["days_planned"] == 1.0 and dashboard["days_planned_label"] == "1 jour à venir, validé par ton manager."
    assert dashboard["days_pending"] == 0.5 and dashboard["days_remaining"] == 0.5
    clock.at(DAYS[0])
    dashboard = camille.get("/me/dashboard").json
    assert dashboard["days_used"] == 1.0 and dashboard["days_planned"] == 0 and dashboard["days_planned_label"] is None
    assert dashboard["days_used_label"] == "Tu as déjà utilisé 1 jour de mission."
    assert dashboard["days_remaining"] == 0.5


def test_redelivering_the_approval_changes_nothing(service, camille, applied, decide):
    request = request_dates(camille, applied, DAYS[0], DAYS[1]).json["id"]
    assert decide(request, event_id="approved-1") == "processed"

    def snapshot():
        with service.runtime.db.reading() as session:
            row = session.get(DateRequest, request)
            state = (row.status, row.decided_at, [(d.day, d.state) for d in row.dates])
        return state, len(service.published())

    before = snapshot()
    assert decide(request, event_id="approved-1") == "duplicate"
    # The same decision under another id (approval republished it): the handler itself changes nothing.
    assert decide(request, event_id="approved-2") == "processed"
    assert decide(request, outcome="refused", event_id="refused-late") == "processed"
    assert snapshot() == before


def test_a_refusal_releases_the_dates_and_lets_me_ask_again(service, camille, applied, decide):
    request = request_dates(camille, applied, DAYS[0], DAYS[1]).json["id"]
    assert decide(request, outcome="refused", reason="Clôture comptable") == "processed"
    seen = camille.get(f"/date-requests/{request}").json
    assert seen["status"] == "refused" and seen["refusal_reason"] == "Clôture comptable"
    assert {d["state"] for d in seen["dates"]} == {"refused"}
    again = request_dates(camille, applied, DAYS[0], DAYS[1])
    assert again.status_code == 201
    assert again.json["kind"] == "initial"


def test_the_managers_to_do_counts_the_requests_approval_sent_to_their_address(service, camille, applied, person, decide):
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie", last_name="Laurent")
    request = request_dates(camille, applied, DAYS[0]).json["id"]
    assert sophie.get("/me/dashboard").json["todo"]["validate_team_dates"] == 0
    created = dict(service.contract.examples("approval.request.created")[0])
    assert service.deliver("approval.request.created", {**created, "request_id": request}) == "processed"
    assert sophie.get("/me/dashboard").json["todo"]["validate_team_dates"] == 1
    assert camille.get(f"/date-requests/{request}").json["sent_to_manager"] is True
    decide(request)
    assert sophie.get("/me/dashboard").json["todo"]["validate_team_dates"] == 0



def test_the_next_holder_of_a_deleted_managers_address_inherits_neither_their_team_nor_their_to_do(
        service, camille, approved, person, applied):
    """Sophie's account is deleted, which frees her address; whoever holds it next (here outside the company, so not
    Camille's recorded manager) sees none of the requests sent to Sophie. A request sent to the address afterwards is
    theirs. (Found by a review: the team view matched the requests by address alone.)"""
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie", last_name="Laurent")
    pending = request_dates(camille, applied, DAYS[2], fmt="half_day").json["id"]
    created = dict(service.contract.examples("approval.request.created")[0])
    assert service.deliver("approval.request.created", {**created, "request_id": pending}) == "processed"
    assert sophie.get("/me/team/participations").json["total"] == 1
    assert sophie.get("/me/dashboard").json["todo"]["validate_team_dates"] == 1
    with service.app.test_request_context(), service.runtime.unit_of_work() as uow:  # as SCIM's DELETE does
        erase_account(uow, uow.session.get(Person, sophie.id), actor_id=None)

    next_holder = person(email="Sophie.Laurent@horizon.test", first_name="Sam", last_name="Suivant", company_id=None,
                         entity_id=None)
    assert [e.data["request_id"] for e in service.published("engagement.dates.manager_lost_access")] == [pending]
    assert next_holder.get("/me/team/participations").json == {"items": [], "total": 0}
    assert next_holder.get("/me/dashboard").json["todo"]["validate_team_dates"] == 0

    # Camille cancels and sends her date to the same address again: that request is its present holder's.
    assert camille.delete(f"/date-requests/{pending}").status_code == 204
    again = request_dates(camille, applied, DAYS[2], fmt="half_day").json["id"]
    assert service.deliver("approval.request.created", {**created, "request_id": again}) == "processed"
    assert next_holder.get("/me/team/participations").json["total"] == 1
    assert next_holder.get("/me/dashboard").json["todo"]["validate_team_dates"] == 1


def test_a_manager_disabled_with_a_request_waiting_leaves_the_employee_told_and_free_to_send_it_again(
        service, camille, approved, person, applied):
    """Nobody can decide a request whose manager lost access (approval keeps it out of reach): the employee hears it at
    once, by e-mail (the event) and on « Mes missions », cancels without e-mailing an address that is no longer the
    manager's, and the same manager enabled again has it back."""
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie", last_name="Laurent")
    admin = person(email="rh@horizon.test", first_name="Rose", last_name="Hamon", roles=("employee", "company_admin"))
    pending = request_dates(camille, applied, DAYS[2], fmt="half_day").json["id"]
    assert camille.get(f"/date-requests/{pending}").json["manager_lost_access"] is False

    assert admin.patch(f"/people/{sophie.id}", json={"status": "disabled"}).status_code == 200
    (told,) = service.published("engagement.dates.manager_lost_access")
    assert told.data["request_id"] == pending and told.data["person_email"] == "camille.martin@horizon.test"
    assert told.data["manager_email"] == "sophie.laurent@horizon.test" and told.data["mission_title"]
    assert told.data["dates"] == [{"date": DAYS[2].isoformat(), "format": "half_day"}]
    assert camille.get(f"/date-requests/{pending}").json["manager_lost_access"] is True
    (participation,) = [p for p in camille.get("/me/participations").json["items"] if p["id"] == applied]
    (shown,) = [r for r in participation["requests"] if r["id"] == pending]
    assert shown["manager_lost_access"] is True
    # Step 2 says what to do: nobody else can act on it.
    assert participation["steps"][1]["state"] == "todo" and "n'a plus accès à Tandem" in participation["steps"][1]["hint"]
    # The approved request of before is not waiting: nobody is told about it.
    assert len(service.published("engagement.dates.manager_lost_access")) == 1

    assert admin.patch(f"/people/{sophie.id}", json={"status": "active"}).status_code == 200
    assert camille.get(f"/date-requests/{pending}").json["manager_lost_access"] is False
    # Camille, told her request could no longer be validated, is told it can again.
    (restored,) = service.published("engagement.dates.manager_access_restored")
    assert restored.data["request_id"] == pending and restored.data["person_email"] == "camille.martin@horizon.test"
    assert restored.data["manager_email"] == "sophie.laurent@horizon.test" and restored.data["restored_at"]
    assert restored.data["dates"] == told.data["dates"]
    assert admin.patch(f"/people/{sophie.id}", json={"status": "disabled"}).status_code == 200
    assert camille.delete(f"/date-requests/{pending}").status_code == 204
    (cancelled,) = service.published("engagement.dates.cancelled")
    assert cancelled.data["request_id"] == pending and cancelled.data["tell_manager"] is False

# -- withdrawing --------------------------------------------------------------------------------


def test_cancelling_a_pending_request_releases_the_allowance_and_tells_the_manager(service, camille, applied, decide):
    first = request_dates(camille, applied, DAYS[0]).json["id"]
    second = request_dates(camille, applied, DAYS[1]).json["id"]
    assert camille.delete(f"/date-requests/{second}").status_code == 204
    (event,) = service.published("engagement.dates.cancelled")
    assert event.data["request_id"] == second and event.data["reason"] == "cancelled"
    assert event.data["dates"] == [{"date": DAYS[1].isoformat(), "format": "full_day"}]
    assert request_dates(camille, applied, DAYS[1]).status_code == 201  # the day and the allowance are free again
    decide(first)
    refused = camille.delete(f"/date-requests/{first}")
    assert refused.status_code == 409
    assert refused.json["detail"].startswith("Seule une demande en attente de ton manager peut être annulée.")


def test_someone_elses_request_cannot_be_cancelled(camille, applied, person):
    request = request_dates(camille, applied, DAYS[0]).json["id"]
    lucas = person(email="lucas.bernard@horizon.test")
    assert lucas.delete(f"/date-requests/{request}").status_code == 404
    assert lucas.get(f"/participations/{applied}").status_code == 404


def test_withdrawing_before_the_first_date_cancels_pending_requests_and_releases_approved_dates(service, camille, approved, clock):
    pending = request_dates(camille, approved, DAYS[2], fmt="half_day").json["id"]
    response = camille.post(f"/participations/{approved}/withdrawal")
    assert response.status_code == 200, response.json
    assert response.json["status"] == "withdrawn" and response.json["months"] == []
    events = service.published("engagement.dates.cancelled")
    assert {(e.data["request_id"], e.data["reason"]) for e in events} == {
        (pending, "withdrawn"), (service.published("engagement.dates.requested")[0].data["request_id"], "withdrawn")}
    clock.at(date(NEXT_YEAR, 1, 2))
    assert camille.get("/me/dashboard").json["days_used"] == 0


def test_once_the_mission_has_started_withdrawing_is_refused(camille, approved, clock):
    clock.at(DAYS[0])
    response = camille.post(f"/participations/{approved}/withdrawal")
    assert response.status_code == 409
    assert response.json["detail"].startswith("Ta mission a commencé le ")


def test_a_withdrawn_application_can_be_made_again(service, camille, mission, applied, publish_mission):
    assert camille.post(f"/participations/{applied}/withdrawal").status_code == 200
    # Withdrawn: no longer waiting at step 1, another association may be contacted.
    assert apply(camille, publish_mission(title="Atelier d'écriture")).status_code == 201
    camille_other = camille.get("/me/participations").json["items"]
    assert [p["status"] for p in camille_other] == ["open", "withdrawn"]


# -- attendance ---------------------------------------------------------------------------------


def test_only_the_associations_referents_see_and_attest_attendance(camille, approved, referent, person, clock, sign_convention):
    sign_convention(approved)
    clock.at(DAYS[1])
    listing = referent.get(f"/associations/{ASSOCIATION_ID}/participations").json
    assert listing["total"] == 1
    (item,) = listing["items"]
    assert item["person"] == {"id": camille.id, "name": "Camille Martin", "email": camille.email, "phone": "06 12 34 56 78"}
    assert [(d["date"], d["attestable"]) for d in item["dates"]] == [(DAYS[0].isoformat(), True), (DAYS[1].isoformat(), True)]
    other = person(email="autre@asso.test", roles=("association_referent",), company_id=None, entity_id=None, association_ids=("a-other",))
    body = {"dates": [{"date": DAYS[0].isoformat(), "present": True}]}
    assert other.get(f"/associations/{ASSOCIATION_ID}/participations").status_code == 403
    assert other.post(f"/participations/{approved}/attendance", json=body).status_code == 403
    assert camille.post(f"/participations/{approved}/attendance", json=body).status_code == 403
    operator = person(email="operateur@tandem.test", roles=("platform_operator",), company_id=None, entity_id=None)
    assert operator.post(f"/participations/{approved}/attendance", json=body).status_code == 200


def test_attendance_is_only_for_approved_dates_whose_day_has_come(service, approved, referent, clock, sign_convention):
    sign_convention(approved)
    clock.at(DAYS[0])
    response = referent.post(f"/participations/{approved}/attendance", json={"dates": [
        {"date": DAYS[0].isoformat(), "present": True}, {"date": DAYS[1].isoformat(), "present": True},
        {"date": DAYS[3].isoformat(), "present": True}]})
    assert response.status_code == 422
    assert list(response.json["errors"]["dates"]) == ["1", "2"]
    assert "n'est pas encore passé" in response.json["errors"]["dates"]["1"][0]
    assert "n'est pas une date validée de cette mission" in response.json["errors"]["dates"]["2"][0]
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(MissionDate).where(MissionDate.present.is_not(None))) == 0


def test_the_bilan_stays_locked_until_attendance_is_complete_and_the_attestation_is_published_once(service, camille, approved, referent, clock,
                                                                                                   sign_convention):
    sign_convention(approved)
    clock.at(DAYS[0])
    assert referent.post(f"/participations/{approved}/attendance", json={"dates": [{"date": DAYS[0].isoformat(), "present": True}]}).status_code == 200
    assert service.published("engagement.attendance.attested") == []
    locked = camille.post(f"/participations/{approved}/bilan", json={"answers": {}})
    assert locked.status_code == 409
    assert locked.json["detail"].startswith("Ton bilan s'ouvrira une fois que l'association aura attesté ta présence")
    assert camille.get(f"/participations/{approved}").json["steps"][3]["state"] == "locked"

    clock.at(DAYS[1], hour=18)
    body = {"dates": [{"date": DAYS[1].isoformat(), "present": False}]}
    done = referent.post(f"/participations/{approved}/attendance", json=body)
    assert done.status_code == 200 and done.json["attendance_complete"] and done.json["days_present"] == 1.0
    assert referent.post(f"/participations/{approved}/attendance", json=body).status_code == 200
    (event,) = service.published("engagement.attendance.attested")
    assert event.data["dates"] == [{"date": DAYS[0].isoformat(), "format": "full_day", "present": True},
                                   {"date": DAYS[1].isoformat(), "format": "half_day", "present": False}]
    assert event.data["days_present"] == 1.0
    card = camille.get(f"/participations/{approved}").json
    assert card["steps"][3]["state"] == "todo" and card["can_complete_bilan"]
    assert camille.get("/me/dashboard").json["todo"]["complete_bilan"] == 1


def test_a_correction_after_the_attendance_was_complete_is_published_with_the_days_as_they_now_stand(
        service, camille, approved, referent, clock, sign_convention):
    sign_convention(approved)
    clock.at(DAYS[1], hour=18)
    both_present = {"dates": [{"date": DAYS[0].isoformat(), "present": True}, {"date": DAYS[1].isoformat(), "present": True}]}
    assert referent.post(f"/participations/{approved}/attendance", json=both_present).status_code == 200
    assert [e.data["days_present"] for e in service.published("engagement.attendance.attested")] == [1.5]
    # The same answer again changes nothing: nothing to correct.
    assert referent.post(f"/participations/{approved}/attendance", json=both_present).status_code == 200
    assert service.published("engagement.attendance.corrected") == []

    clock.at(DAYS[1] + timedelta(days=2))
    corrected = referent.post(f"/participations/{approved}/attendance",
                              json={"dates": [{"date": DAYS[1].isoformat(), "present": False}]})
    assert corrected.status_code == 200 and corrected.json["days_present"] == 1.0
    (event,) = service.published("engagement.attendance.corrected")
    assert event.data["dates"] == [{"date": DAYS[0].isoformat(), "format": "full_day", "present": True},
                                   {"date": DAYS[1].isoformat(), "format": "half_day", "present": False}]
    assert event.data["days_present"] == 1.0 and event.data["participation_id"] == approved
    # The attestation (and its e-mail: step 4 unlocks) went out once; the correction is its own event.
    assert len(service.published("engagement.attendance.attested")) == 1


def test_dates_added_after_the_attestation_lock_the_bilan_until_they_are_attested_too(service, camille, approved, referent, decide, clock,
                                                                                      sign_convention):
    sign_convention(approved)
    clock.at(DAYS[1], hour=18)
    attest = {"dates": [{"date": DAYS[0].isoformat(), "present": True}, {"date": DAYS[1].isoformat(), "present": True}]}
    referent.post(f"/participations/{approved}/attendance", json=attest)
    added = request_dates(camille, approved, DAYS[4], fmt="half_day")
    assert added.status_code == 201 and added.json["kind"] == "additional"
    assert camille.get(f"/participations/{approved}").json["steps"][3]["state"] == "locked"
    decide(added.json["id"])
    assert sign_convention(approved) == 2  # version 2 adds DAYS[4]
    clock.at(DAYS[4], hour=18)
    referent.post(f"/participations/{approved}/attendance", json={"dates": [{"date": DAYS[4].isoformat(), "present": True}]})
    events = service.published("engagement.attendance.attested")
    assert [e.data["days_present"] for e in events] == [1.5, 2.0]


# -- step 4 and the next year -------------------------------------------------------------------

ANSWERS = {"relevance": "Très bonne", "welcome": "Bonne", "welcome_reasons": "Une équipe très accueillante.",
           "expertise_match": "Non", "expertise_gap": "", "advice_to_colleague": "Vas-y !", "would_do_again": "Oui"}


def _attested(referent, participation, clock, sign_convention):
    sign_convention(participation)
    clock.at(DAYS[1], hour=18)
    body = {"dates": [{"date": DAYS[0].isoformat(), "present": True}, {"date": DAYS[1].isoformat(), "present": True}]}
    assert referent.post(f"/participations/{participation}/attendance", json=body).status_code == 200


def test_the_bilan_questions_are_served_with_their_choices(service):
    questions = service.client.get("/bilan-questions").json
    assert questions["title"] == "BILAN DE FIN DE MISSION"
    welcome = next(q for q in questions["items"] if q["key"] == "welcome")
    assert welcome["choices"] == ["Très bonne", "Bonne", "Moyenne", "Mauvaise"]
    assert next(q for q in questions["items"] if q["key"] == "would_do_again")["choices"] == ["Oui", "Peut-être", "Non"]


def test_completing_the_bilan_closes_the_years_participation(service, camille, approved, referent, clock, sign_convention):
    _attested(referent, approved, clock, sign_convention)
    invalid = camille.post(f"/participations/{approved}/bilan", json={"answers": ANSWERS})
    assert invalid.status_code == 422
    assert invalid.json["errors"] == {"answers": {"expertise_gap": ["Réponds à cette question."]}}
    response = camille.post(f"/participations/{approved}/bilan", json={"answers": {**ANSWERS, "expertise_gap": "Plus de pédagogie."}})
    assert response.status_code == 200, response.json
    assert response.json["status"] == "closed"
    assert [step["state"] for step in response.json["steps"]] == ["done", "done", "done", "done"]
    assert not response.json["can_add_dates"]
    (event,) = service.published("engagement.bilan.completed")
    assert event.data["answers"]["expertise_gap"] == "Plus de pédagogie." and event.data["days_present"] == 1.5
    again = camille.post(f"/participations/{approved}/bilan", json={"answers": ANSWERS})
    assert again.status_code == 409
    assert request_dates(camille, approved, DAYS[4]).status_code == 409
    assert camille.get("/me/dashboard").json["todo"]["complete_bilan"] == 0


def test_the_completed_bilan_names_the_days_attested_present_for_the_certificate_of_mission(
        service, camille, approved, referent, clock, sign_convention):
    sign_convention(approved)
    clock.at(DAYS[1], hour=18)
    body = {"dates": [{"date": DAYS[1].isoformat(), "present": False}, {"date": DAYS[0].isoformat(), "present": True}]}
    assert referent.post(f"/participations/{approved}/attendance", json=body).status_code == 200
    response = camille.post(f"/participations/{approved}/bilan", json={"answers": {**ANSWERS, "expertise_gap": "Plus de pédagogie."}})
    assert response.status_code == 200, response.json
    (event,) = service.published("engagement.bilan.completed")
    # documents lists these in the employee's « attestation de mission »: the absent day is not one of them.
    assert event.data["dates"] == [{"date": DAYS[0].isoformat(), "format": "full_day"}]
    assert event.data["days_present"] == 1.0


def test_applying_for_the_next_year_is_refused_until_the_bilan_is_done_and_accepted_after(service, camille, mission, approved, referent, clock,
                                                                                         sign_convention):
    _attested(referent, approved, clock, sign_convention)  # the clock is now in NEXT_YEAR: its next year may be applied for
    refused = apply(camille, mission, year=NEXT_YEAR + 1)
    assert refused.status_code == 409
    assert refused.json["detail"] == (f"1 convention = 1 année civile : pour poursuivre « Aide aux devoirs pour collégiens » en {NEXT_YEAR + 1}, "
                                      f"complète d'abord ton bilan {NEXT_YEAR}.")
    assert counts(service)["participations"] == 1
    assert camille.post(f"/participations/{approved}/bilan", json={"answers": {**ANSWERS, "expertise_match": "Oui"}}).status_code == 200
    accepted = apply(camille, mission, year=NEXT_YEAR + 1)
    assert accepted.status_code == 201, accepted.json
    assert [(p["year"], p["status"]) for p in camille.get("/me/participations").json["items"]] == [(NEXT_YEAR + 1, "open"), (NEXT_YEAR, "closed")]


def test_my_missions_are_paginated(camille, applied):
    listing = camille.get("/me/participations?per_page=1&page=2").json
    assert listing == {"items": [], "total": 1}


def test_my_data_export_includes_my_participations(camille, applied):
    exported = camille.get("/me/export").json
    assert [p["id"] for p in exported["participations"]] == [applied]


def test_my_team_shows_each_members_missions_with_their_four_steps_and_dates(person, camille, approved, applied):
    """Issue 16 (8): « Les missions de mon équipe » is the guide's view, not only the requests."""
    sophie = person(email="sophie.laurent@horizon.test", first_name="Sophie", last_name="Laurent")
    stranger = person(email="marc.autre@horizon.test", first_name="Marc", last_name="Autre")
    team = sophie.get("/me/team/participations").json
    assert team["total"] == 1
    (item,) = team["items"]
    assert item["person"]["name"] == "Camille Martin" and item["id"] == approved
    assert [step["label"] for step in item["steps"]] == [
        "JE POSTULE À LA MISSION", "JE VALIDE MES DATES", "JE SIGNE MA CONVENTION", "JE COMPLÈTE MON BILAN"]
    assert [step["state"] for step in item["steps"]] == ["done", "done", "in_progress", "locked"]
    # What Camille's own steps tell her (« Une fois que l'association aura attesté ta présence… ») is not for Sophie.
    assert any(step["hint"] for step in camille.get(f"/participations/{approved}").json["steps"])
    assert [step["hint"] for step in item["steps"]] == [None, None, None, None]
    assert [d["date"] for month in item["months"] for d in month["dates"]] == [DAYS[0].isoformat(), DAYS[1].isoformat()]
    assert item["days_approved"] == 1.5
    # No phone, no message, no request details: the manager sees the mission and its progress.
    assert set(item) == {"id", "year", "status", "person", "mission", "steps", "months", "days_approved", "days_pending"}
    # Someone who is nobody's manager sees nothing; Camille does not see herself there.
    assert stranger.get("/me/team/participations").json == {"items": [], "total": 0}
    assert camille.get("/me/team/participations").json["total"] == 0
