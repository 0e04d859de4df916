"""The newsletter's names for the shared address pieces in nexus (one canonical form, one keyed hash)."""

from nexus.addresses import canonical_address as normalise
from nexus.hashing import newsletter_address_hash as address_hash

__all__ = ["address_hash", "normalise"]
