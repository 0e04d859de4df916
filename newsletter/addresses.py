"""The newsletter's name for the keyed hash of an address's canonical form (nexus/hashing.py)."""

from nexus.hashing import newsletter_address_hash as address_hash

__all__ = ["address_hash"]
