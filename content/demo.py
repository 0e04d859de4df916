"""Demo content for `manage.py load_demo_content`: idempotent, written from the content brief."""

from django.conf import settings
from django.contrib.sites.models import Site


def load():
    Site.objects.update_or_create(
        pk=settings.SITE_ID, defaults={"domain": "127.0.0.1:8000", "name": settings.NEXUS_CENTER_NAME}
    )
    return "site"
