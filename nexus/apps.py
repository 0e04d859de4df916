from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NexusConfig(AppConfig):
    name = "nexus"
    verbose_name = _("Nexus (site-wide)")

    def ready(self):
        from nexus.roles import sync_role_permissions

        # post_migrate is sent once per app, in INSTALLED_APPS order, and each app's permissions
        # are created on its own signal: sync once, after the last app has its permissions.
        last_app = list(apps.get_app_configs())[-1]
        post_migrate.connect(sync_role_permissions, sender=last_app, dispatch_uid="nexus.sync_role_permissions")
