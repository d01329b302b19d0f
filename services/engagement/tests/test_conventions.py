"""Step 3 « Je signe ma convention » and the bilan's PDF, from documents' events (issue 6): the dashboard's
« Signe ta convention », the step's state, which dates the signed convention covers, out-of-order and repeated
events, and `bilan_pdf_url`.

Dates are next civil year's working days (from the holidays package), so nothing depends on today's date.
"""
from datetime import date, timedelta

import pytest
import sqlalchemy as sa

from engagement import domain
from engagement.models import Convention

ASSOCIATION_ID = "1c6f2b1e-7a52-5d0c-9a1e-3b4c5d6e7f80"  # the association of catalog's mission example
NEXT_YEAR = date.today().year + 1
CONVENTION = "2d3e4f50-6172-4839-8a4b-5c6d7e8f9012"
ISSUED, SIGNED, BILAN = "documents.convention.issued", "documents.convention.signed", "documents.bilan.issued"


def working_days(year: int, count: int, start: date) -> list[date]:
    import holidays

    closed = holidays.France(years=year)
    day, found = start, []
    while len(found) < count:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += timedelta(days=1)
    return found


DAYS = working_days(NEXT_YEAR, 4, start=date(NEXT_YEAR, 1, 12))
FIRST = [(DAYS[0], "full_day"), (DAYS[1], "half_day")]  # the first approved request: 1.5 days
ADDED = (DAYS[2], "half_day")  # added later: 2 days in all, the whole allowance


@pytest.fixture
def camille(person):
    return person(manager_email="sophie.laurent@horizon.test")


@pytest.fixture
def referent(person):
    return person(email="referente@petits-savants.test", first_name="Amina", last_name="Benali", roles=("association_referent",),
                  company_id=None, entity_id=None, association_ids=(ASSOCIATION_ID,))


def request_and_approve(camille, participation_id, decide, days) -> str:
    response = camille.post(f"/participations/{participation_id}/date-requests",
                            json={"dates": [{"date": d.isoformat(), "format": fmt} for d, fmt in days]})
    assert response.status_code == 201, response.json
    assert decide(response.json["id"]) == "processed"
    return response.json["id"]


@pytest.fixture
def approved(camille, publish_mission, decide):
    """Camille's participation next year, DAYS[0] (journée) and DAYS[1] (1/2 journée) approved by her manager."""
    response = camille.post("/applications", json={"mission_id": publish_mission(), "message": "Bonjour, je souhaite vous aider.",
                                                   "phone": "06 12 34 56 78", "year": NEXT_YEAR})
    assert response.status_code == 201, response.json
    request_and_approve(camille, response.json["id"], decide, FIRST)
    return response.json["id"]


def _dates(days) -> list[dict]:
    return [{"date": d.isoformat(), "format": fmt} for d, fmt in days]


def _total(days) -> float:
    return float(sum(domain.FORMAT_DAYS[fmt] for _, fmt in days))


@pytest.fixture
def issue(service, camille):
    """Deliver documents.convention.issued for Camille's participation, as documents would publish it."""

    def _issue(participation_id, version, days, event_id=None, person_id=None, convention_id=CONVENTION):
        example = dict(service.contract.examples(ISSUED)[0])
        payload = {**example, "convention_id": convention_id, "participation_id": participation_id,
                   "person_id": person_id or camille.id, "person_email": camille.email, "year": NEXT_YEAR,
                   "version": version, "previous_version": version - 1 or None, "dates": _dates(days), "total_days": _total(days),
                   "issued_at": f"{NEXT_YEAR - 1}-12-0{version}T10:00:00+00:00",
                   "sign_url": f"https://tandem.example/mon-compte/conventions/{convention_id}"}
        return service.deliver(ISSUED, payload, event_id=event_id)

    return _issue


@pytest.fixture
def sign(service, camille):
    """Deliver documents.convention.signed: Camille signed `version` online."""

    def _sign(participation_id, version, days, event_id=None):
        example = dict(service.contract.examples(SIGNED)[0])
        payload = {**example, "convention_id": CONVENTION, "participation_id": participation_id, "person_id": camille.id,
                   "year": NEXT_YEAR, "version": version, "dates": _dates(days), "total_days": _total(days),
                   "signed_at": f"{NEXT_YEAR - 1}-12-1{version}T08:00:00+00:00"}
        return service.deliver(SIGNED, payload, event_id=event_id)

    return _sign


def card(camille, participation_id) -> dict:
    response = camille.get(f"/participations/{participation_id}")
    assert response.status_code == 200, response.json
    return response.json


def to_sign(camille) -> int:
    return camille.get("/me/dashboard").json["todo"]["conventions_to_sign"]


def date_states(view) -> dict[str, tuple[str, bool]]:
    """{ISO date: (state_label, convention_signed)} of the dates shown by month in « MES MISSIONS »."""
    return {d["date"]: (d["state_label"], d["convention_signed"]) for month in view["months"] for d in month["dates"]}


def iso(day: date) -> str:
    return day.isoformat()


# -- before any convention ----------------------------------------------------------------------------


def test_before_any_convention_step_three_is_in_progress_and_nothing_is_to_sign(camille, approved):
    view = card(camille, approved)
    assert view["convention"] is None and view["convention_state"] == "todo"
    step = view["steps"][2]
    # Documents is making it: in progress, not a red « À faire » (issue 16, point 7).
    assert (step["label"], step["state"]) == ("JE SIGNE MA CONVENTION", "in_progress")
    assert step["hint"] == "Tes dates sont validées : ta convention est en préparation, tu recevras un e-mail pour la signer en ligne."
    assert date_states(view) == {iso(DAYS[0]): ("validée, convention en préparation", False),
                                 iso(DAYS[1]): ("validée, convention en préparation", False)}
    assert to_sign(camille) == 0


def test_a_pending_date_keeps_its_own_label(camille, approved):
    response = camille.post(f"/participations/{approved}/date-requests", json={"dates": _dates([ADDED])})
    assert response.status_code == 201
    assert [(d["state"], d["state_label"], d["convention_signed"]) for d in response.json["dates"]] == [
        ("pending", "en attente de validation", False)]


# -- version 1: issued, then signed -------------------------------------------------------------------


def test_an_issued_convention_is_to_sign_on_the_dashboard_step_three_and_its_dates(service, camille, approved, issue):
    assert issue(approved, 1, FIRST) == "processed"
    assert to_sign(camille) == 1
    view = card(camille, approved)
    assert view["convention_state"] == "to_sign"
    assert view["steps"][2]["state"] == "to_sign"
    assert view["steps"][2]["hint"].startswith("Signe ta convention avant le début de ta mission : elle est obligatoire")
    assert view["convention"] == {"id": CONVENTION, "version": 1, "issued_at": f"{NEXT_YEAR - 1}-12-01T10:00:00+00:00",
                                  "signed_version": None, "signed_at": None, "to_sign": True,
                                  "sign_url": f"/mon-compte/conventions/{CONVENTION}"}
    assert date_states(view) == {iso(DAYS[0]): ("convention à signer", False), iso(DAYS[1]): ("convention à signer", False)}
    # The request's dates say the same, and « MES MISSIONS » lists the same card.
    assert {d["state_label"] for d in view["requests"][0]["dates"]} == {"convention à signer"}
    (listed,) = camille.get("/me/participations").json["items"]
    assert listed["convention"] == view["convention"]


def test_signing_the_latest_version_completes_step_three(camille, approved, issue, sign):
    issue(approved, 1, FIRST)
    assert sign(approved, 1, FIRST) == "processed"
    assert to_sign(camille) == 0
    view = card(camille, approved)
    assert [step["state"] for step in view["steps"]] == ["done", "done", "done", "locked"]
    assert view["steps"][2]["hint"] is None
    assert view["convention"]["signed_version"] == 1 and view["convention"]["to_sign"] is False
    assert view["convention"]["signed_at"] == f"{NEXT_YEAR - 1}-12-11T08:00:00+00:00"
    assert date_states(view) == {iso(DAYS[0]): ("validée", True), iso(DAYS[1]): ("validée", True)}


# -- version 2: dates added ---------------------------------------------------------------------------


def test_added_dates_make_a_new_version_to_sign_before_the_days_it_adds(camille, approved, decide, issue, sign):
    issue(approved, 1, FIRST)
    sign(approved, 1, FIRST)
    request_and_approve(camille, approved, decide, [ADDED])
    # documents has not rendered version 2 yet: the new date waits for it, step 3 stays done for version 1.
    view = card(camille, approved)
    assert view["steps"][2]["state"] == "done"
    assert date_states(view)[iso(DAYS[2])] == ("validée, convention en préparation", False)

    assert issue(approved, 2, [*FIRST, ADDED]) == "processed"
    assert to_sign(camille) == 1
    view = card(camille, approved)
    assert view["steps"][2]["state"] == "to_sign"
    assert view["steps"][2]["hint"] == ("Ta convention a été mise à jour avec tes nouvelles dates : "
                                        "signe-la avant les jours de mission qu'elle ajoute.")
    assert (view["convention"]["version"], view["convention"]["signed_version"]) == (2, 1)
    # Only the date version 2 adds is to sign; the others stay covered by the signed version 1.
    assert date_states(view) == {iso(DAYS[0]): ("validée", True), iso(DAYS[1]): ("validée", True),
                                 iso(DAYS[2]): ("convention à signer", False)}

    sign(approved, 2, [*FIRST, ADDED])
    assert to_sign(camille) == 0
    view = card(camille, approved)
    assert view["steps"][2]["state"] == "done"
    assert {label for label, _ in date_states(view).values()} == {"validée"}


def test_a_late_signature_of_an_older_version_leaves_the_newer_one_to_sign(camille, approved, decide, issue, sign):
    request_and_approve(camille, approved, decide, [ADDED])
    issue(approved, 1, FIRST)
    issue(approved, 2, [*FIRST, ADDED])
    assert sign(approved, 1, FIRST) == "processed"  # signed before version 2 existed, delivered after it
    assert to_sign(camille) == 1
    view = card(camille, approved)
    assert view["steps"][2]["state"] == "to_sign"
    assert (view["convention"]["version"], view["convention"]["signed_version"]) == (2, 1)
    assert date_states(view)[iso(DAYS[2])] == ("convention à signer", False)
    assert date_states(view)[iso(DAYS[0])] == ("validée", True)


def test_an_older_version_issued_late_does_not_replace_the_newer_one(camille, approved, decide, issue, sign):
    request_and_approve(camille, approved, decide, [ADDED])
    issue(approved, 2, [*FIRST, ADDED])
    sign(approved, 2, [*FIRST, ADDED])
    assert issue(approved, 1, FIRST) == "processed"
    assert sign(approved, 1, FIRST) == "processed"
    view = card(camille, approved)
    assert (view["convention"]["version"], view["convention"]["signed_version"]) == (2, 2)
    assert view["convention"]["issued_at"] == f"{NEXT_YEAR - 1}-12-02T10:00:00+00:00"
    assert view["steps"][2]["state"] == "done" and to_sign(camille) == 0
    assert date_states(view)[iso(DAYS[2])] == ("validée", True)


def test_a_signature_arriving_before_its_issue_stands_for_both(camille, approved, issue, sign):
    assert sign(approved, 1, FIRST) == "processed"
    view = card(camille, approved)
    assert view["convention"]["version"] == 1 and view["convention"]["issued_at"] is None
    assert view["steps"][2]["state"] == "done" and to_sign(camille) == 0
    assert issue(approved, 1, FIRST) == "processed"  # the issue, late: it only tells when version 1 was issued
    view = card(camille, approved)
    assert view["convention"]["issued_at"] == f"{NEXT_YEAR - 1}-12-01T10:00:00+00:00"
    assert view["steps"][2]["state"] == "done" and to_sign(camille) == 0


def test_a_repeated_event_changes_nothing(service, camille, approved, issue, sign):
    def snapshot():
        with service.runtime.db.reading() as session:
            row = session.get(Convention, approved)
            return (row.issued_version, row.issued_at, row.issued_dates, row.signed_version, row.signed_at, row.signed_dates,
                    row.updated_at)

    assert issue(approved, 1, FIRST, event_id="issued-1") == "processed"
    first = snapshot()
    assert issue(approved, 1, FIRST, event_id="issued-1") == "duplicate"
    assert issue(approved, 1, FIRST, event_id="issued-1-republished") == "processed"
    assert snapshot() == first
    assert sign(approved, 1, FIRST, event_id="signed-1") == "processed"
    signed = snapshot()
    assert sign(approved, 1, FIRST, event_id="signed-1") == "duplicate"
    assert sign(approved, 1, FIRST, event_id="signed-1-republished") == "processed"
    assert snapshot() == signed
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Convention)) == 1
    assert to_sign(camille) == 0


def test_events_for_an_unknown_or_someone_elses_participation_change_nothing(service, camille, approved, issue, person):
    lucas = person(email="lucas.bernard@horizon.test")
    assert issue("no-such-participation", 1, FIRST) == "processed"
    assert issue(approved, 1, FIRST, person_id=lucas.id) == "processed"
    with service.runtime.db.reading() as session:
        assert session.scalar(sa.select(sa.func.count()).select_from(Convention)) == 0
    assert issue(approved, 1, FIRST) == "processed"
    # Another convention id for the same participation: documents makes one per participation, so it is ignored.
    assert issue(approved, 2, [*FIRST, ADDED], convention_id="another-convention") == "processed"
    assert card(camille, approved)["convention"]["version"] == 1


def test_a_withdrawn_participation_asks_for_no_signature(camille, approved, issue):
    issue(approved, 1, FIRST)
    assert to_sign(camille) == 1
    assert camille.post(f"/participations/{approved}/withdrawal").status_code == 200
    assert to_sign(camille) == 0


def test_each_participation_counts_on_the_dashboard(camille, approved, issue, publish_mission, decide):
    issue(approved, 1, FIRST)
    other = camille.post("/applications", json={"mission_id": publish_mission(title="Atelier d'écriture"), "message": "Bonjour, je souhaite aussi vous aider.",
                                                "phone": "06 12 34 56 78", "year": NEXT_YEAR}).json["id"]
    request_and_approve(camille, other, decide, [(DAYS[3], "half_day")])
    issue(other, 1, [(DAYS[3], "half_day")], convention_id="5e6f7081-92a3-44b5-86c7-d8e9fa0b1c2d")
    assert to_sign(camille) == 2


def test_the_association_sees_which_dates_a_signed_convention_covers(camille, approved, decide, issue, sign, referent):
    request_and_approve(camille, approved, decide, [ADDED])
    issue(approved, 1, FIRST)
    sign(approved, 1, FIRST)
    issue(approved, 2, [*FIRST, ADDED])
    (item,) = referent.get(f"/associations/{ASSOCIATION_ID}/participations").json["items"]
    assert [(d["date"], d["convention_signed"], d["state_label"]) for d in item["dates"]] == [
        (iso(DAYS[0]), True, "validée"), (iso(DAYS[1]), True, "validée"), (iso(DAYS[2]), False, "convention à signer")]


def test_my_data_export_includes_the_convention(camille, approved, issue, sign):
    issue(approved, 1, FIRST)
    sign(approved, 1, FIRST)
    (exported,) = camille.get("/me/export").json["participations"]
    assert exported["convention"] == {"id": CONVENTION, "version": 1, "signed_version": 1,
                                      "signed_at": f"{NEXT_YEAR - 1}-12-11T08:00:00+00:00"}


# -- attendance: only on dates a signed version covers ------------------------------------------------


def attest(referent, participation_id, *days, present=True):
    return referent.post(f"/participations/{participation_id}/attendance",
                         json={"dates": [{"date": iso(day), "present": present} for day in days]})


def unsigned(day: date) -> str:
    return (f"La convention couvrant le {domain.long_date(day)} n'est pas encore signée : "
            "Camille doit la signer avant que tu puisses attester sa présence.")


def presence(service) -> dict[date, bool | None]:
    from engagement.models import MissionDate

    with service.runtime.db.reading() as session:
        return {row.day: row.present for row in session.scalars(sa.select(MissionDate))}


def test_presence_is_refused_on_dates_no_signed_convention_covers(service, camille, approved, referent, clock, issue):
    clock.at(DAYS[1], hour=18)
    # No convention yet, then version 1 issued but not signed: present or absent, each date is refused.
    for version_issued in (None, 1):
        if version_issued:
            issue(approved, version_issued, FIRST)
        response = attest(referent, approved, DAYS[0], DAYS[1], present=False)
        assert response.status_code == 422
        assert response.json["errors"] == {"dates": {"0": [unsigned(DAYS[0])], "1": [unsigned(DAYS[1])]}}
        assert response.json["detail"].startswith("2 dates ne conviennent pas : La convention couvrant le ")
    assert attest(referent, approved, DAYS[0]).json["detail"] == unsigned(DAYS[0])
    assert presence(service) == {DAYS[0]: None, DAYS[1]: None}
    assert service.published("engagement.attendance.attested") == []


def test_a_date_only_the_unsigned_version_two_adds_is_refused_while_version_one_dates_are_accepted(
        service, camille, approved, decide, referent, clock, issue, sign):
    issue(approved, 1, FIRST)
    sign(approved, 1, FIRST)
    request_and_approve(camille, approved, decide, [ADDED])
    issue(approved, 2, [*FIRST, ADDED])
    clock.at(DAYS[2], hour=18)
    refused = attest(referent, approved, DAYS[0], DAYS[1], DAYS[2])
    assert refused.status_code == 422
    assert refused.json["errors"] == {"dates": {"2": [unsigned(DAYS[2])]}}
    assert presence(service) == {DAYS[0]: None, DAYS[1]: None, DAYS[2]: None}  # nothing is recorded when one date is refused

    accepted = attest(referent, approved, DAYS[0], DAYS[1])
    assert accepted.status_code == 200, accepted.json
    assert [(d["date"], d["convention_signed"], d["present"]) for d in accepted.json["dates"]] == [
        (iso(DAYS[0]), True, True), (iso(DAYS[1]), True, True), (iso(DAYS[2]), False, None)]
    assert accepted.json["attendance_complete"] is False
    assert service.published("engagement.attendance.attested") == []


def test_presence_is_accepted_once_the_version_covering_the_date_is_signed(service, camille, approved, decide, referent, clock,
                                                                            issue, sign):
    request_and_approve(camille, approved, decide, [ADDED])
    issue(approved, 1, FIRST)
    sign(approved, 1, FIRST)
    issue(approved, 2, [*FIRST, ADDED])
    clock.at(DAYS[2], hour=18)
    assert attest(referent, approved, DAYS[2]).status_code == 422
    assert sign(approved, 2, [*FIRST, ADDED]) == "processed"
    response = attest(referent, approved, DAYS[0], DAYS[1], DAYS[2])
    assert response.status_code == 200, response.json
    assert response.json["attendance_complete"] and response.json["days_present"] == 2.0
    (event,) = service.published("engagement.attendance.attested")
    assert [d["date"] for d in event.data["dates"]] == [iso(DAYS[0]), iso(DAYS[1]), iso(DAYS[2])]


# -- the bilan's PDF ----------------------------------------------------------------------------------


def test_the_bilan_pdf_is_linked_once_documents_has_rendered_it(service, camille, approved, referent, clock, sign_convention):
    sign_convention(approved)
    clock.at(DAYS[1], hour=18)
    attest = {"dates": [{"date": iso(DAYS[0]), "present": True}, {"date": iso(DAYS[1]), "present": True}]}
    assert referent.post(f"/participations/{approved}/attendance", json=attest).status_code == 200
    answers = {"relevance": "Très bonne", "welcome": "Bonne", "expertise_match": "Oui", "advice_to_colleague": "Vas-y !",
               "would_do_again": "Oui"}
    closed = camille.post(f"/participations/{approved}/bilan", json={"answers": answers})
    assert closed.status_code == 200, closed.json
    assert closed.json["bilan_pdf_url"] is None
    example = dict(service.contract.examples(BILAN)[0])
    payload = {**example, "participation_id": approved, "person_id": camille.id, "year": NEXT_YEAR,
               "download_path": f"/api/documents/bilans/{approved}.pdf"}
    assert service.deliver(BILAN, payload, event_id="bilan-1") == "processed"
    assert card(camille, approved)["bilan_pdf_url"] == f"/api/documents/bilans/{approved}.pdf"
    assert service.deliver(BILAN, payload, event_id="bilan-1") == "duplicate"
    assert service.deliver(BILAN, {**payload, "person_id": "someone-else", "participation_id": "unknown"}) == "processed"


# -- the rules ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("issued", "signed", "state"), [
    (None, None, "todo"), (1, None, "to_sign"), (1, 1, "done"), (2, 1, "to_sign"), (2, 2, "done"),
])
def test_step_three_follows_the_latest_versions(issued, signed, state):
    assert domain.convention_step_state(issued, signed) == state


@pytest.mark.parametrize(("state", "signed", "latest", "label"), [
    ("approved", True, True, "validée"),
    ("approved", False, True, "convention à signer"),
    ("approved", False, False, "validée, convention en préparation"),
    ("pending", False, False, "en attente de validation"),
    ("refused", False, False, "refusée"),
    ("cancelled", True, True, "annulée"),
])
def test_a_dates_label_says_whether_its_convention_is_signed(state, signed, latest, label):
    assert domain.date_state_label(state, convention_signed=signed, in_latest_convention=latest) == label


def test_a_pending_date_that_has_passed_says_nobody_can_accept_it():
    assert domain.date_state_label("pending", convention_signed=False, in_latest_convention=False, too_late=True) == "passée sans validation"
