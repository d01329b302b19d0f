"""The « état récapitulatif des journées » per association, company and civil year: the named days attested present,
read by the association's referents and the company's admins, confirmed only by a referent, announced to documents
without any pay data."""
import io
import logging
import uuid
from pathlib import Path

import pytest

from tandem_shared.contract import AsyncApiDocument

CONTRACT = AsyncApiDocument(Path(__file__).resolve().parent.parent / "asyncapi.yaml")
COMPANY = "9d8c7b6a-1111-4222-8333-944455566677"
OTHER_COMPANY = "11111111-2222-4333-8444-555555555555"


def example(event_type: str, index: int = 0, **overrides) -> dict:
    return {**CONTRACT.examples(event_type)[index], **overrides}


ASSOCIATION = example("catalog.association.registered")["id"]
MISSION = example("catalog.mission.published")["id"]
OTHER_ASSOCIATION = "a1b2c3d4-0000-4000-8000-000000000099"
YEAR = 2027


def _person(service, person_id, first, last, company_id):
    service.deliver("engagement.person.registered", example(
        "engagement.person.registered", person_id=person_id, first_name=first, last_name=last, company_id=company_id,
        email=f"{first.lower()}@{company_id[:4]}.example"))


def give_days(service, person_id, days, attested_at="2027-06-30T10:00:00+00:00", decided_at="2027-02-02T15:00:00+00:00"):
    """`days` as [("2027-03-18", "full_day", True), …]: approved, then attested present or absent."""
    participation = str(uuid.uuid4())
    dates = [{"date": day, "format": format} for day, format, _ in days]
    service.deliver("approval.request.approved", example(
        "approval.request.approved", request_id=str(uuid.uuid4()), participation_id=participation, person_id=person_id,
        dates=dates, year=int(days[0][0][:4]), decided_at=decided_at))
    service.deliver("engagement.attendance.attested", example(
        "engagement.attendance.attested", participation_id=participation, person_id=person_id, attested_at=attested_at,
        dates=[{**date, "present": present} for date, (_, _, present) in zip(dates, days)]))
    return participation


@pytest.fixture
def story(service):
    service.deliver("engagement.company.updated", example("engagement.company.updated"))
    service.deliver("catalog.association.registered", example("catalog.association.registered"))
    service.deliver("catalog.mission.published", example("catalog.mission.published"))
    camille, bruno, zoe = (example("engagement.person.registered")["person_id"], str(uuid.uuid4()), str(uuid.uuid4()))
    service.deliver("engagement.person.registered", example("engagement.person.registered"))
    _person(service, bruno, "Bruno", "Petit", COMPANY)
    _person(service, zoe, "Zoé", "Autre", OTHER_COMPANY)
    give_days(service, camille, [("2027-03-18", "full_day", True), ("2027-03-25", "half_day", True),
                                 ("2027-04-01", "full_day", False)])
    give_days(service, bruno, [("2027-04-02", "half_day", True)])
    give_days(service, zoe, [("2027-03-18", "full_day", True)])
    # A day of another year is not in 2027's statement.
    give_days(service, bruno, [("2026-12-14", "full_day", True)])
    return {"camille": camille, "bruno": bruno, "zoe": zoe}


@pytest.fixture
def referent(tokens):
    return tokens.headers("referent-nadia", roles=["association_referent"], email="nadia@petits-savants.example",
                          associations=[ASSOCIATION])


@pytest.fixture
def admin(tokens):
    return tokens.headers("admin-horizon", roles=["employee", "company_admin"], email="rh@horizon.example", company_id=COMPANY)


URL = f"/statements/{COMPANY}/{ASSOCIATION}"


def test_the_statement_names_every_day_attested_present_of_the_company(service, story, referent):
    response = service.client.get(f"{URL}?year={YEAR}", headers=referent)
    assert response.status_code == 200, response.json
    body = response.json
    assert [(row["person_name"], row["date"], row["format"], row["days"]) for row in body["rows"]] == [
        ("Bruno Petit", "2027-04-02", "half_day", 0.5),
        ("Camille Martin", "2027-03-18", "full_day", 1.0),
        ("Camille Martin", "2027-03-25", "half_day", 0.5),
    ]
    assert body["total_days"] == 2.0 and body["people"] == 2
    assert body["state"] == "to_confirm" and body["confirmed"] is None
    assert body["company_name"] == "Groupe Horizon" and body["association_name"] == "Les Petits Savants"
    listed = service.client.get(f"/associations/{ASSOCIATION}/statements?year={YEAR}", headers=referent).json["items"]
    assert {(item["company_id"], item["total_days"], item["state"]) for item in listed} == {
        (COMPANY, 2.0, "to_confirm"), (OTHER_COMPANY, 1.0, "to_confirm")}


def test_the_referent_confirms_what_was_shown_and_documents_gets_the_rows_without_pay_data(service, story, referent, admin):
    shown = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    refused = service.client.post(f"{URL}/confirmation", headers=referent,
                                  json={"year": YEAR, "rows_sha256": "0" * 64, "consent": True})
    assert refused.status_code == 409 and "a changé" in refused.json["detail"]
    unticked = service.client.post(f"{URL}/confirmation", headers=referent,
                                   json={"year": YEAR, "rows_sha256": shown["rows_sha256"], "consent": False})
    assert unticked.status_code == 422
    assert service.published("impact.statement.confirmed") == []

    confirmed = service.client.post(f"{URL}/confirmation", headers=referent,
                                    json={"year": YEAR, "rows_sha256": shown["rows_sha256"], "consent": True})
    assert confirmed.status_code == 201, confirmed.json
    assert confirmed.json["state"] == "confirmed" and confirmed.json["confirmed"]["version"] == 1
    (event,) = service.published("impact.statement.confirmed")
    mission = "Aide aux devoirs pour collégiens"
    assert event.data["rows"] == [
        {"person_id": story["bruno"], "person_name": "Bruno Petit", "mission_title": mission, "date": "2027-04-02",
         "format": "half_day", "days": 0.5},
        {"person_id": story["camille"], "person_name": "Camille Martin", "mission_title": mission, "date": "2027-03-18",
         "format": "full_day", "days": 1.0},
        {"person_id": story["camille"], "person_name": "Camille Martin", "mission_title": mission, "date": "2027-03-25",
         "format": "half_day", "days": 0.5},
    ]
    assert event.data["total_days"] == 2.0 and event.data["company"]["name"] == "Groupe Horizon"
    flat = repr(event.data)
    assert not any(word in flat for word in ("pay", "salaire", "charge", "daily_cost", "email"))
    assert confirmed.json["confirmed"]["pdf_url"] == f"/api/documents/statements/{event.data['statement_id']}.pdf"

    again = service.client.post(f"{URL}/confirmation", headers=referent,
                                json={"year": YEAR, "rows_sha256": shown["rows_sha256"], "consent": True})
    assert again.status_code == 409
    # The company's admin reads the confirmed statement and its PDF's path.
    (item,) = service.client.get(f"/companies/{COMPANY}/statements?year={YEAR}", headers=admin).json["items"]
    assert item["state"] == "confirmed" and item["statement_pdf_url"].endswith(".pdf")


def test_a_late_attestation_makes_a_new_version_to_confirm(service, story, referent):
    first = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    service.client.post(f"{URL}/confirmation", headers=referent,
                        json={"year": YEAR, "rows_sha256": first["rows_sha256"], "consent": True})
    give_days(service, story["bruno"], [("2027-09-09", "full_day", True)], attested_at="2027-09-10T10:00:00+00:00")
    changed = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    assert changed["state"] == "changed" and changed["total_days"] == 3.0 and changed["confirmed"]["total_days"] == 2.0
    second = service.client.post(f"{URL}/confirmation", headers=referent,
                                 json={"year": YEAR, "rows_sha256": changed["rows_sha256"], "consent": True})
    assert second.status_code == 201 and second.json["confirmed"]["version"] == 2


def test_a_day_the_association_corrects_to_absent_leaves_the_confirmed_statement_to_confirm_again(service, story, referent):
    first = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    service.client.post(f"{URL}/confirmation", headers=referent,
                        json={"year": YEAR, "rows_sha256": first["rows_sha256"], "consent": True})
    participation = give_days(service, story["bruno"], [("2027-09-09", "full_day", True)], attested_at="2027-09-10T10:00:00+00:00")
    attested = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    assert attested["total_days"] == 3.0
    service.client.post(f"{URL}/confirmation", headers=referent,
                        json={"year": YEAR, "rows_sha256": attested["rows_sha256"], "consent": True})
    # Engagement publishes the attendance as it now stands when the association changes a day after completion.
    assert service.deliver("engagement.attendance.corrected", example(
        "engagement.attendance.corrected", participation_id=participation, person_id=story["bruno"],
        attested_at="2027-09-20T10:00:00+00:00", dates=[{"date": "2027-09-09", "format": "full_day", "present": False}])) == "processed"
    corrected = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    assert corrected["total_days"] == 2.0
    assert corrected["state"] == "changed" and corrected["confirmed"]["total_days"] == 3.0
    assert "2027-09-09" not in str(corrected["people"])


def test_only_its_referents_confirm_and_only_they_and_the_company_admins_read(service, story, tokens, referent, admin, caplog):
    shown = service.client.get(f"{URL}?year={YEAR}", headers=admin)
    assert shown.status_code == 200
    body = {"year": YEAR, "rows_sha256": shown.json["rows_sha256"], "consent": True}
    with caplog.at_level(logging.WARNING, logger="impact.access"):
        forbidden = service.client.post(f"{URL}/confirmation", headers=admin, json=body)
    assert forbidden.status_code == 403 and "référent" in forbidden.json["detail"]
    assert any("confirmation refused" in record.getMessage() for record in caplog.records)
    strangers = {
        "a referent of another association": tokens.headers("referent-other", roles=["association_referent"],
                                                            associations=[OTHER_ASSOCIATION]),
        "an employee of the company": tokens.headers(story["camille"], roles=["employee"], company_id=COMPANY),
        "an admin of another company": tokens.headers("admin-other", roles=["company_admin"], company_id=OTHER_COMPANY),
        "an employee claiming the association without the role": tokens.headers("claims", associations=[ASSOCIATION]),
        "a platform operator": tokens.headers("operator", roles=["platform_operator"]),
    }
    for who, headers in strangers.items():
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="impact.access"):
            assert service.client.get(f"{URL}?year={YEAR}", headers=headers).status_code == 404, who
            assert service.client.post(f"{URL}/confirmation", headers=headers, json=body).status_code == 404, who
            assert service.client.get(f"/receipts/{COMPANY}/{ASSOCIATION}?year={YEAR}", headers=headers).status_code == 404, who
        assert any("denied" in record.getMessage() for record in caplog.records), who
    assert service.client.get(f"/associations/{ASSOCIATION}/statements?year={YEAR}", headers=admin).status_code == 404
    assert service.client.get(f"/companies/{COMPANY}/statements?year={YEAR}", headers=referent).status_code == 404
    assert service.published("impact.statement.confirmed") == []


# -- the receipt's data (Cerfa n° 16216) -------------------------------------------------------------------------------

RECEIPT = f"/receipts/{COMPANY}/{ASSOCIATION}"


@pytest.fixture
def year_2026(service, story):
    """2026's days (a year whose PASS is known): Camille 1.5 days with a pay record, Bruno 1 day (from the story) with none."""
    from datetime import datetime, timezone
    from decimal import Decimal

    from impact.models import PayRecord

    give_days(service, story["camille"], [("2026-10-05", "full_day", True), ("2026-10-12", "half_day", True)],
              attested_at="2026-10-13T10:00:00+00:00", decided_at="2026-09-01T10:00:00+00:00")
    with service.runtime.db.transaction() as session:
        session.add(PayRecord(company_id=COMPANY, person_id=story["camille"], year=2026, annual_gross_pay=Decimal("43800"),
                              employer_charge_rate=Decimal("0.45"), imported_by="admin-horizon",
                              imported_at=datetime(2026, 11, 1, tzinfo=timezone.utc)))


def _set_entity_cost(service, amount):
    from datetime import datetime, timezone
    from decimal import Decimal

    from impact.models import EntityDailyCost

    entity = example("engagement.person.registered")["entity_id"]
    with service.runtime.db.transaction() as session:
        session.add(EntityDailyCost(company_id=COMPANY, entity_id=entity, year=2026, daily_cost=Decimal(amount), updated_by="admin-horizon",
                                    updated_at=datetime(2026, 11, 1, tzinfo=timezone.utc)))


def _confirm_statement(service, headers, year):
    shown = service.client.get(f"{URL}?year={year}", headers=headers).json
    response = service.client.post(f"{URL}/confirmation", headers=headers,
                                   json={"year": year, "rows_sha256": shown["rows_sha256"], "consent": True})
    assert response.status_code == 201, response.json


def test_the_receipt_is_prefilled_from_the_valuation_and_confirmed_after_the_statement(service, year_2026, referent, admin):
    draft = service.client.get(f"{RECEIPT}?year=2026", headers=referent)
    assert draft.status_code == 200, draft.json
    # Bruno has neither a pay record nor an entity cost: the total would fall short, so there is no amount yet.
    assert draft.json["amount"] is None and "pas encore valorisé" in draft.json["amount_missing_reason"]
    _set_entity_cost(service, "400")
    draft = service.client.get(f"{RECEIPT}?year=2026", headers=referent).json
    # Camille: min(43,800, 3 PASS) × 1.45 / 218 = 291.33 a day, × 1.5 = 437.00; Bruno: 400.00 a day × 1.
    assert draft["amount"] == 837.0 and draft["total_days"] == 2.5
    assert (draft["first_day"], draft["last_day"]) == ("2026-10-05", "2026-12-14")
    assert draft["company"]["name"] == "Groupe Horizon" and draft["association"]["rna"] == "W691234567"
    assert "238 bis" in draft["article"] and "Mécénat de compétences" in draft["nature"]
    assert not any(key in repr(draft) for key in ("annual_gross_pay", "employer_charge_rate", "day_value", "daily_cost"))

    body = {"year": 2026, "receipt_number": "2026-001", "amount": 837.0, "consent": True}
    first = service.client.post(f"{RECEIPT}/confirmation", headers=referent, json=body)
    assert first.status_code == 409 and "état récapitulatif" in first.json["detail"]
    _confirm_statement(service, referent, 2026)
    assert service.client.post(f"{RECEIPT}/confirmation", headers=admin, json=body).status_code == 403
    stale = service.client.post(f"{RECEIPT}/confirmation", headers=referent, json={**body, "amount": 800.0})
    assert stale.status_code == 409 and stale.json["errors"]["amount"]

    confirmed = service.client.post(f"{RECEIPT}/confirmation", headers=referent, json=body)
    assert confirmed.status_code == 201, confirmed.json
    assert confirmed.json["confirmed"]["receipt_number"] == "2026-001" and confirmed.json["confirmed"]["version"] == 1
    (event,) = service.published("impact.receipt.confirmed")
    assert event.data["amount"] == "837.00" and event.data["total_days"] == 2.5 and event.data["receipt_number"] == "2026-001"
    (statement_event,) = service.published("impact.statement.confirmed")
    assert event.data["statement_id"] == statement_event.data["statement_id"]
    assert not any(key in repr(event.data) for key in ("annual_gross_pay", "employer_charge_rate", "day_value", "daily_cost",
                                                       "291.33"))
    assert service.client.post(f"{RECEIPT}/confirmation", headers=referent, json=body).status_code == 409
    (item,) = service.client.get(f"/companies/{COMPANY}/statements?year=2026", headers=admin).json["items"]
    assert item["receipt_state"] == "confirmed"
    assert item["receipt_pdf_url"] == f"/api/documents/receipts/{event.data['receipt_id']}.pdf"


def _grant_pay_permission(service, person_id):
    from datetime import datetime, timezone

    from impact.models import PayPermission

    with service.runtime.db.transaction() as session:
        session.add(PayPermission(company_id=COMPANY, person_id=person_id, granted_by="operator",
                                  granted_at=datetime(2026, 11, 1, tzinfo=timezone.utc)))


def test_a_confirmed_receipt_the_valuation_no_longer_matches_is_to_confirm_again(service, story, year_2026, referent, admin):
    """The company re-imports 2026's pay after the association confirmed 837.00 €: the referent, the company's bundle and
    its valuation all say the receipt's data changed (they said « confirmées »), and the referent confirms again with the
    same number."""
    _set_entity_cost(service, "400")
    _confirm_statement(service, referent, 2026)
    body = {"year": 2026, "receipt_number": "2026-001", "amount": 837.0, "consent": True}
    assert service.client.post(f"{RECEIPT}/confirmation", headers=referent, json=body).status_code == 201
    assert service.client.get(f"{RECEIPT}?year=2026", headers=referent).json["state"] == "confirmed"
    _grant_pay_permission(service, "admin-horizon")

    def valuation_receipt():
        response = service.client.get(f"/companies/{COMPANY}/valuation?year=2026", headers=admin)
        assert response.status_code == 200, response.json
        (row,) = [a for a in response.json["associations"] if a["association_id"] == ASSOCIATION]
        return row["value"], row["receipt"]

    value, receipt = valuation_receipt()
    assert (value, receipt["state"], receipt["amount"], receipt["receipt_number"]) == (837.0, "confirmed", 837.0, "2026-001")

    # The same pay again changes nothing; a new gross pay for Camille changes the amount, and the import says so.
    email = example("engagement.person.registered")["email"]

    def import_pay(gross):
        response = service.client.post(
            f"/companies/{COMPANY}/pay/import?year=2026", headers=admin, content_type="multipart/form-data",
            data={"file": (io.BytesIO(f"email;salaire_brut_annuel;taux_charges_patronales\n{email};{gross};45\n".encode()), "paie.csv")})
        assert response.status_code == 200, response.json
        return response.json["receipts_to_confirm_again"]

    assert import_pay(43800) == []
    assert service.published("impact.receipt.outdated") == []
    assert import_pay(52560) == ["Les Petits Savants"]
    (outdated,) = service.published("impact.receipt.outdated")
    assert outdated.data["association_email"] == "referente@petits-savants.example"
    assert (outdated.data["company_name"], outdated.data["year"], outdated.data["receipt_number"]) == ("Groupe Horizon", 2026, "2026-001")
    # No amount, nothing of pay: only who, which receipt and when (a random id may hold any digits, so keys are checked).
    assert set(outdated.data) == {"receipt_id", "year", "receipt_number", "company_id", "company_name", "association_id",
                                  "association_name", "association_email", "confirmed_at", "outdated_at", "because"}
    assert outdated.data["because"] == "valuation"
    assert import_pay(52560) == []  # already to confirm again: not news
    assert len(service.published("impact.receipt.outdated")) == 1
    draft = service.client.get(f"{RECEIPT}?year=2026", headers=referent).json
    # Camille: 52,560 × 1.45 / 218 = 349.60 a day, × 1.5 = 524.40; Bruno 400.00.
    assert (draft["state"], draft["amount"], draft["confirmed"]["amount"]) == ("changed", 924.4, 837.0)
    (referent_item,) = service.client.get(f"/associations/{ASSOCIATION}/statements?year=2026", headers=referent).json["items"]
    (company_item,) = service.client.get(f"/companies/{COMPANY}/statements?year=2026", headers=admin).json["items"]
    assert referent_item["receipt_state"] == company_item["receipt_state"] == "changed"
    assert company_item["state"] == "confirmed"  # the days did not change: only the receipt's amount did
    value, receipt = valuation_receipt()
    assert (value, receipt["state"], receipt["amount"]) == (924.4, "changed", 837.0)

    again = service.client.post(f"{RECEIPT}/confirmation", headers=referent, json={**body, "amount": 924.4})
    assert again.status_code == 201, again.json
    assert again.json["confirmed"]["version"] == 2 and again.json["state"] == "confirmed"
    assert valuation_receipt()[1]["state"] == "confirmed"
    assert [e.data["amount"] for e in service.published("impact.receipt.confirmed")] == ["837.00", "924.40"]

    # A daily cost moves Bruno's day (he has no pay record): the answer and the association hear it too.
    entity = example("engagement.person.registered")["entity_id"]
    moved = service.client.put(f"/companies/{COMPANY}/daily-costs/{entity}", headers=admin, json={"year": 2026, "daily_cost": 450})
    assert moved.status_code == 200, moved.json
    assert moved.json["receipts_to_confirm_again"] == ["Les Petits Savants"]
    assert len(service.published("impact.receipt.outdated")) == 2
    assert valuation_receipt()[1]["state"] == "changed"
    # A cost for a year without a confirmed receipt changes none of them.
    other_year = service.client.put(f"/companies/{COMPANY}/daily-costs/{entity}", headers=admin, json={"year": 2027, "daily_cost": 300})
    assert other_year.status_code == 200 and other_year.json["receipts_to_confirm_again"] == []


def test_a_receipt_is_to_confirm_again_when_its_amount_or_its_days_changed():
    from datetime import date
    from decimal import Decimal

    from impact import statement_rules as rules

    confirmed = rules.ReceiptData(Decimal("837.00"), Decimal("2.5"), (date(2026, 10, 5), date(2026, 12, 14)))
    same = rules.ReceiptData(Decimal("837"), Decimal("2.50"), (date(2026, 10, 5), date(2026, 12, 14)))
    done = rules.StatementState.CONFIRMED
    assert rules.receipt_state(done, same, confirmed) == rules.ReceiptState.CONFIRMED
    assert rules.receipt_state(done, same, None) == rules.ReceiptState.TO_CONFIRM
    assert rules.receipt_state(rules.StatementState.EMPTY, None, None) == rules.ReceiptState.EMPTY
    for changed in (rules.ReceiptData(Decimal("924.40"), Decimal("2.5"), confirmed.period),  # a pay import
                    rules.ReceiptData(None, Decimal("2.5"), confirmed.period),  # a pay record deleted
                    rules.ReceiptData(Decimal("837.00"), Decimal("2.5"), (date(2026, 10, 6), date(2026, 12, 14)))):
        assert rules.receipt_state(done, changed, confirmed) == rules.ReceiptState.CHANGED
    # The days changed since the receipt (the statement awaits a new confirmation), or none is left.
    assert rules.receipt_state(rules.StatementState.CHANGED, same, confirmed) == rules.ReceiptState.CHANGED
    assert rules.receipt_state(rules.StatementState.EMPTY, same, confirmed) == rules.ReceiptState.CHANGED


def test_a_year_whose_rates_are_unknown_has_no_amount(service, story, referent):
    _confirm_statement(service, referent, YEAR)
    draft = service.client.get(f"{RECEIPT}?year={YEAR}", headers=referent).json
    assert draft["amount"] is None and "plafond annuel" in draft["amount_missing_reason"]
    refused = service.client.post(f"{RECEIPT}/confirmation", headers=referent,
                                  json={"year": YEAR, "receipt_number": "1", "amount": 10.0, "consent": True})
    assert refused.status_code == 409 and "plafond annuel" in refused.json["detail"]


def test_two_confirmations_at_the_same_moment_make_one(service, story, referent, monkeypatch):
    """The second of two simultaneous clicks computed the same version number: the unique key refuses it with a 409."""
    from impact import statements

    shown = service.client.get(f"{URL}?year={YEAR}", headers=referent).json
    body = {"year": YEAR, "rows_sha256": shown["rows_sha256"], "consent": True}
    assert service.client.post(f"{URL}/confirmation", headers=referent, json=body).status_code == 201
    # As if the first confirmation were not visible yet to the second request.
    monkeypatch.setattr(statements, "latest_statement", lambda session, key: None)
    second = service.client.post(f"{URL}/confirmation", headers=referent, json=body)
    assert second.status_code == 409 and "déjà confirmé" in second.json["detail"]
    assert len(service.published("impact.statement.confirmed")) == 1


def test_a_move_to_another_entity_or_a_late_correction_tells_the_association_its_receipt_is_outdated(service, year_2026, referent,
                                                                                                      monkeypatch):
    """Léa, valued at her entity's daily cost, gave a day in November 2026; the association confirmed its receipt. A new
    name, her move to an entity with another cost in December, then a presence corrected, each make the receipt outdated
    and are announced with their cause; an update that changes none of it, or a move after the year, announces nothing."""
    from datetime import datetime, timezone
    from decimal import Decimal

    from impact.models import EntityDailyCost

    lea = str(uuid.uuid4())
    finance = example("engagement.person.registered")["entity_id"]
    legal = "5f0e1d2c-3b4a-4968-8776-655443322110"

    def lea_event(event_type, at, entity_id=finance, entity_name="Direction financière", roles=("employee",),
                  last_name="Roux"):
        service.deliver(event_type, example(
            "engagement.person.registered", person_id=lea, first_name="Léa", last_name=last_name, company_id=COMPANY,
            email="lea@horizon.example", entity_id=entity_id, entity_name=entity_name, roles=list(roles), at=at))

    lea_event("engagement.person.registered", "2026-01-10T09:00:00+00:00")
    participation = give_days(service, lea, [("2026-11-02", "full_day", True)], attested_at="2026-11-03T10:00:00+00:00",
                              decided_at="2026-10-01T10:00:00+00:00")
    _set_entity_cost(service, "400")
    with service.runtime.db.transaction() as session:
        session.add(EntityDailyCost(company_id=COMPANY, entity_id=legal, year=2026, daily_cost=Decimal("500"),
                                    updated_by="admin-horizon", updated_at=datetime(2026, 11, 1, tzinfo=timezone.utc)))
    _confirm_statement(service, referent, 2026)
    # Camille 437.00 (pay record), Bruno and Léa 400.00 each (their entity's cost).
    assert service.client.get(f"{RECEIPT}?year=2026", headers=referent).json["amount"] == 1237.0
    body = {"year": 2026, "receipt_number": "2026-001", "amount": 1237.0, "consent": True}
    assert service.client.post(f"{RECEIPT}/confirmation", headers=referent, json=body).status_code == 201

    def outdated_because():
        return [event.data["because"] for event in service.published("impact.receipt.outdated")]

    # Roles change no receipt: the update does not even value the year (most person events are such updates).
    from impact import statements

    valued = []
    real_receipts_of_year = statements.receipts_of_year
    monkeypatch.setattr(statements, "receipts_of_year", lambda *args, **kwargs: valued.append(args[2]) or real_receipts_of_year(*args, **kwargs))
    lea_event("engagement.person.updated", "2026-12-01T09:00:00+00:00", roles=("employee", "manager"))
    assert outdated_because() == [] and valued == []
    assert service.client.get(f"{RECEIPT}?year=2026", headers=referent).json["state"] == "confirmed"

    # A new name changes the statement that names her: both are to confirm again, the amount is the same.
    lea_event("engagement.person.updated", "2026-12-05T09:00:00+00:00", last_name="Roux-Martin")
    assert outdated_because() == ["person"] and valued == [2026, 2026]  # before and after the change
    draft = service.client.get(f"{RECEIPT}?year=2026", headers=referent).json
    assert (draft["state"], draft["statement_state"], draft["amount"]) == ("changed", "changed", 1237.0)
    # Once the referent confirms the renamed list, the receipt's own data (amount, days, period) match again.
    _confirm_statement(service, referent, 2026)
    assert service.client.get(f"{RECEIPT}?year=2026", headers=referent).json["state"] == "confirmed"

    lea_event("engagement.person.updated", "2026-12-20T09:00:00+00:00", entity_id=legal, entity_name="Direction juridique",
              last_name="Roux-Martin")
    assert outdated_because() == ["person", "person"]
    outdated = service.published("impact.receipt.outdated")[-1]
    assert (outdated.data["association_email"], outdated.data["receipt_number"]) == ("referente@petits-savants.example", "2026-001")
    draft = service.client.get(f"{RECEIPT}?year=2026", headers=referent).json
    assert (draft["state"], draft["amount"], draft["confirmed"]["amount"]) == ("changed", 1337.0, 1237.0)
    assert service.client.post(f"{RECEIPT}/confirmation", headers=referent, json={**body, "amount": 1337.0}).status_code == 201

    # A move after the year's end leaves 2026 where it was: nothing to announce.
    lea_event("engagement.person.updated", "2027-02-01T09:00:00+00:00", last_name="Roux-Martin")
    assert outdated_because() == ["person", "person"]
    assert service.client.get(f"{RECEIPT}?year=2026", headers=referent).json["state"] == "confirmed"

    # The association corrects Léa's day to absent: the days changed, the statement and the receipt are to confirm again.
    service.deliver("engagement.attendance.corrected", example(
        "engagement.attendance.corrected", participation_id=participation, person_id=lea,
        attested_at="2027-02-10T10:00:00+00:00", dates=[{"date": "2026-11-02", "format": "full_day", "present": False}]))
    assert outdated_because() == ["person", "person", "attendance"]
    draft = service.client.get(f"{RECEIPT}?year=2026", headers=referent).json
    assert (draft["state"], draft["statement_state"], draft["amount"]) == ("changed", "changed", 837.0)
    # A presence of another year than the receipt's touches nothing.
    give_days(service, lea, [("2027-03-01", "full_day", True)], attested_at="2027-03-02T10:00:00+00:00")
    assert outdated_because() == ["person", "person", "attendance"]
