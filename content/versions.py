"""The versions of a page one can compare: the draft, the last reviewed content, each published version.

A version is named by a short key that travels in a URL: "draft", "live", "reviewed", "v3".
"""

from django.utils import formats
from django.utils.translation import gettext as _

from content import snapshot
from content.models import Review, Revision


def last_review(page):
    return Review.objects.filter(page=page).select_related("reviewer").order_by("-recorded_at", "-pk").first()


def reviewed_content(page, review):
    """What `review` signed off: the copy kept with it, or a published version with the same fingerprint
    (reviews recorded before copies were kept)."""
    if review is None:
        return None
    if review.snapshot is not None:
        return review.snapshot
    revision = Revision.objects.filter(page=page, content_hash=review.content_hash).order_by("-number").first()
    return revision.snapshot if revision else None


def choices(page):
    """[(key, label)] for every version of `page`, newest first after the draft."""
    options = [("draft", _("Current draft (saved)")), ("none", _("Nothing (as a new page)"))]
    review = last_review(page)
    if review is not None:
        when = formats.date_format(review.reviewed_on, "j M Y")
        options.append(("reviewed", _("Last reviewed: %(when)s by %(who)s") % {"when": when, "who": review.reviewer}))
    for revision in page.revisions.only("number", "created_at", "pk"):
        live = _(" (live)") if revision.pk == page.live_revision_id else ""
        when = formats.date_format(revision.created_at, "j M Y")
        options.append(
            (
                f"v{revision.number}",
                _("Version %(n)s, published %(when)s%(live)s")
                % {
                    "n": revision.number,
                    "when": when,
                    "live": live,
                },
            )
        )
    return options


def load(page, key):
    """(found, data) for version `key` of `page`: data is None when that version has no content
    (never published, never reviewed); found is False for a key that names nothing."""
    if key == "draft":
        return True, snapshot.raw(page)
    if key == "reviewed":
        return True, reviewed_content(page, last_review(page))
    if key == "none":
        return True, None
    if key.startswith("v") and key[1:].isdigit() and len(key) < 8:
        revision = page.revisions.filter(number=int(key[1:])).first()
        return revision is not None, revision.snapshot if revision else None
    return False, None


def default_pair(page):
    """What a reviewer wants to see first: changes since the last review, else since the live version."""
    if last_review(page) is not None:
        return "reviewed", "draft"
    if page.live_revision_id:
        return f"v{page.live_revision.number}", "draft"
    return "none", "draft"
