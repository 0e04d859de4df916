from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from nexus.context_processors import site


@never_cache
@require_safe
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    # No RequestContext: context processors may need the database, and it may be what failed.
    html = loader.get_template("500.html").render(site(None))
    return HttpResponse(html, status=500)


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
