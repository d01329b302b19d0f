"""`make run`'s year of activity: told through the services' APIs, it reaches impact through the real events."""
from __future__ import annotations

from werkzeug.test import Client

from helpers import free_port, settle, token_signed_with
from tandem_gateway.demo_activity import STORIES, load_demo_activity
from tandem_gateway.embedded import build_platform
from tandem_shared.testing import reset_memory_broker


def test_the_demo_company_gets_a_year_of_activity_in_impact(tmp_path):
    from engagement import clock
    from engagement.demo import DEMO_COMPANY_ID

    reset_memory_broker()
    data_dir = tmp_path / "var"
    platform = build_platform(data_dir, port=free_port(), base_environ={"TANDEM_LOG_LEVEL": "WARNING"})
    platform.start_workers()
    try:
        settle(platform)
        today = clock.today()
        assert load_demo_activity(platform.gateway, data_dir, today) is True
        assert clock.today() == today, "the clock is back to today"
        assert load_demo_activity(platform.gateway, data_dir, today) is False, "told once per data directory"
        settle(platform)
        client = Client(platform.gateway)
        admin = {"Authorization": "Bearer " + token_signed_with(
            (data_dir / "keys" / "jwt-private.pem").read_text(), "admin", ["company_admin"], company_id=DEMO_COMPANY_ID)}
        report = client.get(f"/api/impact/companies/{DEMO_COMPANY_ID}/report?year={today.year - 1}", headers=admin).json
        assert report["days"] == {"asked": 6.5, "approved": 6.0, "done": 5.0}
        assert report["people_engaged"] == 4 and report["associations_helped"] == 4
        assert {s["step"]: s["count"] for s in report["funnel"]} == {
            "applied": len(STORIES), "dates_approved": 4, "convention_signed": 4, "presence_attested": 4, "bilan": 3}
        assert [month["label"] for month in report["by_month"] if month["done"]] == ["mars", "mai", "septembre", "novembre"]
        assert today.year - 1 in report["years"]
        # Nathalie holds the pay permission: the valuation values everyone (two from their pay, two at their entity's cost).
        from engagement.demo import ADMIN_EMAIL, DEMO_PASSWORD

        login = client.post("/api/engagement/session", json={"email": ADMIN_EMAIL, "password": DEMO_PASSWORD})
        token = next(c.split(";")[0].split("=", 1)[1] for c in login.headers.getlist("Set-Cookie") if c.startswith("tandem_session="))
        valuation = client.get(f"/api/impact/companies/{DEMO_COMPANY_ID}/valuation?year={today.year - 1}",
                               headers={"Authorization": f"Bearer {token}"}).json
        assert valuation["people_without_value"] == 0
        assert sorted(p["source"] for p in valuation["people"]) == ["entity_default", "entity_default", "pay", "pay"]
        assert valuation["total_value"] > 0 and valuation["reduction"]["reduction"] == round(valuation["total_value"] * 0.6, 2)

        # This year, and the next for dates after 31 December (issue 16, point 11): Camille, Lucas and Sophie each have participations at a stage of their own.
        def participations_of(email):
            signed_in = client.post("/api/engagement/session", json={"email": email, "password": DEMO_PASSWORD})
            bearer = next(c.split(";")[0].split("=", 1)[1] for c in signed_in.headers.getlist("Set-Cookie")
                          if c.startswith("tandem_session="))
            items = client.get("/api/engagement/me/participations?per_page=100", headers={"Authorization": f"Bearer {bearer}"}).json["items"]
            return [p for p in items if p["year"] in (today.year, today.year + 1)]

        def stage(participation):
            if participation["can_complete_bilan"]:
                return "bilan to write"
            states = [step["state"] for step in participation["steps"]]
            if states[2] == "to_sign":
                return "convention to sign"
            if states[2] == "done":
                return "presence to attest" if any(d["date"] < today.isoformat() for m in participation["months"] for d in m["dates"]) else "signed"
            return {"todo": "applied", "in_progress": "dates waiting for the manager"}[states[1]]

        past_days_this_year = today.timetuple().tm_yday > 45
        expected = {
            "camille.martin@horizon.example": ["applied"] + (["bilan to write"] if past_days_this_year else []),
            "lucas.bernard@horizon.example": ["dates waiting for the manager"] + (["presence to attest"] if past_days_this_year else []),
            "sophie.laurent@horizon.example": ["convention to sign", "signed"],
        }
        for email, stages in expected.items():
            assert sorted(stage(p) for p in participations_of(email)) == sorted(stages), email
    finally:
        platform.stop()
