from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from images.views import media
from nexus import views
from nexus.view_on_site import view_on_site

urlpatterns = [
    # Before the admin: the two-step sign-in replaces the admin's own login view.
    path(settings.NEXUS_ADMIN_PATH, include("nexus.signin_urls")),
    # Before the admin too: its own "view on site" tells staff which leads exist (see the module).
    path(f"{settings.NEXUS_ADMIN_PATH}r/<int:content_type_id>/<path:object_id>/", admin.site.admin_view(view_on_site)),
    path(settings.NEXUS_ADMIN_PATH, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    # Browsers and the admin ask for /favicon.ico; ours is an SVG among the static files.
    path("favicon.ico", views.favicon),
    path("", include("content.site_urls")),
]
# What the public reads and fills in, once per language: English unprefixed, Spanish under /es/
# (nexus.locale). Everything above is outside any language and always English: the admin and
# the sign-in (staff work in English), /healthz, robots.txt, the sitemap, the feed, media.
urlpatterns += i18n_patterns(
    path("admissions/", include("intake.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("", include("content.urls")),
    prefix_default_language=False,
)

# The local outbox exists only where the settings keep mail in files (local settings, no EMAIL_URL).
if getattr(settings, "NEXUS_OUTBOX_DIR", None):
    urlpatterns.insert(0, path(settings.NEXUS_ADMIN_PATH + "outbox/", include("nexus.outbox.urls")))

handler404 = "nexus.views.page_not_found"
handler500 = "nexus.views.server_error"

# Media from the default storage where no bucket serves it (local settings; docs/images.md).
if settings.NEXUS_SERVE_MEDIA:
    urlpatterns.insert(0, path(settings.MEDIA_URL.lstrip("/") + "<path:name>", media, name="media"))
