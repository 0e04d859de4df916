"""Settings shared by every environment; each value that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
# Old keys still accepted for signed values while they age out (see SECURITY.md, key rotation).
SECRET_KEY_FALLBACKS = env.list("DJANGO_SECRET_KEY_FALLBACKS", default=[])
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

# Apps ---------------------------------------------------------------------

DJANGO_APPS = [
    "nexus.admin_site.NexusAdminConfig",  # django.contrib.admin with a home for each role
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",
]
THIRD_PARTY_APPS = [
    "crispy_forms",
    "crispy_bootstrap5",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]
LOCAL_APPS = [
    "nexus",
    "images",
    "content",
    "intake",
    "newsletter",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS
SITE_ID = 1

MIDDLEWARE = [
    "nexus.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "nexus.middleware.RejectControlCharactersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language is the address's (English unprefixed, /es/...); nexus.locale explains the rest.
    "django.middleware.locale.LocaleMiddleware",
    "nexus.locale.FirstVisitLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nexus.bodylimit.PublicBodyLimitMiddleware",  # before anything reads a body (CSRF's process_view does)
    "django_otp.middleware.OTPMiddleware",
    "nexus.staff_middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "nexus.middleware.SecurityHeadersMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Public endpoints refuse multipart bodies and bodies larger than this (nexus/bodylimit.py).
NEXUS_PUBLIC_MAX_BODY_BYTES = env.int("NEXUS_PUBLIC_MAX_BODY_BYTES", default=128 * 1024)

ROOT_URLCONF = "nexus.urls"
WSGI_APPLICATION = "nexus.wsgi.application"
NEXUS_ADMIN_PATH = env("NEXUS_ADMIN_PATH", default="admin/")

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",  # LANGUAGE_CODE for <html lang>
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nexus.context_processors.site",
                "content.context_processors.site",  # the editable settings row overrides `site`
            ],
        },
    }
]

# Data ---------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'nexus.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")


def caches_from_url(url):
    if not url:
        return {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    return {
        "default": {
            "BACKEND": "nexus.cache.RedisCache",  # django-redis; a Redis outage reads as misses
            "LOCATION": url,
            "KEY_PREFIX": "nexus",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                # Short timeouts: a dead Redis must cost a request milliseconds, not seconds.
                "SOCKET_CONNECT_TIMEOUT": 0.25,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }


CACHES = caches_from_url(REDIS_URL)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "nexus.cache"
if env.bool("NEXUS_DISABLE_CACHE", default=False):  # benchmarks of the uncached path
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
# The rendered page frame ({% cache %} in base.html, whose default alias this is): in each process's
# memory, as the menu is (content.cache.remembered), since reading it back from Redis would cost
# about what rendering it does. Its keys hold the content generation, so they simply stop matching.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "nexus-frame",
    "TIMEOUT": 300,
    "OPTIONS": {"MAX_ENTRIES": 2000},
}

TASKS = {"default": {"BACKEND": env("NEXUS_TASKS_BACKEND", default="django.tasks.backends.immediate.ImmediateBackend")}}
# A task still running after this many seconds lost its worker (killed) and is queued again
# (nexus.worker.recover_abandoned): far longer than any of ours takes, a newsletter batch included.
NEXUS_TASK_ABANDONED_AFTER = env.int("NEXUS_TASK_ABANDONED_AFTER", default=15 * 60)
# Tasks that re-enqueue themselves (see nexus/periodic.py), started by `manage.py start_periodic_tasks`.
NEXUS_PERIODIC_TASKS = [
    "nexus.tasks.heartbeat",
    "newsletter.tasks.send_due_issues",
    "newsletter.tasks.handle_waiting_signups",
    "intake.tasks.send_reminders",
]

# Email: Django 6.1's MAILERS, from EMAIL_URL (smtp://host:port) ------------

EMAIL_URL = env("EMAIL_URL", default="")


def mailers_from_url(url):
    if not url:
        return {"default": {"BACKEND": "nexus.mail.ConsoleBackend"}}
    parsed = urlsplit(url)
    use_tls = parsed.scheme in ("smtp+tls", "submission")
    use_ssl = parsed.scheme == "smtps"
    options = {
        "host": parsed.hostname,
        "port": parsed.port or 25,
        "use_tls": use_tls,
        "use_ssl": use_ssl,
        "timeout": 10,
    }
    if parsed.username:
        options |= {"username": unquote(parsed.username), "password": unquote(parsed.password or "")}
    # nexus.mail's backends give every message the site's Message-ID and Auto-Submitted headers.
    return {"default": {"BACKEND": "nexus.mail.SmtpBackend", "OPTIONS": options}}


MAILERS = mailers_from_url(EMAIL_URL)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Nexus Recovery <no-reply@nexus-recovery.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Auth ---------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out clients before a password check
    "django.contrib.auth.backends.ModelBackend",
]

# Staff sign-in: a TOTP code after the password (django-otp), lockout after 5 failures (django-axes).
NEXUS_REQUIRE_2FA = env.bool("NEXUS_REQUIRE_2FA", default=False)
OTP_TOTP_ISSUER = "Nexus Recovery staff"
# django-otp's own throttle, per device and kept in the database: after each wrong code the device
# waits 1, 2, 4, 8... seconds (this factor times 2^(failures - 1)) before it checks another.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# A staff member's first authenticator needs a one-time link from an Admissions lead or an
# operator (`manage.py enrolment_link`); it works once, for this long.
NEXUS_ENROLMENT_LINK_SECONDS = env.int("NEXUS_ENROLMENT_LINK_SECONDS", default=24 * 60 * 60)
NEXUS_TRUSTED_PROXY_COUNT = env.int("NEXUS_TRUSTED_PROXY_COUNT", default=0)
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# Per username, from any number of addresses: counting per address let guesses spread over a
# botnet go on for ever. The price is that anyone can lock a staff account for 15 minutes, which
# an Admissions lead (or a superuser) undoes by deleting its access attempts.
AXES_LOCKOUT_PARAMETERS = ["username"]
# axes.W006 asks for "ip_address" among the parameters; locking an address as well would lock a
# whole office behind one NAT address after five typos by anyone in it.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_CLIENT_IP_CALLABLE = "nexus.clientip.client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nexus.signin_views.locked_out"
AXES_SENSITIVE_PARAMETERS = ["password", "code"]
AXES_VERBOSE = False

# Sessions: idle timeout of 30 minutes (renewed on each request), absolute limit for staff.
SESSION_COOKIE_AGE = env.int("NEXUS_SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
NEXUS_STAFF_SESSION_MAX_SECONDS = env.int("NEXUS_STAFF_SESSION_MAX_SECONDS", default=12 * 60 * 60)

# I18N ---------------------------------------------------------------------

# English at /, Spanish under /es/ (nexus/urls.py). The names are each language's own.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env("TIME_ZONE", default="America/New_York")
USE_I18N = True
USE_TZ = True

# Static -------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    # Insurance card photos: encrypted files with no URL (nexus/encrypted_files.py). Every web
    # process must see the same folder (a shared volume when there are several machines).
    "private": {
        "BACKEND": "nexus.encrypted_files.EncryptedFileSystemStorage",
        "OPTIONS": {"location": env.str("NEXUS_PRIVATE_FILES_DIR", default=str(VAR_DIR / "private"))},
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("NEXUS_MEDIA_ROOT", default=VAR_DIR / "media")
# Images and their renditions (docs/images.md): S3-compatible object storage when a bucket is
# named, else files under MEDIA_ROOT served by the site itself (images.views.media).
NEXUS_MEDIA_S3_BUCKET = env("NEXUS_MEDIA_S3_BUCKET", default="")
NEXUS_MEDIA_S3_ENDPOINT_URL = env("NEXUS_MEDIA_S3_ENDPOINT_URL", default="")
NEXUS_MEDIA_S3_CUSTOM_DOMAIN = env("NEXUS_MEDIA_S3_CUSTOM_DOMAIN", default="")


def media_storage(bucket, endpoint_url="", custom_domain=""):
    """django-storages' S3 backend for `bucket`: public, unsigned URLs (the images are public pages'),
    never overwriting a name, each file cached for a year (every name is unique to its content)."""
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url or None,
        "region_name": env("NEXUS_MEDIA_S3_REGION", default="") or None,
        "access_key": env("NEXUS_MEDIA_S3_ACCESS_KEY_ID", default="") or None,
        "secret_key": env("NEXUS_MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
        "custom_domain": custom_domain or None,
        "addressing_style": env("NEXUS_MEDIA_S3_ADDRESSING_STYLE", default="path"),
        "querystring_auth": False,
        "file_overwrite": False,
        "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(bucket, endpoint_url="", custom_domain=""):
    """Where image URLs point, for the CSP's img-src: the bucket's own path on its endpoint (path-style
    addressing), the custom domain, or nothing when media is served by this site."""
    if not bucket:
        return None
    if custom_domain:
        return f"https://{custom_domain}/"
    parts = urlsplit(endpoint_url or "https://s3.amazonaws.com")
    return f"{parts.scheme}://{parts.netloc}/{bucket}/"


if NEXUS_MEDIA_S3_BUCKET:
    STORAGES["default"] = media_storage(
        NEXUS_MEDIA_S3_BUCKET, NEXUS_MEDIA_S3_ENDPOINT_URL, NEXUS_MEDIA_S3_CUSTOM_DOMAIN
    )
NEXUS_MEDIA_ORIGIN = media_origin(NEXUS_MEDIA_S3_BUCKET, NEXUS_MEDIA_S3_ENDPOINT_URL, NEXUS_MEDIA_S3_CUSTOM_DOMAIN)
NEXUS_SERVE_MEDIA = env.bool("NEXUS_SERVE_MEDIA", default=not NEXUS_MEDIA_S3_BUCKET)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security (tightened further in production) ------------------------------

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "nexus.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nonces for the few inline scripts; nothing from any other origin, ever.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([NEXUS_MEDIA_ORIGIN] if NEXUS_MEDIA_ORIGIN else [])],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
NEXUS_PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Pages with forms for personal data (and search, whose URL holds what was searched) send no
# Referer to any other site (Referrer-Policy: same-origin).
NEXUS_NO_REFERRER_PATHS = ["/admissions/", "/newsletter/", "/search/", "/" + NEXUS_ADMIN_PATH]
# The same forms and search in every other language, under its prefix (/es/admissions/).
NEXUS_NO_REFERRER_PATHS += [
    f"/{code}{path}" for code, _name in LANGUAGES if code != LANGUAGE_CODE for path in NEXUS_NO_REFERRER_PATHS[:3]
]

# The center ---------------------------------------------------------------

NEXUS_CENTER_NAME = env("NEXUS_CENTER_NAME", default="Nexus Recovery")
# A fictional 555-01xx number until the real one is configured.
NEXUS_PHONE = env("NEXUS_PHONE", default="+1-202-555-0199")
NEXUS_ADDRESS = env("NEXUS_ADDRESS", default="100 Example Way, Springfield, ST 00000")
NEXUS_ADMISSIONS_EMAIL = env("NEXUS_ADMISSIONS_EMAIL", default="admissions@nexus-recovery.example")
NEXUS_SITE_URL = env("NEXUS_SITE_URL", default="http://127.0.0.1:8000")

# Intake (admissions leads) -------------------------------------------------

# Fernet keys for personal data at rest, comma-separated, newest first (MultiFernet rotates).
# Empty here means "derive one from SECRET_KEY": for local and test only; production requires it.
NEXUS_FIELD_ENCRYPTION_KEYS = env.list("NEXUS_FIELD_ENCRYPTION_KEYS", default=[])
NEXUS_LEAD_RETENTION_DAYS = env.int("NEXUS_LEAD_RETENTION_DAYS", default=365)
# Key of the look-up hashes of leads' phones and emails and of client addresses (nexus/hashing.py).
# Its own key, never SECRET_KEY; `manage.py rehash_lookups` recomputes the hashes after a change.
# Local and test settings give a fixed insecure one; production requires it.
NEXUS_INTAKE_HASH_KEY = env("NEXUS_INTAKE_HASH_KEY", default="")
# Submissions per client address per window (seconds); the address is only ever hashed.
NEXUS_INTAKE_RATE_LIMIT = env.int("NEXUS_INTAKE_RATE_LIMIT", default=10)
NEXUS_INTAKE_RATE_WINDOW = env.int("NEXUS_INTAKE_RATE_WINDOW", default=600)

# Newsletter ---------------------------------------------------------------

# A discreet sender: being on this list is itself sensitive.
NEXUS_NEWSLETTER_FROM_EMAIL = env(
    "NEXUS_NEWSLETTER_FROM_EMAIL", default="Nexus Newsletter <newsletter@nexus-recovery.example>"
)
# Key for the address hashes (suppression list, subscriber look-ups, throttle keys). Set it once and
# never change it: a new key forgets who must not be mailed. Local and test settings give a fixed
# insecure one; production requires it.
NEXUS_NEWSLETTER_HASH_KEY = env("NEXUS_NEWSLETTER_HASH_KEY", default="")
# At most one confirmation email per address per this many seconds.
NEXUS_NEWSLETTER_CONFIRM_INTERVAL = env.int("NEXUS_NEWSLETTER_CONFIRM_INTERVAL", default=600)
# Sending: messages per claimed batch (one SMTP connection each), retries of 4xx replies, and how
# long a claimed delivery may stay "sending" before it is presumed lost and marked "unknown".
NEXUS_NEWSLETTER_BATCH_SIZE = env.int("NEXUS_NEWSLETTER_BATCH_SIZE", default=200)
NEXUS_NEWSLETTER_MAX_ATTEMPTS = env.int("NEXUS_NEWSLETTER_MAX_ATTEMPTS", default=5)
NEXUS_NEWSLETTER_CLAIM_TIMEOUT = env.int("NEXUS_NEWSLETTER_CLAIM_TIMEOUT", default=15 * 60)
# How many task workers may work on one issue at once.
NEXUS_NEWSLETTER_PARALLEL_SENDS = env.int("NEXUS_NEWSLETTER_PARALLEL_SENDS", default=2)
# Optional dotted path to a callable returning the latest articles [{"title", "summary", "url"}].
NEXUS_NEWSLETTER_ARTICLES = env("NEXUS_NEWSLETTER_ARTICLES", default="content.articles.latest")

# Logging: stdout only, and never request bodies or form values -------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_request": {"()": "nexus.logging.DropRequestFilter"},
        "request_id": {"()": "nexus.logging.RequestIdFilter"},
    },
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "nexus.logging.JsonFormatter"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": env("NEXUS_LOG_FORMAT", default="plain"),
            "filters": ["no_request", "request_id"],
        }
    },
    "root": {"handlers": ["stdout"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django's defaults give "django" a bare console handler and "django.server" its own format:
        # without these two, autoreload and task lines came out twice and request lines unformatted.
        "django": {"handlers": [], "level": env("DJANGO_LOG_LEVEL", default="INFO"), "propagate": True},
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
        "axes": {"handlers": ["stdout"], "level": "WARNING", "propagate": False},
    },
}
