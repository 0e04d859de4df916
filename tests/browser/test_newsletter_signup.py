"""Sign-up, confirm and unsubscribe in a real Chromium: accessible, same-origin, no cookies needed."""

import re

import pytest
from django.core import mail

from newsletter import tokens
from newsletter.models import Subscriber
from tests.newsletter.factories import SubscriberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_footer_form_signs_up_and_the_confirm_page_confirms(phone_page):
    mail.outbox = []
    phone_page.goto("/newsletter/archive/")
    phone_page.assert_clean()
    phone_page.assert_no_horizontal_overflow()
    footer = phone_page.locator("footer")
    footer.get_by_label("Email address").fill("browser.reader@example.com")
    footer.get_by_label("First name (optional)").fill("Robin")
    footer.get_by_label(re.compile("Yes, email me")).check()
    footer.get_by_role("button", name="Sign up").click()
    phone_page.wait_for_url("**/newsletter/check-your-inbox/")
    assert phone_page.get_by_role("heading", name="Check your inbox to confirm").is_visible()
    phone_page.assert_clean()
    assert phone_page.context.cookies() == []

    subscriber = Subscriber.objects.get()
    assert subscriber.source == "footer:/newsletter/archive/"
    [message] = mail.outbox
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", message.body).group(0)
    phone_page.goto("/newsletter/confirm/" + link.split("/newsletter/confirm/")[1])
    phone_page.assert_clean()
    phone_page.get_by_role("button", name="Yes, subscribe me").click()
    assert phone_page.get_by_role("heading", name="You have successfully subscribed").is_visible()
    phone_page.assert_clean()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_the_newsletter_page_shows_linked_errors(browser_page):
    browser_page.goto("/newsletter/")
    browser_page.assert_clean()
    main = browser_page.locator("main")
    main.get_by_label("Email address").fill("not an address")
    main.get_by_role("button", name="Sign up").click()
    alert = browser_page.get_by_role("alert")
    assert "Enter an email address like name@example.com." in alert.inner_text()
    browser_page.assert_clean()
    assert Subscriber.objects.count() == 0


def test_the_unsubscribe_page_unsubscribes_with_one_button(browser_page):
    subscriber = SubscriberFactory()
    browser_page.goto(f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(subscriber.key)}/")
    browser_page.assert_clean()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    browser_page.get_by_role("button", name="Unsubscribe").click()
    assert browser_page.get_by_role("heading", name="You are unsubscribed").is_visible()
    browser_page.assert_clean()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
