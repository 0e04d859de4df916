"""Editorial writes that touch several models: publish, schedule, unpublish, restore, record a review
(translations: content.services_translations)."""

import datetime

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from content import cache as content_cache
from content import checks, frozen, markdown, snapshot
from content.models import Page, Review, Reviewer, ReviewRequest, Revision, Section, Source
from content.search import text_search_config
from nexus import roles

REVIEW_PERIOD = datetime.timedelta(days=365)


def has_current_review(page, content_hash, *, today=None):
    """True when a clinician in the reviewers group who reads the page's language signed off exactly
    this content of this page (a translation's review is its own) and it is not yet due. The
    languages are read as they are now: a reviewer no longer marked as reading Spanish covers no
    Spanish page, whenever the review was recorded."""
    today = today or timezone.localdate()
    for review in Review.objects.covering(page, content_hash).current(today).select_related("reviewer__user"):
        user = review.reviewer.user
        if user is not None and roles.has_role(user, roles.CLINICAL_REVIEWERS) and review.reviewer.reads(page.language):
            return True
    return False


def reads_language(user, language):
    """Whether `user` has a clinical reviewer profile that reads `language`."""
    reviewer = Reviewer.objects.filter(user=user).only("languages").first() if user.is_authenticated else None
    return reviewer is not None and reviewer.reads(language)


def language_name(code):
    return str(dict(settings.LANGUAGES).get(code, code))


def _review_required(page, message):
    """The publish gate's refusal, naming the language for a page not in the default one."""
    if page.language != settings.LANGUAGE_CODE:
        message += " " + _("It must be by a clinical reviewer who reads %(language)s.") % {
            "language": language_name(page.language)
        }
    return ValidationError(message, code="review_required")


@transaction.atomic
def publish(*, page, user, now=None):
    """Freeze the draft into a new revision and make it the live one (at `go_live_at`, if set)."""
    now = now or timezone.now()
    page = Page.objects.select_for_update().get(pk=page.pk)
    if page.live_revision_id and page.go_live_at and page.go_live_at > now:
        # "Publish at" is the page's, not the version's: it would take the live page offline.
        raise ValidationError(
            _(
                "This page is live. A future 'Publish at' time would hide it until then: clear that "
                "field to publish this version now, or unpublish the page first."
            ),
            code="would_take_offline",
        )
    content_hash, data = snapshot.build(page)
    blocking = [finding.message for finding in checks.alt_text(data)]
    if blocking:
        raise ValidationError(" ".join(blocking), code="alt_text_required")
    if page.is_clinical and not has_current_review(page, content_hash, today=timezone.localdate(now)):
        raise _review_required(
            page, _("This clinical page has no current clinical review of the content being published.")
        )
    _drop_scheduled(page)
    revision = _freeze(page=page, user=user, content_hash=content_hash, data=data)
    _make_live(page=page, revision=revision, new_path=page.draft_path(), now=now)
    return revision


def _freeze(*, page, user, content_hash, data):
    number = (page.revisions.aggregate(n=Max("number"))["n"] or 0) + 1
    return Revision.objects.create(
        page=page,
        number=number,
        created_by=user,
        content_hash=content_hash,
        snapshot=data,
        body=frozen.render(data, page.language),
    )


def _drop_scheduled(page):
    """A version scheduled and not yet live is replaced (or withdrawn): it never was public, so it
    leaves no entry among the published versions."""
    if page.scheduled_revision_id:
        Page.objects.filter(pk=page.pk).update(scheduled_revision=None, scheduled_at=None)
        Revision.objects.filter(pk=page.scheduled_revision_id).exclude(pk=page.live_revision_id or 0).delete()
        page.scheduled_revision_id = page.scheduled_at = None


def _make_live(*, page, revision, new_path, now):
    data, old_path = revision.snapshot, page.url_path
    Page.objects.filter(pk=page.pk).update(
        live_revision=revision,
        scheduled_revision=None,
        scheduled_at=None,
        status=Page.Status.PUBLISHED,
        live_title=data["title"],
        live_summary=data["summary"],
        live_kind=data["kind"],
        live_published_on=data["published_on"],
        live_show_in_menu=data["show_in_menu"],
        live_order=data["order"],
        live_index_of=data["index_of"],
        search_document=search_text(data),
        first_published_at=page.first_published_at or now,
        last_published_at=now,
    )
    if old_path != new_path:
        move(page=page, old_path=old_path, new_path=new_path, redirect=page.live_revision_id is not None)
    index_for_search(page)
    content_cache.invalidate()


@transaction.atomic
def schedule(*, page, user, at, now=None):
    """Freeze the draft now, as reviewed, to replace the live version at `at`: edits made after
    this change the draft, never the scheduled version. A second schedule replaces the first."""
    now = now or timezone.now()
    if at <= now:
        raise ValidationError(_("Choose a time in the future, or publish now."), code="schedule_in_past")
    page = Page.objects.select_for_update().get(pk=page.pk)
    if page.expire_at and at >= page.expire_at:
        raise ValidationError(_("The page expires before that time."), code="schedule_after_expiry")
    content_hash, data = snapshot.build(page)
    # The review must still be current on the day the version goes live, not only today.
    if page.is_clinical and not has_current_review(page, content_hash, today=timezone.localdate(at)):
        raise _review_required(
            page, _("This clinical page has no clinical review of this content that is current on that day.")
        )
    _drop_scheduled(page)
    # The address too is the one it had when scheduled (a slug edited later waits for its own publish).
    data["path"] = page.draft_path()
    revision = _freeze(page=page, user=user, content_hash=content_hash, data=data)
    Page.objects.filter(pk=page.pk).update(scheduled_revision=revision, scheduled_at=at)
    content_cache.invalidate()
    return revision


@transaction.atomic
def cancel_schedule(*, page):
    page = Page.objects.select_for_update().get(pk=page.pk)
    _drop_scheduled(page)
    content_cache.invalidate()


@transaction.atomic
def promote_scheduled(*, page_id, now=None):
    """The scheduled version goes live once its time has come; None if another request did it first."""
    now = now or timezone.now()
    page = (
        Page.objects.select_for_update()
        .select_related("scheduled_revision")
        .filter(pk=page_id, scheduled_at__lte=now, scheduled_revision__isnull=False)
        .first()
    )
    if page is None:
        return None
    revision = page.scheduled_revision
    _make_live(page=page, revision=revision, new_path=revision.snapshot.get("path", page.url_path), now=now)
    return revision


@transaction.atomic
def expire(*, page_id, now=None):
    """An expiry takes the page down and back to draft (and withdraws any version scheduled after it)."""
    now = now or timezone.now()
    page = Page.objects.select_for_update().filter(pk=page_id, expire_at__lte=now).first()
    if page is None:
        return
    _drop_scheduled(page)
    Page.objects.filter(pk=page.pk).update(status=Page.Status.DRAFT, expire_at=None)
    content_cache.invalidate()


def move(*, page, old_path, new_path, redirect=True):
    """Give `page` and everything under it its new address; the old addresses redirect (301)."""
    site_id = settings.SITE_ID
    moved = [
        (p.pk, p.url_path, new_path + p.url_path[len(old_path) :])
        for p in Page.objects.filter(url_path__startswith=old_path)
    ]
    # Through a temporary address first, so swapping two pages' addresses cannot collide.
    for pk, _old, _new in moved:
        Page.objects.filter(pk=pk).update(url_path=f"/__moving__/{pk}/")
    for pk, _old, new in moved:
        Page.objects.filter(pk=pk).update(url_path=new)
    Redirect.objects.filter(site_id=site_id, old_path__startswith=new_path).delete()
    for existing in Redirect.objects.filter(site_id=site_id, new_path__startswith=old_path):
        existing.new_path = new_path + existing.new_path[len(old_path) :]
        existing.save()
    if redirect:
        for _pk, old, new in moved:
            Redirect.objects.update_or_create(site_id=site_id, old_path=old, defaults={"new_path": new})
    content_cache.invalidate()


def search_text(data):
    parts = []
    for section in data["sections"]:
        parts += [section["heading"], section["question"], section["body"], section["items"]]
    return markdown.CITATION.sub("", "\n".join(part for part in parts if part))


def index_for_search(page):
    """Weighted full-text vector (title A, summary B, body C) on PostgreSQL, stemmed in the page's
    own language (content.search.text_search_config); SQLite searches text."""
    if connection.vendor != "postgresql":
        return
    config = text_search_config(page.language)
    Page.objects.filter(pk=page.pk).update(
        search_vector=SearchVector("live_title", weight="A", config=config)
        + SearchVector("live_summary", weight="B", config=config)
        + SearchVector("search_document", weight="C", config=config)
    )


@transaction.atomic
def unpublish(*, page):
    page = Page.objects.select_for_update().get(pk=page.pk)
    _drop_scheduled(page)
    Page.objects.filter(pk=page.pk).update(status=Page.Status.DRAFT)
    content_cache.invalidate()


@transaction.atomic
def restore(*, revision):
    """Copy a published version back into the draft, to be reviewed and published again."""
    page, data = Page.objects.get(pk=revision.page_id), revision.snapshot
    for name in snapshot.PAGE_FIELDS:
        setattr(page, name, data[name])
    for name in snapshot.LISTING_FIELDS:  # versions published before these were kept leave them be
        setattr(page, name, data.get(name, getattr(page, name)))
    page.published_on = datetime.date.fromisoformat(data["published_on"]) if data.get("published_on") else None
    page.hero_image_id = data.get("hero_image_id")
    page.save()
    replace_body(page, data["sections"], data["sources"])
    page.related.set(data.get("related_ids", []))
    return page


def replace_body(page, sections, sources):
    """Make a snapshot's sections and sources (content.snapshot.raw) the draft's own: a version
    restored, a translation's first text. Image sections keep their images."""
    page.sections.all().delete()
    Section.objects.bulk_create(
        Section(
            page=page,
            order=order,
            image_id=section.get("image_id"),
            testimonial_id=section.get("testimonial_id"),
            **{name: section.get(name, "") for name in snapshot.SECTION_FIELDS if name != "testimonial_id"},
        )
        for order, section in enumerate(sections)
    )
    page.sources.all().delete()
    Source.objects.bulk_create(
        Source(
            page=page,
            order=order,
            accessed_on=datetime.date.fromisoformat(source["accessed_on"]),
            **{name: source[name] for name in snapshot.SOURCE_FIELDS},
        )
        for order, source in enumerate(sources)
    )


def record_review(*, page, user, notes="", seen_hash=None):
    """The signed-in clinician signs off the page's current draft, today: never in another's name,
    never on another date (who recorded it, and when, is kept). With `seen_hash` (the fingerprint of
    the draft the reviewer was shown), a draft changed meanwhile is refused rather than signed unseen.
    The page leaves the reviewers' queue."""
    if not roles.has_role(user, roles.CLINICAL_REVIEWERS):
        raise ValidationError(_("Only clinical reviewers can record a review."), code="not_reviewer")
    try:
        reviewer = Reviewer.objects.get(user=user)
    except Reviewer.DoesNotExist:
        raise ValidationError(
            _("Your account has no clinical reviewer profile; ask an administrator to link one."),
            code="no_reviewer_profile",
        ) from None
    with transaction.atomic():
        page = Page.objects.select_for_update().get(pk=page.pk)
        if not reviewer.reads(page.language):
            raise ValidationError(
                _(
                    "This page is in %(language)s and your reviewer profile does not say you read it: a "
                    "review must be by a clinician who reads the page's language. An administrator can add "
                    "the language to your profile."
                )
                % {"language": language_name(page.language)},
                code="wrong_language",
            )
        data = snapshot.raw(page)
        content_hash = snapshot.fingerprint(data)
        if seen_hash is not None and seen_hash != content_hash:
            raise ValidationError(
                _("The draft changed after you opened it. Look at the changes again, then record your review."),
                code="draft_changed",
            )
        today = timezone.localdate()
        review = Review.objects.create(
            page=page,
            reviewer=reviewer,
            reviewed_on=today,
            next_review_due=today + REVIEW_PERIOD,
            notes=notes,
            content_hash=content_hash,
            snapshot=data,
            recorded_by=user,
        )
        ReviewRequest.objects.waiting().filter(page=page).update(closed_at=timezone.now(), review=review)
    return review


def request_review(*, page, user):
    """Put the saved draft in the clinical reviewers' queue and email them a link (after commit).

    Asking again while the page waits changes nothing and sends nothing; a draft its current review
    already covers needs no review."""
    from content import tasks  # the task module imports this one

    with transaction.atomic():
        page = Page.objects.select_for_update().get(pk=page.pk)
        content_hash = snapshot.fingerprint(snapshot.raw(page))
        if has_current_review(page, content_hash):
            raise ValidationError(_("The current clinical review already covers this draft."), code="already_reviewed")
        waiting = ReviewRequest.objects.waiting().filter(page=page).first()
        if waiting is not None:
            ReviewRequest.objects.filter(pk=waiting.pk).update(content_hash=content_hash)
            return waiting, False
        request = ReviewRequest.objects.create(page=page, requested_by=user, content_hash=content_hash)
        transaction.on_commit(lambda: tasks.notify_review_requested.enqueue(request.pk))
    return request, True
