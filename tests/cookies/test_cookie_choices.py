"""The banner's log POST, the banner in every page, GPC support, the cookie snippets (issue #13)."""

import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Locale, Site

from cookies.banner import versions_in_effect
from cookies.models import AnalyticsSettings, CookieChoice
from policy.cookie_declarations import categories_for
from policy.immutable import ImmutableRecordError
from policy.models import CookieCategory, CookieDeclaration
from policy.models.cookies import lifetime_words
from tests.policy.helpers import publish

pytestmark = pytest.mark.django_db

ENDPOINT = "/cookie-choices/"
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def choice(**changes):
    body = {
        "version": 1,
        "categories": ["necessary", "analytics"],
        "method": "accept",
        "gpc": False,
        "language": "kk",
    }
    body.update(changes)
    return body


def post(client, body, **headers):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post(ENDPOINT, data=data, content_type="application/json", **{**SAME_ORIGIN, **headers})


def test_an_accepted_choice_is_logged_without_personal_data(client):
    response = post(client, choice())
    assert response.status_code == 201
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    answer = response.json()
    record = CookieChoice.objects.get()
    assert answer == {"id": str(record.choice_id), "version": 1, "analytics": True, "gpc": False}
    assert (
        record.policy_version,
        record.categories,
        record.analytics,
        record.method,
        record.gpc,
        record.language,
    ) == (
        1,
        ["necessary", "analytics"],
        True,
        "accept",
        False,
        "kk",
    )
    fields = {field.name for field in CookieChoice._meta.get_fields()}
    assert fields == {
        "id",
        "choice_id",
        "policy_version",
        "categories",
        "analytics",
        "method",
        "gpc",
        "language",
        "created_at",
    }


def test_a_browser_keeps_its_random_id_across_choices(client):
    first = post(client, choice()).json()["id"]
    second = post(client, choice(id=first, categories=["necessary"], method="reject")).json()
    assert second["id"] == first
    assert list(CookieChoice.objects.order_by("id").values_list("method", "analytics")) == [
        ("accept", True),
        ("reject", False),
    ]


@pytest.mark.parametrize(
    ("body_gpc", "header", "logged_gpc"),
    [(True, None, True), (False, "1", True), (False, "0", False), (False, None, False)],
)
def test_global_privacy_control_refuses_analytics_whatever_was_pressed(client, body_gpc, header, logged_gpc):
    headers = {"HTTP_SEC_GPC": header} if header else {}
    response = post(client, choice(gpc=body_gpc), **headers)
    assert response.status_code == 201
    record = CookieChoice.objects.get()
    assert record.gpc is logged_gpc
    assert record.analytics is (not logged_gpc)
    assert response.json()["analytics"] is (not logged_gpc)


def test_choices_are_write_once(client):
    post(client, choice())
    with pytest.raises(ImmutableRecordError):
        CookieChoice.objects.all().update(analytics=False)
    with pytest.raises(ImmutableRecordError):
        CookieChoice.objects.all().delete()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_SEC_FETCH_SITE": ""},
    ],
)
def test_choices_from_other_sites_are_refused(client, headers):
    response = client.post(ENDPOINT, data=json.dumps(choice()), content_type="application/json", **headers)
    assert response.status_code == 403
    assert "error" in response.json()
    assert not CookieChoice.objects.exists()


def test_no_origin_information_is_refused_and_an_own_origin_accepted(client):
    assert (
        client.post(ENDPOINT, data=json.dumps(choice()), content_type="application/json").status_code == 403
    )
    response = client.post(
        ENDPOINT, data=json.dumps(choice()), content_type="application/json", HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 201
    response = client.post(
        ENDPOINT,
        data=json.dumps(choice()),
        content_type="application/json",
        HTTP_ORIGIN="https://evil.example",
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "[]",
        "null",
        json.dumps({**choice(), "extra": 1}),
        json.dumps({key: value for key, value in choice().items() if key != "method"}),
        json.dumps(choice(version="1")),
        json.dumps(choice(version=-1)),
        json.dumps(choice(version=True)),
        json.dumps(choice(version=10**12)),
        json.dumps(choice(categories=["analytics"])),
        json.dumps(choice(categories=["necessary", "marketing"])),
        json.dumps(choice(categories=["necessary", "necessary"])),
        json.dumps(choice(categories="necessary")),
        json.dumps(choice(method="maybe")),
        json.dumps(choice(method="reject")),  # reject with analytics
        json.dumps(choice(method="accept", categories=["necessary"])),
        json.dumps(choice(gpc="yes")),
        json.dumps(choice(language="de")),
        json.dumps(choice(id="not-a-uuid")),
        json.dumps(choice(id=12)),
        "x" * 5000,
        b"\xff\xfe\x00",
    ],
)
def test_bad_input_gets_a_translated_400_and_logs_nothing(client, body):
    with translation.override("en"):
        response = post(client, body, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response.json()["error"]
    assert not CookieChoice.objects.exists()


def test_a_form_post_is_not_a_choice(client):
    response = client.post(ENDPOINT, data=choice(), **SAME_ORIGIN)
    assert response.status_code == 400


def test_the_error_speaks_the_visitors_language(client):
    english = post(client, "[]", HTTP_ACCEPT_LANGUAGE="en").json()["error"]
    assert english == "The cookie choice could not be read."


def test_get_is_not_allowed(client):
    assert client.get(ENDPOINT).status_code == 405


def test_choices_are_rate_limited_per_address(client, settings):
    settings.COOKIE_CHOICE_RATE = "2/m"
    cache.clear()
    assert [post(client, choice()).status_code for _ in range(3)] == [201, 201, 429]
    assert CookieChoice.objects.count() == 2


def test_rate_limit_counters_away_is_a_503_and_nothing_logged(client, monkeypatch):
    monkeypatch.setattr("django_ratelimit.core.get_usage", lambda *args, **kwargs: None)
    monkeypatch.setattr("core.rate_limits.get_usage", lambda *args, **kwargs: None)
    response = post(client, choice())
    assert response.status_code == 503
    assert not CookieChoice.objects.exists()


def test_gpc_support_resource(client):
    response = client.get("/.well-known/gpc.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["gpc"] is True
    assert len(data["lastUpdate"]) == 10 and data["lastUpdate"][4] == "-"


def banner(response):
    return BeautifulSoup(response.content, "html.parser").select_one("[data-cookie-banner]")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_page_carries_the_hidden_banner_with_the_versions(client, language):
    response = client.get(f"/{language}/")
    section = banner(response)
    assert section is not None and section.has_attr("hidden")
    assert section["data-language"] == language
    assert section["data-policy-version"] == "1"
    assert section["data-material-version"] == "1"
    assert section["data-yandex-metrica"] == "" and section["data-ga4"] == ""
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("script[src$='cookies/js/cookie-banner.js']") is not None
    assert not soup.select("script:not([src])"), "no inline script"
    assert soup.select_one("footer [data-cookie-settings]") is not None
    assert {box["data-category"] for box in section.select("[data-category]")} == {"necessary", "analytics"}
    assert section.select_one("[data-category=necessary]").has_attr("disabled")


def test_no_counter_id_no_analytics_host_in_the_page_or_its_policy(client):
    response = client.get("/en/")
    csp = response["Content-Security-Policy"]
    assert "yandex" not in csp and "google" not in csp
    assert b"mc.yandex.ru" not in response.content.replace(b"data-yandex-metrica", b"")


def test_counter_ids_let_the_analytics_hosts_into_the_policy_but_not_the_page(client):
    site = Site.objects.get(is_default_site=True)
    AnalyticsSettings.objects.create(site=site, yandex_metrica_id="12345678", ga4_measurement_id="G-TEST1234")
    response = client.get("/en/", HTTP_HOST=f"{site.hostname}:{site.port}")
    section = banner(response)
    assert section["data-yandex-metrica"] == "12345678" and section["data-ga4"] == "G-TEST1234"
    csp = response["Content-Security-Policy"]
    script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
    assert "https://mc.yandex.ru" in script_src and "https://www.googletagmanager.com" in script_src
    assert b'<script src="https://' not in response.content


def test_an_editorial_version_does_not_raise_the_material_number_a_material_one_does(policy_pages):
    source = policy_pages["kk"]
    with translation.override("kk"):
        assert versions_in_effect() == type(versions_in_effect())(current=1, material=1)
        publish(source, intro=source.intro + " (editorial)", material=False)
        assert (versions_in_effect().current, versions_in_effect().material) == (2, 1)
        publish(source, intro=source.intro + " (material)", material=True)
        assert (versions_in_effect().current, versions_in_effect().material) == (3, 3)


@pytest.mark.parametrize(
    ("language", "category", "cookie_purpose"),
    [
        ("kk", "Міндетті cookie файлдары", "Формаларды басқа сайттардан жіберуден қорғайды."),
        ("ru", "Строго необходимые", "Защищает формы от отправки с чужих сайтов."),
        ("en", "Strictly necessary", "Protects forms from being sent from other sites."),
    ],
)
def test_the_policy_lists_the_cookie_snippets_in_each_language(client, language, category, cookie_purpose):
    response = client.get(f"/{language}/privacy/")
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.select_one("section#cookies")
    assert section is not None
    names = [cell.get_text(strip=True) for cell in section.select("tbody th")]
    assert names == ["csrftoken", "edna_cookie_choice", "_ym_uid", "_ym_d", "_ga", "_ga_<ID>"]
    assert category in section.get_text()
    assert cookie_purpose in section.get_text()


def test_snippets_are_translated_with_synchronised_names_and_lifetimes():
    for language in ("ru", "en"):
        locale = Locale.objects.get(language_code=language)
        source = CookieDeclaration.objects.filter(locale__language_code="kk").order_by(
            "category__sort_order", "sort_order"
        )
        translated = CookieDeclaration.objects.filter(locale=locale).order_by(
            "category__sort_order", "sort_order"
        )
        assert [(c.name, c.lifetime_days) for c in translated] == [(c.name, c.lifetime_days) for c in source]
        assert all(cookie.category.locale_id == locale.id for cookie in translated)
    assert CookieCategory.objects.filter(key="analytics").count() == 3


def test_an_edited_snippet_shows_at_once(client):
    assert b"_ym_isad" not in client.get("/en/privacy/").content
    category = CookieCategory.objects.get(key="analytics", locale__language_code="en")
    CookieDeclaration.objects.create(
        locale=category.locale,
        category=category,
        name="_ym_isad",
        provider="Yandex",
        purpose="Detects ad blockers.",
        lifetime_days=2,
        destination_country="Russia",
    )
    assert b"_ym_isad" in client.get("/en/privacy/").content


def test_categories_are_read_once_per_language(django_assert_num_queries):
    categories_for("en")
    with django_assert_num_queries(0):
        assert [category.key for category in categories_for("en")] == ["necessary", "analytics"]


@pytest.mark.parametrize(
    ("days", "words"),
    [(None, "until the browser is closed"), (730, "2 years"), (180, "6 months"), (2, "2 days")],
)
def test_lifetimes_in_words(days, words):
    with translation.override("en"):
        assert lifetime_words(days) == words


def test_a_random_id_is_a_uuid(client):
    answer = post(client, choice()).json()
    assert uuid.UUID(answer["id"]).version == 4
