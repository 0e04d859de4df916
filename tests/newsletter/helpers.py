import re

from django.core import mail

SIGNUP_URL = "/newsletter/"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}


def signup_data(**overrides):
    data = {
        "email": "reader@example.com",
        "first_name": "Alex",
        "consent": "on",
        "consent_version": "2026-11",
        "source": "footer",
        "page": "/blog/",
        "website": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_signup(client, **overrides):
    return client.post(SIGNUP_URL, signup_data(**overrides), **SAME_ORIGIN)


def link_in(message, pattern):
    """The first site link in an email's text body matching a path pattern."""
    match = re.search(r"https?://\S+" + pattern + r"\S*/", message.body)
    assert match, f"no link matching {pattern} in the email"
    return match.group(0)


def path_of(url):
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def outbox_to(address):
    return [message for message in mail.outbox if message.to == [address]]
