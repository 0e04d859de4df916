"""The site's URLs with the local outbox, as local settings have them (test settings do not)."""

from django.conf import settings
from django.urls import include, path

from nexus.urls import urlpatterns as site_urlpatterns

urlpatterns = [path(settings.NEXUS_ADMIN_PATH + "outbox/", include("nexus.outbox.urls")), *site_urlpatterns]
