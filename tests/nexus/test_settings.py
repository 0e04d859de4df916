from tests.subprocess_django import run_django, run_manage

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-this-test-only-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "nexus.example",
    "DATABASE_URL": "postgres://nexus@127.0.0.1:5432/nexus",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
    "NEXUS_NEWSLETTER_HASH_KEY": "a-long-random-hash-key-for-this-test-only",
    "NEXUS_INTAKE_HASH_KEY": "another-long-random-hash-key-for-this-test",
    "NEXUS_FIELD_ENCRYPTION_KEYS": "bMqskF41Xz1xKzc1eOYRW8-pX8i3khEyKd1sCMLm3tw=",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "NEXUS_SITE_URL": "https://www.nexus-recovery.example",
}
SITE_URL_CHECK = "from django.conf import settings\nprint(settings.NEXUS_SITE_URL)\n"


def test_production_refuses_to_start_without_each_secret():
    for missing in PRODUCTION_ENV:
        env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
        result = run_django("", settings="nexus.settings.production", env=env, drop=PRODUCTION_ENV.keys())
        assert result.returncode != 0, f"started without {missing}"
        assert missing in result.stderr


BEHIND_ONE_PROXY = {"NEXUS_TRUSTED_PROXY_COUNT": "1"}


def deploy_check(env):
    return run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="nexus.settings.production",
        env=env,
        drop=["DJANGO_ALLOW_ASYNC_UNSAFE", "NEXUS_TRUSTED_PROXY_COUNT"],
    )


def test_production_deploy_check_reports_no_issues():
    result = deploy_check(PRODUCTION_ENV | BEHIND_ONE_PROXY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_check_warns_when_production_trusts_no_proxy():
    """gunicorn must sit behind a buffering proxy; with the count at 0 every client shares its address."""
    result = deploy_check(PRODUCTION_ENV)
    assert result.returncode != 0
    assert "nexus.W001" in result.stderr and "NEXUS_TRUSTED_PROXY_COUNT is 0" in result.stderr


def test_email_comes_from_email_url_through_mailers():
    """Django's SMTP or console backend under nexus.mail's headers mixin (the third class of its MRO)."""
    code = (
        "from django.core.mail import mailers\nm = mailers.default\n"
        "print(type(m).__mro__[2].__module__, m.host, m.port)\n"
    )
    result = run_django(code, settings="nexus.settings.local", env={"EMAIL_URL": "smtp://127.0.0.1:1025"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.core.mail.backends.smtp", "127.0.0.1", "1025"]

    code = "from django.core.mail import mailers\nprint(type(mailers.default).__module__)\n"
    result = run_django(code, settings="nexus.settings.local", env={"EMAIL_URL": ""})
    assert result.stdout.split() == ["nexus.outbox.backend"]  # the local outbox, var/mail/


def test_production_refuses_a_site_url_that_is_not_https():
    for url in ["http://www.nexus-recovery.example", "http://127.0.0.1:8000", "www.nexus-recovery.example", "https://"]:
        result = run_django(
            SITE_URL_CHECK, settings="nexus.settings.production", env=PRODUCTION_ENV | {"NEXUS_SITE_URL": url}
        )
        assert result.returncode != 0, f"started with NEXUS_SITE_URL={url}"
        assert "NEXUS_SITE_URL must be the site's https:// address" in result.stderr


def test_plain_http_site_url_only_to_this_machine_and_only_with_the_smoke_test_switch():
    local = PRODUCTION_ENV | {"NEXUS_SITE_URL": "http://127.0.0.1:8080", "NEXUS_ALLOW_PLAIN_HTTP": "1"}
    result = run_django(SITE_URL_CHECK, settings="nexus.settings.production", env=local)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "http://127.0.0.1:8080"
    remote = local | {"NEXUS_SITE_URL": "http://www.nexus-recovery.example"}
    assert run_django(SITE_URL_CHECK, settings="nexus.settings.production", env=remote).returncode != 0


def test_cache_is_redis_when_redis_url_is_set():
    code = "from django.conf import settings\nprint(settings.CACHES['default']['BACKEND'])\n"
    with_redis = run_django(code, env={"REDIS_URL": "redis://127.0.0.1:6379/0"})
    without = run_django(code, env={"REDIS_URL": ""})
    assert with_redis.stdout.strip() == "nexus.cache.RedisCache"
    assert without.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"
