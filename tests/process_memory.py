"""What a web process keeps between requests, forgotten: as a process that has just started."""

from django.core.cache import caches

from content import cache as content_cache
from content import presenter, scheduling


def forget():
    """Every cache emptied (Redis in CI outlives a test), and what the process keeps for the content
    generation (content.cache.remembered, the schedule, the published versions it has read)."""
    for each in caches.all():
        each.clear()
    content_cache._memo.clear()
    content_cache._local.update(value=None, until=0.0)
    scheduling._local.update(generation=None, value=None)
    presenter._versions.clear()
