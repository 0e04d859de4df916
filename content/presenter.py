"""Everything a page template needs, in a constant number of queries whatever the page holds."""

import datetime
import json

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext

from content import cache as content_cache
from content import frozen, structured_data, trust
from content.models import Page, Review, Reviewer, Revision, Testimonial
from images.models import Image
from nexus import locale

CHILDREN_PER_PAGE = 10


def prefixes(url_path):
    """ "/a/b/c/" -> ["/a/", "/a/b/"]: the addresses of a page's ancestors."""
    parts = url_path.strip("/").split("/")
    return ["/" + "/".join(parts[:n]) + "/" for n in range(1, len(parts))]


def is_child_path(url_path, parent_path):
    return url_path.startswith(parent_path) and url_path.count("/") == parent_path.count("/") + 1


# Published versions' snapshots and rendered bodies, by version id, with the fingerprint of what
# they say. A version is frozen when it is published (content.models.Revision) and a new publish is
# a new version, so what is held here does not go stale; the fingerprint is checked too, since an id
# can be used again (SQLite after a delete, a restored backup). Bounded: emptied when full.
_versions = {}
VERSIONS_HELD = 256


def live_page(url_path, now=None):
    """The live page at `url_path`, with what the page view reads of it, or None: from the directory
    of live pages this process holds for the content generation, so a page the page cache does not
    hold costs no query for its row. Whether it is live is asked of the row again (Page.is_live, the
    rule of PageQuerySet.live), since an expiry may have passed since the directory was read."""
    found = live_directory_by_path().get(url_path)
    return found if found is not None and found.is_live(now) else None


def published_version(page):
    """The snapshot and the rendered body of `page`'s live version, read once per process (by the
    version's id: the directory leaves them out). Callers must not change them."""
    revision = page.live_revision
    held = _versions.get(revision.pk)
    if held is None or held[0] != revision.content_hash:
        read = Revision.objects.only("content_hash", "snapshot", "body").get(pk=revision.pk)
        held = (read.content_hash, read.snapshot, read.rendered_body(page.language))
        if len(_versions) >= VERSIONS_HELD:
            _versions.clear()
        _versions[read.pk] = held
    return held[1], held[2]


def live_directory():
    """Every live page as the public pages read it (content.models.page_queries.for_reading: its
    address, what lists show of it, its hero and covering review), read once per content generation
    in this process (content.cache.remembered, as the menu is): a page, its ancestors, children and
    related pages are then found without a query. Whatever changes what is live or how it shows (a
    publish, a move, an unpublish, a schedule or expiry falling due, a review, an image) moves the
    generation on."""
    return content_cache.remembered("directory", lambda: list(Page.objects.live().for_reading()))


def live_directory_by_path():
    """The same live pages by address, for the page view's one look-up per request."""
    return content_cache.remembered("directory-by-path", lambda: {p.url_path: p for p in live_directory()})


def published_testimonials():
    """The published testimonials by id, once per content generation in this process: they stay
    live (withdrawn consent takes a quote down at once), and saving or deleting one moves the
    generation on."""
    return content_cache.remembered("testimonials", lambda: Testimonial.objects.published().in_bulk())


def library_images(page, data):
    """The hero and the image sections' images, from the library as it is now (see content.frozen),
    by id. The hero usually came with the page (PageQuerySet.for_reading joins the draft's hero): it
    is used only when it is the one the published version names."""
    image_ids = {s.get("image_id") for s in data["sections"] if s["kind"] == "image"} | {data.get("hero_image_id")}
    image_ids.discard(None)
    images = {}
    if page.hero_image_id in image_ids and Page.hero_image.is_cached(page):
        images[page.hero_image_id] = page.hero_image
    missing = image_ids - images.keys()
    return images | Image.objects.for_display().in_bulk(missing) if missing else images


def covering_review(page, content_hash):
    """The latest review of exactly this content by a reviewer who reads the page's language, with
    its reviewer: read with the page when it came from PageQuerySet.for_reading (`covering_review`),
    else (a preview) looked up here."""
    if not hasattr(page, "covering_review"):
        return looked_up_review(page, content_hash)
    row = page.covering_review
    if row is None:
        return None
    languages = row["languages"]
    if isinstance(languages, str):  # SQLite's JSON_OBJECT keeps a JSON column as its text
        languages = json.loads(languages)
    if page.language not in languages:  # its reviewer no longer reads the language: an older one may
        return looked_up_review(page, content_hash)
    reviewer = Reviewer(
        pk=row["reviewer_id"],
        name=row["name"],
        credentials=row["credentials"],
        is_sample=bool(row["is_sample"]),
        languages=languages,
    )
    return Review(
        pk=row["id"],
        page=page,
        reviewer=reviewer,
        content_hash=content_hash,
        reviewed_on=datetime.date.fromisoformat(row["reviewed_on"][:10]),
        next_review_due=datetime.date.fromisoformat(row["next_review_due"][:10]),
    )


def looked_up_review(page, content_hash):
    latest = Review.objects.covering(page, content_hash).select_related("reviewer").order_by("-reviewed_on", "-pk")
    return next((review for review in latest if review.reviewer.reads(page.language)), None)


def page_context(*, page, data, body, content_hash, site, page_number=1):
    """Context for content/page.html from a snapshot (`data`), live or draft.

    Other pages appear as they are published: their live_* copies, and their published address
    (a page moved in its draft stays listed where the public finds it)."""
    ancestor_paths = prefixes(page.url_path)
    index_of = data.get("index_of", page.live_index_of) if data["kind"] == Page.Kind.INDEX else ""
    related_ids = set(data.get("related_ids", []))
    # Children by their published address (one level under this page's), not by their draft parent.
    # Lists show pages of the page's own language; its translations (for the switcher and hreflang)
    # come from the same directory.
    original = page.translation_of_id or page.pk
    directory = [p for p in live_directory() if p.pk != page.pk]
    neighbours = [
        p
        for p in directory
        if p.language == page.language
        and (
            p.url_path in ancestor_paths
            or is_child_path(p.url_path, page.url_path)
            or p.pk in related_ids
            or (index_of and p.live_kind == index_of)
        )
    ]
    found = {
        p.language: p.url_path
        for p in directory
        if p.language != page.language and original in (p.pk, p.translation_of_id)
    }
    found[page.language] = page.url_path
    ancestors = sorted((p for p in neighbours if p.url_path in ancestor_paths), key=lambda p: len(p.url_path))
    children = [
        p for p in neighbours if is_child_path(p.url_path, page.url_path) or (index_of and p.live_kind == index_of)
    ]
    if any(child.live_kind == Page.Kind.ARTICLE for child in children):
        children.sort(key=lambda p: (p.live_published_on is not None, p.live_published_on), reverse=True)
    else:
        children.sort(key=lambda p: (p.live_order, p.live_title))
    related = [p for p in neighbours if p.pk in related_ids and p not in children]

    quoted = published_testimonials()
    testimonials = {
        s["testimonial_id"]: quoted[s["testimonial_id"]]
        for s in data["sections"]
        if s["kind"] == "testimonial" and s["testimonial_id"] in quoted
    }

    images = library_images(page, data)

    review = covering_review(page, content_hash) if data["is_clinical"] else None

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
        # A translation shows the blocks its original does (PAGE_BLOCKS names originals' addresses).
        "trust_blocks": trust.blocks_for(found.get(settings.LANGUAGE_CODE, page.url_path)),
        "language_links": locale.switcher_links(page.language, found),
        "alternates": locale.alternates(found),
    }
