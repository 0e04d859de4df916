"""Abuse controls that need no puzzle: a signed form stamp, a honeypot and a rate limit."""

import logging
import secrets
import time

from django.conf import settings
from django.core import signing
from django.core.cache import cache

from nexus.clientip import client_ip
from nexus.hashing import client_address_hash

logger = logging.getLogger(__name__)
STAMP_SALT = "intake.form-stamp"
MIN_SECONDS = 3
MAX_SECONDS = 2 * 60 * 60
HONEYPOT = "website"


class StampError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def new_stamp(now=None):
    """A signed (token, time) pair for one rendering of a form; the token makes a POST idempotent."""
    return signing.dumps({"token": secrets.token_urlsafe(24), "at": round(now or time.time(), 3)}, salt=STAMP_SALT)


def read_stamp(value, now=None):
    """The submission token, or StampError("tampered" | "too_fast" | "stale")."""
    try:
        data = signing.loads(value or "", salt=STAMP_SALT)
        token, at = str(data["token"]), float(data["at"])
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise StampError("tampered") from error
    age = (now or time.time()) - at
    if age < MIN_SECONDS:
        raise StampError("too_fast")
    if age > MAX_SECONDS:
        raise StampError("stale")
    return token


def client_key(request):
    """A keyed hash of the client address: rate limits work, the cache never holds the address."""
    return client_address_hash(client_ip(request))


def over_limit(request, bucket, limit=None):
    """Count this request against the client's window; True once the limit is passed."""
    limit = limit or settings.NEXUS_INTAKE_RATE_LIMIT
    window = settings.NEXUS_INTAKE_RATE_WINDOW
    key = f"intake:rate:{bucket}:{client_key(request)}:{int(time.time() // window)}"
    try:
        cache.add(key, 0, timeout=window)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr, or a cache that keeps nothing
        count = 1
    except Exception:  # noqa: BLE001 - the cache is down: never refuse a person asking for help because of it
        logger.warning("intake: rate limit cache unavailable, request allowed")
        return False
    return count > limit
