"""Benchmark P3, "Je trouve": typical mission searches against 100,000 missions on PostgreSQL, 20 clients at once.

One run, on the real PostgreSQL and RabbitMQ (a throwaway database `tandem_bench_*` and vhost `tandem-bench-*`,
both removed afterwards):

  a. data        100,000 generated missions (COPY; titles, descriptions, cities, themes and expertises built from
                 catalog.taxonomy and a French activity vocabulary), 2,000 associations, 15 % of the missions
                 reserved to one or two of 30 companies, 8 % drafts or closed; the migration's trigger builds
                 each mission's tsvector as the rows arrive; then VACUUM ANALYZE;
  b. searches    300 typical searches, seeded: one or two keywords (whole words and prefixes people type)
                 plus two filters (theme + region, region + personal expertise, theme + professional
                 expertise, theme + personal expertise), with the facet counts, first page of 20, for an
                 employee of one of the companies;
  c. the service catalog's web process exactly as deployed: `gunicorn -c services/catalog/gunicorn.conf.py`
                 (gthread, WEB_CONCURRENCY=2, 8 threads), tokens verified with a key made for the run;
                 reached directly and through the production nginx gateway (deploy/gateway/nginx.conf,
                 `/api/catalog/missions`), loopback only;
  d. the floor   the same searches as raw SQL: the exact statements `search_missions` sends (captured from
                 SQLAlchemy for each search), replayed with psycopg, each search in one transaction, one
                 connection per client;
  e. the load    20 client threads (requests, keep-alive), each taking the next search of the list, a bounded
                 number of requests per phase; phases interleaved (gateway, direct, raw SQL; twice), so the
                 load other processes put on the shared machine weighs on every side alike; then one client
                 alone, to separate the service time from the queueing;
  f. the Tantivy floor (issue 18)  the same missions indexed in memory by Tantivy (bench/p3_tantivy.py), the
                 same searches with the same facets, as a phase of its own interleaved with the others, at 20
                 threads and one;
  f'. « Ces missions sont pour toi »  GET /missions/for-me for ten people of ten companies with preferences, one
                 client, through the same HTTP path;
  f''. L'actu solidaire  the demo's causes, then GET /spotlights for three months (the home page's call: each
                 cause with the count of its linked missions) for ten companies, and the search of one cause's
                 missions (GET /missions?spotlight=), whose total must be the count announced; one client;
  f'''. « Je propose »'s directory  GET /associations as a visitor over the 2,000 associations: the first page, a
                 keyword, a keyword and a theme; each total checked the same at every request; one client;
  g. a profile   with --profile, pyinstrument over a typical search and « Toutes les missions » in the app
                 (Flask test client, same database), written to bench/results/p3_profile_*.txt;
  h. a report    markdown on stdout, JSON in bench/results/p3.json.

Goals (issue 4): p95 under 50 ms, and at most 3x the raw SQL. Issue 18: the gateway's p95 at 20 clients at
most 3x Tantivy's p95 at 20 threads; « Toutes les missions » at most 2x a search that matches ~100 missions.

Usage: uv run python bench/p3_search.py [--missions 100000] [--requests 1000] [--clients 20]
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import requests
import sqlalchemy as sa
from sqlalchemy import event

from catalog import taxonomy
from catalog.bootstrap import build_runtime
from catalog.config import Settings
from catalog.domain import Viewer
from catalog.search import FACETS, Filters, search_missions
from catalog.text import directory_text, fold
from tandem_shared.harness import TokenFactory

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results" / "p3.json"
ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
BROKER_BASE = "amqp://guest:guest@127.0.0.1:5672"
GOAL_P95_MS = 50.0
GOAL_RATIO = 3.0
GOAL_TANTIVY_RATIO = 3.0
GOAL_LANDING_RATIO = 2.0
PER_PAGE = 20
COMPANIES = [f"company-{i:02d}" for i in range(1, 31)]


class BenchTimeout(RuntimeError):
    """A wait exceeded its bound: the run stops (and cleans up) instead of hanging."""


class Deadline:
    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def remaining(self, cap: float | None = None) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            raise BenchTimeout("the run's overall deadline has passed")
        return left if cap is None else min(left, cap)


# -- throwaway infrastructure ------------------------------------------------------------------------


@contextlib.contextmanager
def bench_database() -> Iterator[str]:
    name = f"tandem_bench_p3_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def bench_vhost() -> Iterator[str]:
    vhost = f"tandem-bench-{uuid.uuid4().hex[:12]}"
    subprocess.run(["rabbitmqctl", "-q", "add_vhost", vhost], check=True, capture_output=True, timeout=60)
    try:
        subprocess.run(["rabbitmqctl", "-q", "set_permissions", "-p", vhost, "guest", ".*", ".*", ".*"],
                       check=True, capture_output=True, timeout=60)
        yield f"{BROKER_BASE}/{vhost}"
    finally:
        for _ in range(5):
            if subprocess.run(["rabbitmqctl", "-q", "delete_vhost", vhost], check=False, capture_output=True, timeout=60).returncode == 0:
                break
            time.sleep(2)
        else:
            print(f"could not delete vhost {vhost}", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def process(command: list[str], env: dict[str, str], log_path: Path, name: str) -> Iterator[subprocess.Popen]:
    """A child process in its own process group, stopped (TERM, then KILL) whatever happens."""
    with open(log_path, "wb") as log:
        child = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, start_new_session=True)
        try:
            yield child
        finally:
            if child.poll() is None:
                os.killpg(child.pid, signal.SIGTERM)
                try:
                    child.wait(timeout=25)
                except subprocess.TimeoutExpired:
                    os.killpg(child.pid, signal.SIGKILL)
                    child.wait(timeout=10)


def wait_http(url: str, deadline: Deadline, child: subprocess.Popen, log_path: Path, cap: float = 90.0) -> None:
    end = time.monotonic() + deadline.remaining(cap)
    while time.monotonic() < end:
        if child.poll() is not None:
            raise RuntimeError(f"{child.args[0]} exited with {child.returncode}:\n{log_path.read_text(errors='replace')[-3000:]}")
        with contextlib.suppress(requests.RequestException):
            if requests.get(url, timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise BenchTimeout(f"{url} did not answer within {cap} s")


# -- a. the data ---------------------------------------------------------------------------------------

ACTIVITIES = [
    "Atelier cuisine", "Soutien scolaire", "Aide aux devoirs", "Jardinage au potager partagé", "Entretien du jardin solidaire",
    "Initiation informatique", "Accompagnement numérique", "Tri et distribution alimentaire", "Collecte de denrées",
    "Distribution de repas chauds", "Mentorat de jeunes diplômés", "Relecture de CV", "Simulation d'entretiens d'embauche",
    "Visites de convivialité", "Sortie culturelle au musée", "Atelier théâtre", "Chorale intergénérationnelle",
    "Animation sportive", "Tournoi de football", "Randonnée accompagnée", "Réparation de vélos", "Atelier bricolage",
    "Nettoyage des berges", "Plantation d'arbres", "Inventaire de la biodiversité", "Refonte du site web",
    "Création d'une base de données", "Audit des processus", "Plan de communication", "Campagne sur les réseaux sociaux",
    "Conseil juridique", "Permanence d'accès aux droits", "Traduction de documents", "Cours de français langue étrangère",
    "Lecture à voix haute", "Atelier d'écriture", "Accueil des bénévoles", "Organisation d'un forum",
    "Gestion de la comptabilité", "Recherche de mécènes", "Atelier santé et nutrition", "Accompagnement à la parentalité",
    "Atelier couture", "Ludothèque solidaire", "Cartographie des besoins", "Formation aux premiers secours",
]
AUDIENCES = [
    "pour des seniors isolés", "avec des enfants du quartier", "auprès de familles monoparentales", "pour des jeunes en insertion",
    "avec des personnes en situation de handicap", "auprès de réfugiés", "pour des collégiens", "avec des lycéens",
    "auprès de personnes sans domicile", "pour des demandeurs d'emploi", "avec des étudiants", "auprès de résidents d'EHPAD",
    "pour des bénévoles", "avec des habitants", "", "", "",
]
PLACES = ["à {city}", "au centre social de {city}", "dans un quartier de {city}", "en ligne", "près de {city}", "", ""]
SENTENCES = [
    "Tu rejoindras une équipe de bénévoles engagés {when}.",
    "La mission se déroule {when}, dans nos locaux de {city}.",
    "Nous cherchons une personne à l'écoute, patiente et curieuse.",
    "Aucune compétence particulière n'est requise : nous te formerons.",
    "Ton expérience en {expertise} sera précieuse pour structurer le projet.",
    "Tu aideras à préparer le matériel et à accueillir le public.",
    "L'objectif : rompre l'isolement et créer du lien {audience}.",
    "Tu participeras à la préparation puis à l'animation de la séance.",
    "Un référent t'accompagnera tout au long de la mission.",
    "Les participants repartent avec des conseils concrets et un contact utile.",
    "Nos actions portent sur {theme} et touchent plus de {n} personnes chaque année.",
    "Tu pourras proposer tes propres idées d'animation.",
]
WHEN = ["un samedi matin", "en semaine", "le mercredi après-midi", "deux soirs par mois", "pendant une journée", "une demi-journée"]
NAME_HEADS = ["Les Amis de", "Association", "Collectif", "Réseau", "Maison de", "Fondation", "Entraide", "Les Jardins de", "Solidarité", "Cercle"]
NAME_TAILS = ["l'Espoir", "la Solidarité", "Demain", "Quartiers Vivants", "Lien Social", "Horizons", "la Main Tendue", "l'Avenir",
              "Savoirs Partagés", "la Fraternité", "Terre Commune", "Nouvel Élan", "Pas à Pas", "Bouts de Ficelle", "Voisins Solidaires"]

# What people type in the search box: whole words, prefixes, sometimes two words, accents or not.
KEYWORDS = [
    "cuisine", "jardin", "jardi", "numérique", "numeri", "informatique", "cv", "entretien", "seniors", "enfants", "théâtre",
    "theatre", "vélo", "velo", "devoirs", "soutien scolaire", "collecte", "communication", "sport", "lecture", "mentorat",
    "insertion", "handicap", "alimentaire", "distribution", "accompagnement", "accomp", "biodiversité", "juridique",
    "comptabilité", "site web", "réfugiés", "couture", "premiers secours", "parentalité", "randonnée", "bricolage",
    "français", "écriture", "musée", "forum", "isolement", "famille", "atelier", "education", "santé", "sante",
]
FILTER_PAIRS = [("theme", "region")] * 4 + [("region", "personal_expertise")] * 2 + [("theme", "professional_expertise")] * 2 + [("theme", "personal_expertise")] * 2


def generate(connection: psycopg.Connection, missions: int, rng: random.Random) -> dict[str, Any]:
    """COPY the associations, missions and reservations; the trigger indexes each mission as it lands."""
    departments = list(taxonomy.DEPARTMENTS)
    now = dt.datetime.now(dt.timezone.utc)
    associations = []
    seen_names = set()
    for i in range(2000):
        name = f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TAILS)}"
        name = name if name not in seen_names else f"{name} {departments[i % len(departments)][1]}"
        seen_names.add(name)
        code, dep_name, region = rng.choice(departments)
        associations.append({"id": str(uuid.UUID(int=rng.getrandbits(128))), "name": name, "department": code, "city": dep_name,
                             "region": region, "themes": rng.sample(taxonomy.THEMES, rng.randint(1, 3))})
    with connection.cursor() as cursor:
        with cursor.copy("COPY associations (id, name, address, city, department, region, contact_email, themes, description,"
                         " representative_name, representative_title, general_interest_category, vetting_status, created_at,"
                         " updated_at, folded_name, directory_text) FROM STDIN") as copy:
            for a in associations:
                description = "Une association de terrain."
                copy.write_row((a["id"], a["name"], "1 place de la Mairie", a["city"], a["department"], a["region"],
                                "contact@asso.example", json.dumps(a["themes"]), description, "Claire Martin",
                                "Présidente", "social", "approved", now, now,
                                # What the ORM writes (models._directory_columns); COPY goes around it.
                                fold(a["name"]), directory_text(a["name"], description, a["city"], a["themes"])))
        with cursor.copy("COPY missions (id, association_id, title, description, themes, professional_expertises, personal_expertises,"
                         " format, duration, address, city, department, region, remote_possible, places, all_jobs,"
                         " open_to_all_companies, contact_name, contact_email, status, created_by, created_at, updated_at,"
                         " published_at, closed_at) FROM STDIN") as copy:
            companies_rows = []
            for i in range(missions):
                a = rng.choice(associations)
                code, dep_name, region = (a["department"], a["city"], a["region"]) if rng.random() < 0.7 else rng.choice(departments)
                themes = sorted(set(rng.sample(a["themes"], rng.randint(1, len(a["themes"])))
                                    + (rng.sample(taxonomy.THEMES, 1) if rng.random() < 0.2 else [])))
                professional = rng.sample(taxonomy.PROFESSIONAL_EXPERTISES, rng.choice((0, 0, 1, 1, 2)))
                personal = rng.sample(taxonomy.PERSONAL_EXPERTISES, rng.choice((0, 1, 1, 2, 3)))
                title = " ".join(part for part in (rng.choice(ACTIVITIES), rng.choice(AUDIENCES), rng.choice(PLACES).format(city=dep_name)) if part)
                sentences = rng.sample(SENTENCES, rng.randint(2, 5))
                description = " ".join(s.format(when=rng.choice(WHEN), city=dep_name, audience=rng.choice(AUDIENCES) or "entre voisins",
                                                expertise=(professional or personal or ["gestion de projet"])[0].lower(),
                                                theme=themes[0], n=rng.randint(20, 2000)) for s in sentences)
                roll = rng.random()
                status = "published" if roll < 0.92 else ("draft" if roll < 0.96 else "closed")
                published = now - dt.timedelta(seconds=rng.randint(0, 730 * 86400)) if status != "draft" else None
                created = (published or now) - dt.timedelta(days=rng.randint(0, 30))
                open_to_all = rng.random() >= 0.15
                mission_id = str(uuid.UUID(int=rng.getrandbits(128)))
                if not open_to_all:
                    for company in rng.sample(COMPANIES, rng.randint(1, 2)):
                        companies_rows.append((mission_id, company))
                copy.write_row((mission_id, a["id"], title[:200], description, json.dumps(themes), json.dumps(professional),
                                json.dumps(personal), rng.choice(list(taxonomy.MISSION_FORMATS)), "2 demi-journées", "", dep_name,
                                code, region, rng.random() < 0.3, rng.randint(1, 8), rng.random() < 0.4, open_to_all,
                                "Claire Martin", "contact@asso.example", status, "bench", created, created, published,
                                now if status == "closed" else None))
        with cursor.copy("COPY mission_companies (mission_id, company_id) FROM STDIN") as copy:
            for row in companies_rows:
                copy.write_row(row)
        reserved_rows = len(companies_rows)
    connection.commit()
    return {"associations": len(associations), "missions": missions, "mission_companies": reserved_rows}


def make_searches(count: int, rng: random.Random) -> list[dict[str, Any]]:
    searches = []
    for _ in range(count):
        filters: dict[str, tuple[str, ...]] = {facet: () for facet in FACETS}
        for facet in rng.choice(FILTER_PAIRS):
            pool = {"theme": taxonomy.THEMES, "region": taxonomy.REGIONS[:13], "personal_expertise": taxonomy.PERSONAL_EXPERTISES,
                    "professional_expertise": taxonomy.PROFESSIONAL_EXPERTISES}[facet]
            filters[facet] = tuple(rng.sample(pool, 1 if rng.random() < 0.8 else 2))
        searches.append({"q": rng.choice(KEYWORDS), **filters, "company": rng.choice(COMPANIES)})
    return searches


def query_string(search: dict[str, Any]) -> str:
    from urllib.parse import urlencode

    pairs = ([("q", search["q"])] if search["q"] else []) + [(facet, value) for facet in FACETS for value in search[facet]] + [("per_page", PER_PAGE)]
    return urlencode(pairs)


# -- d. the statements search_missions sends --------------------------------------------------------


def capture_statements(runtime, searches: list[dict[str, Any]]) -> tuple[list[list[tuple[str, Any]]], list[int], list[int]]:
    """For each search, the (SQL, parameters) search_missions sent through psycopg, in order; its total; and
    how many visible missions its keywords alone match."""
    captured: list[tuple[str, Any]] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    engine = runtime.db.engine
    event.listen(engine, "before_cursor_execute", record)
    statements, totals, matches = [], [], []
    try:
        for search in searches:
            captured.clear()
            viewer = Viewer(person_id="bench", company_id=search["company"], roles=frozenset({"employee"}), association_ids=frozenset())
            with runtime.db.reading() as session:
                _, total, _ = search_missions(session, viewer, Filters(q=search["q"], **{f: search[f] for f in FACETS}), 1, PER_PAGE)
            statements.append(list(captured))
            totals.append(total)
            # How many visible missions the keywords alone match: the rows a search reads to count its facets.
            with runtime.db.reading() as session:
                matches.append(search_missions(session, viewer, Filters(q=search["q"]), 1, 1)[1])
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return statements, totals, matches


# -- e. the load ---------------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    data = sorted(values)
    k = (len(data) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def summary(seconds: list[float], wall: float) -> dict[str, float | None]:
    ms = [s * 1000.0 for s in seconds]
    if not ms:
        return {"n": 0, "p50_ms": None, "p95_ms": None, "p99_ms": None, "max_ms": None, "throughput_per_s": None}
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "p99_ms": round(percentile(ms, 99), 2),
        "max_ms": round(max(ms), 2),
        "throughput_per_s": round(len(ms) / wall, 1) if wall else None,
    }


def run_clients(clients: int, requests_total: int, cap_seconds: float, make_worker) -> tuple[list[tuple[int, float]], float, list[str]]:
    """`clients` threads share a counter of `requests_total` requests; each request's (index, duration) is kept.
    `make_worker()` returns (do(index) -> None, close()). Stops at the cap whatever is left."""
    counter = iter(range(requests_total))
    lock = threading.Lock()
    durations: list[tuple[int, float]] = []
    errors: list[str] = []
    stop_at = time.monotonic() + cap_seconds

    def loop():
        do, close = make_worker()
        try:
            while time.monotonic() < stop_at:
                with lock:
                    index = next(counter, None)
                if index is None:
                    return
                start = time.perf_counter()
                try:
                    do(index)
                except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
                    with lock:
                        errors.append(repr(exc)[:200])
                    continue
                elapsed = time.perf_counter() - start
                with lock:
                    durations.append((index, elapsed))
        finally:
            close()

    threads = [threading.Thread(target=loop, daemon=True) for _ in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(1.0, stop_at - time.monotonic() + 15))
    return durations, time.perf_counter() - began, errors


def sql_worker(dsn: str, statements: list[list[tuple[str, Any]]]):
    def make():
        connection = psycopg.connect(dsn)

        def do(index: int) -> None:
            # One transaction per search, as the service's reading session has (BEGIN ... ROLLBACK).
            with connection.cursor() as cursor:
                for sql, params in statements[index % len(statements)]:
                    cursor.execute(sql, params)
                    cursor.fetchall()
            connection.rollback()

        return do, connection.close
    return make


# -- the run -------------------------------------------------------------------------------------------


def machine_description(dsn: str) -> dict[str, Any]:
    cpu_model = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    mem_total_gib = None
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_total_gib = round(int(line.split()[1]) / 1024 / 1024, 1)
    with psycopg.connect(dsn, autocommit=True) as connection:
        pg = {name: connection.execute(f"SHOW {name}").fetchone()[0] for name in ("server_version", "shared_buffers", "work_mem", "jit")}
    from importlib.metadata import version

    return {
        "date_utc": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "cpu_model": cpu_model,
        "memory_gib": mem_total_gib,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "postgresql": pg,
        "nginx": subprocess.run([nginx_binary() or "nginx", "-v"], capture_output=True, text=True).stderr.strip() if nginx_binary() else None,
        "libraries": {name: version(name) for name in ("flask", "gunicorn", "sqlalchemy", "psycopg", "requests")},
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def profile(settings, runtime, tokens, searches: list[dict[str, Any]], deadline: Deadline) -> None:
    """Where a request's time goes in the app: pyinstrument over the Flask test client (same code, same database,
    no gunicorn or nginx), 100 typical searches then 10 « Toutes les missions », one text report each."""
    from pyinstrument import Profiler

    from catalog.app import create_app

    app = create_app(settings, runtime)
    client = app.test_client()
    cases = {"typical": searches[:100],
             "landing": [{"q": None, **{facet: () for facet in FACETS}, "company": company} for company in COMPANIES[:10]]}
    for name, batch in cases.items():
        headers = {c: {"Authorization": f"Bearer {tokens.mint('bench-' + c, roles=['employee'], ttl=3600, company_id=c)}"}
                   for c in {s["company"] for s in batch}}
        for search in batch[:5]:  # warm-up
            client.get(f"/missions?{query_string(search)}", headers=headers[search["company"]])
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for search in batch:
            response = client.get(f"/missions?{query_string(search)}", headers=headers[search["company"]])
            assert response.status_code == 200, response.text[:200]
        profiler.stop()
        deadline.remaining()
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        (RESULTS.parent / f"p3_profile_{name}.txt").write_text(
            profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
        print(f"profile of {len(batch)} {name} requests: bench/results/p3_profile_{name}.txt", file=sys.stderr)


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missions", type=int, default=100_000)
    parser.add_argument("--searches", type=int, default=300)
    parser.add_argument("--requests", type=int, default=1000, help="requests per 20-client phase")
    parser.add_argument("--single-requests", type=int, default=300, help="requests per one-client phase")
    parser.add_argument("--landing-requests", type=int, default=30, help="requests for \"Toutes les missions\", one client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--phase-seconds", type=float, default=60.0, help="cap on each phase")
    parser.add_argument("--deadline", type=float, default=1200.0, help="cap on the whole run, seconds")
    parser.add_argument("--seed", type=int, default=20261127)
    parser.add_argument("--profile", action="store_true", help="pyinstrument profiles of the app (bench/results/p3_profile_*.txt)")
    args = parser.parse_args()
    # SIGTERM ends the run like Ctrl-C: through the clean-up below (processes, database, vhost).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    deadline = Deadline(args.deadline)
    rng = random.Random(args.seed)
    report: dict[str, Any] = {"parameters": vars(args)}

    with contextlib.ExitStack() as stack:
        database_url = stack.enter_context(bench_database())
        dsn = database_url.replace("postgresql+psycopg://", "postgresql://", 1)
        broker_url = stack.enter_context(bench_vhost())
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="tandem-bench-p3-")))
        report["machine"] = machine_description(dsn)
        tokens = TokenFactory()
        env = {
            **os.environ,
            "CATALOG_DATABASE_URL": database_url,
            "TANDEM_BROKER_URL": broker_url,
            "TANDEM_JWT_PUBLIC_KEYS": tokens.public_pem,
            "TANDEM_TRACE_EXPORTER": "none",
            "WEB_CONCURRENCY": "2",
            "HOST": "127.0.0.1",
        }
        settings = Settings.from_env(env)
        runtime = build_runtime(settings)
        stack.callback(runtime.db.dispose)
        runtime.migrate()

        print(f"generating {args.missions} missions…", file=sys.stderr)
        began = time.perf_counter()
        with psycopg.connect(dsn) as connection:
            report["data"] = generate(connection, args.missions, rng)
        report["data"]["load_seconds"] = round(time.perf_counter() - began, 1)
        with psycopg.connect(dsn, autocommit=True) as connection:
            connection.execute("VACUUM ANALYZE")
            report["data"]["missions_table_mb"] = round(connection.execute("SELECT pg_total_relation_size('missions')").fetchone()[0] / 2**20, 1)
            report["data"]["gin_index_mb"] = round(connection.execute("SELECT pg_relation_size('ix_missions_search')").fetchone()[0] / 2**20, 1)
        deadline.remaining()

        searches = make_searches(args.searches, rng)
        statements, totals, matches = capture_statements(runtime, searches)
        report["searches"] = {
            "count": len(searches),
            "examples": [f"/api/catalog/missions?{query_string(s)}" for s in searches[:5]],
            "statements_per_search": sorted({len(s) for s in statements}),
            "total_p50": percentile([float(t) for t in totals], 50),
            "total_max": max(totals),
            "with_no_result": sum(1 for t in totals if t == 0),
            "keyword_matches_p50": percentile([float(m) for m in matches], 50),
            "keyword_matches_max": max(matches),
        }

        from p3_tantivy import TantivyCatalog

        print("indexing the missions in Tantivy…", file=sys.stderr)
        began = time.perf_counter()
        floor = TantivyCatalog(dsn)
        floor_searcher = floor.index.searcher()
        floor_totals = [floor.search(floor_searcher, search, PER_PAGE)[1] for search in searches]
        report["tantivy"] = {
            "documents": floor.documents, "index_seconds": round(time.perf_counter() - began, 1),
            "searches_with_the_same_total": sum(1 for a, b in zip(floor_totals, totals) if a == b),
            "total_p50": percentile([float(t) for t in floor_totals], 50),
        }
        if args.profile:
            profile(settings, runtime, tokens, searches, deadline)

        port = free_port()
        gunicorn_log = workdir / "gunicorn.log"
        gunicorn = stack.enter_context(process(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "services/catalog/gunicorn.conf.py"],
            {**env, "PORT": str(port)}, gunicorn_log, "gunicorn"))
        wait_http(f"http://127.0.0.1:{port}/healthz", deadline, gunicorn, gunicorn_log)
        targets = {"direct": f"http://127.0.0.1:{port}/missions"}

        nginx = nginx_binary()
        if nginx:
            sys.path.insert(0, str(REPO / "deploy" / "local"))
            import topology

            gateway_port = free_port()
            nginx_dir = workdir / "nginx"
            ports = {service: free_port() for service in topology.SERVICES}
            topology.write_nginx_runtime(REPO, nginx_dir, {**ports, "catalog": port, "gateway": gateway_port})
            nginx_log = workdir / "nginx.log"
            child = stack.enter_context(process([nginx, "-p", str(nginx_dir), "-c", str(nginx_dir / "nginx.conf"), "-g", "daemon off;"],
                                                dict(os.environ), nginx_log, "nginx"))
            wait_http(f"http://127.0.0.1:{gateway_port}/api/catalog/healthz", deadline, child, nginx_log)
            targets = {"gateway": f"http://127.0.0.1:{gateway_port}/api/catalog/missions", **targets}

        headers_for = {c: {"Authorization": f"Bearer {tokens.mint('bench-' + c, roles=['employee'], ttl=3600, company_id=c)}"} for c in COMPANIES}
        def http_make(url: str, searches: list[dict[str, Any]], totals: list[int]):
            # Each search carries the token of its own company.
            headers = [headers_for[search["company"]] for search in searches]
            urls = [f"{url}?{query_string(search)}" for search in searches]

            def make():
                session = requests.Session()

                def do(index: int) -> None:
                    i = index % len(searches)
                    response = session.get(urls[i], headers=headers[i], timeout=15)
                    if response.status_code != 200:
                        raise RuntimeError(f"HTTP {response.status_code}: {response.text[:150]}")
                    if response.json()["total"] != totals[i]:
                        raise RuntimeError(f"total {response.json()['total']} != {totals[i]}")

                return do, session.close
            return make

        # Warm-up: every search once through each path (plans, caches, connection pools).
        for name, url in targets.items():
            _, _, errors = run_clients(args.clients, len(searches), deadline.remaining(args.phase_seconds), http_make(url, searches, totals))
            if errors:
                raise RuntimeError(f"warm-up through {name} failed: {errors[:3]}")
        run_clients(args.clients, len(searches), deadline.remaining(args.phase_seconds), sql_worker(dsn, statements))
        run_clients(args.clients, len(searches), deadline.remaining(args.phase_seconds), floor.worker(searches, PER_PAGE))

        phases: dict[str, dict[str, list]] = {}

        def measure(label: str, clients: int, count: int, make) -> None:
            durations, wall, errors = run_clients(clients, count, deadline.remaining(args.phase_seconds), make)
            entry = phases.setdefault(label, {"durations": [], "wall": [], "errors": []})
            entry["durations"] += durations
            entry["wall"].append(wall)
            entry["errors"] += errors
            seconds = [d for _, d in durations]
            print(f"  {label}: {len(durations)} in {wall:.1f} s, p50 {percentile(seconds, 50)*1000:.1f} ms,"
                  f" p95 {percentile(seconds, 95)*1000:.1f} ms, errors {len(errors)}", file=sys.stderr)

        report["loadavg_before_load"] = [round(x, 2) for x in os.getloadavg()]
        for round_number in range(args.rounds):
            print(f"round {round_number + 1}/{args.rounds} with {args.clients} clients", file=sys.stderr)
            for name, url in targets.items():
                measure(f"http_{name}_{args.clients}", args.clients, args.requests, http_make(url, searches, totals))
            measure(f"sql_{args.clients}", args.clients, args.requests, sql_worker(dsn, statements))
            measure(f"tantivy_{args.clients}", args.clients, args.requests, floor.worker(searches, PER_PAGE))
        print("one client", file=sys.stderr)
        for name, url in targets.items():
            measure(f"http_{name}_1", 1, args.single_requests, http_make(url, searches, totals))
        measure("sql_1", 1, args.single_requests, sql_worker(dsn, statements))
        measure("tantivy_1", 1, args.single_requests, floor.worker(searches, PER_PAGE))
        # "Toutes les missions": no keyword, no filter, the facets over every visible mission.
        landing = [{"q": None, **{facet: () for facet in FACETS}, "company": company} for company in COMPANIES[:10]]
        # Captured with no counts kept in this process (--profile kept some): the raw SQL replays the counting.
        import catalog.search as catalog_search

        catalog_search.KEPT_COUNTS = catalog_search._KeptCounts()
        landing_statements, landing_totals, _ = capture_statements(runtime, landing)
        # Against it, the searches of the list that match about 100 missions (the ten closest), one client too.
        near = sorted(range(len(searches)), key=lambda i: (abs(totals[i] - 100), i))[:10]
        hundred = [searches[i] for i in near]
        hundred_totals = [totals[i] for i in near]
        landing_phases, hundred_phases = {}, {}
        main_url = targets.get("gateway", targets["direct"])
        for phases_of, label, make in (
                (landing_phases, "http", http_make(main_url, landing, landing_totals)),
                (hundred_phases, "http", http_make(main_url, hundred, hundred_totals)),
                (landing_phases, "sql", sql_worker(dsn, landing_statements)),
                (landing_phases, "tantivy", floor.worker(landing, PER_PAGE)),
                (hundred_phases, "tantivy", floor.worker(hundred, PER_PAGE))):
            run_clients(1, len(landing), deadline.remaining(args.phase_seconds), make)  # warm-up
            durations, wall, errors = run_clients(1, args.landing_requests, deadline.remaining(args.phase_seconds), make)
            phases_of[label] = {**summary([d for _, d in durations], wall), "errors": len(errors), "first_errors": errors[:3]}
        report["landing"] = {"total_p50": percentile([float(t) for t in landing_totals], 50), "path": main_url, **landing_phases}
        report["hundred"] = {"totals": hundred_totals, **hundred_phases}

        # « Ces missions sont pour toi » (the home page of everyone logged in), one client, same HTTP path: people of
        # several companies who ticked two themes, a professional and a personal expertise.
        people = [f"bench-for-me-{n}" for n in range(10)]
        with psycopg.connect(dsn, autocommit=True) as connection:
            for n, person in enumerate(people):
                connection.execute(
                    "INSERT INTO preferences (person_id, company_id, themes, professional_expertises, personal_expertises, as_of)"
                    " VALUES (%s, %s, %s, %s, %s, now())",
                    (person, COMPANIES[n], json.dumps(rng.sample(taxonomy.THEMES, 2)),
                     json.dumps(rng.sample(taxonomy.PROFESSIONAL_EXPERTISES, 1)), json.dumps(rng.sample(taxonomy.PERSONAL_EXPERTISES, 1))))
        for_me_headers = [{"Authorization": f"Bearer {tokens.mint(person, roles=['employee'], ttl=3600, company_id=COMPANIES[n])}"}
                          for n, person in enumerate(people)]

        def for_me_make():
            session = requests.Session()

            def do(index: int) -> None:
                response = session.get(f"{main_url}/for-me?per_page=6", headers=for_me_headers[index % len(people)], timeout=60)
                if response.status_code != 200 or len(response.json()["items"]) != 6:
                    raise RuntimeError(f"HTTP {response.status_code}: {response.text[:150]}")

            return do, session.close

        run_clients(1, len(people), deadline.remaining(args.phase_seconds), for_me_make)  # warm-up
        durations, wall, errors = run_clients(1, args.landing_requests, deadline.remaining(args.phase_seconds), for_me_make)
        report["for_me"] = {"path": f"{main_url}/for-me", **summary([d for _, d in durations], wall), "errors": len(errors),
                            "first_errors": errors[:3]}
        report["spotlights"] = measure_spotlights(dsn, main_url, tokens, deadline.remaining(args.phase_seconds), args.landing_requests)
        report["directory"] = measure_directory(main_url, deadline.remaining(args.phase_seconds), args.landing_requests)
        report["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]

        report["phases"] = {label: {**summary([d for _, d in p["durations"]], sum(p["wall"])), "errors": len(p["errors"]),
                                    "first_errors": p["errors"][:3]} for label, p in phases.items()}
        # One client alone, by how many missions the keywords match (the rows the facet counts read).
        buckets = (("< 5,000", 0, 5000), ("5,000 – 15,000", 5000, 15000), (">= 15,000", 15000, 10**9))
        report["by_keyword_matches"] = {
            label: {name: summary([d for i, d in phases[name]["durations"] if lo <= matches[i % len(searches)] < hi], 0)
                    for name in phases if name.endswith("_1")}
            for label, lo, hi in buckets
        }
        ratios = {}
        for clients in (args.clients, 1):
            raw = report["phases"][f"sql_{clients}"]
            for name in targets:
                http = report["phases"][f"http_{name}_{clients}"]
                ratios[f"{name}_{clients}"] = {"p50": round(http["p50_ms"] / raw["p50_ms"], 2), "p95": round(http["p95_ms"] / raw["p95_ms"], 2)}
        report["ratios"] = ratios
        main_path = "gateway" if "gateway" in targets else "direct"
        report["goals_issue_18"] = {
            "typical_p95_over_tantivy_p95": round(report["phases"][f"http_{main_path}_{args.clients}"]["p95_ms"]
                                                  / report["phases"][f"tantivy_{args.clients}"]["p95_ms"], 2),
            "landing_p50_over_hundred_p50": round(report["landing"]["http"]["p50_ms"] / report["hundred"]["http"]["p50_ms"], 2),
        }
        with contextlib.suppress(OSError):
            report["gunicorn_log_tail"] = gunicorn_log.read_text(errors="replace")[-1500:] if any(p["errors"] for p in phases.values()) else ""

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    print_report(report, args.clients)
    return 0


def measure_directory(missions_url: str, cap_seconds: float, requests_count: int) -> dict[str, Any]:
    """« Je propose »'s directory of the bench's 2,000 associations, as a visitor (one client): the first page, a keyword
    search and a keyword with a theme. Each answer's total is checked to be the same at every request."""
    directory_url = missions_url.rsplit("/missions", 1)[0] + "/associations"
    queries = {"first page": "", "keyword « jardins »": "?q=jardins", "keyword and theme": f"?q=amis&theme={taxonomy.THEMES[0]}"}
    result: dict[str, Any] = {"path": directory_url}
    for label, query in queries.items():
        expected = requests.get(directory_url + query, timeout=60).json()["total"]

        def maker(query=query, expected=expected):
            session = requests.Session()

            def do(index: int) -> None:
                response = session.get(directory_url + query, timeout=60)
                if response.status_code != 200 or response.json()["total"] != expected:
                    raise RuntimeError(f"HTTP {response.status_code}: {response.text[:150]}")

            return do, session.close

        run_clients(1, 5, cap_seconds, maker)  # warm-up
        durations, wall, errors = run_clients(1, requests_count, cap_seconds, maker)
        result[label] = {"total": expected, **summary([d for _, d in durations], wall), "errors": len(errors), "first_errors": errors[:3]}
    return result


def measure_spotlights(dsn: str, missions_url: str, tokens, cap_seconds: float, requests_count: int) -> dict[str, Any]:
    """L'actu solidaire on the bench's catalogue: the demo's causes, then the home page's call for ten companies and
    the search of the first month's first cause, one client each. Every count announced is checked against the total
    of that cause's search."""
    from catalog.demo_content import SPOTLIGHTS

    with psycopg.connect(dsn, autocommit=True) as connection:
        for cause in SPOTLIGHTS:
            connection.execute(
                "INSERT INTO spotlights (id, title, starts_on, ends_on, description, themes, keywords, company_id, created_by,"
                " created_at, updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, NULL, 'bench', now(), now())",
                (cause["id"], cause["title"], cause["date"], cause["end_date"], cause["description"], json.dumps(cause["themes"]),
                 json.dumps(cause["keywords"])))
    first = min(dt.date.fromisoformat(cause["date"]) for cause in SPOTLIGHTS).replace(day=1)
    spotlights_url = missions_url.rsplit("/missions", 1)[0] + f"/spotlights?start={first.isoformat()}&months=3"
    headers = [{"Authorization": f"Bearer {tokens.mint(f'bench-actu-{n}', roles=['employee'], ttl=3600, company_id=company)}"}
               for n, company in enumerate(COMPANIES[:10])]
    answer = requests.get(spotlights_url, headers=headers[0], timeout=60).json()
    causes = [item for month in answer["months"] for item in month["items"]]
    for cause in causes:
        found = requests.get(f"{missions_url}?spotlight={cause['id']}&per_page=20", headers=headers[0], timeout=60).json()
        if found["total"] != cause["mission_count"]:
            raise RuntimeError(f"{cause['title']}: {cause['mission_count']} announced, {found['total']} found")
    searched = causes[0]["id"]

    def make(url_of):
        def maker():
            session = requests.Session()

            def do(index: int) -> None:
                response = session.get(url_of(index), headers=headers[index % len(headers)], timeout=60)
                if response.status_code != 200:
                    raise RuntimeError(f"HTTP {response.status_code}: {response.text[:150]}")

            return do, session.close
        return maker

    result: dict[str, Any] = {"causes": len(causes), "counts": [cause["mission_count"] for cause in causes],
                              "path": spotlights_url}
    for label, url_of in (("list", lambda index: spotlights_url),
                          ("search", lambda index: f"{missions_url}?spotlight={searched}&per_page=20")):
        run_clients(1, len(headers), cap_seconds, make(url_of))  # warm-up
        durations, wall, errors = run_clients(1, requests_count, cap_seconds, make(url_of))
        result[label] = {**summary([d for _, d in durations], wall), "errors": len(errors), "first_errors": errors[:3]}
    return result


def print_report(report: dict[str, Any], clients: int) -> None:
    m = report["machine"]
    print(f"\n## P3 — search, {report['data']['missions']:,} missions ({m['date_utc']})\n")
    print(f"Machine: {m['nproc']} vCPU {m['cpu_model']}, {m['memory_gib']} GiB, Linux {m['kernel']}, Python {m['python']}, "
          f"PostgreSQL {m['postgresql']['server_version']}. Load average {m['loadavg_at_start'][0]} at start, "
          f"{report['loadavg_at_end'][0]} at end.\n")
    print("| path | clients | n | p50 ms | p95 ms | p99 ms | req/s | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, p in report["phases"].items():
        kind, *rest = label.split("_")
        who = {"sql": "raw SQL (psycopg)", "tantivy": "Tantivy (in memory)"}.get(kind) or f"HTTP {rest[0]}"
        print(f"| {who} | {label.rsplit('_', 1)[1]} | {p['n']} | {p['p50_ms']} | {p['p95_ms']} | {p['p99_ms']} | {p['throughput_per_s']} | {p['errors']} |")
    print()
    for label, ratio in report["ratios"].items():
        print(f"- HTTP {label.replace('_', ' with ')} client(s) / raw SQL: p50 {ratio['p50']}x, p95 {ratio['p95']}x")
    print("\nOne client alone, by how many visible missions the keywords match (p50 / p95 ms, n):\n")
    names = list(next(iter(report["by_keyword_matches"].values())))
    print("| keyword matches | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, row in report["by_keyword_matches"].items():
        print(f"| {label} | " + " | ".join(f"{row[n]['p50_ms']} / {row[n]['p95_ms']} ({row[n]['n']})" for n in names) + " |")
    landing, hundred, tv = report["landing"], report["hundred"], report["tantivy"]
    print(f"\nTantivy: {tv['documents']:,} documents indexed in {tv['index_seconds']} s; {tv['searches_with_the_same_total']}"
          f" of the searches have the same total as PostgreSQL's (no French stemmer on Tantivy's side).")
    print(f"\n\"Toutes les missions\" (no keyword, no filter, {landing['total_p50']:.0f} missions counted), one client:"
          f" HTTP ({landing['path']}) p50 {landing['http']['p50_ms']} ms / p95 {landing['http']['p95_ms']} ms,"
          f" raw SQL p50 {landing['sql']['p50_ms']} ms / p95 {landing['sql']['p95_ms']} ms,"
          f" Tantivy p50 {landing['tantivy']['p50_ms']} ms / p95 {landing['tantivy']['p95_ms']} ms.")
    print(f"Searches matching about 100 missions (totals {hundred['totals']}), one client: HTTP p50 {hundred['http']['p50_ms']} ms"
          f" / p95 {hundred['http']['p95_ms']} ms, Tantivy p50 {hundred['tantivy']['p50_ms']} ms / p95 {hundred['tantivy']['p95_ms']} ms.")
    for_me = report["for_me"]
    print(f"« Ces missions sont pour toi » (GET {for_me['path']}, 6 cards, people who ticked 4 boxes), one client:"
          f" p50 {for_me['p50_ms']} ms / p95 {for_me['p95_ms']} ms, errors {for_me['errors']}.")
    actu = report["spotlights"]
    print(f"L'actu solidaire (GET {actu['path']}: {actu['causes']} causes linking {actu['counts']} missions), one client:"
          f" p50 {actu['list']['p50_ms']} ms / p95 {actu['list']['p95_ms']} ms, errors {actu['list']['errors']}; the first cause's"
          f" search p50 {actu['search']['p50_ms']} ms / p95 {actu['search']['p95_ms']} ms, errors {actu['search']['errors']}.")
    directory = report["directory"]
    print(f"« Je propose »'s directory (GET {directory['path']}, 2,000 associations, a visitor), one client: "
          + "; ".join(f"{label} ({d['total']} found) p50 {d['p50_ms']} ms / p95 {d['p95_ms']} ms, errors {d['errors']}"
                      for label, d in directory.items() if label != "path") + ".")
    main_path = "gateway" if f"http_gateway_{clients}" in report["phases"] else "direct"
    p95 = report["phases"][f"http_{main_path}_{clients}"]["p95_ms"]
    ratio = report["ratios"][f"{main_path}_{clients}"]["p95"]
    print(f"\nGoal p95 < {GOAL_P95_MS} ms with {clients} clients ({main_path}): {'met' if p95 < GOAL_P95_MS else 'NOT met'} ({p95} ms).")
    print(f"Goal at most {GOAL_RATIO}x the raw SQL (p95, {main_path}): {'met' if ratio <= GOAL_RATIO else 'NOT met'} ({ratio}x).")
    goals = report["goals_issue_18"]
    t = goals["typical_p95_over_tantivy_p95"]
    print(f"Goal (issue 18) p95 at {clients} clients ({main_path}) at most {GOAL_TANTIVY_RATIO}x Tantivy's p95 at {clients} threads:"
          f" {'met' if t <= GOAL_TANTIVY_RATIO else 'NOT met'} ({p95} ms against {report['phases'][f'tantivy_{clients}']['p95_ms']} ms, {t}x).")
    h = goals["landing_p50_over_hundred_p50"]
    print(f"Goal (issue 18) « Toutes les missions » at most {GOAL_LANDING_RATIO}x a search matching ~100 missions (p50, one client):"
          f" {'met' if h <= GOAL_LANDING_RATIO else 'NOT met'} ({landing['http']['p50_ms']} ms against {hundred['http']['p50_ms']} ms, {h}x).")


if __name__ == "__main__":
    sys.exit(main())
