"""A form refused by the CSRF check gets a page in its own language with a way back; a consent form is
accepted without the CSRF cookie when the browser says it comes from this site (forms/csrf.py)."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from forms.models import ConsentRecord
from tests.forms.helpers import fill

LANGUAGES = ["kk", "ru", "en"]


@pytest.fixture
def cookieless():
    """A browser that refuses cookies, with the CSRF check on (Django's test client skips it)."""
    return Client(enforce_csrf_checks=True)


def filled_form(language):
    """A consent form's data as its page gave it, without the CSRF cookie that page set."""
    return fill(Client(), f"/{language}/contact/")


def assert_refusal_page(response, language, form_path):
    assert response.status_code == 403
    assert "no-store" in response["Cache-Control"]
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.html["lang"] == language
    with translation.override(language):
        assert soup.h1.get_text(strip=True) == gettext("The form could not be sent")
        assert soup.select_one("a.button").get_text(strip=True) == gettext("Back to the form")
    assert soup.select_one("a.button")["href"] == form_path
    assert "CSRF verification failed" not in response.content.decode()
    return soup


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_post_without_the_cookie_from_an_unknown_origin_gets_the_page_in_its_language(
    cookieless, policy_pages, language
):
    form_path = f"/{language}/contact/"
    response = cookieless.post(form_path, filled_form(language))
    soup = assert_refusal_page(response, language, form_path)
    with translation.override(language):
        assert gettext("Nothing you typed has been stored.") in soup.get_text()
        assert (  # the missing cookie is named
            gettext(
                "Please allow cookies for this site (or turn off the setting or extension that blocks "
                "them), then open the form again and send it."
            )
            in soup.get_text()
        )
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "cross-site"}, {"HTTP_ORIGIN": "https://elsewhere.example"}],
    ids=["sec-fetch-site", "origin"],
)
def test_a_consent_form_sent_from_another_site_is_refused(cookieless, policy_pages, language, headers):
    form_path = f"/{language}/contact/"
    response = cookieless.post(form_path, filled_form(language), **headers)
    assert_refusal_page(response, language, form_path)
    assert not ConsentRecord.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "same-origin"}, {"HTTP_ORIGIN": "http://testserver"}],
    ids=["sec-fetch-site", "origin"],
)
def test_a_consent_form_from_this_site_is_accepted_without_the_cookie(
    cookieless, policy_pages, django_capture_on_commit_callbacks, language, headers
):
    with django_capture_on_commit_callbacks(execute=True):
        response = cookieless.post(f"/{language}/contact/", filled_form(language), **headers)
    assert response.status_code == 302
    record = ConsentRecord.objects.get()
    assert response["Location"] == f"/{language}/contact/receipt/{record.receipt_id}/"
    assert cookieless.get(response["Location"]).status_code == 200


def test_the_browsers_sec_fetch_site_outranks_a_matching_origin(cookieless, policy_pages):
    response = cookieless.post(
        "/en/contact/",
        filled_form("en"),
        HTTP_SEC_FETCH_SITE="same-site",  # a sibling subdomain: not this origin
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 403


def test_without_a_signed_consent_token_the_cookie_is_still_required(cookieless, policy_pages):
    data = filled_form("en")
    data["consent_token"] = "forged"
    response = cookieless.post("/en/contact/", data, HTTP_SEC_FETCH_SITE="same-origin")
    assert_refusal_page(response, "en", "/en/contact/")


def test_the_admin_login_keeps_the_cookie_check(cookieless, policy_pages, django_user_model):
    django_user_model.objects.create_superuser("admin", "admin@example.kz", "admin-pass-1")
    data = {
        "username": "admin",
        "password": "admin-pass-1",
        **{"consent_token": filled_form("en")["consent_token"]},
    }
    response = cookieless.post("/admin/login/", data, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 403
    assert "_auth_user_id" not in cookieless.session


def test_with_the_cookie_the_form_works_as_before(policy_pages, django_capture_on_commit_callbacks):
    browser = Client(enforce_csrf_checks=True)
    data = fill(browser, "/kk/contact/")
    assert data["csrfmiddlewaretoken"]
    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post("/kk/contact/", data)
    assert response.status_code == 302
