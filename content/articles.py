"""What content offers the newsletter (settings.NEXUS_NEWSLETTER_ARTICLES points here)."""

from django.conf import settings

from content.models import Page


def latest(limit=5):
    """The newest blog articles as plain data: title, summary and absolute URL."""
    base = settings.NEXUS_SITE_URL.rstrip("/")
    return [
        {"title": page.live_title, "summary": page.live_summary, "url": base + page.url_path}
        for page in Page.objects.blog_articles().only("live_title", "live_summary", "url_path")[:limit]
    ]
