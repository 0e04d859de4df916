"""Everything a page template needs, in a constant number of queries whatever the page holds."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.safestring import mark_safe

from content import markdown, structured_data
from content.models import Page, Review, Testimonial

CHILDREN_PER_PAGE = 10


def prefixes(url_path):
    """ "/a/b/c/" -> ["/a/", "/a/b/"]: the addresses of a page's ancestors."""
    parts = url_path.strip("/").split("/")
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts))]


def page_context(*, page, data, content_hash, site, page_number=1):
    """Context for content/page.html from a snapshot (`data`), live or draft."""
    ancestor_paths = prefixes(page.url_path)
    listed = Q(kind=page.index_of) if data["kind"] == Page.Kind.INDEX and page.index_of else Q(pk__in=[])
    neighbours = list(
        Page.objects.live()
        .filter(Q(url_path__in=ancestor_paths) | Q(parent=page) | Q(pk__in=data.get("related_ids", [])) | listed)
        .exclude(pk=page.pk)
        .only("pk", "parent_id", "url_path", "live_title", "live_summary", "kind", "published_on", "order")
    )
    ancestors = sorted((p for p in neighbours if p.url_path in ancestor_paths), key=lambda p: len(p.url_path))
    children = [p for p in neighbours if p.parent_id == page.pk or (page.index_of and p.kind == page.index_of)]
    if any(child.kind == Page.Kind.ARTICLE for child in children):
        children.sort(key=lambda p: (p.published_on is not None, p.published_on), reverse=True)
    else:
        children.sort(key=lambda p: (p.order, p.live_title))
    related = [p for p in neighbours if p.pk in set(data.get("related_ids", [])) and p not in children]

    testimonial_ids = [s["testimonial_id"] for s in data["sections"] if s["testimonial_id"]]
    testimonials = Testimonial.objects.published().in_bulk(testimonial_ids) if testimonial_ids else {}
    # Sanitised again at render time: a snapshot edited in the database still cannot carry script.
    sections = [
        {**s, "html": mark_safe(markdown.sanitise(s["html"])), "testimonial": testimonials.get(s["testimonial_id"])}  # noqa: S308
        for s in data["sections"]
    ]

    review = None
    if data["is_clinical"]:
        review = Review.objects.covering(page, content_hash).select_related("reviewer").order_by("-reviewed_on", "-pk")
        review = review.first()

    crumbs = [("Home", "/")] + [(p.live_title, p.url_path) for p in ancestors] + [(data["title"], page.url_path)]
    children_page = Paginator(children, CHILDREN_PER_PAGE).get_page(page_number) if data["kind"] == "index" else None
    return {
        "page": page,
        "data": data,
        "sections": sections,
        "contents": [s for s in sections if s["heading"] and s["anchor"]],
        "ancestors": ancestors,
        "children_page": children_page,
        "related": related,
        "review": review,
        "json_ld": structured_data.medical_web_page(page=page, data=data, review=review, crumbs=crumbs, site=site),
        "canonical": structured_data.absolute(page.url_path),
    }
