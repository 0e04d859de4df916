"""Local development: DEBUG on, SQLite under var/, 2FA off."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-only-insecure-key-never-used-in-production")
NEXUS_LOCAL_DEMO = True
_PORT = env("PORT", default="8000")
# `PORT=8711 make run` serves on 8711, so every absolute link (emails, canonical, feed) says 8711 too.
NEXUS_SITE_URL = env("NEXUS_SITE_URL", default=f"http://127.0.0.1:{_PORT}")
