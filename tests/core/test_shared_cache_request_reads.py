"""Within one request a shared-cache entry is read from the cache once; a forget() drops what the
request read; outside a request every get() asks the cache."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.core.signals import request_finished, request_started

from core.caching import SharedCache


@pytest.fixture
def in_request():
    request_started.send(sender=None)
    yield
    request_finished.send(sender=None)


def counting_reads():
    return mock.patch.object(cache, "get_many", wraps=cache.get_many)


def test_a_request_reads_an_entry_once(db, in_request):
    numbers = SharedCache("test-request-numbers")
    assert numbers.get("a", lambda: 1) == 1
    with counting_reads() as get_many:
        assert numbers.get("a", lambda: 2) == 1
        assert numbers.get("a", lambda: 3) == 1
    assert get_many.call_count == 0


def test_forget_drops_what_the_request_read(db, in_request):
    numbers = SharedCache("test-request-forget")
    other = SharedCache("test-request-other")
    assert numbers.get("a", lambda: 1) == 1
    assert other.get("a", lambda: "kept") == "kept"
    numbers.forget()
    assert numbers.get("a", lambda: 2) == 2
    with counting_reads() as get_many:
        assert other.get("a", lambda: "recomputed") == "kept"
    assert get_many.call_count == 0


def test_a_write_in_an_open_transaction_is_read_afresh(db, in_request, django_capture_on_commit_callbacks):
    numbers = SharedCache("test-request-transaction")
    assert numbers.get("a", lambda: 1) == 1
    numbers.forget()  # inside the test's transaction: takes effect on commit
    assert numbers.get("a", lambda: 2) == 2
    assert numbers.get("a", lambda: 3) == 3  # bypasses the cache and the request's reads alike


def test_outside_a_request_every_get_asks_the_cache(db):
    request_finished.send(sender=None)
    numbers = SharedCache("test-no-request")
    assert numbers.get("a", lambda: 1) == 1
    with counting_reads() as get_many:
        assert numbers.get("a", lambda: 2) == 1
        assert numbers.get("a", lambda: 3) == 1
    assert get_many.call_count == 2


def test_a_form_page_reads_the_policy_page_once(client, policy_pages):
    client.get("/en/contact/")  # fills the cache
    with counting_reads() as get_many:
        response = client.get("/en/contact/")
    assert response.status_code == 200
    keys = [key for call in get_many.call_args_list for key in call.args[0] if ":entry:" in key]
    assert len(keys) == len(set(keys)), sorted(keys)
