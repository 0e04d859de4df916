import re

from django.conf import settings
from django.shortcuts import render

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class RejectControlCharactersMiddleware:
    """A URL path with control characters is no page of ours: answer 400 before any view or the
    redirects fallback sends it to the database (PostgreSQL refuses a NUL in a query)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if CONTROL_CHARACTERS.search(request.path):
            return render(request, "400.html", status=400)
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django has no setting for: Permissions-Policy everywhere, and no Referer to any
    other site from the pages where people type personal data (a form page's URL or query must
    never leave us, even as an origin). Not `no-referrer`: with it browsers send `Origin: null`
    on same-origin POSTs, which Django's CSRF check rightly refuses."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.no_referrer_paths = tuple(settings.NEXUS_NO_REFERRER_PATHS)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.NEXUS_PERMISSIONS_POLICY)
        if request.path.startswith(self.no_referrer_paths):
            response.headers["Referrer-Policy"] = "same-origin"
        return response
