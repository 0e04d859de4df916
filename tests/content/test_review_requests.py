"""Request review, see the difference since the last review, record the review in one step."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from content import services, snapshot
from content.models import Review, ReviewRequest
from nexus import roles
from tests.content.browserlike import untouched_form
from tests.content.factories import PageFactory, ReviewerFactory, SectionFactory, UserFactory, committed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


@pytest.fixture
def reviewed(reviewer):
    page = PageFactory(title="Benzodiazepine addiction treatment", is_clinical=True, slug="benzos")
    SectionFactory(page=page, heading="Withdrawal", body="Stopping suddenly can cause seizures.")
    SectionFactory(page=page, heading="Getting help", body="Call us.")
    services.record_review(page=page, user=reviewer.user)
    return page


def edit(page, body):
    section = page.sections.get(heading="Withdrawal")
    section.body = body
    section.save()


def test_request_review_emails_each_reviewer_a_link_and_nothing_of_the_page(client, editor, reviewed, reviewer):
    reviewer.user.email = "rivera@nexus.example"
    reviewer.user.save()
    other = ReviewerFactory(user__email="chen@nexus.example")
    edit(reviewed, "Stopping suddenly can cause dangerous seizures.")
    client.force_login(editor)
    with committed():
        response = client.post(reverse("admin:content_page_request_review", args=[reviewed.pk]))
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["chen@nexus.example", "rivera@nexus.example"]
    assert all(len(m.to) == 1 and not m.cc and not m.bcc for m in mail.outbox)
    message = mail.outbox[0]
    link = reverse("admin:content_page_diff", args=[reviewed.pk])
    assert link in message.body and f"#{reviewed.pk}" in message.subject
    for secret in ("Benzodiazepine", "benzos", "Withdrawal", "seizures", "Stopping"):
        assert secret.lower() not in (message.subject + message.body).lower()
    assert ReviewRequest.objects.waiting().get().page == reviewed
    assert other.user.email in [m.to[0] for m in mail.outbox]


def test_asking_again_while_waiting_queues_nothing_more_and_sends_nothing(client, editor, reviewed, reviewer):
    reviewer.user.email = "rivera@nexus.example"
    reviewer.user.save()
    edit(reviewed, "Changed.")
    client.force_login(editor)
    with committed():
        client.post(reverse("admin:content_page_request_review", args=[reviewed.pk]))
        client.post(reverse("admin:content_page_request_review", args=[reviewed.pk]))
    assert ReviewRequest.objects.count() == 1 and len(mail.outbox) == 1


def test_a_draft_already_reviewed_needs_no_request(client, editor, reviewed):
    client.force_login(editor)
    response = client.post(reverse("admin:content_page_request_review", args=[reviewed.pk]), follow=True)
    assert "already covers this draft" in response.content.decode()
    assert not ReviewRequest.objects.exists() and not mail.outbox


def test_the_reviewer_sees_the_words_changed_since_their_last_review(client, reviewed, reviewer):
    edit(reviewed, "Stopping suddenly can cause dangerous seizures and hallucinations.")
    client.force_login(reviewer.user)
    html = client.get(reverse("admin:content_page_diff", args=[reviewed.pk])).content.decode()
    assert '<ins><span class="visually-hidden">[added: </span>dangerous' in html
    assert "hallucinations" in html and "Changed:" in html and "Unchanged: 1 section" in html
    assert "Record my review" in html


def test_recording_from_the_changes_screen_signs_exactly_what_was_shown_and_empties_the_queue(
    client, editor, reviewed, reviewer
):
    edit(reviewed, "New words.")
    services.request_review(page=reviewed, user=editor)
    client.force_login(reviewer.user)
    url = reverse("admin:content_page_diff", args=[reviewed.pk])
    seen = client.get(url).context["draft_hash"]
    response = client.post(
        reverse("admin:content_page_record_review", args=[reviewed.pk]),
        {"seen": seen, "notes": "Doses checked.", "reviewed_on": "2020-01-01", "reviewer": "999"},
        follow=True,
    )
    assert "Your review of this draft is recorded" in response.content.decode()
    review = Review.objects.latest("recorded_at")
    assert (review.reviewer, review.recorded_by, review.reviewed_on) == (reviewer, reviewer.user, timezone.localdate())
    assert review.content_hash == seen and review.snapshot["sections"][0]["body"] == "New words."
    assert not ReviewRequest.objects.waiting().exists()
    assert services.has_current_review(reviewed, snapshot.fingerprint(snapshot.raw(reviewed)))


def test_a_draft_changed_after_the_reviewer_opened_it_is_not_signed(client, reviewed, reviewer):
    client.force_login(reviewer.user)
    seen = client.get(reverse("admin:content_page_diff", args=[reviewed.pk])).context["draft_hash"]
    edit(reviewed, "Changed behind the reviewer's back.")
    before = Review.objects.count()
    response = client.post(reverse("admin:content_page_record_review", args=[reviewed.pk]), {"seen": seen}, follow=True)
    assert "The draft changed after you opened it" in response.content.decode()
    assert Review.objects.count() == before


def test_only_clinical_reviewers_record_and_only_editors_request(client, editor, reviewed):
    client.force_login(editor)
    assert client.post(reverse("admin:content_page_record_review", args=[reviewed.pk])).status_code == 403
    viewer = UserFactory(roles=[roles.CLINICAL_REVIEWERS])
    client.force_login(viewer)
    assert client.post(reverse("admin:content_page_request_review", args=[reviewed.pk])).status_code == 403


def test_any_two_versions_can_be_compared_and_a_made_up_version_is_refused(client, editor, reviewed, reviewer):
    with committed():
        services.publish(page=reviewed, user=editor)
    edit(reviewed, "Second version.")
    services.record_review(page=reviewed, user=reviewer.user)
    with committed():
        services.publish(page=reviewed, user=editor)
    client.force_login(editor)
    url = reverse("admin:content_page_diff", args=[reviewed.pk])
    response = client.get(url, {"from": "v1", "to": "v2"})
    assert response.context["diff"].inserted_words() == ["Second", "version"]
    assert client.get(url, {"from": "v1", "to": "v1"}).context["diff"].has_changes is False
    assert client.get(url, {"from": "v9", "to": "draft"}).status_code == 302


def test_a_save_with_no_edits_keeps_the_review_and_the_page_out_of_the_queue(client, editor, reviewed):
    client.force_login(editor)
    url = reverse("admin:content_page_change", args=[reviewed.pk])
    data = untouched_form(client.get(url).content.decode(), "page_form")
    client.post(url, {**data, "_save": ["Save"]})
    content_hash = snapshot.fingerprint(snapshot.raw(reviewed))
    assert services.has_current_review(reviewed, content_hash)
    html = client.get(url).content.decode()
    assert "The current clinical review covers this draft." in html and "Request review" not in html
