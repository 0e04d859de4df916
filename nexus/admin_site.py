"""The staff admin: a home for each role, technical sections for superusers only, human names.

`NexusAdminConfig` replaces "django.contrib.admin" in INSTALLED_APPS so that `admin.site` is a
`NexusAdminSite`; every app registers on it as usual.
"""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from nexus import admin_home

# The machinery under the work: only superusers see these, in the index and in the sidebar.
TECHNICAL = {"auth", "axes", "otp_totp", "otp_static", "django_tasks_database", "sites"}
APP_NAMES = {
    "auth": _("Staff accounts and roles"),
    "axes": _("Sign-in lockouts"),
    "otp_totp": _("Authenticator apps"),
    "otp_static": _("Backup codes"),
    "django_tasks_database": _("Background tasks"),
    "sites": _("Site address"),
    "redirects": _("Redirects (old addresses)"),
    "nexus": _("Audit trail and staff tools"),
}
MODEL_NAMES = {
    ("axes", "accessattempt"): _("Failed and locked sign-ins"),
    ("axes", "accesslog"): _("Sign-in log"),
    ("axes", "accessfailurelog"): _("Failed sign-in log"),
    ("otp_totp", "totpdevice"): _("Authenticator devices"),
    ("otp_static", "staticdevice"): _("Backup code sets"),
    ("django_tasks_database", "dbtaskresult"): _("Task results"),
}


class NexusAdminSite(AdminSite):
    site_header = "Nexus Recovery staff"
    site_title = "Nexus staff"
    index_title = "Work"

    def get_app_list(self, request, app_label=None):
        apps = []
        for app in super().get_app_list(request, app_label):
            technical = app["app_label"] in TECHNICAL
            if technical and not request.user.is_superuser:
                continue
            app["name"] = APP_NAMES.get(app["app_label"], app["name"])
            app["technical"] = technical
            for model in app["models"]:
                model["name"] = MODEL_NAMES.get((app["app_label"], model["object_name"].lower()), model["name"])
            apps.append(app)
        # Work first, machinery last: a stable sort keeps each group alphabetical.
        return sorted(apps, key=lambda app: app["technical"])

    def index(self, request, extra_context=None):
        apps = self.get_app_list(request)
        context = {
            "home_panels": admin_home.panels(request),
            "work_apps": [app for app in apps if not app["technical"]],
            "technical_apps": [app for app in apps if app["technical"]],
            **(extra_context or {}),
        }
        return super().index(request, context)

    def app_index(self, request, app_label, extra_context=None):
        if app_label in TECHNICAL and not request.user.is_superuser:
            raise Http404
        return super().app_index(request, app_label, extra_context)


class NexusAdminConfig(AdminConfig):
    default_site = "nexus.admin_site.NexusAdminSite"
