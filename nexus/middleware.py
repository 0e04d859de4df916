from django.conf import settings


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
