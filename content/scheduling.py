"""What changes by itself at a time: scheduled versions, "publish at", expiries. No cron.

Every public request asks `apply_due()` first. It costs nothing in the database while nothing is
due: the time of the next change is kept under the content generation (content.cache), so any
publish, schedule or expiry recomputes it. Once that time has passed, the first request to come
promotes the due versions, takes expired pages down, and moves the generation on; caches are told
to keep nothing past the next change (`seconds_to_next_change`).
"""

import datetime

from django.core.cache import cache
from django.db.models import Min, Q
from django.utils import timezone

from content import cache as content_cache
from content import services
from content.models import Page

_local = {"generation": None, "value": None}


def _compute(now):
    published = Q(status=Page.Status.PUBLISHED)
    times = Page.objects.aggregate(
        scheduled=Min("scheduled_at"),
        go_live=Min("go_live_at", filter=published & Q(go_live_at__gt=now)),
        expiry=Min("expire_at", filter=published),
    )
    found = [value for value in times.values() if value is not None]
    return min(found) if found else None


def next_change(now=None):
    """The earliest time at which what the public sees changes without anyone publishing (it may
    already have passed: then nobody has asked since), or None."""
    now = now or timezone.now()
    generation = content_cache.generation()
    if _local["generation"] == generation:
        return _local["value"]
    key = f"content:{generation}:next-change"
    stored = cache.get(key)
    if stored is None:
        value = _compute(now)
        stored = value.timestamp() if value else 0
        cache.set(key, stored, timeout=None)
    value = datetime.datetime.fromtimestamp(stored, tz=datetime.UTC) if stored else None
    _local.update(generation=generation, value=value)
    return value


def apply_due(now=None):
    """Make due changes happen; return the next change still to come (or None)."""
    now = now or timezone.now()
    upcoming = next_change(now)
    if upcoming is None or upcoming > now:
        return upcoming
    for page_id in Page.objects.filter(scheduled_at__lte=now).values_list("pk", flat=True):
        services.promote_scheduled(page_id=page_id, now=now)
    for page_id in Page.objects.filter(status=Page.Status.PUBLISHED, expire_at__lte=now).values_list("pk", flat=True):
        services.expire(page_id=page_id, now=now)
    content_cache.invalidate()
    return _compute(now)


def seconds_to_next_change(now=None, *, limit):
    """How long a cached copy made now may be kept: `limit`, or less when something changes sooner."""
    now = now or timezone.now()
    upcoming = apply_due(now)
    if upcoming is None:
        return limit
    return max(0, min(limit, int((upcoming - now).total_seconds())))
