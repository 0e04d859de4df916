"""A Spanish page's clinical review is its own, by a reviewer who reads Spanish: the English review
never counts for it (nor its for the English page), and the languages are read as they are now."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from content import services, services_translations, snapshot
from content.models import Review, Reviewer
from tests.content.factories import PageFactory, ReviewerFactory, SectionFactory, committed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


@pytest.fixture
def english_reviewer():
    return ReviewerFactory(name="Dr. English", languages=["en"])


@pytest.fixture
def spanish_reviewer():
    return ReviewerFactory(name="Dra. Español", languages=["es"])


@pytest.fixture
def original(english_reviewer):
    page = PageFactory(slug="benzos", title="Benzodiazepines", is_clinical=True)
    SectionFactory(page=page, heading="Withdrawal", body="Never stop suddenly.")
    services.record_review(page=page, user=english_reviewer.user)
    with committed():
        services.publish(page=page, user=None)
    page.refresh_from_db()
    return page


@pytest.fixture
def translation(original, editor):
    page = services_translations.translate_page(page=original, language="es", user=editor)
    section = page.sections.get()
    section.heading, section.body = "Abstinencia", "Nunca deje de tomarlas de golpe."
    section.save()
    return page


def publish(page):
    with committed():
        return services.publish(page=page, user=None)


def refused_code(call):
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value.code


def test_a_reviewer_who_does_not_read_spanish_cannot_review_the_spanish_page(translation, english_reviewer):
    assert refused_code(lambda: services.record_review(page=translation, user=english_reviewer.user)) == (
        "wrong_language"
    )
    assert not Review.objects.filter(page=translation).exists()


def test_the_admin_says_why_and_offers_no_review_form_to_that_reviewer(client, translation, english_reviewer):
    client.force_login(english_reviewer.user)
    response = client.post(reverse("admin:content_page_review", args=[translation.pk]), follow=True)
    message = " ".join(str(m) for m in response.context["messages"])
    assert "This page is in Español and your reviewer profile does not say you read it" in message
    changes = client.get(reverse("admin:content_page_diff", args=[translation.pk])).content.decode()
    assert "Record my review</button>" not in changes
    assert "its review must be recorded by a clinical reviewer who does" in changes
    editor_html = client.get(reverse("admin:content_page_change", args=[translation.pk])).content.decode()
    assert "#record-review" not in editor_html


def test_a_spanish_reader_reviews_the_translation_and_then_it_publishes(client, translation, spanish_reviewer):
    refused = refused_code(lambda: publish(translation))
    assert refused == "review_required"
    client.force_login(spanish_reviewer.user)
    diff = client.get(reverse("admin:content_page_diff", args=[translation.pk]))
    client.post(
        reverse("admin:content_page_record_review", args=[translation.pk]), {"seen": diff.context["draft_hash"]}
    )
    assert Review.objects.filter(page=translation, reviewer=spanish_reviewer).exists()
    revision = publish(translation)
    translation.refresh_from_db()
    assert translation.live_revision == revision and translation.url_path == "/es/benzos/"


def test_the_english_review_never_counts_for_the_translation_even_for_identical_text(original, editor):
    """Straight after "Translate", the Spanish draft is word for word the English live version."""
    copy = services_translations.translate_page(page=original, language="es", user=editor)
    assert snapshot.build(copy)[0] == original.live_revision.content_hash
    assert not services.has_current_review(copy, snapshot.build(copy)[0])
    with pytest.raises(ValidationError) as refused:
        publish(copy)
    assert "It must be by a clinical reviewer who reads Español." in refused.value.messages[0]


def test_the_translations_review_never_counts_for_the_english_original(original, editor):
    """A bilingual reviewer signs the untouched Spanish copy (the same words, the same fingerprint):
    the English page, its own review gone, is still not covered."""
    both = ReviewerFactory(name="Dr. Both", languages=["en", "es"])
    copy = services_translations.translate_page(page=original, language="es", user=editor)
    services.record_review(page=copy, user=both.user)
    Review.objects.filter(page=original).delete()
    assert snapshot.build(copy)[0] == snapshot.build(original)[0]
    assert not services.has_current_review(original, snapshot.build(original)[0])
    assert refused_code(lambda: publish(original)) == "review_required"


def test_a_reviewer_who_lost_spanish_no_longer_covers_the_translation(client, translation, spanish_reviewer):
    services.record_review(page=translation, user=spanish_reviewer.user)
    draft_hash = snapshot.build(translation)[0]
    assert services.has_current_review(translation, draft_hash)
    spanish_reviewer.languages = ["en"]
    spanish_reviewer.save()
    assert not services.has_current_review(translation, draft_hash)
    assert refused_code(lambda: publish(translation)) == "review_required"
    client.force_login(spanish_reviewer.user)
    html = client.get(reverse("admin:content_page_change", args=[translation.pk])).content.decode()
    assert "No current clinical review by a reviewer who reads Español covers this draft" in html


def test_a_review_recorded_before_the_reviewers_languages_changed_is_read_with_the_languages_now(
    original, english_reviewer
):
    """The English page's review, recorded when its reviewer read English, stops counting once the
    profile no longer says so, and counts again when it does."""
    content_hash = original.live_revision.content_hash
    assert services.has_current_review(original, content_hash)
    Reviewer.objects.filter(pk=english_reviewer.pk).update(languages=["es"])
    assert not services.has_current_review(original, content_hash)
    Reviewer.objects.filter(pk=english_reviewer.pk).update(languages=["es", "en"])
    assert services.has_current_review(original, content_hash)


def test_a_bilingual_reviewer_reviews_each_page_separately(original, translation):
    both = ReviewerFactory(name="Dr. Bilingüe", languages=["en", "es"])
    services.record_review(page=translation, user=both.user)
    publish(translation)
    section = original.sections.get()
    section.body = "Never stop suddenly: ask your doctor."
    section.save()
    assert refused_code(lambda: publish(original)) == "review_required", "the Spanish review is not the English one"
    services.record_review(page=original, user=both.user)
    publish(original)
    assert Review.objects.filter(reviewer=both).count() == 2


def test_the_reviewer_admin_ticks_languages(client, admin_user, english_reviewer):
    client.force_login(admin_user)
    url = reverse("admin:content_reviewer_change", args=[english_reviewer.pk])
    html = client.get(url).content.decode()
    assert 'type="checkbox" name="languages" value="en"' in html and 'name="languages" value="es"' in html
    form = client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(languages=["en", "es"], user=english_reviewer.user.pk)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    english_reviewer.refresh_from_db()
    assert english_reviewer.languages == ["en", "es"]
    listing = client.get(reverse("admin:content_reviewer_changelist")).content.decode()
    assert "English, Español" in listing
    data.update(languages=["xx"])
    assert client.post(url, data).status_code == 200, "a language the site does not have is refused"


def test_a_review_request_for_the_spanish_page_emails_only_reviewers_who_read_spanish(
    client, editor, translation, english_reviewer, spanish_reviewer
):
    english_reviewer.user.email, spanish_reviewer.user.email = "en@nexus.example", "es@nexus.example"
    english_reviewer.user.save()
    spanish_reviewer.user.save()
    client.force_login(editor)
    with committed():
        client.post(reverse("admin:content_page_request_review", args=[translation.pk]))
    assert [message.to for message in mail.outbox] == [["es@nexus.example"]]
    assert f"page #{translation.pk}" in mail.outbox[0].subject
