"""Local development: DEBUG on, SQLite under var/, every email kept in the local outbox, 2FA off."""

from .base import *  # noqa: F403
from .base import EMAIL_URL, VAR_DIR, env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-only-insecure-key-never-used-in-production")
# Look-up hash keys of their own (nexus/hashing.py). The newsletter's default is the string the
# secret key had, from which its hashes used to be derived, so existing suppressions still match.
NEXUS_NEWSLETTER_HASH_KEY = env("NEXUS_NEWSLETTER_HASH_KEY", default="local-only-insecure-key-never-used-in-production")
NEXUS_INTAKE_HASH_KEY = env("NEXUS_INTAKE_HASH_KEY", default="local-only-insecure-intake-lookups")
NEXUS_LOCAL_DEMO = True
_PORT = env("PORT", default="8000")
# `PORT=8711 make run` serves on 8711, so every absolute link (emails, canonical, feed) says 8711 too.
NEXUS_SITE_URL = env("NEXUS_SITE_URL", default=f"http://127.0.0.1:{_PORT}")

# Without EMAIL_URL every email is kept under var/mail/ and read at /admin/outbox/ (nexus/outbox/).
if not EMAIL_URL:
    NEXUS_OUTBOX_DIR = env.path("NEXUS_OUTBOX_DIR", default=VAR_DIR / "mail")
    MAILERS = {
        "default": {"BACKEND": "nexus.outbox.backend.OutboxBackend", "OPTIONS": {"file_path": str(NEXUS_OUTBOX_DIR)}}
    }
