"""The Redis cache: django-redis, told to treat an unreachable Redis as an empty cache.

With IGNORE_EXCEPTIONS, reads are misses and writes are dropped, so pages render from the
database, rate limits allow the request, and everything recovers by itself when Redis
returns (the pool reconnects on the next call). django-redis logs each ignored error (the
operation's traceback, never keys or values) to the `nexus.cache` logger.

One answer differs: django-redis's add() says None during an outage, which callers read as
"the key was already there". The newsletter uses add() to send at most one confirmation per
address per interval, so an outage would send none at all; here add() says True, as if the
empty cache had taken the key.
"""

from django_redis.cache import RedisCache as DjangoRedisCache


class RedisCache(DjangoRedisCache):
    def add(self, *args, **kwargs):
        added = super().add(*args, **kwargs)
        return True if added is None else added
