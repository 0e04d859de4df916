"""Everything a page template needs, in a constant number of queries whatever the page holds."""

import re

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext

from content import frozen, structured_data, trust
from content.models import Page, Review, Testimonial
from images.models import Image
from nexus import locale

CHILDREN_PER_PAGE = 10


def prefixes(url_path):
    """ "/a/b/c/" -> ["/a/", "/a/b/"]: the addresses of a page's ancestors."""
    parts = url_path.strip("/").split("/")
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts))]


def is_child_path(url_path, parent_path):
    return url_path.startswith(parent_path) and url_path.count("/") == parent_path.count("/") + 1


def page_context(*, page, data, body, content_hash, site, page_number=1):
    """Context for content/page.html from a snapshot (`data`), live or draft.

    Other pages appear as they are published: their live_* copies, and their published address
    (a page moved in its draft stays listed where the public finds it)."""
    ancestor_paths = prefixes(page.url_path)
    index_of = data.get("index_of", page.live_index_of) if data["kind"] == Page.Kind.INDEX else ""
    listed = Q(live_kind=index_of) if index_of else Q(pk__in=[])
    # Children by their published address (one level under this page's), not by their draft parent.
    children_paths = Q(url_path__regex="^" + re.escape(page.url_path) + "[^/]+/$")
    # Lists show pages of the page's own language; its translations (for the switcher and hreflang)
    # come in the same query.
    live = Page.objects.live()
    same_language = live.in_language(page.language).filter(
        Q(url_path__in=ancestor_paths) | children_paths | Q(pk__in=data.get("related_ids", [])) | listed
    )
    fetched = list(
        (same_language | live.translations_of(page))
        .exclude(pk=page.pk)
        .only(
            "pk",
            "url_path",
            "live_title",
            "live_summary",
            "live_kind",
            "live_published_on",
            "live_order",
            "language",
            "translation_of",
        )
    )
    neighbours = [p for p in fetched if p.language == page.language]
    found = {p.language: p.url_path for p in fetched if p.language != page.language}
    found[page.language] = page.url_path
    ancestors = sorted((p for p in neighbours if p.url_path in ancestor_paths), key=lambda p: len(p.url_path))
    children = [
        p for p in neighbours if is_child_path(p.url_path, page.url_path) or (index_of and p.live_kind == index_of)
    ]
    if any(child.live_kind == Page.Kind.ARTICLE for child in children):
        children.sort(key=lambda p: (p.live_published_on is not None, p.live_published_on), reverse=True)
    else:
        children.sort(key=lambda p: (p.live_order, p.live_title))
    related = [p for p in neighbours if p.pk in set(data.get("related_ids", [])) and p not in children]

    testimonial_ids = [
        s["testimonial_id"] for s in data["sections"] if s["kind"] == "testimonial" and s["testimonial_id"]
    ]
    testimonials = Testimonial.objects.published().in_bulk(testimonial_ids) if testimonial_ids else {}

    # The hero and image sections come from the library as it is now (see content.frozen).
    image_ids = {s.get("image_id") for s in data["sections"] if s["kind"] == "image"} | {data.get("hero_image_id")}
    image_ids.discard(None)
    images = Image.objects.for_display().in_bulk(image_ids) if image_ids else {}

    review = None
    if data["is_clinical"]:
        review = Review.objects.covering(page, content_hash).select_related("reviewer").order_by("-reviewed_on", "-pk")
        review = review.first()

    crumbs = (
        [(gettext("Home"), locale.home_path(page.language))]
        + [(p.live_title, p.url_path) for p in ancestors]
        + [(data["title"], page.url_path)]
    )
    children_page = Paginator(children, CHILDREN_PER_PAGE).get_page(page_number) if data["kind"] == "index" else None
    return {
        "page": page,
        "data": data,
        "body": frozen.assemble(body, data, testimonials, images),
        "hero": images.get(data.get("hero_image_id")),
        "ancestors": ancestors,
        "children_page": children_page,
        "related": related,
        "review": review,
        "json_ld": structured_data.medical_web_page(page=page, data=data, review=review, crumbs=crumbs, site=site),
        "canonical": structured_data.absolute(page.url_path),
        "trust_blocks": trust.blocks_for(page.url_path),
        "language_links": locale.switcher_links(page.language, found),
        "alternates": locale.alternates(found),
    }
