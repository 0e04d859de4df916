"""Intake's names for the shared pieces in nexus (old migrations and the leads admin import them)."""

from nexus.crypto import EncryptedTextField, _fernet, decrypt, encrypt, fernet
from nexus.hashing import lead_email_hash, lead_phone_hash

__all__ = ["EncryptedTextField", "_fernet", "decrypt", "encrypt", "fernet", "lookup_hash"]


def lookup_hash(value):
    """The look-up hash of a lead's email (canonical form) or E.164 phone, whichever value is."""
    return lead_email_hash(value) if "@" in (value or "") else lead_phone_hash(value)
