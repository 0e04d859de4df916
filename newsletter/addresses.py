"""Email addresses as the newsletter keeps them: normalised, and hashed wherever one must be remembered."""

import hashlib
import hmac

from django.conf import settings


def normalise(address):
    """One spelling per mailbox: surrounding space removed, compared without case."""
    return (address or "").strip().lower()


def _key():
    # A dedicated key if configured; otherwise one derived from SECRET_KEY (rotating that key
    # would then forget the suppression list, which is why production sets its own).
    secret = settings.NEXUS_NEWSLETTER_HASH_KEY or settings.SECRET_KEY
    return hashlib.sha256(b"nexus.newsletter.address:" + secret.encode()).digest()


def address_hash(address):
    """A keyed SHA-256 of the normalised address: matches an address without storing it."""
    return hmac.new(_key(), normalise(address).encode(), hashlib.sha256).hexdigest()
