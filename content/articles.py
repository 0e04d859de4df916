"""What content offers the newsletter (settings.NEXUS_NEWSLETTER_ARTICLES points here)."""

from content.models import Page
from nexus.site_url import absolute


def latest(limit=5):
    """The newest blog articles as plain data: title, summary and absolute URL."""
    return [
        {"title": page.live_title, "summary": page.live_summary, "url": absolute(page.url_path)}
        for page in Page.objects.blog_articles().only("live_title", "live_summary", "url_path")[:limit]
    ]
