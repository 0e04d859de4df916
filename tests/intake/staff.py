"""Staff users for admin tests and the POST body of a lead's change form."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission


def make_staff(username, *groups, perms=()):
    user = get_user_model().objects.create_user(username, password="x", is_staff=True)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    for perm in perms:
        app_label, codename = perm.split(".")
        user.user_permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return user


def change_form(inquiry, *, activity=None, **fields):
    data = {
        "status": inquiry.status,
        "status_reason": inquiry.status_reason,
        "owner": inquiry.owner_id or "",
        "follow_up_due_0": "",
        "follow_up_due_1": "",
        "activities-TOTAL_FORMS": "1" if activity else "0",
        "activities-INITIAL_FORMS": "0",
        "activities-MIN_NUM_FORMS": "0",
        "activities-MAX_NUM_FORMS": "1000",
    }
    if activity:
        data |= {f"activities-0-{key}": value for key, value in activity.items()}
        data["activities-0-inquiry"] = inquiry.pk
    data |= fields
    return data
