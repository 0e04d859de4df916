"""The newsletter's emails rendered in Chromium at 375 and 1280 px, light and dark: they fit, nothing
squeezed, axe clean, the dark scheme really dark. Screenshots: var/shots/email-<name>-<width>[-dark].png."""

import uuid

import pytest

from newsletter import articles, emails
from newsletter.models import Issue
from tests.newsletter.factories import IssueFactory, SubscriberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def html_of(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")


def confirmation():
    return html_of(emails.confirmation_message(SubscriberFactory(status="pending", first_name="Alex")))


def issue(test=False):
    body = articles.draft_body(
        [
            {"title": "Sleep in early recovery", "summary": "Why sleep returns slowly.", "url": "/blog/sleep/"},
            {"title": "Talking to family about treatment", "summary": "First talks.", "url": "/blog/family/"},
        ]
    )
    status = Issue.Status.DRAFT if test else Issue.Status.SENT
    sent = IssueFactory(subject="This month at Nexus Recovery: December 2026", body=body, status=status)
    message, _id = emails.IssueRenderer(sent).message_for(
        to="a@example.com", first_name="Sam", key=uuid.uuid4(), test=test
    )
    return html_of(message)


EMAILS = {"confirm": confirmation, "issue": issue, "issue-test": lambda: issue(test=True)}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_fixture", ["phone_page", "browser_page"])
@pytest.mark.parametrize("name", EMAILS)
def test_the_email_fits_and_reads_in_both_schemes(request, page_fixture, name, scheme):
    page = request.getfixturevalue(page_fixture)
    page.emulate_media(color_scheme=scheme)
    page.set_content(EMAILS[name]())
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/email-{name}-{width}{'-dark' if scheme == 'dark' else ''}.png", full_page=True)
    card = page.locator(".email-card").bounding_box()
    assert card["width"] <= min(width, 600) + 1, card
    background = page.evaluate("getComputedStyle(document.querySelector('.email-text')).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light"), background
    assert page.get_by_role("link", name="Call +1" if name != "confirm" else "Confirm my subscription").count() == 1
    page.assert_layout()
    page.assert_accessible()
