"""An issue's messages as SMTP bytes: built once with placeholders, filled in per recipient.

Python's email package takes a few milliseconds to build and serialise each message, several
times the SMTP exchange itself (make bench). The serialised message is the same for everyone
but for the address, the greeting, the unsubscribe link, the Message-ID and the Date, so it is
built once per greeting and copied with those filled in. Only values that need no encoding or
HTML escaping take this path, and only when the built message carries its text unencoded
(8bit or 7bit); anyone else gets the message built the ordinary way (`wire_for` returns None).
"""

import email.policy
from email.utils import formatdate

from django.conf import settings
from django.utils.html import escape

TO = "nexus-to-placeholder@placeholder.invalid"
MESSAGE_ID = "<nexus-message-id-placeholder@placeholder.invalid>"
DATE = "Thu, 01 Jan 1970 00:00:00 -0000"
ENCODED_BODY = (b"Content-Transfer-Encoding: base64", b"Content-Transfer-Encoding: quoted-printable")


def plain(value):
    """True when a value is the same bytes in a header, in text and in HTML."""
    return value.isascii() and escape(value) == value and "\r" not in value and "\n" not in value


class WireMessages:
    def __init__(self, renderer):
        self.renderer = renderer
        self._templates = {}
        self._sender = None

    def envelope_sender(self, mailer):
        """The SMTP envelope sender, as the backend would give it (worked out once, not per message)."""
        if self._sender is None:
            self._sender = mailer.prep_address(settings.NEXUS_NEWSLETTER_FROM_EMAIL)
        return self._sender

    def _template(self, greeted):
        if greeted not in self._templates:
            renderer = self.renderer
            message = renderer.build(
                to=TO,
                first_name=renderer.FIRST_NAME if greeted else "",
                unsubscribe=renderer.UNSUBSCRIBE_URL,
                message_id=MESSAGE_ID,
                date=DATE,
            )
            data = message.message(policy=email.policy.SMTP).as_bytes()
            usable = not any(marker in data for marker in ENCODED_BODY) and all(
                placeholder.encode() in data
                for placeholder in (TO, MESSAGE_ID, DATE, renderer.UNSUBSCRIBE_URL)
                + ((renderer.FIRST_NAME,) if greeted else ())
            )
            self._templates[greeted] = data if usable else None
        return self._templates[greeted]

    def wire_for(self, *, to, first_name, key, message_id):
        """The message's bytes for one recipient, or None if it must be built the ordinary way."""
        unsubscribe = self.renderer.unsubscribe_url(key)
        if not all(plain(value) for value in (to, first_name, unsubscribe)):
            return None
        data = self._template(bool(first_name))
        if data is None:
            return None
        replacements = {
            TO: to,
            MESSAGE_ID: message_id,
            DATE: formatdate(localtime=True),
            self.renderer.UNSUBSCRIBE_URL: unsubscribe,
            self.renderer.FIRST_NAME: first_name,
        }
        for placeholder, value in replacements.items():
            data = data.replace(placeholder.encode(), value.encode())
        return data
