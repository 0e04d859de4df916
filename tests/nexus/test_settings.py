from tests.subprocess_django import run_django, run_manage

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "a-long-random-production-secret-key-for-this-test-only-0123456789abcdef",
    "DJANGO_ALLOWED_HOSTS": "nexus.example",
    "DATABASE_URL": "postgres://nexus@127.0.0.1:5432/nexus",
    "EMAIL_URL": "smtp://127.0.0.1:1025",
    "NEXUS_NEWSLETTER_HASH_KEY": "a-long-random-hash-key-for-this-test-only",
    "NEXUS_FIELD_ENCRYPTION_KEYS": "bMqskF41Xz1xKzc1eOYRW8-pX8i3khEyKd1sCMLm3tw=",
}


def test_production_refuses_to_start_without_each_secret():
    for missing in PRODUCTION_ENV:
        env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
        result = run_django("", settings="nexus.settings.production", env=env, drop=PRODUCTION_ENV.keys())
        assert result.returncode != 0, f"started without {missing}"
        assert missing in result.stderr


def test_production_deploy_check_reports_no_issues():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        settings="nexus.settings.production",
        env=PRODUCTION_ENV,
        drop=["DJANGO_ALLOW_ASYNC_UNSAFE"],
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_email_comes_from_email_url_through_mailers():
    code = "from django.core.mail import mailers\nm = mailers.default\nprint(type(m).__module__, m.host, m.port)\n"
    result = run_django(code, settings="nexus.settings.local", env={"EMAIL_URL": "smtp://127.0.0.1:1025"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.core.mail.backends.smtp", "127.0.0.1", "1025"]

    result = run_django(code.replace(", m.host, m.port", ""), settings="nexus.settings.local", env={"EMAIL_URL": ""})
    assert result.stdout.split() == ["nexus.outbox.backend"]  # the local outbox, var/mail/


def test_cache_is_redis_when_redis_url_is_set():
    code = "from django.conf import settings\nprint(settings.CACHES['default']['BACKEND'])\n"
    with_redis = run_django(code, env={"REDIS_URL": "redis://127.0.0.1:6379/0"})
    without = run_django(code, env={"REDIS_URL": ""})
    assert with_redis.stdout.strip() == "nexus.cache.ResilientRedisCache"
    assert without.stdout.strip() == "django.core.cache.backends.locmem.LocMemCache"
