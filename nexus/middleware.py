from django.conf import settings


class PermissionsPolicyMiddleware:
    """Turn off powerful browser features no page here needs (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.NEXUS_PERMISSIONS_POLICY)
        return response
