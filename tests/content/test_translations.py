"""A page translated as its own version: started from the original's published text, placed under
/es/, refused twice, flagged out of date only when the original's published content changes."""

import threading

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse

from content import services, services_translations
from content.models import Page
from nexus import roles
from nexus.models import AuditEvent
from tests.content.factories import (
    PageFactory,
    SectionFactory,
    SourceFactory,
    UserFactory,
    committed,
    published_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def original_with_text(slug="detox", **fields):
    page = PageFactory(slug=slug, title="Medical detox", summary="Safe withdrawal, with care.", **fields)
    SectionFactory(page=page, heading="What happens", body="Doctors watch over you.[^1] See [intake](page:99).")
    SectionFactory(page=page, heading="How long", body="Usually a few days.")
    SourceFactory(page=page)
    with committed():
        services.publish(page=page, user=None)
    page.refresh_from_db()
    return page


def translate(client, page, language="es"):
    return client.post(reverse("admin:content_page_translate", args=[page.pk, language]), follow=True)


def publish(page):
    with committed():
        services.publish(page=page, user=None)
    page.refresh_from_db()


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_translate_into_spanish_starts_a_draft_from_the_published_version_and_opens_it(client, editor):
    original = original_with_text()
    # An edit the original has not published: the translation must not start from it.
    section = original.sections.get(heading="How long")
    section.body = "Unpublished words."
    section.save()
    client.force_login(editor)
    response = translate(client, original)
    translation = Page.objects.get(translation_of=original)
    assert response.redirect_chain[-1][0] == reverse("admin:content_page_change", args=[translation.pk])
    assert "Español translation started from version 1" in " ".join(messages_of(response))
    assert (translation.language, translation.status, translation.url_path) == ("es", "draft", "/es/detox/")
    assert translation.translated_from == original.live_revision
    assert translation.live_revision_id is None and not translation.is_live()
    assert (translation.title, translation.summary) == ("Medical detox", "Safe withdrawal, with care.")
    assert list(translation.sections.values_list("heading", "body")) == [
        ("What happens", "Doctors watch over you.[^1] See [intake](page:99)."),
        ("How long", "Usually a few days."),
    ]
    assert list(translation.sources.values_list("title", "publisher")) == [
        ("Prescription CNS Depressants DrugFacts", "NIDA")
    ]
    assert not translation.reviews.exists(), "a translation's review is its own, and it has none yet"
    # In both pages' history and in the audit trail.
    assert "Translation into Español of page" in LogEntry.objects.get(object_id=str(translation.pk)).change_message
    assert "translation started" in LogEntry.objects.get(object_id=str(original.pk)).change_message
    assert AuditEvent.objects.filter(object_type="content.page", object_id=str(translation.pk), actor=editor).exists()
    # Its editor opens, and the public does not see it.
    assert "The original in English (version 1, live)" in response.content.decode()
    assert Client().get("/es/detox/").status_code == 404


def test_a_child_goes_under_its_parents_translation_or_to_the_top_of_the_spanish_site(editor):
    parent = original_with_text(slug="programs")
    child = PageFactory(slug="outpatient", parent=parent, title="Outpatient")
    publish(child)
    alone = services_translations.translate_page(page=child, language="es", user=editor)
    assert alone.parent is None and alone.url_path == "/es/outpatient/"
    parent_es = services_translations.translate_page(page=parent, language="es", user=editor)
    sibling = PageFactory(slug="residential", parent=parent, title="Residential")
    publish(sibling)
    placed = services_translations.translate_page(page=sibling, language="es", user=editor)
    assert placed.parent == parent_es and placed.url_path == "/es/programs/residential/"


def test_links_and_related_pages_point_to_their_translations_where_there_are_some(editor):
    target = original_with_text(slug="admissions-help")
    target_es = services_translations.translate_page(page=target, language="es", user=editor)
    page = PageFactory(slug="benzos", title="Benzos")
    SectionFactory(page=page, body=f"Read [how to start](page:{target.pk}) and [the other](page:424242).")
    page.related.add(target)
    publish(page)
    translation = services_translations.translate_page(page=page, language="es", user=editor)
    body = translation.sections.get().body
    assert f"(page:{target_es.pk})" in body and "(page:424242)" in body
    assert list(translation.related.all()) == [target_es]


def test_the_same_address_taken_on_the_spanish_site_gets_a_number(editor):
    first = original_with_text(slug="faq")
    other_parent = original_with_text(slug="family")
    second = PageFactory(slug="faq", parent=other_parent, title="Family FAQ")
    publish(second)
    assert services_translations.translate_page(page=first, language="es", user=editor).url_path == "/es/faq/"
    assert services_translations.translate_page(page=second, language="es", user=editor).url_path == "/es/faq-2/"


def test_a_second_translation_into_the_same_language_is_refused_with_a_clear_message(client, editor):
    original = original_with_text()
    client.force_login(editor)
    translate(client, original)
    response = translate(client, original)
    assert Page.objects.filter(translation_of=original).count() == 1
    assert messages_of(response) == ["This page already has a Español translation (/es/detox/): open it to work on it."]
    assert response.redirect_chain[-1][0] == reverse("admin:content_page_change", args=[original.pk])


def test_a_translation_of_a_translation_and_of_a_page_never_published_are_refused(editor):
    original = original_with_text()
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    with pytest.raises(ValidationError) as refused:
        services_translations.translate_page(page=translation, language="es", user=editor)
    assert refused.value.code == "translation_of_translation"
    draft = PageFactory(slug="never")
    with pytest.raises(ValidationError) as refused:
        services_translations.translate_page(page=draft, language="es", user=editor)
    assert refused.value.code == "never_published"
    for language in ("en", "fr", "../"):
        with pytest.raises(ValidationError):
            services_translations.translate_page(page=original, language=language, user=editor)
    assert Page.objects.filter(language="es").count() == 1


def test_only_editors_may_translate_and_only_by_post(client):
    original = original_with_text()
    url = reverse("admin:content_page_translate", args=[original.pk, "es"])
    reader = UserFactory(username="reader", roles=[roles.AUDITORS])
    client.force_login(reader)
    assert client.post(url).status_code == 403
    client.force_login(UserFactory(username="ed", roles=[roles.CONTENT_EDITORS]))
    assert client.get(url).status_code == 405
    assert not Page.objects.filter(language="es").exists()


@pytest.mark.django_db(transaction=True)
def test_two_translate_requests_at_the_same_moment_make_one_translation():
    original = original_with_text()
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    url = reverse("admin:content_page_translate", args=[original.pk, "es"])
    # SQLite's in-memory test database takes one writer at a time; PostgreSQL races for real.
    sqlite_lock = threading.Lock() if connection.vendor == "sqlite" else None
    barrier, answers = threading.Barrier(4), []
    signed_in = Client()
    signed_in.force_login(editor)
    session = signed_in.cookies["sessionid"].value

    def post():
        client = Client()
        client.cookies["sessionid"] = session
        try:
            barrier.wait()
            if sqlite_lock:
                with sqlite_lock:
                    answers.append(client.post(url).status_code)
            else:
                answers.append(client.post(url).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [302] * 4
    assert Page.objects.filter(translation_of=original, language="es").count() == 1


def test_out_of_date_only_when_the_originals_published_content_changes(editor):
    original = original_with_text()
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    assert not translation.translation_is_out_of_date()
    # A republish with no change, and an unpublished edit of the draft: still up to date.
    publish(original)
    assert original.live_revision.number == 2
    section = original.sections.get(heading="How long")
    section.body = "About a week, sometimes more."
    section.save()
    original.title = "Medical detox, revised"
    original.save()
    assert not translation.translation_is_out_of_date()
    assert list(Page.objects.translations_out_of_date()) == []
    # Published: now it is.
    publish(original)
    translation.refresh_from_db()
    assert translation.translation_is_out_of_date()
    assert list(Page.objects.translations_out_of_date()) == [translation]
    assert list(Page.objects.translations_up_to_date()) == []
    # Publishing the original changed nothing of the translation itself.
    assert translation.title == "Medical detox" and translation.translated_from.number == 1
    assert translation.sections.get(heading="How long").body == "Usually a few days."


def test_the_originals_listing_changes_alone_do_not_make_a_translation_out_of_date(editor):
    original = original_with_text()
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    original.order, original.show_in_menu = 7, True
    original.save()
    publish(original)
    assert not translation.translation_is_out_of_date()


def test_the_translator_sees_what_changed_and_says_it_is_up_to_date(client, editor):
    original = original_with_text()
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    section = original.sections.get(heading="How long")
    section.body = "About a week, sometimes more."
    section.save()
    publish(original)
    client.force_login(editor)
    html = client.get(reverse("admin:content_page_change", args=[translation.pk])).content.decode()
    assert "Out of date" in html and "version 1: version 2 is live" in html
    diff_url = reverse("admin:content_page_diff", args=[original.pk]) + "?from=v1&amp;to=v2"
    assert diff_url in html
    changes = client.get(diff_url.replace("&amp;", "&")).context["diff"]
    assert {"About", "sometimes"} <= set(changes.inserted_words())
    assert {"Usually", "few"} <= set(changes.deleted_words())
    # The original's editor says so too.
    html = client.get(reverse("admin:content_page_change", args=[original.pk])).content.decode()
    assert "Español translation: out of date" in html and "/es/detox/" in html
    # Brought up to date: cleared, in the history, until the original's content changes again.
    response = client.post(reverse("admin:content_page_translation_up_to_date", args=[translation.pk]), follow=True)
    assert "Marked as up to date" in " ".join(messages_of(response))
    translation.refresh_from_db()
    assert translation.translated_from == original.live_revision
    assert not translation.translation_is_out_of_date()
    assert "Brought up to date with version 2" in (
        LogEntry.objects.filter(object_id=str(translation.pk)).latest("action_time").change_message
    )
    assert "Out of date" not in response.content.decode()
    publish(original)  # no change in content
    assert not translation.translation_is_out_of_date()


def test_marking_up_to_date_is_for_translations_and_for_editors(client, editor):
    original = original_with_text()
    url = reverse("admin:content_page_translation_up_to_date", args=[original.pk])
    client.force_login(editor)
    response = client.post(url, follow=True)
    assert messages_of(response) == ["This page is not a translation."]
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    client.force_login(UserFactory(username="reader", roles=[roles.AUDITORS]))
    assert client.post(reverse("admin:content_page_translation_up_to_date", args=[translation.pk])).status_code == 403


def test_the_translation_editor_shows_the_originals_published_text_with_links(client, editor):
    original = original_with_text()
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    section = original.sections.get(heading="How long")
    section.body = "Unpublished words."
    section.save()
    client.force_login(editor)
    html = client.get(reverse("admin:content_page_change", args=[translation.pk])).content.decode()
    pane = html[html.index('id="original-pane"') : html.index("</aside>", html.index('id="original-pane"'))]
    for words in (
        "Medical detox",
        "Safe withdrawal, with care.",
        "Section 1: What happens",
        'Doctors watch over <span class="cited-word">you.[^1]</span>',
    ):
        assert words in pane
    assert "Unpublished words." not in pane, "the original's published text, not its draft"
    assert reverse("admin:content_page_change", args=[original.pk]) in pane
    assert 'href="/detox/"' in pane
    assert 'lang="en"' in pane


def test_the_original_offers_translate_into_spanish_once_published(client, editor):
    client.force_login(editor)
    draft = PageFactory(slug="draft-only")
    html = client.get(reverse("admin:content_page_change", args=[draft.pk])).content.decode()
    assert "Translate into Español" not in html and "Publish this page first" in html
    original = original_with_text()
    html = client.get(reverse("admin:content_page_change", args=[original.pk])).content.decode()
    assert "Translate into Español" in html
    services_translations.translate_page(page=original, language="es", user=editor)
    html = client.get(reverse("admin:content_page_change", args=[original.pk])).content.decode()
    assert "Translate into Español" not in html and "Español: " in html
    assert "(not published), up to date" in html


def test_the_page_list_shows_and_filters_language_and_out_of_date_translations(client, editor):
    original = original_with_text()
    other = published_page(slug="about", title="About us")
    translation = services_translations.translate_page(page=original, language="es", user=editor)
    services_translations.translate_page(page=other, language="es", user=editor)
    section = original.sections.get(heading="How long")
    section.body = "About a week."
    section.save()
    publish(original)
    client.force_login(editor)
    listing = reverse("admin:content_page_changelist")
    html = client.get(listing).content.decode()
    assert "Español" in html and "Out of date" in html and "A translation is out of date" in html
    stale = client.get(listing, {"translation": "out-of-date"}).context["cl"].result_list
    assert list(stale) == [translation]
    fresh = client.get(listing, {"translation": "up-to-date"}).context["cl"].result_list
    assert [p.url_path for p in fresh] == ["/es/about/"]
    spanish = client.get(listing, {"language__exact": "es"}).context["cl"].result_list
    assert sorted(p.url_path for p in spanish) == ["/es/about/", "/es/detox/"]


def test_a_translation_cannot_be_moved_under_a_page_in_another_language(editor):
    english_parent = original_with_text(slug="programs")
    translation = services_translations.translate_page(page=original_with_text(), language="es", user=editor)
    translation.parent = english_parent
    with pytest.raises(ValidationError) as refused:
        translation.full_clean()
    assert refused.value.error_dict["parent"][0].code == "parent_language"
