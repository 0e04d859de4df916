"""Local development: DEBUG on, SQLite under var/, console email, 2FA off."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-only-insecure-key-never-used-in-production")
# Look-up hash keys of their own (nexus/hashing.py). The newsletter's default is the string the
# secret key had, from which its hashes used to be derived, so existing suppressions still match.
NEXUS_NEWSLETTER_HASH_KEY = env("NEXUS_NEWSLETTER_HASH_KEY", default="local-only-insecure-key-never-used-in-production")
NEXUS_INTAKE_HASH_KEY = env("NEXUS_INTAKE_HASH_KEY", default="local-only-insecure-intake-lookups")
NEXUS_LOCAL_DEMO = True
NEXUS_LOCAL_PORT = env("PORT", default="8000")
