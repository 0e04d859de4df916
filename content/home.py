"""Content's panels on the staff home (nexus.admin_home): editors' drafts and schedule, reviewers' queue."""

from django.conf import settings
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import formats, timezone

from content import snapshot
from content.models import Page, Reviewer, ReviewRequest, Section
from nexus import roles

LIMIT = 10


def when(value):
    return formats.date_format(timezone.localtime(value), "j M Y, H:i")


def unpublished_changes():
    """Pages whose saved draft differs from what the public sees (or that the public cannot see)."""
    pages = Page.objects.select_related("live_revision").prefetch_related(
        Prefetch("sections", queryset=Section.objects.order_by("order", "pk")), "sources"
    )
    for page in pages.order_by("-updated_at"):
        if page.live_revision is None:
            yield page, "never published"
        elif page.status == Page.Status.DRAFT:
            yield page, f"unpublished; version {page.live_revision.number} was live"
        elif snapshot.fingerprint(snapshot.raw(page, list(page.sections.all()), list(page.sources.all()))) != (
            page.live_revision.content_hash
        ):
            yield page, f"changed since version {page.live_revision.number} (live)"


def editor_panels():
    change = lambda page: reverse("admin:content_page_change", args=[page.pk])  # noqa: E731
    drafts = list(unpublished_changes())
    now = timezone.now()
    scheduled = Page.objects.filter(go_live_at__gt=now).order_by("go_live_at")
    expiring = Page.objects.filter(expire_at__gt=now, status=Page.Status.PUBLISHED).order_by("expire_at")
    waiting = ReviewRequest.objects.waiting().select_related("page")
    return [
        {
            "title": "Drafts with unpublished changes",
            "items": [{"label": page.title, "url": change(page), "meta": meta} for page, meta in drafts[:LIMIT]],
            "more_url": reverse("admin:content_page_changelist") if len(drafts) > LIMIT else "",
            "empty": "Every page's draft is what the public sees.",
        },
        {
            "title": "Scheduled",
            "items": [
                {"label": page.title, "url": change(page), "meta": f"goes live {when(page.go_live_at)}"}
                for page in scheduled[:LIMIT]
            ]
            + [
                {"label": page.title, "url": change(page), "meta": f"comes down {when(page.expire_at)}"}
                for page in expiring[:LIMIT]
            ],
            "empty": "Nothing is scheduled to go live or come down.",
        },
        {
            "title": "Waiting for clinical review",
            "items": [
                {"label": r.page.title, "url": change(r.page), "meta": f"requested {when(r.requested_at)}"}
                for r in waiting[:LIMIT]
            ],
            "empty": "No page is waiting for a clinical reviewer.",
        },
    ]


def reviewer_panels(user):
    """A reviewer's queue and due pages, in the languages they read (a review by a clinician who does
    not read the page's language is refused); every language for an account with no reviewer profile."""
    changes = lambda page: reverse("admin:content_page_diff", args=[page.pk])  # noqa: E731
    waiting = ReviewRequest.objects.waiting().select_related("page", "requested_by")
    due = Page.objects.review_due(timezone.localdate())
    reviewer = Reviewer.objects.filter(user=user).first()
    if reviewer is not None:
        waiting, due = waiting.readable_by(reviewer), due.readable_by(reviewer)
    due = list(due[: LIMIT + 1])
    return [
        {
            "title": "Waiting for your review",
            "items": [
                {
                    "label": r.page.title,
                    "url": changes(r.page),
                    "meta": in_language(r.page)
                    + f"requested {when(r.requested_at)}"
                    + (f" by {r.requested_by.get_username()}" if r.requested_by else ""),
                }
                for r in waiting[:LIMIT]
            ],
            "empty": "No review requests. Thank you.",
        },
        {
            "title": "Due for review (30 days)",
            "items": [
                {
                    "label": page.title,
                    "url": changes(page),
                    "meta": in_language(page) + due_on(page),
                }
                for page in due[:LIMIT]
            ],
            "more_url": reverse("admin:content_pagedueforreview_changelist") if len(due) > LIMIT else "",
            "empty": "No clinical page falls due in the next 30 days.",
        },
    ]


def due_on(page):
    return f"due {formats.date_format(page.review_due_on, 'j M Y')}" if page.review_due_on else "never reviewed"


def in_language(page):
    """ "Spanish · " before a page's details when it is not in the site's default language."""
    return "" if page.language == settings.LANGUAGE_CODE else f"{page.get_language_display()} · "


def home_panels(request):
    user = request.user
    panels = []
    if roles.has_role(user, roles.CLINICAL_REVIEWERS):
        panels += reviewer_panels(user)
    if user.has_perm("content.change_page"):
        panels += editor_panels()
    return panels
