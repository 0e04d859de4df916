"""A URL that reads the database, for the database-down tests (run in a subprocess)."""

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.urls import path

from nexus.urls import handler404, handler500  # noqa: F401
from nexus.urls import urlpatterns as site_urlpatterns


def count_users(request):
    return HttpResponse(str(get_user_model().objects.count()))


urlpatterns = [path("db-read/", count_users), *site_urlpatterns]
