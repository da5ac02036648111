"""The cookie choice log in the admin: who may see it, filters, CSV export, dashboard counts (issue #13)."""

import csv
import io
import uuid

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from cookies.dashboard import counts_per_version
from cookies.models import CookieChoice
from tests.forms.test_staff_views import ROLES

pytestmark = pytest.mark.django_db

ALLOWED = {"Privacy officers", "superuser"}
URLS = {
    "listing": "/admin/cookie-choices/",
    "listing results": "/admin/cookie-choices/results/",
    "inspect": "/admin/cookie-choices/inspect/{choice}/",
    "CSV export": "/admin/cookie-choices/?export=csv",
    "XLSX export": "/admin/cookie-choices/?export=xlsx",
}


def log(version, analytics, method, gpc=False, language="kk", choice_id=None):
    return CookieChoice.objects.create(
        choice_id=choice_id or uuid.uuid4(),
        policy_version=version,
        categories=["necessary", "analytics"] if analytics else ["necessary"],
        analytics=analytics,
        method=method,
        gpc=gpc,
        language=language,
    )


@pytest.fixture
def choices():
    return [
        log(1, True, "accept"),
        log(1, False, "reject", language="ru"),
        log(2, False, "gpc", gpc=True, language="en"),
        log(2, True, "settings"),
        log(2, False, "accept", gpc=True),
    ]


@pytest.fixture
def officer(django_user_model):
    return ROLES["Privacy officers"](django_user_model)


@pytest.mark.parametrize("role", ROLES)
def test_only_privacy_officers_and_superusers_see_the_log(client, django_user_model, choices, role):
    user = ROLES[role](django_user_model)
    if user is not None:
        client.force_login(user)
    for name, url in URLS.items():
        response = client.get(url.format(choice=choices[0].pk))
        if role == "anonymous":
            assert response.status_code == 302, name
            assert response["Location"].startswith("/admin/login/"), name
        elif role in ALLOWED:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 403, name
        if response.streaming:
            b"".join(response.streaming_content)


@pytest.mark.parametrize("role", ROLES)
def test_the_dashboard_panel_is_for_officers_only(client, django_user_model, choices, role):
    user = ROLES[role](django_user_model)
    if user is None:
        return
    client.force_login(user)
    response = client.get("/admin/")
    if response.status_code != 200:  # no admin access at all
        return
    assert (b'id="cookie-choices"' in response.content or b"cookie-choices-content" in response.content) is (
        role in ALLOWED
    )


def rows(client, query=""):
    response = client.get(f"/admin/cookie-choices/{query}")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select("table.listing tbody tr")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", 5),
        ("?policy_version=1", 2),
        ("?analytics=true", 2),
        ("?analytics=false", 3),
        ("?gpc=true", 2),
        ("?method=accept", 2),
        ("?language=ru", 1),
        ("?policy_version=2&analytics=false", 2),
        ("?policy_version=abc", 5),
        ("?method=nonsense", 5),
    ],
)
def test_filters(client, officer, choices, query, expected):
    client.force_login(officer)
    assert len(rows(client, query)) == expected


def test_csv_export_holds_the_filtered_choices_and_no_personal_data(client, officer, choices):
    client.force_login(officer)
    with translation.override("en"):
        response = client.get("/admin/cookie-choices/?export=csv&policy_version=2", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(table) == 1 + 3
    heading = table[0]
    assert len(heading) == 7
    ids = {row[1] for row in table[1:]}
    assert ids == {str(choice.choice_id) for choice in choices if choice.policy_version == 2}
    assert {row[2] for row in table[1:]} == {"2"}
    assert {row[4] for row in table[1:]} == {"gpc", "settings", "accept"}
    assert all(row[3] in ("necessary", "necessary, analytics", "necessary,analytics") for row in table[1:])


def test_export_cells_are_safe_to_open_in_a_spreadsheet(client, officer):
    from cookies.admin_views import CookieChoiceIndexView

    view = CookieChoiceIndexView()
    assert view.preprocess_field_value("language", "=1+2", view.FORMAT_CSV) == "'=1+2"
    assert view.preprocess_field_value("policy_version", 3, view.FORMAT_CSV) == 3


def test_dashboard_counts_per_version_in_one_query(choices, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts = counts_per_version()
    assert counts == [
        {"version": 2, "total": 3, "analytics": 1, "refused": 2, "gpc": 2},
        {"version": 1, "total": 2, "analytics": 1, "refused": 1, "gpc": 0},
    ]


def test_the_dashboard_shows_the_counts_to_an_officer(client, officer, choices):
    client.force_login(officer)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    row = soup.select_one("#cookie-choices tr[data-version='2']") or soup.select_one("tr[data-version='2']")
    assert row is not None
    assert row.select_one(".cookie-choices__total").get_text(strip=True) == "3"
    assert row.select_one(".cookie-choices__gpc").get_text(strip=True) == "2"
    assert row.select_one(".cookie-choices__total a")["href"] == "/admin/cookie-choices/?policy_version=2"


@pytest.mark.parametrize("role", ["Legal editors", "superuser"])
def test_legal_editors_maintain_the_cookie_snippets(client, django_user_model, role):
    from policy.models import CookieDeclaration

    client.force_login(ROLES[role](django_user_model))
    cookie = CookieDeclaration.objects.filter(locale__language_code="kk").first()
    assert client.get("/admin/snippets/policy/cookiedeclaration/").status_code == 200
    assert client.get(f"/admin/snippets/policy/cookiedeclaration/edit/{cookie.pk}/").status_code == 200
    assert client.get("/admin/snippets/policy/cookiecategory/").status_code == 200


def test_editors_do_not_edit_the_cookie_list(client, django_user_model):
    client.force_login(ROLES["Editors"](django_user_model))
    response = client.get("/admin/snippets/policy/cookiedeclaration/")
    assert response.status_code in (302, 403)
