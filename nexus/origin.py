"""Refusing cross-site POSTs without a CSRF cookie, for anonymous endpoints on public pages.

The newsletter sign-up sits in the footer of every page and the call-click beacon fires from
every page, and those pages are shared-cached (one copy for everyone), so they cannot carry a
per-visitor CSRF token or set a cookie. Such an endpoint is `csrf_exempt` and instead accepts
a POST only when the browser says it came from this site: the `Origin` header (sent by every
current browser on a POST) must be this site's own origin, and `Sec-Fetch-Site`, when
present, must be "same-origin". Without an Origin header the Referer's origin is compared
instead; with neither, the request is refused.
"""

from urllib.parse import urlsplit

from nexus import site_url


def origin_of(url):
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def own_origins(request):
    return {f"{request.scheme}://{request.get_host()}".lower(), origin_of(site_url.base())}


def is_same_origin(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin is not None:  # "null" (sandboxed frames, privacy redirects) never matches
        return origin.lower() in own_origins(request)
    referer = request.headers.get("Referer")
    if referer:
        return origin_of(referer) in own_origins(request)
    return fetch_site == "same-origin"
