"""What every browser test checks on a screen: it rendered, axe finds nothing serious, it fits 375 px, no console error.

Also the small pieces the tests share: the platform process, the dev mailbox, API calls for setting
data up (never for what a test asserts through the UI), working days.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import holidays
import requests
from playwright.sync_api import expect

REPO_ROOT = Path(__file__).resolve().parents[2]
# From the npm lock file (a devDependency of web/), never shipped in web/dist: the tests hand it to the page.
AXE = REPO_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL = "/__tests__/axe.min.js"
ARTIFACTS = REPO_ROOT / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
SERVICES = ("catalog", "engagement", "approval", "documents", "notifier", "quiz")

CHROMIUM = "/usr/bin/chromium"
# Without the last two, Chromium keeps calling home on a closed network (docs: pitfalls.md).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]

DEMO_PASSWORD = "Tandem démo 2026 !"
DEMO = {
    "employee": "camille.martin@horizon.example",
    "employee2": "lucas.bernard@horizon.example",
    "manager": "sophie.laurent@horizon.example",
    "admin": "admin@horizon.example",
    "referent": "referente@petits-savants.example",
    "operator": "operateur@tandem.example",
}
WIDTHS = (1280, 375)
HEIGHT = {1280: 900, 375: 812}

# Network noise that is part of the design, not a defect: an anonymous visitor's session probe answers 401.
EXPECTED_FAILED_REQUESTS = (
    re.compile(r"/api/engagement/(me|session|session/renewal)(\?.*)?$"),
)


# -- the platform ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def embedded_command() -> list[str]:
    """`uv run --no-sync tandem-embedded` resolves to the venv's console script; use it directly (uv may not be on PATH)."""
    script = Path(sys.executable).parent / "tandem-embedded"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tandem_gateway.embedded"]


@dataclass
class Platform:
    base: str
    data_dir: Path | None
    process: subprocess.Popen | None  # None: a platform someone else started (TANDEM_BROWSER_TESTS_URL)
    log: Path | None

    log_read: int = 0

    def tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log and self.log.exists() else ""

    def take_server_errors(self, chars: int = 3000) -> str:
        """What the platform logged at ERROR (tracebacks included) since the last call: a 500's cause, for the report."""
        if not self.log or not self.log.exists():
            return ""
        with open(self.log, "rb") as log:
            log.seek(self.log_read)
            new = log.read().decode(errors="replace")
            self.log_read = log.tell()
        start = new.find(" ERROR ")
        return new[max(0, new.rfind("\n", 0, start) + 1):][-chars:] if start >= 0 else ""


def start_platform(data_dir: Path, timeout: float = 180.0) -> Platform:
    """The embedded mode in its own process group, demo data loaded; returns once every service is ready and the demo settled."""
    port = free_port()
    data_dir.mkdir(parents=True, exist_ok=True)
    log = data_dir / "platform.log"
    environ = {**os.environ, "TANDEM_PORT": str(port), "TANDEM_DATA_DIR": str(data_dir), "TANDEM_LOG_LEVEL": "WARNING",
               "TANDEM_DEMO_DATA": "true", "PYTHONUNBUFFERED": "1"}
    for inherited in ("TANDEM_BROKER_URL", "TANDEM_PUBLIC_URL", "TANDEM_WEB_ROOT", "TANDEM_SMTP_PORT"):
        environ.pop(inherited, None)
    with open(log, "wb") as output:
        process = subprocess.Popen(embedded_command(), cwd=REPO_ROOT, env=environ, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    platform = Platform(base=f"http://127.0.0.1:{port}", data_dir=data_dir, process=process, log=log)
    try:
        wait_until_ready(platform, timeout)
        wait_for_quiet_mailbox(platform.base, timeout=timeout)
        # A quiet mailbox says the notifier is done, not that the catalog has handled engagement's person events:
        # until it has, the demo referent may not publish or list her association's missions.
        referent = ApiUser(platform.base, DEMO["referent"])
        poll(lambda: referent.get("/api/catalog/missions/mine?per_page=1")["items"], timeout=timeout,
             what="the catalog knows the demo referent")
    except BaseException:
        stop_platform(platform)
        raise
    return platform


def wait_until_ready(platform: Platform, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    pending = set(SERVICES)
    while pending:
        if platform.process.poll() is not None:
            raise AssertionError(f"the embedded platform exited with {platform.process.returncode}:\n{platform.tail()}")
        for service in sorted(pending):
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{platform.base}/api/{service}/readyz", timeout=2).status_code == 200:
                    pending.discard(service)
        if pending:
            if time.monotonic() > deadline:
                raise AssertionError(f"not ready within {timeout} s: {sorted(pending)}\n{platform.tail()}")
            time.sleep(0.25)


def wait_for_quiet_mailbox(base: str, quiet: float = 2.0, timeout: float = 120.0) -> int:
    """The demo's first start sends a few hundred e-mails: wait until none has arrived for `quiet` seconds."""
    deadline, last, since = time.monotonic() + timeout, -1, time.monotonic()
    while time.monotonic() < deadline:
        count = len(mailbox(base))
        if count != last:
            last, since = count, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return count
        time.sleep(0.25)
    raise AssertionError("the dev mailbox kept changing")


def stop_platform(platform: Platform) -> None:
    """SIGTERM to the process group (the platform stops its workers and the SMTP sink), SIGKILL after 20 s."""
    if platform.process is None or platform.process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(platform.process.pid, signal.SIGTERM)
    try:
        platform.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(platform.process.pid, signal.SIGKILL)
        platform.process.wait()


# -- the dev mailbox ------------------------------------------------------------------------------


def mailbox(base: str) -> list[dict]:
    return requests.get(f"{base}/dev/mail.json", timeout=10).json()["items"]


def wait_for_mail(base: str, to: str, subject_part: str = "", text_part: str = "", link_part: str = "",
                  timeout: float = 30.0, after: set[str] | frozenset = frozenset()) -> dict:
    """The newest mail to `to` whose subject, text and links match; ids in `after` are ignored (older mails)."""
    deadline = time.monotonic() + timeout
    while True:
        for mail in mailbox(base):
            if (to in mail["to"] and subject_part in mail["subject"] and text_part in (mail["text"] or "")
                    and mail["id"] not in after and (not link_part or any(link_part in link for link in mail["links"]))):
                return mail
        if time.monotonic() > deadline:
            seen = [(m["to"], m["subject"]) for m in mailbox(base) if to in m["to"]]
            raise AssertionError(f"no mail to {to} matching {subject_part!r}/{text_part!r}/{link_part!r} within {timeout} s; "
                                 f"mails to {to}: {seen}")
        time.sleep(0.25)


def link_in(mail: dict, part: str) -> str:
    try:
        return next(link for link in mail["links"] if part in link)
    except StopIteration:
        raise AssertionError(f"no link containing {part!r} in « {mail['subject']} »: {mail['links']}") from None


# -- API calls used only to prepare data ----------------------------------------------------------


class ApiUser:
    """A logged-in API client. The session cookies are `Secure` (Chromium sends them to 127.0.0.1, requests does not),
    so it carries the session token as a bearer token instead, which needs no CSRF header."""

    def __init__(self, base: str, email: str, password: str = DEMO_PASSWORD):
        self.base, self.email, self.password = base, email, password
        self.http = requests.Session()
        self.log_in()

    def log_in(self) -> None:
        response = requests.post(f"{self.base}/api/engagement/session", json={"email": self.email, "password": self.password}, timeout=20)
        assert response.status_code == 200, f"log in as {self.email}: {response.status_code} {response.text[:500]}"
        self.person = response.json().get("person", {})
        self.http.headers["Authorization"] = f"Bearer {response.cookies['tandem_session']}"

    def call(self, method: str, path: str, expected: tuple[int, ...] = (200, 201, 202, 204), **kwargs):
        response = self.http.request(method, f"{self.base}{path}", timeout=30, **kwargs)
        if response.status_code == 401 and 401 not in expected:  # the token lives 15 minutes
            self.log_in()
            response = self.http.request(method, f"{self.base}{path}", timeout=30, **kwargs)
        assert response.status_code in expected, f"{method} {path} as {self.email}: {response.status_code} {response.text[:800]}"
        return response.json() if response.content and "json" in response.headers.get("Content-Type", "") else None

    def get(self, path: str, **kwargs):
        return self.call("GET", path, **kwargs)

    def status_of(self, path: str) -> int:
        response = self.http.get(f"{self.base}{path}", timeout=30)
        if response.status_code == 401:
            self.log_in()
            response = self.http.get(f"{self.base}{path}", timeout=30)
        return response.status_code

    def post(self, path: str, body: dict | None = None, **kwargs):
        return self.call("POST", path, json=body or {}, **kwargs)


def poll(fetch, timeout: float = 30.0, interval: float = 0.25, what: str = "the condition"):
    deadline = time.monotonic() + timeout
    while True:
        value = fetch()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: nothing within {timeout} s")
        time.sleep(interval)


WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")


def long_date(day: date) -> str:
    """« lundi 30 novembre 2026 », « mardi 1er décembre 2026 »: as format.ts writes it."""
    return f"{WEEKDAYS[day.weekday()]} {'1er' if day.day == 1 else day.day} {MONTHS[day.month - 1]} {day.year}"


def pick_date(page, day: date) -> None:
    """Step 2's calendar: go forward to the day's month and pick it, as a person would."""
    button = page.locator(f'.datepicker__day[data-iso="{day.isoformat()}"]')
    for _ in range(14):
        if button.count():
            break
        page.get_by_role("button", name="Mois suivant").click()
    button.click()
    expect(button).to_have_attribute("aria-pressed", "true")


def working_days(count: int, start: date) -> list[date]:
    """The first `count` French working days on or after `start` (no weekend, no public holiday), all in one civil year."""
    found: list[date] = []
    day = start
    while len(found) < count:
        if found and day.year != found[0].year:
            found = []  # one convention = one civil year: start again in January
        if day.weekday() < 5 and day not in holidays.France(years=day.year):
            found.append(day)
        day += timedelta(days=1)
    return found


# -- what every screen must satisfy ---------------------------------------------------------------


@dataclass
class Watched:
    """A page and what went wrong in it that no assertion asked about: console errors, page errors, failed requests."""

    page: object
    platform: Platform | None = None
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    allowed: list[re.Pattern] = field(default_factory=list)
    in_flight: set = field(default_factory=set)

    def allow(self, pattern: str) -> None:
        """A test that provokes an API error on purpose (a 422 on a form) allows that URL's failed-request console line."""
        self.allowed.append(re.compile(pattern))

    def problems(self) -> list[str]:
        return [*self.console_errors, *self.page_errors]

    def take_problems(self) -> list[str]:
        found = self.problems()
        self.console_errors.clear()
        self.page_errors.clear()
        return found


def watch(page, platform: Platform | None = None) -> Watched:
    watched = Watched(page, platform)

    def on_console(message):
        if message.type not in ("error", "assert"):
            return
        text = message.text
        url = (message.location or {}).get("url", "")
        if text.startswith("Failed to load resource"):
            patterns = (*EXPECTED_FAILED_REQUESTS, *watched.allowed)
            if any(pattern.search(url.split("?")[0]) or pattern.search(url) for pattern in patterns):
                return
        watched.console_errors.append(f"console.{message.type}: {text} ({url})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: watched.page_errors.append(f"page error: {error}"))
    # An SPA's navigations never reach another "networkidle" load state: count the requests in flight instead.
    page.on("request", lambda request: watched.in_flight.add(request))
    page.on("requestfinished", lambda request: watched.in_flight.discard(request))
    page.on("requestfailed", lambda request: watched.in_flight.discard(request))
    page.tandem_watched = watched
    return watched


def wait_for_screen(page, timeout: float = 15_000) -> None:
    """The route's <h1> is there, no request is in flight and nothing shows as loading (AsyncState's aria-busy), for 300 ms."""
    page.locator("h1").first.wait_for(state="visible", timeout=timeout)
    watched = getattr(page, "tandem_watched", None)
    deadline, quiet_since = time.monotonic() + timeout / 1000, None
    while True:
        busy = page.evaluate("() => !!document.querySelector('[aria-busy=\"true\"]')")
        pending = [r.url for r in watched.in_flight if r.resource_type in ("fetch", "xhr", "script", "document")] if watched else []
        if busy or pending:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 0.3:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{page.url} still loading after {timeout / 1000:.0f} s: aria-busy={busy}, requests in flight {pending[:5]}")
        page.wait_for_timeout(50)


def h1_texts(page) -> list[str]:
    return [text.strip() for text in page.locator("h1").all_inner_texts()]


def check_accessibility(page, name: str) -> None:
    """axe-core on the whole document; fails listing every serious or critical violation (id, help, targets)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # By a same-origin URL, not inline (`content=`): the client's Content-Security-Policy allows the site's own
        # scripts only. The platform does not serve axe (web/dist does not hold it): Playwright answers that URL
        # itself with the file from web/node_modules (installed by npm ci from the lock file).
        assert AXE.exists(), f"{AXE} is missing (scripts/setup runs npm ci in web/)"
        page.route(f"**{AXE_URL}", lambda route: route.fulfill(path=str(AXE), content_type="application/javascript"))
        page.add_script_tag(url=AXE_URL)
    results = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ["violations"]});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary, html: n.html.slice(0, 200)}))}));
    }""")
    (ARTIFACTS / "axe").mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "axe" / f"{name}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1))
    serious = [v for v in results if v["impact"] in ("serious", "critical")]
    if serious:
        lines = [f"axe on {name} ({page.url}): {len(serious)} serious/critical violation(s)"]
        for violation in serious:
            lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
            for node in violation["nodes"][:8]:
                lines.append(f"    {node['target']}  ←  {node['html']}")
                if node["summary"]:
                    lines.append("      " + node["summary"].replace("\n", "\n      ")[:400])
            if len(violation["nodes"]) > 8:
                lines.append(f"    … and {len(violation['nodes']) - 8} more")
        raise AssertionError("\n".join(lines))


def assert_no_horizontal_scroll(page) -> None:
    """At the page's width nothing overflows sideways; on failure, name the elements that stick out."""
    width = page.evaluate("() => ({scroll: document.scrollingElement.scrollWidth, inner: window.innerWidth})")
    if width["scroll"] <= width["inner"]:
        return
    culprits = page.evaluate("""() => {
        const out = [];
        for (const el of document.body.querySelectorAll("*")) {
            const r = el.getBoundingClientRect();
            if (r.right > window.innerWidth + 1 && r.width > 0) {
                let path = el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
                    (typeof el.className === "string" && el.className.trim() ? "." + el.className.trim().split(/\\s+/).join(".") : "");
                const parent = el.parentElement;
                if (parent && parent.getBoundingClientRect().right > window.innerWidth + 1) continue;  // report the outermost
                out.push(`${path} (right edge ${Math.round(r.right)} px): ${(el.innerText || "").slice(0, 60).replace(/\\s+/g, " ")}`);
            }
        }
        return out.slice(0, 8);
    }""")
    raise AssertionError(f"horizontal scroll at {width['inner']} px on {page.url}: the document is {width['scroll']} px wide; "
                         f"overflowing: {culprits}")


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def assert_no_console_errors(watched: Watched, where: str) -> None:
    problems = watched.take_problems()
    assert not problems, f"{where}: console or page errors:\n" + "\n".join(problems)


def check_screen(watched: Watched, name: str, *, narrow: bool | None = None) -> None:
    """The checks every screen passes: one <h1>, axe, (375 px) no horizontal scroll, screenshot, no console error.

    The screenshot comes first, so a failing screen still leaves its picture; every failed check is reported at once.
    """
    page = watched.page
    wait_for_screen(page)
    screenshot(page, name)
    failures: list[str] = []
    headings = h1_texts(page)
    if len(headings) != 1:
        failures.append(f"expected one <h1>, found {headings}")
    checks = [lambda: check_accessibility(page, name)]
    if narrow if narrow is not None else page.viewport_size["width"] <= 400:
        checks.append(lambda: assert_no_horizontal_scroll(page))
    checks.append(lambda: assert_no_console_errors(watched, "console"))
    for check in checks:
        try:
            check()
        except AssertionError as failure:
            failures.append(str(failure))
    if failures:
        server = watched.platform.take_server_errors() if watched.platform else ""
        if server:
            failures.append("the platform logged:\n" + server)
        raise AssertionError(f"{name} ({page.url}):\n" + "\n".join(failures))


# -- the platform's clock (embedded mode) ---------------------------------------------------------
#
# Attendance is attested from the day itself on (engagement: domain.check_attendance, `day > today`
# is refused), and a date can only be requested when it is not past: no real day satisfies both for
# two dates. The journey therefore moves engagement's clock forward between the signature and the
# attendance, through the embedded mode's development endpoint (like /dev/mail):
#   GET    /dev/clock                        → {"today": "YYYY-MM-DD", "offset_days": n}
#   PUT    /dev/clock  {"today": "YYYY-MM-DD"} → engagement.clock.now() runs that many days ahead of the real time
#   DELETE /dev/clock                        → back to the real time
CLOCK = "/dev/clock"


def move_clock(base: str, today: date) -> None:
    response = requests.put(f"{base}{CLOCK}", json={"today": today.isoformat()}, timeout=10)
    if response.status_code != 200 or "json" not in response.headers.get("Content-Type", ""):
        raise AssertionError(
            f"PUT {CLOCK} answered {response.status_code} ({response.headers.get('Content-Type')}): the embedded mode has no way "
            "to move engagement's clock, so no approved date can be past when the association attests presence. Needed: "
            "`PUT /dev/clock {\"today\": \"YYYY-MM-DD\"}` (embedded mode only) making engagement.clock.now() run ahead by the "
            "difference, `DELETE /dev/clock` to go back, `GET /dev/clock` → {\"today\", \"offset_days\"}."
        )
    assert response.json().get("today") == today.isoformat(), response.text


def reset_clock(base: str) -> None:
    with contextlib.suppress(requests.RequestException):
        requests.delete(f"{base}{CLOCK}", timeout=10)


def labelled(scope, label: str):
    """The control labelled `label` exactly; FormField's required marker « * » (aria-hidden, yet in the label's text) is allowed."""
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def log_in_through_the_ui(page, email: str, password: str = DEMO_PASSWORD) -> None:
    """The « Se connecter » form of /connexion, as a person would fill it; returns once the page has moved on."""
    page.goto("/connexion")
    labelled(page, "E-mail").fill(email)
    labelled(page, "Mot de passe").fill(password)
    page.locator("main").get_by_role("button", name="Se connecter", exact=True).click()
    page.wait_for_url(lambda url: "/connexion" not in url, timeout=15_000)
