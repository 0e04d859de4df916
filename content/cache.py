"""The content cache: one generation number that every content change moves on.

Menus, index pages, the blog and the home page all show other pages' titles, so a change to one
page can affect many; moving the generation invalidates every cached page at once (cheap: keys
simply stop matching and expire). With REDIS_URL set this works across processes.
"""

import time

from django.core.cache import cache

GENERATION_KEY = "content:generation"
TIMEOUT = 300


def generation():
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def invalidate():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def key(*parts):
    return ":".join(["content", str(generation()), *map(str, parts)])


def get(*parts):
    return cache.get(key(*parts))


def set(value, *parts, timeout=TIMEOUT):  # noqa: A001 - mirrors the cache API
    cache.set(key(*parts), value, timeout)
