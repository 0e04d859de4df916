import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from nexus import health
from nexus.context_processors import site


@never_cache
@require_safe
def healthz(request):
    """200 when the database answers (what a load balancer needs), with the cache and worker state."""
    report = health.check()
    lines = ["ok" if report["database"] == "ok" else "database unavailable"]
    lines += [f"{part}: {state}" for part, state in report.items()]
    status = 200 if report["database"] == "ok" else 503
    return HttpResponse("\n".join(lines) + "\n", status=status, content_type="text/plain")


@require_safe
def favicon(request):
    # Resolved per request: the hashed name exists only once collectstatic has run.
    return redirect(static("favicon.svg"), permanent=True)


def page_not_found(request, exception):
    """In the address's language: LocaleMiddleware has activated it before any view ran."""
    return render(request, "404.html", status=404)


def server_error(request):
    """The 500 page, or a 503 when the database is what failed; neither touches the database."""
    # Django calls this inside its `except` block, so the exception is at hand.
    database_down = isinstance(sys.exc_info()[1], (OperationalError, InterfaceError))
    template, status = ("503.html", 503) if database_down else ("500.html", 500)
    # No RequestContext: context processors may need the database.
    context = site(None) | {"was_sending_form": request.method == "POST", "LANGUAGE_CODE": translation.get_language()}
    response = HttpResponse(loader.get_template(template).render(context), status=status)
    add_never_cache_headers(response)
    if database_down:
        response["Retry-After"] = "30"
    return response


def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", status=403)
