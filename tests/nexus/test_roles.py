import pytest
from django.contrib.auth.models import Group

from nexus import roles

pytestmark = pytest.mark.django_db


def test_every_role_exists_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ALL)


def test_auditors_read_the_audit_trail_and_nothing_else_of_it():
    perms = set(Group.objects.get(name=roles.AUDITORS).permissions.values_list("codename", flat=True))
    assert "view_auditevent" in perms
    assert not {"add_auditevent", "change_auditevent", "delete_auditevent"} & perms
