"""`SharedCache.prefetch`: several entries in one round trip, used by the request's later gets; stale or
missing entries are computed as usual; nothing happens outside a request."""

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


def fill(numbers, values):
    """Store entries as an earlier request would have."""
    request_finished.send(sender=None)
    for key, value in values.items():
        numbers.get(key, lambda value=value: value)
    request_started.send(sender=None)


def test_prefetched_entries_cost_one_round_trip(db, in_request):
    numbers = SharedCache("test-prefetch-numbers")
    fill(numbers, {"a": 1, "b": 2, "c": 3})
    with counting_reads() as get_many:
        numbers.prefetch(["a", "b", "c"])
        assert [numbers.get(key, lambda: 0) for key in ("a", "b", "c")] == [1, 2, 3]
    assert get_many.call_count == 1


def test_missing_and_forgotten_entries_are_computed(db, in_request):
    numbers = SharedCache("test-prefetch-missing")
    fill(numbers, {"a": 1})
    numbers.prefetch(["a", "b"])
    assert numbers.get("b", lambda: 20) == 20
    numbers.forget()
    numbers.prefetch(["a"])
    assert numbers.get("a", lambda: 10) == 10


def test_outside_a_request_prefetch_reads_nothing(db):
    numbers = SharedCache("test-prefetch-outside")
    with counting_reads() as get_many:
        numbers.prefetch(["a", "b"])
    assert get_many.call_count == 0
