"""A published version's body, rendered once at publish: an uncached request renders only the frame.

The body is what depends on the version alone: title, summary and byline, the contents list, the
sections, the sources. Testimonials stay live (withdrawn consent takes a quote down at once), so a
testimonial section is kept as its index and filled in at request time. The stored body carries an
HMAC over itself and the body template's version: HTML edited in the database is never served (it is
rendered again from the snapshot, sanitised), and a changed template renders each version again on
its next request.
"""

import functools
import hashlib
import json

from django.conf import settings
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.safestring import mark_safe

from content import links, markdown

TEMPLATE = "content/includes/page_body.html"
# Sections whose content is read at request time, not frozen at publish.
LIVE_KINDS = ("testimonial", "image")


@functools.cache
def template_version():
    return hashlib.sha256(get_template(TEMPLATE).template.source.encode()).hexdigest()[:16]


def _mac(body):
    fields = [body["version"], body.get("language"), body["intro"], body["parts"], body["sources"]]
    payload = json.dumps(fields, separators=(",", ":"))
    return salted_hmac("content.frozen.body", payload, algorithm="sha256").hexdigest()


def render(data, language=None):
    """The body of snapshot `data` in the page's `language` (its headings, "Contents", "Sources"):
    {"version", "language", "intro", "parts" (HTML, or a live section's index), "sources", "mac"}.
    Section HTML is sanitised again: the snapshot may have been edited. Rendered under the page's
    language whatever is active (an editor publishes from the English admin)."""
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        return _render(data, language)


def _render(data, language):
    sections = [{**section, "html": mark_safe(markdown.sanitise(section["html"]))} for section in data["sections"]]  # noqa: S308
    contents = [section for section in sections if section["heading"] and section["anchor"]]
    parts, run = [], [render_to_string(f"{TEMPLATE}#contents", {"contents": contents})]
    for index, section in enumerate(sections):
        if section["kind"] in LIVE_KINDS:
            parts += ["".join(run), index]
            run = []
        else:
            run.append(render_to_string(f"{TEMPLATE}#section", {"section": section}))
    parts.append("".join(run))
    body = {
        "version": template_version(),
        "language": language,
        "intro": render_to_string(f"{TEMPLATE}#intro", {"data": data}),
        "parts": parts,
        "sources": render_to_string(f"{TEMPLATE}#sources", {"data": data}),
    }
    return {**body, "mac": _mac(body)}


def is_current(body, language=None):
    """Rendered by this template, in `language`, and not changed since."""
    return (
        isinstance(body, dict)
        and body.get("version") == template_version()
        and body.get("language", settings.LANGUAGE_CODE) == (language or settings.LANGUAGE_CODE)
        and constant_time_compare(body.get("mac", ""), _mac(body))
    )


def assemble(body, data, testimonials, images=None):
    """The body's three pieces of HTML, each testimonial section filled from `testimonials` (by id),
    each image section from `images` (by id)."""
    html = []
    for part in body["parts"]:
        if isinstance(part, int):
            section = data["sections"][part]
            section = {
                **section,
                "html": mark_safe(markdown.sanitise(section["html"])),  # noqa: S308 - sanitised here
                "testimonial": testimonials.get(section["testimonial_id"]),
                "image": (images or {}).get(section.get("image_id")),
            }
            html.append(render_to_string(f"{TEMPLATE}#section", {"section": section}))
        else:
            html.append(part)
    # Rendered by our template from sanitised HTML, and checked unchanged by is_current(); links to
    # pages by number get the pages' addresses of today (content.links), so they follow a move.
    return {
        "intro": mark_safe(body["intro"]),  # noqa: S308
        "sections": mark_safe(links.resolve("".join(html))),  # noqa: S308
        "sources": mark_safe(body["sources"]),  # noqa: S308
    }
