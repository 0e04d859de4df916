"""The content cache: one generation number that every content change moves on.

Menus, index pages, the blog and the home page all show other pages' titles, so a change to one
page can affect many; moving the generation invalidates every cached page at once (cheap: keys
simply stop matching and expire). With REDIS_URL set this works across processes (within a second).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import translation

GENERATION_KEY = "content:generation"
TIMEOUT = 300


# The generation is also kept in this process for a second: a cached page then costs one cache
# round trip, not two. Another process sees a publish at most LOCAL_SECONDS later.
LOCAL_SECONDS = 1.0
_local = {"value": None, "until": 0.0}


def _remember(value):
    _local.update(value=value, until=time.monotonic() + LOCAL_SECONDS)
    return value


def generation():
    if _local["value"] is not None and time.monotonic() < _local["until"]:
        return _local["value"]
    return _remember(cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None))


def invalidate():
    """Move the generation on once the change is committed: until then other connections still read
    the old rows, and a page they render would be cached again under the new generation."""
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, _remember(time.time_ns()), timeout=None))


def environment():
    """The environment's site values are part of every page: a change to them is a new key."""
    names = ("NEXUS_CENTER_NAME", "NEXUS_PHONE", "NEXUS_ADDRESS", "NEXUS_ADMISSIONS_EMAIL", "NEXUS_SITE_URL")
    values = "|".join(str(getattr(settings, name, "")) for name in names)
    return hashlib.sha256(values.encode()).hexdigest()[:12]


def language():
    """The active language (the URL's, nexus.locale): the same path renders a different frame in each."""
    return translation.get_language() or settings.LANGUAGE_CODE


def stamp():
    """What every kept piece of the frame depends on besides the language: the content generation
    and the environment's site values (`frame_version`, the fragments in base.html)."""
    return f"{generation()}-{environment()}"


def key(kind, *parts):
    """A short, fixed-shape key: the parts (paths, page numbers) come from the URL, so they are
    hashed rather than written into the key as sent. The language is part of every key."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]
    return ":".join(["content", str(generation()), environment(), language(), str(kind), digest])


# Values every page needs (the settings row, the menu), kept in this process for the current
# generation: a page the cache does not hold then costs no query for them.
_memo = {}


def remembered(name, build):
    """`build()`, computed once per content generation and language in this process (a dict, not the
    shared cache: reading it back from Redis would cost as much as the queries it saves). `build`
    runs with the language active, so what it reads (the menu) is that language's."""
    stamp = (generation(), environment())
    slot = (name, language())
    held = _memo.get(slot)
    if held is None or held[0] != stamp:
        held = (stamp, build())
        _memo[slot] = held
    return held[1]


def get(full_key):
    return cache.get(full_key)


def set(full_key, value, timeout=TIMEOUT):  # noqa: A001 - mirrors the cache API
    """Store under a key made *before* the database was read: should a commit move the generation on
    meanwhile, what was read before it lands under the old generation, which nobody asks for."""
    cache.set(full_key, value, timeout)
