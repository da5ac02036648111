"""The database away (a connection error) gets a translated 503 "try again" page, never a 500, wherever in
the request it happens (core/unavailable.py); other errors still get the 500 page."""

import pytest
from django.db import InterfaceError, OperationalError
from django.test import Client
from django.utils import translation

from core.rate_limits import RateLimitUnavailable
from policy.models import PrivacyPolicyPage

pytestmark = pytest.mark.usefixtures("policy_pages")


def raising(error):
    def fail(*args, **kwargs):
        raise error

    return fail


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
@pytest.mark.parametrize(
    "error", [OperationalError("server closed the connection"), InterfaceError("closed")]
)
def test_a_connection_error_in_a_view_is_a_translated_503(client, monkeypatch, language, error):
    monkeypatch.setattr(PrivacyPolicyPage, "serve", raising(error))
    response = client.get(f"/{language}/privacy/")
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="/{language}/"' in html
    if language == "en":
        with translation.override("en"):
            assert "Please try again in a minute" in html
            assert "Please wait a minute and reload the page." in html


def test_a_form_post_that_loses_the_database_says_nothing_was_stored_half_way(client, monkeypatch):
    from forms import consent_flow

    monkeypatch.setattr(consent_flow, "receive", raising(OperationalError("terminating connection")))
    response = client.post("/en/contact/", {"full_name": "x"})
    assert response.status_code == 503
    assert "Nothing was stored half-way." in response.content.decode()


def test_a_connection_error_outside_the_view_is_a_503_too(monkeypatch):
    """In a middleware (here the Site lookup) the exception reaches handler500, which answers 503."""
    monkeypatch.setattr("home.middleware.site_for_request", raising(OperationalError("the server restarted")))
    response = Client(raise_request_exception=False).get("/ru/privacy/")
    assert response.status_code == 503
    assert '<html lang="ru">' in response.content.decode()


def test_the_rate_limit_being_unavailable_outside_a_view_is_a_503(monkeypatch):
    monkeypatch.setattr("home.middleware.site_for_request", raising(RateLimitUnavailable("group")))
    response = Client(raise_request_exception=False).post("/en/contact/")
    assert response.status_code == 503
    assert "Nothing you sent has been stored." in response.content.decode()


def test_other_errors_still_get_the_500_page(monkeypatch):
    monkeypatch.setattr("home.middleware.site_for_request", raising(RuntimeError("a bug")))
    response = Client(raise_request_exception=False).get("/en/privacy/")
    assert response.status_code == 500
    assert "Server error" in response.content.decode()


def test_a_view_bug_is_not_hidden_as_a_503(client, monkeypatch):
    monkeypatch.setattr(PrivacyPolicyPage, "serve", raising(ValueError("a bug")))
    with pytest.raises(ValueError, match="a bug"):
        client.get("/en/privacy/")
