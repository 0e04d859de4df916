"""Local development: DEBUG on, SQLite under var/, console email, 2FA off."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-only-insecure-key-never-used-in-production")
NEXUS_LOCAL_DEMO = True
NEXUS_LOCAL_PORT = env("PORT", default="8000")
