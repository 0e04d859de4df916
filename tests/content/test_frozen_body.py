"""A published version keeps its body HTML, so an uncached request renders only the page frame; the
kept HTML is never trusted blindly, and what must stay live (testimonials, reviews) stays live."""

import pytest
from django.core.cache import cache

from content import frozen, models, presenter, services
from tests.content.factories import ConsentedQuoteFactory, PageFactory, SectionFactory, SourceFactory, committed

pytestmark = pytest.mark.django_db


def page_with_everything(slug="benzos"):
    page = PageFactory(slug=slug, title="Benzodiazepines", summary="About benzodiazepines.")
    SectionFactory(page=page, heading="Withdrawal", body="Never stop **suddenly**.[^1]")
    SectionFactory(page=page, kind="warning", heading="In danger?", body="Call 911.")
    SectionFactory(
        page=page, kind="testimonial", heading="In their words", testimonial=ConsentedQuoteFactory(), body=""
    )
    SectionFactory(page=page, kind="faq", heading="Questions", question="Is it safe?", body="With care.")
    SourceFactory(page=page)
    with committed():
        revision = services.publish(page=page, user=None)
    return page, revision


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_publishing_keeps_the_rendered_body_in_the_version(client):
    page, revision = page_with_everything()
    revision.refresh_from_db()
    assert frozen.is_current(revision.body)
    html = main(client.get(page.url_path).content.decode())
    assert "<h1>Benzodiazepines</h1>" in html and "<strong>suddenly</strong>" in html
    assert 'id="source-1"' in html and "The team helped me." in html and "Is it safe?" in html


def test_a_version_published_before_bodies_were_kept_renders_the_same_and_keeps_its_body(client):
    page, revision = page_with_everything()
    fresh = client.get(page.url_path).content
    models.Revision.objects.filter(pk=revision.pk).update(body=None)
    cache.clear()  # the cached copy expires
    presenter._versions.clear()  # the upgrade's new process has read no version yet
    assert client.get(page.url_path).content == fresh
    revision.refresh_from_db()
    assert frozen.is_current(revision.body), "filled in on the first request"


def test_body_html_edited_in_the_database_is_never_served(client):
    page, revision = page_with_everything()
    body = revision.body
    body["intro"] = body["intro"].replace("<h1>", '<h1><script>alert("x")</script>')
    models.Revision.objects.filter(pk=revision.pk).update(body=body)
    html = main(client.get(page.url_path).content.decode())
    assert "alert(" not in html and "<h1>Benzodiazepines</h1>" in html


def test_snapshot_html_edited_in_the_database_is_sanitised_when_the_body_is_rendered_again(client):
    page, revision = page_with_everything()
    snapshot = revision.snapshot
    snapshot["sections"][0]["html"] = '<p>Fine</p><script>alert("x")</script><img src=x onerror="alert(1)">'
    models.Revision.objects.filter(pk=revision.pk).update(snapshot=snapshot, body=None)
    html = main(client.get(page.url_path).content.decode())
    assert "<p>Fine</p>" in html and "alert(" not in html and "onerror" not in html


def test_a_withdrawn_testimonial_leaves_the_published_page_without_publishing_again(client):
    page, _revision = page_with_everything()
    assert "The team helped me." in client.get(page.url_path).content.decode()
    with committed():
        testimonial = models.Testimonial.objects.get()
        testimonial.is_published = False
        testimonial.save()
    html = client.get(page.url_path).content.decode()
    assert "The team helped me." not in html and "Is it safe?" in html
