import time

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

SIGNED_IN_AT = "nexus_signed_in_at"


class StaffSessionMiddleware:
    """Staff sessions end after an absolute limit, and wait at enrolment until 2FA is set up.

    The idle timeout is the session cookie's age, renewed on each request
    (SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request with a session cookie can be signed in. Checking that first keeps public
        # pages from reading the session, which would add `Vary: Cookie` and spoil shared caching.
        user = getattr(request, "user", None)
        has_session = settings.SESSION_COOKIE_NAME in request.COOKIES
        if has_session and user is not None and user.is_authenticated and user.is_staff:
            signed_in_at = request.session.setdefault(SIGNED_IN_AT, time.time())
            if time.time() - signed_in_at > settings.NEXUS_STAFF_SESSION_MAX_SECONDS:
                logout(request)
                return redirect(reverse("admin:login") + "?next=" + request.path)
            if settings.NEXUS_REQUIRE_2FA and not user.is_verified() and not self._enrolment_path(request.path):
                return redirect("nexus:enrol")
        return self.get_response(request)

    @staticmethod
    def _enrolment_path(path):
        allowed = (reverse("nexus:enrol"), reverse("admin:logout"), settings.STATIC_URL)
        return path.startswith(allowed)
