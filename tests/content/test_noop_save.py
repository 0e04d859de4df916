"""Saving a page without editing it changes nothing: not the content, not the review, not the history."""

import datetime

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from content import services, snapshot
from content.models import Page
from tests.content.browserlike import untouched_form
from tests.content.factories import PageFactory, SectionFactory, SourceFactory, published_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def multi_line_page(reviewer):
    parent = published_page(slug="substances", kind=Page.Kind.INDEX, title="Substances")
    page = PageFactory(
        slug="benzos",
        parent=parent,
        is_clinical=True,
        kind=Page.Kind.SUBSTANCE,
        summary="First line of the summary.\nSecond line.",
        drug_name="Benzodiazepines",
        brand_names="Xanax, Valium",
        published_on=datetime.date(2026, 3, 1),
    )
    SectionFactory(page=page, body="A paragraph.\n\nAnother paragraph, with a list:\n\n- one\n- two")
    SectionFactory(page=page, kind="list", body="", items="first\nsecond\nthird")
    SourceFactory(page=page)
    page.related.add(parent)
    services.record_review(page=page, user=reviewer.user)
    return page


def test_change_form_posted_back_unchanged_keeps_the_review_and_logs_no_change(client, editor, reviewer):
    page = multi_line_page(reviewer)
    before = snapshot.build(page)[0]
    client.force_login(editor)
    url = reverse("admin:content_page_change", args=[page.pk])
    data = untouched_form(client.get(url).content.decode(), "page_form")
    assert any("\r\n" in value for values in data.values() for value in values), "the browser's CRLF is sent"
    data["_save"] = ["Save"]
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""

    page.refresh_from_db()
    assert snapshot.build(page)[0] == before
    assert services.has_current_review(page, before)
    assert services.publish(page=page, user=editor).number == 1
    entry = LogEntry.objects.filter(object_id=str(page.pk)).latest("action_time")
    assert entry.get_change_message() == "No fields changed."


def test_text_stored_with_crlf_is_left_as_it_is_by_a_save_with_no_edits(client, editor, reviewer):
    page = multi_line_page(reviewer)
    page.sections.filter(kind="text").update(body="Saved from a browser.\r\n\r\nSecond paragraph.\r\n")
    services.record_review(page=page, user=reviewer.user)
    before = snapshot.build(page)[0]
    client.force_login(editor)
    url = reverse("admin:content_page_change", args=[page.pk])
    data = untouched_form(client.get(url).content.decode(), "page_form")
    client.post(url, {**data, "_save": ["Save"]})
    assert page.sections.get(kind="text").body == "Saved from a browser.\r\n\r\nSecond paragraph.\r\n"
    assert services.has_current_review(page, before)


def test_a_real_edit_is_still_saved_logged_and_needs_a_new_review(client, editor, reviewer):
    page = multi_line_page(reviewer)
    before = snapshot.build(page)[0]
    client.force_login(editor)
    url = reverse("admin:content_page_change", args=[page.pk])
    data = untouched_form(client.get(url).content.decode(), "page_form")
    data["sections-0-body"] = [data["sections-0-body"][0].replace("Another paragraph", "A changed paragraph")]
    client.post(url, {**data, "_save": ["Save"]})
    assert "A changed paragraph" in page.sections.get(kind="text").body
    after = snapshot.build(page)[0]
    assert after != before and not services.has_current_review(page, after)
    entry = LogEntry.objects.filter(object_id=str(page.pk)).latest("action_time")
    assert "Text (Markdown)" in entry.get_change_message()
