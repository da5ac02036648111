"""Behind the load balancer every request comes from its address: the rate limit must count visitors."""

import pytest
from django.test import RequestFactory

from core.proxies import UNKNOWN, client_ip
from tests.forms.helpers import fill

FEEDBACK = {"full_name": "", "email": "a@example.kz", "message": "Hi"}


def request_from(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **headers)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # no proxy: the header is the client's word
        (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),
        (1, "10.0.0.2", "6.6.6.6, 198.51.100.1", "198.51.100.1"),  # a forged entry on the left is ignored
        (2, "10.0.0.2", "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1"),  # CDN, then the balancer
        (2, "10.0.0.2", "198.51.100.1", "10.0.0.2"),  # fewer entries than proxies: not through them all
        (1, "10.0.0.2", "not-an-address", "10.0.0.2"),
        (1, "", None, UNKNOWN),  # a Unix socket without the header: one shared bucket, not a 500
        (1, "10.0.0.2", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_the_visitor_address_is_the_entry_the_first_trusted_proxy_added(
    settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    assert client_ip(request_from(remote, forwarded)) == expected


@pytest.mark.usefixtures("stopped_clock")  # one rate-limit window for the whole test
def test_visitors_behind_one_balancer_each_have_their_own_allowance(
    client, policy_pages, settings, django_capture_on_commit_callbacks
):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.CONSENT_FORM_RATE = "1/m"
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for visitor in ("198.51.100.1", "198.51.100.2"):
        data = fill(client, "/en/feedback/", answers=FEEDBACK)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post("/en/feedback/", data, HTTP_X_FORWARDED_FOR=visitor, **balancer)
        assert response.status_code == 302
    data = fill(client, "/en/feedback/", answers=FEEDBACK)
    response = client.post("/en/feedback/", data, HTTP_X_FORWARDED_FOR="198.51.100.1", **balancer)
    assert response.status_code == 429
