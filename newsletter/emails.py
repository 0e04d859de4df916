"""The messages the newsletter sends: the confirmation request and an issue to one subscriber.

Nothing in them tracks anyone: no images, no pixels, no redirecting links, no third-party content.
"""

import email.policy

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, make_msgid
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from newsletter import rendering, tokens
from nexus import context_processors
from nexus.site_url import absolute, hostname


class NewsletterMessage(EmailMultiAlternatives):
    """Headers folded only at spaces, never into RFC 2047 encoded words.

    Python folds a header word longer than 78 characters (every List-Unsubscribe URL) into
    `=?utf-8?q?...?=` pieces, which mail providers do not decode: the one-click button would
    silently disappear. RFC 5322 allows lines of up to 998 characters.
    """

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(max_line_length=998))


def list_id():
    return f"{settings.NEXUS_CENTER_NAME} newsletter <newsletter.{hostname()}>"


def base_context():
    """The center's name, phone, address and the crisis lines, as the site's pages get them."""
    return context_processors.site(None) | {
        "center_name": settings.NEXUS_CENTER_NAME,
        "address": settings.NEXUS_ADDRESS,
    }


def confirmation_message(subscriber):
    """The confirmation request, written in the subscriber's language (the page they signed up on)."""
    with translation.override(subscriber.language):
        link = absolute(reverse("newsletter:confirm", args=[tokens.make_confirm_token(subscriber)]))
        context = base_context() | {"subscriber": subscriber, "link": link, "days": tokens.CONFIRM_MAX_AGE.days}
        subject = gettext("Please confirm your subscription to the %(center)s newsletter") % {
            "center": settings.NEXUS_CENTER_NAME
        }
        message = NewsletterMessage(
            subject=subject,
            body=render_to_string("newsletter/email/confirm.txt", context),
            from_email=settings.NEXUS_NEWSLETTER_FROM_EMAIL,
            to=[subscriber.email],
            headers={"Auto-Submitted": "auto-generated", "Content-Language": subscriber.language},
        )
        message.attach_alternative(render_to_string("newsletter/email/confirm.html", context), "text/html")
    return message


class IssueRenderer:
    """Renders an issue once, in the issue's language; `message_for` then only fills in the
    recipient and their link.

    Both templates are rendered up front (with and without a greeting) around placeholders for
    the two things that differ per person; each message then costs two string substitutions
    instead of two template renders.
    """

    FIRST_NAME, UNSUBSCRIBE_URL = "NEXUSFIRSTNAMEPLACEHOLDER", "NEXUSUNSUBSCRIBEURLPLACEHOLDER"

    def __init__(self, issue):
        self.issue = issue
        self.html_body = rendering.email_html(rendering.to_html(issue.body))
        self.text_body = rendering.to_text(issue.body)
        # A draft's (or scheduled issue's) web page does not exist yet: no link to a 404.
        self.archive_url = "" if issue.is_editable else absolute(issue.get_absolute_url())
        self.language = issue.language
        self.list_id = list_id()
        self.domain = hostname()
        self._rendered = {}

    def _templates(self, *, greeted, test):
        key = (greeted, test)
        if key not in self._rendered:
            context = base_context() | {
                "issue": self.issue,
                "html_body": self.html_body,
                "text_body": self.text_body,
                "first_name": self.FIRST_NAME if greeted else "",
                "unsubscribe_url": self.UNSUBSCRIBE_URL,
                "archive_url": self.archive_url,
                "test": test,
            }
            with translation.override(self.language):
                self._rendered[key] = (
                    render_to_string("newsletter/email/issue.txt", context),
                    render_to_string("newsletter/email/issue.html", context),
                )
        return self._rendered[key]

    def unsubscribe_url(self, key):
        with translation.override(self.language):
            return absolute(reverse("newsletter:unsubscribe", args=[tokens.make_unsubscribe_token(key)]))

    def message_for(self, *, to, first_name="", key, test=False):
        message_id = make_msgid(domain=self.domain)
        message = self.build(
            to=to, first_name=first_name, unsubscribe=self.unsubscribe_url(key), message_id=message_id, test=test
        )
        return message, message_id

    def build(self, *, to, first_name, unsubscribe, message_id, test=False):
        text, html = self._templates(greeted=bool(first_name), test=test)
        text = text.replace(self.FIRST_NAME, first_name).replace(self.UNSUBSCRIBE_URL, unsubscribe)
        html = html.replace(self.FIRST_NAME, escape(first_name)).replace(self.UNSUBSCRIBE_URL, escape(unsubscribe))
        headers = {
            "Message-ID": message_id,
            "List-Id": self.list_id,
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Precedence": "bulk",
            "Content-Language": self.language,
        }
        message = NewsletterMessage(
            subject=("[TEST] " if test else "") + self.issue.subject,
            body=text,
            from_email=settings.NEXUS_NEWSLETTER_FROM_EMAIL,
            to=[to],
            headers=headers,
        )
        message.attach_alternative(html, "text/html")
        return message
