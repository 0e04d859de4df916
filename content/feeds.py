import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from content.context_processors import site_and_menu
from content.models import Page, SiteSettings
from nexus.site_url import absolute

BLOG_PATH = "/blog/"


class BlogFeed(Feed):
    """The blog's articles, newest first, as Atom.

    Every link is absolute already: Django's Feed would otherwise prefix the Site row's domain.
    """

    feed_type = Atom1Feed

    def link(self):
        return absolute(BLOG_PATH)

    def feed_url(self):
        return absolute(reverse("blog-feed"))

    def title(self):
        site = site_and_menu()["row"] or SiteSettings.defaults_context()
        return f"{site['name']} blog"

    def subtitle(self):
        return "Articles on recovery, treatment and supporting someone you love."

    def items(self):
        return (
            Page.objects.blog_articles()
            .select_related("live_revision")
            .only("url_path", "live_title", "live_summary", "live_published_on", "last_published_at", "live_revision")
        )[:20]

    def item_title(self, item):
        return item.live_title

    def item_description(self, item):
        return item.live_summary

    def item_link(self, item):
        return absolute(item.url_path)

    def item_author_name(self, item):
        return item.live_revision.snapshot["author"]  # as published, not as the draft says

    def item_pubdate(self, item):
        if item.live_published_on:
            return datetime.datetime.combine(
                item.live_published_on, datetime.time(9), tzinfo=timezone.get_current_timezone()
            )
        return item.last_published_at

    def item_updateddate(self, item):
        return item.last_published_at
