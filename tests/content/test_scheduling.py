"""A new version of a live page, scheduled: frozen and reviewed when scheduled, live once its time
has passed (at request time, no cron), and no cache keeps the old one past that time."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from content import cache as content_cache
from content import scheduling, services
from content.models import Page, Revision
from tests.content.factories import ReviewerFactory, SectionFactory, committed, published_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def live_page_with_new_draft(reviewer=None):
    """A live clinical page whose draft says something new, reviewed."""
    reviewer = reviewer or ReviewerFactory()
    page = published_page(reviewer=reviewer, is_clinical=True, slug="benzos")
    with committed():
        SectionFactory(page=page, heading="New advice", body="Taper slowly, with a doctor.")
        services.record_review(page=page, user=reviewer.user)
    return page, reviewer


def time_passes(page):
    """Move the clock past the schedule: the scheduled time set in the past in the database (and
    the cache's memory of 'nothing due until then' moved on, as time would make it due)."""
    with committed():
        Page.objects.filter(pk=page.pk).update(scheduled_at=timezone.now() - datetime.timedelta(seconds=1))
        content_cache.invalidate()


def test_the_live_page_stays_as_it_was_until_the_time_then_changes_without_any_cron(client, editor):
    page, _reviewer = live_page_with_new_draft()
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    with committed():
        services.schedule(page=page, user=editor, at=tomorrow)
    assert "Taper slowly" not in client.get(page.url_path).content.decode()
    assert "Taper slowly" not in client.get(page.url_path).content.decode(), "and not from the cache either"
    time_passes(page)
    assert "Taper slowly" in client.get(page.url_path).content.decode()
    page.refresh_from_db()
    assert page.scheduled_revision is None and page.live_revision.snapshot["sections"][-1]["heading"] == "New advice"


def test_no_cache_keeps_the_old_version_past_the_scheduled_time(client, editor):
    page, _reviewer = live_page_with_new_draft()
    soon = timezone.now() + datetime.timedelta(seconds=12)
    with committed():
        services.schedule(page=page, user=editor, at=soon)
    response = client.get(page.url_path)
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age <= 12, "a shared cache may not keep it past the schedule"
    entry = content_cache.get(content_cache.key("page", page.url_path, 1))
    assert entry is not None and entry["expire_at"] == soon, "our own page cache neither"
    later = timezone.now() + datetime.timedelta(seconds=13)
    # The page cache's own copy: past the time, the next request renders the new version.
    assert scheduling.apply_due(later) is None
    page.refresh_from_db()
    assert page.scheduled_revision is None


def test_without_anything_scheduled_pages_keep_the_usual_max_age(client):
    page = published_page()
    assert client.get(page.url_path)["Cache-Control"] == "public, max-age=30"


def test_edits_after_scheduling_change_the_draft_never_the_scheduled_version(client, editor):
    page, _reviewer = live_page_with_new_draft()
    with committed():
        revision = services.schedule(page=page, user=editor, at=timezone.now() + datetime.timedelta(hours=2))
        section = page.sections.get(heading="New advice")
        section.body = "Stop at once."  # unreviewed, and dangerous
        section.save()
    time_passes(page)
    html = client.get(page.url_path).content.decode()
    assert "Taper slowly" in html and "Stop at once" not in html
    page.refresh_from_db()
    assert page.live_revision_id == revision.pk


def test_a_time_in_the_past_is_refused():
    page, reviewer = live_page_with_new_draft()
    with pytest.raises(ValidationError) as raised:
        services.schedule(page=page, user=reviewer.user, at=timezone.now() - datetime.timedelta(minutes=1))
    assert raised.value.code == "schedule_in_past"
    assert Revision.objects.filter(page=page).count() == 1


def test_scheduling_needs_a_review_current_on_the_day_it_goes_live():
    page, reviewer = live_page_with_new_draft()
    with committed():
        SectionFactory(page=page, heading="Unreviewed", body="Not signed off.")
    with pytest.raises(ValidationError) as raised:
        services.schedule(page=page, user=reviewer.user, at=timezone.now() + datetime.timedelta(days=1))
    assert raised.value.code == "review_required"
    services.record_review(page=page, user=reviewer.user)
    with pytest.raises(ValidationError):  # the review falls due before then
        services.schedule(page=page, user=reviewer.user, at=timezone.now() + datetime.timedelta(days=400))


def test_a_second_schedule_replaces_the_first_and_leaves_one_scheduled_version(editor):
    page, _reviewer = live_page_with_new_draft()
    first = services.schedule(page=page, user=editor, at=timezone.now() + datetime.timedelta(days=1))
    second = services.schedule(page=page, user=editor, at=timezone.now() + datetime.timedelta(days=2))
    page.refresh_from_db()
    assert page.scheduled_revision_id == second.pk
    assert not Revision.objects.filter(pk=first.pk).exists(), "a version that never went live leaves no entry"
    assert Revision.objects.filter(page=page).count() == 2  # the live one and the scheduled one


def test_publishing_now_withdraws_the_scheduled_version(editor):
    page, _reviewer = live_page_with_new_draft()
    scheduled = services.schedule(page=page, user=editor, at=timezone.now() + datetime.timedelta(days=1))
    services.publish(page=page, user=editor)
    page.refresh_from_db()
    assert page.scheduled_revision is None and not Revision.objects.filter(pk=scheduled.pk).exists()
    assert scheduling.apply_due(timezone.now() + datetime.timedelta(days=2)) is None


def test_an_expiry_takes_the_page_down_and_back_to_draft(client):
    page = published_page(slug="event")
    with committed():
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() + datetime.timedelta(hours=1))
    assert client.get(page.url_path).status_code == 200
    with committed():
        Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
        content_cache.invalidate()
    assert client.get(page.url_path).status_code == 404
    page.refresh_from_db()
    assert page.status == Page.Status.DRAFT and page.expire_at is None


class TestScheduleInTheAdmin:
    def schedule(self, client, page, at):
        return client.post(reverse("admin:content_page_schedule", args=[page.pk]), {"at": at}, follow=True)

    def test_the_confirmation_and_the_panel_show_the_centers_time_not_utc(self, client, editor, settings):
        settings.TIME_ZONE = "America/New_York"
        page, _reviewer = live_page_with_new_draft()
        client.force_login(editor)
        response = self.schedule(client, page, "2027-03-15T09:00")  # the day after clocks go forward
        html = response.content.decode()
        assert "scheduled to go live on 15 Mar 2027, 09:00 EDT" in html
        assert "13:00" not in html
        page.refresh_from_db()
        assert page.scheduled_at == datetime.datetime(2027, 3, 15, 13, 0, tzinfo=datetime.UTC)
        assert "Live, no unpublished changes" in html or "Live, with unpublished changes" in html

    @pytest.mark.parametrize("moment", ["2027-03-14T02:30", "2027-11-07T01:30"])
    def test_a_time_that_does_not_exist_or_exists_twice_at_the_clock_change_is_refused(self, client, editor, moment):
        page, _reviewer = live_page_with_new_draft()
        client.force_login(editor)
        html = self.schedule(client, page, moment).content.decode()
        assert "couldn’t be interpreted in time zone America/New_York" in html or "interpreted" in html
        page.refresh_from_db()
        assert page.scheduled_revision is None

    def test_a_time_in_the_past_is_a_message_not_an_error_page(self, client, editor):
        page, _reviewer = live_page_with_new_draft()
        client.force_login(editor)
        response = self.schedule(client, page, "2020-01-01T09:00")
        assert response.status_code == 200 and "Choose a time in the future" in response.content.decode()

    def test_only_those_who_may_publish_may_schedule(self, client):
        page, reviewer = live_page_with_new_draft()
        client.force_login(reviewer.user)
        response = client.post(reverse("admin:content_page_schedule", args=[page.pk]), {"at": "2030-01-01T09:00"})
        assert response.status_code == 403


def test_a_due_version_shows_in_search_and_the_menu_even_before_anyone_opens_its_page(client, editor):
    page, reviewer = live_page_with_new_draft()
    with committed():
        Page.objects.filter(pk=page.pk).update(show_in_menu=True)
        page.refresh_from_db()
        page.title = "Benzodiazepines: a new title"
        page.save()
        services.record_review(page=page, user=reviewer.user)
        services.schedule(page=page, user=editor, at=timezone.now() + datetime.timedelta(hours=1))
    assert "a new title" not in client.get("/search/?q=benzodiazepines").content.decode()
    time_passes(page)
    html = client.get("/search/?q=benzodiazepines").content.decode()
    assert "Benzodiazepines: a new title" in html
