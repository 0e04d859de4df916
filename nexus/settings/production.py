"""Production: every secret from the environment, no defaults; HTTPS everywhere."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DATABASES, LOGGING, env, mailers_from_url

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
DATABASES["default"] = env.db("DATABASE_URL")
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Inquiry notifications must reach admissions: no console fallback here.
MAILERS = mailers_from_url(env("EMAIL_URL"))
# Personal data at rest: real keys, never derived from SECRET_KEY.
NEXUS_FIELD_ENCRYPTION_KEYS = env.list("NEXUS_FIELD_ENCRYPTION_KEYS")
# Suppression-list hashes must outlive any rotation of the secret key: a key of their own.
NEXUS_NEWSLETTER_HASH_KEY = env("NEXUS_NEWSLETTER_HASH_KEY")
# Leads' look-up hashes likewise (rotatable with `manage.py rehash_lookups`).
NEXUS_INTAKE_HASH_KEY = env("NEXUS_INTAKE_HASH_KEY")

# Every process must share one cache: rate limits, lockout counts, the page cache's invalidation.
# (base.py builds CACHES from it; here it is required.)
REDIS_URL = env("REDIS_URL")

# Plain HTTP only for a local smoke test behind a local proxy; never in a real deployment.
_HTTPS = not env.bool("NEXUS_ALLOW_PLAIN_HTTP", default=False)

# Every link in every email, and the List-Unsubscribe header, start with this: an http or
# localhost address breaks one-click unsubscribe and sends people nowhere.
NEXUS_SITE_URL = env("NEXUS_SITE_URL")
_site = urlsplit(NEXUS_SITE_URL)
_local_smoke = not _HTTPS and _site.scheme == "http" and _site.hostname in ("127.0.0.1", "localhost")
if not (_site.hostname and (_site.scheme == "https" or _local_smoke)):
    raise ImproperlyConfigured(
        f"NEXUS_SITE_URL must be the site's https:// address in production (got {NEXUS_SITE_URL!r}); "
        "plain http is allowed only to 127.0.0.1 or localhost with NEXUS_ALLOW_PLAIN_HTTP, for a local smoke test."
    )
SECURE_SSL_REDIRECT = _HTTPS
SESSION_COOKIE_SECURE = _HTTPS
CSRF_COOKIE_SECURE = _HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_REFERRER_POLICY = "strict-origin"
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
NEXUS_LOCAL_DEMO = False
NEXUS_REQUIRE_2FA = env.bool("NEXUS_REQUIRE_2FA", default=True)
LOGGING["handlers"]["stdout"]["formatter"] = env("NEXUS_LOG_FORMAT", default="json")
