from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from content.models import Page
from nexus import site_url


class SiteUrlSitemap(Sitemap):
    """Absolute URLs from NEXUS_SITE_URL (the public address), not from the request's host."""

    def get_urls(self, page=1, site=None, protocol=None):
        scheme, netloc = site_url.parts()
        domain = type("Domain", (), {"domain": netloc})()
        return super().get_urls(page=page, site=domain, protocol=scheme)


class HomeSitemap(SiteUrlSitemap):
    """The home page in every language, each listing the others (Django's i18n sitemaps)."""

    priority = 1.0
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return ["content:home"]

    def location(self, item):
        return reverse(item)  # in the language Sitemap activates for each entry


class PageSitemap(SiteUrlSitemap):
    """Every live page, in whichever language it is written; a page that exists in several
    languages lists them all as alternates (and x-default, the default language's)."""

    def items(self):
        if not hasattr(self, "_pages"):
            self._pages = list(
                Page.objects.live()
                .only("url_path", "last_published_at", "language", "translation_of")
                .order_by("url_path")
            )
        return self._pages

    def location(self, item):
        return item.url_path

    def lastmod(self, item):
        return item.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        groups = {}
        for item in self.items():
            groups.setdefault(item.translation_of_id or item.pk, {})[item.language] = item.url_path
        for url in urls:
            item = url["item"]
            found = groups[item.translation_of_id or item.pk]
            if len(found) < 2:
                continue
            url["alternates"] = [
                {"lang_code": code, "location": site_url.absolute(found[code])}
                for code, _name in settings.LANGUAGES
                if code in found
            ]
            if settings.LANGUAGE_CODE in found:
                url["alternates"].append(
                    {"lang_code": "x-default", "location": site_url.absolute(found[settings.LANGUAGE_CODE])}
                )
        return urls


SITEMAPS = {"home": HomeSitemap, "pages": PageSitemap}
