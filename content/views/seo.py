from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.http import require_safe

from content.structured_data import absolute


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.NEXUS_ADMIN_PATH.strip('/')}/",
        "Disallow: /search/",
        "Disallow: /preview/",
        # Form result pages (thank-you, confirmation, unsubscribe) say nothing worth indexing.
        "Disallow: /admissions/thank-you/",
        "Disallow: /newsletter/check-your-inbox/",
        "Disallow: /newsletter/confirm/",
        "Disallow: /newsletter/unsubscribe/",
        "",
        f"Sitemap: {absolute('/sitemap.xml')}",
        "",
    ]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response
