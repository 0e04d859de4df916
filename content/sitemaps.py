from django.contrib.sitemaps import Sitemap

from content.models import Page
from nexus import site_url


class SiteUrlSitemap(Sitemap):
    """Absolute URLs from NEXUS_SITE_URL (the public address), not from the request's host."""

    def get_urls(self, page=1, site=None, protocol=None):
        scheme, netloc = site_url.parts()
        domain = type("Domain", (), {"domain": netloc})()
        return super().get_urls(page=page, site=domain, protocol=scheme)


class HomeSitemap(SiteUrlSitemap):
    priority = 1.0

    def items(self):
        return ["/"]

    def location(self, item):
        return item


class PageSitemap(SiteUrlSitemap):
    def items(self):
        return Page.objects.live().only("url_path", "last_published_at").order_by("url_path")

    def location(self, item):
        return item.url_path

    def lastmod(self, item):
        return item.last_published_at


SITEMAPS = {"home": HomeSitemap, "pages": PageSitemap}
