"""A year of activity for the demo company, so that « Impact » is not empty on `make run`.

Only the embedded mode composes services, so this is where a story across them can be told. It is told through the
services' own HTTP APIs, as people would click it: employees of Groupe Horizon apply to missions of the demo
associations, ask their manager for days, the manager decides from the e-mail's link, the employee signs the
convention, the association's referent attests presence, the employee completes the bilan. Every figure impact shows
then comes from the real events (engagement, approval, documents, catalog). It happens in the previous civil year,
`/dev/clock` moving the workflow's clock to each step's day and back to today at the end, once per data directory
(`demo-activity-<year>.done`). `make run` asks for it (`TANDEM_DEMO_ACTIVITY=true`); tests and other callers of
`tandem-embedded` do not get it unless they set the variable.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from werkzeug.test import Client

log = logging.getLogger(__name__)

MANAGER = "sophie.laurent@horizon.example"
BILAN_TEXT = "Une belle expérience, des échanges riches avec l'équipe de l'association."


@dataclass(frozen=True)
class Story:
    """One participation: who, which demo association (by its index in catalog's demo content), which days
    (month, day of month — moved to the next working day), and how it ends."""

    email: str
    association: int
    days: tuple[tuple[int, int, str], ...]
    outcome: str  # "done" (attested present, bilan), "absent_one" (second day absent), "refused", "attested" (no bilan)
    bilan: tuple[str, str, str, str] = ("Très bonne", "Très bonne", "Oui", "Oui")


# Two days a year each at most (the company's allowance).
STORIES = (
    Story("camille.martin@horizon.example", 0, ((3, 10, "full_day"), (3, 17, "half_day")), "done"),
    Story("lucas.bernard@horizon.example", 2, ((5, 12, "full_day"), (6, 9, "full_day")), "absent_one",
          ("Bonne", "Moyenne", "Non", "Peut-être")),
    Story("ines.petit@horizon.example", 5, ((9, 15, "full_day"),), "done", ("Très bonne", "Bonne", "Oui", "Oui")),
    Story("ines.petit@horizon.example", 5, ((10, 6, "half_day"),), "refused"),
    Story("thomas.girard@horizon-group.example", 8, ((11, 3, "full_day"), (11, 17, "half_day")), "attested"),
)


class _User:
    def __init__(self, client: Client, email: str, password: str):
        self.client = client
        response = client.post("/api/engagement/session", json={"email": email, "password": password})
        if response.status_code != 200:
            raise RuntimeError(f"demo activity: {email} cannot sign in ({response.status_code})")
        self.person_id = response.json["person"]["id"]
        token = next(c.split(";")[0].split("=", 1)[1] for c in response.headers.getlist("Set-Cookie")
                     if c.startswith("tandem_session="))
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str) -> dict:
        response = self.client.get(path, headers=self.headers)
        if response.status_code != 200:
            raise RuntimeError(f"demo activity: GET {path} answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
        return response.json

    def put(self, path: str, body: dict | None = None) -> dict:
        response = self.client.put(path, json=body, headers=self.headers)
        if response.status_code != 200:
            raise RuntimeError(f"demo activity: PUT {path} answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
        return response.json

    def post(self, path: str, body: dict) -> dict:
        response = self.client.post(path, json=body, headers=self.headers)
        if response.status_code not in (200, 201):
            raise RuntimeError(f"demo activity: POST {path} answered {response.status_code}: {response.get_data(as_text=True)[:300]}")
        return response.json


def _wait(fetch, what: str, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if value:
            return value
        if time.monotonic() > deadline:
            raise RuntimeError(f"demo activity: {what} did not happen within {timeout:.0f} s")
        time.sleep(0.1)


def _working_day(year: int, month: int, day: int) -> date:
    from engagement.domain import french_holidays

    found = date(year, month, day)
    while found.weekday() >= 5 or found in french_holidays(year):
        found += timedelta(days=1)
    return found


def _move_clock(client: Client, day: date) -> None:
    response = client.put("/dev/clock", json={"today": day.isoformat()})
    if response.status_code != 200:
        raise RuntimeError(f"demo activity: /dev/clock answered {response.status_code}")


def _manager_link(client: Client, mission_title: str, seen: set[str], manager: str = MANAGER) -> str:
    def mail():
        for item in client.get("/dev/mail.json").json["items"]:
            if item["id"] not in seen and manager in item["to"] and mission_title in (item["text"] or ""):
                link = next((link for link in item["links"] if "/manager/demandes/" in link), None)
                if link:
                    seen.add(item["id"])
                    return link
        return None

    return _wait(mail, f"the manager's e-mail about {mission_title}").rsplit("/", 1)[1]


def _tell(client: Client, index: int, story: Story, year: int, password: str, seen: set[str]) -> None:
    from catalog.demo_content import ASSOCIATIONS

    association = ASSOCIATIONS[story.association]
    employee = _User(client, story.email, password)
    referent = _User(client, association["referent"]["email"], password)
    days = [(_working_day(year, month, day), fmt) for month, day, fmt in story.days]
    missions = employee.get(f"/api/catalog/missions?association={association['id']}&per_page=50")["items"]
    mission = missions[index % len(missions)]
    _move_clock(client, days[0][0] - timedelta(days=14))
    _wait(lambda: client.get(f"/api/engagement/missions/{mission['id']}", headers=employee.headers).status_code == 200,
          "engagement knows the mission")
    participation = employee.post("/api/engagement/applications", {
        "mission_id": mission["id"], "phone": "04 72 10 20 30", "year": year,
        "message": "Bonjour, je serais ravi·e de mettre mes compétences au service de l'association."})["id"]
    employee.post(f"/api/engagement/participations/{participation}/date-requests", {
        "manager_email": MANAGER, "message": "Bonjour Sophie, peux-tu valider ces dates de mécénat de compétences ?",
        "dates": [{"date": day.isoformat(), "format": fmt} for day, fmt in days]})
    secret = _manager_link(client, mission["title"], seen)
    decision = {"decision": "refuse", "reason": "Période de clôture des comptes : repropose une autre date."} \
        if story.outcome == "refused" else {"decision": "accept"}
    decided = client.post(f"/api/approval/actions/{secret}", json=decision)
    if decided.status_code != 200:
        raise RuntimeError(f"demo activity: the manager's decision answered {decided.status_code}")
    if story.outcome == "refused":
        return
    convention = _wait(lambda: (employee.get(f"/api/engagement/participations/{participation}").get("convention") or {}).get("id"),
                       "documents issues the convention")
    version = _wait(lambda: next((v for v in employee.get(f"/api/documents/conventions/{convention}")["versions"] if v["current"]), None),
                    "the convention's version")
    consent = client.get("/api/documents/consent").json
    employee.post(f"/api/documents/conventions/{convention}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    _wait(lambda: employee.get(f"/api/engagement/participations/{participation}")["convention_state"] == "done",
          "engagement learns the convention is signed")
    _move_clock(client, days[-1][0])
    present = [not (story.outcome == "absent_one" and index == 1) for index in range(len(days))]
    referent.post(f"/api/engagement/participations/{participation}/attendance",
                  {"dates": [{"date": day.isoformat(), "present": is_present} for (day, _), is_present in zip(days, present)]})
    if story.outcome == "attested":
        return
    questions = client.get("/api/engagement/bilan-questions").json["items"]
    relevance, welcome, match, again = story.bilan
    chosen = {"relevance": relevance, "welcome": welcome, "expertise_match": match, "would_do_again": again}
    answers = {}
    for question in questions:
        if question["key"] in chosen:
            answers[question["key"]] = chosen[question["key"]]
        elif question.get("required") or (question.get("required_if") and all(
                chosen.get(k) == v for k, v in question["required_if"].items())):
            answers[question["key"]] = BILAN_TEXT
    employee.post(f"/api/engagement/participations/{participation}/bilan", {"answers": answers})


# -- this year: a participation at every stage, for the people a visitor of the demo logs in as ------------------

# The stage each participation stops at, in the order of the four steps.
APPLIED, WAITING, TO_SIGN, SIGNED, TO_ATTEST, BILAN_TO_WRITE = "applied", "waiting", "to_sign", "signed", "to_attest", "bilan"
SOPHIES_MANAGER = "admin@horizon.example"


@dataclass(frozen=True)
class Stage:
    """One participation of the current year: who, which demo association and which of its missions, the day
    (days from today: negative is past), who decides, and where it stops."""

    email: str
    association: int
    mission: int
    offset_days: int | None
    stop: str
    manager: str = MANAGER


# Camille, Lucas and Sophie (two days a year each at most); Les Petits Savants' referent has applications to answer
# and presence to attest. The past days are only told when they fall in the current year.
# One application at a time waits at step 1 (engagement refuses a second): each person's such one comes last.
THIS_YEAR = (
    Stage("camille.martin@horizon.example", 1, 0, -20, BILAN_TO_WRITE),
    Stage("camille.martin@horizon.example", 0, 1, None, APPLIED),
    Stage("lucas.bernard@horizon.example", 0, 3, -10, TO_ATTEST),
    Stage("lucas.bernard@horizon.example", 0, 2, 30, WAITING),
    Stage("sophie.laurent@horizon.example", 3, 0, 21, TO_SIGN, SOPHIES_MANAGER),
    Stage("sophie.laurent@horizon.example", 4, 0, 35, SIGNED, SOPHIES_MANAGER),
)


def _this_year_day(today: date, offset: int) -> date | None:
    """The working day `offset` days from today: a past one only when it is in this civil year (none early in
    January); a future one may fall in the next (its participation is then next year's, as the guide allows)."""
    from engagement.domain import french_holidays

    day = today + timedelta(days=offset)
    step = 1 if offset >= 0 else -1
    while day.weekday() >= 5 or day in french_holidays(day.year):
        day += timedelta(days=step)
    if day == today or (offset < 0 and day.year != today.year):
        return None
    return day


def _tell_this_year(client: Client, stage: Stage, today: date, password: str, seen: set[str]) -> str | None:
    """One participation of the current year, told up to its stage through the services' APIs; its mission's title."""
    from catalog.demo_content import ASSOCIATIONS

    association = ASSOCIATIONS[stage.association]
    employee = _User(client, stage.email, password)
    missions = employee.get(f"/api/catalog/missions?association={association['id']}&per_page=50")["items"]
    mission = missions[stage.mission % len(missions)]
    day = _this_year_day(today, stage.offset_days) if stage.offset_days is not None else None
    if stage.offset_days is not None and day is None:
        return None  # early January: no past working day this year
    if day is not None and day < today:
        _move_clock(client, day - timedelta(days=14))
    _wait(lambda: client.get(f"/api/engagement/missions/{mission['id']}", headers=employee.headers).status_code == 200,
          "engagement knows the mission")
    participation = employee.post("/api/engagement/applications", {
        "mission_id": mission["id"], "phone": "04 72 10 20 30", "year": day.year if day is not None else today.year,
        "message": "Bonjour, je serais ravi·e de mettre mes compétences au service de l'association."})["id"]
    if stage.stop == APPLIED or day is None:
        client.delete("/dev/clock")
        return mission["title"]
    employee.post(f"/api/engagement/participations/{participation}/date-requests", {
        "manager_email": stage.manager, "message": "Bonjour, peux-tu valider cette date de mécénat de compétences ?",
        "dates": [{"date": day.isoformat(), "format": "full_day"}]})
    if stage.stop == WAITING:
        return mission["title"]
    secret = _manager_link(client, mission["title"], seen, stage.manager)
    if client.post(f"/api/approval/actions/{secret}", json={"decision": "accept"}).status_code != 200:
        raise RuntimeError("demo activity: the manager's decision was refused")
    convention = _wait(lambda: (employee.get(f"/api/engagement/participations/{participation}").get("convention") or {}).get("id"),
                       "documents issues the convention")
    if stage.stop == TO_SIGN:
        client.delete("/dev/clock")
        return mission["title"]
    version = _wait(lambda: next((v for v in employee.get(f"/api/documents/conventions/{convention}")["versions"] if v["current"]), None),
                    "the convention's version")
    consent = client.get("/api/documents/consent").json
    employee.post(f"/api/documents/conventions/{convention}/signature", {
        "version": version["number"], "consent": True, "consent_version": consent["version"], "pdf_sha256": version["sha256"]})
    _wait(lambda: employee.get(f"/api/engagement/participations/{participation}")["convention_state"] == "done",
          "engagement learns the convention is signed")
    client.delete("/dev/clock")
    if stage.stop in (SIGNED, TO_ATTEST):
        return mission["title"]
    referent = _User(client, association["referent"]["email"], password)
    referent.post(f"/api/engagement/participations/{participation}/attendance",
                  {"dates": [{"date": day.isoformat(), "present": True}]})
    return mission["title"]


# The year's pay of two of them, and a default daily cost for every entity (the valuation screens' data).
PAY_CSV = ("email;salaire_brut_annuel;taux_charges_patronales\n"
           "camille.martin@horizon.example;52 000;45 %\n"
           "lucas.bernard@horizon.example;61 500;44 %\n")
DEFAULT_DAILY_COST = 380


def _pay_data(client: Client, year: int, password: str) -> None:
    """The operator gives Nathalie (the company's admin) the « données de rémunération » permission; she imports the
    year's pay of two people and sets each entity's default daily cost."""
    import io

    from engagement.demo import ADMIN_EMAIL, DEMO_COMPANY_ID

    operator = _User(client, "operateur@tandem.example", password)
    admin = _User(client, ADMIN_EMAIL, password)
    _wait(lambda: client.get(f"/api/impact/companies/{DEMO_COMPANY_ID}/pay-access", headers=admin.headers).status_code == 200
          and admin.get(f"/api/impact/companies/{DEMO_COMPANY_ID}/report?year={year}")["entities"], "impact knows the company")
    _wait(lambda: client.put(f"/api/impact/companies/{DEMO_COMPANY_ID}/pay-permissions/{admin.person_id}",
                             headers=operator.headers).status_code == 200, "impact knows the admin")
    imported = client.post(f"/api/impact/companies/{DEMO_COMPANY_ID}/pay/import?year={year}", headers=admin.headers,
                           data={"file": (io.BytesIO(PAY_CSV.encode("utf-8")), "remunerations.csv")},
                           content_type="multipart/form-data")
    if imported.status_code != 200:
        raise RuntimeError(f"demo activity: the pay import answered {imported.status_code}: {imported.get_data(as_text=True)[:300]}")
    for entity in admin.get(f"/api/impact/companies/{DEMO_COMPANY_ID}/report?year={year}")["entities"]:
        admin.put(f"/api/impact/companies/{DEMO_COMPANY_ID}/daily-costs/{entity['id']}",
                  {"year": year, "daily_cost": DEFAULT_DAILY_COST})


def load_demo_activity(gateway, data_dir: Path, today: date) -> bool:
    """Tell the stories of the previous civil year once per data directory; True when it told them."""
    from engagement.demo import DEMO_PASSWORD

    year = today.year - 1
    marker = Path(data_dir) / f"demo-activity-{year}.done"
    if marker.exists():
        return False
    print(f"Première fois : l'année {year} de l'entreprise de démonstration se raconte (quelques secondes)…", flush=True)
    client = Client(gateway)
    seen: set[str] = set()
    try:
        for index, story in enumerate(STORIES):
            _tell(client, index, story, year, DEMO_PASSWORD, seen)
        _pay_data(client, year, DEMO_PASSWORD)
        client.delete("/dev/clock")
        for stage in THIS_YEAR:
            _tell_this_year(client, stage, today, DEMO_PASSWORD, seen)
    finally:
        client.delete("/dev/clock")
    marker.write_text("done\n", encoding="utf-8")
    log.info("demo activity of %d told: %d participations", year, len(STORIES))
    return True
