"""Intake's names for the shared pieces in nexus (old migrations import them from here)."""

from nexus.crypto import EncryptedTextField, _fernet, decrypt, encrypt, fernet

__all__ = ["EncryptedTextField", "_fernet", "decrypt", "encrypt", "fernet"]
