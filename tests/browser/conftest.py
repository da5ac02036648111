"""Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium); never a downloaded browser.

Without Chromium they are skipped with a clear reason, except under CI=true, where a missing browser
is a failure. They run against pytest-django's live server with the demo content loaded.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


# A visitor who already answered the cookie banner (cookies/static/cookies/js/cookie-banner.js): the banner
# overlays the bottom of the window until answered, so every browser test but its own starts with this.
COOKIE_CHOICE = ("edna_cookie_choice", "999999:necessary:00000000-0000-4000-8000-000000000000")


@pytest.fixture(autouse=True)
def cookie_choice_made(request, monkeypatch):
    if request.module.__name__.endswith("test_cookie_banner"):
        return
    from playwright.sync_api import Browser

    original = Browser.new_context

    def new_context(self, *args, **kwargs):
        context = original(self, *args, **kwargs)
        name, value = COOKIE_CHOICE
        hosts = ("localhost", "127.0.0.1")
        context.add_cookies([{"name": name, "value": value, "domain": host, "path": "/"} for host in hosts])
        return context

    monkeypatch.setattr(Browser, "new_context", new_context)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"Chromium not found at {CHROMIUM}: browser tests SKIPPED (apt-get install -y chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message.replace("SKIPPED", "cannot run under CI"))
        pytest.skip(message)
    # Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still sync.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="kk-KZ")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def demo_server(demo_db, live_server):
    """The live server over the demo content, restored before each test (see tests/conftest.py)."""
    return live_server
