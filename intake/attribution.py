"""First-touch attribution without cookies on content pages.

static/js/calls.js keeps the first page of a visit, the referring origin and the UTM
parameters in the tab's sessionStorage and sends them with forms (hidden `ft_*` fields) and
call-click beacons. Without JavaScript the form page fills the same fields from its own
request (its path, the Referer's origin, its UTM parameters). Either way the values come
from the client, so they are cleaned here and never trusted for anything but reporting.
"""

import re
from urllib.parse import urlsplit

FIELDS = ["landing_path", "referrer_origin", "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content"]
UTM = [name for name in FIELDS if name.startswith("utm_")]
_PRINTABLE = re.compile(r"[^\x20-\x7e]")


def _text(value, limit=100):
    return _PRINTABLE.sub("", str(value or "")).strip()[:limit]


def _path(value):
    path = urlsplit(_text(value, 400)).path
    return path[:200] if path.startswith("/") and not path.startswith("//") else ""


def _origin(value):
    parts = urlsplit(_text(value, 400))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    return f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"[:200]


def clean(data, prefix="ft_"):
    """Attribution model fields from a mapping of `ft_*` values (a POST), each one sanitised."""
    values = {name: _text(data.get(prefix + name)) for name in UTM}
    values["landing_path"] = _path(data.get(prefix + "landing_path"))
    values["referrer_origin"] = _origin(data.get(prefix + "referrer_origin"))
    return values


def from_request(request):
    """The server's fallback: this page as the landing page, the Referer's origin if external."""
    referrer = _origin(request.headers.get("referer", ""))
    if referrer and urlsplit(referrer).netloc == request.get_host():
        referrer = ""
    values = {name: _text(request.GET.get(name)) for name in UTM}
    return values | {"landing_path": _path(request.path), "referrer_origin": referrer}


def as_initial(values, prefix="ft_"):
    return {prefix + name: value for name, value in values.items()}
