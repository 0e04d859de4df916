"""The newsletter's emails read back as a subscriber gets them: the center's name, phone and crisis
lines, a viewport, light and dark schemes, a table layout that holds its width in Outlook, a
button for the main link, styled headings, descriptive links; a test send that says so in both
parts, greets as a subscriber would be greeted, and links to no web page that does not exist."""

import re

import pytest
from django.core import mail

from newsletter import articles, emails
from newsletter.models import Issue
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.newsletter.test_admin import marketing  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db


def parts(message):
    html = next(content for content, kind in message.alternatives if kind == "text/html")
    return message.body, html


def assert_looks_like_the_site(text, html, settings):
    for part in (text, html):
        assert settings.NEXUS_CENTER_NAME in part
        assert "+1-202-555-0199" in part or settings.NEXUS_PHONE in part
        assert "988" in part and "911" in part and "1-800-662-4357" in part
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert '<meta name="supported-color-schemes" content="light dark">' in html
    assert "prefers-color-scheme: dark" in html
    assert re.search(r'<table role="presentation" width="600"[^>]*style="width:600px;max-width:600px', html)
    assert "<!--[if mso]>" in html
    assert '<a href="tel:' in html
    assert "<img" not in html and "http://fonts" not in html and "https://fonts" not in html


def button_labels(html):
    return re.findall(
        r'<td bgcolor="#0b5563"[^>]*>\s*<a href="[^"]+" style="display:inline-block[^"]*">([^<]+)</a>', html
    )


def test_the_confirmation_looks_like_the_site_with_a_button(settings):
    subscriber = SubscriberFactory(status="pending", first_name="Alex", confirmed_at=None)
    text, html = parts(emails.confirmation_message(subscriber))
    assert_looks_like_the_site(text, html, settings)
    assert button_labels(html) == ["Confirm my subscription"]
    assert "Hello Alex," in text and "Hello Alex," in html


def test_an_issue_has_spaced_headings_descriptive_links_and_the_web_link_once_sent(settings):
    body = articles.draft_body(
        [
            {"title": "Sleep in early recovery", "summary": "Why sleep returns slowly.", "url": "/blog/sleep/"},
            {"title": "Talking to family", "summary": "First talks.", "url": "/blog/family/"},
            {"title": "Tapering safely", "summary": "Step by step.", "url": "/blog/taper/"},
        ]
    )
    issue = IssueFactory(body=body, status=Issue.Status.SENT)
    message, _id = emails.IssueRenderer(issue).message_for(to="a@example.com", first_name="Sam", key=issue_key())
    text, html = parts(message)
    assert_looks_like_the_site(text, html, settings)
    assert re.search(r'<h2 style="margin:32px 0 8px;[^"]*">Sleep in early recovery</h2>', html)
    links = [" ".join(link.split()) for link in re.findall(r"<a\s[^>]*>([^<]+)</a>", html)]
    assert "Read the article" not in links
    article_links = [link for link in links if link.startswith("Read ")]
    assert len(article_links) == len(set(article_links)) >= 3, article_links
    assert button_labels(html) == [f"Call {settings.NEXUS_PHONE}"]
    assert "Read this newsletter on the web" in html and issue.get_absolute_url() in text
    assert "TEST" not in text and "Test send" not in html


def issue_key():
    import uuid

    return uuid.uuid4()


def test_a_test_send_says_so_in_both_parts_greets_and_has_no_link_to_a_missing_page(marketing, client):  # noqa: F811
    issue = IssueFactory()
    marketing.post("/admin/newsletter/issue/", {"action": "send_test", "_selected_action": [issue.pk]})
    [message] = mail.outbox
    text, html = parts(message)
    assert message.subject.startswith("[TEST] ")
    assert text.startswith("TEST SEND: a preview for staff")
    assert "<strong>Test send</strong>" in html
    # The greeting a subscriber with a first name gets (the staff member has none: a sample name).
    assert "Hello Alex," in text and "Hello Alex," in html
    assert issue.get_absolute_url() not in text and issue.get_absolute_url() not in html
    assert "on the web" not in text.replace("web version appears", "") and "Read this newsletter on the web" not in html
    assert client.get(issue.get_absolute_url()).status_code == 404, "the draft's web page does not exist yet"
