"""Drafts, preview, schedule, versions, the clinical review gate and redirects after a move."""

import datetime

import pytest
from django.contrib.redirects.models import Redirect
from django.core.exceptions import ValidationError
from django.utils import timezone

from content import services, snapshot
from content.models import Page, Review, Section
from nexus import roles
from tests.content.factories import (
    PageFactory,
    ReviewerFactory,
    SectionFactory,
    UserFactory,
    committed,
    published_page,
)

pytestmark = pytest.mark.django_db


def test_draft_page_is_invisible_to_the_public(client):
    page = PageFactory(slug="not-yet")
    SectionFactory(page=page, body="Secret draft text.")
    assert client.get("/not-yet/").status_code == 404


def test_changes_to_a_published_page_stay_hidden_until_published(client):
    page = published_page(slug="detox", title="Detox")
    page.title = "Detox, rewritten"
    page.save()
    SectionFactory(page=page, heading="New section", body="Unpublished words.")
    html = client.get("/detox/").content.decode()
    assert "Detox, rewritten" not in html and "Unpublished words." not in html
    with committed():
        services.publish(page=page, user=None)
    html = client.get("/detox/").content.decode()
    assert "Detox, rewritten" in html and "Unpublished words." in html


def test_staff_preview_shows_the_draft_marked_and_never_cached(client, editor):
    page = published_page(slug="detox", title="Detox")
    SectionFactory(page=page, body="Draft-only sentence.")
    client.force_login(editor)
    response = client.get(f"/preview/{page.pk}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    html = response.content.decode()
    assert "Draft-only sentence." in html
    assert "<strong>Preview</strong>" in html
    assert '<meta name="robots" content="noindex">' in html


def test_preview_is_for_staff_only(client):
    page = PageFactory()
    assert client.get(f"/preview/{page.pk}/").status_code == 302  # to the admin login
    client.force_login(UserFactory(username="visitor", is_staff=False))
    assert client.get(f"/preview/{page.pk}/").status_code == 302


def test_scheduled_page_appears_at_its_time_and_disappears_at_expiry(client):
    now = timezone.now()
    page = PageFactory(slug="later", go_live_at=now + datetime.timedelta(hours=1))
    services.publish(page=page, user=None)
    assert client.get("/later/").status_code == 404
    page.refresh_from_db()
    page.go_live_at, page.expire_at = now - datetime.timedelta(minutes=1), now + datetime.timedelta(hours=1)
    with committed():
        page.save()
    assert client.get("/later/").status_code == 200
    page.go_live_at, page.expire_at = now - datetime.timedelta(hours=2), now - datetime.timedelta(seconds=1)
    with committed():
        page.save()
    assert client.get("/later/").status_code == 404


def test_expiry_is_honoured_at_request_time_even_for_a_cached_page(client, monkeypatch):
    now = timezone.now()
    published_page(slug="short-lived", expire_at=now + datetime.timedelta(hours=1))
    assert client.get("/short-lived/").status_code == 200  # now cached
    monkeypatch.setattr(timezone, "now", lambda: now + datetime.timedelta(hours=2))
    assert client.get("/short-lived/").status_code == 404


def test_every_published_version_is_kept_with_who_and_when_and_can_be_restored(client, editor):
    page = PageFactory(slug="programs", title="First title")
    SectionFactory(page=page, heading="Original", body="Original body.")
    first = services.publish(page=page, user=editor)
    page.title = "Second title"
    page.save()
    page.sections.all().delete()
    SectionFactory(page=page, heading="Replaced", body="New body.")
    second = services.publish(page=page, user=editor)
    assert [r.number for r in page.revisions.all()] == [2, 1]
    assert first.created_by == editor and first.created_at <= second.created_at

    services.restore(revision=first)
    page.refresh_from_db()
    assert page.title == "First title"
    assert [s.heading for s in page.sections.all()] == ["Original"]
    assert "Second title" in client.get("/programs/").content.decode(), "restoring changes only the draft"
    with committed():
        services.publish(page=page, user=editor)
    assert "Original body." in client.get("/programs/").content.decode()


def test_clinical_page_cannot_be_published_without_a_review():
    page = PageFactory(is_clinical=True)
    with pytest.raises(ValidationError) as error:
        services.publish(page=page, user=None)
    assert error.value.code == "review_required"
    assert not page.revisions.exists()


def test_review_covers_only_the_content_it_signed():
    reviewer = ReviewerFactory()
    page = PageFactory(is_clinical=True)
    SectionFactory(page=page, body="Reviewed wording.")
    services.record_review(page=page, user=reviewer.user)
    Section.objects.filter(page=page).update(body="Changed after review.")
    with pytest.raises(ValidationError):
        services.publish(page=page, user=None)
    services.record_review(page=page, user=reviewer.user)
    assert services.publish(page=page, user=None).number == 1


def test_overdue_review_blocks_publishing():
    reviewer = ReviewerFactory()
    page = PageFactory(is_clinical=True)
    services.record_review(page=page, user=reviewer.user)
    with pytest.raises(ValidationError):
        services.publish(page=page, user=None, now=timezone.now() + datetime.timedelta(days=400))


def test_only_clinical_reviewers_can_record_a_review(editor):
    page = PageFactory(is_clinical=True)
    with pytest.raises(ValidationError) as error:
        services.record_review(page=page, user=editor)
    assert error.value.code == "not_reviewer"


def test_reviewer_who_left_the_group_no_longer_covers_publishing():
    reviewer = ReviewerFactory()
    page = PageFactory(is_clinical=True)
    services.record_review(page=page, user=reviewer.user)
    reviewer.user.groups.clear()
    with pytest.raises(ValidationError):
        services.publish(page=page, user=None)


def test_review_due_list_holds_overdue_and_soon_due_pages_only():
    reviewer = ReviewerFactory()
    due_soon, fine, never = PageFactory(is_clinical=True), PageFactory(is_clinical=True), PageFactory(is_clinical=True)
    services.record_review(page=due_soon, user=reviewer.user)
    services.record_review(page=fine, user=reviewer.user)
    # 350 days on: `fine` was reviewed again that day, `due_soon` was not.
    later = timezone.localdate() + datetime.timedelta(days=350)
    Review.objects.filter(page=fine).update(reviewed_on=later, next_review_due=later + services.REVIEW_PERIOD)
    due = set(Page.objects.review_due(later))
    assert due_soon in due and never in due and fine not in due


def test_changing_a_published_slug_redirects_the_old_address_permanently(client):
    parent = published_page(slug="programs")
    child = published_page(slug="detox", parent=parent)
    parent.slug = "treatment-programs"
    parent.save()
    assert client.get("/programs/").status_code == 200, "the new slug waits for publishing"
    with committed():
        services.publish(page=parent, user=None)
    child.refresh_from_db()
    assert child.url_path == "/treatment-programs/detox/"
    response = client.get("/programs/detox/")
    assert response.status_code == 301 and response["Location"] == "/treatment-programs/detox/"
    assert client.get("/programs/")["Location"] == "/treatment-programs/"
    assert Redirect.objects.filter(old_path="/programs/", new_path="/treatment-programs/").exists()


def test_moving_back_to_an_old_address_leaves_no_redirect_loop(client):
    page = published_page(slug="a")
    for slug in ["b", "a"]:
        page.refresh_from_db()
        page.slug = slug
        page.save()
        services.publish(page=page, user=None)
    assert client.get("/a/").status_code == 200
    assert client.get("/b/")["Location"] == "/a/"


def test_unpublished_page_leaves_the_public_site(client):
    page = published_page(slug="gone")
    services.unpublish(page=page)
    assert client.get("/gone/").status_code == 404


def test_reviewers_group_holds_review_permissions():
    from django.contrib.auth.models import Group

    perms = set(Group.objects.get(name=roles.CLINICAL_REVIEWERS).permissions.values_list("codename", flat=True))
    assert {"add_review", "view_page"} <= perms and "change_page" not in perms
    editors = set(Group.objects.get(name=roles.CONTENT_EDITORS).permissions.values_list("codename", flat=True))
    assert {"add_page", "change_page", "publish_page", "change_sitesettings"} <= editors
    assert "add_review" not in editors


def test_a_future_publish_time_on_a_live_page_is_refused_rather_than_taking_it_offline(client):
    page = published_page(slug="about-us", title="About us")
    page.go_live_at = timezone.now() + datetime.timedelta(days=2)
    with pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert refused.value.error_dict["go_live_at"][0].code == "would_take_offline"
    assert client.get("/about-us/").status_code == 200, "the live version stays up"
    # Should a future time reach the row some other way, publishing refuses too.
    Page.objects.filter(pk=page.pk).update(go_live_at=page.go_live_at)
    with pytest.raises(ValidationError) as refused:
        services.publish(page=page, user=None)
    assert refused.value.code == "would_take_offline"


def test_restoring_a_version_brings_back_its_pictures_too(editor):
    """The hero and each image section are part of a version: restoring it once left them out."""
    from tests.images.factories import image

    hero, inline, later = image(alt="A quiet garden"), image(alt="The front door"), image(alt="A later hero")
    page = PageFactory(slug="visiting", title="Visiting", hero_image=hero)
    SectionFactory(page=page, kind=Section.Kind.IMAGE, heading="", body="", image=inline)
    first = services.publish(page=page, user=editor)
    page.hero_image = later
    page.save()
    page.sections.all().delete()
    SectionFactory(page=page, heading="Text only", body="No pictures now.")
    services.publish(page=page, user=editor)

    services.restore(revision=first)
    page.refresh_from_db()
    assert page.hero_image_id == hero.pk
    assert [(s.kind, s.image_id) for s in page.sections.all()] == [(Section.Kind.IMAGE, inline.pk)]
    assert snapshot.fingerprint(snapshot.raw(page)) == first.content_hash  # the draft says what it said
