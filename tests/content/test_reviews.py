"""A clinical review is a clinician's own signature: recorded by them, now, and it says so."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from content.models import Review
from tests.content.factories import PageFactory, ReviewerFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def test_reviews_admin_records_no_review_in_another_clinicians_name_nor_backdated(client):
    me, colleague = ReviewerFactory(name="Dr. Me"), ReviewerFactory(name="Dr. Colleague")
    page = PageFactory(is_clinical=True)
    client.force_login(me.user)
    assert client.get(reverse("admin:content_review_add")).status_code == 403
    long_ago = datetime.date(2025, 1, 2)
    response = client.post(
        reverse("admin:content_review_add"),
        {
            "page": page.pk,
            "reviewer": colleague.pk,
            "reviewed_on": long_ago.isoformat(),
            "next_review_due": (long_ago + datetime.timedelta(days=365)).isoformat(),
            "notes": "",
        },
    )
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_review_from_the_page_is_in_the_signed_in_reviewers_name_today_and_says_who_recorded_it(client):
    me = ReviewerFactory(name="Dr. Me")
    ReviewerFactory(name="Dr. Colleague")
    page = PageFactory(is_clinical=True)
    SectionFactory(page=page)
    client.force_login(me.user)
    client.post(
        reverse("admin:content_page_review", args=[page.pk]),
        {"notes": "Checked doses.", "reviewer": "2", "reviewed_on": "2025-01-02"},
    )
    review = Review.objects.get()
    assert (review.reviewer, review.recorded_by) == (me, me.user)
    assert review.reviewed_on == timezone.localdate()
    listing = client.get(reverse("admin:content_review_changelist")).content.decode()
    assert "recorded by" in listing.lower() and me.user.username in listing


def test_nobody_can_change_a_recorded_review_in_the_admin(client, admin_user):
    me = ReviewerFactory()
    page = PageFactory(is_clinical=True)
    client.force_login(me.user)
    client.post(reverse("admin:content_page_review", args=[page.pk]))
    review = Review.objects.get()
    client.force_login(admin_user)
    url = reverse("admin:content_review_change", args=[review.pk])
    client.post(url, {"page": page.pk, "reviewer": me.pk, "reviewed_on": "2025-01-02", "next_review_due": "2026-01-02"})
    review.refresh_from_db()
    assert review.reviewed_on == timezone.localdate()
    assert client.get(reverse("admin:content_review_add")).status_code == 403
