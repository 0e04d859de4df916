from django.urls import path

from content.views import pages, search, style

# Inside i18n_patterns (nexus/urls.py): each of these exists in every language, under its prefix.
# robots.txt, the sitemap and the feed are content.site_urls.
app_name = "content"
urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", search.search_view, name="search"),
    path("preview/<int:pk>/", pages.preview, name="preview"),
    path("style/", style.style_guide, name="style"),
    path("_page/<int:pk>/", pages.page_link, name="page-link"),
    path("<path:path>/", pages.page, name="page"),
]
