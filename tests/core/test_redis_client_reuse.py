"""The resilient Redis cache reuses one redis.Redis client per connection pool (Django builds one per
command, which cost a fifth of the CPU of a page served from the cache)."""

import redis

from core.resilient_cache import ResilientRedisCache


def test_one_client_per_connection_pool_is_reused():
    cache = ResilientRedisCache("redis://127.0.0.1:1/0", {})  # never connected: clients connect lazily
    reader = cache._cache.get_client("a")
    assert isinstance(reader, redis.Redis)
    assert cache._cache.get_client("b") is reader
    assert cache._cache.get_client("c", write=True) is reader  # one server: reads and writes share a pool


def test_each_server_pool_has_its_own_client():
    cache = ResilientRedisCache("redis://127.0.0.1:1/0,redis://127.0.0.1:2/0", {})
    writer = cache._cache.get_client(write=True)
    reader = cache._cache.get_client()  # the replica
    assert writer is not reader
    assert writer.connection_pool is not reader.connection_pool
    assert cache._cache.get_client() is reader
    assert cache._cache.get_client(write=True) is writer
