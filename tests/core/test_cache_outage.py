"""Redis away: pages are served from the database, rate-limited forms answer 503 and store nothing, the
outage is logged once, and everything comes back by itself (core/resilient_cache.py, core/rate_limits.py).

Runs against a real redis-server of its own on a free port, stopped and started again (or frozen with
SIGSTOP, a server that no longer answers but keeps its data); skipped when redis-server is not installed.
"""

import logging
import re
import signal
import time
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation

from bench.servers import RedisServer
from core import resilient_cache
from core.caching import SharedCache
from forms.models import ConsentRecord, ConsentSubmission, PrivacyRequest
from forms.models.records import ConsentEvent
from forms.withdrawal import make_withdrawal_token
from tests.forms.helpers import fill

pytestmark = pytest.mark.skipif(not RedisServer.available(), reason="redis-server is not installed")

ROOT = Path(__file__).resolve().parents[2]
OUTAGE_LOGGER = "core.resilient_cache"


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def redis_cache(settings, redis_server, monkeypatch):
    """The site's cache is the resilient Redis backend on the test's own server, given up on after
    0.2 s and tried again 0.1 s after a failure."""
    monkeypatch.setattr(resilient_cache, "RETRY_AFTER", 0.1)
    settings.CACHES = {
        "default": {
            "BACKEND": "core.resilient_cache.ResilientRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    yield redis_server
    if redis_server.process is not None and redis_server.process.poll() is None:
        redis_server.process.send_signal(signal.SIGCONT)  # in case a test froze it
        cache.clear()


def back_again(server):
    """Start the stopped server again and wait until this process uses it."""
    server.start()
    time.sleep(resilient_cache.RETRY_AFTER * 2)


def outage_messages(caplog):
    return [record.getMessage() for record in caplog.records if record.name == OUTAGE_LOGGER]


def test_cache_errors_are_misses_logged_once_per_outage(redis_cache, caplog):
    caplog.set_level(logging.WARNING, logger=OUTAGE_LOGGER)
    cache.set("k", "v")
    assert cache.get("k") == "v"
    redis_cache.stop()
    for _ in range(20):
        assert cache.get("k") is None
        assert cache.get("k", "default") == "default"
        assert cache.get_many(["k", "other"]) == {}
        cache.set("k", "new")  # dropped, no error
        assert cache.add("n", 1) is False
        assert cache.incr("n") is None
        assert cache.delete("k") is False
        assert cache.get_or_set("k", "computed") == "computed"
        time.sleep(0.01)
    messages = outage_messages(caplog)
    assert len(messages) == 1
    assert "unreachable" in messages[0]

    back_again(redis_cache)
    cache.set("k", "after")
    assert cache.get("k") == "after"
    assert cache.add("counter", 1) is True
    assert cache.incr("counter") == 2
    messages = outage_messages(caplog)
    assert len(messages) == 2
    assert "reachable again" in messages[1]


def test_a_forget_during_the_outage_is_not_lost_when_the_same_data_comes_back(redis_cache):
    """A server that stops answering but keeps its data (a network cut; here SIGSTOP): the new
    generation of a namespace forgotten meanwhile never reached it, yet its old entries are not used."""
    shared = SharedCache("test-outage", "test namespace")
    try:
        for key in ("one", "two"):
            assert shared.get(key, lambda key=key: f"{key} before") == f"{key} before"
            assert shared.get(key, lambda: "unused") == f"{key} before"  # cached
        redis_cache.process.send_signal(signal.SIGSTOP)
        assert shared.get("one", lambda: "one during") == "one during"  # a miss, computed
        shared.forget()  # e.g. a publish: cannot reach the server
        redis_cache.process.send_signal(signal.SIGCONT)
        time.sleep(resilient_cache.RETRY_AFTER * 2)
        assert cache.get("unrelated") is None  # the first command after the outage
        assert cache.get(shared.entry_key("two"))[1] == "two before"  # still in Redis
        assert shared.get("two", lambda: "two after") == "two after"
        assert shared.get("one", lambda: "one after") == "one after"
    finally:
        SharedCache.registry.pop("test-outage", None)


def test_the_read_that_ends_an_outage_is_a_miss(redis_cache):
    """It was read before the recovery forgot everything, so it could be stale."""
    cache.set("key", "value")
    redis_cache.process.send_signal(signal.SIGSTOP)
    assert cache.get("key") is None
    redis_cache.process.send_signal(signal.SIGCONT)
    time.sleep(resilient_cache.RETRY_AFTER * 2)
    assert cache.get("key") is None  # answered, but ends the outage
    assert cache.get("key") == "value"


def test_pages_are_served_from_the_database_while_redis_is_down(client, policy_pages, redis_cache):
    for path in ("/kk/", "/kk/privacy/", "/en/contact/"):
        assert client.get(path).status_code == 200  # warms the cache
    redis_cache.stop()
    for path in ("/kk/", "/kk/privacy/", "/ru/privacy/versions/", "/en/contact/"):
        response = client.get(path)
        assert response.status_code == 200, path
    back_again(redis_cache)
    assert client.get("/kk/privacy/").status_code == 200


def assert_try_again_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-store" in response["Cache-Control"]
    with translation.override("en"):
        text = response.content.decode()
        assert "Please try again in a minute" in text
        assert "Nothing you sent has been stored." in text


def test_a_rate_limited_consent_form_answers_503_and_stores_nothing_then_works_again(
    client, policy_pages, redis_cache, django_capture_on_commit_callbacks
):
    data = fill(client, "/en/contact/")
    redis_cache.stop()
    response = client.post("/en/contact/", data)
    assert_try_again_page(response)
    assert '<html lang="en">' in response.content.decode()
    assert ConsentSubmission.objects.count() == 0
    assert ConsentRecord.objects.count() == 0

    back_again(redis_cache)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/contact/", data)
    assert response.status_code == 302
    assert ConsentRecord.objects.count() == 1


def test_a_privacy_request_answers_503_and_stores_nothing_while_redis_is_down(client, db, redis_cache):
    redis_cache.stop()
    fields = {"request_type": "information", "email": "person@example.kz", "receipt_id": "", "details": ""}
    response = client.post("/ru/privacy/requests/", fields)
    assert response.status_code == 503
    assert '<html lang="ru">' in response.content.decode()
    assert PrivacyRequest.objects.count() == 0


def test_a_withdrawal_answers_503_and_changes_nothing_while_redis_is_down(
    client, policy_pages, redis_cache, django_capture_on_commit_callbacks
):
    data = fill(client, "/en/contact/")
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/en/contact/", data).status_code == 302
    record = ConsentRecord.objects.get()
    grant = record.grants.filter(granted=True).first()
    path = f"/en/contact/withdraw/{make_withdrawal_token(record.pk, grant.purpose_number)}/"
    redis_cache.stop()
    assert_try_again_page(client.post(path))
    assert ConsentEvent.objects.filter(record=record, state="withdrawn").count() == 0


def test_every_rate_limit_goes_through_core_rate_limits():
    """django-ratelimit's own is_ratelimited fails open (RATELIMIT_FAIL_OPEN): only core.rate_limits,
    which refuses with a 503 instead, may call it."""
    offenders = []
    for app in ("cms", "core", "home", "policy", "forms", "demo"):
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            imports = re.search(r"^\s*(from|import) django_ratelimit", text, re.MULTILINE)
            if imports and path.relative_to(ROOT).as_posix() != "core/rate_limits.py":
                offenders.append(path.relative_to(ROOT).as_posix())
    assert offenders == []
