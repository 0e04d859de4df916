"""The site's one absolute address (NEXUS_SITE_URL): every link that leaves the page is built here.

Canonical links, Open Graph, JSON-LD, share links, the Atom feed, the sitemap, robots.txt, emails
and the admin's "View on site" all call `absolute()`, never the request's host nor the Site row:
an email or a background task has no request, and the Site row's domain is a stale copy.
Locally NEXUS_SITE_URL follows PORT (nexus/settings/local.py).
"""

from urllib.parse import urlsplit

from django.conf import settings


def base():
    """The site's address without a trailing slash, e.g. "https://nexus-recovery.example"."""
    return settings.NEXUS_SITE_URL.rstrip("/")


def absolute(path):
    """An absolute URL for a path on this site ("/blog/" -> "http://127.0.0.1:8000/blog/")."""
    return base() + path


def parts():
    """(scheme, netloc) of the site's address, for code that asks for them apart (sitemaps)."""
    split = urlsplit(base())
    return split.scheme, split.netloc


def hostname():
    return urlsplit(base()).hostname or "localhost"


def view_on_site(obj):
    """For `ModelAdmin.view_on_site`: the object's public page, absolute, or None (no button).

    Objects say whether they have a public page (`has_public_page()`); a draft or an unsent
    issue has none, so the admin shows no button rather than a link to a 404.
    """
    return absolute(obj.get_absolute_url()) if obj.has_public_page() else None
