"""Request bodies on public endpoints: small, and never multipart, refused before anything reads them.

One public form takes files: a view marked with `accepts_uploads(view, max_bytes=...)` (the
"Check your insurance" form) accepts a multipart body up to its own limit, and nothing else
does. Apart from it, no public form of ours takes a file, and the largest valid one (an inquiry with a 5,000-character
message of four-byte characters, percent-encoded) is about 62 KB. Without this, any endpoint
that reads `request.POST` (the CSRF-exempt newsletter sign-up among them) lets anyone make
Django parse a multipart upload of any size and spool its files to disk. The refusal looks
only at the headers (Content-Length, Content-Type): the body itself is never read. A request
without a Content-Length (chunked) is read by Django as empty, so it cannot bring a body in.

Signed-in staff are exempt in the admin, which may take uploads one day; there Django's own
limits (DATA_UPLOAD_MAX_MEMORY_SIZE, FILE_UPLOAD_MAX_MEMORY_SIZE) apply. It must run after
AuthenticationMiddleware, which only makes `request.user` lazy: the session is read only for a
large or multipart request to the admin.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import Resolver404, resolve


def declared_length(request):
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0  # Django reads such a body as empty too


def accepts_uploads(view, *, max_bytes):
    """Mark a public view as taking a multipart body (file uploads) of at most `max_bytes`."""
    view.upload_max_bytes = max_bytes
    return view


def upload_limit(request):
    """The multipart limit of the view this request is for, or None if it takes no upload."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    return getattr(match.func, "upload_max_bytes", None)


class PublicBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = settings.NEXUS_PUBLIC_MAX_BODY_BYTES
        self.admin_prefix = "/" + settings.NEXUS_ADMIN_PATH

    def __call__(self, request):
        multipart = request.content_type.startswith("multipart/")
        too_large = declared_length(request) > self.limit
        if (multipart or too_large) and not self.staff_in_admin(request):
            allowed = upload_limit(request) if multipart else None
            if allowed is None:
                return self.refuse(request, status=415 if multipart else 413)
            if declared_length(request) > allowed:
                return self.refuse(request, status=413, limit=allowed)
        return self.get_response(request)

    def staff_in_admin(self, request):
        user = request.user
        return request.path.startswith(self.admin_prefix) and user.is_active and user.is_staff

    def refuse(self, request, *, status, limit=None):
        limit = limit or self.limit
        size = f"{limit // (1024 * 1024)} MB" if limit >= 1024 * 1024 else f"{limit // 1024} KB"
        what = "a file upload" if status == 415 else f"a body over {size}"
        text = (
            f"This address does not accept {what}; nothing was stored.\n"
            f"To reach us, call {settings.NEXUS_PHONE}. In a crisis, call or text 988.\n"
        )
        return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
