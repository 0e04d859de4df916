from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NexusConfig(AppConfig):
    name = "nexus"
    verbose_name = _("Nexus (site-wide)")
