"""Deploy checks (`manage.py check --deploy`) for what production needs and Django cannot know."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def trusted_proxies(app_configs, **kwargs):
    if settings.NEXUS_TRUSTED_PROXY_COUNT > 0:
        return []
    return [
        Warning(
            "NEXUS_TRUSTED_PROXY_COUNT is 0: the site believes gunicorn faces clients directly.",
            hint=(
                "Production runs behind a buffering proxy (nginx; see gunicorn.conf.py). Set "
                "NEXUS_TRUSTED_PROXY_COUNT to the number of proxies in front, or every client "
                "shares the proxy's address for lockouts and rate limits."
            ),
            id="nexus.W001",
        )
    ]
