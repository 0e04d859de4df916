from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from content.structured_data import absolute


@require_safe
def robots_txt(request):
    # Each in every language: /search/, /es/search/ and so on.
    kept_out = [
        "/search/",
        "/preview/",
        # Form result pages (thank-you, confirmation, unsubscribe) say nothing worth indexing.
        "/admissions/thank-you/",
        "/newsletter/check-your-inbox/",
        "/newsletter/confirm/",
        "/newsletter/unsubscribe/",
    ]
    prefixes = [""] + [f"/{code}" for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.NEXUS_ADMIN_PATH.strip('/')}/",
        *(f"Disallow: {prefix}{path}" for prefix in prefixes for path in kept_out),
        "",
        f"Sitemap: {absolute('/sitemap.xml')}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response
