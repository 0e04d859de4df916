"""Staff users for admin tests, the POST body of a lead's change form, its contact form's URL."""

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


def change_form(inquiry, **fields):
    data = {
        "status": inquiry.status,
        "status_reason": inquiry.status_reason,
        "owner": inquiry.owner_id or "",
        "follow_up_due_0": "",
        "follow_up_due_1": "",
        "language": inquiry.language,
    }
    data |= fields
    return data


def contact_url(inquiry):
    """The lead page's small form for a contact attempt or a note (above the timeline)."""
    return f"/admin/intake/inquiry/{inquiry.pk}/contact/"
