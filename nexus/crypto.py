"""Personal data at rest: Fernet-encrypted text columns (leads, subscribers).

Keys come from settings.NEXUS_FIELD_ENCRYPTION_KEYS (newest first, so MultiFernet decrypts
with any and encrypts with the first: keys rotate without a migration, and
`manage.py rotate_field_keys` re-encrypts every EncryptedTextField). Local and test settings may
leave it empty; a key is then derived from SECRET_KEY. Production requires it.
"""

import base64
import hashlib
from functools import lru_cache

from cryptography.fernet import Fernet, MultiFernet
from django.apps import apps
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


class EncryptedTextField(models.TextField):
    """Text stored as a Fernet token. It can be read and written, never filtered or sorted on."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


def encrypted_fields():
    """{model: [field names]} for every installed model with encrypted columns."""
    found = {}
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found[model] = names
    return found
