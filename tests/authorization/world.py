"""The people and objects the authorization matrix is checked against, built through the platform's own API.

One embedded platform (every service, the memory bus, the demo data) takes Camille through the whole journey:
she applies to a mission of Les Petits Savants, asks for dates, Sophie (her recorded manager) accepts, she signs
the convention, the referent attests her presence and she writes her bilan. Beside her: Lucas (same company),
a second company with its own admin and employee, the referent of another association, and the operator.
Only the demo data and the second company's sign-ups are set up outside a journey; everything else is made by
the HTTP calls a person would make.
"""
from __future__ import annotations

import io
import json
import re
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import holidays
from werkzeug.test import Client

# The roles of the matrix, each one real person of the world below.
ROLES = ("employee", "colleague", "outsider", "manager", "company_admin", "other_admin", "referent", "other_referent",
         "operator", "anonymous")


QUIZ = {
    "title": "Les idées reçues sur le bénévolat", "introduction": "Trois minutes pour bousculer tes idées reçues.",
    "themes": ["éducation / formation"], "opens_on": (date.today() + timedelta(days=60)).isoformat(),
    "questions": [{
        "statement": "Combien de Français donnent du temps à une association ?",
        "choices": [{"label": "Un sur cinq", "correct": True}, {"label": "Un sur cinquante", "correct": False}],
        "explanation": "Environ un Français sur cinq est bénévole dans une association.",
        "source_title": "INJEP, chiffres clés de la vie associative", "source_url": "https://injep.fr/",
    }],
}


@dataclass
class World:
    client: Client
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    objects: dict[str, str] = field(default_factory=dict)

    def call(self, role: str, method: str, path: str, body=None):
        headers = dict(self.headers.get(role, {}))
        kwargs = {"headers": headers}
        if isinstance(body, dict) and set(body) == {"multipart"}:
            # A file upload: {"multipart": {field: {"filename": …, "content": …}}}
            kwargs["data"] = {name: (io.BytesIO(part["content"].encode()), part["filename"]) for name, part in body["multipart"].items()}
            kwargs["content_type"] = "multipart/form-data"
        elif body is not None:
            kwargs["data"] = json.dumps(body)
            headers["Content-Type"] = "application/json"
        return self.client.open(path, method=method, **kwargs)


def _poll(fetch, timeout: float = 20.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _ok(answer, *statuses):
    assert answer.status_code in (statuses or (200, 201, 202, 204)), (answer.status_code, answer.get_data(as_text=True)[:500])
    return answer.get_json(silent=True)


def _sign_in(client: Client, email: str, password: str) -> dict[str, str]:
    """The bearer header of a password sign-in; the client keeps no cookie, so each role is only its token."""
    answer = client.post("/api/engagement/session", json={"email": email, "password": password})
    _ok(answer, 200)
    for header in answer.headers.getlist("Set-Cookie"):
        name, _, rest = header.partition("=")
        if name == "tandem_session":
            return {"Authorization": f"Bearer {rest.split(';', 1)[0]}"}
    raise AssertionError(f"no session cookie for {email}")


def _working_days(year: int, count: int, start: date) -> list[date]:
    closed = holidays.France(years=year)
    day, found = start, []
    while len(found) < count:
        if day.weekday() < 5 and day not in closed:
            found.append(day)
        day += timedelta(days=1)
    return found


def _mail_secret(client: Client, to: str, path_part: str) -> str:
    def find():
        items = client.get("/dev/mail.json").get_json()["items"]
        for mail in items:
            if to in mail["to"]:
                for link in mail.get("links", []):
                    if path_part in link:
                        return link.rsplit("/", 1)[1]
        return None

    return _poll(find, what=f"an e-mail to {to} with {path_part}")


def build_world(platform, demo_password: str, other_association_referent: dict) -> World:
    client = Client(platform.gateway, use_cookies=False)
    world = World(client)
    sign_in = lambda email: _sign_in(client, email, demo_password)  # noqa: E731
    world.headers.update({
        "employee": sign_in("camille.martin@horizon.example"),
        "colleague": sign_in("lucas.bernard@horizon.example"),
        "manager": sign_in("sophie.laurent@horizon.example"),
        "company_admin": sign_in("admin@horizon.example"),
        "operator": sign_in("operateur@tandem.example"),
        "referent": sign_in("referente@petits-savants.example"),
        "other_referent": sign_in(other_association_referent["email"]),
        "anonymous": {},
    })
    me = lambda role: _ok(world.call(role, "GET", "/api/engagement/me"))  # noqa: E731
    camille, lucas = me("employee"), me("colleague")
    company_id = camille["company"]["id"]
    world.objects.update(company=company_id, employee_person=camille["id"], colleague_person=lucas["id"],
                         admin_person=me("company_admin")["id"],
                         entity=camille["entity"]["id"], referent_association=me("referent")["association_ids"][0],
                         other_association=other_association_referent["association_id"])

    # -- a second company, its admin and its employee (signed up with a password, verified by e-mail) --------------
    other = _ok(world.call("operator", "POST", "/api/engagement/companies", {
        "name": "Autre Entreprise", "head_office_address": "1 rue de la Paix, 75002 Paris", "siren": "732829320",
        "rcs": "RCS Paris 732 829 320", "representative_name": "Paul Durand", "representative_title": "Président",
        "email_domains": ["autre-entreprise.example"]}), 201)
    world.objects["other_company"] = other["id"]
    entity = _ok(world.call("operator", "POST", f"/api/engagement/companies/{other['id']}/entities", {"name": "Siège"}), 201)
    password = "Une autre belle journée solidaire 2026"
    for role, email in (("outsider", "olivia.autre@autre-entreprise.example"), ("other_admin", "admin@autre-entreprise.example")):
        _ok(client.post("/api/engagement/accounts", json={
            "first_name": "Olivia" if role == "outsider" else "Oscar", "last_name": "Autre", "email": email,
            "password": password, "password_confirmation": password, "entity_id": entity["id"], "consent": True}), 202)
        _ok(client.post(f"/api/engagement/email-verifications/{_mail_secret(client, email, '/inscription/verification/')}"))
        world.headers[role] = _sign_in(client, email, password)
        world.objects[f"{role}_person"] = me(role)["id"]
    _ok(world.call("operator", "PATCH", f"/api/engagement/people/{world.objects['other_admin_person']}",
                   {"roles": ["company_admin", "employee"]}))
    world.headers["other_admin"] = _sign_in(client, "admin@autre-entreprise.example", password)

    # -- Camille's journey -----------------------------------------------------------------------------------------
    _ok(world.call("company_admin", "PATCH", f"/api/engagement/people/{camille['id']}",
                   {"manager_email": "sophie.laurent@horizon.example"}))
    missions = _ok(world.call("employee", "GET", f"/api/catalog/missions?association={world.objects['referent_association']}"))
    mission_id = missions["items"][0]["id"]
    other_missions = _ok(world.call("employee", "GET", f"/api/catalog/missions?association={world.objects['other_association']}"))
    world.objects.update(mission=mission_id, other_mission=other_missions["items"][0]["id"])
    _poll(lambda: world.call("employee", "GET", f"/api/engagement/missions/{mission_id}").status_code == 200, what="engagement's mission copy")
    year = date.today().year + 1
    world.objects["year"] = year
    days = _working_days(year, 2, date(year, 1, 12))
    participation = _ok(world.call("employee", "POST", "/api/engagement/applications", {
        "mission_id": mission_id, "message": "Bonjour, je souhaite vous aider.", "phone": "06 12 34 56 78", "year": year}), 201)
    world.objects["participation"] = participation["id"]
    requested = _ok(world.call("employee", "POST", f"/api/engagement/participations/{participation['id']}/date-requests", {
        "dates": [{"date": days[0].isoformat(), "format": "full_day"}, {"date": days[1].isoformat(), "format": "half_day"}]}), 201)
    world.objects.update(date_request=requested["id"], first_day=days[0].isoformat(),
                         later_day=_working_days(year, 1, date(year, 6, 1))[0].isoformat())
    approval = _poll(lambda: (world.call("manager", "GET", "/api/approval/requests").get_json() or {}).get("items"),
                     what="the approval request")[0]
    world.objects["approval_request"] = approval["id"]
    _ok(world.call("manager", "POST", f"/api/approval/requests/{approval['id']}/decision", {"decision": "accept"}))
    convention = _poll(lambda: (world.call("employee", "GET", f"/api/documents/conventions?participation={participation['id']}")
                                .get_json() or {}).get("items"), what="the convention")[0]
    version = convention["versions"][0]
    consent = client.get("/api/documents/consent").get_json()
    world.objects.update(convention=convention["id"], convention_sha256=version["sha256"], consent_version=consent["version"])
    _ok(world.call("employee", "POST", f"/api/documents/conventions/{convention['id']}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]}), 201)
    _poll(lambda: world.call("employee", "GET", f"/api/documents/conventions/{convention['id']}").get_json()["versions"][0]["signed_pdf_url"],
          what="the signed copy")
    _poll(lambda: world.call("employee", "GET", f"/api/engagement/participations/{participation['id']}").get_json()["convention_state"]
          == "done", what="the signature in engagement")
    # The dates pass: the referent attests presence, Camille writes her bilan.
    _ok(client.put("/dev/clock", json={"today": (days[1] + timedelta(days=1)).isoformat()}))
    try:
        _ok(world.call("referent", "POST", f"/api/engagement/participations/{participation['id']}/attendance", {
            "dates": [{"date": d.isoformat(), "present": True} for d in days]}))
        questions = _ok(world.call("employee", "GET", "/api/engagement/bilan-questions"))
        answers = {q["key"]: q["choices"][0] if q.get("choices") else "Une mission utile et bien préparée."
                   for q in questions["items"]}
        _ok(world.call("employee", "POST", f"/api/engagement/participations/{participation['id']}/bilan", {"answers": answers}))
    finally:
        client.delete("/dev/clock")
    _poll(lambda: world.call("employee", "GET", f"/api/documents/bilans/{participation['id']}.pdf").status_code == 200,
          what="the bilan PDF")

    # -- the referent confirms the year's « état récapitulatif » of Horizon's days; documents seals it --------------
    statement_path = f"/api/impact/statements/{company_id}/{world.objects['referent_association']}?year={year}"
    statement = _poll(lambda: (lambda s: s if s and s.get("state") == "to_confirm" else None)(
        world.call("referent", "GET", statement_path).get_json()), what="impact's statement of the year")
    confirmed = _ok(world.call("referent", "POST", statement_path.split("?")[0] + "/confirmation",
                               {"year": year, "consent": True, "rows_sha256": statement["rows_sha256"]}))
    statement_pdf = confirmed["pdf_url"] if "pdf_url" in confirmed else confirmed["confirmed"]["pdf_url"]
    world.objects["statement_document"] = statement_pdf.rsplit("/", 1)[1].removesuffix(".pdf")
    _poll(lambda: world.call("referent", "GET", statement_pdf).status_code == 200, what="the sealed statement")
    # No receipt is made here: its amount needs pay data, which only impact's own tests hold.
    world.objects["unknown_receipt"] = str(uuid.uuid4())
    world.objects["unknown_provider"] = str(uuid.uuid4())

    # -- the smaller objects ---------------------------------------------------------------------------------------
    _ok(world.call("employee", "PUT", f"/api/engagement/me/favorites/{mission_id}"))
    spotlight = _ok(world.call("operator", "POST", "/api/catalog/spotlights", {
        "title": "L'actu solidaire", "description": "Une semaine pour les associations.", "starts_on": date.today().isoformat()}), 201)
    world.objects["spotlight"] = spotlight["id"]
    quiz = _ok(world.call("operator", "POST", "/api/quiz/admin/quizzes", QUIZ), 201)
    world.objects.update(quiz=quiz["id"], quiz_body=QUIZ, quiz_question=quiz["questions"][0]["id"],
                         quiz_choice=quiz["questions"][0]["choices"][0]["id"])
    world.objects["unknown_secret"] = uuid.uuid4().hex * 2
    scim = _ok(world.call("company_admin", "POST", f"/api/engagement/companies/{company_id}/scim-tokens",
                          {"name": "Annuaire RH"}), 201)
    world.objects.update(scim_token=scim["id"], scim_resource_type="User",
                         scim_user_schema="urn:ietf:params:scim:schemas:core:2.0:User")
    # The demo's quiz du moment opens at the worker's first schedule check.
    current = _poll(lambda: (client.get("/api/quiz/current").get_json() or {}).get("quiz"), what="the quiz du moment")
    shown = _ok(world.call("colleague", "GET", f"/api/quiz/quizzes/{current['id']}"))
    world.objects.update(current_quiz=current["id"], current_attempt={"answers": [
        {"question_id": question["id"], "choice_ids": [question["choices"][0]["id"]]} for question in shown["questions"]]})
    return world
