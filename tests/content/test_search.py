"""Search: ranked full text on PostgreSQL, a plain fallback elsewhere, safe with any input."""

import pytest
from django.db import connection

from content import services
from tests.content.factories import PageFactory, SectionFactory, published_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(reviewer):
    benzo = PageFactory(
        slug="benzodiazepine-addiction-treatment",
        title="Benzodiazepine addiction treatment",
        summary="Withdrawal, seizures and safe tapering.",
        is_clinical=True,
    )
    SectionFactory(
        page=benzo,
        heading="Withdrawal symptoms",
        kind="list",
        items="Sweating\nSeizures\nPsychosis",
        body="Withdrawal can cause seizures.",
    )
    services.record_review(page=benzo, user=reviewer.user)
    services.publish(page=benzo, user=None)
    other = PageFactory(slug="alcohol", title="Alcohol", summary="Drinking and health.")
    SectionFactory(page=other, body="Alcohol withdrawal is covered elsewhere. Seizures are rare here.")
    services.publish(page=other, user=None)
    published_page(slug="family", title="Talking with family", summary="Conversations.")
    return benzo


def test_withdrawal_seizures_finds_the_benzodiazepine_page_first(client, pages):
    response = client.get("/search/", {"q": "withdrawal seizures"})
    results = response.context["results"]
    urls = [page.url_path for page in results]
    assert "/benzodiazepine-addiction-treatment/" in urls
    if connection.vendor == "postgresql":
        assert urls[0] == "/benzodiazepine-addiction-treatment/", "title/summary matches rank above body text"
        assert "<mark>" in str(results[0].snippet)
    assert "/family/" not in urls


def test_search_never_finds_drafts(client, pages):
    draft = PageFactory(slug="secret", title="Withdrawal draft")
    SectionFactory(page=draft, body="withdrawal seizures")
    urls = [p.url_path for p in client.get("/search/", {"q": "withdrawal"}).context["results"]]
    assert "/secret/" not in urls


@pytest.mark.parametrize("query", ["", "   ", "x" * 10_000, "'; DROP TABLE content_page; --", "<script>", "!!! & | :*"])
def test_odd_queries_get_a_safe_answer(client, pages, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_long_query_is_shortened_with_a_message(client, pages):
    html = client.get("/search/", {"q": "withdrawal " * 1000}).content.decode()
    assert "Your search was long" in html


def test_snippet_escapes_page_text(client, reviewer):
    page = PageFactory(slug="escape", title="Escaping")
    SectionFactory(page=page, body="`<b>bold</b>` withdrawal words")
    services.publish(page=page, user=None)
    response = client.get("/search/", {"q": "withdrawal"})
    html = response.content.decode()
    assert response.context["results"], "the page is found"
    assert "<b>bold</b>" not in html  # escaped (fallback) or dropped as markup (PostgreSQL's ts_headline)


def test_search_page_is_kept_out_of_search_engines(client):
    assert '<meta name="robots" content="noindex">' in client.get("/search/", {"q": "x"}).content.decode()


def test_control_characters_in_a_query_are_dropped_not_sent_to_the_database(client):
    response = client.get("/search/", {"q": "with\x00drawal \x02seizures\x03"})
    assert response.status_code == 200
    from content.search import clean_query

    assert clean_query("with\x00drawal \x02seizures\x03") == "with drawal seizures"
