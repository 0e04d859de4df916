"""The content cache: one generation number that every content change moves on.

Menus, index pages, the blog and the home page all show other pages' titles, so a change to one
page can affect many; moving the generation invalidates every cached page at once (cheap: keys
simply stop matching and expire). With REDIS_URL set this works across processes.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "content:generation"
TIMEOUT = 300


def generation():
    return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)


def invalidate():
    cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def environment():
    """The environment's site values are part of every page: a change to them is a new key."""
    names = ("NEXUS_CENTER_NAME", "NEXUS_PHONE", "NEXUS_ADDRESS", "NEXUS_ADMISSIONS_EMAIL", "NEXUS_SITE_URL")
    values = "|".join(str(getattr(settings, name, "")) for name in names)
    return hashlib.sha256(values.encode()).hexdigest()[:12]


def key(kind, *parts):
    """A short, fixed-shape key: the parts (paths, page numbers) come from the URL, so they are
    hashed rather than written into the key as sent."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    return ":".join(["content", str(generation()), environment(), str(kind), digest])


def get(*parts):
    return cache.get(key(*parts))


def set(value, *parts, timeout=TIMEOUT):  # noqa: A001 - mirrors the cache API
    cache.set(key(*parts), value, timeout)
