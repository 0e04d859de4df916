"""Tests: fast hashing, in-memory email (Django's test runner swaps MAILERS to locmem), immediate tasks."""

import tempfile

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY", default="test-only-insecure-key")
# Look-up hash keys of their own (nexus/hashing.py). The newsletter's default is the string the
# secret key had, from which its hashes used to be derived, so existing suppressions still match.
NEXUS_NEWSLETTER_HASH_KEY = env("NEXUS_NEWSLETTER_HASH_KEY", default="test-only-insecure-key")
NEXUS_INTAKE_HASH_KEY = env("NEXUS_INTAKE_HASH_KEY", default="test-only-insecure-intake-lookups")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # Real files (tests read the bytes on disk), in a folder of this run's own.
    "private": {
        "BACKEND": "nexus.encrypted_files.EncryptedFileSystemStorage",
        "OPTIONS": {"location": tempfile.mkdtemp(prefix="nexus-private-")},
    },
}
WHITENOISE_AUTOREFRESH = True
NEXUS_LOCAL_DEMO = False
