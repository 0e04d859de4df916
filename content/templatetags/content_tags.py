import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()

SAFE_SCHEMES = ("/", "https://", "http://", "tel:", "mailto:", "#")


@register.filter
def json_ld(value):
    """JSON for a `<script type="application/ld+json">` data block: <, > and & escaped, so no tag can close it."""
    return mark_safe(json.dumps(value, separators=(",", ":")).translate(_json_script_escapes))  # noqa: S308


@register.filter
def safe_link(url):
    """An editor's link, or "#" when its scheme could run script (javascript:, data:)."""
    url = (url or "").strip()
    return url if url.startswith(SAFE_SCHEMES) and not url.startswith("//") else "#"


@register.simple_tag
def trust_signals():
    """The published accreditations, insurance, first-call steps and team (cached): {% trust_signals as trust %}."""
    from content import trust

    return trust.signals()
