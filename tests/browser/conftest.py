"""Browser tests of the web client: one embedded platform for the folder, Debian's Chromium driven by Playwright.

No `playwright install`: the browser is /usr/bin/chromium (scripts/setup --for-tests installs it).

The platform, Chromium and the log-ins live as long as this package's tests (`scope="package"`, hence the
`__init__.py`), not the whole session: Playwright's sync API keeps an asyncio loop marked running in the thread, and
a test that comes after it on the same pytest-xdist worker and calls `asyncio.run` (pyHanko sealing a PDF) would fail.
"""
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pytest  # noqa: E402
from browser_support import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    DEMO_PASSWORD,
    HEIGHT,
    Platform,
    log_in_through_the_ui,
    start_platform,
    stop_platform,
    watch,
)


@pytest.fixture(scope="package")
def platform(tmp_path_factory):
    """The embedded mode (`uv run --no-sync tandem-embedded`) on a free port, a fresh data directory and the demo data.

    TANDEM_BROWSER_TESTS_URL=http://127.0.0.1:8080 runs the tests against a platform already running (`make run`)
    instead: quicker while writing a screen, but its data is no longer fresh.
    """
    if os.environ.get("TANDEM_BROWSER_TESTS_URL"):
        yield Platform(base=os.environ["TANDEM_BROWSER_TESTS_URL"].rstrip("/"), data_dir=None, process=None, log=None)
        return
    running = start_platform(tmp_path_factory.mktemp("browser") / "var")
    try:
        yield running
    finally:
        stop_platform(running)


@pytest.fixture(scope="package")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test` (scripts/setup --for-tests installs Debian's chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="package")
def storage_states(platform, chromium):
    """Log in through the UI once per account and keep the cookies: `storage_states(email)` → Playwright storage state.

    The access token lives 15 minutes and its renewal rotates the refresh token (which a second context sharing the
    same state could not reuse): a state older than 10 minutes is replaced by a fresh log-in.
    """
    cache: dict[str, tuple[float, dict | Exception]] = {}

    def state_of(email: str, password: str = DEMO_PASSWORD) -> dict:
        if email not in cache or time.monotonic() - cache[email][0] > 600:
            context = chromium.new_context(base_url=platform.base, locale="fr-FR", timezone_id="Europe/Paris")
            context.set_default_timeout(15_000)
            try:
                page = context.new_page()
                log_in_through_the_ui(page, email, password)
                cache[email] = (time.monotonic(), context.storage_state())
            except Exception as failure:  # every screen of that role fails fast with the same reason
                cache[email] = (time.monotonic(), failure)
            finally:
                context.close()
        state = cache[email][1]
        if isinstance(state, Exception):
            raise AssertionError(f"could not log in as {email} through /connexion: {state}")
        return state

    return state_of


@pytest.fixture
def open_page(platform, chromium, storage_states):
    """`open_page(as_email=None, width=1280)` → a watched page in its own browser context (own cookies)."""
    contexts = []

    def opener(as_email: str | None = None, width: int = 1280, state: dict | None = None):
        context = chromium.new_context(
            base_url=platform.base, viewport={"width": width, "height": HEIGHT.get(width, 900)},
            locale="fr-FR", timezone_id="Europe/Paris", accept_downloads=True,
            storage_state=state if state is not None else (storage_states(as_email) if as_email else None),
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return watch(context.new_page(), platform)

    yield opener
    for context in contexts:
        context.close()
