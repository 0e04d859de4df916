"""Personal data at rest: Fernet-encrypted text columns and keyed hashes for exact lookups.

Keys come from settings.NEXUS_FIELD_ENCRYPTION_KEYS (newest first, so MultiFernet decrypts
with any and encrypts with the first: keys rotate without a migration). Local and test
settings may leave it empty; a key is then derived from SECRET_KEY. Production requires it.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models


@lru_cache(maxsize=4)
def _fernet(keys, secret_key):
    if not keys:
        derived = hashlib.sha256(b"nexus.intake.local-only-key:" + secret_key.encode()).digest()
        keys = (base64.urlsafe_b64encode(derived).decode(),)
    return MultiFernet([Fernet(key) for key in keys])


def fernet():
    return _fernet(tuple(settings.NEXUS_FIELD_ENCRYPTION_KEYS), settings.SECRET_KEY)


def encrypt(text):
    return fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token):
    return fernet().decrypt(token.encode()).decode() if token else ""


def lookup_hash(value):
    """A keyed hash of a normalised phone or email: equal inputs match, the input stays unknown."""
    if not value:
        return ""
    key = hashlib.sha256(b"nexus.intake.lookup:" + settings.SECRET_KEY.encode()).digest()
    return hmac.new(key, value.strip().lower().encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token. It can be read and written, never filtered or sorted on."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value
