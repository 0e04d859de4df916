"""Content's addresses that exist once, in no language's prefix: for crawlers and feed readers.

The rest of content.urls sits inside `i18n_patterns` (nexus/urls.py), once per language.
"""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from content.feeds import BlogFeed
from content.sitemaps import SITEMAPS
from content.views import seo

urlpatterns = [
    path("robots.txt", seo.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # English only: the Spanish blog has no feed yet (docs/add-a-language.md).
    path("blog/feed/", BlogFeed(), name="blog-feed"),
]
