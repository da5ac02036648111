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
