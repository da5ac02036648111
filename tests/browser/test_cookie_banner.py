"""The cookie banner in Chromium (issue #13), every request recorded, analytics hosts answered by a local
stub (Playwright routes; never the network): accept, reject, Global Privacy Control, a re-prompt after a
material version but not after an editorial one, reopening from the footer and withdrawing, the server
log of each choice, the policy's cookie list in each language, axe on the banner, no JavaScript."""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect
from wagtail.models import Site

from cookies.models import AnalyticsSettings, CookieChoice
from policy.models import PrivacyPolicyPage
from tests.policy.helpers import publish

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
ANALYTICS_HOST = re.compile(
    r"^https://([a-z0-9-]+\.)*(mc\.yandex\.ru|yandex\.ru|yastatic\.net|googletagmanager\.com|"
    r"google-analytics\.com|analytics\.google\.com|doubleclick\.net)/"
)
STUBS = {
    "mc.yandex.ru": "document.cookie = '_ym_uid=1700000000; path=/'; document.cookie = '_ym_d=1; path=/';",
    "www.googletagmanager.com": "document.cookie = '_ga=GA1; path=/'; document.cookie = '_ga_T1=1; path=/';",
}


@pytest.fixture
def counters(demo_server):
    site = Site.objects.get(is_default_site=True)
    AnalyticsSettings.objects.update_or_create(
        site=site, defaults={"yandex_metrica_id": "12345678", "ga4_measurement_id": "G-TEST1234"}
    )
    return site


class Visit:
    """A browser context that records every request and answers analytics hosts with a stub."""

    def __init__(self, browser, **options):
        self.context = browser.new_context(locale="en-US", **options)
        self.requests = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.context.route(ANALYTICS_HOST, self.stub)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)

    def stub(self, route):
        host = route.request.url.split("/")[2]
        route.fulfill(status=200, content_type="application/javascript", body=STUBS.get(host, ""))

    def analytics_requests(self):
        return [url for url in self.requests if ANALYTICS_HOST.match(url)]

    def cookies(self):
        return {cookie["name"]: cookie["value"] for cookie in self.context.cookies()}

    def wait_for_cookies(self, present=(), absent=(), timeout=10):
        """Poll the context's cookies (the page's CSP forbids Playwright's eval-based polling)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            names = set(self.cookies())
            if set(present) <= names and not names & set(absent):
                return names
            self.page.wait_for_timeout(100)
        raise AssertionError(f"cookies {sorted(self.cookies())}: wanted {present}, not {absent}")

    def choose(self, name):
        with self.page.expect_response(lambda response: "/cookie-choices/" in response.url) as answer:
            self.page.locator("#cookie-banner").get_by_role("button", name=name, exact=True).first.click()
        assert answer.value.status == 201
        self.wait_for_cookies(present=["edna_cookie_choice"])


@pytest.fixture
def visit(browser):
    visits = []

    def open_visit(**options):
        visits.append(Visit(browser, **options))
        return visits[-1]

    yield open_visit
    for each in visits:
        each.context.close()


def banner(page):
    return page.locator("#cookie-banner")


def test_accept_loads_analytics_only_after_consent_and_is_logged(visit, counters, demo_server):
    tab = visit()
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    assert tab.page.evaluate("document.activeElement.id") == "cookie-banner"
    assert tab.analytics_requests() == [], "no analytics before consent"
    tab.choose("Accept")
    tab.wait_for_cookies(present=["_ga", "_ym_uid"])
    hosts = {url.split("/")[2] for url in tab.analytics_requests()}
    assert {"mc.yandex.ru", "www.googletagmanager.com"} <= hosts
    assert banner(tab.page).is_hidden()
    expect(tab.page.locator("[data-cookie-status]")).to_have_text("Your cookie choice was saved.")
    record = CookieChoice.objects.get()
    assert (record.method, record.analytics, record.gpc, record.policy_version, record.language) == (
        "accept",
        True,
        False,
        1,
        "en",
    )
    assert tab.cookies()["edna_cookie_choice"] == f"1:necessary+analytics:{record.choice_id}"
    tab.page.reload()
    tab.page.wait_for_load_state("networkidle")
    assert banner(tab.page).is_hidden()
    assert CookieChoice.objects.count() == 1


def expect_visible(page):
    page.wait_for_selector("#cookie-banner", state="visible")


def test_reject_loads_no_analytics_and_is_logged(visit, counters, demo_server):
    tab = visit()
    tab.page.goto(f"{demo_server.url}/ru/")
    expect_visible(tab.page)
    tab.page.locator("#cookie-banner [data-layer=first] [data-action=reject]").click()
    tab.wait_for_cookies(present=["edna_cookie_choice"])
    tab.page.goto(f"{demo_server.url}/ru/privacy/")
    tab.page.wait_for_load_state("networkidle")
    assert banner(tab.page).is_hidden()
    assert tab.analytics_requests() == []
    record = CookieChoice.objects.get()
    assert (record.method, record.analytics, record.gpc, record.language) == ("reject", False, False, "ru")


def test_equal_weight_buttons_on_the_first_layer(visit, counters, demo_server):
    tab = visit()
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    accept = tab.page.locator("#cookie-banner [data-layer=first] [data-action=accept]").bounding_box()
    reject = tab.page.locator("#cookie-banner [data-layer=first] [data-action=reject]").bounding_box()
    assert (accept["width"], accept["height"]) == (reject["width"], reject["height"])
    style = "(el) => getComputedStyle(el).backgroundColor + getComputedStyle(el).fontSize"
    first_layer = "#cookie-banner [data-layer=first]"
    assert tab.page.locator(f"{first_layer} [data-action=accept]").evaluate(style) == tab.page.locator(
        f"{first_layer} [data-action=reject]"
    ).evaluate(style)
    assert tab.page.evaluate("getComputedStyle(document.querySelector('#cookie-banner')).position") == "fixed"


def test_gpc_in_the_browser_refuses_analytics_without_asking(visit, counters, demo_server):
    tab = visit(extra_http_headers={"Sec-GPC": "1"})
    tab.context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {get: () => true})"
    )
    with tab.page.expect_response(lambda response: "/cookie-choices/" in response.url):
        tab.page.goto(f"{demo_server.url}/en/")
    tab.wait_for_cookies(present=["edna_cookie_choice"])
    assert banner(tab.page).is_hidden()
    record = CookieChoice.objects.get()
    assert (record.method, record.analytics, record.gpc) == ("gpc", False, True)
    tab.page.locator("footer [data-cookie-settings]").click()
    expect_visible(tab.page)
    assert (
        tab.page.locator("#cookie-settings [data-gpc-note]").is_visible()
        or tab.page.locator("#cookie-banner [data-gpc-note]").first.is_visible()
    )
    assert tab.page.locator("#cookie-category-analytics").is_disabled()
    assert not tab.page.locator("#cookie-category-analytics").is_checked()
    assert tab.analytics_requests() == []


def test_a_gpc_header_alone_is_honoured_by_the_server(visit, counters, demo_server):
    tab = visit(extra_http_headers={"Sec-GPC": "1"})
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    tab.choose("Accept")
    tab.page.wait_for_load_state("networkidle")
    record = CookieChoice.objects.get()
    assert (record.method, record.analytics, record.gpc) == ("accept", False, True)
    assert tab.cookies()["edna_cookie_choice"].startswith("1:necessary:")
    assert tab.analytics_requests() == []


def test_a_material_version_asks_again_an_editorial_one_does_not(visit, counters, demo_server):
    tab = visit()
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    tab.choose("Reject")
    source = PrivacyPolicyPage.objects.get(locale__language_code="kk")
    publish(source, intro=source.intro + " Түзету.", material=False)
    tab.page.goto(f"{demo_server.url}/en/")
    tab.page.wait_for_load_state("networkidle")
    assert tab.page.locator("#cookie-banner").get_attribute("data-policy-version") == "2"
    assert banner(tab.page).is_hidden(), "an editorial version does not ask again"
    publish(source, intro=source.intro + " Маңызды өзгеріс.", material=True)
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    assert tab.page.locator("#cookie-banner").get_attribute("data-material-version") == "3"
    tab.choose("Accept")
    assert list(CookieChoice.objects.order_by("id").values_list("policy_version", "method")) == [
        (1, "reject"),
        (3, "accept"),
    ]
    ids = set(CookieChoice.objects.values_list("choice_id", flat=True))
    assert len(ids) == 1, "one browser keeps its random id"


def test_reopen_from_the_footer_and_withdraw_removes_analytics_cookies(visit, counters, demo_server):
    tab = visit()
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    tab.choose("Accept")
    tab.wait_for_cookies(present=["_ga", "_ym_uid"])
    footer_link = tab.page.locator("footer [data-cookie-settings]")
    footer_link.click()
    expect_visible(tab.page)
    analytics = tab.page.locator("#cookie-category-analytics")
    assert analytics.is_checked()
    assert tab.page.locator("#cookie-category-necessary").is_disabled()
    analytics.uncheck()
    with tab.page.expect_response(lambda response: "/cookie-choices/" in response.url):
        tab.page.get_by_role("button", name="Save my choice").click()
    tab.wait_for_cookies(absent=["_ga", "_ym_uid", "_ga_T1", "_ym_d"])
    assert banner(tab.page).is_hidden()
    assert tab.page.evaluate("document.activeElement.hasAttribute('data-cookie-settings')")
    names = set(tab.cookies())
    assert not {name for name in names if name.startswith(("_ga", "_ym_"))}
    assert tab.cookies()["edna_cookie_choice"].startswith("1:necessary:")
    assert list(CookieChoice.objects.order_by("id").values_list("method", "analytics")) == [
        ("accept", True),
        ("settings", False),
    ]


def test_without_javascript_no_banner_and_no_analytics(visit, counters, demo_server):
    tab = visit(java_script_enabled=False)
    tab.page.goto(f"{demo_server.url}/en/privacy/")
    assert banner(tab.page).is_hidden()
    assert tab.page.locator("section#cookies").is_visible()
    assert tab.analytics_requests() == []


@pytest.mark.parametrize(
    ("language", "necessary", "analytics"),
    [
        ("kk", "Міндетті cookie файлдары", "Талдау (статистика)"),
        ("ru", "Строго необходимые", "Аналитика"),
        ("en", "Strictly necessary", "Analytics"),
    ],
)
def test_the_policy_lists_the_cookie_snippets_in_each_language(
    visit, demo_server, language, necessary, analytics
):
    tab = visit()
    tab.page.goto(f"{demo_server.url}/{language}/privacy/")
    section = tab.page.locator("section#cookies")
    assert section.locator("caption").all_inner_texts()[0].startswith(necessary)
    assert section.locator("caption").all_inner_texts()[1].startswith(analytics)
    names = section.locator("tbody th").all_inner_texts()
    assert names == ["csrftoken", "edna_cookie_choice", "_ym_uid", "_ym_d", "_ga", "_ga_<ID>"]


@pytest.mark.parametrize("layer", ["first", "settings"])
def test_axe_finds_no_violation_on_the_banner(visit, counters, demo_server, layer):
    tab = visit(bypass_csp=True)  # to inject axe; the site's own script runs as it does under the CSP
    tab.page.goto(f"{demo_server.url}/en/")
    expect_visible(tab.page)
    if layer == "settings":
        tab.page.locator("#cookie-banner [data-layer=first] [data-action=settings]").click()
        tab.page.wait_for_selector("#cookie-settings", state="visible")
    tab.page.add_script_tag(path=str(AXE))
    result = tab.page.evaluate("axe.run(document.querySelector('#cookie-banner')).then(r => r.violations)")
    assert [(violation["id"], [node["target"] for node in violation["nodes"]]) for violation in result] == []


def test_the_banner_overlays_without_moving_the_page(visit, counters, demo_server):
    """No layout shift: the banner is fixed over the bottom of the window; the content above it stays
    where it was, and room is added below the last line so nothing stays hidden under the banner."""
    tab = visit(java_script_enabled=False)
    tab.page.goto(f"{demo_server.url}/en/privacy/")
    without = tab.page.locator("h1").bounding_box()
    tab = visit()
    tab.page.goto(f"{demo_server.url}/en/privacy/")
    expect_visible(tab.page)
    assert tab.page.locator("h1").bounding_box() == without
    tab.page.keyboard.press("End")
    tab.page.mouse.wheel(0, 100_000)
    tab.page.wait_for_timeout(300)
    footer = tab.page.locator("footer [data-cookie-settings]").bounding_box()
    top_of_banner = tab.page.locator("#cookie-banner").bounding_box()["y"]
    assert footer["y"] + footer["height"] <= top_of_banner
