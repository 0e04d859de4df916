"""Mail backends that give every message the site's headers, whoever builds it.

Django names a Message-ID after the machine (`socket.getfqdn()`: a container's random host
name, or localhost), which spam filters count against a sender and which says nothing
about who sent it. Every message the site sends is written by the site itself (confirmations,
notifications, reminders, newsletter issues), so each also says Auto-Submitted:
auto-generated (RFC 3834): out-of-office replies and other auto-responders stay silent. The
backends set both only where the sender did not, so a sender that records its own
Message-ID (the newsletter's deliveries) keeps it. MAILERS names these backends
(`mailers_from_url` in settings), so every `send_mail`, `EmailMessage.send()` and
`mailers.default.send_messages()` passes through them.
"""

from django.core.mail import make_msgid
from django.core.mail.backends import console, smtp

from nexus import site_url


def add_site_headers(message):
    present = {name.lower() for name in message.extra_headers}
    if "message-id" not in present:
        message.extra_headers["Message-ID"] = make_msgid(domain=site_url.hostname())
    if "auto-submitted" not in present:
        message.extra_headers["Auto-Submitted"] = "auto-generated"
    return message


class SiteHeadersMixin:
    def send_messages(self, email_messages):
        return super().send_messages([add_site_headers(message) for message in email_messages])


class SmtpBackend(SiteHeadersMixin, smtp.EmailBackend):
    """Django's SMTP backend, with the site's Message-ID and Auto-Submitted headers."""


class ConsoleBackend(SiteHeadersMixin, console.EmailBackend):
    """Django's console backend (local development), with the same headers as production."""
