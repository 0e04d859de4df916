from django.contrib.sitemaps.views import sitemap
from django.urls import path

from content.feeds import BlogFeed
from content.sitemaps import SITEMAPS
from content.views import pages, search, seo, style

app_name = "content"
urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", search.search_view, name="search"),
    path("robots.txt", seo.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("blog/feed/", BlogFeed(), name="blog-feed"),
    path("preview/<int:pk>/", pages.preview, name="preview"),
    path("style/", style.style_guide, name="style"),
    path("_page/<int:pk>/", pages.page_link, name="page-link"),
    path("<path:path>/", pages.page, name="page"),
]
