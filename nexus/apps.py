from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NexusConfig(AppConfig):
    name = "nexus"
    verbose_name = _("Nexus (site-wide)")

    def ready(self):
        from nexus import checks  # noqa: F401 - registers the deploy checks
        from nexus.roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="nexus.sync_role_permissions")
