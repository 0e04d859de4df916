"""Keyed hashes for exact look-ups: equal inputs match, the input itself is never stored.

Each hash has a key of its own, never SECRET_KEY: rotating the signing key must not forget who
is a duplicate, who may not be mailed, or which client sent what.

- `NEXUS_NEWSLETTER_HASH_KEY`: the suppression list. Only hashes are kept there, so they can
  never be recomputed: set it once, never change it.
- `NEXUS_INTAKE_HASH_KEY`: leads' phone, email and name-word hashes and the client-address hashes of the
  rate limits. Rotatable: `manage.py rehash_lookups` recomputes every stored hash from the
  encrypted values.

Separate keys also keep the two apps' tables from being joined on a hash: a leaked backup does
not tell which newsletter reader asked for admission.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from nexus.addresses import canonical_address


def _key(setting, purpose):
    secret = getattr(settings, setting)
    if not secret:
        raise ImproperlyConfigured(f"{setting} must be set (see README, environment variables).")
    return hashlib.sha256(f"{purpose}:".encode() + secret.encode()).digest()


def keyed_hash(value, *, setting, purpose):
    """HMAC-SHA256 of value under a key derived from the named setting and the purpose."""
    return hmac.new(_key(setting, purpose), value.encode(), hashlib.sha256).hexdigest()


def newsletter_address_hash(address):
    address = canonical_address(address)
    return keyed_hash(address, setting="NEXUS_NEWSLETTER_HASH_KEY", purpose="nexus.newsletter.address")


def lead_email_hash(address):
    if not address:
        return ""
    return keyed_hash(canonical_address(address), setting="NEXUS_INTAKE_HASH_KEY", purpose="nexus.intake.lookup")


def lead_phone_hash(number):
    """Phones arrive in E.164 (the form and the search both format them so)."""
    if not number:
        return ""
    return keyed_hash(number.strip(), setting="NEXUS_INTAKE_HASH_KEY", purpose="nexus.intake.lookup")


def lead_name_word_hash(word):
    """One normalised word of a lead's name (intake.names); a purpose of its own, so a name word
    never equals the hash of a phone or email that happens to be written the same."""
    return keyed_hash(word, setting="NEXUS_INTAKE_HASH_KEY", purpose="nexus.intake.name-word")


def client_address_hash(address):
    return keyed_hash(address, setting="NEXUS_INTAKE_HASH_KEY", purpose="nexus.intake.client")[:32]
