"""Staff roles. Each app lists what its roles may do in its own `roles.py`:

    ROLE_PERMISSIONS = {ADMISSIONS: ["intake.view_inquiry", ...]}

The groups are created by a data migration; after every `migrate`, `sync_role_permissions`
gives each group exactly the permissions the apps list (so a new model's permissions reach
its role without a hand-written migration).
"""

from importlib import import_module

from django.apps import apps

ADMISSIONS = "Admissions"
ADMISSIONS_LEAD = "Admissions lead"
CONTENT_EDITORS = "Content editors"
CLINICAL_REVIEWERS = "Clinical reviewers"
MARKETING = "Marketing"
AUDITORS = "Auditors"
ALL = [ADMISSIONS, ADMISSIONS_LEAD, CONTENT_EDITORS, CLINICAL_REVIEWERS, MARKETING, AUDITORS]

ROLE_PERMISSIONS = {
    AUDITORS: ["nexus.view_auditevent"],
    # Team leads unlock colleagues locked out by django-axes (deleting the attempt unlocks).
    # ...and issue enrolment links for Admissions staff (nexus.enrolment.issuable_for says whom).
    ADMISSIONS_LEAD: ["axes.view_accessattempt", "axes.delete_accessattempt", "nexus.add_enrolmentlink"],
}


def declared_permissions():
    """Every app's ROLE_PERMISSIONS merged: {group name: {"app_label.codename", ...}}."""
    merged = {name: set() for name in ALL}
    for config in apps.get_app_configs():
        try:
            module = import_module(f"{config.name}.roles")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.roles":
                raise
            continue
        for role, perms in getattr(module, "ROLE_PERMISSIONS", {}).items():
            merged.setdefault(role, set()).update(perms)
    return merged


def sync_role_permissions(sender, **kwargs):
    from django.contrib.auth.models import Group, Permission

    # post_migrate is sent once per app with models, in INSTALLED_APPS order, and each app's
    # permissions are created on its own signal: sync once, after the last of them.
    if sender is not [config for config in apps.get_app_configs() if config.models_module][-1]:
        return
    for role, perms in declared_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = []
        for label in sorted(perms):
            app_label, codename = label.split(".", 1)
            wanted += list(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.set(wanted)


def has_role(user, *roles):
    return user.is_active and (user.is_superuser or user.groups.filter(name__in=roles).exists())
