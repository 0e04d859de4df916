"""Search snippets as a reader meets them: cut between words with an ellipsis, a heading never
glued to its paragraph nor one list item to the next, no Markdown or markup showing, long words
and other scripts handled. Through the search page (PostgreSQL's ts_headline in CI) and through
the fallback snippet (SQLite) directly."""

import html as html_lib
import re

import pytest

from content import services
from content.search import BLOCK_BREAK, ELLIPSIS, LONGEST_WORD, snippet
from tests.content.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db

LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3


def words_of(text):
    return set(re.findall(r"\w+", text))


def shown(snippet_html):
    """The snippet as read: block breaks as " | ", tags gone, entities decoded."""
    text = str(snippet_html).replace(BLOCK_BREAK, " | ")
    return html_lib.unescape(re.sub(r"<[^>]+>", "", text))


@pytest.fixture
def page(db):
    page = PageFactory(slug="taper", title="Tapering", summary="How a taper works.")
    SectionFactory(
        page=page,
        heading="Why taper slowly",
        body=(
            "After **regular** use, stopping all at once can cause severe withdrawal, including seizures. "
            "See [the withdrawal guide](https://example.com/guide) and `<b>code</b>` for more.\n\n"
            "A taper lowers the dose step by step so the body can adjust, over weeks or months, with the care "
            "team checking in often and changing the pace when withdrawal is hard."
        ),
    )
    SectionFactory(page=page, heading="Signs", kind="list", items="Sweating\nTrembling\nWithdrawal anxiety\nInsomnia")
    SectionFactory(
        page=page, heading="Unusual words", body=f"Some {LONG_WORD} withdrawal here. Café naïve 日本語の離脱 text."
    )
    services.publish(page=page, user=None)
    return page


def result_snippet(client, query):
    results = client.get("/search/", {"q": query}).context["results"]
    assert results, query
    return str(results[0].snippet)


def every_word_is_whole(snippet_html, document):
    """Each word shown is a word of the page (not a piece of one), except a long word cut with an ellipsis."""
    source = words_of(document)
    for word in re.findall(r"\w+", shown(snippet_html)):
        assert word in source or any(w.startswith(word) and len(word) >= LONGEST_WORD - 5 for w in source), word


def test_a_snippet_is_cut_between_words_with_an_ellipsis(client, page):
    text = result_snippet(client, "pace")
    assert "<mark>pace</mark>" in text
    assert shown(text).startswith(ELLIPSIS) or shown(text)[0].isupper()
    page.refresh_from_db()
    assert page.search_document
    every_word_is_whole(text, page.search_document)
    assert ELLIPSIS in text


def test_no_markdown_or_markup_shows_in_a_snippet(client, page):
    text = shown(result_snippet(client, "guide"))
    assert "**" not in text and "](" not in text and "https://" not in text and "`" not in text
    assert "<b>" not in text and "[" not in text
    assert "the withdrawal guide" in text


def test_headings_and_list_items_are_kept_apart(client, page):
    text = shown(result_snippet(client, "sweating trembling"))
    assert "Sweating | Trembling" in text
    assert "Sweating Trembling" not in text
    # A heading and the paragraph below it are never one run of words either.
    text = shown(result_snippet(client, "regular"))
    assert "slowly After" not in text


def test_a_long_word_is_shortened_and_other_scripts_stay_whole(client, page):
    text = shown(result_snippet(client, "naïve"))
    longest = max(re.findall(r"\w+", text), key=len)
    assert len(longest) <= LONGEST_WORD
    assert "Café" in text and "naïve" in text
    assert "日本語の離脱" in text or ELLIPSIS in text


def test_markup_in_the_query_is_only_text(client, page):
    response = client.get("/search/", {"q": "<mark>withdrawal</mark>"})
    assert response.status_code == 200
    body = response.content.decode().split("<main", 1)[1]
    assert "<mark>withdrawal</mark>" not in body.split('class="search-results', 1)[0]


def test_results_are_separate_items_with_their_own_heading(client, page):
    other = PageFactory(slug="other", title="Other withdrawal page", summary="Another.")
    SectionFactory(page=other, body="Withdrawal once more.")
    services.publish(page=other, user=None)
    html = client.get("/search/", {"q": "withdrawal"}).content.decode()
    items = re.findall(r'<li class="page-card search-result">(.*?)</li>', html, re.S)
    assert len(items) == 2
    for item in items:
        assert re.search(r'<h3 class="search-result-title"><a href="/[^"]+/">', item)


@pytest.mark.parametrize(
    "document",
    [
        "Heading one\nA paragraph that goes on for quite a while about withdrawal and what it means for a person "
        "who has used a medicine for a long time and wants to stop it safely with help.\nNext heading",
        f"{LONG_WORD}withdrawal{LONG_WORD}",
        "Item\n- first withdrawal\n- second\n| a | b |\n|---|---|\n| withdrawal | cell |",
        "Ünïcödé wörds ☃ withdrawal — 離脱症状 and more words after it to pass the window width limit " * 4,
    ],
)
def test_the_fallback_snippet_keeps_the_same_promises(document):
    text = snippet(document, ["withdrawal"])
    read = shown(text)
    assert "withdrawal" in read.lower()
    assert "|---" not in read and "- first" not in read
    for word in re.findall(r"\w+", read):
        assert len(word) <= LONGEST_WORD, word
        assert word in words_of(document.replace("withdrawal", " withdrawal ")) or len(word) >= LONGEST_WORD - 5, word
    if document.startswith("Heading one"):
        assert read.startswith(ELLIPSIS) is False or "Heading one" not in read
        assert "one A paragraph" not in read
