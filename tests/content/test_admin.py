"""The admin lets an editor create, preview and publish, and a reviewer sign off, with no code change."""

import pytest
from django.urls import reverse

from content import services
from content.models import Page, Review
from tests.content.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def test_editor_creates_a_page_with_sections_in_the_admin(client, editor, no_2fa):
    client.force_login(editor)
    data = {
        "title": "Outpatient treatment",
        "slug": "outpatient",
        "kind": "program",
        "summary": "Care at home.",
        "order": 0,
        "sections-TOTAL_FORMS": 1,
        "sections-INITIAL_FORMS": 0,
        "sections-0-order": 0,
        "sections-0-kind": "text",
        "sections-0-heading": "How it works",
        "sections-0-body": "Evening groups.",
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }
    response = client.post(reverse("admin:content_page_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    page = Page.objects.get(slug="outpatient")
    assert page.sections.get().anchor == "how-it-works"
    assert client.get(f"/preview/{page.pk}/").status_code == 200


def test_duplicate_slug_in_the_admin_is_a_form_error(client, editor, no_2fa):
    PageFactory(slug="taken")
    client.force_login(editor)
    response = client.post(
        reverse("admin:content_page_add"),
        {
            "title": "T",
            "slug": "taken",
            "kind": "general",
            "summary": "s",
            "order": 0,
            "sections-TOTAL_FORMS": 0,
            "sections-INITIAL_FORMS": 0,
            "sources-TOTAL_FORMS": 0,
            "sources-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 200
    assert "Another page already uses the address /taken/." in response.content.decode()


def test_publish_without_review_shows_a_message_and_publishes_nothing(client, editor, no_2fa):
    page = PageFactory(is_clinical=True)
    client.force_login(editor)
    response = client.post(reverse("admin:content_page_publish", args=[page.pk]), follow=True)
    assert "no current clinical review" in response.content.decode()
    assert not page.revisions.exists()


def test_reviewer_signs_off_in_one_step_then_editor_publishes(client, editor, reviewer, no_2fa):
    page = PageFactory(is_clinical=True, slug="benzo")
    SectionFactory(page=page)
    client.force_login(reviewer.user)
    reviewer.user.is_staff = True
    reviewer.user.save()
    client.post(reverse("admin:content_page_review", args=[page.pk]), {"notes": "Checked doses."})
    assert Review.objects.get(page=page).reviewer == reviewer
    client.force_login(editor)
    client.post(reverse("admin:content_page_publish", args=[page.pk]))
    assert client.get("/benzo/").status_code == 200


def test_review_due_list_shows_pages_never_reviewed_and_not_those_reviewed_today(client, editor, reviewer, no_2fa):
    never = PageFactory(is_clinical=True, title="Needs review", slug="needs-review")
    reviewed = PageFactory(is_clinical=True, title="Signed off", slug="signed-off")
    services.record_review(page=reviewed, user=reviewer.user)
    client.force_login(editor)
    html = client.get(reverse("admin:content_pagedueforreview_changelist")).content.decode()
    assert "Needs review" in html and never.url_path in html and "never reviewed" in html
    assert "Signed off" not in html and reviewed.url_path not in html
