"""Every key the default cache holds, whichever backend the run uses (local memory, or Redis in CI)."""

from django.core.cache import caches
from django_redis.cache import RedisCache


def cache_keys():
    cache = caches["default"]
    if isinstance(cache, RedisCache):
        return [key.decode() for key in cache.client.get_client().scan_iter("*")]
    return [str(key) for key in cache._cache]
