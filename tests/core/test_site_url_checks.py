"""Production refuses to start without the public site's real address (SITE_BASE_URL)."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from core.site_url import canonical_url, host_and_port
from core.site_url_checks import check_site_base_url


def ids(messages):
    return [message.id for message in messages]


@pytest.mark.parametrize(
    "value",
    [
        "",
        "http://localhost",
        "http://localhost:8000",
        "http://127.0.0.1:8000",
        "https://127.0.0.2",
        "http://[::1]:8000",
        "http://0.0.0.0:8000",
        "http://edna.localhost",
        "edna.kz",
        "ftp://edna.kz",
        "https://edna.kz/kk/",
        "https://edna.kz:http",
    ],
)
def test_production_refuses_a_missing_or_local_address(value):
    with override_settings(DEBUG=False, SITE_BASE_URL=value):
        messages = check_site_base_url()
        assert ids(messages) == ["edna.E010"]
        assert messages[0].is_serious()
        assert "edna.E010" in ids(run_checks())  # always on, not only under `check --deploy`


@pytest.mark.parametrize("value", ["https://edna.kz", "https://edna.kz/", "http://staging.edna.kz:8080"])
def test_production_accepts_the_public_address(value):
    with override_settings(DEBUG=False, SITE_BASE_URL=value):
        assert check_site_base_url() == []


def test_development_may_serve_itself():
    with override_settings(DEBUG=True, SITE_BASE_URL="http://127.0.0.1:8000"):
        assert check_site_base_url() == []


def test_links_are_made_from_the_canonical_address():
    with override_settings(SITE_BASE_URL="https://edna.kz/"):
        assert canonical_url("/ru/privacy/versions/2/") == "https://edna.kz/ru/privacy/versions/2/"
        assert host_and_port() == ("edna.kz", 443)
    assert host_and_port("http://127.0.0.1:8001") == ("127.0.0.1", 8001)
