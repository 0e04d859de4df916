"""The Redis cache: django-redis, told to treat an unreachable Redis as an empty cache.

With IGNORE_EXCEPTIONS, reads are misses and writes are dropped, so pages render from the
database, rate limits allow the request, and everything recovers by itself when Redis
returns (the pool reconnects on the next call). django-redis logs each ignored error (the
operation's traceback, never keys or values) to the `nexus.cache` logger.

Two answers differ, kept here: during an outage django-redis's add() and incr() say None.
The newsletter reads add()'s None as "a confirmation was already sent" (an outage would send
none at all), and the intake rate limit compares incr()'s answer with a number (None made
every inquiry a 500 in make prod-smoke). Here add() says True, as if the empty cache had
taken the key, and incr() says `delta`, as if it had counted from zero.
"""

from django_redis.cache import RedisCache as DjangoRedisCache


class RedisCache(DjangoRedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added

    def incr(self, key, delta=1, *args, **kwargs):
        value = super().incr(key, delta, *args, **kwargs)
        return delta if value is None else value
