"""Signed link tokens that name a subscriber by an opaque key, never by address.

Confirmation links expire after 7 days (TimestampSigner with max_age). Unsubscribe links do not
expire: RFC 8058 asks that they keep working, and people open old issues years later.
"""

import uuid
from datetime import timedelta

from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"
CONFIRM_MAX_AGE = timedelta(days=7)


class TokenError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code  # "expired" or "invalid"


class _SignerAt(signing.TimestampSigner):
    """A signer whose clock is fixed: how a link issued in the past is built (tests, support)."""

    def __init__(self, at, **kwargs):
        super().__init__(**kwargs)
        self.at = at

    def timestamp(self):
        return signing.b62_encode(int(self.at))


def make_confirm_token(subscriber, *, at=None):
    """A link token for the subscriber's latest sign-up; `at` (a Unix time) back-dates it."""
    signer = signing.TimestampSigner(salt=CONFIRM_SALT) if at is None else _SignerAt(at, salt=CONFIRM_SALT)
    return signer.sign(f"{subscriber.key.hex}.{subscriber.signup_round}")


def read_confirm_token(token):
    """(key, round) from a confirmation token, or TokenError."""
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(token, max_age=CONFIRM_MAX_AGE)
    except signing.SignatureExpired as error:
        raise TokenError("expired") from error
    except signing.BadSignature as error:
        raise TokenError("invalid") from error
    key, _, signup_round = value.partition(".")
    try:
        return uuid.UUID(hex=key), int(signup_round)
    except ValueError as error:
        raise TokenError("invalid") from error


def make_unsubscribe_token(key):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(uuid.UUID(str(key)).hex)


def read_unsubscribe_token(token):
    try:
        return uuid.UUID(hex=signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise TokenError("invalid") from error
