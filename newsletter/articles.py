"""Starting an issue from the latest blog articles, through a callable named in settings.

The content app is built separately and the newsletter must not reach into its models, so
the site names a function (NEXUS_NEWSLETTER_ARTICLES, by default "content.articles.latest")
that returns [{"title": ..., "summary": ..., "url": ...}, ...]. Without one the feature is off.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from nexus.site_url import absolute


def available():
    return bool(settings.NEXUS_NEWSLETTER_ARTICLES)


def latest(limit=5):
    if not available():
        return []
    return list(import_string(settings.NEXUS_NEWSLETTER_ARTICLES)())[:limit]


def draft_body(articles):
    """Markdown for an issue body: one heading, summary and link per article, ready to edit."""
    parts = ["Here is what we published this month.", ""]
    for article in articles:
        url = absolute(article["url"]) if article["url"].startswith("/") else article["url"]
        # Link text that says where it goes (a list of links reads "Read the article" three times otherwise).
        link = f"[Read “{article['title']}” on our site]({url})"
        parts += [f"## {article['title']}", "", article.get("summary", ""), "", link, ""]
    return "\n".join(parts).strip() + "\n"
